"""Unit tests for the helpers of _ext/sitediet.py (icon-font subsetting)."""

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "_ext"))
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
