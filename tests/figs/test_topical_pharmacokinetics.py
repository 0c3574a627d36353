"""Figure scripts of the topical pharmacokinetics chapter draw the models."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from figs import pk_barrier, pk_blood_partition, pk_flux_lag, pk_reservoir, save_cli
from tcibook.blood import plasma_concentration
from tcibook.facts import value
from tcibook.permeation import (ILLUSTRATIVE_DIFFUSIVITY_CM2_H, barrier_relative_changes,
                                ILLUSTRATIVE_DONOR_UG_CM3, ILLUSTRATIVE_PARTITION,
                                ILLUSTRATIVE_THICKNESS_CM, cumulative_permeated,
                                lag_time, reservoir_model)

ILLUSTRATIVE = (ILLUSTRATIVE_PARTITION, ILLUSTRATIVE_DIFFUSIVITY_CM2_H,
                ILLUSTRATIVE_DONOR_UG_CM3, ILLUSTRATIVE_THICKNESS_CM)


def test_flux_lag_figure_plots_crank_series_and_marks_lag():
    fig = pk_flux_lag.draw()
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    curve, line, marker = ax.lines
    t, q = curve.get_data()
    assert q == pytest.approx(cumulative_permeated(t, *ILLUSTRATIVE))
    lag = lag_time(ILLUSTRATIVE_THICKNESS_CM, ILLUSTRATIVE_DIFFUSIVITY_CM2_H)
    assert marker.get_xdata()[0] == pytest.approx(lag)
    assert line.get_xdata()[0] == pytest.approx(lag) and line.get_ydata()[0] == 0


def test_reservoir_figure_shows_the_model_in_percent():
    run = reservoir_model()
    fig = pk_reservoir.draw(run)
    left, right = fig.axes
    t, depot = left.lines[1].get_data()     # lines[0] is the wipe-off marker
    assert t == pytest.approx(run.t_h)
    assert depot == pytest.approx(100 * run.depot)
    assert right.lines[1].get_ydata() == pytest.approx(100 * run.absorbed)


def test_barrier_figure_bars_match_the_model_changes():
    names, flux, lag = barrier_relative_changes()
    assert flux == pytest.approx([1, 4, 1 / 3, 2, 1 / 1.2])
    assert lag == pytest.approx([1, 0.25, 9, 0.5, 1.44])
    left, right = pk_barrier.draw().axes
    assert [p.get_width() for p in left.patches] == pytest.approx(flux)
    assert [p.get_width() for p in right.patches] == pytest.approx(lag)
    assert [t.get_text() for t in left.get_yticklabels()] == names


def test_blood_figure_plots_plasma_for_the_verified_ratio_and_loq():
    left, right = pk_blood_partition.draw().axes
    cb, cp = left.lines[1].get_data()
    assert cp == pytest.approx(plasma_concentration(cb, value("tacrolimus_blood_plasma_ratio")))
    assert left.lines[2].get_ydata()[0] == value("elidel_child_loq_ng_ml")
    assert right.lines[1].get_ydata()[0] == value("tacrolimus_blood_plasma_ratio")
    assert np.all(np.diff(right.lines[0].get_ydata()) > 0)


@pytest.mark.parametrize("module", [pk_flux_lag, pk_reservoir, pk_barrier,
                                    pk_blood_partition])
def test_pk_figure_scripts_write_files(module, tmp_path):
    out = tmp_path / "fig.png"
    save_cli(module.draw, [str(out)])
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
