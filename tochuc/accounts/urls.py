from django.contrib.auth import views as auth_views
from django.urls import path

from tochuc.accounts import views
from tochuc.accounts.forms import LoginForm

app_name = "accounts"
urlpatterns = [
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", authentication_form=LoginForm
        ),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("nguoi-dung/", views.user_list, name="user_list"),
    path("nguoi-dung/them/", views.user_add, name="user_add"),
    path("nguoi-dung/<int:pk>/", views.user_detail, name="user_detail"),
]
