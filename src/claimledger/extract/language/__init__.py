"""Language machinery every extraction stage reads: loading the spaCy pipelines (English) and the light
Cyrillic documents (Russian, Ukrainian), clause spans, per-document caches, morphology agreement,
numbers and the packaged lexicon tables."""
