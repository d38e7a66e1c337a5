"""Building, issuing and exporting quarterly reports; every export is written to the audit log."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from tochuc.core.formatting import vn_date
from tochuc.core.services import export_record
from tochuc.organizations.models import Organization
from tochuc.organizations.pages import may_change
from tochuc.reports import quarterly
from tochuc.reports.models import IssuedReport
from tochuc.reports.render import CONTENT_TYPES, EXTENSIONS, render

FORMATS = ("json", "docx", "xlsx", "pdf")


def build(*, root: Organization, quarter: quarterly.Quarter, on: dt.date, user=None, tasks=""):
    """The report's content for `root` and `quarter` with figures at `on`; refuses a date
    before the quarter began or a root that does not exist on that date."""
    if on < quarter.start:
        raise ValidationError(
            f"Ngày tính số liệu {vn_date(on)} trước ngày đầu {quarter.label} "
            f"({vn_date(quarter.start)})."
        )
    if root.period_at(on) is None:
        raise ValidationError(f"Tổ chức {root.code} không tồn tại vào ngày {vn_date(on)}.")
    return quarterly.content(root=root, quarter=quarter, on=on, user=user, tasks=tasks)


@transaction.atomic
def issue(
    *,
    user,
    root: Organization,
    quarter: quarterly.Quarter,
    on: dt.date,
    tasks: str = "",
    number: str = "",
    signer_name: str = "",
) -> IssuedReport:
    """Freeze the report: its figures, parameters and time, by a user who may change the
    organization's records."""
    if not may_change(user, root):
        raise PermissionDenied("Bạn không có quyền phát hành báo cáo của tổ chức này.")
    content = build(root=root, quarter=quarter, on=on, user=user, tasks=tasks)
    return IssuedReport.objects.create(
        organization=root,
        quarter=str(quarter),
        as_of=on,
        number=number,
        signer_name=signer_name,
        content=content,
        issued_by=user,
    )


@dataclass(frozen=True)
class Export:
    data: bytes
    content_type: str
    filename: str


def export(*, content: dict, fmt: str, user=None, number: str = "", signer_name: str = ""):
    """The report as a file of `fmt` (json, docx, xlsx, pdf), logged as an export."""

    if fmt not in FORMATS:
        raise ValidationError(
            f"Định dạng «{fmt}» không hỗ trợ: chọn một trong {', '.join(FORMATS)}."
        )
    if fmt == "json":
        data = json.dumps(content, ensure_ascii=False, indent=2).encode()
        content_type, extension = "application/json", ".json"
    else:
        doc = quarterly.document(content, number=number, signer_name=signer_name)
        data, content_type, extension = render(doc, fmt), CONTENT_TYPES[fmt], EXTENSIONS[fmt]
    code = content["organization"]["code"]
    export_record(
        user=user,
        subject=f"Báo cáo quý {content['quarter']} {code}",
        detail={"format": fmt, "as_of": content["as_of"], "organization": code},
    )
    filename = f"bao-cao-quy-{content['quarter']}-{code}{extension}"
    return Export(data, content_type, filename)
