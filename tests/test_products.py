"""One product catalogue, and each module accepting only the products its
sources cover."""

import pytest

from tcibook import formulations, regimens, toxicity
from tcibook.products import ORAL_CNI, TOPICAL, Drug, Product


def test_every_product_has_a_drug_and_a_label_naming_it():
    for product in Product:
        assert isinstance(product.drug, Drug)
        assert product.label.startswith(product.value)
        assert str(product.drug) in product.label


def test_topical_and_oral_sets_partition_the_cni_products():
    assert set(TOPICAL) == {Product.PROTOPIC, Product.ELIDEL}
    assert all(p.topical for p in TOPICAL)
    assert not any(p.topical for p in ORAL_CNI)
    assert {p.drug for p in ORAL_CNI} == {Drug.CYCLOSPORINE, Drug.TACROLIMUS}
    assert Product.LUPKYNIS not in ORAL_CNI and Product.LUPKYNIS not in TOPICAL


def test_the_modules_share_the_one_enum():
    assert formulations.Product is regimens.Product is toxicity.Product is Product


def test_names_are_accepted_in_any_case():
    assert formulations.strengths_mg("neoral") == formulations.strengths_mg(Product.NEORAL)
    assert regimens.licensed_options(10, "US").strengths("PROTOPIC") == (0.03,)
    assert toxicity.label_statements("lupkynis") == toxicity.label_statements(
        Product.LUPKYNIS)


@pytest.mark.parametrize("call, allowed, refused", [
    (lambda: formulations.strengths_mg("Protopic"), "Neoral", "Protopic"),
    (lambda: formulations.switch_rule("Lupkynis", "Prograf"), "Sandimmune", "Lupkynis"),
    (lambda: regimens.licensed_options(10, "US").strengths("Prograf"), "Elidel", "Prograf"),
    (lambda: toxicity.label_statements("Sandimmune"), "Gengraf", "Sandimmune"),
])
def test_a_product_outside_a_modules_sources_is_refused_by_name(call, allowed, refused):
    with pytest.raises(ValueError) as caught:
        call()
    message = str(caught.value)
    assert allowed in message and refused in message
    listed = message.split(";")[0]
    assert refused not in listed, "the refused product must not be listed as allowed"
