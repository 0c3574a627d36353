"""Author-year citations that print 'et al.' for a record ending in 'and others'.

Where only the first author of a record could be verified, references.bib
lists that author followed by ``and others``. sphinxcontrib-bibtex's
author-year style would print "Rovin and others, 2021"; this style prints
"Rovin et al., 2021" instead, and is otherwise the stock ``author_year``.
Selected in _config.yml with ``bibtex_reference_style: author_year_etal``.
"""

import dataclasses
from dataclasses import dataclass

from pybtex.richtext import Tag, Text
from pybtex.style.template import (FieldIsMissing, field, first_of, node,
                                   optional, tag)
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import (
    AuthorYearReferenceStyle,
)
from sphinxcontrib.bibtex.style.template import join


@node
def _names(children, data, role, sep, sep2, last_sep, other):
    """Like sphinxcontrib-bibtex's ``names``, treating a trailing 'others' as et al."""
    assert not children
    try:
        persons = data["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, data["entry"]) from None
    style = data["style"]
    known = [p for p in persons if str(p) != "others"]
    formatted = [style.person.style_plugin.format(p, style.person.abbreviate)
                 for p in known]
    if len(known) < len(persons):
        first = join[formatted[0]].format_data(data)
        return Text(first, other if other is not None else Text(" ", Tag("em", "et al.")))
    return join(sep=sep, sep2=sep2, last_sep=last_sep, other=other)[
        formatted].format_data(data)


@node
def _author_or_editor_or_title(children, data, **kwargs):
    assert not children
    return first_of[
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
        return _author_or_editor_or_title(**self._separators(full))


@dataclass
class AuthorYearEtAlReferenceStyle(AuthorYearReferenceStyle):
    """The stock author-year style with the 'others' handling above."""

    person: PersonStyle = dataclasses.field(default_factory=_PersonStyle)


def setup(app):
    register_plugin("sphinxcontrib.bibtex.style.referencing",
                    "author_year_etal", AuthorYearEtAlReferenceStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
