"""The table of the event's columns and the table of filters: every column has the same name in
every flat output (native CSV and Parquet, the web CSV, `query --format csv`; the Spark job's in
test_spark.py), and every filter is taken by the command line, the pages and the API and finds
the same rows there, on SQLite and on PostgreSQL."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from support import run_subprocess
from web_support import STORIES, database_of_kind

from eventwire.coder import Coder
from eventwire.model import Story
from eventwire.read import read_inputs
from eventwire.store import open_store
from eventwire.store.columns import BY_NAME, COLUMNS, NAMES, SORTABLE, for_files, nest, row_of
from eventwire.store.export import GDELT, LAYOUTS, POLECAT
from eventwire.store.filters import FILTERS, Filters
from eventwire.store.query import events, rows
from eventwire.web import create_app

SAMPLES = {  # a value of each filter that some events of web_support's stories have and others not
    "since": ["2024-06-20"], "until": ["2024-05-31"], "actor": ["IGOEU"], "country": ["SDN"], "source": ["KEN"],
    "target": ["RUS"], "dyad": ["RUS", "IGOEU"], "plover_type": ["sanction"], "cameo_root": ["19"],
    "status": ["denied"], "place": ["nairobi"], "location_country": ["sdn"], "text": ["tear gas"],
    "story": ["eu-1"],
}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database(request, tmp_path_factory):
    return database_of_kind(request.param, tmp_path_factory.mktemp("tables"))


@pytest.fixture(scope="module")
def client(database):
    with TestClient(create_app(database)) as c:
        yield c


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def by_id(found: list[dict]) -> list[dict]:
    return sorted(found, key=lambda row: row["id"])


# ---------------------------------------------------------------- the columns
def test_every_flat_output_has_the_table_s_columns_and_values(cli, client, database, tmp_path):
    exported = tmp_path / "events.csv"
    assert cli("export", "--db", database, "--format", "csv", str(exported)).code == 0
    native = csv_rows(exported.read_text(encoding="utf-8"))
    web = csv_rows(client.get("/events.csv").text)
    query = csv_rows(cli("query", "--db", database, "--format", "csv").out)
    assert len(native) > 5
    for found in (native, web, query):
        assert list(found[0]) == list(NAMES)
    assert by_id(native) == by_id(web) == by_id(query)

    parquet = tmp_path / "events.parquet"
    assert cli("export", "--db", database, "--format", "parquet", str(parquet)).code == 0
    table = pq.read_table(parquet)
    assert table.column_names == list(NAMES)
    assert {str(t) for t in table.schema.types} <= {"string", "int64", "double"}
    store = open_store(database)
    try:
        stored = [for_files(row) for row in rows(store, Filters())]
    finally:
        store.close()
    assert by_id(table.to_pylist()) == by_id(stored)


def test_nested_json_is_the_same_names_split_at_the_dots(cli, client, database):
    api = client.get("/api/events", params={"per_page": 500}).json()["events"]
    query = cli("query", "--db", database, "--format", "json").json()["events"]
    assert by_id(api) == by_id(query)
    flat = csv_rows(client.get("/events.csv").text)
    for event, row in zip(by_id(api), by_id(flat), strict=True):
        for name in NAMES:
            part, _, field = name.partition(".")
            value = event[part] if not field else (event[part] or {}).get(field)
            cell = row[name]
            if isinstance(value, list):
                assert json.loads(cell) == value, name
            else:
                assert cell == ("" if value is None else str(value)), name


def test_a_coded_story_is_read_back_as_it_was_coded(tmp_path):
    """The table's reads off the data model are the SPEC's paths, and what the writer stores
    comes back unchanged."""
    corpus = tmp_path / "stories.jsonl"
    corpus.write_text("".join(json.dumps(s) + "\n" for s in STORIES[:2]), encoding="utf-8")
    coded = [s for s in Coder().code(read_inputs([str(corpus)])) if isinstance(s, Story)]
    store = open_store(str(tmp_path / "events.db"))
    try:
        for story in coded:
            store.write_story(story)
        read_back = {e["id"]: e for e in events(store, Filters())}
    finally:
        store.close()
    assert len(read_back) == sum(len(s.events) for s in coded) > 2
    for story in coded:
        for event in story.events:
            mine = nest(row_of(story, event))
            assert {k: mine[k] for k in event.to_dict()} == event.to_dict()
            assert mine == read_back[event.id]
            assert mine["story_title"] == story.title and mine["num_articles"] == 1


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_an_empty_export_still_has_its_header(cli, database, tmp_path, layout, fmt):
    out = tmp_path / f"none.{fmt}"
    assert cli("export", "--db", database, "--story", "no-such-story", "--format", fmt, "--layout", layout,
               str(out)).code == 0
    header = next(csv.reader(out.open())) if fmt == "csv" else pq.read_table(out).column_names
    assert header == list({"native": NAMES, "gdelt": GDELT, "polecat": POLECAT}[layout])


def test_the_foreign_layouts_name_only_the_table_s_columns():
    for mapping in (GDELT, POLECAT):
        named = [source for source in mapping.values() if isinstance(source, str)]
        assert named and set(named) <= set(NAMES)


def test_the_names_are_the_spec_s_paths():
    assert len(set(NAMES)) == len(NAMES) and len({c.storage for c in COLUMNS}) == len(COLUMNS)
    groups = {name.partition(".")[0] for name in NAMES if "." in name}
    assert groups == {"source", "target", "plover", "cameo", "location", "attribution"}
    assert all(c.description and c.type in (str, int, float, list) for c in COLUMNS)


@pytest.mark.parametrize("name", SORTABLE)
def test_every_sortable_column_sorts_the_api_and_the_page(client, name):
    for sort in (name, "-" + name):
        assert client.get("/api/events", params={"sort": sort}).status_code == 200
        assert client.get("/events", params={"sort": sort}).status_code == 200
    storage = BY_NAME[name].storage
    if storage != name:  # the database's name is not the public one
        assert client.get("/api/events", params={"sort": storage}).status_code == 422


# ---------------------------------------------------------------- the filters
def test_the_filter_table_is_the_filters_fields():
    assert [f.key for f in FILTERS] == [field.name for field in dataclasses.fields(Filters)]
    assert len({f.flag for f in FILTERS}) == len({f.param for f in FILTERS}) == len(FILTERS)
    assert set(SAMPLES) == {f.key for f in FILTERS}  # a new filter needs a sample here


def _ids_everywhere(cli, client, database, cli_args: list[str], params: list[tuple[str, str]]) -> list[set[str]]:
    by_cli = {e["id"] for e in cli("query", "--db", database, "--format", "json", *cli_args).json()["events"]}
    by_api = {e["id"] for e in client.get("/api/events", params=[*params, ("per_page", "500")]).json()["events"]}
    by_csv = {r["id"] for r in csv_rows(client.get("/events.csv", params=params).text)}
    page = client.get("/events", params=params).text
    total = int(re.search(r'<strong id="total">(\d+)</strong>', page).group(1))
    assert total == len(by_api)
    return [by_cli, by_api, by_csv]


@pytest.mark.parametrize("f", FILTERS, ids=[f.key for f in FILTERS])
def test_every_filter_finds_the_same_rows_everywhere(cli, client, database, f):
    values = SAMPLES[f.key]
    store = open_store(database)
    try:
        everything = {r["id"] for r in rows(store, Filters())}
        expected = {r["id"] for r in rows(store, Filters(**{f.key: f.parse(values)}))}
    finally:
        store.close()
    assert expected and expected < everything, "the sample should narrow the events"
    found = _ids_everywhere(cli, client, database, [f.flag, *values], [(f.param, ",".join(values))])
    assert found == [expected] * 3


def test_repeated_filters_combine_the_same_everywhere(cli, client, database):
    any_type = _ids_everywhere(cli, client, database, ["--type", "SANCTION", "--type", "FIGHT"],
                               [("type", "SANCTION"), ("type", "FIGHT")])
    both_actors = _ids_everywhere(cli, client, database, ["--actor", "RUS", "--actor", "IGOEU"],
                                  [("actor", "RUS"), ("actor", "IGOEU")])
    assert any_type[0] == any_type[1] == any_type[2] and len(any_type[0]) >= 2
    assert both_actors[0] == both_actors[1] == both_actors[2] and both_actors[0]


@pytest.mark.parametrize(("key", "bad", "says"), [
    ("since", "last week", "YYYY-MM-DD"), ("until", "2024/05/01", "YYYY-MM-DD"),
    ("cameo_root", "1a", "01 to 20"), ("status", "rumoured", "asserted"),
])
def test_a_bad_value_says_what_to_give_on_the_command_line_and_the_web(client, database, key, bad, says):
    f = next(f for f in FILTERS if f.key == key)
    result = run_subprocess("query", "--db", database, f.flag, bad)
    assert result.code == 2 and says in result.err
    response = client.get("/api/events", params={f.param: bad})
    assert response.status_code == 422 and says in response.json()["detail"]


def test_every_filter_is_in_the_help(capsys):
    from eventwire.cli import main

    with pytest.raises(SystemExit):
        main(["query", "--help"])
    text = capsys.readouterr().out
    for f in FILTERS:
        assert f.flag in text and f.help.split(" (")[0] in " ".join(text.split())
