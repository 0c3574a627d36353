"""Problem set 2: the lab report printed in the chapter is the answers module's data."""

import jupytext
import numpy as np
import pytest

from conftest import ROOT
from tcibook.answers import p02
from tcibook.kinetics import fit_michaelis_menten
from tcibook.selfcheck import expected_for, is_correct

CHAPTER = ROOT / "chapters" / "practice-02-inhibition-data.md"


@pytest.fixture(scope="module")
def given():
    """Run the chapter's given-data cell and return the names it defines."""
    nb = jupytext.read(CHAPTER)
    cell = next(c for c in nb.cells
                if c.cell_type == "code" and c.source.startswith("# Given data"))
    namespace = {"np": np}
    exec(cell.source, namespace)
    return namespace


@pytest.mark.parametrize("compound", ["a", "b"])
def test_chapter_data_are_the_answers_data(given, compound):
    assay = p02.ASSAYS[compound]
    substrate, control, inhibited, inhibitor = given["lab_report"](compound)
    np.testing.assert_array_equal(substrate, assay.substrate_uM)
    np.testing.assert_array_equal(control, assay.rates_control)
    np.testing.assert_array_equal(inhibited, assay.rates_inhibited)
    assert inhibitor == assay.inhibitor_nM


def test_lab_report_hands_out_fresh_copies(given):
    first = given["lab_report"]("a")[1]
    first[:] = 0.0                      # a student overwrites the array ...
    assert given["lab_report"]("a")[1][0] == p02.ASSAYS["a"].rates_control[0]


def test_every_exercise_rereads_its_givens():
    nb = jupytext.read(CHAPTER)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    givens = [src for src in code if src.startswith("# Givens for this exercise")]
    assert len(givens) == 4 and all("lab_report(" in src for src in givens)


def test_one_compound_of_each_mechanism():
    assert sorted(a.mode for a in p02.ASSAYS.values()) == ["competitive", "noncompetitive"]


def test_ki_answers_agree_with_estimates_made_by_hand_from_the_raw_rates():
    """Ki recovered without the answers' formulas: for the non-competitive
    compound v/v_i = 1 + [I]/Ki at every substrate level, so the mean ratio
    gives Ki; for the competitive one, at the lowest substrate level
    v/v_i - 1 = ([I]/Ki) Km/(Km + S). Both land near the simulated 1 nM."""
    a, b = p02.ASSAYS["a"], p02.ASSAYS["b"]
    ratio_a = np.mean(np.asarray(a.rates_control) / np.asarray(a.rates_inhibited))
    ki_a_by_hand = a.inhibitor_nM / (ratio_a - 1.0)
    km = fit_michaelis_menten(b.substrate_uM, b.rates_control).km_uM
    s0 = b.substrate_uM[0]
    excess = b.rates_control[0] / b.rates_inhibited[0] - 1.0
    ki_b_by_hand = b.inhibitor_nM * km / ((km + s0) * excess)
    assert expected_for("p02.ki_a").compute() == pytest.approx(ki_a_by_hand, rel=0.15)
    assert expected_for("p02.ki_b").compute() == pytest.approx(ki_b_by_hand, rel=0.15)
    # both are near the illustrative Ki of 1 nM used to simulate the data
    assert expected_for("p02.ki_a").compute() == pytest.approx(1.0, rel=0.2)
    assert expected_for("p02.ki_b").compute() == pytest.approx(1.0, rel=0.2)


def _weighted_fit(substrate, rates):
    """Michaelis-Menten fit weighted by the relative error (sigma = rate)."""
    from scipy.optimize import curve_fit
    popt, _ = curve_fit(lambda s, v, k: v * s / (k + s), substrate, rates,
                        p0=(rates.max(), 5.0), sigma=rates)
    return popt


@pytest.mark.parametrize("compound", ["a", "b"])
def test_a_sound_weighted_fit_passes_the_self_checks(compound):
    # The scatter is proportional to the rate, so weighting by 1/v**2 is a
    # defensible choice; it moves the estimates by up to about 2.2 SE here.
    assay = p02.ASSAYS[compound]
    vc, kc = _weighted_fit(assay.substrate_uM, assay.rates_control)
    vi, ki_ = _weighted_fit(assay.substrate_uM, assay.rates_inhibited)
    suffix = f"_{compound}"
    assert is_correct(f"p02.vmax_ctrl{suffix}", vc)
    assert is_correct(f"p02.km_ctrl{suffix}", kc)
    assert is_correct(f"p02.vmax{suffix}", vi)
    assert is_correct(f"p02.km{suffix}", ki_)
    fold = vc / vi if assay.mode == "noncompetitive" else ki_ / kc
    assert is_correct(f"p02.ki{suffix}", assay.inhibitor_nM / (fold - 1))


def test_tolerances_are_three_standard_errors_of_the_fit():
    a = p02.ASSAYS["a"]
    fit = fit_michaelis_menten(a.substrate_uM, a.rates_control)
    rule = expected_for("p02.vmax_ctrl_a")
    assert rule.rel_tol == pytest.approx(3 * fit.vmax_se / fit.vmax)
    # 3 SE of Vmax is about 7.8 units: 10 % off fails, 5 % off passes.
    assert not is_correct("p02.vmax_ctrl_a", 1.10 * fit.vmax)
    assert is_correct("p02.vmax_ctrl_a", 1.05 * fit.vmax)


def test_wrong_ki_formulas_fail():
    b = p02.ASSAYS["b"]
    f0, f1 = (fit_michaelis_menten(b.substrate_uM, r) for r in (b.rates_control, b.rates_inhibited))
    assert not is_correct("p02.ki_b", b.inhibitor_nM / (f0.vmax / f1.vmax - 1))  # wrong law
    assert not is_correct("p02.ki_b", b.inhibitor_nM * (f1.km_uM / f0.km_uM - 1))  # inverted
