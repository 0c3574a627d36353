"""Grading a class with the otter autograders of `make grading`.

One problem set (the first, so the test follows whatever sets exist) is
turned into an autograder, and three notebooks are graded in one `grade`
run, as `make grade` does: the solution notebook (full marks), a blank
student notebook (zero), and a planted one (exactly the points of the
exercises it answers right, whatever else goes wrong in it). Needs
otter-grader (`make instructor-setup`); with CI=true its absence fails.
"""

from __future__ import annotations

import csv
import importlib.util
import shutil

import nbformat
import pytest

import exercises
import grading
from conftest import ROOT, require_tool

pytestmark = pytest.mark.xdist_group("grading")

SOLUTION = sorted((ROOT / "exercises").glob("*.ipynb"))[0]


def _literal(value) -> str:
    return repr(grading._plain(value))


def _wrong_kind(expected) -> str:
    return "42" if isinstance(expected, str) else '"not the kind asked for"'


def planted(student, info):
    """The student notebook with the first and last exercises answered right,
    the second answered with a wrong kind and a cell that raises, then a
    crash (an unrelated error) and a cell that never ends. Returns
    (notebook, points it should get)."""
    from tcibook.selfcheck import expected_for

    questions = info["questions"]
    assert len(questions) >= 3, "the planted notebook needs three exercises"
    right = {questions[0]["name"], questions[-1]["name"]}
    cells = []
    for cell in student.cells:
        exercise = cell.metadata.get("tcibook", {}).get("exercise")
        if exercises.IDENTITY_TAG in cell.metadata.get("tags", []):
            cell.source = 'STUDENT_NAME = "Planted Student"\nSTUDENT_ID = "p-001"'
        if exercise is None:
            cells.append(cell)
            continue
        q = next(q for q in questions if q["name"] == exercise)
        variables = [(c["label"], c["variable"]) for c in q["cases"]]
        if exercise in right:
            cell.source = "\n".join(f"{v} = {_literal(expected_for(l).compute())}"
                                    for l, v in variables)
            cells.append(cell)
        elif exercise == questions[1]["name"]:
            (l0, v0), rest = variables[0], variables[1:]
            cell.source = f"{v0} = {_wrong_kind(expected_for(l0).compute())}"
            cells.append(cell)
            if rest:
                cells.append(nbformat.v4.new_code_cell(
                    f"{rest[0][1]} = undefined_name_in_planted_cell + 1"))
            cells.append(nbformat.v4.new_code_cell('raise RuntimeError("a crash midway")'))
            cells.append(nbformat.v4.new_code_cell("while True:\n    pass   # never ends"))
        else:
            cells.append(cell)                                   # left as a placeholder
    student.cells = cells
    return student, sum(q["points"] for q in questions if q["name"] in right)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    require_tool(importlib.util.find_spec("otter") is not None,
                 "otter-grader (run `make instructor-setup`)")
    base = tmp_path_factory.mktemp("grading")
    grading.generate(base / "autograders", only=[SOLUTION.stem])
    info = grading.structure(SOLUTION)
    submissions = base / "submissions"
    for who in ("solution", "blank", "planted"):
        (submissions / who).mkdir(parents=True)
    shutil.copy(SOLUTION, submissions / "solution" / SOLUTION.name)
    student = exercises.student_version(nbformat.read(SOLUTION, as_version=4),
                                        exercises.docname_of(SOLUTION))
    nbformat.write(student, submissions / "blank" / SOLUTION.name)
    nb, points = planted(nbformat.from_dict(student), info)
    nbformat.write(nb, submissions / "planted" / SOLUTION.name)
    lines = []
    saved, grading.CELL_TIMEOUT_S = grading.CELL_TIMEOUT_S, 10   # the endless cell: 10 s
    try:
        written = grading.grade(submissions, base / "grades", base / "autograders",
                                progress=lines.append)
    finally:
        grading.CELL_TIMEOUT_S = saved
    with open(written[info["assignment"]], newline="", encoding="utf-8") as f:
        rows = {r["file"].split("/")[0]: r for r in csv.DictReader(f)}
    feedback = {p.stem.split("__")[0]: p.read_text(encoding="utf-8")
                for p in (base / "grades" / "feedback" / info["assignment"]).glob("*.md")}
    return info, rows, feedback, points, lines


def test_the_autograder_holds_one_question_per_exercise(graded, tmp_path):
    info, *_ = graded
    found = exercises.exercises(nbformat.read(SOLUTION, as_version=4), exercises.docname_of(SOLUTION))
    assert [q["name"] for q in info["questions"]] == [e.label for e in found]
    assert [[c["variable"] for c in q["cases"]] for q in info["questions"]] == \
        [[v for _, v in e.checks] for e in found]
    for path in grading.write_tests(info, tmp_path):
        compile(path.read_text(), str(path), "exec")


def test_the_solution_notebook_scores_full_marks(graded):
    info, rows, *_ = graded
    row = rows["solution"]
    assert float(row["total"]) == float(row["possible"]) == sum(q["points"] for q in info["questions"])


def test_a_blank_student_notebook_scores_zero(graded):
    _, rows, feedback, *_ = graded
    assert float(rows["blank"]["total"]) == 0
    assert "not answered" in feedback["blank"] and "✓" not in feedback["blank"]


def test_a_planted_notebook_scores_exactly_its_points(graded):
    info, rows, feedback, points, _ = graded
    row = rows["planted"]
    assert float(row["total"]) == points
    assert (row["name"], row["student_id"]) == ("Planted Student", "p-001")
    first, second, last = info["questions"][0], info["questions"][1], info["questions"][-1]
    assert float(row[f"{first['heading']} [{first['points']:g}]"]) == first["points"]
    assert float(row[f"{second['heading']} [{second['points']:g}]"]) == 0
    assert float(row[f"{last['heading']} [{last['points']:g}]"]) == last["points"]
    text = feedback["planted"]
    assert "✗ wrong kind:" in text
    if len(second["cases"]) > 1:
        assert "⚠ error:" in text and "NameError" in text
    if len(info["questions"]) > 3:
        assert "… not answered:" in text
    assert "Revisit:" in text


def test_feedback_never_states_an_expected_value(graded):
    from tcibook.selfcheck import expected_for

    info, _, feedback, *_ = graded
    text = "\n".join(feedback.values())
    for q in info["questions"]:
        for c in q["cases"]:
            value = expected_for(c["label"]).compute()
            for x in (value if isinstance(value, (tuple, list)) else [value]):
                if isinstance(x, float) and f"{x:.3g}" != f"{x:.2g}":
                    assert f"{x:.4g}" not in text and f"{x:.3g}" not in text, (c["label"], x)


def test_progress_is_shown_per_notebook(graded):
    *_, lines = graded
    assert [l.split("]")[0] for l in lines[:3]] == ["[1/3", "[2/3", "[3/3"]
    assert lines[-1].startswith("graded 3 notebook(s)")
