"""The sheets «Tổ chức» (organizations and their periods) and «Sáp nhập, chia tách»."""

from __future__ import annotations

from collections import defaultdict

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from tochuc.accounts.scope import organization_ids_in_scope
from tochuc.core.dating import BEGINNING, END_OF_TIME
from tochuc.core.formatting import vn_date
from tochuc.core.text import search_key
from tochuc.interchange.importer import CHANGE_REASON, Context, chunks, day_from, day_to
from tochuc.interchange.outcome import UNCHANGED, UPDATE
from tochuc.interchange.reader import Row
from tochuc.interchange.workbook import LINEAGE, ORGANIZATIONS
from tochuc.organizations.closure import closure_refresh
from tochuc.organizations.kinds import PARTY_KINDS, parent_problem
from tochuc.organizations.models import (
    LineageEvent,
    LineageKind,
    LineageLink,
    Organization,
    OrganizationPeriod,
)
from tochuc.organizations.succession import succession_refresh

PERIOD_FIELDS = ("name", "kind", "parent", "valid_to", "decision")


def _shown(day) -> str:
    return "" if day in (BEGINNING, END_OF_TIME) else vn_date(day)


class Organizations:
    sheet = ORGANIZATIONS

    def plan(self, rows: list[Row], context: Context) -> None:
        codes = {row["code"] for row in rows if row["code"]}
        self._load(codes, context)
        self.rows = rows
        self.new_periods: list[Row] = []
        self.changed_periods: list[tuple[int, Row]] = []
        self.places: dict[str, int | None] = {}
        self.by_code: dict[str, list[Row]] = defaultdict(list)
        for row in rows:
            if row["code"]:
                self.by_code[row["code"]].append(row)
        self.file_kinds = {
            code: [(day_from(r["valid_from"]), day_to(r["valid_to"]), r["kind"]) for r in periods]
            for code, periods in self.by_code.items()
        }
        context.org_new = {code for code in self.by_code if code not in context.org_ids}
        self._scope(self.by_code, context)
        for code, periods in self.by_code.items():
            self._plan_organization(code, periods, context)
        context.party_periods = self.party_periods()

    def _load(self, codes: set[str], context: Context) -> None:
        """Every organization's code and lifetime, and the periods of those in the file."""
        self.lifetimes = {}
        for pk, code, unit, start, end in Organization.objects.values_list(
            "id", "code", "administrative_unit_id", "valid_from", "valid_to"
        ):
            context.org_ids[code] = pk
            self.lifetimes[code] = (pk, unit, start, end)
        self.periods: dict[str, dict] = defaultdict(dict)
        self.kinds: dict[str, list] = defaultdict(list)
        for code, start, end, kind in OrganizationPeriod.objects.values_list(
            "organization__code", "valid_from", "valid_to", "kind"
        ):
            self.kinds[code].append((start, end, kind))
        for batch in chunks(codes):
            for values in OrganizationPeriod.objects.filter(
                organization__code__in=batch
            ).values(
                "id", "organization__code", "valid_from", "valid_to", "name", "kind",
                "parent__code", "decision_id",
            ):  # fmt: skip
                self.periods[values["organization__code"]][values["valid_from"]] = values
        context.load_citations(
            p["decision_id"] for by_start in self.periods.values() for p in by_start.values()
        )

    def _scope(self, file_periods: dict[str, list[Row]], context: Context) -> None:
        """Codes the user may change: existing ones in scope, new ones under such a parent."""
        if context.unrestricted:
            context.org_allowed = set(file_periods) | set(context.org_ids)
            return
        ids = set(organization_ids_in_scope(context.user).values_list("descendant_id", flat=True))
        if not context.user.may("change"):
            ids = set()
        context.org_allowed = {code for code, pk in context.org_ids.items() if pk in ids}
        changed = True
        while changed:
            changed = False
            for code in context.org_new - context.org_allowed:
                parents = {row["parent"] for row in file_periods[code]}
                if parents and parents <= context.org_allowed:
                    context.org_allowed.add(code)
                    changed = True

    def _kind_on(self, code: str, day) -> str | None:
        for start, end, kind in self.file_kinds.get(code) or self.kinds.get(code, []):
            if start <= day <= end:
                return kind
        return None

    def _plan_organization(self, code: str, periods: list[Row], context: Context) -> None:
        places = {row["place"] for row in periods if row["place"] is not None}
        if len(places) > 1:
            for row in periods:
                row.refuse("place", "Các dòng của cùng một tổ chức ghi địa bàn khác nhau.")
        self.places[code] = places.pop() if places else None
        lifetime = self.lifetimes.get(code)
        if lifetime and any(row.keeps_place("place", lifetime[1]) for row in periods):
            self.places[code] = lifetime[1]
        stored = self.periods.get(code, {})
        ordered = sorted(periods, key=lambda r: day_from(r["valid_from"]))
        for previous, row in zip([None, *ordered], ordered, strict=False):
            start, end = day_from(row["valid_from"]), day_to(row["valid_to"])
            if end < start:
                row.refuse("valid_to", "Ngày hết hiệu lực trước ngày bắt đầu hiệu lực.")
                continue
            if previous is not None and day_to(previous["valid_to"]) >= start:
                row.refuse(
                    "valid_from",
                    f"Chồng lấn với giai đoạn ở dòng {previous.number} của cùng tổ chức.",
                )
            for other_start, other in stored.items():
                if (
                    other_start != start
                    and other["valid_from"] <= end
                    and other["valid_to"] >= start
                ) and not any(day_from(r["valid_from"]) == other_start for r in periods):
                    row.refuse(
                        "valid_from",
                        "Chồng lấn với giai đoạn đã có trong hệ thống "
                        f"(từ {_shown(other['valid_from']) or 'đầu'} "
                        f"đến {_shown(other['valid_to']) or 'nay'}).",
                    )
            if not context.may_change(code):
                row.refuse("code", f"Tổ chức «{code}» ngoài phạm vi bạn được cập nhật.")
            parent = row["parent"]
            if parent == code:
                row.refuse("parent", "Tổ chức không thể trực thuộc chính nó.")
            elif parent is not None and not context.organization_known(parent):
                row.refuse(
                    "parent",
                    f"Không có tổ chức mã «{parent}» trong hệ thống hoặc trong sheet «Tổ chức».",
                )
            elif row["kind"]:
                parent_kind = self._kind_on(parent, start) if parent else None
                problem = parent_problem(row["kind"], parent_kind)
                if problem and not (parent and parent_kind is None):
                    row.refuse("kind", problem)
            citation = context.citation(row)
            if not row.ok:
                continue
            row.values["_citation"] = citation
            old = stored.get(start)
            if old is None:
                self.new_periods.append(row)
                continue
            current = {
                "name": old["name"], "kind": old["kind"], "parent": old["parent__code"],
                "valid_to": old["valid_to"], "decision": context.citations.get(old["decision_id"]),
            }  # fmt: skip
            wanted = {
                "name": row["name"], "kind": row["kind"], "parent": parent, "valid_to": end,
                "decision": citation,
            }  # fmt: skip
            changes = [f for f in PERIOD_FIELDS if current[f] != wanted[f]]
            lifetime = self.lifetimes.get(code)
            if self.places[code] is not None and lifetime and lifetime[1] != self.places[code]:
                changes.append("place")
            if changes:
                row.result.status = UPDATE
                row.result.changes = [self._header(f) for f in changes]
                self.changed_periods.append((old["id"], row))
            else:
                row.result.status = UNCHANGED

    def _header(self, field: str) -> str:
        name = {"decision": "decision_number"}.get(field, field)
        return self.sheet.column(name).header

    def write(self, context: Context) -> None:
        context.prepare_decisions(row["_citation"] for row in self.rows if row.ok)
        by_code = self.by_code
        created = bulk_create_with_history(
            [
                Organization(
                    code=code,
                    administrative_unit_id=self.places.get(code),
                    valid_from=min(day_from(r["valid_from"]) for r in by_code[code]),
                    valid_to=max(day_to(r["valid_to"]) for r in by_code[code]),
                )
                for code in sorted(context.org_new)
            ],
            Organization,
            default_user=context.history_user,
            default_change_reason=CHANGE_REASON,
        )
        for organization in created:
            context.org_ids[organization.code] = organization.pk
        context.touched_organizations |= {o.pk for o in created}
        self._widen_existing(context)
        bulk_create_with_history(
            [self._period(None, row, context) for row in self.new_periods],
            OrganizationPeriod,
            default_user=context.history_user,
            default_change_reason=CHANGE_REASON,
        )
        bulk_update_with_history(
            [self._period(pk, row, context) for pk, row in self.changed_periods],
            OrganizationPeriod,
            ["name", "name_folded", "kind", "parent", "valid_to", "decision"],
            default_user=context.history_user,
            default_change_reason=CHANGE_REASON,
        )
        context.touched_organizations |= {
            context.org_ids[row["code"]] for row in self.new_periods
        } | {context.org_ids[row["code"]] for _, row in self.changed_periods}

    def _widen_existing(self, context: Context) -> None:
        """Existing organizations: lifetime stretched to cover the file's periods, place set."""
        changed = []
        for code, rows in self.by_code.items():
            if code in context.org_new or code not in self.lifetimes:
                continue
            pk, unit, start, end = self.lifetimes[code]
            new_start = min([start, *(day_from(r["valid_from"]) for r in rows)])
            new_end = max([end, *(day_to(r["valid_to"]) for r in rows)])
            place = self.places.get(code) or unit
            if (new_start, new_end, place) != (start, end, unit):
                changed.append(
                    Organization(
                        pk=pk, code=code, valid_from=new_start, valid_to=new_end,
                        administrative_unit_id=place,
                    )
                )  # fmt: skip
        if changed:
            versions = dict(
                Organization.objects.filter(pk__in=[o.pk for o in changed]).values_list(
                    "pk", "version"
                )
            )
            for organization in changed:
                organization.version = versions[organization.pk] + 1
            bulk_update_with_history(
                changed,
                Organization,
                ["valid_from", "valid_to", "administrative_unit", "version"],
                default_user=context.history_user,
                default_change_reason=CHANGE_REASON,
            )
            context.touched_organizations |= {o.pk for o in changed}

    def _period(self, pk, row: Row, context: Context) -> OrganizationPeriod:
        return OrganizationPeriod(
            pk=pk,
            organization_id=context.org_ids[row["code"]],
            name=row["name"],
            name_folded=search_key(row["name"]),
            kind=row["kind"],
            parent_id=context.org_ids.get(row["parent"]) if row["parent"] else None,
            valid_from=day_from(row["valid_from"]),
            valid_to=day_to(row["valid_to"]),
            decision_id=context.decision_id(row["_citation"]),
        )

    def party_periods(self) -> dict[str, list[tuple]]:
        """Code → periods as a party organization (the database's, overridden by the file's)."""
        found = {
            code: [(s, e) for s, e, k in spans if k in PARTY_KINDS]
            for code, spans in self.kinds.items()
        }
        for code, rows in self.by_code.items():
            found[code] = [
                (day_from(r["valid_from"]), day_to(r["valid_to"]))
                for r in rows
                if r["kind"] in PARTY_KINDS
            ]
        return found


class Lineage:
    sheet = LINEAGE

    def plan(self, rows: list[Row], context: Context) -> None:
        self.rows = rows
        self.new_links: list[Row] = []
        self.changed: list[tuple[int, Row]] = []
        existing = {}
        codes = {row[n] for row in rows for n in ("predecessor", "successor") if row[n]}
        for batch in chunks(codes):
            for values in LineageLink.objects.filter(
                models_q(batch)
            ).values(
                "id", "event__kind", "event__effective_on", "event__decision_id",
                "predecessor__code", "successor__code", "is_default",
            ):  # fmt: skip
                key = (
                    values["event__kind"], values["event__effective_on"],
                    values["predecessor__code"], values["successor__code"],
                )  # fmt: skip
                existing[key] = values
        context.load_citations(v["event__decision_id"] for v in existing.values())
        for row in rows:
            kind, predecessor, successor = row["kind"], row["predecessor"], row["successor"]
            if kind == LineageKind.ESTABLISHED and (predecessor or not successor):
                row.refuse("successor", "«Thành lập» chỉ ghi mã tổ chức sau.")
            elif kind == LineageKind.DISSOLVED and (successor or not predecessor):
                row.refuse("predecessor", "«Giải thể» chỉ ghi mã tổ chức trước.")
            elif kind and kind not in (LineageKind.ESTABLISHED, LineageKind.DISSOLVED):
                for name in ("predecessor", "successor"):
                    if not row[name]:
                        row.refuse(name, "Bắt buộc phải có giá trị với loại sự kiện này.")
            for name in ("predecessor", "successor"):
                context.check_organization(row, name)
            citation = context.citation(row)
            if not row.ok:
                continue
            row.values["_citation"] = citation
            old = existing.get((kind, row["effective_on"], predecessor, successor))
            if old is None:
                self.new_links.append(row)
                continue
            changes = []
            if old["is_default"] != bool(row["is_default"]):
                changes.append(self.sheet.column("is_default").header)
            if context.citations.get(old["event__decision_id"]) != citation:
                changes.append(self.sheet.column("decision_number").header)
            row.result.status = UPDATE if changes else UNCHANGED
            row.result.changes = changes
            if changes:
                self.changed.append((old["id"], row))

    def write(self, context: Context) -> None:
        context.prepare_decisions(
            row["_citation"] for row in self.new_links + [r for _, r in self.changed]
        )
        events: dict[tuple, int] = {}
        for row in self.new_links:
            key = (row["kind"], row["effective_on"], context.decision_id(row["_citation"]))
            if key not in events:
                found = LineageEvent.objects.filter(
                    kind=key[0], effective_on=key[1], decision_id=key[2]
                ).first() or LineageEvent.objects.create(
                    kind=key[0], effective_on=key[1], decision_id=key[2], note=CHANGE_REASON
                )
                events[key] = found.pk
        LineageLink.objects.bulk_create(
            [
                LineageLink(
                    event_id=events[
                        (row["kind"], row["effective_on"], context.decision_id(row["_citation"]))
                    ],
                    predecessor_id=context.org_ids.get(row["predecessor"]),
                    successor_id=context.org_ids.get(row["successor"]),
                    is_default=bool(row["is_default"]),
                )
                for row in self.new_links
            ]
        )
        for pk, row in self.changed:
            link = LineageLink.objects.select_related("event").get(pk=pk)
            link.is_default = bool(row["is_default"])
            link.save(update_fields=["is_default"])
            link.event.decision_id = context.decision_id(row["_citation"])
            link.event.save(update_fields=["decision"])
        for row in self.new_links + [r for _, r in self.changed]:
            for name in ("predecessor", "successor"):
                if row[name]:
                    context.touched_organizations.add(context.org_ids[row[name]])
        if context.touched_organizations:
            closure_refresh(context.touched_organizations)
            succession_refresh(context.touched_organizations)


def models_q(codes: list[str]):
    from django.db.models import Q

    return Q(predecessor__code__in=codes) | Q(successor__code__in=codes)
