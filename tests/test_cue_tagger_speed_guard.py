"""The fast cue tagger (``attribution._FastCueTagger``) finds exactly the cues of spaCy's own pipe.

``tag_cues_batch`` runs the shipped tagger's network and decoding directly on the parse; the
reference is ``tagger.pipe(tagger_input(doc))`` (``FAST_TAGGER = False``), the path the tagger was
trained and evaluated with.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import rashomon.extract.attribution as A
from rashomon.nlp.model import load_nlp

TEXTS = [
    "The interior minister said on Tuesday that the talks had failed, according to state radio.",
    "\u201cWe will not negotiate with them,\u201d the rebel commander told reporters in the capital.\n\n"
    "Police  said three people were killed. Witnesses   described a loud explosion near the market.",
    "Officials denied the report, calling it a fabrication. The army claimed responsibility for the raid.",
    "A spokesman for the ministry declined to comment. Analysts warned that prices could rise again, "
    "while the opposition accused the government of hiding the figures.",
    "Rain.",
    "   ",
    "Asked about the strike, the mayor's office said it was reviewing the footage and would \u2019ve acted "
    "sooner. \u201cIt's a tragedy,\u201d she added. Local media reported dozens of arrests.",
]


def _slow_cues(docs):
    tagger = A._cue_tagger()
    return [A.cue_spans(tagger(A.tagger_input(d, tagger.vocab))) if len(d) else [] for d in docs]


def _fast_cues(docs):
    for d in docs:
        d.user_data.pop("rashomon_tagged_cues", None)
    A.tag_cues_batch(docs)
    return [d.user_data.get("rashomon_tagged_cues", []) for d in docs]


@pytest.fixture(scope="module")
def nlp():
    if A._cue_tagger() is None:
        pytest.skip("no cue tagger shipped")
    return load_nlp()


def test_fast_tagger_is_used(nlp):
    # the shipped tagger must fit _FastCueTagger (otherwise it silently falls back to spaCy's slower pipe)
    assert A._fast(A._cue_tagger()) is not None


def test_same_cues_on_written_sentences(nlp):
    docs = list(nlp.pipe(TEXTS))
    fast = _fast_cues(docs)
    assert fast == _slow_cues(docs)
    said = next(t.i for t in docs[0] if t.text == "said")
    assert any(s <= said < e for s, e in fast[0]), "the tagger should mark 'said' as a cue"
    assert fast[5] == []  # whitespace only: no cue


def test_single_document_path_matches_batch(nlp):
    docs = list(nlp.pipe(TEXTS))
    batch = _fast_cues(docs)
    for d in docs:
        d.user_data.pop("rashomon_tagged_cues", None)
    assert [A.tagged_cues(d) for d in docs] == batch


def test_switch_off_gives_spacy_pipe(nlp, monkeypatch):
    docs = list(nlp.pipe(TEXTS))
    monkeypatch.setattr(A, "FAST_TAGGER", False)
    assert A._fast(A._cue_tagger()) is None
    assert _fast_cues(docs) == _slow_cues(docs)


def test_tagger_vocabulary_does_not_grow(nlp):
    tagger = A._cue_tagger()
    docs = list(nlp.pipe(["Zyxqwv Blorptown officials, quoting Frnakly, said the qqzzx bridge was shut."]))
    before = len(tagger.vocab)
    _fast_cues(docs)
    assert len(tagger.vocab) == before


def test_same_cues_on_polnear_dev_sample(nlp):
    dev = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "polnear" / "dev" / "text"
    if not dev.is_dir():
        pytest.skip("shared PolNeAR data missing")
    texts = [p.read_text(encoding="utf-8") for p in sorted(dev.iterdir())[:8]]
    docs = list(nlp.pipe(texts))
    fast = _fast_cues(docs)
    assert fast == _slow_cues(docs)
    assert sum(map(len, fast)) > 30


def test_unparsed_document_takes_spacy_pipe(nlp):
    doc = nlp.make_doc("The minister said the talks had failed. Police said two people died.")
    assert not doc.has_annotation("DEP")
    assert _fast_cues([doc]) == _slow_cues([doc])


def test_other_shapes_fall_back():
    import spacy

    other = spacy.blank("en")
    ner = other.add_pipe("ner", name="cue")
    ner.add_label("SPEAKER")
    other.initialize()
    with pytest.raises(ValueError):
        A._FastCueTagger(other)
    assert A._fast_cue_tagger(other) is None
