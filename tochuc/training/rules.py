"""Rules checked by this app (đào tạo, bồi dưỡng), each with its source and in-force dates,
registered into `tochuc.core.rules` when the app is ready."""

import datetime as dt

from tochuc.core.rules import Rule

QD_350 = dt.date(2025, 8, 29)
"""Quy định 350-QĐ/TW ngày 29/8/2025 của Ban Bí thư về đối tượng, tiêu chuẩn và phân cấp đào tạo
lý luận chính trị; in force from its signing date (our best reading). The standards in force
before it are not encoded: enrollments sent earlier are not checked."""

RULES: list[Rule] = [
    Rule(
        code="political_theory_enrollment",
        title="Tiêu chuẩn học viên đào tạo trung cấp, cao cấp lý luận chính trị: là đảng viên "
        "(dự bị hoặc chính thức) khi được cử đi học; học trung cấp hệ không tập trung: nữ từ đủ "
        "28 tuổi, nam từ đủ 30 tuổi; trường hợp đặc biệt do cấp có thẩm quyền xem xét, quyết định",
        source="Quy định 350-QĐ/TW ngày 29/8/2025 của Ban Bí thư về đối tượng, tiêu chuẩn và "
        "phân cấp đào tạo lý luận chính trị",
        in_force_from=QD_350,
        parameters={
            "member_required": ["advanced_political_theory", "intermediate_political_theory"],
            "part_time_min_age": {
                "intermediate_political_theory": {"female": 28, "male": 30},
            },
        },
    ),
]
