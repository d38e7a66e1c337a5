"""Figures of the card exchange pages the Vietnamese way (126.014), via `vn_int`."""

from django import template

from tochuc.core.templatetags.page_filters import vn_int_filter

register = template.Library()
register.filter("vn_int", vn_int_filter)
