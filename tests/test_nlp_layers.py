"""rashomon.TensorTok2Vec.v1: token vectors on the main model's doc.tensor (an optional cue-tagger input)."""

from __future__ import annotations

import numpy
import pytest
from spacy.tokens import Doc

from rashomon.extract.attribution import tagger_input
from rashomon.nlp.layers import tensor_tok2vec
from rashomon.nlp.model import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_vectors_follow_the_tensor_and_the_parse(nlp):
    doc = nlp("The ministry said on Tuesday that the convoy had been ambushed near the border.")
    width = doc.tensor.shape[1]
    model = tensor_tok2vec(tensor_width=width, width=32, attrs=["LEMMA", "DEP"], rows=[500, 50],
                           embed_width=16, depth=1)
    copy = tagger_input(doc, nlp.vocab, width)
    model.initialize(X=[copy])
    (out,) = model.predict([copy])
    assert out.shape == (len(doc), 32)
    shifted = tagger_input(doc, nlp.vocab, width)
    shifted.tensor = shifted.tensor + 1.0  # other token vectors from the main model -> other output
    (out2,) = model.predict([shifted])
    assert not numpy.allclose(out, out2)


def test_a_doc_without_tensor_gets_the_main_models(nlp):
    doc = nlp("Police said two men were arrested.")
    width = doc.tensor.shape[1]
    bare = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])  # no tensor
    copy = tagger_input(bare, nlp.vocab, width)
    assert copy.tensor.shape == (len(doc), width)
    assert numpy.allclose(copy.tensor, doc.tensor, atol=1e-5)


def test_a_wrong_tensor_is_refused(nlp):
    doc = nlp("He said so.")
    model = tensor_tok2vec(tensor_width=7, width=8, attrs=["LEMMA"], rows=[50], embed_width=4, depth=0)
    with pytest.raises(ValueError, match="doc.tensor"):
        model.initialize(X=[doc])
