"""Shared fixtures: paths, the book build, and a throw-away mini-book for
tests that plant one authoring mistake and check that it fails loudly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "tools"))


def jupyter_book(*args, cwd=ROOT, timeout=1200):
    """Run ``jupyter-book`` from this environment; return (returncode, output)."""
    exe = BIN / "jupyter-book"
    proc = subprocess.run([str(exe), *map(str, args)], cwd=cwd, timeout=timeout,
                          capture_output=True, text=True,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})
    return proc.returncode, proc.stdout + proc.stderr


def toc_files(root=ROOT):
    """Document paths (without suffix) listed in _toc.yml, root first."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [c["file"] for c in part.get("chapters", [])]
    return files


@pytest.fixture(scope="session")
def html_build():
    """Build the real book's HTML once per session; return (returncode, output)."""
    code, out = jupyter_book("build", ".", "-W", "-n", "--keep-going")
    return code, out


@pytest.fixture(scope="session")
def site_dir(request):
    """The built HTML site: built here, or taken from $TCIBOOK_SITE if set
    (a folder of an earlier build, to re-run the site checks quickly)."""
    given = os.environ.get("TCIBOOK_SITE")
    if given:
        return Path(given)
    code, out = request.getfixturevalue("html_build")
    assert code == 0, out[-3000:]
    return ROOT / "_build" / "html"


def require_tool(available, what):
    """Skip when a system tool is missing, unless CI=true, where that is a failure."""
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {what} is missing")
    pytest.skip(f"{what} is missing (set CI=true to make this a failure)")


@pytest.fixture()
def mini_book(tmp_path):
    """A one-chapter copy of the book's configuration in ``tmp_path``.

    Returns a function ``write(chapter_text, notebook=False)`` that writes
    ``chapters/planted.md`` (with a notebook header when ``notebook``) and
    returns the book's root path.
    """
    for name in ("_config.yml", "references.bib"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("_ext", "_static", "_latex", "_templates", "_vendor"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "chapters").mkdir()
    shutil.copy(ROOT / "chapters" / "bibliography.md", tmp_path / "chapters")
    (tmp_path / "_toc.yml").write_text(textwrap.dedent("""\
        format: jb-book
        root: chapters/planted
        chapters:
          - file: chapters/bibliography
        """))

    def write(text, notebook=False):
        header = NOTEBOOK_HEADER if notebook else ""
        (tmp_path / "chapters" / "planted.md").write_text(
            header + textwrap.dedent(text))
        return tmp_path

    return write


NOTEBOOK_HEADER = """\
---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
"""
