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


# --- kinds, order, plausible ranges, and the edition without answers ---------

from tcibook import selfcheck  # noqa: E402
from tcibook.selfcheck import (assess, assess_plausible, diagnose, is_order_free,  # noqa: E402
                               kind_of, plausible_range, why_missing)

RULE = Expected(lambda: None, "the chapter", rel_tol=0.01)


def test_kinds_are_inferred_from_the_expected_value():
    assert kind_of(0.5) == {"kind": "number"} and kind_of(3) == {"kind": "whole number"}
    assert kind_of(True) == {"kind": "True or False"} and kind_of("stop") == {"kind": "text"}
    assert kind_of(("a", "b")) == {"kind": "sequence", "length": 2, "of": "text"}
    assert kind_of((1, 2.5)) == {"kind": "sequence", "length": 2, "of": "number"}


@pytest.mark.parametrize("value, words", [
    (None, "is None"),
    (float("nan"), "NaN"),
    (float("inf"), "infinite"),
    ("0.13", "is text"),
    (True, "True/False"),
    (np.array([0.1, 0.2]), "an array of 2 values"),
    ([0.13], "a list of 1 value"),
])
def test_a_wrong_kind_for_a_number_is_named(value, words):
    verdict = assess(value, 0.1333, RULE, "flux")
    assert verdict.status == "wrong-kind" and words in verdict.message, verdict
    assert "0.13" not in verdict.message.replace("'0.13'", "")


def test_other_wrong_kinds_are_named():
    assert "whole number" in assess(2.5, 3, RULE, "tubes").message
    assert assess(3.0, 3, RULE, "tubes").status == "correct"          # an integral float is fine
    assert assess(np.bool_(True), True, RULE, "ok").status == "correct"
    assert "not True or False" in assess(1, True, RULE, "ok").message
    assert "asks for text" in assess(3, "stop", RULE, "action").message
    seq = assess((1.0, 2.0, 3.0), (1.0, 5.0, 2.0, 3.0), RULE, "doses")
    assert seq.status == "wrong-kind" and "has 3 values" in seq.message and "asks for 4" in seq.message
    element = assess(("stop", None), ("stop", "start"), RULE, "actions")
    assert element.status == "wrong-kind" and "position 2" in element.message
    assert assess(np.float64(0.1334), 0.1333, RULE).status == "correct"
    assert assess(np.array(0.1334), 0.1333, RULE).status == "correct"   # 0-d array


def test_order_free_answers_are_compared_without_order():
    # distinct numbers in ascending order: a set, such as licensed strengths
    assert is_order_free((0.03, 0.1)) and _close((0.1, 0.03), (0.03, 0.1), RULE)
    assert not _close((0.1, 0.1), (0.03, 0.1), RULE)
    # anything else keeps its order: a pair (inhibitor, inducer), doses by visit
    assert not is_order_free(("above", "below")) and not _close(("below", "above"), ("above", "below"), RULE)
    assert not is_order_free((23.7, 0.0, 15.8))
    assert not _close((0.0, 23.7, 15.8), (23.7, 0.0, 15.8), RULE)
    # an answers module can say so explicitly
    free = Expected(lambda: None, "x", order_free=True)
    assert _close(("b", "a"), ("a", "b"), free)
    assert not _close((0.1, 0.03), (0.03, 0.1), Expected(lambda: None, "x", order_free=False))
    # the length of an order-free answer is part of the answer: not revealed
    verdict = assess((0.03,), (0.03, 0.1), RULE, "strengths")
    assert verdict.status == "wrong" and "2" not in verdict.message


def test_p04_strengths_in_another_order_are_right():
    assert is_correct("p04.protopic_16y_eu", (0.1, 0.03))


def test_plausible_range_is_a_factor_of_1000_around_the_order_of_magnitude():
    lo, hi = plausible_range(0.1333, "p03.flux")
    assert (lo, hi) in {(1e-2, 10.0), (1e-3, 1.0)}            # decade 10**-1, offset 0 or 1
    assert hi / lo == pytest.approx(1000)
    assert lo * 10 <= 0.1333 <= hi / 7.5                          # a decade inside each end
    assert 0.1333 / 1000 < lo and 0.1333 * 1000 > hi              # a slip of 1,000 falls outside
    assert plausible_range(-50.0, "x.y") in {(-1e3, -1.0), (-1e2, -0.1)}
    assert plausible_range(0.0, "x.y")[0] == 0.0
    assert plausible_range((0.0, 23.7), "x.y")[0] == 0.0
    assert plausible_range("stop", "x.y") is None and plausible_range(True, "x.y") is None
    assert plausible_range(1.0, "x", Expected(lambda: 1.0, "r", plausible=(0, 5))) == (0.0, 5.0)


def test_plausible_check_says_kind_and_range_never_the_value():
    spec = {"kind": {"kind": "number"}, "range": [1e-3, 1.0], "revisit": "Fick's law"}
    ok = assess_plausible(0.2, spec, "flux")
    assert ok.status == "plausible" and "graded" in ok.message and "0.2" not in ok.message
    far = assess_plausible(133.0, spec, "flux")
    assert far.status == "implausible" and "units" in far.message and "Revisit: Fick's law" in far.message
    assert assess_plausible("x", spec, "flux").status == "wrong-kind"
    choices = {"kind": {"kind": "text"}, "range": None, "choices": ["competitive", "mixed"]}
    assert assess_plausible("uncompetitive", choices).status == "implausible"
    assert assess_plausible("Mixed ", choices).status == "plausible"


def test_check_without_the_answers_uses_the_public_spec(monkeypatch, capsys):
    """The course pack's wheel has no tcibook.answers: check() falls back to
    the public specification and says so."""
    def no_answers(label):
        raise KeyError("no answers")

    monkeypatch.setattr(selfcheck, "expected_for", no_answers)
    monkeypatch.setattr(selfcheck, "answers_available", lambda: False)
    spec = {"kind": {"kind": "number"}, "range": [1e-3, 1.0], "revisit": "Fick"}
    monkeypatch.setattr(selfcheck, "_SPEC_CACHE", {"p03.flux": spec})
    namespace = {"flux": 0.1333, "q24": "2.7"}
    exec("from tcibook.selfcheck import check\ncheck('p03.flux', 'flux')", namespace)
    out = capsys.readouterr().out
    assert out.startswith("• p03.flux") and "whether it is right is decided" in out
    assert "0.13" not in out
    exec("check('p03.q24', 'q24')", namespace)   # neither answers nor a spec
    out = capsys.readouterr().out
    assert out.startswith("• p03.q24: `q24` is defined") and "nothing more" in out
    namespace["q24"] = float("nan")
    exec("check('p03.q24', 'q24')", namespace)
    assert capsys.readouterr().out.startswith("✗ p03.q24: `q24` is NaN")


def test_public_spec_of_every_answer_is_json_and_holds_no_value():
    import json

    from tcibook.answers import p03

    for question in p03.ANSWERS:
        spec = selfcheck.public_spec(f"p03.{question}")
        text = json.dumps(spec)
        value = p03.ANSWERS[question].compute()
        assert f"{float(value):.4g}" not in text and repr(float(value)) not in text


def test_why_missing_tells_an_error_from_no_answer():
    placeholder = ('raise NotImplementedError("Exercise 15.1: your solution goes here")',
                   "NotImplementedError", "Exercise 15.1: your solution goes here")
    assert why_missing("flux", [placeholder])[0] == "missing"
    broken = ("flux = steady_state_flux(K, D, donor)\nt_lag = 1", "TypeError", "missing h")
    status, sentence = why_missing("flux", [placeholder, broken])
    assert status == "error" and "TypeError" in sentence and "missing h" in sentence
    assert why_missing("t_lag", [broken])[0] == "error"
    assert why_missing("q24", [broken])[0] == "missing"


def test_a_kernel_records_cell_errors_for_the_check(tmp_path):
    """In a real kernel the check names the error of the cell that should
    have defined the variable (an IPython post_run_cell hook)."""
    import nbformat
    from kernel_start import LockedStartClient

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("from tcibook.selfcheck import check"),
        nbformat.v4.new_code_cell("flux = 1 / 0"),
        nbformat.v4.new_code_cell('check("p03.flux", "flux")\ncheck("p03.t_lag", "t_lag")'),
    ])
    LockedStartClient(nb, timeout=60, kernel_name="python3", allow_errors=True,
                      resources={"metadata": {"path": str(tmp_path)}}).execute()
    out = "".join(o.get("text", "") for o in nb.cells[2].outputs)
    assert "raised ZeroDivisionError" in out and "no answer yet" in out


def test_every_text_answer_lists_the_words_its_question_allows():
    """A student without the answers is told the allowed words; the expected
    answer must be one of them, and every all-text answer must list them
    (p13's "none"-or-a-factor answers are mixed and are exempt)."""
    from coursepack import answer_labels

    for label in answer_labels():
        rule = expected_for(label)
        expected = rule.compute()
        items = expected if isinstance(expected, tuple) else (expected,)
        if rule.choices:
            assert all(item in rule.choices for item in items), label
        elif items and all(isinstance(i, str) for i in items) and not label.startswith("p13."):
            assert label in {"p09.best_dle_studies", "p10.eu_not_covered"}, (
                f"{label}: a text answer with no choices")


@pytest.mark.parametrize("label, reordered", [
    ("p08.nnt_ci", lambda v: v[::-1]),                 # an interval: (lower, upper)
    ("p13.reduced_daily_range_mg", lambda v: v[::-1]),  # a range: (lowest, highest)
    ("p13.neoral_monitoring_days", lambda v: v[::-1]),
])
def test_intervals_keep_their_order(label, reordered):
    rule = expected_for(label)
    assert is_correct(label, rule.compute())
    assert not is_correct(label, reordered(rule.compute()))
    assert selfcheck.public_spec(label)["kind"]["length"] == 2


@pytest.mark.parametrize("label", ["p09.best_dle_studies", "p10.eu_not_covered"])
def test_sets_of_names_are_order_free_and_their_size_is_not_told(label):
    expected = expected_for(label).compute()
    assert is_correct(label, tuple(reversed(expected)))
    assert selfcheck.public_spec(label)["kind"]["length"] is None


# --- one self-check, described once and truly ----------------------------------

import re  # noqa: E402

from conftest import ROOT  # noqa: E402


def _words(text: str) -> str:
    return " ".join(text.split())


def test_verdicts_never_name_a_tolerance():
    """A verdict says right or not right: no tolerance, no percentage, for
    numbers, text and True/False alike (the tolerances are the grader's)."""
    from coursepack import answer_labels

    for label in answer_labels():
        rule = expected_for(label)
        expected = rule.compute()
        for value in (expected, None, "a word", -1e9):
            verdict = assess(value, expected, rule, "x").message.split("Revisit:")[0]
            assert "toleran" not in verdict and "%" not in verdict, (label, verdict)
    spec = {"kind": {"kind": "number"}, "range": [1e-3, 1.0], "revisit": "Fick"}
    assert "toleran" not in assess_plausible(0.2, spec).message


@pytest.mark.parametrize("value", [(), [], np.array([])])
def test_an_empty_set_is_the_wrong_kind_where_one_is_asked(value):
    """p09 asks for the studies at the strongest level found, which cannot be
    none: an empty answer is refused as the wrong kind, with or without the
    answers. p04 asks for licensed strengths "or an empty tuple if none is":
    there an empty tuple is of the right kind (and simply not right)."""
    rule = expected_for("p09.best_dle_studies")
    verdict = assess(value, rule.compute(), rule, "studies")
    assert verdict.status == "wrong-kind" and "is empty" in verdict.message
    spec = selfcheck.public_spec("p09.best_dle_studies")
    assert spec["kind"]["nonempty"] is True and spec["kind"]["length"] is None
    assert assess_plausible(value, spec, "studies").status == "wrong-kind"
    licence = expected_for("p04.protopic_16y_eu")
    assert assess(value, licence.compute(), licence).status == "wrong"
    assert selfcheck.public_spec("p04.protopic_16y_eu")["kind"]["nonempty"] is False


def test_the_self_check_is_described_in_the_same_words_everywhere():
    """Every problem-set page (and so every notebook made from it), the
    page on working the problem sets and the README say what the check
    does in the words of selfcheck.DESCRIPTION, and nowhere that it judges
    a tolerance."""
    wanted = _words(selfcheck.DESCRIPTION)
    pages = sorted((ROOT / "chapters").glob("practice-*.md"))
    assert len(pages) >= 10
    for path in pages + [ROOT / "chapters" / "practices.md", ROOT / "README.md"]:
        text = _words(re.sub(r"^> ?", "", path.read_text(encoding="utf-8"), flags=re.M))
        assert wanted in text, path.name
        assert "within tolerance" not in text, path.name


# --- hints name their sections by label ----------------------------------------

#: Problem sets whose hints are rewritten with their statements elsewhere;
#: a label they do give must still resolve.
def _plain_quotes(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


def test_every_hint_names_its_sections_by_label_and_the_labels_resolve():
    """Each answer's ``sections`` are ``(label)=`` targets of the chapters, each a
    section heading, and the hint (``revisit``) names that section's title."""
    from coursepack import answer_labels
    from exercises import targets

    known = targets()
    for label in answer_labels():
        rule = expected_for(label)
        assert rule.sections, f"{label}: the hint names no section label"
        for section in rule.sections:
            target = known.get(section)
            assert target is not None and target.kind == "section", (label, section)
            assert _plain_quotes(f"'{target.title}'") in _plain_quotes(rule.revisit), (
                label, target.title, rule.revisit)


def test_the_p04_child_hint_sends_to_how_often_and_for_how_long():
    rule = expected_for("p04.four_week_g_child")
    assert "sec-adx-how-often" in rule.sections and "'How often, and for how long'" in rule.revisit


def test_the_p01_inverse_hint_solves_for_the_concentration():
    rule = expected_for("p01.conc_90_ng_ml")
    assert "Kd theta/(1 - theta)" in rule.revisit and "ng/mL" in rule.revisit
