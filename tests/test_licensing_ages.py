from matplotlib.figure import Figure

from figs import licensing_ages, save_cli


def test_licensing_bars_start_at_each_rules_minimum_age():
    fig = licensing_ages.draw()
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    table = licensing_ages.rows()
    bars = ax.patches
    assert len(bars) == len(table)
    # Minimum ages typed from the labels: US 2/16/2, EU 2/16, UK 2/16, UK and
    # Canada Elidel 3 months = 0.25 years; None marks "no rule in the labels
    # cited".
    expected = [2, 16, 2, 2, 16, None, 2, 16, 0.25, None, 0.25]
    assert [None if r is None else r.min_age_years for _, r in table] == expected
    for bar, age in zip(bars, expected):
        if age is None:
            assert bar.get_x() == 0 and bar.get_hatch() == "//"
        else:
            assert bar.get_x() == age
            assert bar.get_x() + bar.get_width() == licensing_ages.AGE_AXIS_END
    gaps = [t for t in ax.texts if t.get_text() == "no rule in the labels cited"]
    assert len(gaps) == 2


def test_licensing_rows_name_region_and_product():
    labels = [label for label, _ in licensing_ages.rows()]
    assert labels[0] == "US \u00b7 Protopic 0.03 %"
    assert "EU \u00b7 Elidel" in labels and "Canada \u00b7 Elidel 1 %" in labels


def test_licensing_script_writes_a_file(tmp_path):
    out = tmp_path / "lic.png"
    save_cli(licensing_ages.draw, [str(out)])
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
