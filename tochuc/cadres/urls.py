from django.urls import path

from tochuc.cadres.views import mobility, persons, posts, seats

app_name = "cadres"
urlpatterns = [
    path("", seats.overview, name="overview"),
    path("bo-may/<int:org_id>/", seats.board, name="board"),
    path("thieu-khuyet/", seats.vacancies, name="vacancies"),
    path("canh-bao/", seats.alert_lists, name="alerts"),
    path("chuc-danh/them/", posts.post_create, name="post_create"),
    path("chuc-danh/<int:pk>/", posts.post_detail, name="post"),
    path("chuc-danh/<int:pk>/dinh-muc/", posts.post_quota, name="post_quota"),
    path("chuc-danh/<int:pk>/phuong-an/", posts.post_plan, name="post_plan"),
    path("chuc-danh/<int:pk>/bo-tri/", posts.post_assign, name="post_assign"),
    path("bo-tri/<int:pk>/thoi-giu/", posts.assignment_end, name="assignment_end"),
    path("dieu-dong/", mobility.move_list, name="moves"),
    path("dieu-dong/them/", mobility.move_create, name="move_create"),
    path("dieu-dong/<int:pk>/", mobility.move_detail, name="move"),
    path("dieu-dong/<int:pk>/ket-thuc/", mobility.move_end, name="move_end"),
    path("ca-nhan/<int:pk>/", persons.career, name="career"),
]
