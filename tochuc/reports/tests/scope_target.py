"""Scope-walk hook (tests/test_scope_routes.py): a report of commune B, issued by the
province; its content names «Bí Mật Bê»."""

import datetime as dt

from tochuc.reports.models import IssuedReport
from tochuc.reports.quarterly import Quarter
from tochuc.reports.services import issue


def target(tree) -> int:
    report = issue(
        user=tree.users.province_admin,
        root=tree.b,
        quarter=Quarter(4, 2025),
        on=dt.date(2025, 12, 4),
        tasks="Nhiệm vụ của xã Bí Mật Bê",
    )
    return report.pk


def snapshot(tree):
    return list(IssuedReport.objects.filter(organization=tree.b).values())
