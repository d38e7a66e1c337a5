"""In Chromium: a commune editor opens a post that already has 3 people in its plan, tries to
add a 4th and reads the refusal with its source (Quy định 377-QĐ/TW)."""

import datetime as dt

import pytest

from tests.fixtures import PASSWORD
from tochuc.cadres.services import assignment_create
from tochuc.planning.models import PlanEntry
from tochuc.planning.tests.conftest import add, person, planning  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = dt.date


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Set before the small tree creates its users (autouse fixtures come first)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_fourth_person_is_refused_with_its_source(page, live_server, planning, add):  # noqa: F811
    post = planning.posts.a_bt
    for name in ("Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba"):
        add(post, person(name), D(2025, 11, 1))
    fourth = person("Phạm Thị Tư", sex="female")
    assignment_create(
        person=fourth,
        post=planning.posts.a_bch,
        kind="election",
        starts_on=D(2025, 8, 1),
        decision=planning.tree.decision,
    )

    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.fill("#id_username", planning.tree.users.a_editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/chi-so/**")

    page.goto(f"{live_server.url}/quy-hoach/chuc-danh/{post.pk}/?as_of=2026-06-01")
    assert page.locator("#plan-figures .planned").inner_text() == "3"
    assert page.locator("#planned tbody tr").count() == 3
    page.fill("#person-q", "pham tu")
    page.locator(f"#found-person-{fourth.pk}").check()
    page.select_option("#add_term", str(planning.party.pk))
    page.fill("#add_added_on", "01/06/2026")
    page.fill("#add_decision_number", "15-QĐ/ĐU")
    page.fill("#add_decision_signed_on", "01/06/2026")
    page.fill("#add_decision_issuer", "Đảng ủy xã An Mới")
    page.click("#add-form button[type=submit]")
    refusal = page.locator("#refusals .refusal")
    refusal.wait_for()
    text = refusal.inner_text()
    assert "không quá 3 người" in text and "Quy định 377-QĐ/TW" in text
    page.screenshot(path="test-results/planning-fourth-refused.png", full_page=True)
    assert not PlanEntry.objects.filter(person=fourth).exists()
