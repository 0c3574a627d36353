"""Formulations: strengths from the labels, weight-based doses, rounding to
whole capsules (worked by hand in the comments), label titration schedules
and the label statements for switching between products."""

import pytest

from tcibook.formulations import (Product, achieved_mg_per_kg_day, daily_dose_mg,
                                  divided_regimen,
                                  label_start_dose_mg, label_titration,
                                  mg_per_kg_day, percent_rise, round_to_strengths,
                                  strengths_mg, switch_rule)

NEORAL = (25, 100)
ENVARSUS = (0.75, 1, 4)


def test_strengths_are_the_label_values():
    assert strengths_mg("neoral") == (25.0, 100.0)
    assert strengths_mg(Product.PROGRAF) == (0.5, 1.0, 5.0)
    assert strengths_mg(" Envarsus XR ") == (0.75, 1.0, 4.0)


@pytest.mark.parametrize("product", ["sandimmune", "gengraf", "astagraf xl"])
def test_strengths_not_verified_are_refused(product):
    with pytest.raises(ValueError, match="product must be one of"):
        strengths_mg(product)


def test_unknown_product_is_refused():
    with pytest.raises(ValueError, match="product"):
        strengths_mg("restasis")


def test_products_know_their_drug():
    assert Product.GENGRAF.drug == "cyclosporine"
    assert Product.ENVARSUS_XR.drug == "tacrolimus"
    assert "non-modified" in Product.SANDIMMUNE.label


def test_weight_based_dose_by_hand():
    assert daily_dose_mg(68, 2.5) == 170.0          # 68 x 2.5
    assert daily_dose_mg(80, 4) == 320.0            # 80 x 4
    assert mg_per_kg_day(150, 60) == 2.5            # 150 / 60


@pytest.mark.parametrize(("args", "name"), [
    ((0, 2.5), "weight_kg"), ((-1, 2.5), "weight_kg"), ((401, 2.5), "weight_kg"),
    ((float("nan"), 2.5), "weight_kg"), (("68", 2.5), "weight_kg"),
    ((True, 2.5), "weight_kg"), ((68, 0), "mg_per_kg_day"),
    ((68, 51), "mg_per_kg_day"), ((68, float("inf")), "mg_per_kg_day"),
])
def test_weight_based_dose_refuses_bad_input(args, name):
    with pytest.raises(ValueError, match=rf"{name}.*\("):
        daily_dose_mg(*args)


@pytest.mark.parametrize(("dose", "total", "combination"), [
    (85, 75, "3 x 25 mg"),                   # 85 is 10 above 75, 15 below 100
    (136, 125, "1 x 100 mg + 1 x 25 mg"),    # 136 is 11 above 125, 14 below 150
    (87.5, 75, "3 x 25 mg"),                 # equally near 75 and 100: the lower
    (100, 100, "1 x 100 mg"),                # one capsule rather than four
    (200, 200, "2 x 100 mg"),
    (12.5, 25, "1 x 25 mg"),                 # exactly half of 25: one capsule
])
def test_rounding_to_neoral_capsules_by_hand(dose, total, combination):
    r = round_to_strengths(dose, NEORAL)
    assert r.total_mg == total
    assert r.describe() == combination


def test_rounding_reports_capsules_and_difference():
    r = round_to_strengths(85, NEORAL)
    assert r.capsules == 3
    assert r.difference_pct == pytest.approx(100 * (75 - 85) / 85)


@pytest.mark.parametrize(("dose", "total", "combination"), [
    (4.8, 4.75, "1 x 4 mg + 1 x 0.75 mg"),   # 0.05 from 4.75, 0.2 from 5
    (0.5, 0.75, "1 x 0.75 mg"),              # 0.25 to 0.75, 0.5 to 0 is refused
    (1.3, 1.5, "2 x 0.75 mg"),               # 1.25 cannot be made; 1.5 and 1 are
                                             # 0.2 and 0.3 away
    (3, 3, "3 x 1 mg"),                      # 4 x 0.75 also makes 3: fewer pieces
    (8, 8, "2 x 4 mg"),
])
def test_rounding_to_envarsus_tablets_by_hand(dose, total, combination):
    r = round_to_strengths(dose, ENVARSUS)
    assert r.total_mg == pytest.approx(total)
    assert r.describe() == combination


@pytest.mark.parametrize(("dose", "strengths", "name"), [
    (0, NEORAL, "dose_mg"), (-5, NEORAL, "dose_mg"), (float("nan"), NEORAL, "dose_mg"),
    (6000, NEORAL, "dose_mg"), ("85", NEORAL, "dose_mg"), (12, NEORAL, "dose_mg"),
    (85, (), "strengths_mg"), (85, (25, 0), "strengths_mg"),
    (85, (25, 25), "strengths_mg"), (85, (25.0001,), "strengths_mg"),
    (85, ("25",), "strengths_mg"),
])
def test_rounding_refuses_bad_input(dose, strengths, name):
    with pytest.raises(ValueError, match=name):
        round_to_strengths(dose, strengths)


def test_divided_regimen_rounds_each_dose():
    # 170 mg/day as two doses of 85 mg: each dose becomes 75 mg, so 150 mg/day,
    # although 175 mg/day could be made as 7 x 25 mg in one daily total.
    r = divided_regimen(170, 2, NEORAL)
    assert r.per_dose.total_mg == 75.0
    assert r.daily_total_mg == 150.0
    assert r.capsules_per_day == 6


@pytest.mark.parametrize(("args", "name"), [
    ((170, 0, NEORAL), "doses_per_day"), ((170, 5, NEORAL), "doses_per_day"),
    ((170, 1.5, NEORAL), "doses_per_day"), ((0, 2, NEORAL), "daily_mg"),
])
def test_divided_regimen_refuses_bad_input(args, name):
    with pytest.raises(ValueError, match=name):
        divided_regimen(*args)


def test_titration_schedule_of_the_psoriasis_label():
    # 2.5 mg/kg/day for 4 weeks, then +0.5 every 2 weeks to 4: weeks 4, 6, 8.
    steps = label_titration(2.5, 0.5, 4, 4, 2)
    assert [(s.week, s.mg_per_kg_day) for s in steps] == [
        (0, 2.5), (4, 3.0), (6, 3.5), (8, 4.0)]


def test_titration_caps_the_last_step():
    # 2.5 + 0.4 + 0.4 + 0.4 = 3.7, then 4.0 (capped from 4.1).
    steps = label_titration(2.5, 0.4, 4, 4, 2)
    assert steps[-1].mg_per_kg_day == 4.0
    assert steps[-1].week == 10
    assert len(label_titration(3, 1, 3, 4, 2)) == 1   # start already at maximum


@pytest.mark.parametrize(("args", "name"), [
    ((0, 0.5, 4, 4, 2), "start_mg_kg"), ((2.5, 0, 4, 4, 2), "step_mg_kg"),
    ((2.5, 0.5, 2, 4, 2), "max_mg_kg"), ((2.5, 0.5, 4, 0, 2), "hold_weeks"),
    ((2.5, 0.5, 4, 4, -2), "interval_weeks"),
])
def test_titration_refuses_bad_input(args, name):
    with pytest.raises(ValueError, match=name):
        label_titration(*args)


def test_percent_rise_by_hand():
    assert percent_rise(0.8, 1.0) == 25.0          # 100 x 0.2 / 0.8
    assert percent_rise(0.8, 1.02) == 27.5         # 100 x 0.22 / 0.8
    assert percent_rise(1.0, 0.9) == -10.0
    with pytest.raises(ValueError, match="baseline"):
        percent_rise(0, 1)
    with pytest.raises(ValueError, match="measured"):
        percent_rise(1, "1.2")


def test_switch_rules_with_a_label_factor():
    assert switch_rule("sandimmune", "neoral").start_factor == 1
    assert label_start_dose_mg(300, "sandimmune", "neoral") == 300
    assert label_start_dose_mg(6, "prograf", "envarsus xr") == pytest.approx(4.8)  # 0.8 x 6
    assert "4 to 7 days" in switch_rule("sandimmune", "neoral").monitoring
    assert "2 times" in switch_rule("prograf", "envarsus xr").monitoring


@pytest.mark.parametrize(("source", "target"), [
    ("prograf", "astagraf xl"), ("envarsus xr", "prograf"),
    ("gengraf", "sandimmune"), ("neoral", "sandimmune"),
])
def test_switch_rules_without_a_factor_give_none(source, target):
    rule = switch_rule(source, target)
    assert rule.start_factor is None
    assert label_start_dose_mg(5, source, target) is None
    assert rule.monitoring


@pytest.mark.parametrize(("source", "target", "message"), [
    ("neoral", "neoral", "target must differ"),
    ("neoral", "prograf", "same drug"),
    ("neoral", "gengraf", "no US label statement"),
    ("prograf", "fk506", "target must be one of"),
])
def test_switch_rule_refusals(source, target, message):
    with pytest.raises(ValueError, match=message):
        switch_rule(source, target)


def test_label_start_dose_refuses_bad_dose():
    with pytest.raises(ValueError, match="old_daily_mg"):
        label_start_dose_mg(-1, "prograf", "envarsus xr")


def test_achieved_dose_by_hand():
    # 50 kg x 2.5 = 125 mg/day = 2 x 62.5 mg: the lower of 50 and 75 mg, so
    # 100 mg/day = 2.0 mg/kg/day; once daily, 125 mg is made exactly.
    assert achieved_mg_per_kg_day(50, 2.5, NEORAL) == 2.0
    assert achieved_mg_per_kg_day(50, 2.5, NEORAL, doses_per_day=1) == 2.5
    with pytest.raises(ValueError, match="doses_per_day"):
        achieved_mg_per_kg_day(50, 2.5, NEORAL, doses_per_day=0)
