"""Reporting chains: nested attribution kept as the chain of relaying sources.

"Russian state media reported that the FSB head said ..." gives two statements; the inner one's
cue lies inside the outer one's content, so the inner statement's chain is the outer chain plus
the outer source (outermost first). A reader sees who first said it and who only relayed it.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from rashomon.store.schema import StatementRow


def chains_of(statements: list[dict]) -> dict[int, list[dict]]:
    """``{statement id: [relaying source span, ...]}`` for dicts with ``id, cue, content, source`` spans."""
    out: dict[int, list[dict]] = {}

    def outer_of(st):
        best = None
        for o in statements:
            if o is st or not o.get("source"):
                continue
            c = o["content"]
            if c["start"] <= st["cue"]["start"] and st["cue"]["end"] <= c["end"] and (c["end"] - c["start"]) > 0:
                if best is None or (c["end"] - c["start"]) < (best["content"]["end"] - best["content"]["start"]):
                    best = o
        return best

    for st in statements:
        chain, cur, seen = [], st, {st["id"]}
        while True:
            o = outer_of(cur)
            if o is None or o["id"] in seen:
                break
            seen.add(o["id"])
            chain.insert(0, {k: o["source"][k] for k in ("start", "end", "text")} | {"speaker": o.get("speaker")})
            cur = o
        if chain:
            out[st["id"]] = chain
    return out


def fill_chains(session: Session, doc_id: str) -> int:
    """Set ``statements.chain`` of a stored document where the extractor left it empty."""
    rows = list(session.execute(select(StatementRow).where(StatementRow.doc_id == doc_id)).scalars())
    dicts = [{"id": r.id, "speaker": r.speaker,
              "cue": {"start": r.cue_start, "end": r.cue_end},
              "content": {"start": r.content_start, "end": r.content_end},
              "source": {"start": r.source_start, "end": r.source_end, "text": r.source_text} if r.source_start is not None else None}
             for r in rows]
    chains = chains_of(dicts)
    n = 0
    for r in rows:
        if r.id in chains and not r.chain:
            r.chain = json.dumps(chains[r.id])
            n += 1
    session.flush()
    return n
