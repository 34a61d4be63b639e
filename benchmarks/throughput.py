"""End-to-end throughput of rashomon against bare spaCy, in the same process, on the same documents.

    python benchmarks/throughput.py [--docs 200] [--corpus ../shared/data/muc4/processed/train.json] [--spacy-tagger]
                                    [--encoder] [--parse-ahead process|thread|off]

Runs (1) bare ``nlp.pipe`` with the same model on the documents' texts and (2) rashomon's
``rashomon ingest`` path on the same documents written as a JSONL corpus: read + parse (in
batches) + extract + store into a fresh SQLite file, one transaction per document. Prints
words/second for both, the ratio (target >= 0.7), the peak traced (Python) memory of each
phase, and the process's maximum resident set size.

Ingest parses one batch ahead in a worker (``rashomon.engine.parse_ahead``: a forked process on
Linux), so its wall time counts two cores where bare spaCy uses one. The CPU ratio (bare spaCy's
CPU seconds over ingest's, its worker's included) is printed beside it: the work rashomon adds,
whichever the cores it runs on.
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


def _cpu_now() -> float:
    """User + system CPU seconds so far: this process's and its finished child processes'."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--spacy-tagger", action="store_true",
                    help="run the cue tagger through spaCy's own pipe (attribution.FAST_TAGGER off), for paired runs")
    ap.add_argument("--parse-ahead", choices=["process", "thread", "off"], default=None,
                    help="the parse-ahead worker (engine.parse_ahead; default: ingest's own choice), for paired runs")
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
            result = ingest([str(corpus)], sessions, pipeline,
                            parse_ahead=True if args.parse_ahead is None else (args.parse_ahead != "off" and args.parse_ahead))
            assert len(result.ingested) == len(texts) and result.ok

    # time without tracemalloc (it slows Python code far more than spaCy's compiled code) ...
    t0, c0 = time.perf_counter(), _cpu_now()
    bare_run()
    bare, bare_cpu = time.perf_counter() - t0, _cpu_now() - c0
    t0, c0 = time.perf_counter(), _cpu_now()
    full_run()
    full, full_cpu = time.perf_counter() - t0, _cpu_now() - c0
    # ... then measure peak traced memory in separate runs
    bare_peak = _peak(bare_run)
    full_peak = _peak(full_run)

    print(f"documents: {len(texts)}, words: {words}")
    print(f"bare spaCy nlp.pipe : {words / bare:9.0f} words/s   peak {bare_peak / 1e6:7.1f} MB")
    print(f"rashomon ingest     : {words / full:9.0f} words/s   peak {full_peak / 1e6:7.1f} MB  (read + parse + extract + store)")
    print(f"ratio (rashomon / bare spaCy): {bare / full:.2f}  (target >= 0.70)")
    print(f"CPU ratio (bare spaCy CPU s / ingest CPU s, parse-ahead worker included): {bare_cpu / full_cpu:.2f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"process max RSS (model, gazetteers, both runs): {rss:.0f} MB")
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if child:
        print(f"parse-ahead worker process max RSS (shares the model's pages with this process until written): {child:.0f} MB")


if __name__ == "__main__":
    main()
