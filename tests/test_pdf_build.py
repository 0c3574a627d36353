"""The PDF builds as a book: title, contents, every chapter, bibliography,
index; a bookmark for every chapter; every font embedded; every figure
present; no text outside the text block.

Skips only when TeX is missing and CI is unset; under CI=true a missing TeX
installation is a failure."""

import os
import re
import shutil
import subprocess

import pytest

from conftest import ROOT, toc_files

pytestmark = pytest.mark.build
PDF = ROOT / "_build" / "latex" / "book.pdf"


def _chapter_title(doc):
    text = (ROOT / f"{doc}.md").read_text()
    return re.search(r"^# (.+)$", text, re.MULTILINE).group(1).strip()


def _straight_quotes(text):
    """``text`` with LaTeX's typographic apostrophe (’) written as the source's (')."""
    return text.replace("\u2019", "'")


@pytest.fixture(scope="module")
def built_pdf(pdf_build):
    from pdf_requirements import missing_packages

    missing = missing_packages() + ([] if shutil.which("pdftotext") else ["poppler-utils"])
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but the PDF toolchain is missing: " + " ".join(missing))
        pytest.skip("PDF toolchain missing (set CI=true to make this a failure): "
                    + " ".join(missing))
    code, out = pdf_build
    assert code == 0, out[-4000:]
    assert PDF.is_file()
    return PDF


def _poppler(*args):
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def pdf_text(built_pdf):
    return _straight_quotes(re.sub(r"\s+", " ", _poppler("pdftotext", "-layout", str(built_pdf), "-")))


def test_pdf_has_title_and_contents(pdf_text):
    assert "The Pharmacology of Topical Calcineurin Inhibitors" in pdf_text
    assert "1970" not in pdf_text[:600], "title page dated from a zero SOURCE_DATE_EPOCH"
    assert "CONTENTS" in pdf_text.upper()


def test_pdf_has_every_chapter_title(pdf_text):
    for doc in toc_files()[1:]:
        title = _chapter_title(doc)
        assert title.upper() in pdf_text.upper(), title


def _bookmark_pages(pdf):
    """{bookmark title: first page number (1-based)} of the PDF's outline."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    pages = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                pages.setdefault(item.title, reader.get_destination_page_number(item) + 1)

    walk(reader.outline)
    return pages, len(reader.pages)


def _pages_text(pdf, first, last):
    return _poppler("pdftotext", "-f", str(first), "-l", str(last), "-layout", str(pdf), "-")


def test_pdf_bibliography_lists_full_records(built_pdf):
    """The bibliography section (found by its bookmark) holds full records:
    titles of cited works, which in-text citations never print."""
    pages, count = _bookmark_pages(built_pdf)
    start = pages.get("Bibliography")
    assert start, sorted(pages)
    text = re.sub(r"\s+", " ", _pages_text(built_pdf, start, count))
    for title in ("Calcineurin is a common target of cyclophilin",
                  "The 500 Dalton rule for the skin penetration"):
        assert title in text, title


def test_pdf_index_has_entries_with_page_numbers(built_pdf):
    """The index (found by its bookmark) lists entries followed by page numbers."""
    pages, count = _bookmark_pages(built_pdf)
    start = pages.get("Index")
    assert start, sorted(pages)
    text = _pages_text(built_pdf, start, count)
    entries = re.findall(r"^\s*(\S[^,\n]*?), (\d+)", text, re.M)
    assert len(entries) >= 10, text[:2000]
    assert all(int(page) < start for _, page in entries)


def _outline_titles(outline):
    for item in outline:
        if isinstance(item, list):
            yield from _outline_titles(item)
        else:
            yield item.title


def test_pdf_has_a_bookmark_for_every_chapter(built_pdf):
    from pypdf import PdfReader

    titles = {_straight_quotes(t) for t in _outline_titles(PdfReader(built_pdf).outline)}
    for doc in toc_files()[1:]:
        assert _chapter_title(doc) in titles, _chapter_title(doc)


def test_pdf_embeds_every_font(built_pdf):
    rows = _poppler("pdffonts", str(built_pdf)).splitlines()[2:]
    assert rows
    not_embedded = [r for r in rows if r.split()[-5] != "yes"]
    assert not_embedded == []


def test_pdf_contains_every_figure(built_pdf):
    """Each figure of the chapters is included by LaTeX, from a file that exists."""
    names = set()
    for md in (ROOT / "chapters").glob("*.md"):
        names.update(re.findall(r"^:?\s*:?\s*name:\s*(fig-[\w-]+)", md.read_text(), re.M))
    tex = (built_pdf.parent / "book.tex").read_text()
    included = re.findall(r"\\sphinxincludegraphics(?:\[[^]]*\])?\{\{?([^}]+)\}", tex)
    assert len(included) >= len(names) > 0
    for name in included:
        stem = name.strip("{}")
        assert list(built_pdf.parent.glob(stem + "*")), f"missing figure file {stem}"
    for name in names:
        assert f"{name}}}" in tex or f"{name}" in tex, f"figure {name} not in the PDF"


def test_no_text_outside_the_text_block(built_pdf):
    """Every word lies inside the text block (1 inch margins), give or take
    3 pt sideways and 5 pt below, except the running footer, whose baseline
    is found as the most common line below the block."""
    from collections import Counter

    html = _poppler("pdftotext", "-bbox", str(built_pdf), "-")
    word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                      r'yMax="([\d.]+)">([^<]*)</word>')
    pages = [(float(w), float(h), [(float(a), float(b), float(c), float(d), t)
                                   for a, b, c, d, t in word.findall(body)])
             for w, h, body in re.findall(
                 r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S)]
    below = Counter(round(y0) for _, h, words in pages for _, y0, _, _, _ in words
                    if y0 > h - 72.0 + 5.0)
    footer = below.most_common(1)[0][0] if below else None
    outside = []
    for number, (width, height, words) in enumerate(pages, start=1):
        left, right, bottom = 72.0 - 3.0, width - 72.0 + 3.0, height - 72.0 + 5.0
        for x0, y0, x1, y1, text in words:
            sideways = x0 < left or x1 > right
            too_low = y1 > bottom and (footer is None or abs(y0 - footer) > 3.0)
            if sideways or too_low:
                outside.append(f"page {number}: {text!r} at x {x0:.0f}-{x1:.0f}, "
                               f"y {y0:.0f}-{y1:.0f}")
    assert outside == [], outside[:20]


# --- A PDF that reads like a book ---------------------------------------------------

@pytest.fixture(scope="module")
def pdf_pages(built_pdf):
    """Text of each page (pdftotext -layout), in page order."""
    pages = _poppler("pdftotext", "-layout", str(built_pdf), "-").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


BOOK_TITLE = "The Pharmacology of Topical Calcineurin Inhibitors"
#: A running foot: the page number, then or after a chapter mark or title.
_FOOT = re.compile(r"^\s*(\d+|[ivxlc]+)(\s{2,}\S.*)?$|^\s*\S.*\s{2,}(\d+|[ivxlc]+)\s*$")


def _body_lines(page):
    """The page's text lines without its running head and foot."""
    lines = [line for line in page.splitlines() if line.strip()]
    if lines and lines[0].strip() == BOOK_TITLE:
        lines = lines[1:]
    if lines and (_FOOT.match(lines[-1]) or lines[-1].strip().isdigit()):
        lines = lines[:-1]
    return lines


def test_pdf_has_no_blank_pages_with_running_heads(pdf_pages):
    """A page without text carries no running head or foot, and such pages
    are rare (chapters and parts start on the next page, not the next odd
    one)."""
    blank = [n for n, page in enumerate(pdf_pages, start=1) if not _body_lines(page)]
    headed = [n for n in blank if pdf_pages[n - 1].strip()]
    assert headed == [], [(n, pdf_pages[n - 1].split()[:12]) for n in headed]
    assert len(blank) <= len(pdf_pages) // 50, blank


def test_pdf_front_matter_has_no_web_landing_text(pdf_text):
    """Title, back of the title page, contents, then Part I: the web landing
    page's welcome (and its 'use the contents' advice) is not printed."""
    assert "use the contents to jump to a part" not in pdf_text
    assert "An executable textbook on tacrolimus" not in pdf_text, \
        "wrap the landing text of chapters/index.md in an {only} html directive"
    assert "For education only" in pdf_text[:3000]


def test_pdf_has_one_bibliography(built_pdf, pdf_pages):
    """One 'Bibliography' in the outline and in the contents, a chapter that
    holds the entries (no one-sentence chapter followed by a second list)."""
    from pypdf import PdfReader

    titles = list(_outline_titles(PdfReader(built_pdf).outline))
    assert titles.count("Bibliography") == 1, titles
    contents = "\n".join(p for p in pdf_pages[:12] if "CONTENTS" in p.upper()
                         or re.search(r"\.\s\.\s\.", p))
    assert len(re.findall(r"^\s*Bibliography\s+\d+\s*$", contents, re.M)) == 1
    pages, _ = _bookmark_pages(built_pdf)
    first = pdf_pages[pages["Bibliography"] - 1]
    assert re.search(r"^\S.*\((\d{4}|n\.d\.)\)\.", first, re.M), first[:1500]


def test_pdf_glossary_and_bibliography_are_unnumbered_back_matter(pdf_pages):
    contents = "\n".join(pdf_pages[:12])
    assert re.search(r"^\s*Glossary\s+\d+\s*$", contents, re.M), "Glossary numbered?"
    assert re.search(r"^\s*Bibliography\s+\d+\s*$", contents, re.M)
    assert not re.search(r"^\s*[IVX]+\s+Reference\b", contents, re.M), "a Reference part"


def _running_text(pdf):
    """The PDF's text without its running heads and feet (A4 pages: the head
    sits 36-47 pt from the top, the foot 791-802 pt), so that a line broken
    across a page reads on."""
    return _poppler("pdftotext", "-x", "0", "-y", "55", "-W", "596", "-H", "725", str(pdf), "-")


def test_pdf_prints_each_doi_once(built_pdf):
    """Each record's DOI is printed once, as its https://doi.org/ address
    (no footnote repeats it)."""
    from pybtex.database import parse_file

    dois = {e.fields["doi"] for e in parse_file(str(ROOT / "references.bib")).entries.values()
            if "doi" in e.fields}
    text = re.sub(r"\s+", "", _running_text(built_pdf))
    wrong = {}
    for doi in dois:
        longer = sum(1 for other in dois if other != doi and doi in other)
        count = text.count(doi) - sum(text.count(o) for o in dois if o != doi and doi in o)
        if count != 1:
            wrong[doi] = (count, longer)
    assert wrong == {}


def _section_titles(pdf_pages):
    """'4.6 Cyclosporine's complex' ... from the table of contents."""
    titles = set()
    for page in pdf_pages[:12]:
        for number, title in re.findall(r"^\s*(\d+\.\d+)\s+(.+?)\s*(?:\.\s)+\s*\d+\s*$",
                                        page, re.M):
            titles.add(f"{number} {title.strip()}"[:40])
    return titles


def test_pdf_no_heading_alone_at_the_foot_of_a_page(pdf_pages):
    """No section, exercise or solution heading is among the last two text
    lines of a page: it moves to the next page with the text it heads."""
    sections = _section_titles(pdf_pages)
    assert len(sections) > 50
    box = re.compile(r"^(Solution to )?Exercise \d+\.\d+\b")
    lone = []
    for number, page in enumerate(pdf_pages, start=1):
        if re.search(r"(\. ){5}", page):
            continue  # the table of contents
        for line in _body_lines(page)[-2:]:
            text = " ".join(line.split())
            if box.match(text) or any(text.startswith(s) for s in sections):
                lone.append((number, text[:60]))
    assert lone == []


def _html_exercise_numbers(site_dir):
    numbers = []
    for doc in toc_files():
        page = site_dir / f"{doc}.html"
        numbers += re.findall(r'<span class="caption-number">Exercise (\d+(?:\.\d+)*)\s*</span>',
                              page.read_text())
    return numbers


def _notebook_exercise_numbers():
    """The numbers the exercise notebooks give their problem sets' exercises."""
    import nbformat
    from exercises import EXERCISE_DIR, docname_of, exercises

    numbers = {}
    for notebook in sorted(EXERCISE_DIR.glob("*.ipynb")):
        found = exercises(nbformat.read(notebook, as_version=4), docname_of(notebook))
        numbers[notebook.stem] = [e.number for e in found if e.number]
    return numbers


def test_pdf_exercise_numbers_match_the_web_and_the_notebooks(pdf_pages, site_dir):
    """Every exercise has the same number in the PDF as on its web page
    ("Exercise 18.2", not "Exercise 18.1.2" when it sits in a section) and in
    its problem set's notebook."""
    html = _html_exercise_numbers(site_dir)
    assert html
    pdf = [m for page in pdf_pages
           for m in re.findall(r"^\s*Exercise (\d+(?:\.\d+)*)\b", page, re.M)]
    assert pdf == html
    notebooks = [n for numbers in _notebook_exercise_numbers().values() for n in numbers]
    assert notebooks and set(notebooks) <= set(pdf)


def _index_text(built_pdf):
    pages, count = _bookmark_pages(built_pdf)
    return _poppler("pdftotext", "-f", str(pages["Index"]), "-l", str(count),
                    str(built_pdf), "-")


def _printed_page(page_text):
    """The page number printed in a page's running foot."""
    numbers = re.findall(r"^\s*(\d+)\b|\b(\d+)\s*$", page_text.strip().splitlines()[-1])
    return int(next(n for n in numbers[-1] if n))


def test_pdf_index_points_into_the_chapters(built_pdf, pdf_pages):
    """The index lists the book's concepts, drugs and models with pages in the
    chapters that explain them, not only the glossary; its terms are set in
    the text face, not in monospace."""
    import yaml

    pages, _ = _bookmark_pages(built_pdf)
    glossary = range(_printed_page(pdf_pages[pages["Glossary"] - 1]),
                     _printed_page(pdf_pages[pages["Bibliography"] - 2]) + 1)
    text = _index_text(built_pdf)
    entries = re.findall(r"^\s*(\S[^,\n]*?), (\d+(?:, \d+)*)\s*$", text, re.M)
    outside = {term for term, numbers in entries
               if any(int(n) not in glossary for n in numbers.split(", "))}
    assert len(outside) >= 80, sorted(outside)
    listed = yaml.safe_load((ROOT / "_ext" / "index_terms.yml").read_text())
    missing = {item["term"].split(";")[0].strip() for item in listed} - {
        re.sub(r"(, \d+)+$", "", line.strip()) for line in text.splitlines()}
    assert missing == set()
    for drug in ("tacrolimus", "pimecrolimus", "cyclosporine", "voclosporin"):
        assert drug in outside or re.search(rf"^\s*{drug}\s*$", text, re.M), drug
    fonts = _poppler("pdffonts", "-f", str(pages["Index"]), str(built_pdf))
    assert "Mono" not in fonts, fonts


def test_pdf_citations_link_to_their_entries(built_pdf):
    """Every in-text citation of the PDF is a link to an anchor that exists,
    and every bibliography entry is such an anchor."""
    from pypdf import PdfReader

    reader = PdfReader(built_pdf)
    names = set(reader.named_destinations)
    linked = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A")
            dest = action.get_object().get("/D") if action is not None else annot.get("/Dest")
            if isinstance(dest, str) and dest.startswith("cite."):
                linked.add(dest)
    assert len(linked) >= 100
    assert linked - names == set()
    from pybtex.database import parse_file

    assert len(linked) == len(parse_file(str(ROOT / "references.bib")).entries)


def test_html_index_points_into_the_chapters(site_dir):
    """The web edition's index (genindex) carries the same curated entries,
    linking to the paragraphs of the chapters that explain them."""
    html = (site_dir / "genindex.html").read_text()
    into_chapters = set(re.findall(r'href="chapters/([\w-]+)\.html#index-\d+"', html))
    assert len(re.findall(r'href="chapters/[\w-]+\.html#index-\d+"', html)) >= 100
    assert len(into_chapters - {"glossary"}) >= 12, sorted(into_chapters)
