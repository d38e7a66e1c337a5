"""In Chromium: a commune's card exchange board as of 31/12/2025, drilled into, and a step."""

import pytest

from tests.fixtures import PASSWORD
from tochuc.cards.tests.conftest import campaign, fast_password_hashing  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_board_drill_down_and_next_step(page, live_server, small_tree, campaign):  # noqa: F811
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.fill("#id_username", small_tree.users.a_editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/chi-so/**")

    page.goto(f"{live_server.url}/the-dang/?as_of=2025-12-31")
    page.screenshot(path="test-results/cards-board-a.png", full_page=False)
    total = page.locator("#card-total")
    assert total.locator(".percent").inner_text() == "đạt 75,00%"
    row = page.locator(f"#card-board tr[data-organization='{small_tree.a1.pk}']")
    assert row.locator("a.eligible").inner_text() == "3"
    row.locator("a.done").click()
    page.wait_for_url("**/the-dang/danh-sach/**")
    names = page.locator("#card-members tbody tr td:first-child").all_inner_texts()
    assert sorted(names) == ["Thẻ Hai", "Thẻ Một"]
    page.screenshot(path="test-results/cards-done-a1.png", full_page=False)

    page.goto(f"{live_server.url}/the-dang/chua-ke-khai/?as_of=2025-10-31")
    page.locator("#card-members a", has_text="Thẻ Bảy").click()
    page.wait_for_url("**/the-dang/dang-vien/**")
    assert page.locator("#declare-form").is_visible()

    page.goto(f"{live_server.url}/the-dang/dang-vien/{campaign.m4.pk}/?as_of=2025-12-31")
    page.fill("#id_on", "02/09/2025")
    page.click("#step-form button[type=submit]")
    page.wait_for_selector("text=Đã ghi nhận «Chụp ảnh»")
    assert "02/09/2025" in page.locator("#card-steps tr[data-step='photographed']").inner_text()
    page.screenshot(path="test-results/cards-member.png", full_page=True)
