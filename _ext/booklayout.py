"""The printed book's structure, and an index of the concepts, drugs and models.

Index
    ``_ext/index_terms.yml`` lists the terms of the index and the chapters
    that explain them. At build time each term gets an index entry at the
    section of that chapter whose heading names it, or else at the first
    paragraph that does (the paragraph that defines it), so the chapters carry
    no index markup. A listed term that its chapter no longer names is a build
    warning (an error under ``-W``) naming the chapter and the term.

Exercise numbers
    sphinx-jupyterbook-latex raises ``numfig_secnum_depth`` to 2 for the
    LaTeX builder, so that LaTeX numbers figures and equations per chapter.
    Sphinx also uses that value to number enumerable nodes such as
    sphinx-exercise's exercises, which then became "Exercise 15.1.2" in the
    PDF where the web page says "Exercise 15.2" (every exercise inside a
    section). The figure numbers of the environment are therefore computed
    with the book's own value (``numfig_secnum_depth: 1``), and LaTeX still
    gets 2 once a document is resolved for writing: the environment is
    saved before that with the book's value, so that the next build of any
    format finds its configuration unchanged and reads only what changed.

Back matter
    The last part of the table of contents, when it is not numbered
    ("Reference": glossary and bibliography), is printed without a part page,
    as unnumbered chapters (``\\tcibookbackmatter`` in _latex/tcibook.sty).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)
TERMS_FILE = Path(__file__).with_name("index_terms.yml")


# --- index --------------------------------------------------------------------

def load_terms(path=TERMS_FILE):
    """``{docname: [(entry, phrase), ...]}`` from the terms file.

    Each item of the file is ``{term: ..., at: [doc or {doc: phrase}], see: ...}``;
    ``term`` may be "main; sub" (a sub-entry). The phrase that locates the
    entry defaults to the main term."""
    where: dict[str, list[tuple[str, str]]] = {}
    for item in yaml.safe_load(path.read_text()) or []:
        term = item["term"]
        default = item.get("find", term.split(";")[0].strip())
        for place in item.get("at", []):
            doc, phrase = (next(iter(place.items())) if isinstance(place, dict)
                           else (place, default))
            where.setdefault(f"chapters/{doc}", []).append((term, phrase))
    return where


def _norm(text):
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _pattern(phrase):
    return re.compile(r"(?<!\w)" + re.escape(_norm(phrase)) + r"(?:s|es)?(?!\w)",
                      re.IGNORECASE)


def _skipped(node):
    """Paragraphs that do not explain: admonitions (learning objectives, key
    points, warnings), captions, tables, code output."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, (nodes.Admonition, nodes.caption, nodes.figure,
                               nodes.table, nodes.literal_block)):
            return True
        if isinstance(parent, nodes.container) and "cell_output" in parent["classes"]:
            return True
        parent = parent.parent
    return False


def _links_term(para, phrase):
    phrase = phrase.casefold()
    return any(x.get("reftype") == "term" and x.get("reftarget", "").casefold() == phrase
               for x in para.findall(addnodes.pending_xref))


def _locate(document, phrase):
    """The paragraph at whose start the entry goes: the first paragraph of the
    first section whose heading contains ``phrase``, else the first paragraph
    that links ``phrase`` to the glossary, else the first explaining paragraph
    that contains it. (Inside a paragraph, not between blocks: in LaTeX an
    \\index between a heading and its text would let the page break there.)"""
    pattern = _pattern(phrase)
    paragraphs = [p for p in document.findall(nodes.paragraph) if not _skipped(p)]
    for section in document.findall(nodes.section):
        title = section.next_node(nodes.title)
        if title is not None and title.parent is section and \
                pattern.search(_norm(title.astext())):
            first = next((p for p in paragraphs if _inside(p, section)), None)
            if first is not None:
                return first
    for para in paragraphs:
        if _links_term(para, phrase):
            return para
    for para in paragraphs:
        if pattern.search(_norm(para.astext())):
            return para
    return None


def _inside(node, ancestor):
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


class IndexTerms(SphinxTransform):
    """Insert the curated index entries of this document."""

    default_priority = 840  # before Sphinx collects index entries (850)

    def apply(self, **kwargs):
        self.env.note_dependency(str(TERMS_FILE))
        terms = self.app.env.tcibook_index_terms.get(self.env.docname, [])
        for term, phrase in terms:
            found = _locate(self.document, phrase)
            if found is None:
                logger.warning("index term %r: %r is in no heading or paragraph of "
                               "this chapter (_ext/index_terms.yml)", term, phrase,
                               location=self.env.docname, type="tcibook",
                               subtype="index_term")
                continue
            targetid = f"index-{self.env.new_serialno('index')}"
            target = nodes.target("", "", ids=[targetid])
            index = addnodes.index(entries=[("single", term, targetid, "", None)],
                                   inline=True)
            self.document.note_explicit_target(target)
            # In LaTeX the entry is written from inside a macro argument, as
            # the glossary's own entries are (\sphinxlineitem{...}), so that
            # a term with a hyphen gets the same index key and one line.
            found[0:0] = [nodes.raw("", "\\tcibookindexentry{", format="latex"),
                          index, nodes.raw("", "}", format="latex"), target]


def _read_terms(app):
    app.env.tcibook_index_terms = load_terms()


# --- exercise numbers ----------------------------------------------------------

def _remember_depth(app, config):
    app.tcibook_secnum_depth = config.numfig_secnum_depth


def _book_depth(app, env):
    env.tcibook_latex_depth = app.config.numfig_secnum_depth
    app.config.numfig_secnum_depth = app.tcibook_secnum_depth
    return []


def _latex_depth(app, doctree, docname):
    app.config.numfig_secnum_depth = getattr(app.env, "tcibook_latex_depth",
                                             app.config.numfig_secnum_depth)


# --- back matter ----------------------------------------------------------------

def backmatter_captions(app):
    """Captions of the trailing unnumbered part of the toc (glossary, bibliography)."""
    sitemap = getattr(app.config, "external_site_map", None)
    if sitemap is None or len(sitemap.root.subtrees) < 2:
        return set()
    last = sitemap.root.subtrees[-1]
    return set() if last.numbered else {last.caption}


class BackMatter(SphinxPostTransform):
    """Replace the heading of the back-matter part by ``\\tcibookbackmatter``."""

    default_priority = 800  # after sphinx-jupyterbook-latex builds the parts (700)
    formats = ("latex",)

    def run(self, **kwargs):
        captions = backmatter_captions(self.app)
        for section in list(self.document.findall(nodes.section)):
            if section.get("docname") in captions and section.children and \
                    isinstance(section[0], nodes.title):
                section[0].replace_self(
                    nodes.raw("", "\\tcibookbackmatter\n", format="latex"))


def setup(app):
    app.connect("config-inited", _remember_depth)
    app.connect("builder-inited", _read_terms)
    app.connect("env-get-updated", _book_depth, priority=400)
    app.connect("doctree-resolved", _latex_depth)
    app.add_transform(IndexTerms)
    app.add_post_transform(BackMatter)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
