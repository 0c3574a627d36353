"""The exercise notebooks: solutions pass their own self-checks;
`make student` versions leak no solution, render as plain Markdown, and fail
only at their placeholders.

The self-check results are read from the committed solution notebooks, whose
outputs nbval reproduces on every run; the solution notebooks are not
executed again here. Each student version is executed once. How long each
notebook takes is reported by `make bench`, not asserted.
"""

from __future__ import annotations

import json

import nbformat
import pytest

import exercises
from conftest import ROOT
from kernel_start import LockedStartClient

SOLUTIONS = sorted((ROOT / "exercises").glob("*.ipynb"))


def _run(nb, cwd, allow_errors=False):
    LockedStartClient(nb, timeout=120, kernel_name="python3", allow_errors=allow_errors,
                      resources={"metadata": {"path": str(cwd)}}).execute()
    return nb


def test_there_are_at_least_ten_problem_sets():
    assert len(SOLUTIONS) >= 10, [p.name for p in SOLUTIONS]


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_solutions_pass_their_own_self_checks(path):
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    exercises_n = text.count("{exercise}")
    assert exercises_n >= 2 and text.count("{solution-start}") == exercises_n
    checks = [o for c in nb.cells if c.cell_type == "code" and "check(" in c.source
              for o in c.outputs if o.get("name") == "stdout"]
    lines = [l for o in checks for l in "".join(o["text"]).splitlines() if l.strip()]
    assert lines and all(l.startswith("✓") for l in lines), lines


@pytest.fixture(scope="module")
def students(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    return {p.name: p for p in exercises.write_students(ROOT / "exercises", out)}


def test_make_student_writes_one_student_version_per_solution(students):
    assert sorted(students) == [p.name for p in SOLUTIONS]


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_student_version_leaks_no_solution(path, students):
    code, outputs = exercises.solution_material(nbformat.read(path, as_version=4))
    student = nbformat.read(students[path.name], as_version=4)
    text = json.dumps([c.source for c in student.cells])
    leaked = [line for line in code + outputs if json.dumps(line)[1:-1] in text]
    assert code and leaked == []
    assert all(not c.get("outputs") for c in student.cells if c.cell_type == "code")
    markdown = "\n".join(c.source for c in student.cells if c.cell_type == "markdown")
    assert "{glue" not in markdown and "{solution" not in markdown and "{exercise}" not in markdown


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_student_version_fails_only_at_placeholders(path, students):
    nb = _run(nbformat.read(students[path.name], as_version=4), ROOT / "chapters",
              allow_errors=True)
    placeholders = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if "placeholder" in cell.metadata.get("tags", []):
            placeholders += 1
            assert [e.ename for e in errors] == ["NotImplementedError"], cell.source
        else:
            assert errors == [], (cell.source, errors)
    assert placeholders >= 2


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_no_numbered_figure_inside_a_solution(path):
    """A captioned figure inside a solution box becomes a LaTeX float inside a
    box, which stops the PDF build ("Not in outer par mode"): figures in
    solutions must be plain images with alt text."""
    nb = nbformat.read(path, as_version=4)
    inside = False
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            inside = (inside or "{solution-start}" in cell.source) and "{solution-end}" not in cell.source
        elif inside:
            assert "figure" not in cell.metadata.get("mystnb", {}), cell.source[:80]


def test_planted_unfenced_solution_is_caught(tmp_path):
    """A solution region without its end fence is an error, not a silent leak."""
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("```{solution-start} ex-x\n:class: dropdown\n```"),
        nbformat.v4.new_code_cell("answer = 42"),
    ])
    with pytest.raises(ValueError, match="has no {solution-end}"):
        exercises.student_version(nb)


# --- numbering as in the book, identity cell, grading metadata ---------------

from conftest import toc_files  # noqa: E402


def test_chapter_numbers_follow_the_toc_across_numbered_parts(tmp_path):
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: chapters/index\nparts:\n"
        "  - caption: A\n    numbered: true\n    chapters:\n      - file: chapters/a\n      - file: chapters/b\n"
        "  - caption: B\n    numbered: true\n    chapters:\n      - file: chapters/c\n"
        "  - caption: Reference\n    chapters:\n      - file: chapters/glossary\n")
    assert exercises.chapter_numbers(tmp_path) == {"chapters/a": 1, "chapters/b": 2, "chapters/c": 3}
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("```{exercise} First\n:label: ex-one\n\nText.\n```"),
        nbformat.v4.new_code_cell('check("c.x", "x")\ncheck("c.y", "y")'),
        nbformat.v4.new_markdown_cell("```{exercise} Aside\n:label: ex-aside\n:nonumber:\n\nT.\n```"),
        nbformat.v4.new_markdown_cell("```{exercise}\n:class: dropdown\n:label: ex-two\n\nT.\n```"),
    ])
    found = exercises.exercises(nb, "chapters/c", tmp_path)
    assert [(e.label, e.heading) for e in found] == [
        ("ex-one", "Exercise 3.1 (First)"), ("ex-aside", "Exercise (Aside)"), ("ex-two", "Exercise 3.2")]
    assert found[0].checks == [("c.x", "x"), ("c.y", "y")]
    assert exercises.exercises(nb, "chapters/not-in-toc", tmp_path)[0].number == "1"


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_student_version_numbers_exercises_and_has_grading_metadata(path, students):
    solution = nbformat.read(path, as_version=4)
    found = exercises.exercises(solution, exercises.docname_of(path))
    student = nbformat.read(students[path.name], as_version=4)
    headings = [line[4:] for c in student.cells if c.cell_type == "markdown"
                for line in c.source.splitlines() if line.startswith("### Exercise")]
    assert headings == [e.heading for e in found]
    placeholders = [c.source for c in student.cells if "placeholder" in c.metadata.get("tags", [])]
    numbers = [e.number for e in found]
    assert all(any(f"Exercise {n}:" in p for p in placeholders) for n in numbers)
    assert student.metadata["tcibook"]["assignment_name"] == path.stem
    tagged = [c for c in student.cells if exercises.CHECK_TAG in c.metadata.get("tags", [])]
    assert len(tagged) == sum(1 for c in solution.cells if exercises._CHECK.search(c.source))
    identity = [c for c in student.cells if exercises.IDENTITY_TAG in c.metadata.get("tags", [])]
    assert len(identity) == 1 and "STUDENT_NAME" in identity[0].source
    code = "\n".join(c.source for c in student.cells if c.cell_type == "code")
    assert "glue" not in code                                  # glue needs myst-nb: dropped


def test_read_identity():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('# me\nSTUDENT_NAME = " Ada Lovelace "\nSTUDENT_ID = "s123"'),
        nbformat.v4.new_code_cell("this is not python ("),
    ])
    assert exercises.read_identity(nb) == {"name": "Ada Lovelace", "id": "s123"}
    assert exercises.read_identity(nbformat.v4.new_notebook()) == {"name": "", "id": ""}


@pytest.mark.build
def test_exercise_numbers_match_the_built_book(site_dir):
    """The headings of the student notebooks are those the book shows:
    'Exercise 15.1 (title)', read back from the built HTML."""
    import html
    import re

    in_toc = set(toc_files())
    checked = 0
    for path in SOLUTIONS:
        docname = exercises.docname_of(path)
        if docname not in in_toc:
            continue
        page = (site_dir / f"{docname}.html").read_text(encoding="utf-8")
        shown = [f"{n.strip()}" + (f" ({html.unescape(t)})" if t else "") for n, t in re.findall(
            r'<span class="caption-number">(Exercise [\d.]+) </span>\s*(?:\((.*?)\))?</p>', page)]
        ours = [e.heading for e in exercises.exercises(nbformat.read(path, as_version=4), docname)]
        normalise = lambda s: s.replace("’", "'").replace("“", '"').replace("”", '"')  # noqa: E731
        assert [normalise(s) for s in shown] == [normalise(s) for s in ours], path.name
        checked += 1
    assert checked >= 10


# --- student notebooks read like the book --------------------------------------

import re  # noqa: E402

_RAW_MYST = {
    "a role": re.compile(r"\{[\w:.-]+\}`"),
    "a directive": re.compile(r"^[ \t]*(`{3,}|:{3,})[ \t]*\{", re.M),
    "a target": re.compile(r"^[ \t]*\([\w-]+\)=", re.M),
    "an equation label": re.compile(r"\$\$[ \t]*\([\w-]+\)"),
}


def _raw_markup(markdown: str) -> list[str]:
    """Every raw MyST role, directive, target, label or citation key in ``markdown``."""
    found = [f"{what}: {m.group(0)!r}" for what, pattern in _RAW_MYST.items()
             for m in pattern.finditer(markdown)]
    words = set(re.findall(r"[\w-]+", markdown))
    found += [f"a label: {w}" for w in sorted(words & set(exercises.targets()))]
    found += [f"a citation key: {w}" for w in sorted(words & set(exercises.bibliography()))]
    return found


def test_the_raw_markup_finder_catches_each_kind():
    planted = ("See {ref}`sec-x` and [long1991ftu].\n```{explorer} dosing\n```\n"
               "(sec-x)=\n$$ a $$ (eq-p04-course)\nas eq-p04-course shows")
    found = " ".join(_raw_markup(planted))
    for what in ("a role", "a directive", "a target", "an equation label",
                 "a label: eq-p04-course", "a citation key: long1991ftu"):
        assert what in found, what
    assert _raw_markup("Long and Finlay [1991] give Eq. 20.1.") == []


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_student_version_holds_no_raw_myst(path, students):
    """Citations are author-year text with a references cell at the end,
    equations carry their numbers, web-only directives are a sentence, and
    no build-only cell (glue, private set-up) is left."""
    student = nbformat.read(students[path.name], as_version=4)
    markdown = "\n\n".join(c.source for c in student.cells if c.cell_type == "markdown")
    assert _raw_markup(markdown) == []
    cites = re.search(r"\[[^\]\d][^\]]*, (\d{4}|n\.d\.)\]|\w \[(\d{4}|n\.d\.)\]", markdown)
    has_references = student.cells[-1].source.startswith("## References\n\n- ")
    assert bool(cites) == has_references, path.name
    for cell in student.cells:
        if cell.cell_type == "code":
            assert "remove-cell" not in cell.metadata.get("tags", [])
            assert not re.search(r"\bas _\w+|\b_\w+ = |glue", cell.source), cell.source


def test_citations_and_equations_read_as_in_the_book():
    converter = exercises._Converter({}, {}, "chapters/practice-04-topical-dosing")
    text = converter("{cite:t}`long1991ftu` and {cite:p}`rovin2021aurora`; see {eq}`eq-p04-course`"
                     " and {eq}`eq-exp-interaction`.\n\n$$\nm = f T\n$$ (eq-p04-course)")
    assert text.startswith("Long and Finlay [1991] and [Rovin et al., 2021]; see Eq. 21.1 and "
                           "Eq. 8.10 of the chapter “Exposure over time")
    assert text.endswith("m = f T\n\\tag{21.1}\n$$")
    assert converter.cited == ["long1991ftu", "rovin2021aurora"]
    with pytest.raises(KeyError, match="no-such-label"):
        converter("{ref}`no-such-label`")
    with pytest.raises(KeyError, match="not in references.bib"):
        converter("{cite:p}`nosuchkey1900`")


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_student_version_describes_the_self_check_as_the_book_does(path, students):
    from tcibook.selfcheck import DESCRIPTION

    student = nbformat.read(students[path.name], as_version=4)
    intro = " ".join(" ".join(c.source.split()) for c in student.cells[:4]
                     if c.cell_type == "markdown")
    assert " ".join(DESCRIPTION.split()) in intro


@pytest.mark.build
def test_equation_numbers_match_the_built_book(site_dir):
    """The numbers the student notebooks give equations ("Eq. 20.1") are the
    ones the built pages show, page by page and in order."""
    by_page = {}
    for target in exercises.targets().values():
        if target.kind == "equation":
            by_page.setdefault(target.docname, []).append(target.title.removeprefix("Eq. "))
    checked = 0
    for docname, numbers in by_page.items():
        page = site_dir / f"{docname}.html"
        if page.is_file():
            shown = re.findall(r'class="eqno">\(([\d.]+)\)', page.read_text(encoding="utf-8"))
            assert shown == numbers, docname
            checked += 1
    assert checked >= 10


def test_a_web_only_directive_becomes_a_sentence_naming_and_linking_its_page():
    docname = "chapters/practice-04-topical-dosing"
    text = exercises._Converter({}, {}, docname)("```{explorer} dosing\n:sites: arm\n```\n")
    assert "“Problem set 4: topical dosing with fingertip units”" in text and "{" not in text
    linked = exercises._web_only("explorer", docname, base="https://example.org/book")
    assert "(https://example.org/book/chapters/practice-04-topical-dosing.html)" in linked
