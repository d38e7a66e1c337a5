"""Download routes, included by `tochuc.interchange.urls` in the «interchange» namespace."""

from django.urls import path

from tochuc.interchange import export_views

urlpatterns = [
    path("mau/", export_views.template_download, name="template"),
    path("xuat/", export_views.export_download, name="export"),
]
