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
