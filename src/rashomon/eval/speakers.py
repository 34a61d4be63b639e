"""Speaker-resolution evaluation on hand-annotated PolNeAR dev attributions.

Gold: ``tests/data/speakers_gold.jsonl``: attributions whose source is a pronoun or a role
noun ("he", "the senator", "the agency"), each with the entity it refers to and spans naming
that entity. A Statement is built from the gold source and cue (content: a dummy span at the
cue), ``resolve_speakers`` runs over all gold statements of a document at once, and the
predicted canonical speaker is compared with the gold entity.

Match: after normalisation (lower case, no possessive, no determiners, titles or
punctuation) the prediction equals the gold entity or the text of one gold mention, or its
words are a subset of the gold entity's words including the surname (last word)
("Trump" ~ "Donald Trump"), or contain all of them ("Sen. Ted Cruz" ~ "Ted Cruz").
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from rashomon.models import Span, Statement
from rashomon.resolve.speakers import resolve_speakers

REPO = Path(__file__).resolve().parents[3]
DEFAULT_GOLD = REPO / "tests" / "data" / "speakers_gold.jsonl"
POLNEAR_DEV = REPO / ".." / "shared" / "data" / "polnear" / "dev" / "text"
TITLES = {"mr", "mrs", "ms", "dr", "president", "sen", "senator", "gov", "governor", "rep", "the", "a", "an",
          "former", "secretary", "gen", "general", "mayor", "chancellor", "prime", "minister"}


def norm_words(name: str | None) -> list[str]:
    if not name:
        return []
    s = name.replace("’", "'").lower()
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s/-]", " ", s)
    return [w for w in s.split() if w not in TITLES]


def names_match(pred: str | None, gold_entity: str, mention_texts: list[str]) -> bool:
    p = norm_words(pred)
    if not p:
        return False
    g = norm_words(gold_entity)
    if p == g or any(p == norm_words(m) for m in mention_texts):
        return True
    if g and set(p) <= set(g) and p[-1] == g[-1]:
        return True
    return bool(g) and set(g) <= set(p)


def load_gold(path: str | Path | None = None) -> list[dict]:
    with open(path or DEFAULT_GOLD, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(path: str | Path | None = None, predictions_out: str | Path | None = None,
             limit: int | None = None, text_dir: str | Path | None = None, **_: object) -> dict:
    """Resolve every gold source and report accuracy overall and by mention kind."""
    from rashomon.nlp.model import load_nlp

    gold = load_gold(path)
    if limit:
        gold = gold[:limit]
    nlp = load_nlp()
    tdir = Path(text_dir) if text_dir else POLNEAR_DEV
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    total: Counter = Counter()
    ok: Counter = Counter()
    kinds: Counter = Counter()
    preds = []
    for stem, items in by_doc.items():
        text = (tdir / f"{stem}.txt").read_text(encoding="utf-8")
        doc = nlp(text)
        sts = []
        for g in items:
            s, e = g["source"]
            cs, ce = g["cue"]
            sts.append(Statement(cue=Span.of(text, cs, ce), content=Span.of(text, ce, ce), source=Span.of(text, s, e)))
        resolve_speakers(doc, sts)
        for g, st in zip(items, sts):
            mentions = [text[a:b] for a, b in g["gold_mentions"]]
            hit = names_match(st.speaker, g["gold_entity"], mentions)
            for k in ("all", g["kind"]):
                total[k] += 1
                ok[k] += hit
            kinds[st.speaker_kind] += 1
            preds.append({"doc": stem, "source": g["source"], "source_text": g["source_text"], "gold": g["gold_entity"],
                          "pred": st.speaker, "kind": st.speaker_kind, "correct": hit})
    metrics = {
        "n": total["all"],
        "accuracy": ok["all"] / total["all"] if total["all"] else 0.0,
        "by_mention": {k: {"n": total[k], "correct": ok[k], "accuracy": ok[k] / total[k]}
                       for k in ("pronoun", "role", "other") if total[k]},
        "speaker_kinds": dict(kinds),
        "docs": len(by_doc),
    }
    if predictions_out:
        with open(predictions_out, "w", encoding="utf-8") as f:
            for p in preds:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
    return metrics


def render(metrics: dict) -> str:
    lines = [f"speaker resolution: n={metrics['n']} in {metrics['docs']} docs  accuracy={metrics['accuracy']:.3f}",
             f"{'mention':<10}{'n':>5}{'correct':>9}{'acc':>8}"]
    for k, m in metrics["by_mention"].items():
        lines.append(f"{k:<10}{m['n']:>5}{m['correct']:>9}{m['accuracy']:>8.3f}")
    lines.append("predicted kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(metrics["speaker_kinds"].items(), key=str)))
    return "\n".join(lines)


if __name__ == "__main__":  # python -m rashomon.eval.speakers
    import sys

    print(render(evaluate(sys.argv[1] if len(sys.argv) > 1 else None, predictions_out="/tmp/speaker_preds.jsonl")))
