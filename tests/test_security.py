"""Hostile users: the token is compared in constant time, bodies are capped even when sent with no
length, filter values cannot change the SQL, what a page echoes back is escaped, no file outside
the static folders is served, the server listens on 127.0.0.1 unless told otherwise, and a user's
lexicon cannot run code. Each test fails when its protection is taken away."""

from __future__ import annotations

import hmac
import socket
import threading
import time

import pytest
from fastapi.testclient import TestClient
from web_support import TOKEN, build_database, running_server

from eventwire.store import open_store
from eventwire.web import create_app

INJECTIONS = [
    "' OR '1'='1",
    "x'); DROP TABLE events; --",
    "RUS' UNION SELECT id, text FROM stories --",
    '" OR ""="',
    "%",
    "_",
    "%' --",
    "\\",
    "1; DELETE FROM stories",
]
FILTERS = ["actor", "country", "source", "target", "type", "place", "location_country", "text", "story"]


def test_the_token_is_compared_in_constant_time(database, monkeypatch):
    seen = []
    real = hmac.compare_digest

    def spy(a, b):
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    story = {"text": "Iranian and American diplomats met in Geneva on Monday to discuss the nuclear deal."}
    with TestClient(create_app(database, token=TOKEN)) as c:
        assert c.post("/api/stories", json=story, headers={"Authorization": "Bearer guess"}).status_code == 401
        assert c.post("/api/stories", json=story, headers={"Authorization": f"Bearer {TOKEN[:-1]}"}).status_code == 401
    assert seen == [(b"guess", TOKEN.encode()), (TOKEN[:-1].encode(), TOKEN.encode())]


@pytest.mark.parametrize("name", FILTERS)
def test_injection_strings_in_every_filter_match_nothing_and_change_nothing(client, name):
    before = client.get("/api/events", params={"per_page": 1}).json()["total"]
    assert before > 0
    for value in INJECTIONS:
        response = client.get("/api/events", params={name: value})
        assert response.status_code == 200, (name, value, response.text)
        assert response.json()["total"] == 0, (name, value)  # taken literally: no event is named like that
        for path in ("/api/actors", "/api/dyads", "/api/places", "/api/timeseries"):
            assert client.get(path, params={name: value}).status_code == 200
        assert client.get("/events", params={name: value}).status_code == 200
    dyad = client.get("/api/events", params={"dyad": "' OR 1=1 --,x"})
    assert dyad.status_code == 200 and dyad.json()["total"] == 0
    assert client.get("/api/stories", params={"q": "%' OR '1'='1"}).json()["total"] == 0
    assert client.get("/api/events", params={"per_page": 1}).json()["total"] == before  # nothing dropped


def test_a_like_wildcard_is_a_literal_character(client):
    every = client.get("/api/events", params={"per_page": 1}).json()["total"]
    with_police = client.get("/api/events", params={"text": "police"}).json()["total"]
    assert 0 < with_police < every
    assert client.get("/api/events", params={"text": "pol%"}).json()["total"] == 0
    assert client.get("/api/events", params={"text": "pol_ce"}).json()["total"] == 0


ATTRIBUTE = '" autofocus onfocus="alert(1)'
MARKUP = "</textarea><script>alert(2)</script><svg onload=alert(3)>"


@pytest.mark.parametrize("path", ["/", "/events", "/stories", "/map", "/timeline", "/network"])
def test_every_value_a_page_echoes_back_is_escaped(client, path):
    for payload in (ATTRIBUTE, MARKUP):
        params = {name: payload for name in ("actor", "source", "target", "place", "text", "story", "q")}
        page = client.get(path, params=params)
        assert page.status_code in (200, 422), page.text
        html = page.text
        assert payload not in html
        assert 'onfocus="alert' not in html and "<script>alert" not in html and "<svg onload" not in html
    error = client.get("/stories/" + MARKUP.replace("/", "%2F"))
    assert "<script>alert" not in error.text and "<svg onload" not in error.text


@pytest.mark.parametrize("path", [
    "/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/%2e%2e/pyproject.toml", "/static/..%2f..%2f..%2fpyproject.toml",
    "/static/%252e%252e/%252e%252e/pyproject.toml", "/static/..\\..\\..\\pyproject.toml", "/static//etc/passwd",
    "/static/swagger/../../../../../../etc/passwd", "/static/swagger/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2fetc%2fpasswd", "/stories/..%2f..%2f..%2fetc%2fpasswd",
])
def test_no_file_outside_the_static_folders_is_served(client, path):
    response = client.get(path)
    assert response.status_code in (400, 404), (path, response.status_code)
    assert "[project]" not in response.text and "root:x:0:0" not in response.text


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    with running_server(build_database(tmp_path_factory.mktemp("security")), TOKEN) as (port, _):
        yield port


def _listening(port: int) -> set[str]:
    """Local addresses of the sockets listening on ``port``, from /proc/net/tcp and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            for line in f.readlines()[1:]:
                fields = line.split()
                address, hex_port = fields[1].split(":")
                if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                    found.add(address)
    return found


def test_the_server_listens_on_loopback_unless_told_otherwise(live_server, tmp_path):
    assert _listening(live_server) == {"0100007F"}  # 127.0.0.1, and nothing else
    with running_server(str(tmp_path / "open.db"), None, "--host", "0.0.0.0") as (port, _):
        assert _listening(port) == {"00000000"}  # asked for every interface: the check can tell


def _post_without_length(port: int, content_type: str, opening: bytes) -> tuple[bytes, int]:
    """POST a chunked body that never ends (up to 200 MB); returns the response and the bytes sent
    by the time it came."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall((f"POST /api/stories HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n"
                  f"Content-Type: {content_type}\r\nTransfer-Encoding: chunked\r\n\r\n").encode())
    sent = [0]
    stop = threading.Event()

    def feed() -> None:
        chunk = b"x" * 65536
        try:
            sock.sendall(b"%x\r\n%s\r\n" % (len(opening), opening))
            while sent[0] < 200_000_000 and not stop.is_set():
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent[0] += len(chunk)
        except OSError:
            pass  # the server answered and hung up: that is the point

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    response = b""
    try:
        while b"\r\n\r\n" not in response:
            data = sock.recv(65536)
            if not data:
                break
            response += data
    finally:
        at_response = sent[0]
        stop.set()
        sock.close()
        feeder.join(timeout=30)
    return response, at_response


@pytest.mark.parametrize(("content_type", "opening"), [
    ("application/json", b'{"text": "'),
    ("multipart/form-data; boundary=XyZ",
     b'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'),
])
def test_a_body_sent_without_a_length_is_cut_off_at_the_limit(live_server, content_type, opening):
    started = time.time()
    response, sent = _post_without_length(live_server, content_type, opening)
    assert response.startswith(b"HTTP/1.1 413"), response[:200]
    assert sent < 20_000_000, sent  # refused after about 5 MB, not after reading everything
    assert time.time() - started < 60


def test_a_user_lexicon_cannot_run_code(tmp_path, cli):
    marker = tmp_path / "ran"
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    (lexicon / "cleaning.yaml").write_text(
        "boilerplate:\n  - fine\ncaption: !!python/object/apply:os.system\n  - touch " + str(marker) + "\n")
    story = tmp_path / "story.txt"
    story.write_text("Title\n\nKenyan police fired tear gas at protesters in Nairobi on Tuesday.\n")
    result = cli("extract", str(story), "--lexicon", str(lexicon))
    assert result.code == 2 and not marker.exists()
    (line,) = result.err_lines
    assert f"{lexicon / 'cleaning.yaml'} line 3" in line


def test_a_database_url_password_is_never_printed(cli, tmp_path):
    result = cli("query", "--db", "postgresql://eventwire:s3cret-pw@127.0.0.1:1/none")
    assert result.code == 1 and "s3cret-pw" not in result.err and "***" in result.err


def test_the_database_is_intact_after_the_attacks(database):
    store = open_store(database)
    try:
        counts = store.counts()
    finally:
        store.close()
    assert counts["stories"] >= 4 and counts["events"] > 0
