"""tcibook.selfcheck: says right or wrong, never the answer."""

import numpy as np
import pytest

from tcibook.selfcheck import Expected, _close, check, expected_for, is_correct


def test_expected_for_finds_registered_answers():
    rule = expected_for("p01.vmax_app")
    assert rule.compute() == pytest.approx(25.0)   # 100 / (1 + 3/1)


@pytest.mark.parametrize("label", ["p01", "nosuchset.q1", "p01.nosuchquestion", ".q"])
def test_unknown_labels_are_refused(label):
    with pytest.raises(KeyError):
        expected_for(label)


def test_check_reports_right_wrong_and_missing_without_the_answer(capsys):
    namespace = {"vmax_app": 25.1, "km_app": 9.0}
    code = "import tcibook.selfcheck as s\nresults = (s.check('p01.vmax_app', 'vmax_app'), " \
           "s.check('p01.km_app', 'km_app'), s.check('p01.theta_fkbp12', 'theta_fkbp12'))"
    exec(code, namespace)
    assert namespace["results"] == (None, None, None)   # a cell shows only the verdicts
    out = capsys.readouterr().out
    assert "✓ p01.vmax_app" in out and "✗ p01.km_app" in out and "no answer yet" in out
    assert "Revisit:" in out
    assert "25" not in out and "5.0" not in out          # the expected values stay hidden


def test_close_handles_numbers_sequences_strings_and_types():
    rule = Expected(lambda: None, "x", rel_tol=0.01)
    assert _close(np.float64(1.005), 1.0, rule) and not _close(1.02, 1.0, rule)
    assert _close([1.0, 2.0], (1.001, 1.999), rule) and not _close([1.0], (1.0, 2.0), rule)
    assert _close(" Reduce ", "reduce", rule) and not _close("stop", "reduce", rule)
    assert not _close("1.0", 1.0, rule) and not _close(float("nan"), 1.0, rule)
    assert _close(True, True, rule) and not _close(1, True, rule)


def test_is_correct():
    assert is_correct("p01.km_app", 5.0) and not is_correct("p01.km_app", 6.0)
