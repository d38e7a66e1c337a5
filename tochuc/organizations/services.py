"""Writes to the organization tree. Each change cites a decision and keeps history.

Dates follow DOMAIN.md: an event dated D takes effect on D, so a dissolution or merge on D
makes D - 1 the last day of the old organization.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from tochuc.core.dating import day_before
from tochuc.core.formatting import vn_date
from tochuc.core.models import Decision
from tochuc.core.services import locked_for_edit
from tochuc.organizations.closure import closure_refresh
from tochuc.organizations.kinds import Kind, parent_problem
from tochuc.organizations.models import (
    LineageEvent,
    LineageKind,
    LineageLink,
    Organization,
    OrganizationPeriod,
)
from tochuc.organizations.succession import succession_refresh


def _period_at(organization: Organization, on: dt.date) -> OrganizationPeriod:
    period = organization.periods.valid_at(on).first()
    if period is None:
        raise ValidationError(
            f"Tổ chức {organization.code} không tồn tại vào ngày {vn_date(on)}.", code="not_valid"
        )
    return period


def _check_parent(kind: str, parent: Organization | None, on: dt.date) -> None:
    parent_kind = _period_at(parent, on).kind if parent else None
    problem = parent_problem(kind, parent_kind)
    if problem:
        raise ValidationError(problem, code="parent_kind")


def _derived_refresh(organization_ids: list[int]) -> None:
    """Recompute what is derived from the tree and its lineage: closure and succession."""
    closure_refresh(organization_ids)
    succession_refresh(organization_ids)


def _record(kind: str, effective_on: dt.date, decision: Decision, links) -> LineageEvent:
    """A lineage event with its links, given as (predecessor, successor, is_default)."""
    event = LineageEvent.objects.create(kind=kind, effective_on=effective_on, decision=decision)
    LineageLink.objects.bulk_create(
        LineageLink(event=event, predecessor=p, successor=s, is_default=d) for p, s, d in links
    )
    return event


@transaction.atomic
def organization_establish(
    *,
    code: str,
    name: str,
    kind: str,
    parent: Organization | None,
    established_on: dt.date,
    decision: Decision,
    administrative_unit=None,
) -> Organization:
    """Thành lập: a new organization under `parent` from `established_on`."""
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise ValidationError("Tổ chức phải có mã và tên.", code="required")
    if kind not in Kind.values:
        raise ValidationError(f"Loại tổ chức «{kind}» không có trong danh mục.", code="kind")
    if Organization.objects.filter(code=code).exists():
        raise ValidationError(f"Mã tổ chức «{code}» đã được dùng.", code="duplicate_code")
    _check_parent(kind, parent, established_on)
    organization = Organization.objects.create(
        code=code, valid_from=established_on, administrative_unit=administrative_unit
    )
    OrganizationPeriod.objects.create(
        organization=organization,
        name=name,
        kind=kind,
        parent=parent,
        valid_from=established_on,
        decision=decision,
    )
    _record(LineageKind.ESTABLISHED, established_on, decision, [(None, organization, True)])
    _derived_refresh([organization.pk])
    return organization


@transaction.atomic
def organization_change(
    *,
    organization: Organization,
    effective_on: dt.date,
    decision: Decision,
    expected_version: int,
    name: str | None = None,
    kind: str | None = None,
    parent: Organization | bool | None = False,
) -> OrganizationPeriod:
    """Đổi tên / chuyển trực thuộc: a new period from `effective_on`; the old one is kept.

    `parent=False` keeps the parent. `expected_version` is the version the editor saw:
    a concurrent change makes this one fail instead of silently overwriting it.
    """
    locked = locked_for_edit(Organization, organization.pk, expected_version=expected_version)
    current = _period_at(locked, effective_on)
    new_name = (name if name is not None else current.name).strip()
    new_kind = kind or current.kind
    new_parent_id = current.parent_id if parent is False else (parent.pk if parent else None)
    moved = new_parent_id != current.parent_id
    if (new_name, new_kind, new_parent_id) == (current.name, current.kind, current.parent_id):
        raise ValidationError("Không có thay đổi nào so với hiện trạng.", code="no_change")
    if not new_name:
        raise ValidationError("Tên tổ chức không được để trống.", code="required")
    new_parent = Organization.objects.get(pk=new_parent_id) if new_parent_id else None
    if moved and new_parent is not None:
        from tochuc.organizations.selectors import is_descendant

        if is_descendant(new_parent, of=locked, on=effective_on):
            raise ValidationError(
                "Không thể chuyển tổ chức vào trực thuộc chính cấp dưới của nó.", code="cycle"
            )
    _check_parent(new_kind, new_parent, effective_on)
    if effective_on == current.valid_from:
        raise ValidationError(
            f"Giai đoạn hiện tại bắt đầu đúng ngày {vn_date(effective_on)}; "
            "hãy chọn ngày hiệu lực sau ngày đó.",
            code="same_day",
        )
    period_end = current.valid_to
    current.valid_to = day_before(effective_on)
    current.save(update_fields=["valid_to"])
    period = OrganizationPeriod.objects.create(
        organization=locked,
        name=new_name,
        kind=new_kind,
        parent=new_parent,
        valid_from=effective_on,
        valid_to=period_end,
        decision=decision,
    )
    kind_of_change = LineageKind.MOVED if moved else LineageKind.RENAMED
    _record(kind_of_change, effective_on, decision, [(locked, locked, True)])
    locked.version += 1
    locked.save(update_fields=["version"])
    if moved:
        closure_refresh([locked.pk])
    return period


def _end(organization: Organization, last_day: dt.date) -> None:
    if organization.children_at(last_day + dt.timedelta(days=1)).exists():
        raise ValidationError(
            f"Tổ chức {organization.code} còn tổ chức trực thuộc vào ngày "
            f"{vn_date(last_day + dt.timedelta(days=1))}; hãy chuyển hoặc giải thể chúng trước.",
            code="has_children",
        )
    organization.periods.filter(valid_from__gt=last_day).delete()
    organization.periods.filter(valid_to__gt=last_day).update(valid_to=last_day)
    organization.valid_to = last_day
    organization.version += 1
    organization.save(update_fields=["valid_to", "version"])


@transaction.atomic
def organization_dissolve(
    *,
    organization: Organization,
    effective_on: dt.date,
    decision: Decision,
    expected_version: int | None = None,
) -> LineageEvent:
    """Giải thể: the organization ends the day before `effective_on`."""
    organization = locked_for_edit(Organization, organization.pk, expected_version=expected_version)
    _period_at(organization, effective_on)
    _end(organization, day_before(effective_on))
    event = _record(LineageKind.DISSOLVED, effective_on, decision, [(organization, None, True)])
    _derived_refresh([organization.pk])
    return event


@transaction.atomic
def organizations_merge(
    *,
    predecessors: list[Organization],
    successor: Organization,
    effective_on: dt.date,
    decision: Decision,
) -> LineageEvent:
    """Hợp nhất, sáp nhập: predecessors end and their members pass to `successor`."""
    if not predecessors:
        raise ValidationError("Cần ít nhất một tổ chức được sáp nhập.", code="required")
    _period_at(successor, effective_on)
    for predecessor in predecessors:
        if predecessor.pk == successor.pk:
            raise ValidationError("Tổ chức không thể sáp nhập vào chính nó.", code="self_merge")
        _period_at(predecessor, day_before(effective_on))
        _end(predecessor, day_before(effective_on))
    event = _record(
        LineageKind.MERGED, effective_on, decision, [(p, successor, True) for p in predecessors]
    )
    _derived_refresh([p.pk for p in predecessors])
    return event


@transaction.atomic
def organization_split(
    *,
    predecessor: Organization,
    successors: list[Organization],
    default_successor: Organization,
    effective_on: dt.date,
    decision: Decision,
) -> LineageEvent:
    """Chia tách: the predecessor ends; its members go to `default_successor` unless moved."""
    if default_successor not in successors:
        raise ValidationError("Tổ chức kế thừa mặc định phải nằm trong danh sách.", code="default")
    for successor in successors:
        _period_at(successor, effective_on)
    _end(predecessor, day_before(effective_on))
    event = _record(
        LineageKind.SPLIT,
        effective_on,
        decision,
        [(predecessor, s, s.pk == default_successor.pk) for s in successors],
    )
    _derived_refresh([predecessor.pk])
    return event
