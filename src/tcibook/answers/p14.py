"""Expected answers of problem set 14 (the TCIs among the non-steroidal topicals)."""

from ..effect_sizes import TwoByTwo, nnt_interval, number_needed_to_treat, risk_ratio
from ..facts import value
from ..nonsteroidal import pivotal_trials, us_labelled_uses, us_licensed_topicals
from ..safety import risk_difference_pct
from ..selfcheck import Expected

# The invented pair of trials of problem 3: the same cream, the same gain over
# vehicle, two different vehicle responses (percent).
_TRIAL_X = (35.0, 25.0)
_TRIAL_Y = (15.0, 5.0)

#: Every product name a licence answer may contain.
PRODUCTS = tuple(dict.fromkeys(u.product for u in us_labelled_uses()))

_REVISIT_NNT = ("'The TCIs among today's non-steroidal topicals', section 'What "
                "the pivotal trials showed': difference = drug % - vehicle %, "
                "NNT = 100 / difference, rounded up only when read as patients.")
_REVISIT_CI = ("Section 'What the pivotal trials showed': rebuild the counts with TwoByTwo.from_percentages "
               "(nearest whole patient), then effect_sizes.nnt_interval; the "
               "NNT interval is 1/upper to 1/lower of the difference.")
_REVISIT_TRAP = ("Section 'Why these numbers must not be ranked': a ratio divides "
                 "by the vehicle response, a difference subtracts it.")
_REVISIT_LICENCE = ("Section 'Who may use which product': a label covers a patient "
                    "from the birthday it names (nonsteroidal.us_licensed_topicals).")
_SECTIONS_TRIALS = ("sec-nst-trials",)
_SECTIONS_RANKING = ("sec-nst-ranking",)
_SECTIONS_LICENCE = ("sec-nst-licences",)


def _products(age, indication):
    return tuple(u.product for u in us_licensed_topicals(age, indication))


def _delta2():
    return nnt_interval(TwoByTwo.from_percentages(
        value("delta2_delgocitinib_pct"), value("delta2_n_delgocitinib"),
        value("delta2_vehicle_pct"), value("delta2_n_vehicle")))


ANSWERS = {
    "ad302_diff_pts": Expected(
        lambda: risk_difference_pct(value("ad302_crisaborole_pct"),
                                    value("ad302_vehicle_pct")), _REVISIT_NNT, sections=_SECTIONS_TRIALS),
    "ad302_nnt": Expected(
        lambda: number_needed_to_treat(value("ad302_crisaborole_pct"),
                                       value("ad302_vehicle_pct")), _REVISIT_NNT, sections=_SECTIONS_TRIALS),
    "true_ad1_nnt_whole": Expected(
        lambda: next(t for t in pivotal_trials() if t.name == "TRuE-AD1").nnt_whole,
        _REVISIT_NNT, sections=_SECTIONS_TRIALS),
    "delta2_events_treated": Expected(
        lambda: TwoByTwo.from_percentages(
            value("delta2_delgocitinib_pct"), value("delta2_n_delgocitinib"),
            value("delta2_vehicle_pct"), value("delta2_n_vehicle")).events_treated,
        _REVISIT_CI, sections=_SECTIONS_TRIALS),
    "delta2_nnt_ci": Expected(
        lambda: (_delta2().nnt_lower, _delta2().nnt_upper), _REVISIT_CI, sections=_SECTIONS_TRIALS,
        order_free=False),
    "rr_x": Expected(lambda: risk_ratio(*_TRIAL_X), _REVISIT_TRAP, sections=_SECTIONS_RANKING),
    "rr_y": Expected(lambda: risk_ratio(*_TRIAL_Y), _REVISIT_TRAP, sections=_SECTIONS_RANKING),
    "nnt_x": Expected(lambda: number_needed_to_treat(*_TRIAL_X), _REVISIT_TRAP, sections=_SECTIONS_RANKING),
    "nnt_y": Expected(lambda: number_needed_to_treat(*_TRIAL_Y), _REVISIT_TRAP, sections=_SECTIONS_RANKING),
    "crisaborole_nnt_ratio": Expected(
        lambda: (number_needed_to_treat(value("ad301_crisaborole_pct"),
                                        value("ad301_vehicle_pct"))
                 / number_needed_to_treat(value("ad302_crisaborole_pct"),
                                          value("ad302_vehicle_pct"))),
        _REVISIT_TRAP, sections=_SECTIONS_RANKING),
    "ranking_supported": Expected(lambda: False, _REVISIT_TRAP, sections=_SECTIONS_RANKING),
    "options_age4": Expected(lambda: _products(4, "atopic dermatitis"),
                             _REVISIT_LICENCE, sections=_SECTIONS_LICENCE, order_free=True, choices=PRODUCTS),
    "options_age6": Expected(lambda: _products(6, "atopic dermatitis"),
                             _REVISIT_LICENCE, sections=_SECTIONS_LICENCE, order_free=True, choices=PRODUCTS),
    "vitiligo_age12": Expected(lambda: _products(12, "nonsegmental vitiligo"),
                               _REVISIT_LICENCE, sections=_SECTIONS_LICENCE, order_free=True, choices=PRODUCTS),
    "hand_eczema_adult": Expected(lambda: _products(30, "chronic hand eczema"),
                                  _REVISIT_LICENCE, sections=_SECTIONS_LICENCE, order_free=True, choices=PRODUCTS),
}
