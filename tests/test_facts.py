"""The facts module: values as verified, sources present in references.bib,
and every bibliography record actually cited by the book."""

import re

import pytest

from conftest import ROOT
from tcibook.facts import FACTS, Fact, bib_keys, fact, unsourced_facts, value

BIB = ROOT / "references.bib"

#: Values as printed in shared/facts/verified-references.md (Table 2 and
#: Table 1), typed a second time on purpose: editing a fact must be a
#: deliberate change to both places.
VERIFIED = {
    "tacrolimus_mw_anhydrous": 804.02,        # N1
    "tacrolimus_mw_monohydrate": 822.03,      # N2
    "pimecrolimus_mw": 810.47,                # N3
    "skin_penetration_mw_limit": 500,         # T1 #4
    "tacrolimus_ointment_low_strength": 0.03,  # N15
    "tacrolimus_ointment_high_strength": 0.1,  # N15
    "pimecrolimus_cream_strength": 1,         # N20
    "protopic_tube_sizes": (30, 60, 100),     # N15
    "protopic_us_min_age": 2,                 # N15
    "protopic_us_high_strength_min_age": 16,  # N15
    "elidel_us_min_age": 2,                   # N20
    "elidel_uk_min_age_months": 3,            # N21
    "protopic_us_approval_year": 2000,        # N16
    "elidel_us_approval_year": 2001,          # N20
    "lupkynis_us_approval_year": 2021,        # N13
    "cochrane2015_n_studies": 20,             # N29
    "cochrane2015_n_participants": 5885,      # N29
    "aurora1_crr_voclosporin": 40.8,          # N14
    "aurora1_crr_placebo": 22.5,              # N14
}


def test_every_fact_has_a_verified_value_on_record():
    assert set(FACTS) == set(VERIFIED), "add new facts to VERIFIED as well"
    for key, expected in VERIFIED.items():
        assert value(key) == expected, key


def test_every_fact_cites_a_key_in_references_bib():
    assert unsourced_facts(BIB) == []


def test_a_fact_with_an_unknown_source_is_reported():
    planted = Fact("planted", 1.0, "mg", "no_such_record_2099", "planted")
    (message,) = unsourced_facts(BIB, [planted])
    assert "planted" in message and "no_such_record_2099" in message
    assert "references.bib" in message


def test_facts_are_complete_records():
    for f in FACTS.values():
        assert re.fullmatch(r"[a-z0-9_]+", f.key), f.key
        assert f.description, f.key
        values = f.value if isinstance(f.value, tuple) else (f.value,)
        assert all(isinstance(v, (int, float)) and v > 0 for v in values), f.key


def test_seed_disagreements_are_noted():
    assert "822.05" in fact("tacrolimus_mw_monohydrate").note
    assert "US" in fact("elidel_uk_min_age_months").note


def test_unknown_fact_suggests_close_matches():
    with pytest.raises(KeyError, match="did you mean pimecrolimus_mw"):
        fact("pimecrolimus_mv")


def _cited_keys():
    cited = set()
    for md in (ROOT / "chapters").rglob("*.md"):
        for group in re.findall(r"\{cite(?::\w+)?\}`([^`]+)`", md.read_text()):
            cited.update(k.strip() for k in group.split(","))
    return cited


def test_bibliography_holds_only_records_the_book_cites():
    assert bib_keys(BIB) - _cited_keys() == set()


def test_every_citation_resolves():
    assert _cited_keys() - bib_keys(BIB) == set()
