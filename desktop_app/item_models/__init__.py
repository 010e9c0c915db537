"""Qt item models over the ``db.queries`` functions. No widget code, no SQL."""
