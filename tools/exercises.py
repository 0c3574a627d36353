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
turned from MyST into plain Markdown that Jupyter renders, so that it reads
like the book: glued numbers are filled in from the solution notebook's
stored glue outputs; exercise boxes become headings numbered as in the book
("Exercise 15.1 (title)": the chapter's number in ``_toc.yml`` order, as
Jupyter Book numbers chapters across parts, and the exercise's place in the
chapter, as sphinx-exercise numbers them); admonition boxes become bold
headings; citations become author-year text as the book prints them (the
book's own referencing style, ``_ext/bibstyle.py``) with a "References" cell
at the end listing the cited records; numbered equations carry their
book number (``\tag{20.1}``) and ``{eq}`` references read "Eq. 20.1";
section and chapter references become their titles; directives only the web
edition can show (the model explorers) become a sentence naming the page
that holds them. Build-only cells (``remove-cell``: glue and private
set-up) are dropped, a cell for the student's name and ID is added after the
title (the grader reads it), and the notebook carries the metadata the
grader reads (``metadata.tcibook.assignment_name``).
"""

from __future__ import annotations

import ast
import copy
import functools
import importlib.util
import re
import sys
import types
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
_ROLE = re.compile(r"\{(doc|ref|numref|term|eq|cite:p|cite:t|cite|index|abbr)\}`([^`]*)`")
_EXERCISE = re.compile(r"^(`{3,}|:{3,})\{exercise\}[ \t]*(.*)\n((?::[\w-]+:.*\n)*)((?:.*\n)*?)\1[ \t]*$", re.M)
_ADMONITION = re.compile(r"^(`{3,}|:{3,})\{admonition\}\s*(.*)\n(?::class:.*\n)?((?:.*\n)*?)\1[ \t]*$", re.M)
_TARGET = re.compile(r"^\([\w-]+\)=\s*$\n?", re.M)
#: Directives only the web edition can show (drawn by its JavaScript).
_WEB_ONLY = re.compile(r"^(`{3,}|:{3,})\{(explorer)\}.*\n(?:.*\n)*?\1[ \t]*$", re.M)


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


#: A MyST target line and the heading it labels.
_LABELLED_HEADING = re.compile(r"^\(([\w-]+)\)=[ \t]*\n+(#+)[ \t]+(.+)$", re.M)
#: The closing line of a labelled display equation, ``$$ (label)``.
_EQUATION_LABEL = re.compile(r"^\$\$[ \t]*\(([\w-]+)\)[ \t]*$", re.M)


@dataclass(frozen=True)
class Target:
    """A label of the book: what it names and on which page."""

    docname: str     # chapters/<name>
    title: str       # heading text, or "Eq. 20.1" for an equation
    kind: str        # "section" or "equation"


@functools.lru_cache(maxsize=None)
def _targets(root: Path = ROOT) -> dict[str, Target]:
    numbers = chapter_numbers(root)
    found = {}
    for path in sorted((root / "chapters").glob("*.md")):
        docname = f"chapters/{path.stem}"
        text = path.read_text(encoding="utf-8")
        for label, _, title in _LABELLED_HEADING.findall(text):
            found[label] = Target(docname, title.strip(), "section")
        chapter = numbers.get(docname)
        for k, label in enumerate(_EQUATION_LABEL.findall(text), start=1):
            number = f"{chapter}.{k}" if chapter else str(k)
            found[label] = Target(docname, f"Eq. {number}", "equation")
    return found


def targets(root: Path = ROOT) -> dict[str, Target]:
    """Every ``(label)=`` section target and labelled equation of the chapters.

    Equations are numbered as Sphinx numbers them with ``math_numfig`` and
    ``numfig_secnum_depth: 1``: the chapter's number, then the place of the
    equation among the labelled display equations of its page ("Eq. 20.1").
    """
    return _targets(Path(root))


def chapter_title(target: str) -> str:
    """Title of the chapter ``chapters/<target>.md`` (its first ``#`` heading)."""
    path = ROOT / "chapters" / f"{Path(target).name}.md"
    if path.is_file():
        heading = re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.M)
        if heading:
            return heading.group(1).strip()
    return target


# --- citations, as the book prints them -----------------------------------------

@functools.lru_cache(maxsize=None)
def _bibstyle():
    """The book's own Sphinx extension ``_ext/bibstyle.py`` (its author-year
    referencing, sorting and entry styles), loaded from its file."""
    spec = importlib.util.spec_from_file_location("bibstyle", ROOT / "_ext" / "bibstyle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.lru_cache(maxsize=None)
def bibliography(path: Path = ROOT / "references.bib"):
    """The records of ``references.bib`` (pybtex entries by key)."""
    from pybtex.database import parse_file

    return parse_file(str(path)).entries


def citation_text(keys: list[str], role: str = "p") -> str:
    """``{cite:p}`` or ``{cite:t}`` of ``keys`` as the book prints it:
    "[Long and Finlay, 1991]", "Long and Finlay [1991]"."""
    import pybtex_docutils
    from sphinxcontrib.bibtex.style.referencing import format_references
    from sphinxcontrib.bibtex.style.template import SphinxReferenceInfo

    style = _bibstyle()
    entries = bibliography()
    unknown = [k for k in keys if k not in entries]
    if unknown:
        raise KeyError(f"citation key(s) {unknown} not in references.bib")
    page = types.SimpleNamespace(name="text", get_relative_uri=lambda *_: "")
    references = [(entries[k], style.AuthorYearStyle().format_entry(k, entries[k]),
                   SphinxReferenceInfo(builder=page, fromdocname="", todocname="",
                                       citation_id=k, title=None, pre_text="",
                                       post_text=""))
                  for k in keys]
    text = format_references(style.AuthorYearEtAlReferenceStyle(), role, references)
    return "".join(n.astext() for n in text.render(pybtex_docutils.Backend()))


def references_markdown(keys) -> str:
    """A "References" cell: the cited records, as the book's bibliography
    prints them and in its order."""
    style = _bibstyle()
    entries = bibliography()
    ordered = style.AuthorYearLabelSortingStyle().sort([entries[k] for k in dict.fromkeys(keys)])
    lines = []
    for entry in ordered:
        text = style.AuthorYearStyle().format_entry(entry.key, entry).text.render_as("markdown")
        lines.append("- " + " ".join(text.split()))
    return "## References\n\n" + "\n".join(lines)


def web_base(root: Path = ROOT) -> str:
    """The published address of the book (``html.baseurl`` in ``_config.yml``),
    or "" when the configuration gives none."""
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    return str((config.get("html") or {}).get("baseurl") or "").rstrip("/")


def _web_only(kind: str, docname: str | None, base: str | None = None) -> str:
    """The sentence that stands for a directive only the web edition shows:
    it names the page, and links to it when the book's address is known."""
    base = web_base() if base is None else base
    page = f"“{chapter_title(docname)}”" if docname else "this problem set"
    if base and docname:
        page = f"[{page}]({base}/{docname}.html)"
    what = {"explorer": "an interactive explorer of this calculation"}.get(
        kind, f"a {kind} drawn by the web edition")
    return (f"*The page {page} of the book's web edition shows {what} here; "
            "open it there to try other inputs.*")


class _Converter:
    """Turns the MyST of one notebook's Markdown cells into plain Markdown,
    collecting the citation keys for the references cell."""

    def __init__(self, values, headings, docname, root=ROOT):
        self.values, self.headings, self.docname = values, headings or {}, docname
        self.targets = targets(root)
        self.cited: list[str] = []

    def role(self, match):
        role, text = match.groups()
        if role.startswith("cite"):
            keys = [k.strip() for k in text.split(",") if k.strip()]
            self.cited += keys
            return citation_text(keys, "t" if role == "cite:t" else "p")
        if role == "doc":
            return f"the chapter “{chapter_title(text)}” of the book"
        explicit = re.match(r"^(.*?)\s*<(.*)>$", text)
        if explicit and role != "eq":
            return explicit.group(1)
        label = explicit.group(2) if explicit else text
        if role in {"ref", "numref", "eq"}:
            target = self.targets.get(label)
            if target is None:
                raise KeyError(f"reference {label!r} has no target in chapters/")
            where = ("" if target.docname == self.docname
                     else f" of the chapter “{chapter_title(target.docname)}”")
            if target.kind == "equation":
                return target.title + where
            return f"the section “{target.title}”{where}"
        return label

    def equation(self, match):
        target = self.targets[match.group(1)]
        return "\\tag{" + target.title.removeprefix("Eq. ") + "}\n$$"

    def __call__(self, text: str) -> str:
        return plain_markdown(text, self.values, self.headings, self)


def plain_markdown(text: str, values: dict, headings: dict | None = None,
                   converter: _Converter | None = None) -> str:
    """Turn the MyST of one Markdown cell into Markdown that Jupyter renders.

    ``headings`` maps exercise labels to their headings as the book numbers
    them (see :func:`exercises`); ``converter`` carries the page and collects
    the citations (one is made when it is not given).
    """
    headings = headings or {}
    converter = converter or _Converter(values, headings, None)

    def exercise(m):
        options = dict(re.findall(r"^:([\w-]+):[ \t]*(.*)$", m.group(3), re.M))
        title = m.group(2).strip()
        heading = headings.get(options.get("label")) or (
            "Exercise" + (f" ({title})" if title else ""))
        return f"### {heading}\n\n" + m.group(4)

    text = _TARGET.sub("", text)
    text = _EXERCISE.sub(exercise, text)
    text = _ADMONITION.sub(lambda m: f"**{m.group(2).strip()}**\n\n" + m.group(3), text)
    text = _WEB_ONLY.sub(lambda m: _web_only(m.group(2), converter.docname), text)
    text = _EQUATION_LABEL.sub(converter.equation, text)
    text = _GLUE.sub(lambda m: _glued(m, values), text)
    return _ROLE.sub(converter.role, text).strip()


def placeholder_source(label: str) -> str:
    """The code a student finds where a solution cell was."""
    return PLACEHOLDER.format(label=label)


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
            continue                                   # build-only: glue, private set-up
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
    convert = _Converter(glue_values(nb), headings, docname, root)
    for cell in cells:
        if cell.cell_type == "markdown":
            cell.source = convert(cell.source)
    if convert.cited:
        cells.append(nbformat.v4.new_markdown_cell(references_markdown(convert.cited)))
    out.cells = cells
    mark_checks(out, found)
    first = 1 if cells and cells[0].cell_type == "markdown" else 0
    identity = nbformat.v4.new_code_cell(IDENTITY_SOURCE)
    identity.metadata = {"tags": [IDENTITY_TAG]}
    out.cells[first:first] = [nbformat.v4.new_markdown_cell(IDENTITY_NOTE), identity]
    out.metadata["tcibook"] = {"assignment_name": assignment_name(docname)}
    return out


def assignment_name(docname: str | None) -> str:
    """The grader's name of a problem set: the stem of its page."""
    return Path(docname).name if docname else "problem-set"


def mark_checks(nb, found: list[Exercise]) -> None:
    """Tag each self-check cell (the grader records each exercise's answers
    right after its last one, so what a student does later in the notebook
    cannot change its marks)."""
    owner = {}
    for exercise in found:
        for check_label, _ in exercise.checks:
            owner[check_label] = exercise.label
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if any(owner.get(l) for l, _ in _CHECK.findall(cell.source)):
            tags = cell.metadata.setdefault("tags", [])
            if CHECK_TAG not in tags:
                tags.append(CHECK_TAG)


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
