"""REST API of congresses: figures hand-counted (table in test_figures.py), round trips
through the services, refusals as 400 {"detail": [...]} with the rule's message, optimistic
locks, and scope."""

import datetime as dt

import pytest

from tochuc.congresses import services
from tochuc.congresses.models import CommitteeMember, Congress, Delegate

D = dt.date
ON = "2025-12-04"
RECORD = {"number": "02-BB/ĐH", "signed_on": "16/10/2025", "issuer": "Đại hội Đảng bộ xã An Mới"}
pytestmark = pytest.mark.django_db


def post_json(client, url, data):
    return client.post(url, data, content_type="application/json")


def patch_json(client, url, data):
    return client.patch(url, data, content_type="application/json")


def test_list_and_figures_of_the_province(client, small_tree, congress_2025):
    t = small_tree
    client.force_login(t.users.province_admin)
    data = client.get(f"/api/congresses/?org={t.p.pk}&as_of={ON}").json()
    rows = {row["ordinal"]: row for row in data["results"]}
    assert set(rows) == {"I", "XV"}
    row = rows["I"]
    assert (row["organization_name"], row["term"], row["kind"], row["members"]) == (
        "Đảng bộ xã An Mới",
        "2025-2030",
        "regular",
        7,
    )
    assert (row["delegates_summoned"], row["delegates_present"], row["delegates_listed"]) == (
        12,
        11,
        3,
    )
    assert row["seats"]["executive_committee"] == {
        "approved": 7, "elected": 5, "vacant": 2, "text": "7 (khuyết 2)",
    }  # fmt: skip
    assert rows["XV"]["seats"]["officers"]["text"] == "2 (khuyết 1)"
    only_2020 = client.get(f"/api/congresses/?org=P&term=2020–2025&as_of={ON}").json()
    assert [r["ordinal"] for r in only_2020["results"]] == ["XV"]
    figures = client.get(f"/api/congresses/figures/?org={t.p.pk}&as_of={ON}").json()
    assert (figures["count"], figures["regular"], figures["delegates_summoned"]) == (2, 2, 52)
    assert (figures["delegates_present"], figures["delegates_listed"]) == (49, 5)
    assert figures["seats"]["executive_committee"]["text"] == "12 (khuyết 4)"
    assert figures["seats"]["inspection_committee"]["text"] == "3 (khuyết 2)"
    assert sorted(figures["congresses"]) == sorted(Congress.objects.values_list("pk", flat=True))
    period = client.get(f"/api/congresses/figures/?org=P&start=2025-01-01&as_of={ON}").json()
    assert (period["count"], period["congresses"]) == (1, [congress_2025.pk])
    client.force_login(t.users.b_editor)
    mine = client.get(f"/api/congresses/figures/?as_of={ON}").json()
    assert (mine["organization"], mine["count"]) == (t.b.pk, 0)
    assert client.get(f"/api/congresses/{congress_2025.pk}/").status_code == 404


def test_detail_with_the_report_line_committee_members_and_targets(
    client, small_tree, congress_2025
):
    client.force_login(small_tree.users.a_viewer)
    target = services.target_create(
        congress=congress_2025, name="Kết nạp", unit="đảng viên", target_value=120
    )
    services.progress_record(target=target, on=D(2025, 12, 1), value=30)
    data = client.get(f"/api/congresses/{congress_2025.pk}/?as_of={ON}").json()
    assert data["sentence"] == (
        "Đại hội: 12 đại biểu, 7 đảng viên, 1 tổ chức cơ sở đảng (0 đảng bộ bộ phận, 1 chi bộ); "
        "BCH 7 (khuyết 2), BTV 3 (khuyết 0)"
    )
    assert data["vote_record"] == "02-BB/ĐH ngày 16/10/2025 của Đại hội Đảng bộ xã An Mới"
    assert data["delegates_by_kind"] == {
        "elected": 2, "ex_officio": 1, "designated": 0, "total": 3,
    }  # fmt: skip
    assert data["organizations"]["grassroots"] == 1
    bodies = {b["body"]: b for b in data["committee"]}
    assert bodies["standing_committee"]["figure"]["text"] == "3 (khuyết 0)"
    assert [p["role"] for p in bodies["standing_committee"]["posts"]] == [
        "secretary",
        "deputy_secretary",
        "standing_member",
    ]
    members = {(m["person_name"], m["role"]): m for m in data["committee_members"]}
    assert len(members) == 9
    flagged = members[("Xa Hai", "executive_member")]
    assert flagged["age"]["standing"] == "Tái cử" and flagged["age"]["months_left"] == 29
    assert flagged["age"]["flag"].startswith("Xa Hai (tái cử) nghỉ hưu ngày 15/12/2027")
    assert flagged["exception"] == "Ban Thường vụ Thành ủy đồng ý (Công văn 15-CV/TU)"
    assert members[("Xuân Một", "secretary")]["age"] is None
    (shown,) = data["targets"]
    assert (shown["latest_value"], shown["percent"], shown["met"]) == ("30.00", "25,00%", False)


def test_create_edit_and_refusals(client, small_tree):
    t = small_tree
    client.force_login(t.users.a_editor)
    body = {
        "organization": "A",
        "term": "2025-2030",
        "opened_on": "15/10/2025",
        "closed_on": "2025-10-16",
        "delegates_summoned": 12,
    }
    outside = post_json(client, "/api/congresses/", body | {"organization": "BSECRET"})
    assert outside.status_code == 400 and "organization" in outside.json()
    created = post_json(client, "/api/congresses/", body)
    assert created.status_code == 201, created.json()
    data = created.json()
    assert (data["term"], data["members"], data["version"]) == ("2025-2030", 0, 1)
    again = post_json(client, "/api/congresses/", body)
    assert again.status_code == 400
    assert again.json()["detail"] == [
        "Nhiệm kỳ 2025-2030: «Đảng bộ xã An Mới» đã có đại hội thường kỳ; hãy ghi nhận đại hội "
        "bất thường."
    ]
    url = f"/api/congresses/{data['id']}/"
    edited = patch_json(client, url, {"delegates_present": 11, "version": 1})
    assert edited.status_code == 200 and edited.json()["delegates_present"] == 11
    stale = patch_json(client, url, {"delegates_present": 10, "version": 1})
    assert (
        stale.status_code == 400 and "Bản ghi đã được người khác sửa" in stale.json()["detail"][0]
    )
    client.force_login(t.users.a_viewer)
    assert post_json(client, "/api/congresses/", body).status_code == 403


def test_sizes_and_an_election_all_or_none(client, small_tree, people, congress_2020):
    t, p = small_tree, people
    client.force_login(t.users.a_editor)
    congress = services.congress_create(
        organization=t.a, term="2025-2030", opened_on=D(2025, 10, 15),
        closed_on=D(2025, 10, 16), delegates_summoned=9,
    )  # fmt: skip
    url = f"/api/congresses/{congress.pk}/"
    sizes = {"executive_size": 5, "standing_size": 3, "inspection_size": 0}
    sized = post_json(client, url + "sizes/", sizes | {"deputy_secretaries": 1, "version": 1})
    assert sized.status_code == 200
    assert sized.json()["committee"][0]["figure"]["text"] == "5 (khuyết 5)"
    bad = post_json(client, url + "sizes/", sizes | {"deputy_secretaries": 3})
    assert bad.json()["detail"][0].startswith("Số lượng Phó Bí thư: Bí thư và 3 Phó Bí thư")
    election = {
        "role": "executive_member",
        "elected": [{"person": p.y1.pk}, {"person": p.x2.pk}],
        "vote_record": RECORD,
    }
    refused = post_json(client, url + "election/", election)
    assert refused.status_code == 400
    (message,) = refused.json()["detail"]
    assert message.startswith("Xa Hai (tái cử) nghỉ hưu ngày 15/12/2027, còn 29 tháng")
    assert not CommitteeMember.objects.filter(congress=congress).exists()
    election["elected"][1]["exception"] = "Thành ủy đồng ý"
    done = post_json(client, url + "election/", election)
    assert done.status_code == 201, done.json()
    assert [(m["person_name"], m["age"]["standing"]) for m in done.json()] == [
        ("Yên Một", "Lần đầu tham gia"),
        ("Xa Hai", "Tái cử"),
    ]
    secretary = post_json(
        client, url + "election/", {"role": "secretary", "elected": [{"person": p.z1.pk}]}
    )
    assert "Zung Một chưa là ủy viên Ban Chấp hành" in secretary.json()["detail"][0]
    outsider = post_json(
        client, url + "election/", {"role": "secretary", "elected": [{"person": 999999}]}
    )
    assert outsider.status_code == 400 and "person" in outsider.json()


def test_delegates_members_and_targets(client, small_tree, people, congress_2025):
    t, p = small_tree, people
    client.force_login(t.users.a_editor)
    listed = client.get(f"/api/congress-delegates/?congress={congress_2025.pk}").json()
    assert [d["person_name"] for d in listed["results"]] == ["Xem Ba", "Xuân Một", "Yên Một"]
    refused = post_json(
        client,
        "/api/congress-delegates/",
        {"congress": congress_2025.pk, "person": p.p1.pk, "kind": "elected"},
    )
    assert refused.status_code == 400
    assert refused.json()["detail"][0].startswith("Dự Một là đảng viên dự bị vào ngày 15/10/2025")
    added = post_json(
        client,
        "/api/congress-delegates/",
        {"congress": congress_2025.pk, "person": p.z1.pk, "kind": "designated"},
    )
    assert added.status_code == 201 and added.json()["kind_label"] == "Đại biểu chỉ định"
    assert client.delete(f"/api/congress-delegates/{added.json()['id']}/").status_code == 204
    assert not Delegate.objects.filter(person=p.z1).exists()
    members = client.get(
        f"/api/congress-members/?congress={congress_2025.pk}&role=executive_member"
    ).json()["results"]
    flags = {m["person_name"]: bool(m["age"]["flag"]) for m in members}
    assert flags == {
        "Xuân Một": False, "Xa Hai": True, "Xem Ba": False, "Yên Một": False, "Yến Hai": True,
    }  # fmt: skip
    target = post_json(
        client,
        "/api/congress-targets/",
        {"congress": congress_2025.pk, "name": "Hộ nghèo", "unit": "%", "target_value": "1.5",
         "direction": "at_most"},
    )  # fmt: skip
    assert target.status_code == 201, target.json()
    target_url = f"/api/congress-targets/{target.json()['id']}/"
    entry = post_json(client, target_url + "progress/", {"on": "31/12/2026", "value": "1.2"})
    assert entry.status_code == 201
    late = post_json(client, target_url + "progress/", {"on": "31/12/2026", "value": "1"})
    assert late.json()["detail"] == ["Đến ngày: chỉ tiêu đã có kết quả ngày 31/12/2026."]
    shown = client.get(target_url + "?as_of=2027-01-01").json()
    assert (shown["latest_value"], shown["percent"], shown["met"]) == ("1.20", "80,00%", True)
    assert client.get(target_url + "?as_of=2026-01-01").json()["percent"] == "—"
    renamed = patch_json(client, target_url, {"name": "Tỷ lệ hộ nghèo", "version": 1})
    assert renamed.json()["name"] == "Tỷ lệ hộ nghèo"
