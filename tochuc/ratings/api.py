"""REST API of đánh giá, xếp loại; lấy phiếu tín nhiệm; kỷ luật — all within the user's scope.

- `/api/person-ratings/`, `/api/organization-ratings/`: annual ratings (list, detail, create,
  correct); the category is checked against the rule of the year (derived when left blank).
- `/api/confidence-votes/`: votes with their quorum and consequence by the rule of their day
  (list, detail, create, correct figures, date or post).
- `/api/disciplines/`: disciplines with the day the person may be reconsidered (as of
  `as_of`) (list, detail, create, correct).
- `/api/rating-figures/`: the figures of a subtree for a year (persons and organizations by
  category, votes by consequence, persons within a discipline period).
- `/api/person-standings/{id}/`: a person's flags, ratings, votes and disciplines.

Writes go through `tochuc.ratings.services`; a refusal is a 400 `{"detail": [messages]}` with
the rule's Vietnamese message. Organizations, posts and persons a write names must be in the
user's change scope.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from tochuc.cadres.models import Post
from tochuc.core.api import (
    AS_OF_PARAMETER,
    DATE_INPUT,
    OUT_OF_SCOPE,
    DecisionInput,
    action_needed,
    as_of_from,
    cite,
    refusal,
)
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.organizations.models import Organization
from tochuc.ratings import rules, selectors, services
from tochuc.ratings.filtersets import (
    ConfidenceVoteFilterSet,
    DisciplineFilterSet,
    OrganizationRatingFilterSet,
    PersonRatingFilterSet,
)
from tochuc.ratings.models import (
    Category,
    ConfidenceVote,
    Discipline,
    DisciplineForm,
    OrganizationRating,
    PersonRating,
)
from tochuc.ratings.rules import CONSEQUENCE_LABELS

SHARE = {"max_digits": 5, "decimal_places": 2, "required": False, "allow_null": True}


# Inputs naming records of the user's change scope ------------------------------------------


@extend_schema_field(OpenApiTypes.INT)
class ChangeScopeOrganizationField(serializers.PrimaryKeyRelatedField):
    default_error_messages = {"does_not_exist": f"Tổ chức id={{pk_value}} {OUT_OF_SCOPE}"}

    def get_queryset(self):
        return Organization.objects.restrict(self.context["request"].user, CHANGE)


@extend_schema_field(OpenApiTypes.INT)
class ChangeScopePersonField(serializers.PrimaryKeyRelatedField):
    """A person the user may rate, vote on or discipline, on `as_of` (default today)."""

    default_error_messages = {"does_not_exist": f"Cá nhân id={{pk_value}} {OUT_OF_SCOPE}"}

    def get_queryset(self):
        request = self.context["request"]
        return selectors.visible_persons(user=request.user, on=as_of_from(request), action=CHANGE)


@extend_schema_field(OpenApiTypes.INT)
class ChangeScopePostField(serializers.PrimaryKeyRelatedField):
    default_error_messages = {"does_not_exist": f"Chức danh id={{pk_value}} {OUT_OF_SCOPE}"}

    def get_queryset(self):
        return Post.objects.restrict(self.context["request"].user, CHANGE)


def _cite(data: dict | None):
    try:
        return cite(data)
    except DjangoValidationError as exc:
        raise refusal(exc) from exc


# Annual ratings ------------------------------------------------------------------------------


class RatingReadMixin(serializers.Serializer):
    category_label = serializers.CharField(source="get_category_display", read_only=True)
    derived_category = serializers.SerializerMethodField()
    rule_source = serializers.SerializerMethodField()
    decision = serializers.StringRelatedField(read_only=True)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_derived_category(self, rating) -> str | None:
        """The category the rule of the year gives the stored inputs (null without a scale)."""
        return rules.derived_category(
            rules.rating_rule(rating.year),
            score=rating.score,
            exceeded_share=rating.exceeded_share,
            late_share=rating.late_share,
        )

    def get_rule_source(self, rating) -> str:
        return services.rule_source_for_year(rating.year)


RATING_FIELDS = [
    "year", "score", "exceeded_share", "late_share", "category", "category_label",
    "derived_category", "rule_source", "lowered_reason", "note", "decision", "version",
]  # fmt: skip


class PersonRatingSerializer(RatingReadMixin, serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.full_name", read_only=True)

    class Meta:
        model = PersonRating
        fields = ["id", "person", "person_name", "organization", *RATING_FIELDS]
        read_only_fields = fields


class OrganizationRatingSerializer(RatingReadMixin, serializers.ModelSerializer):
    class Meta:
        model = OrganizationRating
        fields = ["id", "organization", *RATING_FIELDS]
        read_only_fields = fields


class RatingInputsSerializer(serializers.Serializer):
    score = serializers.DecimalField(**SHARE)
    exceeded_share = serializers.DecimalField(**SHARE)
    late_share = serializers.DecimalField(**SHARE)
    category = serializers.ChoiceField(
        choices=Category.choices, required=False, allow_blank=True, default=""
    )
    lowered_reason = serializers.CharField(required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")
    decision = DecisionInput(required=False, allow_null=True)


class PersonRatingInput(RatingInputsSerializer):
    person = ChangeScopePersonField()
    organization = ChangeScopeOrganizationField()
    year = serializers.IntegerField(min_value=1900, max_value=2999)


class OrganizationRatingInput(RatingInputsSerializer):
    organization = ChangeScopeOrganizationField()
    year = serializers.IntegerField(min_value=1900, max_value=2999)


class RatingUpdateInput(RatingInputsSerializer):
    version = serializers.IntegerField(required=False, allow_null=True)


INPUT_NAMES = ("score", "exceeded_share", "late_share", "category", "lowered_reason", "note")


class RatingViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Shared by persons' and organizations' ratings: writes through the services."""

    model: type = PersonRating
    input_class: type = PersonRatingInput

    def get_queryset(self):
        return (
            self.model.objects.restrict(self.request.user, action_needed(self.request))
            .select_related("decision", "organization")
            .order_by("-year", "id")
        )

    def get_serializer_class(self):
        if self.action == "create":
            return self.input_class
        if self.action in ("update", "partial_update"):
            return RatingUpdateInput
        return self.serializer_class

    def _shown(self, rating, code=status.HTTP_200_OK) -> Response:
        rating = self.model.objects.select_related("decision").get(pk=rating.pk)
        return Response(self.serializer_class(rating).data, status=code)

    def _record(self, data: dict):
        raise NotImplementedError

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data["decision"] = _cite(data.get("decision"))
        try:
            rating = self._record(data)
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return self._shown(rating, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        rating = self.get_object()
        partial = kwargs.pop("partial", False)
        serializer = RatingUpdateInput(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        given = serializer.validated_data
        values = {name: given.get(name, getattr(rating, name)) for name in INPUT_NAMES}
        if partial and "category" not in given and rules.has_scale(rules.rating_rule(rating.year)):
            values["category"] = ""  # new inputs, category derived again by the rule
        if not partial:
            values = {name: given.get(name) for name in INPUT_NAMES}
            values.update({n: values[n] or "" for n in ("category", "lowered_reason", "note")})
        decision = _cite(given["decision"]) if given.get("decision") else None
        if partial and "decision" not in given:
            decision = rating.decision
        try:
            rating = services.rating_update(
                rating=rating,
                decision=decision,
                expected_version=given.get("version"),
                **values,
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return self._shown(rating)


class PersonRatingViewSet(RatingViewSet):
    """Đánh giá, xếp loại cá nhân in the user's scope (`within` + `as_of` for a subtree).

    POST records a rating (category blank: derived by the rule of the year); PUT/PATCH
    corrects one (`version` guards against concurrent edits)."""

    model = PersonRating
    input_class = PersonRatingInput
    serializer_class = PersonRatingSerializer
    filterset_class = PersonRatingFilterSet
    queryset = PersonRating.objects.none()

    def get_queryset(self):
        return super().get_queryset().select_related("person")

    def _record(self, data: dict):
        return services.person_rating_record(**data)

    @extend_schema(parameters=[AS_OF_PARAMETER])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=PersonRatingInput, responses={201: PersonRatingSerializer})
    def create(self, request, *args, **kwargs):
        return super().create(request, *args, **kwargs)

    @extend_schema(request=RatingUpdateInput, responses=PersonRatingSerializer)
    def update(self, request, *args, **kwargs):
        return super().update(request, *args, **kwargs)

    @extend_schema(request=RatingUpdateInput, responses=PersonRatingSerializer)
    def partial_update(self, request, *args, **kwargs):
        return super().partial_update(request, *args, **kwargs)


class OrganizationRatingViewSet(RatingViewSet):
    """Đánh giá, xếp loại tổ chức in the user's scope (one rating per organization a year)."""

    model = OrganizationRating
    input_class = OrganizationRatingInput
    serializer_class = OrganizationRatingSerializer
    filterset_class = OrganizationRatingFilterSet
    queryset = OrganizationRating.objects.none()

    def _record(self, data: dict):
        return services.organization_rating_record(**data)

    @extend_schema(parameters=[AS_OF_PARAMETER])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=OrganizationRatingInput, responses={201: OrganizationRatingSerializer})
    def create(self, request, *args, **kwargs):
        return super().create(request, *args, **kwargs)

    @extend_schema(request=RatingUpdateInput, responses=OrganizationRatingSerializer)
    def update(self, request, *args, **kwargs):
        return super().update(request, *args, **kwargs)

    @extend_schema(request=RatingUpdateInput, responses=OrganizationRatingSerializer)
    def partial_update(self, request, *args, **kwargs):
        return super().partial_update(request, *args, **kwargs)


# Confidence votes ----------------------------------------------------------------------------


class ConfidenceVoteSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    ballots = serializers.IntegerField(read_only=True)
    quorum = serializers.SerializerMethodField()
    low_share = serializers.SerializerMethodField()
    consequence = serializers.SerializerMethodField()
    consequence_label = serializers.SerializerMethodField()
    rule_source = serializers.SerializerMethodField()

    class Meta:
        model = ConfidenceVote
        fields = [
            "id", "person", "person_name", "post", "organization", "held_on", "summoned",
            "present", "high", "confidence", "low", "invalid", "ballots", "quorum", "low_share",
            "consequence", "consequence_label", "rule_source", "version",
        ]  # fmt: skip
        read_only_fields = fields

    def _outcome(self, vote) -> rules.VoteOutcome:
        return selectors.vote_consequence(vote)

    def get_quorum(self, vote) -> bool:
        """At least 2/3 of those summoned were present (the vote is valid)."""
        return self._outcome(vote).quorum

    def get_low_share(self, vote) -> str:
        """Low-confidence ballots over ballots collected, «55,00%»."""
        return self._outcome(vote).low_percent

    @extend_schema_field(
        serializers.ChoiceField(choices=[*CONSEQUENCE_LABELS.items(), ("no_rule", "—")])
    )
    def get_consequence(self, vote) -> str:
        return self._outcome(vote).code

    def get_consequence_label(self, vote) -> str:
        return self._outcome(vote).label

    def get_rule_source(self, vote) -> str:
        return self._outcome(vote).source


class ConfidenceVoteInput(serializers.Serializer):
    person = ChangeScopePersonField()
    post = ChangeScopePostField(required=False, allow_null=True)
    organization = ChangeScopeOrganizationField()
    held_on = serializers.DateField(**DATE_INPUT)
    summoned = serializers.IntegerField(min_value=1)
    present = serializers.IntegerField(min_value=0)
    high = serializers.IntegerField(min_value=0)
    confidence = serializers.IntegerField(min_value=0)
    low = serializers.IntegerField(min_value=0)
    invalid = serializers.IntegerField(min_value=0, required=False, default=0)


class ConfidenceVoteUpdateInput(serializers.Serializer):
    """A correction of a vote's figures, date or post (person and organization stay); PATCH
    keeps what it does not name. `version`: the one read, refused if saved since."""

    post = ChangeScopePostField(required=False, allow_null=True, default=None)
    held_on = serializers.DateField(**DATE_INPUT)
    summoned = serializers.IntegerField(min_value=1)
    present = serializers.IntegerField(min_value=0)
    high = serializers.IntegerField(min_value=0)
    confidence = serializers.IntegerField(min_value=0)
    low = serializers.IntegerField(min_value=0)
    invalid = serializers.IntegerField(min_value=0, required=False, default=0)
    version = serializers.IntegerField(required=False, allow_null=True)


VOTE_FIGURES = ("post", "held_on", "summoned", "present", "high", "confidence", "low", "invalid")


class ConfidenceVoteViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Lấy phiếu tín nhiệm in the user's scope, each with quorum and consequence judged by the
    rule in force on the day it was held. POST records a vote (one without quorum is kept and
    shown as not valid); PUT/PATCH corrects its figures, date or post, checked again
    (`version` guards against concurrent edits)."""

    serializer_class = ConfidenceVoteSerializer
    filterset_class = ConfidenceVoteFilterSet
    queryset = ConfidenceVote.objects.none()

    def get_queryset(self):
        return (
            ConfidenceVote.objects.restrict(self.request.user, action_needed(self.request))
            .select_related("person")
            .order_by("-held_on", "id")
        )

    def get_serializer_class(self):
        if self.action == "create":
            return ConfidenceVoteInput
        if self.action in ("update", "partial_update"):
            return ConfidenceVoteUpdateInput
        return ConfidenceVoteSerializer

    @extend_schema(parameters=[AS_OF_PARAMETER])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=ConfidenceVoteInput, responses={201: ConfidenceVoteSerializer})
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            vote = services.confidence_vote_record(**serializer.validated_data)
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(ConfidenceVoteSerializer(vote).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ConfidenceVoteUpdateInput, responses=ConfidenceVoteSerializer)
    def update(self, request, *args, **kwargs):
        vote = self.get_object()
        partial = kwargs.pop("partial", False)
        serializer = self.get_serializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        given = serializer.validated_data
        figures = {name: given.get(name, getattr(vote, name)) for name in VOTE_FIGURES}
        if not partial:
            figures = {name: given.get(name) for name in VOTE_FIGURES}
            figures["invalid"] = figures["invalid"] or 0
        try:
            vote = services.confidence_vote_update(
                vote=vote, expected_version=given.get("version"), **figures
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(ConfidenceVoteSerializer(vote).data)

    @extend_schema(request=ConfidenceVoteUpdateInput, responses=ConfidenceVoteSerializer)
    def partial_update(self, request, *args, **kwargs):
        return super().partial_update(request, *args, **kwargs)


# Disciplines ---------------------------------------------------------------------------------


class DisciplineSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    form_label = serializers.CharField(source="get_form_display", read_only=True)
    decision = serializers.StringRelatedField(read_only=True)
    reconsider_from = serializers.SerializerMethodField()
    in_period = serializers.SerializerMethodField()

    class Meta:
        model = Discipline
        fields = [
            "id", "person", "person_name", "organization", "form", "form_label", "decided_on",
            "decision", "reason", "reconsider_from", "in_period", "version",
        ]  # fmt: skip
        read_only_fields = fields

    def _on(self):
        return self.context["as_of"]

    @extend_schema_field(OpenApiTypes.DATE)
    def get_reconsider_from(self, discipline):
        """First day the person may be planned or appointed again, by the rule in force on
        `as_of`; null for dismissal and expulsion (no period)."""
        return selectors.reconsider_from(discipline, self._on())

    def get_in_period(self, discipline) -> bool:
        """Still within the reconsideration period on `as_of`."""
        on = self._on()
        if discipline.decided_on > on:
            return False
        if discipline.form in rules.PERMANENT_FORMS:
            return True
        until = selectors.reconsider_from(discipline, on)
        return until is not None and on < until


class DisciplineInput(serializers.Serializer):
    person = ChangeScopePersonField()
    organization = ChangeScopeOrganizationField()
    form = serializers.ChoiceField(choices=DisciplineForm.choices)
    decided_on = serializers.DateField(**DATE_INPUT)
    decision = DecisionInput()
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class DisciplineUpdateInput(serializers.Serializer):
    """A correction of a discipline's form, date, decision or reason (person and organization
    stay); PATCH keeps what it does not name. `version`: the one read."""

    form = serializers.ChoiceField(choices=DisciplineForm.choices)
    decided_on = serializers.DateField(**DATE_INPUT)
    decision = DecisionInput()
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, allow_null=True)


class DisciplineViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Kỷ luật decided by organizations in the user's scope, with the reconsideration date by
    the rule in force on `as_of`. POST records one (the decision is required); PUT/PATCH
    corrects it, checked again (`version` guards against concurrent edits)."""

    serializer_class = DisciplineSerializer
    filterset_class = DisciplineFilterSet
    queryset = Discipline.objects.none()

    def get_queryset(self):
        return (
            Discipline.objects.restrict(self.request.user, action_needed(self.request))
            .select_related("person", "decision")
            .order_by("-decided_on", "id")
        )

    def get_serializer_class(self):
        if self.action == "create":
            return DisciplineInput
        if self.action in ("update", "partial_update"):
            return DisciplineUpdateInput
        return DisciplineSerializer

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "as_of": as_of_from(self.request)}

    @extend_schema(parameters=[AS_OF_PARAMETER])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[AS_OF_PARAMETER])
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(request=DisciplineInput, responses={201: DisciplineSerializer})
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data["decision"] = _cite(data["decision"])
        try:
            discipline = services.discipline_record(**data)
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        context = self.get_serializer_context()
        return Response(
            DisciplineSerializer(discipline, context=context).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        parameters=[AS_OF_PARAMETER], request=DisciplineUpdateInput, responses=DisciplineSerializer
    )
    def update(self, request, *args, **kwargs):
        discipline = self.get_object()
        partial = kwargs.pop("partial", False)
        serializer = self.get_serializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        given = serializer.validated_data
        decision = _cite(given["decision"]) if "decision" in given else discipline.decision
        try:
            discipline = services.discipline_update(
                discipline=discipline,
                form=given.get("form", discipline.form),
                decided_on=given.get("decided_on", discipline.decided_on),
                decision=decision,
                reason=given.get("reason", discipline.reason),
                expected_version=given.get("version"),
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        context = self.get_serializer_context()
        return Response(DisciplineSerializer(discipline, context=context).data)

    @extend_schema(
        parameters=[AS_OF_PARAMETER], request=DisciplineUpdateInput, responses=DisciplineSerializer
    )
    def partial_update(self, request, *args, **kwargs):
        return super().partial_update(request, *args, **kwargs)


# Figures and standing ------------------------------------------------------------------------


class RatingCategoryCountSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=Category.choices)
    label = serializers.CharField()
    people = serializers.IntegerField()
    records = serializers.IntegerField()


class VoteConsequenceCountSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    people = serializers.IntegerField()
    votes = serializers.IntegerField()


FiguresResponse = inline_serializer(
    "RatingFigures",
    {
        "organization": serializers.IntegerField(),
        "year": serializers.IntegerField(),
        "as_of": serializers.DateField(),
        "rule_source": serializers.CharField(),
        "persons": RatingCategoryCountSerializer(many=True),
        "people": serializers.IntegerField(),
        "records": serializers.IntegerField(),
        "organizations": RatingCategoryCountSerializer(many=True),
        "organizations_total": serializers.IntegerField(),
        "votes": inline_serializer(
            "ConfidenceVoteSummary",
            {
                "votes": serializers.IntegerField(),
                "people": serializers.IntegerField(),
                "invalid": serializers.IntegerField(),
                "flagged_people": serializers.IntegerField(),
                "by_consequence": VoteConsequenceCountSerializer(many=True),
            },
        ),
        "disciplined": serializers.IntegerField(),
    },
)


class RatingFiguresViewSet(viewsets.GenericViewSet):
    """Figures of a subtree for a year, restated on `as_of` (see `tochuc.ratings.selectors`)."""

    queryset = PersonRating.objects.none()
    pagination_class = None
    filterset_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "org", OpenApiTypes.INT, description="Tổ chức (mặc định: của người dùng)."
            ),
            OpenApiParameter("year", OpenApiTypes.INT, description="Năm (mặc định: năm as_of)."),
            AS_OF_PARAMETER,
        ],
        responses=FiguresResponse,
    )
    def list(self, request, *args, **kwargs):
        """«Đánh giá, xếp loại năm Y»: persons by category (people, records), organizations by
        category, the year's confidence votes by consequence, persons disciplined on as_of."""
        on = as_of_from(request)
        raw_org = request.query_params.get("org") or request.user.organization_id
        raw_year = request.query_params.get("year") or str(on.year)
        errors = {}
        if raw_org is None or not str(raw_org).isdigit():
            errors["org"] = ["Hãy chọn tổ chức (id)."]
        if not raw_year.isdigit() or not 1900 < int(raw_year) < 3000:
            errors["year"] = ["Năm phải ghi bằng số, ví dụ 2025."]
        if errors:
            raise serializers.ValidationError(errors)
        root = get_object_or_404(Organization.objects.restrict(request.user), pk=int(raw_org))
        year, user = int(raw_year), request.user
        figures = selectors.rating_figures(root=root, year=year, on=on, user=user)
        votes = selectors.vote_summary(root=root, year=year, on=on, user=user)
        disciplined = selectors.disciplined_count(on=on, root=root, user=user)
        return Response(
            {
                "organization": root.pk,
                "year": year,
                "as_of": on,
                "rule_source": services.rule_source_for_year(year),
                "persons": [vars(f) for f in figures.persons],
                "people": figures.people,
                "records": figures.records,
                "organizations": [vars(f) for f in figures.organizations],
                "organizations_total": figures.organizations_total,
                "votes": {
                    "votes": votes.votes,
                    "people": votes.people,
                    "invalid": votes.invalid,
                    "flagged_people": votes.flagged_people,
                    "by_consequence": [
                        {
                            "code": code,
                            "label": CONSEQUENCE_LABELS[code],
                            "people": votes.by_consequence[code][0],
                            "votes": votes.by_consequence[code][1],
                        }
                        for code in selectors.CONSEQUENCES
                    ],
                },
                "disciplined": disciplined,
            }
        )


class StandingFlagSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=[("vote", "Lấy phiếu"), ("discipline", "Kỷ luật"), ("rating", "Xếp loại")]
    )
    code = serializers.CharField()
    label = serializers.CharField()
    source = serializers.CharField()
    since = serializers.DateField()
    until = serializers.DateField(allow_null=True)
    record_id = serializers.IntegerField()
    detail = serializers.CharField()


StandingResponse = inline_serializer(
    "PersonStanding",
    {
        "person": serializers.IntegerField(),
        "full_name": serializers.CharField(),
        "as_of": serializers.DateField(),
        "flags": StandingFlagSerializer(many=True),
        "ratings": PersonRatingSerializer(many=True),
        "votes": ConfidenceVoteSerializer(many=True),
        "disciplines": DisciplineSerializer(many=True),
    },
)


class PersonStandingViewSet(viewsets.GenericViewSet):
    """A person's standing on `as_of`: flags (low-confidence consequences, disciplines within
    their period, two consecutive years «không hoàn thành nhiệm vụ») and the records behind
    them, of organizations in the user's scope."""

    queryset = PersonRating.objects.none()
    pagination_class = None
    filterset_class = None

    def get_queryset(self):
        request = self.request
        return selectors.visible_persons(user=request.user, on=as_of_from(request), action=VIEW)

    @extend_schema(parameters=[AS_OF_PARAMETER], responses=StandingResponse)
    def retrieve(self, request, pk=None, *args, **kwargs):
        on = as_of_from(request)
        person = self.get_object()
        standing = selectors.person_standing(person=person, on=on, user=request.user)
        context = {"request": request, "as_of": on}
        return Response(
            {
                "person": person.pk,
                "full_name": person.full_name,
                "as_of": on,
                "flags": StandingFlagSerializer(standing.flags, many=True).data,
                "ratings": PersonRatingSerializer(standing.ratings, many=True).data,
                "votes": ConfidenceVoteSerializer(standing.votes, many=True).data,
                "disciplines": DisciplineSerializer(
                    standing.disciplines, many=True, context=context
                ).data,
            }
        )


def register(router) -> None:
    """Add this app's viewsets to the API router."""
    router.register("person-ratings", PersonRatingViewSet, basename="personrating")
    router.register(
        "organization-ratings", OrganizationRatingViewSet, basename="organizationrating"
    )
    router.register("confidence-votes", ConfidenceVoteViewSet, basename="confidencevote")
    router.register("disciplines", DisciplineViewSet, basename="discipline")
    router.register("rating-figures", RatingFiguresViewSet, basename="ratingfigures")
    router.register("person-standings", PersonStandingViewSet, basename="personstanding")
