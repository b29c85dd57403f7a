"""Event places: of the places a report names, which ones an event happened at (shared rules in
event_places.py, a learned ranker in place_ranker.py, one module per language for the rest)."""
