"""The "as of" date every page is read at."""

import datetime as dt

from django.utils import timezone

from tochuc.core.formatting import parse_vn_date

SESSION_KEY = "as_of"


class AsOfDateMiddleware:
    """Sets `request.as_of`: the `as_of` query parameter, else the session's, else today.

    A valid `as_of` parameter is remembered in the session so that navigation keeps it; an
    invalid one is reported through `request.as_of_error` and today is used.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.as_of_error = ""
        request.as_of = timezone.localdate()
        raw = request.GET.get("as_of")
        if raw:
            try:
                request.as_of = parse_vn_date(raw)
                if hasattr(request, "session"):
                    request.session[SESSION_KEY] = request.as_of.isoformat()
            except ValueError as exc:
                request.as_of_error = str(exc)
        elif hasattr(request, "session") and request.session.get(SESSION_KEY):
            request.as_of = dt.date.fromisoformat(request.session[SESSION_KEY])
        return self.get_response(request)
