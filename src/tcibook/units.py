"""Unit conversions between mass and molar concentrations.

Drug levels are reported in mass per volume (ng/mL), while binding constants
are molar (nmol/L). The two are linked by the molar mass:

.. math:: c_\\text{nM} = \\frac{1000\\,c_\\text{ng/mL}}{M}

because 1 ng/mL is 10⁻⁶ g/L, and dividing by :math:`M` in g/mol gives
10⁻⁶/M mol/L, that is 1000/M nmol/L. Take :math:`M` from :mod:`tcibook.facts`
and say which form (anhydrous or hydrate) it belongs to.

Explained in ``immunophilin-complex``; practised in ``practice-01``,
``practice-10`` (chapters/).
"""

from __future__ import annotations


from .validation import check_array, check_number, scalar_or_array

__all__ = ["ng_per_ml_to_nM", "nM_to_ng_per_ml", "mg_per_ml_to_percent_w_v"]

#: Upper bound accepted for a solution or emulsion strength, mg/mL (a range
#: check: 1000 mg/mL is 100 % w/v).
MAX_MG_PER_ML = 1000.0

#: mg/mL in one percent weight per volume (1 g per 100 mL).
_MG_PER_ML_PER_PERCENT = 10.0

#: nmol/L per (ng/mL) for a molar mass of 1 g/mol.
_NM_PER_NG_PER_ML = 1000.0


def ng_per_ml_to_nM(conc_ng_per_ml, molar_mass_g_per_mol):
    """Convert a mass concentration to a molar concentration.

    Parameters
    ----------
    conc_ng_per_ml : float or array_like
        Concentration in ng/mL (equal to µg/L); every element must be >= 0.
    molar_mass_g_per_mol : float
        Molar mass in g/mol; must be > 0.

    Returns
    -------
    float or numpy.ndarray
        Concentration in nmol/L, with the shape of ``conc_ng_per_ml``.

    Raises
    ------
    ValueError
        If a concentration is negative or not finite, or the molar mass is
        not a positive finite number.

    Examples
    --------
    >>> ng_per_ml_to_nM(500, 500)    # 1000 * 500 / 500
    1000.0
    >>> round(ng_per_ml_to_nM(1, 804.02), 3)   # 1000 / 804.02
    1.244
    """
    conc = check_array("conc_ng_per_ml", conc_ng_per_ml, low=0.0, unit="ng/mL")
    mass = check_number("molar_mass_g_per_mol", molar_mass_g_per_mol,
                        low=0.0, low_open=True, unit="g/mol")
    return scalar_or_array(conc * _NM_PER_NG_PER_ML / mass, conc_ng_per_ml)


def nM_to_ng_per_ml(conc_nM, molar_mass_g_per_mol):
    """Convert a molar concentration to a mass concentration.

    Parameters
    ----------
    conc_nM : float or array_like
        Concentration in nmol/L; every element must be >= 0.
    molar_mass_g_per_mol : float
        Molar mass in g/mol; must be > 0.

    Returns
    -------
    float or numpy.ndarray
        Concentration in ng/mL, with the shape of ``conc_nM``.

    Raises
    ------
    ValueError
        If a concentration is negative or not finite, or the molar mass is
        not a positive finite number.

    Examples
    --------
    >>> nM_to_ng_per_ml(2, 500)      # 2 * 500 / 1000
    1.0
    """
    conc = check_array("conc_nM", conc_nM, low=0.0, unit="nM")
    mass = check_number("molar_mass_g_per_mol", molar_mass_g_per_mol,
                        low=0.0, low_open=True, unit="g/mol")
    return scalar_or_array(conc * mass / _NM_PER_NG_PER_ML, conc_nM)


def mg_per_ml_to_percent_w_v(conc_mg_per_ml):
    """Convert a strength in mg/mL to percent weight per volume.

    One percent w/v is 1 g per 100 mL, that is 10 mg/mL.

    Parameters
    ----------
    conc_mg_per_ml : float
        Strength in mg/mL, in [0, 1000].

    Returns
    -------
    float
        Strength in % w/v.

    Raises
    ------
    ValueError
        If the strength is negative, above 1000 mg/mL or not a finite number.

    Examples
    --------
    >>> mg_per_ml_to_percent_w_v(1)      # an eye drop of 1 mg/mL
    0.1
    """
    conc = check_number("conc_mg_per_ml", conc_mg_per_ml, low=0.0,
                        high=MAX_MG_PER_ML, unit="mg/mL")
    return conc / _MG_PER_ML_PER_PERCENT
