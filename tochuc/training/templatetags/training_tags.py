"""Figures of the training pages the Vietnamese way (27.517)."""

from django import template

from tochuc.core.formatting import vn_int

register = template.Library()


@register.filter(name="training_int")
def training_int(value) -> str:
    """27517 → '27.517'."""
    return vn_int(int(value or 0))
