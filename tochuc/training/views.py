"""Pages of đào tạo, bồi dưỡng: classes and their learners, courses, a person's training,
and the figures of a subtree with their drill-downs. Thin: parse, call, render."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from tochuc.core.formatting import parse_vn_date, vn_date
from tochuc.core.forms import refused
from tochuc.core.history import history_entries
from tochuc.core.scoping import CHANGE, VIEW
from tochuc.core.tabular import export_format, table_response
from tochuc.organizations.pages import change_scope, chosen_organization, organization_name
from tochuc.people.models import Person
from tochuc.training import selectors, services, tables
from tochuc.training.forms import (
    ClassEditForm,
    ClassForm,
    CourseEditForm,
    CourseForm,
    EnrollmentForm,
    QualificationForm,
    ResultForm,
)
from tochuc.training.models import Course, CourseKind, Enrollment, Result, TrainingClass
from tochuc.training.querysets import enrollments_for_results, persons_in_reach

# Shared -----------------------------------------------------------------------------------


def period_of(request) -> tuple[dt.date, dt.date, str]:
    """`?start=&end=` (dd/mm/yyyy), by default 1 January of the viewed year to the viewed
    date; with the error to show when a date could not be read."""
    end, start, error = request.as_of, dt.date(request.as_of.year, 1, 1), ""
    try:
        if request.GET.get("end"):
            end = parse_vn_date(request.GET["end"])
            start = dt.date(end.year, 1, 1)
        if request.GET.get("start"):
            start = parse_vn_date(request.GET["start"])
    except ValueError as exc:
        error = str(exc)
    if start > end:
        error, start = "Từ ngày sau đến ngày: đã tính từ đầu năm.", dt.date(end.year, 1, 1)
    return start, end, error


def _require_change(request) -> None:
    if not request.user.may(CHANGE):
        raise Http404


# Classes ----------------------------------------------------------------------------------


@login_required
def class_list(request):
    """Lớp đào tạo, bồi dưỡng the user sees (organized in scope or above it, or attended by
    the scope's people), by kind, year and name."""
    classes = selectors.classes_visible(user=request.user, on=request.as_of)
    kind, year, text = (request.GET.get(k, "").strip() for k in ("kind", "year", "q"))
    if kind in CourseKind.values:
        classes = classes.filter(course__kind=kind)
    if year.isdigit():
        classes = classes.filter(opens_on__year=int(year))
    if text:
        classes = classes.filter(name__icontains=text)
    classes = classes.order_by("-opens_on", "id")
    if export_format(request):
        return table_response(
            request,
            name="lop-dao-tao",
            title="Lớp đào tạo, bồi dưỡng",
            columns=tables.CLASSES,
            rows=classes,
        )
    context = {
        "page": Paginator(classes, 100).get_page(request.GET.get("page")),
        "kinds": CourseKind.choices,
        "kind": kind,
        "year": year,
        "q": text,
        "may_change": request.user.may(CHANGE),
    }
    return render(request, "training/class_list.html", context)


@login_required
def class_create(request):
    """Mở lớp: a class of a programme the user sees, organized by a unit in change scope."""
    _require_change(request)
    form = ClassForm(
        request.POST or None,
        organizations=change_scope(request.user),
        courses=Course.objects.restrict(request.user).order_by("kind", "name"),
        initial={"course": request.GET.get("course")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            training_class = services.class_open(
                course=data["course"],
                name=data["name"],
                organizer=data["organizer"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                mode=data["mode"],
                decision=form.decision(),
                note=data["note"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã mở lớp.")
            return redirect("training:class", pk=training_class.pk)
    return render(request, "training/form.html", {"form": form, "title": "Mở lớp"})


def _class_page(request, training_class, enrollment_form=None, status=200):
    user, on = request.user, request.as_of
    may_change = user.may(CHANGE)
    organizes = TrainingClass.objects.restrict(user, CHANGE).filter(pk=training_class.pk).exists()
    enrollments = selectors.class_enrollments(
        training_class=training_class, user=user, on=on, everyone=organizes
    )
    in_class = Enrollment.objects.filter(training_class=training_class)
    editable = set()
    if may_change:
        resultable = enrollments_for_results(user).filter(training_class=training_class)
        editable = set(resultable.values_list("id", flat=True))
    rows = [(e, _result_form(e, training_class) if e.pk in editable else None) for e in enrollments]
    seen = in_class if organizes else in_class.restrict(user)
    counts = dict(seen.order_by().values_list("result").annotate(n=Count("id")))
    if may_change and enrollment_form is None:
        enrollment_form = EnrollmentForm(
            organizations=change_scope(request.user),
            initial={"enrolled_on": min(on, training_class.closes_on)},
        )
    context = {
        "training_class": training_class,
        "organizer_name": organization_name(training_class.organizer, training_class.opens_on),
        "rows": rows,
        "counts": [(label, counts.get(value, 0)) for value, label in Result.choices],
        "total": sum(counts.values()),
        "enrollment_form": enrollment_form,
        "may_edit": organizes,
        "history": history_entries(training_class),
    }
    return render(request, "training/class_detail.html", context, status=status)


def _result_form(enrollment: Enrollment, training_class: TrainingClass) -> ResultForm:
    return ResultForm(
        initial={
            "result": enrollment.result,
            "completed_on": enrollment.completed_on or training_class.closes_on,
            "grade": enrollment.grade,
            "version": enrollment.version,
        },
        prefix=f"r{enrollment.pk}",
    )


def _visible_class(request, pk: int) -> TrainingClass:
    return get_object_or_404(
        TrainingClass.objects.restrict(request.user).select_related(
            "course", "organizer", "decision"
        ),
        pk=pk,
    )


@login_required
def class_detail(request, pk: int):
    """A class with the learners the user sees, their results and the forms to add and
    complete them."""
    return _class_page(request, _visible_class(request, pk))


@login_required
def class_edit(request, pk: int):
    training_class = get_object_or_404(
        TrainingClass.objects.restrict(request.user, CHANGE).select_related("decision"), pk=pk
    )
    form = ClassEditForm(
        request.POST or None,
        initial={
            "name": training_class.name,
            "opens_on": training_class.opens_on,
            "closes_on": training_class.closes_on,
            "mode": training_class.mode,
            "note": training_class.note,
            "version": training_class.version,
            **ClassEditForm.initial_for(training_class.decision),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.class_update(
                training_class=training_class,
                name=data["name"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                mode=data["mode"],
                decision=form.decision(),
                note=data["note"],
                expected_version=data["version"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã sửa thông tin lớp.")
            return redirect("training:class", pk=training_class.pk)
    title = f"Sửa lớp «{training_class.name}»"
    return render(request, "training/form.html", {"form": form, "title": title})


@login_required
@require_POST
def enrollment_add(request, pk: int):
    """Cử học viên: a person the user may change, sent by a unit in change scope."""
    _require_change(request)
    training_class = _visible_class(request, pk)
    form = EnrollmentForm(request.POST, organizations=change_scope(request.user))
    if form.is_valid():
        data = form.cleaned_data
        reach = persons_in_reach(request.user, CHANGE, on=data["enrolled_on"])
        person = Person.objects.filter(id__in=reach, pk=data["person"]).first()
        if person is None:
            form.add_error(
                "person",
                "Người được chọn không thuộc phạm vi anh/chị quản lý vào ngày cử đi học.",
            )
        else:
            try:
                services.enrollment_add(
                    person=person,
                    training_class=training_class,
                    sent_by=data["sent_by"],
                    enrolled_on=data["enrolled_on"],
                    decision=form.decision(),
                    special_approval=data["special_approval"],
                    note=data["note"],
                )
            except ValidationError as exc:
                refused(form, exc)
            else:
                messages.success(request, f"Đã cử {person.full_name} đi học.")
                return redirect("training:class", pk=training_class.pk)
    return _class_page(request, training_class, enrollment_form=form)


@login_required
@require_POST
def enrollment_result(request, pk: int):
    """Ghi kết quả học tập of an enrollment sent by the change scope or of a class the change
    scope organizes."""
    enrollment = get_object_or_404(enrollments_for_results(request.user), pk=pk)
    form = ResultForm(request.POST, prefix=f"r{enrollment.pk}")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        data = form.cleaned_data
        try:
            services.enrollment_result(
                enrollment=enrollment,
                result=data["result"],
                completed_on=data["completed_on"],
                grade=data["grade"],
                expected_version=data["version"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"Đã ghi kết quả của {enrollment.person.full_name}.")
    return redirect("training:class", pk=enrollment.training_class_id)


# Courses ----------------------------------------------------------------------------------


@login_required
def course_list(request):
    """Chương trình đào tạo, bồi dưỡng the user sees, with how many classes each has."""
    courses = (
        Course.objects.restrict(request.user)
        .annotate(class_count=Count("classes"))
        .select_related("organization")
        .order_by("kind", "name", "id")
    )
    if export_format(request):
        return table_response(
            request,
            name="chuong-trinh-dao-tao",
            title="Chương trình đào tạo, bồi dưỡng",
            columns=tables.COURSES,
            rows=courses,
        )
    editable = set(Course.objects.restrict(request.user, CHANGE).values_list("id", flat=True))
    context = {"courses": courses, "may_change": request.user.may(CHANGE), "editable": editable}
    return render(request, "training/course_list.html", context)


@login_required
def course_create(request):
    _require_change(request)
    form = CourseForm(request.POST or None, organizations=change_scope(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            course = services.course_create(
                name=data["name"],
                kind=data["kind"],
                organization=data["organization"],
                note=data["note"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, f"Đã thêm chương trình «{course.name}».")
            return redirect("training:courses")
    title = "Thêm chương trình đào tạo, bồi dưỡng"
    return render(request, "training/form.html", {"form": form, "title": title})


@login_required
def course_edit(request, pk: int):
    """Sửa chương trình kept in the change scope: name, kind (while it has no class), note."""
    course = get_object_or_404(Course.objects.restrict(request.user, CHANGE), pk=pk)
    form = CourseEditForm(
        request.POST or None,
        initial={
            "name": course.name,
            "kind": course.kind,
            "note": course.note,
            "version": course.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.course_update(
                course=course,
                name=data["name"],
                kind=data["kind"],
                note=data["note"],
                expected_version=data["version"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã sửa chương trình.")
            return redirect("training:courses")
    title = f"Sửa chương trình «{course.name}»"
    return render(request, "training/form.html", {"form": form, "title": title})


# A person's training ----------------------------------------------------------------------


def _person(request, pk: int, action: str) -> Person:
    reach = persons_in_reach(request.user, action, on=request.as_of)
    return get_object_or_404(Person.objects.filter(id__in=reach), pk=pk)


def _person_page(request, person: Person, form=None, status=200):
    entries, hidden = selectors.person_timeline(person=person, user=request.user)
    may_change = (
        request.user.may(CHANGE)
        and Person.objects.filter(
            id__in=persons_in_reach(request.user, CHANGE, on=request.as_of), pk=person.pk
        ).exists()
    )
    if may_change and form is None:
        form = QualificationForm()
    context = {
        "person": person,
        "qualifications": selectors.qualifications_of(person=person),
        "entries": entries,
        "hidden": hidden,
        "form": form if may_change else None,
    }
    return render(request, "training/person.html", context, status=status)


@login_required
def person_training(request, pk: int):
    """Văn bằng, chứng chỉ and quá trình đào tạo, bồi dưỡng of a person in reach."""
    return _person_page(request, _person(request, pk, VIEW))


@login_required
@require_POST
def qualification_add(request, pk: int):
    """Ghi nhận văn bằng, chứng chỉ; a higher level raises the person's summary."""
    _require_change(request)
    person = _person(request, pk, CHANGE)
    form = QualificationForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.qualification_record(
                person=person,
                kind=data["kind"],
                level=data["level"],
                obtained_on=data["obtained_on"],
                major=data["major"],
                institution=data["institution"],
                note=data["note"],
            )
        except ValidationError as exc:
            refused(form, exc)
        else:
            messages.success(request, "Đã ghi nhận văn bằng, chứng chỉ.")
            return redirect("training:person", pk=person.pk)
    return _person_page(request, person, form=form)


# Figures ----------------------------------------------------------------------------------


def _figure_context(request) -> dict:
    root = chosen_organization(request)
    start, end, error = period_of(request)
    return {
        "root": root,
        "root_name": organization_name(root, end),
        "start": start,
        "end": end,
        "period_error": error,
    }


@login_required
def figures(request):
    """Số liệu đào tạo, bồi dưỡng of a subtree over a period: people sent to political theory
    programmes, enrollments in refresher classes, and both per kind, each a drill-down."""
    context = _figure_context(request)
    context["figures"] = selectors.training_figures(
        root=context["root"], start=context["start"], end=context["end"], user=request.user
    )
    context["groups"] = selectors.GROUPS
    return render(request, "training/figures.html", context)


def _drill(request) -> tuple[dict, object]:
    context = _figure_context(request)
    group, kind = request.GET.get("group", ""), request.GET.get("kind", "")
    try:
        kinds = selectors.group_kinds(group=group, kind=kind)
    except ValueError as exc:
        raise Http404(str(exc)) from exc
    label = CourseKind(kind).label if kind else selectors.GROUPS[group][0] if group else ""
    context |= {"group": group, "kind": kind, "label": label or "Tất cả các loại"}
    enrollments = selectors.enrollments_sent(
        root=context["root"],
        start=context["start"],
        end=context["end"],
        kinds=kinds,
        user=request.user,
    )
    return context, enrollments


def _drill_export(request, context: dict, *, name: str, unit: str, columns, rows):
    """A drill-down list as a file: «<label> — người|lượt — <subtree>, <period>»."""
    period = f"lớp khai giảng từ {vn_date(context['start'])} đến {vn_date(context['end'])}"
    return table_response(
        request,
        name=name,
        title=f"{context['label']} — {unit} — {context['root_name']}, {period}",
        columns=columns,
        rows=rows,
    )


@login_required
def figure_people(request):
    """The persons behind a "người" figure (`?org=&start=&end=&group=` or `&kind=`)."""
    context, enrollments = _drill(request)
    people = selectors.people_drilldown(enrollments)
    if export_format(request):
        return _drill_export(
            request, context, name="dao-tao-nguoi", unit="người", columns=tables.PEOPLE, rows=people
        )
    context["page"] = Paginator(people, 100).get_page(request.GET.get("page"))
    return render(request, "training/figure_people.html", context)


@login_required
def figure_enrollments(request):
    """The records behind a "lượt" figure (`?org=&start=&end=&group=` or `&kind=`)."""
    context, enrollments = _drill(request)
    rows = selectors.enrollment_drilldown(enrollments, context["end"])
    if export_format(request):
        return _drill_export(
            request,
            context,
            name="dao-tao-luot",
            unit="lượt",
            columns=tables.ENROLLMENTS,
            rows=rows,
        )
    context["page"] = Paginator(rows, 100).get_page(request.GET.get("page"))
    return render(request, "training/figure_enrollments.html", context)
