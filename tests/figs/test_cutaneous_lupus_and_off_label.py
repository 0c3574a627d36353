import numpy as np
import pytest
from matplotlib.figure import Figure

from figs import OKABE_ITO, hyperkeratotic_flux, save_cli
from tcibook import plaque
from tcibook.permeation import cumulative_permeated, lag_time, steady_state_flux


def test_compound_ratio_is_three():
    # 0.3 % tacrolimus in the compound / 0.1 % marketed strength = 3
    assert plaque.compound_concentration_ratio() == pytest.approx(3.0)


def test_states_move_the_expected_parameters():
    states = plaque.skin_states()
    k, d, c, h = states["intact"]
    # Illustrative permeation parameters: K = 2, D = 1e-7 cm²/h, 1000 µg/cm³, 15 µm.
    assert (k, d, c, h) == pytest.approx((2.0, 1e-7, 1000.0, 15e-4))
    assert states["plaque"] == pytest.approx((k, d, c, 3 * h))
    assert states["occluded"] == pytest.approx((k, 2 * d, c, 3 * h))
    assert states["descaled"] == pytest.approx((k, d, c, 1.2 * h))
    assert states["compound"] == pytest.approx((k, d, 3 * c, 3 * h))


def test_hand_calculated_flux_and_lag_of_the_plaque():
    states = plaque.skin_states()
    intact = states["intact"]
    thick = states["plaque"]
    # J = K·D·C/h = 2 · 1e-7 · 1000 / 0.0015 = 0.1333 µg/(cm²·h); three times
    # thicker -> one third.
    assert steady_state_flux(*intact) == pytest.approx(0.13333, rel=1e-4)
    assert steady_state_flux(*thick) == pytest.approx(0.13333 / 3, rel=1e-4)
    # t_lag = h²/(6D) = 0.0015² / 6e-7 = 3.75 h; three times thicker -> 9x.
    assert lag_time(intact[3], intact[1]) == pytest.approx(3.75)
    assert lag_time(thick[3], thick[1]) == pytest.approx(33.75)


def test_figure_draws_the_model_for_every_state():
    fig = hyperkeratotic_flux.draw()
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    states = plaque.skin_states()
    labels = plaque.state_labels()
    assert [line.get_label() for line in ax.lines] == [labels[s] for s in states]
    assert labels["compound"] == "Plaque, 0.3 % compound"   # strength from facts
    for line, params in zip(ax.lines, states.values()):
        assert np.allclose(line.get_xdata(), hyperkeratotic_flux.HOURS)
        assert np.allclose(line.get_ydata(),
                           cumulative_permeated(hyperkeratotic_flux.HOURS, *params))
    assert ax.lines[0].get_color() == OKABE_ITO[7]
    assert len({line.get_linestyle() for line in ax.lines}) >= 4


def test_figure_script_writes_a_png(tmp_path):
    out = tmp_path / "flux.png"
    save_cli(hyperkeratotic_flux.draw, [str(out)])
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_figure_script_draws_the_scenario_of_the_package():
    # The figure imports the scenario from tcibook; it defines none of its own.
    assert hyperkeratotic_flux.skin_states is plaque.skin_states
    assert hyperkeratotic_flux.state_labels is plaque.state_labels
