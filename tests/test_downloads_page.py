"""The downloads page, the edition notes and the citation on the built site
(_ext/bookfiles.py): every file the downloads page links is inside the site
with the size the page prints; the exercise notebooks are the committed
ones; every page's download menu leads to the downloads page; the edition
notes list every change of changelog.yml; the front page and the downloads
page offer the BibTeX entry. (tests/test_site_links.py checks that every
link of every page resolves.)"""

from __future__ import annotations

import importlib.util
import re
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import ROOT, toc_files

pytestmark = pytest.mark.build

spec = importlib.util.spec_from_file_location("tcibook_ext_bookfiles", ROOT / "_ext" / "bookfiles.py")
bookfiles = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = bookfiles
spec.loader.exec_module(bookfiles)


class _Table(HTMLParser):
    """Rows of the downloads table: (link, cells' text)."""

    def __init__(self):
        super().__init__()
        self.rows, self._row, self._in = [], None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "downloads-table" in (attrs.get("class") or ""):
            self._in = True
        elif self._in and tag == "tr":
            self._row = {"href": None, "cells": []}
        elif self._row is not None and tag == "td":
            self._row["cells"].append("")
        elif self._row is not None and tag == "a" and self._row["href"] is None:
            self._row["href"] = attrs.get("href")

    def handle_endtag(self, tag):
        if tag == "tr" and self._row is not None:
            if self._row["cells"]:
                self.rows.append(self._row)
            self._row = None
        elif tag == "table":
            self._in = False

    def handle_data(self, data):
        if self._row is not None and self._row["cells"]:
            self._row["cells"][-1] += data


def _text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


@pytest.fixture(scope="module")
def downloads(site_dir):
    page = site_dir / "chapters" / "downloads.html"
    parser = _Table()
    parser.feed(page.read_text(encoding="utf-8"))
    return page, parser.rows


def test_every_file_listed_is_in_the_site_with_its_size(downloads, site_dir):
    page, rows = downloads
    assert rows
    for row in rows:
        target = (page.parent / unquote(row["href"])).resolve()
        assert target.is_file(), row["href"]
        assert target.parent == (site_dir / "downloads").resolve()
        size, edition = (c.strip() for c in row["cells"][1:])
        assert size == bookfiles.human_size(target.stat().st_size)
        assert edition.startswith(bookfiles.load_citation(ROOT)["version"])


def test_the_site_holds_no_file_the_page_does_not_list(downloads, site_dir):
    page, rows = downloads
    listed = {Path(unquote(r["href"])).name for r in rows}
    assert {p.name for p in (site_dir / "downloads").iterdir()} == listed


def test_each_offered_file_is_listed_or_named_with_its_make_target(downloads):
    page, rows = downloads
    text = _text(page.read_text(encoding="utf-8"))
    listed = {Path(unquote(r["href"])).name for r in rows}
    for d in bookfiles.DOWNLOADS:
        if "full" in d.editions:
            assert d.name in listed or (d.title in text and d.make in text), d.title


def test_exercise_notebooks_are_the_committed_solution_notebooks(site_dir):
    with zipfile.ZipFile(site_dir / "downloads" / "tcibook-exercise-notebooks.zip") as archive:
        names = sorted(Path(n).name for n in archive.namelist())
        committed = sorted(p.name for p in (ROOT / "exercises").glob("practice-*.ipynb"))
        assert names == committed
        for name in archive.namelist():
            assert archive.read(name) == (ROOT / "exercises" / Path(name).name).read_bytes()


def test_every_download_menu_leads_to_the_downloads_page(site_dir):
    without = []
    for doc in toc_files():
        page = site_dir / f"{doc}.html"
        html = page.read_text(encoding="utf-8")
        if "download-source-button" not in html or doc == "chapters/downloads":
            continue                # a page with no download menu, or the page itself
        link = re.search(r'<a href="([^"]*)"[^>]*\n?\s*class="[^"]*btn-download-book-button', html)
        if not link or (page.parent / link.group(1)).resolve() != \
                (site_dir / "chapters" / "downloads.html").resolve():
            without.append(doc)
    assert without == []


def test_edition_notes_list_every_change_of_the_changelog(site_dir):
    html = (site_dir / "chapters" / "changes.html").read_text(encoding="utf-8")
    log = bookfiles.load_changelog(ROOT)
    body = html.split('class="changelog', 1)[1]
    for edition in log["editions"]:
        assert f"Edition {edition['edition']}, {bookfiles.long_date(edition['date'])}" in html
    changes = [c for e in log["editions"] for c in e["changes"]]
    assert body.count("<li>") >= len(changes)
    for change in changes:
        assert log["kinds"][change["kind"]] in body


@pytest.mark.parametrize("doc", ["chapters/index", "chapters/downloads"])
def test_the_citation_and_its_bibtex_are_on_the_page(site_dir, doc):
    text = _text((site_dir / f"{doc}.html").read_text(encoding="utf-8"))
    citation = bookfiles.load_citation(ROOT)
    assert "How to cite this book" in text
    assert citation["title"] in text and f"Edition {citation['version']}" in text
    assert "@book{tcibook," in text
