import numpy as np
import pytest

from conftest import assert_rejects
from tcibook.units import nM_to_ng_per_ml, ng_per_ml_to_nM


@pytest.mark.parametrize(("ng_ml", "mass", "nM"), [
    (0.0, 804.02, 0.0),
    (500.0, 500.0, 1000.0),           # 1000 x 500 / 500
    (1.0, 1000.0, 1.0),               # 1000 x 1 / 1000
    (1.0, 804.02, 1000 / 804.02),     # = 1.24375 nM
    (2.0, 810.47, 2000 / 810.47),     # = 2.46771 nM
])
def test_conversions_match_hand_calculation(ng_ml, mass, nM):
    assert ng_per_ml_to_nM(ng_ml, mass) == pytest.approx(nM)
    assert nM_to_ng_per_ml(nM, mass) == pytest.approx(ng_ml)


def test_conversions_vectorise_and_invert_each_other():
    conc = np.array([0.1, 1.0, 10.0])
    there = ng_per_ml_to_nM(conc, 804.02)
    assert there.shape == (3,)
    assert nM_to_ng_per_ml(there, 804.02) == pytest.approx(conc)


@pytest.mark.parametrize(("call", "message"), [
    (lambda: ng_per_ml_to_nM(-1, 804.02),
     r"conc_ng_per_ml\b.*0.*inf"),
    (lambda: ng_per_ml_to_nM(1, 0),
     r"molar_mass_g_per_mol\b.*0.*inf"),
    (lambda: ng_per_ml_to_nM(1, float("nan")),
     r"molar_mass_g_per_mol\b.*finite"),
    (lambda: nM_to_ng_per_ml([1.0, float("inf")], 804.02),
     r"conc_nM\b.*finite"),
    (lambda: nM_to_ng_per_ml(1.0, -5),
     r"molar_mass_g_per_mol\b.*0.*inf"),
])
def test_conversions_refuse_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_mg_per_ml_to_percent_matches_the_definition():
    from tcibook.units import mg_per_ml_to_percent_w_v

    assert mg_per_ml_to_percent_w_v(10) == pytest.approx(1.0)     # 1 g per 100 mL
    assert mg_per_ml_to_percent_w_v(0.5) == pytest.approx(0.05)
    for bad in (-1, 1001, float("nan"), True, "1"):
        assert_rejects(lambda: mg_per_ml_to_percent_w_v(bad), "conc_mg_per_ml", 0, 1000)
