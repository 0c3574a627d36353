"""Fail the build when a figure or image has no alt text.

Every image in the book, whether from a ``{figure}`` directive or from a code
cell's output, needs alt text for screen readers. This extension emits a
Sphinx warning, with the source file and line, for each image whose ``alt``
is missing or blank; ``jupyter-book build -W`` turns it into an error.
For a code cell, set it with the cell option ``mystnb: image: alt: ...``.
"""

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)


def _check_images(app, doctree, docname):
    for image in doctree.findall(nodes.image):
        if not str(image.get("alt", "")).strip():
            uri = image.get("uri", "?")
            logger.warning("image without alt text (%s) in %s; add alt text",
                           uri, app.env.doc2path(docname),
                           location=image, type="alttext", subtype="missing")


def setup(app):
    app.connect("doctree-resolved", _check_images)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
