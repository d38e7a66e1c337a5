"""Figures of the training pages the Vietnamese way (27.517)."""

from django import template

from tochuc.core.templatetags.page_filters import vn_int_filter

register = template.Library()
register.filter("training_int", vn_int_filter)
