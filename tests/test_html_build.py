"""The real book builds to HTML with zero warnings, every toc page exists,
and math arrives as finished SVG."""

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


def test_math_is_prerendered_svg_with_hidden_mathml(html_build):
    page = (HTML / "chapters" / "introduction.html").read_text()
    math = re.findall(r'<div class="math notranslate nohighlight"[^>]*>(.*?)</div>', page, re.S)
    assert math, "no display math on the introduction page"
    for block in math:
        assert "<svg" in block and "mjx-assistive-mml" in block and "<math" in block
        assert "\\frac" not in block            # no raw TeX left
    assert not re.search(r'<script[^>]+src="[^"]*(mathjax|tex-)', page, re.I)
    assert (HTML / "_static" / "mathjax-svg.css").is_file()


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
