"""The non-steroidal topicals: trial arithmetic by hand, the licence table,
bad input."""

import math

import pytest

from tcibook.facts import value
from tcibook.nonsteroidal import (TOPICALS, Indication, Target, pivotal_trials,
                                  us_licensed_topicals)


def _trial(name):
    return next(t for t in pivotal_trials() if t.name == name)


def test_every_drug_of_the_chapter_acts_on_one_named_target():
    targets = {t.drug: t.target for t in TOPICALS}
    assert targets["tacrolimus"] is targets["pimecrolimus"] is Target.CALCINEURIN
    assert targets["crisaborole"] is targets["roflumilast"] is Target.PDE4
    assert targets["ruxolitinib"] is targets["delgocitinib"] is Target.JAK
    assert targets["tapinarof"] is Target.AHR


def test_vehicle_adjusted_difference_and_nnt_by_hand():
    # AD-301: 32.8 - 25.4 = 7.4 points; NNT = 100 / 7.4 = 13.51 -> 14 patients.
    ad301 = _trial("AD-301")
    assert ad301.difference_pct == pytest.approx(7.4, abs=1e-9)
    assert ad301.nnt == pytest.approx(13.5135, abs=1e-4)
    assert ad301.nnt_whole == 14
    # TRuE-AD2: 51.3 - 7.6 = 43.7 points; NNT = 2.288 -> 3 patients.
    true2 = _trial("TRuE-AD2")
    assert true2.difference_pct == pytest.approx(43.7, abs=1e-9)
    assert true2.nnt_whole == 3


def test_trials_read_the_facts_and_say_when_they_were_measured():
    ad302 = _trial("AD-302")
    assert ad302.treated_pct == value("ad302_crisaborole_pct")
    assert ad302.week == pytest.approx(29 / 7)
    assert _trial("TRuE-AD1").week == value("true_ad_week")
    assert _trial("DELTA 2").indication is Indication.HAND_ECZEMA
    assert [t.name for t in pivotal_trials()] == [
        "AD-301", "AD-302", "TRuE-AD1", "TRuE-AD2", "ADORING 1", "ADORING 2",
        "DELTA 1", "DELTA 2"]
    adoring1 = _trial("ADORING 1")
    # 45.4 - 13.9 = 31.5 points; NNT = 100 / 31.5 = 3.17 -> 4 patients.
    assert adoring1.difference_pct == pytest.approx(31.5, abs=1e-9)
    assert adoring1.nnt_whole == 4
    assert adoring1.source == "dermavant2023adoring1"


def test_interval_brackets_the_point_estimate():
    for name in ("DELTA 1", "DELTA 2"):
        r = _trial(name).interval()
        assert r.rd_lower < r.risk_difference < r.rd_upper
        assert r.nnt_lower < r.nnt < r.nnt_upper
    # DELTA 2 by hand: 91/314 - 11/159 = 0.289809 - 0.069182 = 0.220627;
    # SE = sqrt(0.289809*0.710191/314 + 0.069182*0.930818/159) = 0.032565.
    r = _trial("DELTA 2").interval()
    assert r.risk_difference == pytest.approx(0.220627, abs=1e-6)
    assert r.rd_lower == pytest.approx(0.220627 - 1.959964 * 0.032565, abs=1e-5)
    # DELTA 1 by hand: 65/325 - 16/162 = 0.2 - 0.098765 = 0.101235;
    # SE = sqrt(0.2*0.8/325 + 0.098765*0.901235/162) = 0.032280.
    r = _trial("DELTA 1").interval()
    assert r.risk_difference == pytest.approx(0.101235, abs=1e-6)
    assert r.rd_upper - r.risk_difference == pytest.approx(1.959964 * 0.032280, abs=1e-5)


def test_interval_needs_the_arm_sizes():
    trial = _trial("AD-301")
    assert not trial.has_arm_sizes
    with pytest.raises(ValueError, match="n_treated and n_vehicle of AD-301"):
        trial.interval()
    with pytest.raises(ValueError, match=r"level.*\(0, 1\)"):
        _trial("DELTA 1").interval(level=1.0)


def test_licence_table_by_age_and_indication():
    names = lambda age, ind: [u.product for u in us_licensed_topicals(age, ind)]
    # 3 months: only crisaborole among the topicals for atopic dermatitis.
    assert names(0.25, "atopic dermatitis") == ["Eucrisa 2 %"]
    assert names(0.24, "atopic dermatitis") == []
    # Birthdays: 2 years brings in the TCIs, tapinarof and ruxolitinib (the
    # September 2025 label), 6 roflumilast, 16 tacrolimus 0.1 %.
    assert "Vtama 1 %" in names(2, "atopic dermatitis")
    assert "Opzelura 1.5 %" not in names(1.99, "atopic dermatitis")
    assert "Opzelura 1.5 %" in names(2, "atopic dermatitis")
    assert "Zoryve cream 0.15 %" not in names(5.99, "atopic dermatitis")
    assert "Zoryve cream 0.15 %" in names(6, "atopic dermatitis")
    # Roflumilast cream 0.05 % covers 2 to 5 years: from the 2nd birthday up
    # to, not including, the 6th, when the 0.15 % strength takes over.
    assert "Zoryve cream 0.05 %" not in names(1.99, "atopic dermatitis")
    assert "Zoryve cream 0.05 %" in names(2, "atopic dermatitis")
    assert "Zoryve cream 0.05 %" in names(5.99, "atopic dermatitis")
    assert "Zoryve cream 0.05 %" not in names(6, "atopic dermatitis")
    assert "Protopic 0.1 %" in names(16, Indication.ATOPIC_DERMATITIS)
    assert names(11, "nonsegmental vitiligo") == []
    assert names(12, "Nonsegmental Vitiligo ") == ["Opzelura 1.5 %"]
    assert names(17, "chronic hand eczema") == []
    assert names(18, "chronic hand eczema") == ["Anzupgo 20 mg/g"]


@pytest.mark.parametrize("age, indication, message", [
    (-1, "atopic dermatitis", r"age_years.*\[0, 130\]"),
    (math.nan, "atopic dermatitis", "age_years"),
    (True, "atopic dermatitis", "age_years"),
    ("4", "atopic dermatitis", "age_years"),
    (131, "atopic dermatitis", "age_years"),
    (4, "psoriasis", "indication must be one of"),
])
def test_licence_table_refuses_bad_input(age, indication, message):
    with pytest.raises(ValueError, match=message):
        us_licensed_topicals(age, indication)
