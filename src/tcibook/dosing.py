"""How much ointment: fingertip units, grams and tubes.

A fingertip unit (FTU) is the ribbon of ointment squeezed from a tube with a
5 mm nozzle along an adult's index finger, from the distal skin crease to the
tip (Long and Finlay, 1991). Their adult patients needed a characteristic
number of FTUs to cover each body site once, and one FTU covered a typical
area of skin. DermNet gives the weight of one FTU for an adult man and an
adult woman. The functions here chain these into grams per application,
grams over a course, and tubes.

Every amount these functions return is a model estimate for teaching. It is
not a prescription: the product information and a clinician decide how much
a patient applies. The US labels and EU product information the book has
seen give no maximum number of grams per week.

The sources cited here give no FTU counts per body site for children, so for a
child the amount is worked out from the affected area in cm² and the FTU of
the adult who applies the ointment (:func:`ftu_for_area`).

Explained in ``practice-04``; practised in ``practice-04``, ``practice-05``
(chapters/).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum

from .facts import value
from .validation import check_choice, check_number

__all__ = ["BodySite", "ADULT_FTU_PER_SITE", "fingertip_units",
           "grams_per_application", "ftu_for_area", "amount_needed_g",
           "tubes_needed"]


class BodySite(StrEnum):
    """Body sites with an adult FTU count (Long and Finlay 1991).

    ``ARM_FOREARM``, ``HAND``, ``LEG_THIGH`` and ``FOOT`` are one limb, one
    whole hand (palm and back), one leg or one foot. A ``StrEnum``: each
    member equals its value, so ``"hand"`` and ``BodySite.HAND`` are the same
    key.
    """

    FACE_NECK = "face and neck"
    FRONT_TRUNK = "front of trunk"
    BACK_TRUNK = "back of trunk"
    ARM_FOREARM = "arm and forearm"
    HAND = "hand"
    LEG_THIGH = "leg and thigh"
    FOOT = "foot"


#: FTUs an adult needs to cover one body site once (Long and Finlay 1991).
ADULT_FTU_PER_SITE = {
    BodySite.FACE_NECK: value("ftu_adult_face_neck"),
    BodySite.FRONT_TRUNK: value("ftu_adult_front_trunk"),
    BodySite.BACK_TRUNK: value("ftu_adult_back_trunk"),
    BodySite.ARM_FOREARM: value("ftu_adult_arm_forearm"),
    BodySite.HAND: value("ftu_adult_hand"),
    BodySite.LEG_THIGH: value("ftu_adult_leg_thigh"),
    BodySite.FOOT: value("ftu_adult_foot"),
}


def _site(name):
    """The :class:`BodySite` a member or name (any case, extra spaces) stands for."""
    if isinstance(name, str) and not isinstance(name, BodySite):
        name = " ".join(name.split())
    return check_choice("body site", name, BodySite)


def fingertip_units(sites):
    """FTUs an adult needs to cover the given body sites once.

    Parameters
    ----------
    sites : mapping, iterable of str, or str
        Either a mapping from body site to how many of that site are treated
        (a number >= 0: ``{"hand": 2}`` is both hands, ``0.5`` half a back),
        or body-site names each counted once (a single name is one site).
        Sites are :class:`BodySite` members or their names, matched without
        regard to case or extra spaces.

    Returns
    -------
    float
        Fingertip units per application.

    Raises
    ------
    ValueError
        For an unknown site, a negative, NaN or non-numeric count, or no site
        at all.

    Examples
    --------
    >>> round(fingertip_units({"face and neck": 1, "hand": 2}), 6)
    4.9
    >>> fingertip_units(["foot"])
    1.8
    """
    if isinstance(sites, str):
        sites = [sites]
    if isinstance(sites, Mapping):
        items = list(sites.items())
    else:
        try:
            items = [(s, 1) for s in sites]
        except TypeError:
            raise ValueError("sites must be a mapping of body site to count or a "
                             f"list of body sites; got {sites!r}") from None
    if not items:
        raise ValueError("sites must name at least one body site")
    total = 0.0
    for name, count in items:
        key = _site(name)
        n = check_number(f"count of site {key.value!r}", count, low=0.0)
        total += n * ADULT_FTU_PER_SITE[key]
    return total


def grams_per_application(ftu, grams_per_ftu):
    """Weight of ointment in one application.

    Parameters
    ----------
    ftu : float
        Fingertip units per application, >= 0.
    grams_per_ftu : float
        Weight of one FTU in grams, > 0 (DermNet: about 0.5 g for an adult
        man's fingertip, 0.4 g for an adult woman's).

    Returns
    -------
    float
        Grams per application, ``ftu * grams_per_ftu``.

    Raises
    ------
    ValueError
        If ``ftu`` is negative or ``grams_per_ftu`` is not positive, or either
        is NaN or not a number.

    Examples
    --------
    >>> grams_per_application(4.0, 0.5)
    2.0
    """
    ftu = check_number("ftu", ftu, low=0.0, unit="FTU")
    grams = check_number("grams_per_ftu", grams_per_ftu, low=0.0, low_open=True,
                         unit="g")
    return ftu * grams


def ftu_for_area(area_cm2, cm2_per_ftu):
    """Fingertip units needed to cover an area once.

    Parameters
    ----------
    area_cm2 : float
        Area to treat in cm², >= 0.
    cm2_per_ftu : float
        Area one FTU covers in cm², > 0 (Long and Finlay: 286 cm² on
        average, 312 cm² for men's and 257 cm² for women's fingertips).

    Returns
    -------
    float
        ``area_cm2 / cm2_per_ftu``.

    Raises
    ------
    ValueError
        If ``area_cm2`` is negative or ``cm2_per_ftu`` is not positive, or
        either is NaN or not a number.

    Examples
    --------
    >>> ftu_for_area(572.0, 286.0)
    2.0
    """
    area = check_number("area_cm2", area_cm2, low=0.0, unit="cm²")
    per = check_number("cm2_per_ftu", cm2_per_ftu, low=0.0, low_open=True,
                       unit="cm²")
    return area / per


def amount_needed_g(grams_per_application, applications_per_day, days):
    """Grams of ointment used over a course of treatment.

    Parameters
    ----------
    grams_per_application : float
        Grams per application, >= 0.
    applications_per_day : float
        Applications a day, >= 0 (twice daily is 2; twice weekly is 2/7).
    days : float
        Length of the course in days, >= 0.

    Returns
    -------
    float
        ``grams_per_application * applications_per_day * days``.

    Raises
    ------
    ValueError
        If an argument is negative, NaN or not a number.

    Examples
    --------
    >>> amount_needed_g(2.0, 2, 7)
    28.0
    """
    grams = check_number("grams_per_application", grams_per_application,
                         low=0.0, unit="g")
    per_day = check_number("applications_per_day", applications_per_day,
                           low=0.0, unit="per day")
    days = check_number("days", days, low=0.0, unit="days")
    return grams * per_day * days


def tubes_needed(total_g, tube_size_g):
    """Whole tubes needed to hold ``total_g`` grams.

    Parameters
    ----------
    total_g : float
        Grams needed, >= 0.
    tube_size_g : float
        Grams in one tube, > 0 (Protopic: 30, 60 or 100 g in the US label).

    Returns
    -------
    int
        The smallest number of tubes whose contents are at least ``total_g``.
        An amount that fills a whole number of tubes to within rounding
        (one part in 10⁹) needs exactly that number.

    Raises
    ------
    ValueError
        If ``total_g`` is negative or ``tube_size_g`` is not positive, or
        either is NaN or not a number.

    Examples
    --------
    >>> tubes_needed(61, 30)
    3
    >>> tubes_needed(60, 30)
    2
    """
    total = check_number("total_g", total_g, low=0.0, unit="g")
    size = check_number("tube_size_g", tube_size_g, low=0.0, low_open=True,
                        unit="g")
    return math.ceil(round(total / size, 9))
