"""Enzyme kinetics of calcineurin inhibition by an immunophilin–drug complex.

The drug–FKBP12 complex binds calcineurin away from its catalytic site and
hides the docking groove that NFAT needs. The book models this in three steps:

1. the fraction of calcineurin occupied by the complex, from the law of mass
   action (:func:`tcibook.binding.occupancy`);
2. the fraction left *accessible* to NFAT, ``(1 - theta) * f_act``
   (:func:`accessible_fraction`);
3. a Michaelis–Menten rate law in which the inhibitor changes the apparent
   maximum rate (non-competitive) or the apparent Michaelis constant
   (competitive), for contrast.

Which rate law describes the complex depends on what is varied. With
respect to NFAT's LxVP docking motif the complex is competitive: both need
the same pocket. The non-competitive law (occupied enzyme simply lost) is a
model assumption that holds only when the complex is bound far more tightly
and leaves far more slowly than NFAT, so that substrate at the
concentrations a cell or assay reaches does not displace it on the time
scale of the measurement.

No measured inhibition constant of calcineurin by FKBP12–tacrolimus is
verified for this book, so every kinetic parameter here is illustrative
(:data:`ILLUSTRATIVE`). The functions teach the shape of the kinetics; they
do not predict a laboratory result.

Explained in ``allosteric-occlusion``; practised in ``practice-01``,
``practice-02`` (chapters/).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .binding import occupancy
from .validation import check_array, check_fraction, check_number, scalar_or_array

__all__ = [
    "IllustrativeKinetics", "ILLUSTRATIVE", "accessible_fraction",
    "michaelis_menten_rate", "noncompetitive_parameters",
    "competitive_parameters", "noncompetitive_rate", "competitive_rate",
    "double_reciprocal", "double_reciprocal_line", "noisy_rates",
    "DESIGN_SUBSTRATE_UM", "SIMULATION_SEED", "SIMULATION_RELATIVE_SD",
    "SIMULATION_LEVELS_KI",
    "simulated_experiment",
    "MichaelisMentenFit", "fit_michaelis_menten",
]


@dataclass(frozen=True)
class IllustrativeKinetics:
    """Round-number kinetic parameters used by the book's examples.

    They are chosen for readable plots. None of them is a measured property
    of calcineurin, NFAT or the FKBP12–tacrolimus complex.

    Attributes
    ----------
    vmax : float
        Maximum rate of the uninhibited enzyme, in percent of itself (100).
    km_uM : float
        Michaelis constant for the protein substrate, in µmol/L.
    ki_nM : float
        Dissociation constant of the inhibitor from the enzyme, in nmol/L.
    """

    vmax: float = 100.0
    km_uM: float = 5.0
    ki_nM: float = 1.0


#: The single set of illustrative parameters shared by chapters and figures.
ILLUSTRATIVE = IllustrativeKinetics()


def _check_rate_parameters(vmax, km_uM):
    vmax = check_number("vmax", vmax, low=0.0, low_open=True)
    km = check_number("km_uM", km_uM, low=0.0, low_open=True, unit="µM")
    return vmax, km


def _check_inhibitor(inhibitor_nM, ki_nM):
    inhibitor = check_number("inhibitor_nM", inhibitor_nM, low=0.0, unit="nM")
    ki = check_number("ki_nM", ki_nM, low=0.0, low_open=True, unit="nM")
    return inhibitor, ki


def _as_output(x):
    return scalar_or_array(x, x)


def _mm(substrate, vmax, km):
    return vmax * substrate / (km + substrate)


def accessible_fraction(inhibitor_nM, kd_nM, activated_fraction=1.0):
    """Fraction of calcineurin that is active and free for NFAT to dock.

    .. math:: f_\\text{access} = (1 - \\theta_I)\\, f_\\text{act},
              \\qquad \\theta_I = \\frac{[I]}{K_d + [I]}

    An enzyme molecule counts as accessible when calcium–calmodulin has
    activated it and no inhibitory complex sits on it. The two events are
    treated as independent; that is a simplification of the model, since the
    complex binds calcineurin loaded with calcium and calmodulin.

    Parameters
    ----------
    inhibitor_nM : float or array_like
        Free concentration of the drug–immunophilin complex, nmol/L, >= 0.
    kd_nM : float
        Dissociation constant of the complex from calcineurin, nmol/L, > 0.
    activated_fraction : float, optional
        Fraction of calcineurin activated by calcium–calmodulin, in [0, 1];
        1 by default.

    Returns
    -------
    float or numpy.ndarray
        Accessible fraction in [0, 1], with the shape of ``inhibitor_nM``.

    Raises
    ------
    ValueError
        If a concentration is negative or not finite, ``kd_nM`` is not
        positive, or ``activated_fraction`` lies outside [0, 1].

    Examples
    --------
    >>> accessible_fraction(1.0, 1.0)            # [I] = Kd: half is blocked
    0.5
    >>> accessible_fraction(3.0, 1.0, 0.8)       # (1 - 0.75) x 0.8
    0.2
    """
    inhibitor = check_array("inhibitor_nM", inhibitor_nM, low=0.0, unit="nM")
    kd = check_number("kd_nM", kd_nM, low=0.0, low_open=True, unit="nM")
    f_act = check_fraction("activated_fraction", activated_fraction)
    return _as_output((1.0 - occupancy(inhibitor, kd)) * f_act)


def michaelis_menten_rate(substrate_uM, vmax, km_uM):
    """Initial rate of an enzyme reaction by the Michaelis–Menten equation.

    .. math:: v = \\frac{V_\\max [S]}{K_m + [S]}

    The hyperbola has the shape of the occupancy equation, but :math:`K_m`
    is a kinetic constant, not a dissociation constant: it also contains the
    catalytic rate. The function therefore keeps its own name and units.

    Parameters
    ----------
    substrate_uM : float or array_like
        Substrate concentration in µmol/L; every element >= 0.
    vmax : float
        Maximum rate, > 0, in any rate unit; the result has the same unit.
    km_uM : float
        Michaelis constant in µmol/L, > 0: the substrate concentration at
        which the rate is half of ``vmax``.

    Returns
    -------
    float or numpy.ndarray
        Rate in the unit of ``vmax``, with the shape of ``substrate_uM``.

    Raises
    ------
    ValueError
        If a concentration is negative or not finite, or ``vmax`` or
        ``km_uM`` is not a positive finite number.

    Examples
    --------
    >>> michaelis_menten_rate(5.0, 100.0, 5.0)    # [S] = Km gives Vmax / 2
    50.0
    >>> michaelis_menten_rate(45.0, 100.0, 5.0)   # [S] = 9 Km gives 90 %
    90.0
    """
    substrate = check_array("substrate_uM", substrate_uM, low=0.0, unit="µM")
    vmax, km = _check_rate_parameters(vmax, km_uM)
    return _as_output(_mm(substrate, vmax, km))


def noncompetitive_parameters(vmax, km_uM, inhibitor_nM, ki_nM):
    """Apparent (Vmax, Km) under pure non-competitive inhibition.

    The inhibitor binds free enzyme and enzyme–substrate complex with the
    same dissociation constant ``ki_nM``, and an enzyme molecule that carries
    it makes no product. Occupied enzyme simply drops out, so

    .. math:: V_\\max^\\text{app} = V_\\max (1 - \\theta_I), \\qquad
              K_m^\\text{app} = K_m .

    Parameters
    ----------
    vmax : float
        Uninhibited maximum rate, > 0.
    km_uM : float
        Michaelis constant, µmol/L, > 0.
    inhibitor_nM : float
        Free inhibitor concentration, nmol/L, >= 0.
    ki_nM : float
        Inhibition (dissociation) constant, nmol/L, > 0.

    Returns
    -------
    tuple of float
        ``(vmax_app, km_app)``.

    Examples
    --------
    >>> noncompetitive_parameters(100.0, 5.0, 1.0, 1.0)
    (50.0, 5.0)
    """
    vmax, km = _check_rate_parameters(vmax, km_uM)
    inhibitor, ki = _check_inhibitor(inhibitor_nM, ki_nM)
    return vmax * accessible_fraction(inhibitor, ki), km


def competitive_parameters(vmax, km_uM, inhibitor_nM, ki_nM):
    """Apparent (Vmax, Km) under competitive inhibition, for contrast.

    The inhibitor binds only free enzyme, at the substrate's own site, so
    enough substrate can always outcompete it:

    .. math:: V_\\max^\\text{app} = V_\\max, \\qquad
              K_m^\\text{app} = K_m \\left(1 + \\frac{[I]}{K_i}\\right).

    Parameters and checks are those of :func:`noncompetitive_parameters`.

    Examples
    --------
    >>> competitive_parameters(100.0, 5.0, 1.0, 1.0)
    (100.0, 10.0)
    """
    vmax, km = _check_rate_parameters(vmax, km_uM)
    inhibitor, ki = _check_inhibitor(inhibitor_nM, ki_nM)
    return vmax, km * (1.0 + inhibitor / ki)


def noncompetitive_rate(substrate_uM, vmax, km_uM, inhibitor_nM, ki_nM):
    """Initial rate with a pure non-competitive inhibitor present.

    .. math:: v = \\frac{V_\\max (1 - \\theta_I) [S]}{K_m + [S]}

    Arguments as for :func:`michaelis_menten_rate` and
    :func:`noncompetitive_parameters`; ``inhibitor_nM`` is one number.

    Examples
    --------
    >>> noncompetitive_rate(5.0, 100.0, 5.0, 1.0, 1.0)   # 100 x 0.5 x 0.5
    25.0
    """
    return michaelis_menten_rate(
        substrate_uM, *noncompetitive_parameters(vmax, km_uM, inhibitor_nM, ki_nM))


def competitive_rate(substrate_uM, vmax, km_uM, inhibitor_nM, ki_nM):
    """Initial rate with a competitive inhibitor present.

    .. math:: v = \\frac{V_\\max [S]}{K_m (1 + [I]/K_i) + [S]}

    Arguments as for :func:`michaelis_menten_rate` and
    :func:`competitive_parameters`; ``inhibitor_nM`` is one number.

    Examples
    --------
    >>> competitive_rate(10.0, 100.0, 5.0, 1.0, 1.0)     # Km doubles to 10
    50.0
    """
    return michaelis_menten_rate(
        substrate_uM, *competitive_parameters(vmax, km_uM, inhibitor_nM, ki_nM))


def double_reciprocal(substrate_uM, rates):
    """Transform rate data for a Lineweaver–Burk plot: (1/[S], 1/v).

    Parameters
    ----------
    substrate_uM : array_like
        Substrate concentrations in µmol/L, every element > 0.
    rates : array_like
        Measured rates, every element > 0, same shape as ``substrate_uM``.

    Returns
    -------
    tuple of numpy.ndarray
        ``(1 / substrate_uM, 1 / rates)``.

    Raises
    ------
    ValueError
        If an element is zero, negative or not finite, or the shapes differ.

    Examples
    --------
    >>> x, y = double_reciprocal([2.0, 4.0], [50.0, 80.0])
    >>> x.tolist(), y.tolist()
    ([0.5, 0.25], [0.02, 0.0125])
    """
    substrate = check_array("substrate_uM", substrate_uM, low=0.0,
                            low_open=True, unit="µM")
    v = check_array("rates", rates, low=0.0, low_open=True)
    if substrate.shape != v.shape:
        raise ValueError("substrate_uM and rates must have the same shape; "
                         f"got {substrate.shape} and {v.shape}")
    return 1.0 / substrate, 1.0 / v


def double_reciprocal_line(inverse_substrate_per_uM, vmax, km_uM):
    """The Lineweaver–Burk straight line of a Michaelis–Menten enzyme.

    .. math:: \\frac{1}{v} = \\frac{K_m}{V_\\max}\\,\\frac{1}{[S]}
              + \\frac{1}{V_\\max}

    It crosses the y-axis at :math:`1/V_\\max` and the x-axis at
    :math:`-1/K_m`. Negative ``inverse_substrate_per_uM`` values are
    allowed so that the line can be extended to that intercept.

    Parameters
    ----------
    inverse_substrate_per_uM : float or array_like
        Values of 1/[S] in L/µmol (any finite real numbers).
    vmax, km_uM : float
        Apparent maximum rate (> 0) and Michaelis constant in µmol/L (> 0).

    Returns
    -------
    float or numpy.ndarray
        1/v in reciprocal rate units.

    Examples
    --------
    >>> abs(double_reciprocal_line(-0.2, 100.0, 5.0)) < 1e-15  # x-intercept -1/Km
    True
    >>> double_reciprocal_line(0.0, 100.0, 5.0)    # y-intercept at 1/Vmax
    0.01
    """
    x = check_array("inverse_substrate_per_uM", inverse_substrate_per_uM)
    vmax, km = _check_rate_parameters(vmax, km_uM)
    return _as_output(km / vmax * x + 1.0 / vmax)


def noisy_rates(rates, relative_sd, seed):
    """Simulated measurements: ``rates`` with multiplicative log-normal noise.

    Each rate is multiplied by :math:`e^{\\varepsilon}`, with
    :math:`\\varepsilon \\sim N(0, \\sigma^2)`, so simulated rates stay
    positive and scatter by roughly ``relative_sd`` of their value.

    Parameters
    ----------
    rates : array_like
        Noise-free rates, every element >= 0.
    relative_sd : float
        Standard deviation :math:`\\sigma` of the log noise, in [0, 1].
    seed : int
        Seed for :func:`numpy.random.default_rng`; the same seed gives the
        same data.

    Returns
    -------
    numpy.ndarray
        Noisy rates, same shape as ``rates``.

    Examples
    --------
    >>> noisy_rates([10.0, 20.0], 0.0, seed=1).tolist()   # no noise
    [10.0, 20.0]
    """
    v = check_array("rates", rates, low=0.0)
    sd = check_fraction("relative_sd", relative_sd)
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)) \
            or seed < 0:
        raise ValueError(f"seed must be a non-negative integer; got {seed!r}")
    rng = np.random.default_rng(seed)
    return v * np.exp(rng.normal(0.0, sd, size=v.shape))


#: Substrate concentrations (µmol/L) of the book's simulated experiment:
#: ten points spread from well below to well above the illustrative Km.
DESIGN_SUBSTRATE_UM = (0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 12.0, 20.0, 35.0, 50.0)

#: Seed of the simulated experiment, so that every build shows the same data.
SIMULATION_SEED = 11

#: Default scatter of the simulated rates (log-normal SD, about 5 % of a rate).
SIMULATION_RELATIVE_SD = 0.05

#: Inhibitor levels of the book's simulated non-competitive experiment, in
#: multiples of Ki (the chapter's table and its fitted-data figure share them).
SIMULATION_LEVELS_KI = (0.0, 1.0, 3.0)

_RATE_LAWS = {"noncompetitive": noncompetitive_rate, "competitive": competitive_rate}


def simulated_experiment(inhibitor_levels_nM, mode="noncompetitive", *,
                         relative_sd=SIMULATION_RELATIVE_SD, seed=SIMULATION_SEED,
                         params=ILLUSTRATIVE, substrate_uM=DESIGN_SUBSTRATE_UM):
    """Simulate initial-rate data at several inhibitor concentrations.

    Rates follow :func:`noncompetitive_rate` or :func:`competitive_rate`
    with the parameters ``params`` and are then scattered by
    :func:`noisy_rates` with one generator seeded by ``seed``.

    Parameters
    ----------
    inhibitor_levels_nM : sequence of float
        Inhibitor concentrations in nmol/L, each >= 0.
    mode : {"noncompetitive", "competitive"}
        Which rate law generates the data.
    relative_sd : float, optional
        Noise level passed to :func:`noisy_rates`, in [0, 1]
        (:data:`SIMULATION_RELATIVE_SD` by default).
    seed : int, optional
        Seed of the random generator (:data:`SIMULATION_SEED` by default).
    params : IllustrativeKinetics, optional
        Vmax, Km and Ki of the simulated enzyme.
    substrate_uM : sequence of float, optional
        Substrate concentrations in µmol/L.

    Returns
    -------
    tuple
        ``(substrate_uM, rates)``: a 1-D array of concentrations and a 2-D
        array of rates with one row per inhibitor level.

    Raises
    ------
    ValueError
        If ``mode`` is unknown or any number is out of range.

    Examples
    --------
    >>> s, v = simulated_experiment([0.0, 1.0], relative_sd=0.0)
    >>> v.shape, float(v[1, 4])         # [S] = Km, [I] = Ki: 100 x 0.5 x 0.5
    ((2, 10), 25.0)
    """
    if mode not in _RATE_LAWS:
        raise ValueError(f"mode must be one of {sorted(_RATE_LAWS)}; got {mode!r}")
    levels = check_array("inhibitor_levels_nM", inhibitor_levels_nM, low=0.0,
                         unit="nM", ndim=1)
    substrate = check_array("substrate_uM", substrate_uM, low=0.0, unit="µM", ndim=1)
    rate_law = _RATE_LAWS[mode]
    clean = np.array([rate_law(substrate, params.vmax, params.km_uM, float(i),
                               params.ki_nM) for i in levels])
    return substrate, noisy_rates(clean, relative_sd, seed)


class MichaelisMentenFit(NamedTuple):
    """Result of :func:`fit_michaelis_menten`: estimates and standard errors."""

    vmax: float
    km_uM: float
    vmax_se: float
    km_se: float


def fit_michaelis_menten(substrate_uM, rates):
    """Least-squares fit of the Michaelis–Menten equation to rate data.

    Uses :func:`scipy.optimize.curve_fit` with both parameters kept
    positive. Standard errors are the square roots of the diagonal of the
    estimated covariance matrix, scaled by the residual variance.

    Parameters
    ----------
    substrate_uM : array_like
        One-dimensional substrate concentrations in µmol/L, >= 0, with at
        least three distinct values.
    rates : array_like
        Measured initial rates, >= 0, same shape as ``substrate_uM``.

    Returns
    -------
    MichaelisMentenFit
        ``vmax`` (unit of ``rates``), ``km_uM`` and their standard errors.

    Raises
    ------
    ValueError
        If an input holds a negative, NaN or infinite value, is not
        one-dimensional, the shapes differ, or there are fewer than three
        distinct concentrations.

    Examples
    --------
    >>> s = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0]
    >>> fit = fit_michaelis_menten(s, michaelis_menten_rate(s, 100.0, 5.0))
    >>> round(fit.vmax, 6), round(fit.km_uM, 6)
    (100.0, 5.0)
    """
    from scipy.optimize import curve_fit

    substrate = check_array("substrate_uM", substrate_uM, low=0.0, unit="µM", ndim=1)
    v = check_array("rates", rates, low=0.0, ndim=1)
    if substrate.shape != v.shape:
        raise ValueError("substrate_uM and rates must have the same shape; "
                         f"got {substrate.shape} and {v.shape}")
    if np.unique(substrate).size < 3:
        raise ValueError("substrate_uM must hold at least 3 distinct "
                         f"concentrations to fit 2 parameters; got {np.unique(substrate).size}")
    if not np.any(v > 0):
        raise ValueError("rates must contain at least one positive value")
    start = (float(v.max()), float(np.median(substrate[substrate > 0])))
    popt, pcov = curve_fit(_mm, substrate, v, p0=start,
                           bounds=([0.0, 0.0], [np.inf, np.inf]))
    se = np.sqrt(np.diag(pcov))
    return MichaelisMentenFit(float(popt[0]), float(popt[1]),
                              float(se[0]), float(se[1]))
