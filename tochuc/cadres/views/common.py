"""What cadres pages need beyond the shared page helpers (tochuc.organizations.pages): body
labels and which bodies to show."""

from __future__ import annotations

from tochuc.cadres.models import Body

SEAT_PHRASES = {
    Body.EXECUTIVE_COMMITTEE: "ủy viên BCH",
    Body.STANDING_COMMITTEE: "ủy viên BTV",
    Body.INSPECTION_COMMITTEE: "ủy viên UBKT",
    Body.PEOPLES_COMMITTEE: "thành viên UBND",
    Body.PEOPLES_COUNCIL: "HĐND",
    Body.DEPARTMENT: "lãnh đạo cơ quan chuyên môn",
    Body.CIVIL_SERVICE: "công chức cấp xã",
}
"""How the report names the seats of each body: «bố trí 8/9 chức danh ủy viên BCH»."""

BODY_SHORT = {
    Body.EXECUTIVE_COMMITTEE: "BCH",
    Body.STANDING_COMMITTEE: "BTV",
    Body.INSPECTION_COMMITTEE: "UBKT",
    Body.PEOPLES_COMMITTEE: "UBND",
    Body.PEOPLES_COUNCIL: "HĐND",
    Body.DEPARTMENT: "CQCM",
    Body.CIVIL_SERVICE: "Công chức",
}
ALWAYS_SHOWN = (Body.EXECUTIVE_COMMITTEE, Body.STANDING_COMMITTEE)
"""Bodies the overview shows even where no post exists yet."""


def shown_bodies(figures: dict) -> list[tuple[str, str]]:
    """(body, label) of the bodies worth a column: BCH and BTV always, others with seats."""
    return [
        (body, label)
        for body, label in Body.choices
        if body in ALWAYS_SHOWN
        or (body in figures and (figures[body].quota or figures[body].holdings))
    ]
