"""Places in cells → 2025 administrative units, with Cần Thơ loaded from the package."""

import contextlib
import unicodedata

import pytest

from tochuc.administrative_units.loader import load_admin_units
from tochuc.administrative_units.models import AdministrativeUnit, Generation, Level
from tochuc.interchange.cells import CellError
from tochuc.interchange.places import PlaceResolver

NEW = Generation.REFORM_2025


@pytest.fixture
def places(db) -> PlaceResolver:
    load_admin_units(province="can_tho")
    return PlaceResolver()


def unit(generation: str, code: str) -> AdministrativeUnit:
    return AdministrativeUnit.objects.get(generation=generation, code=code)


def test_labels_resolve_back_to_their_unit(places):
    communes = AdministrativeUnit.objects.filter(generation=NEW, level=Level.COMMUNE)
    assert communes.count() == 103
    for commune in communes:
        assert places.resolve(places.label(commune.id)) == (commune.id, None)
    ninh_kieu = unit(NEW, "31135")
    assert places.label(ninh_kieu.id) == "Phường Ninh Kiều, Thành phố Cần Thơ"
    assert places.label(unit(NEW, "92").id) == "Thành phố Cần Thơ"


def test_codes_prefer_the_2025_list(places):
    cai_khe = unit(NEW, "31120")  # before 2025, 31120 was Phường An Hòa
    assert places.resolve("31120") == (cai_khe.id, None)
    assert places.resolve(31120) == (cai_khe.id, None)
    assert places.resolve(31120.0) == (cai_khe.id, None)
    assert places.resolve("92") == (unit(NEW, "92").id, None)


def test_an_old_commune_is_carried_to_its_2025_successor(places):
    cai_khe = unit(NEW, "31120")
    note = (
        'đã chuyển từ "Phường Cái Khế, Quận Ninh Kiều, Thành phố Cần Thơ" (trước 01/07/2025) '
        'sang "Phường Cái Khế, Thành phố Cần Thơ"'
    )
    assert places.resolve("31117") == (cai_khe.id, note)  # the old ward's code
    assert places.resolve("Phường Cái Khế, Quận Ninh Kiều, Thành phố Cần Thơ") == (
        cai_khe.id,
        note,
    )
    assert places.resolve("P. Cái Khế, Q. Ninh Kiều, TP Cần Thơ") == (cai_khe.id, note)
    an_hoa_id, an_hoa_note = places.resolve("Phường An Hòa, Cần Thơ")
    assert an_hoa_id == cai_khe.id
    assert an_hoa_note.startswith('đã chuyển từ "Phường An Hòa, Quận Ninh Kiều, Thành phố Cần')


def test_an_old_ward_of_a_merged_province(places):
    expected = (
        unit(NEW, "31510").id,
        'đã chuyển từ "Phường 1, Thành phố Sóc Trăng, Tỉnh Sóc Trăng" (trước 01/07/2025) sang '
        '"Phường Phú Lợi, Thành phố Cần Thơ"',
    )
    assert places.resolve("Phường 1, Thành phố Sóc Trăng, Tỉnh Sóc Trăng") == expected
    assert places.resolve("Phường 01, TP Sóc Trăng") == expected


def test_names_are_matched_without_accents_case_or_stray_spaces(places):
    ninh_kieu = unit(NEW, "31135").id
    for text in [
        "Phường Ninh Kiều, Thành phố Cần Thơ",
        unicodedata.normalize("NFD", "  Phường  Ninh Kiều ,Thành phố   Cần Thơ "),
        "phuong ninh kieu, tp can tho",
        "P.Ninh Kiều, TP. Cần Thơ",
        "Ninh Kiều",
        "Số 5, đường 3/2, Phường Ninh Kiều, Thành phố Cần Thơ",
    ]:
        assert places.resolve(text) == (ninh_kieu, None), text
    assert places.resolve(None) == (None, None)
    assert places.resolve("  ") == (None, None)


def test_ambiguous_and_unknown_places_say_what_to_write(places):
    with pytest.raises(CellError) as refused:
        places.resolve("Phường 1, Sóc Trăng")
    assert str(refused.value).startswith(
        "Có 3 đơn vị hành chính ứng với «Phường 1, Sóc Trăng» (Phường 1, Thành phố Sóc Trăng, "
        "Tỉnh Sóc Trăng; Phường 1, Thị xã Ngã Năm, Tỉnh Sóc Trăng; Phường 1, Thị xã Vĩnh Châu, "
        "Tỉnh Sóc Trăng): ghi rõ tên xã, phường và tỉnh, thành phố"
    )
    with pytest.raises(CellError, match="Có 2 đơn vị hành chính ứng với «Thuận An»"):
        places.resolve("Thuận An")
    with pytest.raises(CellError) as refused:
        places.resolve("Phường Không Có, Thành phố Cần Thơ")
    assert str(refused.value) == (
        "Không tìm thấy đơn vị hành chính «Phường Không Có, Thành phố Cần Thơ»: ghi tên xã, "
        "phường và tỉnh, thành phố theo danh mục từ 01/07/2025, ví dụ «Phường Ninh Kiều, Thành "
        "phố Cần Thơ», hoặc ghi mã đơn vị."
    )
    with pytest.raises(CellError, match="Không có đơn vị hành chính mã «99999»"):
        places.resolve("99999")


def test_resolving_cells_does_no_query(places, django_assert_max_num_queries):
    """200 cells, unknown and ambiguous ones too, once the resolver is built."""
    labels = [places.label(u.id) for u in AdministrativeUnit.objects.filter(generation=NEW)]
    cells = [*labels, "31117", "P. Cái Khế, Q. Ninh Kiều, TP Cần Thơ", "Thuận An", "?"] * 2
    with django_assert_max_num_queries(0):
        for cell in cells[:200]:
            with contextlib.suppress(CellError):
                places.resolve(cell)
    assert len(cells) >= 200


def test_construction_takes_a_few_queries(db, django_assert_max_num_queries):
    load_admin_units(province="can_tho")
    with django_assert_max_num_queries(2):
        PlaceResolver()
