"""Rules checked by this app (quy hoạch cán bộ), each with its source and in-force dates,
registered into `tochuc.core.rules` when the app is ready.

Quy định 50-QĐ/TW ngày 27/12/2021 về công tác quy hoạch cán bộ was replaced by Quy định
377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị (phân cấp quản lý cán bộ và quy hoạch, bổ nhiệm,
giới thiệu ứng cử, …), in force from its signature and replacing Quy định 50/2021, 41/2021,
80/2022 and 148/2024 (press reports of October 2025). The numbers of the first three rules
(3 people per post, 3 posts per person at one level, a full 60-month term of service) are our
best reading of both texts and are kept as parameters so that a change is one edit here.
Before 27/12/2021 these rules are not in force in the registry: a check dated earlier applies
none of them (the older guidance, Hướng dẫn 15-HD/BTCTW 2012, is not modelled).

Who leaves the plan for a discipline or a confidence vote is judged by the rules of
`tochuc.ratings` (`discipline_reconsideration`, `confidence_vote`), which own those records.
"""

from __future__ import annotations

import datetime as dt

from tochuc.core.dating import END_OF_TIME
from tochuc.core.rules import Rule, editions

QD_50 = dt.date(2021, 12, 27)
"""Quy định 50-QĐ/TW, in force from its signature (27/12/2021)."""
QD_377 = dt.date(2025, 10, 8)
"""Quy định 377-QĐ/TW, in force from its signature (08/10/2025)."""
LAST_DAY_OF_50 = dt.date(2025, 10, 7)

SOURCE_50 = "Quy định 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị về công tác quy hoạch cán bộ"
SOURCE_377 = (
    "Quy định 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị về phân cấp quản lý cán bộ và quy "
    "hoạch, bổ nhiệm, giới thiệu ứng cử"
)

RULES: list[Rule] = [
    *editions(
        "planning_per_post",
        "Mỗi chức danh quy hoạch không quá 3 người (trong một nhiệm kỳ quy hoạch)",
        (SOURCE_50, QD_50, LAST_DAY_OF_50),
        (SOURCE_377, QD_377, END_OF_TIME),
        parameters={"max_people": 3},
    ),
    *editions(
        "planning_posts_per_person",
        "Một người quy hoạch không quá 3 chức danh cùng cấp (trong một nhiệm kỳ quy hoạch)",
        (SOURCE_50, QD_50, LAST_DAY_OF_50),
        (SOURCE_377, QD_377, END_OF_TIME),
        parameters={"max_posts": 3},
    ),
    *editions(
        "planning_age",
        "Người được quy hoạch phải còn đủ thời gian công tác ít nhất trọn một nhiệm kỳ (60 "
        "tháng) tính từ thời điểm tính tuổi quy hoạch của nhiệm kỳ đến tuổi nghỉ hưu",
        (SOURCE_50, QD_50, LAST_DAY_OF_50),
        (SOURCE_377, QD_377, END_OF_TIME),
        parameters={"months": 60},
    ),
    *editions(
        "planning_appointee_planned",
        "Cán bộ được bổ nhiệm, giới thiệu ứng cử phải có trong quy hoạch chức danh đó hoặc chức "
        "danh tương đương (cùng chức danh, cùng cấp)",
        (
            f"{SOURCE_50}; Quy định 80-QĐ/TW ngày 18/8/2022 về bổ nhiệm, giới thiệu cán bộ ứng cử",
            QD_50,
            LAST_DAY_OF_50,
        ),
        (SOURCE_377, QD_377, END_OF_TIME),
    ),
]
