"""Figures of the systemic-calcineurin-inhibitors chapter draw the model and
the facts they claim to draw."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from figs import save_cli, tacrolimus_steady_state, topical_vs_systemic, voclosporin_rules
from tcibook.facts import value
from tcibook.tdm import fraction_of_steady_state
from tcibook.voclosporin import Action, Baseline, Visit, assess_visit


def test_topical_vs_systemic_rows_are_the_label_ranges():
    rows = topical_vs_systemic.systemic_rows()
    assert [(lo, hi) for _, lo, hi in rows] == [
        (7, 20), (5, 15), (4, 11), (5, 20), (10, 20), (5, 15)]
    assert rows[0][0] == "Kidney, with azathioprine, months 1-3"
    assert rows[-1][0] == "Heart, month 4 on"
    assert topical_vs_systemic.lowest_systemic_trough() == 4
    (_, lo, hi, _), (_, top, _, marker) = topical_vs_systemic.topical_rows()
    assert (lo, hi) == value("elidel_infant_blood_range_ng_ml") == (0.1, 2.6)
    assert top == value("staab2005_max_ng_ml") and marker


def test_topical_vs_systemic_draws_the_rows_on_a_log_axis():
    fig = topical_vs_systemic.draw()
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    assert ax.get_xscale() == "log"
    bars = [(p.get_x(), p.get_x() + p.get_width()) for p in ax.patches]
    expected = [(lo, hi) for _, lo, hi in topical_vs_systemic.systemic_rows()]
    expected.append(value("elidel_infant_blood_range_ng_ml"))
    assert np.allclose(bars, expected)
    vlines = sorted(line.get_xdata()[0] for line in ax.lines
                    if len(line.get_xdata()) == 2 and line.get_xdata()[0] ==
                    line.get_xdata()[1])
    assert vlines == [value("staab2005_low_cut_ng_ml"), 4]
    markers = [line for line in ax.lines if line.get_marker() == "D"]
    assert markers[0].get_xdata()[0] == value("staab2005_max_ng_ml")
    # every systemic bar lies to the right of every topical value
    assert min(lo for lo, _ in expected[:-1]) > value("elidel_infant_blood_range_ng_ml")[1]


def test_voclosporin_map_matches_the_decision_function():
    for visit, _ in voclosporin_rules.PANELS:
        grid = voclosporin_rules.action_grid(visit)
        assert grid.shape == (voclosporin_rules.CURRENT_GRID.size,
                              voclosporin_rules.BASELINE_GRID.size)
        for i, j in [(0, 0), (40, 70), (35, 70), (80, 90), (-1, -1)]:
            base = voclosporin_rules.BASELINE_GRID[j]
            egfr = voclosporin_rules.CURRENT_GRID[i]
            d = assess_visit(Baseline(base), egfr, 120, 80, 23.7, visit=visit)
            assert voclosporin_rules.ACTIONS[grid[i, j]] is d.action


def test_voclosporin_map_shows_the_reassessment_difference():
    routine = voclosporin_rules.action_grid(Visit.ROUTINE)
    again = voclosporin_rules.action_grid(Visit.AFTER_REDUCTION)
    reduce = voclosporin_rules.ACTIONS.index(Action.REDUCE)
    assert (again == reduce).sum() > (routine == reduce).sum()
    # never a stop at or above eGFR 60
    stop = voclosporin_rules.ACTIONS.index(Action.STOP)
    at_or_above_60 = voclosporin_rules.CURRENT_GRID >= 60
    assert not np.any(routine[at_or_above_60] == stop)
    assert not np.any(again[at_or_above_60] == stop)


def test_voclosporin_figure_has_two_panels():
    fig = voclosporin_rules.draw()
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    assert [ax.get_title() for ax in fig.axes] == [t for _, t in voclosporin_rules.PANELS]


def test_steady_state_figure_draws_the_model():
    fig = tacrolimus_steady_state.draw()
    (ax,) = fig.axes
    curves = [line for line in ax.lines if len(line.get_xdata()) > 2]
    assert len(curves) == len(tacrolimus_steady_state.CURVES)
    for line, (_, key) in zip(curves, tacrolimus_steady_state.CURVES):
        expected = 100 * fraction_of_steady_state(tacrolimus_steady_state.TIME_H,
                                                  value(key))
        assert line.get_ydata() == pytest.approx(expected)


@pytest.mark.parametrize("module", [topical_vs_systemic, voclosporin_rules,
                                    tacrolimus_steady_state])
def test_figure_scripts_write_files(module, tmp_path):
    out = tmp_path / "fig.png"
    save_cli(module.draw, [str(out)])
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
