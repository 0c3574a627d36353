"""Fresh builds (_ext/freshness.py): a build executes again exactly the
notebooks that loaded a changed file, and no other; the notebooks a build
must execute run several at a time beforehand (_ext/execute_ahead.py), and a
failing cell still fails the build.

A tiny book, with the extensions under test only: ``index`` imports a model
(``tinymodel.py``) that reads a fact from a data file (``fact.txt``) and
prints it; ``other`` loads nothing of the book. Each test builds it
incrementally, as an author does (no ``--all``), and counts the notebooks
myst-nb reports executing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import textwrap

import pytest

from conftest import NOTEBOOK_HEADER, ROOT, jupyter_book, require_tool

pytestmark = pytest.mark.build

MODEL = """\
from pathlib import Path


def mass():
    return float(Path(__file__).with_name("fact.txt").read_text()) * 1
"""


@pytest.fixture()
def tiny_book(tmp_path):
    (tmp_path / "_ext").mkdir()
    for name in ("freshness.py", "loaded_files.py", "execute_ahead.py", "kernel_start.py"):
        shutil.copy(ROOT / "_ext" / name, tmp_path / "_ext")
    shutil.copy(ROOT / "_latex" / "bbm.sty", tmp_path)
    (tmp_path / "_config.yml").write_text(textwrap.dedent("""\
        title: Tiny
        only_build_toc_files: true
        execute:
          execute_notebooks: cache
        sphinx:
          local_extensions:
            freshness: _ext
            execute_ahead: _ext
          config:
            tcibook_execution_workers: 2
            nb_execution_raise_on_error: true
            nb_execution_show_tb: true
            latex_additional_files: ["bbm.sty"]
        """))
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: index\nchapters:\n"
                                       "  - file: other\n")
    (tmp_path / "index.md").write_text(NOTEBOOK_HEADER + textwrap.dedent("""\
        # Index

        ```{code-cell}
        from tinymodel import mass
        print(f"MASS={mass()}")
        ```
        """))
    (tmp_path / "other.md").write_text(NOTEBOOK_HEADER + textwrap.dedent("""\
        # Other

        ```{code-cell}
        print(f"OTHER={1 + 1}")
        ```
        """))
    (tmp_path / "tinymodel.py").write_text(MODEL)
    (tmp_path / "fact.txt").write_text("822.03\n")
    return tmp_path


def build(root, *args):
    """Build; return the names of the notebooks executed (while their page
    was read, or ahead of it)."""
    code, out = jupyter_book("build", str(root), "-W", *args, cwd=root, timeout=600)
    assert code == 0, out[-3000:]
    return sorted(re.findall(r"/(\w+)\.md: (?:Executing notebook|executed ahead)", out))


def test_notebooks_run_ahead_together_and_a_failing_cell_still_fails(tiny_book):
    """Two notebooks to execute run ahead, in parallel, and are then read
    from the cache; a failing cell fails the build with its error and page,
    as when myst-nb runs it."""
    code, out = jupyter_book("build", str(tiny_book), "-W", cwd=tiny_book, timeout=600)
    assert code == 0, out[-3000:]
    assert sorted(re.findall(r"/(\w+)\.md: executed ahead", out)) == ["index", "other"]
    assert "Executing notebook" not in out
    assert len(re.findall(r"Using cached notebook", out)) == 2

    for name in ("index", "other"):
        page = tiny_book / f"{name}.md"
        page.write_text(page.read_text().replace("print(", "print(1 / 0, "))
    code, out = jupyter_book("build", str(tiny_book), "-W", cwd=tiny_book, timeout=600)
    assert code != 0
    assert "ZeroDivisionError" in out and "index.md" in out, out[-3000:]
    assert re.search(r"index\.md: not executed ahead", out), out[-3000:]


def html_mass(root):
    return re.findall(r"MASS=([\d.]+)", (root / "_build/html/index.html").read_text())


def pdf_text(root):
    (pdf,) = (root / "_build" / "latex").glob("*.pdf")
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_changed_fact_and_model_reach_the_html_and_nothing_else_runs(tiny_book):
    assert build(tiny_book) == ["index", "other"]
    assert html_mass(tiny_book) == ["822.03"]

    assert build(tiny_book) == [], "a build without a change executes nothing"

    (tiny_book / "fact.txt").write_text("999.99\n")
    assert build(tiny_book) == ["index"]
    assert html_mass(tiny_book) == ["999.99"]

    (tiny_book / "tinymodel.py").write_text(MODEL.replace("* 1", "* 2"))
    assert build(tiny_book) == ["index"]
    assert html_mass(tiny_book) == ["1999.98"]

    other = tiny_book / "other.md"
    other.write_text(other.read_text().replace("1 + 1", "1 + 2"))
    assert build(tiny_book) == ["other"], "an unrelated chapter runs alone"
    assert "OTHER=3" in (tiny_book / "_build/html/other.html").read_text()

    assert build(tiny_book) == []


def test_changed_fact_and_model_reach_the_pdf(tiny_book):
    require_tool(shutil.which("latexmk") and shutil.which("pdftotext"),
                 "latexmk and pdftotext (TeX Live, poppler-utils)")
    assert build(tiny_book, "--builder", "pdflatex") == ["index", "other"]
    assert "MASS=822.03" in pdf_text(tiny_book)

    (tiny_book / "fact.txt").write_text("999.99\n")
    assert build(tiny_book, "--builder", "pdflatex") == ["index"]
    assert "MASS=999.99" in pdf_text(tiny_book)

    (tiny_book / "tinymodel.py").write_text(MODEL.replace("* 1", "* 2"))
    assert build(tiny_book, "--builder", "pdflatex") == ["index"]
    assert "MASS=1999.98" in pdf_text(tiny_book)
    assert build(tiny_book) == [], "the HTML build reuses what the PDF builds ran"
    assert html_mass(tiny_book) == ["1999.98"]


def test_an_explorer_depends_on_what_its_data_load(tmp_path, monkeypatch):
    """The PK explorer reaches ``systemic_exposure`` through ``poppk``: both
    are recorded; the record is reused while its files are unchanged."""
    import types

    import explorers
    import freshness

    app = types.SimpleNamespace(outdir=str(tmp_path / "html"), srcdir=str(ROOT),
                                doctreedir=str(tmp_path / ".doctrees"))
    loaded = explorers.loaded_by(app, "pk", {})
    assert {"src/tcibook/explorer_data.py", "src/tcibook/pk.py", "src/tcibook/poppk.py",
            "src/tcibook/systemic_exposure.py", "src/tcibook/facts.py"} <= set(loaded)
    assert all(not f.startswith((".venv", "_build")) for f in loaded)

    runs = []
    monkeypatch.setattr(freshness, "record_loaded", lambda *a: runs.append(a) or [])
    del app.tcibook_explorers  # read back from the doctree folder
    assert explorers.loaded_by(app, "pk", {}) == loaded and runs == []
    stale = dict(loaded, **{"src/tcibook/poppk.py": "an older hash"})
    app.tcibook_explorers[json.dumps(["pk", {}])] = stale
    assert explorers.loaded_by(app, "pk", {}) == {} and len(runs) == 1
