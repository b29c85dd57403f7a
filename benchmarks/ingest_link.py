"""Ingest + link of distinct articles: this checkout against another one, in one run.

Cuts the corpus (shared/data/corpus/articles.jsonl where it exists, else the bundled
examples/corpus/articles.jsonl; English and Ukrainian) at sentence ends
into distinct passages of about 150 words, writes the first N as JSONL, and times
`claimledger ingest` and `claimledger link` on a fresh SQLite ledger, once with this checkout's
code and once with another checkout's (``--other``, e.g. a `git worktree` of the previous
release), alternating so that drift on the machine hits both alike. For this checkout it also
counts the claim texts the link run embedded and times the encoder on them alone, so the
encoder's sentences/s and its share of the link time are printed.

    git worktree add /tmp/before <commit>
    .venv/bin/python benchmarks/ingest_link.py --other /tmp/before --articles 2000
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The whole corpus of shared/ (422 articles, read in place) holds enough text for 2,000 passages;
# the bundled examples (98 articles) give about 580.
SHARED_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "articles.jsonl"
CORPUS = SHARED_CORPUS if SHARED_CORPUS.exists() else ROOT / "examples" / "corpus" / "articles.jsonl"
WORDS = 150
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def passages(limit: int) -> list[dict]:
    """Return up to ``limit`` distinct passages of about WORDS words from the corpus."""
    out, seen = [], set()
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        chunk: list[str] = []
        for sentence in _SENTENCE_END.split(article["text"]):
            chunk.append(sentence)
            if sum(len(s.split()) for s in chunk) >= WORDS:
                text = " ".join(chunk)
                chunk = []
                if text not in seen:
                    seen.add(text)
                    out.append({"id": f"{article['id']}-{len(out)}", "outlet": article["outlet"],
                                "url": article["url"], "published": article["published"],
                                "language": article["language"], "title": article["title"], "text": text})
                if len(out) >= limit:
                    return out
    return out


def run(src: Path, workdir: Path, data: Path) -> dict:
    """Time ingest and link with the code under ``src``; return seconds and counts."""
    db = workdir / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(src), "OMP_WAIT_POLICY": "passive"}
    times = {}
    for step, args in (("ingest", ["ingest", str(db), str(data)]), ("link", ["link", str(db)])):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimledger", *args], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[step] = time.perf_counter() - started
    with sqlite3.connect(db) as conn:
        tables = {row[0] for row in conn.execute("select name from sqlite_master where type='table'")}
        claims = conn.execute("select count(*) from claims").fetchone()[0]
        links = conn.execute("select count(*) from claim_links").fetchone()[0]
        embedded = conn.execute("select count(*) from claim_vectors").fetchone()[0] \
            if "claim_vectors" in tables else 0
        texts = [row[0] for row in conn.execute("select text from claims limit 300")]
    return {**times, "claims": claims, "links": links, "embedded": embedded, "sample": texts}


def encoder_rate(texts: list[str]) -> float:
    """Return the encoder's sentences/s on claim texts (after a warm-up)."""
    from claimledger.link.multilingual import embed_texts

    embed_texts(texts[:8])
    started = time.perf_counter()
    embed_texts(texts)
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--other", type=Path, help="Another checkout to compare with (its src/ is used).")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = work / "articles.jsonl"
        rows = passages(args.articles)
        data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        order = [("this", ROOT / "src")] + ([("other", args.other / "src")] if args.other else [])
        results = {name: run(src, work, data) for name, src in order}
        if args.other:  # the other order too, so drift hits both
            for name, src in reversed(order):
                again = run(src, work, data)
                for step in ("ingest", "link"):
                    results[name][step] = min(results[name][step], again[step])
    this = results["this"]
    this["encoder_per_s"] = encoder_rate(this.pop("sample"))
    this["encoder_share_of_link"] = this["embedded"] / this["encoder_per_s"] / this["link"]
    results.get("other", {}).pop("sample", None)
    summary = {"articles": len(rows), **results}
    if args.other:
        total = {name: results[name]["ingest"] + results[name]["link"] for name in results}
        summary["ratio_this_to_other"] = round(total["this"] / total["other"], 2)
    if args.json:
        print(json.dumps(summary, indent=1))
        return
    print(f"{len(rows)} distinct articles")
    for name, result in results.items():
        print(f"  {name:5s} ingest {result['ingest']:.1f} s, link {result['link']:.1f} s; "
              f"{result['claims']} claims, {result['links']} links, {result['embedded']} texts embedded")
    print(f"  encoder {this['encoder_per_s']:.1f} claim texts/s; about "
          f"{this['encoder_share_of_link']:.0%} of this checkout's link time")
    if args.other:
        print(f"  ingest + link, this / other: {summary['ratio_this_to_other']}x")


if __name__ == "__main__":
    main()
