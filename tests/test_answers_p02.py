"""Problem set 2: the lab report printed in the chapter is the answers module's data."""

import jupytext
import numpy as np
import pytest

from conftest import ROOT
from tcibook.answers import p02
from tcibook.kinetics import fit_michaelis_menten
from tcibook.selfcheck import expected_for

CHAPTER = ROOT / "chapters" / "practice-02-inhibition-data.md"


@pytest.fixture(scope="module")
def given():
    """Run the chapter's given-data cell and return the names it defines."""
    nb = jupytext.read(CHAPTER)
    cell = next(c for c in nb.cells
                if c.cell_type == "code" and c.source.startswith("# Given data"))
    namespace = {"np": np}
    exec(cell.source, namespace)
    return namespace


@pytest.mark.parametrize("compound", ["a", "b"])
def test_chapter_data_are_the_answers_data(given, compound):
    assay = p02.ASSAYS[compound]
    np.testing.assert_array_equal(given["substrate_uM"], assay.substrate_uM)
    np.testing.assert_array_equal(given[f"rates_ctrl_{compound}"], assay.rates_control)
    np.testing.assert_array_equal(given[f"rates_{compound}"], assay.rates_inhibited)
    assert given[f"inhibitor_{compound}_nM"] == assay.inhibitor_nM


def test_one_compound_of_each_mechanism():
    assert sorted(a.mode for a in p02.ASSAYS.values()) == ["competitive", "noncompetitive"]


def test_ki_answers_follow_the_rate_laws():
    # A (non-competitive): Ki = [I] / (Vmax/Vmax_app - 1); B (competitive): Ki = [I] / (Km_app/Km - 1)
    a, b = p02.ASSAYS["a"], p02.ASSAYS["b"]
    fa0, fa1 = (fit_michaelis_menten(a.substrate_uM, r) for r in (a.rates_control, a.rates_inhibited))
    fb0, fb1 = (fit_michaelis_menten(b.substrate_uM, r) for r in (b.rates_control, b.rates_inhibited))
    assert expected_for("p02.ki_a").compute() == pytest.approx(2.0 / (fa0.vmax / fa1.vmax - 1))
    assert expected_for("p02.ki_b").compute() == pytest.approx(4.0 / (fb1.km_uM / fb0.km_uM - 1))
    # both are near the illustrative Ki of 1 nM used to simulate the data
    assert expected_for("p02.ki_a").compute() == pytest.approx(1.0, rel=0.2)
    assert expected_for("p02.ki_b").compute() == pytest.approx(1.0, rel=0.2)
