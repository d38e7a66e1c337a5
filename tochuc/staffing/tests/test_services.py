"""Writing headcounts: refusals name the field; edits are optimistically locked."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tochuc.core.services import StaleEdit, decision_cite
from tochuc.staffing.models import Category, Headcount
from tochuc.staffing.services import headcount_delete, headcount_set, headcount_update
from tochuc.staffing.tests.conftest import allotment

pytestmark = pytest.mark.django_db
D = dt.date


def test_set_and_update(small_tree):
    row = headcount_set(organization=small_tree.a, year=2026, approved=70, decision=allotment(2026))
    assert (row.category, row.actual, row.difference) == (Category.CIVIL_SERVANTS, None, None)
    row = headcount_update(
        headcount=row, approved=68, actual=71, decision=allotment(2026), expected_version=1
    )
    assert (row.approved, row.actual, row.difference, row.version) == (68, 71, 3, 2)
    assert row.history.count() == 2


@pytest.mark.parametrize(
    ("year", "decision_on", "message"),
    [
        (2019, D(2018, 12, 1), "Cơ quan, đơn vị: «A» không hoạt động trong năm 2019."),
        (2026, D(2027, 1, 5), "Văn bản giao biên chế: ngày ban hành 05/01/2027 sau năm 2026."),
        (1989, D(1988, 1, 5), "Năm: phải từ 1990 đến 2100."),
    ],
)
def test_refusals(small_tree, year, decision_on, message):
    decision = decision_cite(number="9/QĐ", signed_on=decision_on, issuer="UBND")
    with pytest.raises(ValidationError) as refused:
        headcount_set(organization=small_tree.a, year=year, approved=1, decision=decision)
    assert refused.value.messages == [message]


def test_one_row_per_unit_year_and_category(small_tree):
    a = small_tree.a
    headcount_set(organization=a, year=2026, approved=70, decision=allotment(2026))
    with pytest.raises(ValidationError, match="đã có biên chế cán bộ, công chức năm 2026"):
        headcount_set(organization=a, year=2026, approved=71, decision=allotment(2026))
    headcount_set(
        organization=a,
        year=2026,
        approved=30,
        category=Category.PUBLIC_EMPLOYEES,
        decision=allotment(2026),
    )
    assert Headcount.objects.filter(organization=a, year=2026).count() == 2


def test_stale_edit_and_delete(small_tree):
    row = headcount_set(organization=small_tree.a, year=2026, approved=70, decision=allotment(2026))
    headcount_update(headcount=row, approved=69, decision=allotment(2026), expected_version=1)
    with pytest.raises(StaleEdit):
        headcount_update(headcount=row, approved=60, decision=allotment(2026), expected_version=1)
    with pytest.raises(StaleEdit):
        headcount_delete(headcount=row, expected_version=1)
    headcount_delete(headcount=row, expected_version=2)
    assert not Headcount.objects.exists()
