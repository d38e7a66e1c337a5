"""Vietnamese name parts with rough frequencies (synthetic data only; no real persons)."""

FAMILY = [
    ("Nguyễn", 31), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Huỳnh", 5), ("Võ", 4),
    ("Phan", 4), ("Trương", 2), ("Bùi", 2), ("Đặng", 2), ("Đỗ", 1), ("Ngô", 1), ("Hồ", 1),
    ("Dương", 1), ("Lâm", 1), ("Tô", 1), ("Châu", 1), ("Lý", 1), ("Đinh", 1),
]  # fmt: skip
KHMER_FAMILY = [("Thạch", 5), ("Sơn", 4), ("Danh", 3), ("Kim", 2), ("Lâm", 2), ("Trà", 1)]
HOA_FAMILY = [("Lâm", 3), ("Trần", 2), ("Quách", 2), ("Lý", 2), ("Mã", 1), ("Tăng", 1)]
MIDDLE = {
    "male": [("Văn", 30), ("Hữu", 6), ("Minh", 8), ("Quốc", 5), ("Thanh", 5), ("Công", 3),
             ("Hoàng", 3), ("Đức", 3)],
    "female": [("Thị", 40), ("Ngọc", 10), ("Thanh", 5), ("Kim", 5), ("Mỹ", 4), ("Thúy", 3),
               ("Hồng", 3)],
}  # fmt: skip
GIVEN = {
    "male": [("Hùng", 5), ("Dũng", 5), ("Tuấn", 5), ("Hải", 4), ("Phúc", 4), ("Nam", 4),
             ("Sơn", 3), ("Tâm", 3), ("Khánh", 3), ("Long", 3), ("Bình", 3), ("Thành", 3),
             ("Trung", 2), ("Lộc", 2), ("Tài", 2), ("Nghĩa", 2), ("Toàn", 2), ("Vinh", 2)],
    "female": [("Lan", 5), ("Hoa", 4), ("Hương", 4), ("Mai", 4), ("Linh", 4), ("Trang", 4),
               ("Thảo", 3), ("Nhung", 3), ("Hằng", 3), ("Yến", 3), ("Phương", 3), ("Ngân", 2),
               ("Tuyết", 2), ("Diễm", 2), ("Loan", 2), ("Vân", 2)],
}  # fmt: skip
