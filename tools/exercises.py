"""Student versions of the exercise notebooks, written from the solution versions.

    python tools/exercises.py student      # exercises/*.ipynb -> exercises/student/*.ipynb

A problem set is one MyST source, ``chapters/practice-*.md``, whose executed
twin ``exercises/practice-*.ipynb`` is the solution notebook. Each solution
is fenced by sphinx-exercise's gated directives::

    ```{solution-start} ex-label
    :class: dropdown
    ```
    ... explanation and code cells ...
    ```{solution-end}
    ```

The student version drops every Markdown cell of each fenced region (keeping
whatever follows ``{solution-end}`` in its cell), replaces every code cell of
the region by a placeholder that raises ``NotImplementedError``, keeps all
other cells, self-checks included, and clears every output. Its Markdown is
turned from MyST into plain Markdown that Jupyter renders: glued numbers are
filled in from the solution notebook's stored glue outputs, exercise and
admonition boxes become bold headings, and cross-reference roles become text.
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
EXERCISE_DIR = ROOT / "exercises"
STUDENT_DIR = EXERCISE_DIR / "student"

_START = re.compile(r"^(`{3,}|:{3,})\{solution-start\}\s*(\S+)", re.M)
_END = re.compile(r"^(`{3,}|:{3,})\{solution-end\}[^\n]*\n\1[ \t]*$\n?", re.M)

PLACEHOLDER = (
    "# Exercise {label}: write your solution here, then run the self-check below.\n"
    'raise NotImplementedError("Exercise {label}: your solution goes here")'
)


_GLUE = re.compile(r"\{glue(?::text)?\}`([^`:]+)(?::([^`]*))?`")
_ROLE = re.compile(r"\{(doc|ref|numref|term|eq|cite:p|cite:t|cite|index)\}`([^`]*)`")
_EXERCISE = re.compile(r"^(`{3,}|:{3,})\{exercise\}\s*(.*)\n(?::label:\s*(\S+)\n)?((?:.*\n)*?)\1[ \t]*$", re.M)
_ADMONITION = re.compile(r"^(`{3,}|:{3,})\{admonition\}\s*(.*)\n(?::class:.*\n)?((?:.*\n)*?)\1[ \t]*$", re.M)
_TARGET = re.compile(r"^\([\w-]+\)=\s*$\n?", re.M)


def glue_values(nb) -> dict:
    """Glued values stored in an executed notebook, as their text representation."""
    found = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            data = output.get("data", {}).get("application/papermill.record/text/plain")
            if name and data is not None:
                found[name] = data
    return found


def _glued(match, values):
    name, spec = match.group(1).strip(), match.group(2)
    if name not in values:
        raise KeyError(f"glue name {name!r} has no stored value; run `make notebooks`")
    text = values[name].strip("'\"")
    if spec:
        try:
            return format(float(text), spec)
        except ValueError:
            return text
    return text


def chapter_title(target: str) -> str:
    """Title of the chapter ``chapters/<target>.md`` (its first ``#`` heading)."""
    path = ROOT / "chapters" / f"{Path(target).name}.md"
    if path.is_file():
        heading = re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.M)
        if heading:
            return heading.group(1).strip()
    return target


def _role(match):
    role, text = match.groups()
    if role.startswith("cite"):
        return "[" + ", ".join(k.strip() for k in text.split(",")) + "]"
    if role == "doc":
        return f"the chapter “{chapter_title(text)}” of the book"
    return re.sub(r"^.*<(.*)>$", r"\1", text)


def plain_markdown(text: str, values: dict) -> str:
    """Turn the MyST of one Markdown cell into Markdown that Jupyter renders."""
    text = _TARGET.sub("", text)
    text = _EXERCISE.sub(lambda m: f"**Exercise: {m.group(2).strip()}**"
                         + (f" (`{m.group(3)}`)" if m.group(3) else "") + "\n\n"
                         + m.group(4), text)
    text = _ADMONITION.sub(lambda m: f"**{m.group(2).strip()}**\n\n" + m.group(3), text)
    text = _GLUE.sub(lambda m: _glued(m, values), text)
    return _ROLE.sub(_role, text).strip()


def placeholder_source(label: str) -> str:
    """The code a student finds where a solution cell was."""
    return PLACEHOLDER.format(label=label)


def student_version(nb):
    """Return a student copy of the solution notebook ``nb`` (``nb`` is unchanged)."""
    out = copy.deepcopy(nb)
    cells, label = [], None
    for cell in out.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        if label is None:
            start = _START.search(cell.source) if cell.cell_type == "markdown" else None
            if start is None:
                cells.append(cell)
                continue
            label = start.group(2)
            before = cell.source[:start.start()].rstrip()
            after = cell.source[start.start():]
            if before:
                cells.append(nbformat.v4.new_markdown_cell(before))
            cell = nbformat.v4.new_markdown_cell(after)
        # inside a solution region
        if cell.cell_type == "code":
            cell.source = placeholder_source(label)
            cell.metadata = {"tags": ["placeholder"]}
            cells.append(cell)
            continue
        end = _END.search(cell.source)
        if end:
            rest = cell.source[end.end():].strip()
            if rest:
                start = _START.search(rest)
                if start:  # a new solution starts in the same cell
                    raise ValueError("put {solution-start} in its own Markdown cell")
                cells.append(nbformat.v4.new_markdown_cell(rest))
            label = None
    if label is not None:
        raise ValueError(f"solution {label} has no {{solution-end}}")
    values = glue_values(nb)
    for cell in cells:
        if cell.cell_type == "markdown":
            cell.source = plain_markdown(cell.source, values)
    out.cells = cells
    return out


def solution_material(nb):
    """Code lines and output texts of the solution regions of ``nb``.

    Used by the tests to prove that a student version leaks none of them.
    """
    code, outputs, inside = [], [], False
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            if _START.search(cell.source):
                inside = True
            if _END.search(cell.source):
                inside = False
            continue
        if inside:
            code += [line.strip() for line in cell.source.splitlines()
                     if len(line.strip()) > 12 and not line.strip().startswith("#")]
            for output in cell.get("outputs", []):
                text = output.get("text") or output.get("data", {}).get("text/plain", "")
                outputs += [line.strip() for line in "".join(text).splitlines()
                            if len(line.strip()) > 8]
    return code, outputs


def write_students(src_dir: Path = EXERCISE_DIR, out_dir: Path = STUDENT_DIR) -> list[Path]:
    """Write a student version of every solution notebook; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for solution in sorted(src_dir.glob("*.ipynb")):
        student = student_version(nbformat.read(solution, as_version=4))
        target = out_dir / solution.name
        nbformat.write(student, target)
        written.append(target)
    return written


def main(argv):
    if argv != ["student"]:
        print(__doc__)
        return 2
    for path in write_students():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
