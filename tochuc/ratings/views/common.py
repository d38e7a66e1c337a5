"""What ratings pages need beyond the shared page helpers (tochuc.organizations.pages,
tochuc.core.forms): the chosen year, the person picker and the redirect after a write."""

from __future__ import annotations

from django import forms
from django.utils.http import url_has_allowed_host_and_scheme

from tochuc.core.scoping import CHANGE
from tochuc.ratings.selectors import visible_persons


def chosen_year(request) -> int:
    """`?year=` when it is a plausible year, else the year of the date being read."""
    raw = (request.GET.get("year") or "").strip()
    if raw.isdigit() and 1900 < int(raw) < 3000:
        return int(raw)
    return request.as_of.year


def changeable_persons(request):
    """Persons the user may rate, vote on or discipline, on the date being read."""
    return visible_persons(user=request.user, on=request.as_of, action=CHANGE)


def picked_person(form: forms.BaseForm, persons):
    """The person a form already names (initial or posted), if the user may choose them."""
    if "person" not in form.fields:
        return None
    raw = str(form["person"].value() or "").strip()
    return persons.filter(pk=int(raw)).first() if raw.isdigit() else None


def next_url(request, default: str) -> str:
    """Where to go after a write: the posted `next` when it is a page of this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
