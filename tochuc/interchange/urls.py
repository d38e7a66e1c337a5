from django.urls import include, path

from tochuc.interchange import views

app_name = "interchange"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.job_detail, name="job"),
    path("<int:pk>/tien-do/", views.job_progress, name="progress"),
    path("<int:pk>/xac-nhan/", views.job_confirm, name="confirm"),
    path("", include("tochuc.interchange.export_urls")),
]
