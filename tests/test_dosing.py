"""Fingertip units, grams and tubes, against hand calculations."""

import math

import pytest

from tcibook.dosing import (ADULT_FTU_PER_SITE, amount_needed_g, fingertip_units,
                            ftu_for_area, grams_per_application, tubes_needed)


def test_site_table_holds_the_long_finlay_counts():
    assert ADULT_FTU_PER_SITE == {
        "face and neck": 2.5, "front of trunk": 6.7, "back of trunk": 6.8,
        "arm and forearm": 3.3, "hand": 1.2, "leg and thigh": 5.8, "foot": 1.8}


def test_fingertip_units_from_a_mapping_of_counts():
    # face and neck 2.5 + 2 hands x 1.2 = 2.5 + 2.4 = 4.9 FTU
    assert fingertip_units({"face and neck": 1, "hand": 2}) == pytest.approx(4.9)
    # both arms 2 x 3.3 = 6.6, half the back 0.5 x 6.8 = 3.4 -> 10.0 FTU
    assert fingertip_units({"arm and forearm": 2, "back of trunk": 0.5}) \
        == pytest.approx(10.0)


def test_fingertip_units_from_a_list_or_one_name():
    # foot 1.8 + foot 1.8 + hand 1.2 = 4.8 FTU
    assert fingertip_units(["foot", "foot", "hand"]) == pytest.approx(4.8)
    assert fingertip_units("Face  and Neck") == pytest.approx(2.5)
    # whole adult body: 2.5 + 6.7 + 6.8 + 2(3.3) + 2(1.2) + 2(5.8) + 2(1.8)
    # = 16.0 + 6.6 + 2.4 + 11.6 + 3.6 = 40.2 FTU
    body = {"face and neck": 1, "front of trunk": 1, "back of trunk": 1,
            "arm and forearm": 2, "hand": 2, "leg and thigh": 2, "foot": 2}
    assert fingertip_units(body) == pytest.approx(40.2)


@pytest.mark.parametrize("sites, message", [
    ({"scalp": 1}, "body site.*'face and neck'.*got 'scalp'"),
    (["hand", "elbow"], "body site.*got 'elbow'"),
    ({}, "at least one body site"),
    ([], "at least one body site"),
    ({"hand": -1}, r"count of site 'hand'.*\[0, inf\)"),
    ({"hand": float("nan")}, "count of site 'hand'"),
    ({"hand": "two"}, "count of site 'hand'"),
    ({3: 1}, "body site.*got 3"),
    (7, "sites"),
])
def test_fingertip_units_refuses_bad_sites(sites, message):
    with pytest.raises(ValueError, match=message):
        fingertip_units(sites)


def test_grams_per_application():
    # 4.9 FTU x 0.5 g = 2.45 g;  0 FTU -> 0 g
    assert grams_per_application(4.9, 0.5) == pytest.approx(2.45)
    assert grams_per_application(0, 0.4) == 0.0


def test_ftu_for_area():
    # 600 cm2 / 257 cm2 per FTU = 2.3346 FTU
    assert ftu_for_area(600, 257) == pytest.approx(600 / 257)
    assert ftu_for_area(600, 257) == pytest.approx(2.3346, rel=1e-4)
    assert ftu_for_area(0, 286) == 0.0


def test_amount_needed_g():
    # 2.45 g x 2 a day x 7 days = 34.3 g
    assert amount_needed_g(2.45, 2, 7) == pytest.approx(34.3)
    # twice weekly for 28 days: 3.64 g x (2/7) x 28 = 3.64 x 8 = 29.12 g
    assert amount_needed_g(3.64, 2 / 7, 28) == pytest.approx(29.12)
    assert amount_needed_g(3.0, 2, 0) == 0.0


def test_tubes_needed_rounds_up_and_is_exact_at_whole_tubes():
    assert tubes_needed(61, 30) == 3        # 61/30 = 2.03 -> 3
    assert tubes_needed(60, 30) == 2        # exactly 2 tubes
    assert tubes_needed(0, 30) == 0
    assert tubes_needed(0.1 + 0.2, 0.3) == 1  # float noise above 1 is still 1
    assert tubes_needed(147, 100) == 2      # 1.47 -> 2
    assert isinstance(tubes_needed(147, 100), int)


@pytest.mark.parametrize("func, args, message", [
    (grams_per_application, (-1, 0.5), r"ftu.*\[0, inf\)"),
    (grams_per_application, (1, 0), r"grams_per_ftu.*\(0, inf\)"),
    (grams_per_application, (math.nan, 0.5), "ftu"),
    (ftu_for_area, (-5, 257), r"area_cm2.*\[0, inf\)"),
    (ftu_for_area, (100, 0), r"cm2_per_ftu.*\(0, inf\)"),
    (ftu_for_area, ("100", 257), "area_cm2"),
    (amount_needed_g, (-1, 2, 7), "grams_per_application"),
    (amount_needed_g, (1, -2, 7), "applications_per_day"),
    (amount_needed_g, (1, 2, math.inf), "days"),
    (tubes_needed, (-1, 30), r"total_g.*\[0, inf\)"),
    (tubes_needed, (10, 0), r"tube_size_g.*\(0, inf\)"),
    (tubes_needed, (10, True), "tube_size_g"),
])
def test_bad_input_is_refused(func, args, message):
    with pytest.raises(ValueError, match=message):
        func(*args)


def test_body_sites_are_an_enum_equal_to_their_names():
    from tcibook.dosing import BodySite
    assert fingertip_units({BodySite.HAND: 2}) == fingertip_units({"hand": 2})
    assert BodySite.HAND == "hand" and ADULT_FTU_PER_SITE["hand"] == 1.2
