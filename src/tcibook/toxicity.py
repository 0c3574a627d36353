"""The harms of the systemic calcineurin inhibitors, as records.

Two kinds of record are kept, so that the chapter's tables are data and not
typed prose:

* :class:`LabelStatement` — one warning or precaution of a US label, under
  the heading the label gives it, with what the label says to monitor;
* :class:`ClassEffect` — one harm that clinicians watch for across the
  class, with the measurement that detects it and the state of knowledge
  about its mechanism (:class:`MechanismStatus`), so that a mechanism the
  sources only propose is never printed as an established one.

Every record names the ``references.bib`` key of its source; the page where
the wording was seen is given in the bibliography comment of that key.
Each list records the statements of the label text (or of the FDA's record
of a labelling change) named in its source; :data:`LABEL_COVERAGE` says
which part of the label each list covers.

Explained in ``systemic-toxicity-and-alternatives``; practised in no problem
set (chapters/).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .products import Product
from .validation import check_choice

__all__ = ["Product", "LABELLED", "Category", "MechanismStatus", "LabelStatement",
           "ClassEffect", "LABEL_COVERAGE", "label_statements", "class_effects",
           "categories"]


class Category(Enum):
    """Organ system or kind of harm."""

    IMMUNE = "infection and malignancy"
    RENAL = "kidney"
    HEPATIC = "liver"
    ELECTROLYTES = "electrolytes and uric acid"
    METABOLIC = "glucose and lipids"
    CARDIOVASCULAR = "blood pressure and heart"
    NEUROLOGICAL = "nervous system"
    COSMETIC = "skin, hair and gums"
    HAEMATOLOGICAL = "blood"
    FORMULATION = "formulation and dosing errors"
    INTERACTIONS = "drug combinations and interactions"
    OTHER = "other"


class MechanismStatus(Enum):
    """How well a harm's mechanism is established in the cited sources."""

    DESCRIBED = "described in the cited sources"
    PROPOSED = "proposed; not established"
    NOT_GIVEN = "not given in the cited sources"


@dataclass(frozen=True)
class LabelStatement:
    """One warning or precaution of a US label.

    Attributes
    ----------
    product : Product
    heading : str
        The label's heading, shortened where it is long.
    section : str
        Where in the label it stands: ``"boxed warning"``, ``"warnings and
        precautions"``, ``"adverse reactions"`` ...
    category : Category
    monitoring : str
        What the label says to watch or do; ``""`` where the record gives
        only the heading.
    source : str
        ``references.bib`` key.
    subsection : str
        The label's subsection number (``"5.9"``) for a label with numbered
        subsections; ``""`` otherwise.
    """

    product: Product
    heading: str
    section: str
    category: Category
    monitoring: str
    source: str
    subsection: str = ""


@dataclass(frozen=True)
class ClassEffect:
    """A harm monitored across the systemic calcineurin inhibitors.

    Attributes
    ----------
    name : str
    category : Category
    monitored_by : str
        The measurement or examination that detects it.
    mechanism : str
        The mechanism as the sources state it, or why none is given.
    status : MechanismStatus
    sources : tuple of str
        ``references.bib`` keys.
    """

    name: str
    category: Category
    monitored_by: str
    mechanism: str
    status: MechanismStatus
    sources: tuple


_P, _L, _G, _N = Product.PROGRAF, Product.LUPKYNIS, Product.GENGRAF, Product.NEORAL
_C = Category
_PROGRAF = "prograf_us_label"


def _prograf(subsection, heading, category, monitoring):
    """One numbered subsection of the Prograf label's warnings and precautions."""
    return LabelStatement(_P, heading, "warnings and precautions", category,
                          monitoring, _PROGRAF, subsection)


def _neoral_transplant(heading, category, monitoring, source="neoral_srlc2012"):
    """One heading of the Neoral label's warnings for transplant patients."""
    return LabelStatement(_N, heading, "warnings (kidney, liver and heart "
                          "transplant)", category, monitoring, source)


_LABEL_STATEMENTS = (
    # --- Prograf ------------------------------------------------------
    # Headings and numbers of the current label (bibliography comment of
    # prograf_us_label); monitoring where the label's text gives it.
    LabelStatement(_P, "Malignancies and serious infections", "boxed warning",
                   _C.IMMUNE, "", _PROGRAF),
    _prograf("5.1", "Lymphoma and other malignancies", _C.IMMUNE,
             "skin examined; sun and UV light limited; EBV serology"),
    _prograf("5.2", "Serious infections", _C.IMMUNE,
             "watch for infection; immunosuppression balanced against rejection"),
    _prograf("5.3", "Not interchangeable with extended-release tacrolimus "
             "products (medication errors)", _C.FORMULATION,
             "changes between immediate- and extended-release forms only "
             "under physician supervision; patients taught to recognise "
             "their product"),
    _prograf("5.4", "New-onset diabetes after transplant", _C.METABOLIC, ""),
    _prograf("5.5", "Nephrotoxicity due to Prograf and drug interactions", _C.RENAL,
             "serum creatinine and trough: dose reduced or interrupted when both "
             "are high; renal function and levels with other nephrotoxic drugs"),
    _prograf("5.6", "Neurotoxicity, including PRES", _C.NEUROLOGICAL, ""),
    _prograf("5.7", "Hyperkalaemia", _C.ELECTROLYTES, ""),
    _prograf("5.8", "Hypertension", _C.CARDIOVASCULAR, ""),
    _prograf("5.9", "Anaphylactic reactions with Prograf injection", _C.OTHER, ""),
    _prograf("5.10", "Not recommended for use with sirolimus", _C.INTERACTIONS, ""),
    _prograf("5.13", "Myocardial hypertrophy", _C.CARDIOVASCULAR, ""),
    _prograf("5.14", "Immunizations", _C.IMMUNE, "no live vaccines"),
    _prograf("5.15", "Pure red cell aplasia", _C.HAEMATOLOGICAL,
             "stopping the drug considered"),
    _prograf("5.16", "Thrombotic microangiopathy, including haemolytic uraemic "
             "syndrome and thrombotic thrombocytopenic purpura", _C.RENAL, ""),
    _prograf("5.17", "Cannabidiol drug interactions", _C.INTERACTIONS, ""),
    # --- Lupkynis -----------------------------------------------------
    LabelStatement(_L, "Malignancies and serious infections", "boxed warning",
                   _C.IMMUNE, "", "lupkynis_us_label"),
    LabelStatement(_L, "Lymphoma and other malignancies", "warnings and precautions", _C.IMMUNE,
                   "skin examined; sun and UV light avoided or limited",
                   "lupkynis_us_label"),
    LabelStatement(_L, "Serious infections", "warnings and precautions", _C.IMMUNE,
                   "watch for infection; lowest effective dose", "lupkynis_us_label"),
    LabelStatement(_L, "Nephrotoxicity (acute and/or chronic)", "warnings and precautions", _C.RENAL,
                   "renal function; dose reduction considered", "lupkynis_us_label"),
    LabelStatement(_L, "Hypertension", "warnings and precautions", _C.CARDIOVASCULAR,
                   "blood pressure; antihypertensive treatment may be needed",
                   "lupkynis_us_label"),
    LabelStatement(_L, "Neurotoxicity, including PRES", "warnings and precautions", _C.NEUROLOGICAL,
                   "neurological abnormalities; dose reduced or drug stopped",
                   "lupkynis_us_label"),
    LabelStatement(_L, "Hyperkalaemia", "warnings and precautions", _C.ELECTROLYTES, "serum potassium",
                   "lupkynis_us_label"),
    LabelStatement(_L, "QT prolongation", "warnings and precautions", _C.CARDIOVASCULAR,
                   "ECG and electrolytes in patients at high risk", "lupkynis_us_label"),
    LabelStatement(_L, "Hypersensitivity reactions", "warnings and precautions", _C.OTHER,
                   "stop the drug; treat until the reaction resolves",
                   "lupkynis_us_label"),
    LabelStatement(_L, "Immunizations", "warnings and precautions", _C.IMMUNE, "no live vaccines",
                   "lupkynis_us_label"),
    LabelStatement(_L, "Pure red cell aplasia", "warnings and precautions", _C.HAEMATOLOGICAL,
                   "stopping the drug considered", "lupkynis_us_label"),
    # --- Gengraf (old-format label: boxed warning, warnings, precautions,
    # --- adverse reactions) ----------------------------------------------
    LabelStatement(_G, "Increased susceptibility to infection and possible "
                   "lymphoma and other neoplasms", "boxed warning", _C.IMMUNE, "",
                   "gengraf_us_label"),
    LabelStatement(_G, "Not bioequivalent to Sandimmune; not interchangeable "
                   "without physician supervision", "boxed warning", _C.FORMULATION,
                   "cyclosporine blood concentrations in transplant and "
                   "rheumatoid arthritis patients", "gengraf_us_label"),
    LabelStatement(_G, "Psoriasis: skin malignancies after PUVA and other "
                   "treatments; hypertension and nephrotoxicity rising with dose "
                   "and duration", "boxed warning", _C.RENAL,
                   "renal function during therapy", "gengraf_us_label"),
    LabelStatement(_G, "Nephrotoxicity and hepatotoxicity; structural kidney "
                   "damage", "warnings", _C.RENAL,
                   "frequent serum creatinine; care with other nephrotoxic drugs",
                   "gengraf_us_label"),
    LabelStatement(_G, "Hypertension", "warnings and adverse reactions",
                   _C.CARDIOVASCULAR, "blood pressure", "gengraf_us_label"),
    LabelStatement(_G, "Special monitoring of psoriasis patients", "precautions",
                   _C.OTHER,
                   "before treatment: blood pressure and serum creatinine on two "
                   "occasions, BUN, CBC, magnesium, potassium, uric acid, lipids; "
                   "creatinine and BUN every 2 weeks for 3 months, then monthly",
                   "gengraf_us_label"),
    LabelStatement(_G, "Principal adverse reactions: renal dysfunction, tremor, "
                   "hirsutism, hypertension, gum hyperplasia", "adverse reactions",
                   _C.COSMETIC, "", "gengraf_us_label"),
    LabelStatement(_G, "Glomerular capillary thrombosis (a picture like the "
                   "haemolytic-uraemic syndrome)", "adverse reactions", _C.RENAL, "",
                   "gengraf_us_label"),
    LabelStatement(_G, "Hypomagnesaemia, reported in some patients with "
                   "convulsions", "adverse reactions", _C.ELECTROLYTES, "",
                   "gengraf_us_label"),
    # --- Neoral: the transplant warnings as revised in August 2012, from the
    # --- FDA's record of the change (and of the BK virus text of 2009) ------
    _neoral_transplant("Nephrotoxicity", _C.RENAL, ""),
    _neoral_transplant("Thrombotic microangiopathy", _C.RENAL, ""),
    _neoral_transplant("Hepatotoxicity: cholestasis, jaundice, hepatitis and "
                       "liver failure", _C.HEPATIC, ""),
    _neoral_transplant("Serious infections: bacterial, viral, fungal and "
                       "protozoal, including opportunistic", _C.IMMUNE, ""),
    _neoral_transplant("Polyoma virus infections", _C.IMMUNE, ""),
    _neoral_transplant("Neurotoxicity", _C.NEUROLOGICAL, ""),
    _neoral_transplant("Latent viral infections: BK virus-associated "
                       "nephropathy (added in 2009)", _C.IMMUNE,
                       "reduction in immunosuppression considered",
                       "neoral_srlc2009"),
)

#: Which part of each label the list covers, in words the chapter can print.
LABEL_COVERAGE = {
    Product.PROGRAF: ("the boxed warning and the numbered subsections of the "
                      "label's warnings and precautions, under the label's "
                      "headings"),
    Product.LUPKYNIS: "every subsection of the label's warnings and precautions",
    Product.GENGRAF: ("the boxed warning and the principal warnings, precautions "
                      "and adverse reactions of an old-format label that has no "
                      "numbered warnings section"),
    Product.NEORAL: ("the headings of the warnings for transplant patients as the "
                     "FDA recorded them when they were revised in August 2012, "
                     "and the BK virus paragraph added in 2009"),
}

#: The products whose US label warnings are recorded here.
LABELLED = tuple(LABEL_COVERAGE)

_DESCRIBED, _PROPOSED, _NONE = (MechanismStatus.DESCRIBED, MechanismStatus.PROPOSED,
                                MechanismStatus.NOT_GIVEN)

_CLASS_EFFECTS = (
    ClassEffect("Acute nephrotoxicity", _C.RENAL,
                "serum creatinine, eGFR",
                "renal vasoconstriction from fewer vasodilators and more "
                "vasoconstrictors; the rise in creatinine is generally "
                "reversible when the dose is reduced",
                _DESCRIBED, ("cni2011lestweforget", "gengraf_us_label")),
    ClassEffect("Chronic nephrotoxicity", _C.RENAL,
                "creatinine trend; biopsy",
                "arteriolar hyalinosis, striped interstitial fibrosis and "
                "glomerulosclerosis, findings that are non-specific; whether "
                "it acts through calcineurin-NFAT is unanswered, and how much "
                "late graft loss it explains is disputed",
                _PROPOSED, ("cni2011lestweforget", "naesens_cni_nephrotoxicity",
                            "issa2013cni")),
    ClassEffect("Thrombotic microangiopathy", _C.RENAL,
                "creatinine, platelets, signs of haemolysis",
                "not given", _NONE, ("gengraf_us_label",)),
    ClassEffect("Hyperkalaemia", _C.ELECTROLYTES, "serum potassium",
                "for tacrolimus, the activation of the renal sodium chloride "
                "cotransporter shown for its hypertension gives a picture that "
                "resembles familial hyperkalaemic hypertension, as the authors "
                "of that study note; not established for hyperkalaemia itself",
                _PROPOSED,
                ("prograf_us_label", "lupkynis_us_label", "farouk2020cni",
                 "hoorn2011ncc")),
    ClassEffect("Hypomagnesaemia", _C.ELECTROLYTES, "serum magnesium",
                "not given", _NONE,
                ("gengraf_us_label", "prograf_us_label", "farouk2020cni")),
    ClassEffect("Hyperuricaemia", _C.ELECTROLYTES, "serum uric acid",
                "not given", _NONE, ("gengraf_us_label", "farouk2020cni")),
    ClassEffect("Dyslipidaemia", _C.METABOLIC, "lipids",
                "not given", _NONE, ("gengraf_us_label", "farouk2020cni")),
    ClassEffect("New-onset diabetes after transplantation", _C.METABOLIC,
                "blood glucose",
                "calcineurin and NFAT may be required for beta-cell function, "
                "a review infers from the diabetes seen on tacrolimus and "
                "cyclosporine",
                _PROPOSED, ("prograf_us_label", "farouk2020cni", "heit2007betacell")),
    ClassEffect("Hypertension", _C.CARDIOVASCULAR, "blood pressure",
                "for tacrolimus, activation of the renal sodium chloride "
                "cotransporter (no rise in blood pressure in mice without it, a "
                "larger thiazide response in treated patients); renal "
                "vasoconstriction is the older explanation for the class",
                _DESCRIBED,
                ("gengraf_us_label", "lupkynis_us_label", "farouk2020cni",
                 "hoorn2011ncc")),
    ClassEffect("QT prolongation", _C.CARDIOVASCULAR,
                "ECG and electrolytes in patients at risk",
                "not given", _NONE, ("lupkynis_us_label", "envarsus_us_label")),
    ClassEffect("Tremor", _C.NEUROLOGICAL, "clinical examination",
                "not given", _NONE,
                ("gengraf_us_label", "prograf_us_label", "farouk2020cni")),
    ClassEffect("Posterior reversible encephalopathy syndrome", _C.NEUROLOGICAL,
                "neurological symptoms; imaging",
                "not given", _NONE, ("lupkynis_us_label", "prograf_us_label")),
    ClassEffect("Hirsutism and gingival hyperplasia (cyclosporine)", _C.COSMETIC,
                "clinical examination", "not given", _NONE,
                ("gengraf_us_label", "farouk2020cni")),
    ClassEffect("Serious and opportunistic infections", _C.IMMUNE,
                "clinical watch for infection",
                "suppressed T-cell immunity; the label relates the risk to the "
                "intensity and duration of immunosuppression rather than to "
                "one agent", _DESCRIBED, ("lupkynis_us_label",)),
    ClassEffect("Lymphoma and skin cancer", _C.IMMUNE,
                "skin examination; lymph nodes",
                "as for infections: the intensity and duration of "
                "immunosuppression", _DESCRIBED, ("lupkynis_us_label",)),
)


def label_statements(product) -> tuple:
    """The label statements recorded for ``product`` (a :class:`Product` or
    its value), in the label's order.

    >>> len(label_statements("lupkynis"))
    11
    """
    product = check_choice("product", product, Product, among=LABELLED)
    return tuple(s for s in _LABEL_STATEMENTS if s.product is product)


def class_effects(category=None) -> tuple:
    """The class effects, all of them or those of one :class:`Category`.

    >>> [e.name for e in class_effects("electrolytes and uric acid")]
    ['Hyperkalaemia', 'Hypomagnesaemia', 'Hyperuricaemia']
    """
    if category is None:
        return _CLASS_EFFECTS
    category = check_choice("category", category, Category)
    return tuple(e for e in _CLASS_EFFECTS if e.category is category)


def categories(product) -> tuple:
    """The categories that ``product``'s recorded statements cover, in the
    order of :class:`Category`."""
    covered = {s.category for s in label_statements(product)}
    return tuple(c for c in Category if c in covered)
