"""Licensing and regimen choice for topical calcineurin inhibitors in atopic dermatitis.

Every rule here is read from :mod:`tcibook.facts`, and every answer names the
rule it applied and the bibliography key of its source. Where the labels
cited in the book give no rule (a region whose product information the book
does not cite, or a product whose licence in a region it has not verified)
the functions raise :class:`NoSourcedRule` instead of guessing.

Regions are the Enum :class:`Region`; products are the topical members of
:class:`tcibook.products.Product`;
every function also accepts a member's value (``"EU"``, ``"Protopic"``), in
any letter case.

These functions teach how product information is structured. They are not a
prescribing tool: a real decision needs the current product information of
the patient's country and a clinician.

Explained in ``atopic-dermatitis-treatment``; practised in ``practice-04``,
``practice-05``, ``practice-10`` (chapters/).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum

from .facts import value
from .products import TOPICAL, Product
from .validation import check_choice, check_flag, check_integer, check_number

__all__ = [
    "Region", "Product", "REGIONS", "PRODUCTS", "MAX_AGE_YEARS", "NoSourcedRule",
    "RuleNotInFactBase", "Action", "LicenceRule", "Licensing", "Decision",
    "licence_rules", "licensed_options", "is_licensed", "eu_flare_regimen",
    "eu_maintenance_eligibility", "reassess_protopic", "reassess_elidel",
]


class Region(StrEnum):
    """Regions whose product information the book cites for at least one rule.

    A ``StrEnum``: each member equals (and prints as) its value.
    """

    US = "US"
    EU = "EU"
    UK = "UK"
    CANADA = "Canada"


#: Regions for which the cited product information gives at least one rule.
REGIONS = tuple(Region)

#: Topical product -> its strengths in percent w/w, from the facts module
#: (its drug is ``product.drug``).
PRODUCTS = {
    Product.PROTOPIC: (value("tacrolimus_ointment_low_strength"),
                       value("tacrolimus_ointment_high_strength")),
    Product.ELIDEL: (value("pimecrolimus_cream_strength"),),
}

#: Upper bound accepted for an age, in years (a plausibility check only).
MAX_AGE_YEARS = 130.0

_MONTHS_PER_YEAR = 12


class NoSourcedRule(ValueError):
    """The labels cited in the book give no rule for this question, so none is guessed."""


#: Former name of :class:`NoSourcedRule`, kept so that older code still runs.
RuleNotInFactBase = NoSourcedRule


class Action(Enum):
    """What a rule says to do; the value is a short human-readable phrase."""

    NOT_LICENSED = "not licensed at this age"
    TWICE_DAILY = "apply twice daily"
    ONCE_DAILY = "apply once daily"
    ELIGIBLE = "eligible for proactive maintenance"
    NOT_ELIGIBLE = "not eligible for proactive maintenance"
    CONTINUE = "continue and review"
    REEXAMINE = "re-examine the patient"
    CONSIDER_OTHER_OPTIONS = "consider other treatment options"
    STOP_RESOLVED = "stop: the signs and symptoms have resolved"
    STOP_AND_REEVALUATE = "stop and re-evaluate the diagnosis"


@dataclass(frozen=True)
class LicenceRule:
    """One product strength licensed in one region from a minimum age.

    Attributes
    ----------
    region : Region
    product : Product
    drug : str
        Drug name.
    strength_percent : float
        Strength in percent w/w.
    min_age_years : float
        Youngest licensed age in years (3 months is 0.25 years).
    source : str
        Key of the source record in ``references.bib``.
    """

    region: Region
    product: Product
    drug: str
    strength_percent: float
    min_age_years: float
    source: str

    @property
    def reason(self) -> str:
        """The rule in words, with its source key."""
        months = self.min_age_years * _MONTHS_PER_YEAR
        age = (f"{months:g} months" if self.min_age_years < 1
               else f"{self.min_age_years:g} years")
        return (f"{self.region}: {self.product} {self.strength_percent:g} % "
                f"from {age} [{self.source}]")


@dataclass(frozen=True)
class Licensing:
    """Answer of :func:`licensed_options` for one age in one region.

    Attributes
    ----------
    region : Region
    age_years : float
    options : tuple of LicenceRule
        Strengths licensed at this age.
    too_young : tuple of LicenceRule
        Strengths with a known rule whose minimum age is not yet reached.
    not_covered : tuple of str
        Names of the products for which the cited product information gives
        no rule in this region; the answer says nothing about them.
    """

    region: Region
    age_years: float
    options: tuple
    too_young: tuple
    not_covered: tuple

    @property
    def complete(self) -> bool:
        """True when every product's rule in this region is known."""
        return not self.not_covered

    def strengths(self, product) -> tuple:
        """Strengths (percent) of ``product`` (a :class:`Product` or its name)
        licensed at this age."""
        product = check_choice("product", product, Product, among=TOPICAL)
        return tuple(r.strength_percent for r in self.options
                     if r.product is product)


@dataclass(frozen=True)
class Decision:
    """A regimen decision with the rule that produced it.

    Attributes
    ----------
    action : Action
    reason : str
        The rule applied, in words.
    source : str
        Key of the source record in ``references.bib``.
    strength_percent : float or None
        Strength the rule names, when it names one.
    """

    action: Action
    reason: str
    source: str
    strength_percent: float | None = None


def _rules():
    low, high = PRODUCTS[Product.PROTOPIC]
    (cream,) = PRODUCTS[Product.ELIDEL]
    P, E = Product.PROTOPIC, Product.ELIDEL

    def rule(region, product, strength, min_age, source):
        return LicenceRule(region, product, product.drug, strength,
                           float(min_age), source)

    return (
        rule(Region.US, P, low, value("protopic_us_min_age"), "protopic_us_label"),
        rule(Region.US, P, high, value("protopic_us_high_strength_min_age"),
             "protopic_us_label"),
        rule(Region.US, E, cream, value("elidel_us_min_age"), "elidel_us_label"),
        rule(Region.EU, P, low, value("protopic_eu_min_age"), "protopic_eu_smpc"),
        rule(Region.EU, P, high, value("protopic_eu_high_strength_min_age"),
             "protopic_eu_smpc"),
        rule(Region.UK, P, low, value("protopic_uk_min_age"), "protopic_uk_pi"),
        rule(Region.UK, P, high, value("protopic_uk_high_strength_min_age"),
             "protopic_uk_pi"),
        rule(Region.UK, E, cream,
             value("elidel_uk_min_age_months") / _MONTHS_PER_YEAR,
             "elidel_uk_smpc"),
        rule(Region.CANADA, E, cream,
             value("elidel_canada_min_age_months") / _MONTHS_PER_YEAR,
             "elidel_canada_2019"),
    )


_RULES = _rules()


def _check_region(region):
    """The :class:`Region` that ``region`` names.

    A string naming no region raises :class:`NoSourcedRule` (the book cites no
    product information for it); anything else that is not a region raises
    :class:`ValueError`.
    """
    try:
        return check_choice("region", region, Region)
    except ValueError as err:
        if isinstance(region, str):
            raise NoSourcedRule(
                f"region {region!r}: the product information cited in this book "
                f"gives no licensing rule for it; regions covered: "
                f"{', '.join(REGIONS)}") from None
        raise err from None


def _check_age(age_years):
    return check_number("age_years", age_years, low=0.0, high=MAX_AGE_YEARS,
                        unit="years")


def _fmt(x):
    """``x`` in short form, unless that would hide how close it is to a limit."""
    short = f"{x:g}"
    return short if float(short) == x else repr(x)


def _check_weeks(name, weeks):
    return check_number(name, weeks, low=0.0, unit="weeks")


def licence_rules(region):
    """All licensing rules the cited product information gives for one region.

    Parameters
    ----------
    region : Region or str
        ``"US"``, ``"EU"``, ``"UK"`` or ``"Canada"`` (case-insensitive).

    Returns
    -------
    tuple of LicenceRule

    Raises
    ------
    NoSourcedRule
        For a region whose product information the book does not cite.
    ValueError
        If ``region`` is neither a :class:`Region` nor a string.

    Examples
    --------
    >>> [r.reason for r in licence_rules("Canada")]
    ['Canada: Elidel 1 % from 3 months [elidel_canada_2019]']
    >>> len(licence_rules("UK"))     # Protopic 0.03 % and 0.1 %, Elidel
    3
    """
    region = _check_region(region)
    return tuple(r for r in _RULES if r.region is region)


def licensed_options(age_years, region):
    """Product strengths licensed for atopic dermatitis at an age in a region.

    A strength is licensed when ``age_years >= min_age_years`` of its rule, so
    a child is covered from the day of the birthday the label names.

    Parameters
    ----------
    age_years : float
        Age in years, in [0, 130]; three months is 0.25.
    region : Region or str
        ``"US"``, ``"EU"``, ``"UK"`` or ``"Canada"`` (case-insensitive).

    Returns
    -------
    Licensing
        The licensed strengths, those the patient is too young for, and the
        products whose rule in this region the cited product information does
        not give.

    Raises
    ------
    ValueError
        If the age is negative, above 130, NaN or not a number.
    NoSourcedRule
        For a region whose product information the book does not cite.

    Examples
    --------
    >>> us = licensed_options(10, "US")
    >>> us.strengths("Protopic"), us.strengths("Elidel")
    ((0.03,), (1,))
    >>> licensed_options(0.25, "Canada").not_covered
    ('Protopic',)
    >>> licensed_options(0.25, "UK").strengths("Elidel"), licensed_options(2, "UK").strengths("Protopic")
    ((1,), (0.03,))
    """
    age = _check_age(age_years)
    rules = licence_rules(region)
    covered = {r.product for r in rules}
    return Licensing(
        region=rules[0].region,
        age_years=age,
        options=tuple(r for r in rules if age >= r.min_age_years),
        too_young=tuple(r for r in rules if age < r.min_age_years),
        not_covered=tuple(p.value for p in PRODUCTS if p not in covered),
    )


def is_licensed(product, strength_percent, age_years, region):
    """Whether one product strength is licensed at an age in a region.

    Parameters
    ----------
    product : Product or str
        ``"Protopic"`` or ``"Elidel"`` (case-insensitive).
    strength_percent : float
        A strength the product is made in (0.03 or 0.1 for Protopic, 1 for
        Elidel).
    age_years : float
        Age in years, in [0, 130].
    region : Region or str
        ``"US"``, ``"EU"``, ``"UK"`` or ``"Canada"``.

    Returns
    -------
    bool

    Raises
    ------
    ValueError
        For an unknown product, a strength the product is not made in, or a
        bad age.
    NoSourcedRule
        When the cited product information gives no rule for this product in
        this region.

    Examples
    --------
    >>> is_licensed("Protopic", 0.1, 16, "US")
    True
    >>> is_licensed("Protopic", 0.1, 15.9, "US")
    False
    """
    product = check_choice("product", product, Product, among=TOPICAL)
    strengths = PRODUCTS[product]
    strength = check_number("strength_percent", strength_percent, low=0.0,
                            high=100.0, low_open=True, unit="%")
    if strength not in strengths:
        made = " or ".join(f"{s:g}" for s in strengths)
        raise ValueError(f"strength_percent must be {made} % for {product}; "
                         f"got {strength:g}")
    answer = licensed_options(age_years, region)
    if product.value in answer.not_covered:
        raise NoSourcedRule(
            f"product {product.value!r}: the product information cited in this "
            f"book gives no licensing rule for it in {answer.region}; check that "
            "region's product information")
    return strength in answer.strengths(product)


def eu_flare_regimen(age_years, weeks_on_treatment):
    """Strength and frequency of tacrolimus ointment for a flare (EU SmPC).

    Adults and adolescents from 16 years start 0.1 % twice daily until the
    lesions clear. Children from 2 to 15 years use 0.03 % twice daily for up
    to 3 weeks, then once daily until clearance: from the end of week 3
    (``weeks_on_treatment >= 3``) the answer is once daily. Under 2 years
    the ointment is not licensed.

    Parameters
    ----------
    age_years : float
        Age in years, in [0, 130].
    weeks_on_treatment : float
        Weeks since the flare treatment started, >= 0.

    Returns
    -------
    Decision
        ``TWICE_DAILY``, ``ONCE_DAILY`` or ``NOT_LICENSED``, with the strength.

    Raises
    ------
    ValueError
        If an argument is negative, NaN or not a number.

    Examples
    --------
    >>> eu_flare_regimen(8, 1).action.value
    'apply twice daily'
    >>> eu_flare_regimen(8, 3).action.value
    'apply once daily'
    """
    age = _check_age(age_years)
    weeks = _check_weeks("weeks_on_treatment", weeks_on_treatment)
    source = "protopic_eu_smpc"
    low, high = PRODUCTS[Product.PROTOPIC]
    child_age = value("protopic_eu_min_age")
    adult_age = value("protopic_eu_high_strength_min_age")
    bid_weeks = value("protopic_eu_child_twice_daily_max_weeks")
    if age < child_age:
        return Decision(Action.NOT_LICENSED,
                        f"EU SmPC: not for children under {child_age} years",
                        source)
    if age >= adult_age:
        return Decision(Action.TWICE_DAILY,
                        f"EU SmPC, {adult_age} years and over: {high:g} % twice "
                        "daily until the lesions clear", source, high)
    if weeks < bid_weeks:
        return Decision(Action.TWICE_DAILY,
                        f"EU SmPC, children: {low:g} % twice daily for up to "
                        f"{bid_weeks} weeks", source, low)
    return Decision(Action.ONCE_DAILY,
                    f"EU SmPC, children: after {bid_weeks} weeks, {low:g} % once "
                    "daily until the lesions clear", source, low)


def eu_maintenance_eligibility(flares_per_year, weeks_to_initial_response):
    """Whether the EU proactive (maintenance) indication applies.

    The EU SmPC allows maintenance treatment for patients with at least 4
    exacerbations a year who responded (lesions cleared, almost cleared or
    mildly affected) within at most 6 weeks of twice-daily tacrolimus
    ointment. Both limits are inclusive.

    Parameters
    ----------
    flares_per_year : int
        Exacerbations in a year, a whole number >= 0.
    weeks_to_initial_response : float or None
        Weeks of twice-daily treatment until the initial response, > 0; or
        ``None`` when there was no response.

    Returns
    -------
    Decision
        ``ELIGIBLE`` or ``NOT_ELIGIBLE``; the reason names the criterion.

    Raises
    ------
    ValueError
        If ``flares_per_year`` is not a whole number >= 0, or
        ``weeks_to_initial_response`` is not ``None`` and not a number > 0.

    Examples
    --------
    >>> eu_maintenance_eligibility(4, 6).action.value
    'eligible for proactive maintenance'
    >>> eu_maintenance_eligibility(3, 2).action.value
    'not eligible for proactive maintenance'
    """
    flares = check_integer("flares_per_year", flares_per_year, low=0,
                           unit="flares/year")
    if weeks_to_initial_response is not None:
        weeks_to_initial_response = check_number(
            "weeks_to_initial_response", weeks_to_initial_response,
            low=0.0, low_open=True, unit="weeks")
    source = "protopic_eu_smpc"
    min_flares = value("protopic_eu_maintenance_min_flares_per_year")
    max_weeks = value("protopic_eu_maintenance_response_max_weeks")
    if flares < min_flares:
        return Decision(Action.NOT_ELIGIBLE,
                        f"EU SmPC: maintenance needs at least {min_flares} "
                        f"flares a year; got {flares}", source)
    if weeks_to_initial_response is None:
        return Decision(Action.NOT_ELIGIBLE,
                        "EU SmPC: maintenance needs an initial response to "
                        "twice-daily treatment; there was none", source)
    if weeks_to_initial_response > max_weeks:
        return Decision(Action.NOT_ELIGIBLE,
                        f"EU SmPC: the initial response must come within "
                        f"{max_weeks} weeks of twice-daily treatment; it took "
                        f"{_fmt(weeks_to_initial_response)}", source)
    return Decision(Action.ELIGIBLE,
                    f"EU SmPC: at least {min_flares} flares a year and a "
                    f"response within {max_weeks} weeks", source)


def reassess_protopic(weeks_on_treatment, improved, region):
    """What the product information says when tacrolimus ointment has not helped.

    The US label asks for the patient to be re-examined when there is no
    improvement within 6 weeks; the EU SmPC says other treatment options
    should be considered when there is no sign of improvement after 2 weeks.
    The limits are inclusive: at exactly the limit without improvement the
    rule applies.

    Parameters
    ----------
    weeks_on_treatment : float
        Weeks of treatment so far, >= 0.
    improved : bool
        Whether the dermatitis has improved.
    region : Region or str
        ``"US"`` or ``"EU"``; the product information cited here gives no
        such rule for the UK or Canada.

    Returns
    -------
    Decision
        ``CONTINUE``, ``REEXAMINE`` (US) or ``CONSIDER_OTHER_OPTIONS`` (EU).

    Raises
    ------
    ValueError
        If ``weeks_on_treatment`` is negative or not a number, or ``improved``
        is not a bool.
    NoSourcedRule
        For a region whose rule the cited product information does not give.

    Examples
    --------
    >>> reassess_protopic(6, False, "US").action.value
    're-examine the patient'
    >>> reassess_protopic(2, False, "EU").action.value
    'consider other treatment options'
    """
    weeks = _check_weeks("weeks_on_treatment", weeks_on_treatment)
    improved = check_flag("improved", improved)
    region = _check_region(region)
    if region is Region.US:
        limit, action = value("protopic_us_reexamine_weeks"), Action.REEXAMINE
        source, doc = "protopic_us_label", "US label"
    elif region is Region.EU:
        limit = value("protopic_eu_no_improvement_weeks")
        action, source, doc = (Action.CONSIDER_OTHER_OPTIONS,
                               "protopic_eu_smpc", "EU SmPC")
    else:
        raise NoSourcedRule(
            f"region {region.value!r}: the product information cited in this "
            "book gives no Protopic reassessment rule for it; rules are known "
            "for US and EU")
    if improved:
        return Decision(Action.CONTINUE,
                        f"{doc}: improving, so the {limit}-week rule does not "
                        "apply", source)
    if weeks < limit:
        return Decision(Action.CONTINUE,
                        f"{doc}: no improvement yet, but {_fmt(weeks)} weeks is "
                        f"short of the {limit}-week limit", source)
    return Decision(action,
                    f"{doc}: no improvement after {_fmt(weeks)} weeks "
                    f"(limit {limit} weeks)", source)


def reassess_elidel(weeks_on_treatment, *, improved, region, cleared=False,
                    worsened=False):
    """What the product information says about continuing pimecrolimus cream.

    * Both: stop once the signs and symptoms have resolved (``cleared``).
    * US label: re-examine the patient to confirm the diagnosis if signs and
      symptoms persist **beyond** 6 weeks (so at exactly 6 weeks, not yet),
      or if they worsen at any time.
    * UK SmPC: stop if there is no improvement **after** 6 weeks (from week 6
      on) or if the disease worsens, and re-evaluate the diagnosis.

    Parameters
    ----------
    weeks_on_treatment : float
        Weeks of treatment so far, >= 0.
    improved : bool
        Whether the dermatitis has improved (keyword only).
    region : Region or str
        ``"US"`` or ``"UK"`` (keyword only); the product information cited
        here gives no such rule for the EU or Canada.
    cleared : bool, optional
        Whether the signs and symptoms have resolved.
    worsened : bool, optional
        Whether the disease has worsened.

    Returns
    -------
    Decision
        ``STOP_RESOLVED``, ``CONTINUE``, ``REEXAMINE`` (US) or
        ``STOP_AND_REEVALUATE`` (UK).

    Raises
    ------
    ValueError
        For a negative or non-numeric ``weeks_on_treatment``, a flag that is
        not a bool, or a cleared dermatitis that is said to have worsened.
    NoSourcedRule
        For a region whose rule the cited product information does not give.

    Examples
    --------
    >>> reassess_elidel(6, improved=False, region="US").action.value
    'continue and review'
    >>> reassess_elidel(6, improved=False, region="UK").action.value
    'stop and re-evaluate the diagnosis'
    """
    weeks = _check_weeks("weeks_on_treatment", weeks_on_treatment)
    improved = check_flag("improved", improved)
    cleared = check_flag("cleared", cleared)
    worsened = check_flag("worsened", worsened)
    if cleared and worsened:
        raise ValueError("cleared and worsened cannot both be True")
    region = _check_region(region)
    if region is Region.US:
        limit, source, doc = value("elidel_us_reexamine_weeks"), "elidel_us_label", "US label"
    elif region is Region.UK:
        limit, source, doc = value("elidel_uk_stop_weeks"), "elidel_uk_smpc", "UK SmPC"
    else:
        raise NoSourcedRule(
            f"region {region.value!r}: the product information cited in this "
            "book gives no Elidel reassessment rule for it; rules are known "
            "for US and UK")
    if cleared:
        return Decision(Action.STOP_RESOLVED,
                        f"{doc}: stop once the signs and symptoms resolve", source)
    if region is Region.US:
        if worsened:
            return Decision(Action.REEXAMINE,
                            f"{doc}: re-evaluate if symptoms worsen at any time",
                            source)
        if weeks > limit:
            return Decision(Action.REEXAMINE,
                            f"{doc}: signs persist beyond {limit} weeks "
                            f"({_fmt(weeks)} weeks): re-examine to confirm the "
                            "diagnosis", source)
        return Decision(Action.CONTINUE,
                        f"{doc}: {_fmt(weeks)} weeks is not beyond the "
                        f"{limit}-week limit", source)
    if worsened:
        return Decision(Action.STOP_AND_REEVALUATE,
                        f"{doc}: the disease has worsened: stop and re-evaluate",
                        source)
    if not improved and weeks >= limit:
        return Decision(Action.STOP_AND_REEVALUATE,
                        f"{doc}: no improvement after {_fmt(weeks)} weeks (limit "
                        f"{limit} weeks): stop and re-evaluate", source)
    why = "improving" if improved else f"{_fmt(weeks)} weeks is short of {limit}"
    return Decision(Action.CONTINUE, f"{doc}: {why}; continue and review", source)
