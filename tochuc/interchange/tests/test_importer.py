"""The importer on the small tree: dry run, apply, re-import, edits, errors, scope, fuzz."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from tochuc.cadres.models import Assignment, Post, PostQuota, SourcingPlan
from tochuc.core.dating import END_OF_TIME
from tochuc.interchange.importer import run
from tochuc.interchange.legacy import unicode_to_tcvn3, unicode_to_vni
from tochuc.interchange.outcome import CREATE, ERROR, UNCHANGED, UPDATE
from tochuc.interchange.workbook import BY_NAME
from tochuc.members.models import EventCorrection, MembershipEvent, MembershipSpan
from tochuc.organizations.models import Organization, OrganizationClosure
from tochuc.people.models import Person

D = dt.date
DECISION = ["12-QĐ/ĐU", D(2025, 9, 1), "Đảng ủy xã An"]


def workbook(sheets: dict[str, list[dict]]) -> io.BytesIO:
    """An .xlsx with the given sheets; each row a dict header → value."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        headers = [c.header for c in BY_NAME[name].columns]
        sheet.append(headers)
        for row in rows:
            sheet.append([row.get(h) for h in headers])
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    return stream


def decision(number="12-QĐ/ĐU", day="01/09/2025", issuer="Đảng ủy xã An") -> dict:
    return {"Số quyết định": number, "Ngày quyết định": day, "Cơ quan ban hành": issuer}


def sample() -> dict[str, list[dict]]:
    """A new cell under commune A, two persons admitted there, a post, a holder, a target."""
    return {
        "Tổ chức": [
            {
                "Mã tổ chức": "A9",
                "Tên tổ chức": "Chi bộ ấp Chín",
                "Loại tổ chức": "Chi bộ cơ sở",
                "Mã tổ chức cấp trên": "A",
                "Hiệu lực từ ngày": "01/08/2025",
                **decision(),
            }
        ],
        "Cá nhân": [
            {
                "Mã hồ sơ": "NV01",
                "Họ và tên": "Nguyễn Văn Mới",
                "Giới tính": "Nam",
                "Ngày sinh": D(1990, 5, 6),
                "Lý luận chính trị": "Trung cấp",
            },
            {
                "Mã hồ sơ": "NV02",
                "Họ và tên": unicodedata.normalize("NFD", "  Trần  Thị Hồng "),
                "Giới tính": "nu",
                "Ngày sinh": "07/08/1995",
                "Số điện thoại": 912345678,
            },
        ],
        "Sự kiện đảng viên": [
            {
                "Mã hồ sơ": "NV01",
                "Loại sự kiện": "Kết nạp",
                "Ngày hiệu lực": "15/09/2025",
                "Mã tổ chức đảng": "A9",
                **decision(),
            },
            {
                "Mã hồ sơ": "NV02",
                "Loại sự kiện": "Kết nạp",
                "Ngày hiệu lực": "20/09/2025",
                "Mã tổ chức đảng": "A9",
                **decision(),
            },
        ],
        "Chức danh": [
            {
                "Mã tổ chức": "A",
                "Cơ quan": "Ban Chấp hành",
                "Chức danh": "Ủy viên Ban Chấp hành",
                "Số lượng": 3,
                "Hiệu lực từ ngày": "01/07/2025",
            }
        ],
        "Bố trí chức danh": [
            {
                "Mã hồ sơ": "NV01",
                "Mã tổ chức": "A",
                "Cơ quan": "Ban Chấp hành",
                "Chức danh": "Ủy viên Ban Chấp hành",
                "Hình thức": "Bầu",
                "Từ ngày": "01/10/2025",
                **decision(),
            }
        ],
        "Phương án bố trí": [
            {
                "Mã tổ chức": "A",
                "Cơ quan": "Ban Chấp hành",
                "Chức danh": "Ủy viên Ban Chấp hành",
                "Ngày lập phương án": "02/10/2025",
                "Phương án": "Tự đảm bảo",
            }
        ],
        "Chỉ tiêu kết nạp": [
            {
                "Mã tổ chức": "A",
                "Loại chỉ tiêu": "Năm",
                "Năm": 2026,
                "Từ ngày": "01/01/2026",
                "Đến ngày": "31/12/2026",
                "Chỉ tiêu (người)": 5,
            }
        ],
    }


def statuses(outcome) -> dict[tuple[str, int], str]:
    return {(r.sheet, r.row): r.status for r in outcome.rows}


def table_sizes() -> tuple[int, ...]:
    return (
        Organization.objects.count(),
        Person.objects.count(),
        MembershipEvent.objects.count(),
        MembershipSpan.objects.count(),
        Post.objects.count(),
        Assignment.objects.count(),
    )


def test_dry_run_writes_nothing_and_apply_writes_everything(small_tree):
    before = table_sizes()
    outcome = run(workbook(sample()), user=None, apply=False)
    assert outcome.ok, [str(p) for p in outcome.problems]
    assert set(statuses(outcome).values()) == {CREATE}
    assert table_sizes() == before

    outcome = run(workbook(sample()), user=None, apply=True)
    assert outcome.ok and outcome.applied
    cell = Organization.objects.get(code="A9")
    assert OrganizationClosure.objects.filter(ancestor=small_tree.a, descendant=cell).exists()
    hong = Person.objects.get(code="NV02")
    assert hong.full_name == "Trần Thị Hồng" and hong.sex == "female" and hong.phone == "912345678"
    span = MembershipSpan.objects.get(person__code="NV01")
    assert (span.organization, span.status, span.valid_to) == (cell, "probationary", END_OF_TIME)
    assert PostQuota.objects.get(post__organization=small_tree.a).seats == 3
    assert Assignment.objects.get(person__code="NV01").decision.number == "12-QĐ/ĐU"
    assert SourcingPlan.objects.filter(post__organization=small_tree.a).count() == 1
    assert Person.history.filter(code="NV01").count() == 0  # bulk creates: the job is the trace


def test_reimport_changes_nothing_and_edits_apply_only_the_edits(small_tree):
    run(workbook(sample()), user=None, apply=True)
    sizes = table_sizes()
    again = run(workbook(sample()), user=None, apply=True)
    assert set(statuses(again).values()) == {UNCHANGED}
    assert table_sizes() == sizes

    edited = sample()
    edited["Cá nhân"][0]["Họ và tên"] = "Nguyễn Văn Mới Sửa"
    edited["Sự kiện đảng viên"][1]["Mã tổ chức đảng"] = "A"
    outcome = run(workbook(edited), user=None, apply=True)
    found = statuses(outcome)
    assert found[("Cá nhân", 2)] == UPDATE and found[("Cá nhân", 3)] == UNCHANGED
    assert found[("Sự kiện đảng viên", 3)] == UPDATE
    assert found[("Sự kiện đảng viên", 2)] == UNCHANGED
    assert Person.objects.get(code="NV01").full_name == "Nguyễn Văn Mới Sửa"
    correction = EventCorrection.objects.get()
    assert correction.event.is_void and correction.replacement.organization == small_tree.a
    assert MembershipSpan.objects.get(person__code="NV02").organization == small_tree.a


def test_problems_name_sheet_row_column_and_nothing_is_written(small_tree):
    bad = sample()
    bad["Cá nhân"][0]["Ngày sinh"] = "31/02/1990"
    bad["Cá nhân"][1]["Giới tính"] = "Khác"
    bad["Sự kiện đảng viên"][0]["Mã tổ chức đảng"] = "KHONGCO"
    bad["Bố trí chức danh"][0]["Ngày quyết định"] = None
    before = table_sizes()
    outcome = run(workbook(bad), user=None, apply=True)
    assert not outcome.ok and not outcome.applied
    assert table_sizes() == before
    found = {(p.sheet, p.row, p.column) for p in outcome.problems}
    assert ("Cá nhân", 2, "Ngày sinh") in found
    assert ("Cá nhân", 3, "Giới tính") in found
    assert ("Sự kiện đảng viên", 2, "Mã tổ chức đảng") in found
    assert ("Bố trí chức danh", 2, "Ngày quyết định") in found
    assert any("31/02/1990" in p.reason for p in outcome.problems)


def test_membership_rules_refuse_the_offending_row(small_tree):
    bad = sample()
    bad["Sự kiện đảng viên"].append(
        {
            "Mã hồ sơ": "NV01",
            "Loại sự kiện": "Chuyển đảng chính thức",
            "Ngày hiệu lực": "01/10/2025",
        }
    )
    outcome = run(workbook(bad), user=None, apply=False)
    problem = next(p for p in outcome.problems if p.row == 4)
    assert problem.sheet == "Sự kiện đảng viên" and "15/09/2026" in problem.reason


def test_unknown_sheet_and_headers_are_file_problems(small_tree):
    stream = workbook({"Cá nhân": []})
    book = Workbook()
    book.active.title = "Linh tinh"
    book.create_sheet("Cá nhân").append(["Mã hồ sơ", "Họ tên sai"])
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    outcome = run(stream, user=None)
    reasons = [str(p) for p in outcome.file_problems]
    assert any("Linh tinh" in r for r in reasons)
    assert any("Họ tên sai" in r for r in reasons)
    assert any("Họ và tên" in r and "Thiếu cột" in r for r in reasons)
    assert run(io.BytesIO(b"not a workbook"), user=None).file_problems


def test_legacy_tcvn3_text_is_converted_with_a_note(small_tree):
    data = sample()
    data["Cá nhân"][0]["Họ và tên"] = unicode_to_tcvn3("Nguyễn Văn Mới")
    outcome = run(workbook(data), user=None, apply=True)
    assert outcome.ok
    assert Person.objects.get(code="NV01").full_name == "Nguyễn Văn Mới"
    assert any("TCVN3" in note for r in outcome.rows for note in r.notes)


def test_a_vni_column_converts_names_that_also_read_as_unicode(small_tree):
    data = sample()
    data["Cá nhân"][0]["Họ và tên"] = unicode_to_vni("Nguyễn Văn Mới")
    data["Cá nhân"][1]["Họ và tên"] = unicode_to_vni("Phan Thị Lan")
    assert data["Cá nhân"][1]["Họ và tên"] == "Phan Thò Lan"  # Unicode-looking on its own
    outcome = run(workbook(data), user=None, apply=True)
    assert outcome.ok, [str(p) for p in outcome.problems]
    assert Person.objects.get(code="NV02").full_name == "Phan Thị Lan"
    assert any("theo cả cột" in note for r in outcome.rows for note in r.notes)


def test_text_that_looks_legacy_but_does_not_convert_is_reported(small_tree):
    data = sample()
    data["Cá nhân"][0]["Họ và tên"] = "NguyÔn Mïi Xyzþ"
    outcome = run(workbook(data), user=None)
    problem = next(p for p in outcome.problems if p.column == "Họ và tên")
    assert problem.row == 2 and "bảng mã cũ" in problem.reason


def test_commune_user_cannot_import_into_another_commune(small_tree):
    data = sample()
    data["Tổ chức"][0]["Mã tổ chức cấp trên"] = "BSECRET"
    data["Chỉ tiêu kết nạp"][0]["Mã tổ chức"] = "BSECRET"
    outcome = run(workbook(data), user=small_tree.users.a_editor, apply=True)
    assert not outcome.applied
    found = {(p.sheet, p.column) for p in outcome.problems}
    assert ("Tổ chức", "Mã tổ chức") in found
    assert ("Chỉ tiêu kết nạp", "Mã tổ chức") in found
    assert not Organization.objects.filter(code="A9").exists()
    assert run(workbook(sample()), user=small_tree.users.a_editor, apply=True).applied


CELL = st.one_of(
    st.none(),
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30),  # Excel can hold
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=False, width=32),
    st.dates(min_value=D(1800, 1, 1), max_value=D(2200, 1, 1)),
    st.booleans(),
)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_fuzzed_cells_never_crash_and_a_refused_import_writes_nothing(small_tree, data):
    sheets = sample()
    name = data.draw(st.sampled_from(list(sheets)))
    row = sheets[name][0]
    for header in data.draw(st.lists(st.sampled_from(list(row) or ["Mã tổ chức"]), max_size=3)):
        row[header] = data.draw(CELL)
    before = table_sizes()
    outcome = run(workbook(sheets), user=None, apply=True)
    if not outcome.applied:
        assert table_sizes() == before
        assert outcome.problems and all(p.reason for p in outcome.problems)
    assert all(r.status in (CREATE, UPDATE, UNCHANGED, ERROR) for r in outcome.rows)


def test_places_old_addresses_move_organizations_keep_theirs(small_tree):
    from tochuc.administrative_units.loader import load_admin_units
    from tochuc.administrative_units.models import AdministrativeUnit

    load_admin_units(province="can_tho")
    old = "Phường Cái Khế, Quận Ninh Kiều, Thành phố Cần Thơ"
    data = sample()
    data["Tổ chức"][0]["Địa bàn (xã/phường, tỉnh/thành phố)"] = old
    data["Cá nhân"][0]["Nơi thường trú"] = old
    outcome = run(workbook(data), user=None, apply=True)
    assert outcome.ok, [str(p) for p in outcome.problems]
    assert any("trước 01/07/2025" in note for r in outcome.rows for note in r.notes)
    place = Organization.objects.get(code="A9").administrative_unit
    assert place.name == "Phường Cái Khế" and place.generation != "2025"
    residence = Person.objects.get(code="NV01").residence
    assert residence == AdministrativeUnit.objects.get(
        name="Phường Cái Khế", generation=residence.generation, parent__name="Thành phố Cần Thơ"
    )
    assert residence.generation != place.generation
    assert {r.status for r in run(workbook(data), user=None).rows} == {UNCHANGED}


def test_command_line_with_the_real_engine(small_tree, tmp_path):
    good, bad = tmp_path / "dung.xlsx", tmp_path / "loi.xlsx"
    good.write_bytes(workbook(sample()).getvalue())
    broken = sample()
    broken["Cá nhân"][0]["Ngày sinh"] = "31/02/1990"
    bad.write_bytes(workbook(broken).getvalue())
    out = io.StringIO()
    call_command("import", str(good), "--dry-run", stdout=out, stderr=io.StringIO())
    assert "Sheet «Cá nhân»: thêm mới 2" in out.getvalue()
    assert not Person.objects.filter(code="NV01").exists()
    out = io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("import", str(bad), stdout=out, stderr=io.StringIO())
    assert exited.value.code == 1
    assert "Sheet «Cá nhân», dòng 2, cột «Ngày sinh»" in out.getvalue()
    call_command("import", str(good), stdout=io.StringIO(), stderr=io.StringIO())
    assert Person.objects.filter(code="NV01").exists()


def test_a_stored_old_unit_written_back_is_unchanged(small_tree):
    """An export writes a record's old unit by its old label; importing it back keeps it."""
    from tochuc.administrative_units.loader import load_admin_units
    from tochuc.administrative_units.models import AdministrativeUnit, Generation

    load_admin_units(province="can_tho")
    run(workbook(sample()), user=None, apply=True)
    old_ward = AdministrativeUnit.objects.get(
        name="Phường Cái Khế", generation=Generation.LEGACY, parent__name="Quận Ninh Kiều"
    )
    old_city = AdministrativeUnit.objects.get(
        name="Thành phố Cần Thơ", generation=Generation.LEGACY, level="province"
    )
    Person.objects.filter(code="NV01").update(residence=old_ward)
    Organization.objects.filter(code="A9").update(administrative_unit=old_city)
    data = sample()
    data["Cá nhân"][0]["Nơi thường trú"] = "Phường Cái Khế, Quận Ninh Kiều, Thành phố Cần Thơ"
    data["Tổ chức"][0]["Địa bàn (xã/phường, tỉnh/thành phố)"] = "Thành phố Cần Thơ"
    outcome = run(workbook(data), user=None, apply=True)
    assert {r.status for r in outcome.rows} == {UNCHANGED}
    assert not any(r.notes for r in outcome.rows)
    assert Person.objects.get(code="NV01").residence == old_ward
    assert Organization.objects.get(code="A9").administrative_unit == old_city
