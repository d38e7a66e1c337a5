"""Scope-walk hook (tests/test_scope_routes.py): an import job of commune B's editor, checked
without problems (so a confirmation would be accepted if scope leaked), whose file name, row
key and note name commune B. Other interchange routes take organization ids."""

from django.utils import timezone

from tochuc.interchange.models import ImportJob, ImportRow


def target(tree) -> dict[str, int]:
    job = ImportJob.objects.create(
        user=tree.users.b_editor,
        file="imports/BSECRET.xlsx",
        original_name="BSECRET Bí Mật Bê.xlsx",
        status=ImportJob.Status.CHECKED,
        counts=[{"sheet": "Tổ chức", "create": 1, "update": 0, "unchanged": 0, "error": 0}],
        checked_at=timezone.now(),
    )
    ImportRow.objects.create(
        job=job, position=0, sheet="Tổ chức", row=2, status="create", key="BSECRET9",
        notes="Chi bộ Bí Mật Bê",
    )  # fmt: skip
    return {
        "": tree.b.pk,
        "interchange:job": job.pk,
        "interchange:progress": job.pk,
        "interchange:confirm": job.pk,
        "importjob-": job.pk,
    }


def snapshot(tree):
    jobs = ImportJob.objects.filter(user=tree.users.b_editor)
    return (list(jobs.values()), list(ImportRow.objects.filter(job__in=jobs).values()))
