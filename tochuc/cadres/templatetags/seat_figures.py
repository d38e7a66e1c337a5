"""Figures of the cadres pages the Vietnamese way: 3.114/3.129, 94,28%."""

from django import template

from tochuc.core.formatting import vn_percent, vn_ratio
from tochuc.core.templatetags.page_filters import get_item, named_errors, vn_int_filter

register = template.Library()
register.filter("vn_int", vn_int_filter)
register.filter("get_item", get_item)
register.filter("named_errors", named_errors)


@register.filter(name="vn_ratio")
def vn_ratio_filter(part, whole) -> str:
    """{{ 3114|vn_ratio:3129 }} → '3.114/3.129'."""
    return vn_ratio(int(part or 0), int(whole or 0))


@register.filter(name="vn_percent")
def vn_percent_filter(part, whole) -> str:
    """{{ 126014|vn_percent:133650 }} → '94,28%' ('—' without a whole)."""
    return vn_percent(int(part or 0), int(whole or 0))
