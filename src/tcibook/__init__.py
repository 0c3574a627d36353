"""Executable models for *The Pharmacology of Topical Calcineurin Inhibitors*.

The package holds every model and every constant the book uses, so that a
chapter, an exercise and a test all compute from one place:

``tcibook.facts``
    Clinical and physicochemical constants, each with unit and source key.
``tcibook.validation``
    Input checks shared by every model function.
``tcibook.gluing``
    Helpers that hand facts and computed numbers to myst-nb ``glue``.

Everything here is for teaching. No function in this package is a dosing
recommendation for a patient.
"""

__version__ = "0.1.0"
