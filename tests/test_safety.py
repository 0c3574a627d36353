"""Excess risk over vehicle (tcibook.safety) and the burning-rate figure."""

import numpy as np
import pytest
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from figs import OKABE_ITO, burning_rates, save_cli
from tcibook.facts import value
from tcibook.safety import (
    PROTOPIC_BURNING_ARMS, ExcessRisk, excess_rate, excess_risk, incidence_pct,
    joelle_lymphoma_excess, number_needed_to_harm, protopic_burning_comparisons,
    rate_per_100k, risk_difference_pct,
)

# --- risk_difference_pct ------------------------------------------------------


@pytest.mark.parametrize(("drug", "vehicle", "expected"), [
    (58, 26, 32.0),     # adults 0.1 %:  58 - 26 = 32 points
    (46, 26, 20.0),     # adults 0.03 %: 46 - 26 = 20 points
    (43, 29, 14.0),     # children 0.03 %: 43 - 29 = 14 points
    (26, 58, -32.0),    # reversed arms: negative, still returned
    (26, 26, 0.0),      # no difference
    (100, 0, 100.0),    # both ends of the valid range
    (0, 100, -100.0),
])
def test_risk_difference_hand_values(drug, vehicle, expected):
    assert risk_difference_pct(drug, vehicle) == pytest.approx(expected)


@pytest.mark.parametrize(("drug", "vehicle", "message"), [
    (-0.1, 26, r"drug_pct.*\[0, 100\]"),
    (100.1, 26, r"drug_pct.*\[0, 100\]"),
    (46, -1, r"vehicle_pct.*\[0, 100\]"),
    (46, 101, r"vehicle_pct.*\[0, 100\]"),
    (float("nan"), 26, "drug_pct"),
    (46, float("inf"), "vehicle_pct"),
    ("46", 26, "drug_pct"),
    (True, 26, "drug_pct"),
    (46, None, "vehicle_pct"),
])
def test_risk_difference_refuses_bad_input(drug, vehicle, message):
    with pytest.raises(ValueError, match=message):
        risk_difference_pct(drug, vehicle)

# --- number_needed_to_harm ----------------------------------------------------


@pytest.mark.parametrize(("drug", "vehicle", "expected"), [
    (58, 26, 3.125),        # 100 / 32
    (46, 26, 5.0),          # 100 / 20
    (43, 29, 100 / 14),     # 7.142857...
    (100, 0, 1.0),          # largest possible difference: NNH = 1
    (26.5, 26, 200.0),      # half a point of excess: 100 / 0.5
])
def test_nnh_hand_values(drug, vehicle, expected):
    assert number_needed_to_harm(drug, vehicle) == pytest.approx(expected)


@pytest.mark.parametrize(("drug", "vehicle", "difference"), [
    (26, 26, "0"),          # exactly equal: boundary, no NNH
    (20, 26, "-6"),         # drug below vehicle
    (0, 0, "0"),
])
def test_nnh_is_refused_without_an_excess(drug, vehicle, difference):
    with pytest.raises(ValueError, match=(
            rf"no number needed to harm: drug_pct \({drug:g} %\) is not above "
            rf"vehicle_pct \({vehicle:g} %\), so the risk difference is "
            rf"{difference} percentage points")):
        number_needed_to_harm(drug, vehicle)


def test_nnh_validates_before_comparing():
    with pytest.raises(ValueError, match=r"drug_pct.*\[0, 100\]"):
        number_needed_to_harm(120, 26)

# --- excess_risk ----------------------------------------------------------------


def test_excess_risk_adults_high_strength():
    r = excess_risk(58, 26)
    assert isinstance(r, ExcessRisk)
    assert (r.drug_pct, r.vehicle_pct) == (58.0, 26.0)
    assert r.risk_difference_pct == pytest.approx(32.0)
    assert r.nnh == pytest.approx(3.125)
    assert r.nnh_whole == 4                                # 3.125 rounds up
    assert r.attributable_fraction == pytest.approx(32 / 58)  # 0.5517


def test_excess_risk_whole_nnh_is_not_rounded_past_an_integer():
    assert excess_risk(46, 26).nnh_whole == 5             # 100 / 20 = 5 exactly
    # 0.3 - 0.1 is 0.19999999999999998 in floating point, so 100 / ARD is
    # 500.00000000000006; the NNH is still 500 patients, not 501.
    r = excess_risk(0.3, 0.1)
    assert r.nnh > 500
    assert r.nnh_whole == 500


def test_excess_risk_boundaries():
    r = excess_risk(100, 0)
    assert (r.nnh, r.nnh_whole, r.attributable_fraction) == (1.0, 1, 1.0)
    with pytest.raises(ValueError, match="no number needed to harm"):
        excess_risk(29, 29)
    with pytest.raises(ValueError, match=r"vehicle_pct.*\[0, 100\]"):
        excess_risk(43, -29)


def test_excess_risk_is_frozen():
    r = excess_risk(43, 29)
    with pytest.raises(AttributeError):
        r.nnh = 1.0

# --- incidence_pct --------------------------------------------------------------


def test_incidence_matches_the_label_lymphadenopathy_figure():
    cases = value("protopic_lymphadenopathy_cases")
    patients = value("protopic_lymphadenopathy_patients")
    pct = incidence_pct(cases, patients)
    assert pct == pytest.approx(100 * 112 / 13494)       # 0.82999...
    assert round(pct, 1) == value("protopic_lymphadenopathy_pct")


@pytest.mark.parametrize(("cases", "patients", "expected"), [
    (0, 1, 0.0),        # smallest population, no cases
    (5, 5, 100.0),      # every patient: cases == patients is allowed
    (1, 8, 12.5),
])
def test_incidence_hand_values(cases, patients, expected):
    assert incidence_pct(cases, patients) == pytest.approx(expected)


@pytest.mark.parametrize(("cases", "patients", "message"), [
    (6, 5, r"cases.*\[0, 5\]"),
    (0, 0, r"patients.*\[1, inf\)"),
    (-1, 10, r"cases.*\[0, 10\]"),
    (3.5, 10, "cases"),
    (3, 10.5, "patients"),
    (True, 10, "cases"),
    ("3", 10, "cases"),
])
def test_incidence_refuses_bad_counts(cases, patients, message):
    with pytest.raises(ValueError, match=message):
        incidence_pct(cases, patients)


def test_whole_number_floats_count_as_counts():
    # Consistent with tcibook.validation.check_integer: 1.0 is the count 1.
    assert incidence_pct(1.0, 8.0) == pytest.approx(12.5)
    assert incidence_pct(np.int64(1), 8) == pytest.approx(12.5)


# --- incidence rates and the excess rate -------------------------------------------

def test_rate_per_100k_hand_values():
    assert rate_per_100k(6, 44629) == pytest.approx(600000 / 44629)   # 13.44
    assert rate_per_100k(0, 1000) == 0.0


@pytest.mark.parametrize(("cases", "py", "message"), [
    (-1, 100, r"cases.*\[0, inf\)"), (1.5, 100, "cases"),
    (1, 0, r"person_years.*\(0, inf\)"), (1, "100", "person_years"),
])
def test_rate_per_100k_refuses_bad_input(cases, py, message):
    with pytest.raises(ValueError, match=message):
        rate_per_100k(cases, py)


@pytest.mark.parametrize(("rate", "ratio", "comparator", "excess", "per_case"), [
    (10.0, 2.0, 5.0, 5.0, 20000.0),           # 10/2 = 5; 10 - 5 = 5; 1e5/5
    (10.4, 3.74, 10.4 / 3.74, 10.4 - 10.4 / 3.74, 1e5 / (10.4 - 10.4 / 3.74)),
    (41.0, 1.27, 41.0 / 1.27, 41.0 - 41.0 / 1.27, 1e5 / (41.0 - 41.0 / 1.27)),
    (8.0, 1.0, 8.0, 0.0, None),               # no excess at a ratio of 1
    (8.0, 0.5, 16.0, -8.0, None),             # a ratio below 1: a deficit
])
def test_excess_rate_hand_values(rate, ratio, comparator, excess, per_case):
    e = excess_rate(rate, ratio)
    assert e.comparator_rate == pytest.approx(comparator)
    assert e.excess_rate == pytest.approx(excess)
    if per_case is None:
        assert e.person_years_per_extra_case is None
    else:
        assert e.person_years_per_extra_case == pytest.approx(per_case)


def test_joelle_children_hand_value():
    # 10.4 * (1 - 1/3.74) = 10.4 * 2.74 / 3.74 = 7.619 per 100,000 person-years,
    # so about 13,100 person-years of tacrolimus per extra lymphoma.
    point, low, high = joelle_lymphoma_excess()["children"]
    assert point.excess_rate == pytest.approx(7.6192, abs=1e-4)
    assert point.person_years_per_extra_case == pytest.approx(13125, abs=1)
    assert low.excess_rate == pytest.approx(0.0)         # IRR 1.00
    assert high.excess_rate == pytest.approx(10.4 - 10.4 / 14.06)


def test_joelle_adults_includes_no_excess_at_the_lower_limit():
    point, low, _ = joelle_lymphoma_excess()["adults"]
    assert point.excess_rate == pytest.approx(41.0 * 0.27 / 1.27)   # 8.717
    assert low.excess_rate < 0 and low.person_years_per_extra_case is None


@pytest.mark.parametrize(("rate", "ratio", "message"), [
    (-1, 2, r"treated_rate_per_100k.*\[0, inf\)"), (1, 0, r"rate_ratio.*\(0, inf\)"),
    (float("nan"), 2, "treated_rate_per_100k"), (1, True, "rate_ratio"),
])
def test_excess_rate_refuses_bad_input(rate, ratio, message):
    with pytest.raises(ValueError, match=message):
        excess_rate(rate, ratio)

# --- the label comparisons --------------------------------------------------------


def test_protopic_burning_comparisons_from_facts():
    rows = protopic_burning_comparisons()
    assert [(pop, strength) for pop, strength, _ in rows] == [
        ("Adults", 0.03), ("Adults", 0.1), ("Children", 0.03)]
    # Hand: 46-26 = 20 -> NNH 5; 58-26 = 32 -> 3.125 -> 4; 43-29 = 14 -> 7.14 -> 8
    assert [r.risk_difference_pct for *_, r in rows] == [20.0, 32.0, 14.0]
    assert [r.nnh_whole for *_, r in rows] == [5, 4, 8]
    assert len(rows) == len(PROTOPIC_BURNING_ARMS)

# --- figure -------------------------------------------------------------------------


def test_burning_figure_groups_follow_the_label_arms():
    groups = burning_rates.groups()
    assert [pop for pop, _ in groups] == ["Adults", "Children"]
    adults, children = (arms for _, arms in groups)
    assert adults == [(None, "protopic_burning_adult_vehicle_pct"),
                      ("tacrolimus_ointment_low_strength",
                       "protopic_burning_adult_low_pct"),
                      ("tacrolimus_ointment_high_strength",
                       "protopic_burning_adult_high_pct")]
    assert children == [(None, "protopic_burning_child_vehicle_pct"),
                        ("tacrolimus_ointment_low_strength",
                         "protopic_burning_child_low_pct")]
    assert burning_rates.arm_label(None) == "Vehicle"
    assert burning_rates.arm_label("tacrolimus_ointment_high_strength") == \
        "Tacrolimus 0.1 %"


def test_burning_figure_draws_the_facts():
    fig = burning_rates.draw()
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    heights = [p.get_height() for p in ax.patches]
    expected = [value(key) for _, arms in burning_rates.groups() for _, key in arms]
    assert heights == expected == [26, 46, 58, 29, 43]
    # bar labels print the same values
    assert [t.get_text() for t in ax.texts] == ["26 %", "46 %", "58 %",
                                                "29 %", "43 %"]
    # one vehicle-level line per group, at the vehicle value, spanning the group
    segments = [seg for coll in ax.collections for seg in coll.get_segments()]
    assert [seg[0][1] for seg in segments] == [26, 29]
    assert segments[0][0][0] == pytest.approx(-0.4)     # first bar's left edge
    assert segments[0][1][0] == pytest.approx(2.4)      # third bar's right edge
    # vehicle bars share one colour, distinct from the drug bars
    colours = [p.get_facecolor() for p in ax.patches]
    assert colours[0] == pytest.approx(to_rgba(OKABE_ITO[4]))
    assert colours[3] == pytest.approx(to_rgba(OKABE_ITO[4]))
    assert colours[1] == pytest.approx(to_rgba(OKABE_ITO[0]))
    assert colours[2] == pytest.approx(to_rgba(OKABE_ITO[5]))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["Vehicle level", "Vehicle", "Tacrolimus 0.03 %",
                      "Tacrolimus 0.1 %"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Adults", "Children"]
    assert ax.get_ylim() == (0, 100)


def test_burning_figure_script_writes_a_file(tmp_path):
    out = tmp_path / "burning.png"
    save_cli(burning_rates.draw, [str(out)])
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
