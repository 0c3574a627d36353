"""Oral formulations of cyclosporine and tacrolimus: strengths, weight-based
label doses rounded to whole capsules, and what the US labels say about
moving a patient from one formulation to another.

Three kinds of question are answered here:

* :func:`daily_dose_mg` and :func:`mg_per_kg_day` turn a label's mg/kg/day
  statement into milligrams and back;
* :func:`round_to_strengths` and :func:`divided_regimen` round an amount to
  what whole capsules (or tablets) of the marketed strengths can make;
* :func:`switch_rule` and :func:`label_start_dose_mg` report, for a move
  between two products, what the US label says: a starting factor where the
  label gives one, and always the monitoring that it asks for.

The strengths, factors and monitoring intervals are the facts
``neoral_*``, ``prograf_*``, ``envarsus_*`` and ``cyclosporine_psoriasis_*``
of :mod:`tcibook.facts`.

For education only: every number these functions return is arithmetic on a
label statement for an invented patient. None is a dose for anyone; a
switch between formulations is made by the treating team and followed by
blood levels.

Explained in ``cyclosporine``; practised in ``practice-13`` (chapters/).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .facts import value
from .products import ORAL_CNI, Product
from .validation import check_array, check_choice, check_integer, check_number

__all__ = ["Product", "CapsuleRounding", "DividedRegimen", "SwitchRule",
           "TitrationStep", "strengths_mg", "daily_dose_mg", "mg_per_kg_day",
           "achieved_mg_per_kg_day",
           "round_to_strengths", "divided_regimen", "label_titration",
           "percent_rise", "switch_rule", "label_start_dose_mg"]

#: Heaviest body weight the functions accept, kg (a range check, not a limit
#: from any label).
MAX_WEIGHT_KG = 400.0
#: Largest weight-based dose accepted, mg/kg/day (a range check only).
MAX_MG_PER_KG_DAY = 50.0
#: Largest amount :func:`round_to_strengths` accepts, mg (a range check only).
MAX_DOSE_MG = 5000.0
#: Strengths are handled in whole micrograms so that 0.75 mg and 0.5 mg
#: tablets add up exactly.
_UG_PER_MG = 1000


#: Strengths of the solid oral forms whose US labels the book read.
_STRENGTH_FACTS = {
    Product.NEORAL: "neoral_capsule_strengths_mg",
    Product.PROGRAF: "prograf_capsule_strengths_mg",
    Product.ENVARSUS_XR: "envarsus_tablet_strengths_mg",
}


def strengths_mg(product) -> tuple:
    """Strengths, in mg, of the capsules or tablets of ``product``.

    Parameters
    ----------
    product : Product or str
        ``"neoral"``, ``"prograf"`` or ``"envarsus xr"``: the products whose
        strengths the book verified in their US labels.

    Returns
    -------
    tuple of float
        Strengths in mg, smallest first.

    Raises
    ------
    ValueError
        For any other product: its strengths are not in the book.

    >>> strengths_mg("neoral")
    (25.0, 100.0)
    """
    product = check_choice("product", product, Product, among=tuple(_STRENGTH_FACTS))
    return tuple(sorted(float(s) for s in value(_STRENGTH_FACTS[product])))


def daily_dose_mg(weight_kg, mg_per_kg_day) -> float:
    """Daily amount, in mg, of a weight-based dose.

    Parameters
    ----------
    weight_kg : float
        Body weight, kg, in (0, 400].
    mg_per_kg_day : float
        Dose in mg per kg per day, in (0, 50].

    Returns
    -------
    float
        ``weight_kg * mg_per_kg_day`` in mg/day.

    >>> daily_dose_mg(68, 2.5)
    170.0
    """
    w = check_number("weight_kg", weight_kg, low=0.0, low_open=True,
                     high=MAX_WEIGHT_KG, unit="kg")
    d = check_number("mg_per_kg_day", mg_per_kg_day, low=0.0, low_open=True,
                     high=MAX_MG_PER_KG_DAY, unit="mg/kg/day")
    return w * d


def mg_per_kg_day(daily_mg, weight_kg) -> float:
    """The weight-based dose, mg/kg/day, that ``daily_mg`` represents.

    Parameters
    ----------
    daily_mg : float
        Amount per day, mg, > 0.
    weight_kg : float
        Body weight, kg, in (0, 400].

    >>> mg_per_kg_day(150, 68) == 150 / 68
    True
    """
    d = check_number("daily_mg", daily_mg, low=0.0, low_open=True, unit="mg")
    w = check_number("weight_kg", weight_kg, low=0.0, low_open=True,
                     high=MAX_WEIGHT_KG, unit="kg")
    return d / w


@dataclass(frozen=True)
class CapsuleRounding:
    """An amount rounded to what whole capsules can make.

    Attributes
    ----------
    target_mg : float
        The amount asked for.
    total_mg : float
        The nearest amount whole capsules can make.
    counts : tuple of (float, int)
        ``(strength_mg, number)`` for each strength used, largest first:
        the combination with the fewest capsules.
    """

    target_mg: float
    total_mg: float
    counts: tuple

    @property
    def capsules(self) -> int:
        """Number of capsules in the combination."""
        return sum(n for _, n in self.counts)

    @property
    def difference_pct(self) -> float:
        """How far the rounded amount lies from the target, in percent
        (negative when it is lower)."""
        return 100.0 * (self.total_mg - self.target_mg) / self.target_mg

    def describe(self) -> str:
        """The combination in words, e.g. ``"1 x 100 mg + 1 x 25 mg"``."""
        return " + ".join(f"{n} x {s:g} mg" for s, n in self.counts)


def _units(strengths_mg_):
    arr = check_array("strengths_mg", strengths_mg_, low=0.0, low_open=True,
                      unit="mg", ndim=1)
    if arr.size == 0:
        raise ValueError("strengths_mg must hold at least one strength in (0, inf) mg")
    units = [round(float(s) * _UG_PER_MG) for s in arr]
    if any(u <= 0 or abs(u - float(s) * _UG_PER_MG) > 1e-6 for u, s in zip(units, arr)):
        raise ValueError("strengths_mg must be whole micrograms in (0, inf) mg; "
                         f"got {arr.tolist()}")
    if len(set(units)) != len(units):
        raise ValueError(f"strengths_mg must not repeat a strength; got {arr.tolist()}")
    return sorted(units, reverse=True)


def _fewest_table(limit, sizes):
    """For every total 0..limit (integers): the fewest pieces of the given
    integer sizes that add up to it (``None`` when none do), and the last
    piece used, from which the combination is read back."""
    count = [0] + [None] * limit
    last = [0] * (limit + 1)
    for amount in range(1, limit + 1):
        for size in sizes:
            if size <= amount and count[amount - size] is not None:
                n = count[amount - size] + 1
                if count[amount] is None or n < count[amount]:
                    count[amount], last[amount] = n, size
    return count, last


def round_to_strengths(dose_mg, strengths_mg_) -> CapsuleRounding:
    """Round ``dose_mg`` to the nearest amount whole capsules can make.

    Only sums of whole capsules are candidates (with 0.75, 1 and 4 mg
    tablets, 0.5 mg cannot be made, 1.5 mg can). The nearest candidate is
    taken; when two are equally near, the **lower** one is taken, a
    modelling convention of this book and not a rule from any label. The
    capsules are then chosen so that as few as possible are needed.

    Parameters
    ----------
    dose_mg : float
        The amount to round, mg, in (0, 5000].
    strengths_mg_ : sequence of float
        Available strengths, mg, each > 0 and a whole number of micrograms.

    Returns
    -------
    CapsuleRounding

    Raises
    ------
    ValueError
        If the dose is not positive, or is below half the smallest capsule,
        so that no capsule at all would be the nearer choice: the function
        refuses to round a dose to nothing.

    >>> r = round_to_strengths(85, (25, 100))
    >>> r.total_mg, r.describe()
    (75.0, '3 x 25 mg')
    >>> round_to_strengths(136, (25, 100)).describe()
    '1 x 100 mg + 1 x 25 mg'
    >>> round_to_strengths(4.8, (0.75, 1, 4)).describe()
    '1 x 4 mg + 1 x 0.75 mg'
    """
    target = check_number("dose_mg", dose_mg, low=0.0, low_open=True,
                          high=MAX_DOSE_MG, unit="mg")
    units = _units(strengths_mg_)
    step = math.gcd(*units)
    sizes = [u // step for u in units]
    wanted = target * _UG_PER_MG / step
    smallest = min(sizes)
    if wanted < smallest / 2:
        raise ValueError(f"dose_mg must be at least half the smallest strength "
                         f"({smallest * step / _UG_PER_MG / 2:g} mg); got {target:g}")
    limit = math.ceil(wanted) + max(sizes)
    count, last = _fewest_table(limit, sizes)
    reachable = [k for k in range(1, limit + 1) if count[k] is not None]
    k = min(reachable, key=lambda k: (abs(k - wanted), k))
    pieces, rest = [], k
    while rest:
        pieces.append(last[rest])
        rest -= last[rest]
    counts = tuple((s * step / _UG_PER_MG, pieces.count(s)) for s in sizes if s in pieces)
    return CapsuleRounding(target, k * step / _UG_PER_MG, counts)


@dataclass(frozen=True)
class DividedRegimen:
    """A daily amount split into equal doses, each of whole capsules.

    Attributes
    ----------
    daily_target_mg : float
        The daily amount asked for.
    doses_per_day : int
        Number of equal doses.
    per_dose : CapsuleRounding
        One dose, rounded to whole capsules.
    """

    daily_target_mg: float
    doses_per_day: int
    per_dose: CapsuleRounding

    @property
    def daily_total_mg(self) -> float:
        """What the rounded doses add up to in a day, mg."""
        return self.doses_per_day * self.per_dose.total_mg

    @property
    def capsules_per_day(self) -> int:
        """Capsules taken in a day."""
        return self.doses_per_day * self.per_dose.capsules


def divided_regimen(daily_mg, doses_per_day, strengths_mg_) -> DividedRegimen:
    """Split ``daily_mg`` into equal doses and round each to whole capsules.

    Each dose is rounded, not the daily total: the patient swallows whole
    capsules at every dose, so a daily amount that whole capsules could make
    may still be out of reach when it has to be split.

    Parameters
    ----------
    daily_mg : float
        Daily amount, mg, > 0.
    doses_per_day : int
        Number of equal doses, 1 to 4.
    strengths_mg_ : sequence of float
        Available strengths, mg.

    >>> r = divided_regimen(170, 2, (25, 100))
    >>> r.per_dose.total_mg, r.daily_total_mg
    (75.0, 150.0)
    """
    daily = check_number("daily_mg", daily_mg, low=0.0, low_open=True, unit="mg")
    n = check_integer("doses_per_day", doses_per_day, low=1, high=4)
    return DividedRegimen(daily, n, round_to_strengths(daily / n, strengths_mg_))


def achieved_mg_per_kg_day(weight_kg, mg_per_kg_day_, strengths_mg_,
                           doses_per_day=2) -> float:
    """The weight-based dose a patient takes once a label's mg/kg/day is
    split into equal doses and each is rounded to whole capsules.

    Parameters
    ----------
    weight_kg : float
        Body weight, kg, in (0, 400].
    mg_per_kg_day_ : float
        The label's dose, mg/kg/day, in (0, 50].
    strengths_mg_ : sequence of float
        Available strengths, mg.
    doses_per_day : int
        Number of equal doses, 1 to 4.

    >>> achieved_mg_per_kg_day(50, 2.5, (25, 100))
    2.0
    """
    daily = daily_dose_mg(weight_kg, mg_per_kg_day_)
    regimen = divided_regimen(daily, doses_per_day, strengths_mg_)
    return mg_per_kg_day(regimen.daily_total_mg, weight_kg)


@dataclass(frozen=True)
class TitrationStep:
    """One step of a label's dose-titration schedule.

    Attributes
    ----------
    week : float
        Earliest week of treatment at which this level may begin.
    mg_per_kg_day : float
        The weight-based dose of this step.
    """

    week: float
    mg_per_kg_day: float


def label_titration(start_mg_kg, step_mg_kg, max_mg_kg, hold_weeks,
                    interval_weeks) -> tuple:
    """The earliest schedule a titration rule of the form "start at
    ``start``, keep it for at least ``hold_weeks``, then increase by
    ``step`` at intervals of ``interval_weeks`` up to ``max``" allows.

    The schedule assumes that every increase is made as early as the rule
    allows; a label allows later and smaller increases, and dose decreases
    at any time, which this function does not model.

    Parameters
    ----------
    start_mg_kg, step_mg_kg, max_mg_kg : float
        Starting dose, step and maximum, mg/kg/day; each > 0, with
        ``start <= max``.
    hold_weeks, interval_weeks : float
        Weeks at the starting dose, and weeks between increases; > 0.

    Returns
    -------
    tuple of TitrationStep
        The starting step at week 0, then one step per increase. The last
        step is capped at ``max_mg_kg``.

    >>> [(s.week, s.mg_per_kg_day) for s in label_titration(2.5, 0.5, 4, 4, 2)]
    [(0.0, 2.5), (4.0, 3.0), (6.0, 3.5), (8.0, 4.0)]
    """
    start = check_number("start_mg_kg", start_mg_kg, low=0.0, low_open=True,
                         high=MAX_MG_PER_KG_DAY, unit="mg/kg/day")
    step = check_number("step_mg_kg", step_mg_kg, low=0.0, low_open=True,
                        high=MAX_MG_PER_KG_DAY, unit="mg/kg/day")
    top = check_number("max_mg_kg", max_mg_kg, low=start, high=MAX_MG_PER_KG_DAY,
                       unit="mg/kg/day")
    hold = check_number("hold_weeks", hold_weeks, low=0.0, low_open=True, unit="weeks")
    every = check_number("interval_weeks", interval_weeks, low=0.0, low_open=True,
                         unit="weeks")
    steps = [TitrationStep(0.0, start)]
    level, week = start, hold
    # Compare in rounded decimals so that 2.5 + 3 x 0.5 reaches 4 exactly.
    while round(level, 9) < round(top, 9):
        level = min(round(level + step, 9), top)
        steps.append(TitrationStep(week, level))
        week += every
    return tuple(steps)


def percent_rise(baseline, measured) -> float:
    """Rise of ``measured`` above ``baseline``, in percent of the baseline.

    Parameters
    ----------
    baseline, measured : float
        Two values of the same laboratory quantity (for example serum
        creatinine), > 0, in the same unit.

    >>> percent_rise(0.8, 1.0)
    25.0
    """
    b = check_number("baseline", baseline, low=0.0, low_open=True)
    m = check_number("measured", measured, low=0.0, low_open=True)
    return round(100.0 * (m - b) / b, 9)


@dataclass(frozen=True)
class SwitchRule:
    """What a US label says about moving from one product to another.

    Attributes
    ----------
    source, target : Product
        From and to.
    start_factor : float or None
        The label's starting daily dose as a multiple of the old daily dose;
        ``None`` when the label gives no factor.
    wording : str
        The label's statement, paraphrased closely.
    monitoring : str
        What the label asks to be measured after the switch.
    source_key : str
        ``references.bib`` key of the label.
    """

    source: Product
    target: Product
    start_factor: float | None
    wording: str
    monitoring: str
    source_key: str


def _rules():
    neoral_monitor = (
        "trough blood levels every {0:g} to {1:g} days until they reach the "
        "level before the switch".format(*value("neoral_conversion_monitoring_days")))
    envarsus_monitor = (
        "whole-blood troughs at least {0:g} times on separate days in the first "
        "week, remembering that steady state takes about {1:g} days".format(
            value("envarsus_first_week_trough_count"),
            value("envarsus_steady_state_days")))
    not_interchangeable = ("not interchangeable or substitutable; changes between "
                           "immediate- and extended-release forms only under "
                           "physician supervision")
    under_supervision = "blood levels and the transplant team's follow-up"
    rules = [
        SwitchRule(Product.SANDIMMUNE, Product.NEORAL,
                   value("sandimmune_to_neoral_start_ratio"),
                   "start with the same daily dose as on Sandimmune (1:1), then "
                   "adjust the dose to the trough measured before the switch",
                   neoral_monitor, "neoral_us_label"),
        SwitchRule(Product.GENGRAF, Product.SANDIMMUNE, None,
                   "the two are not bioequivalent; a 1:1 (mg/kg/day) conversion "
                   "may result in lower cyclosporine blood concentrations",
                   under_supervision, "gengraf_us_label"),
        SwitchRule(Product.NEORAL, Product.SANDIMMUNE, None,
                   "not bioequivalent; cannot be used interchangeably without "
                   "physician supervision", under_supervision, "neoral_us_label"),
        SwitchRule(Product.PROGRAF, Product.ENVARSUS_XR,
                   value("envarsus_conversion_pct") / 100,
                   "give once daily a dose that is {0:g} % of the total daily "
                   "immediate-release dose, then titrate to the trough range".format(
                       value("envarsus_conversion_pct")),
                   envarsus_monitor, "envarsus_us_label"),
    ]
    for src, dst, key in ((Product.PROGRAF, Product.ASTAGRAF_XL, "prograf_us_label"),
                          (Product.ASTAGRAF_XL, Product.PROGRAF, "astagraf_us_label"),
                          (Product.ENVARSUS_XR, Product.PROGRAF, "envarsus_us_label"),
                          (Product.ENVARSUS_XR, Product.ASTAGRAF_XL, "envarsus_us_label"),
                          (Product.ASTAGRAF_XL, Product.ENVARSUS_XR, "astagraf_us_label")):
        rules.append(SwitchRule(src, dst, None, not_interchangeable,
                                under_supervision, key))
    return {(r.source, r.target): r for r in rules}


def switch_rule(source, target) -> SwitchRule:
    """What the US label says about moving from ``source`` to ``target``.

    Parameters
    ----------
    source, target : Product or str
        Two different products of the same drug.

    Returns
    -------
    SwitchRule

    Raises
    ------
    ValueError
        If the two are the same product, are different drugs, or form a pair
        for which the book has read no label statement (the message says
        which).

    >>> switch_rule("prograf", "envarsus xr").start_factor
    0.8
    >>> switch_rule("prograf", "astagraf xl").start_factor is None
    True
    """
    src = check_choice("source", source, Product, among=ORAL_CNI)
    dst = check_choice("target", target, Product, among=ORAL_CNI)
    if src is dst:
        raise ValueError(f"target must differ from source; got {dst.value!r} twice")
    if src.drug != dst.drug:
        raise ValueError(f"target must contain the same drug as source "
                         f"({src.drug}); got {dst.value!r} ({dst.drug})")
    try:
        return _rules()[(src, dst)]
    except KeyError:
        raise ValueError(f"source/target: the book has read no US label statement "
                         f"for a switch from {src.value!r} to {dst.value!r}") from None


def label_start_dose_mg(old_daily_mg, source, target):
    """The label's starting daily dose after a switch, or ``None``.

    Parameters
    ----------
    old_daily_mg : float
        Total daily dose of the old product, mg, > 0.
    source, target : Product or str
        As for :func:`switch_rule`.

    Returns
    -------
    float or None
        ``start_factor * old_daily_mg`` when the label gives a factor;
        ``None`` when it gives none, in which case the label's requirement is
        the monitoring in :attr:`SwitchRule.monitoring`, and no number.

    >>> round(label_start_dose_mg(6, "prograf", "envarsus xr"), 6)
    4.8
    """
    old = check_number("old_daily_mg", old_daily_mg, low=0.0, low_open=True, unit="mg")
    rule = switch_rule(source, target)
    return None if rule.start_factor is None else rule.start_factor * old
