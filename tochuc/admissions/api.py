"""REST API (placeholder viewsets until the app's API is written)."""

from rest_framework import viewsets


class CandidateViewSet(viewsets.ViewSet):
    pass


class AdmissionTargetViewSet(viewsets.ViewSet):
    pass
