"""Figure scripts for the book.

Each module draws one figure from the package's models and facts and exposes
``draw()``, which returns a :class:`matplotlib.figure.Figure` built without
pyplot, so no global figure state is left behind. A chapter shows it by
ending a code cell with ``draw()``; ``python -m figs.<module> out.png``
writes the same figure to a file.

All figures share one style: the Okabe–Ito palette, which stays distinct for
the common forms of colour-vision deficiency, and vector output in notebooks:
SVG for the web pages (text kept as text, so files stay small) and PDF for the
printed book (fonts embedded).
"""

from __future__ import annotations

import os
from typing import NamedTuple

import matplotlib as mpl
from matplotlib.patches import FancyBboxPatch

__all__ = ["OKABE_ITO", "Node", "draw_node", "use_book_style", "save_cli"]

#: Okabe & Ito (2008) colour-blind-safe palette, in plotting order.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)


def use_book_style():
    """Set the book's matplotlib style and, inside IPython, SVG + PDF output.

    Inside a notebook kernel, SVG and PDF output is made reproducible (fixed
    ids, and a fixed date through ``SOURCE_DATE_EPOCH``, set only in that
    kernel's process), so a re-run produces the same bytes.
    """
    mpl.rcParams.update({
        "axes.prop_cycle": mpl.cycler(color=OKABE_ITO),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "font.size": 10,
        # Legends sit on the plot without a box.
        "legend.frameon": False,
        # One named family: SVG text then names one font, not matplotlib's
        # list of eleven fallbacks on every label (DejaVu Sans ships with it).
        "font.sans-serif": ["DejaVu Sans"],
        "figure.figsize": (6.4, 3.6),
        "figure.dpi": 100,
        "savefig.dpi": 200,
        "savefig.bbox": "tight",
        "svg.fonttype": "none",
        "svg.hashsalt": "tcibook",
        "pdf.fonttype": 42,
    })
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # plain Python: nothing more to set
        return
    if get_ipython() is not None:
        os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
        set_matplotlib_formats("svg", "pdf")


def save_cli(draw, argv=None):
    """Command-line entry used by each figure module: ``draw()`` to a file."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        raise SystemExit("usage: python -m figs.<module> OUTPUT.(png|pdf|svg)")
    use_book_style()
    draw().savefig(args[0])


class Node(NamedTuple):
    """One box of a pathway diagram, centred at (x, y) in a 100 x 100 frame."""

    x: float
    y: float
    width: float
    height: float
    label: str
    colour: str


def draw_node(ax, node, face="white", lw=1.4, size=9):
    """Draw ``node`` on ``ax`` as a rounded box with its label centred.

    ``face`` is the fill colour, ``lw`` the edge width (pt) and ``size`` the
    label's font size (pt); the edge takes the node's colour.
    """
    ax.add_patch(FancyBboxPatch(
        (node.x - node.width / 2, node.y - node.height / 2), node.width,
        node.height, boxstyle="round,pad=0.4,rounding_size=1.2",
        facecolor=face, edgecolor=node.colour, linewidth=lw, zorder=2))
    ax.text(node.x, node.y, node.label, ha="center", va="center", fontsize=size,
            zorder=3)
