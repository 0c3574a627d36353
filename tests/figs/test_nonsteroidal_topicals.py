"""The two figures of the non-steroidal topicals chapter: what they claim."""

from matplotlib.figure import Figure

from figs import nonsteroidal_targets as targets
from figs import nonsteroidal_trials as trials
from tcibook.nonsteroidal import TOPICALS, Target, pivotal_trials


def test_every_drug_is_drawn_once_on_the_node_of_its_target():
    fig = targets.draw()
    assert isinstance(fig, Figure)
    texts = [t.get_text() for t in fig.axes[0].texts]
    for topical in TOPICALS:
        holders = [t for t in texts if topical.drug in t.split("\n")]
        assert len(holders) == 1, topical.drug
    assert set(targets.TARGET_NODE) == set(Target)
    for target, node in targets.TARGET_NODE.items():
        assert node in targets.NODES
        assert targets.drugs_on(target)


def test_only_the_aryl_hydrocarbon_receptor_is_activated():
    assert targets.ACTIVATED == {Target.AHR}
    assert targets.drugs_on(Target.AHR) == ("tapinarof",)
    assert targets.drugs_on(Target.CALCINEURIN) == ("tacrolimus", "pimecrolimus")


def test_every_route_ends_at_the_genes():
    sources = {s for s, _ in targets.EDGES}
    ends = [s for s, t in targets.EDGES if t == "genes"]
    assert sorted(ends) == sorted(["nfat", "stat", "pka", "arnt"])
    assert "genes" not in sources


def test_trial_rows_draw_vehicle_and_drug_from_the_trial_table():
    ax = trials.draw().axes[0]
    rows = pivotal_trials()
    lines = ax.get_lines()
    segments, vehicles, drugs = lines[0::3], lines[1::3], lines[2::3]
    assert len(segments) == len(rows)
    for t, seg, veh, drug in zip(rows, segments, vehicles, drugs):
        assert list(seg.get_xdata()) == [t.vehicle_pct, t.treated_pct]
        assert list(veh.get_xdata()) == [t.vehicle_pct]
        assert veh.get_markerfacecolor() == "white"
        assert list(drug.get_xdata()) == [t.treated_pct]
    labels = [t.get_text() for t in ax.texts]
    assert "+7.4 pts, NNT 13.5" in labels                # AD-301 by hand
    assert any(lab.startswith("+10.0 pts, NNT 10.0 (6.1") for lab in labels)
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[-1].startswith("AD-301") and ticks[0].startswith("DELTA 2")
