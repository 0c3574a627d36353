from matplotlib.figure import Figure

from figs import OKABE_ITO, forest_plot, save_cli
from tcibook.effect_sizes import cochrane2015_tacrolimus


def _rgb(hex_colour):
    return tuple(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))


def test_forest_plot_draws_every_ratio_and_interval_from_the_facts():
    fig = forest_plot.draw()
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    rows = cochrane2015_tacrolimus()
    lines = ax.get_lines()
    # Per row: the interval line, then the point; then the reference line at 1.
    intervals, points, reference = lines[0:-1:2], lines[1:-1:2], lines[-1]
    assert len(intervals) == len(points) == len(rows)
    for r, ci, pt in zip(rows, intervals, points):
        assert list(ci.get_xdata()) == [r.lower, r.upper]
        assert list(pt.get_xdata()) == [r.ratio]
        expected_marker = "o" if r.counts_improvement else "s"
        assert pt.get_marker() == expected_marker
    assert list(reference.get_xdata()) == [1, 1]
    # The ratio that counts non-improvement is drawn in a different colour.
    assert points[1].get_color() == OKABE_ITO[5]
    assert points[0].get_color() == OKABE_ITO[0]
    labels = [t.get_text() for t in ax.texts]
    assert "1.80 (1.34\u20132.42)" in labels and "0.82 (0.72\u20130.92)" in labels


def test_forest_plot_rows_run_top_to_bottom_in_review_order():
    ax = forest_plot.draw().axes[0]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[-1].startswith("tacrolimus 0.1 % vs pimecrolimus 1 %")
    assert "2 studies, n = 506" in ticks[-1]
    assert "1 study, n = 371" in ticks[1]


def test_forest_plot_script_writes_a_file(tmp_path):
    out = tmp_path / "forest.png"
    save_cli(forest_plot.draw, [str(out)])
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
