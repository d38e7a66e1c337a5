"""REST API of posts and seats: posts with dated quotas, assignments, sourcing plans and moves,
and the figures behind the report lines, all within the user's scope.

Report lines served:
- "bố trí 3.114/3.129 chức danh ủy viên BCH" → `GET /api/posts/fill/`;
- "tổng số thiếu khuyết 510; 331 tự đảm bảo; 179 cần TP tăng cường" → `GET /api/posts/vacancies/`;
- "tăng cường về cấp xã 804 trường hợp (lũy kế đến 2-12-2025)" → `GET /api/moves/count/`.

Writes go through `tochuc.cadres.services`; a refusal is a 400 `{"detail": [messages]}` with
the rule's Vietnamese message. Every organization, post and person a write names must be in
the user's change scope; otherwise the write is refused without saying whose it is.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from tochuc.cadres import alerts, selectors, services
from tochuc.cadres.filtersets import (
    AssignmentFilterSet,
    PostFilterSet,
    SourcingPlanFilterSet,
)
from tochuc.cadres.models import (
    Assignment,
    AssignmentKind,
    Body,
    Move,
    MoveKind,
    MovePurpose,
    Post,
    PostQuota,
    SourcingPlan,
)
from tochuc.cadres.suggestions import suggestions_for
from tochuc.core.api import (
    AS_OF_PARAMETER,
    DATE_INPUT,
    FIGURE_ACTION,
    OUT_OF_SCOPE,
    DecisionInput,
    OrganizationRefField,
    ShownDateField,
    action_needed,
    as_of_from,
    changeable_person,
    cite,
    pattern_choice,
    refusal,
    root_from,
)
from tochuc.core.dating import BEGINNING, valid_at_q
from tochuc.core.formatting import vn_int, vn_ratio
from tochuc.core.scoping import CHANGE
from tochuc.people.catalogs import Expertise, Sex
from tochuc.people.models import Person
from tochuc.people.services import person_create

AssignmentKindField = pattern_choice("AssignmentKindField", AssignmentKind.choices)
MoveKindField = pattern_choice("MoveKindField", MoveKind.choices)
ExpertiseField = pattern_choice("ExpertiseField", Expertise.choices)


# --- Input fields and serializers ----------------------------------------------------------


@extend_schema_field(OpenApiTypes.INT)
class ChangeablePostField(serializers.PrimaryKeyRelatedField):
    """A post of an organization the user may change."""

    default_error_messages = {
        "does_not_exist": f"Chức danh {OUT_OF_SCOPE}",
        "incorrect_type": "Chức danh phải ghi bằng id (số).",
    }

    def get_queryset(self):
        return Post.objects.restrict(self.context["request"].user, CHANGE).select_related(
            "organization"
        )


class PostCreateSerializer(serializers.Serializer):
    organization = OrganizationRefField()
    body = serializers.ChoiceField(choices=Body.choices)
    title = serializers.CharField(max_length=120)
    field = ExpertiseField(required=False, allow_blank=True)
    seats = serializers.IntegerField()
    valid_from = serializers.DateField(**DATE_INPUT)
    per_central_guidance = serializers.BooleanField(required=False, default=False)
    decision = DecisionInput(required=False, allow_null=True)


class QuotaSetSerializer(serializers.Serializer):
    seats = serializers.IntegerField()
    valid_from = serializers.DateField(**DATE_INPUT)
    decision = DecisionInput(required=False, allow_null=True)
    version = serializers.IntegerField(required=False, allow_null=True)


class NewPersonSerializer(serializers.Serializer):
    full_name = serializers.CharField(max_length=120)
    sex = serializers.ChoiceField(choices=Sex.choices)
    date_of_birth = serializers.DateField(**DATE_INPUT)
    specialty = ExpertiseField(required=False, allow_blank=True, default="")


class AssignmentCreateSerializer(serializers.Serializer):
    person = serializers.IntegerField(
        required=False, help_text="Cá nhân (id), thuộc phạm vi của người dùng."
    )
    new_person = NewPersonSerializer(
        required=False, help_text="Người chưa có hồ sơ: tạo hồ sơ cùng lúc bố trí."
    )
    post = ChangeablePostField()
    kind = AssignmentKindField()
    starts_on = serializers.DateField(**DATE_INPUT)
    ends_on = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Bỏ trống: không thời hạn (bổ nhiệm, bổ nhiệm lại: 5 năm).",
        **DATE_INPUT,
    )
    decision = DecisionInput()

    def validate(self, attrs):
        if ("person" in attrs) == ("new_person" in attrs):
            raise serializers.ValidationError(
                {"person": ["Hãy chọn một người có sẵn (person) hoặc nhập người mới (new_person)."]}
            )
        if "person" in attrs:
            user = self.context["request"].user
            attrs["person"] = changeable_person(user, attrs["person"], attrs["starts_on"])
        return attrs


class AssignmentEndSerializer(serializers.Serializer):
    ends_on = serializers.DateField(help_text="Ngày cuối cùng giữ chức danh.", **DATE_INPUT)
    version = serializers.IntegerField(required=False, allow_null=True)


class SourcingPlanCreateSerializer(serializers.Serializer):
    post = ChangeablePostField()
    planned_on = serializers.DateField(**DATE_INPUT)
    source = serializers.ChoiceField(choices=SourcingPlan.Source.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class MoveCreateSerializer(serializers.Serializer):
    person = serializers.IntegerField(help_text="Cá nhân (id), thuộc phạm vi của người dùng.")
    kind = MoveKindField()
    origin = OrganizationRefField()
    destination = OrganizationRefField()
    decided_by = OrganizationRefField()
    starts_on = serializers.DateField(**DATE_INPUT)
    planned_end = serializers.DateField(required=False, allow_null=True, **DATE_INPUT)
    purpose = serializers.ChoiceField(
        choices=MovePurpose.choices, required=False, default=MovePurpose.DEVELOPMENT
    )
    special_case = serializers.CharField(required=False, allow_blank=True, default="")
    decision = DecisionInput()

    def validate(self, attrs):
        user = self.context["request"].user
        attrs["person"] = changeable_person(user, attrs["person"], attrs["starts_on"])
        return attrs


class MoveEndSerializer(serializers.Serializer):
    ended_on = serializers.DateField(**DATE_INPUT)
    version = serializers.IntegerField(required=False, allow_null=True)


LEVELS = [("province", "Cấp tỉnh"), ("commune", "Cấp xã")]


class MoveQuerySerializer(serializers.Serializer):
    """Filters of the move list and count."""

    kind = serializers.ChoiceField(choices=MoveKind.choices, required=False, help_text="Hình thức")
    org = serializers.CharField(
        required=False,
        help_text="Đơn vị đến thuộc cây tổ chức này (id hoặc mã; mặc định: của người dùng).",
    )
    since = serializers.DateField(
        required=False, help_text="Bắt đầu từ ngày (lũy kế); mặc định: từ đầu.", **DATE_INPUT
    )
    origin_level = serializers.ChoiceField(
        choices=LEVELS, required=False, help_text="Cấp của đơn vị đi"
    )
    destination_level = serializers.ChoiceField(
        choices=LEVELS, required=False, help_text="Cấp của đơn vị đến"
    )
    decided_at_commune_level = serializers.BooleanField(
        required=False, allow_null=True, help_text="Do cấp xã quyết định"
    )


FIGURE_FILTERS = ("org", "since", "as_of", "origin_level", "destination_level")
FIGURE_FILTERS += ("decided_at_commune_level",)


# --- Output serializers ----------------------------------------------------------------------


class PostSerializer(serializers.ModelSerializer):
    """A post with its figures on `as_of`: quota in force, holders, vacant seats, latest plan."""

    organization_code = serializers.CharField(source="organization.code", read_only=True)
    organization_name = serializers.CharField(read_only=True, allow_null=True)
    body_label = serializers.CharField(source="get_body_display", read_only=True)
    field = ExpertiseField(read_only=True, allow_blank=True)
    quota = serializers.IntegerField(read_only=True)
    holders = serializers.IntegerField(read_only=True)
    vacant = serializers.IntegerField(read_only=True)
    plan = serializers.CharField(
        read_only=True, allow_null=True, help_text="Phương án bố trí mới nhất đến ngày xem."
    )

    class Meta:
        model = Post
        fields = [
            "id", "organization", "organization_code", "organization_name", "body",
            "body_label", "title", "field", "per_central_guidance", "quota", "holders",
            "vacant", "plan", "version",
        ]  # fmt: skip
        read_only_fields = fields


class PostQuotaSerializer(serializers.ModelSerializer):
    valid_from = ShownDateField(allow_null=True)
    valid_to = ShownDateField(allow_null=True)
    decision = serializers.StringRelatedField()

    class Meta:
        model = PostQuota
        fields = ["id", "seats", "valid_from", "valid_to", "decision"]
        read_only_fields = fields


class HoldingSerializer(serializers.ModelSerializer):
    """A person holding a seat of a post."""

    person_name = serializers.CharField(source="person.full_name", read_only=True)
    kind = AssignmentKindField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    valid_from = serializers.DateField(read_only=True)
    valid_to = ShownDateField(read_only=True, allow_null=True)
    decision = serializers.StringRelatedField()

    class Meta:
        model = Assignment
        fields = [
            "id", "person", "person_name", "kind", "kind_label", "valid_from", "valid_to",
            "decision", "version",
        ]  # fmt: skip
        read_only_fields = fields


class PostDetailSerializer(PostSerializer):
    as_of = serializers.DateField(read_only=True)
    quotas = PostQuotaSerializer(many=True, read_only=True, source="quota_rows")
    held_by = HoldingSerializer(many=True, read_only=True, help_text="Người giữ vào ngày xem.")

    class Meta(PostSerializer.Meta):
        fields = [*PostSerializer.Meta.fields, "as_of", "quotas", "held_by"]
        read_only_fields = fields


class AssignmentSerializer(HoldingSerializer):
    post_title = serializers.CharField(source="post.title", read_only=True)
    body = serializers.CharField(source="post.body", read_only=True)
    organization = serializers.IntegerField(source="post.organization_id", read_only=True)
    organization_code = serializers.CharField(source="post.organization.code", read_only=True)
    warnings = serializers.SerializerMethodField(
        help_text="Cảnh báo khi vừa bố trí (quy hoạch, tuổi nghỉ hưu, người địa phương)."
    )

    class Meta(HoldingSerializer.Meta):
        fields = [
            "id", "person", "person_name", "post", "post_title", "body", "organization",
            "organization_code", "kind", "kind_label", "valid_from", "valid_to", "decision",
            "version", "warnings",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_warnings(self, held) -> list[str]:
        return getattr(held, "warnings", [])


class SourcingPlanSerializer(serializers.ModelSerializer):
    post_title = serializers.CharField(source="post.title", read_only=True)
    organization = serializers.IntegerField(source="post.organization_id", read_only=True)
    source_label = serializers.CharField(source="get_source_display", read_only=True)
    needs_support = serializers.BooleanField(read_only=True)

    class Meta:
        model = SourcingPlan
        fields = [
            "id", "post", "post_title", "organization", "planned_on", "source", "source_label",
            "needs_support", "note",
        ]  # fmt: skip
        read_only_fields = fields


class MoveSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    kind = MoveKindField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    origin_name = serializers.CharField(read_only=True, allow_null=True)
    destination_name = serializers.CharField(read_only=True, allow_null=True)
    decider_name = serializers.CharField(read_only=True, allow_null=True)
    decision = serializers.StringRelatedField()

    class Meta:
        model = Move
        fields = [
            "id", "person", "person_name", "kind", "kind_label", "origin", "origin_name",
            "destination", "destination_name", "decided_by", "decider_name", "starts_on",
            "planned_end", "ended_on", "purpose", "special_case", "decision", "version",
        ]  # fmt: skip
        read_only_fields = fields


class SeatFillSerializer(serializers.Serializer):
    organization = serializers.IntegerField()
    as_of = serializers.DateField()
    body = serializers.CharField()
    holdings = serializers.IntegerField(help_text="Lượt giữ chức danh.")
    people = serializers.IntegerField(help_text="Số người (không trùng).")
    quota = serializers.IntegerField()
    text = serializers.CharField(help_text="Lượt/định mức, ví dụ «3.114/3.129».")


class VacancyRegisterSerializer(serializers.Serializer):
    organization = serializers.IntegerField()
    as_of = serializers.DateField()
    total = serializers.IntegerField()
    self_sourced = serializers.IntegerField()
    needs_support = serializers.IntegerField()
    unplanned = serializers.IntegerField()
    reconciles = serializers.BooleanField()
    posts = PostSerializer(many=True, help_text="Các chức danh còn thiếu (chi tiết).")


class BoardPostSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="post.pk")
    title = serializers.CharField(source="post.title")
    quota = serializers.IntegerField(source="post.quota")
    holders = serializers.IntegerField(source="post.holders")
    seats = serializers.ListField(
        child=HoldingSerializer(allow_null=True), help_text="Mỗi chỗ: người giữ hoặc null."
    )


class BoardSerializer(serializers.Serializer):
    organization = serializers.IntegerField()
    as_of = serializers.DateField()
    body = serializers.CharField()
    posts = BoardPostSerializer(many=True)


class SuggestionSerializer(serializers.Serializer):
    person = serializers.IntegerField(source="facts.person_id")
    full_name = serializers.CharField(source="facts.name")
    score = serializers.IntegerField()
    reasons = serializers.ListField(child=serializers.CharField())
    distance_km = serializers.FloatField(source="facts.distance_km", allow_null=True)
    holdings = serializers.IntegerField(source="facts.holdings")
    planned = serializers.BooleanField(source="facts.planned")
    retires = serializers.DateField(source="facts.retires", allow_null=True)


class MoveCountSerializer(serializers.Serializer):
    organization = serializers.IntegerField()
    kind = serializers.CharField(allow_null=True)
    since = ShownDateField(allow_null=True)
    as_of = serializers.DateField()
    count = serializers.IntegerField()
    text = serializers.CharField(help_text="Ví dụ «804 trường hợp».")


class CareerEntrySerializer(serializers.Serializer):
    entry = serializers.ChoiceField(choices=[("assignment", "Bố trí"), ("move", "Điều động")])
    id = serializers.IntegerField()
    label = serializers.CharField(help_text="Hình thức.")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(allow_null=True)
    post = serializers.IntegerField(allow_null=True)
    post_title = serializers.CharField(allow_null=True)
    organization_name = serializers.CharField(allow_null=True)
    origin_name = serializers.CharField(allow_null=True)
    destination_name = serializers.CharField(allow_null=True)
    decision = serializers.CharField()


class CareerSerializer(serializers.Serializer):
    person = serializers.IntegerField()
    full_name = serializers.CharField()
    entries = CareerEntrySerializer(many=True)


# --- Viewsets ------------------------------------------------------------------------------

BODY_PARAMETER = OpenApiParameter(
    "body",
    OpenApiTypes.STR,
    enum=Body.values,
    description="Cơ quan; mặc định Ban Chấp hành.",
)
ORG_PARAMETER = OpenApiParameter(
    "org", OpenApiTypes.STR, description="Tổ chức (id hoặc mã); mặc định: của người dùng."
)


def _body(request) -> str:
    body = request.query_params.get("body") or Body.EXECUTIVE_COMMITTEE
    if body not in Body.values:
        raise serializers.ValidationError({"body": [f"Cơ quan «{body}» không có trong danh mục."]})
    return body


def _valid(serializer_class, request, **kwargs) -> dict:
    serializer = serializer_class(data=request.data, context={"request": request}, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


@extend_schema_view(
    list=extend_schema(parameters=[AS_OF_PARAMETER]),
    retrieve=extend_schema(parameters=[AS_OF_PARAMETER], responses=PostDetailSerializer),
)
class PostViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Chức danh in the user's scope with their figures on `as_of` (default today).

    `quota` sets a dated quota, `suggestions` ranks people for a vacant seat; on the list,
    `board` shows a body's seats, `fill` and `vacancies` give the report figures.
    """

    serializer_class = PostSerializer
    filterset_class = PostFilterSet
    queryset = Post.objects.none()

    def get_queryset(self):
        posts = Post.objects.restrict(self.request.user, action_needed(self.request))
        return selectors.with_seats(
            posts.select_related("organization"), as_of_from(self.request)
        ).order_by("organization__code", "body", "id")

    def _detail(self, post: Post, on: dt.date, code=status.HTTP_200_OK) -> Response:
        post = selectors.with_seats(Post.objects.filter(pk=post.pk), on).get()
        post.as_of = on
        post.quota_rows = list(post.quotas.select_related("decision").order_by("valid_from"))
        post.held_by = list(
            Assignment.objects.filter(valid_at_q(on), post=post)
            .select_related("person", "decision")
            .order_by("valid_from", "id")
        )
        return Response(PostDetailSerializer(post).data, status=code)

    def retrieve(self, request, *args, **kwargs):
        """A post with its dated quotas and the people holding it on `as_of`."""
        return self._detail(self.get_object(), as_of_from(request))

    @extend_schema(request=PostCreateSerializer, responses={201: PostDetailSerializer})
    def create(self, request, *args, **kwargs):
        """A new post of an organization in the user's change scope, with its first quota."""
        data = _valid(PostCreateSerializer, request)
        try:
            with transaction.atomic():
                post = services.post_create(
                    organization=data["organization"],
                    body=data["body"],
                    title=data["title"],
                    seats=data["seats"],
                    valid_from=data["valid_from"],
                    field=data.get("field") or "",
                    per_central_guidance=data["per_central_guidance"],
                    decision=cite(data.get("decision")),
                )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return self._detail(post, data["valid_from"], status.HTTP_201_CREATED)

    @extend_schema(request=QuotaSetSerializer, responses=PostDetailSerializer)
    @action(detail=True, methods=["post"])
    def quota(self, request, pk=None, **kwargs):
        """Định mức: the post has `seats` seats from `valid_from` on (the quota then in force
        ends the day before); refused below the holders or before a later quota."""
        post = self.get_object()
        data = _valid(QuotaSetSerializer, request)
        try:
            with transaction.atomic():
                services.quota_set(
                    post=post,
                    seats=data["seats"],
                    valid_from=data["valid_from"],
                    decision=cite(data.get("decision")),
                    expected_version=data.get("version"),
                )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return self._detail(post, data["valid_from"])

    @extend_schema(
        parameters=[
            AS_OF_PARAMETER,
            OpenApiParameter("limit", OpenApiTypes.INT, description="Số người (1–50; mặc định 10)"),
        ],
        responses=SuggestionSerializer(many=True),
    )
    @action(detail=True, methods=["get"], **FIGURE_ACTION)
    def suggestions(self, request, pk=None, **kwargs):
        """Người đề xuất for a vacant seat, ranked, each with score and reasons."""
        post = self.get_object()
        raw = request.query_params.get("limit") or "10"
        if not raw.isdigit() or not 1 <= int(raw) <= 50:
            raise serializers.ValidationError({"limit": ["Số người phải từ 1 đến 50."]})
        found = suggestions_for(
            post=post, on=as_of_from(request), user=request.user, limit=int(raw)
        )
        return Response(SuggestionSerializer(found, many=True).data)

    @extend_schema(
        parameters=[ORG_PARAMETER, BODY_PARAMETER, AS_OF_PARAMETER], responses=BoardSerializer
    )
    @action(detail=False, methods=["get"], **FIGURE_ACTION)
    def board(self, request, **kwargs):
        """Sơ đồ chỗ: every seat of a body of one organization on `as_of`, holder or null."""
        root, body, on = root_from(request), _body(request), as_of_from(request)
        rows = selectors.board(organization=root, body=body, on=on)
        data = {"organization": root.pk, "as_of": on, "body": body, "posts": rows}
        return Response(BoardSerializer(data).data)

    @extend_schema(
        parameters=[ORG_PARAMETER, BODY_PARAMETER, AS_OF_PARAMETER], responses=SeatFillSerializer
    )
    @action(detail=False, methods=["get"], **FIGURE_ACTION)
    def fill(self, request, **kwargs):
        """«Bố trí 3.114/3.129 chức danh ủy viên BCH»: holdings, people and quota of a body
        over the subtree on `as_of`."""
        root, body, on = root_from(request), _body(request), as_of_from(request)
        fill = selectors.seat_fill(root=root, on=on, body=body)
        data = {
            "organization": root.pk,
            "as_of": on,
            "body": body,
            "holdings": fill.holdings,
            "people": fill.people,
            "quota": fill.quota,
            "text": vn_ratio(fill.holdings, fill.quota),
        }
        return Response(SeatFillSerializer(data).data)

    @extend_schema(
        parameters=[
            ORG_PARAMETER,
            AS_OF_PARAMETER,
            OpenApiParameter(
                "per_central_guidance",
                OpenApiTypes.BOOL,
                description="Chỉ chức danh tính theo hướng dẫn của Trung ương (true/false).",
            ),
            OpenApiParameter(
                "field", OpenApiTypes.STR, enum=Expertise.values, description="Lĩnh vực"
            ),
            OpenApiParameter(
                "plan",
                OpenApiTypes.STR,
                enum=list(selectors.PLAN_FILTERS),
                description="Phương án bố trí đang áp dụng: self (tự đảm bảo), support (cần "
                "thành phố hỗ trợ), none (chưa có phương án).",
            ),
        ],
        responses=VacancyRegisterSerializer,
    )
    @action(detail=False, methods=["get"], **FIGURE_ACTION)
    def vacancies(self, request, **kwargs):
        """«Thiếu khuyết 510; 331 tự đảm bảo; 179 cần TP tăng cường»: Σ max(quota − holders, 0)
        over the subtree's posts on `as_of`, split by the latest sourcing plan, with the posts
        behind the figure; `field`, `plan` and `per_central_guidance` narrow both."""
        params = request.query_params
        root, on = root_from(request), as_of_from(request)
        central = {"true": True, "1": True, "false": False, "0": False}.get(
            (params.get("per_central_guidance") or "").lower()
        )
        field, plan = params.get("field") or None, params.get("plan") or None
        errors = {}
        if field and field not in Expertise.values:
            errors["field"] = [f"Lĩnh vực «{field}» không có trong danh mục."]
        if plan and plan not in selectors.PLAN_FILTERS:
            errors["plan"] = ["Phương án phải là self, support hoặc none."]
        if errors:
            raise serializers.ValidationError(errors)
        register = selectors.vacancy_register(
            root=root, on=on, field=field, plan=plan, per_central_guidance=central
        )
        data = {
            "organization": root.pk,
            "as_of": on,
            "total": register.total,
            "self_sourced": register.self_sourced,
            "needs_support": register.needs_support,
            "unplanned": register.unplanned,
            "reconciles": register.reconciles,
            "posts": register.posts.select_related("organization"),
        }
        return Response(VacancyRegisterSerializer(data).data)


ASSIGNMENT_AS_OF = OpenApiParameter(
    "as_of",
    OpenApiTypes.DATE,
    description="Chỉ những bố trí còn hiệu lực vào ngày này (cũng là ngày tính cây của `org`).",
)


@extend_schema_view(list=extend_schema(parameters=[ASSIGNMENT_AS_OF]))
class AssignmentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Bố trí chức danh of posts in the user's scope; `end` ends one, `career` lists a
    person's assignments and moves."""

    serializer_class = AssignmentSerializer
    filterset_class = AssignmentFilterSet
    queryset = Assignment.objects.none()

    def get_queryset(self):
        found = Assignment.objects.restrict(self.request.user, action_needed(self.request))
        if self.action == "list" and self.request.query_params.get("as_of"):
            found = found.filter(valid_at_q(as_of_from(self.request)))
        return found.select_related("person", "post__organization", "decision").order_by(
            "post__organization__code", "post_id", "valid_from", "id"
        )

    @extend_schema(request=AssignmentCreateSerializer, responses={201: AssignmentSerializer})
    def create(self, request, *args, **kwargs):
        """Bố trí a person (in scope) on a seat of a post (in change scope), citing a decision;
        refused when the quota would be exceeded."""
        data = _valid(AssignmentCreateSerializer, request)
        try:
            with transaction.atomic():
                newcomer = data.get("new_person")
                held = services.assignment_create(
                    person=person_create(**newcomer) if newcomer else data["person"],
                    post=data["post"],
                    kind=data["kind"],
                    starts_on=data["starts_on"],
                    ends_on=data.get("ends_on"),
                    decision=cite(data["decision"]),
                )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return _assignment_response(held, status.HTTP_201_CREATED)

    @extend_schema(request=AssignmentEndSerializer, responses=AssignmentSerializer)
    @action(detail=True, methods=["post"])
    def end(self, request, pk=None, **kwargs):
        """Thôi giữ chức danh from the day after `ends_on`."""
        held = self.get_object()
        data = _valid(AssignmentEndSerializer, request)
        try:
            held = services.assignment_end(
                assignment=held, ends_on=data["ends_on"], expected_version=data.get("version")
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return _assignment_response(held)

    @extend_schema(
        parameters=[
            OpenApiParameter("person", OpenApiTypes.INT, required=True, description="Cá nhân"),
            OpenApiParameter(
                "as_of",
                OpenApiTypes.DATE,
                description="Ngày xét cá nhân thuộc phạm vi; mặc định là hôm nay.",
            ),
        ],
        responses=CareerSerializer,
    )
    @action(detail=False, methods=["get"], **FIGURE_ACTION)
    def career(self, request, **kwargs):
        """Quá trình công tác: assignments and moves of a person in scope, oldest first."""
        raw = request.query_params.get("person") or ""
        if not raw.isdigit():
            raise serializers.ValidationError({"person": ["Hãy chọn cá nhân (id)."]})
        people = Person.objects.restrict(request.user, on=as_of_from(request))
        person = get_object_or_404(people, pk=int(raw))
        entries = [_career_entry(e) for e in selectors.career(person)]
        data = {"person": person.pk, "full_name": person.full_name, "entries": entries}
        return Response(CareerSerializer(data).data)


def _assignment_response(held: Assignment, code=status.HTTP_200_OK) -> Response:
    held = Assignment.objects.select_related("person", "post__organization", "decision").get(
        pk=held.pk
    )
    if code == status.HTTP_201_CREATED:
        held.warnings = alerts.assignment_warnings(held)
    return Response(AssignmentSerializer(held).data, status=code)


def _career_entry(entry: dict) -> dict:
    record = entry["record"]
    if entry["kind"] == "assignment":
        return {
            "entry": "assignment",
            "id": record.pk,
            "label": record.get_kind_display(),
            "starts_on": record.valid_from,
            "ends_on": ShownDateField().to_representation(record.valid_to),
            "post": record.post_id,
            "post_title": record.post.title,
            "organization_name": record.organization_name,
            "origin_name": None,
            "destination_name": None,
            "decision": str(record.decision),
        }
    return {
        "entry": "move",
        "id": record.pk,
        "label": record.get_kind_display(),
        "starts_on": record.starts_on,
        "ends_on": record.ended_on or record.planned_end,
        "post": None,
        "post_title": None,
        "organization_name": None,
        "origin_name": record.origin_name,
        "destination_name": record.destination_name,
        "decision": str(record.decision),
    }


class SourcingPlanViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Phương án bố trí of posts in the user's scope: the latest dated on or before a day
    decides whether that day's vacancies are self-sourced or need the city's support."""

    serializer_class = SourcingPlanSerializer
    filterset_class = SourcingPlanFilterSet
    queryset = SourcingPlan.objects.none()

    def get_queryset(self):
        return (
            SourcingPlan.objects.restrict(self.request.user, action_needed(self.request))
            .select_related("post")
            .order_by("post_id", "-planned_on", "-id")
        )

    @extend_schema(request=SourcingPlanCreateSerializer, responses={201: SourcingPlanSerializer})
    def create(self, request, *args, **kwargs):
        data = _valid(SourcingPlanCreateSerializer, request)
        try:
            plan = services.sourcing_plan_record(**data)
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        plan = SourcingPlan.objects.select_related("post").get(pk=plan.pk)
        return Response(SourcingPlanSerializer(plan).data, status=status.HTTP_201_CREATED)


@extend_schema_view(list=extend_schema(parameters=[MoveQuerySerializer, AS_OF_PARAMETER]))
class MoveViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Tăng cường, biệt phái, điều động, luân chuyển whose origin or destination is in the
    user's scope. With `org`, `since`, `as_of` or a level filter the list is the one behind
    `count`: moves starting in [since, as_of] into the subtree of `org` ("lũy kế")."""

    serializer_class = MoveSerializer
    filter_backends: list = []
    filterset_class = None
    queryset = Move.objects.none()

    def get_queryset(self):
        if self.action in ("list", "count"):
            found = self._found()["moves"]
        else:
            found = Move.objects.restrict(self.request.user, action_needed(self.request))
        return selectors.move_rows(found)

    def _found(self, *, figure: bool = False) -> dict:
        """The moves the list or count filters name, with what the count echoes."""
        request = self.request
        query = MoveQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        kind = values.get("kind") or None
        figure = figure or any(request.query_params.get(p) for p in FIGURE_FILTERS)
        if not figure:
            found = Move.objects.all()
            if kind:
                found = found.filter(kind=kind)
            return {"moves": found.restrict(request.user)}
        root, on = root_from(request), as_of_from(request)
        since = values.get("since") or BEGINNING
        found = selectors.moves(
            root=root,
            kind=kind,
            since=since,
            on=on,
            origin_level=values.get("origin_level") or None,
            destination_level=values.get("destination_level") or None,
            decided_at_commune_level=values.get("decided_at_commune_level"),
        )
        return {
            "moves": found.restrict(request.user),
            "organization": root.pk,
            "kind": kind,
            "since": since,
            "as_of": on,
        }

    @extend_schema(request=MoveCreateSerializer, responses={201: MoveSerializer})
    def create(self, request, *args, **kwargs):
        """Record a move between units in the user's change scope, decided by one of them;
        a rotation must leave the remaining service of rule «rotation_remaining_service»
        unless `special_case` cites the competent level's ground."""
        data = _valid(MoveCreateSerializer, request)
        try:
            with transaction.atomic():
                move = services.move_record(
                    person=data["person"],
                    kind=data["kind"],
                    origin=data["origin"],
                    destination=data["destination"],
                    starts_on=data["starts_on"],
                    decided_by=data["decided_by"],
                    decision=cite(data["decision"]),
                    planned_end=data.get("planned_end"),
                    purpose=data["purpose"],
                    special_case=data["special_case"],
                )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return _move_response(move, status.HTTP_201_CREATED)

    @extend_schema(request=MoveEndSerializer, responses=MoveSerializer)
    @action(detail=True, methods=["post"])
    def end(self, request, pk=None, **kwargs):
        """The person came back (or the move stopped) on `ended_on`."""
        move = self.get_object()
        data = _valid(MoveEndSerializer, request)
        try:
            move = services.move_end(
                move=move, ended_on=data["ended_on"], expected_version=data.get("version")
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return _move_response(move)

    @extend_schema(parameters=[MoveQuerySerializer, AS_OF_PARAMETER], responses=MoveCountSerializer)
    @action(detail=False, methods=["get"], **FIGURE_ACTION)
    def count(self, request, **kwargs):
        """«Tăng cường về cấp xã 804 trường hợp (lũy kế đến 02/12/2025)»: moves starting in
        [since, as_of] into the subtree of `org` (default the user's organization)."""
        found = self._found(figure=True)
        n = found.pop("moves").count()
        data = {**found, "count": n, "text": f"{vn_int(n)} trường hợp"}
        return Response(MoveCountSerializer(data).data)


def _move_response(move: Move, code=status.HTTP_200_OK) -> Response:
    return Response(
        MoveSerializer(selectors.move_rows(Move.objects.filter(pk=move.pk)).get()).data,
        status=code,
    )
