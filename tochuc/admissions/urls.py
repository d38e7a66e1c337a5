from django.urls import path

from tochuc.admissions import views

app_name = "admissions"
urlpatterns = [
    path("", views.candidate_list, name="candidate_list"),
    path("them/", views.candidate_create, name="candidate_create"),
    path("<int:pk>/", views.candidate_detail, name="candidate_detail"),
    path("<int:pk>/cap-nhat/", views.candidate_update, name="candidate_update"),
    path("chi-tieu/", views.target_list, name="target_list"),
    path("chi-tieu/them/", views.target_create, name="target_create"),
    path("chi-tieu/<int:pk>/", views.target_edit, name="target_edit"),
    path("tien-do/", views.progress, name="progress"),
]
