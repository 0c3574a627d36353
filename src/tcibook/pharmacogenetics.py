"""CYP3A5 genotype and the starting dose of tacrolimus.

Two pieces, each sourced:

* the CPIC guideline's rule (Birdwell et al. 2015; facts ``cpic2015_*``):
  CYP3A5 expressers, carriers of at least one functional ``*1`` allele,
  start at 1.5 to 2 times the standard starting dose, without exceeding
  0.3 mg/kg/day, and the dose is then guided by trough monitoring;
  non-expressers (two of the no-function alleles ``*3``, ``*6``, ``*7``)
  start at the standard dose (:func:`cpic_starting_dose_mg_kg_day`);
* a bridge to the population model of :mod:`tcibook.poppk` (Andrews 2019),
  in which CYP3A5 expression multiplies the apparent clearance: the dose
  ratio, expresser to non-expresser, that gives the same average
  steady-state concentration (:func:`average_exposure_dose_ratio`) and the
  same steady-state trough, judged by the PK engine
  (:func:`trough_dose_ratio`).

For education only: a genotype-guided starting dose is followed by trough
monitoring, and nothing here is a dose for a patient.

Explained in ``systemic-calcineurin-inhibitors``; practised in ``practice-13``
(chapters/).
"""

from __future__ import annotations

from .facts import value
from .mipd import dose_for_target_trough
from .poppk import CYP3A5, andrews2019
from .validation import check_choice, check_number

__all__ = ["CPIC_START_MULTIPLIER", "CPIC_MAX_START_MG_KG_DAY", "FUNCTIONAL_ALLELES",
           "NO_FUNCTION_ALLELES", "expresser_status", "cpic_starting_dose_mg_kg_day",
           "average_exposure_dose_ratio", "trough_dose_ratio"]

#: Multipliers of the standard starting dose for expressers, (low, high).
CPIC_START_MULTIPLIER = value("cpic2015_expresser_start_multiplier")
#: Ceiling of a genotype-raised starting dose, mg/kg/day.
CPIC_MAX_START_MG_KG_DAY = value("cpic2015_max_start_mg_kg_day")
#: CYP3A5 alleles the guideline classes as functional and as no-function.
FUNCTIONAL_ALLELES = ("*1",)
NO_FUNCTION_ALLELES = ("*3", "*6", "*7")


def expresser_status(diplotype):
    """CYP3A5 expresser status of a diplotype such as ``"*1/*3"``.

    One or two functional ``*1`` alleles make an expresser (the guideline's
    extensive and intermediate metabolizers); two no-function alleles
    (``*3``, ``*6``, ``*7``) make a non-expresser (poor metabolizer).

    Parameters
    ----------
    diplotype : str
        Two alleles separated by ``/``, each ``*1``, ``*3``, ``*6`` or ``*7``.

    Returns
    -------
    CYP3A5
        :attr:`CYP3A5.EXPRESSER` or :attr:`CYP3A5.NON_EXPRESSER`, the
        categories of :func:`tcibook.poppk.andrews2019`.

    Raises
    ------
    ValueError
        If ``diplotype`` is not a string of two known alleles.

    Examples
    --------
    >>> expresser_status("*1/*3").value, expresser_status("*3/*3").value
    ('expresser', 'non_expresser')
    """
    known = FUNCTIONAL_ALLELES + NO_FUNCTION_ALLELES
    if not isinstance(diplotype, str):
        raise ValueError(f"diplotype must be a string such as '*1/*3', two of "
                         f"{', '.join(known)}; got {diplotype!r}")
    alleles = [a.strip() for a in diplotype.split("/")]
    if len(alleles) != 2 or any(a not in known for a in alleles):
        raise ValueError(f"diplotype must be two alleles from {', '.join(known)} "
                         f"separated by '/'; got {diplotype!r}")
    if any(a in FUNCTIONAL_ALLELES for a in alleles):
        return CYP3A5.EXPRESSER
    return CYP3A5.NON_EXPRESSER


def cpic_starting_dose_mg_kg_day(standard_mg_kg_day, cyp3a5):
    """The CPIC starting-dose range for a CYP3A5 status, mg/kg/day.

    Expressers: ``standard`` times 1.5 to 2, each end capped at 0.3
    mg/kg/day. Non-expressers: the standard starting dose. Either way the
    dose is then adjusted to troughs.

    Parameters
    ----------
    standard_mg_kg_day : float
        The standard (label) starting dose, mg/kg/day; in (0, 0.3].
    cyp3a5 : CYP3A5 or str
        ``"expresser"`` or ``"non_expresser"`` (see :func:`expresser_status`).

    Returns
    -------
    tuple of float
        ``(low, high)`` in mg/kg/day, rounded to 4 decimals.

    Raises
    ------
    ValueError
        If the standard dose is not a number in (0, 0.3] or the status is
        unknown.

    Examples
    --------
    >>> cpic_starting_dose_mg_kg_day(0.1, "expresser")
    (0.15, 0.2)
    >>> cpic_starting_dose_mg_kg_day(0.2, "expresser")   # 0.3 and 0.4, capped
    (0.3, 0.3)
    >>> cpic_starting_dose_mg_kg_day(0.2, "non_expresser")
    (0.2, 0.2)
    """
    standard = check_number("standard_mg_kg_day", standard_mg_kg_day, low=0.0,
                            low_open=True, high=CPIC_MAX_START_MG_KG_DAY,
                            unit="mg/kg/day")
    status = check_choice("cyp3a5", cyp3a5, CYP3A5)
    if status is CYP3A5.NON_EXPRESSER:
        return (round(standard, 4), round(standard, 4))
    low, high = (min(m * standard, CPIC_MAX_START_MG_KG_DAY)
                 for m in CPIC_START_MULTIPLIER)
    return (round(low, 4), round(high, 4))


def average_exposure_dose_ratio():
    """Dose ratio, expresser to non-expresser, for the same average level.

    At steady state the average concentration is ``F·(D/τ)/CL``, so equal
    averages need doses in the ratio of the apparent clearances; in the
    Andrews 2019 model that is its CYP3A5 factor on CL/F.

    Returns
    -------
    float
        Rounded to 4 decimals.

    Examples
    --------
    >>> average_exposure_dose_ratio()
    1.63
    """
    ratio = (andrews2019(CYP3A5.EXPRESSER).typical["cl_l_h"]
             / andrews2019(CYP3A5.NON_EXPRESSER).typical["cl_l_h"])
    return round(ratio, 4)


def trough_dose_ratio(target_trough_ng_ml, tau_h=12.0):
    """Dose ratio, expresser to non-expresser, for the same steady-state trough.

    Both typical patients of the Andrews 2019 model are dosed by the PK
    engine (:func:`tcibook.mipd.dose_for_target_trough`) to the same trough;
    the ratio of the two doses is returned. A faster clearance steepens the
    fall through the interval, so matching the trough takes a larger ratio
    than matching the average.

    Parameters
    ----------
    target_trough_ng_ml : float
        Target steady-state trough, ng/mL; > 0. (The ratio does not depend on
        it: the model is linear.)
    tau_h : float
        Dosing interval, h; > 0 (12 for twice-daily Prograf).

    Returns
    -------
    float
        Rounded to 4 decimals.

    Examples
    --------
    >>> round(trough_dose_ratio(8.0), 2)
    1.83
    """
    target = check_number("target_trough_ng_ml", target_trough_ng_ml, low=0.0,
                          low_open=True, unit="ng/mL")
    tau = check_number("tau_h", tau_h, low=0.0, low_open=True, unit="h")
    doses = [dose_for_target_trough(andrews2019(status).individual([0.0] * 4),
                                    target, tau)
             for status in (CYP3A5.EXPRESSER, CYP3A5.NON_EXPRESSER)]
    return round(doses[0] / doses[1], 4)
