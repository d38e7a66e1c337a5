from django.urls import path

from tochuc.core import views

app_name = "core"
urlpatterns = [
    path("tim-kiem/", views.search, name="search"),
    path("quy-dinh/", views.rules, name="rules"),
]
