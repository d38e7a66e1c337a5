"""Filters of post, assignment and sourcing-plan lists (the API's; a list page may reuse them).

`org` takes an organization's id or code and keeps the rows of its subtree as it stood on
the request's `as_of` (default today); rows outside the user's scope are never reached
because the viewsets filter restricted querysets.
"""

from __future__ import annotations

import django_filters

from tochuc.cadres.models import Assignment, AssignmentKind, Body, Post, SourcingPlan
from tochuc.core.api import as_of_from
from tochuc.organizations.models import Organization
from tochuc.organizations.selectors import subtree_ids
from tochuc.people.catalogs import Expertise


def organization_ref(value: str) -> Organization | None:
    """The organization named by an id or a code (scope is the caller's business)."""
    value = (value or "").strip()
    if value.isdigit():
        return Organization.objects.filter(pk=int(value)).first()
    return Organization.objects.filter(code=value).first() if value else None


class SubtreeFilterSet(django_filters.FilterSet):
    """`org`: the subtree of an organization (id or code) on `as_of`; `org_path` names the
    organization field of the rows."""

    org_path = "organization_id"
    org = django_filters.CharFilter(
        method="filter_org", label="Thuộc cây tổ chức (id hoặc mã), tính vào ngày as_of"
    )

    def filter_org(self, queryset, name, value):
        root = organization_ref(value)
        if root is None:
            return queryset.none()
        on = as_of_from(self.request)
        return queryset.filter(**{f"{self.org_path}__in": subtree_ids(root=root, on=on)})


class PostFilterSet(SubtreeFilterSet):
    body = django_filters.ChoiceFilter(choices=Body.choices, label="Cơ quan")
    field = django_filters.ChoiceFilter(choices=Expertise.choices, label="Lĩnh vực chuyên môn")
    per_central_guidance = django_filters.BooleanFilter(label="Tính theo hướng dẫn của Trung ương")
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label="Chức danh")

    class Meta:
        model = Post
        fields = ["org", "body", "field", "per_central_guidance", "q"]


class AssignmentFilterSet(SubtreeFilterSet):
    org_path = "post__organization_id"
    person = django_filters.NumberFilter(field_name="person_id", label="Cá nhân (id)")
    post = django_filters.NumberFilter(field_name="post_id", label="Chức danh (id)")
    kind = django_filters.ChoiceFilter(choices=AssignmentKind.choices, label="Hình thức")

    class Meta:
        model = Assignment
        fields = ["org", "person", "post", "kind"]


class SourcingPlanFilterSet(SubtreeFilterSet):
    org_path = "post__organization_id"
    post = django_filters.NumberFilter(field_name="post_id", label="Chức danh (id)")
    source = django_filters.ChoiceFilter(choices=SourcingPlan.Source.choices, label="Phương án")

    class Meta:
        model = SourcingPlan
        fields = ["org", "post", "source"]
