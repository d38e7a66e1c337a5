"""Figures of the cadres pages the Vietnamese way: 3.114/3.129, 94,28%."""

from django import template

from tochuc.core.formatting import vn_int, vn_percent, vn_ratio

register = template.Library()


@register.filter(name="vn_int")
def vn_int_filter(value) -> str:
    """3114 → '3.114'."""
    return vn_int(int(value or 0))


@register.filter(name="vn_ratio")
def vn_ratio_filter(part, whole) -> str:
    """{{ 3114|vn_ratio:3129 }} → '3.114/3.129'."""
    return vn_ratio(int(part or 0), int(whole or 0))


@register.filter(name="vn_percent")
def vn_percent_filter(part, whole) -> str:
    """{{ 126014|vn_percent:133650 }} → '94,28%' ('—' without a whole)."""
    return vn_percent(int(part or 0), int(whole or 0))


@register.filter
def get_item(mapping, key):
    """{{ row.fills|get_item:body }}: a dict entry in a template."""
    return mapping.get(key) if mapping else None


@register.filter
def named_errors(field) -> list[str]:
    """A bound field's errors, each starting with the field's label (once)."""
    label = field.label or ""
    return [e if not label or e.startswith(label) else f"{label}: {e}" for e in field.errors]
