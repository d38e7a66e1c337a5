"""Đơn vị hành chính: provinces, districts (before 2025) and communes, with their lineage."""

from django.db import models

from tochuc.core.dating import EffectiveDated
from tochuc.core.text import fold


class Level(models.TextChoices):
    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện"
    COMMUNE = "commune", "Cấp xã"


class Generation(models.TextChoices):
    """Which official list a unit comes from: the 63-province or the 34-province one."""

    LEGACY = "legacy", "Trước 01/07/2025 (63 tỉnh)"
    REFORM_2025 = "2025", "Từ 01/07/2025 (34 tỉnh)"


class AdministrativeUnit(EffectiveDated):
    """An administrative unit as listed by the `vietnamadminunits` package.

    Official codes are reused across generations (92 is Cần Thơ in both lists; 31120 is a
    different ward in each), so a unit is keyed by (generation, level, code).
    """

    generation = models.CharField("danh mục", max_length=8, choices=Generation.choices)
    level = models.CharField("cấp", max_length=10, choices=Level.choices)
    code = models.CharField("mã", max_length=16)
    key = models.CharField("khóa chuẩn hóa", max_length=120, db_index=True)
    unit_type = models.CharField("loại", max_length=20)
    name = models.CharField("tên", max_length=120)
    name_folded = models.CharField(max_length=120, editable=False, default="")
    short_name = models.CharField("tên ngắn", max_length=100)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="trực thuộc",
    )
    latitude = models.FloatField("vĩ độ", null=True, blank=True)
    longitude = models.FloatField("kinh độ", null=True, blank=True)
    area_km2 = models.FloatField("diện tích (km²)", null=True, blank=True)

    class Meta:
        verbose_name = "đơn vị hành chính"
        verbose_name_plural = "đơn vị hành chính"
        ordering = ["generation", "level", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["generation", "level", "code"], name="admin_unit_unique_code"
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__gte=models.F("valid_from")),
                name="admin_unit_valid_range",
            ),
        ]
        indexes = [
            models.Index(
                fields=["parent", "valid_from", "valid_to"], name="admin_unit_parent_asof"
            ),
            models.Index(fields=["level", "valid_from", "valid_to"], name="admin_unit_level_asof"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        if kwargs.get("update_fields") and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_folded"}
        super().save(*args, **kwargs)


class UnitLineage(models.Model):
    """A predecessor unit passing (wholly or in part) into a successor on a date.

    `is_default` marks the successor a record of the predecessor is carried to when the
    predecessor was split and nothing finer is known (the package's `isDefaultNewWard`).
    """

    predecessor = models.ForeignKey(
        AdministrativeUnit, models.CASCADE, related_name="successor_links", verbose_name="đơn vị cũ"
    )
    successor = models.ForeignKey(
        AdministrativeUnit,
        models.CASCADE,
        related_name="predecessor_links",
        verbose_name="đơn vị mới",
    )
    effective_on = models.DateField("ngày hiệu lực")
    is_whole = models.BooleanField("nhập toàn bộ", default=True)
    is_default = models.BooleanField("đơn vị kế thừa mặc định", default=True)

    class Meta:
        verbose_name = "kế thừa đơn vị hành chính"
        verbose_name_plural = "kế thừa đơn vị hành chính"
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="unit_lineage_unique")
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"
