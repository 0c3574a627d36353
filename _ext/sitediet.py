"""Keep the published site light: icons from a subset webfont, no unused files.

The theme ships Font Awesome twice: as ``fontawesome.js`` (1.4 MB, all icons
as SVG) and as webfonts used by its CSS. ``_templates/static/webpack-macros.html``
stops loading the script; this extension, once the HTML is written,

* finds every ``fa-*`` icon name used by the pages and the site's scripts,
* looks up each icon's code point in the theme's CSS, adds the code points
  the CSS draws directly (admonition icons), and
* rewrites each Font Awesome ``.woff2`` the pages can load as a subset holding
  only those glyphs (about 2 KB instead of 156 KB),
* removes the CSS rules of the other 1,800-odd icons from the theme's
  stylesheet (about 90 KB),
* deletes ``fontawesome.js`` from the output,
* and removes every CSS rule that no page can use from the stylesheets of
  the theme and the extensions (PurgeCSS, run by node from
  ``_ext/node_modules``; the book's own stylesheets in ``_static/`` are left
  whole). The pages and every script under ``_static`` are the content it
  scans, so classes that scripts add at run time are kept. About 300 KB of
  the 460 KB of CSS a page loaded go;
* and minifies the figures' SVG files with SVGO (a quarter to a third
  smaller; the text stays text).

It also gives the bibliography's entries the ARIA role their list needs
(``listitem`` instead of docutils' ``doc-biblioentry``, which is not allowed
inside ``role="list"``), and drops the assets of sphinx-thebe, which Jupyter
Book always loads
although the book has no live-code button: its script declares a constant
twice on incremental builds, a console error on every page.

A build whose pages use an icon the CSS does not define fails with a warning.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

_ICON_USE = re.compile(r"\bfa-([a-z0-9]+(?:-[a-z0-9]+)*)")
_ICON_RULE = re.compile(r"((?:\.fa-[a-z0-9-]+:(?:before|after),?)+)\{content:\"([^\"]+)\"\}")
#: Private-use code points written directly in CSS (admonition icons and the
#: like, e.g. ``--pst-icon-admonition-tip: "\f0eb"``, escaped or as the raw
#: character), outside the .fa-* rules.
_PRIVATE_USE_ESCAPE = re.compile(r"\"\\([ef][0-9a-fA-F]{3})\s*\"")
_PRIVATE_USE_CHAR = re.compile("[\ue000-\uf8ff]")
#: Class names that are Font Awesome modifiers, not icons.
_MODIFIERS = {"solid", "regular", "brands", "lg", "xs", "sm", "xl", "2x", "3x",
              "fw", "spin", "pulse", "stack", "inverse", "border", "pull-left",
              "pull-right", "rotate-90", "rotate-180", "rotate-270", "flip",
              "beat", "fade", "bounce", "shake", "ul", "li", "layers", "6"}


def _codepoint(css_content):
    """Code point of a CSS ``content`` string: ``\\f002``, ``\\@`` or a plain character."""
    hex_escape = re.match(r"\\([0-9a-fA-F]{1,6})", css_content)
    if hex_escape:
        return int(hex_escape.group(1), 16)
    return ord(css_content[1] if css_content.startswith("\\") else css_content[0])


def icon_codepoints(css_text):
    """Map each icon name defined in the theme CSS to its code point."""
    table = {}
    for selectors, content in _ICON_RULE.findall(css_text):
        for name in re.findall(r"\.fa-([a-z0-9-]+):", selectors):
            table[name] = _codepoint(content)
    return table


def css_icon_codepoints(static: Path):
    """Code points the site's CSS draws directly, without an ``fa-*`` class."""
    points = set()
    for css in static.rglob("*.css"):
        text = _ICON_RULE.sub("", css.read_text(encoding="utf-8", errors="ignore"))
        points.update(int(h, 16) for h in _PRIVATE_USE_ESCAPE.findall(text))
        points.update(ord(c) for c in _PRIVATE_USE_CHAR.findall(text))
    return points


def used_icons(outdir: Path):
    """Icon names used by the built pages and the site's own scripts."""
    names = set()
    files = list(outdir.rglob("*.html")) + [
        p for p in (outdir / "_static").rglob("*.js") if p.name != "fontawesome.js"]
    for path in files:
        names.update(_ICON_USE.findall(path.read_text(encoding="utf-8", errors="ignore")))
    return names - _MODIFIERS


def _theme_static(*parts):
    """A file of the theme's original static folder (never an earlier output)."""
    import pydata_sphinx_theme

    return (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
            / "static").joinpath(*parts)


def _theme_font(name):
    """The theme's original, complete copy of a Font Awesome font file."""
    return _theme_static("vendor", "fontawesome", "webfonts", name)


def trim_icon_rules(css_text, keep):
    """Drop ``.fa-NAME:before{content:...}`` rules whose icons are not in ``keep``."""
    def rule(match):
        names = re.findall(r"\.fa-([a-z0-9-]+):", match.group(1))
        return match.group(0) if any(n in keep for n in names) else ""
    return _ICON_RULE.sub(rule, css_text)


def _subset(font_path: Path, codepoints):
    """Write a subset of the theme's complete font to ``font_path``.

    Always starts from the theme's original file, so that an incremental
    build never subsets an earlier subset.
    """
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    font = subset.load_font(str(_theme_font(font_path.name)), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    subset.save_font(font, str(font_path), options)


NODE_MODULES = Path(__file__).with_name("node_modules")


def _node_tool(script, *args):
    """Run one of this folder's node scripts; return the sizes it reports,
    {file name: (bytes before, after)}."""
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None or not (NODE_MODULES / "purgecss").is_dir() or not (NODE_MODULES / "svgo").is_dir():
        raise RuntimeError("sitediet needs node, PurgeCSS and SVGO: run `make setup` "
                           "(which runs `npm ci --prefix _ext`)")
    done = subprocess.run([node, str(Path(__file__).with_name(script)), *map(str, args)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{script} failed: {done.stderr[-2000:]}")
    return {Path(k).name: tuple(v) for k, v in json.loads(done.stdout).items()}


def purge_unused_css(outdir: Path, own: set):
    """Remove unused rules from every stylesheet under ``outdir/_static``
    whose name is not in ``own``; return {file: (bytes before, after)}."""
    sheets = sorted(p for p in (outdir / "_static").rglob("*.css") if p.name not in own)
    return _node_tool("purge_css.js", outdir, *sheets)


def minify_figures(outdir: Path):
    """Minify every SVG figure under ``outdir/_images`` with SVGO; return
    {file: (bytes before, after)}."""
    figures = sorted((outdir / "_images").glob("*.svg"))
    return _node_tool("minify_svg.js", *figures) if figures else {}


def _diet(app, exception):
    if exception or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    static = outdir / "_static"
    css_path = static / "styles" / "pydata-sphinx-theme.css"
    if not css_path.exists():
        return
    theme_css = _theme_static("styles", "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    table = icon_codepoints(theme_css)
    names = used_icons(outdir)
    # A JS-built name such as "fa-" + variable leaves fragments; keep only real icons,
    # but report a used name the CSS cannot draw when it looks like a full icon name.
    missing = sorted(n for n in names if n not in table and not any(
        t.startswith(n + "-") for t in table))
    for name in missing:
        logger.warning("icon fa-%s is used but the theme CSS does not define it", name,
                       type="sitediet", subtype="icon")
    codepoints = sorted({table[n] for n in names if n in table}
                        | css_icon_codepoints(static))
    css_path.write_text(trim_icon_rules(theme_css, names), encoding="utf-8")
    for font in (static / "vendor" / "fontawesome" / "webfonts").glob("fa-*.woff2"):
        _subset(font, codepoints)
    for unused in [static / "scripts" / "fontawesome.js",
                   static / "scripts" / "fontawesome.js.map",
                   static / "scripts" / "fontawesome.js.LICENSE.txt"]:
        unused.unlink(missing_ok=True)
    logger.info("sitediet: %d icons kept in the Font Awesome subsets", len(codepoints))
    # The book's own stylesheets: those of the static folders its configuration
    # names (relative paths; extensions such as sphinx-design append absolute
    # paths to folders of their own).
    own = {p.name for d in app.config.html_static_path if not Path(d).is_absolute()
           for p in (Path(app.confdir) / d).rglob("*.css")}
    sizes = purge_unused_css(outdir, own)
    before, after = (sum(v[i] for v in sizes.values()) for i in (0, 1))
    logger.info("sitediet: unused CSS removed, %d KB -> %d KB", before // 1024, after // 1024)
    sizes = minify_figures(outdir)
    before, after = (sum(v[i] for v in sizes.values()) for i in (0, 1))
    logger.info("sitediet: %d SVG figures minified, %d KB -> %d KB", len(sizes),
                before // 1024, after // 1024)


def _is_thebe(asset):
    body = getattr(asset, "attributes", {}).get("body", "") or ""
    return "thebe" in str(asset.filename or "").lower() or "THEBE" in body


def _drop_thebe(app, pagename, templatename, context, doctree):
    """Drop sphinx-thebe's assets everywhere, and sphinx-design's tab script
    from pages that have no tabs (every page of this book)."""
    has_tabs = "sd-tab-set" in (context.get("body") or "")
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if not _is_thebe(a)
                            and (has_tabs or "design-tabs" not in str(a.filename or ""))]


def _fix_citation_roles(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if body and 'class="citation-list"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app):
    app.connect("html-page-context", _drop_thebe)
    app.connect("html-page-context", _fix_citation_roles)
    app.connect("build-finished", _diet)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
