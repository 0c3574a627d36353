"""Autograders for the problem sets, and grading a folder of submissions.

    python tools/grading.py generate [OUT]              # one otter autograder per problem set
    python tools/grading.py grade SUBMISSIONS [OUT]     # grade every notebook in a folder

``generate`` turns each problem set's structure into an otter-grader
autograder, ``OUT/<set>/autograder.zip`` (default ``OUT`` is
``_build/grading``): each exercise becomes an otter question named by its
label, and each self-checked variable a test case worth the answer's
``points`` (1 by default) whose failure message is the self-check's verdict
and its "revisit" hint. The expected values are computed once, from
``tcibook.answers``, and written into the test files inside the zip: the zip
is the grading bundle, and it needs only the answer-free ``tcibook`` to run.

``grade`` grades every ``*.ipynb`` below ``SUBMISSIONS`` with those
autograders (otter's non-containerized runner, no Docker), one notebook at a
time, printing a line per notebook as it goes, and writes into ``OUT``
(default ``SUBMISSIONS/../grades``):

* ``<set>.csv``: one row per submission (file, name, student ID from the
  notebook's identity cell), one column per exercise with the points earned,
  then the total and the points possible;
* ``feedback/<set>/<file>.md``: one file per submission with every answer's
  verdict: correct; wrong (with what to revisit); of the wrong kind (None,
  NaN, text for a number...); an error in the cell that computes it; or not
  answered.

Each exercise is graded right after its self-check cell (otter's
``metadata.otter.tests``, put back by the grader if a student removed it),
so a later cell that changes a variable, or that raises, does not change
the marks of the exercises before it. Cells run with a time limit
(:data:`CELL_TIMEOUT_S`); a cell that exceeds it is interrupted and counts
as an error.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import exercises  # noqa: E402

EXERCISE_DIR = ROOT / "exercises"
GRADING_DIR = ROOT / "_build" / "grading"
#: Seconds a cell of a submission may run before it is interrupted.
CELL_TIMEOUT_S = 120

_STATUS = re.compile(r"\[(missing|error|wrong-kind|wrong)\] (.*)", re.S)


# --- generate -------------------------------------------------------------------

def _plain(x):
    """The expected value as JSON (tuples and arrays become lists)."""
    if hasattr(x, "tolist"):
        x = x.tolist()
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, bool) or x is None or isinstance(x, str):
        return x
    if isinstance(x, int):
        return int(x)
    return float(x)


def _title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heading = re.search(r"^# (.+)$", cell.source, re.M)
            if heading:
                return heading.group(1).strip()
    return ""


TEST_FILE = '''"""{heading} of {assignment}: written by tools/grading.py, do not edit."""
OK_FORMAT = False
name = {name!r}
points = None

import json as _json
from otter.test_files import test_case
from tcibook.selfcheck import Expected as _Expected, assess as _assess, why_missing as _why_missing

_CASES = _json.loads({cases!r})


def _grade(env, label):
    case = _CASES[label]
    variable = case["variable"]
    if variable not in env:
        status, sentence = _why_missing(variable)
        raise AssertionError(f"[{{status}}] {{sentence}}")
    rule = _Expected(lambda: None, case["revisit"], case["rel_tol"], case["abs_tol"],
                     case["points"], case["order_free"])
    verdict = _assess(env[variable], case["expected"], rule, variable)
    if not verdict.ok:
        raise AssertionError(f"[{{verdict.status}}] {{verdict.message}}")
'''

TEST_CASE = '''

@test_case(name={variable!r}, points={points!r})
def test_{index}(env):
    _grade(env, {label!r})
'''


def structure(solution: Path) -> dict:
    """The grading structure of one problem set, with its expected values."""
    from tcibook.selfcheck import expected_for, is_order_free

    nb = nbformat.read(solution, as_version=4)
    docname = exercises.docname_of(solution)
    found = exercises.exercises(nb, docname)
    questions = []
    for e in found:
        cases = []
        for label, variable in e.checks:
            rule = expected_for(label)
            expected = rule.compute()
            cases.append({"label": label, "variable": variable, "expected": _plain(expected),
                          "rel_tol": rule.rel_tol, "abs_tol": rule.abs_tol,
                          "points": float(rule.points),
                          "order_free": is_order_free(expected, rule),
                          "revisit": rule.revisit})
        questions.append({"name": e.label, "heading": e.heading, "cases": cases,
                          "points": sum(c["points"] for c in cases)})
    return {"assignment": exercises.assignment_name(docname), "title": _title(nb),
            "questions": questions}


def write_tests(info: dict, tests_dir: Path) -> list[Path]:
    """Write one otter test file per question of ``info``; return their paths."""
    tests_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for q in info["questions"]:
        if not q["cases"]:
            continue
        cases = {c["label"]: c for c in q["cases"]}
        text = TEST_FILE.format(heading=q["heading"], assignment=info["assignment"],
                                name=q["name"], cases=json.dumps(cases, ensure_ascii=False))
        for i, c in enumerate(q["cases"]):
            text += TEST_CASE.format(variable=c["variable"], points=c["points"],
                                     index=i, label=c["label"])
        path = tests_dir / f"{q['name']}.py"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _otter() -> str:
    exe = Path(sys.executable).parent / "otter"
    if not exe.exists():
        raise SystemExit("otter-grader is not installed: run `make instructor-setup` "
                         "(pip install -r requirements-instructor.txt)")
    return str(exe)


def generate(out: Path = GRADING_DIR, src_dir: Path = EXERCISE_DIR,
             only: list[str] | None = None) -> list[Path]:
    """Write ``out/<set>/autograder.zip`` (and ``structure.json``) for each problem set."""
    written = []
    for solution in sorted(src_dir.glob("*.ipynb")):
        if only and solution.stem not in only:
            continue
        info = structure(solution)
        target = out / info["assignment"]
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        with tempfile.TemporaryDirectory() as work:
            work = Path(work)
            write_tests(info, work / "tests")
            (work / "otter_config.json").write_text(json.dumps(
                {"assignment_name": info["assignment"], "pdf": False}))
            _otter()
            from otter.generate import main as otter_generate

            cwd = os.getcwd()
            os.chdir(work)
            try:
                otter_generate(tests_dir="tests", output_path=str(target / "autograder.zip"),
                               config="otter_config.json", no_requirements=True,
                               no_environment=True)
            finally:
                os.chdir(cwd)
        public = {k: v for k, v in info.items()}
        public["questions"] = [{**q, "cases": [{k: c[k] for k in ("label", "variable", "points")}
                                               for c in q["cases"]]} for q in info["questions"]]
        (target / "structure.json").write_text(json.dumps(public, indent=1, ensure_ascii=False))
        written.append(target / "autograder.zip")
    return written


# --- grade --------------------------------------------------------------------

class _limit_cell_time:
    """Give otter's notebook executor a cell time limit that interrupts the
    cell (otter has no setting for it): otter imports
    ``nbconvert.preprocessors.ExecutePreprocessor`` when it grades, so a
    subclass with those defaults stands in for it meanwhile."""

    def __init__(self, seconds: int | None = None):
        self.seconds = CELL_TIMEOUT_S if seconds is None else seconds

    def __enter__(self):
        import nbconvert.preprocessors as preprocessors
        from traitlets import Bool, Integer

        self.module, self.saved = preprocessors, preprocessors.ExecutePreprocessor
        limited = type("TimeLimitedExecutePreprocessor", (self.saved,), {
            "timeout": Integer(self.seconds, allow_none=True).tag(config=True),
            "interrupt_on_timeout": Bool(True).tag(config=True)})
        preprocessors.ExecutePreprocessor = limited

    def __exit__(self, *exc):
        self.module.ExecutePreprocessor = self.saved


def assignment_of(nb, path: Path, known: list[str]) -> str | None:
    """The problem set a submission belongs to: its otter metadata, else its file name."""
    name = nb.metadata.get("otter", {}).get("assignment_name")
    if name in known:
        return name
    for candidate in sorted(known, key=len, reverse=True):
        if candidate in path.name or candidate.split("-", 2)[:2] == path.stem.split("-", 2)[:2]:
            return candidate
    return None


def prepare(nb, info: dict):
    """A copy of a submission with the otter metadata the autograder needs."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    nb.metadata["otter"] = {"assignment_name": info["assignment"]}
    found = [exercises.Exercise(q["name"], "", "", [(c["label"], c["variable"]) for c in q["cases"]])
             for q in info["questions"]]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.metadata.get("otter", {}).pop("tests", None)
            cell.outputs = []
    exercises.mark_checks(nb, found)
    return nb


def _verdicts(info: dict, results) -> dict:
    """{question: {"score", "possible", "cases": [(status, variable, message)]}}."""
    graded = {}
    for q in info["questions"]:
        test_file = results.results.get(q["name"]) if results is not None else None
        cases = []
        outcomes = {r.test_case.name: r for r in (test_file.test_case_results if test_file else [])}
        score = 0.0
        for c in q["cases"]:
            r = outcomes.get(c["variable"])
            if r is None:
                cases.append(("error", c["variable"], "this exercise could not be graded "
                              "(the notebook stopped before it)."))
            elif r.passed:
                score += c["points"]
                cases.append(("correct", c["variable"], f"`{c['variable']}` is correct."))
            else:
                m = _STATUS.search(r.message)
                status, message = (m.group(1), m.group(2).strip()) if m else (
                    "error", r.message.strip().splitlines()[-1])
                if status == "missing":
                    message = (f"`{c['variable']}` is not defined: its solution cell was "
                               "not written (it still raises NotImplementedError) or not run.")
                cases.append((status, c["variable"], message))
        graded[q["name"]] = {"score": score, "possible": q["points"], "cases": cases}
    return graded


_MARK = {"correct": "✓", "wrong": "✗", "wrong-kind": "✗ wrong kind:",
         "error": "⚠ error:", "missing": "… not answered:"}


def feedback(info: dict, who: dict, file: str, graded: dict, note: str = "") -> str:
    total = sum(g["score"] for g in graded.values())
    possible = sum(g["possible"] for g in graded.values())
    lines = [f"# {info['title'] or info['assignment']}: feedback", "",
             f"- Student: {who['name'] or '(no name in the identity cell)'}"
             f" ({who['id'] or 'no ID'})", f"- Notebook: `{file}`",
             f"- Score: {total:g} / {possible:g}", ""]
    if note:
        lines += [f"> {note}", ""]
    for q in info["questions"]:
        g = graded[q["name"]]
        lines += [f"## {q['heading']}: {g['score']:g} / {g['possible']:g}", ""]
        for status, _, message in g["cases"]:
            lines.append(f"- {_MARK[status]} {message}")
        lines.append("")
    return "\n".join(lines)


def grade_one(path: Path, info: dict, autograder: Path):
    """Grade one submission; return (who, graded, note)."""
    from otter.api import grade_submission

    nb = nbformat.read(path, as_version=4)
    who = exercises.read_identity(nb)
    prepared = prepare(nb, info)
    note = ""
    with tempfile.TemporaryDirectory() as work:
        target = Path(work) / path.name
        nbformat.write(prepared, target)
        try:
            with open(os.devnull, "w") as quiet, _redirect_fds(quiet):
                results = grade_submission(str(target), str(autograder), quiet=True)
        except Exception as error:  # the kernel died, or otter could not run
            results = None
            note = f"The notebook could not be run to the end ({type(error).__name__}: {error})."
    return who, _verdicts(info, results), note


class _redirect_fds:
    """Silence otter's and the kernel's output on stdout/stderr."""

    def __init__(self, sink):
        self.sink = sink

    def __enter__(self):
        sys.stdout.flush()
        sys.stderr.flush()
        self.saved = os.dup(1), os.dup(2)
        os.dup2(self.sink.fileno(), 1)
        os.dup2(self.sink.fileno(), 2)

    def __exit__(self, *exc):
        os.dup2(self.saved[0], 1)
        os.dup2(self.saved[1], 2)
        os.close(self.saved[0])
        os.close(self.saved[1])


def grade(submissions: Path, out: Path | None = None, grading_dir: Path = GRADING_DIR,
          progress=print) -> dict[str, Path]:
    """Grade every notebook below ``submissions``; return {set: csv path}."""
    submissions = Path(submissions)
    out = Path(out) if out else submissions.resolve().parent / "grades"
    infos = {}
    for folder in sorted(p.parent for p in grading_dir.glob("*/autograder.zip")):
        infos[folder.name] = json.loads((folder / "structure.json").read_text())
    if not infos:
        raise SystemExit(f"no autograders in {grading_dir}: run `make grading` first")
    notebooks = sorted(p for p in submissions.rglob("*.ipynb")
                       if ".ipynb_checkpoints" not in p.parts)
    rows: dict[str, list] = {}
    start = time.monotonic()
    for n, path in enumerate(notebooks, 1):
        t0 = time.monotonic()
        rel = path.relative_to(submissions)
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception as error:  # not a notebook nbformat can read
            progress(f"[{n}/{len(notebooks)}] {rel}: cannot be read ({error}); skipped")
            continue
        assignment = assignment_of(nb, path, list(infos))
        if assignment is None:
            progress(f"[{n}/{len(notebooks)}] {rel}: not a notebook of any problem set; skipped")
            continue
        info = infos[assignment]
        with _limit_cell_time():
            who, graded, note = grade_one(path, info, grading_dir / assignment / "autograder.zip")
        total = sum(g["score"] for g in graded.values())
        possible = sum(g["possible"] for g in graded.values())
        rows.setdefault(assignment, []).append((str(rel), who, graded, note))
        target = out / "feedback" / assignment / (str(rel.with_suffix("")).replace(os.sep, "__") + ".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(feedback(info, who, str(rel), graded, note), encoding="utf-8")
        progress(f"[{n}/{len(notebooks)}] {rel} ({who['name'] or 'no name'}): "
                 f"{total:g}/{possible:g} in {time.monotonic() - t0:.0f} s"
                 + (" — " + note if note else ""))
    written = {}
    for assignment, entries in rows.items():
        info = infos[assignment]
        path = out / f"{assignment}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["file", "name", "student_id"]
                            + [f"{q['heading']} [{q['points']:g}]" for q in info["questions"]]
                            + ["total", "possible", "note"])
            for rel, who, graded, note in entries:
                scores = [graded[q["name"]]["score"] for q in info["questions"]]
                writer.writerow([rel, who["name"], who["id"]] + [f"{s:g}" for s in scores]
                                + [f"{sum(scores):g}",
                                   f"{sum(q['points'] for q in info['questions']):g}", note])
        written[assignment] = path
    progress(f"graded {sum(len(v) for v in rows.values())} notebook(s) in "
             f"{time.monotonic() - start:.0f} s; wrote "
             + ", ".join(str(p) for p in written.values()) + f" and {out / 'feedback'}/")
    return written


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="tools/grading.py", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write one autograder per problem set")
    gen.add_argument("out", nargs="?", type=Path, default=GRADING_DIR)
    run = sub.add_parser("grade", help="grade every notebook in a folder")
    run.add_argument("submissions", type=Path)
    run.add_argument("out", nargs="?", type=Path, default=None)
    run.add_argument("--autograders", type=Path, default=GRADING_DIR,
                     help=f"folder written by `generate` (default {GRADING_DIR.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    if args.command == "generate":
        for path in generate(args.out):
            print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        return 0
    grade(args.submissions, args.out, args.autograders,
          progress=lambda line: print(line, flush=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
