"""Student versions of the exercise notebooks, written from the solution versions.

    python tools/exercises.py student      # exercises/*.ipynb -> exercises/student/*.ipynb
    python tools/exercises.py numbers      # print the book's number of every exercise

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
filled in from the solution notebook's stored glue outputs, exercise boxes
become headings numbered as in the book ("Exercise 15.1 (title)": the
chapter's number in ``_toc.yml`` order, as Jupyter Book numbers chapters
across parts, and the exercise's place in the chapter, as sphinx-exercise
numbers them), admonition boxes become bold headings, and cross-reference
roles become text. Hidden cells that only glue numbers into the prose are
dropped (the numbers are already in the text), a cell for the student's name
and ID is added after the title (the grader reads it), and the notebook
carries the metadata the autograder needs (``metadata.otter``).
"""

from __future__ import annotations

import ast
import copy
import re
import sys
from dataclasses import dataclass, field
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

#: Tag of the cell that holds the student's name and ID.
IDENTITY_TAG = "student-identity"
IDENTITY_SOURCE = (
    "# Your name and student ID, in quotes. The grader reads them from this cell.\n"
    'STUDENT_NAME = ""\n'
    'STUDENT_ID = ""'
)
IDENTITY_NOTE = ("**Before you start:** write your name and student ID in the cell below "
                 "and keep it as the first code cell; your instructor's grader reads them "
                 "from there.")
#: Tag of the self-check cells.
CHECK_TAG = "self-check"
_CHECK = re.compile(r"""\bcheck\(\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']""")
_EXERCISE_OPTIONS = re.compile(r"^(`{3,}|:{3,})\{exercise\}[ \t]*(.*)\n((?::[\w-]+:.*\n)*)", re.M)


# --- the book's numbering ------------------------------------------------------

def chapter_numbers(root: Path = ROOT) -> dict[str, int]:
    """The number Jupyter Book gives each chapter of ``_toc.yml``.

    Chapters of parts marked ``numbered`` are counted in toc order across
    parts (``use_multitoc_numbering``); the root page and unnumbered parts
    have no number.
    """
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    numbers, n = {}, 0
    for part in toc.get("parts", [toc]):
        for chapter in part.get("chapters", []):
            if part.get("numbered") or toc.get("numbered"):
                n += 1
                numbers[chapter["file"]] = n
    return numbers


@dataclass
class Exercise:
    """One exercise of a problem set, as the book numbers it."""

    label: str
    title: str
    number: str
    checks: list[tuple[str, str]] = field(default_factory=list)   # (label, variable)

    @property
    def heading(self) -> str:
        return " ".join(filter(None, ["Exercise", self.number])) + (
            f" ({self.title})" if self.title else "")


def exercises(nb, docname: str | None = None, root: Path = ROOT) -> list[Exercise]:
    """The exercises of a problem-set notebook, in order, with their self-checks.

    ``docname`` (``chapters/practice-03-...``) gives the chapter's number; a
    page that is not in the toc numbers its exercises 1, 2, ...
    """
    chapter = chapter_numbers(root).get(docname) if docname else None
    found, k = [], 0
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for match in _EXERCISE_OPTIONS.finditer(cell.source):
                options = dict(re.findall(r"^:([\w-]+):[ \t]*(.*)$", match.group(3), re.M))
                if "nonumber" in options:
                    number = ""
                else:
                    k += 1
                    number = f"{chapter}.{k}" if chapter else str(k)
                found.append(Exercise(options.get("label", f"exercise-{k}"),
                                      match.group(2).strip(), number))
        elif found:
            found[-1].checks += _CHECK.findall(cell.source)
    return found


def docname_of(notebook: Path) -> str:
    """The book page a solution notebook ``exercises/<name>.ipynb`` comes from."""
    return f"chapters/{Path(notebook).stem}"


_GLUE = re.compile(r"\{glue(?::text)?\}`([^`:]+)(?::([^`]*))?`")
_ROLE = re.compile(r"\{(doc|ref|numref|term|eq|cite:p|cite:t|cite|index)\}`([^`]*)`")
_EXERCISE = re.compile(r"^(`{3,}|:{3,})\{exercise\}[ \t]*(.*)\n((?::[\w-]+:.*\n)*)((?:.*\n)*?)\1[ \t]*$", re.M)
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


def plain_markdown(text: str, values: dict, headings: dict | None = None) -> str:
    """Turn the MyST of one Markdown cell into Markdown that Jupyter renders.

    ``headings`` maps exercise labels to their headings as the book numbers
    them (see :func:`exercises`).
    """
    headings = headings or {}

    def exercise(m):
        options = dict(re.findall(r"^:([\w-]+):[ \t]*(.*)$", m.group(3), re.M))
        title = m.group(2).strip()
        heading = headings.get(options.get("label")) or (
            "Exercise" + (f" ({title})" if title else ""))
        return f"### {heading}\n\n" + m.group(4)

    text = _TARGET.sub("", text)
    text = _EXERCISE.sub(exercise, text)
    text = _ADMONITION.sub(lambda m: f"**{m.group(2).strip()}**\n\n" + m.group(3), text)
    text = _GLUE.sub(lambda m: _glued(m, values), text)
    return _ROLE.sub(_role, text).strip()


def placeholder_source(label: str) -> str:
    """The code a student finds where a solution cell was."""
    return PLACEHOLDER.format(label=label)


def _without_glue(source: str) -> str | None:
    """``source`` without its glue statements; None when nothing else is left."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source

    def is_glue(node):
        if isinstance(node, ast.ImportFrom):
            return (node.module or "").endswith(("gluing", "myst_nb"))
        return any(getattr(n, "id", getattr(n, "attr", "")).startswith("glue")
                   for n in ast.walk(node) if isinstance(n, (ast.Name, ast.Attribute)))

    if not any(is_glue(n) for n in tree.body):
        return source
    kept = [ast.get_source_segment(source, n) for n in tree.body if not is_glue(n)]
    return "\n".join(kept) if kept else None


def student_version(nb, docname: str | None = None, root: Path = ROOT):
    """Return a student copy of the solution notebook ``nb`` (``nb`` is unchanged).

    ``docname`` is the book page of the notebook (``chapters/practice-...``),
    which gives the exercises their numbers in the book.
    """
    found = exercises(nb, docname, root)
    numbers = {e.label: e.number or e.label for e in found}
    headings = {e.label: e.heading for e in found}
    out = copy.deepcopy(nb)
    cells, label = [], None
    for cell in out.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            cell.metadata.pop("execution", None)
        if label is None and cell.cell_type == "code" and (
                "remove-cell" in cell.metadata.get("tags", [])):
            source = _without_glue(cell.source)
            if source is None:
                continue
            cell.source = source
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
            cell.source = placeholder_source(numbers.get(label, label))
            cell.metadata = {"tags": ["placeholder"], "tcibook": {"exercise": label}}
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
            cell.source = plain_markdown(cell.source, values, headings)
    out.cells = cells
    mark_checks(out, found)
    first = 1 if cells and cells[0].cell_type == "markdown" else 0
    identity = nbformat.v4.new_code_cell(IDENTITY_SOURCE)
    identity.metadata = {"tags": [IDENTITY_TAG]}
    out.cells[first:first] = [nbformat.v4.new_markdown_cell(IDENTITY_NOTE), identity]
    out.metadata["otter"] = {"assignment_name": assignment_name(docname)}
    return out


def assignment_name(docname: str | None) -> str:
    """The autograder's name of a problem set: the stem of its page."""
    return Path(docname).name if docname else "problem-set"


def mark_checks(nb, found: list[Exercise]) -> None:
    """Tag each self-check cell, and give the last one of each exercise the
    otter metadata that makes the autograder grade that exercise right there
    (so what a student does later in the notebook cannot change its marks)."""
    owner = {}
    for exercise in found:
        for check_label, _ in exercise.checks:
            owner[check_label] = exercise.label
    last = {}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        labels = [owner.get(l) for l, _ in _CHECK.findall(cell.source)]
        if any(labels):
            tags = cell.metadata.setdefault("tags", [])
            if CHECK_TAG not in tags:
                tags.append(CHECK_TAG)
            cell.metadata.get("otter", {}).pop("tests", None)
            for exercise_label in filter(None, labels):
                last[exercise_label] = index
    for exercise_label, index in last.items():
        tests = nb.cells[index].metadata.setdefault("otter", {}).setdefault("tests", [])
        if exercise_label not in tests:
            tests.append(exercise_label)


def read_identity(nb) -> dict:
    """``{"name": ..., "id": ...}`` as written in the student's identity cell.

    Read without running the notebook: the first string assigned to
    ``STUDENT_NAME`` and ``STUDENT_ID`` in any code cell ("" when absent).
    """
    found = {"name": "", "id": ""}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                for target in node.targets:
                    key = {"STUDENT_NAME": "name", "STUDENT_ID": "id"}.get(getattr(target, "id", ""))
                    if key and not found[key]:
                        found[key] = str(node.value.value).strip()
    return found


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
        student = student_version(nbformat.read(solution, as_version=4), docname_of(solution))
        target = out_dir / solution.name
        nbformat.write(student, target)
        written.append(target)
    return written


def main(argv):
    if argv == ["numbers"]:
        for solution in sorted(EXERCISE_DIR.glob("*.ipynb")):
            for e in exercises(nbformat.read(solution, as_version=4), docname_of(solution)):
                print(f"{solution.stem}\t{e.label}\t{e.heading}")
        return 0
    if argv != ["student"]:
        print(__doc__)
        return 2
    for path in write_students():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
