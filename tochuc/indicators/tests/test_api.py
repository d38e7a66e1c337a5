"""API of the indicator registry: definitions, a figure, the records behind it; scope."""

import pytest

pytestmark = pytest.mark.django_db


def test_definitions_figure_and_records(client, quarter_data):
    client.force_login(quarter_data.tree.users.province_admin)
    keys = [d["key"] for d in client.get("/api/indicators/").json()]
    assert "seats_executive" in keys and "card_exchange" in keys
    figure = client.get("/api/indicators/seats_executive/?org=P&as_of=2025-12-04").json()
    assert (figure["value"], figure["whole"], figure["text"]) == (7, 9, "7/9")
    assert figure["query"]["start"] == "2025-10-01"
    records = client.get("/api/indicators/members/records/?org=P&as_of=2025-12-04").json()
    assert records["count"] == 4 and "Họ và tên" in records["columns"]
    part = client.get(
        "/api/indicators/members/records/?org=P&as_of=2025-12-04&part=probationary"
    ).json()
    assert part["count"] == 2
    moves = client.get(
        "/api/indicators/commune_moves/?org=P&as_of=2025-12-04&since=2025-10-06"
    ).json()
    assert moves["value"] == 0  # the move of 05/10/2025 lies before `since`


def test_refusals_and_scope(client, quarter_data):
    client.force_login(quarter_data.tree.users.a_viewer)
    assert client.get("/api/indicators/nope/").status_code == 404
    assert client.get("/api/indicators/members/records/?part=nope").status_code == 400
    assert client.get("/api/indicators/members/?org=BSECRET").status_code == 404
    assert client.get("/api/indicators/members/?start=31/02/2025").status_code == 400
    mine = client.get("/api/indicators/members/?as_of=2025-12-04").json()
    assert mine["value"] == 3
    rows = client.get("/api/indicators/members/records/?as_of=2025-12-04").json()["results"]
    assert not any(row["Họ và tên"].startswith("Bê") for row in rows)
