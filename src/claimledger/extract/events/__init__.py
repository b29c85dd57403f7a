"""Events: which act a claim tells (type, actor, target, count), its polarity and modality (English in
events.py, Russian and Ukrainian in events_ru_uk.py). Where and when it happened: event_places/, dates/."""
