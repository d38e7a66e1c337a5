"""Người dùng: department administrators manage the users of their subtree."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from tochuc.accounts import tables
from tochuc.accounts.forms import UserChangeForm, UserCreateForm
from tochuc.accounts.models import User
from tochuc.accounts.services import user_change, user_create
from tochuc.core.history import history_entries
from tochuc.core.scoping import MANAGE
from tochuc.core.tabular import export_format, table_response
from tochuc.organizations.models import Organization


def _organizations(request):
    return Organization.objects.restrict(request.user, MANAGE)


def _users(request):
    return User.objects.restrict(request.user, MANAGE).select_related("organization")


def _refusal_to_form(form, exc: ValidationError) -> None:
    for message in exc.messages:
        form.add_error(None, message)


@login_required
def user_list(request):
    users = _users(request).order_by("organization__code", "username")
    if export_format(request):
        return table_response(
            request,
            name="nguoi-dung",
            title="Người dùng trong phạm vi quản lý",
            columns=tables.USERS,
            rows=users,
        )
    return render(request, "accounts/user_list.html", {"users": users})


@login_required
def user_add(request):
    if not request.user.may(MANAGE):
        return render(request, "accounts/forbidden.html", status=403)
    form = UserCreateForm(request.POST or None, organizations=_organizations(request))
    if request.method == "POST" and form.is_valid():
        try:
            user = user_create(**form.cleaned_data)
        except ValidationError as exc:
            _refusal_to_form(form, exc)
        else:
            messages.success(request, f"Đã tạo tài khoản {user.username}.")
            return redirect("accounts:user_detail", pk=user.pk)
    return render(request, "accounts/user_form.html", {"form": form, "title": "Thêm người dùng"})


@login_required
def user_detail(request, pk: int):
    subject = get_object_or_404(_users(request), pk=pk)
    form = UserChangeForm(
        request.POST or None,
        organizations=_organizations(request),
        initial={
            "organization": subject.organization.code if subject.organization else "",
            "role": subject.role,
            "is_active": subject.is_active,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            user_change(user=subject, changed_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _refusal_to_form(form, exc)
        else:
            messages.success(request, "Đã lưu thay đổi.")
            return redirect("accounts:user_detail", pk=subject.pk)
    return render(
        request,
        "accounts/user_form.html",
        {
            "form": form,
            "subject": subject,
            "title": f"Người dùng {subject.username}",
            "history": history_entries(subject),
        },
    )
