"""The EPUB edition: Sphinx's EPUB 3 builder, made to pass ``epubcheck``.

``jupyter-book build . --builder custom --custom-builder epub`` (``make
epub``) uses :class:`BookEpubBuilder`, registered under Sphinx's own name
``epub``. It differs from Sphinx's builder in what it packages:

* the book's title, authors, edition and file name (``tcibook.epub``) come
  from ``_config.yml`` and ``CITATION.cff``;
* the model explorers (forms and scripts) are left out, as in the PDF: the
  static figure each one follows stays; figures are not wrapped in links to
  their image files (which an e-book may not link to), and pages carry no
  script;
* math stays the SVG that ``_ext/mathsvg.py`` renders, made valid XHTML
  (elements in the SVG and MathML namespaces instead of MathJax's custom
  elements, ``xlink:href`` for the shared glyphs), with its hidden MathML for
  screen readers;
* the matplotlib figures lose their document type declaration, whose
  external DTD and entity declarations EPUB 3 forbids (the figure itself is
  unchanged);
* its table of contents lists every chapter (the book's toctrees are
  hidden, which Sphinx's default scope leaves out);
* the manifest declares which pages hold SVG and MathML, as EPUB 3 requires;
* the archive is written last, after every extension has written its files
  (stylesheets such as MathJax's), instead of before them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.builders.epub3 import Epub3Builder
from sphinx.util import logging

logger = logging.getLogger(__name__)

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
#: The e-book's own style: the hidden MathML and the display formulas laid
#: out as on the site; no icon from the site's icon font, which the e-book
#: does not carry (sphinx-exercise puts one after each exercise's title).
EBOOK_CSS = (
    ".mjx-assistive-mml{position:absolute;top:0;left:0;clip:rect(1px,1px,1px,1px);"
    "padding:1px 0 0 0;border:0;display:block;width:auto;overflow:hidden}"
    ".mjx-container{position:relative}"
    ".mjx-display{display:block;text-align:center;margin:1em 0}"
    ".math-scroll{overflow-x:auto}"
    ".eqno{float:right}"
    "div.exercise p.admonition-title::after{content:none}"
)
EBOOK_CSS_NAME = "ebook.css"


class BookEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder; packaging waits for ``build-finished``."""

    name = "epub"

    def handle_finish(self) -> None:
        """Package later: see :func:`_package`."""


def _fix_svg_figure(text: str) -> str:
    """A matplotlib SVG without its DOCTYPE (and the entity declarations in it)."""
    return re.sub(r"<!DOCTYPE[^\[>]*(\[.*?\])?\s*>\s*", "", text, count=1, flags=re.S)


def _math_to_xhtml(text: str) -> str:
    """MathJax's HTML output as XHTML an EPUB reader and epubcheck accept."""
    def container(match):
        attrs = match.group(1)
        display = ' mjx-display' if 'display="true"' in attrs else ""
        style = re.search(r'style="([^"]*)"', attrs)
        style = f' style="{style.group(1)}"' if style else ""
        return f'<span class="mjx-container MathJax{display}"{style}>'

    text = re.sub(r"<mjx-container([^>]*)>", container, text)
    text = text.replace("</mjx-container>", "</span>")
    text = re.sub(r"<mjx-assistive-mml[^>]*>", '<span class="mjx-assistive-mml">', text)
    text = text.replace("</mjx-assistive-mml>", "</span>")
    text = re.sub(r"<svg(?![^>]*\bxmlns=)", f'<svg xmlns="{SVG_NS}"', text)
    text = re.sub(r"<svg xmlns=\"http://www.w3.org/2000/svg\"(?![^>]*xmlns:xlink)",
                  f'<svg xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}"', text)
    return re.sub(r"<use href=", "<use xlink:href=", text)


def _without_scripts(text: str) -> str:
    return re.sub(r"<script\b[^>]*>.*?</script>\s*", "", text, flags=re.S)


def _with_ebook_css(text: str, page: Path, outdir: Path) -> str:
    depth = len(page.relative_to(outdir).parts) - 1
    href = "../" * depth + f"_static/{EBOOK_CSS_NAME}"
    link = f'<link rel="stylesheet" type="text/css" href="{href}" />\n'
    if link in text:                   # a page not written again by this build
        return text
    return text.replace("</head>", link + "</head>", 1)


def _phrasing_summaries(text: str) -> str:
    """A ``<summary>`` may hold phrasing content only: its paragraph becomes a span."""
    def fix(match):
        return re.sub(r"<(/?)p\b", r"<\1span", match.group(0))
    return re.sub(r"<summary\b.*?</summary>", fix, text, flags=re.S)


def _unique_ids(text: str) -> str:
    """Drop the repeats of an id (sphinx-exercise gives every exercise's body
    the same one); the first stays, so links to it still work."""
    seen = set()

    def fix(match):
        ident = match.group(2)
        if ident in seen:
            return match.group(1)
        seen.add(ident)
        return match.group(0)
    return re.sub(r'(\s)id="([^"]*)"', fix, text)


def _without_stylesheets(text: str, names) -> str:
    for name in names:
        text = re.sub(rf'<link rel="stylesheet"[^>]*href="[^"]*{re.escape(name)}"[^>]*/>\s*', "", text)
    return text


def fix_page(text: str, page: Path, outdir: Path, dropped_css=()) -> str:
    """One XHTML page made valid for EPUB 3."""
    text = _unique_ids(_phrasing_summaries(_math_to_xhtml(_without_scripts(text))))
    return _with_ebook_css(_without_stylesheets(text, dropped_css), page, outdir)


def _properties(text: str) -> list[str]:
    found = []
    if re.search(r"<math\b", text):
        found.append("mathml")
    if re.search(r"<svg\b", text):
        found.append("svg")
    return found


def _declare_properties(outdir: Path) -> None:
    """Add ``properties="mathml svg"`` to the manifest items that need them."""
    opf = outdir / "content.opf"
    text = opf.read_text(encoding="utf-8")

    def item(match):
        tag, href = match.group(0), match.group(1)
        page = outdir / href
        if "properties=" in tag or not page.suffix == ".xhtml" or not page.is_file():
            return tag
        props = _properties(page.read_text(encoding="utf-8"))
        return tag.replace(" />", f' properties="{" ".join(props)}" />') if props else tag

    opf.write_text(re.sub(r'<item id="[^"]*" href="([^"]*)"[^>]*/>', item, text), encoding="utf-8")


def _package(app, exception):
    """Fix the files written, then write the manifest, the navigation and the archive."""
    builder = app.builder
    if exception or not isinstance(builder, BookEpubBuilder):
        return
    outdir = Path(builder.outdir)
    # the pages' sources and notebooks (the site's download menu) and the
    # site's redirect page are not part of the e-book
    shutil.rmtree(outdir / "_sources", ignore_errors=True)
    (outdir / "index.html").unlink(missing_ok=True)
    for figure in (outdir / "_images").glob("*.svg"):
        figure.write_text(_fix_svg_figure(figure.read_text(encoding="utf-8")), encoding="utf-8")
    # MyST-NB's stylesheet is for the site's notebook cells, in CSS (:is,
    # :has, empty custom properties) that EPUB 3 does not allow; the e-book
    # shows code and its output with Sphinx's own styles.
    dropped = [p.name for p in (outdir / "_static").glob("mystnb.*.css")]
    for name in dropped:
        (outdir / "_static" / name).unlink()
    mathjax_css = outdir / "_static" / "mathjax-svg.css"
    if mathjax_css.is_file():          # EPUB style sheets may not set "direction"
        mathjax_css.write_text(re.sub(r"direction:\s*[a-z]+;?", "",
                                      mathjax_css.read_text(encoding="utf-8")), encoding="utf-8")
    for page in outdir.rglob("*.xhtml"):
        page.write_text(fix_page(page.read_text(encoding="utf-8"), page, outdir, dropped),
                        encoding="utf-8")
    (outdir / "_static" / EBOOK_CSS_NAME).write_text(EBOOK_CSS + "\n", encoding="utf-8")
    builder.get_toc()
    builder.build_mimetype()
    builder.build_container()
    builder.build_content()
    _declare_properties(outdir)
    builder.build_navigation_doc()
    builder.build_toc()
    builder.build_epub()
    epub = outdir / f"{app.config.epub_basename}.epub"
    logger.info("ebook: %s, %d KB", epub.name, epub.stat().st_size // 1024)


def _static_only(app, doctree, docname):
    """Leave out what an e-book cannot run or link to: the explorers and the
    figures' links to their own image files (``_ext/figurezoom.py``)."""
    if not isinstance(app.builder, BookEpubBuilder):
        return
    for node in list(doctree.findall(nodes.Element)):
        if type(node).__name__ == "explorer":
            node.parent.remove(node)
    for link in list(doctree.findall(nodes.reference)):
        if "figure-zoom" in link.get("classes", []):
            link.replace_self(link.children)


def _metadata(app, config):
    """Title, authors and edition of the e-book from ``CITATION.cff`` (a book
    without one keeps Sphinx's defaults)."""
    import yaml

    path = Path(app.confdir) / "CITATION.cff"
    config.epub_basename = "tcibook"
    config.epub_show_urls = "no"
    # The book's toctrees are hidden (the site draws its own navigation): the
    # e-book's table of contents takes them in.
    config.epub_tocscope = "includehidden"
    if not path.is_file():
        return
    citation = yaml.safe_load(path.read_text(encoding="utf-8"))
    config.epub_title = citation["title"]
    config.epub_author = ", ".join(a.get("name", "") for a in citation["authors"])
    config.epub_publisher = config.epub_author
    config.epub_identifier = f"tcibook-{citation['version']}"
    config.epub_uid = config.epub_identifier      # the NCX repeats it as the identifier
    config.epub_scheme = "URN"


def setup(app):
    app.add_builder(BookEpubBuilder, override=True)
    app.connect("config-inited", _metadata)
    app.connect("doctree-resolved", _static_only, priority=900)
    app.connect("build-finished", _package, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
