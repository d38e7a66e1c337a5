from django.urls import path

from tochuc.indicators import views

app_name = "indicators"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<slug:key>/", views.records, name="records"),
]
