from django.urls import path

from tochuc.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("tai-ve/", views.draft, name="draft"),
    path("phat-hanh/", views.issue, name="issue"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/tai-ve/<slug:fmt>/", views.issued_download, name="issued_download"),
]
