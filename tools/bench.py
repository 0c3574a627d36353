"""Measure what the README's "Development" table reports, in one go.

    python tools/bench.py            # or: make bench

Runs, in this order, in this checkout: a clean HTML build (``_build``
removed, so every notebook is executed), a rebuild with nothing changed, a
rebuild after one code cell of ``chapters/introduction.md`` changed (the
file is restored afterwards), a rebuild after a figure script changed (only
the chapters that load it run again; restored afterwards), the PDF build, the
quick check (``make test-fast``'s pytest command), the test suite (``make
test``'s pytest command), and the model timings of ``tools/bench_pk.py`` when it
exists. Prints a Markdown table, with the slowest notebooks as the build's
jupyter cache recorded them and the ratio of the test suite to the clean
build. Nothing here is a test: the numbers depend on the machine.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BUILD = [str(BIN / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"]
#: The distribution flags of ``make test`` (the Makefile passes its own).
PYTEST = [sys.executable, "-m", "pytest",
          *os.environ.get("PYTEST_FLAGS", "-n auto --dist loadfile --no-loadscope-reorder").split(),
          "-q"]
PYTEST_FAST = PYTEST + ["-o", "addopts=-ra -p kernel_start --doctest-modules", "-m",
                        "not build and not browser and not notebooks and not grading",
                        "tests", "src"]
CHANGED_CHAPTER = ROOT / "chapters" / "introduction.md"
#: A figure script that one chapter loads (a changed model reaches its pages).
CHANGED_SCRIPT = ROOT / "src" / "figs" / "licensing_ages.py"


def timed(command, **kwargs):
    """Run ``command`` in the checkout; return (seconds, output). Fails loudly."""
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, **kwargs)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
        raise SystemExit(f"failed: {' '.join(command)}")
    return seconds, proc.stdout + proc.stderr


def change_one_code_cell(text):
    """``text`` with a comment added at the end of its second code cell (the
    first after the setup cell), after any cell options."""
    starts = [m.end() for m in re.finditer(r"```\{code-cell\} ipython3\n", text)]
    start = starts[1] if len(starts) > 1 else starts[0]
    end = text.index("\n```\n", start)
    return text[:end] + "\n# changed for the benchmark" + text[end:]


def slowest_notebooks(count=5):
    """[(source, seconds)] of the longest notebook executions in the jupyter cache."""
    from jupyter_cache import get_cache

    cache = get_cache(str(ROOT / "_build" / ".jupyter_cache"))
    runs = [(Path(r.uri).relative_to(ROOT).as_posix(), r.data.get("execution_seconds", 0.0))
            for r in cache.list_cache_records()]
    return sorted(runs, key=lambda r: -r[1])[:count]


def main():
    rows = []
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    clean, _ = timed(BUILD)
    rows.append(("clean HTML build (executes every notebook)", f"{clean:.1f} s"))
    noop, _ = timed(BUILD)
    rows.append(("rebuild, nothing changed", f"{noop:.1f} s"))
    original = CHANGED_CHAPTER.read_text()
    try:
        CHANGED_CHAPTER.write_text(change_one_code_cell(original))
        one, _ = timed(BUILD)
    finally:
        CHANGED_CHAPTER.write_text(original)
    rows.append(("rebuild after one code cell of a chapter changed", f"{one:.1f} s"))
    timed(BUILD)                                   # back to the committed chapter
    original = CHANGED_SCRIPT.read_text()
    try:
        CHANGED_SCRIPT.write_text(original + "\n# changed for the benchmark\n")
        script, out = timed(BUILD)
    finally:
        CHANGED_SCRIPT.write_text(original)
    ran = len(re.findall(r"Executing notebook", out))
    rows.append((f"rebuild after a figure script changed (`{CHANGED_SCRIPT.name}`; "
                 f"{ran} notebook{'s' if ran != 1 else ''} ran again)", f"{script:.1f} s"))
    timed(BUILD)                                   # back to the committed script
    slow = slowest_notebooks()
    shutil.rmtree(ROOT / "_build" / "latex", ignore_errors=True)
    pdf, _ = timed(BUILD + ["--builder", "pdflatex"])
    pages = subprocess.run(["pdfinfo", str(ROOT / "_build" / "latex" / "book.pdf")],
                           capture_output=True, text=True).stdout
    count = re.search(r"Pages:\s+(\d+)", pages)
    rows.append((f"PDF build ({count.group(1) if count else '?'} pages; HTML cache warm)",
                 f"{pdf:.1f} s"))
    fast, out = timed(PYTEST_FAST)
    summary = re.findall(r"(\d+ passed[^\n]*)", out)
    rows.append((f"quick check, `make test-fast` ({summary[-1] if summary else 'see output'})",
                 f"{fast:.1f} s"))
    suite, out = timed(PYTEST)
    summary = re.findall(r"(\d+ passed[^\n]*)", out)
    rows.append((f"test suite, `make test` ({summary[-1] if summary else 'see output'})",
                 f"{suite:.1f} s"))
    rows.append(("test suite / clean HTML build", f"{suite / clean:.2f}"))
    for source, seconds in slow:
        rows.append((f"notebook execution: `{source}`", f"{seconds:.1f} s"))
    if (ROOT / "tools" / "bench_pk.py").exists():
        _, out = timed([sys.executable, "tools/bench_pk.py"])
        for line in out.strip().splitlines():
            what, _, value = line.rpartition(":")
            if what:
                rows.append((what.strip(), value.strip()))
    width = max(len(r[0]) for r in rows)
    print(f"| {'what'.ljust(width)} | result |")
    print(f"| {'-' * width} | ------ |")
    for what, value in rows:
        print(f"| {what.ljust(width)} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
