from django.urls import path

from tochuc.congresses import views

app_name = "congresses"
urlpatterns = [
    path("", views.congress_list, name="list"),
    path("them/", views.congress_create, name="create"),
    path("<int:pk>/", views.congress_detail, name="detail"),
    path("<int:pk>/sua/", views.congress_edit, name="edit"),
    path("<int:pk>/dai-bieu/", views.delegates, name="delegates"),
    path("<int:pk>/so-luong-cap-uy/", views.sizes, name="sizes"),
    path("<int:pk>/ket-qua-bau-cu/", views.election, name="election"),
    path("<int:pk>/tim-nguoi/", views.person_search, name="person_search"),
    path("<int:pk>/chi-tieu/them/", views.target_create, name="target_create"),
    path("dai-bieu/<int:pk>/bo/", views.delegate_remove, name="delegate_remove"),
    path("nguoi-trung-cu/<int:pk>/bo/", views.member_remove, name="member_remove"),
    path("chi-tieu/<int:pk>/", views.target_detail, name="target"),
    path("chi-tieu/<int:pk>/ket-qua/", views.progress, name="progress"),
]
