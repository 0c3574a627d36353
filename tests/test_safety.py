"""Excess risk over vehicle (tcibook.safety) and the burning-rate figure."""

import pytest
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from figs import OKABE_ITO, burning_rates, save_cli
from tcibook.facts import value
from tcibook.safety import (
    PROTOPIC_BURNING_ARMS, ExcessRisk, excess_risk, incidence_pct,
    number_needed_to_harm, protopic_burning_comparisons, risk_difference_pct,
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
    (-0.1, 26, r"drug_pct must lie in \[0, 100\] %; got -0.1"),
    (100.1, 26, r"drug_pct must lie in \[0, 100\] %; got 100.1"),
    (46, -1, r"vehicle_pct must lie in \[0, 100\] %; got -1"),
    (46, 101, r"vehicle_pct must lie in \[0, 100\] %; got 101"),
    (float("nan"), 26, "drug_pct must be a finite number"),
    (46, float("inf"), "vehicle_pct must be a finite number"),
    ("46", 26, "drug_pct must be a real number"),
    (True, 26, "drug_pct must be a real number"),
    (46, None, "vehicle_pct must be a real number"),
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
    with pytest.raises(ValueError, match=r"drug_pct must lie in \[0, 100\]"):
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
    with pytest.raises(ValueError, match=r"vehicle_pct must lie in \[0, 100\]"):
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
    (6, 5, r"cases \(6\) cannot exceed patients \(5\)"),
    (0, 0, "patients must be a whole number >= 1; got 0"),
    (-1, 10, "cases must be a whole number >= 0; got -1"),
    (3.5, 10, "cases must be a whole number >= 0; got 3.5"),
    (3, 10.0, "patients must be a whole number >= 1; got 10.0"),
    (True, 10, "cases must be a whole number >= 0; got True"),
    ("3", 10, "cases must be a whole number >= 0; got '3'"),
])
def test_incidence_refuses_bad_counts(cases, patients, message):
    with pytest.raises(ValueError, match=message):
        incidence_pct(cases, patients)

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
