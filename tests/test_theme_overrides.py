"""The book's copies of theme templates still match the theme they were
copied from, except for their one stated change.

Each override in _templates/ is derived from a file of the pinned
pydata-sphinx-theme; these tests derive it again from the installed theme
and fail when the theme's file has changed (after an upgrade), so that the
copy is redone instead of silently dropping the theme's fixes.
"""

import re
from pathlib import Path

import pydata_sphinx_theme

from conftest import ROOT

THEME = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
OVERRIDES = ROOT / "_templates"
COPIED_FROM = "0.17.1"


def _without_leading_comment(text):
    """Drop the override's own explanatory comment at the top."""
    return re.sub(r"\A(\{#-.*?-#\}\n|<!--.*?-->\n)", "", text, count=1, flags=re.S)


def test_theme_is_the_version_the_overrides_were_copied_from():
    assert pydata_sphinx_theme.__version__ == COPIED_FROM, (
        "pydata-sphinx-theme changed: re-derive every file in _templates/ from it, "
        "then update COPIED_FROM")


def test_header_override_is_the_theme_header_without_its_sidebar_toggles():
    theme = (THEME / "sections" / "header.html").read_text()
    ours = _without_leading_comment((OVERRIDES / "sections" / "header.html").read_text())
    expected = re.sub(r'  <button class="pst-navbar-icon sidebar-toggle primary-toggle".*?'
                      r'</button>\n', "", theme, flags=re.S)
    expected = re.sub(r"  \{% if not remove_sidebar_secondary and secondary_sidebar_items %\}\n"
                      r'    <button class="pst-navbar-icon sidebar-toggle secondary-toggle".*?'
                      r"</button>\n  \{% endif %\}\n", "", expected, flags=re.S)
    assert expected != theme, "the theme's header no longer has the toggles this removes"
    assert ours == expected


def test_webpack_macros_override_is_the_theme_file_without_fontawesome_js():
    theme = (THEME / "static" / "webpack-macros.html").read_text()
    ours = (OVERRIDES / "static" / "webpack-macros.html").read_text()
    body = lambda text: text.split("-->", 1)[1]          # after the leading comment
    expected = re.sub(r"  <!-- So that users can add custom icons -->\n"
                      r"  <script defer src=\"\{\{ pathto\('_static/scripts/fontawesome.js'.*?"
                      r"</script>\n", "", body(theme), flags=re.S)
    assert expected != body(theme), "the theme no longer loads fontawesome.js this way"
    assert body(ours) == expected


def test_layout_override_repeats_the_theme_extrahead_except_the_search_tools():
    theme = (THEME / "layout.html").read_text()
    ours = (OVERRIDES / "layout.html").read_text()
    block = re.search(r"\{%- block extrahead %\}(.*?)\{%- endblock extrahead %\}", theme, re.S)
    kept = block.group(1).split("  {%- if last_updated %}")[0]
    assert kept.strip() and kept in ours
    assert "searchtools" in block.group(1)          # what the override leaves out
