"""Scope-walk hook (tests/test_scope_routes.py): a member of commune B named with the marker
«Bí Mật Bê», admitted in the fourth quarter, so that the dashboard and the members'
drill-down would show it to a commune-A user if they leaked.

`target` returns an indicator key rather than an id: the API's routes take the key as
their `pk` (`/api/indicators/members/`, `…/records/`); the page `/chi-so/<key>/` gets the
same key from the walker's `fill_kwargs`.
"""

import datetime as dt

from tochuc.core.services import decision_cite
from tochuc.members.models import EventKind
from tochuc.members.services import event_record
from tochuc.people.models import Person


def target(tree) -> str:
    person = Person.objects.create(
        full_name="Đảng viên Chỉ Số Bí Mật Bê", sex="male", date_of_birth=dt.date(1990, 2, 2)
    )
    decision = decision_cite(
        number="8-QĐ/ĐU", signed_on=dt.date(2025, 10, 1), issuer="Đảng ủy xã Bí Mật Bê"
    )
    event_record(
        person=person,
        kind=EventKind.ADMISSION,
        effective_on=dt.date(2025, 10, 2),
        organization=tree.b1,
        decision=decision,
    )
    return "members"
