"""The reference of the interchange workbook, generated from `workbook.SHEETS`.

`markdown()` is `docs/interchange.md` (a test keeps the committed file equal to it); the
general rules and the examples also fill the template's instructions sheet.
"""

from __future__ import annotations

from tochuc.interchange.workbook import (
    BOOL,
    CHOICE,
    DATE,
    INSTRUCTIONS,
    LISTS,
    REFERENCE,
    SHEETS,
    TYPE_LABELS,
    Column,
)

REGENERATE = "tochuc export_workbook --docs docs/interchange.md"

RULES = (
    (
        "Khóa, nhập lại",
        "Mỗi sheet có các cột khóa nhận biết bản ghi (không dùng số thứ tự của cơ sở dữ liệu). "
        "Nhập lại đúng tệp đã nhập thì không có gì thay đổi; nhập tệp đã sửa thì chỉ những chỗ "
        "sửa được áp dụng. Việc nhập không bao giờ xóa bản ghi: dòng bị xóa khỏi tệp thì bản "
        "ghi vẫn còn trong hệ thống.",
    ),
    (
        "Tất cả hoặc không",
        "Trước khi ghi, hệ thống kiểm tra cả tệp và cho xem trước từng dòng: thêm mới, cập "
        "nhật, không đổi hoặc lỗi; mỗi lỗi nêu sheet, dòng, cột và lý do. Tệp chỉ được ghi khi "
        "không còn lỗi và người dùng xác nhận, và được ghi toàn bộ trong một lần; còn lỗi thì "
        "không ghi gì.",
    ),
    (
        "Dòng tiêu đề",
        "Dòng 1 của mỗi sheet là tiêu đề cột như trong mẫu (không phân biệt chữ hoa, chữ "
        "thường, dấu cách thừa); thứ tự cột tùy ý, cột không bắt buộc có thể bỏ. Tên sheet "
        f"giữ như mẫu; các sheet «{INSTRUCTIONS}» và «{LISTS}» không được nhập.",
    ),
    (
        "Ngày",
        "Ô kiểu ngày của Excel hoặc chữ dạng dd/mm/yyyy (ví dụ 05/09/2020). «Hiệu lực đến "
        "ngày», «Đến ngày» để trống nghĩa là còn hiệu lực. Tệp xuất từ hệ thống để trống "
        "«Hiệu lực từ ngày» của giai đoạn có từ trước khi có dữ liệu (không rõ ngày bắt đầu); "
        "ngày trước năm 1900 được ghi dạng chữ.",
    ),
    (
        "Chữ tiếng Việt",
        "Unicode dựng sẵn (NFC) hay tổ hợp (NFD) đều được; dấu cách thừa được bỏ. Chữ gõ "
        "bằng bảng mã cũ TCVN3 (ABC) hoặc VNI được nhận ra và chuyển sang Unicode (bản xem "
        "trước ghi chú dòng được chuyển). Cột mà các ô khác đều gõ bằng cùng một bảng mã cũ "
        "thì cả cột được chuyển, kể cả ô trông như Unicode (ví dụ «Thò» là «Thị» gõ bằng VNI). "
        "Ô có vẻ gõ bằng bảng mã cũ nhưng không chuyển được chắc chắn thì báo lỗi.",
    ),
    (
        "Địa bàn",
        "Ghi «xã/phường, tỉnh/thành phố» theo đơn vị hành chính từ 01/07/2025 (ví dụ «Phường "
        "Ninh Kiều, Thành phố Cần Thơ») hoặc mã đơn vị hành chính. Địa danh trước 01/07/2025 "
        "(xã, huyện, tỉnh cũ) được chuyển sang đơn vị mới theo quá trình sắp xếp đơn vị hành "
        "chính.",
    ),
    (
        "Danh mục",
        "Cột có danh mục nhận một giá trị trong danh sách thả xuống; đầy đủ các danh sách ở "
        f"sheet «{LISTS}». Cột đúng/sai ghi «x» nếu đúng, để trống nếu không.",
    ),
    (
        "Quyết định",
        "Ba cột «Số quyết định», «Ngày quyết định», «Cơ quan ban hành» ghi đủ cả ba hoặc để "
        "trống cả ba; quyết định chưa có trong hệ thống được tạo khi nhập.",
    ),
    (
        "Số CCCD, số điện thoại",
        "Để trống thì giữ nguyên giá trị đã có trong hệ thống. Tệp xuất cho tài khoản không "
        "được xem thông tin nhạy cảm để trống hai cột này.",
    ),
    (
        "Sự kiện đảng viên",
        "Sự kiện không bị ghi đè: dòng có cùng người, loại sự kiện và ngày hiệu lực với một sự "
        "kiện đã có nhưng khác chi tiết thì sự kiện cũ được hủy bằng một đính chính và dòng "
        "mới thay thế; lịch sử giữ cả hai.",
    ),
    (
        "Cột để đối chiếu",
        "Cột «chỉ để đối chiếu» (như «Họ và tên» ở các sheet sự kiện, bố trí, điều động) giúp "
        "người đọc tệp và không được nhập.",
    ),
    (
        "Phạm vi",
        "Chỉ nhập được dữ liệu của các tổ chức trong phạm vi tài khoản được cập nhật; dòng "
        "ngoài phạm vi báo lỗi. Tệp xuất chỉ gồm dữ liệu trong phạm vi của tài khoản; tổ chức "
        "ngoài phạm vi chỉ xuất hiện bằng mã khi bản ghi trong phạm vi nhắc đến.",
    ),
)
"""(title, rule): what holds for every sheet."""

EXAMPLES = {
    "Mã tổ chức": "92.31120",
    "Tên tổ chức": "Đảng bộ phường Ninh Kiều",
    "Mã tổ chức cấp trên": "92",
    "Địa bàn (xã/phường, tỉnh/thành phố)": "Phường Ninh Kiều, Thành phố Cần Thơ",
    "Số quyết định": "125-QĐ/TU",
    "Ngày quyết định": "20/06/2025",
    "Cơ quan ban hành": "Thành ủy Cần Thơ",
    "Mã tổ chức trước": "L92.916.31117",
    "Mã tổ chức sau": "92.31120",
    "Mã hồ sơ": "HS0000012345",
    "Họ và tên": "Nguyễn Thị Lan",
    "Ngày sinh": "12/03/1985",
    "Quê quán": "Xã Phong Điền, Thành phố Cần Thơ",
    "Nơi thường trú": "Phường Ninh Kiều, Thành phố Cần Thơ",
    "Số nhà, đường, ấp": "12 đường Hòa Bình, khu vực 3",
    "Số CCCD": "092185001234",
    "Số điện thoại": "0912345678",
    "Nghề nghiệp": "Công chức",
    "Mã tổ chức đảng": "92.31120.05",
    "Ngày vào Đảng (khi chuyển đến)": "19/05/2010",
    "Số thẻ đảng viên": "92123456",
    "Đợt thẻ": "2025",
    "Chức danh": "Phó Bí thư",
    "Số lượng": "2",
    "Từ đơn vị (mã)": "92.SNV",
    "Đến đơn vị (mã)": "92.31120",
    "Ngày bắt đầu": "01/09/2025",
    "Dự kiến kết thúc": "31/08/2027",
    "Cấp quyết định (mã tổ chức)": "92",
    "Ngày lập phương án": "01/09/2025",
    "Năm": "2025",
    "Nhiệm kỳ": "2025-2030",
    "Chỉ tiêu (người)": "12",
}
"""Header → an example value (others follow from the column's type)."""

INLINE_CHOICES = 16
"""Lists longer than this are given apart (sheet «Danh mục», end of the reference)."""


def example(column: Column) -> str:
    """A value a user could write in the column."""
    if column.header in EXAMPLES:
        return EXAMPLES[column.header]
    if column.type == CHOICE:
        return column.labels[0]
    if column.type == BOOL:
        return "x"
    if column.type == DATE and not column.help.startswith("Để trống"):
        return "01/07/2025"
    return ""


def allowed(column: Column) -> str:
    """The values a column takes, or where to find them."""
    if column.type == BOOL:
        return "x"
    if column.type != CHOICE:
        return ""
    if len(column.choices) <= INLINE_CHOICES:
        return "; ".join(column.labels)
    return f"{len(column.choices)} giá trị: xem sheet «{LISTS}», cột «{column.header}»"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _sheet(sheet) -> list[str]:
    lines = [f"## Sheet «{sheet.name}»: {sheet.title}", "", sheet.help, ""]
    lines.append("**Khóa:** " + " + ".join(f"«{h}»" for h in sheet.key_headers) + ".")
    lines += [f"- {note}" for note in sheet.notes]
    lines += [
        "",
        "| Cột | Kiểu | Bắt buộc | Giá trị cho phép | Hướng dẫn | Ví dụ |",
        "|---|---|---|---|---|---|",
    ]
    for column in sheet.columns:
        required = "có" if column.required else ""
        if column.type == REFERENCE:
            required = "không nhập"
        lines.append(
            "| "
            + " | ".join(
                _cell(text)
                for text in (
                    f"{column.header}{' (khóa)' if column.name in sheet.key else ''}",
                    TYPE_LABELS[column.type],
                    required,
                    allowed(column),
                    column.help,
                    example(column),
                )
            )
            + " |"
        )
    return [*lines, ""]


def _long_lists() -> list[str]:
    lines, seen = [f"## Danh mục dài (sheet «{LISTS}»)", ""], set()
    for sheet in SHEETS:
        for column in sheet.columns:
            if column.type != CHOICE or len(column.choices) <= INLINE_CHOICES:
                continue
            if column.choices in seen:
                continue
            seen.add(column.choices)
            lines += [f"**{column.header}:** " + "; ".join(column.labels) + ".", ""]
    return lines


def markdown() -> str:
    """The format reference: general rules, then every sheet and column."""
    lines = [
        "# Tệp Excel trao đổi dữ liệu",
        "",
        "<!-- Sinh từ tochuc/interchange/workbook.py và docs.py, đừng sửa tay. "
        f"Tạo lại: {REGENERATE} -->",
        "",
        "*English: the interchange workbook through which tochuc imports and exports "
        "organizations, persons, membership events, posts, assignments, mobility, sourcing "
        "plans and admission targets; one sheet per record type, Vietnamese headers, stable "
        "keys.*",
        "",
        "Một tệp .xlsx gồm các sheet dưới đây (sheet nào không có dữ liệu thì bỏ hoặc để "
        f"trống). Tệp mẫu có sheet «{INSTRUCTIONS}», danh sách thả xuống và sheet «{LISTS}».",
        "",
        "- Tệp mẫu: trang «Trao đổi dữ liệu» (`/trao-doi/mau/`), API "
        "`GET /api/interchange/template/`, dòng lệnh `tochuc export_workbook --template "
        "FILE`.",
        "- Xuất toàn bộ dữ liệu của một tổ chức và cấp dưới (mọi thời kỳ): `/trao-doi/xuat/"
        "?org=MÃ`, API `GET /api/interchange/export/?org=MÃ`, dòng lệnh `tochuc "
        "export_workbook --org MÃ -o FILE [--user TÊN_ĐĂNG_NHẬP]`; mỗi lần xuất được ghi "
        "nhật ký.",
        "- Nhập: trang «Trao đổi dữ liệu» (`/trao-doi/`: tải lên, xem trước, xác nhận) hoặc "
        "dòng lệnh `tochuc import FILE [--dry-run]`.",
        "",
        "## Quy tắc chung",
        "",
        *(f"- **{title}.** {rule}" for title, rule in RULES),
        "",
        "## Các sheet",
        "",
        "Các sheet được nhập theo thứ tự dưới đây: điều một sheet nhắc đến (tổ chức, hồ sơ, "
        "chức danh) có thể nằm ở sheet trước trong cùng tệp hoặc đã có trong hệ thống.",
        "",
        "| Sheet | Nội dung | Khóa |",
        "|---|---|---|",
        *(f"| {s.name} | {_cell(s.title)} | {_cell(' + '.join(s.key_headers))} |" for s in SHEETS),
        "",
    ]
    for sheet in SHEETS:
        lines += _sheet(sheet)
    lines += _long_lists()
    return "\n".join(lines).rstrip() + "\n"
