"""Licensing and regimen rules: every branch, every boundary, every refusal.

Expected values are typed from the labels (verified fact list N15, N17, N20, N21), not read
back from tcibook.facts, so a changed fact fails here too.
"""

import math

import pytest

from tcibook import regimens
from tcibook.regimens import (
    Action, NoSourcedRule, eu_flare_regimen, eu_maintenance_eligibility,
    is_licensed, licence_rules, licensed_options, reassess_protopic,
)

JUST_BELOW = 1e-9          # a hair under a boundary age or week count
THREE_MONTHS = 3 / 12      # = 0.25 years exactly


# --- licensed_options: US (Protopic 0.03 % from 2, 0.1 % from 16; Elidel from 2)

@pytest.mark.parametrize(("age", "protopic", "elidel"), [
    (0.0, (), ()),
    (THREE_MONTHS, (), ()),              # 3 months is not enough in the US
    (2 - JUST_BELOW, (), ()),
    (2.0, (0.03,), (1,)),                # exactly 2: the low strength and Elidel
    (10.0, (0.03,), (1,)),
    (16 - JUST_BELOW, (0.03,), (1,)),    # 15.99...: still 0.03 % only
    (16.0, (0.03, 0.1), (1,)),           # exactly 16: both strengths
    (80.0, (0.03, 0.1), (1,)),
])
def test_us_licensing_at_each_boundary(age, protopic, elidel):
    answer = licensed_options(age, "US")
    assert answer.strengths("Protopic") == protopic
    assert answer.strengths("Elidel") == elidel
    assert answer.complete and answer.not_covered == ()
    assert len(answer.options) + len(answer.too_young) == 3


def test_us_answer_names_rules_and_sources():
    answer = licensed_options(2, "US")
    reasons = [r.reason for r in answer.options]
    assert reasons == ["US: Protopic 0.03 % from 2 years [protopic_us_label]",
                       "US: Elidel 1 % from 2 years [elidel_us_label]"]
    (waiting,) = answer.too_young
    assert waiting.strength_percent == 0.1 and waiting.min_age_years == 16


# --- EU: Protopic 0.03 % from 2, 0.1 % from 16; no EU Elidel rule cited

@pytest.mark.parametrize(("age", "protopic"), [
    (2 - JUST_BELOW, ()),
    (2.0, (0.03,)),
    (16 - JUST_BELOW, (0.03,)),
    (16.0, (0.03, 0.1)),
])
def test_eu_licensing_at_each_boundary(age, protopic):
    answer = licensed_options(age, "EU")
    assert answer.strengths("Protopic") == protopic
    assert answer.not_covered == ("Elidel",) and not answer.complete
    assert all(r.source == "protopic_eu_smpc" for r in answer.options)


# --- UK and Canada: Elidel from 3 months (= 0.25 years); Protopic in the UK
# --- as in the EU (0.03 % from 2 years, 0.1 % from 16); not covered in Canada

@pytest.mark.parametrize("region", ["UK", "Canada"])
@pytest.mark.parametrize(("age", "elidel"), [
    (0.0, ()),
    (THREE_MONTHS - JUST_BELOW, ()),
    (THREE_MONTHS, (1,)),                # exactly 3 months
    (1.9, (1,)),
])
def test_uk_and_canada_elidel_from_three_months(region, age, elidel):
    answer = licensed_options(age, region)
    assert answer.strengths("Elidel") == elidel
    assert answer.strengths("Protopic") == ()       # under 2 in both
    assert answer.not_covered == (() if region == "UK" else ("Protopic",))


@pytest.mark.parametrize(("age", "protopic"), [
    (2 - JUST_BELOW, ()), (2, (0.03,)), (16 - JUST_BELOW, (0.03,)), (16, (0.03, 0.1)),
])
def test_uk_protopic_from_two_and_sixteen_years(age, protopic):
    answer = licensed_options(age, "UK")
    assert answer.strengths("Protopic") == protopic
    assert answer.complete
    assert all(r.source == "protopic_uk_pi" for r in answer.options
               if r.product == "Protopic")


def test_three_months_is_a_quarter_year_and_named_in_months():
    assert THREE_MONTHS == 0.25
    uk = next(r for r in licence_rules("UK") if r.product == "Elidel")
    (canada,) = licence_rules("Canada")
    assert uk.min_age_years == canada.min_age_years == 0.25
    assert uk.reason == "UK: Elidel 1 % from 3 months [elidel_uk_smpc]"
    assert canada.source == "elidel_canada_2019"


def test_region_names_are_case_insensitive():
    assert licensed_options(5, "canada").region == "Canada"
    assert licensed_options(5, " us ").region == "US"


def test_the_same_child_differs_by_region():
    # A one-year-old: nothing in the US or EU, pimecrolimus in the UK and Canada.
    assert licensed_options(1, "US").options == ()
    assert licensed_options(1, "EU").options == ()
    assert licensed_options(1, "UK").strengths("Elidel") == (1,)
    assert licensed_options(1, "Canada").strengths("Elidel") == (1,)


@pytest.mark.parametrize("region", ["Japan", "Australia", "", "USA"])
def test_unknown_region_raises_instead_of_guessing(region):
    with pytest.raises(NoSourcedRule, match="region.*no licensing rule"):
        licensed_options(10, region)
    assert issubclass(NoSourcedRule, ValueError)


@pytest.mark.parametrize(("age", "region", "message"), [
    (-0.1, "US", r"age_years.*\[0, 130\]"),
    (131, "US", r"age_years.*\[0, 130\]"),
    (math.nan, "US", "age_years"),
    ("2", "US", "age_years"),
    (True, "US", "age_years"),
    (2, 1, "region"),
    (2, None, "region"),
])
def test_licensed_options_refuses_bad_input(age, region, message):
    with pytest.raises(ValueError, match=message):
        licensed_options(age, region)


# --- is_licensed

@pytest.mark.parametrize(("product", "strength", "age", "region", "expected"), [
    ("Protopic", 0.03, 2, "US", True),
    ("Protopic", 0.03, 2 - JUST_BELOW, "US", False),
    ("Protopic", 0.1, 16, "US", True),
    ("Protopic", 0.1, 16 - JUST_BELOW, "US", False),
    ("Protopic", 0.1, 16, "EU", True),
    ("Elidel", 1, 2, "US", True),
    ("Elidel", 1, THREE_MONTHS, "US", False),
    ("Elidel", 1, THREE_MONTHS, "UK", True),
    ("Elidel", 1, THREE_MONTHS - JUST_BELOW, "Canada", False),
])
def test_is_licensed(product, strength, age, region, expected):
    assert is_licensed(product, strength, age, region) is expected


@pytest.mark.parametrize(("product", "region"), [
    ("Protopic", "Canada"), ("Elidel", "EU"),
])
def test_is_licensed_raises_where_no_cited_label_has_a_rule(product, region):
    strength = regimens.PRODUCTS[product][0]
    with pytest.raises(NoSourcedRule, match=f"product '{product}'.*no licensing rule"):
        is_licensed(product, strength, 30, region)


@pytest.mark.parametrize(("product", "strength", "message"), [
    ("Opzelura", 1, "product"),
    ("Protopic", 0.3, r"strength_percent must be 0.03 or 0.1 % for Protopic; got 0.3"),
    ("Elidel", 0.1, "strength_percent must be 1 % for Elidel; got 0.1"),
    ("Protopic", 0, r"strength_percent.*\(0, 100\]"),
    ("Protopic", math.nan, "strength_percent"),
])
def test_is_licensed_refuses_bad_product_or_strength(product, strength, message):
    with pytest.raises(ValueError, match=message):
        is_licensed(product, strength, 30, "US")


# --- eu_flare_regimen: under 2 not licensed; 2-15 0.03 % BID < 3 weeks then
# --- once daily; 16 and over 0.1 % BID

@pytest.mark.parametrize(("age", "weeks", "action", "strength"), [
    (2 - JUST_BELOW, 0, Action.NOT_LICENSED, None),
    (2.0, 0, Action.TWICE_DAILY, 0.03),
    (8.0, 3 - JUST_BELOW, Action.TWICE_DAILY, 0.03),
    (8.0, 3.0, Action.ONCE_DAILY, 0.03),          # end of week 3: once daily
    (16 - JUST_BELOW, 10, Action.ONCE_DAILY, 0.03),
    (16.0, 0, Action.TWICE_DAILY, 0.1),
    (16.0, 10, Action.TWICE_DAILY, 0.1),          # no 3-week step for adults
])
def test_eu_flare_regimen_branches_and_boundaries(age, weeks, action, strength):
    decision = eu_flare_regimen(age, weeks)
    assert decision.action is action
    assert decision.strength_percent == strength
    assert decision.source == "protopic_eu_smpc"
    assert decision.reason.startswith("EU SmPC")


@pytest.mark.parametrize(("age", "weeks", "message"), [
    (-1, 0, r"age_years.*\[0, 130\]"),
    (8, -0.5, r"weeks_on_treatment.*\[0, inf\)"),
    (8, math.inf, "weeks_on_treatment"),
])
def test_eu_flare_regimen_refuses_bad_input(age, weeks, message):
    with pytest.raises(ValueError, match=message):
        eu_flare_regimen(age, weeks)


# --- eu_maintenance_eligibility: >= 4 flares a year AND response within <= 6 weeks

@pytest.mark.parametrize(("flares", "weeks", "action", "reason"), [
    (4, 6.0, Action.ELIGIBLE, "at least 4 flares a year and a response within 6"),
    (4, 0.5, Action.ELIGIBLE, "at least 4"),
    (12, 6.0, Action.ELIGIBLE, "at least 4"),
    (3, 2.0, Action.NOT_ELIGIBLE, "needs at least 4 flares a year; got 3"),
    (0, None, Action.NOT_ELIGIBLE, "got 0"),
    (4, 6 + JUST_BELOW * 10, Action.NOT_ELIGIBLE, "within 6 weeks"),
    (4, 7.0, Action.NOT_ELIGIBLE, "it took 7"),
    (5, None, Action.NOT_ELIGIBLE, "there was none"),
    (4.0, 6, Action.ELIGIBLE, "at least 4"),      # a whole float is accepted
])
def test_eu_maintenance_eligibility(flares, weeks, action, reason):
    decision = eu_maintenance_eligibility(flares, weeks)
    assert decision.action is action
    assert reason in decision.reason
    assert decision.source == "protopic_eu_smpc"


@pytest.mark.parametrize(("flares", "weeks", "message"), [
    (-1, 3, r"flares_per_year.*\[0, inf\)"),
    (4.5, 3, r"flares_per_year.*\[0, inf\)"),
    (True, 3, "flares_per_year"),
    (math.nan, 3, "flares_per_year"),
    ("4", 3, "flares_per_year"),
    (4, 0, r"weeks_to_initial_response.*\(0, inf\)"),
    (4, -2, "weeks_to_initial_response"),
    (4, "six", "weeks_to_initial_response"),
])
def test_eu_maintenance_eligibility_refuses_bad_input(flares, weeks, message):
    with pytest.raises(ValueError, match=message):
        eu_maintenance_eligibility(flares, weeks)


# --- reassess_protopic: US re-examine at 6 weeks, EU other options at 2 weeks

@pytest.mark.parametrize(("weeks", "improved", "region", "action"), [
    (6.0, False, "US", Action.REEXAMINE),          # exactly 6 weeks
    (6 - JUST_BELOW, False, "US", Action.CONTINUE),
    (12.0, False, "US", Action.REEXAMINE),
    (6.0, True, "US", Action.CONTINUE),
    (2.0, False, "EU", Action.CONSIDER_OTHER_OPTIONS),   # exactly 2 weeks
    (2 - JUST_BELOW, False, "EU", Action.CONTINUE),
    (2.0, True, "EU", Action.CONTINUE),
    (0.0, False, "eu", Action.CONTINUE),
])
def test_reassess_protopic(weeks, improved, region, action):
    decision = reassess_protopic(weeks, improved, region)
    assert decision.action is action
    expected_source = "protopic_us_label" if region == "US" else "protopic_eu_smpc"
    assert decision.source == expected_source


def test_reassess_protopic_names_the_regional_rule():
    us = reassess_protopic(6, False, "US").reason
    eu = reassess_protopic(2, False, "EU").reason
    assert us == "US label: no improvement after 6 weeks (limit 6 weeks)"
    assert eu == "EU SmPC: no improvement after 2 weeks (limit 2 weeks)"


@pytest.mark.parametrize("region", ["UK", "Canada"])
def test_reassess_protopic_raises_for_regions_without_a_rule(region):
    with pytest.raises(NoSourcedRule, match=f"region '{region}'.*no Protopic reassessment rule"):
        reassess_protopic(6, False, region)


@pytest.mark.parametrize(("weeks", "improved", "region", "message"), [
    (-1, False, "US", r"weeks_on_treatment.*\[0, inf\)"),
    (6, 0, "US", "improved"),
    (6, "no", "US", "improved"),
    (6, False, "Mars", "region 'Mars'.*no licensing rule"),
])
def test_reassess_protopic_refuses_bad_input(weeks, improved, region, message):
    with pytest.raises(ValueError, match=message):
        reassess_protopic(weeks, improved, region)


# --- Enums and whole-number counts ---------------------------------------------

def test_regions_and_products_are_enums_that_accept_their_values():
    from tcibook.regimens import Product, Region
    a = licensed_options(10, Region.US)
    b = licensed_options(10, "us")
    assert a == b and a.region is Region.US
    assert a.strengths(Product.PROTOPIC) == a.strengths("protopic") == (0.03,)
    assert is_licensed(Product.ELIDEL, 1, 2, Region.US) is True
    assert licensed_options(0.25, Region.CANADA).not_covered == ("Protopic",)


def test_whole_number_float_counts_are_accepted():
    # 4.0 flares is the count 4, as in tcibook.safety.incidence_pct
    assert eu_maintenance_eligibility(4.0, 6).action is Action.ELIGIBLE


def test_strengths_refuses_an_unknown_product():
    with pytest.raises(ValueError, match="product.*'Elidel'"):
        licensed_options(10, "US").strengths("Opzelura")



# --- reassess_elidel: US "beyond 6 weeks" against UK "after 6 weeks" ---------------

@pytest.mark.parametrize(("weeks", "kwargs", "region", "action"), [
    (6, {"improved": False}, "US", Action.CONTINUE),       # not yet "beyond" 6
    (6.1, {"improved": False}, "US", Action.REEXAMINE),
    (7, {"improved": True}, "US", Action.REEXAMINE),       # persisting, though better
    (1, {"improved": False, "worsened": True}, "US", Action.REEXAMINE),
    (5.9, {"improved": False}, "UK", Action.CONTINUE),
    (6, {"improved": False}, "UK", Action.STOP_AND_REEVALUATE),  # "after 6 weeks"
    (8, {"improved": True}, "UK", Action.CONTINUE),
    (1, {"improved": True, "worsened": True}, "UK", Action.STOP_AND_REEVALUATE),
    (3, {"improved": True, "cleared": True}, "US", Action.STOP_RESOLVED),
    (3, {"improved": True, "cleared": True}, "UK", Action.STOP_RESOLVED),
])
def test_reassess_elidel_boundaries(weeks, kwargs, region, action):
    from tcibook.regimens import reassess_elidel
    d = reassess_elidel(weeks, region=region, **kwargs)
    assert d.action is action
    assert d.source == ("elidel_us_label" if region == "US" else "elidel_uk_smpc")


@pytest.mark.parametrize(("args", "kwargs", "error", "message"), [
    ((-1,), {"improved": False, "region": "US"}, ValueError,
     r"weeks_on_treatment.*\[0, inf\)"),
    ((6,), {"improved": 0, "region": "US"}, ValueError, "improved"),
    ((6,), {"improved": True, "region": "UK", "cleared": True, "worsened": True},
     ValueError, "cleared and worsened"),
    ((6,), {"improved": False, "region": "EU"}, NoSourcedRule,
     "region 'EU'.*no Elidel reassessment rule"),
])
def test_reassess_elidel_refuses_bad_input(args, kwargs, error, message):
    from tcibook.regimens import reassess_elidel
    with pytest.raises(error, match=message):
        reassess_elidel(*args, **kwargs)
