"""`tochuc import FILE [--dry-run] [--user USERNAME]`: counts, every problem, exit codes."""

import io

import pytest
from django.core.management import CommandError, call_command

from tochuc.interchange.tests.job_support import (  # noqa: F401
    BIRTH_PROBLEM,
    CLEAN,
    CODE_PROBLEM,
    FAULTY,
    engine_fixture,
    isolated_storage,
)

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def clean_file(tmp_path):
    path = tmp_path / "sach.xlsx"
    path.write_bytes(CLEAN)
    return path


@pytest.fixture
def faulty_file(tmp_path):
    path = tmp_path / "sai.xlsx"
    path.write_bytes(FAULTY)
    return path


def test_dry_run_of_a_clean_file(clean_file, engine):
    out, err = run(str(clean_file), "--dry-run")
    assert out.splitlines() == [
        "Sheet «Tổ chức»: thêm mới 1, cập nhật 0, không đổi 0, lỗi 0.",
        "Sheet «Cá nhân»: thêm mới 0, cập nhật 1, không đổi 1, lỗi 0.",
    ]
    assert "Tệp không có lỗi; chưa ghi gì (--dry-run)." in err
    assert "\rKiểm tra     [" in err and "100% 9/9" in err  # the progress bar, redrawn in place
    assert engine.calls == [{"user": None, "apply": False, "content": CLEAN}]


def test_problems_are_listed_and_exit_with_1(faulty_file, engine):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("import", str(faulty_file), "--dry-run", stdout=out, stderr=err)
    assert exited.value.code == 1
    lines = out.getvalue().splitlines()
    assert lines[-2:] == [str(CODE_PROBLEM), str(BIRTH_PROBLEM)]
    assert lines[-1] == "Sheet «Cá nhân», dòng 4, cột «Ngày sinh»: Không phải ngày: «31/02/1990»."
    assert "Có 2 lỗi; chưa có gì được ghi vào cơ sở dữ liệu." in err.getvalue()
    with pytest.raises(SystemExit):  # without --dry-run: refused as well
        call_command("import", str(faulty_file), stdout=out, stderr=err)
    assert [call["apply"] for call in engine.calls] == [False, True]


def test_import_writes_with_the_users_scope(clean_file, engine, small_tree):
    _, err = run(str(clean_file), "--user", small_tree.users.a_editor.username, "-v", "0")
    assert "Đã ghi toàn bộ tệp vào cơ sở dữ liệu." in err and "[" not in err  # -v 0: no bar
    assert engine.calls[0]["apply"] is True
    assert engine.calls[0]["user"] == small_tree.users.a_editor


def test_unknown_file_or_user(clean_file, engine):
    with pytest.raises(CommandError, match="Không có tệp"):
        run("/khong/co.xlsx")
    with pytest.raises(CommandError, match="Không có người dùng «ai»"):
        run(str(clean_file), "--user", "ai")
    assert not engine.calls
