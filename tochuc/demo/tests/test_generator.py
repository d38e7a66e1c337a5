"""`generate_demo` on Cần Thơ with 1,500 members: deterministic, rule-abiding histories, and
every report figure the dashboard shows is non-zero and plausible on the province root.

The data is generated once for the module (twice, to compare) inside a transaction rolled
back at the end of the module.
"""

import datetime as dt
import hashlib
import io
import random
from collections import defaultdict
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction

from tochuc.administrative_units.loader import load_admin_units
from tochuc.admissions.models import AdmissionTarget
from tochuc.cadres.models import Assignment, Move
from tochuc.cards.models import CardExchange
from tochuc.core.text import search_key
from tochuc.demo.generator import Generator
from tochuc.demo.members import MemberFactory
from tochuc.demo.names import GIVEN
from tochuc.demo.summary import appointed_people, figure_lines, figures
from tochuc.members.models import MembershipEvent, MembershipSpan
from tochuc.members.replay import Fact, replay
from tochuc.organizations.builder import build_party_tree
from tochuc.organizations.models import Organization
from tochuc.people.models import Person
from tochuc.staffing.models import Headcount
from tochuc.training.models import Enrollment
from tochuc.training.selectors import training_figures

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 5, 20)
MEMBERS = 1_500


def fingerprint() -> str:
    """A digest of the generated rows that does not depend on ids taken from sequences."""
    parts = [
        Person.objects.order_by("id").values_list(
            "id", "full_name", "sex", "date_of_birth", "ethnicity", "citizen_id", "sector",
            "political_theory", "hometown_id",
        ),
        MembershipEvent.objects.order_by("id").values_list(
            "person_id", "kind", "effective_on", "organization_id", "card_number"
        ),
        MembershipSpan.objects.order_by("person_id", "valid_from").values_list(
            "person_id", "valid_from", "valid_to", "status", "organization_id", "card_series"
        ),
        CardExchange.objects.order_by("person_id").values_list(
            "person_id", "organization_id", "declared_on", "verified_on", "received_on"
        ),
        Enrollment.objects.order_by("id").values_list(
            "person_id", "training_class_id", "sent_by_id", "enrolled_on", "result"
        ),
        AdmissionTarget.objects.order_by("organization_id", "kind", "year", "term").values_list(
            "organization_id", "kind", "year", "term", "count"
        ),
        Headcount.objects.order_by("organization_id", "year", "category").values_list(
            "organization_id", "year", "category", "approved", "actual"
        ),
        Assignment.objects.order_by("post_id", "valid_from", "person_id").values_list(
            "person_id", "post__title", "kind", "valid_from", "valid_to", "decision__signed_on"
        ),
        Move.objects.order_by("person_id").values_list(
            "person_id", "kind", "destination_id", "starts_on"
        ),
    ]  # fmt: skip
    return hashlib.sha256(repr([list(rows) for rows in parts]).encode()).hexdigest()


def generate(verbosity: int = 1) -> str:
    out = io.StringIO()
    call_command(
        "generate_demo", province="can_tho", seed=3, members=MEMBERS, today=TODAY,
        verbosity=verbosity, stdout=out,
    )  # fmt: skip
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_admin_units(province="can_tho")
        build_party_tree(province="can_tho")
        with transaction.atomic():
            generate(verbosity=0)
            first = fingerprint()
            transaction.set_rollback(True)
        output = generate()
        root = Organization.objects.get(code="92")
        yield SimpleNamespace(
            root=root,
            output=output,
            fingerprints=(first, fingerprint()),
            figures=figures(root=root, on=TODAY),
        )
        transaction.set_rollback(True)


def test_same_seed_and_day_give_the_same_data(demo):
    assert demo.fingerprints[0] == demo.fingerprints[1]


def test_the_command_prints_a_line_per_kind_of_data_and_the_figures(demo):
    lines = demo.output.splitlines()
    kinds = ("Đảng viên", "Đổi thẻ", "Đào tạo", "Chỉ tiêu kết nạp", "Biên chế", "Chức danh")
    assert [line.split(":")[0] for line in lines] == list(kinds)
    assert lines[0].startswith("Đảng viên: 1.500 hồ sơ")
    shown = "\n".join(figure_lines(demo.figures, TODAY))
    assert "Số liệu ngày 20/05/2026" in shown and "đổi thẻ" in shown and "Tinh giản" in shown


def test_every_history_replays_to_the_stored_spans(demo):
    """The stored spans are exactly what `replay` derives from the stored events, for every
    member (the generator derives them by `fold` and replays only a sample)."""
    periods = defaultdict(list)
    for org, start, end in Organization.objects.values_list(
        "id", "periods__valid_from", "periods__valid_to"
    ):
        periods[org].append((start, end))
    births = dict(Person.objects.values_list("id", "date_of_birth"))
    facts, stored = defaultdict(list), defaultdict(list)
    for row in MembershipEvent.objects.order_by("id").values_list(
        "person_id", "id", "kind", "effective_on", "organization_id", "status", "admitted_on",
        "card_number", "card_series",
    ):  # fmt: skip
        facts[row[0]].append(Fact(*row[1:]))
    for row in MembershipSpan.objects.values_list(
        "person_id", "valid_from", "valid_to", "status", "organization_id",
        "host_organization_id", "admitted_on", "confirmed_on", "card_number", "card_series",
    ):  # fmt: skip
        stored[row[0]].append(row[1:])
    assert len(facts) == MEMBERS
    exists = lambda org, day: any(s <= day <= e for s, e in periods[org])  # noqa: E731
    for person, person_facts in facts.items():
        spans = replay(person_facts, birth=births[person], party_organization_exists=exists)
        derived = [
            (s.valid_from, s.valid_to, s.state.status, s.state.organization_id,
             s.state.host_organization_id, s.state.admitted_on, s.state.confirmed_on,
             s.state.card_number, s.state.card_series)
            for s in spans
        ]  # fmt: skip
        assert sorted(stored[person]) == derived, person


def test_fold_matches_replay_on_many_histories(demo):
    generator = Generator(province="can_tho", seed=11, today=TODAY)
    factory = MemberFactory(
        place=generator.place, rng=random.Random(11), today=TODAY,
        decisions=defaultdict(int), classes={},
        first_ids={"person": 1, "event": 1, "enrollment": 1}, verify_every=1,
    )  # fmt: skip
    assert factory.batch(2_000).verified == 2_000  # raises on the first difference


def test_names_match_sex_and_ethnicity_shares_fit_the_mekong_delta(demo):
    female = {name for name, _ in GIVEN["female"]}
    people = list(Person.objects.values_list("full_name", "sex", "ethnicity", "citizen_id"))
    assert all((name.split()[-1] in female) == (sex == "female") for name, sex, _, _ in people)
    folded = Person.objects.values_list("full_name", "name_folded")
    assert all(search_key(name) == key for name, key in folded)  # as Person.save() sets it
    khmer = sum(ethnicity == "05" for _, _, ethnicity, _ in people) / len(people)
    assert 0.04 < khmer < 0.13
    assert len({cid for *_, cid in people}) == len(people)
    assert all(len(cid) == 12 and cid.startswith("092") for *_, cid in people)


def test_report_figures_on_the_province_root_are_plausible(demo):
    f = demo.figures
    assert 0.85 * MEMBERS < f["members"]["total"] < MEMBERS
    assert 0 < f["members"]["probationary"] < f["members"]["full"]
    year, term = f["admissions_year"], f["admissions_term"]
    assert 0 < year.count < year.target and 0 < term.count < term.target
    cards = f["cards"]
    assert 0.88 < cards.done / cards.eligible < 0.98
    assert cards.steps["received"] == cards.done < cards.steps["declared"]
    assert cards.not_declared > 0
    for fill in (f["executive"], f["standing"]):
        assert 0 < fill.holdings <= fill.quota
    vacancies = f["vacancies"]
    assert vacancies.reconciles and vacancies.self_sourced and vacancies.needs_support
    assert f["reinforcements"] > 0 and f["commune_moves"] > 0
    training = training_figures(root=demo.root, start=dt.date(2015, 1, 1), end=TODAY)
    assert 0 < training.political_theory_people <= training.political_theory_enrollments
    assert 0 < training.refresher_people < training.refresher_enrollments
    assert f["training"].refresher_enrollments > 0
    staffing = f["staffing"]
    assert 0.10 < staffing.reduction / staffing.baseline < 0.17


def test_admission_targets_fit_the_admissions_of_past_years(demo):
    from tochuc.admissions.selectors import admission_progress

    old_province = Organization.objects.get(code="L92")
    for year in (2018, 2022):
        progress = admission_progress(root=old_province, on=dt.date(year, 12, 31), year=year)
        assert 0.6 < progress.count / progress.target <= 1.05, year


def test_appointments_every_quarter_since_the_merger(demo):
    for start, end in (
        (dt.date(2025, 7, 1), dt.date(2025, 9, 30)),
        (dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
        (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        (dt.date(2026, 4, 1), TODAY),
    ):
        assert appointed_people(root=demo.root, start=start, on=end) > 0, start
