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
    (-1, 0.1, r"product_mass_g must lie in \[0, inf\) g; got -1"),
    (float("nan"), 0.1, "product_mass_g must be a finite number"),
    (30, 0, r"strength_percent must lie in \(0, 100\] %; got 0"),
    (30, 101, r"strength_percent must lie in \(0, 100\] %; got 101"),
    (30, "0.1", "strength_percent must be a real number"),
])
def test_active_drug_mg_refuses_bad_input(mass, strength, message):
    with pytest.raises(ValueError, match=message):
        active_drug_mg(mass, strength)
