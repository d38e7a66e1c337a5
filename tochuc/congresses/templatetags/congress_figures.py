"""Figures of the congress pages the Vietnamese way: 3.114, 1.234,5, 94,28%."""

from django import template

from tochuc.congresses.selectors import vn_decimal
from tochuc.core.formatting import vn_int

register = template.Library()


@register.filter(name="congress_int")
def congress_int(value) -> str:
    """3114 → '3.114' ('—' for None)."""
    return "—" if value is None else vn_int(int(value))


@register.filter(name="congress_decimal")
def congress_decimal(value) -> str:
    """Decimal('1234.50') → '1.234,5' ('—' for None)."""
    return "—" if value is None else vn_decimal(value)


@register.filter(name="field_errors")
def field_errors(field) -> list[str]:
    """A bound field's errors, each starting with the field's label (once)."""
    label = field.label or ""
    return [e if not label or e.startswith(label) else f"{label}: {e}" for e in field.errors]


@register.filter(name="get_item")
def get_item(mapping, key):
    """{{ figures|get_item:body }}: a dict entry in a template."""
    return mapping.get(key) if mapping else None
