"""Rules the system checks, each with its legal source and the dates it is in force.

A rule is data: a code, a title, its source and in-force dates, and parameters. Checks ask
for the version in force on the date they check (`rule_in_force(code, on)`), so a check as
of 2024 applies 2024's rule. Domain apps keep the small functions that apply a rule next to
their services; this module keeps what the rules say and where they come from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tochuc.core.dating import BEGINNING, END_OF_TIME


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    source: str
    in_force_from: dt.date = BEGINNING
    in_force_to: dt.date = END_OF_TIME
    parameters: dict = field(default_factory=dict)


def editions(code: str, title: str, *versions, parameters: dict | None = None) -> list[Rule]:
    """The successive versions of one rule: each (source, in_force_from, in_force_to)."""
    return [
        Rule(
            code=code,
            title=title,
            source=source,
            in_force_from=start,
            in_force_to=end,
            parameters=parameters or {},
        )
        for source, start, end in versions
    ]


LAST_DAY_BEFORE_294 = dt.date(2025, 5, 25)
QD_294 = dt.date(2025, 5, 26)
"""Quy định 294-QĐ/TW (2025) thi hành Điều lệ Đảng, replacing Quy định 232 and 24; the
in-force date is our best reading and should be checked against the document."""

RULES: list[Rule] = [
    *editions(
        "admission_age",
        "Tuổi đời khi kết nạp: từ đủ 18 đến đủ 60 tuổi; trên 60 tuổi phải được cấp ủy trực "
        "thuộc Trung ương đồng ý",
        (
            "Điều lệ Đảng, Điều 1; các quy định thi hành Điều lệ Đảng trước năm 2021 "
            "(45-QĐ/TW năm 2011, 29-QĐ/TW năm 2016)",
            BEGINNING,
            dt.date(2021, 7, 29),
        ),
        (
            "Quy định 24-QĐ/TW ngày 30/7/2021 thi hành Điều lệ Đảng, điểm 1.1",
            dt.date(2021, 7, 30),
            LAST_DAY_BEFORE_294,
        ),
        (
            "Quy định 294-QĐ/TW (2025) thi hành Điều lệ Đảng, thay Quy định 232 và 24",
            QD_294,
            END_OF_TIME,
        ),
        parameters={"min_age": 18, "max_age": 60},
    ),
    *editions(
        "probation",
        "Thời kỳ dự bị 12 tháng; tuổi đảng tính từ ngày chính thức kết thúc dự bị, kể cả khi "
        "chi bộ xét muộn",
        ("Điều lệ Đảng, Điều 5; Quy định 24-QĐ/TW (2021)", BEGINNING, LAST_DAY_BEFORE_294),
        ("Điều lệ Đảng, Điều 5; Quy định 294-QĐ/TW (2025)", QD_294, END_OF_TIME),
        parameters={"months": 12, "consider_within_working_days": 30},
    ),
    Rule(
        code="no_event_after_death",
        title="Không ghi nhận sự kiện nào sau ngày từ trần",
        source="Nguyên tắc dữ liệu (tính toàn vẹn hồ sơ đảng viên)",
    ),
    Rule(
        code="no_readmission_after_expulsion",
        title="Không kết nạp lại người đã bị khai trừ",
        source="Quy định 294-QĐ/TW (2025), về kết nạp lại người ra khỏi Đảng",
        in_force_from=QD_294,
    ),
    Rule(
        code="card_series",
        title="Đổi thẻ đảng viên theo đợt thẻ mới",
        source="Chỉ thị 51-CT/TW (2025) về đổi thẻ đảng viên",
        in_force_from=dt.date(2025, 1, 1),
        parameters={"new_series": "2025"},
    ),
    # Admission steps (tochuc.admissions). The 5-year validity of the awareness-course
    # certificate is stated in Hướng dẫn 12-HD/BTCTW (2022) and carried into the guidance of
    # Quy định 294-QĐ/TW (2025); the in-force dates (18/01/2022, 26/05/2025) are our best
    # reading and should be checked against the documents.
    *editions(
        "admission_steps",
        "Trình tự kết nạp: học lớp bồi dưỡng nhận thức về Đảng, làm đơn xin vào Đảng, chi bộ "
        "xét và ra nghị quyết đề nghị, cấp ủy có thẩm quyền quyết định kết nạp",
        ("Điều lệ Đảng, Điều 4", BEGINNING, LAST_DAY_BEFORE_294),
        ("Điều lệ Đảng, Điều 4; Quy định 294-QĐ/TW (2025)", QD_294, END_OF_TIME),
    ),
    *editions(
        "awareness_certificate",
        "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng có giá trị 5 năm",
        (
            "Hướng dẫn 12-HD/BTCTW (2022) của Ban Tổ chức Trung ương",
            dt.date(2022, 1, 18),
            LAST_DAY_BEFORE_294,
        ),
        (
            "Quy định 294-QĐ/TW (2025) thi hành Điều lệ Đảng và hướng dẫn thực hiện",
            QD_294,
            END_OF_TIME,
        ),
        parameters={"years": 5},
    ),
    Rule(
        code="appointment_term",
        title="Thời hạn bổ nhiệm 5 năm; thông báo, chuẩn bị bổ nhiệm lại trước 90 ngày làm việc "
        "khi hết thời hạn",
        source="Quy định 80-QĐ/TW (2022) về phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu "
        "cán bộ ứng cử",
        parameters={"years": 5, "notice_working_days": 90},
    ),
    *editions(
        "rotation_remaining_service",
        "Cán bộ luân chuyển phải còn thời gian công tác ít nhất 2 nhiệm kỳ (10 năm) tính từ thời "
        "điểm luân chuyển; luân chuyển để bố trí không là người địa phương, không giữ chức vụ "
        "quá hai nhiệm kỳ liên tiếp: ít nhất trọn một nhiệm kỳ (5 năm); trường hợp khác do cấp "
        "có thẩm quyền quyết định",
        (
            "Quy định 98-QĐ/TW ngày 07/10/2017 về luân chuyển cán bộ, Điều 5",
            dt.date(2017, 10, 7),
            dt.date(2022, 4, 27),
        ),
        (
            "Quy định 65-QĐ/TW ngày 28/4/2022 về luân chuyển cán bộ, Điều 5",
            dt.date(2022, 4, 28),
            END_OF_TIME,
        ),
        parameters={"years": 10, "non_local_years": 5},
    ),
    Rule(
        code="secretary_not_local",
        title="Chủ trương bố trí bí thư cấp ủy không là người địa phương (cảnh báo, không chặn)",
        source="Nghị quyết 26-NQ/TW ngày 19/5/2018 (Hội nghị Trung ương 7 khóa XII) về xây dựng "
        "đội ngũ cán bộ các cấp; mở rộng theo Chỉ thị 45-CT/TW (2025) về đại hội đảng bộ các "
        "cấp — cần đối chiếu văn bản áp dụng cho cấp xã",
        in_force_from=dt.date(2018, 5, 19),
    ),
    Rule(
        code="retirement_age",
        title="Tuổi nghỉ hưu theo lộ trình: nam 60 tuổi 3 tháng (2021), mỗi năm thêm 3 tháng đến "
        "62 tuổi (2028); nữ 55 tuổi 4 tháng (2021), mỗi năm thêm 4 tháng đến 60 tuổi (2035)",
        source="Nghị định 135/2020/NĐ-CP, Điều 4",
        in_force_from=dt.date(2021, 1, 1),
        parameters={
            "male": {"base_2020": 720, "step": 3, "cap": 744},
            "female": {"base_2020": 660, "step": 4, "cap": 720},
        },
    ),
]


def register(*rules: Rule) -> None:
    """Add an app's rules to the registry (each app's AppConfig.ready registers its own)."""
    RULES.extend(r for r in rules if r not in RULES)


class RuleNotInForce(LookupError):
    pass


def rule_in_force(code: str, on: dt.date) -> Rule:
    """The version of rule `code` in force on `on`."""
    for rule in RULES:
        if rule.code == code and rule.in_force_from <= on <= rule.in_force_to:
            return rule
    raise RuleNotInForce(f"Không có quy định «{code}» có hiệu lực vào ngày {on:%d/%m/%Y}.")


def rules_in_force(on: dt.date) -> list[Rule]:
    """Every rule in force on `on` (the rules page lists these with their sources)."""
    return [r for r in RULES if r.in_force_from <= on <= r.in_force_to]
