"""The built site in a real browser: Debian's Chromium driven by Playwright.

Every page of the toc is opened from a server on 127.0.0.1 while every
request to any other host is blocked and recorded. Checked on each page: no
console errors, no failed or blocked requests, typeset math, loaded images
with alt text, and zero serious or critical WCAG 2.1 AA violations found by
axe-core in light and in dark mode, and a total weight of at most 1,000 KB
(uncompressed). Also: the site search finds a chapter of the Mechanisms
part, and every downloadable notebook is a valid notebook.
"""

from __future__ import annotations

import json
import re
import sys
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT, require_tool, toc_files

sys.path.insert(0, str(ROOT / "tools"))
from page_weight import (CHROMIUM, CHROMIUM_ARGS, block_other_hosts,  # noqa: E402
                         serve, weigh)

pytestmark = pytest.mark.build
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [f"{doc}.html" for doc in toc_files()] + ["search.html", "genindex.html"]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MAX_PAGE_KB = 1000


@pytest.fixture(scope="module")
def base_url(site_dir):
    server, base = serve(site_dir)
    yield base
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    require_tool(Path(CHROMIUM).exists(), f"Chromium ({CHROMIUM}, Debian package chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """What happened while one page loaded."""

    page: object
    console_errors: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    blocked: list = field(default_factory=list)


def open_page(browser, base_url, path, mode="light"):
    """Open ``path`` in a fresh page, recording errors and off-site requests."""
    page = browser.new_page()
    visit = Visit(page, blocked=block_other_hosts(page, base_url))
    page.add_init_script(f"localStorage.setItem('theme', '{mode}');"
                         f"localStorage.setItem('mode', '{mode}');")
    page.on("console", lambda m: m.type == "error" and visit.console_errors.append(m.text))
    page.on("pageerror", lambda e: visit.console_errors.append(str(e)))
    page.on("requestfailed", lambda r: r.url.startswith(base_url)
            and visit.failed.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and visit.failed.append(f"{r.url}: {r.status}"))
    page.goto(base_url + path, wait_until="networkidle")
    return visit


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_without_errors(browser, base_url, site_dir, path):
    visit = open_page(browser, base_url, path)
    page = visit.page
    try:
        assert visit.blocked == [], "requests left 127.0.0.1"
        assert visit.console_errors == []
        assert visit.failed == []
        images = page.eval_on_selector_all(
            "main img", "els => els.map(e => [e.getAttribute('src'), e.complete && e.naturalWidth, e.alt])")
        for src, width, alt in images:
            assert width, f"image did not load: {src}"
            assert alt.strip(), f"image without alt text: {src}"
        html = (site_dir / path).read_text()
        if 'class="math notranslate' in html:
            assert page.locator("main mjx-container svg").count() > 0
            text = page.inner_text("main")
            assert not re.search(r"\$\$|\\\\(frac|text|begin)\{", text), "raw TeX left on the page"
    finally:
        page.close()


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(browser, base_url, path, mode):
    require_tool(AXE.exists(), "axe-core (run `make browser-deps`)")
    visit = open_page(browser, base_url, path, mode)
    page = visit.page
    try:
        assert page.evaluate("document.documentElement.dataset.theme") == mode
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
        serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        report = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5]) for v in serious]
        assert serious == [], json.dumps(report, indent=1)
    finally:
        page.close()


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


@pytest.mark.parametrize("path", PAGES)
def test_page_weight_is_at_most_1000_kb(browser, base_url, path):
    sizes, blocked = weigh(browser, base_url, path)
    total_kb = sum(sizes.values()) / 1024
    assert blocked == []
    assert total_kb <= MAX_PAGE_KB, f"{path}: {total_kb:.0f} KB {sizes}"


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
