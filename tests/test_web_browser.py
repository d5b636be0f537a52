"""The pages in a real browser: headless Chromium (Debian's, at /usr/bin/chromium) driven by
Playwright against `eventwire serve` running on 127.0.0.1. Every request that is not to that
server is blocked and recorded, so the pages are proven to work with the network cut.
Screenshots go to test-artifacts/screenshots/ (the README's come from there)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from support import ROOT
from web_support import build_database, running_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "test-artifacts" / "screenshots"
TOKEN = "browser-test-token"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(build_database(tmp_path_factory.mktemp("web-browser")), TOKEN) as (port, _):
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is not installed: `apt-get install chromium` (.ci/run does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A page that may only talk to our server; anything else is aborted and remembered."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []

    def gate(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", gate)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.outside = outside
    pg.console_errors = errors
    yield pg
    context.close()
    assert outside == [], f"the page tried to reach the internet: {outside}"


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_events_table_filters_in_the_url_and_csv(page, server):
    page.goto(server + "/")
    total = int(page.inner_text("#total"))
    assert total >= 6
    assert page.locator("table.events tbody tr").count() == min(total, 50)
    shot(page, "events")
    page.select_option("select[name=status]", "denied")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert "status=denied" in page.url  # the view can be shared by its URL
    statuses = page.locator("table.events .status").all_inner_texts()
    assert statuses and set(statuses) == {"denied"}
    assert int(page.inner_text("#total")) == len(statuses) < total
    csv_link = page.get_attribute("#csv", "href")
    assert "status=denied" in csv_link
    with page.expect_download() as download:
        page.click("#csv")
    body = Path(download.value.path()).read_text(encoding="utf-8")
    assert body.splitlines()[0].startswith("id,") and len(body.splitlines()) == len(statuses) + 1


def test_story_page_highlights_and_sets_aside(page, server):
    page.goto(server + "/events?type=SANCTION")
    page.click("a.story-link")
    page.wait_for_load_state()
    assert "/stories/eu-1" in page.url
    assert page.inner_text("#story-title") == "EU sanctions Russia"
    triggers = page.locator(".story-text .hl-trigger").all_inner_texts()
    assert "imposed" in triggers or "sanctions" in triggers
    assert "The European Union" in " ".join(page.locator(".story-text .hl-source").all_inner_texts())
    assert "Russia" in page.locator(".story-text .hl-target").all_inner_texts()
    # the highlighted spans are real text of the story, in order
    assert page.inner_text(".story-text").startswith("The European Union imposed new sanctions on Russia")
    removed = page.locator(".story-text .hl-removed").all_inner_texts()
    assert any(r.startswith("Photo: EU flags") for r in removed)  # the caption, greyed
    assert any(r.startswith("The European Union imposed") for r in removed)  # the repeated paragraph
    assert page.locator(".story-text .hl-removed.hl-trigger").count() == 0  # nothing coded from them
    events = page.locator(".story-events li.event")
    assert events.count() >= 2
    assert "asserted" in events.first.inner_text()
    assert page.locator(".story-events .attribution").count() >= 1  # "... the Russian foreign ministry said"
    shot(page, "story")


def test_story_text_with_script_stays_text(page, server):
    page.goto(server + "/stories/hostile-1")
    assert page.title() != "pwned"
    assert "<script>" in page.inner_text("#story-title")  # shown as text
    assert "<img src=x" in page.inner_text(".story-text")
    assert page.locator(".story-text img, .story-text script, .story-text b").count() == 0
    page.hover("#story-title")
    assert page.title() != "pwned"


def test_map_draws_countries_and_points(page, server):
    page.goto(server + "/map")
    countries = page.locator("#worldmap path.country")
    assert countries.count() > 150
    box = page.locator("#worldmap").bounding_box()
    assert box["width"] > 800 and box["height"] > 300
    drawn = page.evaluate("""() => [...document.querySelectorAll('#worldmap path.country')]
        .filter(p => { const b = p.getBBox(); return b.width > 0 && b.height > 0; }).length""")
    assert drawn == countries.count()
    points = page.locator("#worldmap circle.point")
    assert points.count() >= 3
    nairobi = page.evaluate("""() => [...document.querySelectorAll('#worldmap circle.point')]
        .map(c => [c.querySelector('title').textContent, +c.getAttribute('cx'), +c.getAttribute('cy')])
        .find(([t]) => t.startsWith('Nairobi'))""")
    assert nairobi is not None and abs(nairobi[1] - (36.8 + 180)) < 1 and abs(nairobi[2] - (90 + 1.3)) < 1
    # the map's colour for Nairobi is painted: the point's pixel is not the sea's
    kenya = page.evaluate("""() => { const p = [...document.querySelectorAll('#worldmap path.country')]
        .find(p => p.querySelector('title').textContent === 'Kenya'); return p && p.getBBox().width; }""")
    assert kenya and kenya > 3
    shot(page, "map")


def test_timeline_and_network(page, server):
    page.goto(server + "/timeline?interval=month")
    bars = page.locator("#timeline rect.bar")
    assert bars.count() >= 3
    assert set(page.locator("#timeline text.tick").all_text_contents()) == {"2024-05", "2024-06"}
    shot(page, "timeline")
    page.fill("input[name=actor]", "RUS")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert "actor=RUS" in page.url
    assert 0 < page.locator("#timeline rect.bar").count() <= bars.count()
    page.goto(server + "/network")
    nodes = page.locator("#network g.node")
    assert nodes.count() >= 4
    labels = " ".join(page.locator("#network g.node text").all_text_contents())
    assert "IGOEU" in labels and "RUS" in labels
    assert page.locator("#network line.edge").count() >= 2
    shot(page, "network")


def test_pages_have_no_console_errors(page, server):
    for path in ("/", "/stories", "/stories/kenya-1", "/map", "/timeline", "/network"):
        page.goto(server + path)
        assert page.locator("header.top").count() == 1
    assert page.console_errors == []
