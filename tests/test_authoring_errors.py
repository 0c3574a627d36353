"""Each common authoring mistake fails the build (or the sync check) with a
message that names the file. Every test plants one defect in a throw-away
one-chapter book and checks that it is caught."""

import re
import shutil

import pytest

import notebooks
from conftest import ROOT, build_book

pytestmark = pytest.mark.build
#: A warning or error that Sphinx or myst-nb attributes to the planted page.
NAMES_THE_FILE = re.compile(r"chapters/planted(\.md|\.ipynb)?(:\d*)?: (WARNING|ERROR|CRITICAL)")


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


@pytest.mark.parametrize(("defect", "text", "expected"), [
    ("failing cell", """
        # Planted

        ```{code-cell} ipython3
        raise ValueError("planted failure")
        ```
        """, "planted failure"),
    ("broken cross-reference", """
        # Planted

        See {numref}`fig-that-does-not-exist`.
        """, "fig-that-does-not-exist"),
    ("missing citation key", """
        # Planted

        As shown before {cite:p}`nobody2099`.
        """, "nobody2099"),
    ("formula MathJax cannot parse", """
        # Planted

        The rate is $\\frac{V_{max}}{K_m$.
        """, "Missing close brace"),
    ("figure without alt text", """
        # Planted

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
        """, "without alt text"),
])
def test_defect_fails_build_naming_the_file(mini_book, defect, text, expected):
    """The defect fails the build, and fails it again on a second build of
    the unchanged book (no page is spared by the incremental environment)."""
    root = mini_book(text, notebook="code-cell" in text)
    for attempt in ("first", "second"):
        code, out = _build(root)
        assert code != 0, f"{defect} did not fail the {attempt} build"
        assert expected in out, out[-3000:]
        assert NAMES_THE_FILE.search(out), out[-3000:]


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
