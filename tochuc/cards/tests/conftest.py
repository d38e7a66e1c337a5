"""A card exchange campaign in commune A, hand-written to test progress as of two dates.

Every member below is full (transferred in on 05/08/2025, admitted 2010) with a card of
series 2010 issued on 06/08/2025, unless said otherwise.

| member | where | exchange | other |
|---|---|---|---|
| M1 | A1 | received 15/10/2025 | |
| M2 | A1 | received 20/11/2025 | |
| M3 | A (direct) | received 10/09/2025 | |
| M4 | A1 | declared 01/09/2025 only | |
| M5 | A1 | – | probationary (admitted 01/08/2025), no card |
| M6 | A1 | declared 01/09/2025 | died 10/12/2025 |
| M7 | A1 | – | transferred to B1 on 05/11/2025 |
| M8 | A | – | new-series card issued (series 2025) |

| date | A: eligible | A: done | A: percent | B: eligible |
|---|---|---|---|---|
| 31/10/2025 | M1 M2 M3 M4 M6 M7 = 6 | M1 M3 = 2 | 33,33% | 0 |
| 31/12/2025 | M1 M2 M3 M4 = 4 | M1 M2 M3 = 3 | 75,00% | M7 = 1 |
"""

import datetime as dt
from types import SimpleNamespace

import pytest

from tochuc.cards.services import card_exchange_declare, card_exchange_step
from tochuc.core.services import decision_cite
from tochuc.members.models import EventKind as K
from tochuc.members.models import Status
from tochuc.members.services import event_record
from tochuc.people.catalogs import Sex
from tochuc.people.models import Person

D = dt.date
EARLY, LATE = D(2025, 10, 31), D(2025, 12, 31)


def full_member(name: str, org, *, card: str = "", series: str = "2010") -> Person:
    """A full member transferred in on 05/08/2025, with a card issued the next day."""
    person = Person.objects.create(
        full_name=name, sex=Sex.MALE, date_of_birth=D(1980, 1, 1), citizen_id="092080000001"
    )
    event_record(
        person=person,
        kind=K.TRANSFER_IN,
        effective_on=D(2025, 8, 5),
        organization=org,
        status=Status.FULL,
        admitted_on=D(2010, 5, 5),
    )
    if card:
        event_record(
            person=person,
            kind=K.CARD_ISSUE,
            effective_on=D(2025, 8, 6),
            card_number=card,
            card_series=series,
        )
    return person


def exchange_until(person, last_step: str, dates: dict, *, user=None, card="N-0"):
    """Declare `person` and record each step up to `last_step` on the given dates."""
    exchange = card_exchange_declare(person=person, declared_on=dates["declared"])
    for step in ("photographed", "verified", "signed", "sent", "received"):
        if step not in dates:
            break
        exchange = card_exchange_step(
            exchange=exchange, step=step, on=dates[step], recorded_by=user, card_number=card
        )
        if step == last_step:
            break
    return exchange


def steps_until(received: dt.date) -> dict:
    """Plausible step dates ending with the card received on `received`."""
    return {
        "declared": D(2025, 9, 1),
        "photographed": D(2025, 9, 2),
        "verified": D(2025, 9, 3),
        "signed": D(2025, 9, 4),
        "sent": D(2025, 9, 5),
        "received": received,
    }


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The shared tree creates five users; Argon2 would make each test a second slower."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def campaign(small_tree):
    t = small_tree
    user = t.users.a_editor
    m1 = full_member("Thẻ Một", t.a1, card="C-1")
    exchange_until(m1, "received", steps_until(D(2025, 10, 15)), user=user, card="N-1")
    m2 = full_member("Thẻ Hai", t.a1, card="C-2")
    exchange_until(m2, "received", steps_until(D(2025, 11, 20)), user=user, card="N-2")
    m3 = full_member("Thẻ Ba", t.a, card="C-3")
    exchange_until(m3, "received", steps_until(D(2025, 9, 10)), user=user, card="N-3")
    m4 = full_member("Thẻ Bốn", t.a1, card="C-4")
    card_exchange_declare(person=m4, declared_on=D(2025, 9, 1))
    m5 = Person.objects.create(full_name="Thẻ Năm", sex=Sex.FEMALE, date_of_birth=D(2000, 1, 1))
    decision = decision_cite(number="5-QĐ/ĐU", signed_on=D(2025, 7, 25), issuer="Đảng ủy xã An")
    event_record(
        person=m5,
        kind=K.ADMISSION,
        effective_on=D(2025, 8, 1),
        organization=t.a1,
        decision=decision,
    )
    m6 = full_member("Thẻ Sáu", t.a1, card="C-6")
    card_exchange_declare(person=m6, declared_on=D(2025, 9, 1))
    event_record(person=m6, kind=K.DEATH, effective_on=D(2025, 12, 10))
    m7 = full_member("Thẻ Bảy", t.a1, card="C-7")
    event_record(person=m7, kind=K.TRANSFER, effective_on=D(2025, 11, 5), organization=t.b1)
    m8 = full_member("Thẻ Tám", t.a, card="N-8", series="2025")
    return SimpleNamespace(m1=m1, m2=m2, m3=m3, m4=m4, m5=m5, m6=m6, m7=m7, m8=m8)
