"""The sheets of seats and targets: «Chức danh» (posts and their quotas), «Bố trí chức danh»,
«Điều động, luân chuyển», «Phương án bố trí» and «Chỉ tiêu kết nạp».

Apart from posts, each sheet is a `Keyed` one: a row is one record found by its key; the
stored record is compared field by field (decisions by their citation) to say create, update
or unchanged, and written with django-simple-history's bulk helpers so that history is kept.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from tochuc.admissions.models import AdmissionTarget, TargetKind
from tochuc.cadres.models import Assignment, Move, Post, PostQuota, SourcingPlan
from tochuc.interchange.importer import CHANGE_REASON, Context, chunks, day_from, day_to
from tochuc.interchange.outcome import UNCHANGED, UPDATE
from tochuc.interchange.reader import Row
from tochuc.interchange.workbook import ASSIGNMENTS, MOVES, PLANS, POSTS, TARGETS

PostKey = tuple[str, str, str]


def post_key(row: Row) -> PostKey:
    return (row["organization"], row["body"], row["title"])


def _history(context: Context) -> dict:
    return {"default_user": context.history_user, "default_change_reason": CHANGE_REASON}


def load_posts(codes: set[str], context: Context) -> None:
    """Ids of the stored posts of these organizations, by key."""
    for batch in chunks(codes):
        for pk, code, body, title in Post.objects.filter(organization__code__in=batch).values_list(
            "id", "organization__code", "body", "title"
        ):
            context.post_ids.setdefault((code, body, title), pk)


def check_post(row: Row, context: Context) -> None:
    key = post_key(row)
    if None in key:
        return
    if key not in context.post_ids and key not in context.post_new:
        row.refuse(
            "title",
            f"Không có chức danh «{key[2]}» ({dict(POSTS.column('body').choices)[key[1]]}) "
            f"của tổ chức «{key[0]}» trong hệ thống hoặc sheet «Chức danh».",
        )


class Posts:
    sheet = POSTS

    def plan(self, rows: list[Row], context: Context) -> None:
        self.rows = rows
        codes = {row["organization"] for row in rows if row["organization"]}
        load_posts(codes, context)
        stored_posts = {}
        quotas = {}
        for batch in chunks(codes):
            for values in Post.objects.filter(organization__code__in=batch).values(
                "id", "field", "per_central_guidance", "version"
            ):
                stored_posts[values["id"]] = values
            for values in PostQuota.objects.filter(post__organization__code__in=batch).values(
                "id", "post_id", "valid_from", "valid_to", "seats", "decision_id"
            ):
                quotas[(values["post_id"], values["valid_from"])] = values
        context.load_citations(q["decision_id"] for q in quotas.values())
        groups: dict[PostKey, list[Row]] = defaultdict(list)
        for row in rows:
            context.check_organization(row, "organization")
            row.values["_citation"] = context.citation(row)
            groups[post_key(row)].append(row)
        self.new_posts: dict[PostKey, Row] = {}
        self.changed_posts: list[tuple[dict, Row]] = []
        self.new_quotas: list[Row] = []
        self.changed_quotas: list[tuple[int, Row]] = []
        for key, group in groups.items():
            if None in key:
                continue
            self._plan_post(key, group, stored_posts, quotas, context)

    def _plan_post(self, key, group, stored_posts, quotas, context: Context) -> None:
        first = group[0]
        for row in group[1:]:
            for name in ("field", "per_central_guidance"):
                if (row[name] or "") != (first[name] or ""):
                    row.refuse(name, f"Khác với dòng {first.number} của cùng chức danh.")
        ordered = sorted(group, key=lambda r: day_from(r["valid_from"]))
        for previous, row in itertools.pairwise(ordered):
            if day_to(previous["valid_to"]) >= day_from(row["valid_from"]):
                row.refuse("valid_from", f"Chồng lấn với định mức ở dòng {previous.number}.")
        for row in group:
            if day_to(row["valid_to"]) < day_from(row["valid_from"]):
                row.refuse("valid_to", "Ngày hết hiệu lực trước ngày bắt đầu hiệu lực.")
        if not all(row.ok for row in group):
            return
        post_id = context.post_ids.get(key)
        post_changes = []
        if post_id is None:
            context.post_new.add(key)
            self.new_posts[key] = first
        else:
            stored = stored_posts[post_id]
            if stored["field"] != (first["field"] or ""):
                post_changes.append(self.sheet.column("field").header)
            if stored["per_central_guidance"] != bool(first["per_central_guidance"]):
                post_changes.append(self.sheet.column("per_central_guidance").header)
            if post_changes:
                self.changed_posts.append((stored, first))
        for row in group:
            old = quotas.get((post_id, day_from(row["valid_from"]))) if post_id else None
            changes = list(post_changes) if row is first else []
            if old is None:
                self.new_quotas.append(row)
                continue
            if old["seats"] != row["seats"]:
                changes.append(self.sheet.column("seats").header)
            if old["valid_to"] != day_to(row["valid_to"]):
                changes.append(self.sheet.column("valid_to").header)
            if context.citations.get(old["decision_id"]) != row["_citation"]:
                changes.append(self.sheet.column("decision_number").header)
            if changes:
                row.result.status, row.result.changes = UPDATE, changes
                if old["seats"] != row["seats"] or len(changes) > len(post_changes):
                    self.changed_quotas.append((old["id"], row))
            else:
                row.result.status = UNCHANGED

    def write(self, context: Context) -> None:
        context.prepare_decisions(row["_citation"] for row in self.rows if row.ok)
        created = bulk_create_with_history(
            [
                Post(
                    organization_id=context.org_ids[key[0]],
                    body=key[1],
                    title=key[2],
                    field=row["field"] or "",
                    per_central_guidance=bool(row["per_central_guidance"]),
                )
                for key, row in self.new_posts.items()
            ],
            Post,
            **_history(context),
        )
        for key, post in zip(self.new_posts, created, strict=True):
            context.post_ids[key] = post.pk
        bulk_update_with_history(
            [
                Post(
                    pk=stored["id"],
                    field=row["field"] or "",
                    per_central_guidance=bool(row["per_central_guidance"]),
                    version=stored["version"] + 1,
                )
                for stored, row in self.changed_posts
            ],
            Post,
            ["field", "per_central_guidance", "version"],
            **_history(context),
        )
        bulk_create_with_history(
            [self._quota(None, row, context) for row in self.new_quotas],
            PostQuota,
            **_history(context),
        )
        bulk_update_with_history(
            [self._quota(pk, row, context) for pk, row in self.changed_quotas],
            PostQuota,
            ["seats", "valid_to", "decision"],
            **_history(context),
        )

    @staticmethod
    def _quota(pk, row: Row, context: Context) -> PostQuota:
        return PostQuota(
            pk=pk,
            post_id=context.post_ids[post_key(row)],
            seats=row["seats"],
            valid_from=day_from(row["valid_from"]),
            valid_to=day_to(row["valid_to"]),
            decision_id=context.decision_id(row["_citation"]),
        )


class Keyed:
    """A sheet whose rows are records of one model, found by key and compared field by field.

    `values(row)` gives the wanted fields in file terms (codes, citations); `stored(context,
    rows)` the stored records in the same terms by key; `build(values, context)` the model's
    field values with ids."""

    sheet = None
    model = None
    versioned = False

    def key(self, row: Row) -> tuple:
        return tuple(row[name] for name in self.sheet.key)

    def check(self, row: Row, context: Context) -> None:
        """Refuse the row for references the file and the database don't have."""

    def plan(self, rows: list[Row], context: Context) -> None:
        self.rows, self.created, self.changed = rows, [], []
        for row in rows:
            self.check(row, context)
            row.values["_citation"] = context.citation(row)
        stored = self.stored(context, rows)
        context.load_citations(v.get("decision") for v in stored.values())
        seen: dict[tuple, int] = {}
        for row in rows:
            key = self.key(row)
            if row.ok and key in seen:
                row.refuse(self.sheet.key[-1], f"Trùng khóa với dòng {seen[key]}.")
            seen.setdefault(key, row.number)
            if not row.ok:
                continue
            wanted = self.values(row)
            old = stored.get(key)
            if old is None:
                self.created.append(row)
                continue
            current = {**old, "decision": context.citations.get(old.get("decision"))}
            changes = [name for name in wanted if current.get(name) != wanted[name]]
            if changes:
                row.result.status = UPDATE
                row.result.changes = [self.header(name) for name in changes]
                self.changed.append((old, row))
            else:
                row.result.status = UNCHANGED

    def header(self, name: str) -> str:
        name = {"decision": "decision_number"}.get(name, name)
        return self.sheet.column(name).header

    def write(self, context: Context) -> None:
        context.prepare_decisions(row["_citation"] for row in self.rows if row.ok)
        bulk_create_with_history(
            [self.model(**self.build(row, context)) for row in self.created],
            self.model,
            **_history(context),
        )
        changed = []
        for old, row in self.changed:
            fields = self.build(row, context)
            if self.versioned:
                fields["version"] = old["version"] + 1
            changed.append(self.model(pk=old["id"], **fields))
        if changed:
            bulk_update_with_history(
                changed, self.model, [f for f in fields if f != "pk"], **_history(context)
            )


class Assignments(Keyed):
    sheet, model, versioned = ASSIGNMENTS, Assignment, True

    def key(self, row):
        return (row["person"], *post_key(row), day_from(row["valid_from"]))

    def check(self, row, context):
        context.check_person(row)
        context.check_organization(row, "organization")
        check_post(row, context)
        if day_to(row["valid_to"]) < day_from(row["valid_from"]):
            row.refuse("valid_to", "Ngày kết thúc trước ngày bắt đầu.")

    def plan(self, rows, context):
        context.load_persons(row["person"] for row in rows)
        super().plan(rows, context)

    def stored(self, context, rows):
        found = {}
        posts = {pk: key for key, pk in context.post_ids.items()}
        for batch in chunks(posts):
            for v in Assignment.objects.filter(post_id__in=batch).values(
                "id", "person__code", "post_id", "valid_from", "valid_to", "kind", "decision_id",
                "version",
            ):  # fmt: skip
                key = (v["person__code"], *posts[v["post_id"]], v["valid_from"])
                found[key] = {
                    "id": v["id"], "version": v["version"], "kind": v["kind"],
                    "valid_to": v["valid_to"], "decision": v["decision_id"],
                }  # fmt: skip
        return found

    def values(self, row):
        return {
            "kind": row["kind"],
            "valid_to": day_to(row["valid_to"]),
            "decision": row["_citation"],
        }

    def build(self, row, context):
        return {
            "person_id": context.person_ids[row["person"]],
            "post_id": context.post_ids[post_key(row)],
            "kind": row["kind"],
            "valid_from": day_from(row["valid_from"]),
            "valid_to": day_to(row["valid_to"]),
            "decision_id": context.decision_id(row["_citation"]),
        }


class Moves(Keyed):
    sheet, model, versioned = MOVES, Move, True
    FIELDS = (
        "origin",
        "destination",
        "planned_end",
        "ended_on",
        "purpose",
        "special_case",
        "decided_by",
    )

    def plan(self, rows, context):
        context.load_persons(row["person"] for row in rows)
        super().plan(rows, context)

    def check(self, row, context):
        context.check_person(row)
        for name in ("origin", "destination", "decided_by"):
            context.check_organization(row, name, in_scope=False)
        ends = [row["origin"], row["destination"]]
        if row.ok and not any(context.may_change(code) for code in ends):
            row.refuse(
                "destination", "Cả đơn vị đi và đơn vị đến đều ngoài phạm vi bạn được cập nhật."
            )
        for name in ("planned_end", "ended_on"):
            if row[name] and row["starts_on"] and row[name] < row["starts_on"]:
                row.refuse(name, "Ngày này trước ngày bắt đầu.")

    def stored(self, context, rows):
        found = {}
        people = {row["person"] for row in rows if row["person"] in context.person_ids}
        for batch in chunks([context.person_ids[c] for c in people]):
            for v in Move.objects.filter(person_id__in=batch).values(
                "id", "version", "person__code", "kind", "starts_on", "origin__code",
                "destination__code", "planned_end", "ended_on", "purpose", "special_case",
                "decided_by__code", "decision_id",
            ):  # fmt: skip
                found[(v["person__code"], v["kind"], v["starts_on"])] = {
                    "id": v["id"], "version": v["version"], "decision": v["decision_id"],
                    **{f: v.get(f"{f}__code", v.get(f)) for f in self.FIELDS},
                }  # fmt: skip
        return found

    def values(self, row):
        found = {f: row[f] for f in self.FIELDS}
        found["purpose"] = row["purpose"] or Move._meta.get_field("purpose").default
        found["special_case"] = row["special_case"] or ""
        found["decision"] = row["_citation"]
        return found

    def build(self, row, context):
        values = self.values(row)
        return {
            "person_id": context.person_ids[row["person"]],
            "kind": row["kind"],
            "starts_on": row["starts_on"],
            "origin_id": context.org_ids[row["origin"]],
            "destination_id": context.org_ids[row["destination"]],
            "decided_by_id": context.org_ids[row["decided_by"]],
            "planned_end": row["planned_end"],
            "ended_on": row["ended_on"],
            "purpose": values["purpose"],
            "special_case": values["special_case"],
            "decision_id": context.decision_id(row["_citation"]),
        }


class Plans(Keyed):
    sheet, model = PLANS, SourcingPlan

    def key(self, row):
        return (*post_key(row), row["planned_on"])

    def check(self, row, context):
        context.check_organization(row, "organization")
        check_post(row, context)

    def stored(self, context, rows):
        posts = {pk: key for key, pk in context.post_ids.items()}
        found = {}
        for batch in chunks(posts):
            for v in SourcingPlan.objects.filter(post_id__in=batch).values(
                "id", "post_id", "planned_on", "source", "note"
            ):
                found[(*posts[v["post_id"]], v["planned_on"])] = v
        return found

    def values(self, row):
        return {"source": row["source"], "note": row["note"] or ""}

    def build(self, row, context):
        return {
            "post_id": context.post_ids[post_key(row)],
            "planned_on": row["planned_on"],
            **self.values(row),
        }


TERM = re.compile(r"^(\d{4})\s*-\s*(\d{4})$")


class Targets(Keyed):
    sheet, model, versioned = TARGETS, AdmissionTarget, True

    def key(self, row):
        period = row["year"] if row["kind"] == TargetKind.YEAR else row["term"]
        return (row["organization"], row["kind"], period)

    def check(self, row, context):
        context.check_organization(row, "organization")
        if row["kind"] == TargetKind.YEAR and not row["year"]:
            row.refuse("year", "Chỉ tiêu năm phải ghi năm.")
        if row["kind"] == TargetKind.TERM:
            match = TERM.match(row["term"] or "")
            if not match:
                row.refuse("term", "Nhiệm kỳ ghi dạng 2025-2030.")
            else:
                row.values["term"] = f"{match[1]}-{match[2]}"
        if row["starts_on"] and row["ends_on"] and row["ends_on"] < row["starts_on"]:
            row.refuse("ends_on", "Ngày kết thúc trước ngày bắt đầu.")

    def stored(self, context, rows):
        codes = {row["organization"] for row in rows if row["organization"]}
        found = {}
        for batch in chunks(codes):
            for v in AdmissionTarget.objects.filter(organization__code__in=batch).values(
                "id", "version", "organization__code", "kind", "year", "term", "starts_on",
                "ends_on", "count", "decision_id",
            ):  # fmt: skip
                period = v["year"] if v["kind"] == TargetKind.YEAR else v["term"]
                found[(v["organization__code"], v["kind"], period)] = {
                    **v, "decision": v["decision_id"]
                }  # fmt: skip
        return found

    def values(self, row):
        year = row["kind"] == TargetKind.YEAR
        return {
            "year": row["year"] if year else None,
            "term": "" if year else row["term"],
            "starts_on": row["starts_on"],
            "ends_on": row["ends_on"],
            "count": row["count"],
            "decision": row["_citation"],
        }

    def build(self, row, context):
        values = self.values(row)
        values["decision_id"] = context.decision_id(values.pop("decision"))
        return {
            "organization_id": context.org_ids[row["organization"]],
            "kind": row["kind"],
            **values,
        }
