"""Time per new document for clustering, figures and contradictions at 1k and 10k stored documents.

Stores are filled with synthetic analyses derived from MUC-4 train texts (dateline date and place,
an incident typed from the text, a victim figure, a statement), inserted directly through the
repository (no spaCy) and linked with ``update_store`` as they arrive; then N probe documents are
added one at a time through ``update_store`` and timed.

Fair comparison: a real archive grows over time, so the documents of a store are spread over a
time range proportional to its size (:data:`DOCS_PER_DAY` documents a day: 1k documents cover
about a year, 10k about ten years) and the probes are the newest reports (dated within the last
month of the archive). The number of stored reports per day — what the date-window blocking sees —
is then the same at both sizes. Prints the mean time per probe (fastest 90 %) at each size and
the ratio (goal <= 1.5).

    python benchmarks/crossdoc_scaling.py [--sizes 1000 10000] [--probes 30] [--profile]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date
from pathlib import Path

from rashomon.models import Analysis, Document, Event, Figure, Place, Span, Statement, Timex
from rashomon.resolve.crossdoc import update_store
from rashomon.store.db import connect, session_factory
from rashomon.store.repository import save_analysis

ROOT = Path(__file__).resolve().parents[1]
TYPES = [("bomb", "bombing"), ("kidnap", "kidnapping"), ("murder", "armed_assault"), ("attack", "attack"), ("burn", "arson")]
PLACES = [("SAN SALVADOR", "SV"), ("BOGOTA", "CO"), ("LIMA", "PE"), ("MEDELLIN", "CO"), ("SANTIAGO", "CL"), ("LA PAZ", "BO")]
START = date(1988, 1, 1).toordinal()
DOCS_PER_DAY = 2.75  # about 1,000 reports a year
RECENT_DAYS = 30  # probes are the newest reports of the archive


def texts() -> list[str]:
    try:
        from rashomon.eval import muc4_keys as mk

        root = mk.default_root()
        docs = mk.load_texts(root)
        out = [d.get("text", "") for k, d in sorted(docs.items()) if k.startswith("DEV")]
        if out:
            return out
    except Exception:  # noqa: BLE001 - fall back to generated text
        pass
    return [f"GUERRILLAS ATTACKED A POLICE POST IN TOWN {i}. {i % 40} PEOPLE WERE KILLED." for i in range(1000)]


def synthetic(i: int, text: str, rng: random.Random, day: int) -> Analysis:
    text = (text or "x")[:1500]
    low = text.lower()
    etype = next((t for w, t in TYPES if w in low), "attack")
    city, cc = PLACES[rng.randrange(len(PLACES))]
    iso = date.fromordinal(day).isoformat()
    sp = Span(0, min(5, len(text)), text[:min(5, len(text))])
    ev = Event(type=etype, trigger=sp, sentence=Span.of(text, 0, min(80, len(text))), types=[etype],
               date=Timex(sp, "DATE", iso), place=Place(sp, city.title(), cc, city=city.title()),
               figures=[Figure("killed", rng.randrange(1, 60), sp, date=Timex(sp, "DATE", iso))])
    st = Statement(cue=sp, content=Span.of(text, 0, min(120, len(text))), source=sp, speaker="police",
                   speaker_kind="government", type=rng.choice(["accusation", "denial", "other"]), target=sp)
    doc = Document(id=f"syn{i:06d}", text=text, published=iso, source="synthetic")
    return Analysis(document=doc, events=[ev], statements=[st])


def run(size: int, probes: int, corpus: list[str], profile: bool = False) -> float:
    rng = random.Random(size)
    days = max(RECENT_DAYS, round(size / DOCS_PER_DAY))
    with tempfile.TemporaryDirectory() as tmp:
        sessions = session_factory(connect(f"sqlite:///{tmp}/bench.sqlite"))
        with sessions.begin() as s:
            for i in range(size):
                save_analysis(s, synthetic(i, corpus[i % len(corpus)], rng, START + rng.randrange(days)))
                update_store(s, f"syn{i:06d}")
        times = []
        prof = None
        if profile:
            import cProfile

            prof = cProfile.Profile()
        for j in range(probes):
            day = START + days - 1 - rng.randrange(RECENT_DAYS)
            an = synthetic(10**6 + j, corpus[(size + j * 7919) % len(corpus)], rng, day)
            with sessions.begin() as s:
                save_analysis(s, an)
                if prof:
                    prof.enable()
                t0 = time.perf_counter()
                update_store(s, an.document.id)
                times.append(time.perf_counter() - t0)
                if prof:
                    prof.disable()
        if prof:
            import pstats

            print(f"--- profile, store {size}")
            pstats.Stats(prof).sort_stats("cumulative").print_stats(45)
    times.sort()
    keep = max(1, int(len(times) * 0.9))
    return sum(times[:keep]) / keep


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs=2, default=[1000, 10000])
    ap.add_argument("--probes", type=int, default=30)
    ap.add_argument("--profile", action="store_true", help="cProfile the probes (both sizes; times include the profiler)")
    a = ap.parse_args()
    corpus = texts()
    small = run(a.sizes[0], a.probes, corpus, profile=a.profile)
    large = run(a.sizes[1], a.probes, corpus, profile=a.profile)
    print(f"store {a.sizes[0]}: {small * 1000:.1f} ms/doc; store {a.sizes[1]}: {large * 1000:.1f} ms/doc; "
          f"ratio {large / small:.2f} (goal <= 1.5)")


if __name__ == "__main__":
    main()
