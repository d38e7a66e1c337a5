"""Figures of the staffing pages the Vietnamese way (3.846)."""

from django import template

from tochuc.core.formatting import vn_int

register = template.Library()


@register.filter(name="staffing_int")
def staffing_int(value) -> str:
    """3846 → '3.846'; −5 → '-5'; None → '—'."""
    if value is None or value == "":
        return "—"
    return vn_int(int(value))
