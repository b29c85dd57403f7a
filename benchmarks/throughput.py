"""Throughput and memory of the claimledger pipeline next to bare spaCy, on the same documents.

Run from the repository root:

    .venv/bin/python benchmarks/throughput.py                 # 200 and 2,000 documents
    .venv/bin/python benchmarks/throughput.py --docs 100 1000 --json
    .venv/bin/python benchmarks/throughput.py --words 0 --docs 65 200   # whole articles

What it does, in one run (see benchmarks/README.md for the reasons behind each choice):

1. Reads the English articles of the bundled corpus and cuts them into passages of about
   ``--words`` words at sentence ends (``--words 0`` keeps whole articles). Corpora of the
   requested sizes repeat the passages in order, each repeat with its own id.
2. Throughput on the smallest size: bare spaCy (``load_english().pipe``) against the full
   pipeline (``analyse_articles`` consumed as a stream), after a warm-up, interleaved and
   best of ``--repeats`` runs. Reports docs/s, words/s and the ratio full/bare.
3. The extractors alone (find_attributions, find_places, find_events) over the already
   parsed Docs of the smallest size, as a share of the full pipeline's time.
4. Peak memory: the full pipeline over each size in a fresh process (this script re-invoked
   with a hidden flag), reading peak RSS with ``resource.getrusage``; the documents are
   generated lazily there so the input does not count.

It asserts nothing about speed: it is a benchmark, not a test.
"""
from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from claimledger.extract.attribution.attribution import find_attributions
from claimledger.extract.events.events import find_events
from claimledger.extract.places.gazetteer import load_gazetteer
from claimledger.extract.language.nlp import load_english, load_russian
from claimledger.extract.places.places import find_places
from claimledger.models import Article
from claimledger.pipeline import BATCH_SIZE, analyse_articles
from claimledger.record import article_from_record

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "examples" / "corpus" / "articles.jsonl"
DEFAULT_SIZES = (200, 2000)
# Russian: no Russian article ships with the repository; the internal ru/uk development gold is read in
# place when it is on this machine (never copied), else pass --ru-corpus. Ukrainian: the bundled corpus.
DEFAULT_RU_CORPUS = REPO.parent / "shared" / "data" / "dev" / "war_news_ru_uk_dev.jsonl"

# Words per document. The bundled articles average ~1,140 words; at the ~2,300 words/s the
# full pipeline reaches here, 2,000 whole articles would take ~17 minutes. Passages of ~150
# words (a wire story's length) keep the default run under 5 minutes on 2 cores while
# every size, including 2,000, goes through the real pipeline.
DEFAULT_WORDS = 150

# Runs of each timed measurement; the best (fastest) one is kept, to damp the noise of a
# shared 2-core machine.
DEFAULT_REPEATS = 2

# Documents analysed before any timing, so model and gazetteer loading and the lazily
# built matchers are not counted.
WARMUP_DOCS = 8

# A sentence ends at . ! or ? (optionally followed by a closing quote or bracket) before
# whitespace and an upper-case letter, digit or opening quote.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)»]?\s+(?=[A-ZА-ЯІЇЄҐЁ0-9\"“‘(«])")


def read_english_articles(path: Path) -> list[Article]:
    """Return the English articles (records with language "en") of a JSONL corpus."""
    articles = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                if record.get("language") == "en":
                    articles.append(article_from_record(record, origin=str(path)))
    return articles


def read_language_articles(path: Path, language: str) -> list[Article]:
    """Return the articles of one language (records with that "language") of a JSONL corpus."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as lines:
        return [article_from_record(record, origin=str(path)) for record in map(json.loads, filter(str.strip, lines))
                if record.get("language") == language]


def time_natasha_ner(texts: list[str]) -> float:
    """Return the seconds natasha's segmenter and NER tagger (the Russian model alone) take over the texts."""
    from natasha import Doc

    segmenter, ner = load_russian()
    gc.collect()
    start = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(ner)
    return time.perf_counter() - start


def measure_cyrillic(path: Path, language: str, words: int, size: int, repeats: int) -> dict[str, Any] | None:
    """Return docs/s and words/s of the full pipeline on ``size`` Russian or Ukrainian documents next
    to bare natasha NER on the same texts, or None when the corpus has no article in the language."""
    passages = [p for a in read_language_articles(path, language) for p in split_passages(a, words) if p.text]
    if not passages:
        return None
    articles = list(iter_documents(passages, size))
    texts = parsed_strings(articles)
    for _ in analyse_articles(articles[:WARMUP_DOCS]):
        pass
    time_natasha_ner(texts[:WARMUP_DOCS])
    bare = min(time_natasha_ner(texts) for _ in range(repeats))
    full = min(time_full(articles) for _ in range(repeats))
    count = count_words(articles)
    return {"corpus": str(path), "docs": len(articles), "words": count,
            "bare_natasha_ner": {"seconds": bare, "docs_per_s": len(articles) / bare, "words_per_s": count / bare},
            "full": {"seconds": full, "docs_per_s": len(articles) / full, "words_per_s": count / full},
            "ratio_full_over_bare": bare / full}


def split_passages(article: Article, words: int) -> list[Article]:
    """Return the article cut at sentence ends into passages of at least ``words`` words
    (a short remainder joins the last passage); ``words`` 0 returns the whole article."""
    if words <= 0:
        return [article]
    cuts = [0] + [m.end() for m in SENTENCE_END.finditer(article.text)] + [len(article.text)]
    spans: list[list[int]] = []
    start = 0
    for end in cuts[1:]:
        if len(article.text[start:end].split()) >= words:
            spans.append([start, end])
            start = end
    if start < len(article.text):
        if spans and len(article.text[start:].split()) < words // 2:
            spans[-1][1] = len(article.text)
        else:
            spans.append([start, len(article.text)])
    return [
        dataclasses.replace(article, id=f"{article.id}-p{n}", text=article.text[s:e].strip())
        for n, (s, e) in enumerate(spans, start=1)
    ]


def load_passages(corpus: Path, words: int) -> list[Article]:
    """Return the passages of every English article of the corpus, in corpus order."""
    return [p for a in read_english_articles(corpus) for p in split_passages(a, words) if p.text]


def iter_documents(passages: list[Article], size: int) -> Iterator[Article]:
    """Yield ``size`` documents by repeating the passages in order; each repeat gets its own id."""
    for i in range(size):
        passage = passages[i % len(passages)]
        yield dataclasses.replace(passage, id=f"{passage.id}-r{i // len(passages)}")


def count_words(articles: list[Article]) -> int:
    """Return the number of whitespace-separated words in the articles' texts."""
    return sum(len(a.text.split()) for a in articles)


def warm_up(passages: list[Article]) -> None:
    """Load the models and gazetteer and run a small batch through both measured paths."""
    sample = passages[:WARMUP_DOCS]
    for _ in load_english().pipe([a.text for a in sample], batch_size=BATCH_SIZE):
        pass
    for _ in analyse_articles(sample):
        pass


def parsed_strings(articles: list[Article]) -> list[str]:
    """The strings the pipeline parses for the articles, each headline and each body: the baseline parses the same
    (a wire story's headline is parsed with its text; a baseline of the bodies alone charged the pipeline for
    every headline: 9 % more words than the bodies of the English 150-word passages, 6 % of the Ukrainian)."""
    return [s for a in articles for s in (a.title, a.text) if s]


def time_bare(texts: list[str]) -> float:
    """Return the seconds bare spaCy takes to parse the texts."""
    nlp = load_english()
    gc.collect()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - start


def time_full(articles: list[Article]) -> float:
    """Return the seconds the full pipeline takes over the articles, consumed as a stream."""
    gc.collect()
    start = time.perf_counter()
    for _ in analyse_articles(iter(articles)):
        pass
    return time.perf_counter() - start


def measure_throughput(articles: list[Article], repeats: int) -> dict[str, Any]:
    """Return the best times, docs/s and words/s of bare spaCy and the full pipeline, and
    their ratio; runs alternate (bare, full, full, bare, ...) so drift hits both alike."""
    texts = parsed_strings(articles)
    bare: list[float] = []
    full: list[float] = []
    for run in range(repeats):
        order: list[Callable[[], None]] = [
            lambda: bare.append(time_bare(texts)), lambda: full.append(time_full(articles)),
        ]
        for step in order if run % 2 == 0 else order[::-1]:
            step()
    words = count_words(articles)

    def rates(seconds: list[float]) -> dict[str, Any]:
        best = min(seconds)
        return {"seconds": best, "runs": seconds, "docs_per_s": len(articles) / best,
                "words_per_s": words / best}

    result = {"docs": len(articles), "words": words, "bare": rates(bare), "full": rates(full)}
    result["ratio_full_over_bare"] = result["full"]["docs_per_s"] / result["bare"]["docs_per_s"]
    return result


def measure_extractors(articles: list[Article], repeats: int) -> dict[str, float]:
    """Return the best seconds each extractor takes over the articles' already parsed Docs."""
    nlp = load_english()
    gazetteer = load_gazetteer()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=BATCH_SIZE))
    attributions = [find_attributions(doc) for doc in docs]
    places = [find_places(doc, gazetteer) for doc in docs]
    steps: dict[str, Callable[[], None]] = {
        "attribution": lambda: [find_attributions(doc) for doc in docs],
        "places": lambda: [find_places(doc, gazetteer) for doc in docs],
        "events": lambda: [
            find_events(doc, attributions[i], places[i], articles[i].published)
            for i, doc in enumerate(docs)
        ],
    }
    best: dict[str, float] = {}
    for name, step in steps.items():
        for _ in range(repeats):
            for doc in docs:  # what the extractors keep per Doc (extract/language/doc_cache.py) is part of their time
                doc.user_data.clear()
            gc.collect()
            start = time.perf_counter()
            step()
            seconds = time.perf_counter() - start
            best[name] = min(best.get(name, seconds), seconds)
    return best


def peak_rss_mb() -> float:
    """Return this process's peak resident set size in MB (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float | None:
    """Return this process's resident set size now in MB (Linux /proc), or None elsewhere."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_memory_child(corpus: Path, words: int, size: int) -> dict[str, Any]:
    """Run the full pipeline over ``size`` lazily generated documents in this (fresh)
    process and return its speed and peak RSS before and after the run."""
    passages = load_passages(corpus, words)
    warm_up(passages)
    gc.collect()
    warm_mb, warm_now_mb = peak_rss_mb(), current_rss_mb()
    count = words_seen = 0
    start = time.perf_counter()
    for doc in analyse_articles(iter_documents(passages, size)):
        count += 1
        words_seen += len(doc.article.text.split())
    seconds = time.perf_counter() - start
    gc.collect()
    return {"docs": count, "words": words_seen, "seconds": seconds, "docs_per_s": count / seconds,
            "words_per_s": words_seen / seconds, "rss_after_warmup_mb": warm_mb,
            "peak_rss_mb": peak_rss_mb(), "rss_now_after_warmup_mb": warm_now_mb,
            "rss_now_at_end_mb": current_rss_mb()}


def measure_memory(corpus: Path, words: int, size: int) -> dict[str, Any]:
    """Return the figures of a fresh process running the full pipeline over ``size`` documents."""
    command = [sys.executable, str(Path(__file__).resolve()), "--corpus", str(corpus),
               "--words", str(words), "--memory-child", str(size)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"memory run for {size} documents failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def describe_environment() -> dict[str, Any]:
    """Return the versions, model and core count the figures were measured with."""
    import spacy

    nlp = load_english()
    return {"python": sys.version.split()[0], "spacy": spacy.__version__,
            "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
            "components": list(nlp.pipe_names), "batch_size": BATCH_SIZE, "cores": os.cpu_count()}


def _difference(end: float | None, start: float | None) -> str:
    return "n/a" if end is None or start is None else f"{end - start:.0f}"


def format_report(figures: dict[str, Any]) -> str:
    """Return the plain-text tables of the figures."""
    env, tp, ex = figures["environment"], figures["throughput"], figures["extractors"]
    load = figures["load_average"]
    words = figures["words_per_document"]
    lines = [
        f"corpus: {figures['corpus']} ({figures['articles']} English articles -> "
        f"{figures['passages']} documents, "
        + (f"passages of ~{words} words)" if words else "whole articles)"),
        f"python {env['python']}, spaCy {env['spacy']}, {env['model']}, batch size {env['batch_size']}, "
        f"{env['cores']} cores, best of {figures['repeats']} runs",
        f"load average: {' '.join(f'{x:.2f}' for x in load['start'])} at start, "
        f"{' '.join(f'{x:.2f}' for x in load['end'])} at end",
        "",
        f"Throughput ({tp['docs']} documents, {tp['words']:,} words)",
        f"{'run':<16}{'seconds':>9}{'docs/s':>9}{'words/s':>10}",
    ]
    for name, key in (("bare spaCy", "bare"), ("full pipeline", "full")):
        row = tp[key]
        lines.append(f"{name:<16}{row['seconds']:>9.2f}{row['docs_per_s']:>9.1f}{row['words_per_s']:>10,.0f}")
    lines += [f"full/bare throughput ratio: {tp['ratio_full_over_bare']:.2f}", ""]
    full_s = tp["full"]["seconds"]
    lines += [f"Time shares of the full pipeline ({full_s:.2f} s on the same {tp['docs']} documents)",
              f"{'part':<28}{'seconds':>9}{'share':>8}"]
    parts = {"spaCy parse (bare run)": tp["bare"]["seconds"]}
    parts.update({f"{name} (extractor alone)": s for name, s in ex.items()})
    parts["rest (wiring, overhead)"] = full_s - sum(parts.values())
    for name, seconds in parts.items():
        lines.append(f"{name:<28}{seconds:>9.2f}{seconds / full_s:>8.0%}")
    lines += ["", "Memory (full pipeline, fresh process per size, documents generated lazily)",
              f"{'docs':>6}{'docs/s':>9}{'words/s':>10}{'peak RSS MB':>13}"
              f"{'peak growth':>13}{'RSS now growth':>16}"]
    for row in figures["memory"]:
        peak_growth = row["peak_rss_mb"] - row["rss_after_warmup_mb"]
        now_growth = _difference(row["rss_now_at_end_mb"], row["rss_now_after_warmup_mb"])
        lines.append(f"{row['docs']:>6}{row['docs_per_s']:>9.1f}{row['words_per_s']:>10,.0f}"
                     f"{row['peak_rss_mb']:>13.0f}{peak_growth:>13.0f}{now_growth:>16}")
    lines.append("(growth: MB gained since the warm-up; peak from ru_maxrss, now from /proc/self/statm)")
    lines += ["", "Russian and Ukrainian (full pipeline vs natasha segmenter+NER alone, same texts)",
              f"{'language':<10}{'docs':>6}{'NER docs/s':>12}{'full docs/s':>13}{'full words/s':>14}{'ratio':>7}"]
    for language, row in figures.get("languages", {}).items():
        if row is None:
            lines.append(f"{language:<10}  no {language} articles in the corpus (see --ru-corpus)")
            continue
        lines.append(f"{language:<10}{row['docs']:>6}{row['bare_natasha_ner']['docs_per_s']:>12.1f}"
                     f"{row['full']['docs_per_s']:>13.1f}{row['full']['words_per_s']:>14,.0f}"
                     f"{row['ratio_full_over_bare']:>7.2f}")
    return "\n".join(lines)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """Return the command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="example: .venv/bin/python benchmarks/throughput.py --docs 200 2000")
    parser.add_argument("--docs", type=int, nargs="+", default=list(DEFAULT_SIZES),
                        help="corpus sizes; throughput is timed on the smallest, memory on each "
                             f"(default: {' '.join(map(str, DEFAULT_SIZES))})")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL corpus of article records")
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS,
                        help="words per document, cut at sentence ends; 0 keeps whole articles "
                             f"(default {DEFAULT_WORDS})")
    parser.add_argument("--repeats", type=int, default=DEFAULT_REPEATS,
                        help=f"timed runs of each measurement, best kept (default {DEFAULT_REPEATS})")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of tables")
    parser.add_argument("--ru-corpus", type=Path, default=DEFAULT_RU_CORPUS,
                        help="JSONL with Russian articles for the Russian throughput (default: the internal ru/uk gold, if present)")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its tables (or JSON); return the exit code."""
    args = parse_arguments(argv)
    if args.memory_child is not None:
        print(json.dumps(run_memory_child(args.corpus, args.words, args.memory_child)))
        return 0
    if any(size < 1 for size in args.docs) or args.repeats < 1:
        print("error: --docs sizes and --repeats must be positive", file=sys.stderr)
        return 2
    if not args.corpus.is_file():
        print(f"error: no corpus file at {args.corpus}", file=sys.stderr)
        return 2
    load_start = os.getloadavg()
    articles = read_english_articles(args.corpus)
    passages = load_passages(args.corpus, args.words)
    if not passages:
        print(f"error: no English articles in {args.corpus}", file=sys.stderr)
        return 2
    sizes = sorted(set(args.docs))
    documents = list(iter_documents(passages, sizes[0]))
    print(f"warming up; timing {sizes[0]} documents ...", file=sys.stderr)
    warm_up(passages)
    throughput = measure_throughput(documents, args.repeats)
    print("timing the extractors on parsed Docs ...", file=sys.stderr)
    extractors = measure_extractors(documents, args.repeats)
    languages = {}
    for language, path in (("ru", args.ru_corpus), ("uk", args.corpus)):
        print(f"timing {language} documents ...", file=sys.stderr)
        languages[language] = measure_cyrillic(path, language, args.words, sizes[0], args.repeats)
    memory = []
    for size in sizes:
        print(f"memory run: {size} documents in a fresh process ...", file=sys.stderr)
        memory.append(measure_memory(args.corpus, args.words, size))
    figures = {
        "corpus": str(args.corpus), "articles": len(articles), "passages": len(passages),
        "words_per_document": args.words, "repeats": args.repeats,
        "environment": describe_environment(),
        "load_average": {"start": list(load_start), "end": list(os.getloadavg())},
        "throughput": throughput, "extractors": extractors, "memory": memory, "languages": languages,
    }
    print(json.dumps(figures, indent=2) if args.json else format_report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
