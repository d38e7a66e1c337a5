"""Pages: the plan and its filters, a post's plan with refusals naming their source, removal,
the flagged list, structure drill-downs, targets (administrators) and terms (province)."""

import datetime as dt

import pytest
from django.urls import reverse

from tochuc.cadres.services import assignment_create
from tochuc.planning.models import PlanEntry, PlanningTerm, StructureTarget
from tochuc.planning.tests.conftest import person
from tochuc.ratings.models import Discipline

D = dt.date
pytestmark = pytest.mark.django_db
AS_OF = "as_of=01/06/2026"
DECISION = {
    "decision_number": "12-QĐ/ĐU",
    "decision_signed_on": "01/05/2026",
    "decision_issuer": "Đảng ủy xã An Mới",
}


def in_scope(planning, name, **kwargs):
    """A person holding a seat of commune A (so in an editor's scope)."""
    who = person(name, **kwargs)
    assignment_create(
        person=who,
        post=planning.posts.a_bch,
        kind="election",
        starts_on=D(2025, 8, 1),
        decision=planning.tree.decision,
    )
    return who


def test_plan_list_filters_and_post_counts(client, planning, add):
    p = planning.posts
    add(p.a_bt, person("Nguyễn Văn Xuân"), D(2025, 11, 1))
    add(p.a_pbt, person("Trần Thị Yến", sex="female"), D(2025, 11, 1))
    add(p.b_bt, person("Bê Bí Mật Bê"), D(2025, 11, 1))
    client.force_login(planning.tree.users.a_viewer)
    html = client.get(f"{reverse('planning:plan_list')}?{AS_OF}").content.decode()
    assert "Nguyễn Văn Xuân" in html and "Trần Thị Yến" in html and "Bí Mật Bê" not in html
    assert 'id="plan-count">2<' in html
    html = client.get(f"{reverse('planning:plan_list')}?{AS_OF}&q=tran yen").content.decode()
    assert "Trần Thị Yến" in html and "Nguyễn Văn Xuân" not in html
    html = client.get(f"{reverse('planning:plan_list')}?{AS_OF}&post={p.a_bt.pk}").content.decode()
    assert "Nguyễn Văn Xuân" in html and "Trần Thị Yến" not in html
    html = client.get(f"{reverse('planning:posts')}?{AS_OF}").content.decode()
    assert f'data-post="{p.a_bt.pk}"' in html and f'data-post="{p.b_bt.pk}"' not in html
    assert (
        client.get(f"{reverse('planning:plan_list')}?org={planning.tree.b.pk}").status_code == 404
    )


def test_fourth_addition_shows_the_refusal_with_its_source(client, planning, add):
    post = planning.posts.a_bt
    for i in range(3):
        add(post, person(f"Người {i}"), D(2025, 11, 1))
    fourth = in_scope(planning, "Người thứ tư")
    client.force_login(planning.tree.users.a_editor)
    url = reverse("planning:post_add", args=[post.pk])
    response = client.post(
        f"{url}?{AS_OF}",
        {"term": planning.party.pk, "person": fourth.pk, "added_on": "01/05/2026", **DECISION},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "mỗi chức danh quy hoạch không quá 3 người" in html
    assert "Quy định 377-QĐ/TW" in html
    assert not PlanEntry.objects.filter(person=fourth).exists()


def test_addition_and_removal_through_the_post_page(client, planning):
    post = planning.posts.a_bt
    who = in_scope(planning, "Lê Văn Tư")
    client.force_login(planning.tree.users.a_editor)
    page = client.get(f"{reverse('planning:post', args=[post.pk])}?{AS_OF}").content.decode()
    assert 'id="add-form"' in page and "Quy định 377-QĐ/TW" in page
    response = client.post(
        reverse("planning:post_add", args=[post.pk]),
        {"term": planning.party.pk, "person": who.pk, "added_on": "01/05/2026", **DECISION},
    )
    assert response.status_code == 302
    entry = PlanEntry.objects.get(person=who)
    response = client.post(
        reverse("planning:entry_remove", args=[entry.pk]),
        {"removed_on": "01/06/2026", "reason": "", "version": entry.version},
    )
    assert "Lý do" in response.content.decode()
    response = client.post(
        reverse("planning:entry_remove", args=[entry.pk]),
        {"removed_on": "01/06/2026", "reason": "Chuyển công tác", "version": entry.version},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.removed_on == D(2026, 6, 1) and PlanEntry.objects.filter(pk=entry.pk).exists()
    page = client.get(f"{reverse('planning:post', args=[post.pk])}?{AS_OF}").content.decode()
    assert "Chuyển công tác" in page


def test_viewer_sees_the_post_page_without_forms(client, planning):
    client.force_login(planning.tree.users.a_viewer)
    page = client.get(reverse("planning:post", args=[planning.posts.a_bt.pk])).content.decode()
    assert 'id="add-form"' not in page
    url = reverse("planning:post_add", args=[planning.posts.a_bt.pk])
    assert client.post(url, {}).status_code == 404
    assert client.get(reverse("planning:post", args=[planning.posts.b_bt.pk])).status_code == 404


def test_person_search_stays_in_scope(client, planning):
    in_scope(planning, "Phạm Văn Tìm")
    client.force_login(planning.tree.users.a_editor)
    html = client.get(f"{reverse('people:choices')}?q=pham tim").content.decode()
    assert "Phạm Văn Tìm" in html


def test_candidates_page(client, planning, add):
    who = person("Bị khiển trách")
    add(planning.posts.a_bt, who, D(2025, 11, 1))
    Discipline.objects.create(
        person=who,
        organization=planning.tree.a,
        form="reprimand",
        decided_on=D(2026, 1, 10),
        decision=planning.decision,
    )
    client.force_login(planning.tree.users.a_viewer)
    html = client.get(f"{reverse('planning:candidates')}?{AS_OF}").content.decode()
    assert "Bị khiển trách" in html
    assert (
        "Kỷ luật khiển trách ngày 10/01/2026: xem xét quy hoạch, bổ nhiệm lại từ 10/01/2028 "
        "(24 tháng, theo Quy định 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị)." in html
    )
    assert "5-QĐ/ĐU" not in html.split('id="removal-candidates"')[1]  # the decision: never
    assert 'id="candidate-count">1<' in html
    html = client.get(f"{reverse('planning:candidates')}?{AS_OF}&kind=age").content.decode()
    assert "Bị khiển trách" not in html
    html = client.get(f"{reverse('planning:candidates')}?{AS_OF}&kind=discipline").content.decode()
    assert "Bị khiển trách" in html


def test_structure_pages_drill_down(client, planning, add):
    add(planning.posts.a_bt, person("Nữ Một", sex="female"), D(2025, 11, 1))
    add(planning.posts.a_pbt, person("Nam Một"), D(2025, 11, 1))
    client.force_login(planning.tree.users.a_viewer)
    url = reverse("planning:structure")
    html = client.get(f"{url}?{AS_OF}&term={planning.party.pk}").content.decode()
    assert "1/2" in html and "50,00%" in html
    html = client.get(f"{url}?{AS_OF}&term={planning.party.pk}&category=women").content.decode()
    assert 'id="structure-people"' in html and "Nữ Một" in html.split('id="structure-people"')[1]
    assert "Nam Một" not in html.split('id="structure-people"')[1]
    html = client.get(f"{reverse('planning:committee')}?{AS_OF}").content.decode()
    assert "Ủy viên Ban Chấp hành ngày 01/06/2026" in html


def test_targets_are_set_by_administrators_only(client, planning):
    t = planning.tree
    data = {
        "organization": "A",
        "term": planning.party.pk,
        "category": "young",
        "level": "commune",
        "minimum_share": "20",
        "young_age": "35",
    }
    client.force_login(t.users.a_editor)
    assert 'id="target-form"' not in client.get(reverse("planning:targets")).content.decode()
    assert client.post(reverse("planning:targets"), data).status_code == 404
    client.force_login(t.users.a_admin)
    response = client.post(reverse("planning:targets"), {**data, "organization": "BSECRET"})
    assert "Không có tổ chức mã «BSECRET»" in response.content.decode()
    assert client.post(reverse("planning:targets"), data).status_code == 302
    target = StructureTarget.objects.get()
    assert (target.organization, target.young_age) == (t.a, 35)
    url = reverse("planning:target_edit", args=[target.pk])
    response = client.post(url, {"minimum_share": "22,5", "young_age": "35", "version": 1})
    assert response.status_code == 302
    target.refresh_from_db()
    assert str(target.minimum_share) == "22.50"
    client.force_login(t.users.b_editor)
    assert client.get(url).status_code == 404


def test_terms_are_created_by_province_administrators(client, planning):
    t = planning.tree
    data = {
        "name": "2030–2035",
        "track": "party",
        "starts_on": "01/10/2030",
        "ends_on": "30/09/2035",
    }
    client.force_login(t.users.a_admin)
    assert client.post(reverse("planning:terms"), data).status_code == 404
    assert client.post(reverse("planning:terms_seed")).status_code == 404
    client.force_login(t.users.province_admin)
    assert client.post(reverse("planning:terms"), data).status_code == 302
    assert PlanningTerm.objects.filter(name="2030–2035").exists()
    assert client.post(reverse("planning:terms_seed")).status_code == 302
    assert PlanningTerm.objects.count() == 5
