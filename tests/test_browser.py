"""The built site in a real browser: Debian's chromium driven by Playwright (no browser download).

Set DOSSIER_CHROMIUM to use another Chromium binary. Screenshots are written to
test-artifacts/ (entity page, place page, graph).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = os.environ.get("DOSSIER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set DOSSIER_CHROMIUM)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    server, url = serve(built_site)
    yield url
    server.shutdown()


class Page:
    """A page that records console errors, failed requests and dialogs (alert() from injected script)."""

    def __init__(self, browser: object, **options: object):
        self.page = browser.new_page(**options)  # type: ignore[attr-defined]
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", self._failed)
        self.page.on("dialog", self._dialog)

    def _failed(self, request: object) -> None:
        failure = str(request.failure or "")  # type: ignore[attr-defined]
        if "ERR_ABORTED" not in failure:  # aborted by the next navigation: not an error
            self.errors.append(f"request failed: {request.url} ({failure})")  # type: ignore[attr-defined]

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def page(browser: object) -> Iterator[Page]:
    p = Page(browser, viewport={"width": 1280, "height": 900})
    yield p
    p.close()
    assert p.errors == [], p.errors
    assert p.dialogs == [], p.dialogs


def test_search_reaches_shoigu_and_citations_go_there_and_back(page: Page, base_url: str) -> None:
    pg = page.page
    pg.goto(base_url)
    pg.locator("label.md-search__icon, .md-search__input").first.click()
    # Typed key by key: Material searches on keyboard events.
    pg.locator("input.md-search__input").press_sequentially("Schoigu", delay=30)
    result = pg.locator(".md-search-result__item > a[href*='sergei-shoigu']").first
    result.wait_for(timeout=10_000)
    result.click()
    pg.wait_for_url("**/people/sergei-shoigu/**")
    assert pg.locator("h1").first.inner_text().startswith("Sergei Shoigu")  # other names follow, hidden
    entity_url = pg.url.split("#")[0].split("?")[0]

    cite = pg.locator("a.dx-cite").first
    sentence_id = cite.get_attribute("href").split("#", 1)[1].split(":~:")[0]
    cite.click()
    pg.wait_for_url("**/articles/**")
    target = pg.locator(f"span.dx-sentence#{sentence_id}")
    target.wait_for()
    pg.wait_for_function(f"document.getElementById('{sentence_id}').classList.contains('dx-highlight')")
    assert "Schoigu" in target.inner_text() or "Shoigu" in target.inner_text()
    assert target.locator("a[href*='sergei-shoigu']").count() >= 1
    # The highlight keeps the entity colours of the links inside the sentence.
    colour, variable = pg.evaluate(
        f"""() => [getComputedStyle(document.querySelector('#{sentence_id} a.dx-person')).color,
                  getComputedStyle(document.body).getPropertyValue('--dx-person').trim()]"""
    )
    assert colour == "rgb({}, {}, {})".format(*(int(variable[i : i + 2], 16) for i in (1, 3, 5)))
    # ... and back, through the sentence's own link to the entity.
    target.locator("a[href*='sergei-shoigu']").first.click()
    pg.wait_for_url("**/people/sergei-shoigu/**")
    assert pg.url.split("#")[0].split("?")[0] == entity_url
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "entity-sergei-shoigu.png"), full_page=False)


def test_graph_node_click_opens_the_entity(page: Page, base_url: str) -> None:
    pg = page.page
    pg.goto(base_url + "graph/")
    pg.wait_for_function(
        "document.querySelector('.dx-graph') && document.querySelector('.dx-graph').dataset.dxReady === '1'"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "graph.png"), full_page=False)
    node = pg.evaluate(
        """() => {
          const el = document.querySelector('.dx-graph');
          const n = el.dxGraph.nodes().filter(n => n.data('href'))[0];
          const box = el.getBoundingClientRect();
          const p = n.renderedPosition();
          return {id: n.id(), x: box.left + p.x, y: box.top + p.y};
        }"""
    )
    pg.mouse.click(node["x"], node["y"])
    pg.wait_for_url(f"**/{node['id']}/**")
    assert pg.locator(f"header[data-entity='{node['id']}']").count() == 1


def test_graph_is_keyboard_reachable(page: Page, base_url: str) -> None:
    pg = page.page
    pg.goto(base_url + "graph/")
    pg.wait_for_function("document.querySelector('.dx-graph').dataset.dxReady === '1'")
    pg.locator(".dx-graph").focus()
    pg.keyboard.press("ArrowRight")
    status = pg.locator(".dx-graph-status").inner_text()
    assert status
    pg.keyboard.press("Enter")
    pg.wait_for_url(lambda url: "/graph/" not in url)
    assert pg.locator("header[data-entity]").count() == 1


def test_dark_mode_switch(page: Page, base_url: str) -> None:
    pg = page.page
    pg.goto(base_url + "places/pyongyang/")
    assert pg.locator("body").get_attribute("data-md-color-scheme") == "default"
    pg.wait_for_function(
        "document.querySelector('.dx-graph') && document.querySelector('.dx-graph').dataset.dxReady === '1'"
    )
    pg.locator("form[data-md-component='palette'] label:visible").first.click()
    assert pg.locator("body").get_attribute("data-md-color-scheme") == "slate"
    pg.wait_for_function(
        "document.querySelector('.dx-map') && document.querySelector('.dx-map').dataset.dxReady === '1'"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    pg.locator("#map").scroll_into_view_if_needed()
    pg.screenshot(path=str(ARTIFACTS / "place-pyongyang-dark.png"), full_page=False)


def test_map_draws_offline(page: Page, base_url: str) -> None:
    pg = page.page
    pg.goto(base_url + "places/north-korea/")
    pg.wait_for_function("document.querySelector('.dx-map').dataset.dxReady === '1'")
    assert pg.locator(".dx-map path.leaflet-interactive").count() >= 1  # the place's marker
    assert pg.locator(".dx-map svg path").count() > 100  # the bundled world outline


def test_map_markers_follow_the_colour_scheme(page: Page, base_url: str) -> None:
    pg = page.page
    pg.goto(base_url + "places/north-korea/")
    pg.wait_for_function("document.querySelector('.dx-map').dataset.dxReady === '1'")
    marker = ".dx-map svg path.leaflet-interactive >> nth=-1"  # markers are drawn after the world outline
    light = pg.locator(marker).get_attribute("stroke")
    pg.locator("form[data-md-component='palette'] label:visible").first.click()
    pg.wait_for_function(
        f"document.querySelector('.dx-map svg').querySelectorAll('path.leaflet-interactive')"
        f"[document.querySelector('.dx-map svg').querySelectorAll('path.leaflet-interactive').length - 1]"
        f".getAttribute('stroke') !== {light!r}"
    )
    assert pg.locator(marker).get_attribute("stroke") == "rgb(66, 190, 101)"  # --dx-place in the slate scheme


#: Page types shown on the About page, desktop and phone (nox -s screenshots copies them).
SHOWN = {
    "person": "people/sergei-shoigu/",
    "place": "places/north-korea/",
    "article": "articles/000_8c89fa62beecddfc/",
    "network": "graph/",
}


@pytest.mark.parametrize("kind", sorted(SHOWN))
def test_phone_layout_has_no_horizontal_scroll(browser: object, base_url: str, kind: str) -> None:
    p = Page(browser, viewport={"width": 390, "height": 844}, is_mobile=True, device_scale_factor=2)
    try:
        p.page.goto(base_url + SHOWN[kind])
        p.page.wait_for_timeout(800)
        width = p.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 400, width
        ARTIFACTS.mkdir(exist_ok=True)
        p.page.screenshot(path=str(ARTIFACTS / f"phone-{kind}.png"), full_page=False)
    finally:
        p.close()
    assert p.errors == []


@pytest.mark.parametrize("kind", sorted(SHOWN))
def test_desktop_pages_load_without_errors(page: Page, base_url: str, kind: str) -> None:
    page.page.goto(base_url + SHOWN[kind])
    page.page.wait_for_timeout(800)
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / f"desktop-{kind}.png"), full_page=False)


def test_index_tables_are_styled_sortable_and_filterable(page: Page, base_url: str) -> None:
    """Material styles only tables without a class: the index tables need their own borders,
    padding and alignment (cells used to run together), and a long one gets a type-ahead filter."""
    pg = page.page
    pg.goto(base_url + "people/")
    cell = pg.locator("table.dx-index tbody tr").first.locator("td").first
    style = cell.evaluate(
        "td => { const s = getComputedStyle(td); return [s.paddingLeft, s.borderTopWidth, s.borderTopStyle]; }"
    )
    assert float(style[0].removesuffix("px")) >= 8, style
    assert float(style[1].removesuffix("px")) > 0 and style[2] == "solid", style
    count = pg.locator("table.dx-index tbody td.dx-num").first
    assert count.evaluate("td => getComputedStyle(td).textAlign") == "right"
    rows = pg.locator("table.dx-index tbody tr")
    total = rows.count()
    assert total > 8
    pg.fill("input.dx-filter", "kirby")
    visible = [r for r in range(total) if rows.nth(r).is_visible()]
    assert [rows.nth(r).locator("td").first.inner_text() for r in visible] == ["John Kirby"]
    pg.fill("input.dx-filter", "")
    assert sum(rows.nth(r).is_visible() for r in range(total)) == total
    pg.screenshot(path=str(ARTIFACTS / "people-index.png"), full_page=False)


def test_map_has_no_wraparound_band_and_names_its_markers(page: Page, base_url: str) -> None:
    """A country crossing the antimeridian (Russia's Chukotka, Fiji) used to be drawn as a grey band
    across the whole map at 60-75 degrees north; and markers had no names."""
    pg = page.page
    pg.goto(base_url + "places/russia/")
    pg.wait_for_function("document.querySelector('.dx-map').dataset.dxReady === '1'")
    spans = pg.evaluate(
        """() => {
          const out = [];
          const rings = (name, xs) => {
            if (xs.length && xs[0].lng !== undefined) {
              const lngs = xs.map(p => p.lng);
              out.push([name, Math.max(...lngs) - Math.min(...lngs)]);
            } else xs.forEach(x => rings(name, x));
          };
          document.querySelector('.dx-map').dxWorld.eachLayer(l => rings(l.feature.properties.name, l.getLatLngs()));
          return out;
        }"""
    )
    assert len(spans) > 100
    # Each ring (one island, one mainland) spans less than half the world.
    wide = [(name, round(width)) for name, width in spans if width > 180 and name != "Antarctica"]
    assert wide == [], wide
    labels = pg.locator(".dx-map .leaflet-tooltip.dx-map-label")
    assert labels.count() >= 1 and "Russia" in labels.all_inner_texts()
    # A country is its filled outline, its marker inside it and not on the capital (Moscow).
    filled, marker = pg.evaluate(
        """() => {
            const el = document.querySelector('.dx-map');
            let own = null;
            el.dxMarkers.eachLayer(m => { if (m.getTooltip().getContent() === 'Russia') own = m.getLatLng(); });
            return [el.dxFilled.length, [own.lat, own.lng]];
        }"""
    )
    assert filled >= 1
    assert abs(marker[0] - 55.75) > 2 or abs(marker[1] - 37.62) > 2, marker
    pg.screenshot(path=str(ARTIFACTS / "place-russia.png"), full_page=False)


def test_related_entities_are_a_compact_table_with_evidence_one_click_away(page: Page, base_url: str) -> None:
    """Related entities used to be a stack of admonition boxes (Material styles every <details>)."""
    pg = page.page
    pg.goto(base_url + "people/vladimir-putin/")
    table = pg.locator("table.dx-related")
    assert table.locator("tbody tr").count() >= 3
    evidence = table.locator("details.dx-evidence").first
    assert evidence.evaluate("d => getComputedStyle(d).borderTopWidth") == "0px"  # not an admonition
    assert not evidence.locator("ol").is_visible()
    evidence.locator("summary").click()
    assert evidence.locator("li.dx-statement").first.is_visible()


def test_network_labels_never_overlap_and_the_legend_filters_by_type(page: Page, base_url: str) -> None:
    """The network page was a hairball: 16 pairs of overlapping labels on the demo, no legend."""
    pg = page.page
    pg.goto(base_url + "graph/")
    pg.wait_for_function("document.querySelector('.dx-graph').dataset.dxReady === '1'")
    shown, total, overlaps = pg.evaluate(
        """() => {
          const cy = document.querySelector('.dx-graph').dxGraph;
          const boxes = cy.nodes(':visible').filter(n => !n.hasClass('dx-nolabel'))
            .map(n => n.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true}));
          let overlaps = 0;
          boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
            if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
          }));
          return [boxes.length, cy.nodes().length, overlaps];
        }"""
    )
    assert overlaps == 0 and shown >= total // 2, (shown, total, overlaps)
    legend = pg.locator(".dx-graph-legend input[type=checkbox]")
    assert legend.count() == 3
    people = "document.querySelector('.dx-graph').dxGraph.nodes('[type = \"person\"]:visible').length"
    assert pg.evaluate(people) > 0
    legend.first.uncheck()
    assert pg.evaluate(people) == 0
    legend.first.check()
    assert pg.evaluate(people) > 0
    # Pointing at an entity fades everything outside its neighbourhood.
    faded = pg.evaluate(
        """() => { const cy = document.querySelector('.dx-graph').dxGraph;
                   const n = cy.nodes().max(x => x.degree()).ele; n.emit('mouseover');
                   return [cy.elements('.dx-faded').length, n.closedNeighborhood().filter('.dx-faded').length]; }"""
    )
    assert faded[0] > 0 and faded[1] == 0


@pytest.mark.parametrize(
    ("query", "entity"),
    [("Schoigu", "people/sergei-shoigu/"), ("Pjöngjang", "places/pyongyang/"), ("Kirby", "people/john-kirby/")],
)
def test_search_puts_the_entity_page_first(page: Page, base_url: str, query: str, entity: str) -> None:
    pg = page.page
    pg.goto(base_url)
    pg.locator("label.md-search__icon, .md-search__input").first.click()
    pg.locator("input.md-search__input").press_sequentially(query, delay=30)
    first = pg.locator(".md-search-result__item > a").first
    first.wait_for(timeout=10_000)
    assert entity in first.get_attribute("href"), [
        a.get_attribute("href") for a in pg.locator(".md-search-result__item > a").all()[:5]
    ]


AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
#: One page of every type the site has.
PAGE_TYPES = {
    "home": "",
    "people index": "people/",
    "organizations index": "organizations/",
    "places index": "places/",
    "articles index": "articles/",
    "person": "people/sergei-shoigu/",
    "organization": "organizations/chatham-house/",
    "place": "places/russia/",
    "article": "articles/000_8c89fa62beecddfc/",
    "network": "graph/",
    "about": "about/",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_type_passes_the_accessibility_audit(browser: object, base_url: str, scheme: str) -> None:
    """axe-core (npm, vendored in tests/vendor) in the real browser: no serious or critical violation."""
    p = Page(browser, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    found = {}
    try:
        for kind, path in PAGE_TYPES.items():
            p.page.goto(base_url + path)
            p.page.wait_for_timeout(600)  # the graph, map and tables draw after load
            p.page.add_script_tag(path=str(AXE))
            result = p.page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
            bad = [
                f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
                for v in result
                if v["impact"] in ("serious", "critical")
            ]
            if bad:
                found[kind] = bad
    finally:
        p.close()
    assert found == {}, found
