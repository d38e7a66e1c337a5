"""Writes of đại hội: the congress, its delegates, the committee's sizes (quotas of cadres
posts), the election results (cadres assignments citing the vote record), and the targets
of its resolution with their progress. Keyword-only, validated, transactional; refusals are
Vietnamese `ValidationError`s naming the field and the rule's source."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from tochuc.cadres import services as cadres
from tochuc.cadres.models import Assignment, AssignmentKind, Post
from tochuc.congresses import eligibility
from tochuc.congresses.models import (
    ROLE_BODY,
    STANDING_ROLES,
    TERM_PATTERN,
    CommitteeMember,
    Congress,
    CongressKind,
    CongressSeat,
    Delegate,
    DelegateKind,
    ResolutionTarget,
    Role,
    TargetDirection,
    TargetProgress,
)
from tochuc.core.dating import day_before
from tochuc.core.formatting import vn_date
from tochuc.core.models import Decision
from tochuc.core.rules import rule_in_force
from tochuc.core.services import locked_for_edit
from tochuc.organizations.kinds import PARTY_KINDS
from tochuc.organizations.models import Organization
from tochuc.people.catalogs import Expertise

EDITABLE = (
    "ordinal",
    "opened_on",
    "closed_on",
    "delegates_summoned",
    "delegates_present",
    "members_represented",
    "age_counted_on",
    "note",
)
"""Fields `congress_update` may change (the dates only while no seat has been set up)."""


def normalized_term(term: str) -> str:
    """«2025–2030» or «2025 - 2030» → «2025-2030»; refused unless the end follows the start."""
    match = TERM_PATTERN.match((term or "").strip())
    if not match or int(match[2]) <= int(match[1]):
        raise ValidationError("Nhiệm kỳ: hãy ghi dạng «2025-2030».")
    return f"{match[1]}-{match[2]}"


def _check_congress(congress: Congress, *, listed: int = 0) -> None:
    """The checks shared by create and update."""
    start, end = (int(year) for year in congress.term.split("-"))
    if congress.closed_on < congress.opened_on:
        raise ValidationError("Ngày bế mạc: không thể trước ngày khai mạc.")
    if not start - 1 <= congress.opened_on.year <= end:
        raise ValidationError(
            f"Ngày khai mạc {vn_date(congress.opened_on)} không thuộc nhiệm kỳ {congress.term}."
        )
    if congress.delegates_summoned < 1:
        raise ValidationError("Số đại biểu được triệu tập: phải từ 1 trở lên.")
    if congress.delegates_present is not None and (
        congress.delegates_present > congress.delegates_summoned
    ):
        raise ValidationError("Số đại biểu có mặt: không thể nhiều hơn số đại biểu được triệu tập.")
    if listed > congress.delegates_summoned:
        raise ValidationError(
            f"Số đại biểu được triệu tập: danh sách đã có {listed} đại biểu, không thể ít hơn."
        )
    period = congress.organization.period_at(congress.opened_on)
    if period is None:
        raise ValidationError(
            f"Tổ chức «{congress.organization.code}» không tồn tại vào ngày khai mạc "
            f"{vn_date(congress.opened_on)}."
        )
    if period.kind not in PARTY_KINDS:
        raise ValidationError(f"«{period.name}» không phải là tổ chức đảng, không có đại hội.")
    regular = Congress.objects.filter(
        organization=congress.organization, term=congress.term, kind=CongressKind.REGULAR
    ).exclude(pk=congress.pk)
    if congress.kind == CongressKind.REGULAR and regular.exists():
        raise ValidationError(
            f"Nhiệm kỳ {congress.term}: «{period.name}» đã có đại hội thường kỳ; "
            "hãy ghi nhận đại hội bất thường."
        )


@transaction.atomic
def congress_create(
    *,
    organization: Organization,
    term: str,
    opened_on: dt.date,
    closed_on: dt.date,
    delegates_summoned: int,
    kind: str = CongressKind.REGULAR,
    delegates_present: int | None = None,
    members_represented: int | None = None,
    ordinal: str = "",
    age_counted_on: dt.date | None = None,
    note: str = "",
) -> Congress:
    """Đại hội of a party organization existing when it opens, for a term containing that
    date; one regular congress per organization and term."""
    if kind not in CongressKind.values:
        raise ValidationError(f"Loại đại hội «{kind}» không có trong danh mục.")
    congress = Congress(
        organization=organization,
        term=normalized_term(term),
        kind=kind,
        opened_on=opened_on,
        closed_on=closed_on,
        delegates_summoned=delegates_summoned,
        delegates_present=delegates_present,
        members_represented=members_represented,
        ordinal=ordinal.strip(),
        age_counted_on=age_counted_on,
        note=note.strip(),
    )
    _check_congress(congress)
    congress.save()
    return congress


@transaction.atomic
def congress_update(
    *, congress: Congress, expected_version: int | None = None, **changes
) -> Congress:
    """Sửa đại hội: counts, dates (only before the committee's seats are set), notes."""
    congress = locked_for_edit(Congress, congress.pk, expected_version=expected_version)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"Không sửa được: {', '.join(sorted(unknown))}.")
    moved = any(
        name in changes and changes[name] != getattr(congress, name)
        for name in ("opened_on", "closed_on")
    )
    if moved and congress.seats.exists():
        raise ValidationError(
            "Ngày khai mạc, bế mạc: không sửa được sau khi đã xác định số lượng cấp ủy "
            "(các chức danh đã tính từ ngày bế mạc)."
        )
    for name, value in changes.items():
        setattr(congress, name, value.strip() if isinstance(value, str) else value)
    _check_congress(congress, listed=congress.delegates.count())
    congress.version += 1
    congress.save()
    return congress


@transaction.atomic
def delegate_add(*, congress: Congress, person, kind: str, note: str = "") -> Delegate:
    """Add a person to the list of delegates: a full member counted in the organization on
    the opening day (rule «full_member_rights»), within the number summoned."""
    if kind not in DelegateKind.values:
        raise ValidationError(f"Loại đại biểu «{kind}» không có trong danh mục.")
    congress = Congress.objects.select_for_update().get(pk=congress.pk)
    if congress.delegates.filter(person=person).exists():
        raise ValidationError(f"{person.full_name} đã có trong danh sách đại biểu.")
    listed = congress.delegates.count()
    if listed >= congress.delegates_summoned:
        raise ValidationError(
            f"Danh sách đã đủ {congress.delegates_summoned} đại biểu được triệu tập; hãy sửa "
            "số đại biểu được triệu tập trước."
        )
    problem = eligibility.full_member_problem(person, congress, congress.opened_on, "đại biểu")
    if problem:
        raise ValidationError(problem)
    return Delegate.objects.create(congress=congress, person=person, kind=kind, note=note.strip())


def delegate_remove(*, delegate: Delegate) -> None:
    """Take a person off the list of delegates (a data-entry correction; history keeps it)."""
    delegate.delete()


def role_seats(
    *, executive_size: int, standing_size: int, inspection_size: int, deputy_secretaries: int
) -> dict[str, int]:
    """Seats of each role: the standing committee is the secretary, the deputies and its
    other members; the inspection committee its chair and other members."""
    leaders = 1 + deputy_secretaries
    return {
        Role.EXECUTIVE_MEMBER: executive_size,
        Role.SECRETARY: 1,
        Role.DEPUTY_SECRETARY: deputy_secretaries,
        Role.STANDING_MEMBER: max(standing_size - leaders, 0),
        Role.INSPECTION_CHAIR: 1 if inspection_size else 0,
        Role.INSPECTION_MEMBER: max(inspection_size - 1, 0),
    }


def _post_for(congress: Congress, role: str, seats: int, decision: Decision | None):
    """The post carrying `role`: the congress's, else the organization's post of that body
    and title, else a new one (only when it has seats)."""
    mapped = congress.seats.filter(role=role).select_related("post").first()
    if mapped:
        return mapped.post
    body, title = ROLE_BODY[role], Role(role).label
    post = (
        Post.objects.filter(organization=congress.organization, body=body, title=title)
        .order_by("id")
        .first()
    )
    if post is None and seats:
        post = cadres.post_create(
            organization=congress.organization,
            body=body,
            title=title,
            seats=seats,
            valid_from=congress.closed_on,
            field=Expertise.PARTY_BUILDING,
            decision=decision,
        )
    if post is not None:
        CongressSeat.objects.create(congress=congress, role=role, post=post)
    return post


@transaction.atomic
def committee_sizes_set(
    *,
    congress: Congress,
    executive_size: int,
    standing_size: int,
    inspection_size: int,
    deputy_secretaries: int,
    designated: bool = False,
    decision: Decision | None = None,
    expected_version: int | None = None,
) -> Congress:
    """Số lượng cấp ủy: the approved sizes become, from the closing date, the quotas of the
    organization's posts (created when missing). At a regular congress the previous term's
    holders of those posts leave the day before it closes."""
    congress = locked_for_edit(Congress, congress.pk, expected_version=expected_version)
    for label, value in (
        ("Ban Chấp hành", executive_size),
        ("Ban Thường vụ", standing_size),
        ("Ủy ban Kiểm tra", inspection_size),
        ("Phó Bí thư", deputy_secretaries),
    ):
        if value is None or value < 0:
            raise ValidationError(f"Số lượng {label}: hãy nhập số từ 0 trở lên.")
    if executive_size < 1:
        raise ValidationError("Số lượng ủy viên Ban Chấp hành: phải từ 1 trở lên.")
    if standing_size > executive_size:
        raise ValidationError(
            "Số lượng ủy viên Ban Thường vụ: không thể nhiều hơn số ủy viên Ban Chấp hành."
        )
    leaders = 1 + deputy_secretaries
    if standing_size and leaders > standing_size:
        raise ValidationError(
            f"Số lượng Phó Bí thư: Bí thư và {deputy_secretaries} Phó Bí thư vượt số ủy viên "
            f"Ban Thường vụ ({standing_size})."
        )
    if leaders > executive_size:
        raise ValidationError(
            "Số lượng Phó Bí thư: Bí thư và các Phó Bí thư vượt số ủy viên Ban Chấp hành."
        )
    seats = role_seats(
        executive_size=executive_size,
        standing_size=standing_size,
        inspection_size=inspection_size,
        deputy_secretaries=deputy_secretaries,
    )
    posts = {role: _post_for(congress, role, n, decision) for role, n in seats.items()}
    if congress.kind == CongressKind.REGULAR:
        outgoing = Assignment.objects.filter(
            post__in=[p for p in posts.values() if p is not None],
            valid_from__lt=congress.closed_on,
            valid_to__gte=congress.closed_on,
        )
        for held in outgoing:
            cadres.assignment_end(assignment=held, ends_on=day_before(congress.closed_on))
    for role, post in posts.items():
        if post is None:
            continue
        quota = post.quotas.valid_at(congress.closed_on).first()
        if quota and quota.seats == seats[role] and quota.valid_from == congress.closed_on:
            continue
        cadres.quota_set(
            post=post, seats=seats[role], valid_from=congress.closed_on, decision=decision
        )
    congress.executive_size = executive_size
    congress.standing_size = standing_size
    congress.inspection_size = inspection_size
    congress.deputy_secretaries = deputy_secretaries
    congress.committee_designated = designated
    congress.version += 1
    congress.save()
    return congress


INSPECTION_ROLES = {Role.INSPECTION_CHAIR, Role.INSPECTION_MEMBER}


def election_problems(*, congress: Congress, role: str, person, exception: str = "") -> list[str]:
    """What stops recording `person` in `role` at this congress: full membership on the
    closing day, one seat per body, leaders from the executive committee, and the age rule
    for executive-committee members unless `exception` cites the special case."""
    problems = []
    on = congress.closed_on
    problem = eligibility.full_member_problem(person, congress, on, "cấp ủy viên")
    if problem:
        problems.append(problem)
    elected = set(congress.committee_members.filter(person=person).values_list("role", flat=True))
    if role in elected:
        problems.append(f"{person.full_name} đã được ghi nhận là {Role(role).label}.")
    for group in (set(STANDING_ROLES), INSPECTION_ROLES):
        other = (elected & group) - {role}
        if role in group and other:
            problems.append(
                f"{person.full_name} đã được ghi nhận là {Role(other.pop()).label}; mỗi người "
                "chỉ giữ một chức danh trong một cơ quan."
            )
    if role in STANDING_ROLES:
        executive = congress.seats.filter(role=Role.EXECUTIVE_MEMBER).first()
        if not eligibility.holds_executive_seat(person, executive and executive.post_id, on):
            rule = rule_in_force("leadership_from_committee", on)
            problems.append(
                f"{person.full_name} chưa là ủy viên Ban Chấp hành vào ngày {vn_date(on)}; "
                f"{Role(role).label} được bầu trong số ủy viên Ban Chấp hành ({rule.source})."
            )
    if role == Role.EXECUTIVE_MEMBER and not exception.strip():
        re_elected = eligibility.previous_committee_seats(person, congress).exists()
        check = eligibility.age_check(person=person, congress=congress, re_elected=re_elected)
        if check.flag:
            problems.append(
                f"{check.flag} Nếu đại hội vẫn bầu theo trường hợp đặc biệt, hãy ghi căn cứ."
            )
    return problems


@transaction.atomic
def election_record(
    *,
    congress: Congress,
    role: str,
    person,
    exception: str = "",
    vote_record: Decision | None = None,
) -> CommitteeMember:
    """Kết quả bầu cử: the person takes a seat of the role's post from the closing day, as a
    cadres assignment (kind election, or designation for a designated committee) citing the
    congress's vote record; refused with every problem of `election_problems`."""
    if role not in Role.values:
        raise ValidationError(f"Chức danh «{role}» không có trong danh mục.")
    congress = Congress.objects.select_for_update().get(pk=congress.pk)
    if vote_record is not None and vote_record != congress.vote_record:
        if congress.vote_record and congress.committee_members.exists():
            raise ValidationError(
                f"Biên bản kết quả bầu cử: đại hội đã ghi nhận theo «{congress.vote_record}»."
            )
        congress.vote_record = vote_record
        congress.save(update_fields=["vote_record"])
    if congress.vote_record is None:
        raise ValidationError(
            "Biên bản kết quả bầu cử: hãy nhập số, ngày, cơ quan ban hành (biên bản kiểm "
            "phiếu hoặc quyết định chỉ định)."
        )
    seat = congress.seats.filter(role=role).select_related("post").first()
    if seat is None or not (
        seat.post.quotas.valid_at(congress.closed_on).filter(seats__gt=0).exists()
    ):
        raise ValidationError(
            f"{Role(role).label}: đại hội chưa xác định số lượng; hãy nhập số lượng cấp ủy trước."
        )
    problems = election_problems(congress=congress, role=role, person=person, exception=exception)
    if problems:
        raise ValidationError(problems)
    kind = AssignmentKind.DESIGNATION if congress.committee_designated else AssignmentKind.ELECTION
    held = cadres.assignment_create(
        person=person,
        post=seat.post,
        kind=kind,
        starts_on=congress.closed_on,
        decision=congress.vote_record,
    )
    return CommitteeMember.objects.create(
        congress=congress, person=person, role=role, assignment=held, exception=exception.strip()
    )


@transaction.atomic
def committee_member_remove(
    *, member: CommitteeMember, reason: str, removed_on: dt.date | None = None
) -> None:
    """Sửa kết quả bầu cử ghi nhầm: the person is taken off the committee. The cadres holding
    is deleted when it is voided from its first day (`removed_on` absent or on or before the
    closing day), otherwise it ends the day before `removed_on`. The reason is kept in the
    history of both records. Refused while the person holds a role of the standing committee
    that depends on this executive-committee seat (remove that role first)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Lý do: hãy ghi lý do bỏ người trúng cử.")
    member = (
        CommitteeMember.objects.select_for_update().select_related("assignment").get(pk=member.pk)
    )
    if member.role == Role.EXECUTIVE_MEMBER:
        depending = (
            CommitteeMember.objects.filter(congress_id=member.congress_id, person=member.person)
            .filter(role__in=STANDING_ROLES)
            .first()
        )
        if depending is not None:
            raise ValidationError(
                f"{member.person.full_name} đang được ghi nhận là {depending.get_role_display()}"
                ", chức danh bầu trong số ủy viên Ban Chấp hành; hãy bỏ chức danh đó trước."
            )
    held = member.assignment
    member._change_reason = reason
    member.delete()
    if removed_on is None or removed_on <= held.valid_from:
        held._change_reason = reason
        held.delete()
    else:
        ended = cadres.assignment_end(assignment=held, ends_on=day_before(removed_on))
        history = ended.history.first()
        if history is not None:
            history.history_change_reason = reason
            history.save(update_fields=["history_change_reason"])


def _check_target(name: str, unit: str, direction: str) -> None:
    if not name.strip():
        raise ValidationError("Tên chỉ tiêu: hãy nhập tên.")
    if not unit.strip():
        raise ValidationError("Đơn vị tính: hãy nhập (ví dụ %, đảng viên, tỷ đồng).")
    if direction not in TargetDirection.values:
        raise ValidationError(f"Yêu cầu «{direction}» không có trong danh mục.")


def target_create(
    *,
    congress: Congress,
    name: str,
    unit: str,
    target_value: Decimal,
    direction: str = TargetDirection.AT_LEAST,
) -> ResolutionTarget:
    """Chỉ tiêu of the congress's resolution, for its term."""
    _check_target(name, unit, direction)
    return ResolutionTarget.objects.create(
        congress=congress,
        name=name.strip(),
        unit=unit.strip(),
        target_value=target_value,
        direction=direction,
    )


@transaction.atomic
def target_update(
    *,
    target: ResolutionTarget,
    name: str,
    unit: str,
    target_value: Decimal,
    direction: str,
    expected_version: int | None = None,
) -> ResolutionTarget:
    target = locked_for_edit(ResolutionTarget, target.pk, expected_version=expected_version)
    _check_target(name, unit, direction)
    target.name, target.unit = name.strip(), unit.strip()
    target.target_value, target.direction = target_value, direction
    target.version += 1
    target.save()
    return target


def progress_record(
    *, target: ResolutionTarget, on: dt.date, value: Decimal, note: str = ""
) -> TargetProgress:
    """Kết quả thực hiện chỉ tiêu đến ngày `on` (one figure per day, from the congress on)."""
    opened = target.congress.opened_on
    if on < opened:
        raise ValidationError(f"Đến ngày: không thể trước ngày khai mạc đại hội {vn_date(opened)}.")
    if target.progress.filter(on=on).exists():
        raise ValidationError(f"Đến ngày: chỉ tiêu đã có kết quả ngày {vn_date(on)}.")
    return TargetProgress.objects.create(target=target, on=on, value=value, note=note.strip())
