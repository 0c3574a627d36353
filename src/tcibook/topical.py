"""Amounts of drug in topical products.

Explained in ``introduction``; practised in ``practice-04`` (chapters/).
"""

from __future__ import annotations

from .validation import check_number

__all__ = ["active_drug_mg"]

#: Milligrams of solute per gram of product at a strength of 1 % w/w.
MG_PER_G_PER_PERCENT = 10.0


def active_drug_mg(product_mass_g, strength_percent):
    """Mass of active drug in a quantity of a topical product.

    A strength of ``p`` % w/w means ``p`` g of drug in 100 g of product, that
    is ``10·p`` mg per gram.

    Parameters
    ----------
    product_mass_g : float
        Mass of ointment or cream in grams; must be >= 0.
    strength_percent : float
        Strength in percent weight for weight; must lie in (0, 100].

    Returns
    -------
    float
        Active drug in milligrams.

    Raises
    ------
    ValueError
        If either argument is not a finite number in its range.

    Examples
    --------
    >>> active_drug_mg(30, 0.1)   # a 30 g tube of tacrolimus 0.1 %
    30.0
    """
    mass = check_number("product_mass_g", product_mass_g, low=0.0, unit="g")
    strength = check_number("strength_percent", strength_percent, low=0.0,
                            high=100.0, low_open=True, unit="%")
    return mass * strength * MG_PER_G_PER_PERCENT
