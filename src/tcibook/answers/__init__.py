"""Expected answers of the exercise notebooks, one module per problem set.

Each module defines ``ANSWERS``: a dictionary from question name to
:class:`tcibook.selfcheck.Expected`. The expected values are computed by the
book's own functions when a self-check runs; they are never stored in a
notebook. See :mod:`tcibook.selfcheck`.
"""
