"""Member pages on the `members` fixture (see test_counts.py for the hand-computed table).

As of 04/12/2025 commune A counts P1 (full), P2 and P3 (probationary); P3 is temporarily
hosted by B1. Ages that day: P1 35, P2 30, P3 25.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tochuc.administrative_units.models import (
    AdministrativeUnit,
    Generation,
    Level,
    UnitLineage,
)
from tochuc.core.models import AuditEntry
from tochuc.members import views
from tochuc.members.models import EventKind, MembershipEvent, MembershipSpan, Status
from tochuc.members.tests.conftest import person
from tochuc.people.models import Person

pytestmark = pytest.mark.django_db
D = dt.date
ON = "?as_of=04/12/2025"
DECISION = {
    "decision_number": "25-QĐ/ĐU",
    "decision_signed_on": "01/12/2025",
    "decision_issuer": "Đảng ủy xã An Mới",
}


def names(response) -> set[str]:
    return {span.person.full_name for span in response.context["page"]}


@pytest.fixture
def viewer(client, small_tree):
    client.force_login(small_tree.users.a_viewer)
    return client


@pytest.fixture
def editor(client, small_tree):
    client.force_login(small_tree.users.a_editor)
    return client


# The list


def test_list_of_commune_a_counts_and_totals(viewer, members):
    response = viewer.get(f"/dang-vien/{ON}")
    assert names(response) == {"Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba"}
    html = response.content.decode()
    assert "Tổng số: 3 đảng viên (chính thức 1, dự bị 2)" in html
    assert "04/12/2025" in html


def test_list_as_of_an_earlier_date(viewer, members):
    response = viewer.get("/dang-vien/?as_of=19/11/2025")
    assert names(response) == {"Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba", "Võ Văn Sáu"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=full", {"Nguyễn Văn Một"}),
        ("status=probationary", {"Trần Thị Hai", "Lê Văn Ba"}),
        ("sex=female", {"Trần Thị Hai"}),
        ("age_band=under_30", {"Lê Văn Ba"}),
        ("age_band=30_45", {"Nguyễn Văn Một", "Trần Thị Hai"}),
        ("age_band=46_60", set()),
        ("admission_year=2024", {"Nguyễn Văn Một", "Trần Thị Hai"}),
        ("admission_year=2025", {"Lê Văn Ba"}),
        ("q=nguyen van mot", {"Nguyễn Văn Một"}),
        ("q=NGUYỄN", {"Nguyễn Văn Một"}),
        ("q=van", {"Nguyễn Văn Một", "Lê Văn Ba"}),
        ("q=an", set()),
    ],
)
def test_list_filters(viewer, members, query, expected):
    assert names(viewer.get(f"/dang-vien/{ON}&{query}")) == expected


def test_filtered_total_follows_the_filter(viewer, members):
    html = viewer.get(f"/dang-vien/{ON}&status=probationary").content.decode()
    assert "Tổng số: 2 đảng viên (chính thức 0, dự bị 2)" in html


def test_age_band_boundary_is_the_birthday(viewer, small_tree, members):
    """P2 (in LA then) turns 30 on 05/05/2025: under 30 the day before, 30–45 from that day."""
    url = f"/dang-vien/?org={small_tree.la.pk}&as_of="
    assert names(viewer.get(url + "04/05/2025&age_band=under_30")) == {"Trần Thị Hai"}
    assert names(viewer.get(url + "05/05/2025&age_band=under_30")) == set()
    assert names(viewer.get(url + "05/05/2025&age_band=30_45")) == {
        "Nguyễn Văn Một",
        "Trần Thị Hai",
    }


def test_ethnicity_and_sector_filters(viewer, members):
    Person.objects.filter(pk=members.p3.pk).update(ethnicity="05", sector="agriculture")
    assert names(viewer.get(f"/dang-vien/{ON}&ethnicity=minority")) == {"Lê Văn Ba"}
    assert names(viewer.get(f"/dang-vien/{ON}&ethnicity=05")) == {"Lê Văn Ba"}
    assert names(viewer.get(f"/dang-vien/{ON}&ethnicity=01")) == {
        "Nguyễn Văn Một",
        "Trần Thị Hai",
    }
    assert names(viewer.get(f"/dang-vien/{ON}&sector=agriculture")) == {"Lê Văn Ba"}


def test_hosted_tab_lists_temporary_members_of_the_host(client, small_tree, members):
    client.force_login(small_tree.users.b_editor)
    response = client.get(f"/dang-vien/{ON}&tab=hosted")
    assert names(response) == {"Lê Văn Ba"}
    counted = client.get(f"/dang-vien/{ON}")
    assert names(counted) == {"Hoàng Thị Năm", "Võ Văn Sáu"}


def test_subtree_of_a_cell_and_a_foreign_org_is_404(viewer, small_tree, members):
    assert names(viewer.get(f"/dang-vien/{ON}&org={small_tree.a1.pk}")) == {"Lê Văn Ba"}
    assert viewer.get(f"/dang-vien/{ON}&org={small_tree.b.pk}").status_code == 404


def test_list_query_count_does_not_grow_with_rows(viewer, small_tree, members):
    def count_queries():
        with CaptureQueriesContext(connection) as captured:
            assert viewer.get(f"/dang-vien/{ON}").status_code == 200
        return len(captured)

    few = count_queries()
    for i in range(6):
        p = person(f"Đảng viên Thêm {i}", D(1990, 1, 1))
        members.record(p, EventKind.ADMISSION, D(2025, 9, 1), small_tree.a1)
    assert count_queries() == few


def test_list_stays_within_a_fixed_number_of_queries(
    viewer, members, django_assert_max_num_queries
):
    with django_assert_max_num_queries(14):
        viewer.get(f"/dang-vien/{ON}")


# Adding a member


def add_form(**overrides) -> dict:
    form = {
        "person-full_name": "Đinh Thị Mới",
        "person-sex": "female",
        "person-date_of_birth": "10/10/1995",
        "person-ethnicity": "01",
        "person-religion": "none",
        "person-professional_level": "none",
        "person-political_theory": "none",
        "person-state_management": "none",
        "person-sector": "other",
        "person-citizen_id": "092195000123",
        "person-phone": "0912345678",
        "kind": "admission",
        "effective_on": "10/12/2025",
        "organization_code": "A1",
        **DECISION,
    }
    form.update(overrides)
    return form


def test_add_member_creates_person_and_admission(editor, small_tree):
    response = editor.post(f"/dang-vien/them/{ON}", add_form())
    assert response.status_code == 302
    created = Person.objects.get(full_name="Đinh Thị Mới")
    event = MembershipEvent.objects.get(person=created)
    assert (event.kind, event.effective_on, event.organization) == (
        EventKind.ADMISSION,
        D(2025, 12, 10),
        small_tree.a1,
    )
    assert event.decision.number == "25-QĐ/ĐU" and event.recorded_by == small_tree.users.a_editor
    assert "as_of=10/12/2025" in response["Location"]
    html = editor.get("/dang-vien/?as_of=10/12/2025").content.decode()
    assert "Đinh Thị Mới" in html and "Tổng số: 1 đảng viên (chính thức 0, dự bị 1)" in html


def test_add_member_by_transfer_in(editor, small_tree):
    form = add_form(kind="transfer_in", status="full", admitted_on="01/02/2015")
    assert editor.post("/dang-vien/them/", form).status_code == 302
    span = MembershipSpan.objects.get(person__full_name="Đinh Thị Mới")
    assert (span.status, span.admitted_on) == (Status.FULL, D(2015, 2, 1))


def test_refused_admission_creates_nothing(editor, small_tree):
    response = editor.post("/dang-vien/them/", add_form(**{"person-date_of_birth": "01/06/2008"}))
    assert response.status_code == 200
    assert "Chưa đủ 18 tuổi" in response.content.decode()
    assert not Person.objects.filter(full_name="Đinh Thị Mới").exists()
    assert not MembershipEvent.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("person-citizen_id", "12345", "Số CCCD: phải gồm đúng 12 chữ số."),
        ("person-phone", "0912", "Số điện thoại: phải gồm 10 hoặc 11 chữ số."),
        ("person-date_of_birth", "01/01/2999", "Ngày sinh: không thể sau ngày hôm nay."),
        ("organization_code", "BSECRET", "không có tổ chức mã «BSECRET» trong phạm vi"),
        ("decision_number", "", "Số, ký hiệu quyết định (bắt buộc): cần nhập đủ"),
        ("person-hometown_code", "99999", "Quê quán: Không có đơn vị hành chính cấp xã mã"),
    ],
)
def test_add_member_validation_in_vietnamese(editor, small_tree, field, value, message):
    response = editor.post("/dang-vien/them/", add_form(**{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Person.objects.exists()


def test_pre_2025_commune_code_is_converted_with_a_message(editor, small_tree):
    def unit(generation, code, name):
        return AdministrativeUnit.objects.create(
            generation=generation,
            level=Level.COMMUNE,
            code=code,
            key=code,
            name=name,
            short_name=name,
            unit_type="xã",
        )

    old = unit(Generation.LEGACY, "31111", "Xã Cũ Thử")
    new = unit(Generation.REFORM_2025, "31222", "Xã Mới Thử")
    UnitLineage.objects.create(predecessor=old, successor=new, effective_on=D(2025, 7, 1))
    response = editor.post(
        "/dang-vien/them/", add_form(**{"person-hometown_code": "31111"}), follow=True
    )
    assert Person.objects.get(full_name="Đinh Thị Mới").hometown == new
    assert "đã chuyển thành Xã Mới Thử (mã 31222)" in response.content.decode()


def test_viewer_cannot_add(viewer, small_tree):
    assert viewer.get("/dang-vien/them/").status_code == 404
    assert viewer.post("/dang-vien/them/", add_form()).status_code == 404
    assert not Person.objects.exists()


# The member page


def test_member_page_shows_status_timeline_and_history(viewer, members):
    html = viewer.get(f"/dang-vien/{members.p2.pk}/{ON}").content.decode()
    assert "Trần Thị Hai" in html and "Dự bị" in html
    assert "Kết nạp" in html and "01/06/2024" in html and "10/01/2025" in html
    assert "Lịch sử thay đổi" in html and "Tạo mới" in html


def test_masked_for_viewer_unmasked_and_logged_for_editor(client, small_tree, members):
    Person.objects.filter(pk=members.p1.pk).update(citizen_id="079123456789", phone="0912345678")
    client.force_login(small_tree.users.a_viewer)
    html = client.get(f"/dang-vien/{members.p1.pk}/{ON}").content.decode()
    assert "07********89" in html and "079123456789" not in html
    assert not AuditEntry.objects.exists()
    client.force_login(small_tree.users.a_editor)
    html = client.get(f"/dang-vien/{members.p1.pk}/{ON}").content.decode()
    assert "079123456789" in html and "0912345678" in html
    entry = AuditEntry.objects.get()
    assert entry.user == small_tree.users.a_editor
    assert entry.subject == f"people.Person:{members.p1.pk}"


def test_print_page_masks_for_viewer_and_uses_vietnamese_dates(viewer, members):
    Person.objects.filter(pk=members.p1.pk).update(citizen_id="079123456789")
    html = viewer.get(f"/dang-vien/{members.p1.pk}/in/{ON}").content.decode()
    assert "Lý lịch đảng viên" in html and "01/01/1990" in html and "15/03/2024" in html
    assert "07********89" in html and "079123456789" not in html


def test_member_of_commune_b_is_404_for_commune_a(viewer, members):
    assert viewer.get(f"/dang-vien/{members.p5.pk}/{ON}").status_code == 404
    assert viewer.get(f"/dang-vien/{members.p5.pk}/in/{ON}").status_code == 404


# Events through the UI


def test_record_a_card_issue(editor, small_tree, members):
    url = f"/dang-vien/{members.p1.pk}/su-kien/{ON}&kind=card_issue"
    form = {"kind": "card_issue", "effective_on": "05/12/2025", "card_number": "92001234"}
    assert editor.post(url, form).status_code == 302
    span = MembershipSpan.objects.get(person=members.p1, valid_to__gt=D(2030, 1, 1))
    assert span.card_number == "92001234"


def test_refused_event_shows_the_rule_and_writes_nothing(editor, members):
    before = MembershipEvent.objects.count()
    url = f"/dang-vien/{members.p1.pk}/su-kien/{ON}&kind=exemption_end"
    response = editor.post(url, {"kind": "exemption_end", "effective_on": "05/12/2025"})
    assert response.status_code == 200
    assert "không đang được miễn sinh hoạt" in response.content.decode()
    assert MembershipEvent.objects.count() == before


def test_transfer_to_an_organization_outside_the_editor_scope_is_refused(editor, members):
    before = MembershipEvent.objects.count()
    url = f"/dang-vien/{members.p1.pk}/su-kien/{ON}&kind=transfer"
    form = {"kind": "transfer", "effective_on": "05/12/2025", "organization_code": "BSECRET"}
    response = editor.post(url, form)
    assert "không có tổ chức mã «BSECRET» trong phạm vi" in response.content.decode()
    assert MembershipEvent.objects.count() == before


def test_viewer_cannot_record_events(viewer, members):
    url = f"/dang-vien/{members.p1.pk}/su-kien/{ON}&kind=card_issue"
    assert viewer.get(url).status_code == 404


def test_confirm_is_dated_at_the_end_of_probation(editor, members):
    response = editor.post(f"/dang-vien/{members.p3.pk}/chuyen-chinh-thuc/{ON}", DECISION)
    assert response.status_code == 302
    event = MembershipEvent.objects.get(person=members.p3, kind=EventKind.CONFIRMATION)
    assert event.effective_on == D(2026, 9, 1)


def test_confirm_of_a_full_member_is_refused(editor, members):
    before = MembershipEvent.objects.count()
    response = editor.post(f"/dang-vien/{members.p1.pk}/chuyen-chinh-thuc/{ON}", DECISION)
    assert "không ở thời kỳ dự bị" in response.content.decode()
    assert MembershipEvent.objects.count() == before


def correction_url(members, event) -> str:
    return f"/dang-vien/{event.person_id}/dinh-chinh/{event.pk}/{ON}"


def test_correct_an_event_voids_it_and_shows_it_struck_through(editor, members):
    confirmation = MembershipEvent.objects.get(person=members.p1, kind=EventKind.CONFIRMATION)
    response = editor.post(correction_url(members, confirmation), {"reason": "Nhập nhầm"})
    assert response.status_code == 302
    confirmation.refresh_from_db()
    assert confirmation.is_void
    html = editor.get(f"/dang-vien/{members.p1.pk}/{ON}").content.decode()
    assert "<del>Chuyển đảng chính thức</del>" in html and "Nhập nhầm" in html
    assert MembershipSpan.objects.get(person=members.p1, valid_to__gt=D(2030, 1, 1)).status == (
        Status.PROBATIONARY
    )


def test_correct_with_a_replacement(editor, small_tree, members):
    moved = MembershipEvent.objects.get(person=members.p3, kind=EventKind.TEMPORARY_TRANSFER)
    form = {
        "reason": "Sai nơi sinh hoạt tạm thời",
        "replace": "on",
        "replacement-kind": "temporary_transfer",
        "replacement-effective_on": "05/10/2025",
        "replacement-organization_code": "A",
    }
    assert editor.post(correction_url(members, moved), form).status_code == 302
    span = MembershipSpan.objects.valid_at(D(2025, 12, 4)).get(person=members.p3)
    assert span.host_organization == small_tree.a
    assert moved.correction.replacement.effective_on == D(2025, 10, 5)


def test_refused_correction_writes_nothing(editor, members):
    admission = MembershipEvent.objects.get(person=members.p1, kind=EventKind.ADMISSION)
    form = {
        "reason": "Sai ngày",
        "replace": "on",
        "replacement-kind": "admission",
        "replacement-effective_on": "20/03/2024",
        "replacement-organization_code": "LA",
        **{f"replacement-{k}": v for k, v in DECISION.items()},
        "replacement-decision_signed_on": "01/03/2024",
    }
    before = list(MembershipSpan.objects.filter(person=members.p1).values())
    response = editor.post(correction_url(members, admission), form)
    assert response.status_code == 200
    assert "ngày chính thức phải là ngày kết thúc 12 tháng dự bị" in response.content.decode()
    admission.refresh_from_db()
    assert not admission.is_void
    assert list(MembershipSpan.objects.filter(person=members.p1).values()) == before


def test_correction_needs_a_reason(editor, members):
    admission = MembershipEvent.objects.get(person=members.p1, kind=EventKind.ADMISSION)
    response = editor.post(correction_url(members, admission), {"reason": " "})
    assert "Lý do đính chính" in response.content.decode()
    admission.refresh_from_db()
    assert not admission.is_void


def test_the_list_is_paginated_and_the_total_covers_every_page(viewer, members, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    page_one = viewer.get(f"/dang-vien/{ON}")
    page_two = viewer.get(f"/dang-vien/{ON}&page=2")
    assert len(names(page_one)) == 2 and len(names(page_two)) == 1
    assert names(page_one) | names(page_two) == {"Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba"}
    html = page_two.content.decode()
    assert "Tổng số: 3 đảng viên" in html and "Trang 2/2" in html


def test_after_a_death_the_member_page_opens_on_the_eve(editor, members):
    url = f"/dang-vien/{members.p1.pk}/su-kien/{ON}&kind=death"
    response = editor.post(url, {"kind": "death", "effective_on": "01/12/2025"})
    assert response["Location"].endswith("?as_of=30/11/2025")
    assert editor.get(response["Location"]).status_code == 200
    assert not MembershipSpan.objects.valid_at(D(2025, 12, 1)).filter(person=members.p1).exists()


def test_voiding_the_only_admission_returns_to_the_list(editor, members):
    admission = MembershipEvent.objects.get(person=members.p3, kind=EventKind.ADMISSION)
    later = MembershipEvent.objects.filter(person=members.p3).exclude(pk=admission.pk)
    for event in later:  # the temporary transfer goes first, or the replay refuses
        editor.post(correction_url(members, event), {"reason": "Nhập nhầm người"})
    response = editor.post(correction_url(members, admission), {"reason": "Nhập nhầm người"})
    assert response["Location"] == "/dang-vien/"
    assert not MembershipSpan.objects.filter(person=members.p3).exists()
