"""Pages of the congresses app, with the figures of conftest.py counted by hand (see the
table in test_figures.py), the forms' refusals and flags, and scope."""

import datetime as dt
import re

import pytest

from tochuc.congresses import services
from tochuc.congresses.models import CommitteeMember, Congress, Delegate, ResolutionTarget, Role

D = dt.date
ON = "2025-12-04"
pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    """The page's text: tags made spaces, white space collapsed, none before punctuation."""
    html = re.sub(r"<(script|style)\b.*?</\1>", "", response.content.decode(), flags=re.S)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return re.sub(r" ([,.:;)])", r"\1", text)


def row_text(response, attribute: str, value) -> str:
    found = re.search(
        rf'<tr data-{attribute}="{value}"[^>]*>(.*?)</tr>', response.content.decode(), re.S
    )
    assert found, f"no row data-{attribute}={value}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))).strip()


# --- List and figures ----------------------------------------------------------------------


def test_list_of_the_province_with_totals_and_rows(
    client, small_tree, congress_2025, django_assert_max_num_queries
):
    t = small_tree
    client.force_login(t.users.province_admin)
    with django_assert_max_num_queries(25):
        response = client.get(f"/dai-hoi/?org={t.p.pk}&as_of={ON}")
    text = text_of(response)
    assert "2 đại hội (2 thường kỳ, 0 bất thường)" in text
    assert "Đại biểu: 52 được triệu tập, 49 có mặt; danh sách đã nhập 5 người" in text
    assert "Cấp ủy: BCH 12 (khuyết 4), BTV 3 (khuyết 0), UBKT 3 (khuyết 2)" in text
    assert row_text(response, "congress", congress_2025.pk) == (
        "Đảng bộ xã An Mới Đại hội lần thứ I, nhiệm kỳ 2025–2030 15/10/2025 16/10/2025 12 11 7 "
        "7 (khuyết 2) 3 (khuyết 0) 3 (khuyết 2)"
    )
    old = Congress.objects.get(ordinal="XV")
    assert row_text(response, "congress", old.pk) == (
        "Đảng bộ xã An Cũ Đại hội lần thứ XV, nhiệm kỳ 2020–2025 10/06/2020 11/06/2020 40 38 3 "
        "5 (khuyết 2) — —"
    )
    filtered = text_of(client.get(f"/dai-hoi/?org={t.p.pk}&term=2020–2025"))
    assert "1 đại hội (1 thường kỳ, 0 bất thường)" in filtered
    period = text_of(client.get(f"/dai-hoi/?org={t.p.pk}&start=01/01/2025&end=31/12/2025"))
    assert "1 đại hội" in period and "Đại hội lần thứ XV" not in period


def test_a_commune_user_sees_its_own_congresses_only(client, small_tree, congress_2025):
    t = small_tree
    client.force_login(t.users.b_editor)
    assert "0 đại hội" in text_of(client.get(f"/dai-hoi/?as_of={ON}"))
    assert client.get(f"/dai-hoi/?org={t.a.pk}").status_code == 404
    assert client.get(f"/dai-hoi/{congress_2025.pk}/").status_code == 404
    client.force_login(t.users.a_viewer)
    assert "2 đại hội" in text_of(client.get(f"/dai-hoi/?as_of={ON}"))


# --- The congress page ---------------------------------------------------------------------


def test_congress_page(client, small_tree, congress_2025):
    t = small_tree
    client.force_login(t.users.a_viewer)
    response = client.get(f"/dai-hoi/{congress_2025.pk}/?as_of={ON}")
    text = text_of(response)
    assert (
        "Đại hội: 12 đại biểu, 7 đảng viên, 1 tổ chức cơ sở đảng (0 đảng bộ bộ phận, 1 chi bộ); "
        "BCH 7 (khuyết 2), BTV 3 (khuyết 0)." in text
    )
    assert "biên bản kết quả bầu cử: 02-BB/ĐH ngày 16/10/2025 của Đại hội Đảng bộ xã An Mới" in (
        text
    )
    assert "2 trường hợp không đủ tuổi theo quy định" in text
    html = response.content.decode()
    assert re.search(r'data-body="executive_committee".*?7.*?5.*?2', html, re.S)
    xa = CommitteeMember.objects.get(congress=congress_2025, person__full_name="Xa Hai")
    assert row_text(response, "member", xa.pk).startswith(
        "Xa Hai Ủy viên Ban Chấp hành 15/03/1966 Tái cử 15/12/2027 29 Xa Hai (tái cử) nghỉ hưu"
    )
    assert "Trường hợp đặc biệt: Ban Thường vụ Thành ủy đồng ý (Công văn 15-CV/TU)" in text
    first = CommitteeMember.objects.get(
        congress=congress_2025, person__full_name="Yên Một", role=Role.EXECUTIVE_MEMBER
    )
    assert row_text(response, "member", first.pk) == (
        "Yên Một Ủy viên Ban Chấp hành 01/01/1985 Lần đầu tham gia 01/01/2047 258 "
        "Đủ (cần 60 tháng từ 01/07/2025)"
    )
    assert "Lãnh đạo được bầu Bí thư Xuân Một Phó Bí thư Yên Một Chủ nhiệm Ủy ban Kiểm tra" in (
        text
    )
    assert "Sửa đại hội" not in text  # a viewer changes nothing


def test_the_page_of_a_merged_commune_shows_the_committee_of_its_closing_day(
    client, small_tree, congress_2020
):
    client.force_login(small_tree.users.a_viewer)
    text = text_of(client.get(f"/dai-hoi/{congress_2020.pk}/?as_of={ON}"))
    assert (
        "Đại hội: 40 đại biểu, 3 đảng viên, 0 tổ chức cơ sở đảng (0 đảng bộ bộ phận, 0 chi" in text
    )
    assert "BCH 5 (khuyết 2)." in text  # no BTV: secretary and deputy are «thường trực»
    assert "Thường trực 2 1 1" in text
    assert "Cấp ủy ngày 04/12/2025" not in text  # LA no longer exists


# --- Forms ---------------------------------------------------------------------------------


def test_create_a_congress(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_editor)
    form = {
        "organization": "BSECRET",
        "term": "2025–2030",
        "kind": "regular",
        "opened_on": "15/10/2025",
        "closed_on": "16/10/2025",
        "delegates_summoned": "12",
    }
    refused = text_of(client.post("/dai-hoi/them/", form))
    assert "Không có tổ chức mã «BSECRET» trong phạm vi anh/chị quản lý" in refused
    response = client.post("/dai-hoi/them/", form | {"organization": "A", "ordinal": "I"})
    congress = Congress.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/dai-hoi/{congress.pk}/"
    again = text_of(client.post("/dai-hoi/them/", form | {"organization": "A"}))
    assert "«Đảng bộ xã An Mới» đã có đại hội thường kỳ" in again
    client.force_login(t.users.a_viewer)
    assert client.get("/dai-hoi/them/").status_code == 404


def test_edit_a_congress_with_a_stale_version(client, small_tree, congress_2025):
    client.force_login(small_tree.users.a_editor)
    url = f"/dai-hoi/{congress_2025.pk}/sua/"
    form = {
        "opened_on": "15/10/2025",
        "closed_on": "16/10/2025",
        "delegates_summoned": "12",
        "delegates_present": "12",
        "members_represented": "2.400",
        "version": congress_2025.version,
    }
    assert client.post(url, form).status_code == 302
    congress_2025.refresh_from_db()
    assert (congress_2025.delegates_present, congress_2025.members_represented) == (12, 2400)
    stale = text_of(client.post(url, form | {"delegates_present": "10"}))
    assert "Bản ghi đã được người khác sửa" in stale


def test_delegates_page_adds_and_refuses(client, small_tree, people, congress_2025):
    p = people
    client.force_login(small_tree.users.a_editor)
    url = f"/dai-hoi/{congress_2025.pk}/dai-bieu/"
    text = text_of(client.get(url))
    assert "Tất cả (3) Đại biểu bầu (2) Đại biểu đương nhiên (1) Đại biểu chỉ định (0)" in text
    refused = text_of(client.post(url, {"person": p.p1.pk, "kind": "elected"}))
    assert "Dự Một là đảng viên dự bị vào ngày 15/10/2025, không thể là đại biểu" in refused
    response = client.post(url, {"person": p.y2.pk, "kind": "designated", "note": "Chỉ định"})
    assert response.status_code == 302
    listed = text_of(client.get(url + "?kind=designated"))
    assert "Yến Hai 15/03/1968 Đại biểu chỉ định Chỉ định" in listed
    delegate = Delegate.objects.get(person=p.y2)
    assert client.post(f"/dai-hoi/dai-bieu/{delegate.pk}/bo/").status_code == 302
    assert not Delegate.objects.filter(person=p.y2).exists()
    client.force_login(small_tree.users.a_viewer)
    assert client.post(url, {"person": p.y2.pk, "kind": "elected"}).status_code == 404


def test_sizes_then_election_with_the_flag_and_the_exception(client, small_tree, people):
    t, p = small_tree, people
    congress = services.congress_create(
        organization=t.a, term="2025-2030", opened_on=D(2025, 10, 15),
        closed_on=D(2025, 10, 16), delegates_summoned=9,
    )  # fmt: skip
    client.force_login(t.users.a_editor)
    base = f"/dai-hoi/{congress.pk}/"
    assert client.get(base + "ket-qua-bau-cu/")["Location"] == base + "so-luong-cap-uy/"
    sizes = {
        "executive_size": "5",
        "standing_size": "3",
        "deputy_secretaries": "1",
        "inspection_size": "0",
        "version": congress.version,
    }
    assert client.post(base + "so-luong-cap-uy/", sizes)["Location"] == base + "ket-qua-bau-cu/"
    record = {
        "decision_number": "02-BB/ĐH",
        "decision_signed_on": "16/10/2025",
        "decision_issuer": "Đại hội Đảng bộ xã An Mới",
    }
    missing = text_of(
        client.post(base + "ket-qua-bau-cu/", {"role": "executive_member", "person": p.y2.pk})
    )
    assert "Số biên bản kiểm phiếu (hoặc quyết định chỉ định): cần nhập đủ số, ngày, cơ quan" in (
        missing
    )
    flagged = text_of(
        client.post(
            base + "ket-qua-bau-cu/", {"role": "executive_member", "person": p.y2.pk} | record
        )
    )
    assert (
        "Yến Hai (lần đầu tham gia cấp ủy) nghỉ hưu ngày 15/03/2030, còn 56 tháng công tác tính "
        "từ 01/07/2025, chưa đủ 60 tháng (Chỉ thị 45-CT/TW" in flagged
    )
    assert "hãy ghi căn cứ" in flagged
    excepted = {"role": "executive_member", "person": p.y2.pk, "exception": "Thành ủy đồng ý"}
    response = client.post(base + "ket-qua-bau-cu/", excepted | record)
    assert response.status_code == 302
    done = text_of(client.get(base + "ket-qua-bau-cu/?role=secretary"))
    assert "BCH 5 1 4" in done and "số, ngày, cơ quan" not in done
    search = client.get(
        base + "tim-nguoi/?purpose=election&role=executive_member&q=xa"
    ).content.decode()
    assert "Xa Hai" in search and "Lần đầu tham gia" in search and "age-flag" in search
    quiet = client.get(base + "tim-nguoi/?purpose=delegate&q=xa").content.decode()
    assert "Xa Hai" in quiet and "age-flag" not in quiet


def test_targets_and_progress_pages(client, small_tree, congress_2025):
    client.force_login(small_tree.users.a_editor)
    base = f"/dai-hoi/{congress_2025.pk}/"
    form = {"name": "Tỷ lệ hộ nghèo", "unit": "%", "target_value": "1,5", "direction": "at_most"}
    assert client.post(base + "chi-tieu/them/", form).status_code == 302
    target = ResolutionTarget.objects.get()
    assert target.target_value == pytest.approx(1.5)
    url = f"/dai-hoi/chi-tieu/{target.pk}/"
    refused = text_of(client.post(url + "ket-qua/", {"on": "01/10/2025", "value": "1,2"}))
    assert "Đến ngày: không thể trước ngày khai mạc đại hội 15/10/2025" in refused
    assert client.post(url + "ket-qua/", {"on": "31/12/2026", "value": "1,2"}).status_code == 302
    figure = text_of(client.get(url + "?as_of=2027-01-01"))
    assert "kết quả 1,2 % (ngày 31/12/2026), đạt 80,00% mức chỉ tiêu — đạt yêu cầu" in figure
    page = client.get(base + "?as_of=2027-01-01")
    assert row_text(page, "target", target.pk) == ("Tỷ lệ hộ nghèo % 1,5 1,2 31/12/2026 80,00% Đạt")
    assert "chưa có kết quả" in text_of(client.get(url + "?as_of=2026-01-01"))
