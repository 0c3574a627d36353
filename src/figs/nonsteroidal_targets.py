"""Figure: where the non-steroidal topicals act on the pathways of atopic dermatitis.

A diagram drawn from the tables :data:`LANES`, :data:`NODES` and
:data:`EDGES`, like :mod:`figs.nfat_pathway`: four signalling routes side by
side, from a stimulus at the membrane to gene transcription in the nucleus,
and each drug of :data:`tcibook.nonsteroidal.TOPICALS` on the node of its
:class:`~tcibook.nonsteroidal.Target`. The test suite reads the tables to
check what the figure claims: every drug sits on exactly one route, and only
tapinarof activates its target.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle

from figs import OKABE_ITO, Node, draw_node, save_cli
from tcibook.nonsteroidal import TOPICALS, Target

BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILLION, YELLOW, BLACK = OKABE_ITO




#: Route of each target: the x of its column and its title.
LANES = {
    Target.CALCINEURIN: (12.5, "calcineurin–NFAT\n(T cell)"),
    Target.JAK: (37.5, "cytokine receptor–\nJAK–STAT"),
    Target.PDE4: (62.5, "cAMP and PDE4\n(immune cells)"),
    Target.AHR: (87.5, "aryl hydrocarbon\nreceptor (AhR)"),
}

#: x of the boxes of a route, left of its column's centre (the drugs sit right).
_CHAIN = {target: x - 5 for target, (x, _) in LANES.items()}
_C, _J, _P, _A = (_CHAIN[t] for t in (Target.CALCINEURIN, Target.JAK,
                                      Target.PDE4, Target.AHR))

#: Boxes of the four routes, top (membrane) to bottom (nucleus).
NODES = {
    "tcr": Node(_C, 74, 13.5, 7, "T-cell receptor:\nCa²⁺ rises", BLACK),
    "calcineurin": Node(_C, 56, 13.5, 6, "calcineurin", PURPLE),
    "nfat": Node(_C, 33, 13.5, 7, "NFAT enters\nthe nucleus", GREEN),
    "cytokine": Node(_J, 74, 13.5, 7, "IL-4, IL-13,\nIL-31 receptors", BLACK),
    "jak": Node(_J, 56, 13.5, 6, "JAK1–3, TYK2", PURPLE),
    "stat": Node(_J, 33, 13.5, 7, "STATs enter\nthe nucleus", GREEN),
    "camp": Node(_P, 74, 13.5, 7, "cAMP restrains\ncytokine output", BLACK),
    "pde4": Node(_P, 56, 13.5, 6, "PDE4 breaks\ncAMP down", PURPLE),
    "pka": Node(_P, 33, 13.5, 7, "less cAMP:\nmore cytokines", GREEN),
    "ligand": Node(_A, 74, 13.5, 7, "AhR ligand", BLACK),
    "ahr": Node(_A, 56, 13.5, 6, "AhR (cytosol)", PURPLE),
    "arnt": Node(_A, 33, 13.5, 7, "AhR–ARNT:\nless IL-4, IL-13", GREEN),
    "genes": Node(50, 16, 90, 6,
                  "transcription of the cytokine genes of atopic dermatitis "
                  "(IL-2, IL-4, IL-13, IL-31)", GREEN),
}

#: Arrows of each route: (source, target).
EDGES = (
    ("tcr", "calcineurin"), ("calcineurin", "nfat"), ("nfat", "genes"),
    ("cytokine", "jak"), ("jak", "stat"), ("stat", "genes"),
    ("camp", "pde4"), ("pde4", "pka"), ("pka", "genes"),
    ("ligand", "ahr"), ("ahr", "arnt"), ("arnt", "genes"),
)

#: Node of each target, where the drugs that act on it are drawn.
TARGET_NODE = {Target.CALCINEURIN: "calcineurin", Target.JAK: "jak",
               Target.PDE4: "pde4", Target.AHR: "ahr"}

#: Targets that a drug activates instead of inhibiting.
ACTIVATED = frozenset({Target.AHR})


def drugs_on(target):
    """Names of the drugs of :data:`tcibook.nonsteroidal.TOPICALS` acting on ``target``."""
    return tuple(t.drug for t in TOPICALS if t.target is target)


def _arrow(ax, start, end, colour="#333333", style="-|>,head_width=0.3,head_length=0.6",
           width=1.2):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle=style, color=colour,
                                 linewidth=width, mutation_scale=10, zorder=1))


def draw():
    """Four routes to cytokine genes and the drug on each one.

    Inhibitors are joined to their target by a flat-ended bar, the one
    agonist (tapinarof) by an arrow.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig = Figure(figsize=(7.4, 6.2))
    ax = fig.subplots()
    ax.set_xlim(0, 100)
    ax.set_ylim(8, 100)
    ax.axis("off")
    ax.add_patch(Rectangle((1, 82), 98, 3, facecolor="#EEEEEE",
                           edgecolor="none", zorder=0))
    ax.text(99, 85.5, "cell membrane", ha="right", va="bottom", fontsize=8,
            color="#555555")
    ax.add_patch(FancyBboxPatch((2, 10), 96, 29, boxstyle="round,pad=0,rounding_size=3",
                                facecolor="#F4F4F4", edgecolor="#777777",
                                linestyle="--", linewidth=1, zorder=0))
    ax.text(97, 11, "nucleus", ha="right", va="bottom", fontsize=8, color="#555555")
    for x, title in LANES.values():
        ax.text(x, 93, title, ha="center", va="center", fontsize=8,
                fontweight="bold")
    for source, target in EDGES:
        a, b = NODES[source], NODES[target]
        end_x = a.x if target == "genes" else b.x
        _arrow(ax, (a.x, a.y - a.height / 2 - 1.2),
               (end_x, b.y + b.height / 2 + 1.2))
    for node in NODES.values():
        draw_node(ax, node, size=8)
    for target, node_name in TARGET_NODE.items():
        node = NODES[node_name]
        lane_x = LANES[target][0]
        drug = Node(lane_x + 6.5, node.y - 10.5, 10.5, 3.2 + 3.4 * len(drugs_on(target)),
                    "\n".join(drugs_on(target)), VERMILLION)
        draw_node(ax, drug, face="#FBE3D6", lw=2.0, size=7.5)
        style = ("-|>,head_width=0.3,head_length=0.6" if target in ACTIVATED
                 else "-[,widthB=0.6,lengthB=0")
        _arrow(ax, (drug.x + 1.5, drug.y + drug.height / 2 + 0.8),
               (node.x + node.width / 2 - 1, node.y - node.height / 2 - 0.9),
               colour=VERMILLION, style=style, width=2.0)
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.99)
    return fig


if __name__ == "__main__":
    save_cli(draw)
