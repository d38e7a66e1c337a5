"""REST API (placeholder viewsets until the app's API is written)."""

from rest_framework import viewsets


class PersonViewSet(viewsets.ViewSet):
    pass
