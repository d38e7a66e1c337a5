"""The generic scope walk, restricted to the routes of the members and people apps.

`tests/test_scope_routes.py` walks every route of the project; this runs the same walk over
this feature's routes only, so a leak here is reported apart from other apps' routes.
"""

import pytest
from django.urls import reverse

from tests import test_scope_routes as walk
from tochuc.members.tests import scope_target

pytestmark = pytest.mark.django_db

OWN = ("members:", "people:", "person-", "member-", "membershipevent-")
"""UI namespaces and API route names (the router's names carry no namespace)."""


def own_urls(tree) -> list[str]:
    """This feature's routes, ids filled with commune B's member (API routes too)."""
    target = scope_target.target(tree)
    urls = []
    for name, keys, _ in set(walk.named_routes()):
        if name.startswith(OWN):
            urls.append(reverse(name, kwargs=walk.fill_kwargs(name, keys, target)))
    return sorted(set(urls))


@pytest.mark.parametrize("user_attr", ["a_viewer", "a_editor", "a_admin"])
def test_commune_a_reaches_nothing_of_commune_b_members(client, small_tree, user_attr):
    t = small_tree
    client.force_login(getattr(t.users, user_attr))
    urls = own_urls(t)
    assert any(u.startswith("/dang-vien/") for u in urls)
    assert any(u.startswith("/api/membership-events/") for u in urls)
    before = (walk.snapshot(t), scope_target.snapshot(t))
    found = {}
    probes = ["", "?as_of=2025-12-04", "?q=mật bê", f"?org={t.b.pk}", "?q=bsecret"]
    for url in urls:
        for probe in probes:
            leaked = walk.leaks(client.get(url + probe))
            if leaked:
                found[url + probe] = leaked
        response = client.post(url, {"name": "Bị sửa", "version": 1, **walk.WRITE_FIELDS})
        assert not walk.leaks(response, markers=walk.B_MARKERS[:1]), url
        client.put(url, {"name": "Bị sửa"}, content_type="application/json")
        client.delete(url)
    assert not found, f"Commune B visible to commune A at: {found}"
    assert (walk.snapshot(t), scope_target.snapshot(t)) == before
