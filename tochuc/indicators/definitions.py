"""The indicators of the quarterly report (../shared/DOMAIN.md, "What the department
reports"). Each wraps the app selector that defines the figure (and has its hand-computed
tests) and names the report line it serves; none re-implements a count."""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, CharField, Count, Exists, OuterRef, Sum, Value, When
from django.db.models.functions import Coalesce

from tochuc.admissions.models import AdmissionTarget, TargetKind
from tochuc.admissions.selectors import (
    admission_drilldown,
    admission_progress,
    admissions_in_period,
)
from tochuc.cadres.models import Assignment, AssignmentKind, Body, MoveKind, SourcingPlan
from tochuc.cadres.selectors import (
    move_rows,
    moves,
    organizations_of_kind,
    posts_in,
    seat_fill,
    vacancy_register,
)
from tochuc.cards.selectors import card_exchange_members, card_exchange_progress
from tochuc.congresses.selectors import organization_counts
from tochuc.core.dating import valid_at_q
from tochuc.indicators.registry import Check, Column, Figure, Indicator, Part, Query, Records
from tochuc.indicators.registry import register as add
from tochuc.members.models import EventKind, MembershipEvent, MembershipSpan
from tochuc.members.selectors import member_counts, member_rows, members_at, placed_in
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import OrganizationPeriod
from tochuc.organizations.selectors import subtree_ids
from tochuc.staffing.selectors import (
    BASELINE_YEAR,
    headcount_rows,
    percent_one_decimal,
    staff_reduction,
)
from tochuc.training.models import POLITICAL_THEORY_KINDS, REFRESHER_KINDS
from tochuc.training.selectors import (
    enrollment_drilldown,
    enrollments_sent,
    name_on,
    people_drilldown,
    training_figures,
)

PERSON = (Column("Họ và tên", "person.full_name"), Column("Ngày sinh", "person.date_of_birth"))
MEMBER_COLUMNS = (
    *PERSON,
    Column("Tư cách", lambda row: row.get_status_display()),
    Column("Tổ chức đảng", lambda row: row.heir_name or row.organization_name),
)
EVENT_COLUMNS = (
    *PERSON,
    Column("Loại", lambda row: row.get_kind_display()),
    Column("Ngày", "effective_on"),
    Column("Tổ chức", "organization_name"),
    Column("Quyết định", "decision"),
)
POST_COLUMNS = (
    Column("Tổ chức, cơ quan", "organization_name"),
    Column("Chức danh", "title"),
    Column("Định mức", "quota"),
    Column("Đang đảm nhiệm", "holders"),
    Column("Thiếu", "vacant"),
    Column("Phương án", "plan_label"),
)
MOVE_COLUMNS = (
    *PERSON,
    Column("Hình thức", lambda row: row.get_kind_display()),
    Column("Từ", "origin_name"),
    Column("Đến", "destination_name"),
    Column("Ngày bắt đầu", "starts_on"),
    Column("Quyết định", "decision"),
)


# Organization and apparatus ------------------------------------------------------------------

ORGANIZATION_KINDS = {
    "": (Kind.GRASSROOTS_COMMITTEE, Kind.GRASSROOTS_CELL),
    "grassroots_committees": (Kind.GRASSROOTS_COMMITTEE,),
    "sub_committees": (Kind.SUB_COMMITTEE,),
    "cells": (Kind.GRASSROOTS_CELL, Kind.CELL),
}


def organizations_figure(query: Query) -> Figure:
    """«13 tổ chức cơ sở đảng (5 đảng bộ bộ phận, 103 chi bộ)»: grassroots organizations
    (đảng bộ cơ sở and chi bộ cơ sở) under the root on the date, the root excluded; parts:
    đảng bộ cơ sở, đảng bộ bộ phận, chi bộ (cơ sở and trực thuộc). Counts records."""
    counts = organization_counts(root=query.root, on=query.on)
    return Figure(
        ORGANIZATIONS,
        counts.grassroots,
        parts=[
            Part("grassroots_committees", "đảng bộ cơ sở", counts.grassroots_committees),
            Part("sub_committees", "đảng bộ bộ phận", counts.sub_committees),
            Part("cells", "chi bộ", counts.cells),
        ],
    )


def organizations_records(query: Query, part: str) -> Records:
    rows = (
        OrganizationPeriod.objects.filter(
            valid_at_q(query.on),
            kind__in=ORGANIZATION_KINDS[part],
            organization_id__in=subtree_ids(root=query.root, on=query.on),
        )
        .exclude(organization_id=query.root.pk)
        .select_related("organization", "parent")
        .order_by("name")
    )
    columns = (
        Column("Tên", "name"),
        Column("Mã", "organization.code"),
        Column("Loại", lambda row: row.get_kind_display()),
        Column("Từ ngày", "valid_from"),
    )
    return Records("Tổ chức đảng", rows, columns)


ORGANIZATIONS = add(
    Indicator(
        key="organizations",
        label="Tổ chức cơ sở đảng",
        line="13 tổ chức cơ sở đảng (5 đảng bộ bộ phận, 103 chi bộ)",
        method=(
            "Số tổ chức cơ sở đảng (đảng bộ cơ sở, chi bộ cơ sở) trong cây tổ chức tại ngày xem, "
            "không tính tổ chức gốc; kèm số đảng bộ bộ phận và chi bộ."
        ),
        counts="records",
        span="stock",
        section="organization",
        compute=organizations_figure,
        records=organizations_records,
        drills=tuple(ORGANIZATION_KINDS),
    )
)


# Seats and vacancies ---------------------------------------------------------------------------


def _seat_figure(indicator: Indicator, body: str, query: Query) -> Figure:
    fill = seat_fill(root=query.root, on=query.on, body=body, kind=Kind.COMMUNE_COMMITTEE)
    vacant = vacant_seats(query, body)
    return Figure(
        indicator,
        fill.holdings,
        whole=fill.quota,
        parts=[Part("people", "người", fill.people), Part("vacant", "thiếu", vacant)],
        checks=[Check("Đã bố trí + thiếu = định mức", fill.holdings + vacant == fill.quota)],
    )


def vacant_seats(query: Query, body: str) -> int:
    """Vacant seats of `body` in the commune committees of the subtree on the date."""
    posts = posts_in(root=query.root, on=query.on, body=body, kind=Kind.COMMUNE_COMMITTEE)
    return posts.aggregate(n=Coalesce(Sum("vacant"), 0))["n"]


def _seat_records(body: str, query: Query, part: str) -> Records:
    if part == "vacant":
        posts = posts_in(root=query.root, on=query.on, body=body, kind=Kind.COMMUNE_COMMITTEE)
        return Records(
            "Chức danh còn thiếu", _with_plan_label(posts.filter(vacant__gt=0)), POST_COLUMNS
        )
    rows = (
        Assignment.objects.filter(
            valid_at_q(query.on),
            post__body=body,
            post__organization_id__in=organizations_of_kind(
                root=query.root, on=query.on, kind=Kind.COMMUNE_COMMITTEE
            ),
        )
        .select_related("person", "post", "decision")
        .annotate(organization_name=name_on(query.on, "post__organization"))
        .order_by("organization_name", "post__title", "person__name_folded")
    )
    columns = (
        *PERSON,
        Column("Tổ chức", "organization_name"),
        Column("Chức danh", "post.title"),
        Column("Hình thức", lambda row: row.get_kind_display()),
        Column("Từ ngày", "valid_from"),
        Column("Quyết định", "decision"),
    )
    return Records("Người đang đảm nhiệm", rows, columns)


def _with_plan_label(posts):
    """Posts with their sourcing plan's Vietnamese label (`plan_label`)."""
    return posts.annotate(
        plan_label=Case(
            *(When(plan=value, then=Value(label)) for value, label in SourcingPlan.Source.choices),
            default=Value("Chưa có phương án"),
            output_field=CharField(),
        )
    ).order_by("organization_name", "title", "id")


def executive_seats(query: Query) -> Figure:
    """«bố trí 3.114/3.129 chức danh ủy viên BCH Đảng bộ cấp xã»: seats of the executive
    committee of the commune-level party committees in the subtree on the date: value =
    holdings (seat-holdings, «lượt»), whole = the quota in force; parts: distinct people,
    vacant seats; check: holdings + vacant = quota. Counts holdings."""
    return _seat_figure(EXECUTIVE, Body.EXECUTIVE_COMMITTEE, query)


def standing_seats(query: Query) -> Figure:
    """«1.043/1.043 ủy viên BTV»: as `executive_seats`, for the standing committee."""
    return _seat_figure(STANDING, Body.STANDING_COMMITTEE, query)


EXECUTIVE = add(
    Indicator(
        key="seats_executive",
        label="Ủy viên BCH đảng bộ cấp xã",
        line="bố trí 3.114/3.129 chức danh ủy viên BCH Đảng bộ cấp xã",
        method=(
            "Số lượt đang đảm nhiệm chức danh ủy viên Ban Chấp hành của các đảng bộ xã, phường, "
            "đặc khu trong cây tổ chức tại ngày xem, trên tổng định mức có hiệu lực; kèm số người"
            " và số chỗ còn thiếu."
        ),
        counts="holdings",
        span="stock",
        section="cadres",
        compute=executive_seats,
        records=lambda q, part: _seat_records(Body.EXECUTIVE_COMMITTEE, q, part),
        drills=("", "vacant"),
        ratio=True,
    )
)
STANDING = add(
    Indicator(
        key="seats_standing",
        label="Ủy viên BTV đảng bộ cấp xã",
        line="1.043/1.043 ủy viên BTV",
        method="Như ủy viên Ban Chấp hành, cho Ban Thường vụ.",
        counts="holdings",
        span="stock",
        section="cadres",
        compute=standing_seats,
        records=lambda q, part: _seat_records(Body.STANDING_COMMITTEE, q, part),
        drills=("", "vacant"),
        ratio=True,
    )
)

VACANCY_PARTS = {"self": "self_sourced", "support": "needs_support", "none": "unplanned"}


def vacancies(query: Query) -> Figure:
    """«tổng số thiếu khuyết theo hướng dẫn của trung ương 510; 331 tự đảm bảo; 179 cần TP
    tăng cường, biệt phái, điều động»: Σ max(quota − holders, 0) over the posts «theo hướng
    dẫn của trung ương» in the subtree on the date, split by the latest sourcing plan dated on
    or before it; check: self + support + no plan = total. Counts seats."""
    register = vacancy_register(root=query.root, on=query.on, per_central_guidance=True)
    return Figure(
        VACANCIES,
        register.total,
        parts=[
            Part("self", "tự đảm bảo", register.self_sourced),
            Part("support", "cần tăng cường, biệt phái, điều động", register.needs_support),
            Part("none", "chưa có phương án", register.unplanned),
        ],
        checks=[Check("Tự đảm bảo + cần hỗ trợ + chưa có phương án = tổng", register.reconciles)],
    )


def vacancy_records(query: Query, part: str) -> Records:
    register = vacancy_register(
        root=query.root, on=query.on, per_central_guidance=True, plan=part or None
    )
    return Records("Chức danh thiếu khuyết", _with_plan_label(register.posts), POST_COLUMNS)


VACANCIES = add(
    Indicator(
        key="vacancies",
        label="Thiếu khuyết theo hướng dẫn của Trung ương",
        line=(
            "tổng số thiếu khuyết theo hướng dẫn của trung ương 510; 331 tự đảm bảo; "
            "179 cần TP tăng cường, biệt phái, điều động"
        ),
        method=(
            "Tổng (định mức − số đang đảm nhiệm, không âm) của các chức danh theo hướng dẫn của "
            "Trung ương tại ngày xem, chia theo phương án bố trí mới nhất lập đến ngày đó: tự đảm"
            " bảo, cần tăng cường (biệt phái, điều động), chưa có phương án."
        ),
        counts="seats",
        span="stock",
        section="cadres",
        compute=vacancies,
        records=vacancy_records,
        drills=("", *VACANCY_PARTS),
    )
)


def appointments_in_period(query: Query):
    """Assignments by appointment, reappointment, nomination or approval whose decision is
    signed in [start, on], for posts of the subtree on `on`."""
    return Assignment.objects.filter(
        kind__in=APPOINTMENT_KINDS,
        decision__signed_on__range=(query.start, query.on),
        post__organization_id__in=subtree_ids(root=query.root, on=query.on),
    )


APPOINTMENT_KINDS = (
    AssignmentKind.APPOINTMENT,
    AssignmentKind.REAPPOINTMENT,
    AssignmentKind.NOMINATION,
    AssignmentKind.APPROVAL,
)


def appointments(query: Query) -> Figure:
    """«bổ nhiệm, bổ nhiệm lại, giới thiệu ứng cử, chuẩn y 43 cán bộ (quý I)»: distinct
    people with such a decision signed in the period [start, on] for a post of the subtree;
    parts: holdings by kind (one person may have several). Counts people."""
    found = appointments_in_period(query)
    by_kind = dict(found.order_by().values("kind").annotate(n=Count("id")).values_list("kind", "n"))
    labels = dict(AssignmentKind.choices)
    return Figure(
        APPOINTMENTS,
        found.values("person").distinct().count(),
        parts=[
            Part(str(kind), labels[kind].lower(), by_kind.get(kind, 0))
            for kind in APPOINTMENT_KINDS
        ],
    )


def appointment_records(query: Query, part: str) -> Records:
    rows = appointments_in_period(query)
    if part:
        rows = rows.filter(kind=part)
    rows = (
        rows.select_related("person", "post", "decision")
        .annotate(organization_name=name_on(query.on, "post__organization"))
        .order_by("decision__signed_on", "person__name_folded", "id")
    )
    columns = (
        *PERSON,
        Column("Hình thức", lambda row: row.get_kind_display()),
        Column("Chức danh", "post.title"),
        Column("Tổ chức", "organization_name"),
        Column("Quyết định", "decision"),
    )
    return Records("Quyết định về cán bộ trong kỳ", rows, columns)


APPOINTMENTS = add(
    Indicator(
        key="appointments",
        label="Bổ nhiệm, bổ nhiệm lại, giới thiệu ứng cử, chuẩn y",
        line="bổ nhiệm, bổ nhiệm lại, giới thiệu ứng cử, chuẩn y 43 cán bộ (quý I)",
        method=(
            "Số người có quyết định bổ nhiệm, bổ nhiệm lại, giới thiệu ứng cử hoặc chuẩn y ký "
            "trong kỳ cho chức danh thuộc cây tổ chức; kèm số lượt theo từng hình thức."
        ),
        counts="people",
        span="period",
        section="cadres",
        compute=appointments,
        records=appointment_records,
        drills=("", *APPOINTMENT_KINDS),
    )
)


# Mobility ---------------------------------------------------------------------------------------


def _reinforcements(query: Query):
    return moves(
        root=query.root,
        kind=MoveKind.REINFORCEMENT,
        since=query.since,
        on=query.on,
        origin_level="province",
        destination_level="commune",
    )


def reinforcements(query: Query) -> Figure:
    """«tăng cường từ các sở, ban, ngành về cấp xã 804 trường hợp (lũy kế đến 2-12-2025)»:
    moves of kind reinforcement starting in [since, on] from a province-level unit to a
    commune-level one (levels on the start date), destination carried to the subtree on the
    date. Counts cases (a person reinforced twice counts twice)."""
    return Figure(REINFORCEMENTS, _reinforcements(query).count())


def _commune_moves(query: Query):
    return moves(
        root=query.root, kind=None, since=query.since, on=query.on, decided_at_commune_level=True
    )


def commune_moves(query: Query) -> Figure:
    """«các xã, phường điều động, kiện toàn 18 trường hợp»: moves of any kind decided by a
    commune-level unit, starting in [since, on], destination in the subtree. Counts cases."""
    return Figure(COMMUNE_MOVES, _commune_moves(query).count())


def _move_records(selector, title: str):
    def records(query: Query, part: str) -> Records:
        return Records(title, move_rows(selector(query)), MOVE_COLUMNS)

    return records


REINFORCEMENTS = add(
    Indicator(
        key="reinforcements",
        label="Tăng cường từ sở, ban, ngành về cấp xã",
        line="tăng cường từ các sở, ban, ngành về cấp xã 804 trường hợp (lũy kế đến 2-12-2025)",
        method=(
            "Số trường hợp tăng cường từ đơn vị cấp tỉnh về cấp xã bắt đầu từ mốc lũy kế đến ngày"
            " xem, nơi đến (kể cả đơn vị kế thừa) thuộc cây tổ chức; cấp của nơi đi, nơi đến tính"
            " tại ngày bắt đầu."
        ),
        counts="cases",
        span="cumulative",
        section="mobility",
        compute=reinforcements,
        records=_move_records(_reinforcements, "Trường hợp tăng cường về cấp xã"),
    )
)
COMMUNE_MOVES = add(
    Indicator(
        key="commune_moves",
        label="Xã, phường điều động, kiện toàn",
        line="các xã, phường điều động, kiện toàn 18 trường hợp",
        method=(
            "Số trường hợp điều động, tăng cường, luân chuyển do đơn vị cấp xã quyết định, bắt "
            "đầu từ mốc lũy kế đến ngày xem, nơi đến thuộc cây tổ chức."
        ),
        counts="cases",
        span="cumulative",
        section="mobility",
        compute=commune_moves,
        records=_move_records(_commune_moves, "Trường hợp do cấp xã điều động"),
    )
)


# Party members ----------------------------------------------------------------------------------


def members(query: Query) -> Figure:
    """Đảng viên counted in the subtree on the date (official organization, carried through
    mergers; temporary transfers count at home); parts: full, probationary. Counts people."""
    counts = member_counts(on=query.on, root=query.root, user=query.user)
    return Figure(
        MEMBERS,
        counts["total"],
        parts=[
            Part("full", "chính thức", counts["full"]),
            Part("probationary", "dự bị", counts["probationary"]),
        ],
        checks=[
            Check(
                "Chính thức + dự bị = tổng",
                counts["full"] + counts["probationary"] == counts["total"],
            )
        ],
    )


def member_records(query: Query, part: str) -> Records:
    spans = members_at(on=query.on, root=query.root, user=query.user)
    if part:
        spans = spans.filter(status=part)
    return Records("Đảng viên", member_rows(spans, on=query.on), MEMBER_COLUMNS)


MEMBERS = add(
    Indicator(
        key="members",
        label="Đảng viên",
        line="hơn 2.400 đảng viên",
        method=(
            "Số đảng viên (dự bị và chính thức) có tổ chức đảng chính thức thuộc cây tổ chức tại "
            "ngày xem; đảng viên của đơn vị đã sáp nhập tính cho đơn vị kế thừa; sinh hoạt tạm "
            "thời vẫn tính ở nơi sinh hoạt chính thức."
        ),
        counts="people",
        span="stock",
        section="members",
        compute=members,
        records=member_records,
        drills=("", "full", "probationary"),
    )
)


def _admissions_figure(indicator: Indicator, progress, note: str) -> Figure:
    return Figure(indicator, progress.count, whole=progress.target or None, note=note)


def admissions_year(query: Query) -> Figure:
    """«kết nạp 4.673 đảng viên, đạt 96,68% chỉ tiêu năm 2025 (đến 28-11-2025)»: admissions
    and readmissions from 1 January of the date's year to the date whose admitting
    organization, carried to the tree on the date, lies in the subtree ("restated"); whole =
    the sum of the year's targets of the subtree's organizations. Counts events (people
    admitted)."""
    progress = admission_progress(root=query.root, on=query.on, year=query.year, user=query.user)
    return _admissions_figure(ADMISSIONS_YEAR, progress, f"năm {query.year}")


def admissions_year_records(query: Query, part: str) -> Records:
    progress = admission_progress(root=query.root, on=query.on, year=query.year, user=query.user)
    return Records("Đảng viên được kết nạp", admission_drilldown(progress.events), EVENT_COLUMNS)


ADMISSIONS_YEAR = add(
    Indicator(
        key="admissions_year",
        label="Kết nạp đảng viên từ đầu năm",
        line="kết nạp 4.673 đảng viên, đạt 96,68% chỉ tiêu năm 2025 (đến 28-11-2025)",
        method=(
            "Số quyết định kết nạp, kết nạp lại từ 01/01 đến ngày xem của các tổ chức đảng (tính "
            "theo đơn vị kế thừa) thuộc cây tổ chức, trên tổng chỉ tiêu năm của các tổ chức trong"
            " cây."
        ),
        counts="events",
        span="year",
        section="members",
        compute=admissions_year,
        records=admissions_year_records,
    )
)


def term_of(query: Query) -> str:
    """The admission term in force on the date: the latest term whose targets in the subtree
    cover it, else the five-year party term containing the date (2020–2025, 2025–2030, …)."""
    term = (
        AdmissionTarget.objects.filter(
            kind=TargetKind.TERM,
            starts_on__lte=query.on,
            ends_on__gte=query.on,
            organization_id__in=subtree_ids(root=query.root, on=query.on),
        )
        .order_by("-term")
        .values_list("term", flat=True)
        .first()
    )
    if term:
        return term
    first = 2020 + 5 * ((query.year - 2020) // 5)
    return f"{first}-{first + 5}"


def admissions_term(query: Query) -> Figure:
    """«kết nạp 4.513, đạt 64,47% chỉ tiêu cả nhiệm kỳ»: as `admissions_year`, from the start
    of the term (`term_of`) to the date, against the sum of the term's targets. Counts
    events."""
    term = term_of(query)
    progress = admission_progress(root=query.root, on=query.on, term=term, user=query.user)
    return _admissions_figure(ADMISSIONS_TERM, progress, f"nhiệm kỳ {term}")


def admissions_term_records(query: Query, part: str) -> Records:
    progress = admission_progress(
        root=query.root, on=query.on, term=term_of(query), user=query.user
    )
    return Records("Đảng viên được kết nạp", admission_drilldown(progress.events), EVENT_COLUMNS)


ADMISSIONS_TERM = add(
    Indicator(
        key="admissions_term",
        label="Kết nạp đảng viên cả nhiệm kỳ",
        line="kết nạp 4.513, đạt 64,47% chỉ tiêu cả nhiệm kỳ",
        method="Như kết nạp từ đầu năm, tính từ đầu nhiệm kỳ, trên tổng chỉ tiêu cả nhiệm kỳ.",
        counts="events",
        span="term",
        section="members",
        compute=admissions_term,
        records=admissions_term_records,
    )
)

EXIT_KINDS = {
    EventKind.DEATH: "từ trần",
    EventKind.STRUCK_OFF: "xóa tên",
    EventKind.EXPULSION: "khai trừ",
    EventKind.RESIGNATION: "xin ra khỏi Đảng",
    EventKind.TRANSFER_OUT: "chuyển sinh hoạt ra ngoài",
}


def exits_in_period(query: Query):
    """Non-void exit events dated in [start, on] of people who, the day before, were members
    placed (carried to the tree on the date) in the subtree."""
    placed = placed_in(heirs=subtree_ids(root=query.root, on=query.on), on=query.on)
    member_before = MembershipSpan.objects.filter(
        person=OuterRef("person"),
        valid_from__lt=OuterRef("effective_on"),
        valid_to__gte=OuterRef("effective_on") - dt.timedelta(days=1),
        organization_id__in=placed,
    )
    return MembershipEvent.objects.filter(
        is_void=False,
        kind__in=EXIT_KINDS,
        effective_on__range=(query.start, query.on),
    ).filter(Exists(member_before))


def member_changes(query: Query) -> Figure:
    """Changes of the period [start, on]: value = members admitted (restated, as
    `admissions_year`); parts: each kind of exit (death, struck off, expulsion, resignation,
    transfer out of the system) of members placed in the subtree the day before. Counts
    events."""
    admitted = admissions_in_period(
        root=query.root, start=query.start, end=query.on, user=query.user
    ).count()
    exits = dict(
        exits_in_period(query)
        .order_by()
        .values("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    return Figure(
        MEMBER_CHANGES,
        admitted,
        parts=[Part(str(kind), label, exits.get(kind, 0)) for kind, label in EXIT_KINDS.items()],
    )


def member_change_records(query: Query, part: str) -> Records:
    if part:
        events = exits_in_period(query).filter(kind=part)
    else:
        events = admissions_in_period(
            root=query.root, start=query.start, end=query.on, user=query.user
        )
    return Records("Biến động đảng viên trong kỳ", admission_drilldown(events), EVENT_COLUMNS)


MEMBER_CHANGES = add(
    Indicator(
        key="member_changes",
        label="Kết nạp và giảm đảng viên trong kỳ",
        line="kết nạp 607 … (3 tháng đầu năm 2024); từ trần, xóa tên, khai trừ trong kỳ",
        method=(
            "Số đảng viên được kết nạp trong kỳ; kèm số đảng viên từ trần, bị xóa tên, khai trừ, "
            "xin ra khỏi Đảng, chuyển ra ngoài trong kỳ (thuộc cây tổ chức vào ngày trước đó)."
        ),
        counts="events",
        span="period",
        section="members",
        compute=member_changes,
        records=member_change_records,
        drills=("", *EXIT_KINDS),
    )
)


def card_exchange(query: Query) -> Figure:
    """«đổi thẻ 126.014 đảng viên (đạt 94,28%)»: done = members counted in the subtree on
    the date who received the new card on or before it; whole = eligible = full members
    counted there holding a card of the previous series. Counts people."""
    progress = card_exchange_progress(root=query.root, on=query.on, user=query.user)
    return Figure(
        CARD_EXCHANGE,
        progress.done,
        whole=progress.eligible,
        parts=[Part("not_declared", "chưa kê khai", progress.not_declared)],
    )


def card_exchange_records(query: Query, part: str) -> Records:
    figure = {"": "done", "whole": "eligible"}.get(part, part)
    rows = card_exchange_members(root=query.root, on=query.on, figure=figure, user=query.user)
    columns = (
        *PERSON,
        Column("Tổ chức đảng", "organization_name"),
        Column("Số thẻ", "card_number"),
    )
    return Records("Đảng viên", rows, columns)


CARD_EXCHANGE = add(
    Indicator(
        key="card_exchange",
        label="Đổi thẻ đảng viên",
        line="đổi thẻ 126.014 đảng viên (đạt 94,28%)",
        method=(
            "Số đảng viên đã nhận thẻ mới đến ngày xem, trên số đảng viên chính thức đang giữ thẻ"
            " đợt trước (thuộc diện đổi thẻ), cùng trong cây tổ chức tại ngày xem."
        ),
        counts="people",
        span="stock",
        section="members",
        compute=card_exchange,
        records=card_exchange_records,
        drills=("", "whole", "not_declared"),
    )
)


# Training and staffing --------------------------------------------------------------------------


def _year_start(query: Query) -> dt.date:
    return dt.date(query.year, 1, 1)


def _training(query: Query):
    return training_figures(
        root=query.root, start=_year_start(query), end=query.on, user=query.user
    )


def political_theory(query: Query) -> Figure:
    """«cử 2.093 cán bộ đi đào tạo cao cấp, trung cấp LLCT»: distinct people sent by the
    subtree to an advanced or intermediate political theory class opening from 1 January to
    the date; part: their enrollments. Counts people."""
    figures = _training(query)
    return Figure(
        POLITICAL_THEORY,
        figures.political_theory_people,
        parts=[Part("enrollments", "lượt", figures.political_theory_enrollments)],
        note=f"năm {query.year}",
    )


def refresher(query: Query) -> Figure:
    """«27.517 lượt bồi dưỡng chuyên môn»: enrollments (a person in two classes counts twice)
    sent by the subtree to refresher classes opening from 1 January to the date; part: the
    distinct people. Counts events («lượt»)."""
    figures = _training(query)
    return Figure(
        REFRESHER,
        figures.refresher_enrollments,
        parts=[Part("people", "người", figures.refresher_people)],
        note=f"năm {query.year}",
    )


def _training_records(kinds, people_title: str):
    def records(query: Query, part: str) -> Records:
        enrollments = enrollments_sent(
            root=query.root, start=_year_start(query), end=query.on, on=query.on, user=query.user
        ).filter(training_class__course__kind__in=kinds)
        want_people = (part == "") == (kinds == POLITICAL_THEORY_KINDS) or part == "people"
        if want_people and part != "enrollments":
            columns = (
                Column("Họ và tên", "full_name"),
                Column("Ngày sinh", "date_of_birth"),
                Column("Số lượt", "enrollment_count"),
                Column("Khai giảng lớp đầu", "first_opens_on"),
            )
            return Records(people_title, people_drilldown(enrollments), columns)
        columns = (
            *PERSON,
            Column("Lớp", "training_class"),
            Column("Khai giảng", "training_class.opens_on"),
            Column("Đơn vị cử", "sent_by_name"),
        )
        return Records("Lượt cử đi học", enrollment_drilldown(enrollments, query.on), columns)

    return records


POLITICAL_THEORY = add(
    Indicator(
        key="political_theory",
        label="Cử đi đào tạo cao cấp, trung cấp LLCT",
        line="cử 2.093 cán bộ đi đào tạo cao cấp, trung cấp LLCT",
        method=(
            "Số người (mỗi người một lần) được cây tổ chức cử đi học lớp cao cấp, trung cấp lý "
            "luận chính trị khai giảng từ 01/01 đến ngày xem; kèm số lượt."
        ),
        counts="people",
        span="year",
        section="training",
        compute=political_theory,
        records=_training_records(POLITICAL_THEORY_KINDS, "Cán bộ được cử đi học"),
        drills=("", "enrollments"),
    )
)
REFRESHER = add(
    Indicator(
        key="refresher",
        label="Lượt bồi dưỡng chuyên môn",
        line="27.517 lượt bồi dưỡng chuyên môn",
        method=(
            "Số lượt cử đi bồi dưỡng (một người học hai lớp tính hai lượt) ở các lớp khai giảng "
            "từ 01/01 đến ngày xem; kèm số người."
        ),
        counts="events",
        span="year",
        section="training",
        compute=refresher,
        records=_training_records(REFRESHER_KINDS, "Người được bồi dưỡng"),
        drills=("", "people"),
    )
)


def staffing(query: Query) -> Figure:
    """«tinh giản 3.846 biên chế, đạt 14,6% so với biên chế năm 2015»: approved headcount of
    2015 minus that of the date's year, restated onto the tree on the date; whole = the 2015
    headcount; percent with one decimal. Counts places («biên chế»)."""
    reduction = staff_reduction(root=query.root, on=query.on, year=query.year, user=query.user)
    return Figure(
        STAFFING,
        reduction.reduction,
        whole=reduction.baseline or None,
        parts=[Part("approved", f"biên chế năm {query.year}", reduction.approved)],
        note=f"so với năm {reduction.baseline_year}",
    )


def staffing_records(query: Query, part: str) -> Records:
    rows = headcount_rows(
        root=query.root, on=query.on, years={BASELINE_YEAR, query.year}, user=query.user
    )
    columns = (
        Column("Năm", "year"),
        Column("Cơ quan, đơn vị", "unit_name"),
        Column("Tính cho", "organization_name"),
        Column("Biên chế được giao", "approved"),
        Column("Văn bản", "decision"),
    )
    return Records("Biên chế được giao", rows, columns)


STAFFING = add(
    Indicator(
        key="staffing",
        label="Tinh giản biên chế so với năm 2015",
        line="tinh giản 3.846 biên chế, đạt 14,6% so với biên chế năm 2015",
        method=(
            "Biên chế được giao năm 2015 trừ biên chế được giao năm của ngày xem, quy về đơn vị "
            "kế thừa trong cây tổ chức; tỷ lệ so với năm 2015, một chữ số thập phân."
        ),
        counts="places",
        span="stock",
        section="staffing",
        compute=staffing,
        records=staffing_records,
        percent=percent_one_decimal,
    )
)
