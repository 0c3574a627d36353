"""Precomputed grids for the book's interactive model explorers.

Each function here returns a plain, JSON-able dict that the Sphinx extension
``_ext/explorers.py`` embeds in a page, where ``_static/explorer.js`` lets a
reader move sliders and tick boxes. The script only *selects* precomputed
numbers and draws them: every number comes from the models of this package,
called here at build time, so that :mod:`tcibook` stays the only
implementation of each model.

The dict has one layout for every explorer:

``controls``
    list of inputs, each ``{"name", "label", "type", "values", "texts",
    "default"}``: ``type`` is ``"range"`` (a slider over the positions
    ``values``), ``"checkbox"`` (values ``[0, 1]``) or ``"radio"``;
    ``texts`` are the values as a reader reads them (also the slider's
    ``aria-valuetext``); ``default`` is the index shown first.
``outputs``
    ``{name: {"dims": [control names], "values": [...]}}``: the value of an
    output for the current inputs is ``values[i]`` with ``i`` the row-major
    index of the current positions of the controls named in ``dims``
    (``dims == []``: one value). A value is a number or a list (a curve);
    with ``"along": name`` each value is a list over the positions of that
    control, and the output's current value is the element at its position.
``readout``
    a sentence with ``{output}`` placeholders, shown as text and announced
    to screen readers when it changes.
``plot``
    what to draw (axes, curves, markers), read by the script.

Numbers are rounded to three significant digits (:func:`sig3`), the
precision the readout shows; curves use the same rounding. Every model value
is for teaching, not for a patient.

Explained in ``immunophilin-complex``, ``allosteric-occlusion``,
``topical-pharmacokinetics``, ``exposure-over-time``, ``practice-04``;
practised in no problem set (chapters/).
"""

from __future__ import annotations

import itertools
import math
from enum import StrEnum

import numpy as np

from . import binding, dosing, kinetics, permeation, units
from .facts import value
from .validation import check_choice, check_positive

__all__ = ["sig3", "Target", "occupancy_explorer", "permeation_explorer",
           "dosing_explorer", "pk_explorer", "EXPLORERS"]


def sig3(x):
    """``x`` rounded to three significant digits, as a plain float.

    >>> sig3(0.123456), sig3(1234.5), sig3(0.0)
    (0.123, 1230.0, 0.0)
    """
    return float(f"{float(x):.3g}")


def _text(x, unit=""):
    """A number as the readout prints it (three significant digits)."""
    s = f"{sig3(x):g}"
    return f"{s} {unit}".strip()


def _control(name, label, values, texts, default, kind="range"):
    values = [float(v) if kind == "range" else v for v in values]
    if not 0 <= default < len(values):
        raise ValueError(f"default of control {name!r} must be an index in "
                         f"[0, {len(values) - 1}]; got {default}")
    return {"name": name, "label": label, "type": kind, "values": values,
            "texts": list(texts), "default": int(default)}


def _grid(controls, dims, fn):
    """``fn`` over every combination of the positions of ``dims`` (row-major).

    ``fn`` receives a dict mapping each control name in ``dims`` to its value
    at that position.
    """
    by_name = {c["name"]: c for c in controls}
    axes = [by_name[d]["values"] for d in dims]
    return [fn(dict(zip(dims, combo))) for combo in itertools.product(*axes)]


def _output(controls, dims, fn, along=None):
    out = {"dims": list(dims), "values": _grid(controls, dims, fn)}
    if along is not None:
        out["along"] = along
    return out


def _nearest(values, x):
    return int(np.argmin(np.abs(np.log(np.asarray(values)) - math.log(x))))


# --- 1. Occupancy and accessible enzyme -------------------------------------

#: Free ligand concentrations of the occupancy explorer, nmol/L: six steps a
#: decade from 0.001 to 1000 (rounded to three digits before use).
OCCUPANCY_CONC_NM = [sig3(10 ** (k / 6)) for k in range(-18, 19)]
#: Dissociation constants offered, nmol/L (the chosen default is added).
OCCUPANCY_KD_NM = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0]
#: Fractions of calcineurin activated by calcium–calmodulin.
OCCUPANCY_ACTIVATED = [0.25, 0.5, 0.75, 1.0]


def _decade_ticks(low_exp, high_exp):
    return [[10.0 ** e, f"{10.0 ** e:g}"] for e in range(low_exp, high_exp + 1)]


class Target(StrEnum):
    """What the occupancy explorer's ligand binds."""

    #: Free tacrolimus binding FKBP12 (the cell-free K_d of the book's facts).
    FKBP12 = "fkbp12"
    #: The drug–FKBP12 complex binding calcineurin (illustrative K_d), with
    #: the fraction of calcineurin left accessible to NFAT.
    CALCINEURIN = "calcineurin"


def occupancy_explorer(target=Target.FKBP12, kd_nm=None, concentration_nm=1.0):
    """Occupancy (and accessible calcineurin) against concentration and K_d.

    Occupancy is :func:`tcibook.binding.occupancy` for each concentration of
    :data:`OCCUPANCY_CONC_NM` and each K_d of :data:`OCCUPANCY_KD_NM`.

    * ``target="fkbp12"``: the ligand is free tacrolimus, the default K_d the
      cell-free K_d of FK506 for FKBP12 (fact ``fk506_fkbp12_kd_nm``), and
      the readout also gives the concentration in ng/mL of anhydrous
      tacrolimus (:func:`tcibook.units.nM_to_ng_per_ml`).
    * ``target="calcineurin"``: the ligand is the drug–FKBP12 complex, the
      default K_d the illustrative one of :data:`tcibook.kinetics.ILLUSTRATIVE`,
      and a third slider sets the activated fraction of calcineurin
      (:data:`OCCUPANCY_ACTIVATED`) for the accessible fraction,
      :func:`tcibook.kinetics.accessible_fraction`.

    Parameters
    ----------
    target : Target or str
        ``"fkbp12"`` or ``"calcineurin"``.
    kd_nm : float, optional
        K_d shown first, nmol/L, > 0; added to the grid.
    concentration_nm : float
        Concentration shown first, nmol/L, > 0; the nearest grid point is used.

    Returns
    -------
    dict
        See the module docstring.
    """
    target = check_choice("target", target, Target)
    calcineurin = target is Target.CALCINEURIN
    default_kd = kinetics.ILLUSTRATIVE.ki_nM if calcineurin else value("fk506_fkbp12_kd_nm")
    kd0 = sig3(check_positive("kd_nm", default_kd if kd_nm is None else kd_nm, "nM"))
    c0 = check_positive("concentration_nm", concentration_nm, "nM")
    kds = sorted(set(OCCUPANCY_KD_NM) | {kd0})
    conc = OCCUPANCY_CONC_NM
    if calcineurin:
        ligand, site = "Free drug–FKBP12 complex [I]", "calcineurin"
        kd_label = "Kd of the complex for calcineurin (illustrative)"
    else:
        ligand, site = "Free tacrolimus [L]", "FKBP12"
        kd_label = "Kd of tacrolimus for FKBP12"
    controls = [
        _control("conc", ligand, conc, [_text(c, "nmol/L") for c in conc],
                 _nearest(conc, c0)),
        _control("kd", kd_label, kds, [_text(k, "nmol/L") for k in kds], kds.index(kd0)),
    ]
    if calcineurin:
        controls.append(_control(
            "fact", "Fraction of calcineurin activated", OCCUPANCY_ACTIVATED,
            [f"{round(f * 100):d} %" for f in OCCUPANCY_ACTIVATED],
            len(OCCUPANCY_ACTIVATED) - 1))
    conc_arr = np.array(conc)

    def occ_curve(v):
        return [sig3(x) for x in binding.occupancy(conc_arr, v["kd"])]

    def acc_curve(v):
        return [sig3(x) for x in
                kinetics.accessible_fraction(conc_arr, v["kd"], v["fact"])]

    # Curves along the concentration slider: the readout takes the element at
    # the slider's position, the plot the whole curve.
    outputs = {
        "conc": _output(controls, ["conc"], lambda v: v["conc"]),
        "occ": _output(controls, ["kd"], occ_curve, along="conc"),
    }
    series = [{"out": "occ", "label": f"{site} occupied", "style": 1}]
    markers = [{"x": "conc", "y": "occ", "style": 1}]
    if calcineurin:
        outputs["acc"] = _output(controls, ["kd", "fact"], acc_curve, along="conc")
        series.append({"out": "acc", "label": "accessible to NFAT", "style": 2})
        markers.append({"x": "conc", "y": "acc", "style": 2})
        readout = ("At [I] = {conc} nmol/L the complex occupies a fraction {occ} "
                   "of calcineurin; a fraction {acc} stays accessible to NFAT.")
        note = ("Model values from tcibook.binding.occupancy and "
                "tcibook.kinetics.accessible_fraction, with an illustrative Kd; "
                "not a prediction for a patient.")
        title = "Occupancy and accessible calcineurin"
    else:
        molar_mass = value("tacrolimus_mw_anhydrous")
        outputs["conc_ng"] = _output(controls, ["conc"], lambda v: sig3(
            units.nM_to_ng_per_ml(v["conc"], molar_mass)))
        readout = ("At {conc} nmol/L ({conc_ng} ng/mL) of free tacrolimus, a "
                   "fraction {occ} of FKBP12 is occupied.")
        note = ("Model values from tcibook.binding.occupancy; the free "
                "concentration, not a blood level.")
        title = "Occupancy of FKBP12 by tacrolimus"
    return {
        "kind": "occupancy",
        "title": title,
        "controls": controls,
        "outputs": outputs,
        "readout": readout,
        "plot": {
            "x": conc, "xlog": True, "ymin": 0.0, "ymax": 1.0,
            "xlabel": f"{ligand.split(' [')[0]} (nmol/L, log scale)",
            "ylabel": "Fraction",
            "xticks": _decade_ticks(-3, 3),
            "yticks": [[0.0, "0"], [0.25, "0.25"], [0.5, "0.5"], [0.75, "0.75"],
                       [1.0, "1"]],
            "series": series,
            "markers": markers,
        },
        "note": note,
    }


# --- 2. Flux and lag time against barrier state -----------------------------

#: Multipliers of the stratum corneum thickness h offered by the explorer.
PERMEATION_THICKNESS = [0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0]
#: Multipliers of the diffusion coefficient D offered by the explorer.
PERMEATION_DIFFUSIVITY = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0]
#: Times at which the cumulative amount permeated is drawn, h.
PERMEATION_TIMES_H = [float(t) for t in [*range(0, 12), *range(12, 49, 2)]]


def permeation_explorer(scenario="normal"):
    """Flux, lag time and amount permeated against the state of the barrier.

    For every thickness multiplier (:data:`PERMEATION_THICKNESS`, plus the
    multipliers of :data:`tcibook.permeation.BARRIER_SCENARIOS`) and every
    diffusivity multiplier (:data:`PERMEATION_DIFFUSIVITY`, likewise), the
    illustrative membrane of :mod:`tcibook.permeation` is changed with
    :func:`~tcibook.permeation.scale_barrier`; flux is
    :func:`~tcibook.permeation.steady_state_flux`, lag time
    :func:`~tcibook.permeation.lag_time`, and the curve
    :func:`~tcibook.permeation.cumulative_permeated` at
    :data:`PERMEATION_TIMES_H`. Named skin states that change only ``h`` and
    ``D`` become preset buttons.

    Parameters
    ----------
    scenario : str
        Skin state shown first, a key of ``BARRIER_SCENARIOS``.

    Returns
    -------
    dict
        See the module docstring; ``presets`` maps each state to the slider
        positions that show it.
    """
    permeation.barrier_scenario(scenario)                 # validates the name
    states = {n: c for n, c in permeation.BARRIER_SCENARIOS.items()
              if c.partition == 1.0}
    thick = sorted(set(PERMEATION_THICKNESS) | {c.thickness for c in states.values()})
    diff = sorted(set(PERMEATION_DIFFUSIVITY) | {c.diffusivity for c in states.values()})
    start = permeation.BARRIER_SCENARIOS[scenario]
    k0 = permeation.ILLUSTRATIVE_PARTITION
    d0 = permeation.ILLUSTRATIVE_DIFFUSIVITY_CM2_H
    h0 = permeation.ILLUSTRATIVE_THICKNESS_CM
    donor = permeation.ILLUSTRATIVE_DONOR_UG_CM3
    times = np.array(PERMEATION_TIMES_H)

    def fold(x):
        return f"×{x:g}"

    controls = [
        _control("h", "Stratum corneum thickness h (× normal)", thick,
                 [f"{fold(x)} ({_text(x * h0 * 1e4, 'µm')})" for x in thick],
                 thick.index(start.thickness if scenario in states else 1.0)),
        _control("d", "Diffusion coefficient D (× normal)", diff,
                 [fold(x) for x in diff],
                 diff.index(start.diffusivity if scenario in states else 1.0)),
    ]

    def params(v):
        change = permeation.BarrierChange(thickness=v["h"], diffusivity=v["d"])
        return permeation.scale_barrier(k0, d0, h0, change)

    def flux(v):
        k, d, h = params(v)
        return permeation.steady_state_flux(k, d, donor, h)

    def lag(v):
        k, d, h = params(v)
        return permeation.lag_time(h, d)

    def curve(v):
        k, d, h = params(v)
        return [sig3(q) for q in permeation.cumulative_permeated(times, k, d, donor, h)]

    def q24(v):
        k, d, h = params(v)
        return permeation.cumulative_permeated(24.0, k, d, donor, h)

    normal = {"h": 1.0, "d": 1.0}
    outputs = {
        "flux": _output(controls, ["h", "d"], lambda v: sig3(flux(v))),
        "lag": _output(controls, ["h", "d"], lambda v: sig3(lag(v))),
        "flux_ratio": _output(controls, ["h", "d"],
                              lambda v: sig3(flux(v) / flux(normal))),
        "lag_ratio": _output(controls, ["h", "d"],
                             lambda v: sig3(lag(v) / lag(normal))),
        "q24": _output(controls, ["h", "d"], lambda v: sig3(q24(v))),
        "curve": _output(controls, ["h", "d"], curve),
        "normal_curve": _output(controls, [], lambda v: curve(normal)),
    }
    presets = [{"label": name, "description": c.description,
                "positions": {"h": thick.index(c.thickness),
                              "d": diff.index(c.diffusivity)}}
               for name, c in states.items()]
    return {
        "kind": "permeation",
        "title": "Flux and lag time across the stratum corneum",
        "controls": controls,
        "presets_label": "Skin states",
        "presets": presets,
        "outputs": outputs,
        "readout": ("Steady-state flux {flux} µg/(cm²·h) ({flux_ratio} × normal); "
                    "lag time {lag} h ({lag_ratio} × normal); "
                    "amount through by 24 h {q24} µg/cm²."),
        "plot": {
            "x": PERMEATION_TIMES_H, "xlog": False, "ymin": 0.0, "ymax": None,
            "xlabel": "Time since application (h)",
            "ylabel": "Permeated (µg/cm²)",
            "xticks": [[t, f"{t:g}"] for t in range(0, 49, 12)],
            "yticks": None,
            "series": [{"out": "normal_curve", "label": "normal skin", "style": 3},
                       {"out": "curve", "label": "chosen barrier", "style": 1}],
            "vlines": [{"x": "lag", "label": "lag time", "style": 2}],
        },
        "note": ("Illustrative membrane parameters of tcibook.permeation "
                 "(not measured values for tacrolimus or pimecrolimus)."),
    }


# --- 3. Fingertip units, grams and tubes -------------------------------------

#: Sites that come in pairs: ticking one treats both (count 2).
_PAIRED = {"arm and forearm", "hand", "leg and thigh", "foot"}
#: Lengths of the course offered, days.
DOSING_DAYS = [7, 14, 28]


def _site_label(site):
    if site in _PAIRED:
        plural = {"arm and forearm": "both arms and forearms", "hand": "both hands",
                  "leg and thigh": "both legs and thighs", "foot": "both feet"}
        return plural[site]
    return site


def dosing_explorer(sites=("face and neck", "hand")):
    """Fingertip units, grams per application and over a course, and tubes.

    Every combination of the adult body sites of
    :data:`tcibook.dosing.ADULT_FTU_PER_SITE` (a paired site counts twice:
    both hands), the weight of an adult man's or woman's FTU, once- or
    twice-daily application, the course lengths of :data:`DOSING_DAYS` and
    the tube sizes of the US Protopic label goes through
    :func:`~tcibook.dosing.fingertip_units`,
    :func:`~tcibook.dosing.grams_per_application`,
    :func:`~tcibook.dosing.amount_needed_g` and
    :func:`~tcibook.dosing.tubes_needed`.

    Parameters
    ----------
    sites : iterable of str
        Sites ticked when the page opens.

    Returns
    -------
    dict
        See the module docstring.
    """
    names = [str(site) for site in dosing.ADULT_FTU_PER_SITE]
    chosen = {" ".join(s.lower().split()) for s in sites}
    unknown = chosen - set(names)
    if unknown:
        raise ValueError(f"sites must be among {', '.join(names)}; got "
                         f"{', '.join(sorted(unknown))}")
    weights = [("adult man", value("ftu_grams_adult_man")),
               ("adult woman", value("ftu_grams_adult_woman"))]
    tubes = list(value("protopic_tube_sizes"))
    site_controls = [
        _control(f"s{i}", _site_label(n), [0, 1], ["not treated", "treated"],
                 int(n in chosen), "checkbox")
        for i, n in enumerate(names)]
    controls = site_controls + [
        _control("w", "Whose fingertip", [w for _, w in weights],
                 [f"{who} ({w:g} g per FTU)" for who, w in weights], 0, "radio"),
        _control("f", "Applications a day", [1, 2], ["once daily", "twice daily"],
                 1, "radio"),
        _control("days", "Length of the course", DOSING_DAYS,
                 [f"{d} days" for d in DOSING_DAYS], 0),
        _control("tube", "Tube size", tubes, [f"{t:g} g" for t in tubes], 0, "radio"),
    ]
    site_dims = [c["name"] for c in site_controls]

    def counts(v):
        return {n: (2 if n in _PAIRED else 1) * v[f"s{i}"] for i, n in enumerate(names)}

    def ftu(v):
        return dosing.fingertip_units(counts(v))

    def per_application(v):
        return dosing.grams_per_application(ftu(v), v["w"])

    def course(v):
        return dosing.amount_needed_g(per_application(v), v["f"], v["days"])

    outputs = {
        "ftu": _output(controls, site_dims, lambda v: sig3(ftu(v))),
        "g_app": _output(controls, site_dims + ["w"],
                         lambda v: sig3(per_application(v))),
        "g_course": _output(controls, site_dims + ["w", "f", "days"],
                            lambda v: sig3(course(v))),
        "tubes": _output(controls, site_dims + ["w", "f", "days", "tube"],
                         lambda v: dosing.tubes_needed(course(v), v["tube"])),
        "tube_g": _output(controls, ["tube"], lambda v: v["tube"]),
    }
    for i, n in enumerate(names):
        outputs[f"ftu_s{i}"] = _output(
            controls, [f"s{i}"],
            lambda v, i=i, n=n: sig3(dosing.fingertip_units({n: (2 if n in _PAIRED else 1)
                                                             * v[f"s{i}"]})))
    return {
        "kind": "dosing",
        "title": "Fingertip units, grams and tubes",
        "controls": controls,
        "checkbox_group": "Body sites treated",
        "outputs": outputs,
        "readout": ("{ftu} FTU per application = {g_app} g; over the course "
                    "{g_course} g, which fills {tubes} tube(s) of {tube_g} g."),
        "plot": {
            "type": "bars",
            "bars": [{"out": f"ftu_s{i}", "label": _site_label(n)}
                     for i, n in enumerate(names)],
            "xlabel": "Fingertip units per application",
            "tubes": {"count": "tubes", "grams": "g_course", "size": "tube_g"},
        },
        "note": ("Adult FTU counts per site (Long and Finlay 1991) and FTU "
                 "weights (DermNet); a model for teaching, not a prescription."),
    }


# --- 4. Concentration-time course with an interacting drug -------------------

#: Doses per administration offered, mg.
PK_DOSES_MG = [2.0, 3.0, 4.0, 5.0, 6.0]
#: Dosing intervals offered, h.
PK_TAUS_H = [12.0, 24.0]
#: Length of the course, h (ten days), and when the interacting drug starts
#: (the morning of day 4, after three days of dosing).
PK_END_H = 240.0
PK_INTERACTION_START_H = 72.0
#: Times of the drawn curves, h.
PK_TIMES_H = [float(t) for t in range(0, 241, 2)]


def pk_explorer():
    """Concentration–time course with dose, interval and an interacting drug.

    Oral tacrolimus in the one-compartment "mean patient" of
    :func:`tcibook.poppk.review_one_compartment`, given every ``tau`` hours
    from time 0 (:func:`tcibook.pk.repeated_doses`); from
    :data:`PK_INTERACTION_START_H` on, optionally, the illustrative CYP3A4
    inhibitor (clearance × :data:`tcibook.pk.ILLUSTRATIVE_INHIBITOR_FOLD`, at
    once) or inducer (× :data:`tcibook.pk.ILLUSTRATIVE_INDUCER_FOLD`, built
    up with the enzyme's turnover, :data:`tcibook.pk.ILLUSTRATIVE_ENZYME_TURNOVER_H`)
    as a :class:`tcibook.pk.ClearanceChange`. Every curve and number is
    :func:`tcibook.pk.concentration_ode`; the peak is :func:`tcibook.pk.peak`
    on a 0.05 h grid over the last interval.

    Returns
    -------
    dict
        See the module docstring.
    """
    from . import pk, poppk

    model = poppk.review_one_compartment()
    start = PK_INTERACTION_START_H
    changes = [
        ("none", "no interacting drug", None),
        ("inhibitor", f"illustrative CYP3A4 inhibitor (clearance × "
                      f"{pk.ILLUSTRATIVE_INHIBITOR_FOLD:g}, at once)",
         pk.ClearanceChange(pk.ILLUSTRATIVE_INHIBITOR_FOLD, start)),
        ("inducer", f"illustrative CYP3A4 inducer (clearance × "
                    f"{pk.ILLUSTRATIVE_INDUCER_FOLD:g}, building up with a "
                    f"{pk.ILLUSTRATIVE_ENZYME_TURNOVER_H:g} h half-life)",
         pk.ClearanceChange(pk.ILLUSTRATIVE_INDUCER_FOLD, start,
                            turnover_half_life_h=pk.ILLUSTRATIVE_ENZYME_TURNOVER_H)),
    ]
    controls = [
        _control("dose", "Dose", PK_DOSES_MG, [_text(d, "mg") for d in PK_DOSES_MG],
                 PK_DOSES_MG.index(4.0)),
        _control("tau", "Dosing interval",
                 PK_TAUS_H, [f"every {t:g} h" for t in PK_TAUS_H], 0, "radio"),
        _control("drug", f"From day {start / 24 + 1:g}", list(range(len(changes))),
                 [text for _, text, _ in changes], 0, "radio"),
    ]
    times = np.array(PK_TIMES_H)

    def doses(v):
        return pk.repeated_doses(v["dose"], v["tau"], int(round(PK_END_H / v["tau"])))

    solved = {}

    def course(v):
        """Curve, trough before the last dose and peak after it: one solve."""
        key = (v["dose"], v["tau"], v["drug"])
        if key not in solved:
            last = PK_END_H - v["tau"]
            fine = np.linspace(last, PK_END_H, int(round(v["tau"] / 0.05)) + 1)
            t = np.concatenate([times, [start - 1e-6, last - 1e-6], fine])
            c = pk.concentration_ode(model, doses(v), t, changes[v["drug"]][2], rtol=1e-8)
            n = times.size
            solved[key] = {"curve": c[:n], "trough_start": c[n], "trough_end": c[n + 1],
                           "peak": pk.peak(fine, c[n + 2:])[0]}
        return solved[key]

    def trough_start(v):
        return course({**v, "drug": 0})["trough_start"]

    def trough_end(v):
        return course(v)["trough_end"]

    def peak(v):
        return course(v)["peak"]

    outputs = {
        "curve": _output(controls, ["dose", "tau", "drug"],
                         lambda v: [sig3(c) for c in course(v)["curve"]]),
        "trough_start": _output(controls, ["dose", "tau"], lambda v: sig3(trough_start(v))),
        "trough_end": _output(controls, ["dose", "tau", "drug"], lambda v: sig3(trough_end(v))),
        "trough_ratio": _output(controls, ["dose", "tau", "drug"],
                                lambda v: sig3(trough_end(v) / trough_start(v))),
        "peak_end": _output(controls, ["dose", "tau", "drug"], lambda v: sig3(peak(v))),
        "start_h": _output(controls, [], lambda v: start),
    }
    days = int(PK_END_H // 24)
    return {
        "kind": "pk",
        "title": "Concentration–time course of oral tacrolimus",
        "controls": controls,
        "outputs": outputs,
        "readout": ("Trough before the interacting drug would start: {trough_start} ng/mL; "
                    "trough before the last dose: {trough_end} ng/mL "
                    "({trough_ratio} × the first); highest level after the last "
                    "dose: {peak_end} ng/mL."),
        "plot": {
            "x": PK_TIMES_H, "xlog": False, "ymin": 0.0, "ymax": None,
            "xlabel": "Day of treatment", "ylabel": "Blood level (ng/mL)",
            "xticks": [[24.0 * d, f"{d + 1}"] for d in range(0, days, 1)],
            "yticks": None,
            "series": [{"out": "curve", "label": "no interaction", "style": 3,
                        "fix": {"drug": 0}},
                       {"out": "curve", "label": "chosen course", "style": 1}],
            "vlines": [{"x": "start_h", "label": "2nd drug starts", "style": 2}],
        },
        "note": ("A teaching model (tcibook.poppk.review_one_compartment, "
                 "tcibook.pk) with illustrative interaction factors; not a dose "
                 "for a patient."),
    }


#: The explorers the directive knows, by name.
EXPLORERS = {
    "occupancy": occupancy_explorer,
    "permeation": permeation_explorer,
    "dosing": dosing_explorer,
    "pk": pk_explorer,
}
