"""End-to-end throughput of rashomon against bare spaCy, in the same process, on the same documents.

    python benchmarks/throughput.py [--docs 200] [--corpus ../shared/data/muc4/processed/train.json] [--spacy-tagger]
                                    [--encoder]

Runs (1) bare ``nlp.pipe`` with the same model on the documents' texts and (2) rashomon's
``rashomon ingest`` path on the same documents written as a JSONL corpus: read + parse (in
batches) + extract + store into a fresh SQLite file, one transaction per document. Prints
words/second for both, the ratio (target >= 0.7), the peak traced (Python) memory of each
phase, and the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import resource
import json
import tempfile
import time
import tracemalloc
from pathlib import Path

from rashomon.engine.batch import ingest
from rashomon.engine.pipeline import Pipeline
from rashomon.ingest.sources import read_sources
from rashomon.models import Document
from rashomon.store.db import connect, session_factory

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "muc4" / "processed" / "train.json"


def load(path: Path, n: int) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["doctext"])
            if len(texts) >= n:
                break
    return texts


def _peak(run) -> int:
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--spacy-tagger", action="store_true",
                    help="run the cue tagger through spaCy's own pipe (attribution.FAST_TAGGER off), for paired runs")
    ap.add_argument("--no-parse-ahead", action="store_true",
                    help="parse each batch in the ingesting thread (engine.batch.ParseAhead off), for paired runs")
    ap.add_argument("--encoder", action="store_true",
                    help="the optional accurate pipeline: attribution cues from the fine-tuned span encoder")
    args = ap.parse_args()
    if args.encoder:
        from rashomon.nlp import encoder

        encoder.enable()
    if args.spacy_tagger:
        import rashomon.extract.attribution

        rashomon.extract.attribution.FAST_TAGGER = False
    records = load(args.corpus, args.docs)
    workdir = tempfile.TemporaryDirectory()
    corpus = Path(workdir.name) / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"text": t, "published": "1990-01-01"}) + "\n" for t in records),
                      encoding="utf-8")
    texts = [d.text for d in read_sources([str(corpus)]) if isinstance(d, Document)]  # as ingest reads them
    assert len(texts) == len(records), "a benchmark document was skipped"
    words = sum(len(t.split()) for t in texts)
    pipeline = Pipeline()
    nlp = pipeline.nlp
    list(nlp.pipe(texts[:5]))  # warm up both paths: the model, and rashomon's lazily loaded data
    list(pipeline.analyze_batch([Document(id="warm", text=texts[0], published="1990-01-01")]))

    def bare_run() -> None:
        for _ in nlp.pipe(texts, batch_size=pipeline.batch_size):
            pass

    def full_run() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            sessions = session_factory(connect(f"sqlite:///{tmp}/bench.db"))
            result = ingest([str(corpus)], sessions, pipeline, parse_ahead=not args.no_parse_ahead)
            assert len(result.ingested) == len(texts) and result.ok

    # time without tracemalloc (it slows Python code far more than spaCy's compiled code) ...
    t0 = time.perf_counter()
    bare_run()
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    full_run()
    full = time.perf_counter() - t0
    # ... then measure peak traced memory in separate runs
    bare_peak = _peak(bare_run)
    full_peak = _peak(full_run)

    print(f"documents: {len(texts)}, words: {words}")
    print(f"bare spaCy nlp.pipe : {words / bare:9.0f} words/s   peak {bare_peak / 1e6:7.1f} MB")
    print(f"rashomon ingest     : {words / full:9.0f} words/s   peak {full_peak / 1e6:7.1f} MB  (read + parse + extract + store)")
    print(f"ratio (rashomon / bare spaCy): {bare / full:.2f}  (target >= 0.70)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"process max RSS (model, gazetteers, both runs): {rss:.0f} MB")


if __name__ == "__main__":
    main()
