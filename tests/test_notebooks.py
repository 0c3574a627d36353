"""Committed notebooks match their sources, and nbval really compares outputs."""

import json
import os
import shutil
import subprocess
import sys

import kernel_start
import notebooks
from conftest import ROOT


def test_committed_notebooks_are_in_sync_with_sources():
    assert notebooks.problems() == []


def test_every_chapter_notebook_is_stored_executed_with_outputs():
    for md in notebooks.sources():
        nb = json.loads(notebooks.paired_path(md).read_text())
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert code and all(c["execution_count"] for c in code), md.name
        assert any(c["outputs"] for c in code), md.name


def test_nbval_fails_when_a_stored_output_differs(tmp_path):
    source = ROOT / "notebooks" / "chapters" / "introduction.ipynb"
    nb = json.loads(source.read_text())
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            if out.get("name") == "stdout":
                out["text"] = [line.replace("30.0", "31.0") for line in out["text"]]
    planted = tmp_path / "planted.ipynb"
    planted.write_text(json.dumps(nb))
    shutil.copy(ROOT / "tests" / "nbval_sanitize.cfg", tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
         "-o", "addopts=", "-p", "kernel_start", "--nbval", "--nbval-sanitize-with",
         "nbval_sanitize.cfg", "planted.ipynb"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT / "_ext")})
    assert proc.returncode == 1, proc.stdout[-2000:]
    assert "31.0" in proc.stdout and "1 failed" in proc.stdout


def test_kernel_starts_are_serialised_across_processes():
    """nbval's kernel start runs under the machine-wide lock (the plugin of
    ``_ext/kernel_start.py``, loaded by the pytest configuration), and that
    lock excludes another process while it is held."""
    import nbval.kernel

    assert getattr(nbval.kernel.start_new_kernel, "under_lock", False)
    probe = [sys.executable, "-c", "import fcntl, sys; f = open(sys.argv[1], 'a'); "
             "fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)", str(kernel_start.LOCK_FILE)]
    with kernel_start.kernel_start_lock():
        held = subprocess.run(probe, capture_output=True, text=True, timeout=60)
    free = subprocess.run(probe, capture_output=True, text=True, timeout=60)
    assert "BlockingIOError" in held.stderr
    assert free.returncode == 0, free.stderr
