"""Rules checked by this app (đại hội đảng bộ), each with its source and in-force dates,
registered into `tochuc.core.rules` when the app is ready. The functions applying them are
in `tochuc.congresses.eligibility`.

Age of committee members (rule «committee_age»), by the directive on the congresses of the
term, chosen by the congress's opening date:

- Chỉ thị 35-CT/TW ngày 30/5/2019 (congresses for 2020–2025), with its Phụ lục 2 and
  Hướng dẫn 26-HD/BTCTW ngày 18/10/2019: first-time members must have at least a full term
  (60 months) of service left, re-elected members at least half a term (30 months), «tính
  theo tháng» at the congress. Phụ lục 2 gives the result as birth months (first time at
  province level: men born from 9/1965, women from 9/1970; re-elected: men from 3/1963,
  women from 3/1968; district level 6/1965 and 12/1962), which is 60 and 30 months counted
  from September 2020 (province) and June 2020 (district) with the retirement ages of the
  time, 60 for men and 55 for women (Bộ luật Lao động 2012). Those counting months and ages
  are our reading of that table; other levels count from the month the congress opens.
- Chỉ thị 45-CT/TW ngày 14/4/2025 (congresses for 2025–2030): first-time members a full
  term, re-elected members at least 48 months, counted at «thời điểm bắt đầu tổ chức đại
  hội đảng bộ ở mỗi cấp»: grassroots April 2025, the level directly above grassroots June
  2025, commune, ward and special-zone committees July 2025, province September 2025; the
  retirement age is the roadmap of Nghị định 135/2020/NĐ-CP (rule «retirement_age»). The
  directive's narrower cases (provincial deputy secretaries 42 months, inspection committees
  by the Central Inspection Committee's guidance) are not modelled.

In-force dates are the signing dates of the two directives (our best reading).
"""

from __future__ import annotations

import datetime as dt

from tochuc.core.dating import BEGINNING, END_OF_TIME
from tochuc.core.rules import Rule, editions

CT35_SIGNED = dt.date(2019, 5, 30)
CT45_SIGNED = dt.date(2025, 4, 14)
QD190_SIGNED = dt.date(2024, 10, 10)

AGE_TITLE = (
    "Tuổi tham gia cấp ủy: người lần đầu tham gia phải còn đủ thời gian công tác ít nhất "
    "trọn một nhiệm kỳ, người tái cử phải còn ít nhất {months} tháng, tính đến thời điểm "
    "tính tuổi của đại hội"
)

RULES: list[Rule] = [
    Rule(
        code="committee_age",
        title=AGE_TITLE.format(months=30),
        source="Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị về đại hội đảng bộ các cấp "
        "tiến tới Đại hội XIII, Phụ lục 2; Hướng dẫn 26-HD/BTCTW ngày 18/10/2019",
        in_force_from=CT35_SIGNED,
        in_force_to=CT45_SIGNED - dt.timedelta(days=1),
        parameters={
            "term": "2020-2025",
            "first_time_months": 60,
            "reelected_months": 30,
            "retirement_age_months": {"male": 720, "female": 660},
            "counting_months": {
                "provincial_committee": "2020-09",
                "district_committee": "2020-06",
                "sector_committee": "2020-06",
            },
        },
    ),
    Rule(
        code="committee_age",
        title=AGE_TITLE.format(months=48),
        source="Chỉ thị 45-CT/TW ngày 14/4/2025 của Bộ Chính trị về đại hội đảng bộ các cấp "
        "tiến tới Đại hội XIV",
        in_force_from=CT45_SIGNED,
        in_force_to=END_OF_TIME,
        parameters={
            "term": "2025-2030",
            "first_time_months": 60,
            "reelected_months": 48,
            "retirement_age_months": None,
            "counting_months": {
                "grassroots_committee": "2025-04",
                "grassroots_cell": "2025-04",
                "district_committee": "2025-06",
                "sector_committee": "2025-06",
                "commune_committee": "2025-07",
                "provincial_committee": "2025-09",
            },
        },
    ),
    Rule(
        code="full_member_rights",
        title="Chỉ đảng viên chính thức được bầu cử, ứng cử cơ quan lãnh đạo của Đảng: đại biểu "
        "dự đại hội và cấp ủy viên là đảng viên chính thức của đảng bộ",
        source="Điều lệ Đảng, Điều 3 (đảng viên dự bị có các quyền của đảng viên, trừ quyền "
        "biểu quyết, ứng cử và bầu cử cơ quan lãnh đạo của Đảng)",
        in_force_from=BEGINNING,
        in_force_to=END_OF_TIME,
    ),
    *editions(
        "leadership_from_committee",
        "Ban chấp hành bầu ban thường vụ, bí thư, phó bí thư trong số ủy viên ban chấp hành",
        (
            "Điều lệ Đảng; Quy chế bầu cử trong Đảng ban hành kèm Quyết định 244-QĐ/TW ngày "
            "09/6/2014",
            BEGINNING,
            QD190_SIGNED - dt.timedelta(days=1),
        ),
        (
            "Điều lệ Đảng; Quy chế bầu cử trong Đảng ban hành kèm Quyết định 190-QĐ/TW ngày "
            "10/10/2024",
            QD190_SIGNED,
            END_OF_TIME,
        ),
    ),
]
