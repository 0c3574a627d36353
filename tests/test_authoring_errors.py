"""Each common authoring mistake fails the build (or the sync check) with a
message that names the file. The tests plant defects in a tiny site built in
this process, one page per defect, with myst-nb and the extensions that
catch them (Sphinx's reference check, sphinxcontrib-bibtex, ``mathsvg``,
``alttext``), build it twice from a fresh environment, as the book's tests
build the book, and check that each defect is caught, with its own page
named, both times."""

import re
import shutil

import pytest

import notebooks
from conftest import ROOT

pytestmark = pytest.mark.build
#: The extensions that catch the planted mistakes (and the ones the book's
#: pages need to build clean: citations, math).
EXTENSIONS = ("sphinxcontrib.bibtex", "mathsvg", "alttext")


def names_the_file(page):
    """A warning or error that Sphinx or myst-nb attributes to ``page``."""
    return re.compile(rf"chapters/{page}(\.md|\.ipynb)?(:\d*)?: (WARNING|ERROR|CRITICAL)")


NAMES_THE_FILE = names_the_file("planted")


def test_clean_tiny_site_builds(tiny_site):
    ok, out = tiny_site({"planted": """
        # Planted

        A citation {cite:p}`bos2000rule`, a formula $\\frac{a}{b}$ and a cell:

        ```{code-cell} ipython3
        print(1 + 1)
        ```
        """}, EXTENSIONS, notebooks={"planted"})
    assert ok, out[-3000:]
    assert not NAMES_THE_FILE.search(out), out[-3000:]


#: (page, text, whether it is a notebook, what the build must print).
DEFECTS = [
    ("broken-reference", """
        # Broken cross-reference

        See {numref}`fig-that-does-not-exist`.
        """, False, "fig-that-does-not-exist"),
    ("missing-citation", """
        # Missing citation key

        As shown before {cite:p}`nobody2099`.
        """, False, "nobody2099"),
    ("bad-formula", """
        # A formula MathJax cannot parse

        The rate is $\\frac{V_{max}}{K_m$.
        """, False, "Missing close brace"),
    ("figure-without-alt", """
        # A figure without alt text

        ```{code-cell} ipython3
        :mystnb:
        :  figure:
        :    caption: A figure with a caption but no alt text.
        :    name: fig-planted
        from matplotlib.figure import Figure
        from figs import use_book_style
        use_book_style()
        fig = Figure()
        fig.subplots().plot([0, 1])
        fig
        ```
        """, True, "without alt text"),
]


def _fails_twice_naming(build, pages, notebooks, expected):
    """Build the site of ``pages`` twice; each build fails and prints each
    expected (page, message) pair, the message attributed to its page."""
    for attempt in ("first", "second"):
        ok, out = build(pages, EXTENSIONS, notebooks)
        assert not ok, f"the {attempt} build did not fail"
        for page, message in expected:
            assert message in out, (attempt, message, out[-3000:])
            assert names_the_file(page).search(out), (attempt, page, out[-3000:])


def test_each_defect_fails_the_build_naming_its_page(tiny_site):
    """A broken reference, a missing citation, a formula MathJax cannot parse
    and a figure without alt text, one page each: the build fails, and fails
    again on a second build of the unchanged site."""
    pages = {"planted": "# Planted\n\nThe other pages each hold one defect.\n"}
    pages.update({page: text for page, text, _, _ in DEFECTS})
    notebooks = {page for page, _, notebook, _ in DEFECTS if notebook}
    _fails_twice_naming(tiny_site, pages, notebooks,
                        [(page, message) for page, _, _, message in DEFECTS])


def test_failing_cell_fails_the_build_naming_its_page(tiny_site):
    pages = {"planted": """
        # Planted

        ```{code-cell} ipython3
        raise ValueError("planted failure")
        ```
        """}
    _fails_twice_naming(tiny_site, pages, {"planted"}, [("planted", "planted failure")])


def test_out_of_sync_notebook_is_reported_by_name(tmp_path):
    for name in ("chapters", "notebooks", "exercises"):
        shutil.copytree(ROOT / name, tmp_path / name)
    assert notebooks.problems(tmp_path) == []
    md = tmp_path / "chapters" / "introduction.md"
    md.write_text(md.read_text().replace("print(\"Tacrolimus in each",
                                         "print(\"Drug in each"))
    (problem,) = notebooks.problems(tmp_path)
    assert "notebooks/chapters/introduction.ipynb" in problem
    assert "chapters/introduction.md" in problem and "make notebooks" in problem


def test_missing_and_orphaned_notebooks_are_reported(tmp_path):
    for name in ("chapters", "notebooks", "exercises"):
        shutil.copytree(ROOT / name, tmp_path / name)
    twin = tmp_path / "notebooks" / "chapters" / "introduction.ipynb"
    shutil.move(twin, twin.with_name("renamed.ipynb"))
    found = "\n".join(notebooks.problems(tmp_path))
    assert "introduction.ipynb is missing" in found
    assert "renamed.ipynb has no source" in found
