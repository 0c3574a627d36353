"""The labels and guidelines the book cites, with their revisions.

Built from ``references.bib`` and the chapters themselves, so that the
"Sources and revisions" page is always what the bibliography and the text
say at build time:

* :func:`label_and_guideline_records` picks the records that are product
  labels (US prescribing information, EU or UK summaries of product
  characteristics, other national product information), the FDA's records of
  labelling changes, and clinical practice guidelines;
* each :class:`SourceRecord` carries the revision or effective date the
  record gives (its ``revision`` field, else its year), the sections used
  (its ``sections`` field), how many facts of :mod:`tcibook.facts` come from
  it, and the chapters that cite it (:func:`citing_chapters`).

The bibliography is read with pybtex, which the book's build requirements
install (through sphinxcontrib-bibtex); it is imported only when needed, so
the rest of the package works without it.

A record's own ``kind`` field (``label``, ``labelling change`` or
``guideline``) overrides the classification by key and title, for records
such as a regulator's announcement of a label change.

Explained in ``sources-and-revisions``; practised in no problem set
(chapters/).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from .facts import FACTS

__all__ = ["SourceRecord", "Kind", "book_root", "kind_of", "citing_chapters",
           "label_and_guideline_records", "UNDATED"]

#: What the page prints for a record that gives no revision or date.
UNDATED = "no revision date given"

_CITE = re.compile(r"\{cite(?::\w+)?\}`([^`]+)`")
_LABEL_KEY = re.compile(r"_(label|smpc|pi)$|_srlc\d{4}$|srlc\d{4}$")
_LABEL_TITLE = re.compile(r"prescribing information|summary of product characteristics|"
                          r"caract[eé]ristiques du produit|product information|"
                          r"safety[- ]label(l)?ing change", re.I)
_GUIDELINE = re.compile(r"guideline", re.I)


class Kind:
    """The three kinds of record the page lists (plain strings)."""

    LABEL = "label"
    LABEL_CHANGE = "labelling change"
    GUIDELINE = "guideline"


@dataclass(frozen=True)
class SourceRecord:
    """One label, labelling change or guideline.

    Attributes
    ----------
    key : str
        ``references.bib`` key.
    kind : str
        One of the :class:`Kind` values.
    title : str
        The record's title without BibTeX braces.
    revision : str
        Revision or effective date as the record gives it, or :data:`UNDATED`.
    sections : str
        The sections of the source the book uses, ``""`` when not recorded.
    n_facts : int
        Facts in :mod:`tcibook.facts` that name this record as their source.
    chapters : tuple of str
        Stems of the chapter files that cite the record, sorted.
    """

    key: str
    kind: str
    title: str
    revision: str
    sections: str
    n_facts: int
    chapters: tuple


def book_root(start=None) -> Path:
    """The book's root folder: the nearest folder at or above ``start`` (the
    working directory by default) holding ``references.bib`` and ``_toc.yml``.

    Raises
    ------
    ValueError
        If no such folder exists above ``start``.
    """
    here = Path.cwd() if start is None else Path(start)
    for folder in (here, *here.resolve().parents):
        if (folder / "references.bib").is_file() and (folder / "_toc.yml").is_file():
            return folder
    raise ValueError(f"start must lie inside the book (a folder with references.bib "
                     f"and _toc.yml above it); got {str(here)!r}")


def _plain(text: str) -> str:
    """BibTeX text as plain Unicode: accents and dashes decoded, braces gone.

    >>> _plain(r"r{\\'e}sum{\\'e} of 0.1\\% {US} labels---current")
    'résumé of 0.1% US labels—current'
    """
    import latexcodec  # noqa: F401  (registers "ulatex"; comes with pybtex)

    text = codecs.decode(text, "ulatex")
    return re.sub(r"\s+", " ", text.replace("{", "").replace("}", "")).strip()


def kind_of(key: str, entry_type: str, title: str) -> str | None:
    """The :class:`Kind` of a record, or ``None`` for any other record.

    >>> kind_of("prograf_us_label", "misc", "Prograf: US prescribing information")
    'label'
    >>> kind_of("neoral_srlc2012", "misc", "Neoral: safety labeling changes")
    'labelling change'
    >>> kind_of("kdigo2024lupus", "misc", "KDIGO 2024 clinical practice guideline")
    'guideline'
    >>> kind_of("reitamo2000safety", "article", "Safety and efficacy of tacrolimus") is None
    True
    """
    if "srlc" in key or re.search(r"safety[- ]label(l)?ing change", title, re.I):
        return Kind.LABEL_CHANGE
    if _LABEL_KEY.search(key) or _LABEL_TITLE.search(title):
        return Kind.LABEL
    if _GUIDELINE.search(title):
        return Kind.GUIDELINE
    return None


def citing_chapters(chapters_dir) -> dict:
    """Map each cited key to the sorted stems of the chapter files citing it."""
    found: dict[str, set] = {}
    for md in sorted(Path(chapters_dir).glob("*.md")):
        for group in _CITE.findall(md.read_text(encoding="utf-8")):
            for key in (k.strip() for k in group.split(",")):
                found.setdefault(key, set()).add(md.stem)
    return {k: tuple(sorted(v)) for k, v in found.items()}


def label_and_guideline_records(root=None) -> tuple:
    """Every label, labelling change and guideline in the bibliography.

    Parameters
    ----------
    root : str or Path, optional
        The book's root folder; found with :func:`book_root` by default.

    Returns
    -------
    tuple of SourceRecord
        Labels first, then labelling changes, then guidelines; by key within
        each kind.
    """
    from pybtex.database import parse_file   # a build requirement, not the wheel's

    root = book_root() if root is None else Path(root)
    db = parse_file(str(root / "references.bib"))
    cited = citing_chapters(root / "chapters")
    facts_per_source: dict[str, int] = {}
    for f in FACTS.values():
        facts_per_source[f.source] = facts_per_source.get(f.source, 0) + 1
    order = {Kind.LABEL: 0, Kind.LABEL_CHANGE: 1, Kind.GUIDELINE: 2}
    records = []
    for key, entry in db.entries.items():
        title = _plain(entry.fields.get("title", ""))
        kind = _plain(entry.fields.get("kind", "")) or kind_of(key, entry.type, title)
        if kind is None:
            continue
        year = entry.fields.get("year", "").strip()
        revision = _plain(entry.fields.get("revision", "")) or (
            year if year and year != "n.d." else UNDATED)
        records.append(SourceRecord(key, kind, title, revision,
                                    _plain(entry.fields.get("sections", "")),
                                    facts_per_source.get(key, 0), cited.get(key, ())))
    return tuple(sorted(records, key=lambda r: (order[r.kind], r.key)))
