"""The REST API: the real app over a real SQLite file, through FastAPI's test client, and
schemathesis against the app's own OpenAPI document."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from schemathesis.checks import not_a_server_error
from web_support import HOSTILE_TITLE, TOKEN, build_database

from eventwire.web import create_app


def ids(payload: dict) -> set[str]:
    return {e["story_id"] for e in payload["events"]}


def test_events_list_pages_sorts_and_counts(client):
    everything = client.get("/api/events", params={"per_page": 500}).json()
    assert everything["total"] == len(everything["events"]) > 5
    assert everything["statuses"] == "all statuses"
    first = client.get("/api/events", params={"per_page": 2, "page": 1}).json()
    second = client.get("/api/events", params={"per_page": 2, "page": 2}).json()
    assert len(first["events"]) == 2 and len(second["events"]) == 2
    assert not {e["id"] for e in first["events"]} & {e["id"] for e in second["events"]}
    rising = [e["cameo"]["goldstein"] for e in client.get("/api/events", params={"sort": "cameo.goldstein",
                                                                                  "per_page": 500}).json()["events"]
              if e["cameo"] is not None]
    assert rising == sorted(rising) and rising[0] < rising[-1]
    dates = [e["date"] for e in everything["events"]]
    assert dates == sorted(dates, reverse=True)  # newest first by default


@pytest.mark.parametrize(("params", "expect"), [
    ({"status": "denied"}, {"sudan-1"}),
    ({"type": "SANCTION"}, {"eu-1"}),
    ({"dyad": "RUS,IGOEU"}, {"eu-1"}),
    ({"country": "SDN"}, {"sudan-1"}),
    ({"place": "Nairobi", "since": "2024-06-20"}, {"kenya-1"}),
    ({"until": "2024-05-31"}, {"sudan-1"}),
    ({"cameo_root": "19"}, {"sudan-1"}),
    ({"text": "tear gas"}, {"kenya-1"}),
    ({"story": "eu-1"}, {"eu-1"}),
    ({"actor": "x' OR 1=1 --"}, set()),
    ({"text": "%' OR '1'='1"}, set()),
    ({"since": "", "status": ""}, {"kenya-1", "eu-1", "sudan-1", "hostile-1"}),  # blank form fields: no filter
])
def test_event_filters(client, params, expect):
    response = client.get("/api/events", params={**params, "per_page": 500})
    assert response.status_code == 200
    assert ids(response.json()) == expect


@pytest.mark.parametrize("params", [
    {"since": "yesterday"}, {"status": "rumoured"}, {"per_page": 0}, {"per_page": 501}, {"page": 0},
    {"sort": "id; DROP TABLE events"}, {"dyad": "RUS"}, {"cameo_root": "1a"},
])
def test_bad_parameters_are_422_with_a_reason(client, params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_one_event_has_its_mentions_and_story(client):
    event = client.get("/api/events", params={"type": "SANCTION"}).json()["events"][0]
    one = client.get(f"/api/events/{event['id']}").json()
    assert one["story"]["id"] == "eu-1" and one["story"]["title"] == "EU sanctions Russia"
    mention = one["mentions"][0]
    text = client.get("/api/stories/eu-1").json()["text"]
    assert text[mention["trigger"]["start"]:mention["trigger"]["end"]] == mention["trigger"]["text"]
    assert client.get("/api/events/no-such-event").status_code == 404


def test_stories_and_one_story(client):
    listing = client.get("/api/stories").json()
    assert listing["total"] == 4
    assert {s["id"] for s in listing["stories"]} == {"kenya-1", "eu-1", "sudan-1", "hostile-1"}
    assert client.get("/api/stories", params={"q": "sanctions"}).json()["stories"][0]["id"] == "eu-1"
    story = client.get("/api/stories/sudan-1").json()
    assert story["title"] == "Clashes near El Geneina"
    assert any(e["status"] == "denied" for e in story["events"])
    assert any(p["name"] for p in story["places"])
    assert client.get("/api/stories/nope").status_code == 404


def test_actors_dyads_places_and_time_series(client):
    actors = client.get("/api/actors").json()["actors"]
    eu = next(a for a in actors if a["code"] == "IGOEU")
    assert eu["as_source"] >= 1 and eu["events"] == eu["as_source"] + eu["as_target"]
    assert [a["events"] for a in actors] == sorted((a["events"] for a in actors), reverse=True)
    dyads = client.get("/api/dyads").json()["dyads"]
    assert any(d["source"]["code"] == "IGOEU" and d["target"]["code"] == "RUS" and d["mean_goldstein"] < 0
               for d in dyads)
    places = client.get("/api/places").json()["places"]
    nairobi = next(p for p in places if p["name"] == "Nairobi")
    assert nairobi["country"] == "KEN" and nairobi["events"] == sum(nairobi["by_quad_class"].values())
    total = client.get("/api/events", params={"per_page": 1}).json()["total"]
    monthly = client.get("/api/timeseries", params={"interval": "month"}).json()["series"]
    assert sum(r["events"] for r in monthly) == total
    assert {r["period"] for r in monthly} == {"2024-05", "2024-06"}
    weekly = client.get("/api/timeseries", params={"interval": "week", "split": "plover.type"}).json()["series"]
    assert all(r["period"] in {"2024-05-13", "2024-06-03", "2024-06-17", "2024-06-24", "2024-06-10"} for r in weekly)
    assert {r["group"] for r in weekly} >= {"SANCTION", "ACCUSE"}


def test_writing_needs_the_token(database):
    story = {"id": "new-1", "title": "Talks in Geneva", "published": "2024-07-01",
             "text": "Iranian and American diplomats met in Geneva on Monday to discuss the nuclear deal."}
    with TestClient(create_app(database, token=None)) as closed:
        assert closed.post("/api/stories", json=story).status_code == 403  # no token set: writing is off
    with TestClient(create_app(database, token=TOKEN)) as c:
        assert c.post("/api/stories", json=story).status_code == 401
        assert c.post("/api/stories", json=story, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/stories/new-1").status_code == 404  # nothing was written
        auth = {"Authorization": f"Bearer {TOKEN}"}
        created = c.post("/api/stories", json=story, headers=auth)
        assert created.status_code == 201
        assert created.json()["stories"][0]["action"] == "inserted"
        assert created.json()["stories"][0]["events"] >= 1
        assert c.get("/api/stories/new-1").json()["events"][0]["plover"]["type"] == "CONSULT"
        again = c.post("/api/stories", json=story, headers=auth)
        assert again.json()["stories"][0]["action"] == "unchanged"
        upload = c.post("/api/stories", headers=auth, files={"file": ("talks.txt", (
            b"Talks in Vienna\n\nRussian and Ukrainian officials met in Vienna on Tuesday."))})
        assert upload.status_code == 201, upload.text
        assert upload.json()["stories"][0]["events"] >= 1


@pytest.mark.parametrize(("kwargs", "status"), [
    ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422),
    ({"json": ["a list"]}, 422),
    ({"json": {"title": "no text"}}, 422),
    ({"content": b"text", "headers": {"Content-Type": "text/plain"}}, 415),
    ({"content": b"x" * 5_000_001, "headers": {"Content-Type": "application/json"}}, 413),
    ({"files": {"file": ("big.txt", b"a " * 2_600_000)}}, 413),
    ({"files": {"file": ("empty.txt", b"")}}, 422),
])
def test_bad_story_posts_are_refused_with_a_reason(client, kwargs, status):
    kwargs = dict(kwargs)  # the parameters are shared by the SQLite and PostgreSQL runs
    headers = {"Authorization": f"Bearer {TOKEN}", **kwargs.pop("headers", {})}
    response = client.post("/api/stories", headers=headers, **kwargs)
    assert response.status_code == status, response.text
    assert response.json()["detail"]


def test_pages_escape_story_text_and_titles(client):
    page = client.get("/stories/hostile-1").text
    assert "<script>document.title" not in page and "<img src=x" not in page and "<b onclick" not in page
    assert "&lt;script&gt;document.title" in page
    assert "onmouseover=&#34;alert(1)" in page or "onmouseover=&quot;alert(1)" in page
    listing = client.get("/events", params={"story": "hostile-1"}).text
    assert HOSTILE_TITLE not in listing and "&lt;script&gt;" in listing
    reflected = client.get("/events", params={"text": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in reflected


def test_docs_and_assets_are_served_by_the_app(client):
    docs = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/stories", "/api/actors", "/api/dyads", "/api/timeseries", "/api/places"} <= set(
        spec["paths"])
    for path in ("/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/..%2f..%2fweb.db"):
        response = client.get(path)
        assert response.status_code == 404 and "[project]" not in response.text


def test_csv_download_is_the_filtered_view(client):
    import csv
    import io

    body = client.get("/events.csv", params={"status": "denied"}).text
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows and {r["status"] for r in rows} == {"denied"} and {r["story_id"] for r in rows} == {"sudan-1"}


# ---------------------------------------------------------------- property-based: no 5xx
def test_no_input_makes_the_api_fail(tmp_path):
    """Whatever schemathesis generates from the app's own OpenAPI document, for every operation,
    with the token on writes, the app answers without a 5xx."""
    from hypothesis import HealthCheck, given, settings

    app = create_app(build_database(tmp_path), token=TOKEN)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:
        @settings(max_examples=40, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case):
            if case.method.upper() == "POST":
                case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN}"}
            case.call_and_validate(checks=[not_a_server_error])

        check()
