"""`tochuc planning_terms`: create the planning terms of DOMAIN.md when missing (idempotent)."""

from django.core.management.base import BaseCommand

from tochuc.planning.services import terms_seed


class Command(BaseCommand):
    help = (
        "Tạo các nhiệm kỳ quy hoạch chuẩn (cấp ủy 2020–2025, 2025–2030; chính quyền "
        "2021–2026, 2026–2031) nếu còn thiếu."
    )

    def handle(self, *args, **options):
        for term in terms_seed():
            self.stdout.write(f"{term}: {term.starts_on:%d/%m/%Y}–{term.ends_on:%d/%m/%Y}")
