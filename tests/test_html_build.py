"""The real book builds to HTML with zero warnings, every toc page exists,
and math is served from the site itself."""

import re

import pytest

from conftest import ROOT, toc_files

pytestmark = pytest.mark.build
HTML = ROOT / "_build" / "html"


def test_html_build_has_zero_warnings(html_build):
    code, out = html_build
    assert code == 0, out[-4000:]
    assert "build succeeded" in out
    assert not re.search(r"WARNING: (?!Kernel is running over TCP)", out), out[-4000:]


def test_every_toc_page_is_built(html_build):
    for doc in toc_files():
        assert (HTML / f"{doc}.html").is_file(), doc


def test_mathjax_is_local_and_present(html_build):
    page = (HTML / "chapters" / "introduction.html").read_text()
    (src,) = re.findall(r'<script[^>]+src="([^"]*tex-chtml\.js[^"]*)"', page)
    assert not src.startswith(("http:", "https:", "//")), src
    assert (HTML / "mathjax" / "tex-chtml.js").is_file()
    assert (HTML / "mathjax" / "output" / "chtml" / "fonts" / "woff-v2").is_dir()


def test_no_page_loads_scripts_styles_or_fonts_from_another_host(html_build):
    for page in HTML.rglob("*.html"):
        text = page.read_text()
        for tag in re.findall(r"<(?:script|link|img)\b[^>]*>", text):
            src = re.search(r'(?:src|href)="([^"]+)"', tag)
            if src and ("<link" not in tag or "stylesheet" in tag or "preload" in tag):
                assert not re.match(r"(https?:)?//", src.group(1)), (page.name, tag)


def test_glued_numbers_and_numbered_items_render(html_build):
    page = (HTML / "chapters" / "introduction.html").read_text()
    assert "822.03" in page and "804.02" in page   # glued from tcibook.facts
    assert "Fig. 1.1" in page and "Table 1.1" in page and "(1.1)" in page
    assert 'alt="Horizontal bar chart' in page
