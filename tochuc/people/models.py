"""Hồ sơ cá nhân: a person, member or not (cadres and admission candidates are persons too)."""

import base64
import secrets

from django.db import models
from simple_history.models import HistoricalRecords

from tochuc.core.models import OptimisticLock
from tochuc.core.text import search_key
from tochuc.people.catalogs import (
    ETHNICITIES,
    KINH,
    Expertise,
    GeneralEducation,
    PoliticalTheory,
    ProfessionalLevel,
    Religion,
    Sector,
    Sex,
    StateManagement,
)
from tochuc.people.querysets import PersonQuerySet

SENSITIVE_FIELDS = ("citizen_id", "phone")
"""Shown only to roles allowed to see them; every read of them is logged."""


def new_code() -> str:
    """A fresh «mã hồ sơ»: «HS» and 12 random base-32 characters (60 bits, so that codes made
    on different machines don't collide), distinct in shape from the demo's «HS» + 10 digits."""
    return "HS" + base64.b32encode(secrets.token_bytes(8)).decode()[:12]


class Person(OptimisticLock):
    code = models.CharField(
        "mã hồ sơ",
        max_length=32,
        unique=True,
        default=new_code,
        help_text="Khóa ổn định của hồ sơ, dùng khi trao đổi dữ liệu (nhập, xuất Excel).",
    )
    full_name = models.CharField("họ và tên", max_length=120)
    name_folded = models.CharField(max_length=130, editable=False, default="", db_index=True)
    sex = models.CharField("giới tính", max_length=8, choices=Sex.choices)
    date_of_birth = models.DateField("ngày sinh")
    ethnicity = models.CharField("dân tộc", max_length=2, choices=ETHNICITIES, default=KINH)
    religion = models.CharField(
        "tôn giáo", max_length=16, choices=Religion.choices, default=Religion.NONE
    )
    hometown = models.ForeignKey(
        "administrative_units.AdministrativeUnit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="quê quán",
    )
    residence = models.ForeignKey(
        "administrative_units.AdministrativeUnit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="nơi thường trú",
    )
    residence_detail = models.CharField("số nhà, đường, ấp", max_length=255, blank=True)
    citizen_id = models.CharField("số CCCD", max_length=12, blank=True, db_index=True)
    phone = models.CharField("số điện thoại", max_length=15, blank=True)
    general_education = models.CharField(
        "giáo dục phổ thông", max_length=16, choices=GeneralEducation.choices, blank=True
    )
    professional_level = models.CharField(
        "chuyên môn, nghiệp vụ",
        max_length=16,
        choices=ProfessionalLevel.choices,
        default=ProfessionalLevel.NONE,
    )
    political_theory = models.CharField(
        "lý luận chính trị",
        max_length=16,
        choices=PoliticalTheory.choices,
        default=PoliticalTheory.NONE,
    )
    state_management = models.CharField(
        "quản lý nhà nước",
        max_length=16,
        choices=StateManagement.choices,
        default=StateManagement.NONE,
    )
    specialty = models.CharField(
        "chuyên ngành đào tạo", max_length=24, choices=Expertise.choices, blank=True
    )
    occupation = models.CharField("nghề nghiệp", max_length=120, blank=True)
    sector = models.CharField(
        "lĩnh vực công tác", max_length=24, choices=Sector.choices, default=Sector.OTHER
    )
    history = HistoricalRecords()

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = "cá nhân"
        verbose_name_plural = "cá nhân"
        ordering = ["name_folded", "id"]
        indexes = [models.Index(fields=["date_of_birth"], name="person_birth")]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.name_folded = search_key(self.full_name)
        if kwargs.get("update_fields") and "full_name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_folded"}
        super().save(*args, **kwargs)
