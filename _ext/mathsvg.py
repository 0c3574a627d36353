"""Render math to SVG at build time with MathJax, so pages load no math code.

Registers the HTML math renderer ``mathsvg``: every ``$...$`` and ``$$...$$``
(with its equation number) is turned into MathJax SVG by node running the
MathJax files in ``_vendor/mathjax`` (see ``_ext/mathjax_render.js``). Each
formula carries hidden MathML for screen readers. A formula MathJax cannot
parse is a build warning naming the file and line. The PDF build is
unaffected (LaTeX typesets the math itself).

Needs ``node`` (Debian package ``nodejs``) at build time only.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
from pathlib import Path

from docutils import nodes
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.math import get_node_equation_number

logger = logging.getLogger(__name__)

SCRIPT = Path(__file__).with_name("mathjax_render.js")
CSS_NAME = "mathjax-svg.css"
#: Keep the hidden MathML readable by screen readers but invisible on screen
#: (MathJax adds this rule itself when it runs in the browser).
ASSISTIVE_CSS = (
    "mjx-assistive-mml{position:absolute!important;top:0;left:0;"
    "clip:rect(1px,1px,1px,1px);padding:1px 0 0 0!important;border:0!important;"
    "display:block!important;width:auto!important;overflow:hidden!important;"
    "user-select:none}mjx-container[display=\"true\"]{display:block;"
    "text-align:center;margin:1em 0}mjx-container{position:relative}"
    # the paint MathJax puts on each formula's top group, which the renderer drops
    "mjx-container>svg>g{stroke:currentColor;fill:currentColor;stroke-width:0}"
)


class _Renderer:
    """A node process kept open for the whole build.

    Glyph outlines are shared by the formulas of one page: ``start_page``
    empties MathJax's glyph cache, and ``page_defs`` returns the glyphs the
    page's formulas refer to, to be written once into that page.
    """

    def __init__(self):
        self.proc = None
        self.css = ""
        self.page = None
        self.cache = {}

    def _start(self):
        node = shutil.which("node") or shutil.which("nodejs")
        if node is None:
            raise RuntimeError("the HTML build renders math with node, which is not "
                               "installed: apt-get install nodejs")
        self.proc = subprocess.Popen([node, str(SCRIPT)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1)
        hello = self._read()
        if "error" in hello:
            raise RuntimeError(hello["error"])
        self.css = hello["css"]

    def _read(self):
        for line in self.proc.stdout:
            line = line.strip()
            if line.startswith("{"):
                return json.loads(line)
        raise RuntimeError("the MathJax renderer stopped unexpectedly")

    def _ask(self, request):
        if self.proc is None:
            self._start()
        self.proc.stdin.write(json.dumps(request) + "\n")
        return self._read()

    def start_page(self, docname):
        self._ask({"reset": True})
        self.page, self.cache = docname, {}

    def page_defs(self):
        return self._ask({"defs": True})["html"]

    def render(self, docname, tex, display):
        if docname != self.page:
            self.start_page(docname)
        key = (tex, display)
        if key not in self.cache:
            self.cache[key] = self._ask({"tex": tex, "display": display})
        return self.cache[key]

    def close(self):
        if self.proc is not None:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
            self.proc = None


_RENDERER = _Renderer()


def _svg(translator, node, tex, display):
    result = _RENDERER.render(translator.builder.current_docname, tex, display)
    if "error" in result:
        logger.warning("MathJax cannot typeset %r: %s", tex, result["error"],
                       location=node, type="mathsvg", subtype="tex")
        return f"<code>{html.escape(tex)}</code>"
    return result["html"]


def visit_inline(self, node):
    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate nohighlight"))
    self.body.append(_svg(self, node, node.astext(), False))
    self.body.append("</span>")
    raise nodes.SkipNode


def visit_block(self, node):
    """A display formula: the SVG in its own horizontal scroller
    (``div.math-scroll``), the equation number after it, outside the scroller,
    so that a formula wider than a phone scrolls while its number stays in
    view (layout in ``_static/book.css``)."""
    self.body.append(self.starttag(node, "div", CLASS="math notranslate nohighlight"))
    if node.get("nowrap"):
        tex = node.astext()
    else:
        parts = [p for p in node.astext().split("\n\n") if p.strip()]
        tex = (parts[0] if len(parts) == 1 else
               "\\begin{aligned}" + "\\\\".join(parts) + "\\end{aligned}")
    self.body.append('<div class="math-scroll" tabindex="0">')
    self.body.append(_svg(self, node, tex, True))
    self.body.append("</div>")
    if node["number"]:
        number = get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({number})')
        self.add_permalink_ref(node, _("Link to this equation"))
        self.body.append("</span>")
    self.body.append("</div>\n")
    raise nodes.SkipNode


def _add_glyphs(app, pagename, templatename, context, doctree):
    """Put the glyphs of this page's formulas once at the top of its body."""
    if _RENDERER.page == pagename and _RENDERER.cache and "body" in context:
        context["body"] = _RENDERER.page_defs() + context["body"]


def _write_css(app, exception):
    """Write MathJax's SVG stylesheet. It is the same for every build, so a
    rebuild that renders no formula (nothing changed) still writes it whole:
    the renderer is started just to ask for it."""
    if exception or app.builder.format != "html":
        _RENDERER.close()
        return
    if _RENDERER.proc is None:
        _RENDERER._start()
    css = _RENDERER.css
    _RENDERER.close()
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / CSS_NAME).write_text(css + "\n" + ASSISTIVE_CSS + "\n", encoding="utf-8")


def setup(app):
    app.add_html_math_renderer("mathsvg", (visit_inline, None), (visit_block, None))
    app.add_css_file(CSS_NAME)
    app.connect("html-page-context", _add_glyphs)
    app.connect("build-finished", _write_css)
    return {"parallel_read_safe": True, "parallel_write_safe": False}
