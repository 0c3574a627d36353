"""The capsule-rounding figure draws what divided_regimen gives, checked by hand."""

import numpy as np
from matplotlib.figure import Figure

from figs import cyclosporine_capsules as cc


def test_achieved_dose_by_hand():
    # 50 kg x 2.5 = 125 mg/day = 2 x 62.5 mg: equally near 50 and 75 mg, the
    # lower is taken, so 100 mg/day = 2.0 mg/kg/day.
    # 50.5 kg: 2 x 63.125 mg -> 75 mg each = 150 mg/day = 150 / 50.5 mg/kg/day.
    # 82 kg x 4 = 328 mg/day = 2 x 164 mg -> 175 mg each = 350 / 82 mg/kg/day.
    got = cc.achieved(2.5, [50.0, 50.5])
    assert np.allclose(got, [2.0, 150 / 50.5])
    assert np.allclose(cc.achieved(4.0, [82.0]), [350 / 82])


def test_draw_plots_both_levels_with_reference_lines():
    fig = cc.draw()
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    curves = [line for line in ax.lines if len(line.get_xdata()) == len(cc.WEIGHTS_KG)]
    assert len(curves) == 2
    assert np.allclose(curves[0].get_ydata(), cc.achieved(2.5))
    levels = sorted(line.get_ydata()[0] for line in ax.lines
                    if len(line.get_ydata()) == 2)
    assert levels == [2.5, 4.0]
