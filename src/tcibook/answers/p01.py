"""Expected answers of problem set 1 (occupancy and non-competitive inhibition)."""

from ..binding import occupancy
from ..facts import value
from ..immunophilin import drug_for_occupancy
from ..kinetics import noncompetitive_parameters
from ..selfcheck import Expected
from ..units import ng_per_ml_to_nM, nM_to_ng_per_ml

_REVISIT_OCC = ("'The immunophilin–drug complex', section 'How much drug occupies "
                "FKBP12?': convert ng/mL to nM with the molar mass, then "
                "theta = [L]/(Kd + [L]).")
_REVISIT_INVERSE = ("'The immunophilin–drug complex', section 'How much drug occupies "
                    "FKBP12?': solve theta = [L]/(Kd + [L]) for the concentration, "
                    "[L] = Kd theta/(1 - theta), then convert nM to ng/mL with the "
                    "anhydrous molar mass.")
_REVISIT_KIN = ("'Allosteric occlusion and inhibition kinetics', section 'Two rate "
                "laws': a non-competitive inhibitor divides Vmax by 1 + [I]/Ki and "
                "leaves Km unchanged.")
_OCC, _KIN = ("sec-imm-occupancy",), ("sec-kin-rate-laws",)

ANSWERS = {
    "theta_fkbp12": Expected(
        lambda: occupancy(ng_per_ml_to_nM(2.0, value("tacrolimus_mw_anhydrous")),
                          value("fk506_fkbp12_kd_nm")),
        _REVISIT_OCC, sections=_OCC),
    "vmax_app": Expected(lambda: noncompetitive_parameters(100.0, 5.0, 3.0, 1.0)[0],
                         _REVISIT_KIN, sections=_KIN),
    "km_app": Expected(lambda: noncompetitive_parameters(100.0, 5.0, 3.0, 1.0)[1],
                       _REVISIT_KIN, sections=_KIN),
    # theta = [L]/(Kd + [L]) solved for [L] at theta = 0.9 (drug_for_occupancy)
    "conc_90_ng_ml": Expected(
        lambda: nM_to_ng_per_ml(drug_for_occupancy(0.9, value("fk506_fkbp12_kd_nm")),
                                value("tacrolimus_mw_anhydrous")),
        _REVISIT_INVERSE, sections=_OCC),
}
