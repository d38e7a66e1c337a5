"""In Chromium: log in, open the tree as of 2024-12-31 and as of 2025-12-04 (Cần Thơ)."""

import pytest
from django.core.management import call_command

from tests.fixtures import PASSWORD
from tochuc.accounts.models import Role
from tochuc.accounts.services import user_create
from tochuc.organizations.models import Organization

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def can_tho(transactional_db):
    call_command("load_admin_units", province="can_tho", verbosity=0)
    call_command("build_party_tree", province="can_tho", verbosity=0)
    province = Organization.objects.get(code="92")
    return user_create(
        username="bantochuc", password=PASSWORD, organization=province, role=Role.ADMINISTRATOR
    )


def test_tree_before_and_after_the_2025_reform(page, live_server, can_tho):
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.fill("#id_username", "bantochuc")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/chi-so/**")

    page.goto(f"{live_server.url}/to-chuc/?as_of=2024-12-31")
    roots = page.locator("#tree > ul > li")
    assert roots.count() == 3  # Cần Thơ, Hậu Giang, Sóc Trăng before the merger
    can_tho_old = page.locator("#tree > ul > li[data-code='L92']")
    can_tho_old.locator(":scope > button.toggle").click()
    districts = can_tho_old.locator(".subtree li[data-kind='district_committee']")
    districts.first.wait_for()
    assert districts.count() == 9  # 5 quận + 4 huyện of the old Cần Thơ

    page.goto(f"{live_server.url}/to-chuc/?as_of=2025-12-04")
    assert page.locator("#tree > ul > li").count() == 1
    province = page.locator("#tree > ul > li[data-code='92']")
    province.locator(":scope > button.toggle").click()
    communes = province.locator(".subtree li[data-kind='commune_committee']")
    communes.first.wait_for()
    assert communes.count() == 103
    assert page.locator("li[data-kind='district_committee']").count() == 0
    page.screenshot(path="test-results/tree-2025-12-04.png", full_page=False)
