"""Pages of the cadres app, with figures hand-computed from the `seats` fixture (table in
test_seats.py). On 04/12/2025:
- province P: BCH 8/9 (8 người), BTV 4/5, công chức 1/5; vacancies 6 = 3 self + 1 support
  + 2 unplanned; per central guidance 4 = 2 + 1 + 1;
- commune A: BCH 4/5, BTV 3/3, công chức 1/4; vacancies 4 = 2 self (địa chính) + 1 support
  (tài chính, tăng cường) + 1 unplanned (BCH);
- commune B: BCH 4/4, BTV 1/2, công chức 0/1; vacancies 2 = 1 self (BTV) + 1 unplanned.
Every holder is a man born 01/01/1980 (retires 01/01/2042 at 62): the 12 open-ended
holdings outlive retirement, x5's appointment (to 30/06/2030) does not.
"""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tochuc.administrative_units.models import AdministrativeUnit
from tochuc.cadres.models import Assignment, Body, Move, MoveKind, Post, PostQuota, SourcingPlan
from tochuc.cadres.services import assignment_create, move_record
from tochuc.cadres.tests.conftest import person
from tochuc.core.dating import BEGINNING, END_OF_TIME
from tochuc.organizations import services as org_services
from tochuc.organizations.kinds import Kind
from tochuc.people.models import Person

D = dt.date
ON = "2025-12-04"
pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    """The page's text: tags made spaces, white space collapsed, none before punctuation."""
    html = re.sub(r"<(script|style)\b.*?</\1>", "", response.content.decode(), flags=re.S)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return re.sub(r" ([,.:;)])", r"\1", text)


def row_text(response, attribute: str, value) -> str:
    """The text of the table row marked `data-<attribute>="<value>"`."""
    found = re.search(
        rf'<tr data-{attribute}="{value}"[^>]*>(.*?)</tr>', response.content.decode(), re.S
    )
    assert found, f"no row data-{attribute}={value}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1))).strip()


def cite(**extra) -> dict:
    return {
        "decision_number": "12-QĐ/ĐU",
        "decision_signed_on": "01/12/2025",
        "decision_issuer": "Đảng ủy xã An Mới",
        **extra,
    }


# Overview -------------------------------------------------------------------------------


def test_overview_of_the_province(client, small_tree, seats, django_assert_max_num_queries):
    t = small_tree
    client.force_login(t.users.province_admin)
    with django_assert_max_num_queries(20):
        response = client.get(f"/can-bo/?org={t.p.pk}&as_of={ON}")
    text = text_of(response)
    assert "Bố trí 8/9 chức danh ủy viên BCH 8 người · 88,89%" in text
    assert "Bố trí 4/5 chức danh ủy viên BTV 4 người · 80,00%" in text
    assert "Bố trí 1/5 chức danh công chức cấp xã" in text
    assert "Thiếu khuyết 6: 3 tự đảm bảo, 1 cần hỗ trợ, 2 chưa có phương án" in text
    assert (
        "Theo hướng dẫn của Trung ương: thiếu khuyết 4: 2 tự đảm bảo, 1 cần hỗ trợ, "
        "1 chưa có phương án" in text
    )
    assert "Đến hạn xem xét bổ nhiệm lại: 0" in text
    assert "Thời hạn giữ chức danh quá ngày nghỉ hưu: 0" in text
    assert "Bí thư là người địa phương: 0" in text
    assert row_text(response, "organization", t.a.pk) == "Đảng bộ xã An Mới 4/5 3/3 1/4 4"
    assert row_text(response, "organization", t.b.pk) == "Đảng bộ xã Bí Mật Bê 4/4 1/2 0/1 2"
    html = response.content.decode()
    assert f"/can-bo/thieu-khuyet/?org={t.p.pk}&plan=none&as_of={ON}" in html
    assert f"/can-bo/bo-may/{t.a.pk}/?body=executive_committee&as_of={ON}" in html
    assert f"/can-bo/canh-bao/?org={t.p.pk}&as_of={ON}#retirement" in html


def test_overview_defaults_to_the_users_commune(client, small_tree, seats):
    t = small_tree
    client.force_login(t.users.a_viewer)
    response = client.get(f"/can-bo/?as_of={ON}")
    text = text_of(response)
    assert "Bố trí 4/5 chức danh ủy viên BCH" in text and "Bố trí 3/3 chức danh ủy viên BTV" in text
    assert "Thiếu khuyết 4: 2 tự đảm bảo, 1 cần hỗ trợ, 1 chưa có phương án" in text
    own = row_text(response, "organization", t.a.pk)
    assert own == "Chức danh của chính Đảng bộ xã An Mới 4/5 3/3 1/4 4"
    assert row_text(response, "organization", t.a1.pk) == "Chi bộ ấp An Một — — — 0"
    assert "Bí Mật Bê" not in text and "Thêm chức danh" not in text


def test_overview_queries_do_not_grow_with_the_children(client, small_tree, seats):
    t = small_tree
    client.force_login(t.users.province_admin)
    url = f"/can-bo/?org={t.p.pk}&as_of={ON}"
    client.get(url)
    with CaptureQueriesContext(connection) as two:
        client.get(url)
    for i in range(3):
        commune = org_services.organization_establish(
            code=f"X{i}",
            name=f"Đảng bộ xã Thêm {i}",
            kind=Kind.COMMUNE_COMMITTEE,
            parent=t.p,
            established_on=D(2025, 7, 1),
            decision=t.decision,
        )
        post = Post.objects.create(organization=commune, body=Body.EXECUTIVE_COMMITTEE, title="UV")
        PostQuota.objects.create(post=post, seats=3, valid_from=D(2025, 7, 1))
        assignment_create(
            person=person(f"Thêm {i}"),
            post=post,
            kind="election",
            starts_on=D(2025, 7, 1),
            decision=t.decision,
        )
    with CaptureQueriesContext(connection) as five:
        response = client.get(url)
    assert len(five) == len(two)
    assert "Bố trí 11/18 chức danh ủy viên BCH" in text_of(response)


# Seat board -----------------------------------------------------------------------------


def test_seat_board_of_a_body(client, small_tree, seats, django_assert_max_num_queries):
    t = small_tree
    posts, xs, _ = seats
    client.force_login(t.users.a_editor)
    with django_assert_max_num_queries(15):
        response = client.get(f"/can-bo/bo-may/{t.a.pk}/?body=executive_committee&as_of={ON}")
    text = text_of(response)
    assert "Bố trí 4/5 chức danh ủy viên BCH" in text
    html = response.content.decode()
    assert html.count('class="held"') == 4 and html.count("Còn trống") == 1
    assert f'/can-bo/ca-nhan/{xs[0].pk}/">Cán bộ A 1</a>' in html
    assert "Bầu" in text and "01/07/2025" in text and "99-QĐ/TU" in text
    assert f'href="/can-bo/chuc-danh/{posts["a_bch"].pk}/#bo-tri">Bố trí</a>' in html
    btv = client.get(f"/can-bo/bo-may/{t.a.pk}/?body=standing_committee")
    assert "Bố trí 3/3 chức danh ủy viên BTV" in text_of(btv)
    assert client.get(f"/can-bo/bo-may/{t.a.pk}/?body=council_of_elders").status_code == 404
    client.force_login(t.users.a_viewer)
    html = client.get(f"/can-bo/bo-may/{t.a.pk}/?body=executive_committee").content.decode()
    assert "Còn trống" in html and "#bo-tri" not in html


# Post page and its forms ----------------------------------------------------------------


def test_assign_a_suggested_person_through_the_form(client, small_tree, seats):
    t = small_tree
    posts, xs, _ = seats
    client.force_login(t.users.a_editor)
    page = f"/can-bo/chuc-danh/{posts['a_bch'].pk}/"
    response = client.get(page + f"?as_of={ON}")
    text = text_of(response)
    assert "định mức 5, có 4 người giữ, thiếu 1 · phương án: chưa có phương án" in text
    # The only person of A's scope not on the BCH yet: x5 (holds công chức tài chính).
    assert re.findall(r'id="suggested-(\d+)"', response.content.decode()) == [str(xs[4].pk)]
    assert (
        "Cán bộ A 5 (sinh 01/01/1980) 5 điểm Đang giữ 1 chức danh" in text
        and "Cán bộ B 1" not in text
    )
    answer = client.post(
        page + "bo-tri/",
        {"person": xs[4].pk, "kind": "election", "starts_on": "04/12/2025", **cite()},
        follow=True,
    )
    assert "Đã bố trí Cán bộ A 5 giữ chức danh Ủy viên BCH" in text_of(answer)
    held = Assignment.objects.get(post=posts["a_bch"], person=xs[4])
    assert (held.valid_from, held.valid_to, held.decision.number) == (
        D(2025, 12, 4),
        END_OF_TIME,
        "12-QĐ/ĐU",
    )
    text = text_of(client.get(f"/can-bo/?as_of={ON}"))
    assert "Bố trí 5/5 chức danh ủy viên BCH" in text
    assert "Thiếu khuyết 3: 2 tự đảm bảo, 1 cần hỗ trợ, 0 chưa có phương án" in text


def test_assignment_refusals_name_the_field(client, small_tree, seats):
    t = small_tree
    posts, xs, ys = seats
    client.force_login(t.users.a_editor)
    url = f"/can-bo/chuc-danh/{posts['a_bch'].pk}/bo-tri/?as_of={ON}"
    outsider = client.post(
        url, {"person": ys[0].pk, "kind": "election", "starts_on": "04/12/2025", **cite()}
    )
    text = text_of(outsider)
    assert "Người được bố trí: Người này không thuộc phạm vi anh/chị được cập nhật." in text
    assert "Cán bộ B 1" not in text
    missing = client.post(url, {"person": xs[4].pk, "kind": "election", "starts_on": "04/12/2025"})
    text = text_of(missing)
    assert "Số, ký hiệu quyết định: cần nhập đủ số, ngày, cơ quan." in text
    assert "Số, ký hiệu quyết định: Số, ký hiệu" not in text
    nobody = client.post(url, {"kind": "election", "starts_on": "04/12/2025", **cite()})
    assert "Người được bố trí: Hãy chọn một người trong danh sách gợi ý" in text_of(nobody)
    full = client.post(
        f"/can-bo/chuc-danh/{posts['a_btv'].pk}/bo-tri/",
        {"person": xs[4].pk, "kind": "designation", "starts_on": "04/12/2025", **cite()},
    )
    assert "Chức danh Ủy viên BTV chỉ có 3 chỗ từ 04/12/2025; đã đủ người giữ." in text_of(full)
    assert not Assignment.objects.filter(person=xs[4], post__body=Body.STANDING_COMMITTEE)
    assert Assignment.objects.filter(post=posts["a_bch"]).count() == 4


def test_assign_a_newcomer_not_yet_on_file(client, small_tree, seats):
    t = small_tree
    posts, _, _ = seats
    client.force_login(t.users.a_editor)
    url = f"/can-bo/chuc-danh/{posts['a_dc'].pk}/bo-tri/?as_of={ON}"
    base = {"kind": "assignment", "starts_on": "04/12/2025", **cite()}
    incomplete = client.post(url, {**base, "new_full_name": "Trần Văn Mới"})
    assert "Giới tính: cần nhập cho người mới." in text_of(incomplete)
    assert not Person.objects.filter(full_name="Trần Văn Mới").exists()
    done = client.post(
        url,
        {**base, "new_full_name": "Trần  Văn Mới", "new_sex": "male",
         "new_date_of_birth": "02/03/1995", "new_specialty": "land_construction"},
        follow=True,
    )  # fmt: skip
    assert "Đã bố trí Trần Văn Mới giữ chức danh Công chức địa chính" in text_of(done)
    newcomer = Person.objects.get(full_name="Trần Văn Mới")
    assert newcomer.specialty == "land_construction"
    assert Assignment.objects.filter(post=posts["a_dc"], person=newcomer).exists()
    # Holding a seat in commune A puts the newcomer in A's scope, and only there.
    assert client.get(f"/can-bo/ca-nhan/{newcomer.pk}/?as_of={ON}").status_code == 200
    client.force_login(t.users.b_editor)
    assert client.get(f"/can-bo/ca-nhan/{newcomer.pk}/?as_of={ON}").status_code == 404


def test_quota_from_a_date_with_the_optimistic_lock(client, small_tree, seats):
    t = small_tree
    posts, _, _ = seats
    post = posts["a_bch"]
    client.force_login(t.users.a_editor)
    url = f"/can-bo/chuc-danh/{post.pk}/dinh-muc/?as_of={ON}"
    opened = post.version
    answer = client.post(url, {"seats": 6, "valid_from": "01/12/2025", "version": opened})
    assert answer.status_code == 302
    assert "Bố trí 4/6 chức danh ủy viên BCH" in text_of(client.get(f"/can-bo/?as_of={ON}"))
    page = text_of(client.get(f"/can-bo/chuc-danh/{post.pk}/"))
    assert "01/07/2025 30/11/2025 5" in page and "01/12/2025 — 6" in page
    stale = client.post(url, {"seats": 7, "valid_from": "02/12/2025", "version": opened})
    assert "Bản ghi đã được người khác sửa" in text_of(stale)
    post.refresh_from_db()
    below = client.post(url, {"seats": 3, "valid_from": "03/12/2025", "version": post.version})
    assert "có 4 người giữ chức danh Ủy viên BCH; không thể giảm định mức xuống 3" in text_of(below)
    assert list(post.quotas.order_by("valid_from").values_list("seats", flat=True)) == [5, 6]


def test_sourcing_plan_moves_the_register_split(client, small_tree, seats):
    t = small_tree
    posts, _, _ = seats
    client.force_login(t.users.a_editor)
    answer = client.post(
        f"/can-bo/chuc-danh/{posts['a_bch'].pk}/phuong-an/",
        {"planned_on": "01/12/2025", "source": SourcingPlan.Source.REINFORCEMENT, "note": ""},
    )
    assert answer.status_code == 302
    response = client.get(f"/can-bo/thieu-khuyet/?as_of={ON}")
    text = text_of(response)
    assert "Thiếu khuyết 4: 2 tự đảm bảo, 2 cần hỗ trợ, 0 chưa có phương án" in text
    row = row_text(response, "post", posts["a_bch"].pk)
    assert row.endswith("5 4 1 Cần hỗ trợ (tăng cường)")
    # Planned after the date: not yet in force on 30/11.
    text = text_of(client.get("/can-bo/thieu-khuyet/?as_of=2025-11-30"))
    assert "Thiếu khuyết 4: 2 tự đảm bảo, 1 cần hỗ trợ, 1 chưa có phương án" in text


def test_end_a_holding_through_the_form(client, small_tree, seats):
    t = small_tree
    posts, xs, _ = seats
    client.force_login(t.users.a_editor)
    held = Assignment.objects.get(post=posts["a_bch"], person=xs[3])
    url = f"/can-bo/bo-tri/{held.pk}/thoi-giu/"
    early = client.post(url, {"ends_on": "30/06/2025", "version": held.version}, follow=True)
    assert "Thôi giữ chức danh từ sau ngày: Ngày thôi giữ chức danh không thể trước" in text_of(
        early
    )
    client.post(url, {"ends_on": "30/11/2025", "version": held.version})
    page = client.get(f"/can-bo/chuc-danh/{posts['a_bch'].pk}/?as_of={ON}")
    assert "có 3 người giữ, thiếu 2" in text_of(page)
    past = re.search(r'id="past-holders">(.*?)</table>', page.content.decode(), re.S).group(1)
    assert "Cán bộ A 4" in past and "30/11/2025" in past
    assert "Thôi giữ chức danh" in text_of(page)  # the change log shows the edit
    assert "Bố trí 3/5" in text_of(client.get(f"/can-bo/bo-may/{t.a.pk}/"))


def test_create_a_post(client, small_tree, seats):
    t = small_tree
    client.force_login(t.users.a_editor)
    form = client.get(f"/can-bo/chuc-danh/them/?org={t.a.pk}&body=inspection_committee")
    assert 'value="A"' in form.content.decode()
    fields = {
        "organization": "A",
        "body": Body.INSPECTION_COMMITTEE,
        "title": "Ủy viên UBKT",
        "field": "",
        "seats": 3,
        "valid_from": "01/12/2025",
    }
    answer = client.post("/can-bo/chuc-danh/them/", fields)
    post = Post.objects.get(title="Ủy viên UBKT")
    assert answer["Location"] == f"/can-bo/chuc-danh/{post.pk}/"
    assert "Bố trí 0/3 chức danh ủy viên UBKT" in text_of(client.get(f"/can-bo/?as_of={ON}"))
    refused = client.post("/can-bo/chuc-danh/them/", {**fields, "organization": "BSECRET"})
    assert (
        "Mã tổ chức, cơ quan: Không có tổ chức mã «BSECRET» trong phạm vi anh/chị quản lý."
        in text_of(refused)
    )
    assert Post.objects.filter(title="Ủy viên UBKT").count() == 1


# Vacancy register -----------------------------------------------------------------------


def test_register_filters(client, small_tree, seats, django_assert_max_num_queries):
    t = small_tree
    posts, _, _ = seats
    client.force_login(t.users.province_admin)
    base = f"/can-bo/thieu-khuyet/?org={t.p.pk}&as_of={ON}"

    def totals(query=""):
        response = client.get(base + query)
        found = re.search(r"Thiếu khuyết \d+: [^<]*?chưa có phương án", text_of(response))
        return found.group(0), response

    with django_assert_max_num_queries(15):
        line, response = totals()
    assert line == "Thiếu khuyết 6: 3 tự đảm bảo, 1 cần hỗ trợ, 2 chưa có phương án"
    assert response.content.decode().count('<tr data-post="') == 5
    assert row_text(response, "post", posts["a_tc"].pk) == (
        "Đảng bộ xã An Mới Công chức cấp xã Công chức tài chính TW Tài chính — kế toán "
        "2 1 1 Cần hỗ trợ (tăng cường)"
    )
    assert f'href="/can-bo/chuc-danh/{posts["b_btv"].pk}/"' in response.content.decode()
    line, response = totals("&field=finance_accounting")
    assert line == "Thiếu khuyết 2: 0 tự đảm bảo, 1 cần hỗ trợ, 1 chưa có phương án"
    assert response.content.decode().count('<tr data-post="') == 2
    line, _ = totals(f"&commune={t.b.pk}")
    assert line == "Thiếu khuyết 2: 1 tự đảm bảo, 0 cần hỗ trợ, 1 chưa có phương án"
    line, _ = totals("&plan=none")
    assert line == "Thiếu khuyết 2: 0 tự đảm bảo, 0 cần hỗ trợ, 2 chưa có phương án"
    line, _ = totals("&plan=self&central=1")
    assert line == "Thiếu khuyết 2: 2 tự đảm bảo, 0 cần hỗ trợ, 0 chưa có phương án"
    line, _ = totals("&central=1")
    assert line == "Thiếu khuyết 4: 2 tự đảm bảo, 1 cần hỗ trợ, 1 chưa có phương án"
    line, response = totals("&commune=999999")
    assert "Đơn vị trực thuộc: Hãy chọn một lựa chọn hợp lệ." in text_of(response)
    assert line.startswith("Thiếu khuyết 6:")


def test_register_is_paginated(client, small_tree, seats, django_assert_max_num_queries):
    t = small_tree
    extra = Post.objects.bulk_create(
        Post(organization=t.a, body=Body.DEPARTMENT, title=f"Phó trưởng phòng {i:02d}")
        for i in range(50)
    )
    PostQuota.objects.bulk_create(
        PostQuota(post=p, seats=1, valid_from=D(2025, 7, 1)) for p in extra
    )
    client.force_login(t.users.a_viewer)
    with django_assert_max_num_queries(15):
        first = client.get(f"/can-bo/thieu-khuyet/?as_of={ON}&plan=none")
    assert "Thiếu khuyết 51: 0 tự đảm bảo, 0 cần hỗ trợ, 51 chưa có phương án" in text_of(first)
    assert first.content.decode().count('<tr data-post="') == 50 and "Trang 1/2" in text_of(first)
    second = client.get(f"/can-bo/thieu-khuyet/?as_of={ON}&plan=none&page=2")
    assert second.content.decode().count('<tr data-post="') == 1


# Mobility -------------------------------------------------------------------------------


@pytest.fixture
def moved(small_tree, seats):
    """The moves of test_seats: reinforcements from the Sở Nội vụ on 15/07, 01/11 (to B1) and
    10/12; a transfer A → B on 01/08 decided by commune A."""
    t = small_tree
    department = org_services.organization_establish(
        code="SNV",
        name="Sở Nội vụ",
        kind=Kind.STATE_AGENCY,
        parent=t.p,
        established_on=D(2025, 7, 1),
        decision=t.decision,
    )
    for kind, origin, destination, start, decided_by in [
        (MoveKind.REINFORCEMENT, department, t.a, D(2025, 7, 15), t.p),
        (MoveKind.REINFORCEMENT, department, t.b1, D(2025, 11, 1), t.p),
        (MoveKind.REINFORCEMENT, department, t.a, D(2025, 12, 10), t.p),
        (MoveKind.TRANSFER, t.a, t.b, D(2025, 8, 1), t.a),
    ]:
        Move.objects.create(
            person=person(f"Điều động {start:%d/%m}"),
            kind=kind,
            origin=origin,
            destination=destination,
            starts_on=start,
            decided_by=decided_by,
            decision=t.decision,
        )


def test_mobility_register_counts_and_filters(
    client, small_tree, moved, django_assert_max_num_queries
):
    t = small_tree
    client.force_login(t.users.province_admin)
    base = f"/can-bo/dieu-dong/?org={t.p.pk}"
    figure = "&kind=reinforcement&origin_level=province&destination_level=commune"
    with django_assert_max_num_queries(12):
        response = client.get(f"{base}{figure}&as_of=2025-12-02")
    text = text_of(response)
    assert "Tăng cường: lũy kế từ 01/07/2025 đến 02/12/2025: 2 trường hợp" in text
    assert "Điều động 15/07 Tăng cường Sở Nội vụ Đảng bộ xã An Mới 15/07/2025" in text
    assert "Chi bộ ấp Bí Mật Bê Một" in text
    text = text_of(client.get(f"{base}{figure}&as_of=2025-12-31"))
    assert "đến 31/12/2025: 3 trường hợp" in text
    text = text_of(client.get(f"{base}{figure}&since=01/08/2025&as_of=2025-12-31"))
    assert "lũy kế từ 01/08/2025 đến 31/12/2025: 2 trường hợp" in text
    text = text_of(client.get(f"{base}&kind=transfer&commune_decided=1&as_of={ON}"))
    assert "Điều động: lũy kế từ 01/07/2025 đến 04/12/2025: 1 trường hợp" in text
    text = text_of(client.get(f"{base}&commune_decided=0&as_of={ON}"))
    assert "Lũy kế từ 01/07/2025 đến 04/12/2025: 2 trường hợp" in text
    response = client.get(f"{base}&as_of={ON}")
    assert "Lũy kế từ 01/07/2025 đến 04/12/2025: 3 trường hợp" in text_of(response)
    assert 'name="since" value="01/07/2025"' in response.content.decode()
    # A commune sees the moves into its own subtree only.
    client.force_login(t.users.a_viewer)
    text = text_of(client.get("/can-bo/dieu-dong/?as_of=2025-12-31"))
    assert "Lũy kế từ 01/07/2025 đến 31/12/2025: 2 trường hợp" in text
    assert "Bí Mật Bê" not in text


def test_record_a_move_and_the_rotation_refusal(client, small_tree, seats):
    t = small_tree
    _, xs, _ = seats
    Person.objects.filter(pk=xs[1].pk).update(date_of_birth=D(1968, 5, 5))  # retires 05/05/2030
    client.force_login(t.users.a_editor)
    url = f"/can-bo/dieu-dong/them/?as_of={ON}"
    fields = {
        "kind": MoveKind.ROTATION,
        "origin": "A",
        "destination": "A1",
        "decided_by": "A",
        "starts_on": "01/09/2025",
        "planned_end": "",
        "purpose": "development",
        "special_case": "",
        **cite(decision_signed_on="20/08/2025"),
    }
    refused = client.post(url, {**fields, "person": xs[1].pk})
    text = text_of(refused)
    assert (
        "Cán bộ A 2 nghỉ hưu ngày 05/05/2030, không còn đủ 10 năm công tác từ ngày luân chuyển "
        "01/09/2025 (Quy định 65-QĐ/TW ngày 28/4/2022 về luân chuyển cán bộ, Điều 5)" in text
    )
    assert f'id="picked-{xs[1].pk}" checked' in refused.content.decode()
    assert not Move.objects.exists()
    elsewhere = client.post(url, {**fields, "person": xs[0].pk, "destination": "BSECRET"})
    assert "Mã đơn vị đến: Không có tổ chức mã «BSECRET» trong phạm vi anh/chị quản lý." in text_of(
        elsewhere
    )
    special = {**fields, "person": xs[1].pk, "special_case": "Thường trực Thành ủy đồng ý"}
    answer = client.post(url, special)
    move = Move.objects.get()
    assert answer["Location"] == f"/can-bo/dieu-dong/{move.pk}/"
    page = text_of(client.get(answer["Location"]))
    assert "Từ đơn vị Đảng bộ xã An Mới Đến đơn vị Chi bộ ấp An Một" in page
    assert "Trường hợp đặc biệt Thường trực Thành ủy đồng ý" in page


def test_end_a_move(client, small_tree, seats):
    t = small_tree
    _, xs, _ = seats
    move = move_record(
        person=xs[0],
        kind=MoveKind.TRANSFER,
        origin=t.a,
        destination=t.a1,
        starts_on=D(2025, 9, 1),
        decided_by=t.a,
        decision=t.decision,
    )
    client.force_login(t.users.a_editor)
    url = f"/can-bo/dieu-dong/{move.pk}/"
    assert "move-end-form" in client.get(url).content.decode()
    early = client.post(url + "ket-thuc/", {"ended_on": "01/08/2025", "version": 1}, follow=True)
    assert (
        "Ngày kết thúc thực tế: Ngày kết thúc không thể trước ngày bắt đầu 01/09/2025."
        in text_of(early)
    )
    client.post(url + "ket-thuc/", {"ended_on": "01/11/2025", "version": move.version})
    move.refresh_from_db()
    assert move.ended_on == D(2025, 11, 1)
    page = client.get(url)
    assert "Kết thúc thực tế 01/11/2025" in text_of(page)
    assert "move-end-form" not in page.content.decode()
    client.force_login(t.users.a_viewer)
    assert "move-end-form" not in client.get(url).content.decode()


# Career and alerts ----------------------------------------------------------------------


def test_career_timeline_with_retirement_and_flags(client, small_tree, seats):
    t = small_tree
    _, xs, _ = seats
    move_record(
        person=xs[0],
        kind=MoveKind.TRANSFER,
        origin=t.a,
        destination=t.a1,
        starts_on=D(2025, 9, 1),
        decided_by=t.a,
        decision=t.decision,
    )
    client.force_login(t.users.a_viewer)
    response = client.get(f"/can-bo/ca-nhan/{xs[0].pk}/?as_of={ON}")
    text = text_of(response)
    assert "nghỉ hưu ngày 01/01/2042" in text
    rows = re.findall(r'<tr class="(assignment|move)">(.*?)</tr>', response.content.decode(), re.S)
    assert [
        (kind, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cells)).split(" 99-QĐ")[0].strip())
        for kind, cells in rows
    ] == [
        ("assignment", "01/07/2025 — Bầu: Ủy viên BCH Đảng bộ xã An Mới"),
        ("assignment", "01/07/2025 — Bầu: Ủy viên BTV Đảng bộ xã An Mới"),
        ("move", "01/09/2025 — Điều động Đảng bộ xã An Mới → Chi bộ ấp An Một"),
    ]
    assert "quá ngày nghỉ hưu" not in text  # retires in 2042, after the terms end
    # x5's appointment (01/07/2025 – 30/06/2030) is due from 25/02/2030.
    text = text_of(client.get(f"/can-bo/ca-nhan/{xs[4].pk}/?as_of=2030-03-01"))
    assert "đến hạn xem xét bổ nhiệm lại (hết thời hạn ngày 30/06/2030)" in text
    assert "quá ngày nghỉ hưu" not in text


def test_career_hides_holdings_outside_the_scope(client, small_tree, seats):
    t = small_tree
    posts, xs, _ = seats
    assignment_create(
        person=xs[4],
        post=posts["b_tc"],
        kind="concurrent",
        starts_on=D(2025, 11, 1),
        decision=t.decision,
    )
    client.force_login(t.users.a_viewer)
    text = text_of(client.get(f"/can-bo/ca-nhan/{xs[4].pk}/?as_of={ON}"))
    assert "Công chức tài chính Đảng bộ xã An Mới" in text and "Bí Mật Bê" not in text
    assert "Còn 1 quá trình công tác tại đơn vị ngoài phạm vi anh/chị được xem." in text
    client.force_login(t.users.province_admin)
    text = text_of(client.get(f"/can-bo/ca-nhan/{xs[4].pk}/?as_of={ON}"))
    assert "Kiêm nhiệm: Công chức tài chính Đảng bộ xã Bí Mật Bê" in text


def test_alert_lists_with_their_rules(client, small_tree, seats, django_assert_max_num_queries):
    t = small_tree
    home = AdministrativeUnit.objects.create(
        generation="2025", level="commune", code="90001", key="x_90001", unit_type="Xã",
        name="Xã An", short_name="An", valid_from=BEGINNING, valid_to=END_OF_TIME,
    )  # fmt: skip
    t.a.administrative_unit = home
    t.a.save(update_fields=["administrative_unit"])
    secretary = Post.objects.create(organization=t.a, body=Body.STANDING_COMMITTEE, title="Bí thư")
    PostQuota.objects.create(post=secretary, seats=1, valid_from=D(2025, 7, 1))
    local = Person.objects.create(
        full_name="Bí thư Người Làng", sex="female", date_of_birth=D(1975, 1, 1), hometown=home
    )
    assignment_create(
        person=local,
        post=secretary,
        kind="designation",
        starts_on=D(2025, 7, 1),
        decision=t.decision,
    )
    client.force_login(t.users.province_admin)
    with django_assert_max_num_queries(14):
        response = client.get(f"/can-bo/canh-bao/?org={t.p.pk}&as_of={ON}")
    text = text_of(response)
    assert "Quy định 80-QĐ/TW (2022)" in text and "Nghị định 135/2020/NĐ-CP, Điều 4" in text
    # The fixture's holders retire in 2042; the secretary on 01/05/2035, after her term.
    assert "Thời hạn giữ chức danh quá ngày nghỉ hưu (0)" in text
    assert "Bí thư là người địa phương (1) " in text
    assert "Bí thư Người Làng Bí thư Đảng bộ xã An Mới 01/07/2025" in text
    assert "Đến hạn xem xét bổ nhiệm lại (0)" in text
    overview = text_of(client.get(f"/can-bo/?org={t.p.pk}&as_of={ON}"))
    assert "Bí thư là người địa phương: 1" in overview


def test_person_search_stays_in_scope(client, small_tree, seats):
    t = small_tree
    _, xs, _ = seats
    client.force_login(t.users.a_editor)
    html = client.get(f"/ca-nhan/chon/?q=can bo&as_of={ON}").content.decode()
    assert f'value="{xs[0].pk}"' in html and "Cán bộ A 1" in html and "Cán bộ B" not in html
    assert "Cán bộ" not in client.get("/ca-nhan/chon/?q=c").content.decode()
    none = client.get("/ca-nhan/chon/?q=bí mật").content.decode()
    assert "Không tìm thấy" in none


# Scope ----------------------------------------------------------------------------------


def test_commune_a_gets_404_on_commune_b(client, small_tree, seats):
    t = small_tree
    posts, _, ys = seats
    move = move_record(
        person=ys[0],
        kind=MoveKind.TRANSFER,
        origin=t.b1,
        destination=t.b,
        starts_on=D(2025, 9, 1),
        decided_by=t.b,
        decision=t.decision,
    )
    held = Assignment.objects.filter(post=posts["b_bch"]).first()
    post = posts["b_btv"]
    client.force_login(t.users.a_admin)
    for url in (
        f"/can-bo/?org={t.b.pk}",
        f"/can-bo/bo-may/{t.b.pk}/",
        f"/can-bo/chuc-danh/{post.pk}/",
        f"/can-bo/thieu-khuyet/?org={t.b.pk}",
        f"/can-bo/dieu-dong/?org={t.b.pk}",
        f"/can-bo/canh-bao/?org={t.b.pk}",
        f"/can-bo/dieu-dong/{move.pk}/",
        f"/can-bo/ca-nhan/{ys[0].pk}/?as_of={ON}",
    ):
        assert client.get(url).status_code == 404, url
    for url, data in (
        (f"/can-bo/chuc-danh/{post.pk}/dinh-muc/", {"seats": 5, "valid_from": "01/12/2025"}),
        (f"/can-bo/chuc-danh/{post.pk}/phuong-an/", {"planned_on": "01/12/2025", "source": "self"}),
        (f"/can-bo/chuc-danh/{post.pk}/bo-tri/", {"person": ys[1].pk, "kind": "election"}),
        (f"/can-bo/bo-tri/{held.pk}/thoi-giu/", {"ends_on": "01/12/2025", "version": 1}),
        (f"/can-bo/dieu-dong/{move.pk}/ket-thuc/", {"ended_on": "01/12/2025", "version": 1}),
    ):
        assert client.post(url, data).status_code == 404, url
    filtered = client.get(f"/can-bo/thieu-khuyet/?commune={t.b.pk}&as_of={ON}")
    assert "Bí Mật Bê" not in filtered.content.decode()
    assert not SourcingPlan.objects.filter(post=post, planned_on=D(2025, 12, 1)).exists()


def test_viewer_cannot_write(client, small_tree, seats):
    t = small_tree
    posts, xs, _ = seats
    client.force_login(t.users.a_viewer)
    assert client.get("/can-bo/chuc-danh/them/").status_code == 404
    assert client.get("/can-bo/dieu-dong/them/").status_code == 404
    url = f"/can-bo/chuc-danh/{posts['a_bch'].pk}/"
    page = client.get(url).content.decode()
    assert "assign-form" not in page and "quota-form" not in page
    data = {"person": xs[4].pk, "kind": "election", "starts_on": "04/12/2025", **cite()}
    assert client.post(url + "bo-tri/", data).status_code == 404
    assert Assignment.objects.filter(post=posts["a_bch"]).count() == 4


def test_member_page_links_to_the_career(client, small_tree):
    from tochuc.cards.tests.conftest import full_member

    member = full_member("Đảng viên Có Lý Lịch", small_tree.a1, card="C-1")
    client.force_login(small_tree.users.a_viewer)
    html = client.get(f"/dang-vien/{member.pk}/").content.decode()
    assert f'href="/can-bo/ca-nhan/{member.pk}/"' in html
    assert client.get(f"/can-bo/ca-nhan/{member.pk}/").status_code == 200
