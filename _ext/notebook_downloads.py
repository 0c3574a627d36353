"""Offer each chapter as an executed Jupyter notebook from its download menu.

Chapters are MyST Markdown; their executed twins (with outputs) live in
``notebooks/``, and those of the problem sets in ``exercises/`` (the
solution notebooks); ``tools/notebooks.py`` decides which is where. For every
page with a twin this extension sets the theme's ``ipynb_source`` so the
download menu shows an ``.ipynb`` entry, and copies the twin next to the
page's other sources in ``_sources/``.
"""

from __future__ import annotations

import importlib.util
import shutil
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
            shutil.copyfile(twin, target)


def setup(app):
    app.connect("html-page-context", _offer, priority=400)
    app.connect("build-finished", _copy)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
