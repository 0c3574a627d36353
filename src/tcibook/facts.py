"""Every clinical and physicochemical constant the book prints.

Each :class:`Fact` carries its value, its unit, the key of its source in
``references.bib`` and, where a secondary source or common belief disagrees with
the verified value, a note that says so. Chapters read numbers from here and
put them into prose with myst-nb ``glue`` (see :mod:`tcibook.gluing`); they
never retype them.

To add a fact: add one entry to ``FACTS`` below, add its source record to
``references.bib`` if it is new, and cite that record where the fact is
printed. ``tests/test_facts.py`` fails when a fact names a key that is missing
from the bibliography.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Union

__all__ = ["Fact", "FACTS", "fact", "value", "bib_keys", "unsourced_facts"]

Number = Union[int, float]


@dataclass(frozen=True)
class Fact:
    """One sourced constant.

    Attributes
    ----------
    key : str
        Identifier used by chapters and in glue names (``snake_case``).
    value : int, float or tuple of them
        The number as printed in the source.
    unit : str
        Unit of ``value``; ``""`` for a dimensionless count or ratio.
    source : str
        Key of the source record in ``references.bib``.
    description : str
        What the number is, in one line.
    note : str
        Where secondary sources or common citations disagree, what they say and why the
        book does not follow them. Empty otherwise.
    """

    key: str
    value: Union[Number, tuple]
    unit: str
    source: str
    description: str
    note: str = ""


#: Where the Siegfried 2013 registry figures were seen (search tool).
_SIEGFRIED2013_NOTE = (
    "Seen in the abstract at https://www.springermedicine.com/link?doi="
    "10.1007%2Fs40257-013-0020-1 ('followed for up to 5.5 years [10,724 "
    "patient-years (PY)] or 6.5 years (16,219 PY), respectively').")

#: Where the Andrews 2019 population-model numbers were seen (search tool).
_ANDREWS2019_TABLE = (
    "Seen in Table 2 (final model column) at https://pmc.ncbi.nlm.nih.gov/"
    "articles/PMC6379219/table/bcp13838-tbl-0002.")
_ANDREWS2019_ABSTRACT = (
    "Seen in the abstract at https://repub.eur.nl/pub/115336.")
_NLMIXR2LIB_FILE = (
    "Seen in inst/modeldb/specificDrugs/Andrews_2019_tacrolimus.R of "
    "github.com/nlmixr2/nlmixr2lib (commit b0ff40bd)")
_NLMIXR2LIB_ANDREWS2019 = _NLMIXR2LIB_FILE + ", which quotes the paper's Data S1 control stream:"

_FACT_LIST = [
    # --- Molecules -------------------------------------------------------
    Fact("tacrolimus_mw_anhydrous", 804.02, "g/mol", "hmdb_tacrolimus",
         "Molar mass of anhydrous tacrolimus, C44H69NO12",
         "HMDB lists the average mass as 804.0182; the Merck Index prints 804.02."),
    Fact("tacrolimus_mw_monohydrate", 822.03, "g/mol", "protopic_us_label",
         "Formula weight of tacrolimus monohydrate, C44H69NO12·H2O, the form in "
         "Protopic and Prograf",
         "A secondary source gives 822.05 Da; the label and the Merck Index give 822.03."),
    Fact("pimecrolimus_mw", 810.47, "g/mol", "elidel_us_label",
         "Molar mass of pimecrolimus, C43H68ClNO11"),
    Fact("skin_penetration_mw_limit", 500, "Da", "bos2000rule",
         "Molecular weight above which penetration of intact skin falls off "
         "sharply (the '500 Dalton rule')"),
    # --- Products --------------------------------------------------------
    Fact("tacrolimus_ointment_low_strength", 0.03, "%", "protopic_us_label",
         "Lower strength of tacrolimus ointment (Protopic)"),
    Fact("tacrolimus_ointment_high_strength", 0.1, "%", "protopic_us_label",
         "Higher strength of tacrolimus ointment (Protopic)"),
    Fact("pimecrolimus_cream_strength", 1, "%", "elidel_us_label",
         "Strength of pimecrolimus cream (Elidel), 10 mg/g"),
    Fact("protopic_tube_sizes", (30, 60, 100), "g", "protopic_us_label",
         "Tube sizes of Protopic ointment in the US label"),
    Fact("protopic_us_min_age", 2, "years", "protopic_us_label",
         "Youngest age for which US Protopic is indicated"),
    Fact("protopic_us_high_strength_min_age", 16, "years", "protopic_us_label",
         "Youngest age for which the 0.1 % strength is indicated in the US; "
         "ages 2 to 15 use 0.03 % only"),
    Fact("elidel_us_min_age", 2, "years", "elidel_us_label",
         "Youngest age for which US Elidel is indicated"),
    Fact("elidel_uk_min_age_months", 3, "months", "elidel_uk_smpc",
         "Youngest age for Elidel in the UK SmPC (updated 2 March 2022); "
         "Health Canada extended the indication to the same age in October 2019",
         "A secondary source says pimecrolimus is approved from 3 months without naming a "
         "region; that is true in Canada and the UK, not in the US (2 years)."),
    Fact("protopic_us_approval_year", 2000, "", "protopic_us_label",
         "Year of first US approval of Protopic (December 2000)"),
    Fact("elidel_us_approval_year", 2001, "", "elidel_us_label",
         "Year of first US approval of Elidel"),
    Fact("lupkynis_us_approval_year", 2021, "", "lupkynis_us_label",
         "Year of first US approval of voclosporin (Lupkynis), 22 January 2021"),
    # --- Evidence --------------------------------------------------------
    Fact("cochrane2015_n_studies", 20, "", "curymartins2015cochrane",
         "Randomised trials in the 2015 Cochrane review of topical tacrolimus"),
    Fact("cochrane2015_n_participants", 5885, "", "curymartins2015cochrane",
         "Participants in the 2015 Cochrane review of topical tacrolimus"),
    Fact("aurora1_crr_voclosporin", 40.8, "%", "rovin2021aurora",
         "Complete renal response at week 52 in AURORA 1 with voclosporin "
         "added to mycophenolate and low-dose steroids"),
    Fact("aurora1_crr_placebo", 22.5, "%", "rovin2021aurora",
         "Complete renal response at week 52 in AURORA 1 with placebo "
         "added to mycophenolate and low-dose steroids"),
    # --- Safety in practice ----------------------------------------------
    # Burning and pruritus: US Protopic label, 12-week vehicle-controlled
    # trials, adjusted incidence in percent of patients (fact base N18).
    Fact("protopic_burning_adult_vehicle_pct", 26, "%", "protopic_us_label",
         "Skin burning with vehicle ointment, adults, 12-week US trials",
         "A secondary source says burning occurs 'in up to 60%'; the label gives 58 % "
         "(adults, 0.1 %), 46 % (adults, 0.03 %) and 43 % (children, "
         "0.03 %) against 26-29 % with vehicle."),
    Fact("protopic_burning_adult_low_pct", 46, "%", "protopic_us_label",
         "Skin burning with tacrolimus 0.03 % ointment, adults, 12-week US trials"),
    Fact("protopic_burning_adult_high_pct", 58, "%", "protopic_us_label",
         "Skin burning with tacrolimus 0.1 % ointment, adults, 12-week US trials",
         "A secondary source rounds this to 'up to 60%'."),
    Fact("protopic_burning_child_vehicle_pct", 29, "%", "protopic_us_label",
         "Skin burning with vehicle ointment, children, 12-week US trials"),
    Fact("protopic_burning_child_low_pct", 43, "%", "protopic_us_label",
         "Skin burning with tacrolimus 0.03 % ointment, children, 12-week US trials"),
    Fact("protopic_us_trial_weeks", 12, "weeks", "protopic_us_label",
         "Duration of the vehicle-controlled US trials whose adverse events "
         "the Protopic label tabulates"),
    Fact("protopic_openlabel_max_years", 3, "years", "protopic_us_label",
         "Longest follow-up of the US open-label studies of Protopic"),
    Fact("protopic_burning_openlabel_adult_pct", 28, "%", "protopic_us_label",
         "Skin burning in adults in the US open-label studies of up to 3 years"),
    Fact("protopic_burning_openlabel_child_pct", 20, "%", "protopic_us_label",
         "Skin burning in children in the US open-label studies of up to 3 years"),
    Fact("protopic_burning_openlabel_total_pct", 24, "%", "protopic_us_label",
         "Skin burning, all patients, US open-label studies of up to 3 years"),
    Fact("protopic_pruritus_adult_vehicle_pct", 37, "%", "protopic_us_label",
         "Pruritus with vehicle ointment, adults, 12-week US trials"),
    Fact("protopic_pruritus_adult_low_pct", 46, "%", "protopic_us_label",
         "Pruritus with tacrolimus 0.03 % ointment, adults, 12-week US trials"),
    Fact("protopic_pruritus_adult_high_pct", 46, "%", "protopic_us_label",
         "Pruritus with tacrolimus 0.1 % ointment, adults, 12-week US trials"),
    Fact("protopic_pruritus_child_vehicle_pct", 27, "%", "protopic_us_label",
         "Pruritus with vehicle ointment, children, 12-week US trials"),
    Fact("protopic_pruritus_child_low_pct", 41, "%", "protopic_us_label",
         "Pruritus with tacrolimus 0.03 % ointment, children, 12-week US trials"),
    Fact("elidel_burning_low_pct", 8, "%", "elidel_us_label",
         "Lower end of the range of application-site burning with pimecrolimus "
         "1 % cream across the US label's trials"),
    Fact("elidel_burning_high_pct", 26, "%", "elidel_us_label",
         "Upper end of the range of application-site burning with pimecrolimus "
         "1 % cream across the US label's trials"),
    Fact("reitamo2000_n_patients", 316, "", "reitamo2000safety",
         "Adults enrolled in the European open-label study of tacrolimus 0.1 % "
         "ointment for 6 to 12 months",
         "Seen in the abstract at https://tokyo-2-qrcode.vukou.com/10926735 "
         "and https://acnpsearch.tweb-dev.unibo.it/singlejournalindex/74284695 "
         "('We enrolled 316 patients ... 200 for 6 months and 116 for 12 "
         "months')."),
    Fact("reitamo2000_burning_pct", 47, "%", "reitamo2000safety",
         "Burning sensation in the European open-label 1-year study of "
         "tacrolimus 0.1 % ointment"),
    Fact("reitamo2000_pruritus_pct", 24, "%", "reitamo2000safety",
         "Pruritus in the European open-label 1-year study of tacrolimus 0.1 %"),
    Fact("reitamo2000_erythema_pct", 12, "%", "reitamo2000safety",
         "Erythema in the European open-label 1-year study of tacrolimus 0.1 %"),
    Fact("reitamo2000_max_months", 12, "months", "reitamo2000safety",
         "Longest follow-up in the European open-label study of tacrolimus "
         "0.1 % (patients were followed for 6 or 12 months)",
         "Seen in the abstract at https://tokyo-2-qrcode.vukou.com/10926735 "
         "('6 to 12 months of follow-up')."),
    Fact("reitamo2000_blood_threshold_ng_ml", 1, "ng/mL", "reitamo2000safety",
         "Blood-concentration threshold used in the abstract of the European "
         "open-label study to summarise systemic absorption",
         "Seen in the abstract at https://tokyo-2-qrcode.vukou.com/10926735 "
         "and https://acnpsearch.tweb-dev.unibo.it/singlejournalindex/74284695."),
    Fact("reitamo2000_blood_below_1ng_pct", 76, "%", "reitamo2000safety",
         "Patients whose maximum tacrolimus blood concentration stayed below "
         "1 ng/mL in the European open-label 1-year study of tacrolimus 0.1 %",
         "Seen in the abstract at https://tokyo-2-qrcode.vukou.com/10926735 "
         "and https://acnpsearch.tweb-dev.unibo.it/singlejournalindex/74284695 "
         "('the maximum tacrolimus blood concentration being less than "
         "1 ng/mL in 76% of patients'). The abstract gives no maximum for "
         "the other patients."),
    Fact("protopic_lymphadenopathy_cases", 112, "", "protopic_us_label",
         "Cases of lymphadenopathy reported in Protopic clinical studies"),
    Fact("protopic_lymphadenopathy_patients", 13494, "", "protopic_us_label",
         "Patients in the Protopic clinical studies in which lymphadenopathy "
         "was counted"),
    Fact("protopic_lymphadenopathy_pct", 0.8, "%", "protopic_us_label",
         "Lymphadenopathy in Protopic clinical studies as printed in the label "
         "(112 of 13,494)"),
    Fact("fda_tci_advisory_year", 2005, "", "fda_protopic_info",
         "Year of the FDA's first public safety information on topical "
         "tacrolimus: information page created 14 February 2005, Healthcare "
         "Professional Information Sheet dated March 2005",
         "Secondary sources say the 'black box warning' was issued in 2005; 2005 was the "
         "advisory, the boxed warning followed in 2006."),
    Fact("fda_tci_boxed_warning_year", 2006, "", "fda_protopic_info",
         "Year the FDA approved labeling with a boxed warning and a Medication "
         "Guide for Elidel and Protopic (19 January 2006)",
         "Often misdated to 2005, the year of the advisory."),
    Fact("siegfried2013_tacrolimus_registry_py", 10724, "patient-years",
         "siegfried2013lymphoma",
         "Follow-up in the post-marketing paediatric registry of tacrolimus "
         "ointment (children followed for up to 5.5 years)",
         _SIEGFRIED2013_NOTE),
    Fact("siegfried2013_pimecrolimus_registry_py", 16219, "patient-years",
         "siegfried2013lymphoma",
         "Follow-up in the post-marketing paediatric registry of pimecrolimus "
         "cream (children followed for up to 6.5 years)",
         _SIEGFRIED2013_NOTE),
    Fact("siegfried2013_tacrolimus_registry_years", 5.5, "years",
         "siegfried2013lymphoma",
         "Longest follow-up of a child in the tacrolimus paediatric registry",
         _SIEGFRIED2013_NOTE),
    Fact("siegfried2013_pimecrolimus_registry_years", 6.5, "years",
         "siegfried2013lymphoma",
         "Longest follow-up of a child in the pimecrolimus paediatric registry",
         _SIEGFRIED2013_NOTE),
    Fact("eichenfield2014_viral_followup_years", 5, "years",
         "eichenfield2014guidelines",
         "Period of continuous or intermittent TCI use over which the AAD "
         "guideline found no consistent increase in cutaneous viral infections",
         "Seen in Table V of the guideline at "
         "https://pmc.ncbi.nlm.nih.gov/articles/PMC4326095/table/T5 ('No "
         "consistent increases in the prevalence of cutaneous viral infections "
         "have been seen with continuous or intermittent use of TCIs for up to "
         "5 years')."),
    Fact("carr2013_lymphoma_fold_lower", 54, "", "carr2013tci",
         "Factor by which lymphoma incidence estimated from post-marketing "
         "reports in pimecrolimus-exposed patients was lower than in the "
         "general US population ('up to approximately 54-fold')",
         "Seen in the abstract at https://pmc.ncbi.nlm.nih.gov/articles/"
         "PMC3715696. Built from spontaneous, literature and solicited "
         "reports, which under-count cases; not a cohort comparison."),
    Fact("lam2021_n_studies", 11, "", "lam2021cancer",
         "Observational studies included in the 2021 meta-analysis of TCI use "
         "and cancer",
         "Seen in the primary record: the abstract at "
         "https://pubmed.ncbi.nlm.nih.gov/33787818/ ('11 studies met the "
         "inclusion criteria') and the Key Points at https://jamanetwork.com/"
         "journals/jamadermatology/article-abstract/2778024. The pooled "
         "relative risks were seen only in secondary reports, so no fact "
         "holds them."),
    # --- The immunophilin–drug complex ----------------------------------
    Fact("fk506_fkbp12_kd_nm", 0.4, "nM", "bierer1990two",
         "Dissociation constant of FK506 (tacrolimus) and FKBP, measured "
         "cell-free with the purified protein",
         "A cell-free value: it is not the free drug concentration reached "
         "next to FKBP12 in a cell, and no K_d for pimecrolimus is printed "
         "because none has been verified."),
    Fact("rapamycin_fkbp12_kd_nm", 0.2, "nM", "bierer1990two",
         "Dissociation constant of rapamycin and FKBP in the same study"),
    # --- TCIs versus corticosteroids ---------------------------------------
    # Reitamo 1998: every number below was read in the published abstract
    # (PubMed mirror http://47.251.13.51:8081/9740230, the same text on
    # https://opact.sdu.edu.tr/... and https://data.zhenzhi.com/details/1/878698871).
    Fact("reitamo1998_n_atopic", 14, "", "reitamo1998collagen",
         "Patients with atopic dermatitis in the Reitamo 1998 collagen trial",
         "Seen in the abstract; the numbers were read there."),
    Fact("reitamo1998_n_healthy", 12, "", "reitamo1998collagen",
         "Healthy volunteers in the Reitamo 1998 collagen trial (abstract)"),
    Fact("reitamo1998_treatment_days", 7, "days", "reitamo1998collagen",
         "Days of treatment under occlusion on abdominal skin before suction "
         "blisters were raised (abstract)"),
    Fact("reitamo1998_tacrolimus_trial_strength", 0.3, "%", "reitamo1998collagen",
         "Higher tacrolimus strength tested in the trial besides 0.1 %; not a "
         "marketed strength (abstract)"),
    Fact("reitamo1998_bmv_picp_pct_vehicle", 17.0, "% of vehicle", "reitamo1998collagen",
         "Median PICP (carboxy-terminal propeptide of procollagen I) in "
         "suction-blister fluid under betamethasone valerate, as a percentage of "
         "the vehicle-treated site (abstract)",
         "The abstract names 'betamethasone-valerate' without a strength; the "
         "book prints none."),
    Fact("reitamo1998_bmv_pinp_pct_vehicle", 17.6, "% of vehicle", "reitamo1998collagen",
         "Median PINP (amino-terminal propeptide of procollagen I) under "
         "betamethasone valerate, as a percentage of vehicle (abstract)"),
    Fact("reitamo1998_bmv_piiinp_pct_vehicle", 39.5, "% of vehicle", "reitamo1998collagen",
         "Median PIIINP (amino-terminal propeptide of procollagen III) under "
         "betamethasone valerate, as a percentage of vehicle (abstract)"),
    Fact("reitamo1998_tacrolimus_propeptides_pct_vehicle", 100, "% of vehicle",
         "reitamo1998collagen",
         "Median propeptide concentrations under tacrolimus 0.1 % and 0.3 %, "
         "as a percentage of vehicle",
         "The abstract says 'approximately 100%' and gives no exact values; "
         "print it as 'about 100 %' only."),
    Fact("reitamo1998_thickness_drop_vs_tac01_pct", 7.4, "%", "reitamo1998collagen",
         "Median decrease in skin thickness (ultrasound) with betamethasone "
         "valerate relative to tacrolimus 0.1 % (abstract)"),
    Fact("reitamo1998_thickness_drop_vs_tac03_pct", 7.1, "%", "reitamo1998collagen",
         "Median decrease in skin thickness with betamethasone valerate "
         "relative to tacrolimus 0.3 % (abstract)"),
    Fact("reitamo1998_thickness_drop_vs_vehicle_pct", 8.8, "%", "reitamo1998collagen",
         "Median decrease in skin thickness with betamethasone valerate "
         "relative to vehicle (abstract)"),
    # --- Pharmacokinetics of topical application -------------------------
    Fact("tacrolimus_blood_plasma_ratio", 15, "", "venkataramanan1995pk",
         "Mean ratio of the tacrolimus concentration in whole blood to that "
         "in plasma ('about 15'); tacrolimus is extensively bound to red cells",
         "A secondary source says '15:1 or higher'. The ratio varies with haematocrit, "
         "temperature and concentration; a larger label figure with a wide "
         "range that is often quoted could not be verified and is not used."),
    Fact("elidel_infant_pk_n", 22, "", "elidel_us_label",
         "Infants in the US Elidel label's blood-level study of pimecrolimus "
         "1 % cream (10-92 % of body surface treated)"),
    Fact("elidel_infant_pk_age_months", (3, 23), "months", "elidel_us_label",
         "Age range of the infants in the US Elidel label's blood-level study"),
    Fact("elidel_infant_blood_range_ng_ml", (0.1, 2.6), "ng/mL", "elidel_us_label",
         "Range of pimecrolimus blood concentrations in those infants (assay "
         "limit of quantification 0.1 ng/mL)"),
    Fact("elidel_child_pk_age_years", (2, 14), "years", "elidel_us_label",
         "Age range of the children in the US Elidel label's blood-level "
         "studies, whose concentrations were mostly below the assay's LOQ"),
    Fact("elidel_child_loq_ng_ml", 0.5, "ng/mL", "elidel_us_label",
         "Limit of quantification of the blood assay in the label's studies of "
         "children aged 2-14 years; most concentrations were below it",
         "A secondary source gives 0.5 ng/mL as if it were the limit of any sensitive "
         "assay; it is the limit of these studies."),
    Fact("staab2005_n_infants", 22, "", "staab2005infants",
         "Infants under 2 years (3-23 months) treated with pimecrolimus 1 % "
         "cream twice daily for 3 weeks"),
    Fact("staab2005_weeks", 3, "weeks", "staab2005infants",
         "Duration of twice-daily treatment in the study"),
    Fact("staab2005_n_samples", 100, "", "staab2005infants",
         "Blood samples in which pimecrolimus was measured"),
    Fact("staab2005_high_cut_ng_ml", 2, "ng/mL", "staab2005infants",
         "Upper concentration cut-off reported in the abstract"),
    Fact("staab2005_pct_below_high_cut", 96, "%", "staab2005infants",
         "Samples with a pimecrolimus blood concentration below 2 ng/mL"),
    Fact("staab2005_low_cut_ng_ml", 0.5, "ng/mL", "staab2005infants",
         "Lower concentration cut-off reported in the abstract"),
    Fact("staab2005_pct_below_low_cut", 71, "%", "staab2005infants",
         "Samples with a pimecrolimus blood concentration below 0.5 ng/mL"),
    Fact("staab2005_max_ng_ml", 2.26, "ng/mL", "staab2005infants",
         "Highest pimecrolimus blood concentration observed"),
    Fact("elidel_infant_pk_bsa_pct", (10, 92), "%", "elidel_us_label",
         "Range of body surface area affected in the infants of the US Elidel "
         "label's blood-level study"),
    # Fact base N7 (Exp Dermatol 2005;14(10):752-757), in vitro, Franz-type
    # diffusion cells, normal human skin; authors not verified.
    Fact("permeation2005_pime_vs_tac01_fold", 6, "", "pimecrolimus2005permeation",
         "Permeation rate through normal human skin in vitro: pimecrolimus "
         "from 1 % cream about this many times lower than tacrolimus from "
         "0.1 % ointment ('about sixfold')"),
    Fact("permeation2005_pime_vs_tac003_fold", 4.3, "", "pimecrolimus2005permeation",
         "Permeation rate through normal human skin in vitro: pimecrolimus "
         "from 1 % cream this many times lower than tacrolimus from 0.03 % "
         "ointment"),
    # --- Atopic dermatitis: the core indication -------------------------
    # Licensing and regimen rules (fact base N15, N17, N21).
    Fact("protopic_us_reexamine_weeks", 6, "weeks", "protopic_us_label",
         "US Protopic label: re-examine the patient if atopic dermatitis has "
         "not improved within this many weeks"),
    Fact("protopic_eu_min_age", 2, "years", "protopic_eu_smpc",
         "Youngest age for Protopic 0.03 % in the EU summary of product "
         "characteristics"),
    Fact("protopic_eu_high_strength_min_age", 16, "years", "protopic_eu_smpc",
         "Youngest age for Protopic 0.1 % in the EU summary of product "
         "characteristics; children aged 2 to 15 use 0.03 %"),
    Fact("protopic_uk_min_age", 2, "years", "protopic_uk_pi",
         "Youngest age for which UK Protopic 0.03 % is indicated (children "
         "from 2 years; adults and adolescents from 16 years)",
         "Seen in the UK abbreviated prescribing information of the licence "
         "holder, which refers to the UK SmPC on the electronic Medicines "
         "Compendium: 'Protopic 0.03% ointment is also indicated in children "
         "from the age of 2 years'."),
    Fact("protopic_uk_high_strength_min_age", 16, "years", "protopic_uk_pi",
         "Youngest age for which UK Protopic 0.1 % is indicated (adults and "
         "adolescents, 16 years and above)"),
    Fact("protopic_eu_child_twice_daily_max_weeks", 3, "weeks", "protopic_eu_smpc",
         "EU SmPC, children: 0.03 % twice daily for up to this many weeks, "
         "then once daily until the lesions clear"),
    Fact("protopic_eu_no_improvement_weeks", 2, "weeks", "protopic_eu_smpc",
         "EU SmPC, adults: if there is no sign of improvement after this many "
         "weeks, other treatment options should be considered",
         "Differs from the US label, which sets re-examination at 6 weeks. "
         "Seen in section 4.2 of the SmPC as reproduced at "
         "https://rxreasoner.com/monographs/protopic-oint/usage."),
    Fact("protopic_eu_maintenance_min_flares_per_year", 4, "flares/year",
         "protopic_eu_smpc",
         "EU maintenance (proactive) indication: patients with at least this "
         "many exacerbations a year"),
    Fact("protopic_eu_maintenance_response_max_weeks", 6, "weeks",
         "protopic_eu_smpc",
         "EU maintenance indication: initial response (cleared, almost cleared "
         "or mildly affected) within at most this many weeks of twice-daily "
         "tacrolimus ointment"),
    Fact("elidel_canada_min_age_months", 3, "months", "elidel_canada_2019",
         "Youngest age for Elidel in Canada after Health Canada extended the "
         "indication (announced 17 October 2019; previously 2 years)",
         "Not the US rule: the US label still starts at 2 years."),
    # Cochrane 2015 abstract (fact base N29; study counts, participants and
    # the 0.03 % row seen on the same page as N29). Each risk ratio is
    # printed as the abstract defines it: the 0.1 % vs 0.03 % ratio counts
    # NOT improving, the others count improving.
    Fact("cochrane2015_tac01_vs_pime_rr", 1.80, "", "curymartins2015cochrane",
         "Risk ratio of improvement by physician's assessment, tacrolimus "
         "0.1 % vs pimecrolimus 1 % (moderate-quality evidence)"),
    Fact("cochrane2015_tac01_vs_pime_rr_lo", 1.34, "", "curymartins2015cochrane",
         "Lower 95 % confidence limit of cochrane2015_tac01_vs_pime_rr"),
    Fact("cochrane2015_tac01_vs_pime_rr_hi", 2.42, "", "curymartins2015cochrane",
         "Upper 95 % confidence limit of cochrane2015_tac01_vs_pime_rr"),
    Fact("cochrane2015_tac01_vs_pime_n_studies", 2, "", "curymartins2015cochrane",
         "Studies pooled for cochrane2015_tac01_vs_pime_rr"),
    Fact("cochrane2015_tac01_vs_pime_n", 506, "", "curymartins2015cochrane",
         "Participants pooled for cochrane2015_tac01_vs_pime_rr"),
    Fact("cochrane2015_tac01_vs_tac003_rr", 0.82, "", "curymartins2015cochrane",
         "Risk ratio of NOT improving by physician's assessment, tacrolimus "
         "0.1 % vs 0.03 % (high-quality evidence)",
         "Defined on the absence of improvement, so values below 1 favour "
         "0.1 %; it is not the reciprocal of a risk ratio of improvement. "
         "The definition ('reduced the risk of not having an improvement', 6 "
         "studies, n = 1640, high quality) was seen on the N29 page, "
         "https://download.skyscape.com/download/ota/lonestar/B4562E59-87F6-47FA-8F09-D67E1FE536CA/ebmgneuro.ed18/content/HTML/x/tl63.htm."),
    Fact("cochrane2015_tac01_vs_tac003_rr_lo", 0.72, "", "curymartins2015cochrane",
         "Lower 95 % confidence limit of cochrane2015_tac01_vs_tac003_rr"),
    Fact("cochrane2015_tac01_vs_tac003_rr_hi", 0.92, "", "curymartins2015cochrane",
         "Upper 95 % confidence limit of cochrane2015_tac01_vs_tac003_rr"),
    Fact("cochrane2015_tac01_vs_tac003_n_studies", 6, "", "curymartins2015cochrane",
         "Studies pooled for cochrane2015_tac01_vs_tac003_rr",
         "Seen on a guideline page quoting the Cochrane abstract, "
         "https://download.skyscape.com/download/ota/lonestar/B4562E59-87F6-47FA-8F09-D67E1FE536CA/ebmgneuro.ed18/content/HTML/x/tl63.htm."),
    Fact("cochrane2015_tac01_vs_tac003_n", 1640, "", "curymartins2015cochrane",
         "Participants pooled for cochrane2015_tac01_vs_tac003_rr",
         "Seen on a guideline page quoting the Cochrane abstract, "
         "https://download.skyscape.com/download/ota/lonestar/B4562E59-87F6-47FA-8F09-D67E1FE536CA/ebmgneuro.ed18/content/HTML/x/tl63.htm."),
    Fact("cochrane2015_tac01_vs_low_tcs_rr", 3.09, "", "curymartins2015cochrane",
         "Risk ratio of improvement by physician's assessment, tacrolimus "
         "0.1 % vs low-potency topical corticosteroids (moderate-quality "
         "evidence)"),
    Fact("cochrane2015_tac01_vs_low_tcs_rr_lo", 2.14, "", "curymartins2015cochrane",
         "Lower 95 % confidence limit of cochrane2015_tac01_vs_low_tcs_rr"),
    Fact("cochrane2015_tac01_vs_low_tcs_rr_hi", 4.45, "", "curymartins2015cochrane",
         "Upper 95 % confidence limit of cochrane2015_tac01_vs_low_tcs_rr"),
    Fact("cochrane2015_tac01_vs_low_tcs_n_studies", 1, "", "curymartins2015cochrane",
         "Studies behind cochrane2015_tac01_vs_low_tcs_rr",
         "Seen on a guideline page quoting the Cochrane abstract, "
         "https://download.skyscape.com/download/ota/lonestar/B4562E59-87F6-47FA-8F09-D67E1FE536CA/ebmgneuro.ed18/content/HTML/x/tl63.htm."),
    Fact("cochrane2015_tac01_vs_low_tcs_n", 371, "", "curymartins2015cochrane",
         "Participants behind cochrane2015_tac01_vs_low_tcs_rr",
         "Seen on a guideline page quoting the Cochrane abstract, "
         "https://download.skyscape.com/download/ota/lonestar/B4562E59-87F6-47FA-8F09-D67E1FE536CA/ebmgneuro.ed18/content/HTML/x/tl63.htm."),
    Fact("cochrane2015_tac003_vs_mild_tcs_rr", 2.58, "", "curymartins2015cochrane",
         "Risk ratio of improvement by physician's assessment, tacrolimus "
         "0.03 % vs mild topical corticosteroids (moderate-quality evidence)",
         "Seen on a guideline page quoting the Cochrane abstract, "
         "https://download.skyscape.com/download/ota/lonestar/B4562E59-87F6-47FA-8F09-D67E1FE536CA/ebmgneuro.ed18/content/HTML/x/tl63.htm."),
    Fact("cochrane2015_tac003_vs_mild_tcs_rr_lo", 1.96, "", "curymartins2015cochrane",
         "Lower 95 % confidence limit of cochrane2015_tac003_vs_mild_tcs_rr",
         "Seen on a guideline page quoting the Cochrane abstract, "
         "https://download.skyscape.com/download/ota/lonestar/B4562E59-87F6-47FA-8F09-D67E1FE536CA/ebmgneuro.ed18/content/HTML/x/tl63.htm."),
    Fact("cochrane2015_tac003_vs_mild_tcs_rr_hi", 3.38, "", "curymartins2015cochrane",
         "Upper 95 % confidence limit of cochrane2015_tac003_vs_mild_tcs_rr",
         "Seen on a guideline page quoting the Cochrane abstract, "
         "https://download.skyscape.com/download/ota/lonestar/B4562E59-87F6-47FA-8F09-D67E1FE536CA/ebmgneuro.ed18/content/HTML/x/tl63.htm."),
    Fact("cochrane2015_tac003_vs_mild_tcs_n_studies", 2, "", "curymartins2015cochrane",
         "Studies pooled for cochrane2015_tac003_vs_mild_tcs_rr",
         "Seen on a guideline page quoting the Cochrane abstract, "
         "https://download.skyscape.com/download/ota/lonestar/B4562E59-87F6-47FA-8F09-D67E1FE536CA/ebmgneuro.ed18/content/HTML/x/tl63.htm."),
    Fact("cochrane2015_tac003_vs_mild_tcs_n", 790, "", "curymartins2015cochrane",
         "Participants pooled for cochrane2015_tac003_vs_mild_tcs_rr",
         "Seen on a guideline page quoting the Cochrane abstract, "
         "https://download.skyscape.com/download/ota/lonestar/B4562E59-87F6-47FA-8F09-D67E1FE536CA/ebmgneuro.ed18/content/HTML/x/tl63.htm."),
    # Phase 3 and comparative trials (fact base 19b, 19c, 23).
    Fact("hanifin2001_n_adults", 632, "", "hanifin2001tacrolimus",
         "Adults in the phase 3 vehicle-controlled trials of tacrolimus "
         "ointment"),
    Fact("hanifin2001_response_threshold_pct", 90, "%", "hanifin2001tacrolimus",
         "Improvement a patient had to reach (at least this much) to count as "
         "a responder in the percentages below"),
    Fact("hanifin2001_ge90_vehicle_pct", 6.6, "%", "hanifin2001tacrolimus",
         "Adults with at least 90 % improvement on vehicle ointment"),
    Fact("hanifin2001_ge90_low_pct", 27.5, "%", "hanifin2001tacrolimus",
         "Adults with at least 90 % improvement on tacrolimus 0.03 %"),
    Fact("hanifin2001_ge90_high_pct", 36.8, "%", "hanifin2001tacrolimus",
         "Adults with at least 90 % improvement on tacrolimus 0.1 %"),
    Fact("paller2001_n_children", 351, "", "paller2001tacrolimus",
         "Children aged 2 to 15 years in the 12-week paediatric trial"),
    Fact("paller2001_min_age", 2, "years", "paller2001tacrolimus",
         "Youngest age enrolled in the 12-week paediatric trial"),
    Fact("paller2001_max_age", 15, "years", "paller2001tacrolimus",
         "Oldest age enrolled in the 12-week paediatric trial"),
    Fact("paller2005_n_patients", 1065, "", "paller2005tacrolimus",
         "Patients randomised in the 3 comparative studies of tacrolimus "
         "ointment vs pimecrolimus cream",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/15858471."),
    Fact("paller2005_n_studies", 3, "", "paller2005tacrolimus",
         "Randomised, investigator-blinded studies in the comparison"),
    Fact("paller2005_weeks", 6, "weeks", "paller2005tacrolimus",
         "Duration of each of the comparative studies",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/15858471."),
    Fact("paller2005_easi_adult_tac_pct", 54.1, "%", "paller2005tacrolimus",
         "Improvement in the EASI from baseline at the end of the study, "
         "adults, tacrolimus 0.1 % ointment",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/15858471. The Cochrane review of "
         "pimecrolimus lists the adult trial's EASI outcome as the median "
         "percentage reduction from baseline: "
         "https://pmc.ncbi.nlm.nih.gov/articles/PMC10043871/table/CD005500-tblf-0028/."),
    Fact("paller2005_easi_adult_pime_pct", 34.9, "%", "paller2005tacrolimus",
         "Improvement in the EASI from baseline at the end of the study, "
         "adults, pimecrolimus 1 % cream",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/15858471. The Cochrane review of "
         "pimecrolimus lists the adult trial's EASI outcome as the median "
         "percentage reduction from baseline: "
         "https://pmc.ncbi.nlm.nih.gov/articles/PMC10043871/table/CD005500-tblf-0028/."),
    Fact("paller2005_easi_all_tac_pct", 52.8, "%", "paller2005tacrolimus",
         "Improvement in the EASI from baseline at the end of the study, "
         "combined analysis, tacrolimus ointment",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/15858471. The Cochrane review of "
         "pimecrolimus lists the adult trial's EASI outcome as the median "
         "percentage reduction from baseline: "
         "https://pmc.ncbi.nlm.nih.gov/articles/PMC10043871/table/CD005500-tblf-0028/."),
    Fact("paller2005_easi_all_pime_pct", 39.1, "%", "paller2005tacrolimus",
         "Improvement in the EASI from baseline at the end of the study, "
         "combined analysis, pimecrolimus cream",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/15858471. The Cochrane review of "
         "pimecrolimus lists the adult trial's EASI outcome as the median "
         "percentage reduction from baseline: "
         "https://pmc.ncbi.nlm.nih.gov/articles/PMC10043871/table/CD005500-tblf-0028/."),
    # Proactive maintenance (fact base 17a and 17c).
    Fact("wollenberg2008_n_open_label", 257, "", "wollenberg2008proactive",
         "Adults in the open-label phase (tacrolimus 0.1 % twice daily)"),
    Fact("wollenberg2008_open_label_max_weeks", 6, "weeks",
         "wollenberg2008proactive",
         "Longest open-label treatment before randomisation",
         "Seen in the abstract at https://peeref.com/works/6486578."),
    Fact("wollenberg2008_n_tacrolimus", 116, "", "wollenberg2008proactive",
         "Adults randomised to proactive tacrolimus 0.1 % twice weekly"),
    Fact("wollenberg2008_n_vehicle", 108, "", "wollenberg2008proactive",
         "Adults randomised to vehicle ointment twice weekly"),
    Fact("wollenberg2008_applications_per_week", 2, "per week",
         "wollenberg2008proactive", "Proactive applications a week"),
    Fact("wollenberg2008_months", 12, "months", "wollenberg2008proactive",
         "Duration of the randomised disease-control period"),
    Fact("wollenberg2008_median_days_to_flare_tac", 142, "days",
         "wollenberg2008proactive",
         "Median time to first disease exacerbation, proactive tacrolimus"),
    Fact("wollenberg2008_median_days_to_flare_vehicle", 15, "days",
         "wollenberg2008proactive",
         "Median time to first disease exacerbation, vehicle"),
    Fact("breneman2008_stabilisation_max_weeks", 16, "weeks",
         "breneman2008intermittent",
         "Longest open tacrolimus treatment to reach clear skin before "
         "randomisation",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/18359127."),
    Fact("breneman2008_n_tacrolimus", 125, "", "breneman2008intermittent",
         "Patients randomised to tacrolimus 3 times a week",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/18359127."),
    Fact("breneman2008_n_vehicle", 72, "", "breneman2008intermittent",
         "Patients randomised to vehicle 3 times a week",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/18359127."),
    Fact("breneman2008_applications_per_week", 3, "per week",
         "breneman2008intermittent", "Maintenance applications a week"),
    Fact("breneman2008_weeks", 40, "weeks", "breneman2008intermittent",
         "Duration of the randomised maintenance phase",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/18359127."),
    Fact("breneman2008_flare_free_days_tac", 177, "days",
         "breneman2008intermittent",
         "Mean number of flare-free treatment days, tacrolimus",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/18359127."),
    Fact("breneman2008_flare_free_days_vehicle", 134, "days",
         "breneman2008intermittent",
         "Mean number of flare-free treatment days, vehicle",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/18359127."),
    Fact("breneman2008_median_days_to_relapse_tac", 169, "days",
         "breneman2008intermittent",
         "Median time to first relapse, tacrolimus",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/18359127."),
    Fact("breneman2008_median_days_to_relapse_vehicle", 43, "days",
         "breneman2008intermittent",
         "Median time to first relapse, vehicle",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/18359127."),
    Fact("sidbury2023_n_recommendations", 12, "", "sidbury2023guidelines",
         "Recommendations in the 2023 AAD guideline on topical therapy of "
         "atopic dermatitis in adults",
         "The early online abstract said 11; the final version has 12."),
    Fact("eichenfield2014_proactive_per_week", (2, 3), "per week",
         "eichenfield2014guidelines",
         "AAD 2014 guideline: proactive, intermittent TCI maintenance 2 to 3 "
         "times a week on areas that commonly flare (lowest and highest)",
         "Seen in Table V of the guideline, "
         "https://pmc.ncbi.nlm.nih.gov/articles/PMC4326095/table/T5."),
    # --- The systemic calcineurin inhibitors ------------------------------
    # Tacrolimus pharmacokinetics (fact base N11): Venkataramanan 1995 means,
    # and the US Prograf label's values by population.
    Fact("tacrolimus_half_life_h", 12, "h", "venkataramanan1995pk",
         "Mean disposition half-life of tacrolimus ('about 12 h')",
         "Depends strongly on population and assay; the Prograf label gives "
         "much longer values in healthy volunteers."),
    Fact("tacrolimus_clearance_l_h_kg", 0.06, "L/h/kg", "venkataramanan1995pk",
         "Mean total-body clearance of tacrolimus ('about 0.06 L/h/kg')"),
    Fact("tacrolimus_oral_bioavailability_pct", 25, "%", "venkataramanan1995pk",
         "Mean oral bioavailability of tacrolimus ('about 25 %')"),
    Fact("prograf_half_life_healthy_oral_h", 48.4, "h", "prograf_us_label",
         "Mean half-life of tacrolimus after oral dosing in healthy volunteers "
         "(SD 12.3 h), US Prograf label"),
    Fact("prograf_half_life_healthy_iv_h", 43.5, "h", "prograf_us_label",
         "Mean half-life of tacrolimus after intravenous dosing in healthy "
         "volunteers, by tacrolimus concentration (SD 11.6 h), US Prograf label"),
    Fact("prograf_half_life_pediatric_liver_h", 11.5, "h", "prograf_us_label",
         "Mean half-life of intravenous tacrolimus in paediatric liver-transplant "
         "patients (SD 3.8 h), US Prograf label"),
    # Prograf dosing and whole-blood trough ranges, US label (fact base N28).
    Fact("prograf_dosing_interval_h", 12, "h", "prograf_us_label",
         "Interval between the two daily oral doses of Prograf capsules",
         "Seen in the label's dosing table at https://prescriberpoint.com/"
         "therapies/tacrolimus-bd447ff (the N28 page): 'divided in two doses, "
         "every 12 hours'."),
    Fact("prograf_kidney_aza_initial_dose", 0.2, "mg/kg/day", "prograf_us_label",
         "Initial oral dose of Prograf after kidney transplant with azathioprine, "
         "divided into two doses"),
    Fact("prograf_kidney_mmf_initial_dose", 0.1, "mg/kg/day", "prograf_us_label",
         "Initial oral dose of Prograf after kidney transplant with "
         "mycophenolate mofetil and an IL-2 receptor antagonist, in two doses"),
    Fact("prograf_trough_early_last_month", 3, "month", "prograf_us_label",
         "Last month of the early period in the Prograf trough table (months "
         "1 to 3; the later period starts at month 4)"),
    Fact("prograf_trough_table_last_month", 12, "month", "prograf_us_label",
         "Last month for which the Prograf label gives kidney and liver trough "
         "ranges (the heart range from month 4 has no end)"),
    Fact("prograf_trough_kidney_aza_early_ng_ml", (7, 20), "ng/mL",
         "prograf_us_label",
         "Whole-blood trough range, kidney transplant with azathioprine, "
         "months 1 to 3",
         "Secondary sources attribute kidney trough targets to KDIGO and quote other "
         "numbers (10-15 ng/mL, then 4-7); no KDIGO numeric "
         "target was found, and the label's ranges are used here."),
    Fact("prograf_trough_kidney_aza_late_ng_ml", (5, 15), "ng/mL",
         "prograf_us_label",
         "Whole-blood trough range, kidney transplant with azathioprine, "
         "months 4 to 12"),
    Fact("prograf_trough_kidney_mmf_ng_ml", (4, 11), "ng/mL", "prograf_us_label",
         "Whole-blood trough range, kidney transplant with mycophenolate "
         "mofetil and an IL-2 receptor antagonist, months 1 to 12"),
    Fact("prograf_trough_liver_ng_ml", (5, 20), "ng/mL", "prograf_us_label",
         "Whole-blood trough range, liver transplant with corticosteroids only, "
         "months 1 to 12",
         "The companion drug ('With corticosteroids only') was seen in the "
         "label's dosing table at https://prescriberpoint.com/therapies/"
         "tacrolimus-bd447ff (the N28 page)."),
    Fact("prograf_trough_heart_early_ng_ml", (10, 20), "ng/mL",
         "prograf_us_label",
         "Whole-blood trough range, heart transplant with azathioprine or "
         "mycophenolate mofetil, months 1 to 3",
         "The companion drugs ('With azathioprine or MMF') were seen in the "
         "label's dosing table at https://prescriberpoint.com/therapies/"
         "tacrolimus-bd447ff (the N28 page)."),
    Fact("prograf_trough_heart_late_ng_ml", (5, 15), "ng/mL", "prograf_us_label",
         "Whole-blood trough range, heart transplant, from month 4 on"),
    # Lupkynis (voclosporin) dosing rules, US label (fact base N12).
    Fact("lupkynis_capsule_mg", 7.9, "mg", "lupkynis_us_label",
         "Voclosporin in one Lupkynis capsule; also the step by which the "
         "label reduces a twice-daily dose"),
    Fact("lupkynis_start_dose_mg", 23.7, "mg", "lupkynis_us_label",
         "Starting dose, taken twice daily about 12 h apart on an empty stomach, "
         "with mycophenolate mofetil and corticosteroids (3 capsules)"),
    Fact("lupkynis_reduced_dose_mg", 15.8, "mg", "lupkynis_us_label",
         "Twice-daily dose in severe renal impairment or mild or moderate "
         "hepatic impairment",
         "A secondary source defines severe renal impairment as baseline eGFR <= 45; the "
         "verified rules give no such definition, and the book does not use it."),
    Fact("lupkynis_moderate_cyp3a4_doses_mg", (15.8, 7.9), "mg",
         "lupkynis_us_label",
         "Morning and evening doses with a moderate CYP3A4 inhibitor"),
    Fact("lupkynis_baseline_egfr_limit", 45, "mL/min/1.73 m2", "lupkynis_us_label",
         "Baseline eGFR at or below which voclosporin is not recommended unless "
         "the benefit outweighs the risk"),
    Fact("lupkynis_start_sbp_limit_mmhg", 165, "mmHg", "lupkynis_us_label",
         "Systolic pressure above which voclosporin must not be started"),
    Fact("lupkynis_start_dbp_limit_mmhg", 105, "mmHg", "lupkynis_us_label",
         "Diastolic pressure above which voclosporin must not be started"),
    Fact("lupkynis_egfr_action_limit", 60, "mL/min/1.73 m2", "lupkynis_us_label",
         "eGFR below which a fall from baseline triggers a dose reduction or a stop"),
    Fact("lupkynis_reduce_decline_pct", 20, "%", "lupkynis_us_label",
         "Fall in eGFR from baseline that must be exceeded (with eGFR < 60) "
         "before the dose is reduced"),
    Fact("lupkynis_stop_decline_pct", 30, "%", "lupkynis_us_label",
         "Fall in eGFR from baseline at or above which (with eGFR < 60) "
         "voclosporin is stopped"),
    Fact("lupkynis_restart_recovery_pct", 80, "%", "lupkynis_us_label",
         "eGFR, as a percentage of baseline, at or above which a restart at "
         "one capsule twice daily may be considered after a stop"),
    Fact("lupkynis_reassess_weeks", 2, "weeks", "lupkynis_us_label",
         "Weeks within which eGFR is reassessed after a reduction or a stop"),
    Fact("lupkynis_egfr_interval_first_month_weeks", 2, "weeks",
         "lupkynis_us_label", "Interval between eGFR checks in the first month"),
    Fact("lupkynis_egfr_interval_later_weeks", 4, "weeks", "lupkynis_us_label",
         "Interval between eGFR checks after the first month, through the "
         "first year of treatment",
         "The label of 2021 to early 2024 said every 4 weeks after the first "
         "month without an end and limited safety and efficacy to 1 year; "
         "the update with the AURORA 2 extension data (April 2024) added "
         "3-monthly checks after the first year and removed that limitation."),
    Fact("lupkynis_egfr_first_year_weeks", 52, "weeks", "lupkynis_us_label",
         "Length of the first year of treatment, through which eGFR is "
         "checked every 4 weeks (the label says 'first year'; 52 weeks)"),
    Fact("lupkynis_egfr_interval_after_first_year_months", 3, "months",
         "lupkynis_us_label",
         "Interval between eGFR checks after the first year of treatment"),
    Fact("lupkynis_no_benefit_weeks", 24, "weeks", "lupkynis_us_label",
         "Week by which, without therapeutic benefit, stopping should be "
         "considered"),
    # AURORA 1 (fact base N14).
    Fact("aurora1_odds_ratio", 2.65, "", "rovin2021aurora",
         "Odds ratio of complete renal response at week 52, voclosporin vs "
         "placebo"),
    Fact("aurora1_odds_ratio_ci", (1.64, 4.27), "", "rovin2021aurora",
         "95 % confidence interval of aurora1_odds_ratio"),
    Fact("aurora1_n_voclosporin", 179, "", "rovin2021aurora",
         "Patients randomised to voclosporin"),
    Fact("aurora1_n_placebo", 178, "", "rovin2021aurora",
         "Patients randomised to placebo"),
    Fact("aurora1_n_total", 357, "", "rovin2021aurora",
         "Patients randomised in AURORA 1"),
    Fact("aurora1_endpoint_week", 52, "week", "rovin2021aurora",
         "Week at which the primary end point, complete renal response, was "
         "assessed in AURORA 1"),
    # --- Off-label dermatology: cutaneous lupus erythematosus and beyond ---
    # Cutaneous lupus (fact base Table 1 rows 10, 11, 13, 14, 15, 21c; every
    # number was read in the abstract on the source page listed there).
    Fact("kuhn2011_n_patients", 30, "", "kuhn2011tacrolimus",
         "Patients in the randomised, double-blind, vehicle-controlled trial of "
         "tacrolimus 0.1 % ointment in cutaneous lupus (two lesions each)"),
    Fact("kuhn2011_treatment_weeks", 12, "weeks", "kuhn2011tacrolimus",
         "Twice-daily treatment time in the Kuhn 2011 trial",
         "Seen in the abstract at http://47.251.13.51:8081/21501887 (PubMed "
         "mirror)."),
    Fact("kuhn2011_significant_days", (28, 56), "days", "kuhn2011tacrolimus",
         "Days after which tacrolimus-treated lesions were significantly better "
         "than vehicle-treated lesions"),
    Fact("kuhn2011_nonsignificant_day", 84, "days", "kuhn2011tacrolimus",
         "Last assessment (end of treatment), at which the difference from "
         "vehicle was no longer significant"),
    Fact("barikbin2009_n_patients", 10, "", "barikbin2009pimecrolimus",
         "Patients with facial DLE in the double-blind randomised pilot trial "
         "of pimecrolimus vs betamethasone valerate"),
    Fact("barikbin2009_treatment_weeks", 8, "weeks", "barikbin2009pimecrolimus",
         "Treatment time in the Barikbin 2009 trial (followed by 8 weeks off "
         "treatment)",
         "Seen in the abstract at "
         "https://vivo.weill.cornell.edu/display/pubid19456797."),
    Fact("barikbin2009_betamethasone_pct", 0.1, "%", "barikbin2009pimecrolimus",
         "Strength of the betamethasone 17-valerate cream used as comparator"),
    Fact("barikbin2009_score_fall_pimecrolimus_pct", 86, "%",
         "barikbin2009pimecrolimus",
         "Fall in the clinical severity score with pimecrolimus 1 % cream"),
    Fact("barikbin2009_score_fall_betamethasone_pct", 73, "%",
         "barikbin2009pimecrolimus",
         "Fall in the clinical severity score with betamethasone valerate 0.1 % "
         "cream"),
    Fact("barikbin2009_between_group_p", 0.1, "", "barikbin2009pimecrolimus",
         "P value of the between-group comparison of efficacy (not significant)"),
    Fact("madan2010_n_compound", 13, "", "madan2010tacrolimus",
         "Patients whose case notes were reviewed on tacrolimus 0.3 % in "
         "clobetasol propionate 0.05 % ointment",
         "A review of cutaneous lupus says fourteen; the abstract at "
         "https://zendy.io/title/10.1111/j.1365-2230.2009.03351.x says 13, 11 "
         "of them with discoid LE."),
    Fact("madan2010_n_tacrolimus_alone", 5, "", "madan2010tacrolimus",
         "Comparison patients treated with tacrolimus 0.1 % ointment alone"),
    Fact("madan2010_compound_tacrolimus_pct", 0.3, "%", "madan2010tacrolimus",
         "Tacrolimus strength of the specially made compound ointment"),
    Fact("madan2010_compound_clobetasol_pct", 0.05, "%", "madan2010tacrolimus",
         "Clobetasol propionate strength of the compound ointment"),
    Fact("madan2010_n_compound_excellent", 6, "", "madan2010tacrolimus",
         "Patients on the compound with an excellent response",
         "Seen in the abstract at "
         "https://zendy.io/title/10.1111/j.1365-2230.2009.03351.x."),
    Fact("madan2010_n_compound_good", 5, "", "madan2010tacrolimus",
         "Patients on the compound with a good response",
         "Seen in the abstract at "
         "https://zendy.io/title/10.1111/j.1365-2230.2009.03351.x."),
    Fact("madan2010_n_alone_good", 1, "", "madan2010tacrolimus",
         "Patients on tacrolimus 0.1 % alone with a good response (two more "
         "improved slightly)",
         "Seen in the abstract at "
         "https://zendy.io/title/10.1111/j.1365-2230.2009.03351.x."),
    Fact("madan2010_compound_mean_months", 20, "months", "madan2010tacrolimus",
         "Mean time on the compound ointment (range 1 to 72 months)",
         "A review of cutaneous lupus prints 20.2 months; the abstract seen says 20. "
         "Page: https://zendy.io/title/10.1111/j.1365-2230.2009.03351.x."),
    Fact("kanekura2003_n_patients", 3, "", "kanekura2003tacrolimus",
         "Patients with SLE whose malar rash was treated on one side of the face"),
    Fact("kanekura2003_treatment_weeks", 3, "weeks", "kanekura2003tacrolimus",
         "Treatment time in the Kanekura 2003 half-face comparison"),
    Fact("tlacuiloparra2005_n_patients", 10, "", "tlacuiloparra2005pimecrolimus",
         "Patients with DLE in the open phase II study of pimecrolimus 1 % cream"),
    Fact("tlacuiloparra2005_treatment_weeks", 8, "weeks",
         "tlacuiloparra2005pimecrolimus",
         "Treatment time in the Tlacuilo-Parra 2005 study"),
    Fact("tlacuiloparra2005_score_fall_pct", 52, "%",
         "tlacuiloparra2005pimecrolimus",
         "Fall in the mean clinical severity score (from 6.1 to 2.9)",
         "A review of cutaneous lupus reads this as 'roughly half of patients (52%)' "
         "improving; the abstract reports a 52 % fall in the mean score, with "
         "some improvement in every patient."),
    Fact("lampropoulos2004_n_patients", 12, "", "lampropoulos2004tacrolimus",
         "Patients with resistant cutaneous lupus treated with tacrolimus 0.1 %"),
    Fact("lampropoulos2004_min_weeks", 6, "weeks", "lampropoulos2004tacrolimus",
         "Minimum treatment time in the Lampropoulos 2004 study"),
    Fact("lampropoulos2004_n_clearly_improved", 6, "", "lampropoulos2004tacrolimus",
         "Patients who clearly improved (a seventh improved slightly)",
         "Seen in the abstract at "
         "https://scholar.archive.org/work/l44z4vrqfbcqtkn4s6nwkwirdq."),
    Fact("lampropoulos2004_dle_n", 6, "", "lampropoulos2004tacrolimus",
         "Patients with discoid lupus in the study (one stopped because of "
         "peeling and burning)",
         "Seen in the abstract at "
         "https://scholar.archive.org/work/l44z4vrqfbcqtkn4s6nwkwirdq."),
    Fact("lampropoulos2004_dle_improved", 2, "", "lampropoulos2004tacrolimus",
         "Patients with discoid lupus who clearly improved",
         "Seen in the abstract at "
         "https://scholar.archive.org/work/l44z4vrqfbcqtkn4s6nwkwirdq."),
    Fact("lampropoulos2004_scle_n", 4, "", "lampropoulos2004tacrolimus",
         "Patients with subacute cutaneous lupus in the study",
         "Seen in the abstract at "
         "https://scholar.archive.org/work/l44z4vrqfbcqtkn4s6nwkwirdq."),
    Fact("lampropoulos2004_scle_improved", 2, "", "lampropoulos2004tacrolimus",
         "Patients with subacute cutaneous lupus whose lesions regressed "
         "significantly",
         "Seen in the abstract at "
         "https://scholar.archive.org/work/l44z4vrqfbcqtkn4s6nwkwirdq."),
    Fact("lampropoulos2004_sle_n", 2, "", "lampropoulos2004tacrolimus",
         "Patients with the photosensitive rash of SLE in the study",
         "Seen in the abstract at "
         "https://scholar.archive.org/work/l44z4vrqfbcqtkn4s6nwkwirdq."),
    Fact("lampropoulos2004_sle_improved", 2, "", "lampropoulos2004tacrolimus",
         "Patients with the rash of SLE who improved markedly",
         "Seen in the abstract at "
         "https://scholar.archive.org/work/l44z4vrqfbcqtkn4s6nwkwirdq."),
    # Open study of pimecrolimus 1 % cream (fact base Table 1 row 9: title,
    # journal, pages, DOI, PMID, 11 patients, 3 weeks VERIFIED; authors not).
    Fact("pimecrolimus2004_n_patients", 11, "", "pimecrolimus2004lupus",
         "Patients with different forms of lupus erythematosus treated with "
         "pimecrolimus 1 % cream twice daily under semi-occlusion",
         "Abstract read at "
         "https://pubmed.ncbi.nlm.nih.gov/15337984/."),
    Fact("pimecrolimus2004_treatment_weeks", 3, "weeks", "pimecrolimus2004lupus",
         "Treatment time in the open pimecrolimus study",
         "Abstract read at "
         "https://pubmed.ncbi.nlm.nih.gov/15337984/."),
    # Beyond lupus: numbers checked with the search tool in the abstracts
    # on the pages named in each note (also in the references.bib records).
    Fact("lebwohl2004_n_patients", 167, "", "lebwohl2004tacrolimus",
         "Patients aged 16 or older with facial or intertriginous psoriasis, "
         "randomised 2:1 to tacrolimus 0.1 % ointment or vehicle",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/15523350."),
    Fact("lebwohl2004_treatment_weeks", 8, "weeks", "lebwohl2004tacrolimus",
         "Treatment time in the Lebwohl 2004 trial",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/15523350."),
    Fact("lebwohl2004_clear_tacrolimus_pct", 65.2, "%", "lebwohl2004tacrolimus",
         "Clear or almost clear at week 8 with tacrolimus 0.1 % ointment",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/15523350."),
    Fact("lebwohl2004_clear_vehicle_pct", 31.5, "%", "lebwohl2004tacrolimus",
         "Clear or almost clear at week 8 with vehicle",
         "Seen in the PubMed abstract at "
         "https://www.ncbi.nlm.nih.gov/pubmed/15523350."),
    Fact("gribetz2004_n_patients", 57, "", "gribetz2004pimecrolimus",
         "Patients with moderate to severe inverse psoriasis, pimecrolimus 1 % "
         "cream vs vehicle",
         "Seen in the abstract at "
         "https://www.unboundmedicine.com/medline/citation/15523351/full_citation."),
    Fact("gribetz2004_treatment_weeks", 8, "weeks", "gribetz2004pimecrolimus",
         "Treatment time in the Gribetz 2004 trial",
         "Seen in the abstract at "
         "https://www.unboundmedicine.com/medline/citation/15523351/full_citation. "
         "The abstract reports results 'by week 8'; the ACP Journal Club "
         "summary at "
         "https://discovery.researcher.life/article/pimecrolimus-and-tacrolimus-for-the-treatment-of-intertriginous-and-facial-psoriasis/0bbe6c30fc1c3b98b6c6093be208aa27 "
         "says 'week 8 of treatment'."),
    Fact("gribetz2004_early_week", 2, "weeks", "gribetz2004pimecrolimus",
         "First assessment at which pimecrolimus was significantly ahead of "
         "vehicle on the investigator's global assessment",
         "Seen in the abstract at "
         "https://www.unboundmedicine.com/medline/citation/15523351/full_citation."),
    Fact("gribetz2004_clear_week2_pimecrolimus_pct", 54, "%",
         "gribetz2004pimecrolimus",
         "Clear or almost clear (investigator's global assessment 0 or 1) at "
         "week 2 with pimecrolimus",
         "Seen in the abstract at "
         "https://www.unboundmedicine.com/medline/citation/15523351/full_citation."),
    Fact("gribetz2004_clear_week2_vehicle_pct", 21, "%", "gribetz2004pimecrolimus",
         "Clear or almost clear at week 2 with vehicle",
         "Seen in the abstract at "
         "https://www.unboundmedicine.com/medline/citation/15523351/full_citation."),
    Fact("gribetz2004_clear_week8_pimecrolimus_pct", 71, "%",
         "gribetz2004pimecrolimus",
         "Clear or almost clear at week 8 with pimecrolimus",
         "Seen in the abstract at "
         "https://www.unboundmedicine.com/medline/citation/15523351/full_citation."),
    Fact("ho2011_arm_sizes", (30, 31, 29), "", "ho2011tacrolimus",
         "Children aged 2 to 16 with vitiligo randomised to clobetasol "
         "propionate 0.05 %, tacrolimus 0.1 % and placebo",
         "Seen in the abstract at "
         "http://www.druglib.com/abstract/ho/ho-n_br-j-dermatol_20110000.html."),
    Fact("ho2011_clobetasol_pct", 0.05, "%", "ho2011tacrolimus",
         "Strength of the clobetasol propionate ointment used as comparator",
         "Seen in the abstract at "
         "http://www.druglib.com/abstract/ho/ho-n_br-j-dermatol_20110000.html."),
    Fact("ho2011_treatment_months", 6, "months", "ho2011tacrolimus",
         "Treatment time in the Ho 2011 trial",
         "Seen in the abstract at "
         "http://www.druglib.com/abstract/ho/ho-n_br-j-dermatol_20110000.html."),
    Fact("ho2011_response_threshold_pct", 50, "%", "ho2011tacrolimus",
         "Repigmentation above which a patch counted as a successful response",
         "Seen in the abstract at "
         "http://www.druglib.com/abstract/ho/ho-n_br-j-dermatol_20110000.html."),
    Fact("ho2011_facial_response_tacrolimus_pct", 58, "%", "ho2011tacrolimus",
         "Facial vitiligo: more than 50 % repigmentation with tacrolimus 0.1 %",
         "Seen in the abstract at "
         "http://www.druglib.com/abstract/ho/ho-n_br-j-dermatol_20110000.html."),
    Fact("ho2011_facial_response_clobetasol_pct", 58, "%", "ho2011tacrolimus",
         "Facial vitiligo: more than 50 % repigmentation with clobetasol 0.05 %",
         "Seen in the abstract at "
         "http://www.druglib.com/abstract/ho/ho-n_br-j-dermatol_20110000.html."),
    Fact("ho2011_nonfacial_response_tacrolimus_pct", 23, "%", "ho2011tacrolimus",
         "Vitiligo away from the face: more than 50 % repigmentation with "
         "tacrolimus 0.1 %",
         "Seen in the abstract at "
         "http://www.druglib.com/abstract/ho/ho-n_br-j-dermatol_20110000.html."),
    Fact("ho2011_nonfacial_response_clobetasol_pct", 39, "%", "ho2011tacrolimus",
         "Vitiligo away from the face: more than 50 % repigmentation with "
         "clobetasol 0.05 % (difference from tacrolimus not significant)",
         "Seen in the abstract at "
         "http://www.druglib.com/abstract/ho/ho-n_br-j-dermatol_20110000.html."),
    Fact("kim2013_n_randomised", 75, "", "kim2013proactive",
         "Adults with facial seborrhoeic dermatitis randomised to maintenance "
         "after 2 weeks of open-label tacrolimus 0.1 %",
         "Seen in the abstract at "
         "https://www.medicaljournals.se/acta/content/html/10.2340/00015555-1532."),
    Fact("kim2013_maintenance_weeks", 10, "weeks", "kim2013proactive",
         "Maintenance phase of the Kim 2013 trial",
         "Seen in the abstract at "
         "https://www.medicaljournals.se/acta/content/html/10.2340/00015555-1532."),
    # --- Problem set 4: topical dosing with fingertip units ---------------
    # Fact base N23. FTU counts per site and areas: the article text at
    # https://www.scribd.com/document/346155040/Long-1991 (abstract also at
    # the Wiley DOI page). Gram weights: DermNet (verified secondary).
    Fact("ftu_adult_face_neck", 2.5, "FTU", "long1991ftu",
         "Fingertip units adults needed to cover the face and neck once"),
    Fact("ftu_adult_front_trunk", 6.7, "FTU", "long1991ftu",
         "Fingertip units adults needed to cover the front of the trunk once"),
    Fact("ftu_adult_back_trunk", 6.8, "FTU", "long1991ftu",
         "Fingertip units adults needed to cover the back of the trunk once"),
    Fact("ftu_adult_arm_forearm", 3.3, "FTU", "long1991ftu",
         "Fingertip units adults needed to cover one arm and forearm once"),
    Fact("ftu_adult_hand", 1.2, "FTU", "long1991ftu",
         "Fingertip units adults needed to cover one hand once"),
    Fact("ftu_adult_leg_thigh", 5.8, "FTU", "long1991ftu",
         "Fingertip units adults needed to cover one leg and thigh once"),
    Fact("ftu_adult_foot", 1.8, "FTU", "long1991ftu",
         "Fingertip units adults needed to cover one foot once"),
    Fact("ftu_area_cm2", 286, "cm²", "long1991ftu",
         "Skin area one fingertip unit of ointment covered, all 30 adults"),
    Fact("ftu_area_men_cm2", 312, "cm²", "long1991ftu",
         "Skin area one fingertip unit covered, men (n = 16)"),
    Fact("ftu_area_women_cm2", 257, "cm²", "long1991ftu",
         "Skin area one fingertip unit covered, women (n = 14)"),
    Fact("ftu_grams_adult_man", 0.5, "g", "dermnet_ftu",
         "Approximate weight of one fingertip unit squeezed by an adult man",
         "Wikipedia's summary of the original study gives 0.49 g; the book "
         "prints DermNet's rounded value."),
    Fact("ftu_grams_adult_woman", 0.4, "g", "dermnet_ftu",
         "Approximate weight of one fingertip unit squeezed by an adult woman",
         "Wikipedia's summary of the original study gives 0.43 g; the book "
         "prints DermNet's rounded value."),
    # --- Parts III-IV expert review: voclosporin increase rule, Prograf --
    # --- trough table by population, malignancy data after 2013, Elidel --
    # --- rules, systemic options (safety-in-practice, systemic chapter,  --
    # --- atopic-dermatitis-treatment; each URL is where it was seen).     --
    Fact("lupkynis_increase_recovery_pct", 80, "%", "lupkynis_us_label",
         "eGFR, as a percentage of baseline, at or above which a dose reduced "
         "for eGFR may be increased again",
         "Seen at https://www.renalandurologynews.com/drug/lupkynis/ ('consider "
         "increasing the dose by 7.9mg twice daily for each eGFR measurement "
         "that is >=80% of baseline; do not exceed the starting dose') and at "
         "https://www.lupkynispro.com/dosing (manufacturer's summary of the "
         "label)."),
    Fact("lupkynis_increase_step_mg", 7.9, "mg", "lupkynis_us_label",
         "Twice-daily step by which a dose reduced for eGFR may be increased "
         "again, never above the starting dose",
         "Seen at https://www.renalandurologynews.com/drug/lupkynis/ and "
         "https://www.lupkynispro.com/dosing ('increasing dose by 1 capsule "
         "BID; do not exceed starting dose')."),
    Fact("prograf_trough_lung_early_ng_ml", (10, 15), "ng/mL", "prograf_us_label",
         "Whole-blood trough range, adult lung transplant with azathioprine or "
         "mycophenolate mofetil, months 1 to 3",
         "Seen in the label's dosing table at https://prescriberpoint.com/"
         "therapies/prograf-7f667de ('Month 1-3: 10-15 ng/mL')."),
    Fact("prograf_trough_lung_late_ng_ml", (8, 12), "ng/mL", "prograf_us_label",
         "Whole-blood trough range, adult lung transplant, months 4 to 12",
         "Seen at https://prescriberpoint.com/therapies/prograf-7f667de "
         "('Month 4-12: 8-12 ng/mL')."),
    Fact("prograf_lung_initial_dose", 0.075, "mg/kg/day", "prograf_us_label",
         "Initial oral dose of Prograf after adult lung transplant, in two "
         "doses; patients with cystic fibrosis may need more",
         "Seen at https://prescriberpoint.com/therapies/prograf-7f667de."),
    Fact("prograf_trough_pediatric_kidney_ng_ml", (5, 20), "ng/mL",
         "prograf_us_label",
         "Whole-blood trough range, paediatric kidney transplant, months 1 to 12",
         "The Prograf page at https://prescriberpoint.com/therapies/prograf-7f667de "
         "lists the paediatric kidney row but was cut off before its range; the "
         "range was seen in the same table reproduced in a tacrolimus capsule "
         "label, https://prescriberpoint.com/therapies/tacrolimus-17e25eb."),
    Fact("prograf_trough_pediatric_liver_ng_ml", (5, 20), "ng/mL",
         "prograf_us_label",
         "Whole-blood trough range, paediatric liver transplant, months 1 to 12",
         "Seen at https://prescriberpoint.com/therapies/tacrolimus-bd447ff (the "
         "Prograf page) and in the tables at tacrolimus-17e25eb and "
         "tacrolimus-61dee01 on the same site."),
    Fact("prograf_trough_pediatric_heart_ng_ml", (5, 20), "ng/mL",
         "prograf_us_label",
         "Whole-blood trough range, paediatric heart transplant, months 1 to 12",
         "Seen in the table reproduced at https://prescriberpoint.com/therapies/"
         "tacrolimus-17e25eb."),
    Fact("prograf_trough_pediatric_lung_early_ng_ml", (10, 20), "ng/mL",
         "prograf_us_label",
         "Whole-blood trough range, paediatric lung transplant, weeks 1 to 2",
         "Seen in the table reproduced at https://prescriberpoint.com/therapies/"
         "tacrolimus-61dee01 ('Weeks 1 to 2: 10 to 20 ng/mL')."),
    Fact("prograf_trough_pediatric_lung_late_ng_ml", (10, 15), "ng/mL",
         "prograf_us_label",
         "Whole-blood trough range, paediatric lung transplant, week 2 to "
         "month 12",
         "Seen at https://prescriberpoint.com/therapies/tacrolimus-61dee01 "
         "('Week 2 to Month 12: 10 to 15 ng/mL')."),
    Fact("prograf_pediatric_lung_early_last_week", 2, "week", "prograf_us_label",
         "Last week of the early range for paediatric lung transplant",
         "The label's table says 'Weeks 1 to 2', then 'Week 2 to Month 12': "
         "week 2 appears in both; the book counts it in the first."),
    Fact("apples2020_n_patients", 7954, "", "paller2020apples",
         "Children with atopic dermatitis enrolled in the APPLES registry of "
         "topical tacrolimus (at 314 sites in 9 countries)",
         "Seen in the abstract at https://www.scholars.northwestern.edu/en/"
         "publications/no-evidence-of-increased-cancer-incidence-in-children-"
         "using-topic and https://scholars.duke.edu/publication/1479268."),
    Fact("apples2020_follow_up_years", 10, "years", "paller2020apples",
         "Planned follow-up of each child in APPLES"),
    Fact("apples2020_person_years", 44629, "person-years", "paller2020apples",
         "Person-years of follow-up in APPLES"),
    Fact("apples2020_cancers", 6, "", "paller2020apples",
         "Confirmed incident cancers in APPLES (no lymphoma among them)"),
    Fact("apples2020_sir", 1.01, "", "paller2020apples",
         "Standardised incidence ratio of cancer in APPLES against matched "
         "national cancer registry data"),
    Fact("apples2020_sir_ci", (0.37, 2.20), "", "paller2020apples",
         "95 % confidence interval of apples2020_sir"),
    Fact("peer2015_n_patients", 7457, "", "margolis2015peer",
         "Children with atopic dermatitis and pimecrolimus use enrolled in the "
         "PEER registry (data up to May 2014)",
         "Seen in the abstract at https://www.ncbi.nlm.nih.gov/pubmed/25692459 "
         "and https://pmc.ncbi.nlm.nih.gov/articles/PMC4465068."),
    Fact("peer2015_person_years", 26792, "person-years", "margolis2015peer",
         "Person-years of follow-up in PEER"),
    Fact("peer2015_malignancies", 5, "", "margolis2015peer",
         "Malignancies reported in PEER (2 leukaemias, 1 osteosarcoma, "
         "2 lymphomas; no skin cancer)"),
    Fact("peer2015_lymphomas", 2, "", "margolis2015peer",
         "Lymphomas reported in PEER"),
    Fact("peer2015_sir", 1.2, "", "margolis2015peer",
         "Standardised incidence ratio of all malignancies in PEER against the "
         "age-standardised SEER population"),
    Fact("peer2015_sir_ci", (0.5, 2.8), "", "margolis2015peer",
         "95 % confidence interval of peer2015_sir"),
    Fact("peer2015_lymphoma_sir", 2.9, "", "margolis2015peer",
         "Standardised incidence ratio of lymphoma in PEER (2 cases)"),
    Fact("peer2015_lymphoma_sir_ci", (0.7, 11.7), "", "margolis2015peer",
         "95 % confidence interval of peer2015_lymphoma_sir"),
    Fact("joelle2018_children_tacrolimus_n", 19948, "", "castellsague2018joelle",
         "Children starting topical tacrolimus in the JOELLE cohort (databases "
         "of the Netherlands, Denmark, Sweden and the UK)",
         "Seen in the abstract at http://47.251.13.51:8081/29559812 (PubMed "
         "mirror) and https://pmc.ncbi.nlm.nih.gov/articles/PMC5856050."),
    Fact("joelle2018_adults_tacrolimus_n", 66127, "", "castellsague2018joelle",
         "Adults starting topical tacrolimus in the JOELLE cohort"),
    Fact("joelle2018_lymphoma_rate_children_tacrolimus", 10.4,
         "per 100,000 person-years", "castellsague2018joelle",
         "Incidence of lymphoma in children using topical tacrolimus"),
    Fact("joelle2018_lymphoma_rate_adults_tacrolimus", 41.0,
         "per 100,000 person-years", "castellsague2018joelle",
         "Incidence of lymphoma in adults using topical tacrolimus"),
    Fact("joelle2018_lymphoma_rate_children_pimecrolimus", 3.0,
         "per 100,000 person-years", "castellsague2018joelle",
         "Incidence of lymphoma in children using topical pimecrolimus"),
    Fact("joelle2018_lymphoma_rate_adults_pimecrolimus", 27.0,
         "per 100,000 person-years", "castellsague2018joelle",
         "Incidence of lymphoma in adults using topical pimecrolimus"),
    Fact("joelle2018_lymphoma_irr_children_tacrolimus", 3.74, "",
         "castellsague2018joelle",
         "Incidence rate ratio of lymphoma, tacrolimus vs moderate- to "
         "high-potency topical corticosteroids, children"),
    Fact("joelle2018_lymphoma_irr_children_tacrolimus_ci", (1.00, 14.06), "",
         "castellsague2018joelle",
         "95 % confidence interval of joelle2018_lymphoma_irr_children_tacrolimus"),
    Fact("joelle2018_lymphoma_irr_adults_tacrolimus", 1.27, "",
         "castellsague2018joelle",
         "Incidence rate ratio of lymphoma, tacrolimus vs topical "
         "corticosteroids, adults"),
    Fact("joelle2018_lymphoma_irr_adults_tacrolimus_ci", (0.94, 1.71), "",
         "castellsague2018joelle",
         "95 % confidence interval of joelle2018_lymphoma_irr_adults_tacrolimus"),
    Fact("elidel_us_reexamine_weeks", 6, "weeks", "elidel_us_label",
         "US Elidel label: re-examine the patient to confirm the diagnosis if "
         "signs and symptoms persist beyond this many weeks",
         "Seen in the label's dosing text at http://www.elidel-us.com/hcp/"
         "dosing.php (manufacturer's page)."),
    Fact("elidel_uk_stop_weeks", 6, "weeks", "elidel_uk_smpc",
         "UK Elidel SmPC: stop if there is no improvement after this many weeks "
         "(or if the disease worsens) and re-evaluate the diagnosis",
         "Seen in the GB SmPC text (revision 2019) at https://www.rxreasoner."
         "com/monographs/elidel/usage; the 2022 emc version cited was not "
         "read for this sentence."),
    Fact("kuhn2011_n_dle", 14, "", "kuhn2011tacrolimus",
         "Patients with discoid lupus among the 30 of the Kuhn 2011 trial (the "
         "others: 11 tumidus, 4 subacute, 1 acute cutaneous lupus)",
         "The abstract says only 'different subtypes'; the subtype counts were "
         "seen in a summary of the trial at https://www.doctorksa.com/Pages/"
         "article/11485/derma-3601."),
    Fact("madan2010_n_compound_dle", 11, "", "madan2010tacrolimus",
         "Patients with discoid lupus among the 13 treated with the compound "
         "ointment (the subtypes of the 5 comparison patients are not given)",
         "Seen in the abstract at "
         "https://zendy.io/title/10.1111/j.1365-2230.2009.03351.x."),
    # prograf_capsule_strengths_mg (used by tdm.py) is defined once, in the
    # formulations block further down; this block does not repeat it.
    Fact("davis2023_n_recommendations", 11, "", "davis2023systemic",
         "Recommendations in the 2023 AAD guideline on phototherapy and "
         "systemic therapy of atopic dermatitis in adults",
         "Seen in the abstract at https://www.scribd.com/document/715101522/"
         "PIIS0190962223028785 and the summary at https://guidelinecentral.com/"
         "summaries/guidelines-of-care-for-the-management-of-atopic-dermatitis-"
         "section-3-management-and-treatment-with-phototherapy-and-systemic-agents."),
    # --- Exposure over time / model-informed dosing: the population model ---
    # Andrews et al. 2019, Br J Clin Pharmacol 85:601-615 (final model,
    # Table 2). Every value was read in the table at _ANDREWS2019_TABLE
    # or in the abstract at _ANDREWS2019_ABSTRACT (URLs in each note), except
    # the covariates' reference values (andrews2019_reference_*, nlmixr2lib).
    Fact("andrews2019_n_patients", 337, "", "andrews2019tacrolimus",
         "Adult kidney-transplant recipients in the population analysis",
         _ANDREWS2019_ABSTRACT),
    Fact("andrews2019_n_samples", 4527, "", "andrews2019tacrolimus",
         "Tacrolimus whole-blood samples in the analysis", _ANDREWS2019_ABSTRACT),
    Fact("andrews2019_months", 3, "months", "andrews2019tacrolimus",
         "Period after transplantation over which the data were collected "
         "('the first 3 months following renal transplantation')",
         _ANDREWS2019_ABSTRACT),
    Fact("andrews2019_cl_l_h", 23.0, "L/h", "andrews2019tacrolimus",
         "Typical apparent whole-blood clearance CL/F, final model",
         _ANDREWS2019_TABLE),
    Fact("andrews2019_v1_l", 692, "L", "andrews2019tacrolimus",
         "Typical apparent central volume V1/F, final model", _ANDREWS2019_TABLE),
    Fact("andrews2019_q_l_h", 11.6, "L/h", "andrews2019tacrolimus",
         "Typical apparent inter-compartmental clearance Q/F, final model",
         _ANDREWS2019_TABLE),
    Fact("andrews2019_v2_l", 5340, "L", "andrews2019tacrolimus",
         "Typical apparent peripheral volume V2/F, final model",
         _ANDREWS2019_TABLE),
    Fact("andrews2019_ka_per_h", 3.58, "1/h", "andrews2019tacrolimus",
         "Absorption rate constant ka, final model", _ANDREWS2019_TABLE),
    Fact("andrews2019_lag_h", 0.38, "h", "andrews2019tacrolimus",
         "Absorption lag time, final model", _ANDREWS2019_TABLE),
    Fact("andrews2019_cyp3a5_cl_factor", 1.63, "", "andrews2019tacrolimus",
         "Factor on CL/F for CYP3A5*1 carriers (CYP3A5 expressers), final model",
         _ANDREWS2019_TABLE + " The abstract words it as a 'significantly "
         "higher tacrolimus clearance (160%)' in CYP3A5 expressers."),
    # CPIC guideline for CYP3A5 genotype and tacrolimus (Birdwell 2015).
    Fact("cpic2015_expresser_start_multiplier", (1.5, 2), "",
         "birdwell2015cpic",
         "Multipliers of the recommended starting dose of tacrolimus for "
         "CYP3A5 expressers (extensive and intermediate metabolizers), low "
         "and high; non-expressers start at the recommended dose",
         "Seen in the guideline's recommendation as restated by the University "
         "of Florida precision-medicine page (precisionmedicine.ufhealth.org/"
         "how-to-interpret-results/cyp3a5-and-tacrolimus/), citing Birdwell "
         "2015, PMID 25801146: 'Increase starting dose by 1.5-2 times the "
         "recommended starting dose without exceeding 0.3 mg/kg/day'."),
    Fact("cpic2015_max_start_mg_kg_day", 0.3, "mg/kg/day", "birdwell2015cpic",
         "Ceiling of a starting dose raised for CYP3A5 expression; the dose "
         "is then adjusted by therapeutic drug monitoring"),
    Fact("andrews2019_haematocrit_cl_exponent_abs", 0.76, "", "andrews2019tacrolimus",
         "Size of the exponent of haematocrit (L/L) on CL/F, final model; the "
         "published value is negative (-0.76): lower haematocrit, higher "
         "whole-blood clearance", _ANDREWS2019_TABLE),
    Fact("andrews2019_age_cl_exponent_abs", 0.43, "", "andrews2019tacrolimus",
         "Size of the exponent of age (years) on CL/F, final model; the "
         "published value is negative (-0.43)", _ANDREWS2019_TABLE),
    Fact("andrews2019_albumin_cl_exponent", 0.43, "", "andrews2019tacrolimus",
         "Exponent of serum albumin (g/L) on CL/F, final model (positive)",
         _ANDREWS2019_TABLE),
    Fact("andrews2019_bsa_cl_exponent", 0.88, "", "andrews2019tacrolimus",
         "Exponent of body surface area (m2) on CL/F, final model", _ANDREWS2019_TABLE),
    Fact("andrews2019_creatinine_cl_exponent_abs", 0.14, "", "andrews2019tacrolimus",
         "Size of the exponent of serum creatinine (umol/L) on CL/F, final model; "
         "the published value is negative (-0.14)", _ANDREWS2019_TABLE),
    Fact("andrews2019_cyp3a4_22_cl_factor", 0.80, "", "andrews2019tacrolimus",
         "Factor on CL/F for carriers of CYP3A4*22, final model", _ANDREWS2019_TABLE),
    Fact("andrews2019_lean_body_weight_v1_exponent", 1.52, "", "andrews2019tacrolimus",
         "Exponent of lean body weight (kg) on V1/F, final model", _ANDREWS2019_TABLE),
    # The values each continuous covariate is divided by: not in the
    # publication's table; read in the nlmixr2lib model file, which quotes
    # them from the paper's NONMEM control stream (Data S1) and Equation 1.
    Fact("andrews2019_reference_haematocrit", 0.34, "L/L", "nlmixr2lib_andrews2019",
         "Reference haematocrit of the final model's CL/F",
         _NLMIXR2LIB_FILE + ", which states that Andrews 2019 'centres Equation (1) "
         "at 0.34 L/L' (the file itself uses the percent scale, 34 %)."),
    Fact("andrews2019_reference_age_years", 55.72, "years", "nlmixr2lib_andrews2019",
         "Reference age of the final model's CL/F",
         _NLMIXR2LIB_ANDREWS2019 + " 'CLAGE = ((AGE/55.72)**THETA(9))'; "
         "Equation (1) prints it rounded to 56 years."),
    Fact("andrews2019_reference_albumin_g_l", 42, "g/L", "nlmixr2lib_andrews2019",
         "Reference serum albumin of the final model's CL/F",
         _NLMIXR2LIB_ANDREWS2019 + " 'CLALB = ((ALB/42)**THETA(10))'."),
    Fact("andrews2019_reference_bsa_m2", 1.93, "m2", "nlmixr2lib_andrews2019",
         "Reference body surface area of the final model's CL/F",
         _NLMIXR2LIB_ANDREWS2019 + " 'CLBSA = ((BSA/1.93)**THETA(16))'."),
    Fact("andrews2019_reference_creatinine_umol_l", 134.98, "umol/L",
         "nlmixr2lib_andrews2019",
         "Reference serum creatinine of the final model's CL/F",
         _NLMIXR2LIB_ANDREWS2019 + " 'CLCREAT = ((CREAT/134.98)**THETA(11))'; "
         "Equation (1) prints it rounded to 135."),
    Fact("andrews2019_reference_lean_body_weight_kg", 58.94, "kg",
         "nlmixr2lib_andrews2019",
         "Reference lean body weight of the final model's V1/F",
         _NLMIXR2LIB_ANDREWS2019 + " 'V2LBW = ((LBW/58.94)**THETA(15))' "
         "(NONMEM's V2 is the paper's V1/F)."),
    Fact("andrews2019_iiv_cl_pct", 38.6, "%", "andrews2019tacrolimus",
         "Between-subject (inter-individual) variability of CL/F, final model",
         _ANDREWS2019_TABLE),
    Fact("andrews2019_iiv_v1_pct", 49.2, "%", "andrews2019tacrolimus",
         "Between-subject variability of V1/F, final model", _ANDREWS2019_TABLE),
    Fact("andrews2019_iiv_v2_pct", 53.0, "%", "andrews2019tacrolimus",
         "Between-subject variability of V2/F, final model", _ANDREWS2019_TABLE),
    Fact("andrews2019_iiv_q_pct", 78.7, "%", "andrews2019tacrolimus",
         "Between-subject variability of Q/F, final model", _ANDREWS2019_TABLE),
    Fact("andrews2019_iov_cl_pct", 13.6, "%", "andrews2019tacrolimus",
         "Between-occasion (inter-occasion) variability of CL/F, final model",
         _ANDREWS2019_TABLE),
    Fact("andrews2019_residual_lcms_pct", 24.5, "%", "andrews2019tacrolimus",
         "Proportional residual error for concentrations measured by LC-MS/MS, "
         "final model", _ANDREWS2019_TABLE),
    Fact("andrews2019_residual_immunoassay_pct", 17.7, "%", "andrews2019tacrolimus",
         "Proportional residual error for concentrations measured by "
         "immunoassay, final model (with an additive part, next fact)",
         _ANDREWS2019_TABLE),
    Fact("andrews2019_residual_immunoassay_additive_ng_ml", 0.88, "ng/mL",
         "andrews2019tacrolimus",
         "Additive residual error for concentrations measured by immunoassay, "
         "final model (published as 0.88 ug/L)", _ANDREWS2019_TABLE),
    # --- Cyclosporine as a drug; formulations; toxicity and alternatives;
    # --- cutaneous lupus standard care (chapters cyclosporine,
    # --- systemic-toxicity-and-alternatives, cutaneous-lupus-and-off-label).
    # Each note says where the number was seen with the search tool.
    Fact("neoral_capsule_strengths_mg", (25, 100), "mg", "neoral_us_label",
         "Strengths of Neoral soft gelatin capsules (cyclosporine, modified) in "
         "the US",
         "Seen in the product data of the openFDA record of the Neoral label "
         "(https://api.fda.gov/drug/label.json?search=openfda.brand_name%3A%22Neoral%22: "
         "'Neoral;25;mg', 'NEORAL;100;mg') and at "
         "http://saveonmyprescription.com/info/neoral/how-to-take.jsp ('available "
         "in 25 mg and 100 mg strengths')."),
    Fact("neoral_oral_solution_mg_ml", 100, "mg/mL", "neoral_us_label",
         "Concentration of Neoral oral solution (cyclosporine, modified)",
         "Seen at http://saveonmyprescription.com/info/neoral/how-to-take.jsp "
         "('50 mL bottles containing 100 mg per 1 mL')."),
    Fact("sandimmune_to_neoral_start_ratio", 1, "", "neoral_us_label",
         "Starting Neoral daily dose as a multiple of the Sandimmune daily dose "
         "when a transplant patient is converted (the label's '1:1 dose "
         "conversion')",
         "Seen in a reproduction of the label's conversion paragraph at "
         "https://www.alpfmedical.info/transplant-recipients/cyclosporine-capsules-and-oral-solution-modified-contd.html "
         "(secondary: the label page itself was not read there)."),
    Fact("neoral_conversion_monitoring_days", (4, 7), "days", "neoral_us_label",
         "Interval of trough monitoring after conversion from Sandimmune to "
         "Neoral, until the troughs reach the pre-conversion level",
         "Seen at https://www.alpfmedical.info/transplant-recipients/cyclosporine-capsules-and-oral-solution-modified-contd.html "
         "('monitoring should be undertaken every 4 to 7 days'; secondary)."),
    Fact("cyclosporine_psoriasis_start_mg_kg_day", 2.5, "mg/kg/day",
         "gengraf_us_label",
         "Initial dose of modified cyclosporine for psoriasis in the US label, "
         "taken as two divided doses",
         "Seen in the Gengraf label text at "
         "http://www.120ty.net/bencandy.php?aid=5293&fid=134&page=31 and, for "
         "cyclosporine [MODIFIED], quoted from the FDA label at "
         "https://www.droracle.ai/articles/6336/neoral-dosage."),
    Fact("cyclosporine_psoriasis_hold_weeks", 4, "weeks", "gengraf_us_label",
         "Minimum time at the initial psoriasis dose before it is increased "
         "('at least 4 weeks, barring adverse events')",
         "Seen at http://www.120ty.net/bencandy.php?aid=5293&fid=134&page=31."),
    Fact("cyclosporine_psoriasis_step_mg_kg_day", 0.5, "mg/kg/day",
         "gengraf_us_label",
         "Size of each dose increase for psoriasis ('approximately 0.5 mg/kg/day')",
         "Seen at http://www.120ty.net/bencandy.php?aid=5293&fid=134&page=31."),
    Fact("cyclosporine_psoriasis_step_interval_weeks", 2, "weeks",
         "gengraf_us_label",
         "Interval between dose increases for psoriasis",
         "Seen at http://www.120ty.net/bencandy.php?aid=5293&fid=134&page=31."),
    Fact("cyclosporine_psoriasis_max_mg_kg_day", 4, "mg/kg/day", "gengraf_us_label",
         "Maximum dose of modified cyclosporine for psoriasis in the US label",
         "Seen at http://www.120ty.net/bencandy.php?aid=5293&fid=134&page=31. "
         "The UK SmPC and other regions allow other doses; the book quotes the "
         "US label only."),
    Fact("cyclosporine_psoriasis_decrease_pct", (25, 50), "%", "gengraf_us_label",
         "Dose decrease the US label names for controlling adverse events in "
         "psoriasis (25 % to 50 %)",
         "Seen at http://www.120ty.net/bencandy.php?aid=5293&fid=134&page=31."),
    Fact("cyclosporine_psoriasis_creatinine_rise_pct", 25, "%", "gengraf_us_label",
         "Rise of serum creatinine above the pretreatment level (greater than "
         "or equal to 25 %) that the US label names as an adverse event calling "
         "for a dose decrease in psoriasis",
         "Seen at http://www.120ty.net/bencandy.php?aid=5293&fid=134&page=31 and "
         "page=14 of the same label text."),
    Fact("cyclosporine_psoriasis_lab_interval_weeks", 2, "weeks", "gengraf_us_label",
         "Interval of serum creatinine and BUN checks in the first months of "
         "treatment for psoriasis",
         "Seen at http://www.120ty.net/bencandy.php?aid=5293&fid=134&page=14 "
         "('every 2 weeks during the initial 3 months of therapy and then "
         "monthly if the patient is stable')."),
    Fact("cyclosporine_psoriasis_intensive_months", 3, "months", "gengraf_us_label",
         "Months of two-weekly creatinine and BUN checks before monthly checks "
         "in psoriasis",
         "Seen at http://www.120ty.net/bencandy.php?aid=5293&fid=134&page=14."),
    Fact("cyclosporine_psoriasis_baseline_occasions", 2, "", "gengraf_us_label",
         "Occasions on which blood pressure, and serum creatinine, are measured "
         "before cyclosporine is started for psoriasis",
         "Seen at http://www.120ty.net/bencandy.php?aid=5293&fid=134&page=14 "
         "('blood pressure measurements (on at least two occasions)', 'serum "
         "creatinine (on two occasions)')."),
    Fact("prograf_kidney_aza_tremor_pct", 54, "%", "prograf_us_label",
         "Tremor, kidney transplant trial of Prograf with azathioprine: Prograf arm",
         "Seen in the table 'Kidney transplantation: adverse events occurring in >= 15% of patients treated with Prograf in conjunction with azathioprine' (Prograf against the cyclosporine-based arm) of the label as reproduced at "
         "https://medlibrary.org/lib/rx/meds/prograf/page/8/ (an earlier version of the label; the trial is the same)."),
    Fact("prograf_kidney_aza_tremor_csa_pct", 34, "%", "prograf_us_label",
         "Tremor in the same trial: cyclosporine-based arm",
         "Seen in the table 'Kidney transplantation: adverse events occurring in >= 15% of patients treated with Prograf in conjunction with azathioprine' (Prograf against the cyclosporine-based arm) of the label as reproduced at "
         "https://medlibrary.org/lib/rx/meds/prograf/page/8/ (an earlier version of the label; the trial is the same)."),
    Fact("prograf_kidney_aza_headache_pct", 44, "%", "prograf_us_label",
         "Headache, kidney transplant trial of Prograf with azathioprine: Prograf arm",
         "Seen in the table 'Kidney transplantation: adverse events occurring in >= 15% of patients treated with Prograf in conjunction with azathioprine' (Prograf against the cyclosporine-based arm) of the label as reproduced at "
         "https://medlibrary.org/lib/rx/meds/prograf/page/8/ (an earlier version of the label; the trial is the same)."),
    Fact("prograf_kidney_aza_headache_csa_pct", 38, "%", "prograf_us_label",
         "Headache in the same trial: cyclosporine-based arm",
         "Seen in the table 'Kidney transplantation: adverse events occurring in >= 15% of patients treated with Prograf in conjunction with azathioprine' (Prograf against the cyclosporine-based arm) of the label as reproduced at "
         "https://medlibrary.org/lib/rx/meds/prograf/page/8/ (an earlier version of the label; the trial is the same)."),
    Fact("prograf_kidney_aza_paresthesia_pct", 23, "%", "prograf_us_label",
         "Paraesthesia, kidney transplant trial of Prograf with azathioprine: Prograf arm",
         "Seen in the table 'Kidney transplantation: adverse events occurring in >= 15% of patients treated with Prograf in conjunction with azathioprine' (Prograf against the cyclosporine-based arm) of the label as reproduced at "
         "https://medlibrary.org/lib/rx/meds/prograf/page/8/ (an earlier version of the label; the trial is the same)."),
    Fact("prograf_kidney_aza_paresthesia_csa_pct", 16, "%", "prograf_us_label",
         "Paraesthesia in the same trial: cyclosporine-based arm",
         "Seen in the table 'Kidney transplantation: adverse events occurring in >= 15% of patients treated with Prograf in conjunction with azathioprine' (Prograf against the cyclosporine-based arm) of the label as reproduced at "
         "https://medlibrary.org/lib/rx/meds/prograf/page/8/ (an earlier version of the label; the trial is the same)."),
    Fact("prograf_kidney_aza_hypomagnesemia_pct", 34, "%", "prograf_us_label",
         "Hypomagnesaemia, kidney transplant trial of Prograf with azathioprine: Prograf arm",
         "Seen in the table 'Kidney transplantation: adverse events occurring in >= 15% of patients treated with Prograf in conjunction with azathioprine' (Prograf against the cyclosporine-based arm) of the label as reproduced at "
         "https://medlibrary.org/lib/rx/meds/prograf/page/8/ (an earlier version of the label; the trial is the same)."),
    Fact("prograf_kidney_aza_hypomagnesemia_csa_pct", 17, "%", "prograf_us_label",
         "Hypomagnesaemia in the same trial: cyclosporine-based arm",
         "Seen in the table 'Kidney transplantation: adverse events occurring in >= 15% of patients treated with Prograf in conjunction with azathioprine' (Prograf against the cyclosporine-based arm) of the label as reproduced at "
         "https://medlibrary.org/lib/rx/meds/prograf/page/8/ (an earlier version of the label; the trial is the same)."),
    Fact("cyclosporine_renal_tx_hypertension_pct", 50, "%", "gengraf_us_label",
         "Approximate share of renal transplant patients in whom hypertension "
         "occurs on cyclosporine, in the adverse reactions of the label",
         "Seen in the Gengraf label text at "
         "https://medthority.com/fda/g/gengraf/gengraf-cyclosporine-100-mg1-abbvie-inc "
         "('may occur in approximately 50% of patients following renal "
         "transplantation')."),
    Fact("restasis_strength_pct", 0.05, "%", "restasis_us_label",
         "Strength of Restasis cyclosporine ophthalmic emulsion",
         "Seen at http://www.druglib.com/druginfo/restasis/indications_dosage/."),
    Fact("restasis_dose_interval_h", 12, "h", "restasis_us_label",
         "Interval between the two daily drops of Restasis in each eye "
         "('approximately 12 hours apart')",
         "Seen at http://www.druglib.com/druginfo/restasis/indications_dosage/."),
    Fact("ikervis_strength_mg_ml", 1, "mg/mL", "ikervis_eu_smpc",
         "Ciclosporin content of Ikervis eye drops (emulsion), EU",
         "Seen in the EU SmPC (EMA, revision 2017) as reproduced at "
         "https://www.rxreasoner.com/monographs/6693/usage and in the "
         "Scottish Medicines Consortium advice ('ciclosporin 1mg/mL (0.1%) eye "
         "drops emulsion') at https://scottishmedicines.org.uk/medicines-advice/"
         "ciclosporin-ikervis-fullsubmission-108915."),
    Fact("ikervis_drops_per_day", 1, "", "ikervis_eu_smpc",
         "Drops of Ikervis per affected eye per day, at bedtime (adults, "
         "severe keratitis in dry eye disease)",
         "Seen at https://www.rxreasoner.com/monographs/6693/usage ('one drop "
         "of IKERVIS once daily to be applied to the affected eye(s) at "
         "bedtime')."),
    Fact("ikervis_reassess_months", 6, "months", "ikervis_eu_smpc",
         "Longest interval between reassessments of the response to Ikervis "
         "('at least every 6 months')",
         "Seen at https://www.rxreasoner.com/monographs/6693/usage."),
    Fact("restasis_us_approval_year", 2002, "", "restasis_us_label",
         "Year of US approval of Restasis",
         "Seen at http://www.allergan.com/products/eye_care/restasis.htm "
         "('approved by the U.S. Food and Drug Administration in 2002'); "
         "https://www.ophthalmologytimes.com/view/increased-tear-production-restasis-approval-milestone-dry-eye "
         "dates it to 26 December."),
    # THE single definition of prograf_capsule_strengths_mg, used by tdm.py
    # and formulations.py; please do not define it a second time elsewhere.
    Fact("prograf_capsule_strengths_mg", (0.5, 1, 5), "mg", "prograf_us_label",
         "Strengths of Prograf (immediate-release tacrolimus) capsules",
         "Seen in the product data of the openFDA record of the Prograf label "
         "(https://api.fda.gov/drug/label.json?search=set_id%3A%227f667de1-9dfa-4bd6-8ba0-15ee2d78873b%22), "
         "at https://epocrates.com/online/drugs/1607/prograf ('CAP: 0.5 mg, 1 mg, "
         "5 mg') and at https://prescriberpoint.com/therapies/tacrolimus-bd447ff."),
    Fact("envarsus_tablet_strengths_mg", (0.75, 1, 4), "mg", "envarsus_us_label",
         "Strengths of Envarsus XR (tacrolimus, extended release) tablets",
         "Seen in the product data of the openFDA record "
         "(https://api.fda.gov/drug/label.json?search=set_id%3A%22de2315b0-6344-43ac-9aea-3e3b68d828e7%22) "
         "and at http://www.ismp.org/resources/multifactorial-causes-tacrolimus-errors-confusion-strength-formulation-look-alike-names."),
    Fact("envarsus_conversion_pct", 80, "%", "envarsus_us_label",
         "Once-daily Envarsus XR dose, as a percentage of the total daily dose "
         "of immediate-release tacrolimus, on conversion",
         "Seen in the label's section 2.2 at "
         "https://www.recallguide.org/manufacturer/veloxis-pharmaceuticals-inc/ "
         "and at https://www.renalandurologynews.com/drug/envarsus-xr/."),
    Fact("envarsus_conversion_trough_ng_ml", (4, 11), "ng/mL", "envarsus_us_label",
         "Whole-blood trough range to which Envarsus XR is titrated after "
         "conversion from immediate-release tacrolimus",
         "Seen at https://www.recallguide.org/manufacturer/veloxis-pharmaceuticals-inc/."),
    Fact("envarsus_first_week_trough_count", 2, "", "envarsus_us_label",
         "Minimum number of trough measurements, on separate days, in the first "
         "week after Envarsus XR is started or its dose changed",
         "Seen in section 2.3 at "
         "https://www.recallguide.org/manufacturer/veloxis-pharmaceuticals-inc/."),
    Fact("envarsus_steady_state_days", 7, "days", "envarsus_us_label",
         "Approximate time to tacrolimus steady state after Envarsus XR is "
         "started or its dose changed",
         "Seen in section 2.3 at "
         "https://www.recallguide.org/manufacturer/veloxis-pharmaceuticals-inc/."),
    Fact("belatacept_kidney_function_years", 7, "years", "wojciechowski_immunosuppression",
         "Years after kidney transplantation at which belatacept gave better "
         "kidney function than cyclosporine",
         "Seen in the abstract at "
         "https://utsouthwestern.elsevierpure.com/en/publications/long-term-immunosuppression-management-opportunities-and-uncertai "
         "('superior kidney function at 7 years post-transplant compared with "
         "cyclosporin')."),
    Fact("steroid_withdrawal_survival_years", 5, "years",
         "wojciechowski_immunosuppression",
         "Follow-up at which early corticosteroid withdrawal showed no "
         "difference in patient or graft survival",
         "Seen in the abstract (as above: 'no difference in 5-year patient or "
         "graft survival')."),
    Fact("obinutuzumab_ln_us_approval_year", 2025, "", "kaufman2026obinutuzumab",
         "Year in which the FDA approved obinutuzumab (Gazyva) for lupus nephritis",
         "Seen at https://www.the-rheumatologist.org/?p=64843 ('In October 2025, "
         "the U.S. Food & Drug ...')."),
    Fact("chasset2015_n_studies", 10, "", "chasset2015smoking",
         "Observational studies in the meta-analysis of smoking and antimalarial "
         "response in cutaneous lupus",
         "Seen in the abstract at "
         "https://www.em-consulte.com/article/962140/figures/influence-of-smoking-on-the-efficacy-of-antimalari."),
    Fact("chasset2015_n_patients", 1398, "", "chasset2015smoking",
         "Patients in the Chasset 2015 meta-analysis",
         "Seen in the abstract (em-consulte.com, as above)."),
    Fact("chasset2015_n_smokers", 797, "", "chasset2015smoking",
         "Smokers (current or former) in the Chasset 2015 meta-analysis",
         "Seen in the abstract at "
         "https://vufind.katalog.k.utb.cz/SummonRecord/FETCH-LOGICAL-c566t-25ca05736a7b67ddd34bf530edae7ce11af8df64ff972294719b97409bc4838e3."),
    Fact("chasset2015_n_nonsmokers", 601, "", "chasset2015smoking",
         "Non-smokers in the Chasset 2015 meta-analysis",
         "Seen in the abstract (vufind record, as above)."),
    Fact("chasset2015_odds_ratio", 0.53, "", "chasset2015smoking",
         "Pooled odds ratio of a cutaneous response to antimalarials, smokers "
         "against non-smokers",
         "Seen in the abstract (vufind record, as above)."),
    Fact("chasset2015_odds_ratio_ci", (0.29, 0.98), "", "chasset2015smoking",
         "95 % confidence interval of the Chasset 2015 pooled odds ratio",
         "Seen in the abstract (vufind record, as above). A news report "
         "(https://cm.healio.com/news/dermatology/20150218/smoking-negatively-affects-antimalarial-efficacy-for-treatment-of-cutaneous-lupus-erythematosus) "
         "prints the lower bound as 0.28; the book follows the abstract."),
    Fact("lowe2011_n_cases", 117, "", "lowe2011dischle",
         "Cases of drug-induced subacute cutaneous lupus in the Lowe 2011 "
         "systematic review",
         "Seen in the abstract at http://togows.dbcls.jp/entry/ncbi-pubmed/21039412."),
    Fact("lowe2011_first_report_year", 1985, "", "lowe2011dischle",
         "Year of the first report of drug-induced subacute cutaneous lupus "
         "(with hydrochlorothiazide)",
         "Seen in the abstract (togows PubMed record, as above)."),
    Fact("lowe2011_ro_positive_pct", 80, "%", "lowe2011dischle",
         "Share of the cases with data in which Ro/SS-A antibodies were present",
         "Seen in the abstract (togows PubMed record, as above)."),
    Fact("lowe2011_mean_age_years", 58.0, "years", "lowe2011dischle",
         "Mean age of the cases in the Lowe 2011 review",
         "Seen in the abstract (togows PubMed record, as above)."),
    # --- Parts I-II review: corticosteroids chapter (Cochrane 2015) ---------
    # Seen in the Cochrane abstract as quoted on the fact base N29 page.
    Fact("cochrane2015_tac01_vs_mixed_tcs_rr", 1.32, "", "curymartins2015cochrane",
         "Risk ratio of improvement by physician's assessment, tacrolimus 0.1 % "
         "vs low-potency corticosteroid on face and neck and moderate-potency "
         "corticosteroid on trunk and extremities (moderate-quality evidence)",
         "Seen on a guideline page quoting the Cochrane abstract, "
         "https://download.skyscape.com/download/ota/lonestar/"
         "B4562E59-87F6-47FA-8F09-D67E1FE536CA/ebmgneuro.ed18/content/HTML/x/tl63.htm."),
    Fact("cochrane2015_tac01_vs_mixed_tcs_rr_lo", 1.17, "", "curymartins2015cochrane",
         "Lower 95 % confidence limit of cochrane2015_tac01_vs_mixed_tcs_rr"),
    Fact("cochrane2015_tac01_vs_mixed_tcs_rr_hi", 1.49, "", "curymartins2015cochrane",
         "Upper 95 % confidence limit of cochrane2015_tac01_vs_mixed_tcs_rr"),
    Fact("cochrane2015_tac01_vs_mixed_tcs_n_studies", 1, "", "curymartins2015cochrane",
         "Studies behind cochrane2015_tac01_vs_mixed_tcs_rr"),
    Fact("cochrane2015_tac01_vs_mixed_tcs_n", 972, "", "curymartins2015cochrane",
         "Participants behind cochrane2015_tac01_vs_mixed_tcs_rr"),
    # --- Parts I-II review: topical pharmacokinetics ------------------------
    # Krueger 2007, abstract seen at http://47.251.13.51:8081/17373177 and
    # https://jddonline.com/articles/dermatology/S1545961607P0185X/1 .
    Fact("krueger2007_pk_below_1ng_low_pct", 89, "%", "krueger2007pk",
         "Lower end of the share of whole-blood samples below 1 ng/mL in the "
         "pharmacokinetic studies of tacrolimus ointment (adults and children)"),
    Fact("krueger2007_pk_below_1ng_high_pct", 95, "%", "krueger2007pk",
         "Upper end of the share of whole-blood samples below 1 ng/mL in the "
         "pharmacokinetic studies of tacrolimus ointment"),
    Fact("krueger2007_threshold_ng_ml", 1, "ng/mL", "krueger2007pk",
         "Whole-blood tacrolimus concentration used as the threshold above"),
    Fact("krueger2007_cmax_mean_low_ng_ml", 0.2, "ng/mL", "krueger2007pk",
         "Lowest mean maximum whole-blood tacrolimus concentration across the "
         "pharmacokinetic studies"),
    Fact("krueger2007_cmax_mean_high_ng_ml", 1.6, "ng/mL", "krueger2007pk",
         "Highest mean maximum whole-blood tacrolimus concentration across the "
         "pharmacokinetic studies"),
    Fact("krueger2007_n_efficacy_trials", 12, "", "krueger2007pk",
         "Clinical efficacy trials of tacrolimus ointment with single blood samples"),
    Fact("krueger2007_trials_below_1ng_low_pct", 85, "%", "krueger2007pk",
         "Lower end of the share of samples below 1 ng/mL in the efficacy trials"),
    Fact("krueger2007_trials_below_1ng_high_pct", 99, "%", "krueger2007pk",
         "Upper end of the share of samples below 1 ng/mL in the efficacy trials"),
    # Thaci 2010, abstract seen at https://research.uni-luebeck.de/en/publications/percutaneous-absorption-of-pimecrolimus-is-not-increased-in-patie
    Fact("thaci2010_n_adults", 9, "", "thaci2010occlusion",
         "Adults in the occlusion study of pimecrolimus cream 1 %"),
    Fact("thaci2010_n_adolescents", 4, "", "thaci2010occlusion",
         "Adolescents in the occlusion study"),
    Fact("thaci2010_n_children", 6, "", "thaci2010occlusion",
         "Children in the occlusion study"),
    Fact("thaci2010_days", 8.5, "days", "thaci2010occlusion",
         "Duration of twice-daily application with overnight occlusion"),
    Fact("thaci2010_min_bsa_pct", 30, "%", "thaci2010occlusion",
         "Smallest body surface area with atopic dermatitis for inclusion"),
    Fact("thaci2010_max_adult_ng_ml", 1.84, "ng/mL", "thaci2010occlusion",
         "Highest pimecrolimus blood concentration in adults under occlusion"),
    Fact("thaci2010_max_adolescent_ng_ml", 0.55, "ng/mL", "thaci2010occlusion",
         "Highest pimecrolimus blood concentration in adolescents under occlusion"),
    Fact("thaci2010_max_child_ng_ml", 1.29, "ng/mL", "thaci2010occlusion",
         "Highest pimecrolimus blood concentration in children under occlusion"),
    # Allen 2001 (Netherton syndrome), abstract at http://www.ncbi.nlm.nih.gov/pubmed/11405764
    Fact("netherton2001_n_patients", 3, "", "netherton2001absorption",
         "Patients with Netherton syndrome whose tacrolimus blood levels on "
         "0.1 % ointment were within or above the transplant trough range"),
    # Distribution of tacrolimus in blood (fact base N10; PMID 12164257),
    # abstract at https://api-pubmed-ncbi.laibokeji.com/12164257 .
    Fact("tacrolimus_blood_erythrocyte_pct", 85.3, "%", "pubmed12164257",
         "Share of tacrolimus in human blood associated with erythrocytes "
         "(in vitro, healthy donors; SD 1.5)"),
    Fact("tacrolimus_blood_plasma_protein_pct", 14.3, "%", "pubmed12164257",
         "Share associated with diluted plasma proteins (SD 1.5)"),
    Fact("tacrolimus_blood_lymphocyte_pct", 0.46, "%", "pubmed12164257",
         "Share associated with lymphocytes (SD 0.10)"),
    # --- The TCIs among today's non-steroidal topicals (chapter
    # --- nonsteroidal-topicals; problem set 14) -----------------------------
    # Paller 2016 (AD-301, AD-302): abstract at https://www.luriechildrens.org/
    # en/research/publications/efficacy-and-safety-of-crisaborole-ointment-a-
    # novel-nonsteroidal-phosphodiesterase-4-pde4-inhibitor-for-the-topical-
    # treatment-of-atopic-dermatitis-ad-in-children-and-adults/
    Fact("ad301_crisaborole_pct", 32.8, "%", "paller2016crisaborole",
         "AD-301: ISGA success (clear or almost clear with a 2-grade or greater "
         "improvement) at day 29 on crisaborole ointment 2 % twice daily"),
    Fact("ad301_vehicle_pct", 25.4, "%", "paller2016crisaborole",
         "AD-301: ISGA success at day 29 on the vehicle ointment"),
    Fact("ad302_crisaborole_pct", 31.4, "%", "paller2016crisaborole",
         "AD-302: ISGA success at day 29 on crisaborole ointment 2 %"),
    Fact("ad302_vehicle_pct", 18.0, "%", "paller2016crisaborole",
         "AD-302: ISGA success at day 29 on the vehicle ointment"),
    Fact("crisaborole_trials_day", 29, "day", "paller2016crisaborole",
         "Day of the primary end point of AD-301 and AD-302 (28 days of "
         "twice-daily application)"),
    Fact("crisaborole_trials_min_age", 2, "years", "paller2016crisaborole",
         "Youngest age enrolled in AD-301 and AD-302"),
    # Papp 2021 (TRuE-AD1, TRuE-AD2): abstract at
    # https://pubmed.ncbi.nlm.nih.gov/33957195/
    Fact("true_ad1_ruxolitinib_pct", 53.8, "%", "papp2021ruxolitinib",
         "TRuE-AD1: IGA treatment success (0/1 with a 2-grade or greater "
         "improvement) at week 8 on ruxolitinib cream 1.5 % twice daily"),
    Fact("true_ad1_vehicle_pct", 15.1, "%", "papp2021ruxolitinib",
         "TRuE-AD1: IGA treatment success at week 8 on the vehicle cream"),
    Fact("true_ad2_ruxolitinib_pct", 51.3, "%", "papp2021ruxolitinib",
         "TRuE-AD2: IGA treatment success at week 8 on ruxolitinib cream 1.5 %"),
    Fact("true_ad2_vehicle_pct", 7.6, "%", "papp2021ruxolitinib",
         "TRuE-AD2: IGA treatment success at week 8 on the vehicle cream"),
    Fact("true_ad_week", 8, "week", "papp2021ruxolitinib",
         "Week of the primary end point of TRuE-AD1 and TRuE-AD2"),
    Fact("true_ad_min_age", 12, "years", "papp2021ruxolitinib",
         "Youngest age enrolled in TRuE-AD1 and TRuE-AD2"),
    # ADORING 1 and ADORING 2 (tapinarof cream 1 % once daily): the sponsor's
    # topline reports of 15 March 2023 (ADORING 2) and 16 May 2023 (ADORING 1),
    # numbers repeated in the trial summary at https://practicaldermatology.com/
    # news/pediatric-ad-tapinarof-cream-1-delivers-clear-skin-and-reduced-burden/2484254
    Fact("adoring1_tapinarof_pct", 45.4, "%", "dermavant2023adoring1",
         "ADORING 1: vIGA-AD response (clear or almost clear with a 2-grade or "
         "greater improvement) at week 8 on tapinarof cream 1 % once daily"),
    Fact("adoring1_vehicle_pct", 13.9, "%", "dermavant2023adoring1",
         "ADORING 1: vIGA-AD response at week 8 on the vehicle cream"),
    Fact("adoring1_n_patients", 407, "patients", "dermavant2023adoring1",
         "ADORING 1: patients enrolled (randomised 2:1, tapinarof to vehicle)"),
    Fact("adoring2_tapinarof_pct", 46.4, "%", "dermavant2023adoring2",
         "ADORING 2: vIGA-AD response at week 8 on tapinarof cream 1 %"),
    Fact("adoring2_vehicle_pct", 18.0, "%", "dermavant2023adoring2",
         "ADORING 2: vIGA-AD response at week 8 on the vehicle cream"),
    Fact("adoring2_n_patients", 406, "patients", "dermavant2023adoring2",
         "ADORING 2: patients enrolled (randomised 2:1)"),
    Fact("adoring_week", 8, "week", "dermavant2023adoring2",
         "Week of the primary end point of ADORING 1 and ADORING 2"),
    Fact("adoring_min_age", 2, "years", "dermavant2023adoring2",
         "Youngest age enrolled in ADORING 1 and ADORING 2 (moderate to severe "
         "atopic dermatitis)"),
    # Simpson 2024 (INTEGUMENT-1 and -2): key points at
    # https://pmc.ncbi.nlm.nih.gov/articles/PMC11411450
    Fact("integument_n_patients", 1337, "patients", "simpson2024roflumilast",
         "Patients in INTEGUMENT-1 and INTEGUMENT-2 together (roflumilast cream "
         "0.15 % once daily against vehicle)"),
    Fact("integument_week", 4, "week", "simpson2024roflumilast",
         "Week of the primary end point (vIGA-AD success) of INTEGUMENT-1 and -2"),
    # Bissonnette 2024 (DELTA 1, DELTA 2; Lancet, PMID 39033766), chronic hand
    # eczema; the DELTA 2 arm sizes are also those of the registry results
    # (NCT04872101, participant flow: 314 and 159 started).
    Fact("delta1_delgocitinib_pct", 20, "%", "bissonnette2024delta",
         "DELTA 1: IGA-CHE treatment success at week 16 on delgocitinib cream "
         "20 mg/g twice daily (percent rounded to a whole number in the source)"),
    Fact("delta1_vehicle_pct", 10, "%", "bissonnette2024delta",
         "DELTA 1: IGA-CHE treatment success at week 16 on the cream vehicle"),
    Fact("delta1_n_delgocitinib", 325, "patients", "bissonnette2024delta",
         "DELTA 1: patients randomised to delgocitinib cream"),
    Fact("delta1_n_vehicle", 162, "patients", "bissonnette2024delta",
         "DELTA 1: patients randomised to the cream vehicle"),
    Fact("delta2_delgocitinib_pct", 29, "%", "bissonnette2024delta",
         "DELTA 2: IGA-CHE treatment success at week 16 on delgocitinib cream"),
    Fact("delta2_vehicle_pct", 7, "%", "bissonnette2024delta",
         "DELTA 2: IGA-CHE treatment success at week 16 on the cream vehicle"),
    Fact("delta2_n_delgocitinib", 314, "patients", "bissonnette2024delta",
         "DELTA 2: patients randomised to delgocitinib cream"),
    Fact("delta2_n_vehicle", 159, "patients", "bissonnette2024delta",
         "DELTA 2: patients randomised to the cream vehicle"),
    Fact("delta_week", 16, "week", "bissonnette2024delta",
         "Week of the primary end point of DELTA 1 and DELTA 2"),
    Fact("davis2025_n_new_recommendations", 4, "", "davis2025focused",
         "New recommendations of the AAD's 2025 focused update for adults "
         "(all strong: tapinarof cream, roflumilast cream, lebrikizumab, "
         "nemolizumab with concomitant topical therapy)"),
    # US labels: indications and youngest licensed ages.
    Fact("eucrisa_us_min_age_months", 3, "months", "eucrisa_us_label",
         "Youngest age for which Eucrisa (crisaborole ointment 2 %) is "
         "indicated in mild to moderate atopic dermatitis (US)"),
    Fact("zoryve_cream_us_ad_min_age", 6, "years", "zoryve_us_label",
         "Youngest age for which Zoryve cream 0.15 % is indicated in mild to "
         "moderate atopic dermatitis (US, approved July 2024)"),
    Fact("zoryve_cream_005_us_ad_min_age", 2, "years", "zoryve_us_label",
         "Youngest age for which Zoryve cream 0.05 % is indicated in mild to "
         "moderate atopic dermatitis; the 0.05 % strength covers children 2 to "
         "5 years of age (US, approved October 2025)"),
    Fact("vtama_us_ad_min_age", 2, "years", "vtama_us_label",
         "Youngest age for which Vtama (tapinarof cream 1 %) is indicated in "
         "atopic dermatitis (US; indication added 12/2024)"),
    Fact("opzelura_ad_us_min_age", 2, "years", "opzelura_us_label",
         "Youngest age for which Opzelura is indicated for short-term and "
         "non-continuous chronic treatment of mild to moderate atopic "
         "dermatitis in non-immunocompromised patients (US; first approved "
         "from 12 years in September 2021, from 2 years since the revision "
         "of September 2025)"),
    Fact("opzelura_vitiligo_us_min_age", 12, "years", "opzelura_us_label",
         "Youngest age for which Opzelura (ruxolitinib cream 1.5 %) is "
         "indicated in nonsegmental vitiligo (US)"),
    Fact("opzelura_vitiligo_us_approval_year", 2022, "", "opzelura_us_label",
         "Year of the US approval of Opzelura for nonsegmental vitiligo "
         "(18 July 2022)"),
    Fact("opzelura_vitiligo_max_bsa_pct", 10, "% of body surface area",
         "opzelura_eu_smpc",
         "Largest skin area to be treated with ruxolitinib cream in vitiligo "
         "(EU SmPC section 4.2; the US approval names the same limit)"),
    Fact("opzelura_eu_vitiligo_min_age", 12, "years", "opzelura_eu_smpc",
         "Youngest age for which Opzelura is indicated in the EU: "
         "non-segmental vitiligo with facial involvement"),
    Fact("opzelura_eu_max_tubes_per_month", 2, "tubes", "opzelura_eu_smpc",
         "Most 100 g tubes of ruxolitinib cream to be used in a month (EU)"),
    Fact("opzelura_eu_tube_g", 100, "g", "opzelura_eu_smpc",
         "Size of the tube the EU monthly limit counts"),
    Fact("opzelura_eu_repigmentation_beyond_weeks", 24, "week",
         "opzelura_eu_smpc",
         "Satisfactory repigmentation may need treatment beyond this many weeks "
         "(EU SmPC section 4.2)"),
    Fact("opzelura_eu_review_week", 52, "week", "opzelura_eu_smpc",
         "Week at which the EU SmPC asks to consider stopping ruxolitinib "
         "cream in vitiligo if repigmentation is below the threshold"),
    Fact("opzelura_eu_review_repigmentation_pct", 25, "%", "opzelura_eu_smpc",
         "Repigmentation of the treated areas below which stopping is to be "
         "considered at that week (EU)"),
    Fact("anzupgo_us_min_age", 18, "years", "anzupgo_us_label",
         "Anzupgo (delgocitinib cream 20 mg/g) is indicated in adults with "
         "moderate to severe chronic hand eczema (US, approved 23 July 2025)"),
    # --- Add new facts above this line, in a block headed by the chapter
    # --- that first prints them.
]

FACTS: dict[str, Fact] = {f.key: f for f in _FACT_LIST}
if len(FACTS) != len(_FACT_LIST):  # pragma: no cover - guards against a typo
    raise RuntimeError("duplicate key in tcibook.facts")


def fact(key: str) -> Fact:
    """Return the :class:`Fact` stored under ``key``.

    Raises
    ------
    KeyError
        If there is no such fact; the message lists close matches.
    """
    try:
        return FACTS[key]
    except KeyError:
        import difflib

        close = difflib.get_close_matches(key, FACTS, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise KeyError(f"no fact named {key!r}{hint}") from None


def value(key: str):
    """Return the value of the fact stored under ``key``."""
    return fact(key).value


_BIB_ENTRY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


def bib_keys(bib_path) -> set[str]:
    """Return the citation keys defined in a BibTeX file."""
    return set(_BIB_ENTRY.findall(Path(bib_path).read_text(encoding="utf-8")))


def unsourced_facts(bib_path, facts=None) -> list[str]:
    """Describe each fact whose source key is not defined in ``bib_path``.

    Parameters
    ----------
    bib_path : str or Path
        The book's ``references.bib``.
    facts : iterable of Fact, optional
        Facts to check; all of ``FACTS`` by default.

    Returns
    -------
    list of str
        One message per offending fact, naming the fact and the missing key;
        empty when every source is in the bibliography.
    """
    keys = bib_keys(bib_path)
    facts = FACTS.values() if facts is None else facts
    return [f"fact {f.key!r} cites {f.source!r}, which is not in {Path(bib_path).name}"
            for f in facts if f.source not in keys]
