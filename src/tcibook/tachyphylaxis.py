"""Tachyphylaxis: an agonist that removes its own receptor, against an inhibitor.

The model compares two drugs that reach their target in the same way, with
the same affinity, and differ in one respect only.

* The **agonist** (a glucocorticoid in the chapter) binds a receptor pool
  :math:`R` that is made at a constant rate :math:`k_{syn}`, lost at a basal
  rate :math:`k_{deg} R`, and lost faster while it is occupied
  (:math:`k_{int}\\,\\theta R`, internalisation or degradation of the bound
  receptor). The response is proportional to the occupied receptors,
  :math:`\\theta R`, relative to the drug-free pool.
* The **inhibitor** (a calcineurin inhibitor) binds an enzyme pool that does
  not change with treatment, so its response is simply the fraction of the
  pool it occupies, :math:`\\theta`.

Both drugs are applied as repeated equal doses that raise the local free
concentration at once and then decay first-order. Occupancy is always
:func:`tcibook.binding.occupancy`.

Every parameter in :data:`ILLUSTRATIVE_PARAMETERS` is invented for teaching:
none is a measured property of any steroid, receptor or skin, and the model
says nothing about how large tachyphylaxis to topical steroids is in patients.

Explained in ``tcis-versus-corticosteroids``; practised in no problem set
(chapters/).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from scipy.integrate import solve_ivp

from .binding import occupancy
from .validation import check_array, check_number, check_positive, scalar_or_array

__all__ = [
    "HOURS_PER_DAY", "ILLUSTRATIVE_PARAMETERS", "COURSE_DAYS", "DosingSimulation",
    "local_concentration", "receptor_steady_state", "receptor_relaxation",
    "receptor_pool", "simulate_dosing", "daily_peak",
]

HOURS_PER_DAY = 24.0

#: Length of the book's simulated course of treatment, in days (chapter and
#: figure share it).
COURSE_DAYS = 28

#: Invented, round-number parameters used by the chapter and its figure.
#: Units: nM for concentrations, 1/h for rate constants, h for the interval,
#: receptor units/h for ``k_syn`` (chosen so that the drug-free pool is 1).
ILLUSTRATIVE_PARAMETERS = {
    "dose_nM": 2.0,         # rise in local free concentration per application
    "interval_h": 12.0,     # twice-daily application
    "k_el_per_h": 0.12,     # local elimination, half-life about 5.8 h
    "kd_nM": 1.0,           # the same affinity for both drugs
    "k_syn": 0.01,          # receptor synthesis, receptor units per hour
    "k_deg": 0.01,          # basal receptor loss, half-life about 69 h
    "k_int": 0.02,          # extra loss of occupied receptor at full occupancy
}

_RTOL, _ATOL = 1e-9, 1e-12



def _concentration(t, dose, interval, k_el):
    """Unchecked core of :func:`local_concentration` (arrays or scalars)."""
    n = np.floor(np.asarray(t) / interval)          # doses given before t, minus one
    r = math.exp(-k_el * interval)                   # fraction left after one interval
    since_last = np.asarray(t) - n * interval
    return dose * np.exp(-k_el * since_last) * (1.0 - r ** (n + 1)) / (1.0 - r)


def local_concentration(t_h, dose_nM, interval_h, k_el_per_h):
    """Local free drug concentration under repeated equal applications.

    Applications at :math:`t = 0, \\tau, 2\\tau, \\ldots` each raise the free
    concentration at once by ``dose_nM``; between applications it falls
    first-order with rate constant :math:`k_{el}`. Summing the doses given up
    to time :math:`t` (a geometric series) gives

    .. math::
        C(t) = D\\, e^{-k_{el}(t - n\\tau)}\\,\\frac{1 - r^{\\,n+1}}{1 - r},
        \\qquad n = \\lfloor t/\\tau \\rfloor,\\quad r = e^{-k_{el}\\tau}.

    At a dosing time the new dose is included.

    Parameters
    ----------
    t_h : float or array_like
        Time since the first application in hours; every element >= 0.
    dose_nM : float
        Rise in free concentration per application in nmol/L; >= 0.
    interval_h : float
        Time between applications in hours; > 0.
    k_el_per_h : float
        First-order elimination rate constant at the site in 1/h; > 0.

    Returns
    -------
    float or numpy.ndarray
        Concentration in nmol/L, with the shape of ``t_h``.

    Raises
    ------
    ValueError
        If a time or the dose is negative, the interval or the rate constant
        is not positive, or any input is NaN or infinite.

    Examples
    --------
    >>> k = math.log(2) / 6                      # half-life 6 h
    >>> round(local_concentration(6.0, 2.0, 12.0, k), 6)   # one half-life
    1.0
    >>> round(local_concentration(12.0, 2.0, 12.0, k), 6)  # 2 + 2/4 just after dose 2
    2.5
    """
    t = check_array("t_h", t_h, low=0.0, unit="h")
    dose = check_number("dose_nM", dose_nM, low=0.0, unit="nM")
    interval = check_positive("interval_h", interval_h, "h")
    k_el = check_positive("k_el_per_h", k_el_per_h, "1/h")
    c = _concentration(t, dose, interval, k_el)
    return scalar_or_array(c, c)


def receptor_steady_state(k_syn, k_deg, k_int=0.0, theta=0.0):
    """Receptor pool at steady state under a constant occupancy.

    Setting :math:`dR/dt = k_{syn} - (k_{deg} + k_{int}\\theta) R` to zero gives

    .. math:: R_{ss} = \\frac{k_{syn}}{k_{deg} + k_{int}\\,\\theta}.

    With no drug (:math:`\\theta = 0`) this is :math:`k_{syn}/k_{deg}`.

    Parameters
    ----------
    k_syn : float
        Receptor synthesis rate in receptor units per hour; > 0.
    k_deg : float
        Basal first-order receptor loss in 1/h; > 0.
    k_int : float, optional
        Additional first-order loss of occupied receptor at full occupancy,
        in 1/h; >= 0 (0, the default, means no agonist-driven loss).
    theta : float, optional
        Constant fractional occupancy in [0, 1]; 0 by default.

    Returns
    -------
    float
        Steady-state receptor pool in receptor units.

    Raises
    ------
    ValueError
        If a rate constant is out of range or ``theta`` lies outside [0, 1].

    Examples
    --------
    >>> receptor_steady_state(0.02, 0.01)
    2.0
    >>> receptor_steady_state(0.01, 0.01, k_int=0.02, theta=0.5)
    0.5
    """
    k_syn = check_positive("k_syn", k_syn, "receptor units/h")
    k_deg = check_positive("k_deg", k_deg, "1/h")
    k_int = check_number("k_int", k_int, low=0.0, unit="1/h")
    theta = check_number("theta", theta, low=0.0, high=1.0)
    return k_syn / (k_deg + k_int * theta)


def receptor_relaxation(t_h, theta, k_syn, k_deg, k_int, r0):
    """Receptor pool after a constant occupancy is switched on (analytic).

    The pool relaxes exponentially from ``r0`` to the new steady state
    :math:`R_\\theta` of :func:`receptor_steady_state`:

    .. math:: R(t) = R_\\theta + (R_0 - R_\\theta)\\,e^{-(k_{deg} + k_{int}\\theta)\\,t}.

    Parameters
    ----------
    t_h : float or array_like
        Time since the occupancy began in hours; every element >= 0.
    theta : float
        Constant fractional occupancy in [0, 1].
    k_syn, k_deg, k_int : float
        As for :func:`receptor_steady_state` (``k_int`` >= 0, others > 0).
    r0 : float
        Receptor pool at time 0 in receptor units; >= 0.

    Returns
    -------
    float or numpy.ndarray
        Receptor pool in receptor units, with the shape of ``t_h``.

    Raises
    ------
    ValueError
        If any argument is out of its range, NaN or infinite.

    Examples
    --------
    >>> round(receptor_relaxation(50.0, 0.5, 0.01, 0.01, 0.02, 1.0), 5)  # one time constant
    0.68394
    """
    t = check_array("t_h", t_h, low=0.0, unit="h")
    r_new = receptor_steady_state(k_syn, k_deg, k_int, theta)
    r0 = check_number("r0", r0, low=0.0, unit="receptor units")
    rate = float(k_deg) + float(k_int) * float(theta)
    r = r_new + (r0 - r_new) * np.exp(-rate * t)
    return scalar_or_array(r, r)


def receptor_pool(t_h, theta_of_t, k_syn, k_deg, k_int, r0=None, breaks_h=()):
    """Receptor pool under a time-varying occupancy (numerical solution).

    Integrates

    .. math:: \\frac{dR}{dt} = k_{syn} - k_{deg}\\,R - k_{int}\\,\\theta(t)\\,R

    with :func:`scipy.integrate.solve_ivp`, restarting the integrator at each
    time in ``breaks_h`` where :math:`\\theta(t)` may jump (a new application).

    Parameters
    ----------
    t_h : array_like
        Output times in hours: one-dimensional, >= 0, strictly increasing.
        The integration starts at ``t_h[0]``.
    theta_of_t : callable
        ``theta_of_t(t)`` returns the fractional occupancy in [0, 1] at time
        ``t`` (hours).
    k_syn, k_deg, k_int : float
        As for :func:`receptor_steady_state` (``k_int`` >= 0, others > 0).
    r0 : float, optional
        Receptor pool at ``t_h[0]``; the drug-free steady state
        :math:`k_{syn}/k_{deg}` by default; >= 0.
    breaks_h : sequence of float, optional
        Times (hours) at which the occupancy may be discontinuous.

    Returns
    -------
    numpy.ndarray
        Receptor pool at each time in ``t_h``, in receptor units.

    Raises
    ------
    ValueError
        If the times are not a strictly increasing 1-D array of non-negative
        numbers, ``theta_of_t`` is not callable or returns values outside
        [0, 1], or a rate constant or ``r0`` is out of range.

    Examples
    --------
    >>> t = np.linspace(0.0, 100.0, 5)
    >>> receptor_pool(t, lambda t: 0.0, 0.01, 0.01, 0.02).round(9).tolist()  # no drug
    [1.0, 1.0, 1.0, 1.0, 1.0]
    """
    t = check_array("t_h", t_h, low=0.0, unit="h", ndim=1)
    if t.size < 2 or np.any(np.diff(t) <= 0):
        raise ValueError("t_h must hold at least two strictly increasing times")
    if not callable(theta_of_t):
        raise ValueError("theta_of_t must be a callable returning occupancy "
                         f"in [0, 1]; got {theta_of_t!r}")
    check_array("theta_of_t(t_h)", [theta_of_t(x) for x in t], low=0.0, high=1.0)
    r_free = receptor_steady_state(k_syn, k_deg)
    k_syn, k_deg = float(k_syn), float(k_deg)
    k_int = check_number("k_int", k_int, low=0.0, unit="1/h")
    r = r_free if r0 is None else check_number("r0", r0, low=0.0,
                                                unit="receptor units")
    breaks = check_array("breaks_h", list(breaks_h), low=0.0, unit="h", ndim=1)
    edges = np.unique(np.concatenate(
        [[t[0]], breaks[(breaks > t[0]) & (breaks < t[-1])], [t[-1]]]))

    out = np.empty_like(t)
    for a, b in zip(edges[:-1], edges[1:]):
        # Within [a, b) the occupancy is continuous; at b itself a new dose may
        # already count, so the integrator sees the value just before b.
        last = np.nextafter(b, a)

        def rhs(time, y, last=last):
            return [k_syn - (k_deg + k_int * theta_of_t(min(time, last))) * y[0]]

        sol = solve_ivp(rhs, (a, b), [r], dense_output=True,
                        rtol=_RTOL, atol=_ATOL)
        inside = (t >= a) & (t <= b)
        out[inside] = sol.sol(t[inside])[0]
        r = sol.y[0, -1]
    return out


class DosingSimulation(NamedTuple):
    """Time courses from :func:`simulate_dosing` (all arrays share ``t_h``)."""

    t_h: np.ndarray
    concentration_nM: np.ndarray
    occupancy: np.ndarray
    receptor: np.ndarray
    agonist_response: np.ndarray
    inhibitor_response: np.ndarray


def simulate_dosing(duration_days, dose_nM, interval_h, k_el_per_h, kd_nM,
                    k_syn, k_deg, k_int, points_per_hour=4):
    """Repeated dosing of an agonist and of an inhibitor with the same exposure.

    Both drugs follow :func:`local_concentration` and bind with the same
    :math:`K_d`, so they have the same occupancy :math:`\\theta(t)`. The
    agonist's receptor pool follows :func:`receptor_pool`; its response is
    :math:`\\theta R / R_0`, with :math:`R_0 = k_{syn}/k_{deg}` the drug-free
    pool. The inhibitor's enzyme pool does not change, so its response is
    :math:`\\theta`. Both responses are fractions of the largest possible
    response of the untreated system.

    Parameters
    ----------
    duration_days : float
        Length of the simulation in days; > 0.
    dose_nM, interval_h, k_el_per_h
        As for :func:`local_concentration`.
    kd_nM : float
        Dissociation constant of both drugs in nmol/L; > 0.
    k_syn, k_deg, k_int : float
        As for :func:`receptor_steady_state` (``k_int`` >= 0, others > 0).
    points_per_hour : int, optional
        Output resolution; a positive integer, 4 by default.

    Returns
    -------
    DosingSimulation
        Times (h), concentration (nM), occupancy, receptor pool relative to
        the drug-free pool, and the two responses.

    Raises
    ------
    ValueError
        If any argument is out of its range, NaN or infinite.

    Examples
    --------
    >>> sim = simulate_dosing(2, 0.0, 12, 0.12, 1.0, 0.01, 0.01, 0.02)
    >>> float(sim.receptor.min()), float(sim.agonist_response.max())  # no drug
    (1.0, 0.0)
    """
    days = check_positive("duration_days", duration_days, "days")
    dose = check_number("dose_nM", dose_nM, low=0.0, unit="nM")
    interval = check_positive("interval_h", interval_h, "h")
    k_el = check_positive("k_el_per_h", k_el_per_h, "1/h")
    kd = check_positive("kd_nM", kd_nM, "nM")
    per_hour = check_number("points_per_hour", points_per_hour, low=1.0)
    if per_hour != int(per_hour):
        raise ValueError(f"points_per_hour must be a whole number >= 1; got {per_hour:g}")
    r_free = receptor_steady_state(k_syn, k_deg)

    t = np.linspace(0.0, days * HOURS_PER_DAY,
                    int(round(days * HOURS_PER_DAY * per_hour)) + 1)
    conc = _concentration(t, dose, interval, k_el)
    theta = occupancy(conc, kd)

    def theta_of_t(time):
        return occupancy(float(_concentration(time, dose, interval, k_el)), kd)

    doses = np.arange(interval, t[-1], interval)
    receptor = receptor_pool(t, theta_of_t, k_syn, k_deg, k_int,
                             breaks_h=doses) / r_free
    return DosingSimulation(t, conc, theta, receptor, theta * receptor, theta)


def daily_peak(t_h, values, day):
    """Largest value of a time course during one day of treatment.

    Day ``d`` is the half-open interval :math:`[24(d-1), 24d)` hours, so a
    dose given at the start of day ``d + 1`` does not count for day ``d``.

    Parameters
    ----------
    t_h : array_like
        Times in hours (1-D, >= 0).
    values : array_like
        Values at those times (1-D, same length, finite).
    day : int
        Day of treatment, counted from 1.

    Returns
    -------
    float
        The maximum of ``values`` during that day.

    Raises
    ------
    ValueError
        If the arrays differ in length, ``day`` is not a whole number >= 1,
        or no time in ``t_h`` falls on that day.

    Examples
    --------
    >>> daily_peak([0, 12, 24, 36], [0.2, 0.5, 0.9, 0.4], day=1)
    0.5
    """
    t = check_array("t_h", t_h, low=0.0, unit="h", ndim=1)
    v = check_array("values", values, ndim=1)
    if v.shape != t.shape:
        raise ValueError(f"values must have the shape of t_h {t.shape}; got {v.shape}")
    d = check_number("day", day, low=1.0)
    if d != int(d):
        raise ValueError(f"day must be a whole number >= 1; got {d:g}")
    on_day = (t >= (d - 1) * HOURS_PER_DAY) & (t < d * HOURS_PER_DAY)
    if not np.any(on_day):
        raise ValueError(f"day {int(d)} lies outside the times given "
                         f"({t.min():g} to {t.max():g} h)")
    return float(v[on_day].max())
