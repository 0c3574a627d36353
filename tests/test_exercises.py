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
from nbclient import NotebookClient

import exercises
from conftest import ROOT

SOLUTIONS = sorted((ROOT / "exercises").glob("*.ipynb"))


def _run(nb, cwd, allow_errors=False):
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=allow_errors,
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
