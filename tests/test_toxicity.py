"""The toxicity records: complete, sourced, honest about mechanisms."""

import pytest

from conftest import ROOT
from tcibook.facts import bib_keys
from tcibook.toxicity import (LABEL_COVERAGE, LABELLED, Category, MechanismStatus, Product,
                              categories, class_effects, label_statements)

BIB = bib_keys(ROOT / "references.bib")


def test_lupkynis_list_is_the_labels_ten_subsections_and_boxed_warning():
    statements = label_statements("lupkynis")
    sections = [s.section for s in statements]
    assert sections.count("boxed warning") == 1
    assert sections.count("warnings and precautions") == 10
    headings = " ".join(s.heading for s in statements)
    for word in ("Nephrotoxicity", "Hypertension", "PRES", "Hyperkalaemia", "QT",
                 "Hypersensitivity", "Immunizations", "Pure red cell aplasia"):
        assert word in headings


def test_every_product_has_statements_and_a_coverage_note():
    for product in LABELLED:
        assert label_statements(product)
        assert LABEL_COVERAGE[product]


def test_statements_cite_records_in_the_bibliography():
    for product in LABELLED:
        for s in label_statements(product):
            assert s.source in BIB, s
            assert isinstance(s.category, Category)


def test_class_effects_cite_records_and_state_their_mechanism():
    effects = class_effects()
    assert len(effects) >= 12
    for e in effects:
        assert e.sources and all(k in BIB for k in e.sources), e.name
        assert isinstance(e.status, MechanismStatus)
        if e.status is MechanismStatus.NOT_GIVEN:
            assert e.mechanism == "not given", e.name
        else:
            assert len(e.mechanism) > 20, e.name


def test_no_mechanism_is_overstated():
    by_name = {e.name: e for e in class_effects()}
    assert by_name["Chronic nephrotoxicity"].status is MechanismStatus.PROPOSED
    assert by_name["New-onset diabetes after transplantation"].status \
        is MechanismStatus.PROPOSED
    assert by_name["Hypertension"].status is MechanismStatus.PROPOSED


def test_the_requested_laboratory_and_clinical_effects_are_all_present():
    names = " ".join(e.name for e in class_effects()).lower()
    for word in ("nephrotoxicity", "hyperkalaemia", "hypomagnesaemia",
                 "hyperuricaemia", "dyslipidaemia", "diabetes", "hypertension",
                 "qt", "tremor", "encephalopathy", "hirsutism", "gingival",
                 "infections", "lymphoma"):
        assert word in names, word


def test_class_effects_by_category():
    assert [e.name for e in class_effects(Category.ELECTROLYTES)] == [
        "Hyperkalaemia", "Hypomagnesaemia", "Hyperuricaemia"]
    assert class_effects("nervous system")
    with pytest.raises(ValueError, match="category"):
        class_effects("liver")


def test_categories_follow_the_enum_order():
    cats = categories(Product.LUPKYNIS)
    assert cats[0] is Category.IMMUNE
    assert list(cats) == [c for c in Category if c in cats]


@pytest.mark.parametrize("bad", ["neoral", 3, None, True])
def test_unknown_products_are_refused(bad):
    with pytest.raises(ValueError, match="product"):
        label_statements(bad)
