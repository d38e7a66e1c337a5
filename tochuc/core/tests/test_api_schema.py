"""The OpenAPI schema of the whole API validates, without a single warning."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_openapi_schema_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    text = target.read_text()
    for path in (
        "/api/organizations/",
        "/api/members/",
        "/api/membership-events/",
        "/api/persons/",
        "/api/candidates/",
        "/api/card-exchanges/progress/",
    ):
        assert path in text
