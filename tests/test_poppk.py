"""The tacrolimus population model: values as published, covariates and
between-subject variability by hand, and bad input."""

import math

import numpy as np
import pytest

from tcibook import pk, poppk
from tcibook.facts import value
from tcibook.poppk import CYP3A5, PopulationModel


def test_typical_values_are_the_published_final_model():
    t = poppk.ANDREWS_2019.typical
    assert t == {"cl_l_h": 23.0, "v1_l": 692.0, "q_l_h": 11.6, "v2_l": 5340.0,
                 "ka_per_h": 3.58, "lag_h": 0.38}
    assert poppk.ANDREWS_2019.structure == "two"


def test_cyp3a5_expressers_have_the_published_clearance_factor():
    exp = poppk.andrews2019(CYP3A5.EXPRESSER).typical["cl_l_h"]
    assert exp == pytest.approx(23.0 * 1.63)
    assert poppk.andrews2019("non_expresser").typical["cl_l_h"] == 23.0


def test_haematocrit_factor_by_hand():
    assert poppk.haematocrit_clearance_factor(0.40, 0.30) == pytest.approx((4 / 3) ** -0.76)
    assert poppk.haematocrit_clearance_factor(0.33, 0.33) == 1.0
    # against the model's reference haematocrit, 0.34 L/L
    assert poppk.haematocrit_clearance_factor(0.34) == 1.0
    assert poppk.haematocrit_clearance_factor(0.25) == pytest.approx((0.25 / 0.34) ** -0.76)
    # a rise in haematocrit lowers whole-blood CL/F
    assert poppk.andrews2019(haematocrit=0.408).typical["cl_l_h"] == \
        pytest.approx(23.0 * 1.2 ** -0.76)


def test_every_covariate_by_hand():
    """One patient far from the reference on every covariate, against the
    final model's equations written out by hand."""
    m = poppk.andrews2019("expresser", "star22_carrier", haematocrit=0.28, age_years=40,
                          albumin_g_l=38, bsa_m2=2.1, creatinine_umol_l=180,
                          lean_body_weight_kg=65)
    cl = (23.0 * 1.63 * 0.80 * (0.28 / 0.34) ** -0.76 * (40 / 55.72) ** -0.43
          * (38 / 42) ** 0.43 * (2.1 / 1.93) ** 0.88 * (180 / 134.98) ** -0.14)
    assert m.typical["cl_l_h"] == pytest.approx(cl, rel=1e-12)
    assert m.typical["v1_l"] == pytest.approx(692 * (65 / 58.94) ** 1.52, rel=1e-12)
    assert {k: m.typical[k] for k in ("q_l_h", "v2_l", "ka_per_h", "lag_h")} == \
        {"q_l_h": 11.6, "v2_l": 5340.0, "ka_per_h": 3.58, "lag_h": 0.38}
    # the defaults are the reference patient
    assert poppk.andrews2019(**poppk.REFERENCE_COVARIATES).typical == poppk.ANDREWS_2019.typical


def test_covariate_effects_the_publication_states():
    """Age 25 -> 65 years: CL/F about 34 % lower; body surface area 1.5 ->
    2.25 m2: about 43 % higher."""
    cl = lambda **c: poppk.andrews2019(**c).typical["cl_l_h"]  # noqa: E731
    assert 1 - cl(age_years=65) / cl(age_years=25) == pytest.approx(0.34, abs=0.005)
    assert cl(bsa_m2=2.25) / cl(bsa_m2=1.5) - 1 == pytest.approx(0.43, abs=0.005)


def test_omega_from_cv_by_hand_and_back():
    assert poppk.omega_from_cv(38.6) == pytest.approx(math.sqrt(math.log(1 + 0.386**2)))
    assert poppk.cv_from_omega(poppk.omega_from_cv(78.7)) == pytest.approx(78.7)
    om = poppk.ANDREWS_2019.omega
    assert om["q_l_h"] == pytest.approx(math.sqrt(math.log(1 + 0.787**2)))
    assert poppk.ANDREWS_2019.sigma_log == pytest.approx(math.sqrt(math.log(1 + 0.245**2)))


def test_random_effects_scale_the_typical_values():
    eta = np.array([math.log(2.0), 0.0, 0.0, math.log(0.5)])
    m = poppk.ANDREWS_2019.individual(eta)
    assert m.cl_l_h == pytest.approx(46.0)
    assert m.v2_l == pytest.approx(2670.0)
    assert m.v1_l == 692.0


def test_sampled_patients_have_the_model_variability():
    eta, m = poppk.sample_parameters(poppk.ANDREWS_2019, 20000, np.random.default_rng(7))
    sd = np.std(np.log(m.cl_l_h / 23.0))
    assert sd == pytest.approx(poppk.omega_from_cv(38.6), rel=0.03)
    assert np.median(m.cl_l_h) == pytest.approx(23.0, rel=0.02)
    assert m.cl_l_h.shape == (20000,)


def test_typical_patient_course_accumulates_toward_the_steady_state_trough():
    m = poppk.ANDREWS_2019.individual(np.zeros(4))
    d = pk.repeated_doses(5.0, 12.0, 28)
    troughs = pk.trough_before_doses(m, d)
    assert np.all(np.diff(troughs) > 0)
    ss = pk.steady_state_concentration(m, 5.0, 12.0, 0.0)
    assert troughs[-1] < ss
    # average steady-state level F·D/(CL·τ) with the apparent clearance
    grid = np.linspace(0, 12, 2401)
    c = pk.steady_state_concentration(m, 5.0, 12.0, grid[:-1])
    assert np.mean(c) == pytest.approx(5.0 / (23.0 * 12) * 1000, rel=1e-3)


def test_facts_used_by_the_model_exist():
    for key in ("andrews2019_iov_cl_pct", "andrews2019_n_patients",
                "andrews2019_residual_lcms_pct"):
        assert value(key) > 0


@pytest.mark.parametrize("call, name", [
    (lambda: poppk.andrews2019("poor"), "cyp3a5"),
    (lambda: poppk.andrews2019(haematocrit=0.0), "haematocrit"),
    (lambda: poppk.andrews2019(haematocrit=34), "haematocrit"),
    (lambda: poppk.andrews2019(age_years=True), "age_years"),
    (lambda: poppk.andrews2019(albumin_g_l="42"), "albumin_g_l"),
    (lambda: poppk.andrews2019(bsa_m2=-1.9), "bsa_m2"),
    (lambda: poppk.andrews2019(creatinine_umol_l=float("nan")), "creatinine_umol_l"),
    (lambda: poppk.andrews2019(creatinine_umol_l=1.5), "creatinine_umol_l"),  # mg/dL
    (lambda: poppk.andrews2019(albumin_g_l=4.2), "albumin_g_l"),              # g/dL
    (lambda: poppk.andrews2019(lean_body_weight_kg=0.0), "lean_body_weight_kg"),
    (lambda: poppk.andrews2019(cyp3a4="star1"), "cyp3a4"),
    (lambda: poppk.haematocrit_clearance_factor(1.2, 0.4), "haematocrit"),
    (lambda: poppk.haematocrit_clearance_factor(0.4, float("nan")), "reference_haematocrit"),
    (lambda: poppk.omega_from_cv(-5), "cv_pct"),
    (lambda: poppk.sample_parameters(poppk.ANDREWS_2019, 0, np.random.default_rng()), "n"),
    (lambda: poppk.sample_parameters(poppk.ANDREWS_2019, 5, 42), "rng"),
    (lambda: poppk.sample_parameters("model", 5, np.random.default_rng()), "population"),
    (lambda: poppk.ANDREWS_2019.individual([0.0, 0.0]), "eta"),
    (lambda: PopulationModel("x", "three", {"cl_l_h": 1.0, "v_l": 1.0}, {}, 0.1), "structure"),
    (lambda: PopulationModel("x", "one", {"cl_l_h": 1.0, "v_l": 1.0}, {"q_l_h": 0.3}, 0.1), "omega"),
    (lambda: PopulationModel("x", "one", {"cl_l_h": 1.0, "v_l": 1.0}, {"cl_l_h": -0.3}, 0.1), "omega"),
    (lambda: PopulationModel("x", "one", {"cl_l_h": 1.0, "v_l": 1.0}, {}, 0.0), "sigma_log"),
    (lambda: PopulationModel("x", "one", {"cl_l_h": -1.0, "v_l": 1.0}, {}, 0.1), "cl_l_h"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_between_occasion_variability_is_the_published_one():
    assert poppk.ANDREWS_2019.omega_occasion_cl == pytest.approx(
        math.sqrt(math.log(1 + 0.136**2)))
    with pytest.raises(ValueError, match="omega_occasion_cl"):
        PopulationModel("x", "one", {"cl_l_h": 1.0, "v_l": 1.0}, {}, 0.1,
                        omega_occasion_cl=-0.1)
