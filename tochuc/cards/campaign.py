"""The card exchange campaign (Chỉ thị 51-CT/TW, 2025): its series and its steps, in order."""

from __future__ import annotations

import datetime as dt

from tochuc.core.rules import RULES, rule_in_force

STEPS: tuple[tuple[str, str], ...] = (
    ("declared", "Kê khai"),
    ("photographed", "Chụp ảnh"),
    ("verified", "Đối chiếu căn cước công dân"),
    ("signed", "Ký thẻ"),
    ("sent", "Gửi lên cấp ủy tỉnh"),
    ("received", "Nhận thẻ mới"),
)
"""The steps of one member's exchange; each needs the one before it."""

STEP_NAMES = tuple(name for name, _ in STEPS)
STEP_LABELS = dict(STEPS)


def campaign_series(on: dt.date) -> str:
    """The new card series of the campaign in force on `on` (rule «card_series»).

    Before the first campaign starts, the series of the first one (so that "eligible"
    already means holding a card of an older series).
    """
    try:
        return rule_in_force("card_series", on).parameters["new_series"]
    except LookupError:
        upcoming = sorted(
            (r for r in RULES if r.code == "card_series"), key=lambda r: r.in_force_from
        )
        return upcoming[0].parameters["new_series"]


def campaign_source(on: dt.date) -> str:
    """The legal source of the campaign in force on `on`, for refusals and page headings."""
    try:
        return rule_in_force("card_series", on).source
    except LookupError:
        return "Chỉ thị 51-CT/TW (2025) về đổi thẻ đảng viên"
