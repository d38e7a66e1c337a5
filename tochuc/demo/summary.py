"""What `generate_demo` prints: one line per kind of data written, then (verbosity 2) the
report-line figures the selectors compute on the province root as of the day."""

from __future__ import annotations

import datetime as dt

from tochuc.admissions.selectors import admission_progress
from tochuc.cadres.models import Assignment, AssignmentKind, Body, MoveKind
from tochuc.cadres.selectors import moves, seat_fill, vacancy_register
from tochuc.cards.campaign import STEP_LABELS
from tochuc.cards.selectors import card_exchange_progress
from tochuc.core.dating import REFORM_2025
from tochuc.core.formatting import vn_date, vn_int, vn_percent
from tochuc.members.selectors import member_counts
from tochuc.organizations.selectors import subtree_ids
from tochuc.staffing.selectors import staff_reduction
from tochuc.training.selectors import training_figures

APPOINTMENT_KINDS = (
    AssignmentKind.APPOINTMENT,
    AssignmentKind.REAPPOINTMENT,
    AssignmentKind.NOMINATION,
    AssignmentKind.APPROVAL,
)


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def appointed_people(*, root, start: dt.date, on: dt.date) -> int:
    """People appointed, reappointed, nominated or approved by a decision signed in
    [start, on] to a post of `root`'s subtree («bổ nhiệm … chuẩn y N cán bộ»)."""
    return (
        Assignment.objects.filter(
            kind__in=APPOINTMENT_KINDS,
            decision__signed_on__range=(start, on),
            post__organization_id__in=subtree_ids(root=root, on=on),
        )
        .values("person")
        .distinct()
        .count()
    )


def figures(*, root, on: dt.date) -> dict:
    """The selectors' figures for `root` on `on` (what the dashboard and report show)."""
    year_start = dt.date(on.year, 1, 1)
    return {
        "members": member_counts(on=on, root=root),
        "admissions_year": admission_progress(root=root, on=on, year=on.year),
        "admissions_term": admission_progress(root=root, on=on, term="2025-2030"),
        "cards": card_exchange_progress(root=root, on=on),
        "executive": seat_fill(root=root, on=on, body=Body.EXECUTIVE_COMMITTEE),
        "standing": seat_fill(root=root, on=on, body=Body.STANDING_COMMITTEE),
        "vacancies": vacancy_register(root=root, on=on),
        "reinforcements": moves(
            root=root,
            kind=MoveKind.REINFORCEMENT,
            since=REFORM_2025,
            on=on,
            origin_level="province",
            destination_level="commune",
        ).count(),
        "commune_moves": moves(
            root=root, kind=None, since=REFORM_2025, on=on, decided_at_commune_level=True
        ).count(),
        "appointed": appointed_people(root=root, start=quarter_start(on), on=on),
        "training": training_figures(root=root, start=year_start, end=on),
        "staffing": staff_reduction(root=root, on=on, year=on.year),
    }


def report_lines(report) -> list[str]:
    """One line per kind of data written."""
    seats = report.seats
    return [
        f"Đảng viên: {vn_int(report.persons)} hồ sơ, {vn_int(report.events)} sự kiện, "
        f"{vn_int(report.spans)} giai đoạn ({vn_int(report.replayed)} lịch sử phát lại bằng "
        "replay để đối chiếu: khớp).",
        f"Đổi thẻ: {vn_int(report.exchanges)} hồ sơ đổi thẻ.",
        f"Đào tạo: {vn_int(report.classes)} lớp, {vn_int(report.enrollments)} lượt học viên, "
        f"{vn_int(report.qualifications)} văn bằng lý luận chính trị.",
        f"Chỉ tiêu kết nạp: {vn_int(report.targets)} chỉ tiêu năm và nhiệm kỳ.",
        f"Biên chế: {vn_int(report.headcounts)} dòng biên chế theo năm.",
        f"Chức danh: {vn_int(seats.posts)} chức danh, {vn_int(seats.assignments)} lượt bố trí "
        f"({vn_int(seats.appointments)} bổ nhiệm, bổ nhiệm lại, giới thiệu ứng cử, chuẩn y), "
        f"{vn_int(seats.plans)} phương án bố trí, {vn_int(seats.moves)} trường hợp điều động, "
        f"tăng cường, {vn_int(seats.planned)} lượt quy hoạch.",
    ]


def figure_lines(f: dict, on: dt.date) -> list[str]:
    """The report lines of `figures(...)` on `on`, the way the department writes them."""
    members, year, term, cards = (
        f["members"],
        f["admissions_year"],
        f["admissions_term"],
        f["cards"],
    )
    bch, btv, vacancies, training = f["executive"], f["standing"], f["vacancies"], f["training"]
    staffing = f["staffing"]
    steps = "; ".join(f"{STEP_LABELS[step].lower()} {vn_int(n)}" for step, n in cards.steps.items())
    return [
        f"Số liệu ngày {vn_date(on)}:",
        f"  đảng viên {vn_int(members['total'])} (chính thức {vn_int(members['full'])}, "
        f"dự bị {vn_int(members['probationary'])});",
        f"  {year.sentence}; {term.sentence};",
        f"  đổi thẻ {vn_int(cards.done)}/{vn_int(cards.eligible)} (đạt {cards.percent}; "
        f"{steps}; chưa kê khai {vn_int(cards.not_declared)});",
        f"  BCH {vn_int(bch.holdings)}/{vn_int(bch.quota)}, BTV {vn_int(btv.holdings)}/"
        f"{vn_int(btv.quota)}; thiếu khuyết {vn_int(vacancies.total)} (tự đảm bảo "
        f"{vn_int(vacancies.self_sourced)}, cần hỗ trợ {vn_int(vacancies.needs_support)}, "
        f"chưa có phương án {vn_int(vacancies.unplanned)});",
        f"  tăng cường từ sở, ngành về xã {vn_int(f['reinforcements'])}; xã, phường điều động "
        f"{vn_int(f['commune_moves'])}; bổ nhiệm, bổ nhiệm lại, giới thiệu ứng cử, chuẩn y "
        f"{vn_int(f['appointed'])} cán bộ (từ {vn_date(quarter_start(on))});",
        f"  {training.sentence} (từ đầu năm; {vn_int(training.refresher_people)} người "
        f"bồi dưỡng, {vn_int(training.political_theory_enrollments)} lượt LLCT);",
        f"  {staffing.sentence} (năm {on.year}: {vn_int(staffing.approved)}/"
        f"{vn_int(staffing.baseline)} của năm 2015, còn "
        f"{vn_percent(staffing.approved, staffing.baseline)}).",
    ]
