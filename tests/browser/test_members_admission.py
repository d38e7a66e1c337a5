"""In Chromium: a commune editor records an admission and sees the member total go up by one."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from tests.fixtures import PASSWORD, build_small_tree
from tochuc.members.models import EventKind
from tochuc.members.services import event_record
from tochuc.people.catalogs import Sex
from tochuc.people.models import Person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def commune_a(transactional_db):
    """The small tree with one member already in commune A's cell."""
    tree = build_small_tree()
    member = Person.objects.create(
        full_name="Nguyễn Văn Có Sẵn", sex=Sex.MALE, date_of_birth=dt.date(1985, 1, 1)
    )
    event_record(
        person=member,
        kind=EventKind.ADMISSION,
        effective_on=dt.date(2025, 9, 1),
        organization=tree.a1,
        decision=tree.decision,
    )
    return tree


def total(page) -> int:
    text = page.locator("#member-total").inner_text()
    return int(re.search(r"Tổng số: ([\d.]+) đảng viên", text).group(1).replace(".", ""))


def test_admission_raises_the_total_by_one(page, live_server, commune_a):
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.fill("#id_username", "xa_a_sua")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/chi-so/**")

    page.goto(f"{live_server.url}/dang-vien/")
    before = total(page)
    assert before == 1

    page.click("#add-member")
    page.wait_for_url("**/dang-vien/them/**")
    today = timezone.localdate().strftime("%d/%m/%Y")
    page.fill("#id_person-full_name", "Trần Thị Kết Nạp")
    page.select_option("#id_person-sex", "female")
    page.fill("#id_person-date_of_birth", "15/04/1996")
    page.fill("#id_person-citizen_id", "092196000777")
    assert page.input_value("#id_effective_on") == today
    page.fill("#id_organization_code", "A1")
    page.fill("#id_decision_number", "45-QĐ/ĐU")
    page.fill("#id_decision_signed_on", today)
    page.fill("#id_decision_issuer", "Đảng ủy xã An Mới")
    page.screenshot(path="test-results/members-add.png", full_page=True)
    page.click("main button[type=submit]")  # the navigation bar has a logout button
    page.wait_for_url(re.compile(r".*/dang-vien/\d+/.*"))
    assert "Đã thêm đảng viên Trần Thị Kết Nạp" in page.content()
    page.screenshot(path="test-results/members-page.png", full_page=True)

    page.goto(f"{live_server.url}/dang-vien/")
    assert total(page) == before + 1
    assert page.locator("#member-table", has_text="Trần Thị Kết Nạp").count() == 1
    page.screenshot(path="test-results/members-admission.png", full_page=False)
