"""Wiring only: articles in, analysed documents out, streamed in batches.

English articles go through spaCy's ``nlp.pipe`` in batches and then the extractors
(attribution, places, events). Russian and Ukrainian articles go one by one through
extract/language/cyrillic.py (pymorphy3 morphology, natasha NER for Russian) and the *_ru_uk
extractors, which produce the same records. Articles in other languages pass through with
empty layers; they are still stored and counted.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from .models import AnalysedDocument, Article, Layers, Place

# The extractors (spaCy, natasha, lingua) are imported by the functions that use them, not here: the
# calling process of a worker pool (pipeline_workers.py) imports this module for its constants and
# wiring but analyses nothing, and importing spaCy there would cost a second of CPU on a core the
# workers need, before the fork server that loads the models for them could start.

# Articles handed to spaCy at once. News articles run to ~1,000 words; 32 keeps the
# parser's batches full without holding many parsed Docs (measured with
# benchmarks/throughput.py: 16-64 give the same speed here, memory grows above 64).
BATCH_SIZE = 32

# Languages with extractors. Others are stored with empty layers.
EXTRACTED_LANGUAGES = frozenset({"en", "ru", "uk"})
# Languages read by the Russian/Ukrainian extractors (natasha + pymorphy3, extract/language/cyrillic.py).
CYRILLIC_LANGUAGES = frozenset({"ru", "uk"})


def with_language(article: Article) -> Article:
    """Return the article with its language identified when it has none."""
    if article.language:
        return article
    from .ingest.language import identify_language

    return replace(article, language=identify_language(article.text))


def analyse_english(articles: list[Article]) -> list[AnalysedDocument]:
    """Return the analysed documents of a batch of English articles (body and title), in order."""
    from .extract.attribution.attribution import find_attributions
    from .extract.places.datelines import after_datelines, event_place_mentions, find_datelines
    from .extract.language.doc_cache import doc_text, keep_text
    from .extract.events.event_polarity import denials_of_reports
    from .extract.events.past_wars import world_war_events
    from .extract.events.events import find_events
    from .extract.places.gazetteer import load_gazetteer
    from .extract.attribution.headlines import date_headline_events
    from .extract.language.nlp import load_english
    from .extract.places.places import find_places
    from .extract.language.title_case import english_dictionary, is_title_case, sentence_cased
    from .extract.attribution.voice import document_voice

    nlp = load_english()
    gazetteer = load_gazetteer()

    def layers(doc, article: Article, voice: str | None, headline: bool = False,
               other_part: Sequence[Place] = ()) -> Layers:
        datelines = [] if headline else find_datelines(doc_text(doc))
        attributions = after_datelines(find_attributions(doc, article.published, voice), datelines)
        places = find_places(doc, gazetteer, gazetteer.companion(other_part, overrides=headline))
        events = find_events(doc, attributions, event_place_mentions(places, datelines, doc_text(doc)),
                             article.published)
        if headline:
            events = date_headline_events(doc, events, article.published)
        events = world_war_events(denials_of_reports(events, attributions, doc_text(doc)), doc_text(doc))
        return Layers(tuple(attributions), tuple(places), tuple(events))

    # a Title Case headline is parsed in the case of a sentence (extract/language/title_case.py)
    cased = {a.title: sentence_cased(a.title, english_dictionary(nlp), gazetteer)
             for a in articles if a.title and is_title_case(a.title)}
    titles = ((cased.get(a.title, a.title), a) for a in articles if a.title)
    title_docs = {id(a): keep_text(doc, cased.get(a.title, a.title))
                  for doc, a in nlp.pipe(titles, as_tuples=True, batch_size=BATCH_SIZE)}
    analysed = []
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=BATCH_SIZE):
        keep_text(doc, article.text)
        title_doc = title_docs.get(id(article))
        title_places = find_places(title_doc, gazetteer) if title_doc is not None else []
        body = layers(doc, article, document_voice(article.title, article.published, article.language),
                  other_part=title_places)
        title = layers(title_doc, article, None, True, body.places) if title_doc is not None else (
            Layers() if article.title else None)
        analysed.append(AnalysedDocument(article, body.attributions, body.places, body.events, title))
    return analysed


def _cyrillic_layers(text: str, article: Article, voice: str | None = None, headline: bool = False,
                     published: str | None = None, other_part: Sequence[Place] = (), doc=None) -> Layers:
    from .control import publisher_side
    from .extract.attribution.attribution_ru_uk import find_attributions_ru_uk
    from .extract.language.cyrillic import parse_cyrillic
    from .extract.places.datelines import after_datelines, event_place_mentions, find_datelines
    from .extract.events.event_polarity import denials_of_reports
    from .extract.events.past_wars import world_war_events
    from .extract.events.events_ru_uk import find_events_ru_uk
    from .extract.places.gazetteer import load_gazetteer
    from .extract.places.places_ru_uk import find_places_ru_uk
    from .extract.attribution.offices_ru_uk import publisher_offices

    datelines = [] if headline else find_datelines(text)
    doc = doc if doc is not None else parse_cyrillic(text, article.language, [end for _, end in datelines])
    attributions = after_datelines(find_attributions_ru_uk(doc, voice), datelines)
    attributions = publisher_offices(attributions, text, publisher_side(article.outlet, article.url))
    gazetteer = load_gazetteer()
    places = find_places_ru_uk(doc, gazetteer, gazetteer.companion(other_part, overrides=headline))
    events = find_events_ru_uk(doc, attributions, event_place_mentions(places, datelines, text),
                               published or article.published, headline, () if headline else other_part)
    events = world_war_events(denials_of_reports(events, attributions, text), text)
    return Layers(tuple(attributions), tuple(places), tuple(events))


def analyse_cyrillic(article: Article) -> AnalysedDocument:
    """Return the analysed document of one Russian or Ukrainian article (body and title)."""
    from .extract.language.cyrillic import parse_cyrillic
    from .extract.dates.dates_ru_uk import address_day
    from .extract.places.places_ru_uk import find_places_ru_uk
    from .extract.attribution.voice import document_voice

    # the headline's places are context for the body, and the body's for the headline's final reading
    title_doc = parse_cyrillic(article.title, article.language) if article.title else None
    title_places = find_places_ru_uk(title_doc) if title_doc is not None else []
    body = _cyrillic_layers(article.text, article, document_voice(article.title, article.published, article.language),
                            published=address_day(article.title, article.published), other_part=title_places)
    title = _cyrillic_layers(article.title, article, headline=True, other_part=body.places,
                             doc=title_doc) if title_doc is not None else None
    return AnalysedDocument(article, body.attributions, body.places, body.events, title)


def analyse_articles(articles: Iterable[Article], *, batch_size: int = BATCH_SIZE) -> Iterator[AnalysedDocument]:
    """Yield one analysed document per article, in input order, holding one batch in memory at a time."""
    iterator = iter(articles)
    while batch := [with_language(a) for a in itertools.islice(iterator, batch_size)]:
        english = [a for a in batch if a.language == "en"]
        done = {id(doc.article): doc for doc in analyse_english(english)} if english else {}
        done.update((id(a), analyse_cyrillic(a)) for a in batch if a.language in CYRILLIC_LANGUAGES)
        for article in batch:
            yield _with_settled_headline(done.get(id(article)) or AnalysedDocument(article))


def _with_settled_headline(doc: AnalysedDocument) -> AnalysedDocument:
    """The document with its headline's surnames given the full names its body resolved and its attacks the strikes
    its body tells (both languages)."""
    from .extract.attribution.headlines import settle_headline_attacks, settle_headline_speakers

    if doc.title_layers is None:
        return doc
    title = doc.article.title or ""
    speakers = settle_headline_speakers(doc.title_layers.attributions, doc.attributions, doc.article.text, title)
    events = settle_headline_attacks(doc.title_layers.events, doc.events, title)
    return replace(doc, title_layers=replace(doc.title_layers, attributions=speakers, events=events))


def analyse_article(article: Article) -> AnalysedDocument:
    """Return the analysed document of one article."""
    return next(analyse_articles([article]))
