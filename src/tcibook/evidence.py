"""Clinical studies as typed records, and a design-based level of evidence.

The off-label uses of the topical calcineurin inhibitors rest on studies of
very different strength, from a vehicle-controlled trial in 167 patients to a
three-patient comparison of the two halves of a face. This module gives each
study a small typed record, :class:`Study`, and grades it with
:func:`evidence_level`.

The grading scale is **the book's own simple scale**. It looks only at the
design of a study, so it gives the best level a study of that design can
reach, before anyone judges its size, blinding, follow-up or consistency
with other studies:

=====  ===========  =============================================================
level  grade        design
=====  ===========  =============================================================
1      high         systematic review or meta-analysis of randomised trials
2      high         randomised controlled trial (parallel groups or within-patient)
3      moderate     controlled but not randomised (cohort, untreated-side control)
4      low          open, uncontrolled study or case series
5      very low     case reports, expert opinion, or reported use without a study
=====  ===========  =============================================================

It resembles published hierarchies of evidence but reproduces none of them,
so a level here should not be quoted as, for example, an Oxford level.

Every number in a study record is read from :mod:`tcibook.facts`, and every
study names its record in ``references.bib``. Each cutaneous lupus study also
records, as fields rather than words, the subtypes it enrolled
(:class:`Subtype`) and how many of its patients had discoid lupus
(``dle_n``), so that studies are selected by what they contain, not by the
wording of their description.

Explained in ``cutaneous-lupus-and-off-label``; practised in ``practice-09``
(chapters/).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Optional

from .facts import value
from .validation import check_choice, check_flag, check_integer, check_number

__all__ = ["Design", "Subtype", "EvidenceLevel", "evidence_level", "Study",
           "cle_studies", "off_label_studies", "dle_studies"]


class Design(Enum):
    """Study designs that the book's scale distinguishes."""

    SYSTEMATIC_REVIEW = "systematic review of randomised trials"
    RANDOMISED = "randomised controlled trial"
    CONTROLLED = "controlled, non-randomised comparison"
    UNCONTROLLED = "open, uncontrolled study or case series"
    REPORTED_USE = "case reports or reported use"

    @property
    def short(self):
        """A short label for table cells."""
        return _SHORT_LABELS[self]


_SHORT_LABELS = {
    Design.SYSTEMATIC_REVIEW: "systematic review",
    Design.RANDOMISED: "randomised",
    Design.CONTROLLED: "controlled, not randomised",
    Design.UNCONTROLLED: "open, uncontrolled",
    Design.REPORTED_USE: "reported use",
}

#: (level, grade) of each design on the book's scale.
_SCALE = {
    Design.SYSTEMATIC_REVIEW: (1, "high"),
    Design.RANDOMISED: (2, "high"),
    Design.CONTROLLED: (3, "moderate"),
    Design.UNCONTROLLED: (4, "low"),
    Design.REPORTED_USE: (5, "very low"),
}


@dataclass(frozen=True)
class EvidenceLevel:
    """Result of :func:`evidence_level`.

    Attributes
    ----------
    level : int
        1 (strongest design) to 5 (weakest).
    grade : str
        ``"high"``, ``"moderate"``, ``"low"`` or ``"very low"``.
    design : Design
        The design that was graded.
    reason : str
        The rule that was applied, in words.
    """

    level: int
    grade: str
    design: Design
    reason: str

    def __str__(self):
        return f"{self.level} ({self.grade})"


class Subtype(Enum):
    """Subtypes of cutaneous lupus erythematosus a study enrolled."""

    DLE = "discoid lupus erythematosus"
    SCLE = "subacute cutaneous lupus erythematosus"
    ACLE = "acute cutaneous lupus erythematosus (malar rash of SLE)"
    LET = "lupus erythematosus tumidus"


def _as_design(design):
    """A :class:`Design` from a member, its value or its name (``"RANDOMISED"``)."""
    if isinstance(design, str) and design in Design.__members__:
        return Design[design]
    return check_choice("design", design, Design)


def evidence_level(design):
    """Grade a study design on the book's five-level scale.

    Parameters
    ----------
    design : Design or str
        The design, or the name (``"RANDOMISED"``) or value
        (``"randomised controlled trial"``) of a :class:`Design`.

    Returns
    -------
    EvidenceLevel
        The level, its grade, the design and the rule applied.

    Raises
    ------
    ValueError
        If ``design`` is not a :class:`Design`, a design name or a design
        value; the message lists the valid values.

    Examples
    --------
    >>> str(evidence_level(Design.RANDOMISED))
    '2 (high)'
    >>> evidence_level("open, uncontrolled study or case series").grade
    'low'
    """
    d = _as_design(design)
    level, grade = _SCALE[d]
    reason = (f"{d.value} -> level {level} ({grade}) on the book's design-based "
              "scale, before size, blinding and consistency are judged")
    return EvidenceLevel(level=level, grade=grade, design=d, reason=reason)


def _text(name, x):
    if not isinstance(x, str) or not x.strip():
        raise ValueError(f"{name} must be a non-empty string; got {x!r}")
    return x


@dataclass(frozen=True)
class Study:
    """One clinical study, as the book reports it.

    Attributes
    ----------
    key : str
        Short identifier, also used in glue names (``"kuhn2011"``).
    label : str
        How the study is named in a table (``"Kuhn et al. 2011"``).
    condition : str
        The disease and subtypes studied.
    design : Design
        The study design, which sets the level of evidence.
    n : int
        Patients included (for a comparison of two groups, both together);
        a whole number >= 1.
    agent : str
        Drug, strength and comparator.
    duration_weeks : float or None
        Planned treatment time in weeks (> 0), or ``None`` when patients
        were treated for different lengths of time.
    outcome : str
        The main result, in one sentence.
    source : str
        Key of the study's ``references.bib`` record.
    duration_is_minimum : bool
        ``True`` when ``duration_weeks`` is a minimum, not a fixed time.
    subtypes : tuple of Subtype
        Cutaneous lupus subtypes the study enrolled, as far as its report
        says; empty when it does not say (or for a study outside lupus).
    dle_n : int or None
        Patients with discoid lupus, a whole number in [0, ``n``]; ``None``
        when the report gives no count.

    Raises
    ------
    ValueError
        On construction, if a field is missing, of the wrong type or out of
        range.
    """

    key: str
    label: str
    condition: str
    design: Design
    n: int
    agent: str
    duration_weeks: Optional[float]
    outcome: str
    source: str
    duration_is_minimum: bool = False
    subtypes: tuple = ()
    dle_n: Optional[int] = None

    def __post_init__(self):
        for name in ("key", "label", "condition", "agent", "outcome", "source"):
            _text(name, getattr(self, name))
        object.__setattr__(self, "design", _as_design(self.design))
        n = check_integer("n", self.n, low=1, unit="patients")
        object.__setattr__(self, "n", n)
        if self.duration_weeks is not None:
            object.__setattr__(self, "duration_weeks", check_number(
                "duration_weeks", self.duration_weeks, low=0.0, low_open=True,
                unit="weeks"))
        minimum = check_flag("duration_is_minimum", self.duration_is_minimum)
        if minimum and self.duration_weeks is None:
            raise ValueError("duration_is_minimum needs a duration_weeks")
        if not isinstance(self.subtypes, (tuple, list, frozenset, set)):
            raise ValueError(f"subtypes must be a tuple of Subtype; got "
                             f"{self.subtypes!r}")
        object.__setattr__(self, "subtypes", tuple(
            check_choice("subtypes", t, Subtype) for t in self.subtypes))
        if self.dle_n is not None:
            dle = check_integer("dle_n", self.dle_n, low=0, high=n, unit="patients")
            if dle and Subtype.DLE not in self.subtypes:
                raise ValueError("dle_n is above 0, so subtypes must include "
                                 "Subtype.DLE")
            object.__setattr__(self, "dle_n", dle)

    @property
    def evidence(self):
        """The :class:`EvidenceLevel` of this study's design."""
        return evidence_level(self.design)

    @property
    def duration_text(self):
        """Treatment time for a table cell: ``"8"``, ``"≥ 6"`` or ``"varied"``."""
        if self.duration_weeks is None:
            return "varied"
        weeks = f"{self.duration_weeks:g}"
        return f"≥ {weeks}" if self.duration_is_minimum else weeks


    @property
    def includes_dle(self):
        """True when the study enrolled patients with discoid lupus."""
        return Subtype.DLE in self.subtypes


def _pct(key):
    return f"{value(key):g} %"


def _tacrolimus():
    """'tacrolimus 0.1 % ointment', with the strength read from the facts."""
    return f"tacrolimus {_pct('tacrolimus_ointment_high_strength')} ointment"


def _pimecrolimus():
    """'pimecrolimus 1 % cream', with the strength read from the facts."""
    return f"pimecrolimus {_pct('pimecrolimus_cream_strength')} cream"


def cle_studies():
    """Clinical studies of topical calcineurin inhibitors in cutaneous lupus.

    Only studies whose bibliographic record was verified (where noted in
    ``references.bib``, with the search tool) are listed,
    strongest design first. Reviews are not studies and are cited in the text
    instead.

    Returns
    -------
    tuple of Study
    """
    sig_days = " and ".join(f"{d:g}" for d in value("kuhn2011_significant_days"))
    madan_good = (value("madan2010_n_compound_good")
                  + value("madan2010_n_compound_excellent"))
    return (
        Study("kuhn2011", "Kuhn et al. 2011",
              "CLE, several subtypes", Design.RANDOMISED,
              value("kuhn2011_n_patients"),
              f"{_tacrolimus()} vs vehicle, two lesions per patient",
              value("kuhn2011_treatment_weeks"),
              f"better than vehicle at days {sig_days}, not at day "
              f"{value('kuhn2011_nonsignificant_day'):g}; oedema responded first",
              source="kuhn2011tacrolimus",
              subtypes=(Subtype.DLE, Subtype.LET, Subtype.SCLE, Subtype.ACLE),
              dle_n=value("kuhn2011_n_dle")),
        Study("barikbin2009", "Barikbin et al. 2009",
              "facial DLE, no SLE", Design.RANDOMISED,
              value("barikbin2009_n_patients"),
              f"{_pimecrolimus()} vs betamethasone valerate "
              f"{_pct('barikbin2009_betamethasone_pct')} cream",
              value("barikbin2009_treatment_weeks"),
              f"severity score fell {_pct('barikbin2009_score_fall_pimecrolimus_pct')}"
              f" vs {_pct('barikbin2009_score_fall_betamethasone_pct')}; no "
              f"significant difference (P = {value('barikbin2009_between_group_p'):g})",
              source="barikbin2009pimecrolimus",
              subtypes=(Subtype.DLE,), dle_n=value("barikbin2009_n_patients")),
        Study("madan2010", "Madan et al. 2010",
              "treatment-resistant CLE, mostly DLE", Design.CONTROLLED,
              value("madan2010_n_compound") + value("madan2010_n_tacrolimus_alone"),
              f"tacrolimus {_pct('madan2010_compound_tacrolimus_pct')} in "
              f"clobetasol {_pct('madan2010_compound_clobetasol_pct')} "
              f"ointment ({value('madan2010_n_compound'):g}) vs {_tacrolimus()} "
              f"alone ({value('madan2010_n_tacrolimus_alone'):g}); case notes",
              None,
              f"good or excellent response in {madan_good:g} of "
              f"{value('madan2010_n_compound'):g} on the compound, good in "
              f"{value('madan2010_n_alone_good'):g} of "
              f"{value('madan2010_n_tacrolimus_alone'):g} on tacrolimus alone",
              source="madan2010tacrolimus",
              # DLE counted in the compound group only; the comparison
              # patients' subtypes are not reported.
              subtypes=(Subtype.DLE,), dle_n=value("madan2010_n_compound_dle")),
        Study("kanekura2003", "Kanekura et al. 2003",
              "malar rash of SLE (ACLE)", Design.CONTROLLED,
              value("kanekura2003_n_patients"),
              f"{_tacrolimus()} on one side of the face, other side "
              "untreated; sunscreen on both",
              value("kanekura2003_treatment_weeks"),
              "less erythema on the treated side in every patient",
              source="kanekura2003tacrolimus",
              subtypes=(Subtype.ACLE,), dle_n=0),
        Study("tlacuiloparra2005", "Tlacuilo-Parra et al. 2005",
              "DLE, no systemic disease", Design.UNCONTROLLED,
              value("tlacuiloparra2005_n_patients"),
              f"{_pimecrolimus()} twice daily",
              value("tlacuiloparra2005_treatment_weeks"),
              f"mean severity score fell {_pct('tlacuiloparra2005_score_fall_pct')}",
              source="tlacuiloparra2005pimecrolimus",
              subtypes=(Subtype.DLE,), dle_n=value("tlacuiloparra2005_n_patients")),
        Study("lampropoulos2004", "Lampropoulos et al. 2004",
              "resistant DLE, SCLE and SLE rashes", Design.UNCONTROLLED,
              value("lampropoulos2004_n_patients"),
              _tacrolimus(),
              value("lampropoulos2004_min_weeks"),
              f"{value('lampropoulos2004_n_clearly_improved'):g} clearly "
              f"improved; DLE: {value('lampropoulos2004_dle_improved'):g} of "
              f"{value('lampropoulos2004_dle_n'):g}",
              source="lampropoulos2004tacrolimus", duration_is_minimum=True,
              subtypes=(Subtype.DLE, Subtype.SCLE, Subtype.ACLE),
              dle_n=value("lampropoulos2004_dle_n")),
        # Authors unverified: the record is cited by its title, and the label
        # names the journal instead of an author. Subtypes not itemised in
        # the abstract, so none are recorded and no DLE count is given.
        Study("pimecrolimus2004", "J Am Acad Dermatol 2004 (PMID 15337984)",
              "different forms of lupus erythematosus", Design.UNCONTROLLED,
              value("pimecrolimus2004_n_patients"),
              f"{_pimecrolimus()} twice daily under semi-occlusion",
              value("pimecrolimus2004_treatment_weeks"),
              "skin lesions regressed in all patients on a clinical score",
              source="pimecrolimus2004lupus"),
    )


def off_label_studies():
    """Randomised trials of topical calcineurin inhibitors beyond lupus.

    One or two verified trials per condition, for the conditions that the
    chapter on off-label use discusses.

    Returns
    -------
    tuple of Study
    """
    arms = value("ho2011_arm_sizes")
    return (
        Study("lebwohl2004", "Lebwohl et al. 2004",
              "psoriasis of the face or skin folds", Design.RANDOMISED,
              value("lebwohl2004_n_patients"),
              f"{_tacrolimus()} vs vehicle",
              value("lebwohl2004_treatment_weeks"),
              f"clear or almost clear: {_pct('lebwohl2004_clear_tacrolimus_pct')}"
              f" vs {_pct('lebwohl2004_clear_vehicle_pct')}",
              source="lebwohl2004tacrolimus"),
        Study("gribetz2004", "Gribetz et al. 2004",
              "intertriginous (inverse) psoriasis", Design.RANDOMISED,
              value("gribetz2004_n_patients"),
              f"{_pimecrolimus()} vs vehicle",
              value("gribetz2004_treatment_weeks"),
              f"clear or almost clear at week "
              f"{value('gribetz2004_early_week'):g}: "
              f"{_pct('gribetz2004_clear_week2_pimecrolimus_pct')} vs "
              f"{_pct('gribetz2004_clear_week2_vehicle_pct')}",
              source="gribetz2004pimecrolimus"),
        Study("ho2011", "Ho et al. 2011",
              "childhood vitiligo", Design.RANDOMISED, sum(arms),
              f"{_tacrolimus()} vs clobetasol propionate "
              f"{_pct('ho2011_clobetasol_pct')} ointment vs placebo",
              value("ho2011_treatment_months") * 52 / 12,
              f"repigmentation > {_pct('ho2011_response_threshold_pct')} "
              "on the face: "
              f"{_pct('ho2011_facial_response_tacrolimus_pct')} with tacrolimus, "
              f"{_pct('ho2011_facial_response_clobetasol_pct')} with clobetasol; "
              "both better than placebo",
              source="ho2011tacrolimus"),
        Study("kim2013", "Kim et al. 2013",
              "facial seborrhoeic dermatitis, after clearing", Design.RANDOMISED,
              value("kim2013_n_randomised"),
              f"{_tacrolimus()} once or twice weekly vs vehicle",
              value("kim2013_maintenance_weeks"),
              "improvement held on both tacrolimus schedules, not on vehicle; "
              "twice weekly relapsed less than once weekly",
              source="kim2013proactive"),
    )


def dle_studies(studies=None):
    """The studies that enrolled patients with discoid lupus, strongest design first.

    Selected by the :attr:`Study.subtypes` field, never by the wording of the
    ``condition`` text; a study that enrolled DLE among other subtypes is
    included, and its :attr:`Study.dle_n` says how many of its patients had
    DLE.

    Parameters
    ----------
    studies : iterable of Study, optional
        Defaults to :func:`cle_studies`.

    Returns
    -------
    tuple of Study
        Sorted by evidence level, then by the number of DLE patients (more
        first).

    Examples
    --------
    >>> [s.key for s in dle_studies()][:2]
    ['kuhn2011', 'barikbin2009']
    """
    pool = cle_studies() if studies is None else tuple(studies)
    for s in pool:
        if not isinstance(s, Study):
            raise ValueError(f"studies must hold Study records; got {s!r}")
    chosen = [s for s in pool if s.includes_dle]
    return tuple(sorted(chosen, key=lambda s: (s.evidence.level, -(s.dle_n or 0))))
