"""What students get: the course pack and the student edition of the book.

    python tools/coursepack.py pack [OUT]               # OUT/tcibook-coursepack.zip
    python tools/coursepack.py wheel OUT                # the answer-free wheel only
    python tools/coursepack.py student-edition [OUT] [--pdf]

``pack`` writes one archive (default ``_build/coursepack/tcibook-coursepack.zip``)
holding

* the ``tcibook`` wheel, built from ``pyproject.toml`` (which declares the
  runtime dependencies and leaves ``tcibook.answers`` out of every wheel),
  with the public self-check specification ``tcibook/selfcheck_spec.json``
  added (what a check may say without the answers: the kind of each answer,
  a wide plausible range, the "revisit" hint; see :mod:`tcibook.selfcheck`);
* the student notebooks of every problem set (``tools/exercises.py``);
* ``requirements.txt``: the wheel, the book's pinned numpy, scipy and
  matplotlib, and JupyterLab to open the notebooks;
* ``README.md``, a short guide for students (:data:`STUDENT_README`).

``student-edition`` builds the book without its worked solutions into
``OUT`` (default ``_build/student-edition``): it writes
``OUT/_config-student.yml`` from ``_config.yml`` (solutions removed by
``_ext/student_edition.py``, MyST sources not copied into the site, student
notebooks in the download menu) and runs ``jupyter-book build`` with
``--path-output OUT``; the site is ``OUT/_build/html``, and with ``--pdf``
the PDF is ``OUT/_build/latex/book.pdf``.
"""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
import exercises  # noqa: E402

PACK_DIR = ROOT / "_build" / "coursepack"
EDITION_DIR = ROOT / "_build" / "student-edition"
PACK_NAME = "tcibook-coursepack"

#: Lines of the course pack's requirements.txt after the wheel: the book's
#: pins of what the package imports, and a notebook front end.
STUDENT_REQUIREMENTS = ["numpy==2.4.6", "scipy==1.17.1", "matplotlib==3.11.2",
                        "ipykernel==7.4.0", "jupyterlab==4.6.6"]

STUDENT_README = """\
# Problem sets of "The Pharmacology of Topical Calcineurin Inhibitors"

This folder holds the notebooks of the book's problem sets (`notebooks/`), the
book's Python package (`{wheel}`) and what is needed to open them.

## Install (once)

You need Python 3.11 or newer. In this folder:

```bash
python3 -m venv .venv
.venv/bin/pip install -r requirements.txt
```

(On Windows: `py -m venv .venv` and `.venv\\Scripts\\pip install -r requirements.txt`.)

## Work on a problem set

```bash
.venv/bin/jupyter lab notebooks/
```

Open a notebook and, first, write your name and student ID in the cell near
the top (`STUDENT_NAME = "..."`, `STUDENT_ID = "..."`): the grader reads them
from there. Then run the notebook from the top. It stops at each cell that
says `your solution goes here`: replace that cell's code with yours, run it,
and run the self-check cell below it. The self-check tells you

- `…` that the variable is not defined yet (or which error stopped the cell
  that should define it);
- `✗` that the answer is of the wrong kind (None, NaN, text where a number
  is asked, an array where one number is asked, a tuple of the wrong length,
  an empty tuple where a set that is not empty is asked)
  or outside a wide plausible range (the range spans a factor of 1,000
  around the answer's order of magnitude, so a slip of units such as µg for
  ng shows up), with what to revisit;
- `•` that the answer is defined, of the right kind and plausible.

It does **not** tell you whether the answer is right: that is decided when
your instructor grades the notebook. A tuple asked for "in any
order" may be given in any order.

Keep the cell structure: write your code in the solution cells (add cells
below them if you like), do not delete the self-check cells, and save the
notebook before you hand it in.
"""


# --- the wheel ----------------------------------------------------------------

def answer_labels() -> list[str]:
    """Every self-check label of every answers module (``pNN.name``)."""
    labels = []
    for path in sorted((ROOT / "src" / "tcibook" / "answers").glob("p*.py")):
        module = importlib.import_module(f"tcibook.answers.{path.stem}")
        labels += [f"{path.stem}.{name}" for name in module.ANSWERS]
    return labels


def public_specs() -> dict:
    """The public self-check specification of every label (no expected value)."""
    from tcibook.selfcheck import public_spec

    return {label: public_spec(label) for label in answer_labels()}


def build_wheel(out: Path) -> Path:
    """Build the answer-free ``tcibook`` wheel with its public specification into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        shutil.copy(ROOT / "pyproject.toml", work)
        shutil.copytree(ROOT / "src", work / "src",
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "answers"))
        (work / "src" / "tcibook" / "selfcheck_spec.json").write_text(
            json.dumps(public_specs(), indent=1, ensure_ascii=False), encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
             "--no-build-isolation", "--disable-pip-version-check", "-w", str(out), str(work)],
            capture_output=True, text=True)
        if proc.returncode:
            raise RuntimeError(f"pip wheel failed:\n{proc.stdout}{proc.stderr}")
    wheels = sorted(out.glob("tcibook-*.whl"))
    if len(wheels) != 1:
        raise RuntimeError(f"expected one wheel in {out}, found {wheels}")
    return wheels[0]


# --- the pack -------------------------------------------------------------------

def build_pack(out: Path = PACK_DIR) -> Path:
    """Write ``out/tcibook-coursepack.zip``; return its path."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        stage = Path(work) / PACK_NAME
        wheel = build_wheel(stage)
        notebooks = exercises.write_students(exercises.EXERCISE_DIR, stage / "notebooks")
        (stage / "requirements.txt").write_text(
            "# Install with: pip install -r requirements.txt (from this folder)\n"
            f"./{wheel.name}\n" + "\n".join(STUDENT_REQUIREMENTS) + "\n")
        (stage / "README.md").write_text(STUDENT_README.format(wheel=wheel.name))
        archive = out / f"{PACK_NAME}.zip"
        if archive.exists():
            archive.unlink()
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
            for path in sorted(stage.rglob("*")):
                if path.is_file():
                    z.write(path, path.relative_to(stage.parent))
        print(f"wrote {archive} ({len(notebooks)} notebooks, {wheel.name})")
    return archive


# --- the student edition -------------------------------------------------------------

def student_config(out: Path) -> Path:
    """Write ``out/_config-student.yml``: ``_config.yml`` without solutions."""
    import yaml

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = f"{config['title']} (student edition)"
    sphinx = config.setdefault("sphinx", {})
    extensions = sphinx.setdefault("local_extensions", {})
    extensions["student_edition"] = "_ext"
    # paths are read relative to the configuration file, which is elsewhere
    for name, path in extensions.items():
        extensions[name] = str(ROOT / path)
    settings = sphinx.setdefault("config", {})
    for key in ("html_static_path", "templates_path", "latex_additional_files"):
        if key in settings:
            settings[key] = [str(ROOT / p) for p in settings[key]]
    settings["tcibook_student_notebooks"] = True
    # The book's own jupyter cache: a notebook the HTML build has run is not run again.
    config.setdefault("execute", {})["cache"] = str(ROOT / "_build" / ".jupyter_cache")
    # The MyST sources hold the solutions: do not copy them into the site.
    settings["html_copy_source"] = False
    out.mkdir(parents=True, exist_ok=True)
    path = out / "_config-student.yml"
    path.write_text("# Written by tools/coursepack.py from _config.yml; do not edit.\n"
                    + yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")
    return path


def build_student_edition(out: Path = EDITION_DIR, pdf: bool = False, flags=("-W", "-n", "--keep-going"),
                          root: Path = ROOT, toc: Path | None = None, capture: bool = False) -> dict:
    """Build the student edition's HTML (and PDF) into ``out``.

    ``toc`` replaces the book's table of contents (the tests build the
    practice part only); with ``capture`` each build's output is returned
    instead of printed. Returns ``{builder: (returncode, output)}`` in build
    order (``"html"``, then ``"pdflatex"``), stopping after a failed build;
    ``output`` is ``""`` unless captured.
    """
    config = student_config(out)
    jb = str(Path(sys.executable).parent / "jupyter-book")
    results = {}
    for builder in ["html"] + (["pdflatex"] if pdf else []):
        command = [jb, "build", str(root), "--config", str(config), "--path-output", str(out),
                   *(["--toc", str(toc)] if toc else []), "--builder", builder, *flags]
        done = subprocess.run(command, cwd=root, capture_output=capture, text=True)
        results[builder] = (done.returncode, (done.stdout + done.stderr) if capture else "")
        if done.returncode:
            break
    return results


def main(argv: list[str]) -> int:
    if argv[:1] == ["pack"] and len(argv) <= 2:
        build_pack(Path(argv[1]) if len(argv) == 2 else PACK_DIR)
        return 0
    if argv[:1] == ["wheel"] and len(argv) == 2:
        print(build_wheel(Path(argv[1])))
        return 0
    if argv[:1] == ["student-edition"]:
        rest = [a for a in argv[1:] if a != "--pdf"]
        out = Path(rest[0]) if rest else EDITION_DIR
        results = build_student_edition(out, pdf="--pdf" in argv)
        code = max(code for code, _ in results.values())
        if not code:
            print(f"student edition: {out / '_build' / 'html' / 'index.html'}"
                  + (f" and {out / '_build' / 'latex' / 'book.pdf'}" if "pdflatex" in results else ""))
        return code
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
