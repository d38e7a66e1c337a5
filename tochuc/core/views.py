"""The global search box and the rules in force."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from tochuc.core.rules import rules_in_force
from tochuc.organizations.selectors import search_periods
from tochuc.people.selectors import search_persons


@login_required
def search(request):
    """Search everything the user may see, as of the chosen date."""
    text = request.GET.get("q", "").strip()
    organizations = search_periods(user=request.user, on=request.as_of, text=text) if text else []
    persons = search_persons(user=request.user, on=request.as_of, text=text) if text else []
    return render(
        request,
        "core/search.html",
        {"q": text, "organizations": organizations, "persons": persons},
    )


@login_required
def rules(request):
    """Quy định đang áp dụng: the rules in force on the chosen date, with their sources."""
    return render(request, "core/rules.html", {"rules": rules_in_force(request.as_of)})
