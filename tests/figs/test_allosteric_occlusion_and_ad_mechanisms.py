"""Figures of the kinetics and atopic-dermatitis chapters draw the models."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from figs import cytokine_output, inhibition_curves, kinetics_fit, lineweaver_burk
from tcibook.cytokines import (ILLUSTRATIVE_HILL_COEFFICIENTS, ILLUSTRATIVE_K_HALF,
                               relative_cytokine_output)
from tcibook.kinetics import (ILLUSTRATIVE, competitive_rate,
                              michaelis_menten_rate, noncompetitive_rate)

P = ILLUSTRATIVE


def _curves(ax):
    """Lines of an axes that have more than one point (the model curves)."""
    return [line for line in ax.lines if len(line.get_xdata()) > 2]


def test_inhibition_curves_follow_the_rate_laws():
    fig = inhibition_curves.draw()
    assert isinstance(fig, Figure)
    left, right = fig.axes
    s = inhibition_curves.SUBSTRATE_UM
    for ax, law in ((left, noncompetitive_rate), (right, competitive_rate)):
        curves = _curves(ax)
        assert len(curves) == len(inhibition_curves.LEVELS_KI)
        for line, m in zip(curves, inhibition_curves.LEVELS_KI):
            expected = law(s, P.vmax, P.km_uM, m * P.ki_nM, P.ki_nM)
            assert line.get_ydata() == pytest.approx(expected)
    # half-maximal markers: all at Km on the left, moving right on the right
    left_x = [line.get_xdata()[0] for line in left.lines if len(line.get_xdata()) == 1]
    right_x = [line.get_xdata()[0] for line in right.lines if len(line.get_xdata()) == 1]
    assert left_x == pytest.approx([P.km_uM] * 4)
    assert right_x == pytest.approx([P.km_uM * (1 + m) for m in inhibition_curves.LEVELS_KI])


def test_lineweaver_burk_lines_meet_where_theory_says():
    fig = lineweaver_burk.draw()
    left, right = fig.axes
    for line in _curves(left):             # non-competitive: common x-intercept -1/Km
        x, y = line.get_xdata(), line.get_ydata()
        assert np.interp(-1 / P.km_uM, x, y) == pytest.approx(0.0, abs=1e-12)
    ys_at_zero = [np.interp(0.0, line.get_xdata(), line.get_ydata())
                  for line in _curves(right)]      # competitive: common y-intercept
    assert ys_at_zero == pytest.approx([1 / P.vmax] * len(lineweaver_burk.LEVELS_KI))
    assert len(_curves(left)) == len(_curves(right)) == len(lineweaver_burk.LEVELS_KI)


def test_kinetics_fit_figure_shows_the_simulated_data_and_fits():
    substrate, rates, fits = kinetics_fit.fits()
    fig = kinetics_fit.draw()
    (ax,) = fig.axes
    points = [line for line in ax.lines if line.get_linestyle() == "None"]
    assert [list(p.get_ydata()) for p in points] == [list(r) for r in rates]
    curves = [line for line in ax.lines if line.get_linestyle() != "None"]
    for line, fit in zip(curves, fits):
        expected = michaelis_menten_rate(line.get_xdata(), fit.vmax, fit.km_uM)
        assert line.get_ydata() == pytest.approx(expected)


def test_cytokine_output_figure_draws_the_transfer_function():
    fig = cytokine_output.draw()
    (ax,) = fig.axes
    reference, *curves = ax.lines
    theta = cytokine_output.OCCUPANCY
    assert reference.get_ydata() == pytest.approx(1 - theta)
    assert len(curves) == len(ILLUSTRATIVE_HILL_COEFFICIENTS)
    for line, n in zip(curves, ILLUSTRATIVE_HILL_COEFFICIENTS):
        expected = relative_cytokine_output(1 - theta, ILLUSTRATIVE_K_HALF, n)
        assert line.get_ydata() == pytest.approx(expected)


@pytest.mark.parametrize("module", [inhibition_curves, lineweaver_burk,
                                    kinetics_fit, cytokine_output])
def test_figure_scripts_write_png(module, tmp_path):
    from figs import save_cli

    out = tmp_path / "fig.png"
    save_cli(module.draw, [str(out)])
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
