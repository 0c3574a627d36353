"""The topical calcineurin inhibitors among today's non-steroidal topicals.

Three tables and what follows from them:

* :data:`TOPICALS`: each non-steroidal topical the book discusses, with the
  node of the inflammatory pathway it acts on (calcineurin, phosphodiesterase 4,
  the Janus kinases or the aryl hydrocarbon receptor).
* :func:`pivotal_trials`: the primary end points of the pivotal
  vehicle-controlled trials, read from :mod:`tcibook.facts`, with the
  vehicle-adjusted difference, the number needed to treat and, where the arm
  sizes are known, its confidence interval (computed once, in
  :mod:`tcibook.effect_sizes`).
* :func:`us_licensed_topicals`: which of these products a US label covers for
  an indication at an age. The TCI rows come from :mod:`tcibook.regimens`,
  the others from the facts.

Explained in ``nonsteroidal-topicals``; practised in ``practice-14``
(chapters/).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from .effect_sizes import NNTInterval, TwoByTwo, nnt_interval, number_needed_to_treat
from .facts import value
from .regimens import licence_rules
from .safety import risk_difference_pct
from .validation import check_choice, check_number

__all__ = ["Target", "Indication", "Topical", "TOPICALS", "PivotalTrial",
           "pivotal_trials", "LabelledUse", "us_labelled_uses",
           "us_licensed_topicals"]

_MONTHS_PER_YEAR = 12


class Target(str, Enum):
    """The node of the pathway a topical acts on."""

    CALCINEURIN = "calcineurin"
    PDE4 = "PDE4"
    JAK = "JAK"
    AHR = "AhR"

    def __str__(self):
        return self.value


class Indication(str, Enum):
    """Indications the US labels of these products name."""

    ATOPIC_DERMATITIS = "atopic dermatitis"
    VITILIGO = "nonsegmental vitiligo"
    HAND_ECZEMA = "chronic hand eczema"

    def __str__(self):
        return self.value


@dataclass(frozen=True)
class Topical:
    """One non-steroidal topical and where it acts.

    Attributes
    ----------
    drug : str
    target : Target
        The enzyme or receptor the drug acts on.
    action : str
        What the drug does there, in a few words.
    """

    drug: str
    target: Target
    action: str


#: The topicals the chapter sets side by side, TCIs first.
TOPICALS = (
    Topical("tacrolimus", Target.CALCINEURIN,
            "with FKBP12, blocks calcineurin's dephosphorylation of NFAT"),
    Topical("pimecrolimus", Target.CALCINEURIN,
            "with FKBP12, blocks calcineurin's dephosphorylation of NFAT"),
    Topical("crisaborole", Target.PDE4,
            "inhibits PDE4, so cAMP is broken down more slowly"),
    Topical("roflumilast", Target.PDE4,
            "inhibits PDE4, so cAMP is broken down more slowly"),
    Topical("ruxolitinib", Target.JAK,
            "inhibits Janus kinases behind cytokine receptors"),
    Topical("delgocitinib", Target.JAK,
            "inhibits JAK1, JAK2, JAK3 and TYK2"),
    Topical("tapinarof", Target.AHR,
            "activates the aryl hydrocarbon receptor, a transcription factor"),
)


@dataclass(frozen=True)
class PivotalTrial:
    """Primary end point of one vehicle-controlled pivotal trial.

    Attributes
    ----------
    name : str
        The trial's name.
    drug : str
        Active drug and strength.
    indication : Indication
    endpoint : str
        The responder definition, in words.
    week : float
        Week of the primary end point.
    min_age_years : float or None
        Youngest age enrolled, when the source states it.
    treated_pct, vehicle_pct : float
        Percent of responders in each arm.
    n_treated, n_vehicle : int or None
        Patients randomised to each arm, when the source states them.
    source : str
        Key of the trial report in ``references.bib``.
    """

    name: str
    drug: str
    indication: Indication
    endpoint: str
    week: float
    min_age_years: float | None
    treated_pct: float
    vehicle_pct: float
    n_treated: int | None
    n_vehicle: int | None
    source: str

    @property
    def difference_pct(self) -> float:
        """Vehicle-adjusted difference, treated minus vehicle, in percentage points."""
        return risk_difference_pct(self.treated_pct, self.vehicle_pct)

    @property
    def nnt(self) -> float:
        """Number needed to treat, ``100 / difference``; not rounded."""
        return number_needed_to_treat(self.treated_pct, self.vehicle_pct)

    @property
    def nnt_whole(self) -> int:
        """The number needed to treat rounded up to a whole patient.

        Rounded to 9 decimals first, so that an NNT that is a whole number
        in exact arithmetic is not pushed up by a floating-point residue.
        """
        return math.ceil(round(self.nnt, 9))

    @property
    def has_arm_sizes(self) -> bool:
        """True when both arm sizes are known, so an interval can be computed."""
        return self.n_treated is not None and self.n_vehicle is not None

    def interval(self, level=0.95) -> NNTInterval:
        """Wald interval of the difference and of the number needed to treat.

        The counts are rebuilt from the printed percentages and the arm sizes
        (:meth:`tcibook.effect_sizes.TwoByTwo.from_percentages`).

        Raises
        ------
        ValueError
            If the arm sizes are not known, or ``level`` is outside (0, 1).
        """
        if not self.has_arm_sizes:
            raise ValueError(f"n_treated and n_vehicle of {self.name} are needed "
                             "for an interval; got None")
        return nnt_interval(TwoByTwo.from_percentages(
            self.treated_pct, self.n_treated, self.vehicle_pct, self.n_vehicle),
            level)


def pivotal_trials():
    """The pivotal trials' primary end points, from :mod:`tcibook.facts`.

    Returns
    -------
    tuple of PivotalTrial
        AD-301 and AD-302 (crisaborole), TRuE-AD1 and TRuE-AD2 (ruxolitinib
        cream 1.5 %), ADORING 1 and ADORING 2 (tapinarof cream, as reported
        by the sponsor), DELTA 1 and DELTA 2 (delgocitinib cream, chronic
        hand eczema), in that order.

    Examples
    --------
    >>> [(t.name, round(t.difference_pct, 1)) for t in pivotal_trials()[:2]]
    [('AD-301', 7.4), ('AD-302', 13.4)]
    """
    isga = ("ISGA clear or almost clear with a 2-grade or greater "
            "improvement")
    iga = "IGA 0/1 with a 2-grade or greater improvement"
    iga_che = "IGA-CHE 0/1 with a 2-step or greater improvement"
    day = value("crisaborole_trials_day")
    crisaborole = dict(drug="crisaborole ointment 2 %",
                       indication=Indication.ATOPIC_DERMATITIS, endpoint=isga,
                       week=day / 7, min_age_years=value("crisaborole_trials_min_age"),
                       n_treated=None, n_vehicle=None, source="paller2016crisaborole")
    ruxolitinib = dict(drug="ruxolitinib cream 1.5 %",
                       indication=Indication.ATOPIC_DERMATITIS, endpoint=iga,
                       week=value("true_ad_week"), min_age_years=value("true_ad_min_age"),
                       n_treated=None, n_vehicle=None, source="papp2021ruxolitinib")
    vigad = "vIGA-AD 0/1 with a 2-grade or greater improvement"
    tapinarof = dict(drug="tapinarof cream 1 %", indication=Indication.ATOPIC_DERMATITIS,
                     endpoint=vigad, week=value("adoring_week"),
                     min_age_years=value("adoring_min_age"), n_treated=None,
                     n_vehicle=None)
    delgocitinib = dict(drug="delgocitinib cream 20 mg/g",
                        indication=Indication.HAND_ECZEMA, endpoint=iga_che,
                        week=value("delta_week"), min_age_years=18,
                        source="bissonnette2024delta")
    return (
        PivotalTrial("AD-301", treated_pct=value("ad301_crisaborole_pct"),
                     vehicle_pct=value("ad301_vehicle_pct"), **crisaborole),
        PivotalTrial("AD-302", treated_pct=value("ad302_crisaborole_pct"),
                     vehicle_pct=value("ad302_vehicle_pct"), **crisaborole),
        PivotalTrial("TRuE-AD1", treated_pct=value("true_ad1_ruxolitinib_pct"),
                     vehicle_pct=value("true_ad1_vehicle_pct"), **ruxolitinib),
        PivotalTrial("TRuE-AD2", treated_pct=value("true_ad2_ruxolitinib_pct"),
                     vehicle_pct=value("true_ad2_vehicle_pct"), **ruxolitinib),
        PivotalTrial("ADORING 1", treated_pct=value("adoring1_tapinarof_pct"),
                     vehicle_pct=value("adoring1_vehicle_pct"),
                     source="dermavant2023adoring1", **tapinarof),
        PivotalTrial("ADORING 2", treated_pct=value("adoring2_tapinarof_pct"),
                     vehicle_pct=value("adoring2_vehicle_pct"),
                     source="dermavant2023adoring2", **tapinarof),
        PivotalTrial("DELTA 1", treated_pct=value("delta1_delgocitinib_pct"),
                     vehicle_pct=value("delta1_vehicle_pct"),
                     n_treated=value("delta1_n_delgocitinib"),
                     n_vehicle=value("delta1_n_vehicle"), **delgocitinib),
        PivotalTrial("DELTA 2", treated_pct=value("delta2_delgocitinib_pct"),
                     vehicle_pct=value("delta2_vehicle_pct"),
                     n_treated=value("delta2_n_delgocitinib"),
                     n_vehicle=value("delta2_n_vehicle"), **delgocitinib),
    )


@dataclass(frozen=True)
class LabelledUse:
    """One product's US indication with its youngest licensed age.

    Attributes
    ----------
    product : str
        Brand and strength.
    drug : str
    indication : Indication
    min_age_years : float
        Youngest licensed age in years (3 months is 0.25).
    source : str
        Key of the label in ``references.bib``.
    below_age_years : float or None
        Birthday from which the label no longer covers this strength ("2 to
        5 years" ends at the sixth birthday: 6); None when there is no upper
        age.
    """

    product: str
    drug: str
    indication: Indication
    min_age_years: float
    source: str
    below_age_years: float | None = None

    def covers(self, age_years):
        """True when this use covers a patient of ``age_years`` (already checked)."""
        return (age_years >= self.min_age_years
                and (self.below_age_years is None or age_years < self.below_age_years))


def us_labelled_uses():
    """Every US labelled use the module knows, TCIs first.

    Returns
    -------
    tuple of LabelledUse
    """
    tcis = tuple(LabelledUse(f"{r.product} {r.strength_percent:g} %", r.drug,
                             Indication.ATOPIC_DERMATITIS, r.min_age_years, r.source)
                 for r in licence_rules("US"))
    return tcis + (
        LabelledUse("Eucrisa 2 %", "crisaborole", Indication.ATOPIC_DERMATITIS,
                    value("eucrisa_us_min_age_months") / _MONTHS_PER_YEAR,
                    "eucrisa_us_label"),
        LabelledUse("Zoryve cream 0.15 %", "roflumilast", Indication.ATOPIC_DERMATITIS,
                    value("zoryve_cream_us_ad_min_age"), "zoryve_us_label"),
        LabelledUse("Zoryve cream 0.05 %", "roflumilast", Indication.ATOPIC_DERMATITIS,
                    value("zoryve_cream_005_us_ad_min_age"), "zoryve_us_label",
                    below_age_years=value("zoryve_cream_us_ad_min_age")),
        LabelledUse("Vtama 1 %", "tapinarof", Indication.ATOPIC_DERMATITIS,
                    value("vtama_us_ad_min_age"), "vtama_us_label"),
        LabelledUse("Opzelura 1.5 %", "ruxolitinib", Indication.ATOPIC_DERMATITIS,
                    value("opzelura_ad_us_min_age"), "opzelura_us_label"),
        LabelledUse("Opzelura 1.5 %", "ruxolitinib", Indication.VITILIGO,
                    value("opzelura_vitiligo_us_min_age"), "opzelura_us_label"),
        LabelledUse("Anzupgo 20 mg/g", "delgocitinib", Indication.HAND_ECZEMA,
                    value("anzupgo_us_min_age"), "anzupgo_us_label"),
    )


def us_licensed_topicals(age_years, indication):
    """Non-steroidal topicals whose US label covers an indication at an age.

    A product is covered from the day of the birthday its label names
    (``age_years >= min_age_years``) up to, not including, the birthday at
    which its age range ends, if it has one (:meth:`LabelledUse.covers`). Only the labelled uses in this module
    are known: a product that is absent is not thereby unlicensed, and a
    licence says nothing about which product suits a patient.

    Parameters
    ----------
    age_years : float
        Age in years, in [0, 130]; three months is 0.25.
    indication : Indication or str
        ``"atopic dermatitis"``, ``"nonsegmental vitiligo"`` or
        ``"chronic hand eczema"``.

    Returns
    -------
    tuple of LabelledUse
        In the order of the table: the TCIs first.

    Raises
    ------
    ValueError
        If the age is negative, above 130, NaN or not a number, or the
        indication is not one of the three.

    Examples
    --------
    >>> for use in us_licensed_topicals(4, "atopic dermatitis"):
    ...     print(use.product)
    Protopic 0.03 %
    Elidel 1 %
    Eucrisa 2 %
    Zoryve cream 0.05 %
    Vtama 1 %
    Opzelura 1.5 %
    """
    age = check_number("age_years", age_years, low=0.0, high=130.0, unit="years")
    indication = check_choice("indication", indication, Indication)
    return tuple(u for u in us_labelled_uses()
                 if u.indication is indication and u.covers(age))
