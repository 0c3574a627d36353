"""An illustrative model of the calcium → calcineurin → NFAT switch.

This is a teaching model, not a fitted one. It has two steps:

1. cytosolic calcium activates calcineurin cooperatively (calmodulin and the
   regulatory subunit CnB each bind several calcium ions), summarised by a
   Hill curve;
2. NFAT cycles between a phosphorylated, cytoplasmic form and a
   dephosphorylated, nuclear form: active calcineurin removes the phosphates
   (a rate proportional to the active fraction and to cytoplasmic NFAT) and
   kinases put them back (a rate first order in nuclear NFAT). With both
   steps first order, the steady-state nuclear fraction is a hyperbola in the
   active calcineurin fraction.

One simplification is built in and should be kept in mind: the model treats
blockade by a drug–immunophilin complex as independent of activation by
calcium, so that the two fractions multiply. In reality the complex binds
calcineurin that carries calcium and calmodulin (the US Protopic label
describes a complex of drug, FKBP12, calcium, calmodulin and calcineurin), so
how much enzyme a given amount of complex holds depends on the calcium
signal too.

Every quantity is dimensionless. Calcium is expressed in multiples of the
concentration that half-activates calcineurin, so no measured calcium
concentration is needed, and the parameters in :data:`ILLUSTRATIVE` were
chosen to make the curves readable, not measured. How a drug lowers the
fraction of calcineurin that NFAT can reach is modelled in
:mod:`tcibook.kinetics`; this module only takes that fraction as given.

Explained in ``calcineurin-nfat``; practised in no problem set (chapters/).
"""

from __future__ import annotations

from types import MappingProxyType

import numpy as np

from .binding import occupancy
from .validation import check_array, check_fraction, check_number, scalar_or_array

__all__ = ["ILLUSTRATIVE", "BLOCKED_FRACTIONS", "STRONG_CALCIUM",
           "calcineurin_activation", "available_calcineurin",
           "nfat_nuclear_fraction", "nuclear_nfat_reduction"]

#: Parameters of the illustrative model: round numbers chosen to show the
#: shape of the response. Neither is a measured value.
ILLUSTRATIVE = MappingProxyType({
    # Hill coefficient of calcineurin activation by calcium.
    "calcium_hill": 3.0,
    # Rate of NFAT re-phosphorylation by kinases relative to the rate of
    # dephosphorylation when all calcineurin is active.
    "kinase_ratio": 0.1,
})

#: The book's scenario of partial blockade: fractions of calcineurin held by
#: the drug–immunophilin complex (none, half, most), shared by the chapter
#: and its figure.
BLOCKED_FRACTIONS = (0.0, 0.5, 0.8)

#: A strong calcium signal, in multiples of the half-activating level, at
#: which nearly all calcineurin is activated (illustrative).
STRONG_CALCIUM = 30.0

#: Largest Hill coefficient accepted; steeper curves are outside what this
#: illustrative model is meant to show.
MAX_HILL = 10.0


def calcineurin_activation(calcium, hill_coefficient=ILLUSTRATIVE["calcium_hill"]):
    """Fraction of calcineurin activated by calcium–calmodulin.

    .. math:: f_\\text{act} = \\frac{c^{n}}{1 + c^{n}}

    with :math:`c` the cytosolic calcium in multiples of the concentration
    that half-activates the enzyme. This is the binding occupancy
    :math:`[L]/(K_d + [L])` at :math:`[L] = c^n` and :math:`K_d = 1`, and it
    is computed with :func:`tcibook.binding.occupancy`.

    Parameters
    ----------
    calcium : float or array_like
        Cytosolic calcium in multiples of the half-activating concentration
        (dimensionless); every element must be >= 0.
    hill_coefficient : float
        Cooperativity :math:`n` of activation by calcium; must lie in (0, 10].
        The default is the illustrative value in :data:`ILLUSTRATIVE`.

    Returns
    -------
    float or numpy.ndarray
        Activated fraction in [0, 1], with the shape of ``calcium``.

    Raises
    ------
    ValueError
        If an argument is not finite or lies outside its range.

    Examples
    --------
    >>> calcineurin_activation(1.0)        # half-activating calcium
    0.5
    >>> calcineurin_activation(2.0)        # 2**3 / (1 + 2**3) = 8/9
    0.8888888888888888
    """
    c = check_array("calcium", calcium, low=0.0)
    n = check_number("hill_coefficient", hill_coefficient, low=0.0,
                     high=MAX_HILL, low_open=True)
    # Clip c**n so that a huge calcium value cannot overflow to infinity.
    with np.errstate(over="ignore"):
        stimulus = np.minimum(c ** n, np.finfo(float).max)
    active = occupancy(stimulus, 1.0)
    return scalar_or_array(active, calcium)


def available_calcineurin(calcium, blocked_fraction=0.0,
                          hill_coefficient=ILLUSTRATIVE["calcium_hill"]):
    """Fraction of all calcineurin that is activated and not blocked by drug.

    .. math:: a = (1 - \\beta)\\, f_\\text{act}(c)

    Activation by calcium and blockade by a drug–immunophilin complex are
    *treated as* independent, so the fractions multiply. This is a
    simplification of the model: the complex actually binds calcineurin
    loaded with calcium and calmodulin, so the blocked fraction itself
    depends on the calcium signal. Here the blocked fraction
    :math:`\\beta` is given directly; :func:`tcibook.kinetics.accessible_fraction`
    works from the concentration of the complex instead.

    Parameters
    ----------
    calcium : float or array_like
        Cytosolic calcium in multiples of the half-activating concentration;
        every element must be >= 0.
    blocked_fraction : float
        Fraction :math:`\\beta` of calcineurin held by the complex; must lie
        in [0, 1].
    hill_coefficient : float
        As for :func:`calcineurin_activation`.

    Returns
    -------
    float or numpy.ndarray
        Available fraction in [0, 1 - ``blocked_fraction``].

    Raises
    ------
    ValueError
        If an argument is not finite or lies outside its range.

    Examples
    --------
    >>> available_calcineurin(1.0, blocked_fraction=0.6)   # 0.4 x 0.5
    0.2
    """
    beta = check_fraction("blocked_fraction", blocked_fraction)
    return (1.0 - beta) * calcineurin_activation(calcium, hill_coefficient)


def nfat_nuclear_fraction(active_calcineurin,
                          kinase_ratio=ILLUSTRATIVE["kinase_ratio"]):
    """Steady-state fraction of NFAT dephosphorylated and in the nucleus.

    Calcineurin removes NFAT's phosphates at a rate proportional to the
    active fraction :math:`a` and to the phosphorylated (cytoplasmic)
    fraction :math:`1 - N`; kinases restore them at a rate first order in the
    dephosphorylated (nuclear) fraction :math:`N`. Calling the ratio of the
    two rate constants :math:`r`, the steady state of
    :math:`dN/dt = k_\\text{cn}\\,a\\,(1 - N) - k_\\text{kin} N` is

    .. math:: N = \\frac{a}{r + a}

    which is :func:`tcibook.binding.occupancy` with :math:`r` in the place
    of :math:`K_d`. The model lumps all of NFAT's phosphates into one
    switch and treats dephosphorylated NFAT as nuclear.

    Parameters
    ----------
    active_calcineurin : float or array_like
        Fraction of total calcineurin that is active and free to act on NFAT
        (dimensionless); every element must lie in [0, 1].
    kinase_ratio : float
        :math:`r`, the kinase rate relative to the dephosphorylation rate at
        full calcineurin activity; must be > 0. Default: the illustrative
        value.

    Returns
    -------
    float or numpy.ndarray
        Nuclear fraction of NFAT in [0, 1), with the shape of the input.

    Raises
    ------
    ValueError
        If an argument is not finite or lies outside its range.

    Examples
    --------
    >>> nfat_nuclear_fraction(0.1)              # a = r: half of NFAT nuclear
    0.5
    >>> round(nfat_nuclear_fraction(1.0), 4)    # 1 / (0.1 + 1)
    0.9091
    """
    a = check_array("active_calcineurin", active_calcineurin, low=0.0, high=1.0)
    r = check_number("kinase_ratio", kinase_ratio, low=0.0, low_open=True)
    nuclear = occupancy(a, r)
    return scalar_or_array(nuclear, active_calcineurin)


def nuclear_nfat_reduction(blocked_fraction, calcium=STRONG_CALCIUM,
                           kinase_ratio=ILLUSTRATIVE["kinase_ratio"],
                           hill_coefficient=ILLUSTRATIVE["calcium_hill"]):
    """Fractional fall of nuclear NFAT caused by blocking calcineurin.

    .. math:: 1 - \\frac{N\\big((1-\\beta) f_\\text{act}(c)\\big)}{N\\big(f_\\text{act}(c)\\big)}

    with :math:`N` from :func:`nfat_nuclear_fraction`. With spare
    calcineurin (:math:`r \\ll 1`) this is much smaller than :math:`\\beta`;
    as :math:`r` grows towards and beyond 1 it approaches :math:`\\beta`.

    Parameters
    ----------
    blocked_fraction : float
        Fraction :math:`\\beta` of calcineurin held by the complex, in [0, 1].
    calcium : float
        Cytosolic calcium in multiples of the half-activating level; > 0.
        Default :data:`STRONG_CALCIUM`.
    kinase_ratio : float
        :math:`r`, as for :func:`nfat_nuclear_fraction`; > 0.
    hill_coefficient : float
        As for :func:`calcineurin_activation`.

    Returns
    -------
    float
        Fraction of the untreated nuclear NFAT that the blockade removes, in
        [0, 1].

    Raises
    ------
    ValueError
        If an argument is not finite or lies outside its range.

    Examples
    --------
    With full activation (very high calcium) and r = 1, blocking 80 % leaves
    0.2/1.2 of NFAT nuclear instead of 1/2, a fall of 2/3:

    >>> round(nuclear_nfat_reduction(0.8, calcium=1e6, kinase_ratio=1.0), 4)
    0.6667
    """
    c = check_number("calcium", calcium, low=0.0, low_open=True)
    free = nfat_nuclear_fraction(available_calcineurin(c, 0.0, hill_coefficient),
                                 kinase_ratio)
    held = nfat_nuclear_fraction(
        available_calcineurin(c, blocked_fraction, hill_coefficient), kinase_ratio)
    return float(1.0 - held / free)
