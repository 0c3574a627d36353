"""Figure: forest-style plot of the Cochrane 2015 risk ratios for topical tacrolimus."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from figs import OKABE_ITO, save_cli
from tcibook.effect_sizes import cochrane2015_tacrolimus

#: Colour and marker for ratios that count improving and NOT improving.
STYLE = {True: (OKABE_ITO[0], "o"), False: (OKABE_ITO[5], "s")}
#: Ticks of the log-scaled ratio axis.
TICKS = (0.5, 0.75, 1, 1.5, 2, 3, 5)


def draw():
    """Risk ratios with 95 % intervals on a log axis, one row per comparison.

    Marker area grows with the number of participants. Circles count
    patients who improved (right of 1 favours the first-named arm); squares
    count patients who did not improve (left of 1 favours it).

    Returns
    -------
    matplotlib.figure.Figure
    """
    rows = cochrane2015_tacrolimus()
    largest = max(r.n_participants for r in rows)
    fig = Figure(figsize=(7.4, 3.6))
    ax = fig.subplots()
    for i, r in enumerate(rows):
        y = len(rows) - 1 - i
        colour, marker = STYLE[r.counts_improvement]
        ax.plot([r.lower, r.upper], [y, y], color=colour, linewidth=2,
                solid_capstyle="butt")
        ax.plot([r.ratio], [y], marker=marker, color=colour, linestyle="none",
                markersize=5 + 5 * (r.n_participants / largest) ** 0.5,
                markeredgecolor="white", zorder=3)
        ax.annotate(f"{r.ratio:.2f} ({r.lower:.2f}\u2013{r.upper:.2f})",
                    xy=(1.0, y), xycoords=("axes fraction", "data"),
                    xytext=(6, 0), textcoords="offset points", va="center")
    ax.axvline(1, color=OKABE_ITO[7], linestyle="--", linewidth=1)
    ax.set_xscale("log")
    ax.set_xlim(TICKS[0], TICKS[-1])
    ax.xaxis.set_major_locator(FixedLocator(TICKS))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x:g}"))
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"{r.comparison}\n{r.n_studies} "
                        f"{'study' if r.n_studies == 1 else 'studies'}, "
                        f"n = {r.n_participants:,}" for r in reversed(rows)])
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_xlabel("Risk ratio, physician's assessment (log scale)")
    ax.text(1.0, 1.0, "RR (95 % CI)", transform=ax.transAxes,
            ha="left", va="bottom", fontweight="bold")
    ax.legend(handles=[
        Line2D([], [], color=STYLE[True][0], marker=STYLE[True][1],
               label="counts patients who improved: right of 1 favours the first-named"),
        Line2D([], [], color=STYLE[False][0], marker=STYLE[False][1],
               label="counts patients who did not improve: left of 1 favours the first-named"),
    ], loc="upper center", bbox_to_anchor=(0.35, -0.2),
        fontsize=8.5)
    fig.set_layout_engine("tight")
    return fig


if __name__ == "__main__":
    save_cli(draw)
