"""Concentration–time courses: a small compartmental pharmacokinetic engine.

The engine answers one question: given a set of doses (a **dosing table**:
times, amounts, route) and the parameters of a compartmental model, what is
the concentration at any time? It does so in two independent ways:

* **closed form by superposition** (:func:`concentration`): the models are
  linear, so the response to many doses is the sum of the responses to each
  dose, and each response is a sum of exponentials. This path is vectorised:
  every model parameter may be an array of shape ``(P,)`` (``P`` virtual
  patients), and the result then has shape ``(P, T)`` for ``T`` times.
* **numerical integration** (:func:`concentration_ode`) of the same model
  with :func:`scipy.integrate.solve_ivp`, which also handles what
  superposition cannot: a clearance that changes with time
  (:class:`ClearanceChange`: an inhibitor started or stopped, an inducer
  whose effect builds up with the enzyme's turnover).

Both paths agree to within 1e-6 (relative) wherever both apply; the tests
check it.

Models (:class:`OneCompartment`, :class:`TwoCompartment`) have first-order
absorption with an optional lag time and bioavailability for oral doses, and
accept intravenous bolus and infusion doses. Derived quantities (peak,
trough, AUC, accumulation ratio, average steady-state concentration, time to
a fraction of steady state) follow at the end of the module.

Units throughout: dose mg, time h, clearance L/h, volume L, rate constants
1/h; concentrations are returned in **ng/mL** (1 mg/L = 1000 ng/mL). For
tacrolimus, whose parameters are apparent whole-blood values, these are
whole-blood concentrations.

For education only: a curve computed here is not a dose for a patient.

Explained in ``exposure-over-time``, ``model-informed-dosing``; practised in
``practice-11``, ``practice-12`` (chapters/).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

import numpy as np
from scipy.integrate import solve_ivp

from .validation import (check_array, check_choice, check_fraction, check_integer,
                         check_number, check_positive)

__all__ = ["Route", "DosingTable", "dosing_table", "repeated_doses",
           "OneCompartment", "TwoCompartment", "ClearanceChange",
           "concentration", "concentration_ode", "trough_before_doses",
           "SteadyStateHistory", "concentration_stepwise",
           "steady_state_concentration", "peak", "auc", "accumulation_ratio",
           "average_steady_state_concentration", "time_to_fraction_of_steady_state",
           "NG_ML_PER_MG_L", "ILLUSTRATIVE_INHIBITOR_FOLD",
           "ILLUSTRATIVE_INDUCER_FOLD", "ILLUSTRATIVE_ENZYME_TURNOVER_H"]

#: mg/L to ng/mL.
NG_ML_PER_MG_L = 1000.0

# --- Illustrative interaction parameters (not clinical magnitudes) -----------
#: Clearance multiplier of the book's illustrative CYP3A4 inhibitor.
ILLUSTRATIVE_INHIBITOR_FOLD = 0.5
#: Clearance multiplier of the book's illustrative CYP3A4 inducer.
ILLUSTRATIVE_INDUCER_FOLD = 2.0
#: Half-life with which induction builds and wears off (enzyme turnover), h.
ILLUSTRATIVE_ENZYME_TURNOVER_H = 72.0

#: Below this relative gap between two rate constants, the exact divided
#: difference is replaced by its midpoint-derivative limit (error ~ gap²).
_LIMIT_GAP = 1e-5


class Route(Enum):
    """How a dose is given."""

    ORAL = "oral"
    BOLUS = "iv_bolus"
    INFUSION = "iv_infusion"


# --- Dosing tables ----------------------------------------------------------

@dataclass(frozen=True)
class DosingTable:
    """Doses given at arbitrary times (build it with :func:`dosing_table`).

    Attributes
    ----------
    times_h : numpy.ndarray
        Time of each dose, h, in non-decreasing order.
    amounts_mg : numpy.ndarray
        Amount of each dose, mg (> 0).
    route : Route
        Route of every dose in the table.
    infusion_h : float
        Duration of each infusion, h (> 0 for :attr:`Route.INFUSION`, else 0).
    """

    times_h: np.ndarray
    amounts_mg: np.ndarray
    route: Route = Route.ORAL
    infusion_h: float = 0.0

    def __len__(self):
        return len(self.times_h)

    @property
    def first_h(self):
        """Time of the first dose, h."""
        return float(self.times_h[0])


def dosing_table(times_h, amounts_mg, route=Route.ORAL, infusion_h=None):
    """A validated table of doses.

    Parameters
    ----------
    times_h : array_like, shape (N,)
        Dose times, h; finite, >= 0, sorted in non-decreasing order.
    amounts_mg : float or array_like, shape (N,)
        Dose amounts, mg; each > 0. A scalar applies to every dose.
    route : Route or str
        ``"oral"``, ``"iv_bolus"`` or ``"iv_infusion"``.
    infusion_h : float, optional
        Infusion duration, h; > 0, required for infusions only.

    Returns
    -------
    DosingTable

    Raises
    ------
    ValueError
        For a negative or zero dose, negative or non-finite times, times out
        of order, mismatched lengths, or a missing or superfluous infusion
        duration. The message names the parameter.

    Examples
    --------
    >>> d = dosing_table([0, 12, 24], 5.0)
    >>> d.amounts_mg.tolist(), d.route.value
    ([5.0, 5.0, 5.0], 'oral')
    """
    times = check_array("times_h", times_h, low=0.0, unit="h", ndim=1)
    if times.size == 0:
        raise ValueError("times_h must hold at least one dose time")
    if np.any(np.diff(times) < 0):
        raise ValueError("times_h must be sorted in non-decreasing order "
                         "(the dosing events are unsorted)")
    amounts = check_array("amounts_mg", amounts_mg, low=0.0, low_open=True,
                          unit="mg")
    if amounts.ndim == 0:
        amounts = np.full(times.shape, float(amounts))
    if amounts.shape != times.shape:
        raise ValueError(f"amounts_mg must be a scalar or have the shape of "
                         f"times_h {times.shape}; got {amounts.shape}")
    r = check_choice("route", route, Route)
    if r is Route.INFUSION:
        if infusion_h is None:
            raise ValueError("infusion_h must be given (> 0 h) for an infusion")
        dur = check_positive("infusion_h", infusion_h, "h")
    else:
        if infusion_h is not None:
            raise ValueError("infusion_h applies to route 'iv_infusion' only")
        dur = 0.0
    times.setflags(write=False)
    amounts.setflags(write=False)
    return DosingTable(times, amounts, r, dur)


def repeated_doses(dose_mg, tau_h, n_doses, *, start_h=0.0, route=Route.ORAL,
                   infusion_h=None):
    """``n_doses`` equal doses every ``tau_h`` hours from ``start_h``.

    Parameters
    ----------
    dose_mg : float
        Amount of each dose, mg; > 0.
    tau_h : float
        Dosing interval τ, h; > 0.
    n_doses : int
        Number of doses, >= 1.
    start_h : float
        Time of the first dose, h; >= 0.
    route, infusion_h
        As for :func:`dosing_table`.

    Examples
    --------
    >>> repeated_doses(2.0, 12, 3, start_h=8).times_h.tolist()
    [8.0, 20.0, 32.0]
    """
    dose = check_positive("dose_mg", dose_mg, "mg")
    tau = check_positive("tau_h", tau_h, "h")
    n = check_integer("n_doses", n_doses, low=1)
    start = check_number("start_h", start_h, low=0.0, unit="h")
    return dosing_table(start + tau * np.arange(n), dose, route, infusion_h)


# --- Models ------------------------------------------------------------------

def _param(name, value, unit, *, low=0.0, low_open=True, high=None):
    arr = check_array(name, value, low=low, low_open=low_open, high=high, unit=unit)
    if arr.ndim > 1:
        raise ValueError(f"{name} must be a scalar or a 1-dimensional array of "
                         f"parameter sets; got shape {arr.shape}")
    return arr


@dataclass(frozen=True)
class OneCompartment:
    """One-compartment model with first-order elimination.

    Each parameter is a number or a 1-D array (one value per virtual
    patient); arrays must share one length.

    Attributes
    ----------
    cl_l_h : float or array
        Clearance (apparent, CL/F, for oral data), L/h; > 0.
    v_l : float or array
        Volume of distribution, L; > 0.
    ka_per_h : float or array
        First-order absorption rate constant, 1/h; > 0 (oral doses only).
    lag_h : float or array
        Absorption lag time, h; >= 0.
    bioavailability : float or array
        Fraction of an oral dose absorbed, in (0, 1]; 1 when the clearance
        and volume are already apparent values (CL/F, V/F).
    """

    cl_l_h: object
    v_l: object
    ka_per_h: object = 1.0
    lag_h: object = 0.0
    bioavailability: object = 1.0

    def __post_init__(self):
        _validate(self)

    def disposition(self):
        """Coefficients and exponents of the unit bolus response.

        Returns ``(A, lam)``, arrays of shape ``(P, 1)``: after a unit bolus,
        ``C(t) = A·exp(−lam·t)`` in mg/L per mg.
        """
        cl, v = _broadcast(self.cl_l_h, self.v_l)
        return (1.0 / v)[:, None], (cl / v)[:, None]

    def with_clearance(self, cl_l_h):
        """A copy with another clearance."""
        return OneCompartment(cl_l_h, self.v_l, self.ka_per_h, self.lag_h,
                              self.bioavailability)

    def rhs(self):
        """Right-hand side ``f(a, rate, cl)`` of the amount equations.

        State ``(A_gut, A_central)`` in mg; ``rate`` is an infusion rate
        (mg/h) and ``cl`` the clearance at that moment (L/h).
        """
        v, ka = float(self.v_l), float(self.ka_per_h)

        def f(a, rate, cl):
            return np.array([-ka * a[0], ka * a[0] - cl * a[1] / v + rate])
        return f

    @property
    def central_volume_l(self):
        return self.v_l


@dataclass(frozen=True)
class TwoCompartment:
    """Two-compartment (mammillary) model with first-order elimination.

    Attributes
    ----------
    cl_l_h : float or array
        Clearance from the central compartment, L/h; > 0.
    v1_l : float or array
        Central volume, L; > 0.
    q_l_h : float or array
        Inter-compartmental clearance, L/h; > 0.
    v2_l : float or array
        Peripheral volume, L; > 0.
    ka_per_h, lag_h, bioavailability
        As for :class:`OneCompartment`.
    """

    cl_l_h: object
    v1_l: object
    q_l_h: object
    v2_l: object
    ka_per_h: object = 1.0
    lag_h: object = 0.0
    bioavailability: object = 1.0

    def __post_init__(self):
        _validate(self)

    def micro(self):
        """Micro-constants ``k10, k12, k21`` (1/h), arrays of shape (P,)."""
        cl, v1, q, v2 = _broadcast(self.cl_l_h, self.v1_l, self.q_l_h, self.v2_l)
        return cl / v1, q / v1, q / v2

    def disposition(self):
        """Unit bolus response ``C(t) = Σ A_i exp(−λ_i t)`` (mg/L per mg).

        Returns ``(A, lam)`` of shape ``(P, 2)``, with the hybrid rate
        constants α > β from

        .. math:: \\alpha\\beta = k_{10}k_{21},\\quad
                  \\alpha + \\beta = k_{10} + k_{12} + k_{21}.
        """
        k10, k12, k21 = self.micro()
        (v1,) = _broadcast(self.v1_l)
        s = k10 + k12 + k21
        root = np.sqrt(s * s - 4.0 * k10 * k21)
        alpha = 0.5 * (s + root)
        beta = k10 * k21 / alpha          # stable form of (s - root)/2
        a = (alpha - k21) / (v1 * (alpha - beta))
        b = (k21 - beta) / (v1 * (alpha - beta))
        return np.stack([a, b], axis=1), np.stack([alpha, beta], axis=1)

    def with_clearance(self, cl_l_h):
        """A copy with another clearance."""
        return TwoCompartment(cl_l_h, self.v1_l, self.q_l_h, self.v2_l,
                              self.ka_per_h, self.lag_h, self.bioavailability)

    def rhs(self):
        """Right-hand side ``f(a, rate, cl)`` for state ``(A_gut, A_central,
        A_peripheral)`` (mg); see :meth:`OneCompartment.rhs`."""
        v1, q, v2 = float(self.v1_l), float(self.q_l_h), float(self.v2_l)
        ka = float(self.ka_per_h)

        def f(a, rate, cl):
            transfer = q * (a[1] / v1 - a[2] / v2)
            return np.array([-ka * a[0],
                             ka * a[0] - cl * a[1] / v1 - transfer + rate,
                             transfer])
        return f

    @property
    def central_volume_l(self):
        return self.v1_l


_UNITS = {"cl_l_h": "L/h", "v_l": "L", "v1_l": "L", "q_l_h": "L/h", "v2_l": "L",
          "ka_per_h": "1/h", "lag_h": "h"}


def _validate(model):
    lengths = set()
    for name, unit in _UNITS.items():
        if not hasattr(model, name):
            continue
        if name == "lag_h":
            arr = _param(name, getattr(model, name), unit, low=0.0, low_open=False)
        else:
            arr = _param(name, getattr(model, name), unit)
        if arr.ndim == 1:
            lengths.add(arr.size)
    f = _param("bioavailability", model.bioavailability, "", high=1.0)
    if f.ndim == 1:
        lengths.add(f.size)
    if len(lengths) > 1:
        raise ValueError(f"parameter arrays must share one length; got lengths "
                         f"{sorted(lengths)}")


def _broadcast(*values):
    arrs = np.broadcast_arrays(*[np.atleast_1d(np.asarray(v, dtype=float))
                                 for v in values])
    return [a.astype(float) for a in arrs]


def _n_sets(model):
    sizes = [np.size(getattr(model, n)) for n in
             ("cl_l_h", "v_l", "v1_l", "q_l_h", "v2_l", "ka_per_h", "lag_h",
              "bioavailability") if hasattr(model, n)]
    return max(sizes)


def _is_vector(model):
    return any(np.ndim(getattr(model, n)) == 1 for n in
               ("cl_l_h", "v_l", "v1_l", "q_l_h", "v2_l", "ka_per_h", "lag_h",
                "bioavailability") if hasattr(model, n))


def _col(model, name):
    """Parameter ``name`` as a column of shape (P, 1, 1)."""
    p = _n_sets(model)
    return np.broadcast_to(np.asarray(getattr(model, name), dtype=float),
                           (p,)).reshape(p, 1, 1)


# --- Closed form ------------------------------------------------------------

def _phi(x):
    """(1 − e^{−x})/x, equal to 1 at x = 0, stable for small |x|."""
    x = np.asarray(x, dtype=float)
    small = np.abs(x) < 1e-8
    safe = np.where(small, 1.0, x)
    return np.where(small, 1.0 - 0.5 * x, -np.expm1(-safe) / safe)


def _oral_kernel(ka, lam, s):
    """∫₀ˢ ka e^{−ka u} e^{−lam (s−u)} du = ka·s·e^{−lam s}·φ((ka−lam)s), s >= 0.

    The ka → lam limit (ka·s·e^{−lam s}) needs no special case: φ(0) = 1.
    """
    return ka * s * np.exp(-lam * s) * _phi((ka - lam) * s)


def _unit_response(model, route, infusion_h, s):
    """Concentration (mg/L) per mg of dose at times ``s`` after the dose.

    ``s`` has shape (P, N, T) or broadcasts to it; zero where s < 0.
    """
    a, lam = model.disposition()               # (P, K)
    p = a.shape[0]
    a = a.reshape(p, 1, 1, -1)
    lam = lam.reshape(p, 1, 1, -1)
    if route is Route.ORAL:
        lag = _col(model, "lag_h")
        ka = _col(model, "ka_per_h")[..., None]
        f = _col(model, "bioavailability")
        sl = s - lag
        pos = np.maximum(sl, 0.0)[..., None]
        resp = f * np.sum(a * _oral_kernel(ka, lam, pos), axis=-1)
        return np.where(sl > 0, resp, 0.0)
    pos = np.maximum(s, 0.0)[..., None]
    if route is Route.BOLUS:
        resp = np.sum(a * np.exp(-lam * pos), axis=-1)
        return np.where(s >= 0, resp, 0.0)
    # infusion of duration T at rate 1/T
    dur = infusion_h
    during = np.minimum(pos, dur)
    after = np.maximum(pos - dur, 0.0)
    resp = np.sum(a * during * _phi(lam * during) * np.exp(-lam * after),
                  axis=-1) / dur
    return np.where(s > 0, resp, 0.0)


def _check_times(name, times_h, doses, allow_before=False):
    t = check_array(name, times_h, low=0.0, unit="h")
    if t.ndim > 1:
        raise ValueError(f"{name} must be a scalar or a 1-dimensional array")
    if not allow_before and np.any(t < doses.first_h):
        raise ValueError(f"{name} must not precede the first dose at "
                         f"{doses.first_h:g} h; got {float(np.min(t)):g} h")
    return t


def _check_model(model):
    if not isinstance(model, (OneCompartment, TwoCompartment)):
        raise ValueError(f"model must be a OneCompartment or TwoCompartment; "
                         f"got {model!r}")


def _check_doses(doses):
    if not isinstance(doses, DosingTable):
        raise ValueError(f"doses must be a DosingTable (see dosing_table); "
                         f"got {doses!r}")


def concentration(model, doses, times_h):
    """Concentration at ``times_h`` by superposition of closed-form responses.

    For a dose ``D`` at time ``t_d`` the contribution at ``t`` is
    ``D·g(t − t_d)``, with ``g`` the unit response of the route:

    * bolus: :math:`g(s) = \\sum_i A_i e^{-\\lambda_i s}`;
    * oral: :math:`g(s) = F\\sum_i A_i\\,k_a\\,
      \\frac{e^{-\\lambda_i s'} - e^{-k_a s'}}{k_a - \\lambda_i}`, with
      :math:`s' = s - t_\\text{lag}`, written as
      :math:`k_a s' e^{-\\lambda_i s'}\\,\\varphi((k_a-\\lambda_i)s')`,
      :math:`\\varphi(x) = (1-e^{-x})/x`, so that :math:`k_a = \\lambda_i`
      needs no special case;
    * infusion of duration ``T``: the bolus response integrated over ``T``.

    A dose given exactly at ``t`` is included in ``C(t)`` (a bolus at ``t``
    shows at ``t``); use :func:`trough_before_doses` for the level just
    before a dose.

    Parameters
    ----------
    model : OneCompartment or TwoCompartment
        Scalar parameters, or 1-D arrays for ``P`` parameter sets.
    doses : DosingTable
    times_h : float or array_like, shape (T,)
        Times, h; none before the first dose.

    Returns
    -------
    float or numpy.ndarray
        ng/mL; shape ``(T,)`` (or a float for a scalar time) for scalar
        parameters, ``(P, T)`` for arrays of parameters.

    Raises
    ------
    ValueError
        For a time before the first dose or non-finite times.

    Examples
    --------
    >>> m = OneCompartment(cl_l_h=10.0, v_l=100.0)
    >>> round(concentration(m, dosing_table([0], 5.0, "iv_bolus"), 0.0), 6)
    50.0
    """
    _check_model(model)
    _check_doses(doses)
    t = _check_times("times_h", times_h, doses)
    out = _superpose(model, doses, np.atleast_1d(t))
    if not _is_vector(model):
        out = out[0]
        return float(out[0]) if np.ndim(t) == 0 else out
    return out[:, 0] if np.ndim(t) == 0 else out


def _superpose(model, doses, t):
    """Sum of dose responses, shape (P, T), ng/mL."""
    p = _n_sets(model)
    fast = _superpose_separable(model, doses, t)
    if fast is not None:
        return fast
    out = np.zeros((p, t.size))
    # A regular grid with every dose time on it: compute one unit response
    # per parameter set and add shifted copies (no further exponentials).
    grid = _regular_grid_offsets(t, doses)
    if grid is not None:
        offsets = grid
        s = (t - t[0])[None, None, :]
        unit = _unit_response(model, doses.route, doses.infusion_h, s)[:, 0, :]
        for off, amount in zip(offsets, doses.amounts_mg):
            if off < t.size:
                out[:, off:] += amount * unit[:, :t.size - off]
        return out * NG_ML_PER_MG_L
    for td, amount in zip(doses.times_h, doses.amounts_mg):
        first = np.searchsorted(t, td, side="left") if _sorted(t) else 0
        sub = t[first:]
        if sub.size == 0:
            continue
        s = (sub - td)[None, None, :]
        out[:, first:] += amount * _unit_response(model, doses.route,
                                                  doses.infusion_h, s)[:, 0, :]
    return out * NG_ML_PER_MG_L


def _superpose_separable(model, doses, t):
    """Superposition through running sums, one exponential per term and time.

    Each response is a sum of exponentials ``c_r·e^{−r s}``, so the sum over
    doses given before ``t`` is ``Σ_r c_r·S_r(t_k)·e^{−r (t − t_k)}``, with
    ``t_k`` the last dose before ``t`` and ``S_r(t_k) = Σ_{j<=k} D_j
    e^{−r (t_k − t_j)}`` computed once per dose by recursion. Used for bolus
    and oral doses with one lag time; returns None when it does not apply (an
    infusion, lag times that differ between parameter sets, or ``k_a`` within
    0.1 % of a disposition rate constant, where the split into terms loses
    precision and the direct sum is used instead).
    """
    if doses.route is Route.INFUSION:
        return None
    a, lam = model.disposition()                       # (P, K)
    p = a.shape[0]
    if doses.route is Route.ORAL:
        lag = np.unique(np.asarray(model.lag_h, dtype=float))
        if lag.size != 1:
            return None
        ka = np.broadcast_to(np.asarray(model.ka_per_h, float), (p,))[:, None]
        gap = np.abs(ka - lam) / np.maximum(ka, lam)
        if np.any(gap < 1e-3):
            return None
        f = np.broadcast_to(np.asarray(model.bioavailability, float), (p,))[:, None]
        c_lam = f * a * ka / (ka - lam)
        coef = np.concatenate([c_lam, -np.sum(c_lam, axis=1, keepdims=True)], axis=1)
        rates = np.concatenate([lam, ka], axis=1)
        events = doses.times_h + float(lag[0])
    else:
        coef, rates, events = a, lam, doses.times_h
    n = events.size
    gaps = np.diff(events)
    running = np.empty((p, rates.shape[1], n))
    running[:, :, 0] = doses.amounts_mg[0]
    for k in range(1, n):
        running[:, :, k] = (running[:, :, k - 1] * np.exp(-rates * gaps[k - 1])
                            + doses.amounts_mg[k])
    out = np.zeros((p, t.size))
    if t.size >= 4 * n and _sorted(t):
        # many times: one slice of times per interval between doses, with no
        # gathers (few times, e.g. troughs for an estimate: the gather below)
        bounds = np.searchsorted(t, events, side="left")
        bounds = np.append(bounds, t.size)
        for k in range(n):
            lo, hi = bounds[k], bounds[k + 1]
            if hi <= lo:
                continue
            since = (t[lo:hi] - events[k])[None, :]
            out[:, lo:hi] = np.sum(
                [coef[:, r:r + 1] * running[:, r, k:k + 1]
                 * np.exp(-rates[:, r:r + 1] * since)
                 for r in range(rates.shape[1])], axis=0)
        return out * NG_ML_PER_MG_L
    last = np.searchsorted(events, t, side="right") - 1
    valid = last >= 0
    idx = np.maximum(last, 0)
    since = np.where(valid, t - events[idx], 0.0)
    for r in range(rates.shape[1]):
        out += (coef[:, r:r + 1] * running[:, r, :][:, idx]
                * np.exp(-rates[:, r:r + 1] * since[None, :]))
    return np.where(valid[None, :], out, 0.0) * NG_ML_PER_MG_L


def _sorted(t):
    return t.size < 2 or bool(np.all(np.diff(t) >= 0))


def _regular_grid_offsets(t, doses):
    """Integer grid offsets of the doses when ``t`` is a regular grid that
    contains every dose time; else None."""
    if t.size < 3:
        return None
    steps = np.diff(t)
    step = steps[0]
    if step <= 0 or np.max(np.abs(steps - step)) > 1e-9 * max(1.0, step):
        return None
    pos = (doses.times_h - t[0]) / step
    offsets = np.rint(pos).astype(int)
    if np.max(np.abs(pos - offsets)) > 1e-9 or np.any(offsets < 0):
        return None
    return offsets


def trough_before_doses(model, doses, indices=None):
    """Concentration just before each dose (the troughs), ng/mL.

    The level at ``t_k`` from the doses given before ``t_k`` only, i.e. the
    limit from the left: for a bolus, the value before the new dose lands.

    Parameters
    ----------
    model : OneCompartment or TwoCompartment
    doses : DosingTable
    indices : sequence of int, optional
        Which doses (0-based); by default all but the first.

    Returns
    -------
    numpy.ndarray
        Shape ``(K,)`` for scalar parameters, ``(P, K)`` for arrays.

    Examples
    --------
    >>> m = OneCompartment(cl_l_h=10.0, v_l=100.0)      # k = 0.1/h
    >>> d = repeated_doses(100.0, 10.0, 2, route="iv_bolus")
    >>> round(float(trough_before_doses(m, d)[0]), 4)    # 1000 ng/mL · e^-1
    367.8794
    """
    _check_model(model)
    _check_doses(doses)
    n = len(doses)
    idx = list(range(1, n)) if indices is None else [
        check_integer("indices", i, low=0, high=n - 1) for i in indices]
    p = _n_sets(model)
    out = np.zeros((p, len(idx)))
    for j, k in enumerate(idx):
        tk = doses.times_h[k]
        before = doses.times_h < tk
        if not np.any(before):
            continue
        sub = DosingTable(doses.times_h[before], doses.amounts_mg[before],
                          doses.route, doses.infusion_h)
        out[:, j] = _superpose(model, sub, np.array([tk]))[:, 0]
    return out if _is_vector(model) else out[0]


# --- Numerical integration ----------------------------------------------------

@dataclass(frozen=True)
class ClearanceChange:
    """A clearance that changes with time, as a multiplier of the baseline.

    Between ``start_h`` and ``stop_h`` an interacting drug moves the
    clearance toward ``fold`` × baseline (``fold < 1``: inhibitor; ``> 1``:
    inducer). With ``turnover_half_life_h = 0`` the change is immediate (a
    reversible inhibitor whose own kinetics are fast); otherwise the
    multiplier follows the enzyme's turnover,

    .. math:: \\frac{dm}{dt} = k_\\text{deg}\\,(m_\\text{target}(t) - m),
              \\qquad k_\\text{deg} = \\ln 2 / t_{1/2,\\text{enzyme}},

    approaching ``fold`` after the start and 1 after the stop (induction
    builds and wears off with the synthesis and loss of enzyme).

    Attributes
    ----------
    fold : float
        Target clearance multiplier, > 0 (illustrative in this book).
    start_h : float
        When the interacting drug starts, h; >= 0.
    stop_h : float or None
        When it stops, h (> start_h), or None if it continues.
    turnover_half_life_h : float
        Half-life of the change, h; >= 0 (0 = immediate).
    """

    fold: float
    start_h: float
    stop_h: float | None = None
    turnover_half_life_h: float = 0.0

    def __post_init__(self):
        check_positive("fold", self.fold)
        check_number("start_h", self.start_h, low=0.0, unit="h")
        if self.stop_h is not None:
            check_number("stop_h", self.stop_h, low=self.start_h, low_open=True,
                         unit="h")
        check_number("turnover_half_life_h", self.turnover_half_life_h, low=0.0,
                     unit="h")

    @property
    def breakpoints(self):
        """Times at which the multiplier has a kink or a jump."""
        return tuple(x for x in (self.start_h, self.stop_h) if x is not None)

    def scalar_multiplier(self, t_h):
        """Clearance multiplier at one time ``t_h`` (a float; fast)."""
        t, fold, t0, t1 = float(t_h), float(self.fold), float(self.start_h), self.stop_h
        if self.turnover_half_life_h == 0:
            on = t >= t0 and (t1 is None or t < t1)
            return fold if on else 1.0
        k = math.log(2.0) / self.turnover_half_life_h
        if t <= t0:
            return 1.0
        if t1 is None or t < t1:
            return 1.0 + (fold - 1.0) * -math.expm1(-k * (t - t0))
        reached = 1.0 + (fold - 1.0) * -math.expm1(-k * (t1 - t0))
        return 1.0 + (reached - 1.0) * math.exp(-k * (t - t1))

    def multiplier(self, t_h):
        """Clearance multiplier at ``t_h`` (vectorised).

        Examples
        --------
        >>> ClearanceChange(0.5, 10.0).multiplier([5.0, 10.0, 20.0]).tolist()
        [1.0, 0.5, 0.5]
        >>> c = ClearanceChange(3.0, 0.0, turnover_half_life_h=24.0)
        >>> round(float(c.multiplier(24.0)), 6)    # half-way from 1 to 3
        2.0
        """
        t = np.asarray(t_h, dtype=float)
        fold, t0, t1 = float(self.fold), float(self.start_h), self.stop_h
        if self.turnover_half_life_h == 0:
            on = (t >= t0) if t1 is None else ((t >= t0) & (t < t1))
            return np.where(on, fold, 1.0)
        k = math.log(2.0) / self.turnover_half_life_h
        since = np.maximum(t - t0, 0.0)
        if t1 is None:
            return 1.0 + (fold - 1.0) * -np.expm1(-k * since)
        reached = 1.0 + (fold - 1.0) * -math.expm1(-k * (t1 - t0))
        rising = 1.0 + (fold - 1.0) * -np.expm1(-k * np.minimum(since, t1 - t0))
        after = np.maximum(t - t1, 0.0)
        falling = 1.0 + (reached - 1.0) * np.exp(-k * after)
        return np.where(t < t1, rising, falling)


def concentration_ode(model, doses, times_h, clearance_change=None, *,
                      rtol=1e-10, atol_fraction=1e-13):
    """Concentration at ``times_h`` by integrating the amount equations.

    The model's differential equations are solved with
    :func:`scipy.integrate.solve_ivp` (``DOP853``) piece by piece between
    dose times, infusion ends and the breakpoints of ``clearance_change``;
    doses are added to the gut (oral, after the lag time) or the central
    compartment (bolus), and infusions enter as a constant rate.

    Parameters
    ----------
    model : OneCompartment or TwoCompartment
        Scalar parameters only (one patient).
    doses : DosingTable
    times_h : float or array_like
        Times, h; none before the first dose.
    clearance_change : ClearanceChange, optional
        Time-varying clearance: ``CL(t) = CL · multiplier(t)``.
    rtol : float
        Relative tolerance of the integrator, in (0, 1e-3].
    atol_fraction : float
        Absolute tolerance as a fraction of the largest dose, > 0.

    Returns
    -------
    float or numpy.ndarray
        ng/mL, shape of ``times_h``.

    Examples
    --------
    >>> m = OneCompartment(cl_l_h=10.0, v_l=100.0)
    >>> round(concentration_ode(m, dosing_table([0], 5.0, "iv_bolus"), 10.0), 4)
    18.394
    """
    _check_model(model)
    _check_doses(doses)
    if _is_vector(model):
        raise ValueError("model must have scalar parameters for concentration_ode "
                         "(one patient); use concentration for arrays")
    if clearance_change is not None and not isinstance(clearance_change,
                                                       ClearanceChange):
        raise ValueError(f"clearance_change must be a ClearanceChange or None; "
                         f"got {clearance_change!r}")
    rt = check_number("rtol", rtol, low=0.0, high=1e-3, low_open=True)
    af = check_positive("atol_fraction", atol_fraction)
    t = _check_times("times_h", times_h, doses)
    t_flat = np.atleast_1d(t)
    order = np.argsort(t_flat, kind="stable")
    ts = t_flat[order]

    oral = doses.route is Route.ORAL
    lag = float(model.lag_h) if oral else 0.0
    f_oral = float(model.bioavailability) if oral else 1.0
    events = doses.times_h + lag
    dur = doses.infusion_h
    cl0 = float(model.cl_l_h)
    n_state = 2 if isinstance(model, OneCompartment) else 3
    atol = af * float(np.max(doses.amounts_mg))

    def rate_at(tm):
        if doses.route is not Route.INFUSION:
            return 0.0
        on = (doses.times_h <= tm) & (tm < doses.times_h + dur)
        return float(np.sum(doses.amounts_mg[on])) / dur

    if clearance_change is None:
        def mult(tm):
            return 1.0
    else:
        mult = clearance_change.scalar_multiplier

    f = model.rhs()

    def rhs(tm, a, rate):
        return f(a, rate, cl0 * mult(tm))

    breaks = set(events.tolist())
    if doses.route is Route.INFUSION:
        breaks |= set((doses.times_h + dur).tolist())
    if clearance_change is not None:
        breaks |= set(clearance_change.breakpoints)
    t_end = float(ts[-1])
    edges = sorted(b for b in breaks if b < t_end) + [t_end]
    start = min(float(events[0]), edges[0])
    edges = [e for e in edges if e >= start]

    state = np.zeros(n_state)
    result = np.zeros(ts.size)
    current = start
    k_dose = 0
    for edge in edges + [None]:
        # add the doses that land at `current`
        while k_dose < len(events) and events[k_dose] <= current + 1e-12:
            if doses.route is Route.ORAL:
                state[0] += f_oral * doses.amounts_mg[k_dose]
            elif doses.route is Route.BOLUS:
                state[1] += doses.amounts_mg[k_dose]
            k_dose += 1
        # record outputs exactly at `current`
        at = np.isclose(ts, current, rtol=0, atol=1e-12)
        result[at] = state[1]
        if edge is None or edge <= current:
            if edge is None:
                break
            continue
        rate = rate_at(0.5 * (current + edge))
        inside = (ts > current) & (ts <= edge)
        t_eval = np.unique(np.append(ts[inside], edge))
        sol = solve_ivp(rhs, (current, edge), state, method="DOP853",
                        t_eval=t_eval, rtol=rt, atol=atol, args=(rate,))
        if not sol.success:  # pragma: no cover - DOP853 does not fail here
            raise RuntimeError(sol.message)
        if np.any(inside):
            result[inside] = sol.y[1][np.searchsorted(t_eval, ts[inside])]
        state = sol.y[:, -1].copy()
        current = edge
    conc = np.empty_like(result)
    conc[order] = result / float(model.central_volume_l) * NG_ML_PER_MG_L
    return float(conc[0]) if np.ndim(t) == 0 else conc


# --- Clearance that changes in steps ------------------------------------------

@dataclass(frozen=True)
class SteadyStateHistory:
    """A regimen taken long enough before a dosing table to be at steady state.

    ``dose_mg`` every ``tau_h`` for ever, the last of these doses ``tau_h``
    before the table's first dose: a record of "on 4 mg twice daily since
    long ago" that spares spelling out months of doses.

    Attributes
    ----------
    dose_mg : float
        Each dose, mg; > 0.
    tau_h : float
        Dosing interval, h; > 0 (and longer than the lag time).
    """

    dose_mg: float
    tau_h: float

    def __post_init__(self):
        check_positive("dose_mg", self.dose_mg, "mg")
        check_positive("tau_h", self.tau_h, "h")


def _rate_matrices(model, cl):
    """Matrices ``M`` of ``da/dt = M a`` for the state (gut, central[,
    peripheral]) with clearance ``cl`` (P,), shape (P, n, n), 1/h."""
    p = cl.shape[0]
    ka = np.broadcast_to(np.asarray(model.ka_per_h, float), (p,))
    if isinstance(model, OneCompartment):
        v = np.broadcast_to(np.asarray(model.v_l, float), (p,))
        m = np.zeros((p, 2, 2))
        m[:, 1, 1] = -cl / v
    else:
        v1, q, v2 = (np.broadcast_to(np.asarray(x, float), (p,))
                     for x in (model.v1_l, model.q_l_h, model.v2_l))
        m = np.zeros((p, 3, 3))
        m[:, 1, 1] = -(cl + q) / v1
        m[:, 1, 2] = q / v2
        m[:, 2, 1] = q / v1
        m[:, 2, 2] = -q / v2
    m[:, 0, 0] = -ka
    m[:, 1, 0] = ka
    return m


def _modes(m):
    """Eigenvalues, eigenvectors and their inverse of rate matrices (P, n, n)."""
    lam, vec = np.linalg.eig(m)
    lam, vec = np.real(lam), np.real(vec)     # real: a mammillary system
    rates = np.sort(-lam, axis=1)
    gap = np.diff(rates, axis=1) / rates[:, 1:]
    if np.any(gap < 1e-6):
        raise ValueError("ka_per_h must differ from the disposition rate "
                         "constants (by more than 1 in 10^6) for a stepwise "
                         "clearance")
    return lam, vec, np.linalg.inv(vec)


def _advance(modes, dt, x, rate):
    """Amounts ``dt`` hours on, with a constant input ``rate`` (P, n), mg/h."""
    lam, vec, inv = modes
    decay = np.exp(lam * dt)
    z = np.einsum("pij,pj->pi", inv, x) * decay
    if np.any(rate):
        z += np.einsum("pij,pj->pi", inv, rate) * np.expm1(lam * dt) / lam
    return np.einsum("pij,pj->pi", vec, z)


def concentration_stepwise(model, doses, times_h, step_times_h=(), cl_factors=1.0,
                           *, steady_state=None):
    """Concentration when clearance changes in steps, exactly and vectorised.

    Between ``step_times_h`` the clearance is ``CL · cl_factors[..., j]``
    (segment ``j``: before the first step time, between two step times,
    after the last). Within a segment the amounts follow ``da/dt = M a``
    and are carried forward exactly, ``a(t + Δ) = V e^{ΛΔ} V^{-1} a(t)``
    (eigen-decomposition of ``M``); doses are added to the gut (oral, after
    the lag time) or to the central compartment (bolus), and an infusion
    adds its constant rate to the central compartment while it runs. The
    system stays
    linear in the doses, so a concentration is still a sum of the doses'
    contributions, but those contributions are no longer shifted copies of
    one response, which is why :func:`concentration` cannot be used.

    Parameters
    ----------
    model : OneCompartment or TwoCompartment
        Scalar parameters or arrays of ``P`` sets (one lag time for all).
    doses : DosingTable
    times_h : float or array_like, shape (T,)
        Times, h; none before the first dose.
    step_times_h : array_like, shape (S,)
        Times at which clearance changes, h, strictly increasing.
    cl_factors : float or array_like, shape (S+1,) or (P, S+1)
        Clearance multiplier of each segment; > 0.
    steady_state : SteadyStateHistory, optional
        A regimen at steady state before the table's first dose, at the
        clearance of the segment in which its last dose falls.

    Returns
    -------
    float or numpy.ndarray
        ng/mL; ``(T,)`` or ``(P, T)`` as for :func:`concentration`.

    Raises
    ------
    ValueError
        For unsorted step times, factors of the wrong shape or not > 0, a
        steady-state history with infusions, lag times that differ between parameter sets, or ``k_a``
        equal to a disposition rate constant.

    Examples
    --------
    Clearance halved from 10 h on in a one-compartment bolus model
    (``k`` = 0.1/h, then 0.05/h):

    >>> m = OneCompartment(cl_l_h=10.0, v_l=100.0)
    >>> d = dosing_table([0.0], 100.0, "iv_bolus")
    >>> c = concentration_stepwise(m, d, 20.0, [10.0], [1.0, 0.5])
    >>> round(c, 4), round(1000 * math.exp(-1.0 - 0.5), 4)
    (223.1302, 223.1302)
    """
    _check_model(model)
    _check_doses(doses)
    infusion = doses.route is Route.INFUSION
    if infusion and steady_state is not None:
        raise ValueError("steady_state: a steady-state history is for oral or "
                         "bolus doses")
    t = _check_times("times_h", times_h, doses)
    steps = check_array("step_times_h", step_times_h, low=0.0, unit="h", ndim=1)
    if np.any(np.diff(steps) <= 0):
        raise ValueError("step_times_h must be strictly increasing")
    p = _n_sets(model)
    fac = check_array("cl_factors", cl_factors, low=0.0, low_open=True)
    n_seg = steps.size + 1
    if fac.ndim == 0:
        fac = np.full((p, n_seg), float(fac))
    elif fac.shape == (n_seg,):
        fac = np.broadcast_to(fac, (p, n_seg))
    elif fac.shape != (p, n_seg):
        raise ValueError(f"cl_factors must be a scalar or have shape ({n_seg},) "
                         f"or ({p}, {n_seg}); got {fac.shape}")
    if steady_state is not None and not isinstance(steady_state, SteadyStateHistory):
        raise ValueError(f"steady_state must be a SteadyStateHistory or None; "
                         f"got {steady_state!r}")
    oral = doses.route is Route.ORAL
    lag = np.unique(np.asarray(model.lag_h, dtype=float)) if oral else np.zeros(1)
    if lag.size != 1:
        raise ValueError("lag_h must be one value for all parameter sets here")
    lag = float(lag[0])
    entry = 0 if oral else 1
    f = (np.broadcast_to(np.asarray(model.bioavailability, float), (p,)) if oral
         else np.ones(p))
    cl = np.broadcast_to(np.asarray(model.cl_l_h, float), (p,))
    modes = [_modes(_rate_matrices(model, cl * fac[:, j])) for j in range(n_seg)]
    vc = np.broadcast_to(np.asarray(model.central_volume_l, float), (p,))

    t_flat = np.atleast_1d(t)
    # (time, kind, index): kind 0 a clearance step, 1 a dose (or the start of
    # an infusion), 2 a sample, 3 the end of an infusion
    events = ([(float(x), 0, j) for j, x in enumerate(steps)]
              + [(float(x) + lag, 1, k) for k, x in enumerate(doses.times_h)]
              + [(float(x), 2, i) for i, x in enumerate(t_flat)])
    if infusion:
        events += [(float(x) + doses.infusion_h, 3, k)
                   for k, x in enumerate(doses.times_h)]
    events.sort()
    x = np.zeros((p, modes[0][0].shape[1]))
    rate = np.zeros_like(x)
    now = events[0][0]
    if steady_state is not None:
        tau = steady_state.tau_h
        if oral and lag >= tau:
            raise ValueError("steady_state.tau_h must exceed the lag time lag_h")
        now = doses.first_h + lag - tau
        lam, vec, inv = modes[int(np.searchsorted(steps, now, side="right"))]
        phi = np.einsum("pij,pj,pjk->pik", vec, np.exp(lam * tau), inv)
        b = np.zeros_like(x)
        b[:, entry] = f * steady_state.dose_mg
        before = np.linalg.solve(np.eye(x.shape[1]) - phi,
                                 np.einsum("pij,pj->pi", phi, b)[..., None])[..., 0]
        x = before + b
    seg = int(np.searchsorted(steps, now, side="right"))
    out = np.zeros((p, t_flat.size))
    for time, kind, idx in events:
        if time > now:
            x = _advance(modes[seg], time - now, x, rate)
            now = time
        if kind == 0:
            seg = idx + 1
        elif kind == 1 and infusion:
            rate[:, 1] += doses.amounts_mg[idx] / doses.infusion_h
        elif kind == 1:
            x[:, entry] += f * doses.amounts_mg[idx]
        elif kind == 3:
            rate[:, 1] -= doses.amounts_mg[idx] / doses.infusion_h
        else:
            out[:, idx] = x[:, 1] / vc * NG_ML_PER_MG_L
    if not _is_vector(model):
        out = out[0]
        return float(out[0]) if np.ndim(t) == 0 else out
    return out[:, 0] if np.ndim(t) == 0 else out


# --- Steady state and derived quantities ---------------------------------------

def _ss_sum(lam, s, tau):
    """Σ_{n>=0} e^{−lam (s + nτ)} = e^{−lam s}/(1 − e^{−lam τ})."""
    return np.exp(-lam * s) / -np.expm1(-lam * tau)


def _ss_sum_dlam(lam, s, tau):
    """Derivative of :func:`_ss_sum` with respect to lam."""
    q = -np.expm1(-lam * tau)
    return (-s * np.exp(-lam * s) / q
            - np.exp(-lam * s) * tau * np.exp(-lam * tau) / (q * q))


def _ss_oral_term(ka, lam, s, tau):
    """ka·[S(lam) − S(ka)]/(ka − lam), with its limit when ka ≈ lam."""
    gap = ka - lam
    close = np.abs(gap) < _LIMIT_GAP * np.maximum(ka, lam)
    safe = np.where(close, 1.0, gap)
    exact = ka * (_ss_sum(lam, s, tau) - _ss_sum(ka, s, tau)) / safe
    limit = -ka * _ss_sum_dlam(0.5 * (ka + lam), s, tau)
    return np.where(close, limit, exact)


def steady_state_concentration(model, dose_mg, tau_h, time_in_interval_h,
                               route=Route.ORAL, infusion_h=None):
    """Concentration at steady state, ``t`` hours after a dose (0 <= t < τ).

    Infinite superposition: every exponential term :math:`e^{-\\lambda s}`
    of the single-dose response becomes
    :math:`e^{-\\lambda s}/(1-e^{-\\lambda\\tau})`.

    Parameters
    ----------
    model : OneCompartment or TwoCompartment
    dose_mg : float
        Each dose, mg; > 0.
    tau_h : float
        Dosing interval, h; > 0 (and longer than the lag time and any
        infusion).
    time_in_interval_h : float or array_like
        Time since the last dose, h, in [0, τ).
    route, infusion_h
        As for :func:`dosing_table`.

    Returns
    -------
    float or numpy.ndarray
        ng/mL; ``(T,)`` or ``(P, T)`` as for :func:`concentration`.

    Examples
    --------
    >>> m = OneCompartment(cl_l_h=10.0, v_l=100.0)
    >>> round(steady_state_concentration(m, 100.0, 10.0, 0.0, "iv_bolus"), 3)
    1581.977
    """
    _check_model(model)
    dose = check_positive("dose_mg", dose_mg, "mg")
    tau = check_positive("tau_h", tau_h, "h")
    r = check_choice("route", route, Route)
    s = check_array("time_in_interval_h", time_in_interval_h, low=0.0, high=tau,
                    high_open=True, unit="h")
    a, lam = model.disposition()
    p = a.shape[0]
    a3, lam3 = a[:, None, :], lam[:, None, :]
    ss = np.atleast_1d(s)[None, :, None]
    if r is Route.ORAL:
        lag = np.broadcast_to(np.asarray(model.lag_h, float), (p,))[:, None, None]
        if np.any(lag >= tau):
            raise ValueError("tau_h must exceed the lag time lag_h")
        ka = np.broadcast_to(np.asarray(model.ka_per_h, float), (p,))[:, None, None]
        f = np.broadcast_to(np.asarray(model.bioavailability, float), (p,))[:, None]
        sl = np.where(ss >= lag, ss - lag, ss - lag + tau)   # time since absorption began
        c = f * np.sum(a3 * _ss_oral_term(ka, lam3, sl, tau), axis=-1)
    elif r is Route.BOLUS:
        c = np.sum(a3 * _ss_sum(lam3, ss, tau), axis=-1)
    else:
        dur = check_positive("infusion_h", infusion_h, "h")
        if dur > tau:
            raise ValueError("infusion_h must not exceed tau_h")
        k = lam3
        rise = -np.expm1(-k * np.minimum(ss, dur)) / k       # current dose
        now = rise * np.exp(-k * np.maximum(ss - dur, 0.0))
        # every earlier dose has ended: its term decays from e^{-k(s+nτ-T)}
        earlier = (-np.expm1(-k * dur) / k * np.exp(-k * (ss - dur))
                   * np.exp(-k * tau) / -np.expm1(-k * tau))
        c = np.sum(a3 * (now + earlier), axis=-1) / dur
    c = c * dose * NG_ML_PER_MG_L
    if not _is_vector(model):
        c = c[0]
        return float(c[0]) if np.ndim(s) == 0 else c
    return c[:, 0] if np.ndim(s) == 0 else c


def peak(times_h, conc_ng_ml):
    """Highest concentration on a grid and when it occurs.

    Parameters
    ----------
    times_h : array_like, shape (T,)
        Sorted times, h.
    conc_ng_ml : array_like, shape (T,) or (P, T)
        Concentrations on that grid.

    Returns
    -------
    (cmax, tmax)
        Floats, or arrays of shape (P,). The grid sets the precision.

    Examples
    --------
    >>> peak([0, 1, 2, 3], [0, 4, 6, 5])
    (6.0, 2.0)
    """
    t = check_array("times_h", times_h, unit="h", ndim=1)
    c = check_array("conc_ng_ml", conc_ng_ml, low=0.0, unit="ng/mL")
    if c.shape[-1] != t.size:
        raise ValueError("conc_ng_ml must have the length of times_h in its "
                         "last axis")
    i = np.argmax(c, axis=-1)
    cmax = np.take_along_axis(c, np.expand_dims(i, -1), -1)[..., 0]
    if c.ndim == 1:
        return float(cmax), float(t[i])
    return cmax, t[i]


def auc(times_h, conc_ng_ml, start_h=None, end_h=None):
    """Area under the curve between two times (trapezoidal rule), ng·h/mL.

    Parameters
    ----------
    times_h : array_like, shape (T,)
        Sorted times, h.
    conc_ng_ml : array_like, shape (T,) or (P, T)
    start_h, end_h : float, optional
        Limits, which must be grid points; default the whole grid.

    Examples
    --------
    >>> auc([0, 1, 2], [0, 2, 2])       # 1 + 2
    3.0
    """
    t = check_array("times_h", times_h, unit="h", ndim=1)
    c = check_array("conc_ng_ml", conc_ng_ml, low=0.0, unit="ng/mL")
    lo = t[0] if start_h is None else check_number("start_h", start_h, unit="h")
    hi = t[-1] if end_h is None else check_number("end_h", end_h, low=lo, unit="h")
    sel = (t >= lo - 1e-9) & (t <= hi + 1e-9)
    if not (np.isclose(t[sel][0], lo) and np.isclose(t[sel][-1], hi)):
        raise ValueError("start_h and end_h must be points of times_h")
    out = np.trapezoid(c[..., sel], t[sel], axis=-1)
    return float(out) if np.ndim(out) == 0 else out


def accumulation_ratio(elimination_rate_per_h, tau_h):
    """Steady-state over first-dose concentration at the same time after a dose.

    .. math:: R = \\frac{1}{1 - e^{-k\\tau}}

    Exact at every time after a dose for a one-compartment drug given by
    bolus. With first-order absorption it holds only once the dose has been
    absorbed: for the one-compartment mean patient
    (:func:`tcibook.poppk.review_one_compartment`, ``R`` = 2 with τ = 12 h)
    the ratio is about 3.9 half an hour after the dose and 2.00 at 2 h. A
    two-compartment drug has one such ratio per exponential term and none
    for the level as a whole.

    Examples
    --------
    >>> accumulation_ratio(math.log(2) / 12, 12)      # τ = t½: R = 2
    2.0
    """
    k = check_positive("elimination_rate_per_h", elimination_rate_per_h, "1/h")
    tau = check_positive("tau_h", tau_h, "h")
    return 1.0 / -math.expm1(-k * tau)


def average_steady_state_concentration(dose_mg, tau_h, cl_l_h, bioavailability=1.0):
    """Average concentration over a dosing interval at steady state, ng/mL.

    .. math:: \\bar C_{ss} = \\frac{F\\,D}{CL\\,\\tau} = \\frac{AUC_\\tau}{\\tau}

    Exact for the average over an interval (the AUC over the interval
    divided by the interval) of any linear model, whatever its compartments,
    absorption or interval; it says nothing about the trough, which lies
    below it. Per-kilogram doses and clearances give the same result: a
    daily dose in mg/kg with ``tau_h`` = 24 and a clearance in L/h/kg.

    Parameters
    ----------
    dose_mg : float
        Oral (or intravenous) dose given every ``tau_h`` hours, mg; > 0.
    tau_h : float
        Dosing interval, h; > 0.
    cl_l_h : float
        Whole-blood clearance, L/h; > 0.
    bioavailability : float
        Fraction of the dose that reaches the circulation, in (0, 1].

    Returns
    -------
    float
        Average concentration over a dosing interval, ng/mL.

    Examples
    --------
    >>> average_steady_state_concentration(5.0, 12.0, 25.0)   # 5/(25·12) mg/L
    16.666666666666668
    >>> # per kg: 0.1 mg/kg/day, 0.06 L/h/kg, F = 0.25: 0.025/1.44 mg/L
    >>> round(average_steady_state_concentration(0.1, 24.0, 0.06, 0.25), 2)
    17.36
    """
    d = check_positive("dose_mg", dose_mg, "mg")
    tau = check_positive("tau_h", tau_h, "h")
    cl = check_positive("cl_l_h", cl_l_h, "L/h")
    f = check_number("bioavailability", bioavailability, low=0.0, high=1.0,
                     low_open=True)
    return f * d / (cl * tau) * NG_ML_PER_MG_L


def time_to_fraction_of_steady_state(fraction, elimination_rate_per_h):
    """Time for a one-compartment level to reach ``fraction`` of steady state.

    .. math:: t_f = \\frac{-\\ln(1 - f)}{k} = t_{1/2}\\,\\log_2\\frac{1}{1 - f}

    The inverse of :func:`tcibook.tdm.fraction_of_steady_state`, and exact
    in the same regime: the troughs of a one-compartment drug, after regular
    dosing starts or after a change of dose or of clearance (with the new
    rate constant). A two-compartment drug has no single ``k``: the typical
    patient of :data:`tcibook.poppk.ANDREWS_2019` reaches 90 % of its
    steady-state trough only after about 43 days, where this formula gives
    about 2 days with the fast half-life.

    Parameters
    ----------
    fraction : float
        Fraction of steady state, in (0, 1).
    elimination_rate_per_h : float
        Elimination rate constant :math:`k = \\ln 2 / t_{1/2}`, 1/h; > 0.

    Returns
    -------
    float
        Time, h.

    Examples
    --------
    >>> round(time_to_fraction_of_steady_state(0.5, math.log(2) / 12), 9)
    12.0
    >>> round(time_to_fraction_of_steady_state(0.75, math.log(2) / 12), 9)  # 2 t½
    24.0
    """
    f = check_fraction("fraction", fraction)
    if f in (0.0, 1.0):
        raise ValueError("fraction must lie in (0, 1); got " + f"{f:g}")
    k = check_positive("elimination_rate_per_h", elimination_rate_per_h, "1/h")
    return -math.log1p(-f) / k
