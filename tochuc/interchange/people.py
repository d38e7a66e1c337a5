"""The sheets «Cá nhân» (persons) and «Sự kiện đảng viên» (membership events).

Events are appended, never edited: an event of the file with the key of a stored one (same
person, kind and date) but other details voids the stored one by a correction (đính chính)
that names its replacement. Every person whose events change is replayed
(`members.replay.replay`) while planning, so a file that breaks a membership rule is refused
on the row of the offending event, and the spans written are those of the replay.
"""

from __future__ import annotations

from collections import defaultdict

from simple_history.utils import bulk_update_with_history

from tochuc.core.bulk import delete_ids, update_rows
from tochuc.core.text import search_key
from tochuc.interchange.importer import CHANGE_REASON, Context, chunks
from tochuc.interchange.outcome import UNCHANGED, UPDATE
from tochuc.interchange.reader import Row
from tochuc.interchange.workbook import EVENTS, PERSONS
from tochuc.members.models import EventCorrection, EventKind, MembershipEvent, MembershipSpan
from tochuc.members.replay import Fact, Refusal, replay
from tochuc.people.models import SENSITIVE_FIELDS, Person

PERSON_FIELDS = tuple(c.name for c in PERSONS.columns if c.name != "code")
FOREIGN = {"hometown": "hometown_id", "residence": "residence_id"}
FILE_FACT_IDS = 10**12
"""Facts of the file get ids above any stored event's, in row order (replay's tie-break)."""


def _defaults() -> dict:
    fields = {f.name: f for f in Person._meta.concrete_fields}
    return {
        name: (None if fields[name].null else fields[name].get_default()) for name in PERSON_FIELDS
    }


class Persons:
    sheet = PERSONS

    def plan(self, rows: list[Row], context: Context) -> None:
        self.rows, self.created, self.updated = rows, [], []
        defaults = _defaults()
        codes = [row["code"] for row in rows if row["code"]]
        stored = self._stored(codes, context)
        allowed = context.persons_allowed(v["id"] for v in stored.values())
        seen: dict[str, int] = {}
        for row in rows:
            code = row["code"]
            if code in seen:
                row.refuse("code", f"Mã hồ sơ «{code}» đã có ở dòng {seen[code]}.")
                continue
            if code:
                seen[code] = row.number
            citizen_id = row["citizen_id"]
            if citizen_id and not (citizen_id.isdigit() and len(citizen_id) == 12):
                row.refuse("citizen_id", "Số CCCD phải gồm đúng 12 chữ số.")
            wanted = {
                name: row[name] if row[name] is not None else defaults[name]
                for name in PERSON_FIELDS
            }
            old = stored.get(code)
            if old is None:
                if row.ok:
                    context.person_new.add(code)
                    row.values["_wanted"] = wanted
                    self.created.append(row)
                continue
            if old["id"] not in allowed:
                row.refuse("code", f"Hồ sơ «{code}» ngoài phạm vi bạn được cập nhật.")
                continue
            for name in SENSITIVE_FIELDS:
                if not row[name]:
                    wanted[name] = old[name]  # an empty sensitive cell keeps what is stored
            for name, field in FOREIGN.items():
                if row.keeps_place(name, old[field]):
                    wanted[name] = old[field]
            changes = [n for n in PERSON_FIELDS if old[FOREIGN.get(n, n)] != wanted[n]]
            if not row.ok:
                continue
            if changes:
                row.result.status = UPDATE
                row.result.changes = [self.sheet.column(n).header for n in changes]
                row.values["_wanted"] = wanted
                self.updated.append((old["id"], old["version"], row))
            else:
                row.result.status = UNCHANGED
        context.births.update({code: values["date_of_birth"] for code, values in stored.items()})
        context.births.update({row["code"]: row["date_of_birth"] for row in rows if row.ok})

    def _stored(self, codes: list[str], context: Context) -> dict[str, dict]:
        fields = ["id", "code", "version", *(FOREIGN.get(n, n) for n in PERSON_FIELDS)]
        found = {}
        for batch in chunks(codes):
            for values in Person.objects.filter(code__in=batch).values(*fields):
                found[values["code"]] = values
                context.person_ids[values["code"]] = values["id"]
        return found

    def write(self, context: Context) -> None:
        writer = context.writer
        ids = writer.ids(Person, len(self.created))
        names = ["id", "code", *(FOREIGN.get(n, n) for n in PERSON_FIELDS), "name_folded"]
        rows = []
        for pk, row in zip(ids, self.created, strict=True):
            wanted = row["_wanted"]
            context.person_ids[row["code"]] = pk
            rows.append(
                (
                    pk,
                    row["code"],
                    *(wanted[n] for n in PERSON_FIELDS),
                    search_key(wanted["full_name"]),
                )
            )
        writer.insert(Person, names, rows, version=1)
        changed = []
        for pk, version, row in self.updated:
            person = Person(pk=pk, code=row["code"], version=version + 1)
            for name in PERSON_FIELDS:
                setattr(person, FOREIGN.get(name, name), row["_wanted"][name])
            person.name_folded = search_key(person.full_name)
            changed.append(person)
        bulk_update_with_history(
            changed,
            Person,
            [*(FOREIGN.get(n, n) for n in PERSON_FIELDS), "name_folded", "version"],
            batch_size=1_000,
            default_user=context.history_user,
            default_change_reason=CHANGE_REASON,
        )


EVENT_FIELDS = (
    "organization", "status", "admitted_on", "card_number", "card_series",
    "provincial_approval", "note",
)  # fmt: skip
TEXT_FIELDS = {"status", "card_number", "card_series", "note"}


class Events:
    sheet = EVENTS

    def plan(self, rows: list[Row], context: Context) -> None:
        self.rows, self.created, self.replaced = rows, [], []
        self.spans: dict[str, list] = {}
        by_person: dict[str, list[Row]] = defaultdict(list)
        context.load_persons(row["person"] for row in rows)
        for row in rows:
            code = row["person"]
            context.check_person(row)
            # A new person enters the user's scope only through one of its organizations.
            context.check_organization(row, "organization", in_scope=code in context.person_new)
            if (
                row["kind"] in (EventKind.ADMISSION, EventKind.READMISSION)
                and not row["decision_number"]
            ):
                row.refuse(
                    "decision_number", "Kết nạp phải có quyết định (số, ngày, cơ quan ban hành)."
                )
            row.values["_citation"] = context.citation(row)
            if code:
                by_person[code].append(row)
        stored = self._stored(
            [context.person_ids[c] for c in by_person if c in context.person_ids], context
        )
        self._allowed(by_person, context)
        periods = context.party_periods

        def exists(code, day):
            return any(start <= day <= end for start, end in periods.get(code, ()))

        for code, person_rows in by_person.items():
            if not all(row.ok for row in person_rows):
                continue
            self._plan_person(
                code, person_rows, stored.get(context.person_ids.get(code), []), context, exists
            )

    def _stored(self, person_ids: list[int], context: Context) -> dict[int, list[dict]]:
        found = defaultdict(list)
        for batch in chunks(person_ids):
            for values in MembershipEvent.objects.filter(person_id__in=batch, is_void=False).values(
                "id", "person_id", "kind", "effective_on", "organization__code", "status",
                "admitted_on", "card_number", "card_series", "provincial_approval", "note",
                "decision_id",
            ):  # fmt: skip
                found[values["person_id"]].append(values)
        context.load_citations(v["decision_id"] for events in found.values() for v in events)
        return found

    def _allowed(self, by_person: dict[str, list[Row]], context: Context) -> None:
        existing = {context.person_ids[c]: c for c in by_person if c in context.person_ids}
        allowed = context.persons_allowed(existing)
        for pk, code in existing.items():
            if pk not in allowed:
                for row in by_person[code]:
                    row.refuse("person", f"Hồ sơ «{code}» ngoài phạm vi bạn được cập nhật.")

    def _plan_person(self, code, rows, stored, context: Context, exists) -> None:
        by_key = {(e["kind"], e["effective_on"]): e for e in stored}
        voided: set[int] = set()
        facts = []
        for row in rows:
            wanted = {
                "organization": row["organization"], "status": row["status"] or "",
                "admitted_on": row["admitted_on"], "card_number": row["card_number"] or "",
                "card_series": row["card_series"] or "",
                "provincial_approval": bool(row["provincial_approval"]), "note": row["note"] or "",
            }  # fmt: skip
            row.values["_wanted"] = wanted
            old = by_key.get((row["kind"], row["effective_on"]))
            if old is not None:
                current = {f: old[f] for f in EVENT_FIELDS if f != "organization"}
                current["organization"] = old["organization__code"]
                changes = [f for f in EVENT_FIELDS if current[f] != wanted[f]]
                if context.citations.get(old["decision_id"]) != row["_citation"]:
                    changes.append("decision_number")
                if not changes:
                    row.result.status = UNCHANGED
                    continue
                row.result.status = UPDATE
                row.result.changes = [self.sheet.column(f).header for f in changes]
                voided.add(old["id"])
                self.replaced.append((old["id"], row))
            else:
                self.created.append(row)
            facts.append(
                self._fact(FILE_FACT_IDS + row.number, row["kind"], row["effective_on"], wanted)
            )
        if not facts:
            return
        facts += [
            self._fact(
                e["id"],
                e["kind"],
                e["effective_on"],
                {**e, "organization": e["organization__code"]},
            )
            for e in stored
            if e["id"] not in voided
        ]
        try:
            spans = replay(facts, birth=context.births[code], party_organization_exists=exists)
        except Refusal as exc:
            culprit = (
                exc.fact.id - FILE_FACT_IDS if exc.fact and exc.fact.id >= FILE_FACT_IDS else None
            )
            row = next((r for r in rows if r.number == culprit), rows[0])
            row.refuse(
                "kind" if culprit else "person",
                str(exc)
                if culprit
                else f"Lịch sử đảng viên không hợp lệ khi thêm các sự kiện của tệp: {exc}",
            )
            return
        self.spans[code] = spans

    @staticmethod
    def _fact(pk, kind, on, values) -> Fact:
        return Fact(
            id=pk, kind=kind, effective_on=on, organization_id=values["organization"],
            status=values["status"] or "", admitted_on=values["admitted_on"],
            card_number=values["card_number"] or "", card_series=values["card_series"] or "",
            provincial_approval=bool(values["provincial_approval"]),
        )  # fmt: skip

    def write(self, context: Context) -> None:
        rows = [row for row in self.created if row.ok] + [row for _, row in self.replaced]
        context.prepare_decisions(row["_citation"] for row in rows)
        writer = context.writer
        ids = writer.ids(MembershipEvent, len(rows))
        user_id = context.history_user.pk if context.history_user else None
        event_ids = {}
        records = []
        for pk, row in zip(ids, rows, strict=True):
            wanted = row["_wanted"]
            event_ids[row.number] = pk
            records.append((
                pk, context.person_ids[row["person"]], row["kind"], row["effective_on"],
                context.org_ids.get(wanted["organization"]) if wanted["organization"] else None,
                context.decision_id(row["_citation"]), wanted["status"], wanted["admitted_on"],
                wanted["card_number"], wanted["card_series"], wanted["provincial_approval"],
                wanted["note"],
            ))  # fmt: skip
        writer.insert(
            MembershipEvent,
            ("id", "person_id", "kind", "effective_on", "organization_id", "decision_id",
             "status", "admitted_on", "card_number", "card_series", "provincial_approval", "note"),
            records,
            is_void=False, recorded_at=context.now, recorded_by_id=user_id,
        )  # fmt: skip
        if self.replaced:
            update_rows(MembershipEvent, ["is_void"], [(old, True) for old, _ in self.replaced])
            EventCorrection.objects.bulk_create(
                [
                    EventCorrection(
                        event_id=old,
                        replacement_id=event_ids[row.number],
                        reason=f"{CHANGE_REASON}: sheet «{self.sheet.name}», dòng {row.number}.",
                        recorded_by_id=user_id,
                    )
                    for old, row in self.replaced
                ]
            )
        self._write_spans(context)

    def _write_spans(self, context: Context) -> None:
        person_ids = [context.person_ids[code] for code in self.spans]
        old = []
        for batch in chunks(person_ids):
            old += list(
                MembershipSpan.objects.filter(person_id__in=batch).values_list("id", flat=True)
            )
        delete_ids(MembershipSpan, old)
        records = []
        org = context.org_ids
        for code, spans in self.spans.items():
            person = context.person_ids[code]
            for span in spans:
                s = span.state
                records.append((
                    person, span.valid_from, span.valid_to, s.status, org[s.organization_id],
                    org[s.host_organization_id] if s.host_organization_id else None, s.exempt,
                    s.admitted_on, s.confirmed_on, s.card_number, s.card_series,
                ))  # fmt: skip
        ids = context.writer.ids(MembershipSpan, len(records))
        context.writer.insert(
            MembershipSpan,
            ("id", "person_id", "valid_from", "valid_to", "status", "organization_id",
             "host_organization_id", "exempt", "admitted_on", "confirmed_on", "card_number",
             "card_series"),
            [(pk, *record) for pk, record in zip(ids, records, strict=True)],
        )  # fmt: skip
