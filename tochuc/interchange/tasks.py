"""Background tasks of the import (django-tasks; run by `tochuc db_worker`)."""

from django_tasks import task

from tochuc.interchange import jobs


@task()
def check_task(job_id: int) -> None:
    """Check an uploaded workbook (a dry run) and store what the engine found."""
    jobs.check(job_id)


@task()
def apply_task(job_id: int) -> None:
    """Write a confirmed workbook in one transaction."""
    jobs.apply(job_id)
