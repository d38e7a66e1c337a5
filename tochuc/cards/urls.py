from django.urls import path

from tochuc.cards import views

app_name = "cards"
urlpatterns = [
    path("", views.board, name="board"),
    path("danh-sach/", views.members, name="members"),
    path("chua-ke-khai/", views.not_declared, name="not_declared"),
    path("dang-vien/<int:pk>/", views.member, name="member"),
    path("dang-vien/<int:pk>/ke-khai/", views.declare, name="declare"),
    path("dang-vien/<int:pk>/ghi-nhan/", views.step, name="step"),
]
