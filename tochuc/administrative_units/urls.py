from django.urls import path

from tochuc.administrative_units import views

app_name = "administrative_units"
urlpatterns = [
    path("", views.unit_list, name="unit_list"),
    path("<int:pk>/", views.unit_detail, name="unit_detail"),
]
