"""Offer each chapter as an executed Jupyter notebook from its download menu.

Chapters are MyST Markdown; their executed twins (with outputs) live in
``notebooks/`` (see ``tools/notebooks.py``). For every page with a twin this
extension sets the theme's ``ipynb_source`` so the download menu shows an
``.ipynb`` entry, and copies the twin next to the page's other sources in
``_sources/``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

TWINS = "notebooks"


def _twin(app, pagename):
    path = Path(app.srcdir) / TWINS / f"{pagename}.ipynb"
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
