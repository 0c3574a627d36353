"""The calcineurin-inhibitor products the book discusses, in one place.

Each product is a member of :class:`Product`, which knows its active
:class:`Drug`, its route and the name a reader would write. The modules
that answer questions about products accept only the products their
sources cover, and say which in their error messages:

* :mod:`tcibook.regimens` — the two topical products, Protopic and Elidel;
* :mod:`tcibook.formulations` — the oral products of cyclosporine and
  tacrolimus (:data:`ORAL_CNI`);
* :mod:`tcibook.toxicity` — the products whose US label warnings the book
  records (:data:`tcibook.toxicity.LABELLED`).

>>> Product.GENGRAF.drug
<Drug.CYCLOSPORINE: 'cyclosporine'>
>>> Product.ELIDEL.topical
True

Explained in ``atopic-dermatitis-treatment``, ``cyclosporine``; practised in no
problem set (chapters/).
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Drug", "Product", "TOPICAL", "ORAL_CNI"]


class Drug(StrEnum):
    """An active calcineurin inhibitor."""

    TACROLIMUS = "tacrolimus"
    PIMECROLIMUS = "pimecrolimus"
    CYCLOSPORINE = "cyclosporine"
    VOCLOSPORIN = "voclosporin"


class Product(StrEnum):
    """A marketed product of a calcineurin inhibitor, by its brand name."""

    PROTOPIC = "Protopic"
    ELIDEL = "Elidel"
    SANDIMMUNE = "Sandimmune"
    NEORAL = "Neoral"
    GENGRAF = "Gengraf"
    PROGRAF = "Prograf"
    ENVARSUS_XR = "Envarsus XR"
    ASTAGRAF_XL = "Astagraf XL"
    LUPKYNIS = "Lupkynis"

    @property
    def drug(self) -> Drug:
        """The active drug."""
        return _DESCRIPTIONS[self][0]

    @property
    def topical(self) -> bool:
        """Whether the product is applied to the skin (otherwise it is oral)."""
        return self in TOPICAL

    @property
    def label(self) -> str:
        """Brand name with drug and formulation, as a reader would write them."""
        drug, formulation = _DESCRIPTIONS[self]
        detail = f"{drug}, {formulation}" if formulation else str(drug)
        return f"{self.value} ({detail})"


_DESCRIPTIONS = {
    Product.PROTOPIC: (Drug.TACROLIMUS, "ointment"),
    Product.ELIDEL: (Drug.PIMECROLIMUS, "cream"),
    Product.SANDIMMUNE: (Drug.CYCLOSPORINE, "non-modified"),
    Product.NEORAL: (Drug.CYCLOSPORINE, "modified"),
    Product.GENGRAF: (Drug.CYCLOSPORINE, "modified"),
    Product.PROGRAF: (Drug.TACROLIMUS, "immediate release"),
    Product.ENVARSUS_XR: (Drug.TACROLIMUS, "extended release"),
    Product.ASTAGRAF_XL: (Drug.TACROLIMUS, "extended release"),
    Product.LUPKYNIS: (Drug.VOCLOSPORIN, ""),
}

#: The topical products.
TOPICAL = (Product.PROTOPIC, Product.ELIDEL)

#: The oral products of cyclosporine and tacrolimus, whose formulations
#: :mod:`tcibook.formulations` compares.
ORAL_CNI = tuple(p for p in Product
                 if p.drug in (Drug.CYCLOSPORINE, Drug.TACROLIMUS) and not p.topical)
