"""Downloads of the interchange workbook: the empty template and a subtree's data."""

from __future__ import annotations

import tempfile

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.utils import timezone

from tochuc.interchange.exporter import export_subtree
from tochuc.interchange.template import template_workbook
from tochuc.organizations.models import Organization
from tochuc.organizations.pages import chosen_organization

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_FILENAME = "mau-trao-doi-du-lieu.xlsx"


def organization_from(request) -> Organization:
    """The organization of `?org=` (its code, or its id), or of `?ma=` (its code), by default
    the user's own, within the user's view scope; 404 outside it."""
    code = (request.GET.get("org") or "").strip()
    if code:
        found = Organization.objects.restrict(request.user).filter(code=code).first()
        if found is not None:
            return found
    return chosen_organization(request)


def xlsx_response(write, filename: str) -> FileResponse:
    """The workbook `write(stream)` produces, as a download (spooled through a temporary
    file, so that a province's export is not held in memory)."""
    stream = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the response)
    write(stream)
    stream.seek(0)
    return FileResponse(stream, as_attachment=True, filename=filename, content_type=XLSX)


def export_filename(root: Organization) -> str:
    return f"trao-doi-{root.code}-{timezone.localdate():%Y%m%d}.xlsx"


@login_required
def template_download(request):
    """The empty workbook: headers, drop-down lists, instructions with examples."""
    return xlsx_response(template_workbook, TEMPLATE_FILENAME)


@login_required
def export_download(request):
    """Everything of the chosen organization's subtree over its history, as the workbook."""
    root = organization_from(request)
    return xlsx_response(
        lambda stream: export_subtree(root, request.user, stream), export_filename(root)
    )
