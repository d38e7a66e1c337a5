"""Figures of the ratings pages the Vietnamese way (3.114, 85,5) and form errors by label."""

from decimal import Decimal

from django import template

from tochuc.core.formatting import vn_int

register = template.Library()


@register.filter(name="vn_int")
def vn_int_filter(value) -> str:
    """3114 → '3.114'."""
    return vn_int(int(value or 0))


@register.filter(name="vn_number")
def vn_number(value) -> str:
    """Decimal('85.50') → '85,5'; None → '—'."""
    if value is None or value == "":
        return "—"
    text = f"{Decimal(value):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


@register.filter
def get_item(mapping, key):
    """{{ summary.by_consequence|get_item:code }}: a dict entry in a template."""
    return mapping.get(key) if mapping else None


@register.filter
def named_errors(field) -> list[str]:
    """A bound field's errors, each starting with the field's label (once)."""
    label = field.label or ""
    return [e if not label or e.startswith(label) else f"{label}: {e}" for e in field.errors]
