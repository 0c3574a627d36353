"""Interactive model explorers that work offline: the ``explorer`` directive.

A chapter writes, right after the static figure it accompanies::

    ```{explorer} occupancy
    :caption: Move the sliders to change the concentration and Kd.
    :kd-nm: 0.4
    ```

At build time the directive calls the explorer's function in
:mod:`tcibook.explorer_data` (``occupancy``, ``permeation``, ``dosing`` or
``pk``), which computes a grid of results with the book's models, and writes
into the HTML page

* labelled, keyboard-operable controls (``<input type="range">`` sliders
  with ``aria-valuetext``, check boxes and radio buttons in fieldsets),
* an empty SVG the page's script draws into,
* a text readout of the current numbers (``aria-live``), already filled in
  for the initial positions, so that the numbers are there without script,
* the grid itself as a JSON data island.

``_static/explorer.js`` (no library, no network) only selects numbers from
the grid and draws them; it and ``_static/explorer.css`` are loaded only by
pages that hold an explorer. The LaTeX (PDF) build writes nothing: the
printed book shows the chapter's static figure instead. Every option other
than ``caption`` and ``name`` is passed to the explorer's function as a
keyword argument (dashes become underscores; ``*-nm`` options are numbers,
``sites`` is a comma-separated list): ``occupancy`` takes ``:target:``
(``fkbp12`` or ``calcineurin``), ``:kd-nm:`` and ``:concentration-nm:``;
``permeation`` takes ``:scenario:``; ``dosing`` takes ``:sites:``. A bad
value is a build error naming the file and line.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import freshness
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

JS_FILE = "explorer.js"
CSS_FILE = "explorer.css"
#: What each explorer's data were computed from, by explorer and options
#: (in the doctree folder; see :func:`loaded_by`).
LOADED_RECORD = "tcibook-explorers.json"


class explorer(nodes.General, nodes.Element):
    """An interactive explorer: ``kind``, ``data`` (the dict), ``caption``."""


def _explorer_data():
    from tcibook import explorer_data  # the book's package, installed by `make setup`

    return explorer_data


def loaded_by(app, kind, kwargs):
    """The repository files (relative path -> hash) that the data of explorer
    ``kind`` with ``kwargs`` are computed from: what a new interpreter loads
    to compute them (:func:`freshness.record_loaded`). Recorded again only
    when one of the files recorded last time has changed."""
    store = Path(app.doctreedir, LOADED_RECORD)
    if not hasattr(app, "tcibook_explorers"):
        app.tcibook_explorers = freshness.load_json(store)
    key = json.dumps([kind, kwargs], sort_keys=True)
    recorded = app.tcibook_explorers.get(key)
    if recorded is None or freshness.changed(app.srcdir, recorded):
        paths = freshness.record_loaded(
            app, f"from tcibook.explorer_data import EXPLORERS\n"
                 f"EXPLORERS[{kind!r}](**{kwargs!r})")
        recorded = app.tcibook_explorers[key] = freshness.hashes(app.srcdir, paths)
        freshness.save_json(store, app.tcibook_explorers)
    return recorded


def _sites(text):
    return tuple(s.strip() for s in text.split(",") if s.strip())


class ExplorerDirective(SphinxDirective):
    required_arguments = 1
    has_content = False
    option_spec = {
        "caption": directives.unchanged,
        "name": directives.unchanged,
        "target": directives.unchanged,
        "kd-nm": directives.unchanged,
        "concentration-nm": directives.unchanged,
        "scenario": directives.unchanged,
        "sites": _sites,
    }

    def run(self):
        module = _explorer_data()
        kind = self.arguments[0].strip()
        if kind not in module.EXPLORERS:
            raise self.error(f"unknown explorer {kind!r}; known: "
                             f"{', '.join(module.EXPLORERS)}")
        kwargs = {}
        for key, raw in self.options.items():
            if key in ("caption", "name"):
                continue
            arg = key.replace("-", "_")
            if key.endswith("-nm"):
                try:
                    raw = float(raw)
                except ValueError:
                    raise self.error(f"explorer option :{key}: must be a number; "
                                     f"got {raw!r}") from None
            kwargs[arg] = raw
        try:
            data = module.EXPLORERS[kind](**kwargs)
        except (TypeError, ValueError) as err:
            raise self.error(f"explorer {kind!r}: {err}") from None
        freshness.note_loaded(self.env, self.env.docname, self.env.srcdir,
                              loaded_by(self.env.app, kind, kwargs))
        node = explorer(kind=kind, data=data, caption=self.options.get("caption", ""))
        ident = self.options.get("name") or f"explorer-{kind}-{self.env.new_serialno('explorer')}"
        node["ids"].append(nodes.make_id(ident))
        self.set_source_info(node)
        return [node]


# --- HTML ----------------------------------------------------------------------

def _index(data, dims, positions):
    sizes = {c["name"]: len(c["values"]) for c in data["controls"]}
    i = 0
    for d in dims:
        i = i * sizes[d] + positions[d]
    return i


def select(data, name, positions=None, whole=False):
    """The value of output ``name`` at ``positions`` (default: the initial
    ones), as the page's script selects it."""
    if positions is None:
        positions = {c["name"]: c["default"] for c in data["controls"]}
    out = data["outputs"][name]
    value = out["values"][_index(data, out["dims"], positions)]
    if out.get("along") and not whole:
        value = value[positions[out["along"]]]
    return value


def fmt(x):
    """A number as the readout shows it (the script's ``fmt`` does the same)."""
    if isinstance(x, str):
        return x
    if x == 0:
        return "0"
    if 1e-3 <= abs(x) < 1e6:
        return f"{x:g}"
    return f"{x:.2e}"


def _e(text):
    return html.escape(str(text), quote=True)


def _range(base, c):
    cid = f"{base}-{c['name']}"
    d = c["default"]
    return (f'<div class="tci-control"><label for="{cid}">{_e(c["label"])}</label>'
            f'<input type="range" id="{cid}" data-control="{_e(c["name"])}" min="0" '
            f'max="{len(c["values"]) - 1}" step="1" value="{d}" '
            f'aria-valuetext="{_e(c["texts"][d])}">'
            f'<output id="{cid}-value" aria-hidden="true">{_e(c["texts"][d])}</output></div>')


def _radio(base, c):
    cid = f"{base}-{c['name']}"
    items = "".join(
        f'<label><input type="radio" name="{cid}" data-control="{_e(c["name"])}" '
        f'value="{i}"{" checked" if i == c["default"] else ""}> {_e(t)}</label>'
        for i, t in enumerate(c["texts"]))
    return f'<fieldset class="tci-control"><legend>{_e(c["label"])}</legend>{items}</fieldset>'


def _checkboxes(base, group, controls):
    items = "".join(
        f'<label><input type="checkbox" id="{base}-{c["name"]}" '
        f'data-control="{_e(c["name"])}"{" checked" if c["default"] else ""}> '
        f'{_e(c["label"])}</label>' for c in controls)
    return (f'<fieldset class="tci-control tci-checks"><legend>{_e(group)}</legend>'
            f'{items}</fieldset>')


def _controls(base, data):
    parts, checks = [], []
    for c in data["controls"]:
        if c["type"] == "checkbox":
            checks.append(c)
            continue
        if checks:
            parts.append(_checkboxes(base, data.get("checkbox_group", "Options"), checks))
            checks = []
        parts.append(_range(base, c) if c["type"] == "range" else _radio(base, c))
    if checks:
        parts.append(_checkboxes(base, data.get("checkbox_group", "Options"), checks))
    return "".join(parts)


def _presets(base, data):
    presets = data.get("presets")
    if not presets:
        return ""
    buttons = "".join(
        f'<button type="button" data-preset="{i}" title="{_e(p["description"])}">'
        f'{_e(p["label"])}</button>' for i, p in enumerate(presets))
    return (f'<div class="tci-presets" role="group" aria-labelledby="{base}-presets">'
            f'<span id="{base}-presets">{_e(data.get("presets_label", "Presets"))}:</span> {buttons}'
            f'<p class="tci-preset-note" id="{base}-preset-note"></p></div>')


def _readout(data):
    def span(match):
        name = match.group(1)
        return f'<span data-out="{_e(name)}">{_e(fmt(select(data, name)))}</span>'
    parts = re.split(r"(\{[a-z0-9_]+\})", data["readout"])
    return "".join(re.sub(r"^\{([a-z0-9_]+)\}$", span, p) if p.startswith("{")
                   else _e(p) for p in parts)


def render_html(ident, data, caption=""):
    """The HTML of one explorer (the directive's output)."""
    island = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    island = island.replace("</", "<\\/")
    title = _e(data["title"])
    cap = f" {_e(caption)}" if caption else ""
    return (
        f'<figure class="tci-explorer" id="{ident}" data-explorer="{_e(data["kind"])}">'
        f'<figcaption><strong>Explore: {title}.</strong>{cap} '
        f'<span class="tci-note">{_e(data.get("note", ""))}</span></figcaption>'
        f'<div class="tci-explorer-body">'
        f'<svg class="tci-plot" viewBox="0 0 560 300" role="img" '
        f'aria-label="{title}: chart of the numbers given in the text below it"></svg>'
        f'<div class="tci-controls">{_presets(ident, data)}{_controls(ident, data)}</div>'
        f'<p class="tci-readout" aria-live="polite" aria-atomic="true">{_readout(data)}</p>'
        f'</div><script type="application/json" class="tci-explorer-data">{island}</script>'
        f'</figure>\n')


def visit_html(self, node):
    self.body.append(render_html(node["ids"][0], node["data"], node["caption"]))
    raise nodes.SkipNode


def skip(self, node):
    raise nodes.SkipNode


def _assets(app, pagename, templatename, context, doctree):
    """Load the script and stylesheet on pages that hold an explorer only."""
    # The builder's own lists are restored before every page; app.add_js_file
    # would also register the files for all the pages written after this one.
    if doctree is not None and next(iter(doctree.findall(explorer)), None) is not None:
        app.builder.add_js_file(JS_FILE, defer="defer")
        app.builder.add_css_file(CSS_FILE)


def _asset_name(entry):
    name = entry[0] if isinstance(entry, (tuple, list)) else entry
    return str(getattr(name, "filename", name))


def _unlist_assets(app, config):
    """Jupyter Book lists every .js and .css file of ``_static`` for every
    page; take the explorer's two off that list (:func:`_assets` adds them to
    the pages that need them)."""
    config.html_js_files = [f for f in config.html_js_files
                            if _asset_name(f) != JS_FILE]
    config.html_css_files = [f for f in config.html_css_files
                             if _asset_name(f) != CSS_FILE]


def setup(app):
    app.setup_extension("freshness")
    app.connect("config-inited", _unlist_assets)
    app.add_node(explorer, html=(visit_html, None), latex=(skip, None),
                 text=(skip, None), man=(skip, None), texinfo=(skip, None))
    app.add_directive("explorer", ExplorerDirective)
    # Before sitediet's handler, which replaces the page's list of scripts.
    app.connect("html-page-context", _assets, priority=300)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
