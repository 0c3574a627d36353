"""What students get: the course pack (wheel without answers, student
notebooks, README, requirements with a notebook front end) and the student
edition of the book (no worked solutions in its HTML, search index, sources,
downloads or PDF).

The slow parts run once each: one course-pack build, one install into a
clean virtual environment (from the archive and the package registry only,
reusing pip's cache), and one build of the student edition's practice part
(HTML and PDF).
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import sys
import zipfile

import nbformat
import pytest

import coursepack
import exercises
from conftest import ROOT, STUDENT_EDITION, book_build, require_tool

SOLUTIONS = sorted((ROOT / "exercises").glob("*.ipynb"))


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    out = tmp_path_factory.mktemp("coursepack")
    archive = coursepack.build_pack(out)
    with zipfile.ZipFile(archive) as z:
        z.extractall(out / "unpacked")
    return out / "unpacked" / coursepack.PACK_NAME


def _wheel(pack):
    (wheel,) = pack.glob("tcibook-*.whl")
    return wheel


def test_the_pack_holds_wheel_notebooks_readme_and_requirements(pack):
    names = sorted(p.name for p in (pack / "notebooks").glob("*.ipynb"))
    assert names == [p.name for p in SOLUTIONS]
    requirements = (pack / "requirements.txt").read_text().splitlines()
    assert f"./{_wheel(pack).name}" in requirements
    assert any(line.split("==")[0] in {"jupyterlab", "notebook"} for line in requirements)
    readme = (pack / "README.md").read_text()
    assert "pip install -r requirements.txt" in readme and "STUDENT_NAME" in readme
    assert "does **not** tell you whether the answer is right" in readme


def test_the_wheel_has_no_answers_and_declares_its_dependencies(pack):
    from packaging.requirements import Requirement

    from test_pins import pins

    with zipfile.ZipFile(_wheel(pack)) as z:
        names = z.namelist()
        metadata = z.read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert not [n for n in names if "answers" in n], names
    assert "tcibook/selfcheck_spec.json" in names and "tcibook/selfcheck.py" in names
    declared = {Requirement(line.split(":", 1)[1].strip()).name: Requirement(line.split(":", 1)[1].strip())
                for line in metadata.splitlines() if line.startswith("Requires-Dist:")}
    pinned = pins(ROOT / "requirements.txt")
    for name in ("numpy", "scipy", "matplotlib"):
        version = str(pinned[name].specifier).lstrip("=")
        assert name in declared and declared[name].specifier.contains(version), (name, version)


def _numbers(value):
    if isinstance(value, (list, tuple)):
        for v in value:
            yield from _numbers(v)
    elif hasattr(value, "tolist") and getattr(value, "ndim", 0):
        yield from _numbers(value.tolist())
    elif not isinstance(value, (bool, str)) and isinstance(value, (int, float)) or hasattr(value, "dtype"):
        yield float(value)


def _forms(x, digits):
    return {f"{x:.{d}g}" for d in digits}


def test_no_expected_value_can_be_recovered_from_what_students_get(pack):
    """Every expected value of every problem set, computed here, is searched
    for in what students get, as a number in running text:

    * in the one file derived from the answers, the public self-check
      specification: every value that is not a round number (25, 0.5), at
      3, 4 and 6 significant digits and at full precision;
    * in every student notebook (questions, givens, placeholders): every
      value with more than 3 significant digits, at 4 and 6 digits and at
      full precision;
    * in every file of the wheel: the same values at 6 digits and at full
      precision, as a stored result would be written.

    Shorter forms are not searched where they coincide by chance with what
    the questions give (the 23.7 mg of a label dose, a data point of 14.1,
    a confidence bound of 14.06 in the facts): a search at 3 or 4 digits in
    ~1 MB of model code and facts matches some answer whatever the answers
    are. The tolerance is 1 %, so a value given to 3 digits would be enough
    to pass: what the search shows is that no file was written from the
    answers, and the spec test that the one file that was holds none of them.
    """
    from tcibook.selfcheck import expected_for

    wheel, notebooks = {}, {}
    with zipfile.ZipFile(_wheel(pack)) as z:
        for name in z.namelist():
            wheel[name] = z.read(name).decode("utf-8", "replace")
    for path in (pack / "notebooks").glob("*.ipynb"):
        notebooks[path.name] = path.read_text(encoding="utf-8")
    spec = {"selfcheck_spec.json": wheel["tcibook/selfcheck_spec.json"]}
    leaks, searched = [], 0
    for label in coursepack.answer_labels():
        for x in _numbers(expected_for(label).compute()):
            if x == 0 or not math.isfinite(x) or float(f"{x:.2g}") == float(f"{x:.3g}"):
                continue                                   # a round number: 25, 0.5, 3
            long = not math.isclose(float(f"{x:.3g}"), x, rel_tol=1e-12)
            searched += long
            plan = [(spec, {f"{x:.3g}", f"{x:.4g}", f"{x:.6g}", repr(x)})]
            if long:
                plan += [(notebooks, {f"{x:.4g}", f"{x:.6g}", repr(x)}),
                         (wheel, {f"{x:.6g}", repr(x)})]
            for files, forms in plan:
                for form in forms:
                    pattern = re.compile(r"(?<![\d.])" + re.escape(form) + r"(?![\d])")
                    leaks += [(label, form, k) for k, t in files.items() if pattern.search(t)]
    assert searched >= 50
    assert leaks == []


def test_the_pack_installs_in_a_clean_venv_and_a_notebook_runs_to_its_first_placeholder(
        pack, tmp_path):
    """One install, from the archive and the package registry only (pip's
    cache is reused); then a student notebook is executed with the
    environment's own nbconvert and stops first at a placeholder."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_ = venv / "bin"
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    subprocess.run([str(bin_ / "python"), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "-r", "requirements.txt"],
                   cwd=pack, check=True, env=env, timeout=1500)
    run = lambda *args, **kw: subprocess.run([str(a) for a in args], cwd=tmp_path, env=env,  # noqa: E731
                                             capture_output=True, text=True, timeout=600, **kw)
    assert run(bin_ / "jupyter-lab", "--version").returncode == 0
    missing = run(bin_ / "python", "-c", "import tcibook.answers")
    assert "ModuleNotFoundError" in missing.stderr

    solution = SOLUTIONS[0]
    found = exercises.exercises(nbformat.read(solution, as_version=4), exercises.docname_of(solution))
    label, name = found[0].checks[0]
    from tcibook.selfcheck import expected_for

    value = expected_for(label).compute()
    probe = (f"from tcibook.selfcheck import check\n{name} = {value!r}\n"
             f"check({label!r}, {name!r})\n{name} = None\ncheck({label!r}, {name!r})\n")
    said = run(bin_ / "python", "-c", probe)
    assert said.returncode == 0, said.stderr
    first, second = said.stdout.splitlines()
    assert first.startswith(f"• {label}") and "decided when your notebook is graded" in first
    assert second.startswith(f"✗ {label}") and "None" in second

    notebook = pack / "notebooks" / solution.name
    out = tmp_path / "executed.ipynb"
    from kernel_start import kernel_start_lock

    with kernel_start_lock():   # no other process picks the kernel's ports meanwhile
        done = run(bin_ / "jupyter", "nbconvert", "--to", "notebook", "--execute",
                   "--allow-errors", "--output", out, notebook)
    assert done.returncode == 0, done.stderr[-2000:]
    nb = nbformat.read(out, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    errors = [(i, o) for i, c in enumerate(code) for o in c.outputs if o.output_type == "error"]
    first_error_cell, error = errors[0]
    assert "placeholder" in code[first_error_cell].metadata.get("tags", [])
    assert error.ename == "NotImplementedError"
    check_output = "".join(o.get("text", "") for o in code[first_error_cell + 1].outputs)
    assert check_output.startswith("…") and "no answer yet" in check_output


# --- the student edition -----------------------------------------------------------

def _phrases(nb, solutions=True):
    """Runs of seven or more plain words from the prose of the solution
    regions (or, with ``solutions=False``, from the rest of the page)."""
    phrases, inside = [], False
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line_block in re.split(r"(?=^(?:`{3,}|:{3,})\{solution-(?:start|end)\})", cell.source,
                                   flags=re.M):
            if exercises._START.match(line_block):
                inside = True
            elif re.match(r"^(`{3,}|:{3,})\{solution-end\}", line_block):
                inside = False
                continue
            if inside != solutions:
                continue
            prose = re.sub(r"`[^`]*`|\$[^$]*\$|\{[^}]*\}\S*|\[[^\]]*\]\([^)]*\)|^:.*$|^\W*#.*$",
                           "|", line_block, flags=re.M)
            phrases += [" ".join(run.split()) for run in re.findall(r"(?:[A-Za-z]+\s+){6,}[A-Za-z]+", prose)]
    return phrases


_solution_phrases = _phrases


def _outside_solutions():
    """The book's sources with every solution region cut out, and what their
    other cells print, whitespace and backticks removed: a line of a solution
    that also appears here (the same code in a chapter, a call named in a
    question) is not evidence of a leak."""
    cut = re.compile(r"^(`{3,}|:{3,})\{solution-start\}.*?^\1\{solution-end\}", re.M | re.S)
    texts = [cut.sub(" ", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "chapters").glob("*.md"))]
    for path in sorted((ROOT / "notebooks").rglob("*.ipynb")):     # what chapters print
        texts += ["".join(o.get("text", "")) for c in nbformat.read(path, as_version=4).cells
                  if c.cell_type == "code" for o in c.outputs]
    for path in SOLUTIONS:            # what the question cells print
        student = exercises.student_version(nbformat.read(path, as_version=4))
        solution = nbformat.read(path, as_version=4)
        kept = {c.source for c in student.cells if c.cell_type == "code"}
        for cell in solution.cells:
            if cell.cell_type == "code" and cell.source in kept:
                texts += ["".join(o.get("text", "")) for o in cell.outputs]
    return " ".join(" ".join(t.replace("`", "").split()) for t in texts)


def _plain(html_text):
    import html

    text = re.sub(r"<[^>]+>", " ", html_text)
    return " ".join(html.unescape(text).split())


@pytest.fixture(scope="module")
def student_edition():
    """The student edition of the practice part, HTML and (with TeX) PDF,
    built once in this run (``conftest.build_student_edition``): its build
    folder and ``{builder: CompletedProcess-like result}``."""
    import types

    _, out = book_build("student-edition")
    builds = {builder: types.SimpleNamespace(returncode=code, stdout=text, stderr="")
              for builder, (code, text) in json.loads(out).items()}
    return STUDENT_EDITION / "_build", builds


@pytest.mark.build
def test_no_solution_reaches_the_student_html(student_edition):
    build, builds = student_edition
    assert builds["html"].returncode == 0, builds["html"].stdout[-3000:] + builds["html"].stderr[-3000:]
    html_dir = build / "html"
    assert not list((html_dir / "_sources").rglob("*.md"))        # MyST sources hold solutions
    public = _outside_solutions()
    checked = 0
    for path in SOLUTIONS:
        nb = nbformat.read(path, as_version=4)
        code, outputs = exercises.solution_material(nb)
        raw = (html_dir / "chapters" / f"{path.stem}.html").read_text(encoding="utf-8")
        page = _plain(raw)
        assert "Exercise" in page and 'class="admonition solution' not in raw
        leaked = [needle for needle in code + outputs + _phrases(nb)
                  if needle in page and " ".join(needle.split()) not in public]
        assert leaked == [], (path.name, leaked)
        checked += len(code) + len(_phrases(nb))
        download = html_dir / "_sources" / "chapters" / f"{path.stem}.ipynb"
        student = nbformat.read(download, as_version=4)
        assert any("placeholder" in c.metadata.get("tags", []) for c in student.cells)
        assert all(not c.get("outputs") for c in student.cells if c.cell_type == "code")
    assert checked > 100


@pytest.mark.build
def test_the_phrase_search_finds_the_questions(student_edition):
    """Positive control of the search above: phrases taken the same way from
    the questions (outside the solutions) are found on the student pages."""
    build, builds = student_edition
    assert builds["html"].returncode == 0
    found = total = 0
    for path in SOLUTIONS:
        page = _plain((build / "html" / "chapters" / f"{path.stem}.html").read_text(encoding="utf-8"))
        phrases = _phrases(nbformat.read(path, as_version=4), solutions=False)
        total += len(phrases)
        found += sum(p in page for p in phrases)
    assert total > 50 and found >= 0.9 * total, (found, total)


@pytest.mark.build
def test_no_solution_reaches_the_student_pdf(student_edition):
    build, builds = student_edition
    require_tool("pdflatex" in builds and shutil.which("pdftotext"), "TeX or pdftotext")
    assert builds["pdflatex"].returncode == 0, builds["pdflatex"].stdout[-3000:]
    pdf = build / "latex" / "book.pdf"
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    text = text.replace("- ", "")      # words hyphenated across lines
    assert "Exercise" in text
    questions = [" ".join(q.split()) for p in SOLUTIONS
                 for q in _phrases(nbformat.read(p, as_version=4), solutions=False)]
    assert sum(q in text for q in questions) >= 0.8 * len(questions)   # the search works
    public = _outside_solutions()
    leaked = []
    for path in SOLUTIONS:
        nb = nbformat.read(path, as_version=4)
        code, outputs = exercises.solution_material(nb)
        for needle in code + outputs + _phrases(nb):
            needle = " ".join(needle.split())
            if needle in text and needle not in public:
                leaked.append((path.name, needle))
    assert leaked == []
