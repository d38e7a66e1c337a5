"""Who reaches which training records.

- Enrollments: through the organization that sent the person (`sent_by`), like any scoped
  record; the organizer of a class also sees and records the results of all its learners
  (`enrollments_for_results`).
- Classes and courses: changed by the organizing unit's scope; seen also by the units under
  the organizer (a class the province opens is open to the communes that send people to it)
  and by the units that sent someone to the class.
- Qualifications: facts about a person, seen by whoever may see the person on the date
  (member, candidate or cadre in scope) or sent the person to a class.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from tochuc.core.scoping import CHANGE, VIEW, ScopedQuerySet


def _allowed(user, action: str) -> bool | None:
    """True: everything (superuser); False: nothing; None: filter by scope."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if not user.may(action):
        return False
    return None


def superior_ids(user) -> QuerySet:
    """Organizations above the user's scope roots on any date (a subquery for `__in`)."""
    from tochuc.accounts.scope import scope_roots
    from tochuc.organizations.models import OrganizationClosure

    return OrganizationClosure.objects.filter(descendant_id__in=scope_roots(user)).values(
        "ancestor_id"
    )


class EnrollmentQuerySet(ScopedQuerySet):
    pass


class TrainingClassQuerySet(ScopedQuerySet):
    def restrict(self, user, action: str = VIEW):
        """CHANGE: classes organized in scope. VIEW: also those organized above the scope
        and those the scope sent someone to."""
        if action != VIEW or _allowed(user, action) is not None:
            return super().restrict(user, action)
        from tochuc.accounts.scope import organization_ids_in_scope
        from tochuc.training.models import Enrollment

        return self.filter(
            Q(organizer_id__in=organization_ids_in_scope(user))
            | Q(organizer_id__in=superior_ids(user))
            | Q(id__in=Enrollment.objects.restrict(user).values("training_class_id"))
        )


class CourseQuerySet(ScopedQuerySet):
    def restrict(self, user, action: str = VIEW):
        """CHANGE: courses kept in scope. VIEW: also those kept above the scope and the
        courses of every class the user sees."""
        if action != VIEW or _allowed(user, action) is not None:
            return super().restrict(user, action)
        from tochuc.accounts.scope import organization_ids_in_scope
        from tochuc.training.models import TrainingClass

        return self.filter(
            Q(organization_id__in=organization_ids_in_scope(user))
            | Q(organization_id__in=superior_ids(user))
            | Q(id__in=TrainingClass.objects.restrict(user).values("course_id"))
        )


def persons_in_reach(user, action: str = VIEW, on: dt.date | None = None) -> QuerySet:
    """Ids of persons whose training records the user may see (or change) on `on`: persons
    visible the usual way (`Person.objects.restrict`) and persons the scope sent to a class."""
    from tochuc.people.models import Person
    from tochuc.training.models import Enrollment

    return Person.objects.filter(
        Q(id__in=Person.objects.restrict(user, action, on=on).values("id"))
        | Q(id__in=Enrollment.objects.restrict(user, action).values("person_id"))
    ).values("id")


def enrollments_for_results(user) -> QuerySet:
    """Enrollments whose result the user may record: those sent by the user's change scope
    (the sender) and every enrollment of a class organized in the user's change scope (the
    organizer records the results of the whole class, whoever sent the learner)."""
    from tochuc.training.models import Enrollment, TrainingClass

    organized = TrainingClass.objects.restrict(user, CHANGE).values("id")
    return Enrollment.objects.filter(
        Q(id__in=Enrollment.objects.restrict(user, CHANGE).values("id"))
        | Q(training_class_id__in=organized)
    )


class QualificationQuerySet(ScopedQuerySet):
    def restrict(self, user, action: str = VIEW, on: dt.date | None = None):
        """Qualifications of the persons in reach (`persons_in_reach`) on `on` (default today)."""
        allowed = _allowed(user, action)
        if allowed is not None:
            return self.all() if allowed else self.none()
        return self.filter(person_id__in=persons_in_reach(user, action, on))
