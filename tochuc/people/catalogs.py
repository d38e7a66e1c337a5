"""Catalogs of the party member form (phiếu đảng viên 2-HSĐV) fields used in reports."""

from django.db import models

ETHNICITIES = [
    ("01", "Kinh"), ("02", "Tày"), ("03", "Thái"), ("04", "Hoa"), ("05", "Khmer"),
    ("06", "Mường"), ("07", "Nùng"), ("08", "Mông"), ("09", "Dao"), ("10", "Gia Rai"),
    ("11", "Ngái"), ("12", "Ê Đê"), ("13", "Ba Na"), ("14", "Xơ Đăng"), ("15", "Sán Chay"),
    ("16", "Cơ Ho"), ("17", "Chăm"), ("18", "Sán Dìu"), ("19", "Hrê"), ("20", "Mnông"),
    ("21", "Raglay"), ("22", "Xtiêng"), ("23", "Bru - Vân Kiều"), ("24", "Thổ"),
    ("25", "Giáy"), ("26", "Cơ Tu"), ("27", "Giẻ Triêng"), ("28", "Mạ"), ("29", "Khơ Mú"),
    ("30", "Co"), ("31", "Tà Ôi"), ("32", "Chơ Ro"), ("33", "Kháng"), ("34", "Xinh Mun"),
    ("35", "Hà Nhì"), ("36", "Chu Ru"), ("37", "Lào"), ("38", "La Chí"), ("39", "La Ha"),
    ("40", "Phù Lá"), ("41", "La Hủ"), ("42", "Lự"), ("43", "Lô Lô"), ("44", "Chứt"),
    ("45", "Mảng"), ("46", "Pà Thẻn"), ("47", "Cờ Lao"), ("48", "Cống"), ("49", "Bố Y"),
    ("50", "Si La"), ("51", "Pu Péo"), ("52", "Brâu"), ("53", "Ơ Đu"), ("54", "Rơ Măm"),
]  # fmt: skip
"""The 54 ethnic groups in the order and codes of the official list (Tổng cục Thống kê)."""

KINH = "01"


class Sex(models.TextChoices):
    MALE = "male", "Nam"
    FEMALE = "female", "Nữ"


class Religion(models.TextChoices):
    NONE = "none", "Không"
    BUDDHISM = "buddhism", "Phật giáo"
    CATHOLICISM = "catholicism", "Công giáo"
    PROTESTANTISM = "protestantism", "Tin lành"
    CAO_DAI = "cao_dai", "Cao Đài"
    HOA_HAO = "hoa_hao", "Phật giáo Hòa Hảo"
    ISLAM = "islam", "Hồi giáo"
    OTHER = "other", "Khác"


class GeneralEducation(models.TextChoices):
    PRIMARY = "primary", "Tiểu học"
    LOWER_SECONDARY = "lower_secondary", "Trung học cơ sở"
    UPPER_SECONDARY = "upper_secondary", "Trung học phổ thông"


class ProfessionalLevel(models.TextChoices):
    NONE = "none", "Chưa qua đào tạo"
    VOCATIONAL = "vocational", "Sơ cấp, nghề"
    INTERMEDIATE = "intermediate", "Trung cấp"
    COLLEGE = "college", "Cao đẳng"
    BACHELOR = "bachelor", "Đại học"
    MASTER = "master", "Thạc sĩ"
    DOCTORATE = "doctorate", "Tiến sĩ"


class PoliticalTheory(models.TextChoices):
    NONE = "none", "Chưa qua đào tạo"
    ELEMENTARY = "elementary", "Sơ cấp"
    INTERMEDIATE = "intermediate", "Trung cấp"
    ADVANCED = "advanced", "Cao cấp"
    BACHELOR = "bachelor", "Cử nhân"


class StateManagement(models.TextChoices):
    NONE = "none", "Chưa qua bồi dưỡng"
    SPECIALIST = "specialist", "Chuyên viên"
    PRINCIPAL = "principal", "Chuyên viên chính"
    SENIOR = "senior", "Chuyên viên cao cấp"


class Sector(models.TextChoices):
    PARTY_STATE = "party_state", "Cơ quan Đảng, Nhà nước, đoàn thể"
    PUBLIC_SERVICE = "public_service", "Đơn vị sự nghiệp công lập"
    ARMED_FORCES = "armed_forces", "Lực lượng vũ trang"
    STATE_ENTERPRISE = "state_enterprise", "Doanh nghiệp nhà nước"
    NON_STATE_ENTERPRISE = "non_state_enterprise", "Doanh nghiệp ngoài nhà nước"
    AGRICULTURE = "agriculture", "Nông, lâm, ngư nghiệp"
    STUDENT = "student", "Học sinh, sinh viên"
    RETIRED = "retired", "Nghỉ hưu"
    SELF_EMPLOYED = "self_employed", "Lao động tự do"
    OTHER = "other", "Khác"


class Expertise(models.TextChoices):
    """Lĩnh vực chuyên môn: of a person's training and of a post (matched for vacancies).

    Commune civil-service fields follow Nghị định 33/2023/NĐ-CP, Điều 5; the rest are the
    fields party and government posts are usually staffed from.
    """

    PARTY_BUILDING = "party_building", "Xây dựng Đảng"
    GOVERNANCE = "governance", "Quản lý nhà nước, hành chính"
    OFFICE_STATISTICS = "office_statistics", "Văn phòng — thống kê"
    LAND_CONSTRUCTION = "land_construction", "Địa chính — xây dựng — đô thị và môi trường"
    FINANCE_ACCOUNTING = "finance_accounting", "Tài chính — kế toán"
    JUSTICE_CIVIL_STATUS = "justice_civil_status", "Tư pháp — hộ tịch"
    CULTURE_SOCIETY = "culture_society", "Văn hóa — xã hội"
    INFORMATION_TECHNOLOGY = "information_technology", "Công nghệ thông tin"
    ECONOMICS = "economics", "Kinh tế"
    AGRICULTURE = "agriculture", "Nông nghiệp"
    LAW = "law", "Luật"
    EDUCATION = "education", "Giáo dục"
    HEALTH = "health", "Y tế"
    MILITARY = "military", "Quân sự"
    POLICE = "police", "Công an"
    OTHER = "other", "Khác"
