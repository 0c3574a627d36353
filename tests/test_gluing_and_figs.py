import numpy as np
import pytest
from matplotlib.figure import Figure

from figs import OKABE_ITO, molecular_weight, save_cli
from tcibook.facts import value
from tcibook.gluing import _spoken_list, plain


def test_plain_strips_numpy_types():
    assert type(plain(np.float64(1.5))) is float
    assert type(plain(np.int64(3))) is int
    with pytest.raises(TypeError, match="expected a real number"):
        plain("3")


def test_tuple_facts_read_as_text():
    assert _spoken_list((30, 60, 100)) == "30, 60 and 100"
    assert _spoken_list((0.5,)) == "0.5"


def test_molar_mass_figure_draws_the_facts():
    fig = molecular_weight.draw()
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    widths = [patch.get_width() for patch in ax.patches]
    assert widths == [value(key) for _, key in molecular_weight.BARS]
    threshold = [line.get_xdata()[0] for line in ax.lines]
    assert threshold == [value("skin_penetration_mw_limit")]
    assert ax.patches[0].get_facecolor()[:3] == pytest.approx(
        tuple(int(OKABE_ITO[0][i:i + 2], 16) / 255 for i in (1, 3, 5)))


def test_figure_script_writes_a_file(tmp_path):
    out = tmp_path / "mw.png"
    save_cli(molecular_weight.draw, [str(out)])
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(SystemExit, match="usage"):
        save_cli(molecular_weight.draw, [])
