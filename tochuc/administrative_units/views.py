"""Pages of administrative units: the list in force on the chosen date and one unit."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from tochuc.administrative_units import selectors, tables
from tochuc.administrative_units.filtersets import AdministrativeUnitFilterSet
from tochuc.administrative_units.models import AdministrativeUnit, Level
from tochuc.core.formatting import vn_date
from tochuc.core.tabular import export_format, table_response

PAGE_SIZE = 100


@login_required
def unit_list(request):
    """Đơn vị hành chính in force on `request.as_of`, filtered by level, province and name;
    the whole list as a file with `?xuat=xlsx|csv`."""
    on = request.as_of
    params = request.GET.copy()
    params.pop("as_of", None)  # the middleware has read it into request.as_of
    params.pop("page", None)
    filterset = AdministrativeUnitFilterSet(
        params,
        queryset=selectors.units_at(on=on).select_related("parent").order_by("level", "code"),
    )
    units = filterset.qs if filterset.is_valid() else AdministrativeUnit.objects.none()
    if export_format(request):
        return table_response(
            request,
            name="don-vi-hanh-chinh",
            title=f"Đơn vị hành chính có hiệu lực ngày {vn_date(on)}",
            columns=tables.UNITS,
            rows=units,
        )
    page = Paginator(units, PAGE_SIZE).get_page(request.GET.get("page"))
    provinces = selectors.units_at(on=on, level=Level.PROVINCE).order_by("name")
    context = {
        "page": page,
        "filterset": filterset,
        "provinces": provinces,
        "levels": Level.choices,
        "selected_level": params.get("level", ""),
        "selected_province": params.get("province", ""),
        "query": params.get("q", ""),
        "querystring": params.urlencode(),
    }
    return render(request, "administrative_units/unit_list.html", context)


@login_required
def unit_detail(request, pk: int):
    """One unit: what it is, what lies under it on `request.as_of`, where it came from."""
    unit = get_object_or_404(AdministrativeUnit.objects.select_related("parent__parent"), pk=pk)
    on = request.as_of
    ancestors = []
    parent = unit.parent
    while parent is not None:
        ancestors.insert(0, parent)
        parent = parent.parent
    context = {
        "unit": unit,
        "ancestors": ancestors,
        "valid_on_date": unit.is_valid_at(on),
        "children": unit.children.valid_at(on).order_by("code"),
        "predecessors": selectors.predecessors_of(unit),
        "successors": selectors.successors_of(unit),
    }
    return render(request, "administrative_units/unit_detail.html", context)
