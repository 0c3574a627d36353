"""Figures of the chapter 'Topical calcineurin inhibitors versus corticosteroids'."""

import numpy as np
import pytest
from matplotlib.figure import Figure

from figs import collagen_propeptides, save_cli, tachyphylaxis
from tcibook.facts import value
from tcibook.tachyphylaxis import COURSE_DAYS, ILLUSTRATIVE_PARAMETERS, simulate_dosing


def test_collagen_figure_draws_only_the_abstract_numbers():
    fig = collagen_propeptides.draw()
    assert isinstance(fig, Figure)
    left, right = fig.axes
    heights = [p.get_height() for p in left.patches]
    assert heights == [value(k) for _, k in collagen_propeptides.PROPEPTIDES]
    assert heights == [17.0, 17.6, 39.5]                 # abstract, PMID 9740230
    (markers,) = [ln for ln in left.lines if ln.get_marker() == "D"]
    assert list(markers.get_ydata()) == [100] * 3        # "approximately 100%"
    widths = [p.get_width() for p in right.patches]
    assert widths == [value(k) for _, k in collagen_propeptides.THICKNESS]
    assert [t.get_text() for t in right.get_yticklabels()] == [
        "vs tacrolimus 0.1 %", "vs tacrolimus 0.3 %", "vs vehicle"]


def test_tachyphylaxis_figure_plots_the_model():
    fig = tachyphylaxis.draw()
    top, bottom = fig.axes
    sim = simulate_dosing(COURSE_DAYS, **ILLUSTRATIVE_PARAMETERS)
    curves = [ln.get_ydata() for ln in top.lines if ln.get_linestyle() == "-"]
    np.testing.assert_allclose(curves[0], sim.inhibitor_response)
    np.testing.assert_allclose(curves[1], sim.agonist_response)
    peaks = [ln.get_ydata() for ln in top.lines if ln.get_linestyle() == "None"]
    assert len(peaks) == 2 and all(len(p) == COURSE_DAYS for p in peaks)
    assert peaks[1][-1] < peaks[1][0] and peaks[0][-1] >= peaks[0][0]
    enzyme, receptor = (ln.get_ydata() for ln in bottom.lines)
    np.testing.assert_allclose(enzyme, 1.0)
    np.testing.assert_allclose(receptor, sim.receptor)


@pytest.mark.parametrize("module", [collagen_propeptides, tachyphylaxis])
def test_figure_scripts_write_png(module, tmp_path):
    out = tmp_path / "fig.png"
    save_cli(module.draw, [str(out)])
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
