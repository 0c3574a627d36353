"""Committed notebooks match their sources, and nbval really compares outputs."""

import json
import shutil
import subprocess
import sys

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
         "-o", "addopts=", "--nbval", "--nbval-sanitize-with",
         "nbval_sanitize.cfg", "planted.ipynb"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stdout[-2000:]
    assert "31.0" in proc.stdout and "1 failed" in proc.stdout
