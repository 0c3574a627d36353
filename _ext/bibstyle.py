"""Author-year citations and an author-year bibliography sorted by author.

Three pybtex / sphinxcontrib-bibtex plugins, selected in ``_config.yml``:

``author_year_etal`` (referencing style, ``bibtex_reference_style``)
    The stock author-year style, except that a record whose author list ends
    in ``and others`` (only the first author could be verified) is cited as
    "Rovin et al., 2021" rather than "Rovin and others, 2021", and that a
    record with a BibTeX ``key`` field is cited by that short label ("KDIGO",
    "Astagraf XL US label", "Neoral US label"). Every record without verified
    authors has one, so none is cited by its whole title.

``author_year_label`` (sorting style)
    Orders records by the name they are cited by (the ``key`` label, or the
    authors' last names), then year, then title, ignoring case, accents and
    TeX braces.

``authoryear`` (formatting style, ``bibtex_default_style``)
    Entries that open with what the text cites: "Breneman, D. et al. (2008).
    Intermittent therapy ...", or, for a record with a ``key`` label,
    "KDIGO (2024). KDIGO 2024 clinical practice guideline ...". A DOI is
    printed once, as its https://doi.org/ address, which is also the link;
    because the link text is the address, the PDF does not repeat it as a
    footnote (``latex_show_urls: footnote`` adds one only when they differ).

The bibliography page's entries become a plain list without numeric labels
(:class:`_BibliographyAsList`); for LaTeX, :class:`_LatexBibliography` turns
that list into hanging-indented paragraphs, each with the anchors citations
link to, so that every in-text citation of the PDF links to its entry and the
bibliography stays where the table of contents puts it (Sphinx would
otherwise move citation lists into a second "Bibliography" at the end).
"""

import dataclasses
import unicodedata
from dataclasses import dataclass

from docutils import nodes
from pybtex.plugin import register_plugin as register_pybtex_plugin
from pybtex.richtext import Tag, Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.formatting.unsrt import pages
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import (FieldIsMissing, field, first_of, href, join,
                                   node, optional, optional_field, sentence, tag,
                                   words)
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import (
    AuthorYearReferenceStyle,
)
from sphinxcontrib.bibtex.style.template import join as etal_join

#: Class of the bibliography's list (HTML styling, LaTeX transform, tests).
LIST_CLASS = "bibliography-entries"


def _plain(latex):
    """Plain text of a BibTeX string: TeX accents decoded, braces dropped."""
    return Text.from_latex(latex).render_as("text") if latex else ""


def sort_text(text):
    """Case-, accent- and brace-insensitive form of ``text`` for sorting."""
    text = unicodedata.normalize("NFKD", _plain(text) if "{" in text or "\\" in text
                                 else text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _known(persons):
    return [p for p in persons if str(p) != "others"]


def citation_name(entry):
    """The name a record is cited and sorted by, as plain text: its ``key``
    field, or else the last names of its authors (or editors); '' when it has
    neither."""
    if entry.fields.get("key"):
        return _plain(entry.fields["key"])
    for role in ("author", "editor"):
        persons = _known(entry.persons.get(role, []))
        if persons:
            return ", ".join(_plain(" ".join(p.prelast_names + p.last_names))
                             for p in persons)
    return ""


def _persons(data, role):
    """The persons of ``role`` ("author", "editor") of the entry being formatted."""
    try:
        return data["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, data["entry"]) from None


# --- in-text citations ------------------------------------------------------

@node
def _names(children, data, role, sep, sep2, last_sep, other):
    """Like sphinxcontrib-bibtex's ``names``, treating a trailing 'others' as et al."""
    assert not children
    persons = _persons(data, role)
    style = data["style"]
    known = _known(persons)
    formatted = [style.person.style_plugin.format(p, style.person.abbreviate)
                 for p in known]
    if len(known) < len(persons):
        first = etal_join[formatted[0]].format_data(data)
        return Text(first, other if other is not None else Text(" ", Tag("em", "et al.")))
    return etal_join(sep=sep, sep2=sep2, last_sep=last_sep, other=other)[
        formatted].format_data(data)


@node
def _author_or_editor_or_key(children, data, **kwargs):
    assert not children
    return first_of[
        optional[field("key")],
        optional[_names("author", **kwargs)],
        optional[_names("editor", **kwargs)],
        tag("em")[field("title")],
    ].format_data(data)


@dataclass
class _PersonStyle(PersonStyle):
    def _separators(self, full):
        return dict(sep=self.sep, sep2=self.sep2, last_sep=self.last_sep,
                    other=None if full else self.other)

    def names(self, role, full):
        return _names(role=role, **self._separators(full))

    def author_or_editor_or_title(self, full):
        return _author_or_editor_or_key(**self._separators(full))


@dataclass
class AuthorYearEtAlReferenceStyle(AuthorYearReferenceStyle):
    """The stock author-year style with 'others' as et al. and ``key`` labels."""

    person: PersonStyle = dataclasses.field(default_factory=_PersonStyle)


# --- sorting ----------------------------------------------------------------

class AuthorYearLabelSortingStyle(BaseSortingStyle):
    """Sort by the cited name (``key`` or authors), then year, then title."""

    def sorting_key(self, entry):
        return (sort_text(citation_name(entry) or entry.fields.get("title", "")),
                entry.fields.get("year", ""),
                sort_text(entry.fields.get("title", "")))


# --- bibliography entries ---------------------------------------------------

@node
def _bib_names(children, data, role):
    """Every author, 'Last, F.', joined with commas and a final 'and'; a
    trailing 'others' becomes 'et al.'."""
    assert not children
    persons = _persons(data, role)
    style = data["style"]
    known = _known(persons)
    formatted = [style.format_name(p, style.abbreviate_names) for p in known]
    if len(known) < len(persons):
        return Text(join(sep=", ")[formatted].format_data(data), " ",
                    Tag("em", "et al."))
    return join(sep=", ", sep2=" and ", last_sep=", and ")[formatted].format_data(data)


class AuthorYearStyle(UnsrtStyle):
    """Entries that open with the cited name and the year in parentheses."""

    default_name_style = "lastfirst"
    default_sorting_style = "author_year_label"

    def format_head(self, e):
        """'Authors (year).' or, for a record with a ``key`` label, 'Key
        (year). Authors.' (the authors, if any, after the label)."""
        when = optional[join["(", field("year"), ")"]]
        if e.fields.get("key"):
            return join(sep=" ")[
                sentence(sep=" ")[field("key"), when],
                optional[sentence[first_of[optional[_bib_names("author")],
                                           optional[_bib_names("editor")]]]],
            ]
        who = first_of[optional[_bib_names("author")], _bib_names("editor")]
        return sentence(sep=" ")[who, when]

    def get_article_template(self, e):
        volume_and_pages = first_of[
            optional[join[field("volume"), optional["(", field("number"), ")"],
                          ":", pages]],
            words["pages", pages],
        ]
        return toplevel[
            self.format_head(e),
            self.format_title(e, "title"),
            sentence[tag("em")[field("journal")], optional[volume_and_pages]],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_misc_template(self, e):
        return toplevel[
            self.format_head(e),
            optional[self.format_title(e, "title")],
            sentence[optional[field("howpublished")]],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def format_url(self, e):
        url = field("url", raw=True)
        return href(url)[url]

    def format_doi(self, e):
        url = join["https://doi.org/", field("doi", raw=True)]
        return href(url)[url]


# --- LaTeX: the bullet list as hanging-indented paragraphs --------------------

class _LatexBibliography(SphinxPostTransform):
    """For LaTeX, replace the bibliography's bullet list by paragraphs between
    ``\\begin{bookbibliography}`` and ``\\end{bookbibliography}`` (defined in
    _latex/tcibook.sty), giving each entry the hyperlink targets that in-text
    citations and cross-references point to."""

    default_priority = 20  # after sphinxcontrib-bibtex fills the list (5)
    formats = ("latex",)

    def run(self, **kwargs):
        docnames = {c.citation_id: c.bibliography_key.docname
                    for c in self.env.get_domain("cite").citations}
        for bullets in list(self.document.findall(nodes.bullet_list)):
            if LIST_CLASS not in bullets["classes"]:
                continue
            new = [nodes.raw("", "\\begin{bookbibliography}\n", format="latex")]
            for item in bullets.children:
                paragraphs = [c for c in item.children if isinstance(c, nodes.paragraph)]
                for ident in item["ids"]:
                    # sphinxcontrib-bibtex links a LaTeX citation to the anchor
                    # \bibitem would make, "cite.<docname>:<id>".
                    anchor = f"cite.{docnames.get(ident, '')}:{ident}"
                    paragraphs[0].insert(0, nodes.raw(
                        "", f"\\hypertarget{{{anchor}}}{{}}", format="latex"))
                    paragraphs[0].insert(0, nodes.target("", "", refid=ident))
                new.extend(item.children)
            new.append(nodes.raw("", "\\end{bookbibliography}\n", format="latex"))
            bullets.replace_self(new)


class _BibliographyAsList(SphinxPostTransform):
    """Print the bibliography as a plain list of entries, without labels.

    sphinxcontrib-bibtex links citations only to a ``citation`` list, whose
    entries carry a label ("[12]") and which the LaTeX builder moves into a
    second "Bibliography" at the end of the document. Right after it has
    filled the list (and before citations are resolved to the entries' ids),
    the citations become items of a bullet list with the same ids."""

    default_priority = 6  # after sphinxcontrib-bibtex's transform (5)

    def run(self, **kwargs):
        ids = {c.citation_id for c in self.env.get_domain("cite").citations}
        for box in list(self.document.findall(nodes.container)):
            entries = [c for c in box.children if isinstance(c, nodes.citation)]
            if not entries or not all(set(c["ids"]) & ids for c in entries):
                continue
            bullets = nodes.bullet_list(classes=[LIST_CLASS])
            for citation in box.children:
                item = nodes.list_item(ids=list(citation["ids"]))
                item.extend(c.deepcopy() for c in citation.children
                            if not isinstance(c, nodes.label))
                bullets.append(item)
            box.replace_self(bullets)


# Registered on import, so that the styles also work outside a Sphinx build.
register_pybtex_plugin("pybtex.style.sorting", "author_year_label",
                       AuthorYearLabelSortingStyle)
register_pybtex_plugin("pybtex.style.formatting", "authoryear", AuthorYearStyle)


def setup(app):
    register_plugin("sphinxcontrib.bibtex.style.referencing",
                    "author_year_etal", AuthorYearEtAlReferenceStyle)
    app.add_post_transform(_BibliographyAsList)
    app.add_post_transform(_LatexBibliography)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
