"""Turn quoted-string annotations of corpus documents into gold records with offsets.

An annotator writes, per document, the attributions, places and events as quoted text (source, cue and
content; the place as written; the event trigger) in a YAML spec; this script finds each string in the
text (or the title), turns it into `[start, end)` offsets of the record format of DESIGN.md, looks up
KATOTTG codes and coordinates in the gazetteer, and writes one record per document.

Spec (a YAML list, one item per document)::

    - id: kremlin-en-67880          # corpus id in articles.jsonl
      excerpt: 1500                 # optional: keep the first paragraphs/sentences up to ~N characters
      excerpt_end: "last words."    # optional: or keep the text up to the end of this string
      excerpt_start: "First words"  # optional, with excerpt_end: start the excerpt here
      attributions:
        - {id: a1, s: "Vladimir Putin", c: "noted", x: "content text", k: indirect,
           sp: "Vladimir Putin", r: "President of Russia", p: null, h: []}
      places:                       # in text order; each is searched after the previous one
        - [Kiev, Kyiv, settlement]  # [as written, canonical name, level, optional ref or oblast hint]
      events:
        - {t: strike, tr: "shelling", ac: Russia, tg: null, pl: [Kyiv], q: null, w: 2022-03-01,
           by: a1, pol: asserted, mod: factual, note: "..."}
      title: {attributions: [...], places: [...], events: [...]}

Locating strings: `"left [[span]] right"` marks the span inside a longer unique context; a suffix `@n`
takes the n-th occurrence (1-based). Otherwise a string must be unique, except a source or cue, which
takes the occurrence nearest its content, and a trigger, which takes the occurrence inside (or nearest)
its claimant's content. Event places name places of the record by canonical name and become their refs
(or the name when the ref is null). Speaker defaults to the source text, kind to `indirect`.

Usage: python scripts/annotate_offsets.py SPEC.yaml [SPEC.yaml ...] --corpus ARTICLES.jsonl
       --gazetteer DIR --out OUT.jsonl [--note TEXT]
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

# Ukrainian oblast names (KATOTTG `name_uk` of category O) and their KMU-2010 English names.
OBLASTS_EN = {
    "Автономна Республіка Крим": "Crimea", "Вінницька": "Vinnytsia Oblast", "Волинська": "Volyn Oblast",
    "Дніпропетровська": "Dnipropetrovsk Oblast", "Донецька": "Donetsk Oblast", "Житомирська": "Zhytomyr Oblast",
    "Закарпатська": "Zakarpattia Oblast", "Запорізька": "Zaporizhzhia Oblast",
    "Івано-Франківська": "Ivano-Frankivsk Oblast", "Київська": "Kyiv Oblast",
    "Кіровоградська": "Kirovohrad Oblast", "Луганська": "Luhansk Oblast", "Львівська": "Lviv Oblast",
    "Миколаївська": "Mykolaiv Oblast", "Одеська": "Odesa Oblast", "Полтавська": "Poltava Oblast",
    "Рівненська": "Rivne Oblast", "Сумська": "Sumy Oblast", "Тернопільська": "Ternopil Oblast",
    "Харківська": "Kharkiv Oblast", "Херсонська": "Kherson Oblast", "Хмельницька": "Khmelnytskyi Oblast",
    "Черкаська": "Cherkasy Oblast", "Чернівецька": "Chernivtsi Oblast", "Чернігівська": "Chernihiv Oblast",
}
# Settlement categories in the order preferred when an English name is shared (city, urban-type, selyshche, village).
CATEGORY_ORDER = {"K": 0, "M": 1, "T": 2, "X": 3, "C": 4}


class SpecError(ValueError):
    """A spec string that cannot be placed in the text, or a place that cannot be resolved."""


def _occurrences(text: str, needle: str) -> list[int]:
    """Return the start of every (possibly overlapping) occurrence of `needle` in `text`."""
    found, start = [], text.find(needle)
    while start >= 0:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def locate(text: str, query: str, near: int | None = None, after: int | None = None, where: str = "",
           whole_word: bool = False) -> list[int]:
    """Return `[start, end)` of `query` in `text`: `[[...]]` context, `@n` occurrence, the first after `after`,
    nearest to `near`, or unique."""
    index = None
    match = re.fullmatch(r"(.*)@(\d+)", query, flags=re.S)
    if match:
        query, index = match.group(1), int(match.group(2))
    inner_start = 0
    if "[[" in query:
        left, rest = query.split("[[", 1)
        inner, right = rest.split("]]", 1)
        query, inner_start, inner_len = left + inner + right, len(left), len(inner)
    else:
        inner_len = len(query)
    hits = [h for h in _occurrences(text, query) if after is None or h >= after]
    if whole_word:  # a place never starts or ends inside a word ("Russia" in "Russian")
        hits = [h for h in hits if (h + inner_start == 0 or not text[h + inner_start - 1].isalnum())
                and (h + inner_start + inner_len >= len(text) or not text[h + inner_start + inner_len].isalnum())]
    if not hits:
        raise SpecError(f"{where}: not found: {query!r}")
    if index is not None:
        if index > len(hits):
            raise SpecError(f"{where}: only {len(hits)} occurrences of {query!r}")
        start = hits[index - 1]
    elif len(hits) == 1 or after is not None:
        start = hits[0]
    elif near is not None:
        start = min(hits, key=lambda h: abs(h + inner_start - near))
    else:
        raise SpecError(f"{where}: {len(hits)} occurrences of {query!r}; add [[context]] or @n")
    begin = start + inner_start
    return [begin, begin + inner_len]


class Gazetteer:
    """KATOTTG codes and coordinates of Ukrainian settlements and oblasts, by canonical English name."""

    def __init__(self, folder: Path) -> None:
        self.oblasts: dict[str, str] = {}
        with open(folder / "ua_katottg_2024-01-19.csv", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["category"] == "O" and row["name_uk"] in OBLASTS_EN:
                    self.oblasts[OBLASTS_EN[row["name_uk"]]] = row["katottg"]
        self.settlements: dict[str, list[dict[str, str]]] = {}
        with open(folder / "ua_settlements_joined.csv", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                self.settlements.setdefault(row["name_en_kmu2010"], []).append(row)
        self.by_code = {row["katottg"]: row for rows in self.settlements.values() for row in rows}

    def settlement(self, name: str, hint: str | None, where: str) -> dict[str, str]:
        """Return the settlement row for `name` (a KATOTTG code or oblast name in `hint` picks among homonyms)."""
        if hint and hint.startswith("UA"):
            return self.by_code[hint]
        rows = self.settlements.get(name, [])
        if hint:
            oblast_uk = {v: k for k, v in OBLASTS_EN.items()}.get(hint)
            rows = [r for r in rows if r["oblast_uk"] == oblast_uk or r["category"] == "K"]
        if not rows:
            raise SpecError(f"{where}: no settlement {name!r} (hint {hint!r})")
        rows = sorted(rows, key=lambda r: CATEGORY_ORDER.get(r["category"], 9))
        ranks = [CATEGORY_ORDER.get(row["category"], 9) for row in rows]
        if len(rows) > 1 and ranks[0] == ranks[1]:
            options = ", ".join(f"{r['katottg']} {r['category']} {r['raion_uk']} {r['oblast_uk']}" for r in rows[:6])
            raise SpecError(f"{where}: ambiguous settlement {name!r}: {options}")
        return rows[0]

    def place(self, text: str, span: list[int], item: list[Any], where: str) -> dict[str, Any]:
        """Return a place of the record format from `[as written, name, level, optional hint, lat, lon]`.

        The hint is a KATOTTG code or an oblast name (a Ukrainian settlement among homonyms), a `geonames:<id>`
        ref (then lat and lon follow), or `null` (no ref). A settlement name that the gazetteer does not hold
        and that has no hint is a foreign settlement: ref null.
        """
        name, level = item[1], item[2]
        hint = item[3] if len(item) > 3 and item[3] != "null" else None
        ref, lat, lon = None, None, None
        if hint and hint.startswith("geonames:"):
            ref = hint
            if len(item) > 5:
                lat, lon = float(item[4]), float(item[5])
        elif level == "settlement" and (hint or name in self.settlements):
            row = self.settlement(name, hint, where)
            ref = row["katottg"]
            if row["coord_precision"] == "settlement" and row["lat"]:
                lat, lon = float(row["lat"]), float(row["lon"])
        elif level == "oblast":
            ref = self.oblasts.get(name)
        return {"span": span, "text": text[span[0]:span[1]], "ref": ref, "name": name,
                "lat": lat, "lon": lon, "level": level}


def cut_excerpt(text: str, limit: int) -> str:
    """Return the first paragraphs (or sentences) of `text` up to about `limit` characters."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = head.rfind("\n")
    if cut < limit * 0.6:
        cut = max(head.rfind(". "), head.rfind("! "), head.rfind("? ")) + 1
    return text[:cut].rstrip()


def build_layers(text: str, spec: dict[str, Any], gazetteer: Gazetteer, where: str) -> dict[str, Any]:
    """Return `{attributions, places, events}` with offsets into `text` from one layer spec."""
    attributions, contents = [], {}
    for item in spec.get("attributions") or []:
        tag = f"{where} {item['id']}"
        content = locate(text, item["x"], where=tag + " content")
        contents[item["id"]] = content
        source = cue = None
        if item.get("s"):
            source = locate(text, item["s"], near=content[0], where=tag + " source", whole_word=True)
        if item.get("c"):
            cue = locate(text, item["c"], near=content[0], where=tag + " cue", whole_word=True)
        speaker = item.get("sp") or (text[source[0]:source[1]] if source else "unspecified")
        attributions.append({"id": item["id"], "source": source, "speaker": speaker, "speaker_role": item.get("r"),
                             "cue": cue, "content": content, "kind": item.get("k", "indirect"),
                             "parent": item.get("p"), "hedges": item.get("h") or []})
    places, cursor = [], 0
    for item in spec.get("places") or []:
        span = locate(text, item[0], after=cursor, where=f"{where} place", whole_word=True)
        cursor = span[0] + 1
        places.append(gazetteer.place(text, span, item, f"{where} place {item[0]!r}"))
    refs = {p["name"]: (p["ref"] or p["name"]) for p in places}
    events = []
    for item in spec.get("events") or []:
        tag = f"{where} event {item['tr']!r}"
        near = contents[item["by"]][0] if item.get("by") else None
        if item.get("by") and "@" not in item["tr"] and "[[" not in item["tr"]:
            lo, hi = contents[item["by"]]
            inside = [h for h in _occurrences(text, item["tr"]) if lo <= h < hi]
            if len(inside) == 1:  # the one occurrence inside its claimant's content
                trigger = [inside[0], inside[0] + len(item["tr"])]
            else:
                trigger = locate(text, item["tr"], near, where=tag)
        else:
            trigger = locate(text, item["tr"], near=near, where=tag)
        event = {"type": item["t"], "trigger": trigger, "actor": item.get("ac"), "target": item.get("tg"),
                 "places": [refs.get(name, name) for name in item.get("pl") or []],
                 "quantity": item.get("q"), "when": None if item.get("w") is None else str(item["w"]),
                 "claimed_by": item.get("by"), "polarity": item.get("pol", "asserted"),
                 "modality": item.get("mod", "factual")}
        if item.get("note"):
            event["note"] = item["note"]
        events.append(event)
    return {"attributions": attributions, "places": places, "events": events}


def outlet_label(article: dict[str, Any]) -> str:
    """Return the short outlet label the existing gold uses for a corpus outlet."""
    outlet = article["outlet"] or ""
    if outlet.startswith("Kremlin"):
        return "President of Russia (kremlin.ru)"
    if "president.gov.ua" in outlet and "republish" not in outlet and "copy" not in outlet:
        return "Office of the President of Ukraine (president.gov.ua)"
    return outlet


def build_record(spec: dict[str, Any], article: dict[str, Any], gazetteer: Gazetteer, note: str) -> dict[str, Any]:
    """Return one gold record (record format plus provenance, note and meta) from a document spec."""
    full = article["text"]
    text = cut_excerpt(full, spec["excerpt"]) if spec.get("excerpt") else full
    start = 0
    if spec.get("excerpt_start"):  # or start the excerpt at this (unique) string
        start = locate(full, spec["excerpt_start"], where=article["id"] + " excerpt_start")[0]
    if spec.get("excerpt_end"):  # keep the text up to the end of this (unique) string
        text = full[start:locate(full, spec["excerpt_end"], where=article["id"] + " excerpt_end")[1]]
    record = {"id": article["id"], "outlet": outlet_label(article), "url": article["url"],
              "published": article["published"], "language": article["language"], "title": article["title"],
              "text": text}
    record.update(build_layers(text, spec, gazetteer, article["id"]))
    title = article["title"] or ""
    record["title_layers"] = build_layers(title, spec.get("title") or {}, gazetteer, article["id"] + " title")
    record["provenance"] = {
        "corpus_id": article["id"], "corpus_outlet": article["outlet"], "licence": article["licence"],
        "source_repo": article["source_repo"], "source_path": article["source_path"],
        "source_commit": article["source_commit"], "text_complete": article["text_complete"] and text == full,
        "side": article["side"], "excerpt_offsets": [start, start + len(text)], "full_length": len(full)}
    record["note"] = note + (" " + spec["note"] if spec.get("note") else "")
    record["meta"] = {"side": article["side"], "tags": article.get("tags") or []}
    return record


def main(argv: list[str] | None = None) -> int:
    """Read specs and the corpus, write records in spec order with a `meta.split` alternating tune/report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="+", type=Path)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--gazetteer", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--note", default="Annotated by an automated agent (a language model) following the "
                        "annotation guide of data/dev/README.md, one pass, from the text alone.")
    args = parser.parse_args(argv)
    articles = {}
    with open(args.corpus, encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            articles[article["id"]] = article
    gazetteer = Gazetteer(args.gazetteer)
    records, failed = [], 0
    for path in args.specs:
        for spec in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            try:
                records.append(build_record(spec, articles[spec["id"]], gazetteer, args.note))
            except (SpecError, KeyError) as error:
                failed += 1
                print(f"error: {error}", file=sys.stderr)
    for number, record in enumerate(records):
        record["meta"]["split"] = "tune" if number % 2 == 0 else "report"
    with open(args.out, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} records written to {args.out}; {failed} failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
