"""Figures of the ratings pages the Vietnamese way (3.114, 85,5) and form errors by label."""

from decimal import Decimal

from django import template

from tochuc.core.templatetags.page_filters import get_item, named_errors, vn_int_filter

register = template.Library()
register.filter("vn_int", vn_int_filter)
register.filter("get_item", get_item)
register.filter("named_errors", named_errors)


@register.filter(name="vn_number")
def vn_number(value) -> str:
    """Decimal('85.50') → '85,5'; None → '—'."""
    if value is None or value == "":
        return "—"
    text = f"{Decimal(value):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")
