"""Everything inbound: readers per format and the extraction of events, panels and people.

This package never imports Qt and never opens a database session.
"""
