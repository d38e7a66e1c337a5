from django.urls import path

from tochuc.organizations import views

app_name = "organizations"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/truc-thuoc/", views.children, name="children"),
    path("<int:pk>/thanh-lap-truc-thuoc/", views.establish, name="establish"),
    path("<int:pk>/thay-doi/", views.change, name="change"),
    path("<int:pk>/giai-the/", views.dissolve, name="dissolve"),
]
