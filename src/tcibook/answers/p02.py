"""Expected answers of problem set 2 (analysing inhibition data).

The problem set gives the student two "lab reports": initial rates of an
enzyme without and with each of two inhibitors, A and B. They were made once
with :func:`tcibook.kinetics.simulated_experiment` (illustrative parameters,
fixed seeds) and rounded to one decimal, as a laboratory would report them;
:data:`ASSAYS` rebuilds them the same way, and a test checks that the
numbers printed in the problem set are exactly these. The expected answers
are computed from them by the same fit the solutions use (ordinary,
unweighted non-linear least squares, :func:`tcibook.kinetics.fit_michaelis_menten`).

Tolerances come from that fit itself: a fitted parameter is accepted within
:data:`TOLERANCE_SE` of its own standard error, and an inhibition constant
within the same multiple of the standard error propagated from the two fits
it rests on. A sound alternative fit of the same data (weighted by the
relative error, or on log rates) therefore passes, while a wrong model or a
wrong formula does not.
"""

from typing import NamedTuple

import numpy as np

from ..kinetics import fit_michaelis_menten, simulated_experiment
from ..selfcheck import Expected

__all__ = ["Assay", "ASSAYS", "TOLERANCE_SE", "ANSWERS"]


class Assay(NamedTuple):
    """One inhibitor's lab report: rates in arbitrary units, [S] in µmol/L."""

    mode: str
    inhibitor_nM: float
    substrate_uM: np.ndarray
    rates_control: np.ndarray
    rates_inhibited: np.ndarray


def _lab_report(mode, inhibitor_nM, seed):
    substrate, rates = simulated_experiment([0.0, inhibitor_nM], mode, seed=seed)
    control, inhibited = np.round(rates, 1)
    return Assay(mode, inhibitor_nM, substrate, control, inhibited)


#: The two data sets of the problem set, keyed by compound.
ASSAYS = {
    "a": _lab_report("noncompetitive", 2.0, seed=21),
    "b": _lab_report("competitive", 4.0, seed=22),
}


def _fit(compound, which):
    assay = ASSAYS[compound]
    rates = assay.rates_control if which == "control" else assay.rates_inhibited
    return fit_michaelis_menten(assay.substrate_uM, rates)


#: Accepted distance from the book's fit, in standard errors of that fit.
TOLERANCE_SE = 3.0


def _fold(compound):
    """Fold change of the parameter the inhibitor moves, and its standard error.

    Non-competitive: Vmax / Vmax_app; competitive: Km_app / Km. The relative
    standard error of a ratio of two independent estimates is the root sum of
    squares of their relative standard errors.
    """
    assay = ASSAYS[compound]
    control, inhibited = _fit(compound, "control"), _fit(compound, "inhibited")
    if assay.mode == "noncompetitive":     # Vmax_app = Vmax / (1 + [I]/Ki)
        fold = control.vmax / inhibited.vmax
        rel = np.hypot(control.vmax_se / control.vmax, inhibited.vmax_se / inhibited.vmax)
    else:                                  # Km_app = Km (1 + [I]/Ki)
        fold = inhibited.km_uM / control.km_uM
        rel = np.hypot(control.km_se / control.km_uM, inhibited.km_se / inhibited.km_uM)
    return fold, fold * rel


def _ki(compound):
    fold, _ = _fold(compound)
    return ASSAYS[compound].inhibitor_nM / (fold - 1.0)


def _ki_se(compound):
    """Standard error of Ki = [I] / (fold - 1): |dKi/dfold| = [I] / (fold - 1)**2."""
    fold, fold_se = _fold(compound)
    return ASSAYS[compound].inhibitor_nM * fold_se / (fold - 1.0) ** 2


def _rel_tol(estimate, se):
    """Relative tolerance equal to TOLERANCE_SE standard errors of ``estimate``."""
    return float(TOLERANCE_SE * se / abs(estimate))


_REVISIT_FIT = ("'Allosteric occlusion and inhibition kinetics', section 'Reading the "
                "kinetics from noisy data': fit v = Vmax [S]/(Km + [S]) to each data set "
                "separately with tcibook.kinetics.fit_michaelis_menten.")
_REVISIT_TYPE = ("'Allosteric occlusion and inhibition kinetics', sections 'Two rate laws' "
                 "and 'The double-reciprocal plot': with the unweighted fits, which "
                 "parameter moved by more than 3 combined standard errors? Answer "
                 "'noncompetitive' or 'competitive'.")
_REVISIT_KI = ("'Allosteric occlusion and inhibition kinetics', section 'Two rate laws': "
               "a non-competitive inhibitor divides Vmax by 1 + [I]/Ki, a competitive one "
               "multiplies Km by 1 + [I]/Ki; solve for Ki.")


_SE_FIELD = {"vmax": "vmax_se", "km_uM": "km_se"}


def _fitted(compound, which, field):
    fit = _fit(compound, which)
    return Expected(lambda: getattr(_fit(compound, which), field), _REVISIT_FIT,
                    sections=("sec-kin-noisy-data",),
                    rel_tol=_rel_tol(getattr(fit, field), getattr(fit, _SE_FIELD[field])))


def _ki_expected(compound):
    return Expected(lambda: _ki(compound), _REVISIT_KI, sections=("sec-kin-rate-laws",),
                    rel_tol=_rel_tol(_ki(compound), _ki_se(compound)))


_TYPE_SECTIONS = ("sec-kin-rate-laws", "sec-kin-double-reciprocal")

#: The words the question allows for an inhibition type.
_MODES = ("noncompetitive", "competitive")

ANSWERS = {
    "vmax_ctrl_a": _fitted("a", "control", "vmax"),
    "km_ctrl_a": _fitted("a", "control", "km_uM"),
    "vmax_a": _fitted("a", "inhibited", "vmax"),
    "km_a": _fitted("a", "inhibited", "km_uM"),
    "vmax_ctrl_b": _fitted("b", "control", "vmax"),
    "km_ctrl_b": _fitted("b", "control", "km_uM"),
    "vmax_b": _fitted("b", "inhibited", "vmax"),
    "km_b": _fitted("b", "inhibited", "km_uM"),
    "mechanism_a": Expected(lambda: ASSAYS["a"].mode, _REVISIT_TYPE, choices=_MODES,
                            sections=_TYPE_SECTIONS),
    "mechanism_b": Expected(lambda: ASSAYS["b"].mode, _REVISIT_TYPE, choices=_MODES,
                            sections=_TYPE_SECTIONS),
    "ki_a": _ki_expected("a"),
    "ki_b": _ki_expected("b"),
}
