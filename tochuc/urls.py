"""Top-level routes: UI pages per app, the REST API under /api/, Django admin."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from tochuc.api_urls import router

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="indicators:dashboard"), name="home"),
    path("tai-khoan/", include("tochuc.accounts.urls")),
    path("to-chuc/", include("tochuc.organizations.urls")),
    path("don-vi-hanh-chinh/", include("tochuc.administrative_units.urls")),
    path("", include("tochuc.core.urls")),
    path("ca-nhan/", include("tochuc.people.urls")),
    path("dang-vien/", include("tochuc.members.urls")),
    path("ket-nap/", include("tochuc.admissions.urls")),
    path("the-dang/", include("tochuc.cards.urls")),
    path("can-bo/", include("tochuc.cadres.urls")),
    path("quy-hoach/", include("tochuc.planning.urls")),
    path("dao-tao/", include("tochuc.training.urls")),
    path("danh-gia/", include("tochuc.ratings.urls")),
    path("dai-hoi/", include("tochuc.congresses.urls")),
    path("bien-che/", include("tochuc.staffing.urls")),
    path("chi-so/", include("tochuc.indicators.urls")),
    path("bao-cao/", include("tochuc.reports.urls")),
    path("trao-doi/", include("tochuc.interchange.urls")),
    path("api/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    path("quan-tri/", admin.site.urls),
]
