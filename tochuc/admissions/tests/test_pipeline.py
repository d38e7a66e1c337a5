"""Every admission step rule has a passing and a refused case; refusals write nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tochuc.admissions import services
from tochuc.admissions.models import Candidate, Stage
from tochuc.admissions.tests.conftest import person, pipeline
from tochuc.core.services import StaleEdit
from tochuc.members.models import MembershipEvent, MembershipSpan

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate(small_tree):
    return services.candidate_create(person=person("Quần chúng Xét"), organization=small_tree.a1)


def step(candidate, name, on, **kwargs):
    candidate.refresh_from_db()
    return services.candidate_step(candidate=candidate, step=name, on=on, **kwargs)


def refused(candidate, name, on, match, **kwargs):
    before = list(Candidate.objects.filter(pk=candidate.pk).values())
    with pytest.raises(ValidationError, match=match):
        step(candidate, name, on, **kwargs)
    assert list(Candidate.objects.filter(pk=candidate.pk).values()) == before


def test_steps_in_order_move_the_stage(candidate, decision):
    assert candidate.stage == Stage.PROPOSED
    assert step(candidate, "course", D(2025, 1, 5)).stage == Stage.COURSE
    assert step(candidate, "application", D(2025, 1, 5)).stage == Stage.APPLIED  # same day ok
    assert step(candidate, "resolution", D(2025, 9, 1)).stage == Stage.RESOLVED
    decided = step(candidate, "decision", D(2025, 9, 10), decision=decision)
    assert (decided.stage, decided.committee_decision, decided.version) == (
        Stage.DECIDED, decision, 5,
    )  # fmt: skip
    assert list(Candidate.objects.at_stage(Stage.DECIDED)) == [decided]


def test_application_needs_the_course_first(candidate):
    refused(candidate, "application", D(2025, 1, 5), "sau bước «Học lớp bồi dưỡng")


def test_application_cannot_precede_the_course(candidate):
    step(candidate, "course", D(2025, 2, 1))
    refused(candidate, "application", D(2025, 1, 31), "không thể trước ngày «Học lớp")


def test_resolution_after_application(candidate):
    step(candidate, "course", D(2025, 1, 1))
    refused(candidate, "resolution", D(2025, 3, 1), "sau bước «Làm đơn")
    step(candidate, "application", D(2025, 2, 1))
    refused(candidate, "resolution", D(2025, 1, 15), "không thể trước ngày «Làm đơn")
    assert step(candidate, "resolution", D(2025, 2, 1)).stage == Stage.RESOLVED


def test_decision_after_resolution_and_with_a_decision(candidate, decision):
    step(candidate, "course", D(2025, 1, 1))
    step(candidate, "application", D(2025, 2, 1))
    refused(candidate, "decision", D(2025, 3, 1), "sau bước «Chi bộ", decision=decision)
    step(candidate, "resolution", D(2025, 3, 1))
    refused(
        candidate, "decision", D(2025, 2, 28), "không thể trước ngày «Chi bộ", decision=decision
    )
    refused(candidate, "decision", D(2025, 3, 5), "phải có số, ngày")


def test_course_cannot_move_after_later_steps(candidate):
    step(candidate, "course", D(2025, 1, 1))
    step(candidate, "application", D(2025, 2, 1))
    refused(candidate, "course", D(2025, 3, 1), "không thể trước ngày «Học lớp")
    refused(candidate, "course", None, "sau bước «Học lớp")


@pytest.mark.parametrize(
    ("decided_on", "source"),
    [(D(2024, 1, 10), "Hướng dẫn 12-HD/BTCTW"), (D(2026, 1, 10), "Quy định 294-QĐ/TW")],
)
def test_certificate_valid_five_years_on_the_decision_date(candidate, decision, decided_on, source):
    course = decided_on.replace(year=decided_on.year - 5)
    step(candidate, "course", course)
    step(candidate, "application", course)
    step(candidate, "resolution", course)
    refused(candidate, "decision", decided_on, f"đã hết hạn.*{source}", decision=decision)
    last_valid = decided_on - dt.timedelta(days=1)
    assert step(candidate, "decision", last_valid, decision=decision).stage == Stage.DECIDED


def test_one_open_candidacy_per_person(small_tree, candidate):
    with pytest.raises(ValidationError, match="đang có hồ sơ"):
        services.candidate_create(person=candidate.person, organization=small_tree.a)


def test_candidate_needs_a_party_organization(small_tree):
    from tochuc.organizations import services as org_services
    from tochuc.organizations.kinds import Kind

    committee = org_services.organization_establish(
        code="A-UB", name="Ủy ban nhân dân xã An", kind=Kind.PEOPLES_COMMITTEE,
        parent=small_tree.a, established_on=D(2025, 7, 1), decision=small_tree.decision,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="không phải là tổ chức đảng"):
        services.candidate_create(person=person("Người"), organization=committee)


def decided_candidate(small_tree, decision):
    return pipeline(
        small_tree.a1, "Quần chúng Kết Nạp", decision=decision, course=D(2025, 1, 1),
        applied=D(2025, 2, 1), resolved=D(2025, 8, 20), decided=D(2025, 9, 1),
    )  # fmt: skip


def test_admit_records_the_event_and_links_it(small_tree, decision):
    candidate = decided_candidate(small_tree, decision)
    event = services.candidate_admit(candidate=candidate, effective_on=D(2025, 9, 15))
    candidate.refresh_from_db()
    assert candidate.stage == Stage.ADMITTED and candidate.admission_event == event
    assert (event.organization, event.decision, event.kind) == (
        small_tree.a1,
        decision,
        "admission",
    )
    assert MembershipSpan.objects.filter(person=candidate.person).count() == 1
    with pytest.raises(ValidationError, match="đã kết thúc"):
        step(candidate, "course", D(2025, 1, 2))


def test_admit_needs_the_decision_and_a_later_date(small_tree, decision):
    candidate = services.candidate_create(person=person("Chưa đủ"), organization=small_tree.a1)
    with pytest.raises(ValidationError, match="cấp ủy đã quyết định"):
        services.candidate_admit(candidate=candidate, effective_on=D(2025, 9, 15))
    candidate = decided_candidate(small_tree, decision)
    with pytest.raises(ValidationError, match="không thể trước ngày quyết định"):
        services.candidate_admit(candidate=candidate, effective_on=D(2025, 8, 31))


def test_refused_admission_leaves_the_candidate_unchanged(small_tree, decision):
    young = services.candidate_create(
        person=person("Quần chúng Trẻ", D(2008, 1, 1)), organization=small_tree.a1
    )
    for name, on in (("course", D(2025, 1, 1)), ("application", D(2025, 2, 1)),
                     ("resolution", D(2025, 8, 20))):  # fmt: skip
        step(young, name, on)
    young = step(young, "decision", D(2025, 9, 1), decision=decision)
    before = list(Candidate.objects.filter(pk=young.pk).values())
    with pytest.raises(ValidationError, match="Chưa đủ 18 tuổi"):
        services.candidate_admit(candidate=young, effective_on=D(2025, 9, 15))
    assert list(Candidate.objects.filter(pk=young.pk).values()) == before
    assert not MembershipEvent.objects.filter(person=young.person).exists()


def test_withdraw_needs_a_reason_and_ends_the_candidacy(candidate):
    with pytest.raises(ValidationError, match="lý do"):
        services.candidate_withdraw(candidate=candidate, on=D(2025, 5, 1), reason=" ")
    withdrawn = services.candidate_withdraw(
        candidate=candidate, on=D(2025, 5, 1), reason="Chuyển đi"
    )
    assert withdrawn.stage == Stage.WITHDRAWN
    assert list(Candidate.objects.at_stage(Stage.WITHDRAWN)) == [withdrawn]


def test_a_stale_form_is_refused(candidate):
    step(candidate, "course", D(2025, 1, 1))
    with pytest.raises(StaleEdit):
        services.candidate_step(
            candidate=candidate, step="application", on=D(2025, 2, 1), expected_version=1
        )


def test_target_rules(small_tree, decision):
    from tochuc.admissions.models import TargetKind

    t = small_tree
    with pytest.raises(ValidationError, match="ghi năm"):
        services.target_set(organization=t.a, kind=TargetKind.YEAR, count=3)
    with pytest.raises(ValidationError, match="dạng «2025-2030»"):
        services.target_set(organization=t.a, kind=TargetKind.TERM, term="2025", count=3)
    with pytest.raises(ValidationError, match="ngày bắt đầu và ngày kết thúc"):
        services.target_set(organization=t.a, kind=TargetKind.TERM, term="2025-2030", count=3)
    with pytest.raises(ValidationError, match="không âm"):
        services.target_set(organization=t.a, kind=TargetKind.YEAR, year=2025, count=-1)
    first = services.target_set(organization=t.a, kind=TargetKind.YEAR, year=2025, count=3)
    again = services.target_set(
        organization=t.a, kind=TargetKind.YEAR, year=2025, count=4, decision=decision
    )
    assert (again.pk, again.count, again.version) == (first.pk, 4, 2)
    with pytest.raises(StaleEdit):
        services.target_update(target=again, count=5, expected_version=1)
    assert services.target_update(target=again, count=5, expected_version=2).count == 5
