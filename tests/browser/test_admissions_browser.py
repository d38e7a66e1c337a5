"""In Chromium: a commune editor takes a candidate through every step to admission, then
sets the year's target and reads the progress line with its drill-down."""

import pytest

from tests.fixtures import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Set before the small tree creates its users (autouse fixtures come first)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def submit_step(page, key: str, fields: dict[str, str]):
    form = page.locator(f"#form-{key}")
    form.locator("summary").click()
    for name, value in fields.items():
        form.locator(f"[name='{key}-{name}']").fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def test_candidate_to_admission_and_progress(page, live_server, small_tree):
    tree = small_tree
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.fill("#id_username", tree.users.a_editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/chi-so/**")

    page.goto(f"{live_server.url}/ket-nap/them/")
    page.fill("#id_full_name", "Trần Thị Ưu Tú")
    page.select_option("#id_sex", "female")
    page.fill("#id_date_of_birth", "02/02/2000")
    page.fill("#id_organization", "A1")
    page.fill("#id_course_passed_on", "10/01/2025")
    page.click("main button[type=submit]")
    page.wait_for_url("**/ket-nap/*/")
    assert page.locator("#stage").inner_text() == "Đã học lớp nhận thức về Đảng"

    submit_step(page, "resolution", {"on": "20/08/2025"})
    assert "chỉ ghi nhận được sau bước" in page.locator(".alert-danger").inner_text()
    submit_step(page, "application", {"on": "01/02/2025"})
    submit_step(page, "resolution", {"on": "20/08/2025"})
    submit_step(
        page,
        "decision",
        {"on": "01/09/2025", "decision_number": "20-QĐ/ĐU", "decision_signed_on": "01/09/2025",
         "decision_issuer": "Đảng ủy xã An Mới"},
    )  # fmt: skip
    page.locator("#form-admit summary").click()
    page.screenshot(path="test-results/admissions-candidate.png", full_page=True)
    page.locator("#form-admit summary").click()
    submit_step(page, "admit", {"effective_on": "15/09/2025"})
    assert page.locator("#stage").inner_text() == "Đã kết nạp"

    page.goto(f"{live_server.url}/ket-nap/chi-tieu/them/")
    page.fill("#id_organization", "A")
    page.fill("#id_year", "2025")
    page.fill("#id_count", "4")
    page.click("main button[type=submit]")
    page.wait_for_url("**/ket-nap/chi-tieu/?**")

    page.goto(f"{live_server.url}/ket-nap/tien-do/?year=2025&as_of=31/12/2025")
    sentence = page.locator("#progress-sentence").inner_text()
    assert sentence == "Kết nạp 1, đạt 25,00% chỉ tiêu năm 2025 (đến 31/12/2025)"
    assert page.locator("#admissions tbody tr").count() == 1
    assert "Trần Thị Ưu Tú" in page.locator("#admissions").inner_text()
    page.screenshot(path="test-results/admissions-progress.png", full_page=True)
