"""Scope-walk hook: commune B's member with an old card and a card exchange record.

`target` returns the member's person id, which the member page and its step forms take.
"""

import datetime as dt

from tochuc.cards.models import CardExchange
from tochuc.cards.services import card_exchange_declare
from tochuc.cards.tests.conftest import full_member
from tochuc.members.models import MembershipEvent, MembershipSpan


def target(tree) -> int:
    person = full_member("Đảng viên Bí Mật Bê Thẻ", tree.b1, card="BSECRET-C1")
    card_exchange_declare(person=person, declared_on=dt.date(2025, 9, 1))
    tree.card_person = person
    return person.pk


def snapshot(tree):
    person = tree.card_person
    return (
        list(CardExchange.objects.filter(person=person).values()),
        list(MembershipEvent.objects.filter(person=person).values("id", "kind", "is_void")),
        list(MembershipSpan.objects.filter(person=person).values()),
    )
