"""The built site in a real browser: Debian's Chromium driven by Playwright.

Every page of the toc is opened from a server on 127.0.0.1 while every
request to any other host is blocked and recorded, once in light and once in
dark mode: light on a desktop (1400 x 900), dark on a phone (390 x 844).
Everything is collected in that one visit and checked: no console errors, no
failed or blocked requests, typeset math, loaded images with alt text, zero
serious or critical WCAG 2.1 AA violations found by axe-core, and a total
weight of at most 600 KB (uncompressed). On the phone also: no display
equation is cut off (each fits or scrolls, with its number in view), every
figure opens full-size on tap with its smallest text at least
MIN_FIGURE_TEXT_PX there, and a table wider than the screen scrolls under a
caption that stays put. Also: the site search
finds a chapter of the Mechanisms part, and every downloadable notebook is a
valid notebook.
"""

from __future__ import annotations

import json
import re
import urllib.request
from dataclasses import dataclass, field

import nbformat
import pytest

from conftest import ROOT, require_tool, toc_files

from page_weight import block_other_hosts, record_sizes, serve  # noqa: E402

pytestmark = pytest.mark.build
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [f"{doc}.html" for doc in toc_files()] + ["search.html", "genindex.html"]
#: Colour scheme and viewport of the two visits of every page.
VISITS = {"light": (1400, 900), "dark": (390, 844)}
PHONE_MODE = "dark"
MIN_FIGURE_TEXT_PX = 9.0
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MAX_PAGE_KB = 600


@dataclass
class Visit:
    """What happened while one page loaded, and what it showed."""

    page: object
    console_errors: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    blocked: list = field(default_factory=list)
    sizes: dict = field(default_factory=dict)


def open_page(browser, base_url, path, mode="light"):
    """Open ``path`` in a fresh page, recording errors, bytes and off-site requests."""
    width, height = VISITS[mode]
    page = browser.new_page(viewport={"width": width, "height": height})
    visit = Visit(page, blocked=block_other_hosts(page, base_url), sizes=record_sizes(page))
    page.add_init_script(f"localStorage.setItem('theme', '{mode}');"
                         f"localStorage.setItem('mode', '{mode}');")
    page.on("console", lambda m: m.type == "error" and visit.console_errors.append(m.text))
    page.on("pageerror", lambda e: visit.console_errors.append(str(e)))
    page.on("requestfailed", lambda r: r.url.startswith(base_url)
            and visit.failed.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and visit.failed.append(f"{r.url}: {r.status}"))
    page.goto(base_url + path, wait_until="networkidle")
    return visit


#: How long (ms) a page may take to settle: its images decoded, its layout done.
SETTLE_MS = 15_000


def settle(visit):
    """Wait (Playwright polls, on every animation frame) until the page has
    loaded and every image in it has loaded or failed, so that what is read
    next is the settled page, however busy the machine. A page that does
    not settle is reported by :func:`page_problems` (an image that did not
    load), not here. Every response received before ``networkidle`` has
    been counted by then: Playwright delivers its events in order."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        visit.page.wait_for_function(
            """() => document.readyState === 'complete'
                     && [...document.images].every(i => i.complete)""", timeout=SETTLE_MS)
    except PlaywrightTimeout:
        pass


#: Marks each highlighted code token whose colours, backdrop, size and
#: weight an earlier token of the page already has (``data-repeated-colours``):
#: axe's colour-contrast result for it is that earlier token's, so axe checks
#: one token of each kind, which more than halves its time on a page of code.
MARK_REPEATED_CODE_COLOURS = """() => {
  const backdrop = e => {
    for (; e; e = e.parentElement) {
      const colour = getComputedStyle(e).backgroundColor;
      if (colour !== 'transparent' && !/^rgba\\(.*, 0\\)$/.test(colour)) return colour;
    }
    return 'none'; };
  const seen = new Set();
  for (const token of document.querySelectorAll('main pre span')) {
    if (token.children.length) continue;
    const style = getComputedStyle(token);
    const kind = [style.color, backdrop(token), style.fontSize, style.fontWeight,
                  style.opacity, style.textShadow].join('|');
    if (seen.has(kind)) token.setAttribute('data-repeated-colours', '');
    else seen.add(kind);
  } }"""


def page_problems(visit, html, mode, site_root):
    """Everything wrong with one loaded page, as readable lines."""
    page = visit.page
    problems = [f"request left 127.0.0.1: {u}" for u in visit.blocked]
    problems += [f"console error: {e}" for e in visit.console_errors]
    problems += [f"failed request: {f}" for f in visit.failed]
    images = page.eval_on_selector_all(
        "main img", "els => els.map(e => [e.getAttribute('src'), e.complete && e.naturalWidth, e.alt])")
    problems += [f"image did not load: {src}" for src, width, _ in images if not width]
    problems += [f"image without alt text: {src}" for src, _, alt in images if not alt.strip()]
    if 'class="math notranslate' in html:
        if page.locator("main mjx-container svg").count() == 0:
            problems.append("math not typeset as SVG")
        if re.search(r"\$\$|\\(frac|text|begin)\{", page.inner_text("main")):
            problems.append("raw TeX left on the page")
    theme = page.evaluate("document.documentElement.dataset.theme")
    if theme != mode:
        problems.append(f"page shows theme {theme!r}, not {mode!r}")
    page.add_script_tag(path=str(AXE))
    page.evaluate(MARK_REPEATED_CODE_COLOURS)
    result = page.evaluate(
        "tags => axe.run({exclude: [['[data-repeated-colours]']]},"
        " {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    problems += [f"axe {v['impact']}: {v['id']} at {[n['target'] for n in v['nodes']][:5]}"
                 for v in result["violations"] if v["impact"] in ("serious", "critical")]
    total_kb = sum(visit.sizes.values()) / 1024
    if total_kb > MAX_PAGE_KB:
        problems.append(f"page loads {total_kb:.0f} KB > {MAX_PAGE_KB} KB: {dict(visit.sizes)}")
    if mode == PHONE_MODE:
        problems += phone_problems(page, site_root)
    return problems


def svg_min_text_px(svg_text):
    """Size, in CSS px, of the smallest label of an SVG shown at its own size.

    A label is a ``<text>`` element; its size is that of its largest part, so
    the sub- and superscripts of a formula (which matplotlib sets at 70 % of
    their label) do not count on their own. None when the SVG has no text.
    """
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg_text.encode("utf-8"))
    width = re.match(r"([\d.]+)(pt|px)?$", root.get("width", ""))
    view = (root.get("viewBox") or "").split()
    if not width or len(view) != 4:
        return None
    per_unit = float(width.group(1)) * (4 / 3 if width.group(2) == "pt" else 1) / float(view[2])

    def size(element):
        found = re.search(r"font(?:-size)?:[^;]*?([\d.]+)px", element.get("style", ""))
        return float(found.group(1)) if found else None

    labels = []
    for text in root.iter("{http://www.w3.org/2000/svg}text"):
        sizes = [s for s in map(size, [text, *text.iter("{http://www.w3.org/2000/svg}tspan")]) if s]
        if sizes:
            labels.append(max(sizes))
    return min(labels) * per_unit if labels else None


def phone_problems(page, site_root):
    """What a phone reader cannot read: clipped equations, figures too small
    to read that do not open full-size, tables whose caption scrolls away."""
    problems = []
    math = page.evaluate("""() => [...document.querySelectorAll('main div.math')].map(d => {
        const s = d.querySelector('.math-scroll'), n = d.querySelector('.eqno');
        const fits = s && s.scrollWidth <= s.clientWidth + 1;
        const scrolls = s && ['auto', 'scroll'].includes(getComputedStyle(s).overflowX);
        const num = n && n.getBoundingClientRect();
        return [d.id || d.textContent.slice(0, 40), !!s, fits || scrolls,
                !num || (num.right <= innerWidth + 0.5 && num.width > 0)]; })""")
    for name, wrapped, readable, number_in_view in math:
        if not (wrapped and readable):
            problems.append(f"equation cut off on a phone: {name}")
        if not number_in_view:
            problems.append(f"equation number off screen on a phone: {name}")
    figures = page.evaluate("""() => [...document.querySelectorAll('main figure img')].map(i => {
        const a = i.closest('a'); return [i.getAttribute('src'), a && a.getAttribute('href')]; })""")
    for src, href in figures:
        if not href:
            problems.append(f"figure does not open full-size on tap: {src}")
            continue
        target = (site_root / href.split("#")[0]).resolve()
        if not target.is_file():
            problems.append(f"figure link is broken: {href}")
        elif target.suffix == ".svg":
            smallest = svg_min_text_px(target.read_text())
            if smallest is not None and smallest < MIN_FIGURE_TEXT_PX:
                problems.append(f"figure text {smallest:.1f} px full-size: {href}")
    tables = page.evaluate("""() => [...document.querySelectorAll('main table')].map(t => {
        const box = t.parentElement, cap = t.querySelector('caption');
        const wide = t.getBoundingClientRect().width > box.clientWidth + 1;
        if (!wide) return null;
        const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
        let stays = true;
        if (cap) { const before = cap.getBoundingClientRect().left; box.scrollLeft = 80;
                   stays = Math.abs(cap.getBoundingClientRect().left - before) < 1;
                   box.scrollLeft = 0; }
        return [t.id || (cap && cap.textContent.slice(0, 40)) || 'a table', scrolls, stays];
        }).filter(Boolean)""")
    for name, scrolls, stays in tables:
        if not scrolls:
            problems.append(f"wide table does not scroll on a phone: {name}")
        if not stays:
            problems.append(f"table caption scrolls away with its table: {name}")
    return problems


def check_visit(browser, base_url, site_dir, path, mode):
    """One visit of ``path`` in ``mode`` (its viewport from VISITS): every
    problem ``page_problems`` finds fails the test."""
    require_tool(AXE.exists(), "axe-core (run `make browser-deps`)")
    visit = open_page(browser, base_url, path, mode)
    try:
        settle(visit)
        problems = page_problems(visit, (site_dir / path).read_text(), mode,
                                 (site_dir / path).parent)
    finally:
        visit.page.close()
    assert problems == [], json.dumps(problems, indent=1)


@pytest.mark.parametrize("path", PAGES)
def test_page_in_light_mode_on_a_desktop(browser, base_url, site_dir, path):
    """Offline, error-free, typeset, accessible and light. (The dark-mode
    visit on a phone is in tests/test_site_phone.py, so that pytest-xdist
    runs the two halves on two workers.)"""
    check_visit(browser, base_url, site_dir, path, "light")


def test_search_finds_a_mechanisms_chapter(browser, base_url):
    visit = open_page(browser, base_url, "search.html?q=calmodulin")
    page = visit.page
    try:
        page.wait_for_selector("#search-results ul.search li a", timeout=15000)
        hrefs = page.eval_on_selector_all("#search-results ul.search li a",
                                          "els => els.map(e => e.getAttribute('href'))")
        assert any("calcineurin-nfat" in h for h in hrefs), hrefs
    finally:
        page.close()


def test_every_downloadable_notebook_is_valid(base_url, site_dir):
    offered = []
    for page in site_dir.rglob("*.html"):
        offered += [(page, href) for href in
                    re.findall(r'href="([^"]+\.ipynb)"', page.read_text())]
    chapters = [d for d in toc_files() if (ROOT / "notebooks" / f"{d}.ipynb").exists()]
    assert chapters and len({p for p, _ in offered}) >= len(chapters)
    for page, href in offered:
        url = base_url + str((page.parent / href).resolve().relative_to(site_dir.resolve()))
        with urllib.request.urlopen(url) as response:
            nb = nbformat.reads(response.read().decode("utf-8"), as_version=4)
        nbformat.validate(nb)
        assert any(c.cell_type == "code" for c in nb.cells), url


def test_requests_to_other_hosts_are_blocked_and_recorded(browser, base_url):
    """The blocker the other tests rely on does block: an off-site image is
    aborted and listed (the address is never resolved)."""
    page = browser.new_page()
    try:
        blocked = block_other_hosts(page, base_url)
        page.goto(base_url + "chapters/glossary.html", wait_until="networkidle")
        page.evaluate("""() => new Promise(done => {
            const img = new Image(); img.onerror = img.onload = done;
            img.src = 'https://off-site.invalid/tracker.png';
            document.body.appendChild(img); })""")
        assert blocked == ["https://off-site.invalid/tracker.png"]
    finally:
        page.close()


def test_page_problems_reports_each_planted_defect(browser, tmp_path):
    """The one-visit collector does find what it looks for: a planted page
    with a console error, a missing image, an image without alt text, raw
    TeX, a wrong theme, low contrast (in text and in a code token that
    repeats), an off-site request and too many bytes;
    on the phone an equation that cannot scroll, a figure that does not open
    full-size and a table whose caption scrolls away."""
    require_tool(AXE.exists(), "axe-core (run `make browser-deps`)")
    (tmp_path / "big.js").write_text("//" + "x" * (MAX_PAGE_KB * 1024 + 10))
    html = """<!doctype html><html lang="en"><head><title>Planted</title>
<script src="big.js"></script></head><body><main>
<pre><span class="n">ok</span> <span class="faint" style="color:#eee">faint_token</span>
<span class="n">ok</span> <span class="faint" style="color:#eee">faint_token</span></pre>
<div class="math notranslate">$$\\frac{a}{b}$$</div>
<figure><img src="missing.png" alt="a figure that is not there"></figure>
<div style="overflow-x:auto"><table><caption>Planted table</caption>
<tr><td style="min-width:900px">a wide cell</td></tr></table></div>
<img src="https://off-site.invalid/x.png" alt="off-site">
<p style="color:#ccc;background:#fff">faint text</p>
<script>console.error("planted error")</script>
</main></body></html>"""
    (tmp_path / "planted.html").write_text(html)
    server, base = serve(tmp_path)
    try:
        visit = open_page(browser, base, "planted.html", "dark")
        settle(visit)
        problems = "\n".join(page_problems(visit, html, "dark", tmp_path))
        visit.page.close()
    finally:
        server.shutdown()
    for expected in ("request left 127.0.0.1: https://off-site.invalid/x.png",
                     "console error: planted error", "missing.png",
                     "math not typeset as SVG", "raw TeX left on the page",
                     "not 'dark'", "axe serious: color-contrast", "['.faint:nth-child(2)']",
                     f"KB > {MAX_PAGE_KB} KB",
                     "equation cut off on a phone", "figure does not open full-size",
                     "table caption scrolls away"):
        assert expected in problems, (expected, problems.splitlines())
