"""Citations a reader can follow: every record is cited by a short author or
organisation label, the bibliography lists the records by that label with no
numbers, and every in-text citation links to its entry.

The record checks read references.bib; the page checks read the HTML site
(built once per run, or $TCIBOOK_SITE). The PDF's bibliography is checked in
tests/test_pdf_build.py."""

import functools
import re
import unicodedata
from html.parser import HTMLParser

import pytest
from pybtex.database import parse_file

from conftest import ROOT

import bibstyle  # noqa: E402

BIB = ROOT / "references.bib"
#: Longest in-text label a reader should meet ("Naesens, Kuypers and Sarwal,
#: 2009" is 33 characters; a whole article title is 80 to 200).
MAX_LABEL = 40


@functools.lru_cache(maxsize=1)
def _entries():
    return parse_file(str(BIB)).entries


def _fold(text):
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


# --- the records ----------------------------------------------------------------

def test_every_record_has_authors_editors_or_a_key_label():
    """No record is cited by its title: one without verified authors carries
    a short ``key`` label (an organisation or a short name of the work)."""
    unnamed = [key for key, e in _entries().items()
               if not e.persons.get("author") and not e.persons.get("editor")
               and not e.fields.get("key", "").strip()]
    assert unnamed == []


@pytest.mark.parametrize("key", sorted(_entries()))
def test_record_label_is_short(key):
    """The name the text cites a record by, plus its year, is at most
    MAX_LABEL characters: its ``key`` label, or else the first author and
    "et al." for three or more authors, as the author-year style prints them."""
    entry = _entries()[key]
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    known = [p for p in persons if str(p) != "others"]
    if entry.fields.get("key"):
        name = bibstyle._plain(entry.fields["key"])
    elif known:
        lasts = [bibstyle._plain(" ".join(p.prelast_names + p.last_names)) for p in known]
        if len(known) < len(persons) or len(known) > 2:
            name = f"{lasts[0]} et al."
        else:
            name = " and ".join(lasts)
    else:
        name = bibstyle._plain(entry.fields["key"])
    label = f"{name}, {entry.fields.get('year', 'n.d.')}"
    assert len(label) <= MAX_LABEL, label


def test_sorting_style_orders_by_cited_name_ignoring_case_and_accents():
    from pybtex.database import Entry, Person

    def record(last, year="2000", **fields):
        entry = Entry("article", fields={"year": year, "title": "T", **fields})
        if last:
            entry.persons["author"] = [Person(last)]
        return entry

    entries = [record("Zhu, A."), record(None, key="KDIGO"), record("{\\'E}mile, B."),
               record("de Vries, C."), record("Adams, D.", year="2001"),
               record("adams, E.", year="1999")]
    order = bibstyle.AuthorYearLabelSortingStyle().sort(entries)
    names = [bibstyle.citation_name(e) for e in order]
    assert names == ["adams", "Adams", "de Vries", "Émile", "KDIGO", "Zhu"]
    # a key label is the cited name even where there are authors
    labelled = record("Zzz, A.", key="Aaa label")
    assert bibstyle.citation_name(labelled) == "Aaa label"


def test_bibliography_entry_opens_with_the_cited_name_and_year():
    from pybtex.database import Entry, Person

    entry = Entry("article", fields={
        "title": "A title", "journal": "A Journal", "year": "2008", "volume": "58",
        "pages": "990--999", "doi": "10.1000/x"})
    entry.persons["author"] = [Person("Breneman, D."), Person("others")]
    text = bibstyle.AuthorYearStyle().format_entry("1", entry).text.render_as("text")
    assert text == ("Breneman, D. et al. (2008). A title. A Journal, 58:990–999. "
                    "https://doi.org/10.1000/x.")
    keyed = Entry("misc", fields={"title": "A guideline", "key": "KDIGO", "year": "2024"})
    text = bibstyle.AuthorYearStyle().format_entry("1", keyed).text.render_as("text")
    assert text.startswith("KDIGO (2024). A guideline.")
    keyed.persons["author"] = [Person("{Novartis Pharmaceuticals Corporation}")]
    text = bibstyle.AuthorYearStyle().format_entry("1", keyed).text.render_as("text")
    assert text.startswith("KDIGO (2024). Novartis Pharmaceuticals Corporation. A guideline.")


# --- the site ---------------------------------------------------------------------

class _Page(HTMLParser):
    """Collects the bibliography's entries (id, text) and every link."""

    def __init__(self):
        super().__init__()
        self.entries, self.links, self.labels = [], [], []
        self._depth = 0          # inside the bibliography's <ul>
        self._item = None        # [id, text] of the current <li>
        self._link = None        # [href, text] of the current <a>
        self._label = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "ul" and bibstyle.LIST_CLASS in classes:
            self._depth = 1
        elif tag == "ul" and self._depth:
            self._depth += 1
        elif tag == "li" and self._depth == 1:
            self._item = [attrs.get("id"), ""]
        elif tag == "a":
            self._link = [attrs.get("href", ""), ""]
        if tag == "span" and "label" in classes:
            self._label = True

    def handle_endtag(self, tag):
        if tag == "ul" and self._depth:
            self._depth -= 1
        elif tag == "li" and self._item is not None and self._depth == 1:
            self.entries.append((self._item[0], " ".join(self._item[1].split())))
            self._item = None
        elif tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None
        elif tag == "span":
            self._label = False

    def handle_data(self, data):
        if self._item is not None:
            self._item[1] += data
        if self._link is not None:
            self._link[1] += data
        if self._label:
            self.labels.append(data)


def _parse(path):
    page = _Page()
    page.feed(path.read_text())
    return page


@pytest.fixture(scope="module")
def bibliography_page(site_dir):
    return _parse(site_dir / "chapters" / "bibliography.html")


def test_html_bibliography_lists_every_record_without_numbers(bibliography_page):
    entries = bibliography_page.entries
    assert len(entries) == len(_entries())
    assert all(ident for ident, _ in entries)
    numbered = [text for _, text in entries if re.match(r"\[?\d+\]?\s", text)]
    assert numbered == []
    assert not [lab for lab in bibliography_page.labels if re.fullmatch(r"\[?\d+\]?", lab)]


def test_html_bibliography_is_sorted_by_cited_name(bibliography_page):
    """Each entry opens with the name it is cited by (before the first comma,
    parenthesis or full stop); the list is in that name's alphabetical order."""
    names = [_fold(re.split(r"[,(.]", text, maxsplit=1)[0])
             for _, text in bibliography_page.entries]
    assert names == sorted(names), [
        (a, b) for a, b in zip(names, names[1:]) if a > b]


def test_every_citation_links_to_its_entry_and_is_short(site_dir, bibliography_page):
    """Every link to the bibliography page from a chapter names an entry that
    exists; its text is a short label; every entry is cited."""
    ids = {ident for ident, _ in bibliography_page.entries}
    cited, broken, long_labels = set(), [], []
    for page in sorted((site_dir / "chapters").glob("*.html")):
        if page.name == "bibliography.html":
            continue
        for href, text in _parse(page).links:
            target = re.fullmatch(r"(?:bibliography\.html)?#(.+)", href)
            if not target or (not href.startswith("bibliography.html")):
                continue
            if target.group(1) not in ids:
                broken.append((page.name, href))
            cited.add(target.group(1))
            if len(text) > MAX_LABEL:
                long_labels.append((page.name, text))
    assert broken == []
    assert long_labels == []
    assert ids - cited == set()
