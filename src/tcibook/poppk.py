"""A population pharmacokinetic model of oral tacrolimus after kidney transplantation.

A *population model* says two things: what a typical patient's parameters
are (with the covariates that move them), and how far individuals scatter
around them. This module holds one published analysis, the final model of
Andrews et al. (2019) in adult kidney-transplant recipients
(:data:`ANDREWS_2019`; facts ``andrews2019_*``):

* structure: two compartments, first-order absorption with a lag time,
  twice-daily oral tacrolimus, apparent (``/F``) whole-blood parameters;
* typical values of CL/F, V1/F, Q/F, V2/F, ka and the lag time;
* covariates on CL/F: CYP3A5 genotype (a factor for CYP3A5*1 carriers, the
  *expressers*), CYP3A4*22 (a factor for carriers), and, as power functions
  of absolute values centred on the analysis' reference values
  (:data:`REFERENCE_COVARIATES`), haematocrit (L/L), age (years), serum
  albumin (g/L), body surface area (m²) and serum creatinine (µmol/L); on
  V1/F, lean body weight (kg);
* between-subject variability of CL/F, V1/F, Q/F and V2/F, between-occasion
  variability of CL/F, and a proportional residual error.

The exponents and factors are those of the publication's final-model table
(facts ``andrews2019_*``); the reference values each covariate is divided
by are those of the model's NONMEM control stream as transcribed by the
nlmixr2lib model library (facts ``andrews2019_reference_*``). The random
effects are independent, as in the published model; the immunoassay
residual error model is not used. The between-occasion variability
of CL/F is carried as ``omega_occasion_cl`` and used by
:func:`tcibook.mipd.map_estimate` when measurements are grouped into
occasions; :func:`sample_parameters` draws between-subject effects only. The
between-subject variability is the one the final model left after all its
covariates, so a virtual population drawn around one covariate pattern is
narrower than a real, unselected population.

Conventions: the reported variabilities (%) are read as coefficients of
variation of log-normal distributions, ``ω = sqrt(ln(1 + CV²))``, and the
proportional residual error as a log-scale standard deviation computed the
same way. Both are the book's reading, stated where they are used.

For education only: a model of a population is not a dose for a patient.

Explained in ``model-informed-dosing``; practised in ``practice-12``
(chapters/).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType

import numpy as np

from .facts import value
from .pk import OneCompartment, TwoCompartment
from .systemic_exposure import ILLUSTRATIVE_BODY_WEIGHT_KG, systemic_tacrolimus_model
from .validation import check_array, check_choice, check_number, check_positive

__all__ = ["CYP3A5", "CYP3A4", "PopulationModel", "omega_from_cv", "cv_from_omega",
           "REFERENCE_COVARIATES", "COVARIATE_RANGES", "haematocrit_clearance_factor",
           "andrews2019", "ANDREWS_2019", "sample_parameters", "review_one_compartment"]


#: The values the Andrews 2019 final model divides each continuous covariate
#: by (facts ``andrews2019_reference_*``): the typical values hold for a
#: patient with exactly these.
REFERENCE_COVARIATES = MappingProxyType({
    "haematocrit": value("andrews2019_reference_haematocrit"),
    "age_years": value("andrews2019_reference_age_years"),
    "albumin_g_l": value("andrews2019_reference_albumin_g_l"),
    "bsa_m2": value("andrews2019_reference_bsa_m2"),
    "creatinine_umol_l": value("andrews2019_reference_creatinine_umol_l"),
    "lean_body_weight_kg": value("andrews2019_reference_lean_body_weight_kg"),
})
#: Exponent of each continuous covariate in the final model (the facts hold
#: their sizes; age, creatinine and haematocrit lower CL/F as they rise).
_EXPONENTS = {
    "haematocrit": -value("andrews2019_haematocrit_cl_exponent_abs"),
    "age_years": -value("andrews2019_age_cl_exponent_abs"),
    "albumin_g_l": value("andrews2019_albumin_cl_exponent"),
    "bsa_m2": value("andrews2019_bsa_cl_exponent"),
    "creatinine_umol_l": -value("andrews2019_creatinine_cl_exponent_abs"),
    "lean_body_weight_kg": value("andrews2019_lean_body_weight_v1_exponent"),
}
#: What each covariate may be, open at both ends: checks of the input, wider
#: than the population the model was built on. The lower ends of albumin and
#: creatinine refuse the other common units (g/dL, mg/dL), whose numbers
#: would otherwise pass silently and move CL/F by a factor of two to three.
COVARIATE_RANGES = MappingProxyType({
    "haematocrit": (0.0, 1.0), "age_years": (0.0, 120.0),
    "albumin_g_l": (8.0, 100.0), "bsa_m2": (0.0, 4.0),
    "creatinine_umol_l": (20.0, 5000.0), "lean_body_weight_kg": (0.0, 200.0),
})
_UNITS = {"haematocrit": "L/L", "age_years": "years", "albumin_g_l": "g/L",
          "bsa_m2": "m²", "creatinine_umol_l": "µmol/L", "lean_body_weight_kg": "kg"}


def _covariate(name, x):
    low, high = COVARIATE_RANGES[name]
    return check_number(name, x, low=low, high=high, low_open=True, high_open=True,
                        unit=_UNITS[name])


def _power(name, x):
    """The factor ``(x / reference) ** exponent`` of covariate ``name``."""
    return (_covariate(name, x) / REFERENCE_COVARIATES[name]) ** _EXPONENTS[name]


class CYP3A5(Enum):
    """CYP3A5 phenotype as the population model uses it."""

    EXPRESSER = "expresser"          # at least one CYP3A5*1 allele
    NON_EXPRESSER = "non_expresser"  # CYP3A5*3/*3


class CYP3A4(Enum):
    """CYP3A4 genotype as the population model uses it."""

    STAR22_CARRIER = "star22_carrier"  # at least one CYP3A4*22 allele
    WILD_TYPE = "wild_type"            # no *22 allele, or not genotyped (reference)


def omega_from_cv(cv_pct):
    """Log-scale standard deviation of a log-normal with a given CV (%).

    .. math:: \\omega = \\sqrt{\\ln(1 + CV^2)}

    Examples
    --------
    >>> round(omega_from_cv(38.6), 4)
    0.3727
    """
    cv = check_number("cv_pct", cv_pct, low=0.0, unit="%") / 100.0
    return math.sqrt(math.log1p(cv * cv))


def cv_from_omega(omega):
    """Inverse of :func:`omega_from_cv`, in %.

    >>> round(cv_from_omega(omega_from_cv(50.0)), 9)
    50.0
    """
    w = check_number("omega", omega, low=0.0)
    return 100.0 * math.sqrt(math.expm1(w * w))


def haematocrit_clearance_factor(haematocrit, reference_haematocrit=None):
    """How whole-blood CL/F changes when haematocrit moves (power model).

    .. math:: \\frac{CL(H)}{CL(H_\\text{ref})} =
              \\left(\\frac{H}{H_\\text{ref}}\\right)^{\\theta_H}

    with the exponent :math:`\\theta_H` of the final model (negative; its
    size is the fact ``andrews2019_haematocrit_cl_exponent_abs``).
    Tacrolimus sits in red cells,
    so more red cells hold more drug in each millilitre of blood: whole-blood
    concentrations rise and the *whole-blood* clearance falls, although the
    unbound drug need not change.

    Parameters
    ----------
    haematocrit : float
        The patient's haematocrit (L/L), in (0, 1).
    reference_haematocrit : float, optional
        The haematocrit compared with (L/L), in (0, 1); by default the model's
        reference, ``REFERENCE_COVARIATES["haematocrit"]``.

    Examples
    --------
    >>> round(haematocrit_clearance_factor(0.40, 0.30), 4)   # (4/3) ** -0.76
    0.8036
    >>> round(haematocrit_clearance_factor(0.34), 4)          # the reference
    1.0
    """
    h = _covariate("haematocrit", haematocrit)
    ref = (REFERENCE_COVARIATES["haematocrit"] if reference_haematocrit is None else
           check_number("reference_haematocrit", reference_haematocrit, low=0.0,
                        high=1.0, low_open=True, high_open=True, unit="L/L"))
    return (h / ref) ** _EXPONENTS["haematocrit"]


@dataclass(frozen=True)
class PopulationModel:
    """Typical parameters, between-subject variability and residual error.

    Attributes
    ----------
    name : str
        Short description (with its source).
    structure : {"one", "two"}
        One- or two-compartment model of :mod:`tcibook.pk`.
    typical : dict
        Typical value of every parameter of the structural model, by the
        keyword of :class:`~tcibook.pk.OneCompartment` or
        :class:`~tcibook.pk.TwoCompartment` (``cl_l_h``, ``v1_l`` ...).
    omega : dict
        Log-scale SD of the random effect of each parameter that varies
        between subjects (``P_i = P_typ · exp(η_i)``, ``η ~ N(0, ω²)``).
    sigma_log : float
        Residual error as a log-scale SD (``ln y = ln f + ε``).
    omega_occasion_cl : float or None
        Log-scale SD of the between-occasion variability of clearance
        (``CL_io = CL_i · exp(κ_o)``, ``κ_o ~ N(0, ω_occ²)``), or None.
    """

    name: str
    structure: str
    typical: dict
    omega: dict
    sigma_log: float
    omega_occasion_cl: float | None = None

    def __post_init__(self):
        if self.structure not in ("one", "two"):
            raise ValueError(f"structure must be 'one' or 'two'; got {self.structure!r}")
        cls = OneCompartment if self.structure == "one" else TwoCompartment
        cls(**self.typical)          # validates the typical values
        for key, w in self.omega.items():
            if key not in self.typical:
                raise ValueError(f"omega names {key!r}, which is not a parameter "
                                 f"of the model")
            check_positive(f"omega[{key!r}]", w)
        check_positive("sigma_log", self.sigma_log)
        if self.omega_occasion_cl is not None:
            check_positive("omega_occasion_cl", self.omega_occasion_cl)

    @property
    def random_effects(self):
        """Names of the parameters that vary between subjects, in order."""
        return tuple(self.omega)

    @property
    def omega_vector(self):
        """The ω of :attr:`random_effects` as an array."""
        return np.array([self.omega[k] for k in self.random_effects])

    def individual(self, eta):
        """The structural model for random effects ``eta``.

        Parameters
        ----------
        eta : array_like, shape (R,) or (P, R)
            One value per random effect (:attr:`random_effects`), or one row
            per virtual patient.

        Returns
        -------
        OneCompartment or TwoCompartment
            Scalar parameters for one row, arrays for several.
        """
        e = check_array("eta", eta)
        r = len(self.random_effects)
        if e.shape[-1:] != (r,) or e.ndim > 2:
            raise ValueError(f"eta must have shape ({r},) or (P, {r}); got {e.shape}")
        params = dict(self.typical)
        for j, key in enumerate(self.random_effects):
            x = self.typical[key] * np.exp(e[..., j])
            params[key] = float(x) if e.ndim == 1 else x
        cls = OneCompartment if self.structure == "one" else TwoCompartment
        return cls(**params)


def andrews2019(cyp3a5=CYP3A5.NON_EXPRESSER, cyp3a4=CYP3A4.WILD_TYPE, *,
                haematocrit=REFERENCE_COVARIATES["haematocrit"],
                age_years=REFERENCE_COVARIATES["age_years"],
                albumin_g_l=REFERENCE_COVARIATES["albumin_g_l"],
                bsa_m2=REFERENCE_COVARIATES["bsa_m2"],
                creatinine_umol_l=REFERENCE_COVARIATES["creatinine_umol_l"],
                lean_body_weight_kg=REFERENCE_COVARIATES["lean_body_weight_kg"]):
    """The Andrews 2019 final model for one patient's covariates.

    Explained in the model-informed dosing chapter (section "A population
    model"); practised in problem set 12.

    .. math::

        CL/F = CL_\\text{typ}\\,F_{3A5}\\,F_{3A4}
               \\left(\\frac{H}{H_\\text{ref}}\\right)^{\\theta_H}
               \\left(\\frac{\\text{age}}{\\text{age}_\\text{ref}}\\right)^{\\theta_\\text{age}}
               \\cdots,
        \\qquad
        V_1/F = V_{1,\\text{typ}}
                \\left(\\frac{LBW}{LBW_\\text{ref}}\\right)^{\\theta_{LBW}}

    Every continuous covariate is an absolute value in the unit of the
    analysis; at the values of :data:`REFERENCE_COVARIATES` (the defaults)
    the model is the published typical patient.

    Parameters
    ----------
    cyp3a5 : CYP3A5 or str
        ``"non_expresser"`` (CYP3A5*3/*3; the model's reference category)
        or ``"expresser"`` (CL/F multiplied by the fact
        ``andrews2019_cyp3a5_cl_factor``).
    cyp3a4 : CYP3A4 or str
        ``"wild_type"`` (no *22 allele, or not genotyped: the reference) or ``"star22_carrier"`` (CL/F
        multiplied by the fact ``andrews2019_cyp3a4_22_cl_factor``).
    haematocrit : float
        Haematocrit, L/L, in (0, 1).
    age_years : float
        Age, years, in (0, 120).
    albumin_g_l : float
        Serum albumin, g/L, in (8, 100) (a value in g/dL is refused).
    bsa_m2 : float
        Body surface area, m², in (0, 4).
    creatinine_umol_l : float
        Serum creatinine, µmol/L, in (20, 5000) (almost any value in mg/dL is
        refused).
    lean_body_weight_kg : float
        Lean body weight, kg, in (0, 200); acts on V1/F.

    Returns
    -------
    PopulationModel

    Examples
    --------
    >>> andrews2019().typical["cl_l_h"]
    23.0
    >>> round(andrews2019("expresser").typical["cl_l_h"], 3)   # 23.0 * 1.63
    37.49
    >>> round(andrews2019(age_years=25).typical["cl_l_h"]
    ...       / andrews2019(age_years=65).typical["cl_l_h"], 3)  # (25/65) ** -0.43
    1.508
    """
    geno = check_choice("cyp3a5", cyp3a5, CYP3A5)
    geno4 = check_choice("cyp3a4", cyp3a4, CYP3A4)
    cl = value("andrews2019_cl_l_h")
    if geno is CYP3A5.EXPRESSER:
        cl *= value("andrews2019_cyp3a5_cl_factor")
    if geno4 is CYP3A4.STAR22_CARRIER:
        cl *= value("andrews2019_cyp3a4_22_cl_factor")
    for name, x in (("haematocrit", haematocrit), ("age_years", age_years),
                    ("albumin_g_l", albumin_g_l), ("bsa_m2", bsa_m2),
                    ("creatinine_umol_l", creatinine_umol_l)):
        cl *= _power(name, x)
    v1 = value("andrews2019_v1_l") * _power("lean_body_weight_kg", lean_body_weight_kg)
    typical = {"cl_l_h": cl, "v1_l": float(v1),
               "q_l_h": value("andrews2019_q_l_h"),
               "v2_l": float(value("andrews2019_v2_l")),
               "ka_per_h": value("andrews2019_ka_per_h"),
               "lag_h": value("andrews2019_lag_h")}
    omega = {"cl_l_h": omega_from_cv(value("andrews2019_iiv_cl_pct")),
             "v1_l": omega_from_cv(value("andrews2019_iiv_v1_pct")),
             "q_l_h": omega_from_cv(value("andrews2019_iiv_q_pct")),
             "v2_l": omega_from_cv(value("andrews2019_iiv_v2_pct"))}
    genotype = geno.value + ("" if geno4 is CYP3A4.WILD_TYPE else ", CYP3A4*22 carrier")
    return PopulationModel(
        name=f"Andrews 2019, tacrolimus after kidney transplant ({genotype})",
        structure="two", typical=typical, omega=omega,
        sigma_log=omega_from_cv(value("andrews2019_residual_lcms_pct")),
        omega_occasion_cl=omega_from_cv(value("andrews2019_iov_cl_pct")))


#: The reference patient: CYP3A5 non-expresser, CYP3A4 wild type, every
#: continuous covariate at its reference value.
ANDREWS_2019 = andrews2019()


def sample_parameters(population, n, rng):
    """Draw ``n`` virtual patients' random effects and their structural model.

    Parameters
    ----------
    population : PopulationModel
    n : int
        Number of virtual patients, >= 1.
    rng : numpy.random.Generator
        Source of randomness (pass a seeded generator for reproducible draws).

    Returns
    -------
    (eta, model)
        ``eta`` of shape ``(n, R)`` and the structural model with arrays of
        length ``n``.

    Examples
    --------
    >>> eta, m = sample_parameters(ANDREWS_2019, 3, np.random.default_rng(0))
    >>> eta.shape, m.cl_l_h.shape
    ((3, 4), (3,))
    """
    if not isinstance(population, PopulationModel):
        raise ValueError(f"population must be a PopulationModel; got {population!r}")
    count = int(check_number("n", n, low=1))
    if count != n:
        raise ValueError(f"n must be a whole number >= 1; got {n!r}")
    if not isinstance(rng, np.random.Generator):
        raise ValueError("rng must be a numpy.random.Generator "
                         "(numpy.random.default_rng(seed))")
    eta = rng.normal(size=(count, len(population.random_effects))) * population.omega_vector
    return eta, population.individual(eta)


def review_one_compartment(body_weight_kg=ILLUSTRATIVE_BODY_WEIGHT_KG):
    """A one-compartment model of oral tacrolimus for a "mean patient".

    Clearance and volume from the review's mean clearance and half-life
    (:func:`tcibook.systemic_exposure.systemic_tacrolimus_model`), the mean
    oral bioavailability of the same review (fact
    ``tacrolimus_oral_bioavailability_pct``) and the absorption rate constant
    and lag time of the population analysis (facts ``andrews2019_ka_per_h``,
    ``andrews2019_lag_h``). A teaching model that mixes two sources; its
    single half-life makes the time course easy to read.

    Examples
    --------
    >>> m = review_one_compartment()
    >>> round(float(m.cl_l_h / m.v_l), 4)     # ln 2 / 12 h
    0.0578
    """
    m = systemic_tacrolimus_model(body_weight_kg)
    return OneCompartment(cl_l_h=float(m.cl_l_h), v_l=float(m.v_l),
                          ka_per_h=value("andrews2019_ka_per_h"),
                          lag_h=value("andrews2019_lag_h"),
                          bioavailability=value("tacrolimus_oral_bioavailability_pct") / 100)
