"""Qt item models over the ``db.queries`` functions. No widget code; the one query of their own
is the month grid's, for the sessions of the days shown."""
