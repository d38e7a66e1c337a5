"""Every named route renders for a province administrator (no server error), and no page
prints a year the way a number is printed ("năm 2.025")."""

import re

import pytest

from tests.test_scope_routes import urls_to_walk

pytestmark = pytest.mark.django_db
LOCALIZED_YEAR = re.compile(r"(?:năm|Năm|nhiệm kỳ|Nhiệm kỳ) [12]\.\d{3}\b")


def test_every_page_renders_with_years_as_years(client, small_tree):
    t = small_tree
    client.force_login(t.users.province_admin)
    failures = {}
    for url in urls_to_walk(t):
        response = client.get(url + "?as_of=2025-12-04")
        if response.status_code >= 500:
            failures[url] = response.status_code
            continue
        if response.get("Content-Type", "").startswith("text/html") and not response.streaming:
            found = LOCALIZED_YEAR.findall(response.content.decode())
            if found:
                failures[url] = found[:3]
    assert not failures, failures
