"""Rules checked by this app (biên chế, tinh giản biên chế), each with its source and in-force
dates, registered into `tochuc.core.rules` when the app is ready."""

import datetime as dt

from tochuc.core.rules import Rule

NQ_39 = dt.date(2015, 4, 17)
KL_28 = dt.date(2022, 2, 21)
"""Kết luận 28-KL/TW ngày 21/02/2022 of the Politburo on staff reduction 2022–2026, restated by
Kết luận 40-KL/TW and Quyết định 72-QĐ/TW (18/07/2022); in force from 21/02/2022 and measured
against the headcount approved for 2021 (our best reading of the documents)."""

TITLE = (
    "Chỉ tiêu tinh giản biên chế: tỷ lệ giảm tối thiểu của biên chế được giao so với năm gốc, "
    "theo từng loại biên chế"
)

RULES: list[Rule] = [
    Rule(
        code="staff_reduction_target",
        title=TITLE,
        source="Nghị quyết 39-NQ/TW ngày 17/4/2015 của Bộ Chính trị về tinh giản biên chế và cơ "
        "cấu lại đội ngũ cán bộ, công chức, viên chức: đến năm 2021 tinh giản tối thiểu 10% biên "
        "chế so với năm 2015",
        in_force_from=NQ_39,
        in_force_to=KL_28 - dt.timedelta(days=1),
        parameters={
            "baseline_year": 2015,
            "by_year": 2021,
            "targets": {"civil_servants": 10, "public_employees": 10},
        },
    ),
    Rule(
        code="staff_reduction_target",
        title=TITLE,
        source="Kết luận 28-KL/TW ngày 21/02/2022 của Bộ Chính trị (và Kết luận 40-KL/TW, Quyết "
        "định 72-QĐ/TW ngày 18/7/2022): giai đoạn 2022–2026 tinh giản ít nhất 5% biên chế cán "
        "bộ, công chức và ít nhất 10% biên chế viên chức hưởng lương từ ngân sách so với năm 2021",
        in_force_from=KL_28,
        parameters={
            "baseline_year": 2021,
            "by_year": 2026,
            "targets": {"civil_servants": 5, "public_employees": 10},
        },
    ),
]
