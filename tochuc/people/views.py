"""Pages of personal records: the profile edit (the member page shows the profile) and the
person picker that every form choosing a person uses."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from tochuc.core.scoping import CHANGE
from tochuc.people.forms import PersonEditForm
from tochuc.people.models import Person
from tochuc.people.selectors import search_persons
from tochuc.people.services import person_update


@login_required
def person_edit(request, pk: int):
    """Sửa lý lịch, refused when someone else saved the profile since the form was opened."""
    people = Person.objects.restrict(request.user, CHANGE, on=request.as_of)
    person = get_object_or_404(people.select_related("hometown", "residence"), pk=pk)
    form = PersonEditForm(
        request.POST or None, instance=person, initial={"version": person.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            person_update(
                person=person,
                expected_version=form.cleaned_data["version"],
                changes=form.profile(),
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            for note in form.conversions:
                messages.info(request, note)
            messages.success(request, "Đã lưu lý lịch.")
            return redirect("members:detail", pk=person.pk)
    context = {"forms": [form], "title": f"Sửa lý lịch — {person.full_name}", "person": person}
    return render(request, "members/form.html", context)


@login_required
def person_choices(request):
    """htmx answer of the person picker (`people/_person_picker.html`): radio choices named
    `field` (default «person») among the persons the user may change on the date whose name
    matches `q` (at least 2 characters)."""
    text = request.GET.get("q", "").strip()
    field = request.GET.get("field", "person")
    if not field.isidentifier():
        field = "person"
    persons = (
        search_persons(user=request.user, on=request.as_of, text=text, limit=20, action=CHANGE)
        if len(text) >= 2
        else []
    )
    context = {"persons": persons, "query": text, "field": field}
    return render(request, "people/_person_choices.html", context)
