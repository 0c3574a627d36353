"""The 'Sources and revisions' records: classification, revisions, facts and
citing chapters, on a planted miniature book and on the real one."""

import pytest

from conftest import ROOT
from tcibook.facts import FACTS
from tcibook.sources import (UNDATED, Kind, book_root, citing_chapters, kind_of,
                             label_and_guideline_records)

MINI_BIB = r"""
@misc{lupkynis_us_label,
  author   = {{Maker}},
  title    = {Lupkynis (voclosporin) capsules: {US} prescribing information},
  year     = {2025},
  revision = {version 11, effective 8 October 2025},
  sections = {2; 5},
}
@misc{protopic_us_label,
  author = {{Maker}},
  title  = {Protopic 0.1\% ointment: {US} prescribing information},
  year   = {n.d.},
}
@misc{neoral_srlc2012,
  key   = {FDA},
  title = {Neoral: safety labeling changes},
  year  = {2012},
}
@misc{canada_notice,
  kind  = {labelling change},
  key   = {Maker},
  title = {Maker announces updated safety information},
  year  = {2019},
}
@article{kdigo2024lupus,
  author = {Group, K.},
  title  = {{KDIGO} 2024 clinical practice guideline for lupus nephritis},
  year   = {2024},
}
@article{smith2000trial,
  author = {Smith, A.},
  title  = {A trial of something},
  year   = {2000},
}
"""


@pytest.fixture()
def mini_book(tmp_path):
    (tmp_path / "references.bib").write_text(MINI_BIB, encoding="utf-8")
    (tmp_path / "_toc.yml").write_text("format: jb-book\n", encoding="utf-8")
    chapters = tmp_path / "chapters"
    chapters.mkdir()
    (chapters / "alpha.md").write_text(
        "Text {cite:p}`lupkynis_us_label,kdigo2024lupus` and "
        "{cite:t}`smith2000trial`.\n", encoding="utf-8")
    (chapters / "beta.md").write_text(
        "More {cite:p}`lupkynis_us_label` and {cite}`neoral_srlc2012`.\n",
        encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("key", "entry_type", "title", "kind"), [
    ("prograf_us_label", "misc", "Prograf: US prescribing information", Kind.LABEL),
    ("protopic_eu_smpc", "misc", "Protopic: summary of product characteristics",
     Kind.LABEL),
    ("gazyvaro_smpc", "misc", "Gazyvaro : résumé des caractéristiques du produit",
     Kind.LABEL),
    ("elidel_singapore_pi", "misc", "Elidel: dosage", Kind.LABEL),
    ("prograf_srlc2013", "misc", "Prograf: safety labeling changes", Kind.LABEL_CHANGE),
    ("rapamune_fda2009", "misc", "Rapamune: safety labeling changes", Kind.LABEL_CHANGE),
    ("sidbury2023guidelines", "article", "Guidelines of care for atopic dermatitis",
     Kind.GUIDELINE),
    ("reitamo2000safety", "article", "Safety and efficacy of tacrolimus", None),
])
def test_kind_of(key, entry_type, title, kind):
    assert kind_of(key, entry_type, title) == kind


def test_citing_chapters_reads_every_cite_role(mini_book):
    cited = citing_chapters(mini_book / "chapters")
    assert cited["lupkynis_us_label"] == ("alpha", "beta")
    assert cited["kdigo2024lupus"] == ("alpha",)
    assert cited["smith2000trial"] == ("alpha",)
    assert cited["neoral_srlc2012"] == ("beta",)


def test_records_of_the_miniature_book(mini_book):
    records = {r.key: r for r in label_and_guideline_records(mini_book)}
    assert set(records) == {"lupkynis_us_label", "protopic_us_label", "neoral_srlc2012",
                            "canada_notice", "kdigo2024lupus"}
    lup = records["lupkynis_us_label"]
    assert lup.kind == Kind.LABEL
    assert lup.revision == "version 11, effective 8 October 2025"
    assert lup.sections == "2; 5"
    assert lup.chapters == ("alpha", "beta")
    assert lup.n_facts == sum(f.source == "lupkynis_us_label" for f in FACTS.values())
    assert records["protopic_us_label"].revision == UNDATED      # year n.d.
    assert records["protopic_us_label"].title.startswith("Protopic 0.1% ointment")
    assert records["protopic_us_label"].chapters == ()
    assert records["neoral_srlc2012"].revision == "2012"          # from the year
    assert records["canada_notice"].kind == Kind.LABEL_CHANGE     # kind field
    assert records["kdigo2024lupus"].kind == Kind.GUIDELINE
    kinds = [r.kind for r in label_and_guideline_records(mini_book)]
    assert kinds == sorted(kinds, key=[Kind.LABEL, Kind.LABEL_CHANGE,
                                       Kind.GUIDELINE].index)


def test_book_root_is_found_from_below_and_refused_outside(mini_book, tmp_path_factory):
    assert book_root(mini_book / "chapters") == mini_book
    outside = tmp_path_factory.mktemp("elsewhere")
    with pytest.raises(ValueError, match="start must lie inside the book"):
        book_root(outside)


def test_the_real_book_lists_every_cited_label_and_guideline_with_its_chapters():
    records = label_and_guideline_records(ROOT)
    keys = {r.key for r in records}
    for key in ("lupkynis_us_label", "prograf_us_label", "protopic_us_label",
                "elidel_us_label", "astagraf_us_label", "birdwell2015cpic",
                "sidbury2023guidelines", "kdigo2024lupus", "prograf_srlc2013"):
        assert key in keys
    for r in records:
        assert r.chapters, f"{r.key} is listed but no chapter cites it"
        assert r.revision and "n.d." not in r.revision
    lupkynis = next(r for r in records if r.key == "lupkynis_us_label")
    assert "8 October 2025" in lupkynis.revision and "2024" in lupkynis.revision
    assert lupkynis.n_facts >= 20
