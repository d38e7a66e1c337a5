"""In Chromium: the dashboard as of 31/12/2025 (province P: card exchange of commune A,
seats of A and B), a figure clicked into its records, the charts drawn by Chart.js."""

import pytest

from tests.fixtures import PASSWORD
from tochuc.cadres.tests.conftest import seats  # noqa: F401
from tochuc.cards.tests.conftest import campaign, fast_password_hashing  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dashboard_figure_drill_down_and_charts(page, live_server, small_tree, campaign, seats):  # noqa: F811
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            errors.append(f"{message.text} {message.location.get('url', '')}")
            if message.type == "error" and "favicon.ico" not in message.location.get("url", "")
            else None
        ),
    )
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.fill("#id_username", small_tree.users.province_admin.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/chi-so/**")

    page.goto(f"{live_server.url}/?as_of=2025-12-31")  # home is the dashboard now
    page.wait_for_url("**/chi-so/")
    page.wait_for_load_state("networkidle")
    period = page.locator("#dashboard-period").inner_text()
    assert "Quý IV/2025: từ 01/10/2025 đến 31/12/2025" in period
    members = page.locator("#figure-members a.figure-value")
    assert members.inner_text() == "7"  # M1–M8 of the campaign, M6 died on 10/12/2025
    card = page.locator("#figure-card_exchange a.figure-value").inner_text()
    assert " ".join(card.split()) == "3 (đạt 60,00%)"
    assert page.locator("#figure-seats_executive a.figure-value").inner_text() == "8/9"
    assert page.locator("#figure-seats_executive .check-ok").count() == 1

    assert page.evaluate("() => typeof window.Chart") == "function"
    canvases = page.locator("canvas[data-chart]")
    assert canvases.count() == 6
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('canvas[data-chart]')].map(c => !!c.chart)"
    )
    assert all(drawn)
    page.screenshot(path="test-results/dashboard.png", full_page=True)

    members.click()
    page.wait_for_url("**/chi-so/members/**")
    assert page.locator("#record-count").inner_text() == "7"
    assert page.locator("#records tbody tr").count() == 7
    assert "Khớp với số liệu 7" in page.locator("#reconciliation").inner_text()
    page.locator("#drills a[data-part='probationary']").click()
    page.wait_for_url("**part=probationary**")
    assert page.locator("#records tbody tr").count() == 1  # M5, admitted 01/08/2025
    page.click("#back-to-dashboard")
    page.wait_for_url("**/chi-so/?**")
    assert not errors, errors
