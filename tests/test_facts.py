"""The facts module: values as verified, sources present in references.bib,
and every bibliography record actually cited by the book."""

import re

import pytest

from conftest import ROOT
from tcibook.facts import FACTS, Fact, bib_keys, fact, unsourced_facts, value

BIB = ROOT / "references.bib"

#: Values as printed in shared/facts/verified-references.md (Table 2 and
#: Table 1), typed a second time on purpose: editing a fact must be a
#: deliberate change to both places.
VERIFIED = {
    "tacrolimus_mw_anhydrous": 804.02,        # N1
    "tacrolimus_mw_monohydrate": 822.03,      # N2
    "pimecrolimus_mw": 810.47,                # N3
    "skin_penetration_mw_limit": 500,         # T1 #4
    "tacrolimus_ointment_low_strength": 0.03,  # N15
    "tacrolimus_ointment_high_strength": 0.1,  # N15
    "pimecrolimus_cream_strength": 1,         # N20
    "protopic_tube_sizes": (30, 60, 100),     # N15
    "protopic_us_min_age": 2,                 # N15
    "protopic_us_high_strength_min_age": 16,  # N15
    "elidel_us_min_age": 2,                   # N20
    "elidel_uk_min_age_months": 3,            # N21
    "protopic_us_approval_year": 2000,        # N16
    "elidel_us_approval_year": 2001,          # N20
    "lupkynis_us_approval_year": 2021,        # N13
    "cochrane2015_n_studies": 20,             # N29
    "cochrane2015_n_participants": 5885,      # N29
    "aurora1_crr_voclosporin": 40.8,          # N14
    "aurora1_crr_placebo": 22.5,              # N14
    # --- Safety in practice ---
    "protopic_burning_adult_vehicle_pct": 26,      # N18
    "protopic_burning_adult_low_pct": 46,          # N18
    "protopic_burning_adult_high_pct": 58,         # N18
    "protopic_burning_child_vehicle_pct": 29,      # N18
    "protopic_burning_child_low_pct": 43,          # N18
    "protopic_burning_openlabel_adult_pct": 28,    # N18
    "protopic_burning_openlabel_child_pct": 20,    # N18
    "protopic_burning_openlabel_total_pct": 24,    # N18
    "protopic_pruritus_adult_vehicle_pct": 37,     # N18
    "protopic_pruritus_adult_low_pct": 46,         # N18
    "protopic_pruritus_adult_high_pct": 46,        # N18
    "protopic_pruritus_child_vehicle_pct": 27,     # N18
    "protopic_pruritus_child_low_pct": 41,         # N18
    "elidel_burning_low_pct": 8,                   # N19
    "elidel_burning_high_pct": 26,                 # N19
    "reitamo2000_n_patients": 316,                 # T1 #23; abstract seen at tokyo-2-qrcode.vukou.com/10926735
    "reitamo2000_burning_pct": 47,                 # N19
    "reitamo2000_pruritus_pct": 24,                # N19
    "reitamo2000_erythema_pct": 12,                # N19
    "reitamo2000_blood_below_1ng_pct": 76,         # T1 #23; abstract seen at tokyo-2-qrcode.vukou.com/10926735
    "reitamo2000_max_months": 12,                  # T1 #23 (abstract)
    "reitamo2000_blood_threshold_ng_ml": 1,        # T1 #23 (abstract)
    "protopic_us_trial_weeks": 12,                 # N18
    "protopic_openlabel_max_years": 3,             # N18
    "siegfried2013_tacrolimus_registry_years": 5.5,    # T1 #23, N22 (abstract)
    "siegfried2013_pimecrolimus_registry_years": 6.5,  # T1 #23, N22 (abstract)
    # AAD guideline Table V, seen at pmc.ncbi.nlm.nih.gov/articles/PMC4326095/table/T5
    "eichenfield2014_viral_followup_years": 5,
    "protopic_lymphadenopathy_cases": 112,         # N30
    "protopic_lymphadenopathy_patients": 13494,    # N30
    "protopic_lymphadenopathy_pct": 0.8,           # N30
    "fda_tci_advisory_year": 2005,                 # N22
    "fda_tci_boxed_warning_year": 2006,            # N22
    "siegfried2013_tacrolimus_registry_py": 10724,    # T1 #23, N22 (abstract)
    "siegfried2013_pimecrolimus_registry_py": 16219,  # T1 #23, N22 (abstract)
    "carr2013_lymphoma_fold_lower": 54,            # T1 #23 (PMC3715696 abstract)
    # Lam 2021: primary record seen at pubmed.ncbi.nlm.nih.gov/33787818 and the
    # JAMA Dermatol abstract page; the pooled RRs were seen only in secondary
    # reports and are not facts.
    "lam2021_n_studies": 11,
    "fk506_fkbp12_kd_nm": 0.4,                # N8
    "rapamycin_fkbp12_kd_nm": 0.2,            # N8
    # Reitamo 1998 (T1 #22): numbers search-tool verified in the abstract
    # (PubMed mirror of PMID 9740230); the fact base has the record only.
    "reitamo1998_n_atopic": 14,
    "reitamo1998_n_healthy": 12,
    "reitamo1998_treatment_days": 7,
    "reitamo1998_tacrolimus_trial_strength": 0.3,
    "reitamo1998_bmv_picp_pct_vehicle": 17.0,
    "reitamo1998_bmv_pinp_pct_vehicle": 17.6,
    "reitamo1998_bmv_piiinp_pct_vehicle": 39.5,
    "reitamo1998_tacrolimus_propeptides_pct_vehicle": 100,   # "approximately"
    "reitamo1998_thickness_drop_vs_tac01_pct": 7.4,
    "reitamo1998_thickness_drop_vs_tac03_pct": 7.1,
    "reitamo1998_thickness_drop_vs_vehicle_pct": 8.8,
    # Pharmacokinetics of topical application
    "tacrolimus_blood_plasma_ratio": 15,             # N10 (Venkataramanan 1995)
    "elidel_infant_pk_n": 22,                        # N27 (US Elidel label)
    "elidel_infant_pk_age_months": (3, 23),          # N27
    "elidel_infant_blood_range_ng_ml": (0.1, 2.6),   # N27
    "elidel_child_pk_age_years": (2, 14),            # N27
    "elidel_child_loq_ng_ml": 0.5,                   # N27
    # Staab 2005 (T1 #23, N27); record checked at pubmed.gov/16191004
    "staab2005_n_infants": 22,
    "staab2005_weeks": 3,
    "staab2005_n_samples": 100,
    "staab2005_high_cut_ng_ml": 2,
    "staab2005_pct_below_high_cut": 96,
    "staab2005_low_cut_ng_ml": 0.5,
    "staab2005_pct_below_low_cut": 71,
    "staab2005_max_ng_ml": 2.26,
    "elidel_infant_pk_bsa_pct": (10, 92),            # N27
    "permeation2005_pime_vs_tac01_fold": 6,          # N7
    "permeation2005_pime_vs_tac003_fold": 4.3,       # N7
    # --- Atopic dermatitis: the core indication ---
    "protopic_us_reexamine_weeks": 6,                 # N15
    "protopic_eu_min_age": 2,                         # N17
    "protopic_eu_high_strength_min_age": 16,          # N17
    # UK prescribing information of the licence holder (uk.dermaworld.eu)
    "protopic_uk_min_age": 2,
    "protopic_uk_high_strength_min_age": 16,
    "protopic_eu_child_twice_daily_max_weeks": 3,     # N17
    "protopic_eu_no_improvement_weeks": 2,            # N17 source page (rxreasoner), search-tool verified
    "protopic_eu_maintenance_min_flares_per_year": 4,  # N17
    "protopic_eu_maintenance_response_max_weeks": 6,  # N17
    "elidel_canada_min_age_months": 3,                # N21 (Bausch Health release, 17 Oct 2019)
    "cochrane2015_tac01_vs_pime_rr": 1.80,            # N29
    "cochrane2015_tac01_vs_pime_rr_lo": 1.34,         # N29
    "cochrane2015_tac01_vs_pime_rr_hi": 2.42,         # N29
    "cochrane2015_tac01_vs_pime_n_studies": 2,        # N29
    "cochrane2015_tac01_vs_pime_n": 506,              # N29
    "cochrane2015_tac01_vs_tac003_rr": 0.82,          # N29
    "cochrane2015_tac01_vs_tac003_rr_lo": 0.72,       # N29
    "cochrane2015_tac01_vs_tac003_rr_hi": 0.92,       # N29
    # N29 source page (search-tool verified): study and participant counts,
    # and the tacrolimus 0.03 % vs mild corticosteroid row.
    "cochrane2015_tac01_vs_tac003_n_studies": 6,
    "cochrane2015_tac01_vs_tac003_n": 1640,
    "cochrane2015_tac01_vs_low_tcs_rr": 3.09,         # N29
    "cochrane2015_tac01_vs_low_tcs_rr_lo": 2.14,      # N29
    "cochrane2015_tac01_vs_low_tcs_rr_hi": 4.45,      # N29
    "cochrane2015_tac01_vs_low_tcs_n_studies": 1,
    "cochrane2015_tac01_vs_low_tcs_n": 371,
    "cochrane2015_tac003_vs_mild_tcs_rr": 2.58,
    "cochrane2015_tac003_vs_mild_tcs_rr_lo": 1.96,
    "cochrane2015_tac003_vs_mild_tcs_rr_hi": 3.38,
    "cochrane2015_tac003_vs_mild_tcs_n_studies": 2,
    "cochrane2015_tac003_vs_mild_tcs_n": 790,
    "hanifin2001_n_adults": 632,                      # T1 #19b
    "hanifin2001_response_threshold_pct": 90,         # T1 #19b
    "hanifin2001_ge90_vehicle_pct": 6.6,              # T1 #19b
    "hanifin2001_ge90_low_pct": 27.5,                 # T1 #19b
    "hanifin2001_ge90_high_pct": 36.8,                # T1 #19b
    "paller2001_n_children": 351,                     # T1 #19c
    "paller2001_min_age": 2,                          # T1 #19c
    "paller2001_max_age": 15,                         # T1 #19c
    # Paller 2005 (T1 #23): numbers search-tool verified in the PubMed
    # abstract of PMID 15858471.
    "paller2005_n_patients": 1065,
    "paller2005_n_studies": 3,
    "paller2005_weeks": 6,
    "paller2005_easi_adult_tac_pct": 54.1,
    "paller2005_easi_adult_pime_pct": 34.9,
    "paller2005_easi_all_tac_pct": 52.8,
    "paller2005_easi_all_pime_pct": 39.1,
    "wollenberg2008_n_open_label": 257,               # T1 #17a
    "wollenberg2008_open_label_max_weeks": 6,         # T1 #17a abstract (search-tool verified)
    "wollenberg2008_n_tacrolimus": 116,               # T1 #17a
    "wollenberg2008_n_vehicle": 108,                  # T1 #17a
    "wollenberg2008_applications_per_week": 2,        # T1 #17a
    "wollenberg2008_months": 12,                      # T1 #17a
    "wollenberg2008_median_days_to_flare_tac": 142,   # T1 #17a
    "wollenberg2008_median_days_to_flare_vehicle": 15,  # T1 #17a
    # Breneman 2008 (T1 #17c): numbers search-tool verified in the PubMed
    # abstract of PMID 18359127.
    "breneman2008_stabilisation_max_weeks": 16,
    "breneman2008_n_tacrolimus": 125,
    "breneman2008_n_vehicle": 72,
    "breneman2008_applications_per_week": 3,          # T1 #17c
    "breneman2008_weeks": 40,
    "breneman2008_flare_free_days_tac": 177,
    "breneman2008_flare_free_days_vehicle": 134,
    "breneman2008_median_days_to_relapse_tac": 169,
    "breneman2008_median_days_to_relapse_vehicle": 43,
    "sidbury2023_n_recommendations": 12,              # T1 #7
    "eichenfield2014_proactive_per_week": (2, 3),     # T1 #6, Table V (PMC4326095), search-tool verified
    # --- The systemic calcineurin inhibitors ---
    "tacrolimus_half_life_h": 12,                     # N11
    "tacrolimus_clearance_l_h_kg": 0.06,              # N11
    "tacrolimus_oral_bioavailability_pct": 25,        # N11
    "prograf_half_life_healthy_oral_h": 48.4,         # N11
    "prograf_half_life_healthy_iv_h": 43.5,           # N11
    "prograf_half_life_pediatric_liver_h": 11.5,      # N11
    "prograf_dosing_interval_h": 12,                  # N28 (label table, every 12 h)
    "prograf_kidney_aza_initial_dose": 0.2,           # N28
    "prograf_kidney_mmf_initial_dose": 0.1,           # N28
    "prograf_trough_early_last_month": 3,             # N28
    "prograf_trough_table_last_month": 12,            # N28
    "prograf_trough_kidney_aza_early_ng_ml": (7, 20),  # N28
    "prograf_trough_kidney_aza_late_ng_ml": (5, 15),  # N28
    "prograf_trough_kidney_mmf_ng_ml": (4, 11),       # N28
    "prograf_trough_liver_ng_ml": (5, 20),            # N28
    "prograf_trough_heart_early_ng_ml": (10, 20),     # N28
    "prograf_trough_heart_late_ng_ml": (5, 15),       # N28
    "lupkynis_capsule_mg": 7.9,                       # N12
    "lupkynis_start_dose_mg": 23.7,                   # N12
    "lupkynis_reduced_dose_mg": 15.8,                 # N12
    "lupkynis_moderate_cyp3a4_doses_mg": (15.8, 7.9),  # N12
    "lupkynis_baseline_egfr_limit": 45,               # N12
    "lupkynis_start_sbp_limit_mmhg": 165,             # N12
    "lupkynis_start_dbp_limit_mmhg": 105,             # N12
    "lupkynis_egfr_action_limit": 60,                 # N12
    "lupkynis_reduce_decline_pct": 20,                # N12
    "lupkynis_stop_decline_pct": 30,                  # N12
    "lupkynis_restart_recovery_pct": 80,              # N12
    "lupkynis_reassess_weeks": 2,                     # N12
    "lupkynis_egfr_interval_first_month_weeks": 2,    # N12
    "lupkynis_egfr_interval_later_weeks": 4,          # N12
    # Current label (version 11, effective 8 October 2025), schedule since the
    # April 2024 AURORA 2 update
    "lupkynis_egfr_first_year_weeks": 52,
    # CPIC 2015 (Birdwell), CYP3A5 and tacrolimus
    "cpic2015_expresser_start_multiplier": (1.5, 2),
    "cpic2015_max_start_mg_kg_day": 0.3,
    "lupkynis_egfr_interval_after_first_year_months": 3,
    "lupkynis_no_benefit_weeks": 24,                  # N12
    "aurora1_odds_ratio": 2.65,                       # N14
    "aurora1_odds_ratio_ci": (1.64, 4.27),            # N14
    "aurora1_n_voclosporin": 179,                     # N14
    "aurora1_n_placebo": 178,                         # N14
    "aurora1_n_total": 357,                           # N14
    "aurora1_endpoint_week": 52,                      # N14
    # Off-label dermatology: cutaneous lupus erythematosus and beyond
    "kuhn2011_n_patients": 30,                        # T1 #21c
    "kuhn2011_treatment_weeks": 12,                   # T1 #21c (abstract)
    "kuhn2011_significant_days": (28, 56),            # T1 #21c
    "kuhn2011_nonsignificant_day": 84,                # T1 #21c
    "barikbin2009_n_patients": 10,                    # T1 #14
    "barikbin2009_treatment_weeks": 8,                # T1 #14 (VIVO abstract)
    "barikbin2009_betamethasone_pct": 0.1,            # T1 #14 (title)
    "barikbin2009_score_fall_pimecrolimus_pct": 86,   # T1 #14
    "barikbin2009_score_fall_betamethasone_pct": 73,  # T1 #14
    "barikbin2009_between_group_p": 0.1,              # T1 #14
    "madan2010_n_compound": 13,                       # T1 #15
    "madan2010_n_tacrolimus_alone": 5,                # T1 #15
    "madan2010_compound_tacrolimus_pct": 0.3,         # T1 #15
    "madan2010_compound_clobetasol_pct": 0.05,        # T1 #15
    "madan2010_n_compound_excellent": 6,              # T1 #15 (abstract)
    "madan2010_n_compound_good": 5,                   # T1 #15 (abstract)
    "madan2010_n_alone_good": 1,                      # T1 #15 (abstract)
    "madan2010_compound_mean_months": 20,             # T1 #15 (abstract)
    "kanekura2003_n_patients": 3,                     # T1 #13
    "kanekura2003_treatment_weeks": 3,                # T1 #13
    "tlacuiloparra2005_n_patients": 10,               # T1 #10
    "tlacuiloparra2005_treatment_weeks": 8,           # T1 #10
    "tlacuiloparra2005_score_fall_pct": 52,           # T1 #10
    "lampropoulos2004_n_patients": 12,                # T1 #11
    "lampropoulos2004_min_weeks": 6,                  # T1 #11
    "lampropoulos2004_n_clearly_improved": 6,         # T1 #11 (abstract)
    "lampropoulos2004_dle_n": 6,                      # T1 #11 (abstract)
    "lampropoulos2004_dle_improved": 2,               # T1 #11 (abstract)
    "lampropoulos2004_scle_n": 4,                     # T1 #11 (abstract)
    "lampropoulos2004_scle_improved": 2,              # T1 #11 (abstract)
    "lampropoulos2004_sle_n": 2,                      # T1 #11 (abstract)
    "lampropoulos2004_sle_improved": 2,               # T1 #11 (abstract)
    "pimecrolimus2004_n_patients": 11,                # T1 #9
    "pimecrolimus2004_treatment_weeks": 3,            # T1 #9
    "lebwohl2004_n_patients": 167,                    # search-tool verified, PMID 15523350
    "lebwohl2004_treatment_weeks": 8,                 # search-tool verified
    "lebwohl2004_clear_tacrolimus_pct": 65.2,         # search-tool verified
    "lebwohl2004_clear_vehicle_pct": 31.5,            # search-tool verified
    "gribetz2004_n_patients": 57,                     # search-tool verified, PMID 15523351
    "gribetz2004_treatment_weeks": 8,                 # search-tool verified
    "gribetz2004_early_week": 2,                      # search-tool verified
    "gribetz2004_clear_week2_pimecrolimus_pct": 54,   # search-tool verified
    "gribetz2004_clear_week2_vehicle_pct": 21,        # search-tool verified
    "gribetz2004_clear_week8_pimecrolimus_pct": 71,   # search-tool verified
    "ho2011_arm_sizes": (30, 31, 29),                 # search-tool verified (BJD abstract)
    "ho2011_clobetasol_pct": 0.05,                    # search-tool verified (title)
    "ho2011_treatment_months": 6,                     # search-tool verified
    "ho2011_response_threshold_pct": 50,              # search-tool verified
    "ho2011_facial_response_tacrolimus_pct": 58,      # search-tool verified
    "ho2011_facial_response_clobetasol_pct": 58,      # search-tool verified
    "ho2011_nonfacial_response_tacrolimus_pct": 23,   # search-tool verified
    "ho2011_nonfacial_response_clobetasol_pct": 39,   # search-tool verified
    "kim2013_n_randomised": 75,                       # search-tool verified (Acta DV)
    "kim2013_maintenance_weeks": 10,                  # search-tool verified
    # --- Problem set 4: fingertip units ---
    "ftu_adult_face_neck": 2.5,                       # N23
    "ftu_adult_front_trunk": 6.7,                     # N23
    "ftu_adult_back_trunk": 6.8,                      # N23
    "ftu_adult_arm_forearm": 3.3,                     # N23
    "ftu_adult_hand": 1.2,                            # N23
    "ftu_adult_leg_thigh": 5.8,                       # N23
    "ftu_adult_foot": 1.8,                            # N23
    "ftu_area_cm2": 286,                              # N23
    "ftu_area_men_cm2": 312,                          # N23
    "ftu_area_women_cm2": 257,                        # N23
    "ftu_grams_adult_man": 0.5,                       # N23 (DermNet)
    "ftu_grams_adult_woman": 0.4,                     # N23 (DermNet)
    # --- Parts III-IV expert review (search tool; URLs in each Fact's note) ---
    "lupkynis_increase_recovery_pct": 80,
    "lupkynis_increase_step_mg": 7.9,
    "prograf_trough_lung_early_ng_ml": (10, 15),
    "prograf_trough_lung_late_ng_ml": (8, 12),
    "prograf_lung_initial_dose": 0.075,
    "prograf_trough_pediatric_kidney_ng_ml": (5, 20),
    "prograf_trough_pediatric_liver_ng_ml": (5, 20),
    "prograf_trough_pediatric_heart_ng_ml": (5, 20),
    "prograf_trough_pediatric_lung_early_ng_ml": (10, 20),
    "prograf_trough_pediatric_lung_late_ng_ml": (10, 15),
    "prograf_pediatric_lung_early_last_week": 2,
    "apples2020_n_patients": 7954,
    "apples2020_follow_up_years": 10,
    "apples2020_person_years": 44629,
    "apples2020_cancers": 6,
    "apples2020_sir": 1.01,
    "apples2020_sir_ci": (0.37, 2.20),
    "peer2015_n_patients": 7457,
    "peer2015_person_years": 26792,
    "peer2015_malignancies": 5,
    "peer2015_lymphomas": 2,
    "peer2015_sir": 1.2,
    "peer2015_sir_ci": (0.5, 2.8),
    "peer2015_lymphoma_sir": 2.9,
    "peer2015_lymphoma_sir_ci": (0.7, 11.7),
    "joelle2018_children_tacrolimus_n": 19948,
    "joelle2018_adults_tacrolimus_n": 66127,
    "joelle2018_lymphoma_rate_children_tacrolimus": 10.4,
    "joelle2018_lymphoma_rate_adults_tacrolimus": 41.0,
    "joelle2018_lymphoma_rate_children_pimecrolimus": 3.0,
    "joelle2018_lymphoma_rate_adults_pimecrolimus": 27.0,
    "joelle2018_lymphoma_irr_children_tacrolimus": 3.74,
    "joelle2018_lymphoma_irr_children_tacrolimus_ci": (1.00, 14.06),
    "joelle2018_lymphoma_irr_adults_tacrolimus": 1.27,
    "joelle2018_lymphoma_irr_adults_tacrolimus_ci": (0.94, 1.71),
    "elidel_us_reexamine_weeks": 6,
    "elidel_uk_stop_weeks": 6,
    "davis2023_n_recommendations": 11,
    "kuhn2011_n_dle": 14,
    "madan2010_n_compound_dle": 11,
    # --- Exposure over time / model-informed dosing (Andrews 2019; search
    # tool: Table 2 at pmc.ncbi.nlm.nih.gov/articles/PMC6379219, abstract at
    # repub.eur.nl/pub/115336) ---
    "andrews2019_n_patients": 337,
    "andrews2019_n_samples": 4527,
    "andrews2019_months": 3,
    "andrews2019_cl_l_h": 23.0,
    "andrews2019_v1_l": 692,
    "andrews2019_q_l_h": 11.6,
    "andrews2019_v2_l": 5340,
    "andrews2019_ka_per_h": 3.58,
    "andrews2019_lag_h": 0.38,
    "andrews2019_cyp3a5_cl_factor": 1.63,
    "andrews2019_haematocrit_cl_exponent_abs": 0.76,  # published as -0.76
    "andrews2019_age_cl_exponent_abs": 0.43,          # published as -0.43
    "andrews2019_albumin_cl_exponent": 0.43,
    "andrews2019_bsa_cl_exponent": 0.88,
    "andrews2019_creatinine_cl_exponent_abs": 0.14,   # published as -0.14
    "andrews2019_cyp3a4_22_cl_factor": 0.80,
    "andrews2019_lean_body_weight_v1_exponent": 1.52,
    "andrews2019_reference_haematocrit": 0.34,        # Data S1, via nlmixr2lib
    "andrews2019_reference_age_years": 55.72,
    "andrews2019_reference_albumin_g_l": 42,
    "andrews2019_reference_bsa_m2": 1.93,
    "andrews2019_reference_creatinine_umol_l": 134.98,
    "andrews2019_reference_lean_body_weight_kg": 58.94,
    "andrews2019_iiv_cl_pct": 38.6,
    "andrews2019_iiv_v1_pct": 49.2,
    "andrews2019_iiv_v2_pct": 53.0,
    "andrews2019_iiv_q_pct": 78.7,
    "andrews2019_iov_cl_pct": 13.6,
    "andrews2019_residual_lcms_pct": 24.5,
    "andrews2019_residual_immunoassay_pct": 17.7,      # Table 2, final model
    "andrews2019_residual_immunoassay_additive_ng_ml": 0.88,
    # --- Cyclosporine, formulations, toxicity and alternatives, CLE care:
    # search-tool verified; each Fact's note gives the page seen.
    "neoral_capsule_strengths_mg": (25, 100),
    "neoral_oral_solution_mg_ml": 100,
    "sandimmune_to_neoral_start_ratio": 1,
    "neoral_conversion_monitoring_days": (4, 7),
    "cyclosporine_psoriasis_start_mg_kg_day": 2.5,
    "cyclosporine_psoriasis_hold_weeks": 4,
    "cyclosporine_psoriasis_step_mg_kg_day": 0.5,
    "cyclosporine_psoriasis_step_interval_weeks": 2,
    "cyclosporine_psoriasis_max_mg_kg_day": 4,
    "cyclosporine_psoriasis_decrease_pct": (25, 50),
    "cyclosporine_psoriasis_creatinine_rise_pct": 25,
    "cyclosporine_psoriasis_lab_interval_weeks": 2,
    "cyclosporine_psoriasis_intensive_months": 3,
    "cyclosporine_psoriasis_baseline_occasions": 2,
    "cyclosporine_renal_tx_hypertension_pct": 50,
    "ikervis_strength_mg_ml": 1, "ikervis_drops_per_day": 1, "ikervis_reassess_months": 6,
    # Prograf kidney trial with azathioprine (label table, Prograf vs cyclosporine arm)
    "prograf_kidney_aza_tremor_pct": 54, "prograf_kidney_aza_tremor_csa_pct": 34,
    "prograf_kidney_aza_headache_pct": 44, "prograf_kidney_aza_headache_csa_pct": 38,
    "prograf_kidney_aza_paresthesia_pct": 23, "prograf_kidney_aza_paresthesia_csa_pct": 16,
    "prograf_kidney_aza_hypomagnesemia_pct": 34,
    "prograf_kidney_aza_hypomagnesemia_csa_pct": 17,
    "restasis_strength_pct": 0.05,
    "restasis_dose_interval_h": 12,
    "restasis_us_approval_year": 2002,
    "prograf_capsule_strengths_mg": (0.5, 1, 5),
    "envarsus_tablet_strengths_mg": (0.75, 1, 4),
    "envarsus_conversion_pct": 80,
    "envarsus_conversion_trough_ng_ml": (4, 11),
    "envarsus_first_week_trough_count": 2,
    "envarsus_steady_state_days": 7,
    "obinutuzumab_ln_us_approval_year": 2025,
    "belatacept_kidney_function_years": 7,
    "steroid_withdrawal_survival_years": 5,
    "chasset2015_n_studies": 10,
    "chasset2015_n_patients": 1398,
    "chasset2015_n_smokers": 797,
    "chasset2015_n_nonsmokers": 601,
    "chasset2015_odds_ratio": 0.53,
    "chasset2015_odds_ratio_ci": (0.29, 0.98),
    "lowe2011_n_cases": 117,
    "lowe2011_first_report_year": 1985,
    "lowe2011_ro_positive_pct": 80,
    "lowe2011_mean_age_years": 58.0,
    # --- Parts I-II review (search-tool verified; pages in the facts' comments) ---
    "cochrane2015_tac01_vs_mixed_tcs_rr": 1.32,        # N29 page
    "cochrane2015_tac01_vs_mixed_tcs_rr_lo": 1.17,     # N29 page
    "cochrane2015_tac01_vs_mixed_tcs_rr_hi": 1.49,     # N29 page
    "cochrane2015_tac01_vs_mixed_tcs_n_studies": 1,    # N29 page
    "cochrane2015_tac01_vs_mixed_tcs_n": 972,          # N29 page
    "krueger2007_pk_below_1ng_low_pct": 89,            # PMID 17373177 abstract
    "krueger2007_pk_below_1ng_high_pct": 95,
    "krueger2007_threshold_ng_ml": 1,
    "krueger2007_cmax_mean_low_ng_ml": 0.2,
    "krueger2007_cmax_mean_high_ng_ml": 1.6,
    "krueger2007_n_efficacy_trials": 12,
    "krueger2007_trials_below_1ng_low_pct": 85,
    "krueger2007_trials_below_1ng_high_pct": 99,
    "thaci2010_n_adults": 9,                           # Dermatology 2010 abstract
    "thaci2010_n_adolescents": 4,
    "thaci2010_n_children": 6,
    "thaci2010_days": 8.5,
    "thaci2010_min_bsa_pct": 30,
    "thaci2010_max_adult_ng_ml": 1.84,
    "thaci2010_max_adolescent_ng_ml": 0.55,
    "thaci2010_max_child_ng_ml": 1.29,
    "netherton2001_n_patients": 3,                     # PMID 11405764 abstract
    "tacrolimus_blood_erythrocyte_pct": 85.3,          # N10 (PMID 12164257)
    "tacrolimus_blood_plasma_protein_pct": 14.3,       # N10
    "tacrolimus_blood_lymphocyte_pct": 0.46,           # N10
    # --- Non-steroidal topicals (trial reports and US labels) ---
    "ad301_crisaborole_pct": 32.8,
    "ad301_vehicle_pct": 25.4,
    "ad302_crisaborole_pct": 31.4,
    "ad302_vehicle_pct": 18.0,
    "crisaborole_trials_day": 29,
    "crisaborole_trials_min_age": 2,
    "true_ad1_ruxolitinib_pct": 53.8,
    "true_ad1_vehicle_pct": 15.1,
    "true_ad2_ruxolitinib_pct": 51.3,
    "true_ad2_vehicle_pct": 7.6,
    "true_ad_week": 8,
    "true_ad_min_age": 12,
    "adoring1_tapinarof_pct": 45.4,
    "adoring1_vehicle_pct": 13.9,
    "adoring1_n_patients": 407,
    "adoring2_tapinarof_pct": 46.4,
    "adoring2_vehicle_pct": 18.0,
    "adoring2_n_patients": 406,
    "adoring_week": 8,
    "adoring_min_age": 2,
    "integument_n_patients": 1337,
    "integument_week": 4,
    "delta1_delgocitinib_pct": 20,
    "delta1_vehicle_pct": 10,
    "delta1_n_delgocitinib": 325,
    "delta1_n_vehicle": 162,
    "delta2_delgocitinib_pct": 29,
    "delta2_vehicle_pct": 7,
    "delta2_n_delgocitinib": 314,
    "delta2_n_vehicle": 159,
    "delta_week": 16,
    "davis2025_n_new_recommendations": 4,
    "eucrisa_us_min_age_months": 3,
    "zoryve_cream_us_ad_min_age": 6,
    "vtama_us_ad_min_age": 2,
    "opzelura_ad_us_min_age": 2,
    "zoryve_cream_005_us_ad_min_age": 2,
    "opzelura_vitiligo_us_min_age": 12,
    "opzelura_vitiligo_us_approval_year": 2022,
    "opzelura_vitiligo_max_bsa_pct": 10,
    "opzelura_eu_vitiligo_min_age": 12,
    "opzelura_eu_max_tubes_per_month": 2,
    "opzelura_eu_tube_g": 100,
    "opzelura_eu_repigmentation_beyond_weeks": 24,
    "opzelura_eu_review_week": 52,
    "opzelura_eu_review_repigmentation_pct": 25,
    "anzupgo_us_min_age": 18,
}


def test_every_fact_has_a_verified_value_on_record():
    assert set(FACTS) == set(VERIFIED), "add new facts to VERIFIED as well"
    for key, expected in VERIFIED.items():
        assert value(key) == expected, key


def test_every_fact_cites_a_key_in_references_bib():
    assert unsourced_facts(BIB) == []


def test_a_fact_with_an_unknown_source_is_reported():
    planted = Fact("planted", 1.0, "mg", "no_such_record_2099", "planted")
    (message,) = unsourced_facts(BIB, [planted])
    assert "planted" in message and "no_such_record_2099" in message
    assert "references.bib" in message


def test_facts_are_complete_records():
    for f in FACTS.values():
        assert re.fullmatch(r"[a-z0-9_]+", f.key), f.key
        assert f.description, f.key
        values = f.value if isinstance(f.value, tuple) else (f.value,)
        assert all(isinstance(v, (int, float)) and v > 0 for v in values), f.key


def test_seed_disagreements_are_noted():
    assert "822.05" in fact("tacrolimus_mw_monohydrate").note
    assert "US" in fact("elidel_uk_min_age_months").note


def test_unknown_fact_suggests_close_matches():
    with pytest.raises(KeyError, match="did you mean pimecrolimus_mw"):
        fact("pimecrolimus_mv")


def _cited_keys():
    cited = set()
    for md in (ROOT / "chapters").rglob("*.md"):
        for group in re.findall(r"\{cite(?::\w+)?\}`([^`]+)`", md.read_text()):
            cited.update(k.strip() for k in group.split(","))
    return cited


def test_bibliography_holds_only_records_the_book_cites():
    assert bib_keys(BIB) - _cited_keys() == set()


def test_every_citation_resolves():
    assert _cited_keys() - bib_keys(BIB) == set()
