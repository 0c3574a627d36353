"""Model-informed precision dosing: a population prior updated by measured troughs.

Given a :class:`~tcibook.poppk.PopulationModel` (the prior), the doses a
patient took and one or more measured concentrations, this module

* finds the **maximum a posteriori** (MAP) random effects
  (:func:`map_estimate`): the values that best balance fitting the
  measurements against staying close to the typical patient,

  .. math::

     \\hat\\eta = \\arg\\min_\\eta \\;
     \\sum_j \\frac{(\\ln y_j - \\ln f(t_j;\\eta))^2}{\\sigma^2}
     + \\sum_r \\frac{\\eta_r^2}{\\omega_r^2},

  with a log-normal prior and an exponential (log-scale) residual error,
  solved with :func:`scipy.optimize.least_squares`; it also takes samples
  below the limit of quantification (M3 likelihood), between-occasion
  variability of clearance, known clearance steps (:class:`ClearanceSteps`:
  an interacting drug, a haematocrit that moved) and a steady-state record
  (:class:`tcibook.pk.SteadyStateHistory`);
* approximates the posterior around that point by a normal distribution
  whose covariance is the inverse of the Gauss–Newton Hessian (the Laplace
  approximation), and turns it into a band for the true concentration and a
  prediction interval for a measured one (:func:`predicted_course`,
  :func:`forecast_troughs`);
* gives the dose that brings the trough on a chosen day to target
  (:func:`dose_for_trough_at`), the dose for a target steady-state trough
  (:func:`dose_for_target_trough`), and the proportional rule of
  :func:`tcibook.tdm.trough_adjusted_dose` beside them
  (:func:`compare_with_proportional_rule`);
* scores these methods in simulated patients (:func:`validation_study`).

Concentrations ng/mL, doses mg, times h. For education only: every dose here
is what a model gives for invented data, not a dose for a patient.

Explained in ``model-informed-dosing``; practised in ``practice-12``
(chapters/).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import least_squares
from scipy.special import log_ndtr

from . import pk
from .facts import value
from .poppk import PopulationModel
from .tdm import trough_adjusted_dose
from .validation import check_array, check_integer, check_number, check_positive

__all__ = ["SCENARIO_DOSE_MG", "SCENARIO_TAU_H", "SCENARIO_DAYS",
           "SCENARIO_TROUGH_DAYS", "SCENARIO_ETA", "SCENARIO_SEED",
           "scenario_doses", "scenario_trough_times", "scenario_patient",
           "MapEstimate", "map_estimate", "ClearanceSteps", "Conditions", "predicted_course", "Course",
           "dose_for_target_trough", "steady_state_trough", "trough_times",
           "forecast_troughs", "dose_for_trough_at", "TroughPlan",
           "compare_with_proportional_rule", "DoseComparison",
           "VALIDATION_OUTCOME_DAYS", "VALIDATION_AIM_DAY", "VALIDATION_METHODS",
           "ValidationResult", "validation_study"]

# --- The book's worked scenario (invented numbers, not a recommendation) ---
#: Twice-daily dose of the worked examples, mg.
SCENARIO_DOSE_MG = 4.0
#: Dosing interval, h (the Prograf label's 12 h; fact prograf_dosing_interval_h).
SCENARIO_TAU_H = float(value("prograf_dosing_interval_h"))
#: Days of dosing in the worked examples.
SCENARIO_DAYS = 14
#: Days on whose morning the troughs of the worked examples are drawn
#: (day 1 is the first day of dosing; the trough of day d is drawn just
#: before the first dose of that day).
SCENARIO_TROUGH_DAYS = (3, 7, 14)


def scenario_doses(dose_mg=SCENARIO_DOSE_MG, days=SCENARIO_DAYS,
                   tau_h=SCENARIO_TAU_H):
    """Twice-daily doses from time 0 for ``days`` days (a DosingTable)."""
    n = check_integer("days", days, low=1) * int(round(24.0 / tau_h))
    return pk.repeated_doses(dose_mg, tau_h, n)


def scenario_trough_times(days=SCENARIO_TROUGH_DAYS):
    """Times (h) of morning troughs on the given days (day 1 starts at 0 h).

    >>> scenario_trough_times((2, 3)).tolist()
    [24.0, 48.0]
    """
    d = check_array("days", days, low=1.0, ndim=1)
    return 24.0 * (d - 1.0)


#: Random effects (CL, V1, Q, V2) of the invented patient of the worked
#: example: a clearance 1.6 times the typical value.
SCENARIO_ETA = (float(np.log(1.6)), 0.2, -0.2, 0.1)
#: Seed of the residual errors added to that patient's troughs.
SCENARIO_SEED = 10


def scenario_patient(population=None, eta=SCENARIO_ETA, seed=SCENARIO_SEED):
    """The invented patient of the worked example and their measured troughs.

    The troughs of :func:`scenario_trough_times` on :func:`scenario_doses`,
    computed for random effects ``eta`` and multiplied by log-normal residual
    errors with the population's ``sigma_log`` (seeded).

    Returns
    -------
    (doses, times_h, measured_ng_ml, true_model)
    """
    from .poppk import ANDREWS_2019
    pop = ANDREWS_2019 if population is None else population
    doses = scenario_doses()
    times = scenario_trough_times()
    true_model = pop.individual(np.asarray(eta, dtype=float))
    true = pk.concentration(true_model, doses, times)
    rng = np.random.default_rng(check_integer("seed", seed, low=0))
    measured = true * np.exp(rng.normal(0.0, pop.sigma_log, times.size))
    return doses, times, np.round(measured, 1), true_model


#: Concentrations below this are treated as this when their logarithm is
#: taken (a prediction inside the lag time is zero), ng/mL.
_FLOOR_NG_ML = 1e-12


@dataclass(frozen=True)
class ClearanceSteps:
    """Known changes of a patient's clearance, as multipliers in steps.

    ``factors[0]`` applies before ``times_h[0]``, ``factors[j]`` from
    ``times_h[j-1]`` on. Use it to tell the model what it cannot estimate
    from troughs: an interacting drug started or stopped
    (:meth:`from_change`), or a haematocrit that moved
    (:meth:`from_haematocrit`). Steps combine by multiplication (``a * b``).

    Attributes
    ----------
    times_h : tuple of float
        Times of the steps, h, strictly increasing.
    factors : tuple of float
        One more factor than times; each > 0.
    """

    times_h: tuple
    factors: tuple

    def __post_init__(self):
        t = check_array("times_h", self.times_h, low=0.0, unit="h", ndim=1)
        if np.any(np.diff(t) <= 0):
            raise ValueError("times_h must be strictly increasing")
        f = check_array("factors", self.factors, low=0.0, low_open=True, ndim=1)
        if f.size != t.size + 1:
            raise ValueError(f"factors must hold one more value than times_h "
                             f"({t.size + 1}); got {f.size}")
        object.__setattr__(self, "times_h", tuple(float(x) for x in t))
        object.__setattr__(self, "factors", tuple(float(x) for x in f))

    @classmethod
    def from_change(cls, change):
        """Steps of an interacting drug with an immediate effect.

        >>> ClearanceSteps.from_change(pk.ClearanceChange(0.5, 240.0)).factors
        (1.0, 0.5)
        """
        if not isinstance(change, pk.ClearanceChange):
            raise ValueError(f"change must be a pk.ClearanceChange; got {change!r}")
        if change.turnover_half_life_h != 0:
            raise ValueError("change: only an immediate change "
                             "(turnover_half_life_h = 0) is a step")
        factors = (1.0, float(change.fold)) + ((1.0,) if change.stop_h is not None else ())
        return cls(change.breakpoints, factors)

    @classmethod
    def from_haematocrit(cls, times_h, haematocrits, reference_haematocrit=None):
        """Steps of whole-blood clearance from haematocrits measured over time.

        Parameters
        ----------
        times_h : array_like, shape (S,)
            When each new haematocrit holds from, h; strictly increasing.
        haematocrits : array_like, shape (S+1,)
            Haematocrits (L/L, in (0, 1)); the first holds from the start.
        reference_haematocrit : float, optional
            The haematocrit of the population model the steps multiply (L/L):
            by default the Andrews 2019 reference
            (``poppk.REFERENCE_COVARIATES["haematocrit"]``), the right choice
            for a model built with the default ``haematocrit``; for a model
            built with ``haematocrit=h``, pass ``h``.

        Each factor is :func:`tcibook.poppk.haematocrit_clearance_factor`.

        >>> s = ClearanceSteps.from_haematocrit([240.0], [0.30, 0.36], 0.30)
        >>> [round(f, 4) for f in s.factors]
        [1.0, 0.8706]
        >>> s = ClearanceSteps.from_haematocrit([240.0], [0.34, 0.30])
        >>> [round(f, 4) for f in s.factors]
        [1.0, 1.0998]
        """
        from .poppk import haematocrit_clearance_factor
        h = check_array("haematocrits", haematocrits, ndim=1)
        return cls(tuple(np.atleast_1d(times_h).tolist()),
                   tuple(haematocrit_clearance_factor(x, reference_haematocrit)
                         for x in h))

    def __mul__(self, other):
        if not isinstance(other, ClearanceSteps):
            return NotImplemented
        times = sorted(set(self.times_h) | set(other.times_h))
        probe = [-1.0] + times
        return ClearanceSteps(tuple(times), tuple(self.at(x) * other.at(x) for x in probe))

    def at(self, t_h):
        """The factor in force at ``t_h`` (a step applies from its time on)."""
        return self.factors[int(np.searchsorted(self.times_h, t_h, side="right"))]


@dataclass(frozen=True)
class Conditions:
    """What the model is told besides the doses (see :func:`map_estimate`).

    Attributes
    ----------
    clearance_steps : ClearanceSteps or None
    occasions_h : tuple of float
        Start times of the occasions after the first, h.
    steady_state : pk.SteadyStateHistory or None
    """

    clearance_steps: object = None
    occasions_h: tuple = ()
    steady_state: object = None

    @property
    def plain(self):
        """True when the closed-form superposition applies."""
        return (self.clearance_steps is None and not self.occasions_h
                and self.steady_state is None)

    def with_occasion(self, start_h):
        """The same conditions with one more occasion from ``start_h``."""
        return Conditions(self.clearance_steps, self.occasions_h + (float(start_h),),
                          self.steady_state)


def _predict(population, eta, doses, t, conditions=None, kappa=None):
    """Concentrations (P, T), ng/mL, for random effects ``eta`` (P, R) and
    occasion effects ``kappa`` (P, O) under ``conditions``."""
    models = population.individual(eta)
    if conditions is None or conditions.plain:
        return pk._superpose(models, doses, t)
    steps = conditions.clearance_steps or ClearanceSteps((), (1.0,))
    occ = np.asarray(conditions.occasions_h, dtype=float)
    breaks = np.array(sorted(set(steps.times_h) | set(occ.tolist())))
    starts = np.concatenate([[-np.inf], breaks])
    known = np.array([steps.at(x) for x in starts])
    factors = np.broadcast_to(known, (eta.shape[0], starts.size)).copy()
    if occ.size:
        which = np.searchsorted(occ, starts, side="right")      # occasion index
        factors *= np.exp(kappa[:, which])
    return pk.concentration_stepwise(models, doses, t, breaks, factors,
                                     steady_state=conditions.steady_state)


@dataclass(frozen=True)
class MapEstimate:
    """Result of :func:`map_estimate`.

    Attributes
    ----------
    population : PopulationModel
        The prior.
    eta : numpy.ndarray, shape (R,)
        MAP random effects, in the order of ``population.random_effects``.
    covariance : numpy.ndarray, shape (R, R)
        Laplace approximation of the posterior covariance of ``eta``.
    model : OneCompartment or TwoCompartment
        The individual structural model at the MAP.
    n_observations : int
    success : bool
        Whether the optimiser reported convergence.
    kappa : numpy.ndarray, shape (O,)
        MAP between-occasion effects on clearance, one per occasion (empty
        without occasions).
    joint_covariance : numpy.ndarray, shape (R + O, R + O) or None
        Posterior covariance of ``eta`` and ``kappa`` together.
    conditions : Conditions or None
        What the estimate was told besides the doses.
    """

    population: PopulationModel
    eta: np.ndarray
    covariance: np.ndarray
    model: object
    n_observations: int
    success: bool
    kappa: np.ndarray = field(default_factory=lambda: np.zeros(0))
    joint_covariance: np.ndarray = None
    conditions: Conditions = None

    def parameter(self, key):
        """The individual's value of one structural parameter."""
        return float(getattr(self.model, key))

    def relative_sd(self, key):
        """Posterior SD of ``ln(parameter)`` for a parameter with a random effect."""
        j = self.population.random_effects.index(key)
        return float(np.sqrt(self.covariance[j, j]))

    def model_at(self, t_h):
        """The individual model with the known clearance step in force at
        ``t_h`` (an interacting drug the estimate was told about); the MAP
        model itself when there is none."""
        steps = None if self.conditions is None else self.conditions.clearance_steps
        if steps is None:
            return self.model
        return self.model.with_clearance(self.model.cl_l_h * steps.at(t_h))


def _observations(doses, times_h, conc_ng_ml, lloq_ng_ml=None):
    t = check_array("times_h", times_h, low=0.0, unit="h", ndim=1)
    y = check_array("conc_ng_ml", conc_ng_ml, low=0.0, low_open=lloq_ng_ml is None,
                    unit="ng/mL", ndim=1)
    if t.size == 0:
        raise ValueError("times_h must hold at least one observation")
    if t.shape != y.shape:
        raise ValueError(f"conc_ng_ml must have the shape of times_h {t.shape}; "
                         f"got {y.shape}")
    if np.any(t < doses.first_h):
        raise ValueError(f"times_h must not precede the first dose at "
                         f"{doses.first_h:g} h; got {float(np.min(t)):g} h")
    if lloq_ng_ml is not None:
        lloq = check_positive("lloq_ng_ml", lloq_ng_ml, "ng/mL")
        if np.any((y > 0) & (y < lloq)):
            raise ValueError(f"conc_ng_ml: a value below lloq_ng_ml ({lloq:g}) "
                             f"must be reported as 0 (below the limit)")
    return t, y


def map_estimate(population, doses, times_h, conc_ng_ml, *, lloq_ng_ml=None,
                 occasions_h=None, clearance_steps=None, steady_state=None):
    r"""Maximum a posteriori random effects from measured concentrations.

    Parameters
    ----------
    population : PopulationModel
        Prior: typical values, ω of each random effect, residual σ (and
        ``omega_occasion_cl`` if ``occasions_h`` is given).
    doses : pk.DosingTable
        Every dose the patient took (after ``steady_state``, if given).
    times_h : array_like, shape (J,)
        Sampling times, h; none before the first dose.
    conc_ng_ml : array_like, shape (J,)
        Measured concentrations, ng/mL; > 0, or 0 for a sample below the
        limit of quantification when ``lloq_ng_ml`` is given.
    lloq_ng_ml : float, optional
        Lower limit of quantification of the assay, ng/mL; > 0. A sample
        reported as 0 then contributes the probability of being below the
        limit, :math:`\Phi((\ln L - \ln f)/\sigma)` (the "M3" method),
        instead of being refused or set to a number.
    occasions_h : array_like, optional
        Start times of the occasions after the first, h, strictly
        increasing (e.g. each clinic visit). Each occasion gets its own
        clearance factor :math:`e^{\kappa_o}`, :math:`\kappa_o \sim
        N(0, \omega_\text{occ}^2)` (between-occasion variability).
    clearance_steps : ClearanceSteps, optional
        Known changes of clearance (an interacting drug, a haematocrit that
        moved), applied in the estimation as in the simulation.
    steady_state : pk.SteadyStateHistory, optional
        A regimen at steady state before the first dose of ``doses``.

    Returns
    -------
    MapEstimate

    Raises
    ------
    ValueError
        For observations before the first dose, non-positive or non-finite
        concentrations (0 only with ``lloq_ng_ml``), mismatched lengths,
        occasions without ``omega_occasion_cl`` in the population, or
        conditions of the wrong type.

    Examples
    --------
    A one-compartment prior with only CL varying, and one level measured
    during a long constant infusion, where the level is (very nearly)
    ``rate / CL``:

    >>> from tcibook.poppk import PopulationModel
    >>> prior = PopulationModel("toy", "one", {"cl_l_h": 10.0, "v_l": 5.0},
    ...                         {"cl_l_h": 1000.0}, 0.1)
    >>> d = pk.dosing_table([0.0], 1000.0, "iv_infusion", infusion_h=1000.0)
    >>> est = map_estimate(prior, d, [500.0], [50.0])   # 1 mg/h / 20 L/h
    >>> round(est.parameter("cl_l_h"), 3)
    20.0
    """
    if not isinstance(population, PopulationModel):
        raise ValueError(f"population must be a PopulationModel; got {population!r}")
    if not isinstance(doses, pk.DosingTable):
        raise ValueError(f"doses must be a DosingTable; got {doses!r}")
    t, y = _observations(doses, times_h, conc_ng_ml, lloq_ng_ml)
    if clearance_steps is not None and not isinstance(clearance_steps, ClearanceSteps):
        raise ValueError(f"clearance_steps must be a ClearanceSteps; got {clearance_steps!r}")
    if steady_state is not None and not isinstance(steady_state, pk.SteadyStateHistory):
        raise ValueError(f"steady_state must be a pk.SteadyStateHistory; got {steady_state!r}")
    occ = () if occasions_h is None else tuple(
        check_array("occasions_h", occasions_h, low=0.0, unit="h", ndim=1).tolist())
    if np.any(np.diff(occ) <= 0):
        raise ValueError("occasions_h must be strictly increasing")
    if occ and population.omega_occasion_cl is None:
        raise ValueError("occasions_h needs a population with omega_occasion_cl")
    conditions = Conditions(clearance_steps, occ, steady_state)
    r = len(population.random_effects)
    n_occ = len(occ) + 1 if occ else 0
    omega = np.concatenate([population.omega_vector,
                            np.full(n_occ, population.omega_occasion_cl or 1.0)])
    sigma = population.sigma_log
    censored = y == 0
    log_y = np.log(np.where(censored, 1.0, y))
    log_lloq = math.log(lloq_ng_ml) if lloq_ng_ml is not None else 0.0
    step = 1e-6

    def all_residuals(thetas):
        """Weighted residuals for parameter rows ``thetas`` (K, R + O)."""
        f = _predict(population, thetas[:, :r], doses, t, conditions, thetas[:, r:])
        log_f = np.log(np.maximum(f, _FLOOR_NG_ML))
        res = (log_y - log_f) / sigma
        if np.any(censored):
            # -2 ln P(below the limit) written as a squared residual
            z = (log_lloq - log_f[:, censored]) / sigma
            res[:, censored] = np.sqrt(np.maximum(-2.0 * log_ndtr(z), 0.0))
        return np.hstack([res, thetas / omega])

    def residuals(theta):
        return all_residuals(theta[None, :])[0]

    def jacobian(theta):
        # all forward differences in one vectorised call of the engine
        rows = all_residuals(np.vstack([theta, theta + step * np.eye(theta.size)]))
        return ((rows[1:] - rows[0]) / step).T

    fit = least_squares(residuals, np.zeros(omega.size), jac=jacobian, method="lm",
                        xtol=1e-10, ftol=1e-10, gtol=1e-10)
    joint = np.linalg.inv(fit.jac.T @ fit.jac)
    eta = fit.x[:r].copy()
    return MapEstimate(population, eta, joint[:r, :r], population.individual(eta),
                       int(t.size), bool(fit.success), kappa=fit.x[r:].copy(),
                       joint_covariance=joint, conditions=conditions)


@dataclass(frozen=True)
class Course:
    """A predicted concentration–time course with two intervals.

    Attributes
    ----------
    times_h : numpy.ndarray
    map_ng_ml : numpy.ndarray
        Curve of the MAP parameters.
    low_ng_ml, high_ng_ml : numpy.ndarray
        Band for the patient's *true* concentration: pointwise quantiles of
        the curves of parameters drawn from the posterior (parameter
        uncertainty only).
    pi_low_ng_ml, pi_high_ng_ml : numpy.ndarray
        Prediction interval for a *measured* concentration: the same curves
        multiplied by a residual error drawn from the model's
        ``sigma_log`` (parameter and residual uncertainty). It is wider than
        the band and is the one to hold a future measurement against.
    level : float
        Probability inside each interval (e.g. 0.9).
    """

    times_h: np.ndarray
    map_ng_ml: np.ndarray
    low_ng_ml: np.ndarray
    high_ng_ml: np.ndarray
    pi_low_ng_ml: np.ndarray
    pi_high_ng_ml: np.ndarray
    level: float


def _check_band_options(estimate, level, n_samples, seed):
    if not isinstance(estimate, MapEstimate):
        raise ValueError(f"estimate must be a MapEstimate; got {estimate!r}")
    lvl = check_number("level", level, low=0.0, high=1.0, low_open=True,
                       high_open=True)
    n = check_integer("n_samples", n_samples, low=10)
    s = check_integer("seed", seed, low=0)
    return lvl, n, np.random.default_rng(s)


def _posterior_rows(estimate, n, rng, new_occasion_h=None):
    """The MAP and ``n`` draws from the Laplace posterior, as random effects
    (1 + n, R), occasion effects (1 + n, O) and the conditions to predict
    with. With occasions and ``new_occasion_h``, a new occasion starts then:
    its effect is 0 for the MAP row and drawn from the prior for the draws."""
    r = len(estimate.population.random_effects)
    mode = np.concatenate([estimate.eta, estimate.kappa])
    cov = (estimate.covariance if estimate.joint_covariance is None
           else estimate.joint_covariance)
    rows = np.vstack([mode, rng.multivariate_normal(mode, cov, size=n)])
    cond = estimate.conditions
    if cond is not None and cond.occasions_h and new_occasion_h is not None:
        if new_occasion_h <= cond.occasions_h[-1]:
            raise ValueError("change_h must follow the start of the last occasion")
        fresh = rng.normal(0.0, estimate.population.omega_occasion_cl, n + 1)
        fresh[0] = 0.0
        rows = np.hstack([rows, fresh[:, None]])
        cond = cond.with_occasion(new_occasion_h)
    return rows[:, :r], rows[:, r:], cond


def _intervals(curves, sigma_log, level, rng):
    """Band (parameter draws) and prediction interval (draws × residual)."""
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(curves, [tail, 1.0 - tail], axis=0)
    # one residual draw per parameter draw, shared by all times: each draw is
    # one possible series of measurements, and the quantiles are smooth in time
    measured = curves * np.exp(rng.normal(0.0, sigma_log, (curves.shape[0], 1)))
    pi_low, pi_high = np.quantile(measured, [tail, 1.0 - tail], axis=0)
    return low, high, pi_low, pi_high


def predicted_course(estimate, doses, times_h, *, level=0.9, n_samples=500,
                     seed=0):
    """The individual's predicted course, its band and its prediction interval.

    Random effects are drawn from ``N(η̂, Σ)`` (``Σ`` the covariance of
    :class:`MapEstimate`), every draw's curve is computed by the vectorised
    engine, and the band is the pointwise central ``level`` quantile range:
    the uncertainty of the patient's *true* concentration. The prediction
    interval adds to every draw a log-normal residual error of the
    population's ``sigma_log``: it is the range in which a *measured*
    concentration is expected (see :class:`Course`).

    Parameters
    ----------
    estimate : MapEstimate
    doses : pk.DosingTable
        The doses to predict for (past and planned).
    times_h : array_like
        Prediction times, h.
    level : float
        Coverage of the intervals, in (0, 1).
    n_samples : int
        Number of draws, >= 10.
    seed : int
        Seed of the generator (the intervals are reproducible).

    Returns
    -------
    Course
    """
    lvl, n, rng = _check_band_options(estimate, level, n_samples, seed)
    t = np.asarray(check_array("times_h", times_h, low=0.0, unit="h", ndim=1))
    pk._check_times("times_h", t, doses)
    eta, kappa, cond = _posterior_rows(estimate, n, rng)
    curves = _predict(estimate.population, eta, doses, t, cond, kappa)
    low, high, pi_low, pi_high = _intervals(curves[1:], estimate.population.sigma_log,
                                            lvl, rng)
    return Course(t, curves[0], low, high, pi_low, pi_high, lvl)


def steady_state_trough(model, dose_mg, tau_h):
    """Steady-state trough (the level just before a dose) of a model, ng/mL."""
    return pk.steady_state_concentration(model, dose_mg, tau_h, 0.0)


def dose_for_target_trough(model, target_ng_ml, tau_h, reference_dose_mg=1.0):
    """Dose per administration that gives a target steady-state trough.

    The model is linear, so the steady-state trough is proportional to the
    dose: ``D = D_ref · C_target / C_ss,trough(D_ref)``.

    Parameters
    ----------
    model : OneCompartment or TwoCompartment
        An individual (e.g. :attr:`MapEstimate.model`) or typical model.
    target_ng_ml : float
        Target trough, ng/mL; > 0.
    tau_h : float
        Dosing interval, h; > 0.
    reference_dose_mg : float
        Any positive dose used for the scaling, mg.

    Returns
    -------
    float
        Dose in mg per administration, not rounded to any capsule size.

    Examples
    --------
    >>> m = pk.OneCompartment(cl_l_h=10.0, v_l=100.0, ka_per_h=1.0)
    >>> d = dose_for_target_trough(m, 5.0, 12.0)
    >>> round(steady_state_trough(m, d, 12.0), 9)
    5.0
    """
    target = check_positive("target_ng_ml", target_ng_ml, "ng/mL")
    tau = check_positive("tau_h", tau_h, "h")
    ref = check_positive("reference_dose_mg", reference_dose_mg, "mg")
    return ref * target / steady_state_trough(model, ref, tau)


def _split_history(doses, change_h, tau_h, until_h):
    """Doses before ``change_h`` (as given) and unit doses every ``tau_h`` from
    ``change_h`` up to, not including, ``until_h``."""
    change = check_number("change_h", change_h, low=doses.first_h, low_open=True,
                          unit="h")
    tau = check_positive("tau_h", tau_h, "h")
    until = check_number("until_h", until_h, low=change, low_open=True, unit="h")
    keep = doses.times_h < change
    past = pk.DosingTable(doses.times_h[keep], doses.amounts_mg[keep],
                          doses.route, doses.infusion_h)
    n_new = int(np.ceil((until - change) / tau - 1e-9))
    unit = pk.repeated_doses(1.0, tau, n_new, start_h=change, route=doses.route,
                             infusion_h=doses.infusion_h or None)
    return past, unit


def trough_times(change_h, tau_h, until_h):
    """Trough times (just before each dose) from one interval after
    ``change_h`` up to ``until_h``, h.

    >>> trough_times(312.0, 12.0, 360.0).tolist()
    [324.0, 336.0, 348.0, 360.0]
    """
    change = check_number("change_h", change_h, low=0.0, unit="h")
    tau = check_positive("tau_h", tau_h, "h")
    until = check_number("until_h", until_h, low=change + tau, unit="h")
    return change + tau * np.arange(1, int(np.floor((until - change) / tau + 1e-9)) + 1)


@dataclass(frozen=True)
class TroughPlan:
    """A new dose from ``change_h`` on, and the troughs it is forecast to give.

    Attributes
    ----------
    dose_mg : float
        Dose per administration from ``change_h`` (MAP parameters), mg; 0 if
        the target trough at ``at_h`` is exceeded even with no further dose.
    dose_low_mg, dose_high_mg : float
        Central ``level`` range of the doses that parameters drawn from the
        posterior would call for (how uncertain the dose is).
    change_h, at_h : float
        When the new dose starts, and when its trough is aimed at, h.
    course : Course
        Forecast troughs on ``dose_mg`` (from ``change_h + tau`` to the end
        of the forecast), with the band for the true trough and the
        prediction interval for a measured one.
    """

    dose_mg: float
    dose_low_mg: float
    dose_high_mg: float
    change_h: float
    at_h: float
    course: Course


def _past_and_unit(estimate, n, rng, doses, change_h, tau_h, times):
    """Troughs from the past doses and per mg of the new regimen, (1 + n, T):
    the MAP row first, then ``n`` posterior draws."""
    past, unit = _split_history(doses, change_h, tau_h, times[-1])
    eta, kappa, cond = _posterior_rows(estimate, n, rng, change_h)
    pop = estimate.population
    from_past = _predict(pop, eta, past, times, cond, kappa)
    no_history = None if cond is None else Conditions(cond.clearance_steps,
                                                      cond.occasions_h, None)
    return from_past, _predict(pop, eta, unit, times, no_history, kappa)


def forecast_troughs(estimate, doses, change_h, dose_mg, tau_h, until_h, *,
                     level=0.9, n_samples=500, seed=0):
    """Forecast troughs if ``dose_mg`` every ``tau_h`` replaces the regimen.

    The doses of ``doses`` given before ``change_h`` are kept as they were
    taken; from ``change_h`` the patient takes ``dose_mg`` every ``tau_h``.
    The forecast is computed for the MAP parameters and for parameters drawn
    from the posterior (band for the true trough, prediction interval for a
    measured one; see :func:`predicted_course`).

    Parameters
    ----------
    estimate : MapEstimate
    doses : pk.DosingTable
        The dosing history (doses at or after ``change_h`` are ignored).
    change_h : float
        Time of the first new dose, h; after the first dose of the history.
    dose_mg : float
        The new dose per administration, mg; >= 0 (0: doses stopped).
    tau_h : float
        Dosing interval of the new regimen, h; > 0.
    until_h : float
        Last trough of the forecast, h; at least one interval after
        ``change_h``.
    level, n_samples, seed
        As for :func:`predicted_course`.

    Returns
    -------
    Course
        Troughs at :func:`trough_times`.
    """
    lvl, n, rng = _check_band_options(estimate, level, n_samples, seed)
    dose = check_number("dose_mg", dose_mg, low=0.0, unit="mg")
    times = trough_times(change_h, tau_h, until_h)
    past, per_mg = _past_and_unit(estimate, n, rng, doses, change_h, tau_h, times)
    curves = past + dose * per_mg
    low, high, pi_low, pi_high = _intervals(curves[1:], estimate.population.sigma_log,
                                            lvl, rng)
    return Course(times, curves[0], low, high, pi_low, pi_high, lvl)


def dose_for_trough_at(estimate, doses, change_h, target_ng_ml, at_h, tau_h, *,
                       until_h=None, level=0.9, n_samples=500, seed=0):
    r"""The dose from ``change_h`` that brings the trough at ``at_h`` to target.

    The model is linear in the doses, so the trough at ``at_h`` is the part
    left by the doses already taken plus the new dose times the trough one
    milligram of the new regimen gives:

    .. math:: C(t_\text{at}) = C_\text{past}(t_\text{at}) + D\,c_1(t_\text{at})
              \;\Rightarrow\;
              D = \frac{C_\text{target} - C_\text{past}(t_\text{at})}{c_1(t_\text{at})}.

    Unlike :func:`dose_for_target_trough`, which aims at a steady state
    that the tacrolimus model reaches only after months, this dose aims at a
    chosen day (the next visit, one, two or four weeks on). The same formula
    applied to parameters drawn from the posterior gives an interval on the
    dose, and :func:`forecast_troughs` the troughs it leads to.

    Parameters
    ----------
    estimate : MapEstimate
    doses : pk.DosingTable
        The dosing history (doses at or after ``change_h`` are ignored).
    change_h : float
        Time of the first new dose, h; after the first dose of the history.
    target_ng_ml : float
        Target trough, ng/mL; > 0.
    at_h : float
        Time of the trough aimed at, h; at least one interval after
        ``change_h``, on the new regimen's grid (``change_h + k·tau_h``).
    tau_h : float
        Dosing interval of the new regimen, h; > 0.
    until_h : float, optional
        Last trough of the forecast, h (default ``at_h``).
    level, n_samples, seed
        As for :func:`predicted_course`.

    Returns
    -------
    TroughPlan
        ``dose_mg`` is 0 when even stopping the doses leaves the trough at
        ``at_h`` above the target.

    Examples
    --------
    A one-compartment patient started on 2 mg every 12 h: the dose that
    brings the trough one week after a change to target is found, and the
    forecast on that dose meets the target on that day.

    >>> from tcibook.poppk import PopulationModel
    >>> prior = PopulationModel("toy", "one", {"cl_l_h": 5.0, "v_l": 100.0,
    ...                         "ka_per_h": 1.0}, {"cl_l_h": 0.3}, 0.1)
    >>> d = pk.repeated_doses(2.0, 12.0, 20)
    >>> est = map_estimate(prior, d, [216.0], [30.0])
    >>> plan = dose_for_trough_at(est, d, 240.0, 40.0, 408.0, 12.0)
    >>> round(float(plan.course.map_ng_ml[-1]), 6)
    40.0
    """
    target = check_positive("target_ng_ml", target_ng_ml, "ng/mL")
    tau = check_positive("tau_h", tau_h, "h")
    change = check_number("change_h", change_h, low=0.0, unit="h")
    at = check_number("at_h", at_h, low=change + tau, unit="h")
    steps = (at - change) / tau
    if abs(steps - round(steps)) > 1e-6:
        raise ValueError(f"at_h must be change_h + k·tau_h (a trough of the new "
                         f"regimen); got {at:g} h")
    until = at if until_h is None else check_number("until_h", until_h, low=at,
                                                    unit="h")
    lvl, n, rng = _check_band_options(estimate, level, n_samples, seed)
    past, per_mg = _past_and_unit(estimate, n, rng, doses, change, tau,
                                  np.array([at]))
    doses_needed = np.maximum((target - past[:, 0]) / per_mg[:, 0], 0.0)
    tail = (1.0 - lvl) / 2.0
    low, high = np.quantile(doses_needed[1:], [tail, 1.0 - tail])
    dose = float(doses_needed[0])
    course = forecast_troughs(estimate, doses, change, dose, tau, until,
                              level=lvl, n_samples=n, seed=seed)
    return TroughPlan(dose, float(low), float(high), change, at, course)


@dataclass(frozen=True)
class DoseComparison:
    """The MAP dose and the proportional-rule dose for the same data.

    Attributes
    ----------
    map_dose_mg : float
        Dose the individual (MAP) model gives for the target trough.
    proportional_dose_mg : float
        ``D · C_target / C_measured`` with the last measured trough.
    population_dose_mg : float
        Dose the typical patient of the prior would need.
    estimate : MapEstimate
    """

    map_dose_mg: float
    proportional_dose_mg: float
    population_dose_mg: float
    estimate: MapEstimate


def compare_with_proportional_rule(population, doses, times_h, conc_ng_ml,
                                   target_ng_ml, tau_h):
    """MAP dose and proportional-rule dose side by side.

    The proportional rule (:func:`tcibook.tdm.trough_adjusted_dose`) takes
    the last measured concentration as a steady-state trough of the last
    dose; the MAP dose uses every measurement, the dosing history and the
    prior, and is computed for steady state at ``tau_h``.

    Returns
    -------
    DoseComparison
    """
    est = map_estimate(population, doses, times_h, conc_ng_ml)
    t, y = _observations(doses, times_h, conc_ng_ml)
    last = int(np.argmax(t))
    # a trough stamped at a dose time was drawn before that dose: the dose
    # that produced it is the last one given strictly earlier
    before = doses.times_h[doses.times_h < t[last]]
    if before.size == 0:
        raise ValueError("times_h: the last sample must follow the first dose")
    current = float(doses.amounts_mg[len(before) - 1])
    target = check_positive("target_ng_ml", target_ng_ml, "ng/mL")
    typical = population.individual(np.zeros(len(population.random_effects)))
    return DoseComparison(
        map_dose_mg=dose_for_target_trough(est.model, target, tau_h),
        proportional_dose_mg=trough_adjusted_dose(current, float(y[last]), target),
        population_dose_mg=dose_for_target_trough(typical, target, tau_h),
        estimate=est)


# --- A simulation–estimation study of the dosing methods -----------------------

#: Days (morning troughs) on which the study's outcome troughs are read.
VALIDATION_OUTCOME_DAYS = (21, 28, 42)
#: The day on whose trough the time-targeted MAP dose of the study is aimed.
VALIDATION_AIM_DAY = 28
#: The study's methods, in the order of its table.
VALIDATION_METHODS = ("unchanged dose", "proportional rule", "MAP, steady state",
                      f"MAP, trough on day {VALIDATION_AIM_DAY}")


@dataclass(frozen=True)
class ValidationResult:
    """What :func:`validation_study` measured (percentages, rounded to 0.1).

    Attributes
    ----------
    n_patients : int
    cl_bias_pct : float
        Median relative error of the estimated CL/F (bias).
    cl_precision_pct : float
        Median absolute relative error of the estimated CL/F (precision).
    band_coverage_pct : float
        Share of true day-21 troughs (dose unchanged) inside the 90 % band.
    band_measured_pct : float
        Share of *measured* day-21 troughs inside the 90 % band: what the band
        covers when it is mistaken for a prediction interval.
    pi_coverage_pct : float
        Share of measured day-21 troughs inside the 90 % prediction interval.
    forecast_bias_pct, forecast_error_pct : float
        Median relative error and median absolute relative error of the MAP
        forecast of the measured day-21 trough.
    attainment_pct : dict
        For each method of :data:`VALIDATION_METHODS`, the share of patients
        whose true trough lies in the target range on each day of
        :data:`VALIDATION_OUTCOME_DAYS`.
    median_dose_mg : dict
        Median dose of each method, mg.
    median_trough_ng_ml : dict
        Median true trough of each method on each outcome day, ng/mL.
    """

    n_patients: int
    cl_bias_pct: float
    cl_precision_pct: float
    band_coverage_pct: float
    band_measured_pct: float
    pi_coverage_pct: float
    forecast_bias_pct: float
    forecast_error_pct: float
    attainment_pct: dict
    median_dose_mg: dict
    median_trough_ng_ml: dict


def _pct(x):
    return round(100.0 * float(x), 1)


def validation_study(n_patients=300, seed=2024, *, inhibitor=None, told=False,
                     population=None, n_samples=200):
    """Simulate patients, estimate them, dose them by four methods, and score.

    Protocol (invented, for teaching): :data:`SCENARIO_DOSE_MG` every
    :data:`SCENARIO_TAU_H` from time 0; troughs measured on the mornings of
    :data:`SCENARIO_TROUGH_DAYS` with the model's residual error; on the
    morning of the last of these days (after its trough) the dose is
    changed by each method of :data:`VALIDATION_METHODS` toward the middle
    of the Prograf range for kidney recipients (fact
    ``prograf_trough_kidney_mmf_ng_ml``); the true troughs on
    :data:`VALIDATION_OUTCOME_DAYS` are then scored against that range.
    Every dose is judged by what the engine does to the simulated patient.

    Parameters
    ----------
    n_patients : int
        Virtual patients, >= 10.
    seed : int
        Seed of every random draw (the study is reproducible).
    inhibitor : pk.ClearanceChange, optional
        An interacting drug (immediate effect) that the *true* patients take;
        a misspecified scenario unless ``told``.
    told : bool
        Whether the estimation is told about ``inhibitor``.
    population : PopulationModel, optional
        Model of the patients and of the estimation (default the Andrews 2019
        reference patient).
    n_samples : int
        Posterior draws per patient for the intervals, >= 10.

    Returns
    -------
    ValidationResult
    """
    from .poppk import ANDREWS_2019, sample_parameters
    pop = ANDREWS_2019 if population is None else population
    if not isinstance(pop, PopulationModel):
        raise ValueError(f"population must be a PopulationModel; got {pop!r}")
    n = check_integer("n_patients", n_patients, low=10)
    draws = check_integer("n_samples", n_samples, low=10)
    rng = np.random.default_rng(check_integer("seed", seed, low=0))
    if inhibitor is not None and not isinstance(inhibitor, pk.ClearanceChange):
        raise ValueError(f"inhibitor must be a pk.ClearanceChange or None; got {inhibitor!r}")
    if not isinstance(told, bool):
        raise ValueError(f"told must be True or False; got {told!r}")
    steps = None if inhibitor is None else ClearanceSteps.from_change(inhibitor)
    lo, hi = value("prograf_trough_kidney_mmf_ng_ml")
    target = (lo + hi) / 2.0
    tau, dose0 = SCENARIO_TAU_H, SCENARIO_DOSE_MG
    sample_t = scenario_trough_times()
    change = float(sample_t[-1])
    outcome_t = scenario_trough_times(VALIDATION_OUTCOME_DAYS)
    check_t = outcome_t[:1]
    history = pk.repeated_doses(dose0, tau, int(round(change / tau)))
    past, unit = _split_history(history, change, tau, outcome_t[-1])

    eta_true, _ = sample_parameters(pop, n, rng)
    truth = Conditions(steps)
    everywhere = np.concatenate([sample_t, outcome_t])
    true_past = _predict(pop, eta_true, past, everywhere, truth)
    true_unit = _predict(pop, eta_true, unit, outcome_t, truth)
    true_check = true_past[:, sample_t.size] + dose0 * true_unit[:, 0]
    noise = np.exp(rng.normal(0.0, pop.sigma_log, (n, sample_t.size + 1)))
    measured = np.round(np.column_stack([true_past[:, :sample_t.size], true_check])
                        * noise, 1)
    y_obs = measured[:, :sample_t.size]
    y_check = measured[:, sample_t.size]

    told_steps = steps if told else None
    cl_ratio = np.empty(n)
    forecast = np.empty(n)
    band_hit = np.empty(n, dtype=bool)
    band_measured = np.empty(n, dtype=bool)
    pi_hit = np.empty(n, dtype=bool)
    doses = {m: np.empty(n) for m in VALIDATION_METHODS}
    for i in range(n):
        est = map_estimate(pop, history, sample_t, y_obs[i], clearance_steps=told_steps)
        cl_ratio[i] = np.exp(est.eta[0] - eta_true[i, 0])
        course = forecast_troughs(est, history, change, dose0, tau, check_t[0],
                                  n_samples=draws, seed=i)
        forecast[i] = course.map_ng_ml[-1]
        band_hit[i] = course.low_ng_ml[-1] <= true_check[i] <= course.high_ng_ml[-1]
        band_measured[i] = course.low_ng_ml[-1] <= y_check[i] <= course.high_ng_ml[-1]
        pi_hit[i] = course.pi_low_ng_ml[-1] <= y_check[i] <= course.pi_high_ng_ml[-1]
        doses[VALIDATION_METHODS[0]][i] = dose0
        doses[VALIDATION_METHODS[1]][i] = trough_adjusted_dose(dose0, y_obs[i, -1], target)
        doses[VALIDATION_METHODS[2]][i] = dose_for_target_trough(est.model_at(change),
                                                                 target, tau)
        doses[VALIDATION_METHODS[3]][i] = dose_for_trough_at(
            est, history, change, target, 24.0 * (VALIDATION_AIM_DAY - 1), tau,
            n_samples=10, seed=i).dose_mg
    outcome_past = true_past[:, sample_t.size:]
    attainment, median_dose, median_trough = {}, {}, {}
    for method, d in doses.items():
        troughs = outcome_past + d[:, None] * true_unit
        inside = (troughs >= lo) & (troughs <= hi)
        attainment[method] = tuple(_pct(x) for x in inside.mean(axis=0))
        median_dose[method] = round(float(np.median(d)), 2)
        median_trough[method] = tuple(round(float(x), 2)
                                      for x in np.median(troughs, axis=0))
    rel = forecast / y_check - 1.0
    return ValidationResult(
        n_patients=n, cl_bias_pct=_pct(np.median(cl_ratio - 1.0)),
        cl_precision_pct=_pct(np.median(np.abs(cl_ratio - 1.0))),
        band_coverage_pct=_pct(band_hit.mean()),
        band_measured_pct=_pct(band_measured.mean()), pi_coverage_pct=_pct(pi_hit.mean()),
        forecast_bias_pct=_pct(np.median(rel)),
        forecast_error_pct=_pct(np.median(np.abs(rel))),
        attainment_pct=attainment, median_dose_mg=median_dose,
        median_trough_ng_ml=median_trough)
