"""Synthetic training: one programme per course kind kept by the provincial committee, and
classes every quarter since 2015 organized by the provincial committee of the day (the
pre-2025 provinces before 01/07/2025, today's after), sized for the province's members.

Members are sent to these classes by `MemberFactory` (political theory for cadres of 30 or
older, refresher courses in bursts of a few classes a year), so the report line «cử N cán bộ
đi đào tạo cao cấp, trung cấp LLCT; M lượt bồi dưỡng» reads people < enrollments.
"""

from __future__ import annotations

import datetime as dt
import random

from tochuc.core.bulk import BulkWriter, delete_ids
from tochuc.core.dating import REFORM_2025
from tochuc.demo.members import HISTORY_START, ClassSlot
from tochuc.training.models import Course, CourseKind, Mode, TrainingClass

K = CourseKind
THEORY = (K.ADVANCED_POLITICAL_THEORY, K.INTERMEDIATE_POLITICAL_THEORY)
COURSES = {  # kind: (name, enrollments a year per 1,000 members, class size, days (min, max))
    K.ADVANCED_POLITICAL_THEORY: ("Cao cấp lý luận chính trị", 0.6, 60, (240, 540)),
    K.INTERMEDIATE_POLITICAL_THEORY: ("Trung cấp lý luận chính trị", 2.6, 80, (120, 300)),
    K.SOURCE_CADRE_REFRESHER: ("Bồi dưỡng cán bộ nguồn", 9.0, 60, (20, 60)),
    K.PROFESSIONAL: ("Bồi dưỡng chuyên môn, nghiệp vụ", 36.0, 70, (3, 30)),
    K.OTHER_REFRESHER: ("Bồi dưỡng kiến thức quốc phòng và an ninh", 15.0, 80, (2, 10)),
}


def quarters(start: dt.date, end: dt.date):
    """Quarter indexes (year * 4 + quarter - 1) from `start` to `end`, with their first day."""
    first = start.year * 4 + (start.month - 1) // 3
    for index in range(first, end.year * 4 + (end.month - 1) // 3 + 1):
        yield index, dt.date(index // 4, index % 4 * 3 + 1, 1)


class ClassSchedule:
    """The courses and classes of a province; `slots[(kind, quarter, organizer)]` are the
    classes members can be sent to. Every class is stored before the members (`store`), and
    those nobody was sent to are deleted after them (`prune`)."""

    def __init__(
        self,
        *,
        writer: BulkWriter,
        rng: random.Random,
        today: dt.date,
        place,
        members: int,
        organizers: dict[int, tuple[str, float, dt.date, dt.date]],
    ):
        self.writer = writer
        course_ids = writer.ids(Course, len(COURSES))
        self.courses = [
            (course_id, name, kind, place.province)
            for course_id, (kind, (name, *_)) in zip(course_ids, COURSES.items(), strict=True)
        ]
        self.slots: dict[tuple[str, int, int], list[ClassSlot]] = {}
        self.rows: dict[int, tuple] = {}
        course_of = {kind: course_id for course_id, _, kind, _ in self.courses}
        for organizer, (institution, share, first, last) in organizers.items():
            for quarter, begins in quarters(max(first, HISTORY_START), min(last, today)):
                for kind, (title, yearly, size, (low, high)) in COURSES.items():
                    expected = members * yearly / 1000 / 4 * share
                    for number in range(max(1, round(expected / size))):
                        opens = begins + dt.timedelta(days=10 + rng.randrange(70))
                        if opens > min(last, today):
                            continue
                        closes = opens + dt.timedelta(days=rng.randint(low, high))
                        enrolled = max(opens - dt.timedelta(days=7), begins)
                        part_time = kind in THEORY and rng.random() < 0.6
                        (slot_id,) = writer.ids(TrainingClass, 1)
                        self.slots.setdefault((kind, quarter, organizer), []).append(
                            ClassSlot(
                                slot_id,
                                enrolled.toordinal(),
                                closes.toordinal(),
                                title,
                                institution,
                            )
                        )
                        suffix = f" ({number + 1})" if number else ""
                        self.rows[slot_id] = (
                            slot_id, course_of[kind],
                            f"Lớp {title.lower()} quý {quarter % 4 + 1}/{quarter // 4}{suffix}",
                            organizer, opens, closes,
                            Mode.PART_TIME if part_time else Mode.FULL_TIME,
                        )  # fmt: skip

    def store(self) -> None:
        """Insert the courses and every class (before the enrollments that refer to them)."""
        self.writer.insert(
            Course, ("id", "name", "kind", "organization_id"), self.courses, note="", version=1
        )
        self.writer.insert(
            TrainingClass,
            ("id", "course_id", "name", "organizer_id", "opens_on", "closes_on", "mode"),
            self.rows.values(),
            note="",
            version=1,
        )

    def prune(self, used: set[int]) -> int:
        """Delete the classes nobody was sent to; returns the number of classes kept."""
        delete_ids(TrainingClass, sorted(set(self.rows) - used))
        return len(used)


def organizers(place, names: dict[int, str]) -> dict[int, tuple[str, float, dt.date, dt.date]]:
    """Provincial committees organizing classes: each pre-2025 one until 30/06/2025 with its
    share of the members, today's from 01/07/2025."""
    counts: dict[int, float] = {}
    old = place.old_communes
    for commune, weight in zip(old.values, old.weights, strict=True):
        province = place.old_province[commune]
        counts[province] = counts.get(province, 0) + weight
    total = sum(counts.values())
    last_old = REFORM_2025 - dt.timedelta(days=1)
    found = {
        province: (names[province], weight / total, HISTORY_START, last_old)
        for province, weight in sorted(counts.items())
    }
    found[place.province] = (names[place.province], 1.0, REFORM_2025, dt.date.max)
    return found
