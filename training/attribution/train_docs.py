"""PolNeAR train articles for the attribution training scripts, parsed once.

``train_docs(nlp, polnear, docbin)`` returns the documents (``list_documents`` order), their texts
and their spaCy parses: read from ``docbin`` (a DocBin of the train texts in sorted order, parsed by
``load_nlp()``) when given, else parsed now.
"""

from __future__ import annotations

from pathlib import Path

from rashomon.eval.polnear import list_documents


def train_docs(nlp, polnear: str | Path, docbin: str | None = None) -> tuple[list, list[str], list]:
    docs = list_documents(Path(polnear) / "train")
    texts = [txt.read_text(encoding="utf-8") for _, txt, _ in docs]
    if docbin:
        from spacy.tokens import DocBin

        parsed = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
        assert [d.text for d in parsed] == texts, "the DocBin does not hold the train texts in sorted order"
    else:
        parsed = list(nlp.pipe(texts, batch_size=16))
    return docs, texts, parsed


def _apply_switches() -> None:
    """``ATTR_SWITCHES="ADJ_CANDIDATES=0,NEST_MIN_SCORE=0.7"``: override module switches of
    ``rashomon.extract.attribution`` in every training script (for held-out comparisons)."""
    import os

    spec = os.environ.get("ATTR_SWITCHES", "").strip()
    if not spec:
        return
    import rashomon.extract.attribution as A

    for item in spec.split(","):
        name, value = item.split("=")
        old = getattr(A, name.strip())
        if isinstance(old, str):
            setattr(A, name.strip(), value.strip())
            continue
        setattr(A, name.strip(), type(old)(float(value)) if not isinstance(old, bool) else value.strip() == "1")


_apply_switches()
