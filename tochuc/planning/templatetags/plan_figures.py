"""Figures and form errors of the planning pages, the Vietnamese way."""

from django import template

from tochuc.core.formatting import vn_int

register = template.Library()


@register.filter(name="plan_int")
def plan_int(value) -> str:
    """3114 → '3.114'."""
    return vn_int(int(value or 0))


@register.filter
def labelled_errors(field) -> list[str]:
    """A bound field's errors, each starting with the field's label (once)."""
    label = field.label or ""
    return [e if not label or e.startswith(label) else f"{label}: {e}" for e in field.errors]


@register.filter(name="plan_share")
def plan_share(value) -> str:
    """Decimal('25.00') → '25,00%'."""
    from tochuc.planning.structure import vn_share

    return vn_share(value)
