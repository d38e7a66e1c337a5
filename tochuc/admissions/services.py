"""Writes of the admission pipeline and the admission targets.

Every write validates first and raises a Vietnamese `ValidationError` that names the rule
and its source; a refused write leaves nothing behind (one transaction each).
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import transaction

from tochuc.admissions.models import AdmissionTarget, Candidate, Stage, TargetKind
from tochuc.core.formatting import vn_date
from tochuc.core.models import Decision
from tochuc.core.rules import RuleNotInForce, rule_in_force
from tochuc.core.services import locked_for_edit
from tochuc.members.models import EventKind, MembershipEvent
from tochuc.members.replay import add_months
from tochuc.members.services import event_record
from tochuc.organizations.kinds import PARTY_KINDS
from tochuc.organizations.models import Organization, OrganizationPeriod
from tochuc.people.models import Person

STEPS: dict[str, tuple[str, str]] = {
    "course": ("course_passed_on", "Học lớp bồi dưỡng nhận thức về Đảng"),
    "application": ("applied_on", "Làm đơn xin vào Đảng"),
    "resolution": ("cell_resolution_on", "Chi bộ ra nghị quyết đề nghị kết nạp"),
    "decision": ("committee_decision_on", "Cấp ủy quyết định kết nạp"),
}
"""Admission steps in their required order: step → (date field, Vietnamese name)."""


def certificate_expiry(course_passed_on: dt.date, on: dt.date) -> dt.date | None:
    """First day the awareness certificate is no longer valid, under the rule in force on `on`.

    None when no rule on the certificate's validity is known for `on` (no check then).
    """
    try:
        rule = rule_in_force("awareness_certificate", on)
    except RuleNotInForce:
        return None
    return add_months(course_passed_on, 12 * rule.parameters["years"])


def _order_problems(candidate: Candidate) -> list[str]:
    """Why the step dates of `candidate` break the admission order, in Vietnamese."""
    problems: list[str] = []
    reached: tuple[dt.date, str] | None = None  # the last recorded step
    missing: str | None = None  # the first step not recorded
    for field, label in STEPS.values():
        day = getattr(candidate, field)
        if day is None:
            missing = missing or label
            continue
        source = rule_in_force("admission_steps", day).source
        if missing:
            problems.append(f"«{label}» chỉ ghi nhận được sau bước «{missing}», theo {source}.")
        elif reached and day < reached[0]:
            problems.append(
                f"Ngày «{label}» ({vn_date(day)}) không thể trước ngày «{reached[1]}» "
                f"({vn_date(reached[0])}), theo {source}."
            )
        reached = (day, label)
    decided, course = candidate.committee_decision_on, candidate.course_passed_on
    if decided and course:
        expiry = certificate_expiry(course, decided)
        if expiry is not None and decided >= expiry:
            rule = rule_in_force("awareness_certificate", decided)
            problems.append(
                f"Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng (cấp ngày {vn_date(course)}) "
                f"đã hết hạn vào ngày quyết định kết nạp {vn_date(decided)}: {rule.title.lower()}"
                f", theo {rule.source}."
            )
    if candidate.committee_decision_on and candidate.committee_decision_id is None:
        problems.append("Quyết định kết nạp phải có số, ngày và cơ quan ban hành.")
    return problems


def _require_open(candidate: Candidate) -> None:
    if not candidate.is_open:
        raise ValidationError(
            f"Hồ sơ của {candidate.person} đã kết thúc ({candidate.get_stage_display().lower()})"
            ": không sửa được các bước xét kết nạp."
        )


def _save(candidate: Candidate) -> Candidate:
    candidate.version += 1
    candidate.save()
    return candidate


def _party_organization(organization: Organization) -> None:
    if not OrganizationPeriod.objects.filter(
        organization=organization, kind__in=PARTY_KINDS
    ).exists():
        raise ValidationError(f"«{organization}» không phải là tổ chức đảng.")


@transaction.atomic
def candidate_create(
    *,
    person: Person,
    organization: Organization,
    course_passed_on: dt.date | None = None,
    note: str = "",
) -> Candidate:
    """Start considering `person` for admission in `organization` (a party organization)."""
    _party_organization(organization)
    open_ = Candidate.objects.filter(
        person=person, admission_event__isnull=True, withdrawn_on__isnull=True
    )
    if open_.exists():
        raise ValidationError(f"{person} đang có hồ sơ xét kết nạp chưa kết thúc.")
    candidate = Candidate(
        person=person, organization=organization, course_passed_on=course_passed_on, note=note
    )
    problems = _order_problems(candidate)
    if problems:
        raise ValidationError(problems)
    candidate.save()
    return candidate


@transaction.atomic
def candidate_register(
    *,
    full_name: str,
    sex: str,
    date_of_birth: dt.date,
    organization: Organization,
    course_passed_on: dt.date | None = None,
    note: str = "",
) -> Candidate:
    """A new person (not yet on record) and their candidacy, in one go."""
    if not full_name.strip():
        raise ValidationError("Họ và tên không được để trống.")
    person = Person.objects.create(
        full_name=full_name.strip(), sex=sex, date_of_birth=date_of_birth
    )
    return candidate_create(
        person=person, organization=organization, course_passed_on=course_passed_on, note=note
    )


@transaction.atomic
def candidate_step(
    *,
    candidate: Candidate,
    step: str,
    on: dt.date | None,
    decision: Decision | None = None,
    expected_version: int | None = None,
) -> Candidate:
    """Record (or correct, or clear with `on=None`) the date of one admission step.

    The steps must stay in order (course ≤ application ≤ resolution ≤ decision, each after
    the one before it has been recorded), and the certificate must still be valid on the
    decision date.
    """
    if step not in STEPS:
        raise ValidationError(f"Bước «{step}» không có trong quy trình kết nạp.")
    candidate = locked_for_edit(Candidate, candidate.pk, expected_version=expected_version)
    _require_open(candidate)
    setattr(candidate, STEPS[step][0], on)
    if step == "decision":
        candidate.committee_decision = decision if on else None
    problems = _order_problems(candidate)
    if problems:
        raise ValidationError(problems)
    return _save(candidate)


@transaction.atomic
def candidate_withdraw(
    *, candidate: Candidate, on: dt.date, reason: str, expected_version: int | None = None
) -> Candidate:
    """Dừng xem xét kết nạp, with the reason."""
    if not reason.strip():
        raise ValidationError("Dừng xem xét kết nạp phải nêu lý do.")
    candidate = locked_for_edit(Candidate, candidate.pk, expected_version=expected_version)
    _require_open(candidate)
    candidate.withdrawn_on, candidate.withdrawal_reason = on, reason.strip()
    return _save(candidate)


@transaction.atomic
def candidate_admit(
    *,
    candidate: Candidate,
    effective_on: dt.date,
    decision: Decision | None = None,
    recorded_by=None,
    provincial_approval: bool = False,
    expected_version: int | None = None,
) -> MembershipEvent:
    """Kết nạp: record the admission event in the candidate's organization and link it.

    Needs the committee's decision (the decision defaults to it); the admission date cannot
    precede it. The member registry checks its own rules (age, organization existing on
    the date…); any refusal leaves the candidate unchanged.
    """
    candidate = locked_for_edit(Candidate, candidate.pk, expected_version=expected_version)
    _require_open(candidate)
    if candidate.stage != Stage.DECIDED:
        raise ValidationError(
            "Chỉ kết nạp được khi cấp ủy đã quyết định kết nạp "
            f"(theo {rule_in_force('admission_steps', effective_on).source})."
        )
    if effective_on < candidate.committee_decision_on:
        raise ValidationError(
            f"Ngày kết nạp ({vn_date(effective_on)}) không thể trước ngày quyết định kết nạp "
            f"({vn_date(candidate.committee_decision_on)})."
        )
    event = event_record(
        person=candidate.person,
        kind=EventKind.ADMISSION,
        effective_on=effective_on,
        organization=candidate.organization,
        decision=decision or candidate.committee_decision,
        recorded_by=recorded_by,
        provincial_approval=provincial_approval,
    )
    candidate.admission_event = event
    _save(candidate)
    return event


TERM_PATTERN = re.compile(r"^(\d{4})-(\d{4})$")


def _target_period(
    kind: str, year: int | None, term: str, starts_on, ends_on
) -> tuple[int | None, str, dt.date, dt.date]:
    """(year, term, starts_on, ends_on) of a target, validated."""
    if kind == TargetKind.YEAR:
        if not year or not 1900 < year < 3000:
            raise ValidationError("Chỉ tiêu năm phải ghi năm (ví dụ 2025).")
        return year, "", dt.date(year, 1, 1), dt.date(year, 12, 31)
    if kind != TargetKind.TERM:
        raise ValidationError(f"Loại chỉ tiêu «{kind}» không có trong danh mục.")
    match = TERM_PATTERN.match((term or "").strip())
    if not match or int(match[2]) <= int(match[1]):
        raise ValidationError("Nhiệm kỳ phải ghi dạng «2025-2030».")
    if not starts_on or not ends_on:
        raise ValidationError("Chỉ tiêu nhiệm kỳ phải ghi ngày bắt đầu và ngày kết thúc.")
    if ends_on < starts_on:
        raise ValidationError("Ngày kết thúc nhiệm kỳ không thể trước ngày bắt đầu.")
    if not (int(match[1]) <= starts_on.year and ends_on.year <= int(match[2]) + 1):
        raise ValidationError(f"Ngày bắt đầu, kết thúc không khớp nhiệm kỳ {term.strip()}.")
    return None, term.strip(), starts_on, ends_on


@transaction.atomic
def target_set(
    *,
    organization: Organization,
    kind: str,
    count: int,
    year: int | None = None,
    term: str = "",
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    decision: Decision | None = None,
    expected_version: int | None = None,
) -> AdmissionTarget:
    """Set (create or replace) the admission target of `organization` for a year or term."""
    _party_organization(organization)
    if count is None or count < 0:
        raise ValidationError("Chỉ tiêu phải là số người không âm.")
    year, term, starts_on, ends_on = _target_period(kind, year, term, starts_on, ends_on)
    key = {"year": year} if kind == TargetKind.YEAR else {"term": term}
    existing = AdmissionTarget.objects.filter(organization=organization, kind=kind, **key).first()
    if existing is None:
        target = AdmissionTarget(organization=organization, kind=kind, **key)
    else:
        target = locked_for_edit(AdmissionTarget, existing.pk, expected_version=expected_version)
        target.version += 1
    target.starts_on, target.ends_on, target.count = starts_on, ends_on, count
    target.decision = decision
    target.save()
    return target


@transaction.atomic
def target_update(
    *,
    target: AdmissionTarget,
    count: int,
    decision: Decision | None = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    expected_version: int | None = None,
) -> AdmissionTarget:
    """Change the count (and, for a term, its dates) of an existing target."""
    if count is None or count < 0:
        raise ValidationError("Chỉ tiêu phải là số người không âm.")
    target = locked_for_edit(AdmissionTarget, target.pk, expected_version=expected_version)
    _, _, starts_on, ends_on = _target_period(
        target.kind,
        target.year,
        target.term,
        starts_on or target.starts_on,
        ends_on or target.ends_on,
    )
    target.count, target.starts_on, target.ends_on = count, starts_on, ends_on
    target.decision = decision or target.decision
    target.version += 1
    target.save()
    return target


@transaction.atomic
def target_delete(*, target: AdmissionTarget, expected_version: int | None = None) -> None:
    locked_for_edit(AdmissionTarget, target.pk, expected_version=expected_version).delete()
