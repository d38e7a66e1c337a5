"""`tochuc load_admin_units`: loads, reports in Vietnamese, refuses an unknown province."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tochuc.administrative_units.models import AdministrativeUnit, Generation, Level

pytestmark = pytest.mark.django_db


def test_command_loads_one_province_and_reports():
    out = StringIO()
    call_command("load_admin_units", province="can_tho", stdout=out)
    text = out.getvalue()
    assert "Thành phố Cần Thơ" in text
    assert "Cấp xã – Từ 01/07/2025 (34 tỉnh): 103 đơn vị (thêm mới 103" in text
    assert "Mọi khóa trong bảng chuyển đổi đều đối chiếu được." in text
    assert (
        AdministrativeUnit.objects.filter(
            generation=Generation.REFORM_2025, level=Level.COMMUNE
        ).count()
        == 103
    )
    out = StringIO()
    call_command("load_admin_units", "--province", "cantho", stdout=out)
    assert "thêm mới 0, cập nhật 0, không đổi 103" in out.getvalue()


def test_command_refuses_an_unknown_province_and_writes_nothing():
    with pytest.raises(CommandError, match="Không tìm thấy tỉnh, thành phố «Cần Thớt»"):
        call_command("load_admin_units", province="Cần Thớt", stdout=StringIO())
    assert not AdministrativeUnit.objects.exists()
