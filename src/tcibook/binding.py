"""Equilibrium binding: the fraction of a target occupied by a ligand.

Explained in ``immunophilin-complex``; practised in ``practice-01``,
``practice-10`` (chapters/).
"""

from __future__ import annotations


from .validation import check_array, check_number, scalar_or_array

__all__ = ["occupancy"]


def occupancy(ligand_nM, kd_nM):
    """Fraction of binding sites occupied at equilibrium (law of mass action).

    .. math:: \\theta = \\frac{[L]}{K_d + [L]}

    Assumes a single class of independent sites and a free ligand
    concentration that binding does not deplete.

    Parameters
    ----------
    ligand_nM : float or array_like
        Free ligand concentration in nmol/L; every element must be >= 0.
    kd_nM : float
        Dissociation constant in nmol/L; must be > 0.

    Returns
    -------
    float or numpy.ndarray
        Occupancy in [0, 1), with the shape of ``ligand_nM``.

    Raises
    ------
    ValueError
        If ``kd_nM`` is not a positive finite number, or any ligand
        concentration is negative, NaN or infinite.

    Examples
    --------
    >>> occupancy(0.4, 0.4)      # at [L] = Kd, half the sites are bound
    0.5
    >>> round(occupancy(3.6, 0.4), 3)
    0.9
    """
    kd = check_number("kd_nM", kd_nM, low=0.0, low_open=True, unit="nM")
    conc = check_array("ligand_nM", ligand_nM, low=0.0, unit="nM")
    theta = conc / (kd + conc)
    return scalar_or_array(theta, theta)
