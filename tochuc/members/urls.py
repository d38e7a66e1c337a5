from django.urls import path

from tochuc.members import views

app_name = "members"
urlpatterns = [
    path("", views.member_list, name="list"),
    path("them/", views.member_add, name="add"),
    path("<int:pk>/", views.member_detail, name="detail"),
    path("<int:pk>/in/", views.member_print, name="print"),
    path("<int:pk>/su-kien/", views.event_add, name="event_add"),
    path("<int:pk>/chuyen-chinh-thuc/", views.member_confirm, name="confirm"),
    path("<int:pk>/dinh-chinh/<int:event_id>/", views.event_correct, name="event_correct"),
]
