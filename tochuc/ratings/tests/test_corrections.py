"""Correcting a confidence vote and a discipline after they were recorded: the services check
the figures again and keep the history, the version guards concurrent edits; the edit pages
and PUT/PATCH in the API go through them, within the user's change scope (case: conftest).

V2 as recorded: P2, 15/09/2025 by A, 30 summoned, 27 present, 6 high + 7 confidence + 14 low
(51,85% low: leave_post). Corrected to 4 + 4 + 19 = 27 ballots: 19/27 = 70,37% ≥ 2/3 →
dismissal (Quy định 96-QĐ/TW). D1 as recorded: P6 reprimand 01/03/2025 by A (decision
7-QĐ/UBKT signed 01/03/2025); corrected to a warning from 01/04/2025 → reconsidered from
01/04/2028 (36 months, Quy định 377-QĐ/TW, on 31/12/2025).
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tochuc.core.services import StaleEdit
from tochuc.ratings import selectors, services
from tochuc.ratings.models import ConfidenceVote, Discipline

pytestmark = pytest.mark.django_db
D = dt.date
END = "as_of=2025-12-31"
V2_FIXED = {"summoned": 30, "present": 27, "high": 4, "confidence": 4, "low": 19, "invalid": 0}


def fix_vote(vote, version=1, **changes):
    figures = {"held_on": vote.held_on, "post": vote.post, **V2_FIXED, **changes}
    return services.confidence_vote_update(vote=vote, expected_version=version, **figures)


# Services ------------------------------------------------------------------------------------


def test_vote_correction_is_judged_again_and_keeps_the_history(small_tree, case):
    vote = fix_vote(case.v2, held_on=D(2025, 9, 16))
    assert (vote.low, vote.ballots, vote.held_on, vote.version) == (19, 27, D(2025, 9, 16), 2)
    outcome = selectors.vote_consequence(vote)
    assert (outcome.code, outcome.low_percent) == ("dismissal", "70,37%")
    history = ConfidenceVote.history.filter(id=case.v2.pk).order_by("history_date")
    assert [(h.low, h.held_on, h.version) for h in history] == [
        (14, D(2025, 9, 15), 1),
        (19, D(2025, 9, 16), 2),
    ]
    flags = selectors.flags_for(case.p2, D(2025, 12, 31))
    assert [(f.code, f.since) for f in flags] == [("dismissal", D(2025, 9, 16))]


def test_vote_correction_refuses_figures_that_do_not_add_up(small_tree, case):
    with pytest.raises(ValidationError) as refused:
        fix_vote(case.v2, present=31, high=5)  # 31 present of 30; 5 + 4 + 19 = 28 ballots
    assert refused.value.messages == [
        "Số người có mặt (31) không thể nhiều hơn số người được triệu tập (30)."
    ]
    with pytest.raises(ValidationError) as refused:
        fix_vote(case.v2, high=5)  # 28 ballots of 27 present
    assert refused.value.messages[0].startswith("Tổng số phiếu thu về (28 = ")
    assert "số người có mặt (27)" in refused.value.messages[0]
    with pytest.raises(ValidationError) as refused:
        fix_vote(case.v2, held_on=D(2025, 6, 30))  # before P2 held the post (01/07/2025)
    assert "không giữ chức danh «Ủy viên Ban Thường vụ»" in refused.value.messages[0]
    case.v2.refresh_from_db()
    assert (case.v2.low, case.v2.version) == (14, 1)  # nothing changed


def test_vote_without_quorum_after_correction_is_kept_as_not_valid(small_tree, case):
    # 19 present of 30: 19 × 3 = 57 < 60 = 30 × 2 → no quorum; recorded, judged not valid.
    vote = fix_vote(case.v2, present=19, high=0, confidence=0, low=19)
    assert selectors.vote_consequence(vote).code == "invalid"
    assert selectors.flags_for(case.p2, D(2025, 12, 31)) == []


def test_vote_correction_is_guarded_by_the_version(small_tree, case):
    fix_vote(case.v2)
    with pytest.raises(StaleEdit):
        fix_vote(case.v2, low=10, high=8, confidence=9)
    assert ConfidenceVote.objects.get(pk=case.v2.pk).low == 19


def test_discipline_correction_checked_again_with_history(small_tree, case):
    d1 = case.d1
    with pytest.raises(ValidationError) as refused:
        services.discipline_update(
            discipline=d1,
            form="warning",
            decided_on=D(2025, 2, 1),
            decision=d1.decision,
            expected_version=1,
        )
    assert refused.value.messages == [
        "Ngày quyết định: quyết định ban hành ngày 01/03/2025 không thể sau ngày kỷ luật có "
        "hiệu lực (01/02/2025)."
    ]
    fixed = services.discipline_update(
        discipline=d1,
        form="warning",
        decided_on=D(2025, 4, 1),
        decision=d1.decision,
        reason=" Sai hình thức ",
        expected_version=1,
    )
    assert (fixed.form, fixed.reason, fixed.version) == ("warning", "Sai hình thức", 2)
    assert selectors.reconsider_from(fixed, D(2025, 12, 31)) == D(2028, 4, 1)
    history = Discipline.history.filter(id=d1.pk).order_by("history_date")
    assert [(h.form, h.decided_on) for h in history] == [
        ("reprimand", D(2025, 3, 1)),
        ("warning", D(2025, 4, 1)),
    ]
    with pytest.raises(StaleEdit):
        services.discipline_update(
            discipline=d1, form="reprimand", decided_on=D(2025, 3, 1), decision=d1.decision,
            expected_version=1,
        )  # fmt: skip


# API -----------------------------------------------------------------------------------------


def test_api_corrects_a_vote_within_scope(client, small_tree, case):
    client.force_login(small_tree.users.a_editor)
    url = f"/api/confidence-votes/{case.v2.pk}/"
    response = client.patch(
        url, {"high": 4, "confidence": 4, "low": 19, "version": 1}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["consequence"], data["low_share"], data["version"]) == ("dismissal", "70,37%", 2)
    stale = client.patch(url, {"low": 10, "version": 1}, content_type="application/json")
    assert stale.status_code == 400 and "người khác sửa" in stale.json()["detail"][0]
    put = {"held_on": "15/09/2025", "post": case.post.pk, **V2_FIXED, "present": 31}
    refused = client.put(url, put, content_type="application/json")
    assert refused.status_code == 400
    assert refused.json()["detail"] == [
        "Số người có mặt (31) không thể nhiều hơn số người được triệu tập (30)."
    ]
    other = f"/api/confidence-votes/{case.vb.pk}/"
    assert client.patch(other, {"low": 1}, content_type="application/json").status_code == 404
    client.force_login(small_tree.users.a_viewer)
    assert client.patch(url, {"low": 1}, content_type="application/json").status_code in (403, 404)
    assert ConfidenceVote.objects.get(pk=case.v2.pk).low == 19


def test_api_corrects_a_discipline_within_scope(client, small_tree, case):
    client.force_login(small_tree.users.a_editor)
    url = f"/api/disciplines/{case.d1.pk}/?{END}"
    body = {"form": "warning", "decided_on": "2025-04-01", "version": 1}
    response = client.patch(url, body, content_type="application/json")
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["form"], data["reconsider_from"], data["version"]) == ("warning", "2028-04-01", 2)
    assert data["decision"].startswith("7-QĐ/UBKT")
    early = {"decided_on": "2025-02-01", "version": 2}
    refused = client.patch(url, early, content_type="application/json")
    assert refused.status_code == 400 and "không thể sau ngày kỷ luật" in str(refused.json())
    other = f"/api/disciplines/{case.db.pk}/"
    body = {"form": "reprimand"}
    assert client.patch(other, body, content_type="application/json").status_code == 404
    assert Discipline.objects.get(pk=case.db.pk).form == "removal"


# Pages ---------------------------------------------------------------------------------------


def test_vote_edit_page(client, small_tree, case):
    client.force_login(small_tree.users.a_editor)
    url = f"/danh-gia/tin-nhiem/{case.v2.pk}/sua/"
    assert 'name="version"' in client.get(url).content.decode()
    post = {"held_on": "15/09/2025", "post": case.post.pk, **V2_FIXED, "version": 1}
    response = client.post(url, post)
    assert response.status_code == 302 and response["Location"].endswith(f"/{case.v2.pk}/")
    assert ConfidenceVote.objects.get(pk=case.v2.pk).low == 19
    stale = client.post(url, {**post, "low": 10, "high": 8, "confidence": 9})
    assert stale.status_code == 200 and "người khác sửa" in stale.content.decode()
    refused = client.post(url, {**post, "present": 31, "version": 2}).content.decode()
    assert "không thể nhiều hơn số người được triệu tập (30)" in refused
    page = client.get(f"/danh-gia/tin-nhiem/{case.v2.pk}/").content.decode()
    assert 'id="vote-edit"' in page
    assert client.get(f"/danh-gia/tin-nhiem/{case.vb.pk}/sua/").status_code == 404
    client.force_login(small_tree.users.a_viewer)
    assert client.get(url).status_code == 404


def test_discipline_edit_page(client, small_tree, case):
    client.force_login(small_tree.users.a_editor)
    url = f"/danh-gia/ky-luat/{case.d1.pk}/sua/"
    assert "7-QĐ/UBKT" in client.get(url).content.decode()
    post = {
        "form": "warning",
        "decided_on": "01/04/2025",
        "reason": "Sai hình thức",
        "decision_number": "7-QĐ/UBKT",
        "decision_signed_on": "01/03/2025",
        "decision_issuer": "Ủy ban Kiểm tra Đảng ủy",
        "version": 1,
    }
    response = client.post(url, post)
    assert response.status_code == 302
    assert Discipline.objects.get(pk=case.d1.pk).form == "warning"
    person = client.get(f"/danh-gia/nguoi/{case.p6.pk}/?{END}").content.decode()
    assert "01/04/2028" in person and f"/danh-gia/ky-luat/{case.d1.pk}/sua/" in person
    assert client.get(f"/danh-gia/ky-luat/{case.db.pk}/sua/").status_code == 404
