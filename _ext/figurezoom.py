"""Let a reader open every figure full-size with one tap.

On a phone a figure drawn for a page about 700 px wide is shown at half its
size, and its labels shrink below legibility. In the HTML build, each image
of a figure becomes a link to its own file (the SVG, whose text stays text),
which the browser shows at full size and lets the reader zoom. This is what
Sphinx already does for images with a ``:scale:`` option
(``html_scaled_image_link``), extended to the figures the notebooks draw.
The PDF build is unaffected.
"""

from __future__ import annotations

import posixpath

from docutils import nodes
from sphinx.util.osutil import relative_uri

ZOOM_CLASS = "figure-zoom"


def link_figures_to_their_files(app, doctree, docname):
    """Wrap each figure's image, not already a link, in a link to its file."""
    if app.builder.format != "html":
        return
    images_dir = relative_uri(app.builder.get_target_uri(docname), "_images")
    for figure in doctree.findall(nodes.figure):
        for image in figure.findall(nodes.image):
            if isinstance(image.parent, nodes.reference):
                continue
            uri = image["uri"]
            if uri not in app.env.images:          # a remote or data URI
                continue
            target = posixpath.join(images_dir, app.env.images[uri][1])
            link = nodes.reference("", "", internal=True, refuri=target,
                                   classes=[ZOOM_CLASS])
            link["reftitle"] = "Open the figure full-size"
            image.replace_self(link)
            link.append(image)


def setup(app):
    app.connect("doctree-resolved", link_figures_to_their_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
