"""What the import-job tests share: uploads and progress kept in the test's own folder, and a
fake engine standing in for `importer.run` (its outcome chosen by the uploaded bytes)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tochuc.interchange import importer
from tochuc.interchange.outcome import ERROR, UNCHANGED, UPDATE, Outcome, Problem, RowResult

CLEAN = b"PK\x03\x04 clean workbook"
FAULTY = b"PK\x03\x04 faulty workbook"
BIRTH_PROBLEM = Problem("Cá nhân", 4, "Ngày sinh", "Không phải ngày: «31/02/1990».")
CODE_PROBLEM = Problem("Tổ chức", 3, "Mã tổ chức cấp trên", "Không có tổ chức mã «XYZ».")


@pytest.fixture(autouse=True)
def isolated_storage(settings, tmp_path):
    """Uploads and the progress cache under the test's temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CACHES = {
        **settings.CACHES,
        "progress": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": tmp_path / "progress",
        },
    }


def outcome_for(content: bytes, *, apply: bool) -> Outcome:
    """Three rows of two sheets; the faulty file adds two rows with problems."""
    rows = [
        RowResult("Tổ chức", 2, "X1"),
        RowResult("Cá nhân", 2, "HS0001", UPDATE, changes=["Họ và tên", "Dân tộc"]),
        RowResult("Cá nhân", 3, "HS0002", UNCHANGED, notes=["Địa chỉ đổi theo đơn vị mới."]),
    ]
    if b"faulty" in content:
        rows.insert(1, RowResult("Tổ chức", 3, "X2", ERROR, problems=[CODE_PROBLEM]))
        rows.append(RowResult("Cá nhân", 4, "HS0003", ERROR, problems=[BIRTH_PROBLEM]))
    outcome = Outcome(rows=rows)
    outcome.applied = apply and outcome.ok
    return outcome


class FakeEngine:
    """`importer.run` as the tests need it: reports progress, records each call."""

    def __init__(self):
        self.calls: list[dict] = []
        self.during: list = []
        self.outcome_for = outcome_for

    def __call__(self, source, *, user=None, apply=False, progress=None):
        content = Path(source).read_bytes() if isinstance(source, str | Path) else source.read()
        self.calls.append({"user": user, "apply": apply, "content": content})
        for phase, total in (("Đọc tệp", 4), ("Kiểm tra", 9)) + ((("Ghi", 9),) if apply else ()):
            for done in range(total + 1):
                progress(phase, done, total)
            self.during.append(phase)
        return self.outcome_for(content, apply=apply)


@pytest.fixture(name="engine")
def engine_fixture(monkeypatch) -> FakeEngine:
    """The fake engine in place of `importer.run` (test parameter `engine`)."""
    fake = FakeEngine()
    monkeypatch.setattr(importer, "run", fake)
    return fake


def workbook(content: bytes = CLEAN, name: str = "du-lieu.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name,
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def workbook_file(content: bytes = CLEAN, name: str = "du-lieu.xlsx") -> io.BytesIO:
    """A file object for the test client's multipart upload."""
    handle = io.BytesIO(content)
    handle.name = name
    return handle
