"""Correcting a wrongly recorded committee member (the 2025 congress of A in conftest):
BCH 7 with X1 X2 X3 Y1 Y2 elected → khuyết 2. Removing X2 (voided from the closing day)
gives BCH 7 (khuyết 3); removing Y2 from 01/01/2026 ends the holding on 31/12/2025, so the
closing-day figure stays khuyết 3 while on 05/01/2026 the executive committee has 3 holders
(X1 X3 Y1) → khuyết 4. X3 holds «Ủy viên Ban Thường vụ», elected among the BCH: refused."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tochuc.cadres.models import Assignment
from tochuc.congresses import selectors, services
from tochuc.congresses.models import CommitteeMember, Role
from tochuc.congresses.tests.test_views import ON, text_of

D = dt.date
pytestmark = pytest.mark.django_db


def executive(congress, on):
    return next(b.figure for b in selectors.committee_at(congress, on) if b.label == "BCH")


def seat_of(congress, person, role=Role.EXECUTIVE_MEMBER):
    return CommitteeMember.objects.get(congress=congress, person=person, role=role)


def test_remove_voids_or_ends_and_changes_the_vacancies(congress_2025, people):
    congress = congress_2025
    assert executive(congress, congress.closed_on).text == "7 (khuyết 2)"
    wrong = seat_of(congress, people.x2)
    held = wrong.assignment_id
    with pytest.raises(ValidationError, match="Lý do"):
        services.committee_member_remove(member=wrong, reason=" ")
    services.committee_member_remove(member=wrong, reason="Ghi nhầm người")
    assert not Assignment.objects.filter(pk=held).exists()
    assert Assignment.history.filter(id=held, history_type="-").get().history_change_reason == (
        "Ghi nhầm người"
    )
    assert executive(congress, congress.closed_on).text == "7 (khuyết 3)"
    later = seat_of(congress, people.y2)
    services.committee_member_remove(
        member=later, reason="Quyết định điều chỉnh", removed_on=D(2026, 1, 1)
    )
    assignment = Assignment.objects.get(pk=later.assignment_id)
    assert assignment.valid_to == D(2025, 12, 31)
    assert executive(congress, congress.closed_on).text == "7 (khuyết 3)"
    assert executive(congress, D(2026, 1, 5)).text == "7 (khuyết 4)"
    with pytest.raises(ValidationError, match="Ủy viên Ban Thường vụ"):
        services.committee_member_remove(member=seat_of(congress, people.x3), reason="Nhầm")
    assert seat_of(congress, people.x3)


def test_remove_from_the_page_and_the_api(client, small_tree, congress_2025, people):
    congress, t = congress_2025, small_tree
    page = f"/dai-hoi/{congress.pk}/?as_of={ON}"
    client.force_login(t.users.b_editor)
    wrong = seat_of(congress, people.x2)
    url = f"/dai-hoi/nguoi-trung-cu/{wrong.pk}/bo/"
    assert client.post(url, {"reason": "Nhầm"}).status_code == 404
    client.force_login(t.users.a_editor)
    assert url in client.get(page).content.decode()
    refused = client.post(url, {"reason": ""}, follow=True)
    assert "Lý do" in text_of(refused) and CommitteeMember.objects.filter(pk=wrong.pk).exists()
    response = client.post(url, {"reason": "Ghi nhầm người"}, follow=True)
    assert "BCH 7 (khuyết 3)" in text_of(response)
    api = f"/api/congress-members/{seat_of(congress, people.x3).pk}/remove/"
    blocked = client.post(api, {"reason": "Nhầm"}, content_type="application/json")
    assert blocked.status_code == 400 and "Ủy viên Ban Thường vụ" in blocked.json()["detail"][0]
    standing = seat_of(congress, people.x3, Role.STANDING_MEMBER)
    api = f"/api/congress-members/{standing.pk}/remove/"
    assert client.post(api, {"reason": "Nhầm"}, content_type="application/json").status_code == 204
    text = text_of(client.get(page))
    assert "BCH 7 (khuyết 3), BTV 3 (khuyết 1)" in text
    client.force_login(t.users.a_viewer)
    denied = client.post(api.replace(str(standing.pk), str(seat_of(congress, people.y2).pk)), {})
    assert denied.status_code in (403, 404)
