"""Figures of the congress pages the Vietnamese way: 3.114, 1.234,5, 94,28%."""

from django import template

from tochuc.congresses.selectors import vn_decimal
from tochuc.core.formatting import vn_int
from tochuc.core.templatetags.page_filters import get_item, named_errors

register = template.Library()
register.filter("field_errors", named_errors)
register.filter("get_item", get_item)


@register.filter(name="congress_int")
def congress_int(value) -> str:
    """3114 → '3.114' ('—' for None)."""
    return "—" if value is None else vn_int(int(value))


@register.filter(name="congress_decimal")
def congress_decimal(value) -> str:
    """Decimal('1234.50') → '1.234,5' ('—' for None)."""
    return "—" if value is None else vn_decimal(value)
