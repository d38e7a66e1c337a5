"""Figures and form errors of the planning pages, the Vietnamese way."""

from django import template

from tochuc.core.templatetags.page_filters import named_errors, vn_int_filter

register = template.Library()
register.filter("plan_int", vn_int_filter)
register.filter("labelled_errors", named_errors)


@register.filter(name="plan_share")
def plan_share(value) -> str:
    """Decimal('25.00') → '25,00%'."""
    from tochuc.planning.structure import vn_share

    return vn_share(value)
