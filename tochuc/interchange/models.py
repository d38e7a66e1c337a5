"""Import jobs: an uploaded workbook, checked (dry run) then applied in the background, with
what the check found per row and per problem, so the preview survives the worker."""

from django.conf import settings
from django.db import models

from tochuc.interchange.outcome import STATUS_LABELS, Problem


class ImportJob(models.Model):
    """One uploaded workbook and where its import stands: queued → checking → checked →
    (confirmed) applying → applied, or failed when the engine crashed."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Đang chờ"
        CHECKING = "checking", "Đang kiểm tra"
        CHECKED = "checked", "Đã kiểm tra"
        APPLYING = "applying", "Đang ghi"
        APPLIED = "applied", "Đã nhập"
        FAILED = "failed", "Thất bại"

    RUNNING = (Status.QUEUED, Status.CHECKING, Status.APPLYING)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="import_jobs",
        verbose_name="người nhập",
    )
    file = models.FileField("tệp", upload_to="imports/%Y/%m/", max_length=255)
    original_name = models.CharField("tên tệp", max_length=255)
    created_at = models.DateTimeField("thời điểm tải lên", auto_now_add=True)
    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    counts = models.JSONField(
        "số dòng theo sheet",
        default=list,
        blank=True,
        help_text="[{sheet, create, update, unchanged, error}] theo thứ tự sheet trong tệp.",
    )
    problem_count = models.PositiveIntegerField("số lỗi", default=0)
    error = models.TextField("thông báo lỗi", blank=True)
    checked_at = models.DateTimeField("thời điểm kiểm tra xong", null=True, blank=True)
    applied_at = models.DateTimeField("thời điểm ghi xong", null=True, blank=True)

    class Meta:
        verbose_name = "lượt nhập tệp Excel"
        verbose_name_plural = "lượt nhập tệp Excel"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"], name="import_job_user")]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"

    @property
    def running(self) -> bool:
        return self.status in self.RUNNING

    @property
    def confirmable(self) -> bool:
        """Checked without a single problem: the import may be written."""
        return self.status == self.Status.CHECKED and self.problem_count == 0 and not self.error

    @property
    def totals(self) -> dict[str, int]:
        """Rows per status over every sheet: {create, update, unchanged, error}."""
        return {
            status: sum(count.get(status, 0) for count in self.counts or [])
            for status in STATUS_LABELS
        }


class ImportRow(models.Model):
    """One data row of the workbook as the last run of the engine saw it."""

    job = models.ForeignKey(ImportJob, models.CASCADE, related_name="rows")
    position = models.PositiveIntegerField("thứ tự trong tệp")
    sheet = models.CharField("sheet", max_length=100)
    row = models.PositiveIntegerField("dòng")
    status = models.CharField("kết quả", max_length=10, choices=list(STATUS_LABELS.items()))
    key = models.CharField("khóa", max_length=255, blank=True)
    changes = models.TextField("cột thay đổi", blank=True)
    notes = models.TextField("ghi chú", blank=True)
    message = models.TextField("lỗi", blank=True)

    class Meta:
        verbose_name = "dòng nhập"
        verbose_name_plural = "dòng nhập"
        indexes = [
            models.Index(fields=["job", "status", "position"], name="import_row_status"),
            models.Index(fields=["job", "position"], name="import_row_position"),
        ]

    def __str__(self) -> str:
        return f"{self.sheet}, dòng {self.row}: {self.get_status_display()}"


class ImportProblem(models.Model):
    """One problem found by the last run of the engine: sheet, row, column and reason (row 0
    and an empty sheet for a problem of the file itself)."""

    job = models.ForeignKey(ImportJob, models.CASCADE, related_name="problems")
    position = models.PositiveIntegerField("thứ tự")
    sheet = models.CharField("sheet", max_length=100, blank=True)
    row = models.PositiveIntegerField("dòng")
    column = models.CharField("cột", max_length=255, blank=True)
    reason = models.TextField("lý do")

    class Meta:
        verbose_name = "lỗi khi nhập"
        verbose_name_plural = "lỗi khi nhập"
        indexes = [models.Index(fields=["job", "position"], name="import_problem_position")]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        """As the engine words it: «Sheet «…», dòng 5, cột «…»: lý do»."""
        return str(Problem(self.sheet, self.row, self.column, self.reason))
