"""Writes of biên chế: a unit's approved and actual headcount for a year, citing the document
that approved it. Keyword-only, validated, transactional; refusals are Vietnamese
`ValidationError`s naming the field."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from tochuc.core.formatting import vn_date
from tochuc.core.models import Decision
from tochuc.core.services import locked_for_edit
from tochuc.organizations.models import Organization
from tochuc.staffing.models import Category, Headcount

FIRST_YEAR, LAST_YEAR = 1990, 2100


def _validate(
    *, organization: Organization, year: int, approved: int, actual: int | None, decision
) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(f"Năm: phải từ {FIRST_YEAR} đến {LAST_YEAR}.")
    if approved is None or approved < 0:
        raise ValidationError("Biên chế được giao: phải là số không âm.")
    if actual is not None and actual < 0:
        raise ValidationError("Số có mặt: phải là số không âm.")
    if decision is None:
        raise ValidationError("Văn bản giao biên chế: hãy ghi số, ngày ban hành, cơ quan ban hành.")
    if decision.signed_on > dt.date(year, 12, 31):
        raise ValidationError(
            f"Văn bản giao biên chế: ngày ban hành {vn_date(decision.signed_on)} sau năm {year}."
        )
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if organization.valid_from > last or organization.valid_to < first:
        raise ValidationError(
            f"Cơ quan, đơn vị: «{organization.code}» không hoạt động trong năm {year}."
        )


@transaction.atomic
def headcount_set(
    *,
    organization: Organization,
    year: int,
    approved: int,
    decision: Decision,
    category: str = Category.CIVIL_SERVANTS,
    actual: int | None = None,
    note: str = "",
) -> Headcount:
    """Giao biên chế: the approved (and, when known, actual) headcount of `organization` for
    `year` and `category`. Refused when the unit already has that year's figure (edit it)."""
    if category not in Category.values:
        raise ValidationError(f"Loại biên chế: «{category}» không có trong danh mục.")
    _validate(
        organization=organization, year=year, approved=approved, actual=actual, decision=decision
    )
    if Headcount.objects.filter(organization=organization, year=year, category=category).exists():
        raise ValidationError(
            f"Năm: «{organization.code}» đã có biên chế {Category(category).label.lower()} năm "
            f"{year}; hãy sửa số đã ghi."
        )
    return Headcount.objects.create(
        organization=organization,
        year=year,
        category=category,
        approved=approved,
        actual=actual,
        decision=decision,
        note=note,
    )


@transaction.atomic
def headcount_update(
    *,
    headcount: Headcount,
    approved: int,
    decision: Decision,
    actual: int | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Headcount:
    """Correct a year's figures (a new approval cites its own document)."""
    headcount = locked_for_edit(Headcount, headcount.pk, expected_version=expected_version)
    _validate(
        organization=headcount.organization,
        year=headcount.year,
        approved=approved,
        actual=actual,
        decision=decision,
    )
    headcount.approved, headcount.actual = approved, actual
    headcount.decision, headcount.note = decision, note
    headcount.version += 1
    headcount.save()
    return headcount


@transaction.atomic
def headcount_delete(*, headcount: Headcount, expected_version: int | None = None) -> None:
    """Remove a figure entered by mistake (the history table keeps it)."""
    headcount = locked_for_edit(Headcount, headcount.pk, expected_version=expected_version)
    headcount.delete()
