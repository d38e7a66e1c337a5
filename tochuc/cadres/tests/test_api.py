"""REST API of posts and seats: figures hand-computed (table in test_seats.py), round trips
through the services, refusals with the rule's message, optimistic locks, and scope.

On 04/12/2025 the province has BCH 8/9, BTV 4/5 and 6 vacancies = 3 self-sourced + 1 needing
support + 2 unplanned; commune A alone has 4 = 2 + 1 + 1.
"""

import datetime as dt

import pytest

from tochuc.cadres.models import Assignment, Move, MoveKind, Post, SourcingPlan
from tochuc.cadres.services import assignment_create, move_record
from tochuc.cadres.tests.conftest import person
from tochuc.organizations import services as org_services
from tochuc.organizations.kinds import Kind
from tochuc.people.models import Person

D = dt.date
ON = "2025-12-04"
DECISION = {"number": "12-QĐ/ĐU", "signed_on": "2025-06-25", "issuer": "Đảng ủy xã An Mới"}
pytestmark = pytest.mark.django_db


def post_json(client, url, data):
    return client.post(url, data, content_type="application/json")


# --- Figures -------------------------------------------------------------------------------


def test_seat_fill_of_the_province_and_of_a_commune(client, small_tree, seats):
    t = small_tree
    client.force_login(t.users.province_admin)
    bch = client.get(f"/api/posts/fill/?org={t.p.pk}&as_of={ON}&body=executive_committee").json()
    assert (bch["holdings"], bch["people"], bch["quota"], bch["text"]) == (8, 8, 9, "8/9")
    btv = client.get("/api/posts/fill/?org=P&as_of=04/12/2025&body=standing_committee").json()
    assert (btv["holdings"], btv["people"], btv["quota"], btv["text"]) == (4, 4, 5, "4/5")
    before = client.get(f"/api/posts/fill/?org={t.p.pk}&as_of=2025-06-30").json()
    assert (before["quota"], before["text"], before["body"]) == (0, "0/0", "executive_committee")
    client.force_login(t.users.a_viewer)
    mine = client.get(f"/api/posts/fill/?as_of={ON}&body=standing_committee").json()
    assert (mine["organization"], mine["text"]) == (t.a.pk, "3/3")
    assert client.get("/api/posts/fill/?body=council_of_elders").status_code == 400


def test_vacancies_reconcile_and_drill_down(client, small_tree, seats):
    t = small_tree
    posts, _, _ = seats
    client.force_login(t.users.province_admin)
    url = f"/api/posts/vacancies/?org={t.p.pk}&as_of={ON}"
    data = client.get(url).json()
    figures = [data[k] for k in ("total", "self_sourced", "needs_support", "unplanned")]
    assert figures == [6, 3, 1, 2] and data["reconciles"]
    assert {r["id"]: (r["vacant"], r["plan"]) for r in data["posts"]} == {
        posts["a_bch"].pk: (1, None),
        posts["a_tc"].pk: (1, "reinforcement"),
        posts["a_dc"].pk: (2, "self"),
        posts["b_btv"].pk: (1, "self"),
        posts["b_tc"].pk: (1, None),
    }
    later = client.get(f"/api/posts/vacancies/?org={t.p.pk}&as_of=15/12/2025").json()
    assert [later[k] for k in ("self_sourced", "needs_support", "unplanned")] == [4, 0, 2]
    central = client.get(url + "&per_central_guidance=true").json()
    assert [central[k] for k in ("total", "self_sourced", "needs_support", "unplanned")] == [
        4,
        2,
        1,
        1,
    ]
    land = client.get(url + "&field=land_construction").json()
    assert (land["total"], land["self_sourced"], [r["id"] for r in land["posts"]]) == (
        2,
        2,
        [posts["a_dc"].pk],
    )
    unplanned = client.get(url + "&plan=none").json()
    assert (unplanned["total"], unplanned["unplanned"], unplanned["reconciles"]) == (2, 2, True)
    assert {r["id"] for r in unplanned["posts"]} == {posts["a_bch"].pk, posts["b_tc"].pk}
    support = client.get(url + "&plan=support").json()
    assert (support["total"], [r["id"] for r in support["posts"]]) == (1, [posts["a_tc"].pk])
    assert client.get(url + "&plan=maybe").status_code == 400
    client.force_login(t.users.a_viewer)
    mine = client.get(f"/api/posts/vacancies/?as_of={ON}").json()
    assert [mine[k] for k in ("total", "self_sourced", "needs_support", "unplanned")] == [
        4,
        2,
        1,
        1,
    ]


def test_board_lists_every_seat_with_its_holder_or_none(client, small_tree, seats):
    t = small_tree
    posts, xs, _ = seats
    client.force_login(t.users.a_viewer)
    data = client.get(f"/api/posts/board/?org=A&body=executive_committee&as_of={ON}").json()
    (row,) = data["posts"]
    assert (row["id"], row["quota"], row["holders"]) == (posts["a_bch"].pk, 5, 4)
    assert [s and s["person_name"] for s in row["seats"]] == [x.full_name for x in xs[:4]] + [None]


def test_post_list_and_detail_carry_the_figures_on_the_date(client, small_tree, seats):
    t = small_tree
    posts, xs, _ = seats
    client.force_login(t.users.a_viewer)
    rows = client.get(f"/api/posts/?as_of={ON}").json()["results"]
    assert {r["id"]: (r["quota"], r["holders"], r["vacant"]) for r in rows} == {
        posts["a_bch"].pk: (5, 4, 1),
        posts["a_btv"].pk: (3, 3, 0),
        posts["a_tc"].pk: (2, 1, 1),
        posts["a_dc"].pk: (2, 0, 2),
    }
    central = client.get("/api/posts/?per_central_guidance=true&body=civil_service").json()
    assert {r["id"] for r in central["results"]} == {posts["a_tc"].pk, posts["a_dc"].pk}
    assert [r["id"] for r in client.get("/api/posts/?q=địa chính").json()["results"]] == [
        posts["a_dc"].pk
    ]
    assert client.get(f"/api/posts/?org={t.a1.pk}").json()["count"] == 0
    detail = client.get(f"/api/posts/{posts['a_btv'].pk}/?as_of={ON}").json()
    assert (detail["quota"], detail["as_of"], detail["organization_code"]) == (3, ON, "A")
    assert [h["person_name"] for h in detail["held_by"]] == [x.full_name for x in xs[:3]]
    assert [(q["seats"], q["valid_from"], q["valid_to"]) for q in detail["quotas"]] == [
        (3, "2025-07-01", None)
    ]
    early = client.get(f"/api/posts/{posts['a_btv'].pk}/?as_of=2025-06-30").json()
    assert (early["quota"], early["held_by"]) == (0, [])


def test_suggestions_rank_the_users_own_people(client, small_tree, seats):
    t = small_tree
    posts, _, _ = seats
    client.force_login(t.users.a_editor)
    url = f"/api/posts/{posts['a_dc'].pk}/suggestions/?as_of={ON}&limit=3"
    found = client.get(url).json()
    # No coordinates, no specialty: one seat 5 points, two seats −20; ties by name.
    assert [(s["full_name"], s["score"]) for s in found] == [
        ("Cán bộ A 4", 5),
        ("Cán bộ A 5", 5),
        ("Cán bộ A 1", -20),
    ]
    assert found[0]["reasons"] == ["Đang giữ 1 chức danh"]
    assert (found[0]["distance_km"], found[0]["holdings"], found[0]["planned"]) == (None, 1, False)
    assert client.get(url.replace("limit=3", "limit=0")).status_code == 400
    assert client.get(f"/api/posts/{posts['b_tc'].pk}/suggestions/").status_code == 404


# --- Writes --------------------------------------------------------------------------------


def test_post_create_quota_assign_end_round_trip(client, small_tree, seats):
    t = small_tree
    _, xs, _ = seats
    client.force_login(t.users.a_editor)
    created = post_json(
        client,
        "/api/posts/",
        {
            "organization": "A",
            "body": "civil_service",
            "title": "Công chức tư pháp",
            "field": "justice_civil_status",
            "seats": 1,
            "valid_from": "01/07/2025",
            "per_central_guidance": True,
            "decision": DECISION,
        },
    )
    assert created.status_code == 201, created.content
    post = created.json()
    assert (post["organization"], post["quota"], post["vacant"], post["version"]) == (
        t.a.pk,
        1,
        1,
        1,
    )
    assert Post.objects.get(pk=post["id"]).quotas.get().decision.number == "12-QĐ/ĐU"
    url = f"/api/posts/{post['id']}/"

    raised = post_json(
        client, url + "quota/", {"seats": 2, "valid_from": "2026-01-01", "version": 1}
    )
    assert raised.status_code == 200, raised.content
    assert [(q["seats"], q["valid_to"]) for q in raised.json()["quotas"]] == [
        (1, "2025-12-31"),
        (2, None),
    ]
    assert raised.json()["version"] == 2
    stale = post_json(
        client, url + "quota/", {"seats": 3, "valid_from": "2026-02-01", "version": 1}
    )
    assert stale.status_code == 400
    assert "người khác sửa" in stale.json()["detail"][0]
    earlier = post_json(client, url + "quota/", {"seats": 3, "valid_from": "2025-12-01"})
    assert earlier.json()["detail"] == [
        "Đã có định mức từ ngày 01/01/2026; không thể đặt định mức từ một ngày trước đó."
    ]

    assigned = post_json(
        client,
        "/api/assignments/",
        {
            "person": xs[4].pk,
            "post": post["id"],
            "kind": "appointment",
            "starts_on": "2025-12-01",
            "decision": DECISION,
        },
    )
    assert assigned.status_code == 201, assigned.content
    held = assigned.json()
    # An appointment without an end runs 5 years (rule appointment_term).
    assert (held["valid_from"], held["valid_to"], held["kind_label"]) == (
        "2025-12-01",
        "2030-11-30",
        "Bổ nhiệm",
    )
    full = client.get(f"/api/posts/fill/?body=civil_service&as_of={ON}").json()
    assert full["text"] == "2/5" and full["people"] == 1  # x5 holds two seats

    end_url = f"/api/assignments/{held['id']}/end/"
    ended = post_json(client, end_url, {"ends_on": "31/12/2025", "version": held["version"]})
    assert ended.status_code == 200, ended.content
    assert (ended.json()["valid_to"], ended.json()["version"]) == ("2025-12-31", 2)
    stale = post_json(client, end_url, {"ends_on": "2025-12-30", "version": 1})
    assert stale.status_code == 400 and Assignment.objects.get(pk=held["id"]).valid_to == D(
        2025, 12, 31
    )
    vacant_again = client.get(f"{url}?as_of=2026-01-01").json()
    assert (vacant_again["quota"], vacant_again["holders"], vacant_again["vacant"]) == (2, 0, 2)


def test_assignment_refused_when_the_quota_is_full(client, small_tree, seats):
    t = small_tree
    posts, xs, _ = seats
    client.force_login(t.users.a_editor)
    response = post_json(
        client,
        "/api/assignments/",
        {
            "person": xs[4].pk,
            "post": posts["a_btv"].pk,
            "kind": "designation",
            "starts_on": "2025-12-01",
            "decision": DECISION,
        },
    )
    assert response.status_code == 400
    assert "chỉ có 3 chỗ từ 01/12/2025" in response.json()["detail"][0]
    assert not Assignment.objects.filter(person=xs[4], post=posts["a_btv"]).exists()


def test_assignment_of_a_newcomer_creates_the_record(client, small_tree, seats):
    t = small_tree
    posts, xs, _ = seats
    client.force_login(t.users.a_editor)
    body = {"post": posts["a_dc"].pk, "kind": "assignment", "starts_on": "2025-12-01",
            "decision": DECISION}  # fmt: skip
    both = post_json(client, "/api/assignments/", {**body, "person": xs[4].pk,
                     "new_person": {"full_name": "Lê Thị Mới", "sex": "female",
                                    "date_of_birth": "1996-04-05"}})  # fmt: skip
    assert both.status_code == 400 and "person" in both.json()
    created = post_json(
        client,
        "/api/assignments/",
        {**body, "new_person": {"full_name": "Lê Thị Mới", "sex": "female",
                                "date_of_birth": "05/04/1996", "specialty": "land_construction"}},
    )  # fmt: skip
    assert created.status_code == 201, created.json()
    newcomer = Person.objects.get(full_name="Lê Thị Mới")
    assert (newcomer.date_of_birth, newcomer.specialty) == (D(1996, 4, 5), "land_construction")
    assert Assignment.objects.get(person=newcomer).post == posts["a_dc"]


def test_assignment_list_filters(client, small_tree, seats):
    t = small_tree
    posts, xs, _ = seats
    client.force_login(t.users.a_viewer)
    everything = client.get("/api/assignments/?limit=50").json()
    assert everything["count"] == 8  # A: 4 BCH + 3 BTV + 1 civil servant
    by_person = client.get(f"/api/assignments/?person={xs[0].pk}").json()["results"]
    assert {r["post"] for r in by_person} == {posts["a_bch"].pk, posts["a_btv"].pk}
    appointed = client.get("/api/assignments/?kind=appointment").json()["results"]
    assert [(r["person_name"], r["valid_to"]) for r in appointed] == [("Cán bộ A 5", "2030-06-30")]
    assert client.get("/api/assignments/?as_of=2025-06-30").json()["count"] == 0
    assert (
        client.get(f"/api/assignments/?org=A&as_of={ON}&post={posts['a_btv'].pk}").json()["count"]
        == 3
    )


def test_sourcing_plan_changes_the_split(client, small_tree, seats):
    t = small_tree
    posts, _, _ = seats
    client.force_login(t.users.a_editor)
    created = post_json(
        client,
        "/api/sourcing-plans/",
        {"post": posts["a_bch"].pk, "planned_on": "2025-12-01", "source": "secondment"},
    )
    assert created.status_code == 201, created.content
    assert (created.json()["needs_support"], created.json()["source_label"]) == (
        True,
        "Cần thành phố biệt phái",
    )
    mine = client.get(f"/api/posts/vacancies/?as_of={ON}").json()
    assert [mine[k] for k in ("total", "self_sourced", "needs_support", "unplanned")] == [
        4,
        2,
        2,
        0,
    ]
    listed = client.get(f"/api/sourcing-plans/?post={posts['a_tc'].pk}").json()["results"]
    assert [r["planned_on"] for r in listed] == ["2025-12-10", "2025-09-01"]
    assert client.get("/api/sourcing-plans/?org=A").json()["count"] == 4
    bad = post_json(
        client,
        "/api/sourcing-plans/",
        {"post": posts["a_bch"].pk, "planned_on": "2025-12-01", "source": "lottery"},
    )
    assert bad.status_code == 400


def _senior_in_a(tree, posts):
    """A man born 01/01/1970 (retires 01/01/2032) holding a seat of commune A."""
    senior = Person.objects.create(full_name="Luân Chuyển", sex="male", date_of_birth=D(1970, 1, 1))
    assignment_create(
        person=senior, post=posts["a_dc"], kind="designation", starts_on=D(2025, 7, 1),
        decision=tree.decision,
    )  # fmt: skip
    return senior


def test_move_round_trip_and_refused_rotation(client, small_tree, seats):
    t = small_tree
    posts, xs, _ = seats
    senior = _senior_in_a(t, posts)
    client.force_login(t.users.a_editor)
    rotation = {
        "person": senior.pk,
        "kind": "rotation",
        "origin": t.a.pk,
        "destination": "A1",
        "decided_by": "A",
        "starts_on": "2025-09-01",
        "decision": DECISION,
    }
    refused = post_json(client, "/api/moves/", rotation)
    assert refused.status_code == 400
    (message,) = refused.json()["detail"]
    assert "nghỉ hưu ngày 01/01/2032" in message and "Quy định 65-QĐ/TW" in message
    assert not Move.objects.filter(person=senior).exists()
    special = {**rotation, "special_case": "Ban Thường vụ quyết định ngày 20/08/2025"}
    created = post_json(client, "/api/moves/", special)
    assert created.status_code == 201, created.content
    move = created.json()
    assert (move["kind_label"], move["origin_name"], move["destination_name"]) == (
        "Luân chuyển",
        "Đảng bộ xã An Mới",
        "Chi bộ ấp An Một",
    )
    end_url = f"/api/moves/{move['id']}/end/"
    ended = post_json(client, end_url, {"ended_on": "2025-12-01", "version": 1})
    assert (ended.status_code, ended.json()["ended_on"], ended.json()["version"]) == (
        200,
        "2025-12-01",
        2,
    )
    stale = post_json(client, end_url, {"ended_on": "2025-12-02", "version": 1})
    assert stale.status_code == 400
    too_early = post_json(client, end_url, {"ended_on": "2025-08-01"})
    assert "không thể trước ngày bắt đầu 01/09/2025" in too_early.json()["detail"][0]
    transfer = {**rotation, "person": xs[0].pk, "kind": "transfer", "starts_on": "2025-10-01"}
    assert post_json(client, "/api/moves/", transfer).status_code == 201


def test_career_lists_assignments_and_moves_oldest_first(client, small_tree, seats):
    t = small_tree
    _, xs, ys = seats
    move_record(
        person=xs[0], kind=MoveKind.TRANSFER, origin=t.a, destination=t.a1,
        starts_on=D(2025, 9, 1), decided_by=t.a, decision=t.decision,
    )  # fmt: skip
    client.force_login(t.users.a_viewer)
    data = client.get(f"/api/assignments/career/?person={xs[0].pk}").json()
    assert data["full_name"] == "Cán bộ A 1"
    assert [
        (e["entry"], e["starts_on"], e["post_title"] or e["destination_name"])
        for e in data["entries"]
    ] == [
        ("assignment", "2025-07-01", "Ủy viên BCH"),
        ("assignment", "2025-07-01", "Ủy viên BTV"),
        ("move", "2025-09-01", "Chi bộ ấp An Một"),
    ]
    assert data["entries"][0]["organization_name"] == "Đảng bộ xã An Mới"
    assert client.get(f"/api/assignments/career/?person={ys[0].pk}").status_code == 404
    assert client.get("/api/assignments/career/").status_code == 400


# --- Mobility figures ----------------------------------------------------------------------


@pytest.fixture
def mobility(small_tree):
    """The moves of test_seats: reinforcements from a province department to communes on
    15/07, 01/11 (into B's cell) and 10/12/2025; a transfer A → B decided by A on 01/08."""
    t = small_tree
    department = org_services.organization_establish(
        code="SNV", name="Sở Nội vụ", kind=Kind.STATE_AGENCY, parent=t.p,
        established_on=D(2025, 7, 1), decision=t.decision,
    )  # fmt: skip
    for kind, origin, destination, start, decided_by in (
        (MoveKind.REINFORCEMENT, department, t.a, D(2025, 7, 15), t.p),
        (MoveKind.REINFORCEMENT, department, t.b1, D(2025, 11, 1), t.p),
        (MoveKind.REINFORCEMENT, department, t.a, D(2025, 12, 10), t.p),
        (MoveKind.TRANSFER, t.a, t.b, D(2025, 8, 1), t.a),
    ):
        Move.objects.create(
            person=person(f"Điều động {start}"), kind=kind, origin=origin,
            destination=destination, starts_on=start, decided_by=decided_by,
            decision=t.decision,
        )  # fmt: skip
    return department


def test_reinforcements_counted_cumulatively(client, small_tree, mobility):
    t = small_tree
    client.force_login(t.users.province_admin)
    query = (
        f"kind=reinforcement&since=2025-07-01&origin_level=province&destination_level=commune"
        f"&org={t.p.pk}"
    )
    data = client.get(f"/api/moves/count/?{query}&as_of=2025-12-02").json()
    assert (data["count"], data["text"], data["since"], data["as_of"]) == (
        2,
        "2 trường hợp",
        "2025-07-01",
        "2025-12-02",
    )
    assert client.get(f"/api/moves/count/?{query}&as_of=2025-12-31").json()["count"] == 3
    listed = client.get(f"/api/moves/?{query}&as_of=2025-12-31").json()["results"]
    assert [r["starts_on"] for r in listed] == ["2025-12-10", "2025-11-01", "2025-07-15"]
    assert (
        listed[0]["origin_name"] == "Sở Nội vụ"
        and listed[0]["decider_name"] == t.p.period_at(D(2025, 12, 10)).name
    )
    by_communes = client.get(
        f"/api/moves/count/?kind=transfer&decided_at_commune_level=true&as_of={ON}&org=P"
    ).json()
    assert by_communes["count"] == 1
    assert client.get("/api/moves/count/?origin_level=district").status_code == 400
    client.force_login(t.users.a_viewer)
    mine = client.get("/api/moves/count/?kind=reinforcement&as_of=2025-12-31").json()
    assert (mine["organization"], mine["count"], mine["since"]) == (t.a.pk, 2, None)
    # Without figure filters: every move touching A (two in, one out).
    assert client.get("/api/moves/").json()["count"] == 3


# --- Scope ---------------------------------------------------------------------------------


@pytest.fixture
def b_records(small_tree, seats):
    """Commune B's own assignment and a move inside B, recorded by B's editor."""
    t = small_tree
    posts, _, ys = seats
    move = move_record(
        person=ys[1], kind=MoveKind.TRANSFER, origin=t.b, destination=t.b1,
        starts_on=D(2025, 9, 1), decided_by=t.b, decision=t.decision,
    )  # fmt: skip
    held = Assignment.objects.filter(post=posts["b_bch"]).first()
    plan = SourcingPlan.objects.get(post=posts["b_btv"])
    return {"post": posts["b_bch"], "assignment": held, "move": move, "plan": plan}


def test_commune_a_reads_nothing_of_commune_b(client, small_tree, seats, b_records):
    t = small_tree
    client.force_login(t.users.a_editor)
    for url in (
        f"/api/posts/{b_records['post'].pk}/",
        f"/api/posts/{b_records['post'].pk}/suggestions/",
        f"/api/assignments/{b_records['assignment'].pk}/",
        f"/api/moves/{b_records['move'].pk}/",
        f"/api/sourcing-plans/{b_records['plan'].pk}/",
        f"/api/posts/fill/?org={t.b.pk}",
        "/api/posts/vacancies/?org=BSECRET",
        f"/api/posts/board/?org={t.b.pk}",
        f"/api/moves/count/?org={t.b.pk}",
        f"/api/assignments/career/?person={b_records['assignment'].person_id}",
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        "/api/posts/?limit=100",
        "/api/assignments/?limit=100",
        "/api/sourcing-plans/?limit=100",
        "/api/moves/?limit=100",
        f"/api/posts/?org={t.b.pk}",
        f"/api/assignments/?org={t.b.pk}",
    ):
        text = client.get(url).content.decode()
        assert "Bí Mật Bê" not in text and "BSECRET" not in text, url
    ids = {r["id"] for r in client.get("/api/assignments/?limit=100").json()["results"]}
    assert b_records["assignment"].pk not in ids


def test_commune_a_writes_nothing_of_commune_b(client, small_tree, seats, b_records):
    t = small_tree
    posts, xs, ys = seats
    client.force_login(t.users.a_editor)
    before = (
        Post.objects.count(),
        Assignment.objects.count(),
        Move.objects.count(),
        SourcingPlan.objects.count(),
    )
    post = {"body": "civil_service", "title": "Chức danh lạ", "seats": 1}
    refused = [
        post_json(client, "/api/posts/", {**post, "organization": "BSECRET", "valid_from": ON}),
        post_json(client, "/api/posts/", {**post, "organization": t.b.pk, "valid_from": ON}),
        post_json(
            client,
            "/api/assignments/",
            {
                "person": xs[4].pk,
                "post": posts["b_tc"].pk,
                "kind": "designation",
                "starts_on": ON,
                "decision": DECISION,
            },
        ),
        post_json(
            client,
            "/api/assignments/",
            {
                "person": ys[1].pk,
                "post": posts["a_dc"].pk,
                "kind": "designation",
                "starts_on": ON,
                "decision": DECISION,
            },
        ),
        post_json(
            client,
            "/api/sourcing-plans/",
            {"post": posts["b_tc"].pk, "planned_on": ON, "source": "self"},
        ),
        post_json(
            client,
            "/api/moves/",
            {
                "person": xs[0].pk,
                "kind": "transfer",
                "origin": "A",
                "destination": "BSECRET",
                "decided_by": "A",
                "starts_on": ON,
                "decision": DECISION,
            },
        ),
    ]
    for response in refused:
        assert response.status_code == 400, response.content
        assert "Bí Mật Bê" not in response.content.decode()
    for url, data in (
        (f"/api/posts/{b_records['post'].pk}/quota/", {"seats": 9, "valid_from": "2026-01-01"}),
        (f"/api/assignments/{b_records['assignment'].pk}/end/", {"ends_on": ON}),
        (f"/api/moves/{b_records['move'].pk}/end/", {"ended_on": ON}),
    ):
        assert post_json(client, url, data).status_code == 404, url
    after = (
        Post.objects.count(),
        Assignment.objects.count(),
        Move.objects.count(),
        SourcingPlan.objects.count(),
    )
    assert after == before
    assert Move.objects.get(pk=b_records["move"].pk).ended_on is None


def test_a_viewer_cannot_write(client, small_tree, seats):
    t = small_tree
    posts, _, _ = seats
    client.force_login(t.users.a_viewer)
    held = Assignment.objects.filter(post=posts["a_bch"]).first()
    for url, data in (
        ("/api/posts/", {"organization": "A", "body": "civil_service", "title": "X", "seats": 1,
                         "valid_from": ON}),
        (f"/api/posts/{posts['a_bch'].pk}/quota/", {"seats": 9, "valid_from": "2026-01-01"}),
        (f"/api/assignments/{held.pk}/end/", {"ends_on": ON}),
        ("/api/sourcing-plans/", {"post": posts["a_bch"].pk, "planned_on": ON, "source": "self"}),
    ):  # fmt: skip
        assert post_json(client, url, data).status_code == 403, url
    assert client.delete(f"/api/posts/{posts['a_bch'].pk}/").status_code in (403, 405)
    assert Assignment.objects.get(pk=held.pk).valid_to == held.valid_to


def test_anonymous_is_refused(client, small_tree, seats):
    assert client.get("/api/posts/").status_code == 403
    assert client.get("/api/moves/count/").status_code == 403


# --- Query counts and schema ---------------------------------------------------------------


def test_lists_take_a_bounded_number_of_queries(
    client, small_tree, seats, mobility, django_assert_max_num_queries
):
    t = small_tree
    posts, _, _ = seats
    for i in range(3):  # more rows than one of each: a per-row query would show
        assignment_create(
            person=person(f"Thêm {i}"), post=posts["a_dc"] if i < 2 else posts["b_tc"],
            kind="assignment", starts_on=D(2025, 8, 1 + i), decision=t.decision,
        )  # fmt: skip
    client.force_login(t.users.province_admin)
    for url in (
        f"/api/posts/?as_of={ON}",
        f"/api/assignments/?org={t.p.pk}",
        "/api/sourcing-plans/",
        "/api/moves/",
        f"/api/moves/?org={t.p.pk}&since=2025-07-01&as_of=2025-12-31",
        f"/api/posts/vacancies/?org={t.p.pk}&as_of={ON}",
        f"/api/posts/board/?org={t.a.pk}&as_of={ON}",
        f"/api/posts/fill/?org={t.p.pk}&as_of={ON}",
        f"/api/assignments/career/?person={posts['a_bch'].assignments.first().person_id}",
    ):
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200, url


def test_schema_lists_the_endpoints(client, small_tree):
    client.force_login(small_tree.users.a_viewer)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    for path in (
        "/api/posts/fill/",
        "/api/posts/vacancies/",
        "/api/posts/board/",
        "/api/posts/{id}/quota/",
        "/api/posts/{id}/suggestions/",
        "/api/assignments/{id}/end/",
        "/api/assignments/career/",
        "/api/sourcing-plans/",
        "/api/moves/count/",
        "/api/moves/{id}/end/",
    ):
        assert path in schema, path
