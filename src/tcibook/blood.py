"""Whole blood against plasma: where a drug that binds red cells is found.

A drug that binds a protein inside erythrocytes, as tacrolimus binds FKBP12,
is concentrated in the cells. Its whole-blood concentration ``C_b`` then
exceeds its plasma concentration ``C_p`` by the blood-to-plasma ratio
``R = C_b / C_p``. Mass balance over one volume of blood, of which the
fraction ``H`` (the haematocrit) is red cells, gives

.. math:: C_b = H\\,C_{rbc} + (1 - H)\\,C_p
          \\quad\\Rightarrow\\quad R = H\\,K_{rbc} + 1 - H

with ``K_rbc = C_rbc / C_p`` the erythrocyte-to-plasma partition coefficient.
Concentrations are in ng/mL throughout (the unit of the clinical assays);
haematocrit and fractions are dimensionless numbers in (0, 1).

Explained in ``topical-pharmacokinetics``; practised in ``practice-06``
(chapters/).
"""

from __future__ import annotations


from .validation import check_array, check_number, scalar_or_array

__all__ = ["ILLUSTRATIVE_HAEMATOCRIT", "plasma_concentration", "plasma_shortfall",
           "blood_plasma_ratio", "erythrocyte_partition", "erythrocyte_fraction"]

#: A typical adult haematocrit, used for illustration only (not a fact).
ILLUSTRATIVE_HAEMATOCRIT = 0.45


def _ratio(blood_plasma_ratio):
    return check_number("blood_plasma_ratio", blood_plasma_ratio, low=0.0,
                        low_open=True)


def _haematocrit(haematocrit):
    return check_number("haematocrit", haematocrit, low=0.0, high=1.0,
                        low_open=True, high_open=True)


def plasma_concentration(whole_blood_ng_ml, blood_plasma_ratio):
    """Plasma concentration that goes with a whole-blood concentration, ``C_b/R``.

    Parameters
    ----------
    whole_blood_ng_ml : float or array_like
        Whole-blood concentration, ng/mL; every element >= 0.
    blood_plasma_ratio : float
        Blood-to-plasma concentration ratio ``R`` (dimensionless); > 0.

    Returns
    -------
    float or numpy.ndarray
        Plasma concentration, ng/mL, with the shape of ``whole_blood_ng_ml``.

    Raises
    ------
    ValueError
        If a concentration is negative or not finite, or the ratio is not a
        positive finite number.

    Examples
    --------
    >>> plasma_concentration(3.0, 15)     # 3 / 15
    0.2
    """
    conc = check_array("whole_blood_ng_ml", whole_blood_ng_ml, low=0.0,
                       unit="ng/mL")
    cp = conc / _ratio(blood_plasma_ratio)
    return scalar_or_array(cp, whole_blood_ng_ml)


def plasma_shortfall(blood_plasma_ratio):
    """Fraction of the whole-blood concentration that a plasma assay misses.

    A plasma reading is ``1/R`` of the whole-blood concentration, so it
    falls short by ``1 − 1/R`` (and underestimates ``R``-fold). A ratio
    below 1 gives a negative shortfall: plasma then reads higher.

    Parameters
    ----------
    blood_plasma_ratio : float
        Blood-to-plasma ratio ``R``; > 0.

    Returns
    -------
    float
        ``1 − 1/R`` (dimensionless).

    Examples
    --------
    >>> plasma_shortfall(4)               # 1 - 1/4
    0.75
    """
    return 1.0 - 1.0 / _ratio(blood_plasma_ratio)


def blood_plasma_ratio(haematocrit, erythrocyte_plasma_partition):
    """Blood-to-plasma ratio from haematocrit and red-cell partition, ``H·K + 1 − H``.

    Parameters
    ----------
    haematocrit : float or array_like
        Volume fraction of red cells in blood; every element in (0, 1).
    erythrocyte_plasma_partition : float
        ``K_rbc = C_rbc / C_p`` (dimensionless); >= 0.

    Returns
    -------
    float or numpy.ndarray
        ``R`` (dimensionless), with the shape of ``haematocrit``.

    Examples
    --------
    >>> blood_plasma_ratio(0.5, 29)       # 0.5 * 29 + 0.5
    15.0
    """
    h = check_array("haematocrit", haematocrit, low=0.0, high=1.0,
                    low_open=True, high_open=True)
    k = check_number("erythrocyte_plasma_partition",
                     erythrocyte_plasma_partition, low=0.0)
    r = h * k + 1.0 - h
    return scalar_or_array(r, haematocrit)


def erythrocyte_partition(blood_plasma_ratio, haematocrit):
    """Red-cell-to-plasma partition implied by a ratio, ``(R − 1 + H)/H``.

    Parameters
    ----------
    blood_plasma_ratio : float
        Blood-to-plasma ratio ``R``; must be >= ``1 − H`` (a drug entirely
        excluded from red cells has ``R = 1 − H``).
    haematocrit : float
        Volume fraction of red cells, in (0, 1).

    Returns
    -------
    float
        ``K_rbc`` (dimensionless, >= 0).

    Raises
    ------
    ValueError
        If ``R < 1 − H``, which no partition can produce.

    Examples
    --------
    >>> erythrocyte_partition(15, 0.5)    # (15 - 1 + 0.5) / 0.5
    29.0
    """
    h = _haematocrit(haematocrit)
    r = check_number("blood_plasma_ratio", blood_plasma_ratio, low=1.0 - h)
    return (r - 1.0 + h) / h


def erythrocyte_fraction(haematocrit, erythrocyte_plasma_partition):
    """Fraction of the drug in a volume of blood that sits in the red cells.

    ``H·K_rbc / (H·K_rbc + 1 − H)``, that is ``H·K_rbc / R``.

    Parameters
    ----------
    haematocrit : float or array_like
        Volume fraction of red cells; every element in (0, 1).
    erythrocyte_plasma_partition : float
        ``K_rbc`` (dimensionless); >= 0.

    Returns
    -------
    float or numpy.ndarray
        Fraction in [0, 1), with the shape of ``haematocrit``.

    Examples
    --------
    >>> erythrocyte_fraction(0.5, 29)     # 14.5 / 15
    0.9666666666666667
    """
    h = check_array("haematocrit", haematocrit, low=0.0, high=1.0,
                    low_open=True, high_open=True)
    k = check_number("erythrocyte_plasma_partition",
                     erythrocyte_plasma_partition, low=0.0)
    f = h * k / (h * k + 1.0 - h)
    return scalar_or_array(f, haematocrit)
