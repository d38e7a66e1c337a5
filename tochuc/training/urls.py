from django.urls import path

from tochuc.training import views

app_name = "training"
urlpatterns = [
    path("", views.class_list, name="classes"),
    path("lop/them/", views.class_create, name="class_create"),
    path("lop/<int:pk>/", views.class_detail, name="class"),
    path("lop/<int:pk>/sua/", views.class_edit, name="class_edit"),
    path("lop/<int:pk>/cu-hoc-vien/", views.enrollment_add, name="enrollment_add"),
    path("hoc-vien/<int:pk>/ket-qua/", views.enrollment_result, name="enrollment_result"),
    path("chuong-trinh/", views.course_list, name="courses"),
    path("chuong-trinh/them/", views.course_create, name="course_create"),
    path("chuong-trinh/<int:pk>/sua/", views.course_edit, name="course_edit"),
    path("ca-nhan/<int:pk>/", views.person_training, name="person"),
    path("ca-nhan/<int:pk>/van-bang/", views.qualification_add, name="qualification_add"),
    path("so-lieu/", views.figures, name="figures"),
    path("so-lieu/nguoi/", views.figure_people, name="figure_people"),
    path("so-lieu/luot/", views.figure_enrollments, name="figure_enrollments"),
]
