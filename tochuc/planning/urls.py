from django.urls import path

from tochuc.planning.views import configuration, plans, reports

app_name = "planning"
urlpatterns = [
    path("", plans.plan_list, name="plan_list"),
    path("chuc-danh/", plans.post_list, name="posts"),
    path("chuc-danh/<int:pk>/", plans.post_detail, name="post"),
    path("chuc-danh/<int:pk>/them/", plans.post_add, name="post_add"),
    path("muc/<int:pk>/dua-ra/", plans.entry_remove, name="entry_remove"),
    path("de-nghi-dua-ra/", reports.candidates, name="candidates"),
    path("co-cau/", reports.structure, name="structure"),
    path("co-cau-cap-uy/", reports.committee, name="committee"),
    path("muc-tieu-co-cau/", configuration.targets, name="targets"),
    path("muc-tieu-co-cau/<int:pk>/", configuration.target_edit, name="target_edit"),
    path("nhiem-ky/", configuration.terms, name="terms"),
    path("nhiem-ky/<int:pk>/sua/", configuration.term_edit, name="term_edit"),
    path("nhiem-ky/tao-chuan/", configuration.terms_seed, name="terms_seed"),
]
