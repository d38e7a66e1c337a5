"""Scope: commune A's users reach nothing of commune B's candidates and targets.

The project-wide walk (tests/test_scope_routes.py) covers every route; this one walks only
this app's routes, so that a failure elsewhere does not hide one here.
"""

import pytest

from tests.test_scope_routes import WRITE_FIELDS, leaks, snapshot, urls_to_walk

pytestmark = pytest.mark.django_db
PREFIXES = ("/ket-nap/", "/api/candidates/", "/api/admission-targets/")


@pytest.mark.parametrize("user_attr", ["a_viewer", "a_editor", "a_admin"])
def test_walk_of_admission_routes(client, small_tree, user_attr):
    t = small_tree
    client.force_login(getattr(t.users, user_attr))
    urls = [u for u in urls_to_walk(t) if u.startswith(PREFIXES)]
    assert f"/ket-nap/{t._targets['tochuc.admissions.tests.scope_target']}/" in urls
    before = snapshot(t)
    found = {}
    probes = ["", "?as_of=2025-12-04", f"?org={t.b.pk}", f"?org={t.b1.pk}&year=2025", "?org=x"]
    for url in urls:
        for probe in probes:
            leaked = leaks(client.get(url + probe))
            if leaked:
                found[url + probe] = leaked
        posted = {"organization": "BSECRET", "version": 1, **WRITE_FIELDS}
        for action in ("course", "application", "admit", "withdraw"):
            assert not leaks(client.post(url, {**posted, "action": action}), B_NAME), url
        client.put(url, {"count": 9}, content_type="application/json")
        client.patch(url, {"count": 9}, content_type="application/json")
        client.delete(url)
    assert not found, f"Commune B visible to commune A at: {found}"
    assert snapshot(t) == before


B_NAME = ("Bí Mật Bê",)


def test_b_organization_cannot_be_chosen(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_editor)
    assert client.get(f"/ket-nap/?org={t.b.pk}").status_code == 404
    assert client.get(f"/ket-nap/tien-do/?ma={t.b.code}").status_code == 404
    response = client.post(
        "/ket-nap/them/",
        {"full_name": "Người Lạ", "sex": "male", "date_of_birth": "01/01/1990",
         "organization": "BSECRET1"},
    )  # fmt: skip
    assert "trong phạm vi anh/chị quản lý" in response.content.decode()
    response = client.post(
        "/api/candidates/",
        {"full_name": "Người Lạ", "sex": "male", "date_of_birth": "1990-01-01",
         "organization": t.b1.pk},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 400 and "không thuộc phạm vi" in str(response.json())
    response = client.post(
        "/api/admission-targets/",
        {"organization": t.b.pk, "kind": "year", "year": 2026, "count": 1},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert client.get(f"/api/admission-targets/progress/?org={t.b.pk}&year=2025").status_code == 404
