"""The sheets «Đổi thẻ đảng viên» and «Biên chế» on the small tree: create, re-import, edit,
the link to the card exchange event, and refusals naming the column."""

from __future__ import annotations

import datetime as dt

from tochuc.cards.models import CardExchange
from tochuc.interchange.importer import run
from tochuc.interchange.outcome import CREATE, ERROR, UNCHANGED, UPDATE
from tochuc.interchange.tests.test_importer import decision, statuses, workbook
from tochuc.members.models import EventKind, MembershipEvent
from tochuc.staffing.models import Category, Headcount

D = dt.date
CARDS, HEADCOUNTS, EVENTS = "Đổi thẻ đảng viên", "Biên chế", "Sự kiện đảng viên"


def member_rows() -> dict[str, list[dict]]:
    """A full member transferred into A, issued a 2010 card, who exchanged it in 2025."""
    return {
        "Cá nhân": [
            {
                "Mã hồ sơ": "DT01",
                "Họ và tên": "Đinh Thị Thẻ",
                "Giới tính": "Nữ",
                "Ngày sinh": D(1980, 2, 3),
                "Số CCCD": "001180000001",
            }
        ],
        EVENTS: [
            {
                "Mã hồ sơ": "DT01",
                "Loại sự kiện": "Chuyển sinh hoạt đến (từ ngoài hệ thống)",
                "Ngày hiệu lực": "10/07/2025",
                "Mã tổ chức đảng": "A",
                "Tư cách khi chuyển đến": "Chính thức",
                "Ngày vào Đảng (khi chuyển đến)": "05/05/2005",
            },
            {
                "Mã hồ sơ": "DT01",
                "Loại sự kiện": "Phát thẻ đảng viên",
                "Ngày hiệu lực": "15/07/2025",
                "Số thẻ đảng viên": "C0001",
                "Đợt thẻ": "2010",
            },
            {
                "Mã hồ sơ": "DT01",
                "Loại sự kiện": "Đổi thẻ đảng viên",
                "Ngày hiệu lực": "01/11/2025",
                "Số thẻ đảng viên": "N0001",
                "Đợt thẻ": "2025",
            },
        ],
        CARDS: [
            {
                "Mã hồ sơ": "DT01",
                "Đợt thẻ mới": "2025",
                "Mã tổ chức đảng phụ trách": "A",
                "Số thẻ cũ": "C0001",
                "Ngày kê khai": "01/09/2025",
                "Ngày chụp ảnh": "05/09/2025",
                "Ngày đối chiếu CCCD": "06/09/2025",
                "Ngày ký thẻ": "20/09/2025",
                "Ngày gửi lên cấp ủy tỉnh": "25/09/2025",
                "Ngày nhận thẻ mới": "01/11/2025",
                "Số thẻ mới": "N0001",
            }
        ],
        HEADCOUNTS: [
            {
                "Mã cơ quan, đơn vị": "A",
                "Năm": 2025,
                "Loại biên chế": "Cán bộ, công chức",
                "Biên chế được giao": 8,
                "Số có mặt": 7,
                **decision(),
            },
            {
                "Mã cơ quan, đơn vị": "A",
                "Năm": 2025,
                "Loại biên chế": "Viên chức hưởng lương từ ngân sách",
                "Biên chế được giao": 3,
                **decision(),
                "Ghi chú": "Trạm y tế",
            },
        ],
    }


def test_cards_and_headcounts_are_created_linked_and_reimported_unchanged(small_tree):
    outcome = run(workbook(member_rows()), user=None, apply=True)
    assert outcome.ok, [str(p) for p in outcome.problems]
    assert statuses(outcome)[(CARDS, 2)] == CREATE
    exchange = CardExchange.objects.get(person__code="DT01")
    event = MembershipEvent.objects.get(person__code="DT01", kind=EventKind.CARD_EXCHANGE)
    assert exchange.event == event
    assert exchange.organization == small_tree.a
    assert (exchange.received_on, exchange.new_card_number) == (D(2025, 11, 1), "N0001")
    assert exchange.history.count() == 1
    civil, employees = Headcount.objects.order_by("category")
    assert (civil.category, civil.approved, civil.actual) == (Category.CIVIL_SERVANTS, 8, 7)
    assert (employees.approved, employees.actual, employees.note) == (3, None, "Trạm y tế")
    assert civil.decision.number == "12-QĐ/ĐU"

    again = run(workbook(member_rows()), user=None, apply=True)
    assert {row.status for row in again.rows} == {UNCHANGED}


def test_edits_update_only_the_edited_records(small_tree):
    run(workbook(member_rows()), user=None, apply=True)
    edited = member_rows()
    edited[HEADCOUNTS][0]["Số có mặt"] = 6
    edited[CARDS][0]["Số thẻ cũ"] = "C0001-A"
    outcome = run(workbook(edited), user=None, apply=True)
    assert outcome.ok, [str(p) for p in outcome.problems]
    found = {(r.sheet, r.row): (r.status, r.changes) for r in outcome.rows}
    assert found[(HEADCOUNTS, 2)] == (UPDATE, ["Số có mặt"])
    assert found[(HEADCOUNTS, 3)][0] == UNCHANGED
    assert found[(CARDS, 2)] == (UPDATE, ["Số thẻ cũ"])
    exchange = CardExchange.objects.get(person__code="DT01")
    assert (exchange.old_card_number, exchange.version) == ("C0001-A", 2)
    assert exchange.event is not None
    assert Headcount.objects.get(category=Category.CIVIL_SERVANTS).actual == 6


def test_a_replaced_card_event_moves_the_link(small_tree):
    run(workbook(member_rows()), user=None, apply=True)
    edited = member_rows()
    edited[EVENTS][2]["Ghi chú"] = "Nhận tại Đảng ủy xã"
    outcome = run(workbook(edited), user=None, apply=True)
    assert outcome.ok, [str(p) for p in outcome.problems]
    assert statuses(outcome)[(CARDS, 2)] == UPDATE
    exchange = CardExchange.objects.get(person__code="DT01")
    assert not exchange.event.is_void
    assert exchange.event.note == "Nhận tại Đảng ủy xã"


def test_problems_name_the_column(small_tree):
    rows = member_rows()
    del rows[EVENTS][2]  # no card exchange event for the received card
    card = rows[CARDS][0]
    card["Ngày đối chiếu CCCD"] = None  # signed without verifying
    card["Số thẻ mới"] = None
    card["Mã tổ chức đảng phụ trách"] = "ZZ"
    rows[HEADCOUNTS][0].update({"Năm": 1800})
    rows[HEADCOUNTS][1].update({"Biên chế được giao": -1, "Ngày quyết định": "01/09/2026"})
    outcome = run(workbook(rows), user=None, apply=True)
    assert not outcome.applied
    problems = {(p.sheet, p.row, p.column) for p in outcome.problems}
    assert problems == {
        (CARDS, 2, "Mã tổ chức đảng phụ trách"),
        (CARDS, 2, "Ngày ký thẻ"),
        (CARDS, 2, "Ngày nhận thẻ mới"),
        (CARDS, 2, "Số thẻ mới"),
        (HEADCOUNTS, 2, "Năm"),
        (HEADCOUNTS, 3, "Biên chế được giao"),
        (HEADCOUNTS, 3, "Ngày quyết định"),
    }
    assert statuses(outcome)[(CARDS, 2)] == ERROR
    assert not CardExchange.objects.exists() and not Headcount.objects.exists()


def test_a_commune_user_cannot_write_another_communes_records(small_tree):
    rows = {HEADCOUNTS: [{**member_rows()[HEADCOUNTS][0], "Mã cơ quan, đơn vị": "B"}]}
    outcome = run(workbook(rows), user=small_tree.users.a_editor, apply=True)
    assert [(p.sheet, p.column) for p in outcome.problems] == [(HEADCOUNTS, "Mã cơ quan, đơn vị")]
    assert not Headcount.objects.exists()


CLASSES, ENROLLMENTS = "Lớp đào tạo, bồi dưỡng", "Học viên"
CLASS = {
    "Mã đơn vị tổ chức lớp": "A",
    "Tên lớp": "Bồi dưỡng nguồn 2025",
    "Ngày khai giảng": "01/09/2025",
}


def training_rows() -> dict[str, list[dict]]:
    rows = member_rows()
    return {
        "Cá nhân": rows["Cá nhân"],
        CLASSES: [
            {
                **CLASS,
                "Ngày bế giảng": "10/09/2025",
                "Hình thức": "Tập trung",
                "Tên chương trình": "Bồi dưỡng cán bộ nguồn",
                "Loại chương trình": "Bồi dưỡng cán bộ nguồn",
                "Mã đơn vị quản lý chương trình": "A",
                **decision(day="20/08/2025"),
            }
        ],
        ENROLLMENTS: [
            {
                "Mã hồ sơ": "DT01",
                **CLASS,
                "Mã đơn vị cử đi học": "A",
                "Ngày cử đi học": "25/08/2025",
                "Kết quả": "Hoàn thành",
                "Ngày kết thúc học": "10/09/2025",
            }
        ],
    }


def test_classes_courses_and_enrollments_round_trip(small_tree):
    from tochuc.training.models import Course, Enrollment, Result, TrainingClass

    outcome = run(workbook(training_rows()), user=None, apply=True)
    assert outcome.ok, [str(p) for p in outcome.problems]
    enrollment = Enrollment.objects.get()
    klass = enrollment.training_class
    assert (klass.name, klass.organizer, klass.course.name) == (
        "Bồi dưỡng nguồn 2025",
        small_tree.a,
        "Bồi dưỡng cán bộ nguồn",
    )
    assert (enrollment.sent_by, enrollment.result) == (small_tree.a, Result.COMPLETED)
    assert Course.objects.count() == 1

    again = run(workbook(training_rows()), user=None, apply=True)
    assert {row.status for row in again.rows} == {UNCHANGED}

    edited = training_rows()
    edited[CLASSES][0]["Ngày bế giảng"] = "12/09/2025"
    edited[ENROLLMENTS][0]["Xếp loại"] = "Giỏi"
    outcome = run(workbook(edited), user=None, apply=True)
    found = {(r.sheet, r.row): (r.status, r.changes) for r in outcome.rows}
    assert found[(CLASSES, 2)] == (UPDATE, ["Ngày bế giảng"])
    assert found[(ENROLLMENTS, 2)] == (UPDATE, ["Xếp loại"])
    assert TrainingClass.objects.get().closes_on == D(2025, 9, 12)
    assert Enrollment.objects.get().grade == "Giỏi"
    assert Course.objects.count() == 1


def test_training_problems_name_the_column(small_tree):
    rows = training_rows()
    rows[CLASSES][0]["Ngày bế giảng"] = "01/08/2025"
    rows[ENROLLMENTS].append({**rows[ENROLLMENTS][0], "Tên lớp": "Lớp không có"})
    outcome = run(workbook(rows), user=None, apply=False)
    problems = {(p.sheet, p.row, p.column) for p in outcome.problems}
    assert problems == {
        (CLASSES, 2, "Ngày bế giảng"),
        (ENROLLMENTS, 3, "Tên lớp"),
    }


def test_a_commune_user_keeps_other_classes_but_cannot_create_them(small_tree):
    rows = training_rows()
    rows[CLASSES][0]["Mã đơn vị tổ chức lớp"] = "BSECRET"
    del rows["Cá nhân"], rows[ENROLLMENTS]
    outcome = run(workbook(rows), user=small_tree.users.a_editor, apply=True)
    assert [(p.sheet, p.column) for p in outcome.problems] == [(CLASSES, "Mã đơn vị tổ chức lớp")]
    assert run(workbook(rows), user=None, apply=True).applied
    again = run(workbook(rows), user=small_tree.users.a_editor, apply=False)
    assert again.ok and {row.status for row in again.rows} == {UNCHANGED}
