"""Effect-size arithmetic against hand calculations, and the Cochrane rows."""

import math

import pytest

from tcibook.effect_sizes import (
    RiskRatio, ci_geometric_midpoint, cochrane2015_tacrolimus, log_rr_se,
    number_needed_to_treat, risk_ratio, rr_z, two_sided_p, z_critical,
)


def test_z_critical_hand_values():
    assert z_critical(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert z_critical(0.90) == pytest.approx(1.644854, abs=1e-6)
    with pytest.raises(ValueError, match=r"level must lie in \(0, 1\); got 1"):
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
    (log_rr_se, (0, 2.0), r"lower must lie in \(0, inf\); got 0"),
    (log_rr_se, (1.5, -1), r"upper must lie in \(0, inf\); got -1"),
    (log_rr_se, (2.0, 1.5), "upper must be greater than lower; got lower=2, upper=1.5"),
    (log_rr_se, (1.0, 1.0), "upper must be greater than lower"),
    (log_rr_se, (math.nan, 2.0), "lower must be a finite number"),
    (rr_z, (0, 1.0, 2.0), r"ratio must lie in \(0, inf\); got 0"),
    (two_sided_p, ("1.96",), "z must be a real number"),
    (risk_ratio, (101, 6.6), r"treated_pct must lie in \[0, 100\] %; got 101"),
    (risk_ratio, (20, 0), r"control_pct must lie in \(0, 100\] %; got 0"),
    (risk_ratio, (20, math.nan), "control_pct must be a finite number"),
    (number_needed_to_treat, (10, 10),
     "treated_pct must exceed control_pct for a number needed to treat; "
     "got a risk difference of 0 percentage points"),
    (number_needed_to_treat, (10, 30), "got a risk difference of -20"),
    (number_needed_to_treat, (120, 30), r"treated_pct must lie in \[0, 100\] %; got 120"),
    (number_needed_to_treat, (30, -1), r"control_pct must lie in \[0, 100\] %; got -1"),
])
def test_effect_sizes_refuse_bad_input(func, args, message):
    with pytest.raises(ValueError, match=message):
        func(*args)


def test_cochrane_rows_match_the_fact_base_and_say_what_they_count():
    rows = cochrane2015_tacrolimus()
    # Typed from fact base N29 and its source page.
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
