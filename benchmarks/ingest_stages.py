"""CPU seconds per stage of rashomon's ingest path, next to bare spaCy, on the same documents.

    python benchmarks/ingest_stages.py [--docs 100] [--runs 2] [--corpus ../shared/data/muc4/processed/train.json]
        [--spacy-tagger]

Runs what ``throughput.py`` runs (bare ``nlp.pipe``, then ``rashomon ingest`` of the same documents
into a fresh SQLite file) ``--runs`` times and prints the mean CPU time (``time.process_time``, so
less sensitive than wall time to other work on a shared machine) of the bare parse, of the parse
inside the ingest, and of each extraction stage and the store, timed by wrapping the stage
functions the pipeline calls. Stages overlap nothing, so "other" is the rest (reading, batching,
garbage collection, Python overhead); it can be slightly negative when a stage's library uses
more than one thread.
"""

from __future__ import annotations

import argparse
import collections
import json
import tempfile
import time
from pathlib import Path

import rashomon.engine.batch as batch
import rashomon.engine.pipeline as pipeline_module
from rashomon.models import Document
from rashomon.store.db import connect, session_factory

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "muc4" / "processed" / "train.json"
STAGES = ("tag_cues_batch", "tag_timexes", "find_places", "extract_figures", "extract_role_fillers",
          "extract_attributions", "resolve_speakers", "classify_statement", "statement_polarity", "statement_date",
          "extract_events", "linked_events", "add_responsibility", "tidy_roles", "add_reporters", "_physical_act")


def _timed(module, name: str, totals: collections.Counter) -> None:
    func = getattr(module, name)

    def wrapper(*args, **kwargs):
        t = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            totals[name] += time.process_time() - t

    setattr(module, name, wrapper)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--spacy-tagger", action="store_true",
                    help="run the cue tagger through spaCy's own pipe (attribution.FAST_TAGGER off), for paired runs")
    args = ap.parse_args()
    if args.spacy_tagger:
        import rashomon.extract.attribution

        rashomon.extract.attribution.FAST_TAGGER = False
    with args.corpus.open(encoding="utf-8") as f:
        texts = [json.loads(line)["doctext"] for _, line in zip(range(args.docs), f)]
    workdir = tempfile.TemporaryDirectory()
    corpus = Path(workdir.name) / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"text": t, "published": "1990-01-01"}) + "\n" for t in texts),
                      encoding="utf-8")
    totals: collections.Counter = collections.Counter()
    for name in STAGES:
        _timed(pipeline_module, name, totals)
    _timed(batch, "_store", totals)
    pipeline = pipeline_module.Pipeline()
    nlp = pipeline.nlp
    bare_pipe = nlp.pipe

    def timed_pipe(*args, **kwargs):
        docs = bare_pipe(*args, **kwargs)
        while True:
            t = time.process_time()
            try:
                doc = next(docs)
            except StopIteration:
                totals["spaCy parse (in ingest)"] += time.process_time() - t
                return
            totals["spaCy parse (in ingest)"] += time.process_time() - t
            yield doc

    list(bare_pipe(texts[:5]))  # warm up the model and rashomon's lazily loaded data
    list(pipeline.analyze_batch([Document(id="warm", text=texts[0], published="1990-01-01")]))
    totals.clear()
    bare = full = 0.0
    for run in range(args.runs):
        t = time.process_time()
        for _ in bare_pipe(texts, batch_size=pipeline.batch_size):
            pass
        bare += time.process_time() - t
        nlp.pipe = timed_pipe
        sessions = session_factory(connect(f"sqlite:///{workdir.name}/bench{run}.db"))
        t = time.process_time()
        batch.ingest([str(corpus)], sessions, pipeline, parse_ahead=False)  # (CPU per stage: one thread)
        full += time.process_time() - t
        nlp.pipe = bare_pipe
    n = args.runs
    print(f"{'bare spaCy nlp.pipe':28s} {bare / n:7.3f} s")
    for name, seconds in totals.most_common():
        print(f"{name.replace('_store', 'store'):28s} {seconds / n:7.3f} s")
    print(f"{'other':28s} {(full - sum(totals.values())) / n:7.3f} s")
    print(f"{'rashomon ingest (total)':28s} {full / n:7.3f} s   CPU ratio bare/ingest {bare / full:.2f}")


if __name__ == "__main__":
    main()
