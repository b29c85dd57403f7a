"""Attribution: who claims what, through which reporting cue, how firmly; the speaker, role and chain of
sources behind each claim (English in attribution.py, Russian and Ukrainian in attribution_ru_uk.py)."""
