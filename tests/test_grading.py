"""Grading a class: answers compared outside the students' code, in a fence.

One problem set (the first, so the test follows whatever sets exist) gets
its grading key, and one `grade` run grades, as `make grade` does, in one
folder: the solution notebook (full marks), a blank student notebook
(zero), a planted one (exactly the points of the exercises it answers
right, whatever else goes wrong in it), and one notebook per cheat, each
with wrong answers besides its cheat: patching the checker, patching
numpy's and math's comparisons and builtins, importing the answers,
searching the disk for the key, fetching the answers over the network,
writing into the grades folder, values that equal everything, an endless
loop (one that obeys the interrupt and one that does not), a memory hog and
a bounded fork bomb. None earns a point, and grading goes on after each.
Needs bubblewrap (`bwrap`); with CI=true its absence fails.
"""

from __future__ import annotations

import csv
import http.server
import json
import subprocess
import threading

import nbformat
import pytest

import exercises
import fence
import grading
from conftest import ROOT, require_tool

pytestmark = pytest.mark.grading

SOLUTION = sorted((ROOT / "exercises").glob("*.ipynb"))[0]


def _literal(value) -> str:
    return repr(grading._plain(value))


def _wrong_kind(expected) -> str:
    return "42" if isinstance(expected, str) else '"not the kind asked for"'


def planted(student, info):
    """The student notebook with the first and last exercises answered right,
    the second answered with a wrong kind and a cell that raises, then a
    crash (an unrelated error). Returns
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
        else:
            cells.append(cell)                                   # left as a placeholder
    student.cells = cells
    return student, sum(q["points"] for q in questions if q["name"] in right)


def _wrong(value):
    """A value of the right kind that is far from ``value``."""
    if isinstance(value, str):
        return value + " (not this)"
    if isinstance(value, bool):
        return not value
    if isinstance(value, (list, tuple)):
        return [_wrong(v) for v in value]
    return value * 3 + 7


def _answering(info, extra: str = "") -> list[str]:
    """Cells that set every answer variable wrong, after ``extra``."""
    from tcibook.selfcheck import expected_for

    lines = [f"{c['variable']} = {_literal(_wrong(grading._plain(expected_for(c['label']).compute())))}"
             for q in info["questions"] for c in q["cases"]]
    return [extra, "\n".join(lines)] if extra else ["\n".join(lines)]


#: Each cheat: code the student puts before answering every question wrong.
CHEATS = {
    "patch-checker": """
import tcibook.selfcheck as sc
sc.assess = lambda *a, **k: sc.Verdict("correct", "ok")
sc.check = lambda *a, **k: print("✓")
sc._close = lambda *a, **k: True
sc.diagnose = lambda *a, **k: None
""",
    "patch-comparisons": """
import builtins, math, numpy
math.isclose = lambda *a, **k: True
math.isfinite = lambda *a, **k: True
numpy.isclose = lambda *a, **k: True
numpy.allclose = lambda *a, **k: True
numpy.ndarray.__eq__ = lambda *a, **k: True
builtins.abs = lambda x: 0.0
builtins.isinstance = lambda *a: True
""",
    "import-answers": """
from tcibook.answers.p01 import ANSWERS
""",
    "search-disk": """
import json, os
FOUND = []
for top in ("/", ):
    for here, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if os.path.join(here, d) not in ("/proc", "/sys", "/dev", "/usr")]
        FOUND += [os.path.join(here, f) for f in files
                  if f in ("key.json", "structure.json", "autograder.zip") or "answers" in here]
for path in FOUND + [KEY]:
    try:
        key = json.load(open(path))
        for q in key["questions"]:
            for c in q["cases"]:
                globals()[c["variable"]] = c["expected"]
        break
    except Exception:
        pass
""",
    "network": """
import json, urllib.request
answers = json.load(urllib.request.urlopen(URL, timeout=5))
""",
    "write-grades": """
import os
os.makedirs(GRADES, exist_ok=True)
open(os.path.join(GRADES, "forged.txt"), "w").write("forged")
open(os.path.join(SUBMISSIONS, "forged.txt"), "w").write("forged")
""",
    "endless-loop": """
while True:
    pass
""",
    "ignores-interrupt": """
import time
while True:
    try:
        time.sleep(1000)
    except BaseException:
        pass
""",
    "memory-hog": """
hog = []
while True:
    hog.append(bytearray(100 * 2**20))
""",
    "fork-bomb": """
import os, time
children = 0
for _ in range(2000):
    if os.fork() == 0:
        time.sleep(60)
        os._exit(0)
    children += 1
""",
}


def _equal_to_everything(info) -> list[str]:
    """Answers that are objects which say they equal anything, or float subclasses."""
    lines = ["class Anything:\n    def __eq__(self, other):\n        return True\n"
             "    __hash__ = None\n\n\nclass Sly(float):\n    def __eq__(self, other):\n"
             "        return True\n    def __sub__(self, other):\n        return Sly(0.0)\n"
             "    __rsub__ = __sub__\n    def __abs__(self):\n        return 0.0\n"]
    for n, (q, c) in enumerate((q, c) for q in info["questions"] for c in q["cases"]):
        lines.append(f"{c['variable']} = {'Sly(1e9)' if n % 2 else 'Anything()'}")
    return ["\n".join(lines)]


def cheat(student, info, cells: list[str]):
    """The student notebook with its first solution cell replaced by ``cells``
    and every other solution cell emptied."""
    out, done = [], False
    for cell in student.cells:
        if cell.metadata.get("tcibook", {}).get("exercise") is None:
            out.append(cell)
        elif not done:
            out += [nbformat.v4.new_code_cell(source) for source in cells]
            done = True
    student.cells = out
    return student


class _AnswerServer(http.server.BaseHTTPRequestHandler):
    """Serves the expected values, and counts who asked."""

    asked: list = []
    body = b"{}"

    def do_GET(self):
        type(self).asked.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(type(self).body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    require_tool(fence.available() is None, f"the fence ({fence.available()})")
    base = tmp_path_factory.mktemp("grading")
    keys = base / "key"
    grading.generate(keys, only=[SOLUTION.stem])
    info = grading.structure(SOLUTION)
    submissions, grades = base / "submissions", base / "grades"
    solution_nb = nbformat.read(SOLUTION, as_version=4)
    student = exercises.student_version(solution_nb, exercises.docname_of(SOLUTION))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _AnswerServer)
    _AnswerServer.asked, _AnswerServer.body = [], json.dumps(
        {c["variable"]: c["expected"] for q in info["questions"] for c in q["cases"]}).encode()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    setting = (f"KEY = {str(keys / info['assignment'] / grading.KEY_FILE)!r}\n"
               f"URL = 'http://127.0.0.1:{server.server_address[1]}/'\n"
               f"GRADES = {str(grades)!r}\nSUBMISSIONS = {str(submissions)!r}\n")
    notebooks = {"solution": solution_nb, "blank": student}
    notebooks["planted"], points = planted(nbformat.from_dict(student), info)
    for name, code in CHEATS.items():
        notebooks[f"cheat-{name}"] = cheat(nbformat.from_dict(student), info,
                                           _answering(info, setting + code))
    notebooks["cheat-equal-to-everything"] = cheat(nbformat.from_dict(student), info,
                                                   _equal_to_everything(info))
    for who, nb in notebooks.items():
        (submissions / who).mkdir(parents=True)
        nbformat.write(nb, submissions / who / SOLUTION.name)
    lines = []
    saved = grading.CELL_TIMEOUT_S, fence.MEMORY_MB
    # the endless cells stop after 20 s (time enough for an honest cell on a
    # loaded machine: importing the package there can take 10 s)
    grading.CELL_TIMEOUT_S, fence.MEMORY_MB = 20, 2048
    try:
        written = grading.grade(submissions, grades, keys, progress=lines.append)
    finally:
        grading.CELL_TIMEOUT_S, fence.MEMORY_MB = saved
        server.shutdown()
    with open(written[info["assignment"]], newline="", encoding="utf-8") as f:
        rows = {r["file"].split("/")[0]: r for r in csv.DictReader(f)}
    feedback = {p.stem.split("__")[0]: p.read_text(encoding="utf-8")
                for p in (grades / "feedback" / info["assignment"]).glob("*.md")}
    return {"info": info, "rows": rows, "feedback": feedback, "points": points, "lines": lines,
            "asked": list(_AnswerServer.asked), "grades": grades, "submissions": submissions,
            "keys": keys}


def test_the_key_holds_one_question_per_exercise(graded):
    info = graded["info"]
    found = exercises.exercises(nbformat.read(SOLUTION, as_version=4), exercises.docname_of(SOLUTION))
    assert [q["name"] for q in info["questions"]] == [e.label for e in found]
    assert [[c["variable"] for c in q["cases"]] for q in info["questions"]] == \
        [[v for _, v in e.checks] for e in found]
    public = json.loads((graded["keys"] / info["assignment"] / "structure.json").read_text())
    assert "expected" not in json.dumps(public)
    package = graded["keys"] / grading.PACKAGE_DIR / "tcibook"
    assert (package / "selfcheck.py").exists() and not (package / "answers").exists()


def test_the_solution_notebook_scores_full_marks(graded):
    info, rows = graded["info"], graded["rows"]
    row = rows["solution"]
    assert float(row["total"]) == float(row["possible"]) == sum(
        q["points"] for q in info["questions"]), (graded["lines"], graded["feedback"]["solution"])


def test_a_blank_student_notebook_scores_zero(graded):
    rows, feedback = graded["rows"], graded["feedback"]
    assert float(rows["blank"]["total"]) == 0
    assert "not answered" in feedback["blank"] and "✓" not in feedback["blank"]


def test_a_planted_notebook_scores_exactly_its_points(graded):
    info, rows, feedback, points = (graded[k] for k in ("info", "rows", "feedback", "points"))
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

    info, feedback = graded["info"], graded["feedback"]
    text = "\n".join(feedback.values())
    for q in info["questions"]:
        for c in q["cases"]:
            value = expected_for(c["label"]).compute()
            for x in (value if isinstance(value, (tuple, list)) else [value]):
                if isinstance(x, float) and f"{x:.3g}" != f"{x:.2g}":
                    assert f"{x:.4g}" not in text and f"{x:.3g}" not in text, (c["label"], x)


def test_progress_is_shown_per_notebook(graded):
    lines, n = graded["lines"], len(graded["rows"])
    assert [l.split("]")[0] for l in lines[:n]] == [f"[{i}/{n}" for i in range(1, n + 1)]
    assert lines[-1].startswith(f"graded {n} notebook(s)")


@pytest.mark.parametrize("name", sorted(CHEATS) + ["equal-to-everything"])
def test_a_cheat_earns_no_point(graded, name):
    row, text = graded["rows"][f"cheat-{name}"], graded["feedback"][f"cheat-{name}"]
    assert float(row["total"]) == 0, (row, text)
    assert "✓" not in text


def test_the_cheats_reach_nothing_outside_their_folder(graded):
    assert graded["asked"] == []                                   # no request got out
    assert not (graded["grades"] / "forged.txt").exists()
    assert not (graded["submissions"] / "forged.txt").exists()
    assert "wrong kind" in graded["feedback"]["cheat-equal-to-everything"]


def test_a_runaway_notebook_stops_with_a_note_and_grading_goes_on(graded):
    rows = graded["rows"]
    assert "did not stop when interrupted" in rows["cheat-ignores-interrupt"]["note"], graded["lines"]
    # the solution is graded after every cheat: it still gets full marks
    assert float(rows["solution"]["total"]) == float(rows["solution"]["possible"])
    assert list(rows).index("solution") == len(rows) - 1


def test_the_fence_holds_the_answers_the_network_and_the_files_out(tmp_path):
    require_tool(fence.available() is None, f"the fence ({fence.available()})")
    package = tmp_path / "package"
    grading.write_package(package)
    work = tmp_path / "work"
    work.mkdir()
    probe = f"""
import importlib.util, os, socket, resource
import tcibook
print("package", os.path.dirname(tcibook.__file__))
print("answers", importlib.util.find_spec("tcibook.answers") is not None)
print("repository", os.path.exists({str(ROOT / "src")!r}), os.path.exists({str(ROOT / "_build")!r}))
try:
    socket.create_connection(("1.1.1.1", 80), timeout=3)
    print("network", True)
except OSError:
    print("network", False)
for path in ({str(tmp_path / "outside.txt")!r}, "/tmp/x", "written.txt"):
    try:
        open(path, "w").write("x")
        print("wrote", path)
    except OSError:
        pass
try:
    bytearray(4 * 2**30)
    print("memory", True)
except MemoryError:
    print("memory", False)
"""
    run = subprocess.run(fence.command(work, package, [fence.python(), "-c", probe],
                                       memory_mb=1024),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    seen = dict(line.split(" ", 1) for line in run.stdout.splitlines())
    assert seen["package"] == str((package / "tcibook").resolve())
    assert seen["answers"] == "False"
    assert seen["repository"] == "False False"
    assert seen["network"] == "False"
    assert seen["wrote"] == "written.txt" and (work / "written.txt").exists()
    assert not (tmp_path / "outside.txt").exists()
    assert seen["memory"] == "False"


def test_grading_refuses_to_run_unfenced_silently(tmp_path, monkeypatch):
    keys = tmp_path / "key"
    (keys / "set").mkdir(parents=True)
    (keys / "set" / grading.KEY_FILE).write_text('{"assignment": "set", "questions": []}')
    (keys / grading.PACKAGE_DIR / "tcibook").mkdir(parents=True)
    (tmp_path / "submissions").mkdir()
    monkeypatch.setattr(fence, "available", lambda: "bwrap is not installed")
    with pytest.raises(SystemExit, match="(?s)cannot fence.*--unfenced"):
        grading.grade(tmp_path / "submissions", tmp_path / "grades", keys, progress=print)
    lines = []
    grading.grade(tmp_path / "submissions", tmp_path / "grades", keys, progress=lines.append,
                  unfenced=True)
    assert lines[0].startswith("warning: grading UNFENCED")


@pytest.mark.parametrize("entry, status", [
    (None, "error"),
    ({"value": 1.0}, "wrong"),
    ({"value": "1.0"}, "wrong-kind"),
    ({"value": {"a": 1}}, "wrong-kind"),
    ({"refused": "Anything"}, "wrong-kind"),
    ({"missing": "missing", "message": "x"}, "missing"),
    ({"missing": "error", "message": "NameError"}, "error"),
    ({}, "wrong-kind"),
])
def test_a_recorded_answer_is_judged_by_exact_kind(entry, status):
    case = {"variable": "x", "expected": 2.0, "rel_tol": 0.01, "abs_tol": 0.0, "points": 1.0,
            "order_free": False, "revisit": "the chapter"}
    assert grading.verdict(entry, case)[0] == status
    assert grading.verdict({"value": 2.01}, case)[0] == "correct"


def test_a_record_is_read_only_from_its_marked_line():
    mark = grading.RECORD_MARK
    assert grading.read_record(f"noise\n{mark}" + '{"x": {"value": 1}}') == {"x": {"value": 1}}
    assert grading.read_record("no mark") == {}
    assert grading.read_record(mark + "[1, 2]") == {}
    assert grading.read_record(mark + "{not json") == {}
    assert grading.read_record(mark + "[" * 100_000) == {}


def test_the_recording_cell_follows_each_exercise_s_last_self_check():
    info = grading.structure(SOLUTION)
    nb, recorders = grading.prepare(nbformat.read(SOLUTION, as_version=4), info)
    assert list(recorders.values()) == [q["name"] for q in info["questions"]]
    for index, name in recorders.items():
        assert nb.cells[index].source.startswith("def _tcibook_record(")
        assert "check(" in nb.cells[index - 1].source


def test_without_its_self_checks_an_exercise_is_recorded_before_the_next():
    info = grading.structure(SOLUTION)
    nb = nbformat.read(SOLUTION, as_version=4)
    nb.cells = [c for c in nb.cells if "check(" not in c.source]
    prepared, recorders = grading.prepare(nb, info)
    names = [q["name"] for q in info["questions"]]
    assert list(recorders.values()) == names
    indices = sorted(recorders)
    for index, following in zip(indices, names[1:]):
        assert following in prepared.cells[index + 1].source     # the next exercise opens
    assert indices[-1] == len(prepared.cells) - 1


@pytest.mark.parametrize("limit, value", [("cpu_s", 0), ("memory_mb", 100), ("processes", 1.5),
                                          ("file_mb", True), ("cpu_s", "60")])
def test_a_fence_limit_out_of_range_is_refused(tmp_path, limit, value):
    with pytest.raises(ValueError, match=limit):
        fence.command(tmp_path, tmp_path, ["true"], **{limit: value})


def test_the_recording_cell_prints_plain_data_and_names_the_rest(capsys):
    import numpy as np

    class Sly(float):
        def __eq__(self, other):
            return True

    names = ["a", "b", "c", "d", "e", "f", "nowhere"]
    source = grading.RECORDER.replace("NAMES, MARK", f"{names!r}, {grading.RECORD_MARK!r}")
    namespace = {"a": np.float64(0.25), "b": np.array([1, 2]), "c": (1.5, "mg", True),
                 "d": Sly(2.0), "e": [object()], "f": np.bool_(True)}
    exec(compile(source, "recorder", "exec"), namespace)
    found = grading.read_record(capsys.readouterr().out)
    assert found["a"] == {"value": 0.25} and type(found["a"]["value"]) is float
    assert found["b"] == {"value": [1, 2]}
    assert found["c"] == {"value": [1.5, "mg", True]}
    assert found["d"] == {"refused": "Sly"}
    assert found["e"] == {"refused": "object"}
    assert found["f"] == {"value": True}
    assert found["nowhere"]["missing"] == "missing"
    assert "_tcibook_record" not in namespace
