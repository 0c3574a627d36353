"""Effect-size arithmetic against hand calculations, and the Cochrane rows."""

import math

import pytest

from tcibook.effect_sizes import (
    RiskRatio, TwoByTwo, absolute_risk_from_relative, ci_geometric_midpoint,
    cochrane2015_tacrolimus, log_rr_se, nnt_interval, number_needed_to_treat,
    odds_ratio, or_to_rr, risk_ratio, rr_z, two_sided_p, z_critical,
)


def test_z_critical_hand_values():
    assert z_critical(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert z_critical(0.90) == pytest.approx(1.644854, abs=1e-6)
    with pytest.raises(ValueError, match=r"level.*\(0, 1\)"):
        z_critical(1)


def test_log_rr_se_hand_value():
    # (ln 2.42 - ln 1.34) / (2 x 1.959964) = (0.883768 - 0.292670) / 3.919928
    #                                      = 0.591098 / 3.919928 = 0.150793
    assert log_rr_se(1.34, 2.42) == pytest.approx(0.150793, abs=1e-6)
    # A 90 % interval of the same width implies a larger SE:
    # 0.591098 / (2 x 1.644854) = 0.179681
    assert log_rr_se(1.34, 2.42, level=0.90) == pytest.approx(0.179681, abs=1e-6)


def test_geometric_midpoint_recovers_the_point_estimate():
    # sqrt(1.34 x 2.42) = sqrt(3.2428) = 1.80078
    assert ci_geometric_midpoint(1.34, 2.42) == pytest.approx(1.80078, abs=1e-5)
    # sqrt(0.72 x 0.92) = sqrt(0.6624) = 0.81388
    assert ci_geometric_midpoint(0.72, 0.92) == pytest.approx(0.81388, abs=1e-5)


def test_rr_z_and_p_hand_values():
    # ln 1.80 = 0.587787; 0.587787 / 0.150793 = 3.8980
    z = rr_z(1.80, 1.34, 2.42)
    assert z == pytest.approx(3.8980, abs=1e-3)
    # ln 0.82 = -0.198451; SE = (ln 0.92 - ln 0.72) / 3.919928
    #         = 0.245122 / 3.919928 = 0.062532; z = -3.1736
    assert rr_z(0.82, 0.72, 0.92) == pytest.approx(-3.1736, abs=1e-3)
    # two-sided p at z = 1.96 is 0.05; at z = 0 it is 1
    assert two_sided_p(1.959964) == pytest.approx(0.05, abs=1e-6)
    assert two_sided_p(0) == pytest.approx(1.0)
    assert two_sided_p(-3.1736) == two_sided_p(3.1736)


def test_two_percentages_hand_values():
    # Hanifin 2001: 36.8 % on 0.1 %, 6.6 % on vehicle
    assert risk_ratio(36.8, 6.6) == pytest.approx(5.5758, abs=1e-4)  # 36.8/6.6
    assert number_needed_to_treat(36.8, 6.6) == pytest.approx(3.3113, abs=1e-4)  # 100/30.2
    # 27.5 % on 0.03 %: difference 20.9 points, NNT 100/20.9 = 4.7847
    assert number_needed_to_treat(27.5, 6.6) == pytest.approx(4.7847, abs=1e-4)
    assert risk_ratio(0, 6.6) == 0


@pytest.mark.parametrize(("func", "args", "message"), [
    (log_rr_se, (0, 2.0), r"lower.*\(0, inf\)"),
    (log_rr_se, (1.5, -1), r"upper.*\(0, inf\)"),
    (log_rr_se, (2.0, 1.5), "upper must be greater than lower; got lower=2, upper=1.5"),
    (log_rr_se, (1.0, 1.0), "upper must be greater than lower"),
    (log_rr_se, (math.nan, 2.0), "lower"),
    (rr_z, (0, 1.0, 2.0), r"ratio.*\(0, inf\)"),
    (two_sided_p, ("1.96",), "z"),
    (risk_ratio, (101, 6.6), r"treated_pct.*\[0, 100\]"),
    (risk_ratio, (20, 0), r"control_pct.*\(0, 100\]"),
    (risk_ratio, (20, math.nan), "control_pct"),
    (number_needed_to_treat, (10, 10),
     "treated_pct must exceed control_pct for a number needed to treat; "
     "got a risk difference of 0 percentage points"),
    (number_needed_to_treat, (10, 30), "got a risk difference of -20"),
    (number_needed_to_treat, (120, 30), r"treated_pct.*\[0, 100\]"),
    (number_needed_to_treat, (30, -1), r"control_pct.*\[0, 100\]"),
])
def test_effect_sizes_refuse_bad_input(func, args, message):
    with pytest.raises(ValueError, match=message):
        func(*args)


def test_cochrane_rows_match_the_fact_base_and_say_what_they_count():
    rows = cochrane2015_tacrolimus()
    # Typed from the review's published table.
    expected = [
        (1.80, 1.34, 2.42, 2, 506, True),
        (0.82, 0.72, 0.92, 6, 1640, False),   # counts NOT improving
        (3.09, 2.14, 4.45, 1, 371, True),
        (2.58, 1.96, 3.38, 2, 790, True),
    ]
    got = [(r.ratio, r.lower, r.upper, r.n_studies, r.n_participants,
            r.counts_improvement) for r in rows]
    assert got == expected
    assert all(r.source == "curymartins2015cochrane" for r in rows)
    # Every printed estimate sits at the geometric middle of its interval,
    # to the rounding of two decimals.
    for r in rows:
        assert ci_geometric_midpoint(r.lower, r.upper) == pytest.approx(r.ratio, abs=0.01)


def test_favours_first_depends_on_what_the_ratio_counts():
    rows = cochrane2015_tacrolimus()
    assert all(r.favours_first for r in rows)
    assert [r.outcome for r in rows[:2]] == ["improved", "did not improve"]
    # An interval that crosses 1 favours neither arm.
    crossing = RiskRatio("a vs b", 1.1, 0.9, 1.3, 1, 100, True, "x")
    assert not crossing.favours_first
    # The same numbers counting non-improvement would favour the second arm.
    assert not RiskRatio("a vs b", 1.8, 1.34, 2.42, 2, 506, False, "x").favours_first


# --- Odds ratios, 2x2 tables and the interval of the NNT ---------------------------

def test_odds_ratio_hand_values():
    assert odds_ratio(50, 25) == pytest.approx(3.0)              # (1/1)/(1/3)
    assert odds_ratio(20, 20) == pytest.approx(1.0)
    assert odds_ratio(0, 40) == 0.0


@pytest.mark.parametrize(("t", "c", "message"), [
    (100, 20, r"treated_pct.*\[0, 100\)"), (20, 0, r"control_pct.*\(0, 100\)"),
    (20, 100, r"control_pct.*\(0, 100\)"), ("20", 10, "treated_pct"),
])
def test_odds_ratio_refuses_bad_input(t, c, message):
    with pytest.raises(ValueError, match=message):
        odds_ratio(t, c)


def test_two_by_two_hand_values():
    t = TwoByTwo(40, 100, 20, 100)
    assert (t.risk_treated, t.risk_control) == (0.4, 0.2)
    assert t.risk_difference == pytest.approx(0.2)
    assert t.risk_ratio == pytest.approx(2.0)
    assert t.odds_ratio == pytest.approx((40 * 80) / (60 * 20))   # 2.667
    assert t.risk_difference_se() == pytest.approx(math.sqrt(0.24 / 100 + 0.16 / 100))


def test_two_by_two_accepts_whole_number_floats():
    assert TwoByTwo(40.0, 100.0, 20, 100).n_treated == 100


@pytest.mark.parametrize(("args", "message"), [
    ((5, 4, 1, 10), r"events_treated.*\[0, 4\]"),
    ((1, 0, 1, 10), r"n_treated.*\[1, inf\)"),
    ((1, 10, -1, 10), r"events_control.*\[0, 10\]"),
    ((1.5, 10, 1, 10), "events_treated"),
    ((True, 10, 1, 10), "events_treated"),
])
def test_two_by_two_refuses_impossible_counts(args, message):
    with pytest.raises(ValueError, match=message):
        TwoByTwo(*args)


def test_zero_cells_are_refused_where_a_ratio_needs_them():
    with pytest.raises(ValueError, match="events_control"):
        TwoByTwo(3, 10, 0, 10).risk_ratio
    with pytest.raises(ValueError, match="cell"):
        TwoByTwo(10, 10, 2, 10).odds_ratio


def test_nnt_interval_hand_values():
    # RD = 0.2; SE = sqrt(0.4*0.6/100 + 0.2*0.8/100) = sqrt(0.004) = 0.0632456;
    # 95 %: 0.2 -+ 1.959964 * 0.0632456 = 0.2 -+ 0.123959 = 0.076041 to 0.323959;
    # NNT 5, interval 1/0.323959 = 3.0868 to 1/0.076041 = 13.151.
    r = nnt_interval(TwoByTwo(40, 100, 20, 100))
    assert r.nnt == pytest.approx(5.0)
    assert (r.rd_lower, r.rd_upper) == pytest.approx((0.076041, 0.323959), abs=1e-6)
    assert (r.nnt_lower, r.nnt_upper) == pytest.approx((3.0868, 13.151), abs=1e-3)
    assert not r.includes_no_effect and r.nntb_limit is None


def test_nnt_interval_through_infinity():
    # RD = 0.05; SE = sqrt(0.25*0.75/100 + 0.2*0.8/100) = sqrt(0.003475) = 0.058949;
    # 95 %: -0.065538 to 0.165538: NNTB 6.04 at one end, NNTH 15.26 at the other.
    r = nnt_interval(TwoByTwo(25, 100, 20, 100))
    assert r.includes_no_effect and r.nnt_lower is None and r.nnt_upper is None
    assert r.nntb_limit == pytest.approx(1 / 0.165538, abs=1e-3)
    assert r.nnth_limit == pytest.approx(1 / 0.065538, abs=1e-2)


def test_nnt_interval_refuses_bad_input():
    with pytest.raises(ValueError, match="table"):
        nnt_interval((40, 100, 20, 100))
    with pytest.raises(ValueError, match=r"level.*\(0, 1\)"):
        nnt_interval(TwoByTwo(40, 100, 20, 100), level=1.5)


@pytest.mark.parametrize(("orv", "p0", "expected"), [
    (3.0, 0.25, 2.0),        # 3 / (1 - 0.25 + 0.75)
    (3.0, 0.0, 3.0),         # rare event: RR = OR
    (2.65, 0.5, 2.65 / (0.5 + 0.5 * 2.65)),   # a common outcome: 1.452
    (0.5, 0.2, 0.5 / 0.9),
])
def test_or_to_rr_hand_values(orv, p0, expected):
    assert or_to_rr(orv, p0) == pytest.approx(expected)


@pytest.mark.parametrize(("orv", "p0", "message"), [
    (0, 0.2, r"odds_ratio_value.*\(0, inf\)"), (2, 1.2, r"control_risk.*\[0, 1\]"),
    (2, -0.1, "control_risk"), ("2", 0.2, "odds_ratio_value"),
])
def test_or_to_rr_refuses_bad_input(orv, p0, message):
    with pytest.raises(ValueError, match=message):
        or_to_rr(orv, p0)


@pytest.mark.parametrize(("r0", "rr", "treated", "excess"), [
    (0.02, 1.5, 0.03, 0.01),
    (0.1, 0.5, 0.05, -0.05),
    (0.0, 3.0, 0.0, 0.0),
    (0.5, 2.0, 1.0, 0.5),    # the largest relative risk this baseline allows
])
def test_absolute_risk_from_relative_hand_values(r0, rr, treated, excess):
    got = absolute_risk_from_relative(r0, rr)
    assert got == pytest.approx((treated, excess))


@pytest.mark.parametrize(("r0", "rr", "message"), [
    (0.6, 2.0, r"relative_risk.*\(0, 1.66667\]"), (1.5, 1.0, "baseline_risk"),
    (0.1, 0, r"relative_risk.*\(0, inf\)"), (0.1, float("inf"), "relative_risk"),
])
def test_absolute_risk_from_relative_refuses_bad_input(r0, rr, message):
    with pytest.raises(ValueError, match=message):
        absolute_risk_from_relative(r0, rr)


def test_counts_from_printed_percentages_round_to_the_nearest_patient():
    # 20 % of 325 = 65; 10 % of 162 = 16.2 -> 16; 29 % of 314 = 91.06 -> 91.
    assert TwoByTwo.from_percentages(20, 325, 10, 162) == TwoByTwo(65, 325, 16, 162)
    assert TwoByTwo.from_percentages(29, 314, 7, 159).events_treated == 91
    assert TwoByTwo.from_percentages(0, 10, 100, 10) == TwoByTwo(0, 10, 10, 10)


@pytest.mark.parametrize("args, message", [
    ((101, 10, 5, 10), r"treated_pct.*\[0, 100\]"),
    ((20, 10, -1, 10), r"control_pct.*\[0, 100\]"),
    ((20, 0, 5, 10), r"n_treated"),
    ((20, 10, 5, 10.5), r"n_control"),
    (("20", 10, 5, 10), r"treated_pct"),
    ((True, 10, 5, 10), r"treated_pct"),
])
def test_counts_from_percentages_refuse_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        TwoByTwo.from_percentages(*args)


def test_interval_from_rebuilt_counts_matches_a_published_one():
    # DELTA 1 and DELTA 2 (delgocitinib): the label prints differences of 10
    # and 22 percentage points with 95 % intervals 4-16 and 16-29. The Wald
    # interval from the rebuilt counts agrees to within a percentage point.
    for args, published in (((20, 325, 10, 162), (4, 16)),
                            ((29, 314, 7, 159), (16, 29))):
        r = nnt_interval(TwoByTwo.from_percentages(*args))
        assert 100 * r.rd_lower == pytest.approx(published[0], abs=1.0)
        assert 100 * r.rd_upper == pytest.approx(published[1], abs=1.0)
