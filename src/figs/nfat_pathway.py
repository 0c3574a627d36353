"""Figure: the calcineurin–NFAT pathway in a T cell, and where the drug acts.

A diagram, not a plot: boxes and arrows drawn with matplotlib patches from
the tables :data:`NODES` and :data:`EDGES`, so that the test suite can check
what the figure claims (for instance, that the drug–immunophilin complex
blocks calcineurin and nothing else).
"""

from __future__ import annotations

from typing import NamedTuple

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle

from figs import OKABE_ITO, Node, draw_node, save_cli

BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILLION, YELLOW, BLACK = OKABE_ITO




class Edge(NamedTuple):
    """An arrow from one node to another.

    ``kind`` is ``"activates"`` (pointed head), ``"inhibits"`` (flat bar) or
    ``"enables"`` (dashed, an indirect effect). ``label_side`` places the
    label ``"right"`` or ``"left"`` of the arrow, or ``"above"`` it, at the
    fraction ``label_position`` of the way from source to target.
    """

    source: str
    target: str
    kind: str
    label: str = ""
    label_side: str = "right"
    label_position: float = 0.5


#: Boxes, keyed by a short name. Colours group the arms of the pathway:
#: blue for the calcium arm, orange for the DAG arm that ends in AP-1,
#: green for NFAT and its output, vermillion for the drug.
NODES = {
    "antigen": Node(15, 97.5, 25, 3.5, "antigen (peptide–MHC)", BLACK),
    "tcr": Node(15, 88, 19, 6, "T-cell receptor", BLACK),
    "orai": Node(63, 88, 27, 6, "Orai1 channel\n(store-operated entry)", BLUE),
    "plc": Node(15, 76, 19, 6, "PLCγ1 cleaves PIP₂", BLACK),
    "ip3": Node(40, 76, 10, 5, "IP₃", BLUE),
    "dag": Node(15, 62, 10, 5, "DAG", ORANGE),
    "er": Node(40, 60, 19, 7, "ER Ca²⁺ store\n(IP₃ receptor)", BLUE),
    "calcium": Node(63, 73, 19, 6, "cytosolic Ca²⁺ rises", BLUE),
    "calmodulin": Node(63, 59, 19, 5, "Ca²⁺–calmodulin", BLUE),
    "calcineurin": Node(63, 45, 17, 7, "calcineurin\n(CnA + CnB)", PURPLE),
    "complex": Node(31, 45, 28, 11,
                    "drug–immunophilin complex\nFKBP12–tacrolimus,\n"
                    "FKBP12–pimecrolimus,\ncyclophilin A–cyclosporine",
                    VERMILLION),
    "pkc": Node(15, 31, 19, 6, "PKC and Ras–MAPK", ORANGE),
    "nfat_p": Node(90, 59, 16, 7, "NFAT–P\nNLS hidden", GREEN),
    "nfat": Node(90, 45, 16, 7, "NFAT\nNLS exposed", GREEN),
    "ap1": Node(15, 17, 19, 6, "AP-1 (Fos–Jun)", ORANGE),
    "promoter": Node(63, 17, 30, 7, "NFAT + AP-1 switch on\nthe IL-2 gene", GREEN),
    "proliferation": Node(63, 3.5, 46, 5,
                          "IL-2 secreted → IL-2 receptor → T-cell proliferation",
                          GREEN),
}

#: Arrows between boxes.
EDGES = (
    Edge("antigen", "tcr", "activates"),
    Edge("tcr", "plc", "activates"),
    Edge("plc", "ip3", "activates"),
    Edge("plc", "dag", "activates"),
    Edge("ip3", "er", "activates"),
    Edge("er", "calcium", "activates", "release"),
    Edge("er", "orai", "enables", "store empties,\nSTIM1 opens Orai1", "left", 0.85),
    Edge("orai", "calcium", "activates"),
    Edge("calcium", "calmodulin", "activates"),
    Edge("calmodulin", "calcineurin", "activates"),
    Edge("calcineurin", "nfat", "activates", "removes\nphosphates", "above"),
    Edge("nfat_p", "nfat", "activates"),
    Edge("complex", "calcineurin", "inhibits", "blocks", "above"),
    Edge("dag", "pkc", "activates"),
    Edge("pkc", "ap1", "activates"),
    Edge("nfat", "promoter", "activates", "enters\nnucleus"),
    Edge("ap1", "promoter", "activates"),
    Edge("promoter", "proliferation", "activates", "transcription"),
)


def _border_point(node, toward, gap=1.2):
    """Point on the edge of ``node``'s box on the line toward ``toward``."""
    dx, dy = toward[0] - node.x, toward[1] - node.y
    half_w, half_h = node.width / 2 + gap, node.height / 2 + gap
    scale = min(half_w / abs(dx) if dx else float("inf"),
                half_h / abs(dy) if dy else float("inf"))
    return node.x + dx * scale, node.y + dy * scale


def _draw_compartments(ax):
    ax.add_patch(Rectangle((2, 85.5), 96, 5, facecolor="#EEEEEE",
                           edgecolor="none", zorder=0))
    ax.text(97, 92, "plasma membrane", ha="right", va="bottom",
            fontsize=8.5, color="#555555")
    ax.add_patch(FancyBboxPatch((4, 9), 92, 17, boxstyle="round,pad=0,rounding_size=3",
                                facecolor="#F4F4F4", edgecolor="#777777",
                                linestyle="--", linewidth=1, zorder=0))
    ax.text(95, 24.5, "nucleus", ha="right", va="top", fontsize=8.5,
            color="#555555")
    ax.text(3, 49, "cytoplasm", ha="left", va="center", fontsize=8.5,
            color="#555555", rotation=90)


def _draw_node(ax, node):
    emphasis = node.colour == VERMILLION
    draw_node(ax, node, face="#FBE3D6" if emphasis else "white",
              lw=2.2 if emphasis else 1.4)


def _draw_edge(ax, edge):
    source, target = NODES[edge.source], NODES[edge.target]
    start = _border_point(source, (target.x, target.y))
    end = _border_point(target, (source.x, source.y))
    if edge.kind == "inhibits":
        style, colour, width, line = "-[,widthB=0.9,lengthB=0", VERMILLION, 2.4, "-"
    elif edge.kind == "enables":
        style, colour, width, line = "-|>,head_width=0.3,head_length=0.6", "#555555", 1.1, "--"
    else:
        style, colour, width, line = "-|>,head_width=0.3,head_length=0.6", "#333333", 1.2, "-"
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle=style, color=colour,
                                 linewidth=width, linestyle=line,
                                 mutation_scale=10, zorder=1))
    if edge.label:
        f = edge.label_position
        mid_x = start[0] + f * (end[0] - start[0])
        mid_y = start[1] + f * (end[1] - start[1])
        x, y, ha, va = {
            "right": (mid_x + 1, mid_y, "left", "center"),
            "left": (mid_x - 1, mid_y, "right", "center"),
            "above": (mid_x, mid_y + 1.5, "center", "bottom"),
        }[edge.label_side]
        ax.text(x, y, edge.label, ha=ha, va=va, fontsize=7.5,
                color=colour, style="italic", zorder=3)


def draw():
    """The pathway from T-cell receptor to IL-2, with the drug's point of action.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig = Figure(figsize=(7.0, 7.4))
    ax = fig.subplots()
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 101)
    ax.set_aspect("auto")
    ax.axis("off")
    _draw_compartments(ax)
    for edge in EDGES:
        _draw_edge(ax, edge)
    for node in NODES.values():
        _draw_node(ax, node)
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.99)
    return fig


if __name__ == "__main__":
    save_cli(draw)
