"""Offer each chapter as an executed Jupyter notebook from its download menu.

Chapters are MyST Markdown; their executed twins (with outputs) live in
``notebooks/``, and those of the problem sets in ``exercises/`` (the
solution notebooks); ``tools/notebooks.py`` decides which is where. For every
page with a twin this extension sets the theme's ``ipynb_source`` so the
download menu shows an ``.ipynb`` entry, and copies the twin next to the
page's other sources in ``_sources/``.

In the student edition (``tcibook_student_notebooks = True``, set by the
configuration that ``tools/coursepack.py student-edition`` writes) a problem
set's download is its *student* notebook instead, written by
``tools/exercises.py`` from the solution notebook: placeholders for the
solutions, no outputs, exercises numbered as in the book.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path


def _notebooks_tool(srcdir):
    """The book's ``tools/notebooks.py``, or None in a book without it."""
    path = Path(srcdir) / "tools" / "notebooks.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("tcibook_notebooks_tool", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tool(srcdir, name):
    """The book's ``tools/<name>.py``, or None in a book without it."""
    path = Path(srcdir) / "tools" / f"{name}.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(f"tcibook_{name}_tool", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _twin(app, pagename):
    source = Path(app.srcdir) / f"{pagename}.md"
    if not source.is_file():
        return None
    if not hasattr(app, "_tcibook_notebooks"):
        app._tcibook_notebooks = _notebooks_tool(app.srcdir)
    if app._tcibook_notebooks is None:
        return None
    path = app._tcibook_notebooks.paired_path(source, Path(app.srcdir))
    return path if path.is_file() else None


def _offer(app, pagename, templatename, context, doctree):
    if _twin(app, pagename):
        context["ipynb_source"] = f"{pagename}.ipynb"


def _copy(app, exception):
    if exception or app.builder.format != "html":
        return
    for docname in app.env.found_docs:
        twin = _twin(app, docname)
        if twin:
            target = Path(app.outdir) / "_sources" / f"{docname}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            if app.config.tcibook_student_notebooks and twin.parent.name == "exercises":
                _write_student(app, twin, docname, target)
            else:
                shutil.copyfile(twin, target)


def _write_student(app, twin, docname, target):
    import nbformat

    tool = _tool(app.srcdir, "exercises")
    if tool is None:
        raise RuntimeError("tools/exercises.py is needed for student notebooks")
    nb = tool.student_version(nbformat.read(twin, as_version=4), docname, Path(app.srcdir))
    nbformat.write(nb, target)


def setup(app):
    app.add_config_value("tcibook_student_notebooks", False, "html")
    app.connect("html-page-context", _offer, priority=400)
    app.connect("build-finished", _copy)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
