from django.urls import path

from tochuc.people import views

app_name = "people"
urlpatterns = [
    path("<int:pk>/sua/", views.person_edit, name="edit"),
    path("chon/", views.person_choices, name="choices"),
]
