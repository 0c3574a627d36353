"""Grading the problem sets: a key per set, and grading a folder of submissions.

    python tools/grading.py generate [OUT]                  # the grading bundle
    python tools/grading.py grade SUBMISSIONS [OUT] [--unfenced]

``generate`` writes the grading bundle into ``OUT`` (default
``_build/grading``): ``<set>/key.json``, each exercise's answers with their
expected values (computed once from ``tcibook.answers``), tolerances, points
and "revisit" hints; ``<set>/structure.json``, the same without the expected
values; and ``package/``, a copy of ``src/`` without ``tcibook.answers``: the
``tcibook`` that submissions import.

``grade`` grades every ``*.ipynb`` below ``SUBMISSIONS``, one notebook at a
time, printing a line per notebook as it goes, and writes into ``OUT``
(default ``SUBMISSIONS/../grades``):

* ``<set>.csv``: one row per submission (file, name, student ID from the
  notebook's identity cell), one column per exercise with the points earned,
  then the total, the points possible and a note when the notebook could not
  be run to the end;
* ``feedback/<set>/<file>.md``: one file per submission with every answer's
  verdict: correct; wrong (with what to revisit); of the wrong kind (None,
  NaN, text for a number, an object that is not plain data...); an error in
  the cell that computes it; or not answered.

How a submission is graded. The grader inserts a recording cell after each
exercise's last self-check and runs the notebook in a fresh kernel, fenced
in (``tools/fence.py``: its own temporary folder, no network, no other
file of this machine it could read or write but the system, the Python
installation and the answer-free package; limits on CPU time, memory,
processes and file size). A recording cell only prints the exercise's answer
variables as plain data; the grader keeps what it printed while it ran, so a
later cell cannot change an earlier exercise's marks. The comparison with
the expected values (:func:`tcibook.selfcheck.assess`) runs here, in the
grading process, on values whose exact type is checked: nothing the
notebook patches (``tcibook``, numpy, ``math``, builtins) takes part in it.
A cell that runs past :data:`CELL_TIMEOUT_S` is interrupted and counts as an
error; one that does not stop, a notebook past :data:`NOTEBOOK_TIMEOUT_S`, or
a kernel that dies stops that notebook with a note in the CSV, and grading
goes on with the next.
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
import exercises  # noqa: E402
import fence  # noqa: E402

EXERCISE_DIR = ROOT / "exercises"
GRADING_DIR = ROOT / "_build" / "grading"
#: The grading key of a problem set inside ``GRADING_DIR/<set>/``.
KEY_FILE = "key.json"
#: The folder of ``GRADING_DIR`` holding the answer-free ``tcibook``.
PACKAGE_DIR = "package"
#: Seconds a cell of a submission may run before it is interrupted.
CELL_TIMEOUT_S = 120
#: Seconds a whole submission may run (its cells together).
NOTEBOOK_TIMEOUT_S = 600
#: Longest recording a cell may print, in characters.
MAX_RECORD_CHARS = 200_000


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


def write_package(out: Path) -> Path:
    """Copy ``src/`` without ``tcibook.answers`` into ``out``; return ``out``.

    This is the ``tcibook`` a submission's kernel imports when it is graded
    (its self-check cells then only say whether an answer is defined: what
    they print is not kept).
    """
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT / "src", out,
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "answers"))
    return out


def generate(out: Path = GRADING_DIR, src_dir: Path = EXERCISE_DIR,
             only: list[str] | None = None) -> list[Path]:
    """Write the grading bundle into ``out``; return the keys written.

    ``out/<set>/key.json`` holds each exercise's answers with their expected
    values and tolerances (for the grading process only), ``out/<set>/
    structure.json`` the same without the expected values, and
    ``out/package/`` the answer-free ``tcibook`` the submissions import.
    """
    written = []
    for solution in sorted(src_dir.glob("*.ipynb")):
        if only and solution.stem not in only:
            continue
        info = structure(solution)
        target = out / info["assignment"]
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        (target / KEY_FILE).write_text(json.dumps(info, indent=1, ensure_ascii=False),
                                       encoding="utf-8")
        public = {**info, "questions": [
            {**q, "cases": [{k: c[k] for k in ("label", "variable", "points")} for c in q["cases"]]}
            for q in info["questions"]]}
        (target / "structure.json").write_text(json.dumps(public, indent=1, ensure_ascii=False),
                                               encoding="utf-8")
        written.append(target / KEY_FILE)
    write_package(out / PACKAGE_DIR)
    return written

# --- grade --------------------------------------------------------------------

def assignment_of(nb, path: Path, known: list[str]) -> str | None:
    """The problem set a submission belongs to: its metadata, else its file name."""
    name = nb.metadata.get("tcibook", {}).get("assignment_name")
    if name in known:
        return name
    for candidate in sorted(known, key=len, reverse=True):
        if candidate in path.name or candidate.split("-", 2)[:2] == path.stem.split("-", 2)[:2]:
            return candidate
    return None


#: The line a recording cell prints before the answers it read, as JSON.
RECORD_MARK = "tcibook-record:"

#: Source of the cell the grader inserts after each exercise's self-check. It
#: runs in the student's kernel and only reads: each answer variable becomes
#: plain data (numbers, text, True/False, None, lists of these; numpy and
#: pandas values by ``tolist``), anything else is named and refused, and a
#: missing variable is explained by ``why_missing``. Nothing in it decides a
#: mark.
RECORDER = '''\
def _tcibook_record(names, mark):
    import json
    plain_types = (bool, int, float, str, type(None))

    def plain(x, depth=0):
        if type(x).__module__.split(".")[0] in ("numpy", "pandas") and hasattr(x, "tolist"):
            x = x.tolist()
        if type(x) in plain_types:
            return x
        if type(x) in (list, tuple) and depth < 3 and len(x) <= 1000:
            return [plain(v, depth + 1) for v in x]
        raise TypeError(type(x).__name__)

    found = {}
    for name in names:
        if name not in globals():
            from tcibook.selfcheck import why_missing
            status, sentence = why_missing(name)
            found[name] = {"missing": status, "message": sentence}
            continue
        try:
            found[name] = {"value": plain(globals()[name])}
        except TypeError as kind:
            found[name] = {"refused": str(kind)[:80]}
    print(mark + json.dumps(found))


_tcibook_record(NAMES, MARK)
del _tcibook_record
'''


def _labels_in(cell) -> list[str]:
    """The exercise labels a markdown cell opens."""
    return [dict(re.findall(r"^:([\w-]+):[ \t]*(.*)$", m.group(3), re.M)).get("label", "")
            for m in exercises._EXERCISE_OPTIONS.finditer(cell.source)]


def prepare(nb, info: dict):
    """The submission with a recording cell after each exercise's self-check.

    Returns ``(notebook, {cell index: question name})``. The recording cell of
    an exercise goes after the last cell that self-checks one of its answers;
    when the student removed those cells, before the next exercise (or at the
    end). Outputs are cleared.
    """
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    owner = {c["label"]: q["name"] for q in info["questions"] for c in q["cases"]}
    after, opens = {}, {}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            cell.outputs = []
            for check_label, _ in exercises._CHECK.findall(cell.source):
                if check_label in owner:
                    after[owner[check_label]] = index + 1
        elif cell.cell_type == "markdown":
            for label in _labels_in(cell):
                opens.setdefault(label, index)
    names = [q["name"] for q in info["questions"]]
    where = {}
    for i, name in enumerate(names):
        if name in after:
            where[name] = after[name]
        else:
            later = [opens[n] for n in names[i + 1:] if n in opens]
            where[name] = min(later) if later else len(nb.cells)
    cells, recorders = [], {}
    for index in range(len(nb.cells) + 1):
        for q in info["questions"]:
            if where[q["name"]] == index:
                recorders[len(cells)] = q["name"]
                names = repr([c["variable"] for c in q["cases"]])
                cells.append(nbformat.v4.new_code_cell(
                    RECORDER.replace("NAMES, MARK", f"{names}, {RECORD_MARK!r}")))
        if index < len(nb.cells):
            cells.append(nb.cells[index])
    nb.cells = cells
    return nb, recorders


def read_record(text: str) -> dict:
    """The answers a recording cell printed (``{}`` if it printed none)."""
    lines = [line for line in text.splitlines() if line.startswith(RECORD_MARK)]
    if not lines or len(lines[-1]) > MAX_RECORD_CHARS:
        return {}
    try:
        found = json.loads(lines[-1][len(RECORD_MARK):])
    except (ValueError, RecursionError):
        return {}
    return found if type(found) is dict else {}


def _is_plain(x, depth: int = 0) -> bool:
    """Whether ``x`` is plain data, by exact type (no subclass passes)."""
    if type(x) in (bool, int, float, str, type(None)):
        return True
    return type(x) is list and depth < 3 and all(_is_plain(v, depth + 1) for v in x)


def verdict(entry, case: dict):
    """(status, message) of one recorded answer against its expected value.

    Runs in the grading process: ``entry`` is what the recording cell printed
    for the variable (``None`` if nothing), compared by
    :func:`tcibook.selfcheck.assess` with the key's expected value.
    """
    from tcibook.selfcheck import Expected, assess

    variable = case["variable"]
    if type(entry) is not dict:
        return ("error", f"`{variable}` could not be graded: the notebook stopped before "
                "its exercise was recorded, or the recording was tampered with.")
    if "missing" in entry:
        status = "error" if entry["missing"] == "error" else "missing"
        message = str(entry.get("message", ""))[:400]
        if status == "missing":
            message = (f"`{variable}` is not defined: its solution cell was not written "
                       "(it still raises NotImplementedError) or not run.")
        return status, message
    if "value" not in entry or not _is_plain(entry["value"]):
        kind = str(entry.get("refused", "value of another kind"))[:80]
        return ("wrong-kind", f"`{variable}` is a {kind}: the grader accepts only a "
                "number, text, True/False or a tuple of these. Revisit: " + case["revisit"])
    rule = Expected(lambda: None, case["revisit"], case["rel_tol"], case["abs_tol"],
                    case["points"], case["order_free"])
    result = assess(entry["value"], case["expected"], rule, variable)
    return result.status, result.message

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


def _kernel_spec(folder: Path, package: Path, workdir: Path, fenced: bool) -> None:
    """Write the kernel spec that starts a submission's kernel (fenced or not)."""
    argv = [fence.python(), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    spec = {"display_name": "tcibook submission", "language": "python",
            "interrupt_mode": "message",
            "argv": fence.command(workdir, package, argv) if fenced else argv,
            "env": {} if fenced else {"PYTHONPATH": str(package), "MPLBACKEND": "Agg",
                                      "HOME": str(workdir), "TMPDIR": str(workdir)}}
    (folder / "submission").mkdir(parents=True)
    (folder / "submission" / "kernel.json").write_text(json.dumps(spec))


def _kernel_manager_class():
    from jupyter_client.manager import AsyncKernelManager

    class SubmissionKernelManager(AsyncKernelManager):
        """Gives the connection file to the sandbox's user when grading as root."""

        def write_connection_file(self, **kw):
            super().write_connection_file(**kw)
            if os.geteuid() == 0:
                os.chown(self.connection_file, fence.NOBODY, fence.NOBODY)

    return SubmissionKernelManager


def _client_class():
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError

    class SubmissionClient(NotebookClient):
        """Runs a submission and keeps only what its recording cells print.

        The output of every other cell is dropped as it arrives (a cell that
        prints without end cannot fill the grader's memory). A cell past the
        time limit is interrupted; if it is still running after a second
        limit (it caught the interrupt), or once the notebook has used
        :data:`NOTEBOOK_TIMEOUT_S`, the notebook is stopped there.
        """

        def __init__(self, nb, recorders: dict, **kw):
            super().__init__(nb, **kw)
            self.recorders = recorders
            self.printed = {index: [] for index in recorders}
            self.interrupted = set()
            self.deadline = time.monotonic() + NOTEBOOK_TIMEOUT_S

        def output(self, outs, msg, display_id, cell_index):
            if (cell_index in self.printed and msg["msg_type"] == "stream"
                    and msg["content"].get("name") == "stdout"):
                text = str(msg["content"].get("text", ""))
                if sum(map(len, self.printed[cell_index])) + len(text) <= MAX_RECORD_CHARS:
                    self.printed[cell_index].append(text)
            return None

        def handle_comm_msg(self, outs, msg, cell_index):
            return None

        def _get_timeout(self, cell):
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise CellTimeoutError("the notebook ran longer than "
                                       f"{NOTEBOOK_TIMEOUT_S} s in all")
            return max(1, int(min(CELL_TIMEOUT_S, left)))

        async def _async_handle_timeout(self, timeout, cell=None):
            key = id(cell)
            if key in self.interrupted or time.monotonic() >= self.deadline:
                raise CellTimeoutError(f"a cell ran past the time limit ({timeout} s) "
                                       "and did not stop when interrupted")
            self.interrupted.add(key)
            return await super()._async_handle_timeout(timeout, cell)

    return SubmissionClient


def grade_one(path: Path, info: dict, package: Path, fenced: bool = True):
    """Grade one submission; return (who, graded, note).

    The notebook runs in a kernel of its own (fenced, see ``tools/fence.py``)
    that imports the answer-free ``package``; the comparison with the
    expected values runs here, in the grading process, on plain data only.
    """
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_core.utils import run_sync

    nb = nbformat.read(path, as_version=4)
    who = exercises.read_identity(nb)
    prepared, recorders = prepare(nb, info)
    note = ""
    with tempfile.TemporaryDirectory(prefix="tcibook-spec-") as specs, \
            tempfile.TemporaryDirectory(prefix="tcibook-grade-") as work:
        work = Path(work)
        _kernel_spec(Path(specs), package, work, fenced)
        km = _kernel_manager_class()(kernel_name="submission",
                           kernel_spec_manager=KernelSpecManager(kernel_dirs=[specs]),
                           transport="ipc", ip=str(work / "kernel"),
                           connection_file=str(work / "kernel.json"))
        client = _client_class()(prepared, recorders, km=km, timeout=CELL_TIMEOUT_S,
                                 interrupt_on_timeout=True, allow_errors=True,
                                 startup_timeout=120, resources={"metadata": {"path": str(work)}})
        try:
            with open(os.devnull, "w") as quiet, _redirect_fds(quiet):
                client.execute(cwd=str(work))
        except Exception as error:  # the kernel died, ran out of time, or could not start
            reason = str(error).strip().splitlines()[0][:200] if str(error).strip() else ""
            note = (f"The notebook could not be run to the end ({type(error).__name__}"
                    + (f": {reason}" if reason else "") + ").")
        finally:
            if km.has_kernel:
                run_sync(km.shutdown_kernel)(now=True)
    records = {}
    for index, question in recorders.items():
        records[question] = read_record("".join(client.printed[index]))
    graded = {}
    for q in info["questions"]:
        cases, score = [], 0.0
        for c in q["cases"]:
            status, message = verdict(records.get(q["name"], {}).get(c["variable"]), c)
            if status == "correct":
                score += c["points"]
            cases.append((status, c["variable"], message))
        graded[q["name"]] = {"score": score, "possible": q["points"], "cases": cases}
    return who, graded, note


class _redirect_fds:
    """Silence the kernel's and the client's output on stdout/stderr."""

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
          progress=print, unfenced: bool = False) -> dict[str, Path]:
    """Grade every notebook below ``submissions``; return {set: csv path}.

    Each notebook runs fenced (``tools/fence.py``); when the fence cannot be
    set up this stops with the reason, unless ``unfenced`` accepts running
    the students' code with the grader's permissions.
    """
    submissions = Path(submissions)
    out = Path(out) if out else submissions.resolve().parent / "grades"
    infos = {}
    for key in sorted(grading_dir.glob(f"*/{KEY_FILE}")):
        infos[key.parent.name] = json.loads(key.read_text(encoding="utf-8"))
    package = grading_dir / PACKAGE_DIR
    if not infos or not (package / "tcibook").is_dir():
        raise SystemExit(f"no grading key in {grading_dir}: run `make grading` first")
    reason = fence.available()
    if reason and not unfenced:
        raise SystemExit(f"cannot fence the submissions in: {reason}.\nGrading stopped. To grade "
                         "anyway, with the students' code running under your account, with "
                         "your files and the network, pass --unfenced (make grade UNFENCED=1).")
    if reason:
        progress(f"warning: grading UNFENCED ({reason})")
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
        who, graded, note = grade_one(path, info, package, fenced=not reason)
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
    gen = sub.add_parser("generate", help="write the grading key and the answer-free package")
    gen.add_argument("out", nargs="?", type=Path, default=GRADING_DIR)
    run = sub.add_parser("grade", help="grade every notebook in a folder")
    run.add_argument("submissions", type=Path)
    run.add_argument("out", nargs="?", type=Path, default=None)
    run.add_argument("--key", type=Path, default=GRADING_DIR,
                     help=f"folder written by `generate` (default {GRADING_DIR.relative_to(ROOT)})")
    run.add_argument("--unfenced", action="store_true",
                     help="grade even when the fence cannot be set up (students' code then "
                          "runs with your permissions)")
    args = parser.parse_args(argv)
    if args.command == "generate":
        for path in generate(args.out):
            print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        return 0
    grade(args.submissions, args.out, args.key,
          progress=lambda line: print(line, flush=True), unfenced=args.unfenced)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
