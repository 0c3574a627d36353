"""Every internal link and anchor of the built site resolves, and every
external link is the DOI, PubMed or label address of a record in
references.bib."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT

pytestmark = pytest.mark.build


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def _parse(path: Path):
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _pages(site_dir):
    return sorted(p for p in site_dir.rglob("*.html") if "_static" not in p.parts)


def _bib_addresses():
    text = (ROOT / "references.bib").read_text()
    urls = set(re.findall(r"url\s*=\s*\{([^}]+)\}", text))
    dois = {f"https://doi.org/{d}" for d in re.findall(r"doi\s*=\s*\{([^}]+)\}", text)}
    pmids = {f"https://pubmed.ncbi.nlm.nih.gov/{p}/" for p in re.findall(r"PMID (\d+)", text)}
    return urls | dois | pmids


def external_links(site_dir):
    """Every distinct external address any page links to, with one page that does."""
    found = {}
    for page in _pages(site_dir):
        for href in _parse(page).links:
            if urlsplit(href).scheme in ("http", "https"):
                found.setdefault(href, page.relative_to(site_dir))
    return found


def test_internal_links_and_anchors_resolve(site_dir):
    ids = {}
    broken = []
    for page in _pages(site_dir):
        for href in _parse(page).links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("mailto:", "javascript:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(site_dir)} -> {href} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = _parse(target).ids
                if unquote(parts.fragment) not in ids[target]:
                    broken.append(f"{page.relative_to(site_dir)} -> {href} (no such anchor)")
    assert broken == []


def test_external_links_are_records_of_the_bibliography(site_dir):
    allowed = _bib_addresses()
    links = external_links(site_dir)
    print("\nExternal links:\n" + "\n".join(f"  {u}  (e.g. {p})" for u, p in sorted(links.items())))
    assert {u: str(p) for u, p in links.items() if u not in allowed} == {}
