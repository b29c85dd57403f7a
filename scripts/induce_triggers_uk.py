"""Induce Ukrainian event-trigger lemmas from Zelensky's addresses in Ukrainian and English (issue 12).

Rebuilds ``src/claimledger/data/lexicons/events_uk_induced.tsv``. The English event extractor is the
teacher; the Ukrainian transcripts of the same addresses are the students' text:

1. Pair documents: each Ukrainian transcript of the Office of the President (corpus/articles.jsonl,
   CC BY 4.0) with the English releases of president.gov.ua published the same day (PAIR_DAYS);
   the candidate with the most aligned sentences wins, when at least MIN_ALIGNED_SHARE of the
   Ukrainian sentences align.
2. Align sentences: multilingual-e5-small vectors (link/multilingual.py), cosine, monotone alignment
   (dynamic programming, one-to-one, skips allowed) keeping pairs above a threshold calibrated on
   unrelated pairs: the NULL_QUANTILE quantile of each Ukrainian sentence's best cosine against the
   English releases of a day more than a month away (none of which translates it).
3. Teacher: the English trigger finder (extract/event_triggers.find_triggers) on the English sentence
   gives the event types it names.
4. Association: for every content lemma (pymorphy3 via extract/language/cyrillic.py; nouns, verbs,
   infinitives, participles, gerunds; lower-case words only) of the Ukrainian sentence and every type
   of its English partner, count aligned pairs. A lemma is kept for type T when it met T in at least
   MIN_JOINT pairs, P(T | lemma) >= --min-precision, its log-likelihood ratio (G2) against the lemma's
   overall frequency in aligned sentences is at least MIN_G2, and no pattern of the hand lexicon
   (events_ru_uk.tsv) uses the word already.

LEAKAGE: every corpus article found in a gold file (tests/data/war_reports_dev.jsonl,
tests/data/attribution_dev.jsonl, shared data/dev/*.jsonl; same url, or GOLD_SHINGLES shared 8-word
shingles) is left out, and so is every Office of the President article of the other language
published within PAIR_DAYS days of one (its possible counterpart).

    PYTHONPATH=src OMP_NUM_THREADS=1 python scripts/induce_triggers_uk.py \
        --corpus /work/shared/data/corpus/articles.jsonl --gold-dir /work/shared/data/dev \
        --cache /tmp/induce_uk.pkl [--min-precision 0.5] [--table]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "claimledger" / "data" / "lexicons" / "events_uk_induced.tsv"
HAND_LEXICON = ROOT / "src" / "claimledger" / "data" / "lexicons" / "events_ru_uk.tsv"
GOLD_FILES = (ROOT / "tests" / "data" / "war_reports_dev.jsonl", ROOT / "tests" / "data" / "attribution_dev.jsonl")
OFFICE = "Office of the President of Ukraine"
PAIR_DAYS = 0  # the same calendar day (the task's rule; the next day too left 56 transcripts instead of 92)
SHINGLE_WORDS = 8  # words per shingle when matching a corpus article to a gold text
GOLD_SHINGLES = 2  # shared shingles that make an article the same text as a gold one
NULL_QUANTILE = 0.95  # cosine threshold: 5% of unrelated sentences' best matches reach it (0.99 gave
# 2,657 aligned sentences, 0.95 gave 3,461; tune F1 the same or better)
NULL_GAP_DAYS = 30  # an "unrelated" English release is at least this far from the transcript
MIN_ALIGNED_SHARE = 0.2  # of a transcript's sentences aligned, for an English release to be its translation
MIN_JOINT = 3  # aligned pairs in which a lemma meets a type (fewer is chance)
MIN_G2 = 10.83  # log-likelihood ratio (chi-square, 1 df, p < 0.001) of the lemma-type association
DEFAULT_MIN_PRECISION = 0.9  # P(type | lemma) in aligned pairs; the least harmful on the war_reports_dev tune half
CONTENT_POS = frozenset({"NOUN", "VERB", "INFN", "PRTF", "PRTS", "GRND"})
NOUN_POS = frozenset({"NOUN"})


def _date(published: str) -> dt.date:
    return dt.date.fromisoformat(published[:10])


def _shingles(text: str) -> set[str]:
    words = text.lower().split()
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(len(words) - SHINGLE_WORDS + 1, 0))}


def read_gold(gold_dir: Path) -> list[dict]:
    """Every record with a text in the project's and the shared gold files."""
    records = []
    for path in (*GOLD_FILES, *sorted(gold_dir.glob("*.jsonl"))):
        with path.open(encoding="utf-8") as handle:
            records += [r for r in map(json.loads, handle) if isinstance(r.get("text"), str)]
    return records


def usable_articles(corpus: Path, gold_dir: Path) -> tuple[list[dict], list[dict], dict[str, int]]:
    """(Ukrainian transcripts, English releases) of the Office of the President left after the
    leakage rule, and counts of what was left out."""
    articles = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    gold = read_gold(gold_dir)
    urls = {g.get("url") for g in gold if g.get("url")}
    gold_shingles: Counter[str] = Counter()
    for g in gold:
        gold_shingles.update(_shingles(g["text"]))
    in_gold = {a["id"] for a in articles if a["url"] in urls
               or sum(1 for s in _shingles(a["text"]) if s in gold_shingles) >= GOLD_SHINGLES}
    office = [a for a in articles if a["outlet"].startswith(OFFICE)]
    counterparts = {a["id"] for a in office for g in office if g["id"] in in_gold
                    and g["language"] != a["language"]
                    and abs((_date(a["published"]) - _date(g["published"])).days) <= PAIR_DAYS}
    left = [a for a in office if a["id"] not in in_gold | counterparts]
    counts = {"in_gold": len(in_gold), "counterparts": len(counterparts - in_gold),
              "office_uk_left": sum(a["language"] == "uk" for a in left),
              "office_en_left": sum(a["language"] == "en" for a in left)}
    return [a for a in left if a["language"] == "uk"], [a for a in left if a["language"] == "en"], counts


def english_sentences(article: dict) -> list[tuple[str, frozenset[str]]]:
    """(sentence, event types the English trigger finder names in it) for one English text."""
    from claimledger.extract.events.event_triggers import find_triggers
    from claimledger.extract.language.nlp import load_english

    doc = load_english()(article["text"])
    types: dict[int, set[str]] = defaultdict(set)
    for kind, span in find_triggers(doc):
        types[span.sent.start].add(kind)
    return [(s.text.strip(), frozenset(types.get(s.start, ()))) for s in doc.sents if s.text.strip()]


def ukrainian_sentences(article: dict) -> list[tuple[str, frozenset[str], frozenset[str]]]:
    """(sentence, content lemmas, of them the nouns) for one Ukrainian text."""
    from claimledger.extract.language.cyrillic import parse_cyrillic

    doc = parse_cyrillic(article["text"], "uk")
    result = []
    for s in doc.sents:
        words = [t for t in doc.tokens[s.first:s.last] if t.is_word and not t.is_title and t.pos in CONTENT_POS]
        result.append((doc.text[s.start:s.end].strip(), frozenset(t.lemma for t in words),
                       frozenset(t.lemma for t in words if t.pos in NOUN_POS)))
    return [r for r in result if r[0]]


def monotone_alignment(similarity: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """One-to-one, order-keeping pairs (row, column) above ``threshold`` with the largest sum of
    (cosine - threshold): dynamic programming with skips on both sides."""
    rows, cols = similarity.shape
    gain = similarity - threshold
    best = np.zeros((rows + 1, cols + 1))
    move = np.zeros((rows + 1, cols + 1), dtype=np.int8)  # 0 skip row, 1 skip column, 2 pair
    for i in range(1, rows + 1):
        for j in range(1, cols + 1):
            options = (best[i - 1, j], best[i, j - 1],
                       best[i - 1, j - 1] + gain[i - 1, j - 1] if gain[i - 1, j - 1] > 0 else -1.0)
            move[i, j] = int(np.argmax(options))
            best[i, j] = options[move[i, j]]
    pairs, i, j = [], rows, cols
    while i > 0 and j > 0:
        if move[i, j] == 2:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif move[i, j] == 0:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def analyse(uk_docs: list[dict], en_docs: list[dict]) -> dict:
    """Sentences, teacher labels, lemmas and vectors of every usable document (the slow step)."""
    from claimledger.link.multilingual import embed_texts

    uk = {a["id"]: ukrainian_sentences(a) for a in uk_docs}
    en = {a["id"]: english_sentences(a) for a in en_docs}
    print(f"analysed {len(uk)} uk, {len(en)} en documents", file=sys.stderr)
    return {"uk": uk, "en": en, "dates": {a["id"]: _date(a["published"]) for a in (*uk_docs, *en_docs)},
            "uk_vectors": {k: embed_texts([s[0] for s in v]) for k, v in uk.items()},
            "en_vectors": {k: embed_texts([s[0] for s in v]) for k, v in en.items()}}


def build_pairs(analysed: dict, null_quantile: float = NULL_QUANTILE) -> dict:
    """Pair documents and align their sentences; return everything the association step needs."""
    uk, en, dates = analysed["uk"], analysed["en"], analysed["dates"]
    uk_vectors, en_vectors = analysed["uk_vectors"], analysed["en_vectors"]
    null = []  # best cosine of each transcript sentence in one far-away English release
    for n, k in enumerate(sorted(uk)):
        far = sorted(e for e in en if abs((dates[e] - dates[k]).days) > NULL_GAP_DAYS)
        if far and len(uk_vectors[k]) and len(en_vectors[far[n % len(far)]]):
            null += list((uk_vectors[k] @ en_vectors[far[n % len(far)]].T).max(axis=1))
    threshold = float(np.quantile(null, null_quantile))
    aligned, documents = [], []
    for k in sorted(uk):
        best = None
        for e in sorted(en):
            if abs((dates[e] - dates[k]).days) > PAIR_DAYS or not len(uk_vectors[k]) or not len(en_vectors[e]):
                continue
            pairs = monotone_alignment(uk_vectors[k] @ en_vectors[e].T, threshold)
            if best is None or len(pairs) > len(best[1]):
                best = (e, pairs)
        if best is None or len(best[1]) < MIN_ALIGNED_SHARE * len(uk[k]):
            continue
        documents.append((k, best[0], len(best[1]), len(uk[k]), len(en[best[0]])))
        aligned += [(uk[k][i][1], uk[k][i][2], en[best[0]][j][1]) for i, j in best[1]]
    return {"threshold": threshold, "quantile": null_quantile, "documents": documents, "aligned": aligned}


def _g2(joint: int, lemma: int, kind: int, total: int) -> float:
    """Dunning's log-likelihood ratio of a 2x2 table (lemma present, type present)."""
    cells = ((joint, lemma * kind), (lemma - joint, lemma * (total - kind)),
             (kind - joint, (total - lemma) * kind), (total - lemma - kind + joint, (total - lemma) * (total - kind)))
    return 2 * sum(o * math.log(o * total / e) for o, e in cells if o > 0 and e > 0)


def hand_lexicon_words() -> tuple[set[str], tuple[str, ...]]:
    """Lemmas and stems any pattern of the hand lexicon uses."""
    lemmas, stems = set(), []
    for line in HAND_LEXICON.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        for item in line.split("\t")[1].split():
            for word in item.split("|"):
                (stems.append(word[:-1]) if word.endswith("~") else lemmas.add(word))
    return lemmas, tuple(stems)


def associations(aligned: list, min_precision: float) -> list[tuple[str, str, int, int, float, float, bool]]:
    """(type, lemma, joint count, lemma count, P(type|lemma), G2, is a noun) kept, best first."""
    total = len(aligned)
    lemma_count: Counter[str] = Counter()
    kind_count: Counter[str] = Counter()
    joint: Counter[tuple[str, str]] = Counter()
    noun_count: Counter[str] = Counter()
    for lemmas, nouns, kinds in aligned:
        lemma_count.update(lemmas)
        noun_count.update(nouns)
        kind_count.update(kinds)
        joint.update((k, lemma) for k in kinds for lemma in lemmas)
    known, stems = hand_lexicon_words()
    best: dict[str, tuple] = {}
    for (kind, lemma), n in joint.items():
        if n < MIN_JOINT or lemma in known or lemma.startswith(stems) or len(lemma) < 3:
            continue
        precision = n / lemma_count[lemma]
        g2 = _g2(n, lemma_count[lemma], kind_count[kind], total)
        if precision < min_precision or g2 < MIN_G2 or n / lemma_count[lemma] <= kind_count[kind] / total:
            continue
        row = (kind, lemma, n, lemma_count[lemma], precision, g2, noun_count[lemma] * 2 > lemma_count[lemma])
        if lemma not in best or g2 > best[lemma][5]:
            best[lemma] = row  # one type per lemma: the strongest association
    return sorted(best.values(), key=lambda r: -r[5])


HEADER = """# Ukrainian event triggers induced from parallel addresses (scripts/induce_triggers_uk.py; do not edit by hand).
#
# Same columns as events_ru_uk.tsv (type, pattern, language, flags), read beside it by extract/events/events_ru_uk.py,
# with the same flags and context checks. How it was made: Zelensky's video addresses in Ukrainian
# (transcripts via Amice13/resistinua) were paired with the English releases of president.gov.ua of the same
# day, sentences aligned with multilingual-e5-small (monotone, cosine >= {threshold:.3f}, the {quantile}
# quantile of unrelated pairs), the English trigger finder (extract/events/event_triggers.py) labelled each English
# sentence's event types, and a Ukrainian lemma was kept for type T when it met T in >= {joint} aligned pairs,
# P(T | lemma) >= {precision} and G2 >= {g2}, and the hand lexicon did not use it. Nouns carry the flag "noun".
# Gold articles (tests/data, shared data/dev) and their other-language counterparts were left out.
# Data: Office of the President of Ukraine, president.gov.ua, CC BY 4.0 (texts of the addresses and releases).
# Pairs used: {documents} documents, {sentences} aligned sentences.
"""


# Why the shipped file holds its rows commented out (measured 2026-12-04, scripts/induce_triggers_uk.py).
NOT_KEPT = """#
# NOT KEPT: with these rows active, Ukrainian event type F1 on the war_reports_dev tune half fell at every setting
# tried (0.769 rules alone; null quantile 0.99: 0.734 at --min-precision 0.5, 0.755 at 0.7, 0.762 at 0.9;
# 0.95: 0.762 at 0.7 and 0.9), with no recall gained there; sentence-level co-occurrence also picks the objects
# and settings of events (school, hospital, tank). (The report half rose 0.609 -> 0.627 with these rows, the
# internal file did not move; the threshold may not be chosen there.) The rows below are the candidates, for
# the record; the pipeline does not read them. Run the script with --keep to make them active.
"""


def write_lexicon(rows: list, data: dict, min_precision: float, path: Path = OUTPUT, keep: bool = False) -> None:
    """Write the induced rows (Ukrainian only) with a header saying how they were made; without ``keep``
    the rows are written commented out ("#- "), as candidates the pipeline does not read."""
    lines = [HEADER.format(threshold=data["threshold"], quantile=data["quantile"], joint=MIN_JOINT,
                           precision=min_precision, g2=MIN_G2, documents=len(data["documents"]),
                           sentences=len(data["aligned"]))]
    if not keep:
        lines.append(NOT_KEPT)
    for kind, lemma, n, total, precision, g2, noun in sorted(rows, key=lambda r: (r[0], r[1])):
        row = f"{kind}\t{lemma}\tuk\t{'noun' if noun else ''}".rstrip("\t")
        lines.append(f"{row}\n" if keep else f"#- {row}\t# {n}/{total} pairs, G2 {g2:.1f}\n")
    path.write_text("".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/data/corpus/articles.jsonl"))
    parser.add_argument("--gold-dir", type=Path, default=Path("/work/shared/data/dev"))
    parser.add_argument("--cache", type=Path, help="pickle of the aligned pairs (made once, then read)")
    parser.add_argument("--min-precision", type=float, default=DEFAULT_MIN_PRECISION)
    parser.add_argument("--null-quantile", type=float, default=NULL_QUANTILE)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--keep", action="store_true", help="write the rows active (see NOT_KEPT)")
    parser.add_argument("--table", action="store_true", help="print the kept entries with their counts")
    args = parser.parse_args(argv)
    if args.cache and args.cache.exists():
        analysed = pickle.loads(args.cache.read_bytes())
    else:
        uk_docs, en_docs, counts = usable_articles(args.corpus, args.gold_dir)
        print(f"leakage rule: {counts}", file=sys.stderr)
        analysed = analyse(uk_docs, en_docs)
        analysed["counts"] = counts
        if args.cache:
            args.cache.write_bytes(pickle.dumps(analysed))
    data = build_pairs(analysed, args.null_quantile)
    data["counts"] = analysed["counts"]
    print(f"threshold {data['threshold']:.3f}; {len(data['documents'])} document pairs; "
          f"{len(data['aligned'])} aligned sentences; {data.get('counts')}", file=sys.stderr)
    rows = associations(data["aligned"], args.min_precision)
    if args.table:
        for kind, lemma, n, total, precision, g2, noun in rows:
            print(f"{kind}\t{lemma}\t{n}/{total}\t{precision:.2f}\t{g2:.1f}\t{'noun' if noun else ''}")
    write_lexicon(rows, data, args.min_precision, args.output, args.keep)
    print(f"{len(rows)} entries -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
