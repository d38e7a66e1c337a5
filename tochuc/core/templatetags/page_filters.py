"""Template filters every app's pages use: whole numbers the Vietnamese way, a dict entry,
a field's errors by label, a list's export address. App libraries register them under the
names their templates know (`vn_int`, `plan_int`, `get_item`, `named_errors`, ...)."""

from django import template

from tochuc.core.formatting import vn_int
from tochuc.core.forms import labelled
from tochuc.core.tabular import PARAMETER

register = template.Library()


@register.filter(name="vn_int")
def vn_int_filter(value) -> str:
    """3114 → '3.114' (nothing counts as 0)."""
    return vn_int(int(value or 0))


@register.filter
def get_item(mapping, key):
    """{{ row.fills|get_item:body }}: a dict entry in a template."""
    return mapping.get(key) if mapping else None


@register.filter
def named_errors(field) -> list[str]:
    """A bound field's errors, each starting with the field's label (once)."""
    return [labelled(field.label or "", error) for error in field.errors]


@register.simple_tag(takes_context=True)
def export_url(context, fmt: str, **choices) -> str:
    """This page's list as a file: its address and filters, without the page number, with
    `xuat=<fmt>` and the given `choices` (one of several lists of the page)."""
    request = context["request"]
    query = request.GET.copy()
    for key in ("page", PARAMETER, *choices):
        query.pop(key, None)
    query[PARAMETER] = fmt
    for key, value in choices.items():
        if value:
            query[key] = value
    return f"{request.path}?{query.urlencode()}"
