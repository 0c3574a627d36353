"""Shared fixtures: paths, the book builds, the test markers, and a tiny
Sphinx site built in process for tests that plant one authoring mistake and
check that it fails loudly.

The book's builds (HTML, EPUB, PDF, the student edition) run once per test
run, however many pytest-xdist workers ask for them, one after another in a
background thread that starts as soon as the tests are collected: a test
that needs a build waits for its result. The tests that need no build are
sent to the workers first (``make test`` distributes with ``--dist loadfile
--no-loadscope-reorder`` and :func:`pytest_xdist_make_scheduler`: a file's
tests stay on one worker unless the file is in :data:`SPLIT_FILES`), so both
cores have work while the book is built. The HTML build starts from a
fresh Sphinx environment (``--all``), so warnings of pages that did not
change are reported again; the EPUB and PDF builds of the same run read the
environment it left (their pages' warnings were reported by it) and start
from a fresh one only when the run has no HTML build. The jupyter cache is
kept, so an unchanged notebook is not executed again.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

#: Flags of every book build the tests inspect: warnings are errors and every
#: reference is checked.
BUILD_FLAGS = ("-W", "-n", "--keep-going")
#: Where the once-per-run builds leave their exit code and log.
RUNS_DIR = ROOT / "_build" / ".test-builds"


def pytest_configure(config):
    """Give this test run an id that its xdist workers inherit."""
    if not hasattr(config, "workerinput"):
        os.environ["TCIBOOK_TEST_RUN"] = uuid.uuid4().hex


#: What a test needs, read from the fixtures it uses: ``build`` (a book build:
#: the real book or a tiny site), ``browser`` (Chromium), ``grading`` (the
#: instructors' tools: the fenced grading, the course pack and its virtual
#: environment; they run notebooks too, so they are ``notebooks`` as well).
FIXTURE_MARKS = {
    "html_build": "build", "pdf_build": "build", "site_dir": "build",
    "tiny_site": "build", "student_edition": "build",
    "browser": "browser",
    "graded": "grading", "pack": "grading",
}
#: Tests that start a Jupyter kernel themselves (nbval's own items are marked
#: ``notebooks`` too), by file and test name.
KERNEL_TESTS = {
    "test_exercises.py": ("test_student_version_fails_only_at_placeholders",),
    "test_selfcheck.py": ("test_a_kernel_records_cell_errors_for_the_check",),
    "test_notebooks.py": ("test_nbval_fails_when_a_stored_output_differs",),
    "test_coursepack.py": (
        "test_the_pack_installs_in_a_clean_venv_and_a_notebook_runs_to_its_first_placeholder",),
}


#: Files whose tests pytest-xdist may spread over workers (each test opens
#: its own page); every other file's tests run on one worker (a notebook's
#: cells share a kernel; a module's fixture is built once).
SPLIT_FILES = {"test_site_browser.py", "test_site_phone.py"}


def builds_needed(item):
    """The builds of :data:`BOOK_BUILDS` that ``item`` waits for."""
    names = set(getattr(item, "fixturenames", ()))
    needed = {BUILD_OF_FIXTURE[n] for n in names & BUILD_OF_FIXTURE.keys()}
    if "TCIBOOK_SITE" in os.environ and not names & {"html_build"}:
        needed.discard("html")
    if "TCIBOOK_EPUB" in os.environ:
        needed.discard("epub")
    return needed


def _stage(item):
    """When ``item`` can run: 0 without a book build, else after the last
    build it needs (in the order of :data:`BOOK_BUILDS`)."""
    order = list(BOOK_BUILDS)
    return max((1 + order.index(b) for b in builds_needed(item)), default=0)


def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist's scheduler by file (``--dist loadfile``), except that
    the tests of :data:`SPLIT_FILES` are sent one by one, and that a file
    whose tests need different builds is sent as one unit per build stage
    (so that a worker does not sit waiting for a build while tests that need
    none remain); work is handed out in collection order
    (``--no-loadscope-reorder``), the order :func:`pytest_collection_modifyitems`
    sets."""
    from xdist.scheduler import LoadScopeScheduling

    class BookScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            path = nodeid.split("::", 1)[0]
            if Path(path).name in SPLIT_FILES:
                return nodeid
            if not hasattr(self, "_run_of"):
                # items are sorted by stage, so a file's tests of one stage
                # are one run of consecutive items
                self._run_of, run, last = {}, 0, None
                for item in next(iter(self.registered_collections.values())):
                    file = item.split("::", 1)[0]
                    run, last = run + (file != last), file
                    self._run_of[item] = run
            return f"{path}::{self._run_of[nodeid]}"

    return BookScheduling(config, log)


def pytest_collection_modifyitems(config, items):
    """Mark every test with what it needs (``-m "not build"`` and the like
    select what their names say; ``make test-fast`` runs the unmarked ones);
    put the tests that need no book build first."""
    items.sort(key=_stage)
    seen = set()
    for item in items:
        path = Path(str(item.fspath))
        names = set(getattr(item, "fixturenames", ()))
        needs = {FIXTURE_MARKS[n] for n in names & FIXTURE_MARKS.keys()}
        if path.suffix == ".ipynb":
            needs.add("notebooks")
        test = getattr(item, "originalname", item.name)
        if test in KERNEL_TESTS.get(path.name, ()):
            needs.add("notebooks")
            seen.add((path.name, test))
        if "grading" in needs:
            needs.add("notebooks")
        for mark in sorted(needs):
            item.add_marker(mark)
    collected = {Path(str(i.fspath)).name for i in items}
    stale = [(f, t) for f, tests in KERNEL_TESTS.items() if f in collected
             for t in tests if (f, t) not in seen]
    if stale and not any("::" in a for a in config.args):
        raise pytest.UsageError(f"conftest.KERNEL_TESTS names tests that do not exist: {stale}")


def jupyter_book(*args, cwd=ROOT, timeout=1200):
    """Run ``jupyter-book`` from this environment; return (returncode, output)."""
    exe = BIN / "jupyter-book"
    proc = subprocess.run([str(exe), *map(str, args)], cwd=cwd, timeout=timeout,
                          capture_output=True, text=True,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})
    return proc.returncode, proc.stdout + proc.stderr


def toc_files(root=ROOT):
    """Document paths (without suffix) listed in _toc.yml, root first."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [c["file"] for c in part.get("chapters", [])]
    return files


def build_book(root=ROOT, *extra):
    """Build the book in ``root`` with :data:`BUILD_FLAGS` from a fresh Sphinx
    environment; return (returncode, output)."""
    return jupyter_book("build", str(root), *BUILD_FLAGS, "--all", *extra, cwd=root)


def build_format(*builder):
    """Build the real book with ``builder`` (jupyter-book's ``--builder``
    arguments) after this run's HTML build: from the Sphinx environment it
    left, or from a fresh one when this run built no HTML."""
    fresh = () if built_in_this_run("html") else ("--all",)
    return jupyter_book("build", ROOT, *BUILD_FLAGS, *fresh, *builder)


@contextlib.contextmanager
def build_lock():
    """Hold the lock that serialises every build of the real book's sources
    in this test run (they share the doctree folder and the jupyter cache)."""
    RUNS_DIR.mkdir(parents=True, exist_ok=True)
    with open(RUNS_DIR / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def built_in_this_run(kind):
    """Whether build ``kind`` has run in this test run (call under the lock)."""
    result = RUNS_DIR / f"{kind}.json"
    run = os.environ.get("TCIBOOK_TEST_RUN", "")
    return bool(run) and result.exists() and json.loads(result.read_text())["run"] == run


def once_per_run(kind, build):
    """Run ``build()`` once in this test run, across all xdist workers.

    A result is reused only by the run that made it.
    """
    run = os.environ.get("TCIBOOK_TEST_RUN", "")
    result = RUNS_DIR / f"{kind}.json"
    with build_lock():
        if built_in_this_run(kind):
            stored = json.loads(result.read_text())
            return stored["code"], stored["out"]
        code, out = build()
        result.write_text(json.dumps({"run": run, "code": code, "out": out}))
        return code, out


#: Where the student edition's tests find it (HTML and PDF of the practice part).
STUDENT_EDITION = RUNS_DIR / "student-edition"


def build_student_edition():
    """The student edition of the practice part (every problem set, the
    glossary and the bibliography), HTML and, when TeX is installed, PDF,
    into :data:`STUDENT_EDITION`, by :func:`coursepack.build_student_edition`.
    It reads the book's jupyter cache, so after the HTML build no notebook is
    executed again. Returns (returncode, output): the output is JSON,
    ``{builder: [returncode, output]}``."""
    import coursepack

    shutil.rmtree(STUDENT_EDITION, ignore_errors=True)
    STUDENT_EDITION.mkdir(parents=True)
    pages = [f"chapters/{p.stem}" for p in sorted((ROOT / "exercises").glob("*.ipynb"))]
    toc = STUDENT_EDITION / "_toc.yml"
    toc.write_text("format: jb-book\nroot: chapters/practices\nchapters:\n"
                   + "".join(f"  - file: {p}\n" for p in pages + ["chapters/glossary",
                                                                   "chapters/bibliography"]))
    results = coursepack.build_student_edition(
        STUDENT_EDITION, pdf=bool(shutil.which("xelatex")), flags=("--keep-going",),
        toc=toc, capture=True)
    return max(code for code, _ in results.values()), json.dumps(results)


#: The builds the tests inspect, in the order the background thread runs
#: them (the HTML build first: most tests wait for it, and the student
#: edition reads its jupyter cache).
BOOK_BUILDS = {
    "html": build_book,
    "epub": lambda: build_format("--builder", "custom", "--custom-builder", "epub"),
    "pdf": lambda: build_format("--builder", "pdflatex"),
    "student-edition": build_student_edition,
}
#: The fixture through which a test waits for each build.
BUILD_OF_FIXTURE = {"html_build": "html", "site_dir": "html", "pdf_build": "pdf",
                    "epub": "epub", "student_edition": "student-edition"}


def book_build(kind):
    """The result of build ``kind`` of :data:`BOOK_BUILDS` in this run:
    (returncode, output); built now unless the background thread (or
    another worker) has built it or is building it."""
    return once_per_run(kind, BOOK_BUILDS[kind])


def pytest_collection_finish(session):
    """Start the builds the collected tests need, in a background thread,
    before the first test runs."""
    needed = set().union(*(builds_needed(item) for item in session.items))
    if not needed or session.config.option.collectonly:
        return
    kinds = [kind for kind in BOOK_BUILDS if kind in needed]
    threading.Thread(target=lambda: [book_build(kind) for kind in kinds],
                     name="book-builds", daemon=True).start()


@pytest.fixture(scope="session")
def html_build():
    """The real book's HTML build of this run: (returncode, output)."""
    return book_build("html")


@pytest.fixture(scope="session")
def pdf_build():
    """The real book's PDF build of this run: (returncode, output)."""
    return book_build("pdf")


@pytest.fixture(scope="session")
def site_dir(request):
    """The built HTML site: built here, or taken from $TCIBOOK_SITE if set
    (a folder of an earlier build, to re-run the site checks quickly)."""
    given = os.environ.get("TCIBOOK_SITE")
    if given:
        return Path(given)
    code, out = request.getfixturevalue("html_build")
    assert code == 0, out[-3000:]
    return ROOT / "_build" / "html"


@pytest.fixture(scope="module")
def base_url(site_dir):
    """The built site served from 127.0.0.1 (an ephemeral port)."""
    from page_weight import serve

    server, base = serve(site_dir)
    yield base
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from page_weight import CHROMIUM, CHROMIUM_ARGS

    require_tool(Path(CHROMIUM).exists(), f"Chromium ({CHROMIUM}, Debian package chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def require_tool(available, what):
    """Skip when a system tool is missing, unless CI=true, where that is a failure."""
    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {what} is missing")
    pytest.skip(f"{what} is missing (set CI=true to make this a failure)")


@pytest.fixture()
def tiny_site(tmp_path):
    """A tiny Sphinx site in ``tmp_path``, built in this process
    (``sphinx.testing``) with myst-nb and only the extensions a test names.

    Returns ``build(pages, extensions=(), notebooks=(), freshenv=True)``:
    ``pages`` maps a page name to its MyST text (dedented, written to
    ``chapters/<name>.md``; the first is the root and lists the others in a
    hidden toctree; the pages named in ``notebooks`` get the notebook header
    :data:`NOTEBOOK_HEADER`); ``extensions``
    are Sphinx extensions (those of ``_ext/`` by module name; with
    ``sphinxcontrib.bibtex``, ``references.bib`` and a bibliography page). Every
    reference is checked (nitpicky) and a failing cell is a build error, as
    in the book. Returns ``(succeeded, output)``: ``succeeded`` is False on
    a warning or an error; ``output`` holds the warnings and the error.
    """
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

    def build(pages, extensions=(), notebooks=(), freshenv=True):
        chapters = tmp_path / "chapters"
        chapters.mkdir(exist_ok=True)
        if "sphinxcontrib.bibtex" in extensions:  # citations resolve to a bibliography
            pages = {**pages, "bibliography": "# Bibliography\n\n```{bibliography}\n```\n"}
        names = list(pages)
        for i, (name, text) in enumerate(pages.items()):
            text = (NOTEBOOK_HEADER if name in notebooks else "") + textwrap.dedent(text)
            if i == 0 and len(names) > 1:
                text += ("\n```{toctree}\n:hidden:\n\n"
                         + "".join(f"{n}\n" for n in names[1:]) + "```\n")
            _write_if_changed(chapters / f"{name}.md", text)
        config = {
            "extensions": ["myst_nb", *extensions],
            "root_doc": f"chapters/{names[0]}",
            "exclude_patterns": ["_build"],
            "myst_enable_extensions": ["amsmath", "colon_fence", "dollarmath"],
            "nb_execution_mode": "cache",
            "nb_execution_raise_on_error": True,
            "nb_execution_show_tb": True,
            "nitpicky": True,
        }
        if "sphinxcontrib.bibtex" in extensions:
            shutil.copy(ROOT / "references.bib", tmp_path)
            config["bibtex_bibfiles"] = ["references.bib"]
        if "mathsvg" in extensions:
            config["html_math_renderer"] = "mathsvg"
        _write_if_changed(tmp_path / "conf.py",
                          "".join(f"{key} = {value!r}\n" for key, value in config.items()))
        status, warning = StringIO(), StringIO()
        app = SphinxTestApp("html", srcdir=tmp_path, builddir=tmp_path / "_build",
                            freshenv=freshenv, status=status, warning=warning)
        try:
            app.build()
            error = ""
        except Exception as err:  # a failing cell, or a broken extension
            error = f"{type(err).__name__}: {err}\n{err.__cause__ or ''}"
        finally:
            app.cleanup()
        out = warning.getvalue() + error
        return not out.strip(), out

    return build


def _write_if_changed(path, text):
    """Write ``text`` unless ``path`` holds it already (an unchanged page
    keeps its time, so an incremental build does not read it again)."""
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


NOTEBOOK_HEADER = """\
---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
"""


def assert_rejects(call, parameter, *range_ends):
    """``call()`` raises a ValueError whose message names ``parameter`` and
    each end of its valid range (``"0"``, ``"inf"``, ``"1"``...).

    The message's wording and punctuation are free: it must say *what* was
    wrong (the parameter) and *what is allowed* (the range), nothing more.
    """
    import re

    with pytest.raises(ValueError) as caught:
        call()
    message = str(caught.value)
    assert re.search(rf"\b{re.escape(parameter)}\b", message), message
    numbers = re.findall(r"-?inf|-?\d+(?:\.\d+)?(?:e-?\d+)?", message)
    for end in range_ends:
        assert str(end) in numbers, f"{end!r} (an end of the valid range) not in {message!r}"
    return message
