"""The sheets of campaigns, staffing and training: «Đổi thẻ đảng viên» (card exchange
records), «Biên chế» (headcounts), «Lớp đào tạo, bồi dưỡng» (classes, with their course) and
«Học viên» (enrollments).

All are `Keyed` sheets. Classes have no code: one is named by its organizer, name and opening
date; its course by the managing organization, kind and name (found, or created when new).
A card exchange record's link to the CARD_EXCHANGE membership event of its «Ngày nhận thẻ
mới» is derived, not written in the file: the event comes from the sheet «Sự kiện đảng viên»
(written before) or the database, and is found when writing, in one query per chunk of
persons. Imported enrollments are recorded as they happened: the admission standards of
`training.services.enrollment_add` are not checked, and no qualification is recorded.
"""

from __future__ import annotations

import datetime as dt

from simple_history.utils import bulk_create_with_history

from tochuc.cards.campaign import STEP_NAMES
from tochuc.cards.models import CardExchange
from tochuc.interchange.cadres import Keyed, _history
from tochuc.interchange.importer import Context, chunks
from tochuc.interchange.workbook import CARDS, CLASSES, ENROLLMENTS, HEADCOUNTS
from tochuc.members.models import EventKind, MembershipEvent
from tochuc.staffing.models import Headcount
from tochuc.staffing.services import FIRST_YEAR, LAST_YEAR
from tochuc.training.models import Course, Enrollment, Result, TrainingClass

MAX_COUNT = 10_000_000
"""A headcount above this is a typing error (and would not fit the database's integer)."""
STEP_COLUMNS = tuple(f"{step}_on" for step in STEP_NAMES)
CARD_FIELDS = (
    "organization", "old_card_number", *STEP_COLUMNS, "new_card_number",
)  # fmt: skip
TEXT_FIELDS = {"old_card_number", "new_card_number", "note"}


def _card_events(person_ids, *, void: bool = False) -> dict[tuple[int, dt.date], int]:
    """(person id, date) → id of the person's CARD_EXCHANGE event that day."""
    found = {}
    for batch in chunks(set(person_ids)):
        for pk, person, on in MembershipEvent.objects.filter(
            person_id__in=batch, kind=EventKind.CARD_EXCHANGE, is_void=void
        ).values_list("id", "person_id", "effective_on"):
            found[(person, on)] = pk
    return found


class CardExchanges(Keyed):
    sheet, model, versioned = CARDS, CardExchange, True

    def __init__(self, events=None):
        self.events = events  # the «Sự kiện đảng viên» handler, planned before this one

    def plan(self, rows, context):
        context.load_persons(row["person"] for row in rows)
        codes = {row["person"] for row in rows}
        self.stored_events = _card_events(
            context.person_ids[c] for c in codes if c in context.person_ids
        )
        self.file_events = {
            (row["person"], row["effective_on"])
            for row in (self.events.rows if self.events else [])
            if row.ok and row["kind"] == EventKind.CARD_EXCHANGE
        }
        self.replaced_events = {old for old, _ in getattr(self.events, "replaced", [])}
        super().plan(rows, context)

    def check(self, row, context):
        context.check_person(row)
        context.check_organization(row, "organization")
        previous = "declared_on"
        for name in STEP_COLUMNS[1:]:
            if row[name] is None:
                previous = name
                continue
            if row[previous] is None:
                header = self.sheet.column(previous).header
                row.refuse(name, f"Chưa có «{header}»: các bước đổi thẻ ghi theo thứ tự.")
            elif row[name] < row[previous]:
                header = self.sheet.column(previous).header
                row.refuse(name, f"Ngày này trước «{header}».")
            previous = name
        received = row["received_on"]
        if received is None:
            return
        if not row["new_card_number"]:
            row.refuse("new_card_number", "Đã nhận thẻ mới thì phải ghi số thẻ mới.")
        person_id = context.person_ids.get(row["person"])
        if (row["person"], received) not in self.file_events and (
            (person_id, received) not in self.stored_events
        ):
            row.refuse(
                "received_on",
                "Không có sự kiện «Đổi thẻ đảng viên» của người này cùng ngày trong sheet «Sự "
                "kiện đảng viên» hoặc trong hệ thống.",
            )

    def stored(self, context, rows):
        found = {}
        people = {row["person"] for row in rows if row["person"] in context.person_ids}
        for batch in chunks([context.person_ids[c] for c in people]):
            for v in CardExchange.objects.filter(person_id__in=batch).values(
                "id", "version", "person__code", "series", "organization__code",
                "old_card_number", *STEP_COLUMNS, "new_card_number", "event_id",
            ):  # fmt: skip
                found[(v["person__code"], v["series"])] = {
                    **v,
                    "organization": v["organization__code"],
                    # A link to an event the file replaces must follow it.
                    "received_on": None if v["event_id"] in self.replaced_events else (
                        v["received_on"]
                    ),
                }  # fmt: skip
        return found

    def values(self, row):
        return {
            name: (row[name] or "") if name in TEXT_FIELDS else row[name] for name in CARD_FIELDS
        }

    def write(self, context: Context) -> None:
        persons = {context.person_ids[row["person"]] for row in self.created}
        persons |= {context.person_ids[row["person"]] for _, row in self.changed}
        self.events_by_day = _card_events(persons)
        super().write(context)

    def build(self, row, context):
        values = self.values(row)
        organization = values.pop("organization")
        person_id = context.person_ids[row["person"]]
        received = row["received_on"]
        return {
            **values,
            "person_id": person_id,
            "series": row["series"],
            "organization_id": context.org_ids[organization],
            "event_id": self.events_by_day[(person_id, received)] if received else None,
        }


class Headcounts(Keyed):
    sheet, model, versioned = HEADCOUNTS, Headcount, True
    FIELDS = ("approved", "actual", "note", "decision")

    def check(self, row, context):
        context.check_organization(row, "organization")
        year = row["year"]
        for name in ("approved", "actual"):
            if row[name] is not None and not 0 <= row[name] <= MAX_COUNT:
                row.refuse(name, f"Phải là số từ 0 đến {MAX_COUNT:,}.".replace(",", "."))
        signed = row["decision_date"]
        if year is None:
            return
        if not FIRST_YEAR <= year <= LAST_YEAR:
            row.refuse("year", f"Năm phải từ {FIRST_YEAR} đến {LAST_YEAR}.")
        elif signed and signed > dt.date(year, 12, 31):
            row.refuse("decision_date", f"Văn bản giao biên chế ban hành sau năm {year}.")

    def stored(self, context, rows):
        codes = {row["organization"] for row in rows if row["organization"]}
        found = {}
        for batch in chunks(codes):
            for v in Headcount.objects.filter(organization__code__in=batch).values(
                "id", "version", "organization__code", "year", "category", "approved", "actual",
                "note", "decision_id",
            ):  # fmt: skip
                key = (v["organization__code"], v["year"], v["category"])
                found[key] = {**v, "decision": v["decision_id"]}
        return found

    def values(self, row):
        return {
            "approved": row["approved"],
            "actual": row["actual"],
            "note": row["note"] or "",
            "decision": row["_citation"],
        }

    def build(self, row, context):
        values = self.values(row)
        values["decision_id"] = context.decision_id(values.pop("decision"))
        return {
            "organization_id": context.org_ids[row["organization"]],
            "year": row["year"],
            "category": row["category"],
            **values,
        }


ClassKey = tuple[str, str, dt.date]
CLASS_FIELDS = (
    "closes_on", "mode", "course", "course_kind", "course_organization", "decision", "note",
)  # fmt: skip


def _stored_classes(codes, *fields: str) -> dict[ClassKey, dict]:
    """The stored classes organized by these organizations, by key (the first one of a key)."""
    found: dict[ClassKey, dict] = {}
    for batch in chunks(set(codes)):
        for v in (
            TrainingClass.objects.filter(organizer__code__in=batch)
            .order_by("-id")
            .values("id", "organizer__code", "name", "opens_on", "closes_on", *fields)
        ):
            found[(v["organizer__code"], v["name"], v["opens_on"])] = v
    return found


class Classes(Keyed):
    sheet, model, versioned = CLASSES, TrainingClass, True

    def plan(self, rows, context):
        super().plan(rows, context)
        for row in self.created + [row for _, row in self.changed]:
            if not context.may_change(row["organizer"]):
                row.refuse(
                    "organizer", f"Lớp của đơn vị «{row['organizer']}» ngoài phạm vi bạn được cập "
                    "nhật: chỉ được ghi lớp đã có, không đổi.",
                )  # fmt: skip

    def check(self, row, context):
        context.check_organization(row, "organizer", in_scope=False)
        context.check_organization(row, "course_organization", in_scope=False)
        if row["closes_on"] and row["opens_on"] and row["closes_on"] < row["opens_on"]:
            row.refuse("closes_on", "Ngày bế giảng trước ngày khai giảng.")
        if row["decision_date"] and row["opens_on"] and row["decision_date"] > row["opens_on"]:
            row.refuse("decision_date", "Quyết định mở lớp sau ngày khai giảng.")

    def stored(self, context, rows):
        found = _stored_classes(
            (row["organizer"] for row in rows if row["organizer"]),
            "version", "mode", "course__name", "course__kind", "course__organization__code",
            "decision_id", "note",
        )  # fmt: skip
        return {
            key: {
                "id": v["id"],
                "version": v["version"],
                "closes_on": v["closes_on"],
                "mode": v["mode"],
                "course": v["course__name"],
                "course_kind": v["course__kind"],
                "course_organization": v["course__organization__code"],
                "decision": v["decision_id"],
                "note": v["note"],
            }
            for key, v in found.items()
        }

    def values(self, row):
        found = {name: row[name] for name in CLASS_FIELDS if name != "decision"}
        found["note"] = row["note"] or ""
        found["decision"] = row["_citation"]
        return found

    @staticmethod
    def course_key(row) -> tuple[str, str, str]:
        return (row["course_organization"], row["course_kind"], row["course"])

    def write(self, context: Context) -> None:
        rows = self.created + [row for _, row in self.changed]
        wanted = {self.course_key(row) for row in rows}
        self.course_ids: dict[tuple[str, str, str], int] = {}
        for batch in chunks({code for code, _, _ in wanted}):
            for pk, code, kind, name in (
                Course.objects.filter(organization__code__in=batch)
                .order_by("-id")
                .values_list("id", "organization__code", "kind", "name")
            ):
                self.course_ids[(code, kind, name)] = pk
        missing = sorted(key for key in wanted if key not in self.course_ids)
        created = bulk_create_with_history(
            [
                Course(organization_id=context.org_ids[code], kind=kind, name=name)
                for code, kind, name in missing
            ],
            Course,
            **_history(context),
        )
        for key, course in zip(missing, created, strict=True):
            self.course_ids[key] = course.pk
        super().write(context)

    def build(self, row, context):
        return {
            "course_id": self.course_ids[self.course_key(row)],
            "name": row["class_name"],
            "organizer_id": context.org_ids[row["organizer"]],
            "opens_on": row["opens_on"],
            "closes_on": row["closes_on"],
            "mode": row["mode"],
            "decision_id": context.decision_id(row["_citation"]),
            "note": row["note"] or "",
        }


def _class_key(row) -> ClassKey:
    return (row["organizer"], row["class_name"], row["opens_on"])


ENROLLMENT_FIELDS = (
    "sent_by", "enrolled_on", "special_approval", "result", "completed_on", "grade", "note",
    "decision",
)  # fmt: skip


class Enrollments(Keyed):
    sheet, model, versioned = ENROLLMENTS, Enrollment, True

    def __init__(self, classes: Classes | None = None):
        self.classes = classes  # the «Lớp đào tạo, bồi dưỡng» handler, planned before

    def plan(self, rows, context):
        context.load_persons(row["person"] for row in rows)
        closing = {
            key: v["closes_on"]
            for key, v in _stored_classes(
                row["organizer"] for row in rows if row["organizer"]
            ).items()
        }
        for row in self.classes.rows if self.classes else []:
            if None not in _class_key(row):  # a refused class is refused once, on its sheet
                closing[_class_key(row)] = row["closes_on"] if row.ok else dt.date.max
        self.closing = closing
        super().plan(rows, context)
        self.created_at = {row.number: old["created_at"] for old, row in self.changed}

    def check(self, row, context):
        context.check_person(row)
        context.check_organization(row, "sent_by")
        key = _class_key(row)
        if None not in key and key not in self.closing:
            row.refuse(
                "class_name",
                "Không có lớp này (đơn vị tổ chức, tên lớp, ngày khai giảng) trong hệ thống "
                "hoặc sheet «Lớp đào tạo, bồi dưỡng».",
            )
        elif row["enrolled_on"] and key in self.closing and row["enrolled_on"] > self.closing[key]:
            row.refuse("enrolled_on", "Ngày cử đi học sau ngày bế giảng của lớp.")
        if row["completed_on"] and row["opens_on"] and row["completed_on"] < row["opens_on"]:
            row.refuse("completed_on", "Ngày kết thúc học trước ngày khai giảng.")

    def stored(self, context, rows):
        found = {}
        people = {row["person"] for row in rows if row["person"] in context.person_ids}
        for batch in chunks([context.person_ids[c] for c in people]):
            for v in Enrollment.objects.filter(person_id__in=batch).values(
                "id", "version", "person__code", "training_class__organizer__code",
                "training_class__name", "training_class__opens_on", "sent_by__code",
                "enrolled_on", "special_approval", "result", "completed_on", "grade", "note",
                "decision_id", "created_at",
            ):  # fmt: skip
                key = (
                    v["person__code"], v["training_class__organizer__code"],
                    v["training_class__name"], v["training_class__opens_on"],
                )  # fmt: skip
                found[key] = {**v, "sent_by": v["sent_by__code"], "decision": v["decision_id"]}
        return found

    def values(self, row):
        return {
            "sent_by": row["sent_by"],
            "enrolled_on": row["enrolled_on"],
            "special_approval": bool(row["special_approval"]),
            "result": row["result"] or Result.STUDYING,
            "completed_on": row["completed_on"],
            "grade": row["grade"] or "",
            "note": row["note"] or "",
            "decision": row["_citation"],
        }

    def write(self, context: Context) -> None:
        rows = self.created + [row for _, row in self.changed]
        self.class_ids = {
            key: v["id"] for key, v in _stored_classes(row["organizer"] for row in rows).items()
        }
        super().write(context)

    def build(self, row, context):
        values = self.values(row)
        values["decision_id"] = context.decision_id(values.pop("decision"))
        values["sent_by_id"] = context.org_ids[values.pop("sent_by")]
        if row.number in self.created_at:  # kept: the history row needs it
            values["created_at"] = self.created_at[row.number]
        return {
            "person_id": context.person_ids[row["person"]],
            "training_class_id": self.class_ids[_class_key(row)],
            **values,
        }
