"""REST API of đào tạo, bồi dưỡng: courses, classes, enrollments (with results), qualifications,
and the figures of a subtree over a period.

Report line served: "cử 2.093 cán bộ đi đào tạo cao cấp, trung cấp LLCT; 27.517 lượt bồi
dưỡng" → `GET /api/training/enrollments/figures/`; its drill-downs are
`GET /api/training/enrollments/trainees/` (people) and `GET /api/training/enrollments/` with
the same `org`, `start`, `end` and `group` or `kind` (records).

Writes go through `tochuc.training.services`; a refusal is a 400 `{"detail": [messages]}`.
Organizations and persons a write names must be in the user's change scope.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from tochuc.core.api import (
    DATE_INPUT,
    FIGURE_ACTION,
    OUT_OF_SCOPE,
    DecisionInput,
    OrganizationRefField,
    action_needed,
    cite,
    pattern_choice,
    refusal,
)
from tochuc.core.formatting import parse_vn_date
from tochuc.core.scoping import CHANGE
from tochuc.organizations.models import Organization
from tochuc.people.models import Person
from tochuc.training import selectors, services
from tochuc.training.filtersets import (
    CourseFilterSet,
    EnrollmentFilterSet,
    QualificationFilterSet,
    TrainingClassFilterSet,
)
from tochuc.training.models import (
    Course,
    CourseKind,
    Enrollment,
    Mode,
    Qualification,
    QualificationKind,
    Result,
    TrainingClass,
)
from tochuc.training.querysets import enrollments_for_results, persons_in_reach

CourseKindField = pattern_choice("CourseKindField", CourseKind.choices)
ModeField = pattern_choice("TrainingModeField", Mode.choices)
ResultField = pattern_choice("TrainingResultField", Result.choices)
QualificationKindField = pattern_choice("QualificationKindField", QualificationKind.choices)


def _changeable_person(user, pk: int, on: dt.date) -> Person:
    """The person `pk` if the user may change their training records on `on`; 400 otherwise."""
    person = Person.objects.filter(id__in=persons_in_reach(user, CHANGE, on=on), pk=pk).first()
    if person is None:
        raise serializers.ValidationError({"person": [f"Cá nhân {OUT_OF_SCOPE}"]})
    return person


# --- Courses ----------------------------------------------------------------------------------


class TrainingCourseSerializer(serializers.ModelSerializer):
    kind = CourseKindField()
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    organization = OrganizationRefField()

    class Meta:
        model = Course
        fields = ["id", "name", "kind", "kind_label", "organization", "note", "version"]
        read_only_fields = ["id", "kind_label", "version"]


class TrainingCourseUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=255, required=False)
    kind = CourseKindField(required=False)
    note = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(required=False, allow_null=True)


class CourseViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Chương trình đào tạo, bồi dưỡng the user sees (kept in scope or above it, or with a
    class the user sees); POST adds one kept by an organization in change scope; PATCH
    corrects one kept in change scope (`version` guards a concurrent edit)."""

    serializer_class = TrainingCourseSerializer
    filterset_class = CourseFilterSet
    queryset = Course.objects.none()

    def get_queryset(self):
        return Course.objects.restrict(self.request.user, action_needed(self.request)).order_by(
            "id"
        )

    def perform_create(self, serializer):
        data = serializer.validated_data
        try:
            serializer.instance = services.course_create(
                name=data["name"],
                kind=data["kind"],
                organization=data["organization"],
                note=data.get("note", ""),
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc

    @extend_schema(request=TrainingCourseUpdateSerializer, responses=TrainingCourseSerializer)
    def partial_update(self, request, *args, **kwargs):
        """Sửa chương trình: name, note, and the kind while the programme has no class."""
        course = self.get_object()
        data = TrainingCourseUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            course = services.course_update(
                course=course,
                name=values.get("name", course.name),
                kind=values.get("kind", course.kind),
                note=values.get("note", course.note),
                expected_version=values.get("version"),
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(TrainingCourseSerializer(course, context={"request": request}).data)


# --- Classes ----------------------------------------------------------------------------------


@extend_schema_field(OpenApiTypes.INT)
class VisibleCourseField(serializers.PrimaryKeyRelatedField):
    default_error_messages = {
        "does_not_exist": f"Chương trình {OUT_OF_SCOPE}",
        "incorrect_type": "Chương trình phải ghi bằng id (số).",
    }

    def get_queryset(self):
        return Course.objects.restrict(self.context["request"].user)


class TrainingClassSerializer(serializers.ModelSerializer):
    course = VisibleCourseField()
    course_kind = CourseKindField(source="course.kind", read_only=True)
    organizer = OrganizationRefField()
    opens_on = serializers.DateField(**DATE_INPUT)
    closes_on = serializers.DateField(**DATE_INPUT)
    mode = ModeField()
    decision = DecisionInput(required=False, allow_null=True, write_only=True)
    decision_cited = serializers.StringRelatedField(source="decision", read_only=True)

    class Meta:
        model = TrainingClass
        fields = [
            "id", "course", "course_kind", "name", "organizer", "opens_on", "closes_on", "mode",
            "decision", "decision_cited", "note", "version",
        ]  # fmt: skip
        read_only_fields = ["id", "course_kind", "decision_cited"]


class TrainingClassUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=255, required=False)
    opens_on = serializers.DateField(required=False, **DATE_INPUT)
    closes_on = serializers.DateField(required=False, **DATE_INPUT)
    mode = ModeField(required=False)
    decision = DecisionInput(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True)
    version = serializers.IntegerField(required=False, allow_null=True)


class TrainingClassViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Lớp đào tạo, bồi dưỡng the user sees (organized in scope or above it, or attended by
    the scope's people). POST opens a class organized by a unit in change scope; PUT/PATCH
    correct a class organized in change scope (refusals are 400s naming the rule)."""

    serializer_class = TrainingClassSerializer
    filterset_class = TrainingClassFilterSet
    queryset = TrainingClass.objects.none()

    def get_queryset(self):
        return (
            TrainingClass.objects.restrict(self.request.user, action_needed(self.request))
            .select_related("course", "decision")
            .order_by("id")
        )

    def perform_create(self, serializer):
        data = serializer.validated_data
        try:
            serializer.instance = services.class_open(
                course=data["course"],
                name=data["name"],
                organizer=data["organizer"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                mode=data["mode"],
                decision=cite(data.get("decision")),
                note=data.get("note", ""),
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc

    @extend_schema(request=TrainingClassUpdateSerializer, responses=TrainingClassSerializer)
    def update(self, request, *args, **kwargs):
        training_class = self.get_object()
        data = TrainingClassUpdateSerializer(data=request.data, partial=kwargs.get("partial"))
        data.is_valid(raise_exception=True)
        values = data.validated_data
        decision = training_class.decision
        if "decision" in values:
            decision = cite(values["decision"])
        try:
            training_class = services.class_update(
                training_class=training_class,
                name=values.get("name", training_class.name),
                opens_on=values.get("opens_on", training_class.opens_on),
                closes_on=values.get("closes_on", training_class.closes_on),
                mode=values.get("mode", training_class.mode),
                decision=decision,
                note=values.get("note", training_class.note),
                expected_version=values.get("version"),
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(TrainingClassSerializer(training_class).data)

    @extend_schema(request=TrainingClassUpdateSerializer, responses=TrainingClassSerializer)
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)


# --- Enrollments and figures ------------------------------------------------------------------


class TrainingEnrollmentSerializer(serializers.ModelSerializer):
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    result = ResultField(read_only=True)
    result_label = serializers.CharField(source="get_result_display", read_only=True)
    decision = serializers.StringRelatedField()

    class Meta:
        model = Enrollment
        fields = [
            "id", "person", "person_name", "training_class", "sent_by", "enrolled_on",
            "decision", "special_approval", "result", "result_label", "completed_on", "grade",
            "note", "version",
        ]  # fmt: skip
        read_only_fields = fields


@extend_schema_field(OpenApiTypes.INT)
class VisibleClassField(serializers.PrimaryKeyRelatedField):
    default_error_messages = {
        "does_not_exist": f"Lớp {OUT_OF_SCOPE}",
        "incorrect_type": "Lớp phải ghi bằng id (số).",
    }

    def get_queryset(self):
        return TrainingClass.objects.restrict(self.context["request"].user).select_related("course")


class EnrollmentCreateSerializer(serializers.Serializer):
    person = serializers.IntegerField(help_text="Cá nhân (id), thuộc phạm vi của người dùng.")
    training_class = VisibleClassField()
    sent_by = OrganizationRefField()
    enrolled_on = serializers.DateField(**DATE_INPUT)
    decision = DecisionInput(required=False, allow_null=True)
    special_approval = serializers.BooleanField(required=False, default=False)
    note = serializers.CharField(required=False, allow_blank=True, default="")

    def validate(self, attrs):
        user = self.context["request"].user
        attrs["person"] = _changeable_person(user, attrs["person"], attrs["enrolled_on"])
        return attrs


class EnrollmentResultSerializer(serializers.Serializer):
    result = ResultField()
    completed_on = serializers.DateField(required=False, allow_null=True, **DATE_INPUT)
    grade = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")
    record_qualification = serializers.BooleanField(
        required=False,
        default=True,
        help_text="Hoàn thành lớp cao cấp, trung cấp LLCT: ghi nhận văn bằng lý luận chính trị.",
    )
    version = serializers.IntegerField(required=False, allow_null=True)


class KindFigureSerializer(serializers.Serializer):
    kind = CourseKindField()
    label = serializers.CharField()
    people = serializers.IntegerField()
    enrollments = serializers.IntegerField()


class TrainingFiguresSerializer(serializers.Serializer):
    organization = serializers.IntegerField()
    start = serializers.DateField()
    end = serializers.DateField()
    political_theory_people = serializers.IntegerField(
        help_text="Người được cử đi đào tạo cao cấp, trung cấp LLCT (mỗi người một lần)."
    )
    political_theory_enrollments = serializers.IntegerField()
    refresher_people = serializers.IntegerField()
    refresher_enrollments = serializers.IntegerField(help_text="Lượt bồi dưỡng.")
    sentence = serializers.CharField()
    by_kind = KindFigureSerializer(many=True)


class TraineeSerializer(serializers.ModelSerializer):
    enrollment_count = serializers.IntegerField(read_only=True)
    first_opens_on = serializers.DateField(read_only=True)

    class Meta:
        model = Person
        fields = ["id", "full_name", "date_of_birth", "enrollment_count", "first_opens_on"]
        read_only_fields = fields


FIGURE_PARAMETERS = [
    OpenApiParameter(
        "org", OpenApiTypes.STR, description="Tổ chức (id hoặc mã; mặc định: của người dùng)."
    ),
    OpenApiParameter(
        "start",
        OpenApiTypes.DATE,
        description="Lớp khai giảng từ ngày (mặc định: 1/1 của năm `end`).",
    ),
    OpenApiParameter(
        "end",
        OpenApiTypes.DATE,
        description="đến ngày (mặc định: hôm nay); cây tổ chức tính tại ngày này.",
    ),
]
DRILL_PARAMETERS = [
    *FIGURE_PARAMETERS,
    OpenApiParameter(
        "group",
        OpenApiTypes.STR,
        enum=list(selectors.GROUPS),
        description="`political_theory` cao cấp, trung cấp LLCT; `refresher` bồi dưỡng.",
    ),
    OpenApiParameter(
        "kind",
        OpenApiTypes.STR,
        enum=CourseKind.values,
        description="Một loại chương trình (thay cho group).",
    ),
]


def _figure_scope(request) -> tuple[Organization, dt.date, dt.date]:
    """`org`, `start`, `end` of a figure request (400 when malformed, 404 out of scope)."""
    params = request.query_params
    try:
        end = parse_vn_date(params["end"]) if params.get("end") else timezone.localdate()
        start = parse_vn_date(params["start"]) if params.get("start") else dt.date(end.year, 1, 1)
    except ValueError as exc:
        raise serializers.ValidationError({"start": [str(exc)]}) from exc
    if start > end:
        raise serializers.ValidationError({"start": ["Từ ngày phải trước đến ngày."]})
    raw = (params.get("org") or "").strip()
    organizations = Organization.objects.restrict(request.user)
    if not raw:
        if request.user.organization_id is None:
            raise serializers.ValidationError({"org": ["Hãy chọn tổ chức."]})
        return get_object_or_404(organizations, pk=request.user.organization_id), start, end
    if raw.isdigit():
        return get_object_or_404(organizations, pk=int(raw)), start, end
    return get_object_or_404(organizations, code=raw), start, end


def _drill_kinds(request) -> tuple[str, ...]:
    try:
        return selectors.group_kinds(
            group=request.query_params.get("group", ""), kind=request.query_params.get("kind", "")
        )
    except ValueError as exc:
        raise serializers.ValidationError({"group": [str(exc)]}) from exc


class EnrollmentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Học viên (enrollments) sent by organizations in the user's scope.

    POST sends a person (checked against the standards of the rule in force on the date:
    `political_theory_enrollment`); `result` records the outcome; `figures` gives the report
    line for a subtree and period; `trainees` lists the people behind a figure. With `org`
    the list is the drill-down of the records behind a figure.
    """

    serializer_class = TrainingEnrollmentSerializer
    filterset_class = EnrollmentFilterSet
    queryset = Enrollment.objects.none()

    def get_queryset(self):
        user = self.request.user
        if self.action == "list" and self.request.query_params.get("org"):
            root, start, end = _figure_scope(self.request)
            enrollments = selectors.enrollments_sent(
                root=root, start=start, end=end, kinds=_drill_kinds(self.request), user=user
            )
        elif self.action == "result":
            enrollments = enrollments_for_results(user)
        else:
            enrollments = Enrollment.objects.restrict(user, action_needed(self.request))
        return enrollments.select_related("person", "decision").order_by("id")

    @extend_schema(parameters=DRILL_PARAMETERS)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=EnrollmentCreateSerializer, responses=TrainingEnrollmentSerializer)
    def create(self, request, *args, **kwargs):
        """Cử đi học: a person in change scope, sent by a unit in change scope."""
        data = EnrollmentCreateSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            enrollment = services.enrollment_add(
                person=values["person"],
                training_class=values["training_class"],
                sent_by=values["sent_by"],
                enrolled_on=values["enrolled_on"],
                decision=cite(values.get("decision")),
                special_approval=values["special_approval"],
                note=values["note"],
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(
            TrainingEnrollmentSerializer(enrollment).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=EnrollmentResultSerializer, responses=TrainingEnrollmentSerializer)
    @action(detail=True, methods=["post"])
    def result(self, request, pk=None, **kwargs):
        """Ghi kết quả học tập (đang học, hoàn thành, không hoàn thành): by the unit that sent
        the learner or by the unit that organizes the class (for every learner of it)."""
        enrollment = self.get_object()
        data = EnrollmentResultSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            enrollment = services.enrollment_result(
                enrollment=enrollment,
                result=values["result"],
                completed_on=values.get("completed_on"),
                grade=values["grade"],
                expected_version=values.get("version"),
                record_qualification=values["record_qualification"],
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc
        return Response(TrainingEnrollmentSerializer(enrollment).data)

    @extend_schema(parameters=FIGURE_PARAMETERS, responses=TrainingFiguresSerializer)
    @action(detail=False, methods=["get"], **FIGURE_ACTION)
    def figures(self, request, **kwargs):
        """«Cử N cán bộ đi đào tạo cao cấp, trung cấp LLCT; M lượt bồi dưỡng» of a subtree
        for classes opening in [start, end]: people and records counted separately."""
        root, start, end = _figure_scope(request)
        result = selectors.training_figures(root=root, start=start, end=end, user=request.user)
        return Response(
            TrainingFiguresSerializer(
                {
                    "organization": root.pk,
                    "start": start,
                    "end": end,
                    "political_theory_people": result.political_theory_people,
                    "political_theory_enrollments": result.political_theory_enrollments,
                    "refresher_people": result.refresher_people,
                    "refresher_enrollments": result.refresher_enrollments,
                    "sentence": result.sentence,
                    "by_kind": result.by_kind,
                }
            ).data
        )

    @extend_schema(parameters=DRILL_PARAMETERS, responses=TraineeSerializer(many=True))
    @action(detail=False, methods=["get"], filterset_class=None)
    def trainees(self, request, **kwargs):
        """The persons behind a «người» figure, each once, with their count of records."""
        root, start, end = _figure_scope(request)
        enrollments = selectors.enrollments_sent(
            root=root, start=start, end=end, kinds=_drill_kinds(request), user=request.user
        )
        page = self.paginate_queryset(selectors.people_drilldown(enrollments))
        return self.get_paginated_response(TraineeSerializer(page, many=True).data)


# --- Qualifications ---------------------------------------------------------------------------


class TrainingQualificationSerializer(serializers.ModelSerializer):
    person = serializers.IntegerField(
        source="person_id", help_text="Cá nhân (id), thuộc phạm vi của người dùng."
    )
    kind = QualificationKindField()
    level_label = serializers.CharField(read_only=True)
    obtained_on = serializers.DateField(**DATE_INPUT)

    class Meta:
        model = Qualification
        fields = [
            "id", "person", "kind", "level", "level_label", "major", "obtained_on",
            "institution", "enrollment", "note",
        ]  # fmt: skip
        read_only_fields = ["id", "level_label", "enrollment"]


class QualificationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Văn bằng, chứng chỉ of persons the user reaches (members, candidates, cadres in scope,
    or persons the scope sent to a class). POST records one; a higher professional, political
    theory or state management level raises the person's summary."""

    serializer_class = TrainingQualificationSerializer
    filterset_class = QualificationFilterSet
    queryset = Qualification.objects.none()

    def get_queryset(self):
        return Qualification.objects.restrict(
            self.request.user, action_needed(self.request)
        ).order_by("id")

    def perform_create(self, serializer):
        data = serializer.validated_data
        person = _changeable_person(self.request.user, data["person_id"], timezone.localdate())
        try:
            serializer.instance = services.qualification_record(
                person=person,
                kind=data["kind"],
                level=data["level"],
                obtained_on=data["obtained_on"],
                major=data.get("major", ""),
                institution=data.get("institution", ""),
                note=data.get("note", ""),
            )
        except DjangoValidationError as exc:
            raise refusal(exc) from exc


def register(router) -> None:
    """Add this app's viewsets to the API router."""
    router.register("training/courses", CourseViewSet, basename="training-course")
    router.register("training/classes", TrainingClassViewSet, basename="training-class")
    router.register("training/enrollments", EnrollmentViewSet, basename="training-enrollment")
    router.register(
        "training/qualifications", QualificationViewSet, basename="training-qualification"
    )
