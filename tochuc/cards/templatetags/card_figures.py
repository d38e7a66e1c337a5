"""Figures of the card exchange pages the Vietnamese way (126.014), via `vn_int`."""

from django import template

from tochuc.core.formatting import vn_int

register = template.Library()


@register.filter(name="vn_int")
def vn_int_filter(value) -> str:
    """126014 → '126.014'."""
    return vn_int(int(value or 0))
