"""Round trip: the province's interchange workbook, imported into an empty database, gives
the same report figures; imported again, it changes nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.apps import apps
from django.db import connection

from tests.quarter_data import ON
from tochuc.cards.models import CardExchange
from tochuc.cards.services import card_exchange_declare, card_exchange_step
from tochuc.core.services import decision_cite
from tochuc.indicators.registry import Query, figures
from tochuc.interchange.exporter import subtree_rows, write_workbook
from tochuc.interchange.importer import run
from tochuc.interchange.outcome import UNCHANGED
from tochuc.members.models import EventKind
from tochuc.members.services import event_record
from tochuc.organizations.models import Organization
from tochuc.people.models import Person
from tochuc.staffing.models import Category, Headcount
from tochuc.training.models import Course, CourseKind, Enrollment, Mode, Result, TrainingClass

CARRIED = (
    "organizations", "seats_executive", "seats_standing", "vacancies", "appointments",
    "reinforcements", "commune_moves", "members", "admissions_year", "admissions_term",
    "member_changes", "card_exchange", "staffing", "political_theory", "refresher",
)  # fmt: skip
"""The figures whose records the workbook carries."""

WIPED = {
    "core", "accounts", "organizations", "people", "members", "admissions", "cards", "cadres",
    "planning", "training", "ratings", "congresses", "staffing", "reports", "interchange",
}  # fmt: skip


D = dt.date


@pytest.fixture
def campaign_data(quarter_data):
    """The quarter, with card exchanges, headcounts and training: Bê Thị Hai (full, card of
    series 2010) received the new card on 01/11/2025, Lão Văn Cũ declared and was
    photographed; headcounts of 2015 in the old communes (restated onto A and B) and of 2025;
    a political theory class of the province and refresher classes of A (one of 2024), with
    people sent by A, B and the merged LA."""
    t = quarter_data.tree
    old, moved = (Person.objects.get(full_name=n) for n in ("Lão Văn Cũ", "Bê Thị Hai"))
    event_record(
        person=old, kind=EventKind.CARD_ISSUE, effective_on=D(2025, 4, 1),
        card_number="L0001", card_series="2010",
    )  # fmt: skip
    event_record(
        person=moved, kind=EventKind.CARD_ISSUE, effective_on=D(2025, 8, 15),
        card_number="B0002", card_series="2010",
    )  # fmt: skip
    moved.citizen_id = "001185000002"
    moved.save(update_fields=["citizen_id"])
    exchange = card_exchange_declare(person=moved, declared_on=D(2025, 9, 1))
    for step, day in (("photographed", 5), ("verified", 6), ("signed", 20), ("sent", 25)):
        exchange = card_exchange_step(exchange=exchange, step=step, on=D(2025, 9, day))
    card_exchange_step(exchange=exchange, step="received", on=D(2025, 11, 1), card_number="N0002")
    exchange = card_exchange_declare(person=old, declared_on=D(2025, 10, 1))
    card_exchange_step(exchange=exchange, step="photographed", on=D(2025, 10, 5))

    assigned = decision_cite(number="12-QĐ/TU", signed_on=D(2015, 1, 5), issuer="Tỉnh ủy")
    assigned_2025 = decision_cite(number="40-QĐ/TU", signed_on=D(2025, 7, 2), issuer="Tỉnh ủy")
    for org, year, approved, actual, decision in (
        (t.la, 2015, 10, 9, assigned),
        (t.lb, 2015, 6, None, assigned),
        (t.a, 2025, 8, 7, assigned_2025),
        (t.b, 2025, 4, 4, assigned_2025),
    ):
        Headcount.objects.create(
            organization=org, year=year, approved=approved, actual=actual, decision=decision
        )
    Headcount.objects.create(
        organization=t.a, year=2025, category=Category.PUBLIC_EMPLOYEES, approved=3,
        decision=assigned_2025, note="Viên chức trạm y tế",
    )  # fmt: skip
    theory = Course.objects.create(
        name="Trung cấp LLCT", kind=CourseKind.INTERMEDIATE_POLITICAL_THEORY, organization=t.p
    )
    sources = Course.objects.create(
        name="Bồi dưỡng cán bộ nguồn", kind=CourseKind.SOURCE_CADRE_REFRESHER, organization=t.a
    )

    def opened(course, name, organizer, opens, closes, mode=Mode.PART_TIME, **extra):
        return TrainingClass.objects.create(
            course=course, name=name, organizer=organizer, opens_on=opens, closes_on=closes,
            mode=mode, **extra,
        )  # fmt: skip

    k25 = opened(
        theory, "Trung cấp LLCT K25", t.p, D(2025, 9, 1), D(2026, 6, 30), decision=assigned_2025
    )
    r1 = opened(sources, "Nguồn 2025 đợt 1", t.a, D(2025, 3, 1), D(2025, 3, 10), Mode.FULL_TIME)
    r0 = opened(sources, "Nguồn 2024", t.a, D(2024, 10, 1), D(2024, 10, 5), note="Lớp cũ")
    for name, klass, sent_by, on, extra in (
        ("An Văn Một", k25, t.a, D(2025, 8, 20), {}),
        ("Ủy viên A 1", k25, t.a, D(2025, 8, 20), {"special_approval": True}),
        (
            "Ủy viên A 1",
            r1,
            t.a,
            D(2025, 2, 20),
            {"result": Result.COMPLETED, "completed_on": D(2025, 3, 10), "grade": "Giỏi"},
        ),
        ("Lão Văn Cũ", r1, t.la, D(2025, 2, 25), {"decision": assigned_2025}),
        ("Ủy viên Bê 1", r1, t.b, D(2025, 2, 25), {}),
        ("Ủy viên Bê 1", r0, t.b, D(2024, 9, 25), {}),
    ):
        Enrollment.objects.create(
            person=Person.objects.get(full_name=name), training_class=klass, sent_by=sent_by,
            enrolled_on=on, **extra,
        )  # fmt: skip
    return quarter_data


def wipe() -> list[str]:
    """Empty every domain table (administrative units stay, as after `load_admin_units`)."""
    tables = [
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in WIPED and model._meta.managed and not model._meta.proxy
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
    return tables


def figures_of(code: str) -> dict:
    root = Organization.objects.get(code=code)
    found = figures(Query.of(root, ON), CARRIED)
    return {key: (f.value, f.whole, {p.key: p.value for p in f.parts}) for key, f in found.items()}


def exported(code: str) -> io.BytesIO:
    stream = io.BytesIO()
    write_workbook(subtree_rows(Organization.objects.get(code=code), None), stream)
    stream.seek(0)
    return stream


@pytest.mark.django_db(transaction=False)
def test_the_workbook_reproduces_the_figures_in_an_empty_database(campaign_data):
    before = figures_of("P")
    assert before["card_exchange"][:2] == (1, 2)
    assert before["staffing"][:2] == (1, 16)
    assert before["political_theory"] == (2, None, {"enrollments": 2})
    assert before["refresher"] == (3, None, {"people": 3})
    workbook = exported("P")
    tables = wipe()
    assert not Organization.objects.exists()

    outcome = run(workbook, user=None, apply=True)
    assert outcome.ok, [str(p) for p in outcome.problems[:20]]
    assert outcome.applied
    connection.check_constraints(table_names=tables)
    assert figures_of("P") == before
    assert CardExchange.objects.filter(event__kind=EventKind.CARD_EXCHANGE).count() == 1

    workbook.seek(0)
    again = run(workbook, user=None, apply=True)
    assert {row.status for row in again.rows} == {UNCHANGED}
    assert figures_of("P") == before


@pytest.mark.django_db
def test_a_commune_export_reimports_unchanged(campaign_data):
    outcome = run(exported("A"), user=None, apply=False)
    assert outcome.ok, [str(p) for p in outcome.problems[:20]]
    assert {row.status for row in outcome.rows} == {UNCHANGED}


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["province_admin", "a_editor"])
def test_a_user_reimports_their_own_export_unchanged(campaign_data, who):
    """Including members who died or left: they stay the organization's to correct."""
    user = getattr(campaign_data.tree.users, who)
    root = campaign_data.tree.p if who == "province_admin" else campaign_data.tree.a
    stream = io.BytesIO()
    write_workbook(subtree_rows(root, user), stream)
    stream.seek(0)
    outcome = run(stream, user=user, apply=False)
    assert outcome.ok, [str(p) for p in outcome.problems[:20]]
    assert {row.status for row in outcome.rows} == {UNCHANGED}
