"""The list exporter: typed cells, CSV for Excel, file names, the audit entry, the links."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from types import SimpleNamespace

import openpyxl
import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from tochuc.core.models import AuditEntry
from tochuc.core.tabular import (
    Column,
    export_format,
    filename_header,
    sheet_name,
    table_response,
)

COLUMNS = (
    Column("Họ và tên", "person.full_name"),
    Column("Ngày sinh", "person.born"),
    Column("Số lượt", "count"),
    Column("Điểm", "score"),
    Column("Đảng viên", "member"),
    Column("Ghi chú", lambda row: row.note),
)
ROWS = [
    SimpleNamespace(
        person=SimpleNamespace(full_name="Nguyễn Thị Ánh", born=dt.date(1990, 3, 4)),
        count=3,
        score=Decimal("95.5"),
        member=True,
        note="=1+1",
    ),
    SimpleNamespace(person=None, count=None, score=None, member=False, note="-"),
]


def export(rf, query: str, *, user=None):
    request = rf.get(f"/danh-sach/?{query}")
    request.user = user or AnonymousUser()
    request.as_of = dt.date(2025, 12, 4)
    return table_response(
        request, name="dang-vien", title="Danh sách đảng viên", columns=COLUMNS, rows=ROWS
    )


@pytest.fixture
def rf():
    return RequestFactory()


def test_only_xlsx_and_csv_are_export_formats(rf):
    assert export_format(rf.get("/?xuat=xlsx")) == "xlsx"
    assert export_format(rf.get("/?xuat=csv")) == "csv"
    assert export_format(rf.get("/?xuat=pdf")) is None
    assert export_format(rf.get("/?format=csv")) is None


@pytest.mark.django_db
def test_workbook_keeps_numbers_and_dates_typed(rf):
    response = export(rf, "xuat=xlsx&page=3")
    assert response["Content-Disposition"] == (
        'attachment; filename="dang-vien-04-12-2025.xlsx"; '
        "filename*=UTF-8''dang-vien-04-12-2025.xlsx"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Danh sách đảng viên"
    assert sheet["A1"].value == "Danh sách đảng viên"
    assert [c.value for c in sheet[2]] == [c.header for c in COLUMNS]
    assert sheet["A2"].font.bold and sheet.freeze_panes == "A3"
    name, born, count, score, member, note = sheet[3]
    assert name.value == "Nguyễn Thị Ánh"
    assert born.value == dt.datetime(1990, 3, 4) and born.number_format == "DD/MM/YYYY"
    assert (count.value, score.value, member.value) == (3, 95.5, "x")
    assert note.value == "=1+1" and note.data_type == "s"  # text, never a formula
    assert [c.value for c in sheet[4]] == [None, None, None, None, None, "-"]


@pytest.mark.django_db
def test_csv_opens_in_excel_with_vietnamese_and_dd_mm_yyyy(rf):
    response = export(rf, "xuat=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffHọ và tên,Ngày sinh,Số lượt,Điểm,Đảng viên,Ghi chú\r\n")
    assert text.splitlines()[1:] == ["Nguyễn Thị Ánh,04/03/1990,3,95.5,x,'=1+1", ",,,,,'-"]


@pytest.mark.django_db
def test_every_export_is_audited_with_its_filters(rf, django_user_model):
    user = django_user_model.objects.create(username="xuat")
    export(rf, "xuat=csv&sex=female&page=2&q=an&q=binh", user=user)
    entry = AuditEntry.objects.get()
    assert (entry.user, entry.action, entry.subject) == (
        user,
        AuditEntry.Action.EXPORT,
        "Danh sách đảng viên",
    )
    assert entry.detail == {
        "format": "csv",
        "rows": 2,
        "filters": {"sex": "female", "q": ["an", "binh"]},
        "path": "/danh-sach/",
        "as_of": "2025-12-04",
    }


def test_file_and_sheet_names_stay_valid():
    assert filename_header("đảng-viên-04-12-2025.csv") == (
        'attachment; filename="dang-vien-04-12-2025.csv"; '
        "filename*=UTF-8''%C4%91%E1%BA%A3ng-vi%C3%AAn-04-12-2025.csv"
    )
    name = sheet_name("Quần chúng ưu tú — Đảng bộ xã An Mới: [bước 2/3]")
    assert len(name) <= 31 and not set(name) & set("[]:*?/\\")


def test_export_links_keep_the_filters_and_drop_the_page(rf):
    request = rf.get("/dang-vien/?sex=female&page=4&xuat=csv")
    html = Template('{% include "core/_export_links.html" %}').render(Context({"request": request}))
    assert 'href="/dang-vien/?sex=female&amp;xuat=xlsx"' in html
    assert 'href="/dang-vien/?sex=female&amp;xuat=csv"' in html
    html = Template('{% include "core/_export_links.html" with bang="nghi-huu" %}').render(
        Context({"request": rf.get("/can-bo/canh-bao/")})
    )
    assert 'href="/can-bo/canh-bao/?xuat=xlsx&amp;bang=nghi-huu"' in html
