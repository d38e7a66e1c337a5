"""Pages of the organization tree: browser, organization page, changes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from tochuc.core.formatting import vn_date
from tochuc.core.history import history_entries
from tochuc.core.scoping import CHANGE
from tochuc.core.services import decision_cite
from tochuc.core.tabular import export_format, table_response
from tochuc.members.alerts import confirmation_overdue
from tochuc.members.selectors import member_counts
from tochuc.organizations import selectors, services, tables
from tochuc.organizations.forms import ChangeForm, DissolveForm, EstablishForm
from tochuc.organizations.models import Organization


def _organization(request, pk: int, action: str = "view") -> Organization:
    return get_object_or_404(Organization.objects.restrict(request.user, action), pk=pk)


@login_required
def tree(request):
    """Cây tổ chức as of the chosen date, opened one level at a time; the whole tree the user
    sees as a list with `?xuat=xlsx|csv`."""
    if export_format(request):
        return table_response(
            request,
            name="cay-to-chuc",
            title=f"Cây tổ chức tính đến ngày {vn_date(request.as_of)}",
            columns=tables.TREE,
            rows=tables.tree_rows(selectors.periods_at(on=request.as_of, user=request.user)),
        )
    roots = selectors.tree_roots(user=request.user, on=request.as_of)
    return render(request, "organizations/tree.html", {"roots": roots})


@login_required
def children(request, pk: int):
    """The children of one node (loaded by htmx when a node is opened)."""
    organization = _organization(request, pk)
    rows = selectors.children_of(organization=organization, on=request.as_of, user=request.user)
    return render(request, "organizations/_children.html", {"periods": rows})


@login_required
def detail(request, pk: int):
    organization = _organization(request, pk)
    on = request.as_of
    period = organization.period_at(on)
    context = {
        "organization": organization,
        "period": period or organization.periods.last(),
        "exists_on_date": period is not None,
        "ancestors": selectors.ancestors_of(organization=organization, on=on),
        "children": selectors.children_of(organization=organization, on=on, user=request.user),
        "periods": organization.periods.select_related("parent", "decision"),
        "lineage": selectors.lineage_of(organization),
        "history": history_entries(organization, *organization.periods.all()),
        "may_change": request.user.may(CHANGE),
        "member_counts": member_counts(on=on, root=organization, user=request.user)
        if period is not None
        else None,
        "confirmation_overdue": confirmation_overdue(
            on=on, root=organization, user=request.user
        ).count()
        if period is not None
        else 0,
    }
    return render(request, "organizations/detail.html", context)


def _decision(form):
    data = form.cleaned_data
    return decision_cite(
        number=data["decision_number"],
        signed_on=data["decision_signed_on"],
        issuer=data["decision_issuer"],
    )


def _change_page(request, *, form, organization, title: str, action, done: str):
    """A change form: on a valid POST run `action(data, decision)`, which returns the
    organization to show next; a refusal becomes form errors and nothing is written."""
    if request.method == "POST" and form.is_valid():
        try:
            result = action(form.cleaned_data, _decision(form))
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, done)
            return redirect("organizations:detail", pk=result.pk)
    return render(
        request,
        "organizations/form.html",
        {"form": form, "organization": organization, "title": title},
    )


@login_required
def establish(request, pk: int):
    """Thành lập tổ chức trực thuộc."""
    parent = _organization(request, pk, CHANGE)
    form = EstablishForm(request.POST or None, initial={"effective_on": request.as_of})

    def action(data, decision):
        return services.organization_establish(
            code=data["code"],
            name=data["name"],
            kind=data["kind"],
            parent=parent,
            established_on=data["effective_on"],
            decision=decision,
        )

    return _change_page(
        request,
        form=form,
        organization=parent,
        title="Thành lập tổ chức trực thuộc",
        action=action,
        done="Đã thành lập tổ chức trực thuộc.",
    )


@login_required
def change(request, pk: int):
    """Đổi tên, đổi loại hoặc chuyển trực thuộc từ một ngày."""
    organization = _organization(request, pk, CHANGE)
    current = organization.period_at(request.as_of)
    if current is None:
        raise Http404("Tổ chức không tồn tại vào ngày đang xem.")
    parent = current.parent
    form = ChangeForm(
        request.POST or None,
        initial={
            "name": current.name,
            "kind": current.kind,
            "version": organization.version,
            "parent_code": parent.code if parent else "",
            "effective_on": request.as_of,
        },
    )

    def action(data, decision):
        new_parent = data["parent_code"]
        moved = (new_parent.pk if new_parent else None) != current.parent_id
        allowed = Organization.objects.restrict(request.user, CHANGE)
        if moved and new_parent is not None and not allowed.filter(pk=new_parent.pk).exists():
            raise PermissionDenied
        services.organization_change(
            organization=organization,
            effective_on=data["effective_on"],
            decision=decision,
            expected_version=data["version"],
            name=data["name"],
            kind=data["kind"],
            parent=new_parent,
        )
        return organization

    return _change_page(
        request,
        form=form,
        organization=organization,
        title="Đổi tên, chuyển trực thuộc",
        action=action,
        done="Đã ghi nhận thay đổi.",
    )


@login_required
def dissolve(request, pk: int):
    """Giải thể tổ chức."""
    organization = _organization(request, pk, CHANGE)
    form = DissolveForm(request.POST or None, initial={"version": organization.version})

    def action(data, decision):
        services.organization_dissolve(
            organization=organization,
            effective_on=data["effective_on"],
            decision=decision,
            expected_version=data["version"],
        )
        return organization

    return _change_page(
        request,
        form=form,
        organization=organization,
        title="Giải thể tổ chức",
        action=action,
        done="Đã ghi nhận giải thể.",
    )
