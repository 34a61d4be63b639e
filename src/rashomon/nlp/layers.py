"""Model layers of rashomon's own trained spaCy components.

``rashomon.TensorTok2Vec.v1`` builds a component's token vectors on top of the main pipeline's
``doc.tensor`` (the shared ``tok2vec`` output spaCy's tagger and parser already computed), plus a few
small hash embeddings (e.g. the parse's TAG and DEP), instead of a second full CNN over the text.
The main model's tensor is read, never trained (no gradient flows back into it).
"""

from __future__ import annotations

from typing import Callable

from spacy.ml.models.tok2vec import MaxoutWindowEncoder, MultiHashEmbed
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d


def doc_tensor(width: int) -> Model[list[Doc], list[Floats2d]]:
    """The per-token rows of ``doc.tensor`` (``width`` columns), as a frozen input layer."""
    return Model("doc_tensor", _tensor_forward, dims={"nO": width})


def _tensor_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Floats2d], Callable]:
    width = model.get_dim("nO")
    out = []
    for doc in docs:
        tensor = doc.tensor
        if tensor is None or tensor.shape != (len(doc), width):
            raise ValueError(f"doc.tensor has shape {getattr(tensor, 'shape', None)}, expected "
                             f"({len(doc)}, {width}): run the main model's tok2vec on the Doc first")
        out.append(model.ops.asarray2f(tensor))

    def backprop(d_out: list[Floats2d]) -> list[Doc]:
        return []

    return out, backprop


@registry.architectures("rashomon.TensorTok2Vec.v1")
def tensor_tok2vec(tensor_width: int, width: int, attrs: list[str], rows: list[int], embed_width: int,
                   depth: int, window_size: int = 1, maxout_pieces: int = 3) -> Model[list[Doc], list[Floats2d]]:
    """Token vectors: ``doc.tensor`` concatenated with hash embeddings of ``attrs``, mixed to ``width``
    by a maxout layer, then ``depth`` residual window-CNN layers (none when ``depth`` is 0)."""
    embed = MultiHashEmbed(width=embed_width, attrs=attrs, rows=rows, include_static_vectors=False)
    layers = [concatenate(doc_tensor(tensor_width), embed),
              with_array(Maxout(width, tensor_width + embed_width, nP=maxout_pieces, normalize=True))]
    if depth:
        layers.append(MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=maxout_pieces,
                                          depth=depth))
    model = chain(*layers)
    model.set_dim("nO", width)
    return model
