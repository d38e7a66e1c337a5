"""Template context shared by every page."""

from tochuc.core.formatting import vn_date


def as_of(request):
    day = getattr(request, "as_of", None)
    return {
        "as_of": day,
        "as_of_text": vn_date(day),
        "as_of_error": getattr(request, "as_of_error", ""),
    }
