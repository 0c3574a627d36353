"""Figures of the calcineurin–NFAT and immunophilin chapters."""

import pytest
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from figs import nfat_pathway, nfat_response, occupancy as occupancy_figure
from figs import save_cli
from tcibook.binding import occupancy
from tcibook.facts import value
from tcibook.immunophilin import MARKED_OCCUPANCIES
from tcibook.signaling import (BLOCKED_FRACTIONS, available_calcineurin,
                               nfat_nuclear_fraction)


def test_pathway_draws_every_box_and_arrow():
    fig = nfat_pathway.draw()
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    texts = {t.get_text() for t in ax.texts}
    assert {node.label for node in nfat_pathway.NODES.values()} <= texts
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == len(nfat_pathway.EDGES)
    boxes = [p for p in ax.patches if isinstance(p, FancyBboxPatch)]
    assert len(boxes) >= len(nfat_pathway.NODES)


def test_pathway_says_the_complex_blocks_calcineurin_only():
    edges = nfat_pathway.EDGES
    assert {e.source for e in edges} | {e.target for e in edges} == set(
        nfat_pathway.NODES)
    inhibitions = [(e.source, e.target) for e in edges if e.kind == "inhibits"]
    assert inhibitions == [("complex", "calcineurin")]
    assert {e.kind for e in edges} <= {"activates", "inhibits", "enables"}


def test_response_figure_plots_the_model():
    fig = nfat_response.draw()
    left, right = fig.axes
    assert len(left.lines) == len(right.lines) >= 3
    for blocked, l_line, r_line in zip(BLOCKED_FRACTIONS,
                                       left.lines, right.lines):
        x = l_line.get_xdata()
        active = available_calcineurin(x, blocked)
        assert l_line.get_ydata() == pytest.approx(active)
        assert r_line.get_ydata() == pytest.approx(nfat_nuclear_fraction(active))


def test_occupancy_figure_plots_the_fact_and_marks_the_targets():
    fig = occupancy_figure.draw()
    ax = fig.axes[0]
    curve = ax.lines[0]
    x = curve.get_xdata()
    kd = value("fk506_fkbp12_kd_nm")
    assert curve.get_ydata() == pytest.approx(occupancy(x, kd))
    (points,) = ax.collections
    marked = points.get_offsets()
    # 0.4 x θ/(1 - θ): 0.4, 3.6 and 39.6 nM
    assert list(marked[:, 0]) == pytest.approx([0.4, 3.6, 39.6])
    assert list(marked[:, 1]) == pytest.approx(MARKED_OCCUPANCIES)


@pytest.mark.parametrize("module", [nfat_pathway, nfat_response, occupancy_figure])
def test_each_script_writes_a_png(module, tmp_path):
    out = tmp_path / "fig.png"
    save_cli(module.draw, [str(out)])
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
