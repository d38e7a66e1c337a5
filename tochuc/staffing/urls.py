from django.urls import path

from tochuc.staffing import views

app_name = "staffing"
urlpatterns = [
    path("", views.headcounts, name="headcounts"),
    path("them/", views.headcount_create, name="headcount_create"),
    path("<int:pk>/sua/", views.headcount_edit, name="headcount_edit"),
    path("tinh-gian/", views.reduction, name="reduction"),
    path("tinh-gian/ban-ghi/", views.reduction_records, name="reduction_records"),
    path("doi-du/", views.balance, name="balance"),
]
