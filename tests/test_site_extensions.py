"""The book's Sphinx extensions: the helpers of _ext/sitediet.py
(icon-font subsetting), and the stylesheet of _ext/mathsvg.py across builds."""


import pytest

from conftest import ROOT

import sitediet  # noqa: E402

CSS = ('.fa-0:before{content:"\\30 "}.fa-magnifying-glass:before,.fa-search:before'
       '{content:"\\f002"}.fa-at:before{content:"\\@"}.fa-bars:before{content:"\\f0c9"}'
       '.admonition{--pst-icon-tip:"\\f0eb"}')


def test_icon_codepoints_reads_escapes_and_aliases():
    table = sitediet.icon_codepoints(CSS)
    assert table["magnifying-glass"] == table["search"] == 0xF002
    assert table["0"] == 0x30 and table["at"] == ord("@") and table["bars"] == 0xF0C9


def test_trim_keeps_only_rules_of_used_icons():
    trimmed = sitediet.trim_icon_rules(CSS, {"search"})
    assert ".fa-search:before" in trimmed and ".fa-magnifying-glass:before" in trimmed
    assert ".fa-bars" not in trimmed and ".fa-0:" not in trimmed
    assert "--pst-icon-tip" in trimmed          # non-icon rules are untouched


def test_used_icons_ignores_modifiers(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "page.html").write_text('<i class="fa-solid fa-bars fa-lg"></i>')
    assert sitediet.used_icons(tmp_path) == {"bars"}


def test_css_icon_codepoints_finds_icons_drawn_by_css(tmp_path):
    (tmp_path / "a.css").write_text(CSS + '.x{--i:"\uf058"}')
    points = sitediet.css_icon_codepoints(tmp_path)
    assert 0xF0EB in points and 0xF058 in points
    assert 0xF002 not in points                 # that one belongs to a .fa-* rule


@pytest.mark.build
def test_mathjax_stylesheet_is_the_same_after_clean_noop_and_one_page_builds(tiny_site, tmp_path):
    """mathsvg writes MathJax's whole stylesheet on every build, also on an
    incremental one that renders no formula or only one page's."""
    text = "# Planted\n\nInline $x^2$ and a display:\n\n$$\\frac{a}{b}$$\n"
    css = tmp_path / "_build" / "html" / "_static" / "mathjax-svg.css"
    sheets = {}
    for step in ("clean", "no-op", "one page changed"):
        if step == "one page changed":
            text += "\nAnd $y = 3$.\n"
        ok, out = tiny_site({"planted": text}, ("mathsvg",), freshenv=step == "clean")
        assert ok, out[-3000:]
        sheets[step] = css.read_text()
    assert "mjx-container" in sheets["clean"] and len(sheets["clean"]) > 1000
    assert sheets["no-op"] == sheets["clean"]
    assert sheets["one page changed"] == sheets["clean"]


def test_purge_keeps_rules_pages_and_scripts_use_and_drops_the_rest(tmp_path):
    """PurgeCSS (run by sitediet) keeps a rule for a class on a page or in a
    script, and for the theme's data-theme attribute; it drops the others
    and leaves the book's own stylesheets alone."""
    static = tmp_path / "_static"
    static.mkdir()
    (tmp_path / "page.html").write_text('<html><body><p class="used">x</p></body></html>')
    (static / "theme.js").write_text('el.classList.add("added-by-script")')
    (static / "theme.css").write_text(
        ".used{color:red}.unused{color:blue}.added-by-script{color:green}"
        'html[data-theme=dark] .used{color:white}mjx-container{display:block}')
    (static / "book.css").write_text(".not-on-any-page{color:red}")
    sizes = sitediet.purge_unused_css(tmp_path, own={"book.css"})
    css = (static / "theme.css").read_text()
    assert ".used" in css and ".added-by-script" in css and "data-theme=dark" in css
    assert "mjx-container" in css and ".unused" not in css
    assert (static / "book.css").read_text() == ".not-on-any-page{color:red}"
    assert set(sizes) == {"theme.css"} and sizes["theme.css"][1] < sizes["theme.css"][0]


def test_svg_figures_are_minified_and_keep_their_text(tmp_path):
    images = tmp_path / "_images"
    images.mkdir()
    svg = ('<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'
           '<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt" viewBox="0 0 100 50">\n'
           ' <metadata>made by a plotting library</metadata>\n'
           '   <path d="M 10.000000 10.000000 L 90.000000 40.000000" style="stroke: #000000"/>\n'
           '   <text x="5.000000" y="45.000000" style="font-size: 10px">Day 14</text>\n'
           '</svg>\n')
    (images / "fig.svg").write_text(svg)
    sizes = sitediet.minify_figures(tmp_path)
    out = (images / "fig.svg").read_text()
    assert sizes["fig.svg"][1] < sizes["fig.svg"][0] == len(svg.encode())
    assert "Day 14" in out and "<text" in out and "metadata" not in out
