"""Every route, walked as a user of commune A, must not read or write anything of commune B.

The walk discovers routes from the URL resolver, so a new page or API endpoint is tested
the moment it is added. Object ids in routes are filled with commune B's organization; the
responses must not contain commune B's markers, and B's rows must be unchanged afterwards.
A route whose parameters the walker cannot fill fails the test: teach `fill_kwargs` then.
"""

from __future__ import annotations

import html
import importlib
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch

from tests.fixtures import B_MARKERS
from tochuc.accounts.models import User
from tochuc.organizations.models import Organization, OrganizationPeriod

pytestmark = pytest.mark.django_db

EXPORT_LINK = re.compile(r'href="([^"]*xuat=csv[^"]*)"')
PUBLIC_REFERENCE = ("administrative_units:", "api-docs", "api-redoc", "api-schema")
"""Routes serving public reference data or documentation, with no organization data."""


def named_routes(resolver=None, namespace=""):
    """(full route name, keyword names, count of positional groups) of every named route."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_routes(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            regex = entry.pattern.regex
            named = tuple(regex.groupindex)
            yield f"{namespace}{entry.name}", named, regex.groups - len(named)


def fill_kwargs(name: str, keys: tuple[str, ...], target: int) -> dict[str, str]:
    values = {}
    for key in keys:
        if key == "format":
            values[key] = "json"
        elif key == "app_label":
            values[key] = "organizations"
        elif key == "fmt":
            values[key] = "docx"
        elif key == "key":
            values[key] = "members"
        elif key in {"pk", "id", "object_id"} or key.endswith("_id"):
            values[key] = str(target)
        else:
            raise AssertionError(f"The scope walk cannot fill «{key}» of route {name}.")
    return values


def app_hook(name: str):
    """The scope-walk hook of the app a route belongs to, if it has one.

    An app whose routes take ids of its own records (not organizations) provides
    `tochuc/<app>/tests/scope_target.py` with `target(tree) -> int`, which creates commune
    B's record (named with a marker from `B_MARKERS`) and returns its id, and optionally
    `snapshot(tree)`, which returns what a write to B's records would change. An app whose
    routes take ids of several kinds returns a dict instead: route-name prefix (UI name such
    as "cadres:post" or API basename such as "move-") → id; the longest matching prefix
    wins and "" is the default.
    """
    namespace = name.split(":")[0]
    try:
        return importlib.import_module(f"tochuc.{namespace}.tests.scope_target")
    except ModuleNotFoundError:
        return None


def api_app(name: str) -> str | None:
    """The app of an API route name ('cardexchange-detail' → 'cards'), from the router."""
    from tochuc.api_urls import router

    for _, viewset, basename in router.registry:
        if name.startswith(f"{basename}-"):
            return viewset.__module__.split(".")[1]
    return None


def target_for(name: str, tree) -> int:
    """The id of commune B's record a route of this name takes."""
    if name.startswith("accounts:") or name.startswith("admin:accounts_"):
        return tree.users.b_editor.pk
    app = api_app(name) if ":" not in name else None
    hook = app_hook(f"{app}:" if app else name)
    if hook is not None:
        if not hasattr(tree, "_targets"):
            tree._targets = {}
        if hook.__name__ not in tree._targets:
            tree._targets[hook.__name__] = hook.target(tree)
        found = tree._targets[hook.__name__]
        if isinstance(found, dict):
            prefix = max((p for p in found if name.startswith(p)), key=len)
            return found[prefix]
        return found
    return tree.b.pk


SKIPPED = {"accounts:logout"}

WRITE_FIELDS = {
    "decision_number": "1",
    "decision_signed_on": "01/01/2026",
    "decision_issuer": "Đảng ủy xã An",
    "kind": "grassroots_cell",
    "code": "BSECRET9",
    "parent_code": "BSECRET",
}
"""Plausible form fields, so that a write refused only by scope would show up here."""
"""Routes that would end the walking session rather than show data."""


def urls_to_walk(tree) -> list[str]:
    urls, failures = [], []
    for name, keys, positional in set(named_routes()):
        if name in SKIPPED:
            continue
        target = target_for(name, tree)
        try:
            if positional:
                urls.append(reverse(name, args=[str(target)] * positional))
            else:
                urls.append(reverse(name, kwargs=fill_kwargs(name, keys, target)))
        except NoReverseMatch:
            failures.append(name)
    assert not failures, f"Routes the scope walk cannot build: {failures}"
    return sorted(set(urls))


def snapshot(tree):
    """Everything of commune B a write could touch (apps add theirs through their hook)."""
    orgs = [tree.b, tree.b1]
    hooks = [importlib.import_module(m) for m in sorted(getattr(tree, "_targets", {}))]
    return (
        [h.snapshot(tree) for h in hooks if hasattr(h, "snapshot")],
        list(Organization.objects.filter(pk__in=[o.pk for o in orgs]).values()),
        list(OrganizationPeriod.objects.filter(organization__in=orgs).values()),
        [o.history.count() for o in orgs],
        list(User.objects.filter(pk=tree.users.b_editor.pk).values()),
    )


def leaks(response, markers=B_MARKERS) -> list[str]:
    if response.status_code in (301, 302, 303, 307, 308, 403, 404, 405):
        return []
    body = b"".join(response) if response.streaming else response.content
    text = body.decode("utf-8", errors="replace")
    return [m for m in markers if m in text]


def export_links(response) -> list[str]:
    """The CSV exports a list page links (`core/_export_links.html`)."""
    if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
        return []
    return [html.unescape(link) for link in EXPORT_LINK.findall(response.content.decode())]


@pytest.mark.parametrize("user_attr", ["a_viewer", "a_editor", "a_admin"])
def test_commune_a_user_reaches_nothing_of_commune_b(client, small_tree, user_attr):
    t = small_tree
    client.force_login(getattr(t.users, user_attr))
    urls = urls_to_walk(t)  # creates commune B's records through the apps' hooks
    before = snapshot(t)
    found = {}
    # Probes match commune B's records without spelling its markers, which a page may echo.
    probes = ["", "?as_of=2025-12-04", "?q=mật bê", f"?parent={t.b.pk}", "?q=bsecret"]
    for url in urls:
        for probe in probes:
            response = client.get(url + probe)
            fetched = [(url + probe, response)]
            if not probe:  # a list's export, as its page links it (CSV: the workbook's rows)
                fetched += [(link, client.get(link)) for link in export_links(response)]
            for where, answer in fetched:
                leaked = leaks(answer)
                if leaked and not where.startswith(("/don-vi-hanh-chinh/", "/api/administrative")):
                    found[where] = leaked
        response = client.post(
            url,
            {
                "name": "Bị sửa",
                "version": 1,
                "effective_on": "01/01/2026",
                "role": "viewer",
                "organization": "BSECRET",
                "is_active": "",
                **WRITE_FIELDS,
            },
        )
        # A refused form echoes the posted codes back; B's names are never posted.
        assert not leaks(response, markers=B_MARKERS[:1]), url
        response = client.put(url, {"name": "Bị sửa"}, content_type="application/json")
        response = client.delete(url)
    assert not found, f"Commune B visible to commune A at: {found}"
    assert snapshot(t) == before


def test_walk_covers_the_organization_pages_and_api(small_tree):
    urls = urls_to_walk(small_tree)
    b, bu = small_tree.b.pk, small_tree.users.b_editor.pk
    for expected in (
        f"/to-chuc/{b}/",
        f"/to-chuc/{b}/thay-doi/",
        f"/api/organizations/{b}/",
        f"/tai-khoan/nguoi-dung/{bu}/",
    ):
        assert expected in urls


def test_province_user_sees_both_communes_and_their_predecessors(client, small_tree):
    t = small_tree
    client.force_login(t.users.province_admin)
    assert client.get(f"/to-chuc/{t.b.pk}/").status_code == 200
    assert client.get(f"/to-chuc/{t.lb.pk}/").status_code == 200
    data = client.get("/api/organizations/?as_of=2024-12-31").json()
    assert {row["code"] for row in data["results"]} == {"LP", "LD", "LA", "LBSECRET"}


def test_commune_user_sees_own_predecessor_but_not_the_old_district(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_viewer)
    assert client.get(f"/to-chuc/{t.la.pk}/").status_code == 200
    assert client.get(f"/to-chuc/{t.ld.pk}/").status_code == 404
    assert client.get(f"/to-chuc/{t.lb.pk}/").status_code == 404
    codes = {
        r["code"] for r in client.get("/api/organizations/?as_of=2024-12-31").json()["results"]
    }
    assert codes == {"LA"}


def test_viewer_cannot_change_own_commune(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_viewer)
    assert client.get(f"/to-chuc/{t.a.pk}/thay-doi/").status_code == 404
    assert client.post(f"/to-chuc/{t.a.pk}/giai-the/", {}).status_code == 404


def test_anonymous_is_sent_to_login_and_api_refuses(client, small_tree):
    response = client.get("/to-chuc/")
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]
    assert client.get("/api/organizations/").status_code == 403
