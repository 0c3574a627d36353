"""The interactive model explorers: their data, their HTML and their pages.

Unit tests check the precomputed grids of :mod:`tcibook.explorer_data`
against hand calculations and against the models they call, and the HTML
written by ``_ext/explorers.py``. The browser test opens every explorer in
Debian's Chromium (served from 127.0.0.1, every other host blocked), moves
each control with the keyboard, reads the inputs and numbers the page shows
and compares them with what :mod:`tcibook` computes for the same inputs.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
from docutils import nodes

from conftest import ROOT
from tcibook import binding, dosing, kinetics, permeation, units
from tcibook import explorer_data as ed
from tcibook.facts import value

import explorers  # noqa: E402

KINDS = ["occupancy", "permeation", "dosing", "pk"]


def control(data, name):
    return next(c for c in data["controls"] if c["name"] == name)


def at(data, **positions_by_value):
    """Positions (indices) of the given control values, defaults elsewhere."""
    pos = {c["name"]: c["default"] for c in data["controls"]}
    for name, v in positions_by_value.items():
        pos[name] = control(data, name)["values"].index(v)
    return pos


# --- rounding -------------------------------------------------------------------

def test_sig3_rounds_to_three_significant_digits():
    assert ed.sig3(0.714285) == 0.714
    assert ed.sig3(33.75) == 33.8
    assert ed.sig3(0.00123456) == 0.00123
    assert ed.sig3(1234.0) == 1230.0
    assert ed.sig3(0) == 0.0


# --- 1. occupancy ---------------------------------------------------------------

def test_occupancy_hand_values():
    data = ed.occupancy_explorer("calcineurin")
    # [I] = Kd = 1 nM: half occupied; with half the enzyme activated a quarter
    # stays accessible.
    pos = at(data, conc=1.0, kd=1.0, fact=0.5)
    assert explorers.select(data, "occ", pos) == 0.5
    assert explorers.select(data, "acc", pos) == 0.25
    assert control(data, "kd")["values"][control(data, "kd")["default"]] == 1.0
    data = ed.occupancy_explorer("fkbp12")
    # FK506-FKBP12 Kd (0.4 nM) at 1 nM: 1 / 1.4 = 0.714.
    pos = at(data, conc=1.0, kd=0.4)
    assert explorers.select(data, "occ", pos) == 0.714
    # 1 nM of tacrolimus (804.02 g/mol) is 0.804 ng/mL.
    assert explorers.select(data, "conc_ng", pos) == 0.804
    assert "fact" not in {c["name"] for c in data["controls"]}
    assert "acc" not in data["outputs"]


def test_occupancy_default_kd_is_the_fact_and_grid_matches_the_models():
    data = ed.occupancy_explorer()
    kd = control(data, "kd")
    assert kd["values"][kd["default"]] == value("fk506_fkbp12_kd_nm")
    conc = control(data, "conc")["values"]
    assert conc[0] == 0.001 and conc[-1] == 1000.0 and len(conc) == 37
    molar_mass = value("tacrolimus_mw_anhydrous")
    for k in kd["values"]:
        for c in conc[::5]:
            pos = at(data, conc=c, kd=k)
            assert explorers.select(data, "occ", pos) == pytest.approx(
                binding.occupancy(c, k), rel=5e-3, abs=1e-12)
            assert explorers.select(data, "conc_ng", pos) == pytest.approx(
                units.nM_to_ng_per_ml(c, molar_mass), rel=5e-3)
    data = ed.occupancy_explorer("calcineurin")
    for k in control(data, "kd")["values"]:
        for f in control(data, "fact")["values"]:
            for c in conc[::5]:
                pos = at(data, conc=c, kd=k, fact=f)
                assert explorers.select(data, "occ", pos) == pytest.approx(
                    binding.occupancy(c, k), rel=5e-3, abs=1e-12)
                assert explorers.select(data, "acc", pos) == pytest.approx(
                    kinetics.accessible_fraction(c, k, f), rel=5e-3, abs=1e-12)


def test_occupancy_options():
    data = ed.occupancy_explorer(kd_nm=7.0, concentration_nm=100.0)
    kd = control(data, "kd")
    assert kd["values"][kd["default"]] == 7.0
    conc = control(data, "conc")
    assert conc["values"][conc["default"]] == 100.0
    with pytest.raises(ValueError, match="kd_nm"):
        ed.occupancy_explorer(kd_nm=-1.0)
    with pytest.raises(ValueError, match="target"):
        ed.occupancy_explorer("cyclophilin")


# --- 2. permeation --------------------------------------------------------------

def test_permeation_hand_values():
    data = ed.permeation_explorer()
    normal = at(data, h=1.0, d=1.0)
    # J = K D C / h = 2 * 1e-7 * 1000 / 15e-4 = 0.1333 ug/(cm2 h);
    # t_lag = h^2 / (6 D) = (15e-4)^2 / 6e-7 = 3.75 h.
    assert explorers.select(data, "flux", normal) == 0.133
    assert explorers.select(data, "lag", normal) == 3.75
    assert explorers.select(data, "flux_ratio", normal) == 1.0
    thick = at(data, h=3.0, d=1.0)          # a path three times as long
    assert explorers.select(data, "flux", thick) == 0.0444
    assert explorers.select(data, "lag", thick) == 33.8
    assert explorers.select(data, "lag_ratio", thick) == 9.0
    fast = at(data, h=1.0, d=4.0)           # D four times larger
    assert explorers.select(data, "flux_ratio", fast) == 4.0
    assert explorers.select(data, "lag_ratio", fast) == 0.25


def test_permeation_presets_are_the_books_skin_states():
    data = ed.permeation_explorer()
    presets = {p["label"]: p["positions"] for p in data["presets"]}
    assert set(presets) == set(permeation.BARRIER_SCENARIOS)
    names, flux_ratio, lag_ratio = permeation.barrier_relative_changes()
    for name, f, lag in zip(names, flux_ratio, lag_ratio):
        assert explorers.select(data, "flux_ratio", presets[name]) == pytest.approx(f, rel=5e-3)
        assert explorers.select(data, "lag_ratio", presets[name]) == pytest.approx(lag, rel=5e-3)


def test_permeation_curves_match_the_model():
    data = ed.permeation_explorer()
    times = data["plot"]["x"]
    for h in control(data, "h")["values"][::2]:
        for d in control(data, "d")["values"][::2]:
            pos = at(data, h=h, d=d)
            k, dd, hh = permeation.scale_barrier(
                permeation.ILLUSTRATIVE_PARTITION, permeation.ILLUSTRATIVE_DIFFUSIVITY_CM2_H,
                permeation.ILLUSTRATIVE_THICKNESS_CM,
                permeation.BarrierChange(thickness=h, diffusivity=d))
            expected = permeation.cumulative_permeated(
                times, k, dd, permeation.ILLUSTRATIVE_DONOR_UG_CM3, hh)
            got = explorers.select(data, "curve", pos)
            assert got == pytest.approx(expected.tolist(), rel=5e-3, abs=1e-9)
    with pytest.raises(ValueError, match="name"):
        ed.permeation_explorer("sunburnt")


# --- 3. dosing ------------------------------------------------------------------

def sites_pos(data, chosen, **others):
    names = [c["label"] for c in data["controls"] if c["type"] == "checkbox"]
    pos = at(data, **others)
    for i, c in enumerate(c for c in data["controls"] if c["type"] == "checkbox"):
        pos[c["name"]] = int(names[i] in chosen)
    return pos


def test_dosing_hand_values():
    data = ed.dosing_explorer()
    # Face and neck (2.5 FTU) and both hands (2 x 1.2 FTU) = 4.9 FTU; an adult
    # man's FTU weighs 0.5 g: 2.45 g; twice daily for 7 days: 34.3 g, which
    # needs 2 tubes of 30 g or 1 of 60 g.
    pos = sites_pos(data, {"face and neck", "both hands"}, w=0.5, f=2, days=7, tube=30)
    assert explorers.select(data, "ftu", pos) == 4.9
    assert explorers.select(data, "g_app", pos) == 2.45
    assert explorers.select(data, "g_course", pos) == 34.3
    assert explorers.select(data, "tubes", pos) == 2
    pos["tube"] = control(data, "tube")["values"].index(60)
    assert explorers.select(data, "tubes", pos) == 1
    nothing = sites_pos(data, set())
    assert explorers.select(data, "ftu", nothing) == 0
    assert explorers.select(data, "tubes", nothing) == 0


def test_dosing_grid_matches_the_models():
    data = ed.dosing_explorer()
    checks = [c for c in data["controls"] if c["type"] == "checkbox"]
    sites = [str(s) for s in dosing.ADULT_FTU_PER_SITE]
    pairs = {"arm and forearm", "hand", "leg and thigh", "foot"}
    for mask in range(0, 2 ** len(checks), 9):
        for w in control(data, "w")["values"]:
            for days in control(data, "days")["values"]:
                pos = at(data, w=w, f=2, days=days, tube=30)
                counts = {}
                for i, c in enumerate(checks):
                    pos[c["name"]] = (mask >> i) & 1
                    counts[sites[i]] = pos[c["name"]] * (2 if sites[i] in pairs else 1)
                ftu = dosing.fingertip_units(counts)
                grams = dosing.amount_needed_g(dosing.grams_per_application(ftu, w), 2, days)
                assert explorers.select(data, "ftu", pos) == pytest.approx(ftu, rel=5e-3)
                assert explorers.select(data, "g_course", pos) == pytest.approx(grams, rel=5e-3)
                assert explorers.select(data, "tubes", pos) == dosing.tubes_needed(grams, 30)
    with pytest.raises(ValueError, match="sites"):
        ed.dosing_explorer(sites=("elbow",))


# --- 4. concentration-time course ----------------------------------------------

@pytest.fixture(scope="module")
def pk_data():
    return ed.pk_explorer()


def hand_trough(m, dose, tau, clearance_fold=1.0):
    """Steady-state trough of the one-compartment oral model, by hand:
    C = F D ka / (V (ka - k)) [e^(-k s)/(1 - e^(-k tau)) - e^(-ka s)/(1 - e^(-ka tau))],
    s = tau - lag, k = CL/V, times 1000 for ng/mL."""
    f, v, ka, lag = m.bioavailability, m.v_l, m.ka_per_h, m.lag_h
    k = clearance_fold * m.cl_l_h / m.v_l
    s = tau - lag
    return 1000 * f * dose * ka / (v * (ka - k)) * (
        math.exp(-k * s) / (1 - math.exp(-k * tau))
        - math.exp(-ka * s) / (1 - math.exp(-ka * tau)))


def test_pk_trough_without_interaction_is_the_hand_steady_state(pk_data):
    """Long after the first dose, the trough before a dose is the steady-state one."""
    from tcibook import poppk

    m = poppk.review_one_compartment()
    for dose in control(pk_data, "dose")["values"]:
        for tau in control(pk_data, "tau")["values"]:
            hand = hand_trough(m, dose, tau)
            pos = at(pk_data, dose=dose, tau=tau, drug=0)
            assert explorers.select(pk_data, "trough_end", pos) == pytest.approx(hand, rel=5e-3)
            assert explorers.select(pk_data, "trough_ratio", pos) == pytest.approx(
                hand / explorers.select(pk_data, "trough_start", pos), rel=1e-2)


def test_pk_interactions_move_the_trough_towards_the_new_steady_state(pk_data):
    from tcibook import pk, poppk

    m = poppk.review_one_compartment()
    for dose in control(pk_data, "dose")["values"]:
        none, inhibitor, inducer = (explorers.select(
            pk_data, "trough_end", at(pk_data, dose=dose, tau=12.0, drug=d)) for d in range(3))
        # the inhibitor acts at once: 156 h after it starts, the trough is
        # within about 1 % of the steady state with the lowered clearance
        assert inhibitor == pytest.approx(
            hand_trough(m, dose, 12.0, pk.ILLUSTRATIVE_INHIBITOR_FOLD), rel=2.5e-2)
        # the inducer is still building up: between the old and the new steady state
        assert hand_trough(m, dose, 12.0, pk.ILLUSTRATIVE_INDUCER_FOLD) < inducer < none
        start = explorers.select(pk_data, "start_h")
        curve = explorers.select(pk_data, "curve", at(pk_data, dose=dose, tau=12.0, drug=1))
        before = [c for t, c in zip(pk_data["plot"]["x"], curve) if t < start]
        reference = explorers.select(pk_data, "curve", at(pk_data, dose=dose, tau=12.0, drug=0))
        assert before == reference[:len(before)]


def test_pk_curves_match_the_engine(pk_data):
    from tcibook import pk, poppk

    m = poppk.review_one_compartment()
    times = np.array(pk_data["plot"]["x"])
    for dose in (2.0, 6.0):
        d = pk.repeated_doses(dose, 24.0, 10)
        expected = pk.concentration(m, d, times)        # closed form, no interaction
        got = explorers.select(pk_data, "curve", at(pk_data, dose=dose, tau=24.0, drug=0))
        assert got == pytest.approx(expected.tolist(), rel=5e-3, abs=1e-9)


# --- sizes and HTML -------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_each_explorer_is_small_and_renders_accessible_html(kind):
    data = ed.EXPLORERS[kind]()
    island = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
    assert len(island) < 25_000, len(island)
    html = explorers.render_html(f"explorer-{kind}", data, "A caption.")
    for c in data["controls"]:
        if c["type"] == "range":
            cid = f'explorer-{kind}-{c["name"]}'
            assert f'<label for="{cid}">' in html and f'id="{cid}"' in html
            assert f'aria-valuetext="{c["texts"][c["default"]]}"' in html
    assert 'aria-live="polite"' in html and "A caption." in html
    embedded = re.search(r'<script type="application/json" class="tci-explorer-data">(.*?)'
                         r'</script>', html, re.S).group(1)
    assert json.loads(embedded) == json.loads(json.dumps(data))
    # the readout is filled in for the initial positions, without script
    for name in re.findall(r"\{([a-z0-9_]+)\}", data["readout"]):
        shown = explorers.fmt(explorers.select(data, name))
        assert f'<span data-out="{name}">{shown}</span>' in html


def test_json_island_cannot_close_its_script_element():
    data = {"kind": "x", "title": "t", "controls": [], "outputs": {},
            "readout": "", "plot": {}, "note": "</script><b>"}
    html = explorers.render_html("e", data)
    assert html.count("</script>") == 1 and "<\\/script>" in html


def test_latex_and_text_builds_write_nothing():
    with pytest.raises(nodes.SkipNode):
        explorers.skip(None, explorers.explorer())


def test_static_files_are_small_and_need_no_network():
    js = (ROOT / "_static" / "explorer.js").read_text()
    css = (ROOT / "_static" / "explorer.css").read_text()
    assert len(js.encode()) < 10_000 and len(css.encode()) < 4_000
    for text in (js, css):
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text)
        assert "fa-" not in text          # sitediet would read it as an icon name


# --- the pages, in a browser ----------------------------------------------------

@pytest.fixture(scope="module")
def explorer_pages(site_dir):
    """``{kind: [(site folder, page path), ...]}``: the pages of the built
    site that hold each explorer (every kind is on at least one page)."""
    found = {kind: [] for kind in KINDS}
    site = Path(site_dir)
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8", errors="ignore")
        for kind in KINDS:
            if f'data-explorer="{kind}"' in text:
                found[kind].append((site, str(page.relative_to(site))))
    assert all(found.values()), {k: v for k, v in found.items() if not v}
    return found


def first_number(text):
    return float(re.search(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text.replace("×", "")).group(0))


def shown_state(fig):
    """What the explorer shows: its inputs as text and its numbers."""
    inputs = fig.evaluate("""f => {
        const out = {};
        f.querySelectorAll('[data-control]').forEach(i => {
            const c = i.dataset.control;
            if (i.type === 'range') out[c] = i.getAttribute('aria-valuetext');
            else if (i.type === 'checkbox') out[c] = i.checked;
            else if (i.checked) out[c] = i.parentElement.textContent.trim();
        });
        return out; }""")
    numbers = fig.evaluate("""f => Object.fromEntries([...f.querySelectorAll('[data-out]')]
        .map(s => [s.dataset.out, s.textContent]))""")
    labels = fig.evaluate("""f => Object.fromEntries([...f.querySelectorAll('[data-control]')]
        .filter(i => i.type === 'checkbox')
        .map(i => [i.dataset.control, i.parentElement.textContent.trim()]))""")
    legends = fig.evaluate("""f => Object.fromEntries([...f.querySelectorAll('fieldset')]
        .map(s => [s.querySelector('[data-control]').dataset.control,
                   s.querySelector('legend').textContent]))""")
    return inputs, {k: float(v) for k, v in numbers.items()}, labels, legends


def expected_pk(inputs, legends):
    from tcibook import pk, poppk

    dose, tau = first_number(inputs["dose"]), first_number(inputs["tau"])
    start = (first_number(legends["drug"]) - 1) * 24.0      # "From day 4": 72 h
    drug = inputs["drug"]
    change = (pk.ClearanceChange(pk.ILLUSTRATIVE_INHIBITOR_FOLD, start) if "inhibitor" in drug
              else pk.ClearanceChange(pk.ILLUSTRATIVE_INDUCER_FOLD, start,
                                      turnover_half_life_h=pk.ILLUSTRATIVE_ENZYME_TURNOVER_H)
              if "inducer" in drug else None)
    model = poppk.review_one_compartment()
    end = 240.0                                         # ten days, as the axis shows
    doses = pk.repeated_doses(dose, tau, int(end / tau))
    last = end - tau
    fine = np.linspace(last, end, int(tau / 0.01) + 1)
    trough_start = pk.concentration_ode(model, doses, start - 1e-6)
    trough_end = pk.concentration_ode(model, doses, last - 1e-6, change)
    peak = pk.peak(fine, pk.concentration_ode(model, doses, fine, change))[0]
    return {"trough_start": trough_start, "trough_end": trough_end,
            "trough_ratio": trough_end / trough_start, "peak_end": peak}


def expected_numbers(kind, inputs, labels, legends=None):
    """What tcibook computes for the inputs the page shows."""
    if kind == "occupancy":
        c, kd = first_number(inputs["conc"]), first_number(inputs["kd"])
        out = {"conc": c, "occ": binding.occupancy(c, kd),
               "conc_ng": units.nM_to_ng_per_ml(c, value("tacrolimus_mw_anhydrous"))}
        if "fact" in inputs:
            out["acc"] = kinetics.accessible_fraction(c, kd, first_number(inputs["fact"]) / 100)
        return out
    if kind == "permeation":
        change = permeation.BarrierChange(thickness=first_number(inputs["h"]),
                                          diffusivity=first_number(inputs["d"]))
        base = (permeation.ILLUSTRATIVE_PARTITION, permeation.ILLUSTRATIVE_DIFFUSIVITY_CM2_H,
                permeation.ILLUSTRATIVE_THICKNESS_CM)
        donor = permeation.ILLUSTRATIVE_DONOR_UG_CM3
        k, d, h = permeation.scale_barrier(*base, change)
        flux = permeation.steady_state_flux(k, d, donor, h)
        lag = permeation.lag_time(h, d)
        return {"flux": flux, "lag": lag,
                "flux_ratio": flux / permeation.steady_state_flux(base[0], base[1], donor, base[2]),
                "lag_ratio": lag / permeation.lag_time(base[2], base[1]),
                "q24": permeation.cumulative_permeated(24.0, k, d, donor, h)}
    if kind == "pk":
        return expected_pk(inputs, legends)
    counts = {}
    for name, label in labels.items():
        site = label.removeprefix("both ").replace("arms and forearms", "arm and forearm")
        site = {"hands": "hand", "legs and thighs": "leg and thigh", "feet": "foot"}.get(site, site)
        counts[site] = int(inputs[name]) * (2 if label.startswith("both ") else 1)
    grams_per_ftu = first_number(inputs["w"].split("(")[1])
    per_day = 1 if inputs["f"].startswith("once") else 2
    days, tube = first_number(inputs["days"]), first_number(inputs["tube"])
    ftu = dosing.fingertip_units(counts)
    g_app = dosing.grams_per_application(ftu, grams_per_ftu)
    g_course = dosing.amount_needed_g(g_app, per_day, days)
    return {"ftu": ftu, "g_app": g_app, "g_course": g_course,
            "tubes": dosing.tubes_needed(g_course, tube), "tube_g": tube}


def compare(kind, fig, what):
    inputs, shown, labels, legends = shown_state(fig)
    expected = expected_numbers(kind, inputs, labels, legends)
    for name, number in shown.items():
        assert number == pytest.approx(expected[name], rel=6e-3, abs=1e-12), (
            kind, what, name, inputs, shown)
    return inputs


KEYS = {"range": ["ArrowRight", "ArrowRight", "End", "ArrowLeft", "Home", "PageUp"],
        "checkbox": ["Space", "Space", "Space"],
        "radio": ["ArrowDown", "ArrowDown", "ArrowUp"]}


@pytest.mark.build
@pytest.mark.parametrize("kind", KINDS)
def test_each_control_moved_by_keyboard_shows_what_tcibook_computes(
        kind, explorer_pages, browser):
    from page_weight import serve
    from test_site_browser import open_page

    for folder, path in explorer_pages[kind]:
        server, base = serve(folder)
        visit = open_page(browser, base, path)
        try:
            figures = visit.page.query_selector_all(f'figure[data-explorer="{kind}"]')
            assert figures, path
            for fig in figures:
                move_every_control(kind, visit.page, fig)
            assert visit.console_errors == [] and visit.blocked == [] and visit.failed == []
        finally:
            visit.page.close()
            server.shutdown()


def move_every_control(kind, page, fig):
    """Move each control with the keyboard; after every key the numbers shown
    are compared with tcibook's. (explorer.js updates the readout in the
    key's own input event, so it is read right after the key.)"""
    # The script draws once the page has loaded: wait until it has.
    page.wait_for_function("f => f.querySelector('svg.tci-plot').childElementCount > 0",
                           arg=fig, timeout=15_000)
    compare(kind, fig, "initial")
    data = json.loads(fig.evaluate(
        "f => f.querySelector('script.tci-explorer-data').textContent"))
    moved = set()
    for c in data["controls"]:
        sel = f'[data-control="{c["name"]}"]'
        handle = fig.query_selector(sel + ":checked") or fig.query_selector(sel)
        handle.focus()
        for key in KEYS[c["type"]]:
            before = shown_state(fig)[0][c["name"]]
            page.keyboard.press(key)
            after = compare(kind, fig, f"{c['name']} {key}")[c["name"]]
            if after != before:
                moved.add(c["name"])
        if c["type"] == "range":
            aria = fig.query_selector(sel).get_attribute("aria-valuetext")
            assert aria in c["texts"]
    assert moved == {c["name"] for c in data["controls"]}
    for button in fig.query_selector_all("[data-preset]"):
        button.focus()
        page.keyboard.press("Enter")
        compare(kind, fig, f"preset {button.inner_text()}")


@pytest.mark.build
def test_only_pages_with_an_explorer_load_its_script(explorer_pages):
    folders = {folder for pages in explorer_pages.values() for folder, _ in pages}
    for folder in folders:
        for page in folder.rglob("*.html"):
            text = page.read_text(encoding="utf-8", errors="ignore")
            has = "data-explorer=" in text
            assert ("explorer.js" in text) == has, page
            assert ("explorer.css" in text) == has, page
