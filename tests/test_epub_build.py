"""The EPUB edition (``make epub``, _ext/ebook.py): valid by Debian's
epubcheck with zero errors, every chapter of the toc in its reading order,
equations as SVG with their numbers and hidden MathML (no script), every
image with alt text, and nothing fetched from another host.

Set TCIBOOK_EPUB to an existing .epub to re-run these checks without a build.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

import pytest

from conftest import ROOT, book_build, require_tool, toc_files

pytestmark = pytest.mark.build

OPF = "{http://www.idpf.org/2007/opf}"
#: The e-book's stated ceiling (it is about 0.75 MB: figures are SVG with
#: text kept as text, and math is SVG sharing one set of glyphs per page).
MAX_BYTES = 2 * 1024 * 1024


@pytest.fixture(scope="module")
def epub():
    given = os.environ.get("TCIBOOK_EPUB")
    if given:
        return Path(given)
    code, out = book_build("epub")
    assert code == 0, out[-3000:]
    return ROOT / "_build" / "epub" / "tcibook.epub"


@pytest.fixture(scope="module")
def files(epub):
    with zipfile.ZipFile(epub) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="module")
def pages(files):
    return {name: data.decode("utf-8") for name, data in files.items()
            if name.endswith(".xhtml")}


def _epubcheck():
    exe = shutil.which("epubcheck")
    require_tool(exe is not None and shutil.which("java") is not None,
                 "epubcheck and java (Debian package epubcheck)")
    path = Path(exe).resolve()
    return ["java", "-jar", str(path)] if path.suffix == ".jar" else [str(path)]


def test_epubcheck_finds_no_error(epub):
    done = subprocess.run([*_epubcheck(), str(epub)], capture_output=True, text=True,
                          timeout=600)
    report = done.stdout + done.stderr
    assert done.returncode == 0, report[-5000:]
    assert re.search(r"Messages: 0 fatals / 0 errors", report), report[-2000:]


def _manifest_and_spine(files):
    opf = ElementTree.fromstring(files["content.opf"])
    items = {i.get("id"): i for i in opf.iter(f"{OPF}item")}
    spine = [items[ref.get("idref")].get("href") for ref in opf.iter(f"{OPF}itemref")
             if ref.get("linear", "yes") == "yes"]
    return items, spine


def test_every_page_of_the_toc_is_in_the_spine_in_order(files):
    _, spine = _manifest_and_spine(files)
    expected = [f"{doc}.xhtml" for doc in toc_files()]
    assert [p for p in spine if p in expected] == expected
    assert "genindex.xhtml" in spine          # the index, after the chapters


def test_table_of_contents_lists_every_page_of_the_toc_in_order(files):
    nav = files["nav.xhtml"].decode("utf-8")
    hrefs = [h.split("#")[0] for h in re.findall(r'<a href="([^"]+)"', nav)]
    expected = [f"{doc}.xhtml" for doc in toc_files()]
    assert [h for h in dict.fromkeys(hrefs) if h in expected] == expected
    ncx = files["toc.ncx"].decode("utf-8")
    assert all(f'src="{page}"' in ncx for page in expected)


def test_every_image_has_alt_text(pages):
    missing = []
    for name, text in pages.items():
        for tag in re.findall(r"<img\b[^>]*>", text):
            alt = re.search(r'\balt="([^"]*)"', tag)
            if not alt or not alt.group(1).strip():
                missing.append(f"{name}: {tag[:120]}")
    assert missing == []
    assert sum(text.count("<img") for text in pages.values()) >= 20      # the figures


def test_nothing_is_fetched_from_another_host(files, pages):
    remote = re.compile(r"""(?:\bsrc=|<link\b[^>]*\bhref=|\bxlink:href=|url\()\s*["']?(?:https?:)?//""")
    found = [name for name, data in files.items()
             if name.endswith((".xhtml", ".css", ".svg"))
             and remote.search(data.decode("utf-8", "replace"))]
    assert found == []
    assert not any("<script" in text for text in pages.values())
    items, _ = _manifest_and_spine(files)
    assert not any("remote-resources" in (i.get("properties") or "") for i in items.values())
    assert all(not re.match(r"https?:", i.get("href")) for i in items.values())


def test_numbered_equations_are_svg_with_their_numbers_and_mathml(pages):
    text = pages["chapters/allosteric-occlusion.xhtml"]
    assert re.search(r'<span class="eqno">\(4\.1\)', text)
    assert "mjx-display" in text and "<mjx-" not in text
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in text
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML"' in text


def test_manifest_declares_svg_and_mathml_pages(files, pages):
    items, _ = _manifest_and_spine(files)
    for item in items.values():
        href = item.get("href")
        if href in pages and "<math" in pages[href]:
            assert "mathml" in (item.get("properties") or "").split(), href


def test_tables_exercises_solutions_bibliography_and_index_are_there(pages):
    assert "<table" in pages["chapters/systemic-calcineurin-inhibitors.xhtml"]
    practice = pages["chapters/practice-01-occupancy.xhtml"]
    assert "Exercise" in practice and "Solution" in practice
    bibliography = pages["chapters/bibliography.xhtml"]
    assert bibliography.count("<li id=") >= 20
    assert "Calcineurin is a common target of cyclophilin" in bibliography
    assert pages["genindex.xhtml"].count('href="chapters/') >= 10


def test_figures_are_images_in_the_book_without_a_doctype(files):
    figures = [n for n in files if n.startswith("_images/") and n.endswith(".svg")]
    assert figures
    assert not any(b"<!DOCTYPE" in files[n] for n in figures)


def test_epub_is_under_its_stated_size(epub):
    size = epub.stat().st_size
    print(f"\n{epub.name}: {size / 1024 / 1024:.2f} MB")
    assert size < MAX_BYTES


def test_downloads_page_names_the_files_without_links(pages):
    text = pages["chapters/downloads.xhtml"]
    assert "The whole book (PDF)" in text and "/downloads/" not in text
    assert "@book{tcibook" in re.sub(r"<[^>]+>", "", text)          # highlighted code
    assert all(str(PurePosixPath(n).parent) != "downloads" for n in pages)
