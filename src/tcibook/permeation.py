"""Passive permeation through the stratum corneum, and the reservoir it forms.

The stratum corneum is treated as a homogeneous membrane of thickness
``h`` into which the drug partitions from the vehicle (partition coefficient
``K``) and through which it diffuses (diffusion coefficient ``D``). Units are
the same in every function:

========================  ================
quantity                  unit
========================  ================
length, thickness         cm
time                      h
diffusion coefficient     cm²/h
concentration             µg/cm³ (= µg/mL)
amount per skin area      µg/cm²
flux                      µg/(cm²·h)
permeability coefficient  cm/h
rate constant             1/h
========================  ================

The parameter values defined in this module are **illustrative**: round
numbers of the right order for a large lipophilic molecule crossing human
stratum corneum, chosen so that the arithmetic is easy to follow. None of
them is a measured property of tacrolimus or pimecrolimus, and none of them
lives in :mod:`tcibook.facts`.

Explained in ``topical-pharmacokinetics``; practised in ``practice-03``,
``practice-09`` (chapters/).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.integrate import solve_ivp

from .validation import check_array, check_number, check_positive

__all__ = [
    "ILLUSTRATIVE_PARTITION", "ILLUSTRATIVE_DIFFUSIVITY_CM2_H",
    "ILLUSTRATIVE_THICKNESS_CM", "ILLUSTRATIVE_DONOR_UG_CM3",
    "ILLUSTRATIVE_K_IN_PER_H", "ILLUSTRATIVE_K_EL_PER_H",
    "COMPUTED_DESCRIPTORS", "BARRIER_SCENARIOS", "BarrierChange",
    "barrier_relative_changes",
    "permeability_coefficient", "steady_state_flux", "lag_time",
    "cumulative_permeated", "stratum_corneum_content", "depot_release_rate",
    "scale_barrier", "barrier_scenario", "reservoir_rates", "ReservoirRun",
    "reservoir_model",
]

# --- Illustrative parameters (not facts; see the module docstring) ---------
#: Stratum corneum/vehicle partition coefficient (dimensionless).
ILLUSTRATIVE_PARTITION = 2.0
#: Diffusion coefficient in the stratum corneum, cm²/h.
ILLUSTRATIVE_DIFFUSIVITY_CM2_H = 1e-7
#: Thickness of the stratum corneum, cm (15 µm).
ILLUSTRATIVE_THICKNESS_CM = 15e-4
#: Drug concentration in the vehicle on the skin, µg/cm³.
ILLUSTRATIVE_DONOR_UG_CM3 = 1000.0
#: Rate constant of transfer from the surface film into the stratum corneum, 1/h.
ILLUSTRATIVE_K_IN_PER_H = 0.02
#: Rate constant of removal from the viable tissue (to blood and beyond), 1/h.
ILLUSTRATIVE_K_EL_PER_H = 1.0

#: Descriptors computed from the structures (RDKit) for the book's fact base:
#: topological polar surface area by the Ertl fragment method (Å², nitrogen
#: and oxygen atoms only) and Crippen's atom-contribution log P. They are
#: *computed* values, not measurements, and no publication is their source.
COMPUTED_DESCRIPTORS = {
    "tacrolimus": {"tpsa_A2": 178.4, "crippen_logp": 4.64},
    "pimecrolimus": {"tpsa_A2": 158.1, "crippen_logp": 5.72},
}



def permeability_coefficient(partition, diffusivity_cm2_h, thickness_cm):
    """Permeability coefficient of a membrane, ``k_p = K·D/h``.

    Parameters
    ----------
    partition : float
        Membrane/vehicle partition coefficient ``K`` (dimensionless); > 0.
    diffusivity_cm2_h : float
        Diffusion coefficient ``D`` in the membrane, cm²/h; > 0.
    thickness_cm : float
        Diffusion path length ``h``, cm; > 0.

    Returns
    -------
    float
        ``k_p`` in cm/h.

    Examples
    --------
    >>> permeability_coefficient(10, 0.001, 0.01)   # 10 * 0.001 / 0.01
    1.0
    """
    k = check_positive("partition", partition)
    d = check_positive("diffusivity_cm2_h", diffusivity_cm2_h, "cm²/h")
    h = check_positive("thickness_cm", thickness_cm, "cm")
    return k * d / h


def steady_state_flux(partition, diffusivity_cm2_h, delta_c_ug_cm3, thickness_cm):
    """Steady-state flux through a membrane (Fick's first law), ``J = K·D·ΔC/h``.

    Assumes a constant concentration in the vehicle and sink conditions
    beneath the membrane, so that ``ΔC`` is the vehicle concentration.

    Parameters
    ----------
    partition : float
        Membrane/vehicle partition coefficient ``K`` (dimensionless); > 0.
    diffusivity_cm2_h : float
        Diffusion coefficient ``D``, cm²/h; > 0.
    delta_c_ug_cm3 : float
        Concentration difference across the membrane, µg/cm³; >= 0.
    thickness_cm : float
        Membrane thickness ``h``, cm; > 0.

    Returns
    -------
    float
        Flux in µg/(cm²·h).

    Raises
    ------
    ValueError
        If any argument is not a finite number in its range.

    Examples
    --------
    >>> steady_state_flux(10, 0.001, 5, 0.01)   # 10 * 0.001 * 5 / 0.01
    5.0
    """
    dc = check_number("delta_c_ug_cm3", delta_c_ug_cm3, low=0.0, unit="µg/cm³")
    return permeability_coefficient(partition, diffusivity_cm2_h, thickness_cm) * dc


def lag_time(thickness_cm, diffusivity_cm2_h):
    """Lag time of diffusion across a membrane, ``t_lag = h²/(6D)``.

    The time-axis intercept of the steady-state line of cumulative amount
    permeated against time.

    Parameters
    ----------
    thickness_cm : float
        Membrane thickness ``h``, cm; > 0.
    diffusivity_cm2_h : float
        Diffusion coefficient ``D``, cm²/h; > 0.

    Returns
    -------
    float
        Lag time in h.

    Examples
    --------
    >>> lag_time(0.006, 1e-6)       # 0.006**2 / (6 * 1e-6)
    6.0
    """
    h = check_positive("thickness_cm", thickness_cm, "cm")
    d = check_positive("diffusivity_cm2_h", diffusivity_cm2_h, "cm²/h")
    return h * h / (6.0 * d)


def cumulative_permeated(t_h, partition, diffusivity_cm2_h, delta_c_ug_cm3,
                         thickness_cm, n_terms=200):
    """Cumulative amount that has crossed a membrane, from time zero.

    Crank's solution for a membrane that is free of drug at ``t = 0`` and
    then sits between a constant vehicle concentration and a sink:

    .. math::

        Q(t) = h K \\Delta C \\left[\\frac{D t}{h^2} - \\frac{1}{6}
               - \\frac{2}{\\pi^2}\\sum_{n=1}^{\\infty}\\frac{(-1)^n}{n^2}
               \\exp\\left(-\\frac{D n^2 \\pi^2 t}{h^2}\\right)\\right]

    At late times ``Q`` approaches the line ``J·(t − t_lag)``.

    Parameters
    ----------
    t_h : float or array_like
        Time since application, h; every element >= 0.
    partition, diffusivity_cm2_h, delta_c_ug_cm3, thickness_cm : float
        As for :func:`steady_state_flux`.
    n_terms : int
        Number of terms of the series, >= 1 (default 200).

    Returns
    -------
    float or numpy.ndarray
        Amount permeated per unit area, µg/cm², with the shape of ``t_h``.

    Examples
    --------
    >>> cumulative_permeated(0.0, 2, 1e-7, 1000, 15e-4)
    0.0
    """
    t = check_array("t_h", t_h, low=0.0, unit="h")
    n_max = check_number("n_terms", n_terms, low=1)
    if n_max != int(n_max):
        raise ValueError(f"n_terms must be a whole number >= 1; got {n_terms!r}")
    k = check_positive("partition", partition)
    d = check_positive("diffusivity_cm2_h", diffusivity_cm2_h, "cm²/h")
    dc = check_number("delta_c_ug_cm3", delta_c_ug_cm3, low=0.0, unit="µg/cm³")
    h = check_positive("thickness_cm", thickness_cm, "cm")
    n = np.arange(1, int(n_max) + 1)
    flat = t.ravel()
    tau = d * flat[:, None] / (h * h)
    series = np.sum((-1.0) ** n / n**2 * np.exp(-(n**2) * np.pi**2 * tau), axis=1)
    q = h * k * dc * (tau[:, 0] - 1.0 / 6.0 - 2.0 / np.pi**2 * series)
    q = np.where(flat == 0.0, 0.0, np.clip(q, 0.0, None))
    return float(q[0]) if np.ndim(t) == 0 else q.reshape(t.shape)


def stratum_corneum_content(partition, delta_c_ug_cm3, thickness_cm):
    """Drug held in the membrane at steady state, ``M = K·ΔC·h/2``.

    At steady state the concentration falls linearly from ``K·ΔC`` at the
    vehicle side to zero at the sink side, so the membrane holds half of
    ``K·ΔC`` over its whole thickness.

    Parameters
    ----------
    partition : float
        Membrane/vehicle partition coefficient; > 0.
    delta_c_ug_cm3 : float
        Vehicle concentration, µg/cm³; >= 0.
    thickness_cm : float
        Membrane thickness, cm; > 0.

    Returns
    -------
    float
        Amount in the membrane per unit area, µg/cm².

    Examples
    --------
    >>> stratum_corneum_content(2, 1000, 15e-4)   # 2 * 1000 * 0.0015 / 2
    1.5
    """
    k = check_positive("partition", partition)
    dc = check_number("delta_c_ug_cm3", delta_c_ug_cm3, low=0.0, unit="µg/cm³")
    h = check_positive("thickness_cm", thickness_cm, "cm")
    return k * dc * h / 2.0


def depot_release_rate(diffusivity_cm2_h, thickness_cm):
    """First-order rate constant at which a loaded layer empties, ``π²D/(4h²)``.

    After the surface is wiped, the outer face of the stratum corneum lets
    nothing out and the inner face is a sink. The slowest mode of diffusion
    in such a layer decays with this rate constant, which therefore sets how
    long the reservoir lasts.

    Parameters
    ----------
    diffusivity_cm2_h : float
        Diffusion coefficient, cm²/h; > 0.
    thickness_cm : float
        Layer thickness, cm; > 0.

    Returns
    -------
    float
        Rate constant in 1/h.

    Examples
    --------
    >>> round(depot_release_rate(1e-7, 15e-4), 4)  # 9.8696e-7 / 9e-6
    0.1097
    """
    d = check_positive("diffusivity_cm2_h", diffusivity_cm2_h, "cm²/h")
    h = check_positive("thickness_cm", thickness_cm, "cm")
    return math.pi**2 * d / (4.0 * h * h)


# --- Barrier changes --------------------------------------------------------

@dataclass(frozen=True)
class BarrierChange:
    """Factors by which a skin state multiplies ``h``, ``K`` and ``D``.

    Attributes
    ----------
    thickness : float
        Multiplier of the stratum corneum thickness ``h``.
    partition : float
        Multiplier of the partition coefficient ``K``.
    diffusivity : float
        Multiplier of the diffusion coefficient ``D``.
    description : str
        What the state is and which parameter it moves.
    """

    thickness: float = 1.0
    partition: float = 1.0
    diffusivity: float = 1.0
    description: str = ""


#: Illustrative skin states, each moving one parameter by a round factor.
#: The factors show the direction and the arithmetic; they are not measured.
BARRIER_SCENARIOS = {
    "normal": BarrierChange(description="intact stratum corneum"),
    "damaged": BarrierChange(
        diffusivity=4.0,
        description="inflamed skin: disordered lipids let the drug diffuse faster"),
    "hyperkeratotic": BarrierChange(
        thickness=3.0,
        description="thickened, scaly stratum corneum: a longer path"),
    "occluded": BarrierChange(
        diffusivity=2.0,
        description="covered skin: hydrated stratum corneum lets the drug diffuse faster"),
    "descaled": BarrierChange(
        thickness=1.2,
        description="hyperkeratotic plaque after the scale is removed: most of the extra path is gone"),
}


def scale_barrier(partition, diffusivity_cm2_h, thickness_cm, change):
    """Apply a :class:`BarrierChange` to a set of membrane parameters.

    Parameters
    ----------
    partition : float
        Partition coefficient (dimensionless); > 0.
    diffusivity_cm2_h : float
        Diffusion coefficient, cm²/h; > 0.
    thickness_cm : float
        Thickness, cm; > 0.
    change : BarrierChange
        The multipliers; each must be > 0.

    Returns
    -------
    tuple of float
        ``(partition, diffusivity_cm2_h, thickness_cm)`` after the change.

    Examples
    --------
    >>> scale_barrier(2, 1e-7, 15e-4, BarrierChange(thickness=2))
    (2.0, 1e-07, 0.003)
    """
    k = check_positive("partition", partition)
    d = check_positive("diffusivity_cm2_h", diffusivity_cm2_h, "cm²/h")
    h = check_positive("thickness_cm", thickness_cm, "cm")
    if not isinstance(change, BarrierChange):
        raise ValueError(f"change must be a BarrierChange; got {change!r}")
    return (k * check_positive("change.partition", change.partition),
            d * check_positive("change.diffusivity", change.diffusivity),
            h * check_positive("change.thickness", change.thickness))


def barrier_scenario(name):
    """Illustrative ``(partition, diffusivity_cm2_h, thickness_cm)`` of a skin state.

    Parameters
    ----------
    name : str
        A key of :data:`BARRIER_SCENARIOS`.

    Returns
    -------
    tuple of float
        The illustrative base parameters after the scenario's change.

    Raises
    ------
    ValueError
        If ``name`` is not a known scenario; the message lists them.
    """
    if name not in BARRIER_SCENARIOS:
        raise ValueError(f"name must be one of {', '.join(BARRIER_SCENARIOS)}; "
                         f"got {name!r}")
    return scale_barrier(ILLUSTRATIVE_PARTITION, ILLUSTRATIVE_DIFFUSIVITY_CM2_H,
                         ILLUSTRATIVE_THICKNESS_CM, BARRIER_SCENARIOS[name])


def barrier_relative_changes():
    """Steady-state flux and lag time of every skin state relative to normal skin.

    Each state of :data:`BARRIER_SCENARIOS` is turned into parameters by
    :func:`barrier_scenario`; flux follows :func:`steady_state_flux` with the
    illustrative donor concentration and lag time :func:`lag_time`.

    Returns
    -------
    tuple
        ``(names, flux_ratio, lag_ratio)``: the state names in the order of
        :data:`BARRIER_SCENARIOS` and two arrays of ratios to ``"normal"``.

    Examples
    --------
    >>> names, flux, lag = barrier_relative_changes()
    >>> float(flux[names.index("normal")]), float(lag[names.index("normal")])
    (1.0, 1.0)
    """
    names = list(BARRIER_SCENARIOS)
    flux, lag = [], []
    for name in names:
        k, d, h = barrier_scenario(name)
        flux.append(steady_state_flux(k, d, ILLUSTRATIVE_DONOR_UG_CM3, h))
        lag.append(lag_time(h, d))
    flux, lag = np.array(flux), np.array(lag)
    base = names.index("normal")
    return names, flux / flux[base], lag / lag[base]


# --- The stratum corneum reservoir ------------------------------------------

def reservoir_rates(amounts, k_in_per_h, k_out_per_h, k_el_per_h):
    """Right-hand side of the reservoir model.

    .. math::

        \\dot A_s = -k_\\text{in} A_s,\\quad
        \\dot A_{sc} = k_\\text{in} A_s - k_\\text{out} A_{sc},\\quad
        \\dot A_v = k_\\text{out} A_{sc} - k_\\text{el} A_v,\\quad
        \\dot A_e = k_\\text{el} A_v

    Parameters
    ----------
    amounts : array_like, shape (4,)
        Amounts per area in the surface film, the stratum corneum, the viable
        tissue and the eliminated pool, µg/cm².
    k_in_per_h, k_out_per_h, k_el_per_h : float
        First-order rate constants, 1/h.

    Returns
    -------
    numpy.ndarray, shape (4,)
        Rates of change, µg/(cm²·h). They sum to zero: no drug is made or lost.

    Examples
    --------
    >>> reservoir_rates([1.0, 0.0, 0.0, 0.0], 0.5, 0.1, 1.0).tolist()
    [-0.5, 0.5, 0.0, 0.0]
    """
    a_s, a_sc, a_v, _ = amounts
    into_sc = k_in_per_h * a_s
    out_of_sc = k_out_per_h * a_sc
    cleared = k_el_per_h * a_v
    return np.array([-into_sc, into_sc - out_of_sc, out_of_sc - cleared, cleared])


@dataclass(frozen=True)
class ReservoirRun:
    """Result of :func:`reservoir_model`; amounts are µg/cm², times h.

    The time ``wipe_h`` appears twice in ``t_h``: first with the state just
    before the wipe, then with the surface film removed.
    """

    t_h: np.ndarray
    surface: np.ndarray
    depot: np.ndarray
    viable: np.ndarray
    eliminated: np.ndarray
    wiped: np.ndarray
    wipe_h: float

    @property
    def absorbed(self):
        """Cumulative amount that has left the stratum corneum, µg/cm²."""
        return self.viable + self.eliminated

    def total(self):
        """Sum of all pools, µg/cm²; equals the dose at every time."""
        return self.surface + self.depot + self.viable + self.eliminated + self.wiped


def reservoir_model(dose_ug_cm2=1.0, wipe_h=12.0, end_h=48.0, *,
                    k_in_per_h=ILLUSTRATIVE_K_IN_PER_H, k_out_per_h=None,
                    k_el_per_h=ILLUSTRATIVE_K_EL_PER_H, step_h=0.1):
    """Surface film → stratum corneum depot → viable tissue, with a wipe-off.

    A finite dose is applied at ``t = 0`` and stays on the skin until
    ``wipe_h``, when the surface film is removed (its amount is booked to
    ``wiped``). The equations of :func:`reservoir_rates` are integrated with
    :func:`scipy.integrate.solve_ivp` on each side of the wipe.

    Parameters
    ----------
    dose_ug_cm2 : float
        Amount applied per area, µg/cm²; > 0 (default 1, so that amounts
        read as fractions of the dose).
    wipe_h : float
        Time of wipe-off, h; > 0 and < ``end_h``.
    end_h : float
        End of the simulation, h.
    k_in_per_h : float
        Surface → stratum corneum rate constant, 1/h; > 0 (illustrative
        default).
    k_out_per_h : float or None
        Stratum corneum → viable tissue rate constant, 1/h; > 0. ``None``
        takes :func:`depot_release_rate` of the illustrative membrane.
    k_el_per_h : float
        Removal from the viable tissue, 1/h; > 0 (illustrative default).
    step_h : float
        Spacing of the output times, h; > 0.

    Returns
    -------
    ReservoirRun

    Raises
    ------
    ValueError
        If an argument is out of range, or ``wipe_h >= end_h``.
    """
    dose = check_positive("dose_ug_cm2", dose_ug_cm2, "µg/cm²")
    wipe = check_positive("wipe_h", wipe_h, "h")
    end = check_positive("end_h", end_h, "h")
    if wipe >= end:
        raise ValueError(f"wipe_h must be < end_h ({end:g} h); got {wipe:g}")
    if k_out_per_h is None:
        k_out_per_h = depot_release_rate(ILLUSTRATIVE_DIFFUSIVITY_CM2_H,
                                         ILLUSTRATIVE_THICKNESS_CM)
    rates = (check_positive("k_in_per_h", k_in_per_h, "1/h"),
             check_positive("k_out_per_h", k_out_per_h, "1/h"),
             check_positive("k_el_per_h", k_el_per_h, "1/h"))
    step = check_positive("step_h", step_h, "h")

    def solve(y0, t0, t1):
        t_eval = np.linspace(t0, t1, max(2, int(round((t1 - t0) / step)) + 1))
        sol = solve_ivp(lambda _t, y: reservoir_rates(y, *rates), (t0, t1), y0,
                        t_eval=t_eval, method="LSODA", rtol=1e-10, atol=1e-12)
        if not sol.success:  # pragma: no cover - LSODA on a linear system
            raise RuntimeError(sol.message)
        return sol.t, sol.y

    t_on, y_on = solve([dose, 0.0, 0.0, 0.0], 0.0, wipe)
    removed = y_on[0, -1]
    t_off, y_off = solve([0.0, *y_on[1:, -1]], wipe, end)
    t = np.concatenate([t_on, t_off])
    y = np.concatenate([y_on, y_off], axis=1)
    wiped = np.concatenate([np.zeros_like(t_on), np.full_like(t_off, removed)])
    return ReservoirRun(t_h=t, surface=y[0], depot=y[1], viable=y[2],
                        eliminated=y[3], wiped=wiped, wipe_h=wipe)
