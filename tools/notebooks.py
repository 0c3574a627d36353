"""Keep the executed, committed notebooks in step with their MyST sources.

Each chapter is written as a MyST Markdown notebook under ``chapters/``. Its
executed twin, with outputs, is committed so that nbval can compare a fresh
run against stored outputs: under ``notebooks/`` with the same relative path,
except for the problem sets (``chapters/practice-*.md``), whose twins are the
solution notebooks handed to instructors, ``exercises/<name>.ipynb``.

    python tools/notebooks.py refresh [chapters/x.md ...]   # re-execute and write
    python tools/notebooks.py check                          # exit 1 if out of sync

``check`` compares cell types and sources; it does not execute anything.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = "chapters"
PAIRED_DIR = "notebooks"
EXERCISE_DIR = "exercises"
EXERCISE_PREFIX = "practice-"


def is_notebook(md: Path) -> bool:
    """True when a Markdown file is a MyST notebook (has a kernelspec)."""
    head = md.read_text(encoding="utf-8")[:2000]
    return head.startswith("---") and "kernelspec:" in head.split("\n---", 1)[0]


def sources(root: Path = ROOT) -> list[Path]:
    """All MyST notebook sources of the book, sorted."""
    return sorted(p for p in (root / SOURCE_DIR).rglob("*.md") if is_notebook(p))


def paired_path(md: Path, root: Path = ROOT) -> Path:
    """Path of the committed, executed twin of ``md``."""
    if md.name.startswith(EXERCISE_PREFIX):
        return root / EXERCISE_DIR / md.with_suffix(".ipynb").name
    rel = md.resolve().relative_to(root.resolve())
    return root / PAIRED_DIR / rel.with_suffix(".ipynb")


def committed_twins(root: Path = ROOT) -> list[Path]:
    """Every committed executed notebook: chapter twins and solution notebooks."""
    twins = list((root / PAIRED_DIR).rglob("*.ipynb")) + list((root / EXERCISE_DIR).glob("*.ipynb"))
    return sorted(t for t in twins if ".ipynb_checkpoints" not in t.parts)


def _cells(nb):
    return [(c.cell_type, c.source.strip()) for c in nb.cells]


def problems(root: Path = ROOT) -> list[str]:
    """Describe every source whose twin is missing, stale or orphaned."""
    found = []
    expected = set()
    for md in sources(root):
        twin = paired_path(md, root)
        expected.add(twin.resolve())
        rel_md, rel_twin = md.relative_to(root), twin.relative_to(root)
        if not twin.exists():
            found.append(f"{rel_twin} is missing for {rel_md}; run `make notebooks`")
            continue
        want = _cells(jupytext.read(md))
        have = _cells(nbformat.read(twin, as_version=4))
        if want != have:
            index = next((i for i, (a, b) in enumerate(zip(want, have)) if a != b),
                         min(len(want), len(have)))
            found.append(f"{rel_twin} is out of sync with {rel_md} (first "
                         f"difference at cell {index + 1}); run `make notebooks`")
    for twin in committed_twins(root):
        if twin.resolve() not in expected:
            found.append(f"{twin.relative_to(root)} has no source under "
                         f"{SOURCE_DIR}/; delete it")
    return found


def refresh(paths: list[Path], root: Path = ROOT, timeout: int = 120) -> None:
    """Execute each MyST source in its own folder and write its twin."""
    from nbclient import NotebookClient

    for md in paths:
        nb = jupytext.read(md)
        NotebookClient(nb, timeout=timeout, kernel_name="python3",
                       resources={"metadata": {"path": str(md.parent)}}).execute()
        twin = paired_path(md, root)
        twin.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, twin)
        print(f"wrote {twin.relative_to(root)}")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"refresh", "check"}:
        print(__doc__)
        return 2
    if argv[0] == "check":
        found = problems()
        for line in found:
            print(line, file=sys.stderr)
        return 1 if found else 0
    paths = [Path(a).resolve() for a in argv[1:]] or sources()
    refresh(paths)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
