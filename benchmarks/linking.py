"""Linking time against ledger size: blocking keeps it close to linear (not a test).

Synthetic but realistic claims: places drawn Zipf-like from the real settlements of the packaged
gazetteer's Ukrainian oblasts, event types weighted as in war reporting, dates over two years,
a few hundred speakers and the registry's outlets, and one claim in five a wire re-print of an
earlier one (same text, another outlet). For each size it times ``link_claims`` (all claims new,
as a first ``claimledger link``), an incremental run (100 new claims against the rest) and
``build_stories``, and prints the candidate pairs compared; time per claim should stay about flat.
Blocking, the full link and the stories are also timed in CPU seconds of this process
(``*_cpu_s``), which a busy machine disturbs less than wall time.

Pairs that blocking lets through and copied wording does not settle are labelled by the relation
classifier over sentence vectors of the claims' texts. A ledger embeds each distinct text once and
keeps its vector (claim_vectors.py), so the time spent embedding is timed apart (``embed_s``, the
texts embedded) and ``pairing_s`` is the rest of ``link_s``; the incremental run reuses the kept
vectors as a ledger would. ``--vectors hashed`` replaces the encoder (about 30 ms a text on this
machine) by feature-hashed bag-of-words vectors, to time the linking itself at sizes where embedding
every text would take most of an hour; the links then differ from the encoder's, not the pairs.

    .venv/bin/python benchmarks/linking.py                  # 1,000 / 3,000 / 10,000 claims
    .venv/bin/python benchmarks/linking.py --sizes 1000 30000 --json
    .venv/bin/python benchmarks/linking.py --sizes 10000 100000 --vectors hashed --json
"""
from __future__ import annotations

import argparse
import json
import random
import time
import zlib
from collections.abc import Callable, Sequence
from datetime import date, timedelta

import numpy as np

from claimledger.link.claim_links import link_claims
from claimledger.link.claim_vectors import claim_vectors
from claimledger.link.blocking import find_candidates
from claimledger.link.matching import LinkClaim, LinkEvent
from claimledger.link.relations import tokenize
from claimledger.link.multilingual import DIM
from claimledger.link.stories import build_stories

TYPES = {"strike": 30, "clash": 20, "territory_control": 12, "attack_repelled": 10, "casualties": 10,
         "evacuation": 5, "negotiation": 5, "withdrawal": 3, "security_zone": 2, "other": 3}
VERBS = {"strike": "struck", "clash": "fought near", "territory_control": "took control of",
         "attack_repelled": "repelled an assault on", "casualties": "killed civilians in",
         "evacuation": "evacuated residents of", "negotiation": "discussed", "withdrawal": "withdrew from",
         "security_zone": "set up a buffer zone near", "other": "reported on"}
SIDES = ["russia_official", "russia_state_media", "ukraine_official", "ukraine_media", "independent",
         "international"]
OUTLETS = ["TASS", "RIA Novosti", "RT", "Ukrinform", "Ukrainska Pravda", "Suspilne", "Reuters",
           "Associated Press", "Meduza", "Kyiv Independent"]
# Words for the rest of a claim's sentence, so that claims differ as real ones do.
WORDS = ("the army units drones artillery shelling residential buildings damaged according "
         "regional governor officials morning night positions near border enemy troops losses "
         "several civilians wounded infrastructure energy power lines school hospital bridge road "
         "village town district front line advance attempts assault group tanks vehicles "
         "destroyed reported confirmed claimed statement ministry defence general staff command "
         "brigade battalion operation offensive defensive fortifications trenches mines river "
         "forest heights railway station depot warehouse fuel ammunition air defence missiles "
         "intercepted launched overnight drills exchange prisoners talks humanitarian corridor").split()
START = date(2023, 1, 1)
N_PLACES = 600  # settlements in play; the busiest take most reports (Zipf-like)
SPAN_DAYS = 730  # the two years the claims are dated over
DENSITY_CLAIMS = 10_000  # with --constant-density, claims per SPAN_DAYS at every size


def load_places(n: int) -> list[tuple[str, str]]:
    """Return (ref, name) of n real Ukrainian settlements from the packaged gazetteer."""
    from claimledger.extract.places.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    found = []
    for entry in gazetteer.entries:
        if entry.place_level == "settlement" and entry.id.startswith("UA"):
            found.append((entry.id.lower(), entry.name))
            if len(found) == n:
                break
    return found or [(f"ua{i:017d}", f"Settlement {i}") for i in range(n)]


def make_claims(n: int, places: list[tuple[str, str]], seed: int = 7, span_days: int = SPAN_DAYS
                ) -> list[LinkClaim]:
    """Return n synthetic link claims dated over ``span_days``, one in five a re-print of an earlier claim."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(places))]
    types, type_weights = list(TYPES), list(TYPES.values())
    claims: list[LinkClaim] = []
    for i in range(n):
        if claims and rng.random() < 0.2:  # a wire re-print: same text and event, another outlet
            original = rng.choice(claims[-200:])
            claims.append(LinkClaim(**{**original.__dict__, "article_id": f"art{i}",
                                       "outlet": rng.choice(OUTLETS)}))
            continue
        ref, name = rng.choices(places, weights)[0]
        type_ = rng.choices(types, type_weights)[0]
        day = (START + timedelta(days=rng.randrange(span_days))).isoformat()
        speaker = f"speaker {rng.randrange(300)}"
        detail = " ".join(rng.choices(WORDS, k=rng.randrange(6, 18)))
        text = f"{speaker} said that forces {VERBS[type_]} {name} on {day}; {detail}"
        claims.append(LinkClaim(
            article_id=f"art{i}", ord=0, text=text, outlet=rng.choice(OUTLETS),
            side=rng.choice(SIDES), language="en", published=day, date_start=day, date_end=day,
            speaker=speaker, types=(type_,), places=(ref,), place_names=(name,),
            source_key=f"speaker:{speaker}", tokens=tuple(tokenize(text)),
            events=(LinkEvent(type_, (ref,), day, day),), place_labels=((ref, name),)))
    return claims


def hashed_vectors(texts: Sequence[str]) -> dict[str, np.ndarray]:
    """Return a unit vector per text: its words hashed into DIM signed buckets (a stand-in for
    the encoder that costs microseconds; texts sharing words get close vectors)."""
    found = {}
    for text in dict.fromkeys(texts):
        row = np.zeros(DIM, dtype=np.float32)
        for word in tokenize(text):
            bucket = zlib.crc32(word.encode("utf-8"))
            row[bucket % DIM] += 1.0 if bucket & 1 << 20 else -1.0
        norm = float(np.linalg.norm(row))
        found[text] = row / norm if norm else row
    return found


class KeptVectors:
    """A ``vectors`` function for link_claims that keeps every text's vector, as a ledger does,
    and counts the texts it embedded and the seconds it took."""

    def __init__(self, embed: Callable[[Sequence[str]], dict[str, np.ndarray]]) -> None:
        self.embed, self.kept, self.seconds, self.embedded = embed, {}, 0.0, 0

    def __call__(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        missing = [text for text in dict.fromkeys(texts) if text not in self.kept]
        started = time.perf_counter()
        self.kept.update(self.embed(missing) if missing else {})
        self.seconds += time.perf_counter() - started
        self.embedded += len(missing)
        return {text: self.kept[text] for text in texts}


VECTORS = {"encoder": claim_vectors, "hashed": hashed_vectors}


def measure(n: int, places: list[tuple[str, str]], embed: str = "encoder", constant_density: bool = False) -> dict:
    """Return the blocking, linking (embedding apart), incremental and story times of n claims: over
    SPAN_DAYS whatever n (the ledger grows denser), or with ``constant_density`` over a span that grows
    with n (SPAN_DAYS per DENSITY_CLAIMS claims: a ledger that grows by taking in later reports)."""
    span_days = max(SPAN_DAYS, SPAN_DAYS * n // DENSITY_CLAIMS) if constant_density else SPAN_DAYS
    claims = make_claims(n, places, span_days=span_days)
    vectors = KeptVectors(VECTORS[embed])
    started, cpu = time.perf_counter(), time.process_time()
    candidates = sum(1 for _ in find_candidates(claims))
    blocking, blocking_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    links = link_claims(claims, vectors=vectors)
    full, full_cpu = time.perf_counter() - started, time.process_time() - cpu
    embed_s, embedded = vectors.seconds, vectors.embedded
    new = {c.key for c in claims[-100:]}
    started = time.perf_counter()
    link_claims(claims, new, vectors=vectors)
    incremental = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    stories = build_stories(claims, links)
    story_time, story_cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"claims": n, "span_days": span_days, "candidate_pairs": candidates, "all_pairs": n * (n - 1) // 2,
            "pairs_per_claim": round(candidates / n, 2),
            "links": len(links), "stories": len(stories), "blocking_s": round(blocking, 2),
            "link_s": round(full, 2), "link_ms_per_claim": round(1000 * full / n, 3),
            "blocking_cpu_s": round(blocking_cpu, 2), "link_cpu_s": round(full_cpu, 2),
            "vectors": embed, "texts_embedded": embedded, "embed_s": round(embed_s, 2),
            "pairing_s": round(full - embed_s, 2),
            "pairing_ms_per_claim": round(1000 * (full - embed_s) / n, 3),
            "incremental_100_s": round(incremental, 2), "stories_s": round(story_time, 2),
            "stories_cpu_s": round(story_cpu, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    parser.add_argument("--json", action="store_true", help="print one JSON object per size")
    parser.add_argument("--constant-density", action="store_true",
                        help=f"date the claims over a span growing with the size ({SPAN_DAYS} days per "
                             f"{DENSITY_CLAIMS:,} claims) instead of {SPAN_DAYS} days at every size")
    parser.add_argument("--vectors", choices=sorted(VECTORS), default="encoder",
                        help="the sentence encoder (default) or hashed words (linking alone)")
    args = parser.parse_args()
    places = load_places(N_PLACES)
    for n in args.sizes:
        result = measure(n, places, args.vectors, args.constant_density)
        if args.json:
            print(json.dumps(result))
        else:
            print(f"{n:>7} claims: {result['candidate_pairs']:>9} candidate pairs "
                  f"(of {result['all_pairs']}), {result['links']:>7} links, {result['stories']:>6} stories; "
                  f"link {result['link_s']:.2f} s ({result['link_ms_per_claim']:.3f} ms/claim; embedding "
                  f"{result['texts_embedded']} texts {result['embed_s']:.2f} s, the rest "
                  f"{result['pairing_ms_per_claim']:.3f} ms/claim), "
                  f"100 new {result['incremental_100_s']:.2f} s, stories {result['stories_s']:.2f} s")


if __name__ == "__main__":
    main()
