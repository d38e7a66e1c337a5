"""The page helpers every app shares: the chosen organization, names on a date, may change."""

import datetime as dt

import pytest
from django.http import Http404
from django.test import RequestFactory

from tochuc.accounts.models import User
from tochuc.core.scoping import CHANGE
from tochuc.organizations.pages import (
    change_scope,
    chosen_organization,
    may_change,
    organization_name,
    organization_names,
)

pytestmark = pytest.mark.django_db
LATE = dt.date(2025, 12, 31)


def _request(user, query: str = "", on: dt.date = LATE):
    request = RequestFactory().get(f"/?{query}")
    request.user, request.as_of = user, on
    return request


def test_chosen_organization_by_default_id_or_code(small_tree):
    t = small_tree
    viewer = t.users.a_viewer
    assert chosen_organization(_request(viewer)) == t.a
    assert chosen_organization(_request(viewer, f"org={t.a1.pk}")) == t.a1
    assert chosen_organization(_request(viewer, f"org=+{t.a1.pk}+")) == t.a1
    assert chosen_organization(_request(viewer, "ma=A1")) == t.a1
    assert chosen_organization(_request(viewer, f"ma=A1&org={t.a.pk}")) == t.a1


@pytest.mark.parametrize("query", ["org={b}", "ma=BSECRET", "org=x", "org=1.5", "ma=NOPE"])
def test_chosen_organization_outside_scope_or_malformed_is_404(small_tree, query):
    request = _request(small_tree.users.a_editor, query.format(b=small_tree.b.pk))
    with pytest.raises(Http404):
        chosen_organization(request)


def test_chosen_organization_for_an_action(small_tree):
    t = small_tree
    assert chosen_organization(_request(t.users.a_editor), CHANGE) == t.a
    with pytest.raises(Http404):
        chosen_organization(_request(t.users.a_viewer), CHANGE)


def test_a_user_without_organization_gets_the_first_root_of_the_date(small_tree):
    root = User.objects.create_superuser(username="goc", password="Mat-khau-goc-2025")
    assert chosen_organization(_request(root)) == small_tree.p
    assert chosen_organization(_request(root, on=dt.date(2024, 1, 1))) == small_tree.lp
    with pytest.raises(Http404):
        chosen_organization(_request(root, on=dt.date(2019, 1, 1)))


def test_names_on_a_date(small_tree):
    t = small_tree
    assert organization_name(t.a, LATE) == "Đảng bộ xã An Mới"
    assert organization_name(t.ld, LATE) == "Đảng bộ huyện Cũ"  # dissolved: its last name
    assert organization_names([t.a.pk, t.ld.pk, t.a.pk], LATE) == {t.a.pk: "Đảng bộ xã An Mới"}


def test_may_change_and_change_scope(small_tree):
    t = small_tree
    editor, viewer = t.users.a_editor, t.users.a_viewer
    assert may_change(editor, t.a) and may_change(editor, t.a1.pk)
    assert not may_change(editor, t.b) and not may_change(viewer, t.a)
    assert set(change_scope(editor)) >= {t.a, t.a1} and t.b not in change_scope(editor)
