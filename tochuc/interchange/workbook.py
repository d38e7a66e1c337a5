"""The interchange workbook: its sheets, columns, types, allowed values and keys.

One declaration serves the importer (which columns to read and how), the exporter (what to
write), the downloadable template (instructions sheet, drop-down lists) and
`docs/interchange.md`. Headers are written as officials write them; the importer matches
them accent-, case- and space-insensitively, in any order.

Every sheet has a key: the columns that name a record independently of any database id, so
that importing the same file twice changes nothing and importing an edited file applies only
the edits. Rows are never deleted by an import.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tochuc.admissions.models import TargetKind
from tochuc.cadres.models import AssignmentKind, Body, MoveKind, MovePurpose, SourcingPlan
from tochuc.members.models import EventKind, Status
from tochuc.organizations.kinds import Kind
from tochuc.organizations.models import LineageKind
from tochuc.people.catalogs import (
    ETHNICITIES,
    Expertise,
    GeneralEducation,
    PoliticalTheory,
    ProfessionalLevel,
    Religion,
    Sector,
    Sex,
    StateManagement,
)
from tochuc.staffing.models import Category
from tochuc.training.models import CourseKind, Mode, Result

CODE, TEXT, DATE, INT, BOOL, CHOICE, PLACE, REFERENCE = (
    "code", "text", "date", "int", "bool", "choice", "place", "reference",
)  # fmt: skip
TYPE_LABELS = {
    CODE: "mã (chữ, số, dấu chấm, gạch)",
    TEXT: "chữ",
    DATE: "ngày dd/mm/yyyy hoặc ô kiểu ngày của Excel",
    INT: "số nguyên",
    BOOL: "«x» nếu đúng, để trống nếu không",
    CHOICE: "một giá trị trong danh mục",
    PLACE: "tên xã/phường, tỉnh/thành phố (hoặc mã đơn vị hành chính)",
    REFERENCE: "chỉ để đối chiếu, không được nhập",
}


@dataclass(frozen=True)
class Column:
    """One column: `name` is the internal field name, `header` what the sheet shows."""

    name: str
    header: str
    type: str = TEXT
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""
    width: int = 16
    maximum: int = 2_147_483_647
    """The largest whole number an INT column takes (the database column's limit)."""

    @property
    def labels(self) -> list[str]:
        return [label for _, label in self.choices]


@dataclass(frozen=True)
class Sheet:
    """One sheet: its records, the columns that key them, and how to fill it."""

    name: str
    title: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    help: str
    notes: tuple[str, ...] = field(default=())

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def key_headers(self) -> list[str]:
        return [self.column(name).header for name in self.key]


SINCE_EVER = "Để trống nếu không rõ ngày bắt đầu (tính từ trước khi có dữ liệu)"


def _decision(required: bool) -> tuple[Column, ...]:
    """The citation of a decision: three columns given together or left empty together."""
    return (
        Column("decision_number", "Số quyết định", CODE, required, help="Ví dụ 125-QĐ/TU"),
        Column("decision_date", "Ngày quyết định", DATE, required),
        Column("decision_issuer", "Cơ quan ban hành", TEXT, required, width=28),
    )


def _choices(choices) -> tuple[tuple[str, str], ...]:
    return tuple((str(code), str(label)) for code, label in choices)


POST_KEY = (
    Column("organization", "Mã tổ chức", CODE, True, help="Tổ chức, cơ quan có chức danh"),
    Column("body", "Cơ quan", CHOICE, True, _choices(Body.choices)),
    Column("title", "Chức danh", TEXT, True, width=30),
)

ORGANIZATIONS = Sheet(
    name="Tổ chức",
    title="Tổ chức đảng, cơ quan, đơn vị",
    help=(
        "Mỗi dòng là một giai đoạn của một tổ chức (tên, loại, trực thuộc không đổi). Tổ chức "
        "đổi tên hoặc chuyển trực thuộc có nhiều dòng, mỗi dòng một giai đoạn. Tổ chức cấp "
        "trên phải có trong tệp hoặc đã có trong hệ thống."
    ),
    key=("code", "valid_from"),
    columns=(
        Column("code", "Mã tổ chức", CODE, True, help="Mã ổn định, không đổi theo thời gian"),
        Column("name", "Tên tổ chức", TEXT, True, width=40),
        Column("kind", "Loại tổ chức", CHOICE, True, _choices(Kind.choices), width=30),
        Column("parent", "Mã tổ chức cấp trên", CODE),
        Column("place", "Địa bàn (xã/phường, tỉnh/thành phố)", PLACE, width=36),
        Column("valid_from", "Hiệu lực từ ngày", DATE, help=SINCE_EVER),
        Column("valid_to", "Hiệu lực đến ngày", DATE, help="Để trống nếu còn hiệu lực"),
        *_decision(False),
    ),
)

LINEAGE = Sheet(
    name="Sáp nhập, chia tách",
    title="Sáp nhập, hợp nhất, chia tách, giải thể tổ chức",
    help=(
        "Mỗi dòng là một mối kế thừa từ tổ chức trước sang tổ chức sau theo một quyết định. "
        "Hợp nhất nhiều tổ chức có nhiều dòng cùng ngày, cùng quyết định."
    ),
    key=("kind", "effective_on", "predecessor", "successor"),
    columns=(
        Column("kind", "Loại sự kiện", CHOICE, True, _choices(LineageKind.choices), width=24),
        Column("effective_on", "Ngày hiệu lực", DATE, True),
        Column("predecessor", "Mã tổ chức trước", CODE),
        Column("successor", "Mã tổ chức sau", CODE),
        Column(
            "is_default",
            "Kế thừa đảng viên",
            BOOL,
            help="«x» nếu đảng viên của tổ chức trước được chuyển về tổ chức sau",
        ),
        *_decision(True),
    ),
)

PERSONS = Sheet(
    name="Cá nhân",
    title="Hồ sơ cá nhân (đảng viên, cán bộ, quần chúng)",
    help=(
        "Mỗi dòng là một người. «Mã hồ sơ» là khóa ổn định do hệ thống cấp; hồ sơ mới chưa có "
        "mã thì ghi một mã tự đặt, duy nhất trong tệp (ví dụ mã trong cơ sở dữ liệu đảng viên "
        "cũ). Số CCCD và số điện thoại để trống thì giữ nguyên giá trị đã có."
    ),
    key=("code",),
    columns=(
        Column("code", "Mã hồ sơ", CODE, True),
        Column("full_name", "Họ và tên", TEXT, True, width=28),
        Column("sex", "Giới tính", CHOICE, True, _choices(Sex.choices), width=10),
        Column("date_of_birth", "Ngày sinh", DATE, True),
        Column("ethnicity", "Dân tộc", CHOICE, False, _choices(ETHNICITIES), width=12),
        Column("religion", "Tôn giáo", CHOICE, False, _choices(Religion.choices), width=14),
        Column("hometown", "Quê quán", PLACE, width=36),
        Column("residence", "Nơi thường trú", PLACE, width=36),
        Column("residence_detail", "Số nhà, đường, ấp", TEXT, width=28),
        Column("citizen_id", "Số CCCD", CODE, help="12 chữ số"),
        Column("phone", "Số điện thoại", CODE),
        Column(
            "general_education",
            "Giáo dục phổ thông",
            CHOICE,
            False,
            _choices(GeneralEducation.choices),
        ),
        Column(
            "professional_level",
            "Chuyên môn, nghiệp vụ",
            CHOICE,
            False,
            _choices(ProfessionalLevel.choices),
        ),
        Column(
            "political_theory",
            "Lý luận chính trị",
            CHOICE,
            False,
            _choices(PoliticalTheory.choices),
        ),
        Column(
            "state_management", "Quản lý nhà nước", CHOICE, False, _choices(StateManagement.choices)
        ),
        Column("specialty", "Chuyên ngành đào tạo", CHOICE, False, _choices(Expertise.choices)),
        Column("occupation", "Nghề nghiệp", TEXT, width=24),
        Column("sector", "Lĩnh vực công tác", CHOICE, False, _choices(Sector.choices)),
    ),
)

PERSON_REF = (
    Column("person", "Mã hồ sơ", CODE, True),
    Column("person_name", "Họ và tên", REFERENCE, width=28),
)

EVENTS = Sheet(
    name="Sự kiện đảng viên",
    title="Kết nạp, chuyển sinh hoạt, ra khỏi Đảng, thẻ đảng",
    help=(
        "Mỗi dòng là một sự kiện của một người theo thứ tự thời gian; trạng thái đảng viên "
        "(dự bị, chính thức, nơi sinh hoạt) được tính từ các sự kiện. Sửa một sự kiện đã có "
        "(cùng người, loại, ngày) thì sự kiện cũ được đính chính và thay bằng dòng mới."
    ),
    key=("person", "kind", "effective_on"),
    columns=(
        *PERSON_REF,
        Column("kind", "Loại sự kiện", CHOICE, True, _choices(EventKind.choices), width=30),
        Column("effective_on", "Ngày hiệu lực", DATE, True),
        Column(
            "organization",
            "Mã tổ chức đảng",
            CODE,
            help="Nơi kết nạp, nơi chuyển đến, nơi sinh hoạt tạm thời",
        ),
        Column(
            "status",
            "Tư cách khi chuyển đến",
            CHOICE,
            False,
            _choices(Status.choices),
            help="Chỉ với «Chuyển sinh hoạt đến»",
        ),
        Column("admitted_on", "Ngày vào Đảng (khi chuyển đến)", DATE),
        Column("card_number", "Số thẻ đảng viên", CODE),
        Column("card_series", "Đợt thẻ", CODE, width=10),
        Column(
            "provincial_approval",
            "Có ý kiến cấp ủy tỉnh",
            BOOL,
            help="Kết nạp người trên 60 tuổi",
        ),
        *_decision(False),
        Column("note", "Ghi chú", TEXT, width=30),
    ),
)

POSTS = Sheet(
    name="Chức danh",
    title="Chức danh và định mức",
    help=(
        "Mỗi dòng là định mức (số lượng) của một chức danh trong một giai đoạn. Chức danh "
        "được nhận biết bởi mã tổ chức, cơ quan và tên chức danh."
    ),
    key=("organization", "body", "title", "valid_from"),
    columns=(
        *POST_KEY,
        Column("field", "Lĩnh vực chuyên môn", CHOICE, False, _choices(Expertise.choices)),
        Column("per_central_guidance", "Tính theo hướng dẫn Trung ương", BOOL),
        Column("seats", "Số lượng", INT, True, width=10, maximum=32_767),
        Column("valid_from", "Hiệu lực từ ngày", DATE, help=SINCE_EVER),
        Column("valid_to", "Hiệu lực đến ngày", DATE),
        *_decision(False),
    ),
)

ASSIGNMENTS = Sheet(
    name="Bố trí chức danh",
    title="Bố trí người giữ chức danh",
    help="Mỗi dòng là một người giữ một chức danh từ ngày đến ngày, theo một quyết định.",
    key=("person", "organization", "body", "title", "valid_from"),
    columns=(
        *PERSON_REF,
        *POST_KEY,
        Column("kind", "Hình thức", CHOICE, True, _choices(AssignmentKind.choices)),
        Column("valid_from", "Từ ngày", DATE, True),
        Column("valid_to", "Đến ngày", DATE, help="Để trống nếu đang giữ"),
        *_decision(True),
    ),
)

MOVES = Sheet(
    name="Điều động, luân chuyển",
    title="Tăng cường, biệt phái, điều động, luân chuyển",
    help="Mỗi dòng là một quyết định đưa một người từ đơn vị này sang đơn vị khác.",
    key=("person", "kind", "starts_on"),
    columns=(
        *PERSON_REF,
        Column("kind", "Hình thức", CHOICE, True, _choices(MoveKind.choices)),
        Column("origin", "Từ đơn vị (mã)", CODE, True),
        Column("destination", "Đến đơn vị (mã)", CODE, True),
        Column("starts_on", "Ngày bắt đầu", DATE, True),
        Column("planned_end", "Dự kiến kết thúc", DATE),
        Column("ended_on", "Ngày kết thúc", DATE),
        Column("purpose", "Mục đích", CHOICE, False, _choices(MovePurpose.choices), width=30),
        Column("special_case", "Trường hợp đặc biệt", TEXT, width=30),
        Column("decided_by", "Cấp quyết định (mã tổ chức)", CODE, True),
        *_decision(True),
    ),
)

PLANS = Sheet(
    name="Phương án bố trí",
    title="Phương án bố trí chức danh còn thiếu",
    help="Mỗi dòng là phương án cho một chức danh, có hiệu lực từ ngày lập đến phương án sau.",
    key=("organization", "body", "title", "planned_on"),
    columns=(
        *POST_KEY,
        Column("planned_on", "Ngày lập phương án", DATE, True),
        Column("source", "Phương án", CHOICE, True, _choices(SourcingPlan.Source.choices)),
        Column("note", "Ghi chú", TEXT, width=30),
    ),
)

TARGETS = Sheet(
    name="Chỉ tiêu kết nạp",
    title="Chỉ tiêu kết nạp đảng viên",
    help="Mỗi dòng là chỉ tiêu của một tổ chức đảng cho một năm hoặc một nhiệm kỳ.",
    key=("organization", "kind", "year", "term"),
    columns=(
        Column("organization", "Mã tổ chức", CODE, True),
        Column("kind", "Loại chỉ tiêu", CHOICE, True, _choices(TargetKind.choices), width=12),
        Column("year", "Năm", INT, width=8, help="Với chỉ tiêu năm", maximum=32_767),
        Column("term", "Nhiệm kỳ", CODE, width=12, help="Với chỉ tiêu nhiệm kỳ, ví dụ 2025-2030"),
        Column("starts_on", "Từ ngày", DATE, True),
        Column("ends_on", "Đến ngày", DATE, True),
        Column("count", "Chỉ tiêu (người)", INT, True, width=10),
        *_decision(False),
    ),
)

CARDS = Sheet(
    name="Đổi thẻ đảng viên",
    title="Hồ sơ đổi thẻ đảng viên theo đợt thẻ mới",
    help=(
        "Mỗi dòng là hồ sơ đổi thẻ của một đảng viên trong một đợt thẻ mới, với ngày của từng "
        "bước (bước sau không ghi khi bước trước chưa xong, không trước ngày bước trước). Ngày "
        "nhận thẻ mới phải có sự kiện «Đổi thẻ đảng viên» cùng người, cùng ngày ở sheet «Sự "
        "kiện đảng viên» hoặc trong hệ thống."
    ),
    key=("person", "series"),
    columns=(
        *PERSON_REF,
        Column("series", "Đợt thẻ mới", CODE, True, width=10, help="Ví dụ 2025"),
        Column(
            "organization",
            "Mã tổ chức đảng phụ trách",
            CODE,
            True,
            help="Tổ chức đảng của đảng viên ngày kê khai",
        ),
        Column("old_card_number", "Số thẻ cũ", CODE),
        Column("declared_on", "Ngày kê khai", DATE, True),
        Column("photographed_on", "Ngày chụp ảnh", DATE),
        Column("verified_on", "Ngày đối chiếu CCCD", DATE),
        Column("signed_on", "Ngày ký thẻ", DATE),
        Column("sent_on", "Ngày gửi lên cấp ủy tỉnh", DATE),
        Column("received_on", "Ngày nhận thẻ mới", DATE),
        Column("new_card_number", "Số thẻ mới", CODE, help="Bắt buộc khi có ngày nhận thẻ mới"),
    ),
)

HEADCOUNTS = Sheet(
    name="Biên chế",
    title="Biên chế được giao và số có mặt",
    help=(
        "Mỗi dòng là biên chế của một cơ quan, đơn vị trong một năm, theo loại biên chế: chỉ "
        "biên chế của chính đơn vị, không gồm các đơn vị trực thuộc có dòng riêng."
    ),
    key=("organization", "year", "category"),
    columns=(
        Column("organization", "Mã cơ quan, đơn vị", CODE, True),
        Column("year", "Năm", INT, True, width=8),
        Column("category", "Loại biên chế", CHOICE, True, _choices(Category.choices), width=30),
        Column("approved", "Biên chế được giao", INT, True, width=10),
        Column("actual", "Số có mặt", INT, width=10, help="Để trống nếu chưa có số"),
        *_decision(True),
        Column("note", "Ghi chú", TEXT, width=30),
    ),
)

CLASS_KEY = (
    Column("organizer", "Mã đơn vị tổ chức lớp", CODE, True),
    Column("class_name", "Tên lớp", TEXT, True, width=36),
    Column("opens_on", "Ngày khai giảng", DATE, True),
)

CLASSES = Sheet(
    name="Lớp đào tạo, bồi dưỡng",
    title="Lớp đào tạo, bồi dưỡng và chương trình của lớp",
    help=(
        "Mỗi dòng là một lớp, nhận biết bởi đơn vị tổ chức lớp, tên lớp và ngày khai giảng "
        "(lớp không có mã riêng). Chương trình được nhận biết bởi đơn vị quản lý, loại và tên "
        "chương trình; chương trình chưa có thì được tạo. Đơn vị tổ chức lớp ngoài cây tổ "
        "chức của tệp phải đã có trong hệ thống."
    ),
    key=("organizer", "class_name", "opens_on"),
    columns=(
        *CLASS_KEY,
        Column("closes_on", "Ngày bế giảng", DATE, True),
        Column("mode", "Hình thức", CHOICE, True, _choices(Mode.choices)),
        Column("course", "Tên chương trình", TEXT, True, width=36),
        Column("course_kind", "Loại chương trình", CHOICE, True, _choices(CourseKind.choices)),
        Column("course_organization", "Mã đơn vị quản lý chương trình", CODE, True),
        *_decision(False),
        Column("note", "Ghi chú", TEXT, width=30),
    ),
)

ENROLLMENTS = Sheet(
    name="Học viên",
    title="Cử đi đào tạo, bồi dưỡng (mỗi dòng một lượt)",
    help=(
        "Mỗi dòng là một người được một đơn vị cử đi học một lớp; lớp ghi như ở sheet «Lớp "
        "đào tạo, bồi dưỡng» (đơn vị tổ chức lớp, tên lớp, ngày khai giảng)."
    ),
    key=("person", "organizer", "class_name", "opens_on"),
    columns=(
        *PERSON_REF,
        *CLASS_KEY,
        Column("sent_by", "Mã đơn vị cử đi học", CODE, True),
        Column("enrolled_on", "Ngày cử đi học", DATE, True),
        Column(
            "special_approval",
            "Trường hợp đặc biệt",
            BOOL,
            help="«x» nếu cấp có thẩm quyền quyết định cử dù chưa đủ tiêu chuẩn",
        ),
        Column(
            "result", "Kết quả", CHOICE, False, _choices(Result.choices), help="Mặc định «Đang học»"
        ),
        Column("completed_on", "Ngày kết thúc học", DATE),
        Column("grade", "Xếp loại", TEXT, width=12),
        *_decision(False),
        Column("note", "Ghi chú", TEXT, width=30),
    ),
)

SHEETS: tuple[Sheet, ...] = (
    ORGANIZATIONS,
    LINEAGE,
    PERSONS,
    EVENTS,
    POSTS,
    ASSIGNMENTS,
    MOVES,
    PLANS,
    TARGETS,
    CARDS,
    HEADCOUNTS,
    CLASSES,
    ENROLLMENTS,
)
"""In the order the importer applies them: what a sheet refers to comes before it."""

INSTRUCTIONS = "Hướng dẫn"
LISTS = "Danh mục"
"""The template's instructions sheet, and the hidden sheet holding the drop-down lists."""

BY_NAME = {sheet.name: sheet for sheet in SHEETS}
