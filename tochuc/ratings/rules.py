"""Rules checked by this app, each with its source and in-force dates, registered into
`tochuc.core.rules` when the app is ready, and the small functions that apply them.

- `annual_rating`: the category of a year's rating, judged by the rule in force on
  31 December of that year (ratings are made at the year's end): Quy định 366-QĐ/TW ngày
  30/8/2025 (100-point scale) for 2025 on, Quy định 124-QĐ/TW ngày 04/10/2023 for 2023 and
  2024, Quy định 132-QĐ/TW ngày 08/3/2018 before (categories recorded as given).
- `confidence_vote`: quorum and consequences of a confidence vote, by the rule in force on
  the day it was held: Quy định 96-QĐ/TW ngày 02/02/2023, which replaced Quy định
  262-QĐ/TW ngày 08/10/2014.
- `discipline_reconsideration`: how long after a disciplinary decision a cadre may be
  planned, appointed or nominated again, by the rule in force on the day checked.
- `not_completed_twice`: a cadre or civil servant rated «không hoàn thành nhiệm vụ» in two
  consecutive years is to be relieved of duty or dismissed (Luật Cán bộ, công chức), by the
  rule in force on the day checked.

The in-force dates are the signing dates (each says it takes effect when signed); they are
our best reading of the documents and should be checked against them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from tochuc.core.dating import BEGINNING
from tochuc.core.formatting import vn_date
from tochuc.core.rules import Rule, RuleNotInForce, rule_in_force
from tochuc.ratings.models import CATEGORY_RANK, Category, DisciplineForm

QD_366 = dt.date(2025, 8, 30)
QD_124 = dt.date(2023, 10, 4)
QD_96 = dt.date(2023, 2, 2)
QD_262 = dt.date(2014, 10, 8)
QD_377 = dt.date(2025, 10, 8)
LAW_2008 = dt.date(2010, 1, 1)
"""Luật Cán bộ, công chức (số 22/2008/QH12, ngày 13/11/2008), in force from 01/01/2010."""
LAW_2019 = dt.date(2020, 7, 1)
"""Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức (số
52/2019/QH14, ngày 25/11/2019), in force from 01/07/2020."""


def _day_before(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=1)


SCALE_366 = {
    "scale": 100,
    "excellent": {"min_score": 90, "min_exceeded": 30, "max_late": 0},
    "good": {"min_score": 70, "max_late": 0},
    "completed": {"min_score": 50, "max_late": 20},
}
"""Quy định 366-QĐ/TW, Điều 11, as we read it: xuất sắc từ 90 điểm, 100% nhiệm vụ đúng tiến
độ, ít nhất 30% vượt yêu cầu; tốt từ 70 đến dưới 90 điểm, 100% đúng tiến độ; hoàn thành từ 50
đến dưới 70 điểm, 100% nhiệm vụ hoàn thành, chưa bảo đảm tiến độ không quá 20%; còn lại không
hoàn thành. A score above a level's band that misses that level's conditions falls to the
first lower level whose conditions it meets (90 điểm with 10% late is «hoàn thành»)."""

RATING_TITLE = (
    "Đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân: bốn mức (hoàn thành xuất "
    "sắc, hoàn thành tốt, hoàn thành, không hoàn thành nhiệm vụ)"
)

VOTE_TITLE = (
    "Lấy phiếu tín nhiệm: hội nghị hợp lệ khi có ít nhất 2/3 số người được triệu tập có mặt; tỷ "
    "lệ tín nhiệm tính trên tổng số phiếu thu về"
)

CONSEQUENCE_LABELS = {
    "none": "Không thuộc diện phải xem xét",
    "invalid": "Không hợp lệ: dưới 2/3 số người được triệu tập có mặt",
    "higher_planning_review": "Xem xét, không đưa vào quy hoạch chức vụ cao hơn",
    "resign_or_remove": "Xem xét cho từ chức hoặc thôi giữ chức vụ nếu không đáp ứng yêu cầu",
    "leave_post": "Đưa ra khỏi quy hoạch chức vụ cao hơn; xem xét cho thôi giữ chức vụ, bố trí "
    "công tác khác hoặc cho từ chức",
    "dismissal": "Miễn nhiệm chức vụ đang đảm nhiệm, bố trí công tác khác thấp hơn",
}
"""What each consequence code means; `none` and `invalid` raise no flag."""

RULES: list[Rule] = [
    Rule(
        code="annual_rating",
        title=RATING_TITLE + "; xếp loại được ghi theo kết quả cấp có thẩm quyền công nhận",
        source="Quy định 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị (và các quy định trước)",
        in_force_from=BEGINNING,
        in_force_to=_day_before(QD_124),
        parameters={"scale": None},
    ),
    Rule(
        code="annual_rating",
        title=RATING_TITLE + "; xếp loại được ghi theo kết quả cấp có thẩm quyền công nhận",
        source="Quy định 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị",
        in_force_from=QD_124,
        in_force_to=_day_before(QD_366),
        parameters={"scale": None},
    ),
    Rule(
        code="annual_rating",
        title=RATING_TITLE + " theo thang 100 điểm: xuất sắc từ 90 điểm và ít nhất 30% nhiệm vụ "
        "vượt yêu cầu; tốt từ 70 điểm; hoàn thành từ 50 điểm và không quá 20% nhiệm vụ chưa bảo "
        "đảm tiến độ; còn lại không hoàn thành",
        source="Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị, Điều 11",
        in_force_from=QD_366,
        parameters=SCALE_366,
    ),
    Rule(
        code="confidence_vote",
        title=VOTE_TITLE + "; trên 1/2 phiếu tín nhiệm thấp: xem xét không đưa vào quy hoạch "
        "chức vụ cao hơn; từ 2/3 trở lên: xem xét cho từ chức hoặc thôi giữ chức vụ",
        source="Quy định 262-QĐ/TW ngày 08/10/2014 của Bộ Chính trị",
        in_force_from=QD_262,
        in_force_to=_day_before(QD_96),
        parameters={
            "quorum": [2, 3],
            "bands": [
                {"at_least": [2, 3], "code": "resign_or_remove"},
                {"above": [1, 2], "code": "higher_planning_review"},
            ],
        },
    ),
    Rule(
        code="confidence_vote",
        title=VOTE_TITLE + "; trên 1/2 đến dưới 2/3 phiếu tín nhiệm thấp: đưa ra khỏi quy hoạch "
        "chức vụ cao hơn, xem xét cho thôi giữ chức vụ; từ 2/3 trở lên: miễn nhiệm",
        source="Quy định 96-QĐ/TW ngày 02/02/2023 của Bộ Chính trị",
        in_force_from=QD_96,
        parameters={
            "quorum": [2, 3],
            "bands": [
                {"at_least": [2, 3], "code": "dismissal"},
                {"above": [1, 2], "code": "leave_post"},
            ],
        },
    ),
    Rule(
        code="discipline_reconsideration",
        title="Cán bộ bị kỷ luật khiển trách, cảnh cáo không được quy hoạch, bổ nhiệm vào chức "
        "vụ cao hơn trong 12 tháng; giáng chức, cách chức: 24 tháng, kể từ ngày quyết định kỷ "
        "luật có hiệu lực",
        source="Luật Cán bộ, công chức (sửa đổi năm 2019), Điều 82 khoản 2, 3",
        in_force_from=LAW_2019,
        in_force_to=_day_before(QD_377),
        parameters={"months": {"reprimand": 12, "warning": 12, "removal": 24}},
    ),
    Rule(
        code="discipline_reconsideration",
        title="Cán bộ bị kỷ luật được xem xét quy hoạch, bổ nhiệm, giới thiệu ứng cử chức vụ "
        "cao hơn sau 24 tháng (khiển trách), 36 tháng (cảnh cáo), 60 tháng (cách chức) kể từ "
        "ngày quyết định kỷ luật có hiệu lực",
        source="Quy định 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị",
        in_force_from=QD_377,
        parameters={"months": {"reprimand": 24, "warning": 36, "removal": 60}},
    ),
    # Best reading of the sources, to be checked against the texts: Luật Cán bộ, công chức
    # 2008, Điều 29 khoản 3 (cán bộ: miễn nhiệm, cho thôi làm nhiệm vụ) and Điều 58 khoản 3
    # (công chức: giải quyết thôi việc) after two consecutive years «không hoàn thành nhiệm
    # vụ»; the 2019 amendment (Luật 52/2019/QH14, khoản 5 and 12 Điều 1) keeps the two
    # consecutive years, now of the rating «xếp loại chất lượng ở mức không hoàn thành nhiệm
    # vụ». Party rules on appointment and planning (Quy định 80-QĐ/TW, Quy định 50-QĐ/TW)
    # cite the same ground for miễn nhiệm and for taking a cadre out of a plan.
    Rule(
        code="not_completed_twice",
        title="Cán bộ, công chức 02 năm liên tiếp không hoàn thành nhiệm vụ: cơ quan, tổ chức "
        "có thẩm quyền miễn nhiệm, cho thôi làm nhiệm vụ (cán bộ), giải quyết thôi việc (công "
        "chức)",
        source="Luật Cán bộ, công chức năm 2008, Điều 29 khoản 3, Điều 58 khoản 3",
        in_force_from=LAW_2008,
        in_force_to=_day_before(LAW_2019),
        parameters={"years": 2},
    ),
    Rule(
        code="not_completed_twice",
        title="Cán bộ, công chức có 02 năm liên tiếp được xếp loại chất lượng ở mức không hoàn "
        "thành nhiệm vụ: miễn nhiệm, cho thôi làm nhiệm vụ (cán bộ); cho thôi việc (công chức)",
        source="Luật Cán bộ, công chức (sửa đổi năm 2019), Điều 29 khoản 3, Điều 58 khoản 3",
        in_force_from=LAW_2019,
        parameters={"years": 2},
    ),
]
"""The 2019 law's periods are the state rule for civil servants; they stand for the years
before Quy định 377-QĐ/TW set the party's own (longer) periods for cadres. Dismissal
(buộc thôi việc) and expulsion (khai trừ) have no reconsideration period."""


# Annual ratings ------------------------------------------------------------------------------


def rating_day(year: int) -> dt.date:
    """The day a year's rating is judged on: its last day (ratings are made at year's end)."""
    return dt.date(year, 12, 31)


def rating_rule(year: int) -> Rule:
    return rule_in_force("annual_rating", rating_day(year))


def has_scale(rule: Rule) -> bool:
    return bool(rule.parameters.get("scale"))


def derived_category(
    rule: Rule,
    *,
    score: Decimal | None,
    exceeded_share: Decimal | None,
    late_share: Decimal | None,
) -> str | None:
    """The category the rule gives these inputs, or None when the rule has no scale (the
    category is then recorded as given) or an input it needs is missing."""
    if not has_scale(rule) or score is None:
        return None
    levels = rule.parameters
    late, exceeded = late_share, exceeded_share
    excellent, good, completed = levels["excellent"], levels["good"], levels["completed"]
    if (
        score >= excellent["min_score"]
        and late is not None
        and exceeded is not None
        and late <= excellent["max_late"]
        and exceeded >= excellent["min_exceeded"]
    ):
        return Category.EXCELLENT
    if score >= good["min_score"] and late is not None and late <= good["max_late"]:
        return Category.GOOD
    if score >= completed["min_score"]:
        if late is None:
            return None
        if late <= completed["max_late"]:
            return Category.COMPLETED
    return Category.NOT_COMPLETED


def needed_inputs(rule: Rule, score: Decimal | None) -> list[str]:
    """Inputs the rule needs besides the score to place this score: the late share from the
    lowest passing score, the exceeded share from the excellent one."""
    if not has_scale(rule) or score is None:
        return []
    levels = rule.parameters
    needed = []
    if score >= levels["completed"]["min_score"]:
        needed.append("late_share")
    if score >= levels["excellent"]["min_score"]:
        needed.append("exceeded_share")
    return needed


def rank(category: str) -> int:
    return CATEGORY_RANK[Category(category)]


# Confidence votes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class VoteOutcome:
    """What a confidence vote means under the rule of its day.

    `quorum`: present ≥ 2/3 of those summoned. `low_share`: low ÷ ballots collected (high +
    confidence + low + invalid). `code` is one of CONSEQUENCE_LABELS ("invalid" without a
    quorum, "none" below every band); `rule` is None when no rule was in force that day.
    """

    code: str
    quorum: bool
    low_share: Fraction | None
    rule: Rule | None

    @property
    def label(self) -> str:
        return CONSEQUENCE_LABELS.get(self.code, "Không có quy định áp dụng vào ngày lấy phiếu")

    @property
    def flagged(self) -> bool:
        return self.code not in ("none", "invalid", "no_rule")

    @property
    def source(self) -> str:
        return self.rule.source if self.rule else ""

    @property
    def low_percent(self) -> str:
        from tochuc.core.formatting import vn_percent

        if self.low_share is None:
            return "—"
        return vn_percent(self.low_share.numerator, self.low_share.denominator)


def vote_rule(held_on: dt.date) -> Rule | None:
    try:
        return rule_in_force("confidence_vote", held_on)
    except RuleNotInForce:
        return None


def has_quorum(rule: Rule, *, summoned: int, present: int) -> bool:
    """Present ≥ quorum × summoned (2/3: at least two thirds of those summoned)."""
    num, den = rule.parameters["quorum"]
    return summoned > 0 and present * den >= summoned * num


def band_reached(band: dict, *, low: int, ballots: int) -> bool:
    """low ÷ ballots ≥ a/b ("at_least") or > a/b ("above")."""
    if "at_least" in band:
        num, den = band["at_least"]
        return low * den >= ballots * num
    num, den = band["above"]
    return low * den > ballots * num


def judge_vote(
    *, held_on: dt.date, summoned: int, present: int, low: int, ballots: int
) -> VoteOutcome:
    """The consequence of a vote by the rule in force on `held_on` (bands tried highest
    first, so 2/3 or more is the 2/3 band, over 1/2 and under 2/3 the 1/2 band)."""
    rule = vote_rule(held_on)
    share = Fraction(low, ballots) if ballots else None
    if rule is None:
        return VoteOutcome("no_rule", False, share, None)
    if not has_quorum(rule, summoned=summoned, present=present):
        return VoteOutcome("invalid", False, share, rule)
    for band in rule.parameters["bands"]:
        if ballots and band_reached(band, low=low, ballots=ballots):
            return VoteOutcome(band["code"], True, share, rule)
    return VoteOutcome("none", True, share, rule)


# Discipline ----------------------------------------------------------------------------------


def reconsideration_months(form: str, on: dt.date) -> int | None:
    """Months a disciplined cadre waits before being planned or appointed again, by the rule
    in force on `on`; None when the form has no such period (dismissal, expulsion: the
    person stays flagged) or no rule was in force."""
    try:
        rule = rule_in_force("discipline_reconsideration", on)
    except RuleNotInForce:
        return None
    return rule.parameters["months"].get(form)


PERMANENT_FORMS = (DisciplineForm.DISMISSAL, DisciplineForm.EXPULSION)
"""Forms that end the career or the membership: no reconsideration period applies."""


def reconsideration_note(form: str, decided_on: dt.date, on: dt.date) -> str:
    """«xem xét quy hoạch, bổ nhiệm lại từ 01/03/2027 (36 tháng, theo Quy định 377-QĐ/TW …)»
    for a discipline of `form` decided on `decided_on`, by the rule in force on `on`."""
    from tochuc.members.replay import add_months

    if form in PERMANENT_FORMS:
        return "không có thời hạn xem xét lại"
    months = reconsideration_months(form, on)
    if months is None:
        return "không có quy định về thời hạn xem xét lại vào ngày này"
    rule = rule_in_force("discipline_reconsideration", on)
    until = add_months(decided_on, months)
    return (
        f"xem xét quy hoạch, bổ nhiệm lại từ {vn_date(until)} ({months} tháng, theo {rule.source})"
    )


# Annual ratings in a row --------------------------------------------------------------------


def not_completed_rule(on: dt.date) -> Rule | None:
    """The rule on consecutive years «không hoàn thành nhiệm vụ» in force on `on`, if any."""
    try:
        return rule_in_force("not_completed_twice", on)
    except RuleNotInForce:
        return None


def not_completed_streak(years: dict[int, bool], needed: int) -> list[int]:
    """The latest `needed` consecutive years rated «không hoàn thành nhiệm vụ» with no year
    rated better after them, oldest first; [] when there are none.

    `years`: year → True when some rating of that year is «không hoàn thành nhiệm vụ» (by any
    organization that rates the person: their cell or the body managing them), False when
    the year was rated and none says so. A year rated better ends the streak for good; a
    year without a rating is not «không hoàn thành» (2023 and 2025 with no 2024 rating are
    not consecutive)."""
    for year in sorted(years, reverse=True):
        if not years[year]:
            return []
        run = [year - k for k in range(needed)]
        if all(years.get(y) for y in run):
            return sorted(run)
    return []
