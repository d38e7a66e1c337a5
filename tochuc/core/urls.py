from django.urls import path

from tochuc.core import views

app_name = "core"
urlpatterns = [path("", views.search, name="search")]
