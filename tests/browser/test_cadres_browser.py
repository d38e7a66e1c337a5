"""In Chromium: commune A's editor fills a vacant BCH seat from the seat board and sees the
fill rate rise and the vacancies fall (the `seats` fixture, on 04/12/2025: A's BCH 4/5,
vacancies 4 = 2 self + 1 support + 1 unplanned)."""

import re

import pytest

from tests.fixtures import PASSWORD
from tochuc.cadres.models import Assignment
from tochuc.cadres.tests.conftest import seats  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BCH_LINE = "#fill-lines li[data-body='executive_committee'] .fill-line"


def test_fill_a_vacant_seat_from_the_board(page, live_server, small_tree, seats):  # noqa: F811
    posts, xs, _ = seats
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.fill("#id_username", small_tree.users.a_editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/chi-so/**")

    page.click("#cadre-menu")
    page.click("nav .dropdown-item:text-is('Bố trí, thiếu khuyết')")
    page.wait_for_url("**/can-bo/")
    page.goto(f"{live_server.url}/can-bo/?as_of=04/12/2025")
    assert page.locator(BCH_LINE).inner_text() == "Bố trí 4/5 chức danh ủy viên BCH"
    assert page.locator("#vacancy-line .vacancy-total").inner_text() == "4"
    page.screenshot(path="test-results/cadres-overview-before.png", full_page=True)

    page.locator("#fill-lines li[data-body='executive_committee'] a", has_text="Bộ máy").click()
    page.wait_for_url("**/can-bo/bo-may/**")
    assert page.locator("#board-fill .fill").inner_text() == "4/5"
    page.screenshot(path="test-results/cadres-board-before.png", full_page=True)
    page.locator("tr.vacant a.assign").click()
    page.wait_for_url(f"**/can-bo/chuc-danh/{posts['a_bch'].pk}/**")

    # The search (htmx) finds people of A's scope only; the pick comes from the suggestions.
    page.fill("#person-q", "can bo")
    page.wait_for_selector(f"#person-results input[value='{xs[0].pk}']")
    assert "Cán bộ B" not in page.locator("#person-results").inner_text()
    suggestion = page.locator("#suggestions .suggestion").first
    assert "Cán bộ A 5" in suggestion.inner_text() and "Đang giữ 1 chức danh" in (
        suggestion.inner_text()
    )
    page.check(f"#suggested-{xs[4].pk}")
    assert page.input_value("#assign_starts_on") == "04/12/2025"
    page.fill("#assign_decision_number", "12-QĐ/ĐU")
    page.fill("#assign_decision_signed_on", "01/12/2025")
    page.fill("#assign_decision_issuer", "Đảng ủy xã An Mới")
    page.screenshot(path="test-results/cadres-assign-form.png", full_page=True)
    page.click("#assign-form button[type=submit]")
    page.wait_for_selector("text=Đã bố trí Cán bộ A 5")
    assert re.search(r"có 5 người giữ, thiếu 0", page.locator("#post-figures").inner_text())
    assert Assignment.objects.filter(post=posts["a_bch"], person=xs[4]).exists()

    page.goto(f"{live_server.url}/can-bo/")
    assert page.locator(BCH_LINE).inner_text() == "Bố trí 5/5 chức danh ủy viên BCH"
    assert page.locator("#vacancy-line .vacancy-total").inner_text() == "3"
    page.screenshot(path="test-results/cadres-overview-after.png", full_page=True)
    page.locator("#vacancy-line a").first.click()
    page.wait_for_url("**/can-bo/thieu-khuyet/**")
    assert page.locator("#vacancy-totals .total").inner_text() == "3"
    assert page.locator(f"#vacancy-list tr[data-post='{posts['a_bch'].pk}']").count() == 0
    page.screenshot(path="test-results/cadres-register-after.png", full_page=True)
