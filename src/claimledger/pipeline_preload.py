"""Imported once by the worker pool's fork server (pipeline_workers.py): the English model and the gazetteer
are loaded there, and one invented sentence is analysed to import the extractors and fill their caches, so
each analysis worker forked from it starts with all that (shared copy-on-write) instead of doing it again.
A model that cannot be loaded is left for the worker to report when a batch needs it, with its own error."""
from __future__ import annotations

# Analysed once here and thrown away: it only warms the English extractors (nothing from any corpus).
WARM_UP_TEXT = "The governor said on Monday that troops had repelled two attacks near the river, officials reported."

try:
    from .extract.places.gazetteer import load_gazetteer
    from .extract.language.nlp import load_english
    from .models import Article
    from .pipeline import analyse_articles

    load_english()
    load_gazetteer()
    list(analyse_articles([Article(id="warm-up", text=WARM_UP_TEXT, title="Attacks repelled", language="en")]))
except Exception:  # noqa: BLE001 - reported by the worker that needs the model
    pass
