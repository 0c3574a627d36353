"""Expected answers of problem set 2 (analysing inhibition data).

The problem set gives the student two "lab reports": initial rates of an
enzyme without and with each of two inhibitors, A and B. They were made once
with :func:`tcibook.kinetics.simulated_experiment` (illustrative parameters,
fixed seeds) and rounded to one decimal, as a laboratory would report them;
:data:`ASSAYS` rebuilds them the same way, and a test checks that the
numbers printed in the problem set are exactly these. The expected answers
are computed from them by the same fit the solutions use.
"""

from typing import NamedTuple

import numpy as np

from ..kinetics import fit_michaelis_menten, simulated_experiment
from ..selfcheck import Expected

__all__ = ["Assay", "ASSAYS", "ANSWERS"]


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


def _ki(compound):
    assay = ASSAYS[compound]
    control, inhibited = _fit(compound, "control"), _fit(compound, "inhibited")
    if assay.mode == "noncompetitive":     # Vmax_app = Vmax / (1 + [I]/Ki)
        fold = control.vmax / inhibited.vmax
    else:                                  # Km_app = Km (1 + [I]/Ki)
        fold = inhibited.km_uM / control.km_uM
    return assay.inhibitor_nM / (fold - 1.0)


_REVISIT_FIT = ("'Allosteric occlusion and inhibition kinetics', section 'Reading the "
                "kinetics from noisy data': fit v = Vmax [S]/(Km + [S]) to each data set "
                "separately with tcibook.kinetics.fit_michaelis_menten.")
_REVISIT_TYPE = ("'Allosteric occlusion and inhibition kinetics', sections 'Two rate laws' "
                 "and 'The double-reciprocal plot': which fitted parameter moved by more "
                 "than its uncertainty? Answer 'noncompetitive' or 'competitive'.")
_REVISIT_KI = ("'Allosteric occlusion and inhibition kinetics', section 'Two rate laws': "
               "a non-competitive inhibitor divides Vmax by 1 + [I]/Ki, a competitive one "
               "multiplies Km by 1 + [I]/Ki; solve for Ki.")


def _fitted(compound, which, field):
    return Expected(lambda: getattr(_fit(compound, which), field), _REVISIT_FIT,
                    rel_tol=0.02)


ANSWERS = {
    "vmax_ctrl_a": _fitted("a", "control", "vmax"),
    "km_ctrl_a": _fitted("a", "control", "km_uM"),
    "vmax_a": _fitted("a", "inhibited", "vmax"),
    "km_a": _fitted("a", "inhibited", "km_uM"),
    "vmax_ctrl_b": _fitted("b", "control", "vmax"),
    "km_ctrl_b": _fitted("b", "control", "km_uM"),
    "vmax_b": _fitted("b", "inhibited", "vmax"),
    "km_b": _fitted("b", "inhibited", "km_uM"),
    "mechanism_a": Expected(lambda: ASSAYS["a"].mode, _REVISIT_TYPE),
    "mechanism_b": Expected(lambda: ASSAYS["b"].mode, _REVISIT_TYPE),
    "ki_a": Expected(lambda: _ki("a"), _REVISIT_KI, rel_tol=0.05),
    "ki_b": Expected(lambda: _ki("b"), _REVISIT_KI, rel_tol=0.05),
}
