"""Each common authoring mistake fails the build (or the sync check) with a
message that names the file. The tests plant defects in a throw-away book,
one page per defect, build it twice and check that each defect is caught,
with its own page named, both times."""

import re
import shutil

import pytest

import notebooks
from conftest import ROOT, build_book

pytestmark = pytest.mark.build


def names_the_file(page):
    """A warning or error that Sphinx or myst-nb attributes to ``page``."""
    return re.compile(rf"chapters/{page}(\.md|\.ipynb)?(:\d*)?: (WARNING|ERROR|CRITICAL)")


NAMES_THE_FILE = names_the_file("planted")


def _build(root):
    return build_book(root)


def test_clean_mini_book_builds(mini_book):
    root = mini_book("""
        # Planted

        A citation {cite:p}`bos2000rule` and a cell:

        ```{code-cell} ipython3
        print(1 + 1)
        ```
        """, notebook=True)
    code, out = _build(root)
    assert code == 0, out[-3000:]
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


def _fails_twice_naming(root, expected):
    """Build ``root`` twice; each build fails and prints each expected
    (page, message) pair, the message attributed to its page."""
    for attempt in ("first", "second"):
        code, out = _build(root)
        assert code != 0, f"the {attempt} build did not fail"
        for page, message in expected:
            assert message in out, (attempt, message, out[-3000:])
            assert names_the_file(page).search(out), (attempt, page, out[-3000:])


def test_each_defect_fails_the_build_naming_its_page(mini_book):
    """A broken reference, a missing citation, a formula MathJax cannot parse
    and a figure without alt text, one page each: the build fails, and fails
    again on a second build of the unchanged book (no page is spared by the
    incremental environment)."""
    mini_book("# Planted\n\nThe other pages each hold one defect.\n")
    for page, text, notebook, _ in DEFECTS:
        root = mini_book(text, notebook=notebook, name=page)
    _fails_twice_naming(root, [(page, message) for page, _, _, message in DEFECTS])


def test_failing_cell_fails_the_build_naming_its_page(mini_book):
    root = mini_book("""
        # Planted

        ```{code-cell} ipython3
        raise ValueError("planted failure")
        ```
        """, notebook=True)
    _fails_twice_naming(root, [("planted", "planted failure")])


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
