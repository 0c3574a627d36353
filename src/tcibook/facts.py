"""Every clinical and physicochemical constant the book prints.

Each :class:`Fact` carries its value, its unit, the key of its source in
``references.bib`` and, where a seed document or common belief disagrees with
the verified value, a note that says so. Chapters read numbers from here and
put them into prose with myst-nb ``glue`` (see :mod:`tcibook.gluing`); they
never retype them.

To add a fact: add one entry to ``FACTS`` below, add its source record to
``references.bib`` if it is new, and cite that record where the fact is
printed. ``tests/test_facts.py`` fails when a fact names a key that is missing
from the bibliography.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Union

__all__ = ["Fact", "FACTS", "fact", "value", "bib_keys", "unsourced_facts"]

Number = Union[int, float]


@dataclass(frozen=True)
class Fact:
    """One sourced constant.

    Attributes
    ----------
    key : str
        Identifier used by chapters and in glue names (``snake_case``).
    value : int, float or tuple of them
        The number as printed in the source.
    unit : str
        Unit of ``value``; ``""`` for a dimensionless count or ratio.
    source : str
        Key of the source record in ``references.bib``.
    description : str
        What the number is, in one line.
    note : str
        Where seeds or common citations disagree, what they say and why the
        book does not follow them. Empty otherwise.
    """

    key: str
    value: Union[Number, tuple]
    unit: str
    source: str
    description: str
    note: str = ""


_FACT_LIST = [
    # --- Molecules -------------------------------------------------------
    Fact("tacrolimus_mw_anhydrous", 804.02, "g/mol", "hmdb_tacrolimus",
         "Molar mass of anhydrous tacrolimus, C44H69NO12",
         "HMDB lists the average mass as 804.0182; the Merck Index prints 804.02."),
    Fact("tacrolimus_mw_monohydrate", 822.03, "g/mol", "protopic_us_label",
         "Formula weight of tacrolimus monohydrate, C44H69NO12·H2O, the form in "
         "Protopic and Prograf",
         "A seed gives 822.05 Da; the label and the Merck Index give 822.03."),
    Fact("pimecrolimus_mw", 810.47, "g/mol", "elidel_us_label",
         "Molar mass of pimecrolimus, C43H68ClNO11"),
    Fact("skin_penetration_mw_limit", 500, "Da", "bos2000rule",
         "Molecular weight above which penetration of intact skin falls off "
         "sharply (the '500 Dalton rule')"),
    # --- Products --------------------------------------------------------
    Fact("tacrolimus_ointment_low_strength", 0.03, "%", "protopic_us_label",
         "Lower strength of tacrolimus ointment (Protopic)"),
    Fact("tacrolimus_ointment_high_strength", 0.1, "%", "protopic_us_label",
         "Higher strength of tacrolimus ointment (Protopic)"),
    Fact("pimecrolimus_cream_strength", 1, "%", "elidel_us_label",
         "Strength of pimecrolimus cream (Elidel), 10 mg/g"),
    Fact("protopic_tube_sizes", (30, 60, 100), "g", "protopic_us_label",
         "Tube sizes of Protopic ointment in the US label"),
    Fact("protopic_us_min_age", 2, "years", "protopic_us_label",
         "Youngest age for which US Protopic is indicated"),
    Fact("protopic_us_high_strength_min_age", 16, "years", "protopic_us_label",
         "Youngest age for which the 0.1 % strength is indicated in the US; "
         "ages 2 to 15 use 0.03 % only"),
    Fact("elidel_us_min_age", 2, "years", "elidel_us_label",
         "Youngest age for which US Elidel is indicated"),
    Fact("elidel_uk_min_age_months", 3, "months", "elidel_uk_smpc",
         "Youngest age for Elidel in the UK SmPC (updated 2 March 2022); "
         "Health Canada extended the indication to the same age in October 2019",
         "A seed says pimecrolimus is approved from 3 months without naming a "
         "region; that is true in Canada and the UK, not in the US (2 years)."),
    Fact("protopic_us_approval_year", 2000, "", "protopic_us_label",
         "Year of first US approval of Protopic (December 2000)"),
    Fact("elidel_us_approval_year", 2001, "", "elidel_us_label",
         "Year of first US approval of Elidel"),
    Fact("lupkynis_us_approval_year", 2021, "", "lupkynis_us_label",
         "Year of first US approval of voclosporin (Lupkynis), 22 January 2021"),
    # --- Evidence --------------------------------------------------------
    Fact("cochrane2015_n_studies", 20, "", "curymartins2015cochrane",
         "Randomised trials in the 2015 Cochrane review of topical tacrolimus"),
    Fact("cochrane2015_n_participants", 5885, "", "curymartins2015cochrane",
         "Participants in the 2015 Cochrane review of topical tacrolimus"),
    Fact("aurora1_crr_voclosporin", 40.8, "%", "rovin2021aurora",
         "Complete renal response at week 52 in AURORA 1 with voclosporin "
         "added to mycophenolate and low-dose steroids"),
    Fact("aurora1_crr_placebo", 22.5, "%", "rovin2021aurora",
         "Complete renal response at week 52 in AURORA 1 with placebo "
         "added to mycophenolate and low-dose steroids"),
    # --- Add new facts above this line, in a block headed by the chapter
    # --- that first prints them.
]

FACTS: dict[str, Fact] = {f.key: f for f in _FACT_LIST}
if len(FACTS) != len(_FACT_LIST):  # pragma: no cover - guards against a typo
    raise RuntimeError("duplicate key in tcibook.facts")


def fact(key: str) -> Fact:
    """Return the :class:`Fact` stored under ``key``.

    Raises
    ------
    KeyError
        If there is no such fact; the message lists close matches.
    """
    try:
        return FACTS[key]
    except KeyError:
        import difflib

        close = difflib.get_close_matches(key, FACTS, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise KeyError(f"no fact named {key!r}{hint}") from None


def value(key: str):
    """Return the value of the fact stored under ``key``."""
    return fact(key).value


_BIB_ENTRY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


def bib_keys(bib_path) -> set[str]:
    """Return the citation keys defined in a BibTeX file."""
    return set(_BIB_ENTRY.findall(Path(bib_path).read_text(encoding="utf-8")))


def unsourced_facts(bib_path, facts=None) -> list[str]:
    """Describe each fact whose source key is not defined in ``bib_path``.

    Parameters
    ----------
    bib_path : str or Path
        The book's ``references.bib``.
    facts : iterable of Fact, optional
        Facts to check; all of ``FACTS`` by default.

    Returns
    -------
    list of str
        One message per offending fact, naming the fact and the missing key;
        empty when every source is in the bibliography.
    """
    keys = bib_keys(bib_path)
    facts = FACTS.values() if facts is None else facts
    return [f"fact {f.key!r} cites {f.source!r}, which is not in {Path(bib_path).name}"
            for f in facts if f.source not in keys]
