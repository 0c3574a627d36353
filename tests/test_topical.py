import pytest

from tcibook.topical import active_drug_mg


@pytest.mark.parametrize(("mass", "strength", "expected"), [
    (30, 0.1, 30.0),     # 30 g x 1 mg/g
    (30, 0.03, 9.0),     # 30 g x 0.3 mg/g
    (100, 0.1, 100.0),
    (60, 1, 600.0),      # pimecrolimus 1 % = 10 mg/g
    (0, 0.1, 0.0),
])
def test_active_drug_mg_matches_hand_calculation(mass, strength, expected):
    assert active_drug_mg(mass, strength) == pytest.approx(expected)


@pytest.mark.parametrize(("mass", "strength", "message"), [
    (-1, 0.1, r"product_mass_g.*\[0, inf\)"),
    (float("nan"), 0.1, "product_mass_g"),
    (30, 0, r"strength_percent.*\(0, 100\]"),
    (30, 101, r"strength_percent.*\(0, 100\]"),
    (30, "0.1", "strength_percent"),
])
def test_active_drug_mg_refuses_bad_input(mass, strength, message):
    with pytest.raises(ValueError, match=message):
        active_drug_mg(mass, strength)
