from django.urls import path

from tochuc.ratings.views import entry, figures, persons

app_name = "ratings"
urlpatterns = [
    path("", figures.overview, name="overview"),
    path("ca-nhan/", figures.person_ratings, name="person_ratings"),
    path("ca-nhan/them/", entry.person_rating_create, name="person_rating_create"),
    path("ca-nhan/<int:pk>/sua/", entry.person_rating_edit, name="person_rating_edit"),
    path("to-chuc/", figures.organization_ratings, name="organization_ratings"),
    path("to-chuc/them/", entry.organization_rating_create, name="organization_rating_create"),
    path("to-chuc/<int:pk>/sua/", entry.organization_rating_edit, name="organization_rating_edit"),
    path("tin-nhiem/", figures.votes, name="votes"),
    path("tin-nhiem/them/", entry.vote_create, name="vote_create"),
    path("tin-nhiem/<int:pk>/", persons.vote, name="vote"),
    path("tin-nhiem/<int:pk>/sua/", entry.vote_edit, name="vote_edit"),
    path("ky-luat/", figures.disciplines, name="disciplines"),
    path("ky-luat/them/", entry.discipline_create, name="discipline_create"),
    path("ky-luat/<int:pk>/sua/", entry.discipline_edit, name="discipline_edit"),
    path("nguoi/<int:pk>/", persons.person, name="person"),
    path("xem-truoc/xep-loai/", persons.category_preview, name="category_preview"),
    path("xem-truoc/tin-nhiem/", persons.vote_preview, name="vote_preview"),
]
