"""How much drug it takes to occupy an immunophilin.

:func:`tcibook.binding.occupancy` gives the occupied fraction of FKBP12 or
cyclophilin for a known *free* drug concentration. Here the question is
turned round: what concentration gives a chosen occupancy, and how much
*total* drug is needed when the binding protein is abundant enough to soak up
drug (ligand depletion)?

Explained in ``immunophilin-complex``; practised in ``practice-01``,
``practice-10`` (chapters/).
"""

from __future__ import annotations


from .validation import check_array, check_number, scalar_or_array

__all__ = ["MARKED_OCCUPANCIES", "drug_for_occupancy"]

#: Occupancies of FKBP12 the book reads concentrations off (half, most,
#: nearly all); the chapter's table and its figure share them.
MARKED_OCCUPANCIES = (0.5, 0.9, 0.99)


def drug_for_occupancy(occupancy, kd_nM, binding_sites_nM=0.0):
    """Total drug concentration that occupies a given fraction of sites.

    At equilibrium the free drug is :math:`[L] = K_d\\,\\theta/(1-\\theta)`
    (the occupancy equation solved for :math:`[L]`), and the drug held in
    complexes is :math:`\\theta\\,[P]_T`. The total is their sum:

    .. math:: [L]_T = K_d\\,\\frac{\\theta}{1-\\theta} + \\theta\\,[P]_T

    With ``binding_sites_nM = 0`` (binding protein scarce) the total equals
    the free concentration.

    Parameters
    ----------
    occupancy : float or array_like
        Target fraction :math:`\\theta` of sites occupied; every element must
        lie in [0, 1).
    kd_nM : float
        Dissociation constant in nmol/L; must be > 0.
    binding_sites_nM : float
        Total concentration :math:`[P]_T` of binding sites in the same volume,
        in nmol/L; must be >= 0.

    Returns
    -------
    float or numpy.ndarray
        Total drug concentration in nmol/L, with the shape of ``occupancy``.

    Raises
    ------
    ValueError
        If an occupancy lies outside [0, 1), or ``kd_nM`` or
        ``binding_sites_nM`` is out of range or not finite.

    Examples
    --------
    >>> drug_for_occupancy(0.5, 0.4)          # free drug equals K_d
    0.4
    >>> round(drug_for_occupancy(0.9, 0.4), 6)  # 0.4 * 0.9 / 0.1
    3.6
    >>> drug_for_occupancy(0.5, 0.4, binding_sites_nM=100.0)  # 0.4 + 50
    50.4
    """
    theta = check_array("occupancy", occupancy, low=0.0, high=1.0,
                        high_open=True)
    kd = check_number("kd_nM", kd_nM, low=0.0, low_open=True, unit="nM")
    sites = check_number("binding_sites_nM", binding_sites_nM, low=0.0,
                         unit="nM")
    total = kd * theta / (1.0 - theta) + theta * sites
    return scalar_or_array(total, occupancy)
