"""REST API of đại hội: congresses (list, detail with the report line, create, edit, the
committee's sizes, the election results, the figures of a subtree in a period), delegates,
committee members with the age rule, and resolution targets with their progress.

Report line served: «Đại hội: 150 đại biểu, 2.400 đảng viên, 13 tổ chức cơ sở đảng
(5 đảng bộ bộ phận, 103 chi bộ); BCH 29 (khuyết 4), BTV 10 (khuyết 1)» → the `sentence` of
`GET /api/congresses/{id}/`; the subtree's totals → `GET /api/congresses/figures/`.

Writes go through `tochuc.congresses.services`; a refusal is a 400 `{"detail": [messages]}`
with the rule's Vietnamese message. Organizations, congresses and persons a write names must
be in the user's change scope.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
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

from tochuc.congresses import selectors, services
from tochuc.congresses.eligibility import (
    age_check,
    previous_committee_seats,
    re_elected_exists,
)
from tochuc.congresses.filtersets import (
    CommitteeMemberFilterSet,
    CongressFilterSet,
    DelegateFilterSet,
    ResolutionTargetFilterSet,
)
from tochuc.congresses.models import (
    CommitteeMember,
    Congress,
    CongressKind,
    Delegate,
    DelegateKind,
    ResolutionTarget,
    Role,
    TargetDirection,
    TargetProgress,
)
from tochuc.core.api import (
    AS_OF_PARAMETER,
    DATE_INPUT,
    OUT_OF_SCOPE,
    OrganizationRefField,
    action_needed,
    as_of_from,
    changeable_person,
    cite,
    pattern_choice,
    refusal,
    root_from,
)
from tochuc.core.scoping import CHANGE
from tochuc.organizations.models import OrganizationPeriod

CongressKindField = pattern_choice("CongressKindField", CongressKind.choices)
DelegateKindField = pattern_choice("DelegateKindField", DelegateKind.choices)
RoleField = pattern_choice("CongressRoleField", Role.choices)
DirectionField = pattern_choice("TargetDirectionField", TargetDirection.choices)


@extend_schema_field(OpenApiTypes.INT)
class ChangeableCongressField(serializers.PrimaryKeyRelatedField):
    default_error_messages = {
        "does_not_exist": f"Đại hội {OUT_OF_SCOPE}",
        "incorrect_type": "Đại hội phải ghi bằng id (số).",
    }

    def get_queryset(self):
        return Congress.objects.restrict(self.context["request"].user, CHANGE)


class CongressVoteRecordInput(serializers.Serializer):
    """Biên bản kiểm phiếu (or the designation decision): created on first use."""

    number = serializers.CharField(max_length=100)
    signed_on = serializers.DateField(**DATE_INPUT)
    issuer = serializers.CharField(max_length=255)


# --- Output serializers ----------------------------------------------------------------------


class CongressSeatFigureSerializer(serializers.Serializer):
    approved = serializers.IntegerField(help_text="Số lượng (định mức ngày bế mạc)")
    elected = serializers.IntegerField(help_text="Đã bầu (người giữ chức danh ngày bế mạc)")
    vacant = serializers.IntegerField(help_text="Khuyết")
    text = serializers.CharField(help_text="«29 (khuyết 4)»")


SEATS_HELP = (
    "Theo cơ quan (executive_committee, standing_committee, inspection_committee): số lượng, "
    "đã bầu, khuyết ngày bế mạc, đọc từ chức danh của cán bộ."
)


class CongressSerializer(serializers.ModelSerializer):
    organization_code = serializers.CharField(source="organization.code", read_only=True)
    organization_name = serializers.CharField(read_only=True, allow_null=True)
    kind = CongressKindField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    delegates_listed = serializers.IntegerField(read_only=True)
    members = serializers.IntegerField(
        read_only=True, help_text="Đảng viên: nhập tay, hoặc tính vào ngày khai mạc."
    )
    seats = serializers.DictField(
        child=CongressSeatFigureSerializer(),
        read_only=True,
        source="seat_figures",
        help_text=SEATS_HELP,
    )
    vote_record = serializers.StringRelatedField()

    class Meta:
        model = Congress
        fields = [
            "id", "organization", "organization_code", "organization_name", "term", "ordinal",
            "kind", "kind_label", "opened_on", "closed_on", "delegates_summoned",
            "delegates_present", "delegates_listed", "members_represented", "members",
            "executive_size", "standing_size", "inspection_size", "deputy_secretaries",
            "committee_designated", "age_counted_on", "vote_record", "seats", "note", "version",
        ]  # fmt: skip
        read_only_fields = fields


class CongressPostSerializer(serializers.Serializer):
    post = serializers.IntegerField(source="pk")
    role = RoleField()
    role_label = serializers.CharField()
    quota = serializers.IntegerField()
    holders = serializers.IntegerField()
    vacant = serializers.IntegerField()


class CongressBodySerializer(serializers.Serializer):
    body = serializers.CharField()
    label = serializers.CharField()
    figure = CongressSeatFigureSerializer()
    posts = CongressPostSerializer(many=True)


class CongressAgeCheckSerializer(serializers.Serializer):
    standing = serializers.CharField(help_text="Tái cử / Lần đầu tham gia")
    re_elected = serializers.BooleanField()
    counted_on = serializers.DateField(help_text="Thời điểm tính tuổi")
    retires_on = serializers.DateField(allow_null=True)
    months_left = serializers.IntegerField(allow_null=True)
    months_needed = serializers.IntegerField(allow_null=True)
    flag = serializers.CharField(help_text="Rỗng khi đủ tuổi theo quy định")
    source = serializers.CharField()


class CongressMemberSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    role = RoleField(read_only=True)
    role_label = serializers.CharField(source="get_role_display", read_only=True)
    starts_on = serializers.DateField(source="assignment.valid_from", read_only=True)
    age = serializers.SerializerMethodField(help_text="Quy định tuổi (ủy viên Ban Chấp hành)")

    class Meta:
        model = CommitteeMember
        fields = [
            "id", "congress", "person", "person_name", "role", "role_label", "assignment",
            "starts_on", "exception", "age",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(CongressAgeCheckSerializer(allow_null=True))
    def get_age(self, member):
        if member.role != Role.EXECUTIVE_MEMBER:
            return None
        check = self.context.get("checks", {}).get(member.pk)
        if check is None:
            re_elected = getattr(member, "re_elected", None)
            if re_elected is None:
                re_elected = previous_committee_seats(member.person, member.congress).exists()
            check = age_check(
                person=member.person,
                congress=member.congress,
                re_elected=re_elected,
                kind=getattr(member, "organization_kind", None),
            )
        return CongressAgeCheckSerializer({**check.__dict__, "standing": check.standing}).data


class ResolutionTargetSerializer(serializers.ModelSerializer):
    direction = DirectionField(read_only=True)
    term = serializers.CharField(source="congress.term", read_only=True)
    latest_value = serializers.DecimalField(
        max_digits=16, decimal_places=2, read_only=True, allow_null=True
    )
    latest_on = serializers.DateField(read_only=True, allow_null=True)
    percent = serializers.SerializerMethodField(help_text="Kết quả ÷ mức chỉ tiêu, «94,28%»")
    met = serializers.SerializerMethodField(help_text="Đạt yêu cầu (null: chưa có kết quả)")

    class Meta:
        model = ResolutionTarget
        fields = [
            "id", "congress", "term", "name", "unit", "target_value", "direction",
            "latest_value", "latest_on", "percent", "met", "version",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_percent(self, target):
        return selectors.target_progress(target)["percent"]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_met(self, target):
        return selectors.target_progress(target)["met"]


class CongressDetailSerializer(CongressSerializer):
    sentence = serializers.CharField(read_only=True)
    organizations = serializers.DictField(child=serializers.IntegerField(), read_only=True)
    delegates_by_kind = serializers.DictField(child=serializers.IntegerField(), read_only=True)
    committee = CongressBodySerializer(many=True, read_only=True)
    committee_members = serializers.SerializerMethodField()
    targets = ResolutionTargetSerializer(many=True, read_only=True, source="target_rows")

    class Meta(CongressSerializer.Meta):
        fields = [
            *CongressSerializer.Meta.fields,
            "sentence",
            "organizations",
            "delegates_by_kind",
            "committee",
            "committee_members",
            "targets",
        ]
        read_only_fields = fields

    @extend_schema_field(CongressMemberSerializer(many=True))
    def get_committee_members(self, congress):
        rows = congress.member_rows
        checks = {r.member.pk: r.check for r in rows if r.check}
        return CongressMemberSerializer(
            [r.member for r in rows], many=True, context={**self.context, "checks": checks}
        ).data


class CongressDelegateSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    kind = DelegateKindField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Delegate
        fields = ["id", "congress", "person", "person_name", "kind", "kind_label", "note"]
        read_only_fields = fields


class TargetProgressSerializer(serializers.ModelSerializer):
    class Meta:
        model = TargetProgress
        fields = ["id", "target", "on", "value", "note"]
        read_only_fields = fields


class CongressFiguresSerializer(serializers.Serializer):
    organization = serializers.IntegerField()
    as_of = serializers.DateField()
    count = serializers.IntegerField(help_text="Số đại hội")
    regular = serializers.IntegerField()
    extraordinary = serializers.IntegerField()
    delegates_summoned = serializers.IntegerField()
    delegates_present = serializers.IntegerField()
    delegates_listed = serializers.IntegerField(help_text="Người trong danh sách đại biểu")
    seats = serializers.DictField(child=CongressSeatFigureSerializer(), help_text=SEATS_HELP)
    congresses = serializers.ListField(
        child=serializers.IntegerField(), help_text="Đại hội phía sau các số liệu (id)"
    )


# --- Input serializers -----------------------------------------------------------------------


class CongressCreateSerializer(serializers.Serializer):
    organization = OrganizationRefField()
    term = serializers.CharField(max_length=11, help_text="Ví dụ 2025-2030")
    kind = CongressKindField(required=False, default=CongressKind.REGULAR)
    ordinal = serializers.CharField(max_length=12, required=False, allow_blank=True, default="")
    opened_on = serializers.DateField(**DATE_INPUT)
    closed_on = serializers.DateField(**DATE_INPUT)
    delegates_summoned = serializers.IntegerField(min_value=1)
    delegates_present = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    members_represented = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    age_counted_on = serializers.DateField(required=False, allow_null=True, **DATE_INPUT)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class CongressUpdateSerializer(serializers.Serializer):
    ordinal = serializers.CharField(max_length=12, required=False, allow_blank=True)
    opened_on = serializers.DateField(required=False, **DATE_INPUT)
    closed_on = serializers.DateField(required=False, **DATE_INPUT)
    delegates_summoned = serializers.IntegerField(min_value=1, required=False)
    delegates_present = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    members_represented = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    age_counted_on = serializers.DateField(required=False, allow_null=True, **DATE_INPUT)
    note = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(required=False, allow_null=True)


class CongressSizesSerializer(serializers.Serializer):
    executive_size = serializers.IntegerField(min_value=1)
    standing_size = serializers.IntegerField(min_value=0)
    inspection_size = serializers.IntegerField(min_value=0)
    deputy_secretaries = serializers.IntegerField(min_value=0)
    designated = serializers.BooleanField(required=False, default=False)
    decision = CongressVoteRecordInput(
        required=False, allow_null=True, help_text="Quyết định về số lượng (tùy chọn)."
    )
    version = serializers.IntegerField(required=False, allow_null=True)


class CongressElectedInput(serializers.Serializer):
    person = serializers.IntegerField(help_text="Cá nhân (id), thuộc phạm vi của người dùng.")
    exception = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Căn cứ trường hợp đặc biệt khi không đủ tuổi theo quy định.",
    )


class CongressElectionSerializer(serializers.Serializer):
    role = RoleField()
    elected = CongressElectedInput(many=True)
    vote_record = CongressVoteRecordInput(required=False, allow_null=True)


class CongressDelegateCreateSerializer(serializers.Serializer):
    congress = ChangeableCongressField()
    person = serializers.IntegerField(help_text="Cá nhân (id), thuộc phạm vi của người dùng.")
    kind = DelegateKindField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ResolutionTargetCreateSerializer(serializers.Serializer):
    congress = ChangeableCongressField()
    name = serializers.CharField(max_length=255)
    unit = serializers.CharField(max_length=50)
    target_value = serializers.DecimalField(max_digits=16, decimal_places=2)
    direction = DirectionField(required=False, default=TargetDirection.AT_LEAST)


class ResolutionTargetUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=255, required=False)
    unit = serializers.CharField(max_length=50, required=False)
    target_value = serializers.DecimalField(max_digits=16, decimal_places=2, required=False)
    direction = DirectionField(required=False)
    version = serializers.IntegerField(required=False, allow_null=True)


class TargetProgressCreateSerializer(serializers.Serializer):
    on = serializers.DateField(**DATE_INPUT)
    value = serializers.DecimalField(max_digits=16, decimal_places=2)
    note = serializers.CharField(required=False, allow_blank=True, default="")


def _valid(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data, context={"request": request})
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


ORG_PARAMETER = OpenApiParameter(
    "org",
    OpenApiTypes.STR,
    description="Cây tổ chức (id hoặc mã) theo ngày `as_of`; đại hội của tổ chức đã hợp nhất "
    "được tính vào tổ chức kế thừa.",
)


FILTER_PARAMETERS = [
    OpenApiParameter("term", OpenApiTypes.STR, description="Nhiệm kỳ, ví dụ 2025-2030"),
    OpenApiParameter("kind", OpenApiTypes.STR, description="regular / extraordinary"),
    OpenApiParameter("start", OpenApiTypes.DATE, description="Khai mạc từ ngày"),
    OpenApiParameter("end", OpenApiTypes.DATE, description="Khai mạc đến ngày"),
]


# --- Viewsets --------------------------------------------------------------------------------


@extend_schema_view(list=extend_schema(parameters=[ORG_PARAMETER, AS_OF_PARAMETER]))
class CongressViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Đại hội in the user's scope; with `org` the congresses of that subtree (as it stands on
    `as_of`), narrowed by `term`, `kind` and the period `start`–`end` they opened in."""

    serializer_class = CongressSerializer
    filterset_class = CongressFilterSet
    queryset = Congress.objects.none()

    def get_queryset(self):
        request = self.request
        found = Congress.objects.all()
        if self.action in ("list", "figures") and request.query_params.get("org"):
            found = selectors.congresses_in(root=root_from(request), on=as_of_from(request))
        found = found.restrict(request.user, action_needed(request))
        if self.action in ("list", "retrieve"):
            found = selectors.congress_rows(found)
        return found.order_by("-opened_on", "id")

    def _with_seats(self, congresses):
        seats = selectors.seat_figures(Congress.objects.filter(pk__in=[c.pk for c in congresses]))
        for congress in congresses:
            congress.seat_figures = {
                body: figure.__dict__ | {"text": figure.text}
                for body, figure in seats.get(congress.pk, {}).items()
            }
        return congresses

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        rows = self._with_seats(list(page if page is not None else queryset))
        data = CongressSerializer(rows, many=True).data
        return self.get_paginated_response(data) if page is not None else Response(data)

    @extend_schema(parameters=[AS_OF_PARAMETER], responses=CongressDetailSerializer)
    def retrieve(self, request, *args, **kwargs):
        """The congress with the report line, delegates by kind, the committee and its
        vacancies on the closing day, committee members (with the age rule) and targets
        (progress on `as_of`)."""
        congress = self._with_seats([self.get_object()])[0]
        return Response(CongressDetailSerializer(_detail(congress, as_of_from(request))).data)

    @extend_schema(request=CongressCreateSerializer, responses={201: CongressDetailSerializer})
    def create(self, request, *args, **kwargs):
        """Ghi nhận đại hội of an organization in the user's change scope."""
        data = _valid(CongressCreateSerializer, request)
        try:
            congress = services.congress_create(**data)
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return self._shown(congress, status.HTTP_201_CREATED)

    def _shown(self, congress: Congress, code=status.HTTP_200_OK) -> Response:
        congress = selectors.congress_rows(Congress.objects.filter(pk=congress.pk)).get()
        congress = self._with_seats([congress])[0]
        on = as_of_from(self.request)
        return Response(CongressDetailSerializer(_detail(congress, on)).data, status=code)

    @extend_schema(request=CongressUpdateSerializer, responses=CongressDetailSerializer)
    def partial_update(self, request, *args, **kwargs):
        """Sửa đại hội: counts, dates (before the committee's seats are set), notes; `version`
        guards against a concurrent edit."""
        congress = self.get_object()
        data = dict(_valid(CongressUpdateSerializer, request))
        version = data.pop("version", None)
        try:
            congress = services.congress_update(congress=congress, expected_version=version, **data)
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return self._shown(congress)

    @extend_schema(request=CongressSizesSerializer, responses=CongressDetailSerializer)
    @action(detail=True, methods=["post"])
    def sizes(self, request, pk=None, **kwargs):
        """Số lượng cấp ủy: the approved sizes become, from the closing day, the quotas of the
        organization's posts (created when missing); a regular congress ends the previous
        term's holdings of those posts the day before."""
        congress = self.get_object()
        data = dict(_valid(CongressSizesSerializer, request))
        try:
            congress = services.committee_sizes_set(
                congress=congress,
                executive_size=data["executive_size"],
                standing_size=data["standing_size"],
                inspection_size=data["inspection_size"],
                deputy_secretaries=data["deputy_secretaries"],
                designated=data["designated"],
                decision=cite(data.get("decision")),
                expected_version=data.get("version"),
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return self._shown(congress)

    @extend_schema(
        request=CongressElectionSerializer, responses=CongressMemberSerializer(many=True)
    )
    @action(detail=True, methods=["post"])
    def election(self, request, pk=None, **kwargs):
        """Kết quả bầu cử of one role: every person takes a seat from the closing day citing
        the vote record; all or none. An executive-committee member the age rule flags
        (Chỉ thị 35-CT/TW, 45-CT/TW) is refused unless `exception` cites the special case."""
        congress = self.get_object()
        data = _valid(CongressElectionSerializer, request)
        persons = [
            (changeable_person(request.user, e["person"], congress.closed_on), e["exception"])
            for e in data["elected"]
        ]
        problems, members = [], []
        try:
            with transaction.atomic():
                vote_record = cite(data.get("vote_record"))
                for person, exception in persons:
                    try:
                        members.append(
                            services.election_record(
                                congress=congress,
                                role=data["role"],
                                person=person,
                                exception=exception,
                                vote_record=vote_record,
                            )
                        )
                    except DjangoValidationError as exc:
                        problems.extend(exc.messages)
                if problems:
                    raise DjangoValidationError(problems)
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(
            CongressMemberSerializer(members, many=True).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        parameters=[ORG_PARAMETER, AS_OF_PARAMETER, *FILTER_PARAMETERS],
        responses=CongressFiguresSerializer,
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def figures(self, request, **kwargs):
        """Đại hội of a subtree (default the user's organization) in a period: count by kind,
        delegates summoned, present and listed, and seats per body (approved, elected, vacant
        on each closing day), with the ids of the congresses behind them."""
        root, on = root_from(request), as_of_from(request)
        found = selectors.congresses_in(root=root, on=on).restrict(request.user)
        congresses = self.filter_queryset(found)
        totals = selectors.congress_totals(congresses)
        data = {
            **totals.__dict__,
            "seats": {
                body: figure.__dict__ | {"text": figure.text}
                for body, figure in totals.seats.items()
            },
            "organization": root.pk,
            "as_of": on,
            "congresses": list(congresses.order_by("opened_on", "id").values_list("id", flat=True)),
        }
        return Response(CongressFiguresSerializer(data).data)


def _detail(congress: Congress, on: dt.date) -> Congress:
    """The congress with what its detail serializer shows."""
    period = congress.organization.period_at(congress.opened_on)
    kind = period.kind if period else ""
    committee = selectors.committee_at(congress, congress.closed_on)
    organizations = selectors.organization_counts(
        root=congress.organization_id, on=congress.opened_on
    )
    members = selectors.members_represented(congress)
    congress.sentence = selectors.report_sentence(
        delegates=congress.delegates_summoned,
        members=members,
        organizations=organizations,
        seats={b.body: b.figure for b in committee},
    )
    congress.members = members
    congress.organizations = organizations.__dict__
    congress.delegates_by_kind = selectors.delegates_by_kind(congress)
    congress.committee = committee
    congress.member_rows = selectors.committee_members(congress, on=on, kind=kind)
    congress.target_rows = list(selectors.targets_at([congress.pk], on))
    return congress


class DelegateViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Đại biểu of congresses in the user's scope (`congress`, `kind` filter the list); a
    delegate is a full member of the organization on the opening day."""

    serializer_class = CongressDelegateSerializer
    filterset_class = DelegateFilterSet
    queryset = Delegate.objects.none()

    def get_queryset(self):
        return (
            Delegate.objects.restrict(self.request.user, action_needed(self.request))
            .select_related("person")
            .order_by("congress_id", "person__name_folded", "id")
        )

    @extend_schema(
        request=CongressDelegateCreateSerializer, responses={201: CongressDelegateSerializer}
    )
    def create(self, request, *args, **kwargs):
        """Add a person (in the user's change scope) to a congress's list of delegates."""
        data = _valid(CongressDelegateCreateSerializer, request)
        congress = data["congress"]
        person = changeable_person(request.user, data["person"], congress.opened_on)
        try:
            delegate = services.delegate_add(
                congress=congress, person=person, kind=data["kind"], note=data["note"]
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(CongressDelegateSerializer(delegate).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        services.delegate_remove(delegate=instance)


class CommitteeMemberRemoveSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, help_text="Lý do (ghi vào lịch sử).")
    removed_on = serializers.DateField(
        required=False,
        allow_null=True,
        help_text="Thôi giữ từ ngày; để trống: ghi nhầm từ đầu, hủy bố trí chức danh.",
        **DATE_INPUT,
    )


class CommitteeMemberViewSet(viewsets.ReadOnlyModelViewSet):
    """Người trúng cử recorded by congresses in the user's scope, with the age rule for
    executive-committee members (first time or re-elected, derived from cadres); `remove`
    corrects a wrongly recorded one (the record and its cadres holding, with the reason)."""

    serializer_class = CongressMemberSerializer
    filterset_class = CommitteeMemberFilterSet
    queryset = CommitteeMember.objects.none()

    def get_queryset(self):
        kind = OrganizationPeriod.objects.filter(
            organization=OuterRef("congress__organization"),
            valid_from__lte=OuterRef("congress__opened_on"),
            valid_to__gte=OuterRef("congress__opened_on"),
        ).values("kind")[:1]
        return (
            CommitteeMember.objects.restrict(self.request.user, action_needed(self.request))
            .select_related("person", "assignment", "congress__organization")
            .annotate(re_elected=re_elected_exists(), organization_kind=Subquery(kind))
            .order_by("congress_id", "id")
        )

    @extend_schema(request=CommitteeMemberRemoveSerializer, responses={204: None})
    @action(detail=True, methods=["post"])
    def remove(self, request, pk=None, **kwargs):
        """Bỏ người trúng cử ghi nhầm; refused while a standing-committee role of the same
        person depends on this executive-committee seat."""
        member = self.get_object()
        data = _valid(CommitteeMemberRemoveSerializer, request)
        try:
            services.committee_member_remove(
                member=member, reason=data["reason"], removed_on=data.get("removed_on")
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(parameters=[AS_OF_PARAMETER]),
    retrieve=extend_schema(parameters=[AS_OF_PARAMETER]),
)
class TargetViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Chỉ tiêu nghị quyết of congresses in the user's scope, each with its latest progress
    on `as_of` and the percent reached; `progress` records a measured value."""

    serializer_class = ResolutionTargetSerializer
    filterset_class = ResolutionTargetFilterSet
    queryset = ResolutionTarget.objects.none()

    def get_queryset(self):
        congresses = Congress.objects.restrict(self.request.user, action_needed(self.request))
        return selectors.targets_at(congresses.values("pk"), as_of_from(self.request))

    def _shown(self, target, code=status.HTTP_200_OK) -> Response:
        shown = selectors.targets_at([target.congress_id], as_of_from(self.request)).get(
            pk=target.pk
        )
        return Response(ResolutionTargetSerializer(shown).data, status=code)

    @extend_schema(
        request=ResolutionTargetCreateSerializer, responses={201: ResolutionTargetSerializer}
    )
    def create(self, request, *args, **kwargs):
        """Thêm chỉ tiêu to the resolution of a congress in the user's change scope."""
        data = dict(_valid(ResolutionTargetCreateSerializer, request))
        try:
            target = services.target_create(**data)
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return self._shown(target, status.HTTP_201_CREATED)

    @extend_schema(request=ResolutionTargetUpdateSerializer, responses=ResolutionTargetSerializer)
    def partial_update(self, request, *args, **kwargs):
        """Sửa chỉ tiêu: name, unit, value, direction; `version` guards a concurrent edit."""
        target = self.get_object()
        data = dict(_valid(ResolutionTargetUpdateSerializer, request))
        try:
            target = services.target_update(
                target=target,
                name=data.get("name", target.name),
                unit=data.get("unit", target.unit),
                target_value=data.get("target_value", target.target_value),
                direction=data.get("direction", target.direction),
                expected_version=data.get("version"),
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return self._shown(target)

    @extend_schema(
        request=TargetProgressCreateSerializer, responses={201: TargetProgressSerializer}
    )
    @action(detail=True, methods=["post"])
    def progress(self, request, pk=None, **kwargs):
        """Kết quả thực hiện chỉ tiêu đến một ngày (one per day, from the congress on)."""
        target = self.get_object()
        data = _valid(TargetProgressCreateSerializer, request)
        try:
            entry = services.progress_record(target=target, **data)
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(TargetProgressSerializer(entry).data, status=status.HTTP_201_CREATED)


def register(router) -> None:
    """Add this app's viewsets to the API router."""
    router.register("congresses", CongressViewSet, basename="congress")
    router.register("congress-delegates", DelegateViewSet, basename="congressdelegate")
    router.register("congress-members", CommitteeMemberViewSet, basename="congressmember")
    router.register("congress-targets", TargetViewSet, basename="congresstarget")
