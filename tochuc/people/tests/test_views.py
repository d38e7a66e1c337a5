"""Profile edit: optimistic locking, Vietnamese validation, history on the member page."""

import pytest

from tochuc.people.models import Person

pytestmark = pytest.mark.django_db
ON = "?as_of=04/12/2025"


def profile(person, **changes) -> dict:
    form = {
        "full_name": person.full_name,
        "sex": person.sex,
        "date_of_birth": person.date_of_birth.strftime("%d/%m/%Y"),
        "ethnicity": person.ethnicity,
        "religion": person.religion,
        "professional_level": person.professional_level,
        "political_theory": person.political_theory,
        "state_management": person.state_management,
        "sector": person.sector,
        "version": person.version,
    }
    form.update(changes)
    return form


def test_edit_saves_and_history_shows_before_and_after(client, small_tree, members):
    client.force_login(small_tree.users.a_editor)
    url = f"/ca-nhan/{members.p1.pk}/sua/{ON}"
    response = client.post(url, profile(members.p1, occupation="Nông dân", phone="0912 345 678"))
    assert response.status_code == 302
    saved = Person.objects.get(pk=members.p1.pk)
    assert (saved.occupation, saved.phone, saved.version) == ("Nông dân", "0912345678", 2)
    html = client.get(f"/dang-vien/{members.p1.pk}/{ON}").content.decode()
    assert "nghề nghiệp" in html and "Nông dân" in html and "xa_a_sua" in html
    assert "phiên bản" not in html


def test_renaming_keeps_the_search_key_in_step(client, small_tree, members):
    client.force_login(small_tree.users.a_editor)
    url = f"/ca-nhan/{members.p1.pk}/sua/{ON}"
    client.post(url, profile(members.p1, full_name="Nguyễn Văn Mốt"))
    found = client.get(f"/dang-vien/{ON}&q=mot")
    assert [s.person.full_name for s in found.context["page"]] == ["Nguyễn Văn Mốt"]
    assert "name folded" not in client.get(f"/dang-vien/{members.p1.pk}/{ON}").content.decode()


def test_stale_edit_is_refused_and_changes_nothing(client, small_tree, members):
    client.force_login(small_tree.users.a_editor)
    url = f"/ca-nhan/{members.p1.pk}/sua/{ON}"
    client.post(url, profile(members.p1, occupation="Lần thứ nhất"))
    response = client.post(url, profile(members.p1, occupation="Lần thứ hai"))
    assert response.status_code == 200
    assert "người khác sửa" in response.content.decode()
    assert Person.objects.get(pk=members.p1.pk).occupation == "Lần thứ nhất"


def test_edit_validation_names_the_field(client, small_tree, members):
    client.force_login(small_tree.users.a_editor)
    url = f"/ca-nhan/{members.p1.pk}/sua/{ON}"
    response = client.post(url, profile(members.p1, citizen_id="0791234"))
    assert "Số CCCD: phải gồm đúng 12 chữ số." in response.content.decode()
    assert Person.objects.get(pk=members.p1.pk).version == 1


def test_viewer_and_other_commune_cannot_edit(client, small_tree, members):
    client.force_login(small_tree.users.a_viewer)
    assert client.get(f"/ca-nhan/{members.p1.pk}/sua/{ON}").status_code == 404
    client.force_login(small_tree.users.a_editor)
    url = f"/ca-nhan/{members.p5.pk}/sua/{ON}"
    assert client.post(url, profile(members.p5, full_name="Bị sửa")).status_code == 404
    assert Person.objects.get(pk=members.p5.pk).full_name == "Hoàng Thị Năm"
