"""How to cite the book, its edition notes and the EPUB's repairs, without a
build: CITATION.cff is valid Citation File Format 1.2.0 and agrees with
_config.yml and changelog.yml; the changelog is checked as the build reads
it; the BibTeX entry parses; the EPUB fixes turn the site's markup into XHTML
an EPUB reader accepts (_ext/bookfiles.py, _ext/ebook.py)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import sys
import zipfile
from xml.etree import ElementTree

import pytest
import yaml

from conftest import ROOT, toc_files


def _extension(name):
    spec = importlib.util.spec_from_file_location(f"tcibook_ext_{name}", ROOT / "_ext" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


bookfiles = _extension("bookfiles")
ebook = _extension("ebook")


@pytest.fixture(scope="module")
def citation():
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def config():
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


# --- CITATION.cff -------------------------------------------------------------------

def test_citation_file_has_the_keys_cff_1_2_0_requires(citation):
    # Required by the CFF 1.2.0 schema: cff-version, message, title, authors.
    assert citation["cff-version"] == "1.2.0"
    assert isinstance(citation["message"], str) and citation["message"].strip()
    assert isinstance(citation["title"], str) and citation["title"].strip()
    assert isinstance(citation["authors"], list) and citation["authors"]
    for author in citation["authors"]:
        # a person has family-names (or given-names), an entity has a name
        assert author.get("name") or author.get("family-names") or author.get("given-names")


def test_citation_file_uses_only_cff_keys_with_their_types(citation):
    known = {"abstract", "authors", "cff-version", "commit", "contact", "date-released",
             "doi", "identifiers", "keywords", "license", "license-url", "message",
             "preferred-citation", "references", "repository", "repository-artifact",
             "repository-code", "title", "type", "url", "version"}
    assert set(citation) <= known
    assert citation["type"] in ("software", "dataset")
    assert isinstance(citation["date-released"], dt.date)     # YYYY-MM-DD
    assert isinstance(citation["version"], str)
    assert all(isinstance(k, str) for k in citation["keywords"])


def test_preferred_citation_is_the_book_of_this_edition(citation):
    book = citation["preferred-citation"]
    # required of a reference in CFF 1.2.0: type, title, authors
    assert book["type"] == "book"
    assert book["title"] == citation["title"] and book["authors"] == citation["authors"]
    assert book["edition"] == citation["version"]
    released = citation["date-released"]
    assert (book["year"], book["month"]) == (released.year, released.month)


def test_citation_file_names_the_book_as_its_configuration_does(citation, config):
    assert citation["title"] == config["title"]
    assert bookfiles.authors(citation) == [config["author"]]
    assert str(citation["date-released"].year) == str(config["copyright"])


def test_citation_file_names_the_newest_edition_of_the_changelog(citation):
    newest = bookfiles.load_changelog(ROOT)["editions"][0]
    assert citation["version"] == newest["edition"]
    assert citation["date-released"] == newest["date"]


def test_bibtex_entry_parses_to_the_book(citation):
    from pybtex.database import parse_string

    entry = parse_string(bookfiles.bibtex(citation), "bibtex").entries["tcibook"]
    assert entry.type == "book"
    assert entry.fields["title"] == citation["title"]
    assert entry.fields["edition"] == citation["version"]
    assert entry.fields["year"] == str(citation["date-released"].year)
    # an organisation as author: one braced name, not a first and last name
    assert [str(p) for p in entry.persons["author"]] == ["{The TCI Pharmacology Book authors}"]


# --- changelog.yml -----------------------------------------------------------------

def test_changelog_lists_changes_with_date_kind_and_chapters():
    log = bookfiles.load_changelog(ROOT)
    changes = [c for e in log["editions"] for c in e["changes"]]
    assert len(changes) >= 7
    assert {c["kind"] for c in changes} >= {"label", "warning", "correction", "calculation",
                                            "chapter"}


def test_changelog_names_only_chapters_of_the_book():
    in_book = set(toc_files())
    log = bookfiles.load_changelog(ROOT)
    named = {d for e in log["editions"] for c in e["changes"] for d in c["chapters"]}
    assert named - in_book == set()


def _write_log(tmp_path, **change):
    entry = {"date": dt.date(2026, 12, 7), "kind": "label", "chapters": ["chapters/index"],
             "text": "A rule revised.", **change}
    log = {"kinds": {"label": "Label rule revised"},
           "editions": [{"edition": "2", "date": dt.date(2026, 12, 7), "changes": [entry]},
                        {"edition": "1", "date": dt.date(2026, 1, 5), "changes": []}]}
    (tmp_path / "changelog.yml").write_text(yaml.safe_dump(log), encoding="utf-8")
    return tmp_path


def test_changelog_reader_accepts_a_well_formed_log(tmp_path):
    log = bookfiles.load_changelog(_write_log(tmp_path))
    assert [e["edition"] for e in log["editions"]] == ["2", "1"]


@pytest.mark.parametrize("change, message", [
    ({"kind": "rumour"}, "kind must be one of"),
    ({"date": dt.date(2027, 1, 1)}, "no later than the edition"),
    ({"date": "soon"}, "date must be a date"),
    ({"chapters": []}, "chapters and text are required"),
    ({"text": ""}, "chapters and text are required"),
])
def test_changelog_reader_rejects_a_malformed_change(tmp_path, change, message):
    with pytest.raises(ValueError, match=message):
        bookfiles.load_changelog(_write_log(tmp_path, **change))


def test_changelog_reader_rejects_editions_out_of_order(tmp_path):
    path = _write_log(tmp_path) / "changelog.yml"
    log = yaml.safe_load(path.read_text())
    log["editions"].reverse()
    path.write_text(yaml.safe_dump(log))
    with pytest.raises(ValueError, match="newest first"):
        bookfiles.load_changelog(tmp_path)


# --- sizes and dates as printed ------------------------------------------------------

@pytest.mark.parametrize("size, printed", [
    (1, "1 KB"), (1023, "1 KB"), (1024, "1 KB"), (640 * 1024, "640 KB"),
    (1024 * 1024 - 1, "1024 KB"), (1024 * 1024, "1.0 MB"), (int(2.94 * 1024 * 1024), "2.9 MB"),
])
def test_file_sizes_read_as_people_write_them(size, printed):
    assert bookfiles.human_size(size) == printed


def test_dates_are_written_out():
    assert bookfiles.long_date(dt.date(2026, 12, 7)) == "7 December 2026"


def test_every_download_has_a_make_target_and_a_distinct_name_per_edition():
    makefile = (ROOT / "Makefile").read_text()
    for edition in ("full", "student"):
        names = [d.name for d in bookfiles.DOWNLOADS if edition in d.editions]
        assert len(names) == len(set(names))
    for d in bookfiles.DOWNLOADS:
        assert f"\n{d.make.split()[1]}:" in makefile, d.make
    # the solutions never reach the student edition's site
    student = [d for d in bookfiles.DOWNLOADS if "student" in d.editions]
    assert not any(d.source == "_build/latex/book.pdf" for d in student)
    assert all("solutions and" not in d.description for d in student)


# --- the EPUB's repairs ---------------------------------------------------------------

def test_matplotlib_svg_loses_its_doctype_and_nothing_else():
    from matplotlib.figure import Figure

    fig = Figure()
    fig.add_subplot().plot([0, 1], [1, 0])
    out = io.StringIO()
    fig.savefig(out, format="svg")
    original = out.getvalue()
    assert "<!DOCTYPE" in original
    fixed = ebook._fix_svg_figure(original)
    assert "<!DOCTYPE" not in fixed and "svg11.dtd" not in fixed
    assert fixed == original.replace(original[original.index("<!DOCTYPE"):
                                              original.index("<svg")], "")
    assert ElementTree.fromstring(fixed.split("?>", 1)[1]).tag == "{http://www.w3.org/2000/svg}svg"
    assert ebook._fix_svg_figure(fixed) == fixed


MATH = ('<p><span class="math notranslate nohighlight"><mjx-container class="MathJax" jax="SVG" '
        'style="position: relative;"><svg style="vertical-align: -0.5ex;" role="img" '
        'viewBox="0 -750 1060 1000" aria-hidden="true"><g><use href="#MJX-TEX-I-1D43C"></use>'
        '</g></svg><mjx-assistive-mml unselectable="on" display="inline"><math '
        'xmlns="http://www.w3.org/1998/Math/MathML"><mi>I</mi></math></mjx-assistive-mml>'
        '</mjx-container></span></p>')


def test_math_becomes_namespaced_xhtml():
    fixed = ebook._math_to_xhtml(MATH)
    root = ElementTree.fromstring(f'<div xmlns="http://www.w3.org/1999/xhtml">{fixed}</div>')
    tags = {el.tag.split("}")[0].strip("{") + " " + el.tag.split("}")[1] for el in root.iter()}
    assert "http://www.w3.org/2000/svg svg" in tags
    assert "http://www.w3.org/1998/Math/MathML math" in tags
    assert not any("mjx-" in t for t in tags)
    use = next(el for el in root.iter() if el.tag.endswith("}use"))
    assert use.get("{http://www.w3.org/1999/xlink}href") == "#MJX-TEX-I-1D43C"
    assert ebook._math_to_xhtml(fixed) == fixed


def test_page_fixes_remove_scripts_repeated_ids_and_block_summaries(tmp_path):
    page = tmp_path / "chapters" / "x.xhtml"
    text = ('<html><head><script>var a = 1;</script></head><body>'
            '<details><summary><p class="admonition-title">Show code</p></summary></details>'
            '<div id="exercise-content">a</div><div id="exercise-content">b</div></body></html>')
    fixed = ebook.fix_page(text, page, tmp_path)
    assert "<script" not in fixed
    assert fixed.count('id="exercise-content"') == 1
    assert '<summary><span class="admonition-title">Show code</span></summary>' in fixed
    assert 'href="../_static/ebook.css"' in fixed
    assert ebook.fix_page(fixed, page, tmp_path) == fixed


def test_manifest_properties_name_what_a_page_holds():
    assert ebook._properties(ebook._math_to_xhtml(MATH)) == ["mathml", "svg"]
    assert ebook._properties("<p>text only</p>") == []


@pytest.mark.parametrize("student", [False, True])
def test_exercise_notebooks_archive_holds_each_problem_set_for_its_edition(tmp_path, student):
    from types import SimpleNamespace

    import nbformat

    app = SimpleNamespace(srcdir=str(ROOT),
                          config=SimpleNamespace(tcibook_student_notebooks=student))
    archive = bookfiles.write_notebooks_zip(app, tmp_path / "notebooks.zip")
    solutions = sorted((ROOT / "exercises").glob("practice-*.ipynb"))
    with zipfile.ZipFile(archive) as z:
        assert sorted(z.namelist()) == [f"tcibook-exercise-notebooks/{p.name}" for p in solutions]
        for path in solutions:
            text = z.read(f"tcibook-exercise-notebooks/{path.name}").decode()
            nbformat.validate(nbformat.reads(text, as_version=4))
            if student:
                assert "NotImplementedError" in text and text != path.read_text()
            else:
                assert text == path.read_text(encoding="utf-8")
    if not student:         # the same notebooks give the same bytes (student copies get new cell ids)
        again = bookfiles.write_notebooks_zip(app, tmp_path / "again.zip")
        assert again.read_bytes() == archive.read_bytes()
