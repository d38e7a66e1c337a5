"""Pages of đánh giá, xếp loại; lấy phiếu tín nhiệm; kỷ luật (URL prefix /danh-gia/)."""
