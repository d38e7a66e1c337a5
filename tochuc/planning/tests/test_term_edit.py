"""Correcting a planning term's dates: province administrators only, optimistic locking, and
no plan entry left outside the term.

Hand-computed: the party term 2025–2030 runs 01/10/2025–30/09/2030; one entry is approved on
05/10/2025, so an end on 04/10/2025 leaves 1 entry outside and is refused, an end on
05/10/2025 keeps it inside (the approval day is the last day accepted by `plan_add`).
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tochuc.core.services import StaleEdit
from tochuc.planning import services
from tochuc.planning.tests.conftest import person

D = dt.date
pytestmark = pytest.mark.django_db


def test_term_update_keeps_entries_inside_and_locks(planning, add):
    term = planning.party
    add(planning.posts.a_bt, person("Người Quy Hoạch"), D(2025, 10, 5))
    with pytest.raises(ValidationError) as refused:
        services.term_update(
            term=term, starts_on=term.starts_on, ends_on=D(2025, 10, 4), expected_version=1
        )
    assert refused.value.messages == [
        "Đến ngày: 1 lượt quy hoạch của nhiệm kỳ được phê duyệt sau ngày 04/10/2025; hãy chọn "
        "ngày kết thúc không sớm hơn các ngày phê duyệt."
    ]
    with pytest.raises(ValidationError, match="phải sau ngày bắt đầu"):
        services.term_update(term=term, starts_on=D(2025, 10, 5), ends_on=D(2025, 10, 5))
    changed = services.term_update(
        term=term,
        starts_on=D(2025, 10, 2),
        ends_on=D(2025, 10, 5),
        counting_on=D(2025, 10, 15),
        expected_version=1,
    )
    assert (changed.starts_on, changed.ends_on, changed.counting_date, changed.version) == (
        D(2025, 10, 2),
        D(2025, 10, 5),
        D(2025, 10, 15),
        2,
    )
    with pytest.raises(StaleEdit):
        services.term_update(
            term=term, starts_on=term.starts_on, ends_on=D(2030, 9, 30), expected_version=1
        )


def test_term_edit_page_for_province_administrators(client, planning, add):
    t, term = planning.tree, planning.party
    add(planning.posts.a_bt, person("Người Quy Hoạch"), D(2025, 10, 5))
    url = reverse("planning:term_edit", args=[term.pk])
    client.force_login(t.users.a_admin)
    assert client.get(url).status_code == 404
    assert client.post(url, {"starts_on": "01/10/2025", "ends_on": "01/10/2026"}).status_code == 404
    client.force_login(t.users.province_admin)
    assert 'value="30/09/2030"' in client.get(url).content.decode()
    assert url in client.get(reverse("planning:terms")).content.decode()
    form = {"starts_on": "01/10/2025", "ends_on": "04/10/2025", "counting_on": "", "version": 1}
    refused = client.post(url, form).content.decode()
    assert "1 lượt quy hoạch của nhiệm kỳ được phê duyệt sau ngày 04/10/2025" in refused
    response = client.post(url, {**form, "ends_on": "30/09/2031", "counting_on": "01/11/2025"})
    assert response.status_code == 302
    term.refresh_from_db()
    assert (term.ends_on, term.counting_on, term.version) == (D(2031, 9, 30), D(2025, 11, 1), 2)
    stale = client.post(url, {**form, "ends_on": "30/09/2030"}).content.decode()
    assert "Bản ghi đã được người khác sửa" in stale


def test_term_patch_api(client, planning, add):
    t, term = planning.tree, planning.party
    add(planning.posts.a_bt, person("Người Quy Hoạch"), D(2025, 10, 5))
    url = f"/api/planning-terms/{term.pk}/"
    client.force_login(t.users.a_admin)
    response = client.patch(url, {"ends_on": "2031-09-30"}, content_type="application/json")
    assert response.status_code == 400 and "cấp tỉnh" in response.json()["detail"][0]
    client.force_login(t.users.province_admin)
    early = client.patch(
        url, {"ends_on": "2025-10-04", "version": 1}, content_type="application/json"
    )
    assert early.status_code == 400 and "1 lượt quy hoạch" in early.json()["detail"][0]
    response = client.patch(
        url, {"ends_on": "2031-09-30", "version": 1}, content_type="application/json"
    )
    assert response.status_code == 200
    assert (response.json()["ends_on"], response.json()["version"]) == ("2031-09-30", 2)
    stale = client.patch(
        url, {"ends_on": "2030-09-30", "version": 1}, content_type="application/json"
    )
    assert stale.status_code == 400
