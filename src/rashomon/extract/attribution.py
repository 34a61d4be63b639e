"""Attribution extraction: who (source) said/thought what (content), signalled how (cue).

Dependency-parse candidates over a spaCy ``Doc`` of the whole document, scored
by a model learned on PolNeAR train:

* cue candidates: verbs with a complement (or a passive subject), copular
  adjectives with a complement ("are skeptical of"), "according to"-style phrases, nouns
  with a content clause or object, line-initial ``Name:`` colons, and the cues
  of a trained token-level tagger (``data/attribution/cue_tagger``, a small
  spaCy ``ner`` labelled CUE run on a copy of the parse) that no rule proposes;
* scoring: logistic model over candidate features, tagger agreement included
  (``data/attribution/cue_model.json``),
  then vetoes for look-alikes (self-naming, released footage, physical signs,
  sourceless intentions, demonstrative sources: ``cues.json`` ``not_cues``);
* cue span: learned boundary steps (``data/attribution/boundaries.json``; for nouns,
  their left modifiers), or the tagger's span when it covers the candidate's head;
* source: the cue's subject (inherited through ``conj``/``xcomp``/``advcl``,
  gerund phrases and participles), a passive ``by`` agent, the object of
  "according to", a possessor;
* content: clausal complement, infinitive, object (+ its prepositional
  complements), or the clause the cue is parenthetical to; extended to whole
  quotations, and to quoted sentences that continue a direct quote;
* learned boundary steps (``data/attribution/content_bounds.json``, a logistic
  model): raised subjects, leading "that"/"to", trailing adjuncts cut from the
  content and the source, following clauses and resumed quotations added;
* only outermost attributions are kept (PolNeAR annotates no nesting), except a
  quoting cue under a cue inside the quotation, and a trailing sibling cue verb
  of the same source ("..., noting that ..."), which ends the outer content;
* post-steps: sentence-final reporting clauses ("<clause>, police and medics
  said."), a claim's ", saying ..." clause as its content, the outer source for
  a cue conjoined after another's content; casualty figures given by a source
  ("put the death toll at 12") are kept whatever the model scores.

Public API: :func:`extract_attributions`. Training: ``training/attribution/``.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from dataclasses import dataclass, field, replace
from importlib import resources

import numpy
from spacy import parts_of_speech
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS, SPACY, TAG
from spacy.tokens import Doc, Token

from rashomon.data import load_json
from rashomon.extract.incident_words import is_incident_noun, is_trigger_word
from rashomon.models import Span, Statement
from rashomon.nlp.layout import correction_line, in_fact_label, names_an_earlier_version
from rashomon.nlp.model import doc_text
from rashomon.nlp import encoder


# --------------------------------------------------------------------------- lexicon


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict:
    raw = resources.files("rashomon.data").joinpath("attribution/cues.json").read_text("utf-8")
    data = json.loads(raw)
    verbs = set()
    for words in data["verbs"].values():
        verbs.update(words)
    data["verb_set"] = frozenset(verbs)
    data["noun_set"] = frozenset(data["nouns"])
    data["verb_class"] = {w: group for group, words in sorted(data["verbs"].items()) for w in words}
    try:
        learned = resources.files("rashomon.data").joinpath("attribution/learned.json").read_text("utf-8")
        data["learned"] = json.loads(learned)
    except (FileNotFoundError, OSError):
        data["learned"] = None
    try:
        raw = resources.files("rashomon.data").joinpath("attribution/boundaries.json").read_text("utf-8")
        data["boundaries"] = json.loads(raw)["counts"]
    except (FileNotFoundError, OSError):
        data["boundaries"] = None
    try:
        raw = resources.files("rashomon.data").joinpath("attribution/content_bounds.json").read_text("utf-8")
        data["content_bounds"] = json.loads(raw)
    except (FileNotFoundError, OSError):
        data["content_bounds"] = None
    return data


def _model() -> dict | None:
    """Logistic cue model (``data/attribution/cue_model.json``; with the span encoder on, the one
    trained on its cues, ``cue_model_encoder.json``), None when absent."""
    return _model_file("cue_model_encoder.json" if encoder.enabled() else "cue_model.json")


@functools.lru_cache(maxsize=4)
def _model_file(name: str) -> dict | None:
    try:
        raw = resources.files("rashomon.data").joinpath(f"attribution/{name}").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    return json.loads(raw)


# --------------------------------------------------------------------------- cue tagger


_TAGGER_DIR = "attribution/cue_tagger"
TAGGER_FEATURES = True  # tagger agreement as features of the cue model (when the model was trained with them)
TAGGER_CANDIDATES = True  # tagged cues no rule proposes become candidates
TAGGER_BOUNDS = True  # a candidate inside a tagged cue takes the tagger's span
TAGGER_THRESHOLD = 0.5  # kept score of a tagger candidate
TAGGER_NO_NESTING = True  # a tagger candidate's content does not remove the attributions inside it
CONTENT_BOUNDS = True  # learned content boundary steps (data/attribution/content_bounds.json)
QUOTE_STEPS = True  # learned quotation continuation steps (same table)
DEDUPE_CONTENT = True  # one attribution per content span: the first cue
SOURCE_OUTSIDE_CONTENT = True  # a source inside its own content (and the cue outside it) is no attribution
MUTUAL_NEST = "outer"  # "X said Y, according to Z": "outer" keeps the later cue's attribution, "both" also the inner, "" none
NEST_MIN_SCORE = 0.6  # an attribution nested in a content is dropped when the outer one scores this much (was 0.8)
DEDUPE_BY_SCORE = True  # one attribution per cue: the best-scored candidate
ALT_KINDS = ("paren", "prep")  # parse contents an adjacent quotation replaces, kept for the learned P step
QUOTE_AFTER_ABBREVIATION = True  # a continued quotation may follow "said Sen. X, R-S.C."
E_STEPS = 2  # following constituents the content may be extended over
SOURCE_RULES = True  # sources of gerund phrases, "X is quick to ...", referential "it"
ADJ_CANDIDATES = True  # copular adjectives with a complement ("are skeptical of X", "is confident that ...")
PASSIVE_CANDIDATES = True  # passive verbs whose subject is the content ("X was first reported by Y")
NOUN_BOUNDS = True  # learned left edge of noun cues (their modifiers; boundaries.json NL keys)
EXTRA_FEATURES = True  # cue-model features: lemma x source class/quoted sentence/content, lexicon class, suffixes,
# paragraph position, tagger x construction, second neighbours


@functools.lru_cache(maxsize=1)
def _cue_tagger():
    """The trained token-level cue tagger (a spaCy ``ner`` labelled CUE), None when absent.

    A local directory under ``rashomon/data``; loaded once per process, never downloaded.
    """
    import spacy

    import rashomon.nlp.layers  # noqa: F401  (registers the architectures the tagger's config names)

    path = resources.files("rashomon.data").joinpath(_TAGGER_DIR)
    if not path.is_dir():
        return None
    return spacy.load(str(path))


@functools.lru_cache(maxsize=2)
def _tensor_width(tagger) -> int | None:
    """Width of the main model's ``doc.tensor`` the tagger reads, None when it has its own tok2vec."""
    tok2vec = tagger.get_pipe("cue").model.get_ref("tok2vec")
    for node in tok2vec.walk():
        if node.name == "doc_tensor":
            return node.get_dim("nO")
    return None


@functools.lru_cache(maxsize=1)
def _main_tok2vec():
    """The default spaCy model's shared ``tok2vec`` (for a Doc that carries no tensor of its own)."""
    from rashomon.nlp.model import load_nlp

    return load_nlp().get_pipe("tok2vec")


_TAGGER_ATTRS = [TAG, POS, DEP, HEAD, LEMMA]


def tagger_input(doc: Doc, vocab, tensor_width: int | None = None) -> Doc:
    """A copy of ``doc`` (words, tags, lemmas, parse; no entities) for the cue tagger.

    With ``tensor_width`` (a tagger built on the main model's token vectors) the copy also carries
    ``doc.tensor``, computed by the default model's ``tok2vec`` when ``doc`` has none of that width.

    The tagger runs on the copy so ``doc.ents`` stays the spaCy model's. The annotations are
    copied as arrays of string hashes (4-5x faster than passing strings; same tagger input).
    """
    words = [t.text for t in doc]
    spaces = (doc.to_array(SPACY) == 1).tolist()  # (the trailing-space flags read as one array)
    new = Doc(vocab, words=words, spaces=spaces)
    if len(doc):
        new.from_array(_TAGGER_ATTRS, doc.to_array(_TAGGER_ATTRS))
    if tensor_width is not None:
        tensor = doc.tensor
        if tensor is None or tensor.shape != (len(doc), tensor_width):
            main = _main_tok2vec()  # its features include the trailing space (SPACY): copy the spaces too
            tensor = main(Doc(main.vocab, words=words, spaces=spaces)).tensor
        new.tensor = tensor
    return new


def cue_spans(tagged: Doc) -> list[tuple[int, int]]:
    """Token ranges of the cues on a tagged copy: its entities (a ``ner`` tagger) or, for a
    ``tagger`` component, its BIO tags (``B-CUE``/``I-CUE``; an ``I`` after ``O`` opens a span)."""
    if tagged.has_annotation("ENT_IOB"):
        return [(e.start, e.end) for e in tagged.ents]
    out: list[tuple[int, int]] = []
    start = None
    for tok in tagged:
        tag = tok.tag_
        if tag == "B-CUE" or (tag == "I-CUE" and start is None):
            if start is not None:
                out.append((start, tok.i))
            start = tok.i
        elif tag != "I-CUE" and start is not None:
            out.append((start, tok.i))
            start = None
    if start is not None:
        out.append((start, len(tagged)))
    return out


FAST_TAGGER = True  # run the shipped tagger through _FastCueTagger (same cues, about half the CPU); off: spaCy's pipe


class _FastCueTagger:
    """The cue tagger's network and greedy decoding run on the parse itself; the same cues as
    ``tagger.pipe(tagger_input(doc))`` (checked equal on PolNeAR train/dev, 500 MUC-4 documents and the
    report sets; the floats differ from spaCy's in the last bits only).

    The shortcuts: no copy of the Doc (features read from the parse, NORM from the tagger's own
    vocabulary, which has no norm exceptions table); the hash embeddings folded into their mixing
    layer (each embedding row times its block of the mixing weights, precomputed: a token's mixing
    input is then a sum of looked-up rows instead of a 448-wide product; ~13 MB); the transition
    decoding vectorised (the scores of every token outside a cue in one product; only tokens after a
    cue's first one are scored one by one, with spaCy's validity rules for the B/I/L/U/O moves and its
    tie-breaking; the state features of a cue's first token and of B0 - 1 computed only there); the
    CNN's layer norms without thinc's repeated mean and centring (bit-identical). Raises ValueError
    for a tagger of another shape (the caller falls back to spaCy's pipe, as for a Doc without a parse).
    """

    def __init__(self, tagger):
        from spacy.attrs import IDS, IS_SPACE, SENT_START
        from spacy.strings import get_string_id

        self.flags = [SENT_START, IS_SPACE]
        ner = tagger.get_pipe("cue")
        if type(ner).__name__ != "EntityRecognizer" or ner.cfg.get("beam_width", 1) != 1:
            raise ValueError("not a greedy ner")
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        if sorted(names) != sorted(["B-CUE", "I-CUE", "L-CUE", "U-CUE", "U-", "O"]):
            raise ValueError(f"unexpected moves {names}")  # "U-": a preset blocked token, never valid here
        self.move = {name[0]: i for i, name in enumerate(names) if name != "U-"}
        model = ner.model
        if not model.attrs.get("has_upper") or model.attrs.get("unseen_classes"):
            raise ValueError("no upper layer, or unseen classes")
        inner, to_array, self.linear = model.get_ref("tok2vec").layers
        embed, self.encode = inner.layers
        feats, to_ragged, concat, mix, to_list = embed.layers
        if (feats.name, to_ragged.name, to_list.name, to_array.name, self.linear.name) != (
                "extract_features", "list2ragged", "ragged2list", "list2array", "linear"):
            raise ValueError("unexpected tok2vec")
        maxout, norm = mix.layers[0].layers[0].layers
        self.lower = model.get_ref("lower")
        if self.lower.get_dim("nF") != 3 or maxout.name != "maxout" or norm.name != "layernorm":
            raise ValueError("unexpected layers")
        self.mix_norm = (norm.get_param("G"), norm.get_param("b"))
        # the CNN: residual(expand_window >> maxout >> layernorm >> dropout) layers over the documents
        # flattened with padding rows between them, as thinc's with_array does
        self.pad = self.encode.attrs["pad"]
        self.cnn = []
        if not self.encode.name.startswith("with_array("):
            raise ValueError("unexpected encoder")
        for res in self.encode.layers[0].layers:
            window, block = res.layers[0].layers
            (cnn_maxout, cnn_norm), dropout = block.layers[0].layers, block.layers[1]
            if (res.name[:9], window.name, cnn_maxout.name, cnn_norm.name, dropout.name) != (
                    "residual(", "expand_window", "maxout", "layernorm", "dropout"):
                raise ValueError("unexpected encoder")
            o, p, i = cnn_maxout.get_dim("nO"), cnn_maxout.get_dim("nP"), cnn_maxout.get_dim("nI")
            weights = numpy.ascontiguousarray(cnn_maxout.get_param("W").reshape(o * p, i))
            self.cnn.append((window.attrs["window_size"], weights, cnn_maxout.get_param("b").reshape(o * p), (o, p),
                             cnn_norm.get_param("G"), cnn_norm.get_param("b")))
        self.ops = maxout.ops
        self.vocab = tagger.vocab
        columns = feats.attrs["columns"]
        self.attrs = [ORTH if c == "NORM" else IDS[c] for c in columns]
        self.norm_col = columns.index("NORM") if "NORM" in columns else None
        nO, nP, nI = maxout.get_dim("nO"), maxout.get_dim("nP"), maxout.get_dim("nI")
        W = maxout.get_param("W").reshape(nO * nP, nI).astype("float64")
        branches = [branch.layers for branch in concat.layers[0].layers]
        self.table = numpy.empty((sum(h.get_param("E").shape[0] for _, h in branches), nO * nP), dtype="float32")
        self.hashes, offset, col = [], 0, 0
        for getitem, hashembed in branches:  # a few rows at a time (float64 products, kept as float32)
            E = hashembed.get_param("E")
            block = W[:, col:col + E.shape[1]].T
            for row in range(0, E.shape[0], 1024):
                rows = E[row:row + 1024]
                self.table[offset + row:offset + row + len(rows)] = rows.astype("float64") @ block
            self.hashes.append((getitem.attrs["index"][1], hashembed.attrs["seed"], E.shape[0], offset))
            offset += E.shape[0]
            col += E.shape[1]
        if col != nI:
            raise ValueError("unexpected embedding widths")
        self.mix_bias = maxout.get_param("b").reshape(nO * nP)
        self.mix_shape = (nO, nP)
        self.lower_b = self.lower.get_param("b")
        # the state features' weights one by one (B0 for every token; the cue's first token and B0 - 1 only
        # inside a cue) and their padding for a missing feature
        _, hidden, pieces, width = self.lower.get_param("W").shape
        self.lower_W = [numpy.ascontiguousarray(w.reshape(hidden * pieces, width)) for w in self.lower.get_param("W")]
        self.lower_pad = self.lower.get_param("pad")[0]
        self.state_shape = (hidden, pieces)
        upper = model.get_ref("upper")
        self.upper_W, self.upper_b = upper.get_param("W"), upper.get_param("b")
        self.norms: dict[int, int] = {}  # main vocabulary ORTH -> the tagger vocabulary's NORM
        # the NORM a new lexeme of the tagger's vocabulary would get (its getter: lower case and a few
        # character norms), without adding the lexeme
        self.norm_of = tagger.vocab.lex_attr_getters.get(IDS["NORM"])
        self.string_id = get_string_id

    def features(self, doc: Doc) -> numpy.ndarray:
        """The ``extract_features`` columns of ``tagger_input(doc)``, read from ``doc``."""
        arr = doc.to_array(self.attrs).astype("uint64", copy=False).reshape(len(doc), len(self.attrs))
        if self.norm_col is not None:
            cache, strings, vocab, norm_of = self.norms, doc.vocab.strings, self.vocab, self.norm_of
            norms = []
            for orth in arr[:, self.norm_col].tolist():
                norm = cache.get(orth)
                if norm is None:
                    text = strings[orth]
                    norm = cache[orth] = (vocab[text].norm if norm_of is None or text in vocab
                                          else self.string_id(norm_of(text)))
                norms.append(norm)
            arr[:, self.norm_col] = norms
        return arr

    @staticmethod
    def _layer_norm(X: numpy.ndarray, G: numpy.ndarray, b: numpy.ndarray) -> numpy.ndarray:
        """thinc's LayerNorm, same operations (its mean and centring done once instead of twice)."""
        centred = X - X.mean(axis=1, keepdims=True)
        var = numpy.square(centred).sum(axis=1, keepdims=True)
        var /= X.shape[1]
        var += 1e-08
        centred *= var ** (-1.0 / 2.0)
        centred *= G
        centred += b
        return centred

    def _encode(self, Xs: list[numpy.ndarray]) -> numpy.ndarray:
        """The CNN over the documents' token vectors, concatenated (thinc's with_array padding between them)."""
        ops = self.ops
        lengths = ops.asarray1i([len(x) for x in Xs])
        X = ops.flatten(Xs, pad=self.pad)
        for window, W, b, shape, G, gb in self.cnn:
            Y = ops.gemm(ops.seq2col(X, window), W, trans2=True)
            Y += b
            best, _ = ops.maxout(Y.reshape(len(Y), *shape))
            X = X + self._layer_norm(best, G, gb)
        return numpy.concatenate(ops.unflatten(X, lengths, pad=self.pad))

    def _hidden(self, pre: numpy.ndarray) -> numpy.ndarray:
        """Move scores from the summed state features (rows: states; spaCy's maxout and upper layer)."""
        pre += self.lower_b
        best, _ = self.ops.maxout(pre)
        scores = self.ops.gemm(best, self.upper_W, trans2=True)
        scores += self.upper_b
        return scores

    def __call__(self, docs: list[Doc]) -> list[list[tuple[int, int]]]:
        ops = self.ops
        out: list[list[tuple[int, int]]] = [[] for _ in docs]
        live = [d for d in docs if len(d)]
        if not live:
            return out
        ids = numpy.concatenate([self.features(d) for d in live])
        keys = numpy.hstack([ops.hash(numpy.ascontiguousarray(ids[:, c]), seed) % rows + offset
                             for c, seed, rows, offset in self.hashes])
        mixed = ops.gather_add(self.table, numpy.ascontiguousarray(keys, dtype="uint32"))
        mixed += self.mix_bias
        best, _ = ops.maxout(mixed.reshape(len(mixed), *self.mix_shape))
        X = self._layer_norm(best, *self.mix_norm)
        tokvecs = self.linear.predict(self._encode(numpy.split(X, numpy.cumsum([len(d) for d in live])[:-1])))
        # the state features are B0, the open cue's first token, B0 - 1 (the last two: padding outside a cue)
        W0, W1, W2 = self.lower_W
        b0 = ops.gemm(tokvecs, W0, trans2=True).reshape(len(tokvecs), *self.state_shape)
        closed = b0 + self.lower_pad[1]
        closed += self.lower_pad[2]
        scores = self._hidden(closed)
        mb, mi, ml, mu, mo = (self.move[m] for m in "BILUO")
        start = 0
        for doc, spans in zip(docs, out):
            n = len(doc)
            if not n:
                continue
            S = scores[start:start + n]
            flags = doc.to_array(self.flags).reshape(n, 2)
            next_start = numpy.zeros(n, dtype=bool)
            next_start[:-1] = flags[1:, 0] == 1
            can_u = flags[:, 1] == 0
            can_b = can_u & ~next_start
            can_b[-1] = False
            # outside a cue: arg max over the valid moves B, U, O, a tie to the lower move index
            sb, su, so = S[:, mb], S[:, mu], S[:, mo]
            is_b = can_b & (~can_u | (sb > su) | ((sb == su) & (mb < mu)))
            top, top_move = numpy.where(is_b, sb, su), numpy.where(is_b, mb, mu)
            opens = numpy.nonzero((can_b | can_u) & ((top > so) | ((top == so) & (top_move < mo))))[0].tolist()
            end = 0
            for t in opens:
                if t < end:
                    continue
                j = t
                if is_b[t]:
                    # the cue's first token is a state feature of every move inside the cue: once per cue
                    first = ops.gemm(tokvecs[start + t:start + t + 1], W1, trans2=True).reshape(self.state_shape)
                    while True:  # inside the cue: I (not at a document or sentence end) or L
                        j += 1
                        g = start + j
                        pre = b0[g] + first
                        pre += ops.gemm(tokvecs[g - 1:g], W2, trans2=True).reshape(self.state_shape)
                        s = self._hidden(pre[None])[0]
                        if not (j < n - 1 and not next_start[j] and (s[mi] > s[ml] or (s[mi] == s[ml] and mi < ml))):
                            break
                spans.append((t, j + 1))
                end = j + 1
            start += n
        return out


@functools.lru_cache(maxsize=2)
def _fast_cue_tagger(tagger) -> _FastCueTagger | None:
    """``tagger`` as a :class:`_FastCueTagger`, None when it has another shape."""
    try:
        return _FastCueTagger(tagger)
    except ValueError:
        return None


def _fast(tagger) -> _FastCueTagger | None:
    return _fast_cue_tagger(tagger) if FAST_TAGGER and tagger is not None else None


def tag_cues_batch(docs: list[Doc], batch_size: int = 32) -> None:
    """Run the cue tagger over many documents at once (faster than one by one) and keep its
    cues on each document for :func:`tagged_cues`."""
    todo = [d for d in docs if len(d) and "rashomon_tagged_cues" not in d.user_data]
    if todo and encoder.enabled():
        for doc, spans in zip(todo, encoder.tag_texts([doc_text(d) for d in todo])):
            set_tagged(doc, {"cues": encoder.token_ranges(doc, spans["cue"]),
                             "probs": encoder.token_probs(doc, spans["cue_words"])})
        return
    tagger = _cue_tagger()
    if tagger is None or not todo:
        return
    fast = _fast(tagger)
    if fast is not None and all(d.has_annotation("DEP") for d in todo):  # (sentence starts from the parse)
        chunk: list[Doc] = []
        size = 0
        for k, doc in enumerate(todo):  # ~2,000 tokens at a time keep the arrays (~5 kB per token) small
            chunk.append(doc)
            size += len(doc)
            if k + 1 == len(todo) or size + len(todo[k + 1]) > 2000:
                for d, cues in zip(chunk, fast(chunk)):
                    d.user_data["rashomon_tagged_cues"] = cues
                chunk, size = [], 0
        return
    width = _tensor_width(tagger)
    tagged = tagger.pipe((tagger_input(d, tagger.vocab, width) for d in todo), batch_size=batch_size)
    for doc, t in zip(todo, tagged):
        doc.user_data["rashomon_tagged_cues"] = cue_spans(t)


def set_tagged(doc: Doc, entry) -> None:
    """Give ``doc`` cues tagged elsewhere (out-of-sample predictions while training): a list of token
    ranges, or the span encoder's ``{"cues": ranges, "probs": {token: probability}}``."""
    if isinstance(entry, dict):
        doc.user_data["rashomon_tagged_cues"] = [tuple(x) for x in entry["cues"]]
        doc.user_data["rashomon_cue_probs"] = {int(k): float(v) for k, v in entry["probs"].items()}
    else:
        doc.user_data["rashomon_tagged_cues"] = [tuple(x) for x in entry]


def tagged_cues(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` the cue tagger marks as cues (empty without a tagger)."""
    cached = doc.user_data.get("rashomon_tagged_cues")
    if cached is None and len(doc) and encoder.enabled():
        tag_cues_batch([doc])
        return doc.user_data["rashomon_tagged_cues"]
    if cached is None:
        tagger = _cue_tagger()
        if tagger is None or len(doc) == 0:
            return []
        fast = _fast(tagger)
        if fast is not None and doc.has_annotation("DEP"):
            cached = doc.user_data["rashomon_tagged_cues"] = fast([doc])[0]
            return cached
        tagged = tagger(tagger_input(doc, tagger.vocab, _tensor_width(tagger)))
        cached = doc.user_data["rashomon_tagged_cues"] = cue_spans(tagged)
    return cached


# --------------------------------------------------------------------------- quotes

_OPEN = {"\u201c", "\u00ab"}
_CLOSE = {"\u201d", "\u00bb"}


_QUOTE_MARKS = re.compile("\n\n|``|''|[\"" + "".join(sorted(_OPEN | _CLOSE)) + "]")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character ranges ``[start, end)`` of quotations, quote marks included.

    Curly/guillemet quotes pair by direction; straight ``"`` and ``''``/````
    alternate. A quotation left open at a paragraph end runs to that end (a
    quoted paragraph continued by the next one).
    """
    quotes: list[tuple[int, int]] = []
    n = len(text)
    open_at: int | None = None
    # only quote marks and paragraph breaks do anything: jump from one to the next (the same scan as
    # stepping over every character; a "\n\n" taken as one step skips only its second "\n")
    for m in _QUOTE_MARKS.finditer(text):
        i = m.start()
        ch = text[i]
        two = text[i:i + 2]
        if ch == "\n" and text[i:i + 2] == "\n\n" and open_at is not None:
            quotes.append((open_at, i))
            open_at = None
        if two in ("``", "''"):
            if two == "``" or open_at is None and _opens_here(text, i, 2):
                if open_at is None:
                    open_at = i
            elif open_at is not None:
                quotes.append((open_at, i + 2))
                open_at = None
            continue
        if ch in _OPEN:
            if open_at is None:
                open_at = i
        elif ch in _CLOSE:
            if open_at is not None:
                quotes.append((open_at, i + 1))
                open_at = None
        elif ch == '"':
            if open_at is None:
                open_at = i
            else:
                quotes.append((open_at, i + 1))
                open_at = None
    if open_at is not None:
        quotes.append((open_at, n))
    return [(s, e) for s, e in quotes if e - s > 2]


def _opens_here(text: str, i: int, width: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([—-") and not after.isspace()


# --------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    cue: tuple[int, int]  # token range [start, end)
    content: tuple[int, int] | None
    source: tuple[int, int] | None
    head: int  # cue head token index
    score: float = 1.0
    key: str = ""
    tokens: set[int] = field(default_factory=set)
    feats: list[str] = field(default_factory=list)
    alt: tuple[tuple[int, int], str] | None = None  # the parse's content (and kind) an adjacent quote replaced


_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_CONTENT_DEPS = {"ccomp", "xcomp"}
_RIGHT_OBJ_DEPS = {"dobj", "dative", "prep", "oprd", "attr", "acomp", "xcomp", "ccomp", "advcl", "npadvmod"}
_PRON_SOURCE_SKIP = {"it", "there"}


def _sent_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end token of each token's sentence (``tok.sent.start``/``.end``), read once per Doc."""
    cached = doc.user_data.get("rashomon_attr_sents")
    if cached is None or len(cached[0]) != len(doc):
        n = len(doc)
        starts, ends = [0] * n, [0] * n
        for sent in doc.sents:
            a, b = sent.start, sent.end
            starts[a:b] = [a] * (b - a)
            ends[a:b] = [b] * (b - a)
        cached = doc.user_data["rashomon_attr_sents"] = (starts, ends)
    return cached


def _columns(doc: Doc) -> tuple[numpy.ndarray, ...]:
    """POS, DEP and ORTH hashes, head index and LOWER hash of every token, read once per Doc (candidate
    scans look at the few tokens that can qualify instead of making a Token object for each)."""
    cached = doc.user_data.get("rashomon_attr_columns")
    if cached is None or len(cached[0]) != len(doc):
        arr = doc.to_array([POS, DEP, ORTH, HEAD, LOWER]).reshape(len(doc), 5)
        # HEAD is the offset to the head as an unsigned 64-bit integer (two's complement)
        heads = arr[:, 3].view(numpy.int64) + numpy.arange(len(doc), dtype=numpy.int64)
        cached = doc.user_data["rashomon_attr_columns"] = (arr[:, 0], arr[:, 1], arr[:, 2], heads, arr[:, 4])
    return cached


def _hash(doc: Doc, word: str) -> int:
    return doc.vocab.strings.add(word)


def _subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _without_fronted_adjunct(subj: Token) -> tuple[int, int]:
    """The range of a clausal subject without the sentence's fronted adjunct the parser hung on it ("On Monday
    evening, a man presenting himself as a spokesman ... claimed ...": "a man presenting ...")."""
    start, end = _subtree_range(subj)
    doc = subj.doc
    for c in sorted(subj.children, key=lambda c: c.i):
        if c.i > subj.i or c.dep_ not in ("prep", "npadvmod", "advmod") or c.right_edge.i + 1 >= subj.i \
                or doc[c.right_edge.i + 1].text != ",":
            break
        start = c.right_edge.i + 2
    return start, end


def _trim(doc: Doc, rng: tuple[int, int] | None) -> tuple[int, int] | None:
    """Drop punctuation (except quote marks) and conjunction glue at both ends."""
    if rng is None:
        return None
    s, e = rng
    while s < e and (doc[s].is_punct and not doc[s].is_quote or doc[s].is_space
                     or doc[s].dep_ == "cc" and s == rng[0]):
        s += 1
    while e > s and (doc[e - 1].is_punct and not doc[e - 1].is_quote and not _closes_bracket(doc, s, e - 1)
                     or doc[e - 1].is_space or doc[e - 1].dep_ in ("cc",)):
        e -= 1
    return (s, e) if s < e else None


def _closes_bracket(doc: Doc, start: int, i: int) -> bool:
    """The token closes a bracket opened inside the range ("the Movement of ... Casamance (MFDC)")."""
    return doc[i].text == ")" and sum(t.text == "(" for t in doc[start:i]) > sum(t.text == ")" for t in doc[start:i])


_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")

_NON_REFERENTIAL_IT = {"be", "seem", "appear", "look", "remain", "become", "happen", "matter", "mean",
                       "take", "make", "turn", "feel", "sound", "help", "hurt", "occur", "strike"}


def _referential_it(verb: Token) -> bool:
    """'It said ...' / 'It accused ...' (an organisation), not 'it seems' / 'it is said'."""
    if any(k.dep_ in ("auxpass", "expl") for k in verb.children):
        return False
    lemma = verb.lemma_.lower()
    return lemma not in _NON_REFERENTIAL_IT and (lemma in _lexicon()["verb_set"]
                                                 or _toll_verb(verb, _lexicon()["toll_cues"]))  # "it revised the toll"


SOURCE_DAY_CUT = True  # a source ending in "on Wednesday" leaves the day to the verb
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"}
NEAREST_SUBJECT = True  # of two subjects the parse gives a verb, the nearer ("strikes that it says target ...")


NOUN_CCOMP_SUBJECT = True  # "X's news agency SANA, quoting a source, said ...": a noun parsed as a fronted clause


def _noun_ccomp_subject(v: Token, c: Token) -> bool:
    """A "clause" before the verb headed by a noun, with a real clause after the verb: the parser took the subject
    noun phrase for a fronted complement."""
    return NOUN_CCOMP_SUBJECT and c.dep_ == "ccomp" and c.i < v.i and c.pos_ in ("NOUN", "PROPN") \
        and not any(k.dep_ in ("aux", "auxpass", "cop") for k in c.children) \
        and any(k.dep_ == "ccomp" and k.i > v.i and k.pos_ in ("VERB", "AUX") for k in v.children)


def _subject(tok: Token, depth: int = 0, asker: Token | None = None) -> tuple[int, int] | None:
    """The speaker of a cue verb from the parse (``asker``: the cue verb a recursion started from)."""
    subjects = [c for c in tok.children if c.dep_ in _SUBJ]
    if not subjects:
        subjects = [c for c in tok.children if _noun_ccomp_subject(tok, c)]
    if SOURCE_RULES and depth < 3 and tok.tag_ == "VBG" and tok.dep_ == "advcl" and subjects and _recipient(subjects[0]):
        return _subject(tok.head, depth + 1, asker or tok)  # "sent a statement to the radio RCI saying ...": the sender says it
    if NEAREST_SUBJECT and len(subjects) > 1:
        subjects.sort(key=lambda c: abs(c.i - tok.i))
    for child in subjects:
        if child.dep_ == "nsubjpass" and child.lower_ == "it" and any(c.dep_ == "agent" for c in tok.children):
            continue  # "it was confirmed by police that ...": the agent speaks
        if child.lower_ in _PRON_SOURCE_SKIP and child.dep_ != "csubj":
            if SOURCE_RULES and child.lower_ == "it" and child.dep_ == "nsubj" and _referential_it(
                    asker if asker is not None and asker.dep_ == "conj" and asker.head.i == tok.i else tok):
                # ("It named him ... and said ...": the cue coordinated with the verb "it" is the subject of)
                return _subtree_range(child)
            return None
        if child.dep_ == "nsubjpass":
            continue
        return _without_fronted_adjunct(child) if child.dep_ == "csubj" else _subtree_range(child)
    for child in tok.children:
        if child.dep_ == "agent":
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                return _subtree_range(pobj[0])
    if depth < 3 and tok.dep_ == "advcl" and tok.head.i != tok.i:
        # "... after the embassy warned ...": parsed as prep + pobj with the clause beside it
        for sib in tok.head.children:
            pobj = [g for g in sib.children if g.dep_ == "pobj"] \
                if sib.dep_ == "prep" and sib.i < tok.i and sib.lower_ != "to" else []  # (not a recipient)
            if pobj and all(doc_tok.dep_ in ("expl", "advmod", "aux", "neg") for doc_tok in tok.doc[pobj[0].right_edge.i + 1:tok.i]):
                return _subtree_range(pobj[0])
    if depth < 3 and tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].text == "," \
            and tok.head.dep_ == "ccomp" and tok.head.head.pos_ in ("VERB", "AUX") and tok.head.head.i < tok.head.i:
        # "X denied that its fighters were there, calling the account a lie": the parser hangs the
        # sentence-final participle on the reported clause; it belongs to the reporting verb
        return _subject(tok.head.head, depth + 1, asker or tok)
    if depth < 3 and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i:
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children):
            return None
        if tok.dep_ == "conj" and (name := _name_read_as_verb(tok.head)) is not None:
            # "Sayed Hussain Hashimi, whose brother ..., told": the name the parser split at its first word speaks
            return name.start, max(name.end, _subtree_range(name[-1])[1])
        return _subject(tok.head, depth + 1, asker or tok)
    if depth < 3 and tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].text == ",":
        # "X seized the chance to ..., seeking to ...": a sentence-final participle belongs to the clause
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ in ("VERB", "AUX") and head.i < tok.i:
            return _subject(head, depth + 1, asker or tok)
    if SOURCE_RULES and depth < 3 and tok.dep_ == "pcomp" and tok.tag_ == "VBG":
        # "... after slamming X", "by suggesting that ...": the subject of the verb the phrase modifies
        gov = tok.head.head
        while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
            gov = gov.head
        if gov.pos_ in ("VERB", "AUX") and gov.i != tok.i:
            return _subject(gov, depth + 1, asker or tok)
    if SOURCE_RULES and depth < 3 and tok.dep_ == "xcomp" and tok.head.dep_ == "acomp":
        return _subject(tok.head.head, depth + 1, asker or tok)  # "X is quick to note ..."
    if (SOURCE_RULES and tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.i < tok.i
            and tok.head.pos_ in ("NOUN", "PROPN", "PRON") and tok.doc[tok.i - 1].text != ","):
        to = tok.head.head
        if depth < 3 and tok.head.dep_ == "pobj" and to.lower_ == "to" and to.head.pos_ == "VERB" \
                and any(c.dep_ == "dobj" for c in to.head.children):
            return _subject(to.head, depth + 1, asker or tok)  # "had sent a statement to the radio RCI saying ...": the sender
        return tok.head.left_edge.i, tok.i  # "ads attacking X", "anyone questioning X"
    if SOURCE_RULES and tok.dep_ in ("ROOT", "ccomp"):
        return _fronted_appos_subject(tok)
    if SOURCE_RULES and (speaker := _subject_read_as_noun(tok)) is not None:
        return speaker
    return None


def _subject_read_as_noun(verb: Token) -> tuple[int, int] | None:
    """"in an attack police blamed on a gang": the parser reads the bare relative clause's subject as the
    head of "attack police" and the cue as a participle on it; the speaker is the noun after the incident
    noun."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or head.i > verb.i or any(c.dep_ == "agent" for c in verb.children):
        return None
    incident = next((c for c in head.children if c.dep_ == "compound" and c.i < head.i and is_incident_noun(c)), None)
    if incident is None or head.i != verb.i - 1 and not all(t.dep_ in ("compound", "amod") for t in verb.doc[incident.i + 1:head.i]):
        return None
    return incident.i + 1, head.i + 1


def _recipient(noun: Token) -> bool:
    """The parser made the object of a bare "to" the subject of the participle after it ("sent a letter to the
    paper saying ...")."""
    k = noun.left_edge.i - 1
    return k >= 0 and noun.doc[k].lower_ == "to" and noun.doc[k].dep_ == "prep" \
        and not any(c.dep_ == "pobj" for c in noun.doc[k].children)


def _fronted_appos_subject(verb: Token) -> tuple[int, int] | None:
    """"In an email to the media, a man who ..., denied ...": the parser hangs the subject as an apposition
    on the fronted phrase's last noun; it is the noun phrase after a comma right before the verb."""
    doc = verb.doc
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i:
            continue
        for a in prep.subtree:
            if a.dep_ == "appos" and a.head.i < a.i and a.pos_ in ("NOUN", "PROPN") and a.i < verb.i \
                    and doc[a.left_edge.i - 1].text == "," and (
                        doc[a.right_edge.i + 1].text == "," and a.right_edge.i + 2 == verb.i
                        or a.right_edge.i + 1 == verb.i):
                # ("In a statement carried by KCNA, the General Staff of the army said ...": no comma after it)
                return a.left_edge.i, a.right_edge.i + 1
    return None


_CUE_PREPS = {"about", "to", "for", "on", "of", "with", "against", "at", "over"}


def _cue_range(doc: Doc, v: Token, content: tuple[int, int] | None = None) -> tuple[int, int]:
    s = v.i
    while s > 0 and doc[s - 1].dep_ in ("aux", "auxpass", "neg", "advmod") and doc[s - 1].head.i == v.i:
        s -= 1
    e = v.i + 1
    while e < len(doc) and doc[e].dep_ == "prt" and doc[e].head.i == v.i:
        e += 1
    if (e < len(doc) and doc[e].dep_ == "prep" and doc[e].head.i == v.i and doc[e].lower_ in _CUE_PREPS
            and content is not None and content[0] == e + 1):
        e += 1
    if e < len(doc) and doc[e].text == ":":
        e += 1
    return s, e


_LEFT_DEPS = ("aux", "auxpass", "neg", "advmod", "npadvmod")


def _walk_cue(doc: Doc, c: _Cand, decide) -> None:
    """Learned cue boundaries of a verb candidate, updating ``c.cue``/``c.content`` in place.

    Each possible step asks ``decide(key, token_index) -> bool`` (a table
    lookup at run time; the gold answer while training): left auxiliaries and
    adverbs (``L|dep|word``), a following infinitive (``X|lemma``: "declined to
    name"), a direct object with a prepositional or clausal content
    (``O|lemma|object``: "opened an investigation into"), a medium phrase
    (``M|prep|noun``: "said in a statement") and a preposition whose object is
    the content (``P|lemma|prep``: "talked about").
    """
    v = doc[c.head]
    s = v.i
    while s > 0 and doc[s - 1].dep_ in _LEFT_DEPS and doc[s - 1].head.i == v.i:
        if not decide(f"L|{doc[s - 1].dep_}|{doc[s - 1].lower_}", s - 1):
            break
        s -= 1
    e = v.i + 1
    while e < len(doc) and doc[e].dep_ == "prt" and doc[e].head.i == v.i:
        e += 1
    content = c.content
    for _ in range(4):
        kids = [k for k in v.children if k.i >= e]
        x = next((k for k in kids if k.dep_ == "xcomp" and k.pos_ in ("VERB", "AUX")), None)
        if x is not None and all(doc[i].head.i == x.i and doc[i].dep_ in ("aux", "neg", "advmod")
                                 for i in range(e, x.i)):
            if decide(f"X|{v.lemma_.lower()}", x.i):
                v, e = x, x.i + 1
                while e < len(doc) and doc[e].dep_ == "prt" and doc[e].head.i == v.i:
                    e += 1
                new, _ = _content_of_verb(doc, v)
                content = new if new is not None else ((e, content[1]) if content and content[1] > e else None)
                continue
            break
        break
    kids = [k for k in v.children if k.i >= e]
    obj = next((k for k in kids if k.dep_ == "dobj" and k.left_edge.i == e), None)
    if obj is not None:
        more = [k for k in obj.children if k.i > obj.i]
        prep = next((k for k in more if k.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in k.children)), None)
        if prep is None:  # "took a shot at X": the preposition hangs on the verb
            prep = next((k for k in kids if k.dep_ == "prep" and k.i == obj.right_edge.i + 1
                         and any(g.dep_ in ("pobj", "pcomp") for g in k.children)), None)
        clause = next((k for k in more if k.dep_ in ("acl", "ccomp", "relcl")), None)
        if (prep is not None or clause is not None) and decide(f"O|{v.lemma_.lower()}|{obj.lemma_.lower()}", obj.i):
            if prep is not None and (clause is None or prep.i < clause.i):
                e = prep.i + 1
                content = (e, prep.right_edge.i + 1)
            else:
                e = clause.left_edge.i
                content = _subtree_range(clause)
            c.cue, c.content = (s, e), content
            return
    prep = next((k for k in kids if k.dep_ == "prep" and k.i == e), None)
    pobj = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")] if prep is not None else []
    if pobj:
        if content is not None and content[0] == e + 1 and decide(f"P|{v.lemma_.lower()}|{prep.lower_}", prep.i):
            e += 1
        elif content is not None and content[0] > prep.right_edge.i and decide(f"M|{prep.lower_}|{pobj[0].lemma_.lower()}", pobj[0].i):
            e = prep.right_edge.i + 1
    if e < len(doc) and doc[e].text == ":":
        e += 1
    if content is not None and content[0] < e <= content[1] and content[0] >= s:
        content = (e, content[1]) if e < content[1] else None
    c.cue = (s, e)
    if content is not None:
        c.content = content


def _walk_noun_cue(doc: Doc, c: _Cand, decide) -> None:
    """Learned left edge of a noun cue, updating ``c.cue`` in place: the noun's left modifiers, one
    by one from the noun out (``NL|dep|word``: "sharp criticism", "the full support of", "'s decision").
    (Taking in the verb the noun is the object of, "has raised questions about", lost held-out: the
    verb is a candidate of its own and its learned object step already covers that.)"""
    n = doc[c.head]
    s, e = c.cue
    for k in sorted((k for k in n.children if k.i < n.i), key=lambda k: -k.i):
        if k.right_edge.i != s - 1:
            break
        if k.dep_ == "poss":
            case = [g for g in k.children if g.dep_ == "case" and g.i == s - 1]
            if case and decide("NL|case|'s", case[0].i):
                s = case[0].i
            break
        if k.dep_ not in ("det", "amod", "compound", "nummod", "advmod", "nmod") \
                or not decide(f"NL|{k.dep_}|{k.lower_ if k.dep_ == 'det' else k.pos_}", k.i):
            break
        s = k.left_edge.i
    c.cue = (s, e)


def _backoff(key: str) -> str | None:
    kind, *rest = key.split("|")
    if kind == "L":
        return f"L|{rest[0]}"
    if kind == "NL":
        return f"NL*|{rest[0]}"
    if kind in ("P", "M"):
        return f"{kind}*|{rest[0] if kind == 'M' else rest[-1]}"
    return None


def _boundary_decider(table: dict):
    """``decide`` for :func:`_walk_cue` from the learned table {key: [included, seen]}."""
    def decide(key: str, _i: int) -> bool:
        back = _backoff(key)
        prior = 0.0
        if back is not None and back in table:
            pos, n = table[back]
            prior = (pos + 0.5) / (n + 1)
        elif key.startswith("L|"):
            prior = 1.0 if key.split("|")[1] in ("aux", "auxpass", "neg") else 0.0
        pos, n = table.get(key, (0, 0))
        return (pos + 2 * prior) / (n + 2) >= 0.5
    return decide


_NO_CUT_DEPS = {"pobj", "pcomp", "det", "amod", "compound", "poss", "case", "nummod", "aux", "auxpass",
                "neg", "punct", "cc", "nmod", "quantmod", "predet", "prt", "mark", "nsubj", "nsubjpass"}
_FUNCTION_POS = {"ADP", "SCONJ", "PRON", "ADV", "DET", "CCONJ", "PART", "VERB", "AUX"}


def _word_key(tok: Token) -> str:
    if tok.pos_ in _FUNCTION_POS or tok.is_punct:
        return tok.lower_
    return tok.tag_ if tok.pos_ in ("VERB", "AUX") else tok.pos_


def _last_word(doc: Doc, s: int, e: int) -> int:
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    return e - 1


def _step_feats(kind: str, c: _Cand, lemma: str, parts: dict[str, str]) -> list[str]:
    """Feature names of one boundary step: each part, pairs with the first part, all parts, context."""
    items = list(parts.items())
    f = [kind, f"{kind}|cand={c.key.split('|')[-1]}", f"{kind}|cue={lemma}",
         f"{kind}|" + "|".join(f"{k}={v}" for k, v in items)]
    for k, v in items:
        f.append(f"{kind}|{k}={v}")
    head_k, head_v = items[0]
    for k, v in items[1:]:
        f.append(f"{kind}|{head_k}={head_v}|{k}={v}")
    f.append(f"{kind}|cue={lemma}|{head_k}={head_v}")
    return f


def _walk_content(doc: Doc, c: _Cand, decide) -> None:
    """Learned content boundaries of a candidate, updating ``c.content`` (and ``c.source``) in place.

    Steps, each asking ``decide(kind, features, lo, hi) -> bool`` about the token
    range ``[lo, hi)`` (a small logistic model at run time; the gold answer while
    training): ``P`` take the parse's content (the clause a cue is parenthetical
    to, a prepositional object) rather than the adjacent quotation ('Lately, he
    said, "..." on ...'; 'referring to X'), ``S`` take in a
    subject left of the cue ("X is expected to ...", "X seems to ..."; then X is
    no source), ``F`` drop a leading complementiser ("that"/"to"), ``T`` cut a
    trailing constituent (time/place phrases, ", according to ...", relative and
    participial clauses annotators leave out), ``E`` extend over a following
    sibling of the content (", and that ...", ", but ...").
    """
    if c.content is None:
        return
    v = doc[c.head]
    lemma = v.lemma_.lower()
    s, e = c.content
    if c.alt is not None:
        (a0, a1), akind = c.alt
        where = "after" if s >= c.cue[1] else "before"
        rel = "over" if a0 <= s and e <= a1 else "apart" if a1 <= s or e <= a0 else "cross"
        feats = _step_feats("P", c, lemma, {"alt": akind, "where": where, "rel": rel,
                                            "aw": _word_key(doc[a0]), "alen": _bucket(a1 - a0)})
        if decide("P", feats, a0, a1):
            s, e = a0, a1
    if s >= c.cue[1]:
        subj = next((k for k in v.children if k.dep_ in ("nsubjpass", "nsubj") and k.i < c.cue[0]), None)
        if subj is not None and subj.right_edge.i < c.cue[0]:
            is_src = c.source is not None and c.source[0] <= subj.i < c.source[1]
            feats = _step_feats("S", c, lemma, {"dep": subj.dep_, "src": str(int(is_src)), "tag": v.tag_,
                                                "sw": _word_key(subj)})
            if decide("S", feats, subj.left_edge.i, subj.right_edge.i + 1):
                s = subj.left_edge.i
                if is_src:  # "X seems to ...": X is part of what is perceived, not a holder
                    c.source = None
    s = _after_leading_time(doc, s, e) if s >= c.cue[1] else s
    first = doc[s]
    if e - s > 1 and first.lower_ in ("that", "to", "whether", "if") and first.dep_ in ("mark", "aux"):
        if decide("F", _step_feats("F", c, lemma, {"w": first.lower_, "next": _word_key(doc[s + 1])}), s, s + 1):
            s += 1
    sent_end = _sent_bounds(doc)[1][max(s, e - 1)]
    for _ in range(3):
        last = _last_word(doc, s, e)
        if last <= s:
            break
        chain = []
        a = doc[last]
        while (a.head.i != a.i and a.left_edge.i > s and a.right_edge.i < e
               and (s <= a.head.i < e or a.head.i == c.head)):
            chain.append(a)
            if not s <= a.head.i < e:
                break
            a = a.head
        cut = None
        for a in reversed(chain):
            if a.dep_ in _NO_CUT_DEPS:
                continue
            lo = a.left_edge.i
            prev = doc[lo - 1].text if lo > 0 and doc[lo - 1].is_punct else "-"
            feats = _step_feats("T", c, lemma, {
                "dep": a.dep_, "w": _word_key(doc[lo]), "p": prev, "rel": "v" if a.head.i == c.head else "in",
                "tag": a.tag_, "len": _bucket(a.right_edge.i + 1 - lo),
                "end": str(int(_last_word(doc, lo, sent_end) <= a.right_edge.i)),
                "hd": a.head.dep_})
            if decide("T", feats, lo, a.right_edge.i + 1):
                cut = lo
                break
        if cut is None:
            break
        e = _drop_trailing_glue(doc, s, cut)
    for k in range(E_STEPS):
        p = e
        glue = []
        while p < sent_end and (doc[p].is_punct and not doc[p].is_quote or doc[p].dep_ == "cc" or doc[p].is_space):
            glue.append(doc[p])
            p += 1
        if p >= sent_end or c.cue[0] <= p < c.cue[1]:
            break
        x = doc[p]
        while x.head.i != x.i and x.head.left_edge.i >= e and not (c.cue[0] <= x.head.i < c.cue[1]):
            x = x.head
        lo, hi = x.left_edge.i, x.right_edge.i + 1
        inside = lambda r: r is not None and lo < r[1] and r[0] < hi  # noqa: E731
        if lo < e or hi > sent_end or inside(c.cue) or inside(c.source) or x.dep_ == "punct":
            break
        rel = "cue" if x.head.i == c.head else "in" if s <= x.head.i < e else "out"
        g = "".join(t.lower_ for t in glue if not t.is_space) or "-"
        feats = _step_feats("E", c, lemma, {"dep": x.dep_, "glue": g, "w": _word_key(doc[lo]), "rel": rel,
                                            "tag": x.tag_, "len": _bucket(hi - lo), "k": str(k)})
        if not decide("E", feats, lo, hi):
            break
        e = hi
    c.content = (s, e) if s < e else c.content
    if c.source is not None:
        _walk_source(doc, c, lemma, decide)


def quote_before_the_one_told(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """'"There was a bang. Fish and ice everywhere," a stallholder told us by phone': a "tell" whose content is
    only the one told (or a misparse holding the cue itself) takes the quotation that ends right before its source
    (one that may open in an earlier sentence). News output only."""
    text = doc_text(doc)
    quotes = find_quotes(text)
    for st in statements:
        span = doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
        cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
        if span is None or cue is None or st.source is None or cue.root.lemma_.lower() != "tell":
            continue
        holds_its_cue = st.content.start <= st.cue.start < st.content.end and not any(
            q[0] <= st.content.start < q[1] for q in quotes)  # (a misparse: "who gave his name as X told reporters")
        if not (_only_the_one_told(doc, cue.root, span.start, span.end) or holds_its_cue):
            continue
        lo = min(st.source.start, st.cue.start, st.content.start)
        gap = lambda q: text[q[1]:lo]  # noqa: E731  (", a resident who gave his name as X told ...")
        quote = next((q for q in reversed(quotes) if q[1] <= lo and (not gap(q).strip(" ,") or holds_its_cue and len(
            gap(q)) <= 80 and not re.search(r"[.!?]\s|\n", gap(q)))), None)
        if quote is not None:
            st.content, st.mode = Span.of(text, quote[0], quote[1]), "direct"
    return statements


def quoted_paragraph_after(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """A paragraph that is one quotation nobody is told to say, right after a paragraph whose last statement is a
    quotation, goes on quoting that speaker ('"...," a nurse told the Guardian. She asked not to be named.' and then
    '"We were pulling people out ..."'): a statement of the same source and cue. News output only."""
    text = doc_text(doc)
    out = list(statements)
    for qs, qe in _doc_quotes(doc, text):
        start = text.rfind("\n\n", 0, qs)
        end = text.find("\n", qe)
        if start < 0 or text[start + 2:qs].strip() or text[qe:end if end >= 0 else len(text)].strip() \
                or any(st.content.start < qe and qs < st.content.end or qs <= st.cue.start < qe for st in out):
            continue
        before = text.rfind("\n\n", 0, start)
        told = [st for st in out if before < st.cue.start < start]
        last = max(told, key=lambda st: st.cue.start) if told else None
        if last is None or last.mode != "direct" or last.source is None \
                or any(last.cue.start < st.cue.start < start for st in out):
            continue
        out.append(Statement(cue=last.cue, content=Span.of(text, qs, qe), source=last.source, mode="direct"))
    return sorted(out, key=lambda st: st.cue.start)


def _only_the_one_told(doc: Doc, v: Token, s: int, e: int) -> bool:
    """The content ``[s, e)`` of "tell" is only its object, the one told ("told us by phone", "told AFP on
    Monday"), not what was told about."""
    if v.lemma_.lower() != "tell":
        return False
    roots = [t for t in doc[s:e] if not s <= t.head.i < e or t.head.i == t.i]
    return len(roots) >= 1 and all(r.head.i == v.i and r.dep_ in ("dobj", "dative", "prep") for r in roots) \
        and any(r.dep_ in ("dobj", "dative") for r in roots) \
        and not any(r.dep_ == "prep" and r.lower_ in ("about", "of", "on") for r in roots)


_TIME_GLUE = frozenset({"on", "late", "early", "at", "in", "last", "this", "earlier", "later"})


def _after_leading_time(doc: Doc, s: int, e: int) -> int:
    """Start of a content ``[s, e)`` past a time phrase the parser hung on its clause ("said on Monday they had
    arrested two men", "said late on Tuesday its fighters ...", "said Monday morning gunmen ..."): the time tells
    when it was said. A run of date or time words (with their prepositions) followed by the clause's subject, or
    "at the time" ("said at the time that ...")."""
    words = [t.lower_ for t in doc[s:min(e, s + 3)]]
    if words in (["at", "the", "time"], ["at", "that", "time"]) and e - s > 4:
        return s + 3
    if words[:2] in (["the", "time"], ["that", "time"]) and s > 0 and doc[s - 1].lower_ == "at" and e - s > 3:
        return s + 2  # (a cue that took the "at")
    k = s
    while k < e and (doc[k].ent_type_ in ("DATE", "TIME") or doc[k].lower_ in _TIME_GLUE):
        k += 1
    if k == s or k >= e - 1 or not any(x.ent_type_ in ("DATE", "TIME") for x in doc[s:k]) or doc[k].is_punct:
        return s
    head = doc[k]
    while head.head.i != head.i and head.dep_ not in ("nsubj", "nsubjpass") and s <= head.head.i < e \
            and head.head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return k if head.dep_ in ("nsubj", "nsubjpass") and head.head.i >= k and head.left_edge.i >= k else s


def _drop_trailing_glue(doc: Doc, s: int, e: int) -> int:
    """End of ``[s, e)`` without the punctuation (not quotes) and conjunctions left before a cut."""
    while e > s and (doc[e - 1].is_punct and not doc[e - 1].is_quote or doc[e - 1].dep_ == "cc"):
        e -= 1
    return e


def _walk_source(doc: Doc, c: _Cand, lemma: str, decide) -> None:
    """Learned source boundaries: ``ST`` cut a trailing constituent (", who ...", "on
    Friday", an apposition annotators leave out)."""
    s, e = _trim(doc, c.source) or c.source
    for _ in range(2):
        last = _last_word(doc, s, e)
        if last <= s:
            break
        chain = []
        a = doc[last]
        while a.head.i != a.i and s <= a.head.i < e and a.left_edge.i > s and a.right_edge.i < e:
            chain.append(a)
            a = a.head
        cut = None
        for a in reversed(chain):
            if a.dep_ in _NO_CUT_DEPS and a.dep_ not in ("nmod", "poss"):
                continue
            lo = a.left_edge.i
            prev = doc[lo - 1].text if lo > 0 and doc[lo - 1].is_punct else "-"
            feats = _step_feats("ST", c, lemma, {
                "dep": a.dep_, "w": _word_key(doc[lo]), "p": prev, "tag": a.tag_, "hd": a.head.pos_,
                "len": _bucket(a.right_edge.i + 1 - lo), "slen": _bucket(lo - s),
                "side": "before" if e <= c.cue[0] else "after"})
            if decide("ST", feats, lo, a.right_edge.i + 1):
                cut = lo
                break
        if cut is None:
            break
        e = _drop_trailing_glue(doc, s, cut)
    if s < e:
        c.source = (s, e)


def _content_bounds(lex: dict) -> dict | None:
    """The content boundary model: with the span encoder on, the one fitted on its cue model's kept
    candidates (``content_bounds_encoder.json``) when shipped."""
    if encoder.enabled():
        own = _model_file("content_bounds_encoder.json")
        if own is not None:
            return own
    return lex.get("content_bounds")


def _content_decider(model: dict):
    """``decide`` for :func:`_walk_content` from the learned logistic model (``content_bounds.json``)."""
    w, bias = model["weights"], model["bias"]
    def decide(_kind: str, feats: list[str], _lo: int, _hi: int) -> bool:
        return bias + sum(map(w.get, feats, itertools.repeat(0.0, len(feats)))) > 0.0  # (same sum, in order)
    return decide


_RELCL_STATEMENT_NOUNS = frozenset(load_json("statements/links.json")["accusation_nouns"])


def _content_of_verb(doc: Doc, v: Token) -> tuple[tuple[int, int] | None, str]:
    kids = list(v.children)
    toll = _lexicon().get("toll_cues")
    comp = _toll_comparative(v, toll) if TOLL_CUES and toll else None
    if comp is not None:  # "put the toll higher": the toll and the comparative
        return _toll_comparative_range(v, comp), "obj"
    ccomps = [c for c in kids if c.dep_ == "ccomp" and not _noun_ccomp_subject(v, c)]
    after = next((c for c in ccomps if c.i > v.i), None)
    if after is not None and ccomps[0].i < v.i and any(t.text == ":" for t in doc[ccomps[0].right_edge.i:v.i]):
        return _subtree_range(after), "ccomp"  # "The army gave a lower figure: X said 24 had been killed"
    if ccomps:
        return _subtree_range(ccomps[0]), "ccomp"
    for c in kids:
        if c.dep_ == "advcl" and c.i > v.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return _subtree_range(c), "ccomp"  # "warned on Wednesday, before the strike, that X would ...": a
            # complement clause the parser hung as an adverbial one
    xcomps = [c for c in kids if c.dep_ == "xcomp" and c.i > v.i]
    objs = [c for c in kids if c.dep_ in ("dobj", "dative") and c.i > v.i]
    if xcomps:
        start = objs[0].left_edge.i if objs and objs[0].i < xcomps[0].i else xcomps[0].left_edge.i
        return (start, xcomps[0].right_edge.i + 1), "xcomp"
    if objs:
        if v.lemma_ == "tell" and len(objs) == 1 and not any(
                c.dep_ == "prep" and c.lower_ in ("about", "of", "on") for c in kids):
            return None, ""  # "told us by phone", "told AFP": the one told, not what was told
        end = objs[-1].right_edge.i + 1
        for c in kids:
            if c.i > objs[0].i and (c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ in (
                    "as", "of", "for", "to", "with", "on", "about")):
                end = max(end, c.right_edge.i + 1)
        return (objs[0].left_edge.i, end), "obj"
    for c in kids:
        if c.dep_ == "prep" and c.i > v.i and c.lower_ in _CUE_PREPS:
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")
                    and not (c.lower_ == "on" and g.ent_type_ in ("DATE", "TIME"))]
            if pobj:  # ("rejected on Tuesday" says when, not what)
                return (pobj[0].left_edge.i, c.right_edge.i + 1), "prep"
    oprd = [c for c in kids if c.dep_ == "oprd" and c.i > v.i]
    if oprd and any(c.dep_ == "dobj" and c.lower_ == "what" and c.i < v.i for c in kids):
        # "..., in what the government called a deliberate attack on its territory": what it called it
        return _subtree_range(oprd[0]), "obj"
    if v.dep_ == "relcl" and v.head.pos_ == "NOUN" and v.head.i < v.i and v.head.lower_ in _RELCL_STATEMENT_NOUNS:
        # "..., an accusation the military rejected on Tuesday": what was rejected is the accusation
        return (v.head.left_edge.i, v.head.i + 1), "obj"  # scored as the object it stands for
    return None, ""


def _parenthetical_content(doc: Doc, v: Token) -> tuple[int, int] | None:
    """'X, officials said, ...' / '..., he said.' with ``v`` attached under the clause."""
    head = v.head
    if head is v or v.dep_ not in ("parataxis", "ccomp", "advcl", "conj") or head.pos_ not in ("VERB", "AUX"):
        return None
    if v.i < head.i and v.dep_ != "parataxis":
        return None
    s, e = _subtree_range(head)
    vs, ve = _subtree_range(v)
    if vs <= s:
        return None
    return s, e


def _in_quote(doc: Doc, tok: Token, quotes) -> tuple[int, int] | None:
    for q in quotes:
        if q[0] < tok.idx < q[1]:
            return q
    return None


_NP_START = frozenset({"DET", "PROPN", "NOUN", "ADJ", "NUM"})


def _quote_frame_source(doc: Doc, v: Token) -> tuple[int, int] | None:
    """The speaker framed by a quotation the parser could not read: '"...," a doctor at the hospital, who asked not
    to be named, told the BBC' (the words between the closing quote and the cue) or '"...," said a grocer in Barra
    do Ceara, who asked ...' (the words after the cue, to the sentence's end)."""
    def closes_quote(k: int) -> bool:  # '...," ' : a closing quote after a comma (or ? !)
        return k >= 1 and doc[k].is_quote and doc[k - 1].text in (",", "?", "!")

    def noun_phrase(a: int, b: int, fronted: bool = True) -> bool:
        # (before the cue, a verb only in a relative clause: "a doctor, who asked not to ...")
        verb = next((t.i for t in doc[a:b] if t.pos_ in ("VERB", "AUX")), b) if fronted else b
        return b > a and doc[a].pos_ in _NP_START and any(t.pos_ in ("NOUN", "PROPN") for t in doc[a:verb]) \
            and not any(t.is_quote for t in doc[a:b]) \
            and (verb == b or any(t.lower_ in ("who", "which", "that", "whose") for t in doc[a:verb]))

    if v.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # a finite cue ("said", "told"), not "saying", "to mention"
    sent = v.sent
    j = v.i - 1
    if j >= sent.start and doc[j].text == ",":
        j -= 1
    k = next((k for k in range(j, max(sent.start, v.i - 40) - 1, -1) if doc[k].is_quote), None)
    if k is not None and k < j and closes_quote(k) and noun_phrase(k + 1, j + 1):
        return k + 1, j + 1
    if closes_quote(v.i - 1):
        end = sent.end
        while end > v.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if noun_phrase(v.i + 1, end, fronted=False) and doc[v.i + 1].pos_ in ("DET", "PROPN"):
            return v.i + 1, end
    return None


def _inverted_subject(doc: Doc, v: Token) -> tuple[int, int] | None:
    """'..., said X' where the parser made X an object or attached it elsewhere."""
    for c in v.children:
        if c.i > v.i and c.dep_ in ("dobj", "attr", "npadvmod") and c.pos_ in ("PROPN", "PRON", "NOUN"):
            prev = doc[v.i - 1] if v.i > 0 else None
            if prev is not None and (prev.is_punct or prev.is_quote):
                return _subtree_range(c)
    return None


_GAP_OK = set(",:;—–- \n\t")


def _quote_adjacent(doc: Doc, v: Token, source, quotes, text: str) -> tuple[int, int] | None:
    """Token range of a quotation right before or after the cue (and its source)."""
    if source and any(
            t.pos_ in ("VERB", "AUX") and t.i != v.i and t.head.i != v.i and not source[0] <= t.i < source[1]
            for t in doc[min(v.i, source[0]):max(v.i + 1, source[1])]):
        source = None  # '"...," Trump said, referring to Cruz': the quotation is said's, not referring's
    lo_tok = min(v.i, source[0]) if source else v.i
    hi_tok = max(v.i + 1, source[1]) if source else v.i + 1
    lo, hi = doc[lo_tok].idx, doc[hi_tok - 1].idx + len(doc[hi_tok - 1])
    for qs, qe in quotes:
        if qe <= lo and all(ch in _GAP_OK for ch in text[qe:lo]):
            return _char_to_tokens(doc, qs, qe)
        if qs >= hi and all(ch in _GAP_OK for ch in text[hi:qs]):
            return _char_to_tokens(doc, qs, qe)
    return None


def _char_to_tokens(doc: Doc, s: int, e: int) -> tuple[int, int] | None:
    span = doc.char_span(s, e, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def _verb_candidates(doc: Doc, lex: dict, quotes, text: str) -> list[_Cand]:
    out = []
    pos = _columns(doc)[0]
    for i in numpy.flatnonzero(pos == parts_of_speech.VERB).tolist():
        v = doc[i]
        if v.lower_ == "according":
            continue
        lemma = v.lemma_.lower()
        content, kind = _content_of_verb(doc, v)
        if content is None:
            content, kind = _parenthetical_content(doc, v), "paren"
        source = _subject(v)
        if source is None:
            source = _quote_frame_source(doc, v) or _inverted_subject(doc, v)
            if source is not None and content is not None and content[0] < source[0] < content[1] <= v.i + 1:
                content = (content[0], source[0])  # (the parser hung the speaker on the quotation's verb)
        alt = None
        if kind in ("prep", "paren") or content is None:
            q = _quote_adjacent(doc, v, source, quotes, text) if _in_quote(doc, v, quotes) is None else None
            if q is not None:
                alt = (content, kind) if kind in ALT_KINDS and content is not None else None
                content, kind = q, "quote"
        if content is None and PASSIVE_CANDIDATES:
            subj = next((k for k in v.children if k.dep_ == "nsubjpass" and k.i < v.i), None)
            if subj is not None and is_trigger_word(v) and not any(k.dep_ == "agent" for k in v.children):
                continue  # "A police station was attacked on Sunday": an incident, told by nobody
            if subj is not None:
                content, kind = _subtree_range(subj), "pass"
        if content is None:
            continue
        out.append(_Cand(cue=_cue_range(doc, v, content), content=content, source=source, head=v.i,
                         key=f"{lemma}|{kind}", alt=alt))
    return out


_ADJ_PREPS = {"of", "about", "with", "in", "on", "at", "by", "to", "toward", "towards", "over", "as", "for",
              "against", "that"}


def _adj_candidates(doc: Doc) -> list[_Cand]:
    """Copular adjectives with a complement: "are skeptical of X", "is confident that ...", "were
    unhappy with X" (cue from the copula to the adjective, and its preposition when the content is
    the preposition's object; source the copula's subject)."""
    out = []
    pos, dep = _columns(doc)[:2]
    for i in numpy.flatnonzero((dep == _hash(doc, "acomp")) & (pos == parts_of_speech.ADJ)).tolist():
        a = doc[i]
        if a.head.pos_ not in ("AUX", "VERB") or a.head.i > a.i:
            continue
        cop = a.head
        kids = [k for k in a.children if k.i > a.i]
        content, kind, end = None, "", a.i + 1
        prep = next((k for k in kids if k.dep_ == "prep" and k.lower_ in _ADJ_PREPS and k.i == a.i + 1), None)
        pobj = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")] if prep is not None else []
        clause = next((k for k in kids if k.dep_ in ("ccomp", "xcomp")), None) or \
            next((k for k in cop.children if k.dep_ == "ccomp" and k.i > a.i), None)
        if pobj:
            content, kind, end = (pobj[0].left_edge.i, prep.right_edge.i + 1), "prep", prep.i + 1
        elif clause is not None:
            content, kind = _subtree_range(clause), "clause"
        if content is None or content[0] < end:
            continue
        s = cop.i
        while s > 0 and doc[s - 1].dep_ in ("aux", "auxpass", "neg", "advmod") and doc[s - 1].head.i == cop.i:
            s -= 1
        out.append(_Cand(cue=(s, end), content=content, source=_subject(cop), head=a.i,
                         key=f"adj|{a.lemma_.lower()}|{kind}"))
    return out


def _phrase_candidates(doc: Doc, lex: dict) -> list[_Cand]:
    out = []
    lower = _columns(doc)[4]
    at: dict[str, list[int]] = {}  # positions of each phrase's first word, in order
    for w in {phrase[0] for phrase in lex["phrases"] if phrase}:
        at[w] = [i for i in numpy.flatnonzero(lower == _hash(doc, w)).tolist() if doc[i].lower_ == w]
    for phrase in lex["phrases"]:
        n = len(phrase)
        for i in (at.get(phrase[0], ()) if phrase else range(len(doc) - n + 1)):
            if i > len(doc) - n or [doc[j].lower_ for j in range(i, i + n)] != phrase:
                continue
            last = doc[i + n - 1]
            pobj = [c for c in last.children if c.dep_ == "pobj"]
            if not pobj:
                continue
            source = _subtree_range(pobj[0])
            anchor = doc[i]
            head = anchor.head
            while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            hs, he = _subtree_range(head)
            ps, pe = i, source[1]
            while he > pe and doc[he - 1].is_punct:
                he -= 1
            if ps <= hs:
                content = (pe, he)
            elif pe >= he:
                content = (hs, ps)
            else:
                content = (hs, he)
            out.append(_Cand(cue=(i, i + n), content=content, source=source, head=i,
                             key="phrase|" + " ".join(phrase)))
    return out


_NOUN_PREPS = {"of", "to", "on", "about", "for", "with", "against", "over", "among", "from"}


def _noun_candidates(doc: Doc, lex: dict) -> list[_Cand]:
    """Nouns with a content clause (``claim that``/``plan to``) or object (``criticism of X``)."""
    out = []
    pos, dep, _, heads, _ = _columns(doc)
    idx = numpy.arange(len(doc))
    clauses = numpy.isin(dep, [_hash(doc, "acl"), _hash(doc, "ccomp")]) & (heads < idx)  # right of its head
    preps = (dep == _hash(doc, "prep")) & (heads == idx - 1)  # right after its head
    hosts = numpy.unique(heads[clauses | preps])
    for i in hosts[pos[hosts] == parts_of_speech.NOUN].tolist() if len(hosts) else []:
        n = doc[i]
        kids = list(n.children)
        clause = [c for c in kids if c.dep_ in ("acl", "ccomp") and c.i > n.i and
                  any(g.dep_ == "mark" and g.lower_ == "that" or g.lower_ == "to" for g in c.children)]
        cue_end = n.i + 1
        kind = "clause"
        if clause:
            content = _subtree_range(clause[0])
        else:
            preps = [c for c in kids if c.dep_ == "prep" and c.i == n.i + 1 and c.lower_ in _NOUN_PREPS]
            pobj = [g for g in preps[0].children if g.dep_ in ("pobj", "pcomp")] if preps else []
            if not pobj:
                continue
            content = (pobj[0].left_edge.i, preps[0].right_edge.i + 1)
            cue_end = n.i + 2
            kind = "prep"
        poss = [c for c in kids if c.dep_ == "poss"]
        source = _subtree_range(poss[0]) if poss else None
        if source is None and n.dep_ in ("dobj", "attr") and n.head.pos_ in ("VERB", "AUX"):
            source = _subject(n.head)
        out.append(_Cand(cue=(n.i, cue_end), content=content, source=source, head=n.i,
                         key=f"noun|{n.lemma_.lower()}|{kind}"))
    return out


def _colon_candidates(doc: Doc, text: str) -> list[_Cand]:
    """``Name: "quoted words"`` / ``Q: ...`` at the start of a line."""
    out = []
    words = _columns(doc)[2]
    for i in numpy.flatnonzero((words == _hash(doc, ":")) | (words == _hash(doc, "):"))).tolist():
        tok = doc[i]
        if tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        line_start = text.rfind("\n", 0, tok.idx) + 1
        left = doc.char_span(line_start, tok.idx, alignment_mode="expand")
        aside = None  # "JOHN SMITH (speaking to reporters):": the aside tells how the turn was said
        closed = tok.text == "):"  # (the tokenizer keeps "):" together)
        if left is not None and len(left) > 2 and (closed or left[-1].text == ")") \
                and any(t.text == "(" for t in left[:-1]):
            open_at = max(t.i for t in left[:-1] if t.text == "(")
            end = left.end if closed else left.end - 1
            if open_at > left.start and open_at + 1 < end:
                aside = (open_at + 1, end)
                left = doc[left.start:open_at]
        elif closed:
            continue
        if left is None or not 0 < len(left) <= 6 or any(t.pos_ == "VERB" for t in left):
            continue
        line_end = text.find("\n", tok.idx)
        line_end = len(text) if line_end < 0 else line_end
        right = doc.char_span(tok.idx + len(tok.text), line_end, alignment_mode="expand")
        if right is None or len(right) < 2:
            continue
        headline = not text[:line_start].strip()  # the first line of the text
        if headline and _names_a_topic(left):
            continue  # "Ukraine war: Russia shells Kharkiv": the story's topic, nobody said it
        kind = ("turn" if TRANSCRIPT_TURNS and _speaker_turn(left, right, _line_labels(doc, text)) else
                "headline" if HEADLINE_COLONS and headline and _headline_says(left, right) else "")
        if aside is not None and kind != "turn":
            continue
        if kind:  # the speaker without the paragraph's opening quote mark
            while len(left) > 1 and not left[0].is_alpha:
                left = left[1:]
        cue = aside if aside is not None else (tok.i, tok.i + 1)
        out.append(_Cand(cue=cue, content=(right.start, right.end),
                         source=(left.start, left.end), head=tok.i, key=f"mark|{kind}" if kind else "colon|line"))
    return out


HEADLINE_COLONS = True  # "Police: Gunman acted alone" as a headline: the police say so


def _names_a_topic(left) -> bool:
    """A headline label that ends in a topic word ("Ukraine war", "The Latest", "Live updates") or an incident
    noun ("Moscow attack", "Concert hall massacre") names what the story is about, not who speaks."""
    words = [t for t in left if t.is_alpha]
    if not words:
        return False
    last = words[-1]
    return last.lower_ in _lexicon().get("headline_topic_words", {}).get("words", ()) or is_incident_noun(last)


@functools.lru_cache(maxsize=1)
def _speaker_nouns() -> frozenset[str]:
    roles = load_json("speakers/roles.json")
    return frozenset(roles["person_titles"]) | frozenset(roles["group_nouns"])


def _headline_says(left, right) -> bool:
    """A headline's ``Label: clause``: the label names someone (a name, an organisation, a title such as
    "Governor", a group such as "Police") and a clause or a quotation follows ("The Latest: ..." names nobody)."""
    words = [t for t in left if t.is_alpha]
    if not words or len(words) > 4 or len(left.text.strip()) < 2 or any(t.pos_ in ("VERB", "AUX") for t in left):
        return False
    named = (any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in words)
             or all(t.pos_ == "PROPN" for t in words) or words[-1].lower_ in _speaker_nouns())
    says = any(t.pos_ in ("VERB", "AUX") for t in right) or right[0].is_quote
    return named and says


TRANSCRIPT_TURNS = True  # "PENCE: Well, look, ..." on two or more lines: each line is that speaker's turn


def _line_label(label: str) -> str:
    return label.strip().strip("\"“”'‘’").strip().lower()


_LINE_LABEL = re.compile(r"^([^\n:]{1,40}):", re.M)


def _line_labels(doc: Doc, text: str) -> dict[str, int]:
    """How many lines open with each ``Label:`` (read once per document)."""
    cached = doc.user_data.get("rashomon_line_labels")
    if cached is None:
        cached = {}
        for m in _LINE_LABEL.finditer(text):
            key = _line_label(m.group(1))
            cached[key] = cached.get(key, 0) + 1
        doc.user_data["rashomon_line_labels"] = cached
    return cached


def _speaker_turn(left, right, labels: dict[str, int]) -> bool:
    """Is ``Label: words`` a speaker's turn in a transcript: a name or an ALL-CAPS label that opens two
    or more lines, followed by words (not a figure: "Clinton: 1,769.")? A bare "Q"/"A" names nobody."""
    letters = [ch for ch in left.text if ch.isalpha()]
    capitals = len(letters) > 1 and all(ch.isupper() for ch in letters)
    if labels.get(_line_label(left.text), 0) < 2 and not (
            capitals and sum(n >= 2 for n in labels.values()) >= 2):
        return False  # (in a transcript - two labels that open lines again and again - a guest speaks once)
    named = capitals or len(letters) > 1 and all(
        t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or not t.is_alpha for t in left)
    return named and any(t.is_alpha for t in right)


QA_ANSWERS = True  # news only: a Q&A transcript's answer lines are statements of the official introduced before it
_QA_LINE = re.compile(r"^[^\S\n]*([^\n:]{1,40}?)[^\S\n]*:[^\S\n]+(\S[^\n]*)$", re.M)
_ANSWER_LABELS = frozenset({"a", "answer"})


def _qa_transcript(text: str) -> tuple[list[tuple[int, int, int, int]], list[tuple[int, int]], str] | None:
    """A transcript of questions and answers ("Q: ...?" / "A: ...", "Observer: ...?" / "Sablan: ..."): two
    line labels that open two lines or more each, one whose lines ask (end with "?") and one whose lines do not.
    Returns the answer lines ``(label start, colon end, content start, content end)``, the question lines'
    ``(start, end)`` and the answer label; None when the text holds no such transcript."""
    lines: dict[str, list] = {}
    for m in _QA_LINE.finditer(text):
        lines.setdefault(_line_label(m.group(1)), []).append(m)
    asks = {k: sum(m.group(2).rstrip(" \"'”’").endswith("?") for m in ms) for k, ms in lines.items() if len(ms) >= 2}
    questions = [k for k, n in asks.items() if n * 2 > len(lines[k])]
    answers = [k for k, n in asks.items() if n == 0 and k not in questions]
    if len(questions) != 1 or len(answers) != 1:
        return None
    q, a = questions[0], answers[0]
    if not any(ch.isalpha() for ch in a) or len(a.split()) > 3:
        return None
    if lines[q][0].start() > lines[a][0].start():
        return None  # the first question comes before the first answer
    ans = [(m.start(1), m.end(1) + text[m.end(1):m.start(2)].index(":") + 1, m.start(2), m.end(2)) for m in lines[a]]
    return ans, [(m.start(), m.end()) for m in lines[q]], lines[a][0].group(1)


def _title_left(doc: Doc, start: int) -> int:
    """Extend a name leftwards over its title ("Commissioner of Public Safety | Rosa Camacho Sablan")."""
    while start > 0:
        prev = doc[start - 1]
        if prev.is_sent_end or prev.ent_type_ in ("DATE", "TIME"):
            break
        if prev.is_alpha and prev.is_title and prev.lower_ not in ("the", "a", "an", "by", "on", "in", "at", "to"):
            start -= 1
        elif prev.lower_ == "of" and start - 2 >= 0 and doc[start - 2].is_title and doc[start].is_title:
            start -= 1
        else:
            break
    return start


def _qa_speaker(doc: Doc, text: str, before: int, label: str) -> tuple[int, int] | None:
    """The official a transcript introduces: the last earlier mention of the answer label's name ("Sablan:"), or,
    for a bare "A:", the last person named before the first line (not in a "By ..." byline)."""
    if label.strip().lower() in _ANSWER_LABELS:
        for ent in reversed(doc.ents):
            if ent.label_ != "PERSON" or ent.end_char > before:
                continue
            line = text[text.rfind("\n", 0, ent.start_char) + 1:ent.start_char]
            if line.strip().lower() in ("by", "by:") or not line.strip():
                continue  # a byline, or a name opening a line
            return _title_left(doc, ent.start), ent.end
        return None
    words = label.split()
    hits = [m for m in re.finditer(r"(?<!\w)" + re.escape(label) + r"(?!\w)", text[:before])]
    for m in reversed(hits):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start:m.start()].strip():
            continue  # a label, not a mention
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not all(w[:1].isupper() for w in words):
            continue
        return _title_left(doc, span.start), span.end
    return None


def _qa_answers(doc: Doc, text: str, cands: list[_Cand]) -> list[_Cand]:
    """Replace the candidates of a Q&A transcript: no question line says anything, and each answer line is one
    statement of the introduced official, cue the answer label ("A:")."""
    qa = _qa_transcript(text)
    if qa is None:
        return cands
    answers, questions, label = qa
    source = _qa_speaker(doc, text, min(q[0] for q in questions), label)
    if source is None:
        return cands
    labels = [(a[0], a[1]) for a in answers]
    keep = [c for c in cands if not any(s <= doc[c.head].idx < e for s, e in questions + labels)]
    for ls, le, cs, ce in answers:
        cue = doc.char_span(ls, le, alignment_mode="expand")
        content = doc.char_span(cs, ce, alignment_mode="expand")
        if cue is None or content is None:
            continue
        keep.append(_Cand(cue=(cue.start, cue.end), content=(content.start, content.end), source=source,
                          head=cue.end - 1, score=DASH_SCORE, key="mark|answer"))
    return keep


_MARK_KEYS = ("colon|", "mark|")  # punctuation cues: their span and content are fixed by the layout, not walked
DASH_CUES = True  # '"..." ― Name' (a pull quote signed on its line) and an embedded post's '— Name (@handle) date'
DASH_SCORE = 0.9
_DASH = r"(?:―|—|–|--|-)"
_NAME_END = r"[^\S\n]*\.?[^\S\n]*$"
_PULL_QUOTE = re.compile(r"^[^\S\n]*([\"“”‘'][^\n]*[\"“”’'])[^\S\n]*(" + _DASH + r")[^\S\n]*([^\n]{2,120}?)" + _NAME_END, re.M)
_SIGNED_POST = re.compile(r"^[^\S\n]*(?:<[^>\n]*>)?([^\n<]{3,}?)[^\S\n]*(?:(?:pic\.twitter\.com|https?://)\S*[^\S\n]*)?"
                          r"(" + _DASH + r")[^\S\n]*([^\n(]{2,60}?\(@\w+\))[^\n]{0,40}$", re.M)


def _dash_candidates(doc: Doc, text: str, lex: dict) -> list[_Cand]:
    """Attributions the layout makes: a line holding only a quotation, a dash and who said it ('"We will
    rebuild." ― Maria Lopez, shop owner'), and an embedded post signed '— Name (@handle) Date'."""
    out = []
    for pattern, kind in ((_PULL_QUOTE, "quote"), (_SIGNED_POST, "post")):
        for m in pattern.finditer(text):
            cue = doc.char_span(*m.span(2))
            content = doc.char_span(*m.span(1), alignment_mode="expand")
            if cue is None or content is None or not len(content):
                continue
            # a name, maybe with ", what they are" (a quotation) or "(@handle)" (a post)
            signer = m.group(3).split(",")[0] if kind == "quote" else m.group(3).split("(")[0]
            source = doc.char_span(m.start(3), m.start(3) + len(signer.rstrip(". ")), alignment_mode="expand")
            if source is None or not _signs(source, kind, lex):
                continue
            out.append(_Cand(cue=(cue.start, cue.end), content=(content.start, content.end),
                             source=(source.start, source.end), head=cue.start, key=f"mark|{kind}"))
    return out


def _signs(source, kind: str, lex: dict) -> bool:
    """Can these words sign a quotation: a person's name (no verb, capitalised words, not an agency credit)?"""
    words = [t for t in source if t.is_alpha]
    if not words or len(source) > 8 or any(t.pos_ in ("VERB", "AUX") and t.tag_ != "NNP" for t in source):
        return False
    if kind == "post":
        return True
    caps = [t for t in words if t.text[0].isupper()]
    return (len(caps) == len(words) and not any(t.ent_type_ in ("ORG", "NORP", "LANGUAGE") for t in words)
            and source[0].lower_ not in _NOT_SIGNERS
            and source[0].lower_ not in lex.get("credit_words", {}).get("words", ()))


_NOT_SIGNERS = frozenset({"a", "an", "the", "this", "that", "it", "he", "she", "they", "we", "i", "and", "but"})


def _tagger_candidates(doc: Doc, quotes, text: str, cands: list[_Cand]) -> list[_Cand]:
    """Cues the trained tagger marks where no rule candidate has one (copular, adjectival, prepositional).

    Source and content come from the parse as for verbs: a verb's subject and
    complement; otherwise the first dependent right of the cue, or the clause the
    cue modifies, with the subject of the nearest verb above as the source.
    """
    covered = {i for c in cands for i in range(*c.cue)} | {c.head for c in cands}
    out = []
    for s, e in tagged_cues(doc):
        if any(i in covered for i in range(s, e)):
            continue
        root = doc[s:e].root
        content, kind = (None, "")
        verbal = root.pos_ in ("VERB", "AUX")
        if verbal:
            content, kind = _content_of_verb(doc, root)
            passive = [k for k in root.children if k.dep_ == "nsubjpass"]
            if content is None and passive:  # "X was first reported by Y"
                content, kind = _subtree_range(passive[0]), "pass"
        if content is None:
            kids = sorted((k for t in doc[s:e] for k in t.children if k.i >= e and k.dep_ not in
                           ("punct", "cc", "conj", "nsubj", "nsubjpass", "appos", "relcl", "agent")), key=lambda k: k.i)
            if kids:
                content, kind = (kids[0].left_edge.i, max(k.right_edge.i for k in kids) + 1), "right"
        head = root.head
        if content is None and head.i != root.i and not s <= head.i < e:
            if root.i < head.i:
                content = (root.right_edge.i + 1, head.right_edge.i + 1)
            else:
                content = (head.left_edge.i, root.left_edge.i)
            content, kind = (content if content[0] < content[1] else None), "paren"
        anchor_verb = root
        while anchor_verb.pos_ not in ("VERB", "AUX") and anchor_verb.head.i != anchor_verb.i:
            anchor_verb = anchor_verb.head
        source = _subject(anchor_verb) if anchor_verb.pos_ in ("VERB", "AUX") else None
        if source is None and verbal:
            source = _inverted_subject(doc, root)
        if root.pos_ == "NOUN":
            poss = [c for c in root.children if c.dep_ == "poss"]
            if poss:
                source = _subtree_range(poss[0])
        if source is not None and source[0] < e and s < source[1]:
            source = None
        if (content is None or kind == "paren") and _in_quote(doc, root, quotes) is None:
            q = _quote_adjacent(doc, root, source, quotes, text)
            if q is not None:
                content, kind = q, "quote"
        if content is None or content[0] < e and s < content[1]:
            continue
        if source is not None and source[0] < content[1] and content[0] < source[1]:
            source = None
        out.append(_Cand(cue=(s, e), content=content, source=source, head=root.i,
                         key=f"tag|{root.lemma_.lower()}|{root.pos_}|{kind}"))
    return out


# --------------------------------------------------------------------------- features / scoring


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n <= 3 else "4" if n <= 7 else "8" if n <= 15 else "16"


def _features(doc: Doc, c: _Cand, quotes, lex: dict, sent_quoted: set[int],
              tagged: dict[int, tuple[int, int]] | None = None) -> list[str]:
    """Binary feature names of a candidate (for the logistic cue model)."""
    h = doc[c.head]
    lemma = h.lemma_.lower()
    parts = c.key.split("|")
    kind = parts[-1]
    fam = parts[0] if parts[0] in ("noun", "phrase", "colon", "mark", "tag", "adj") else "verb"
    f = [f"k={fam}|{kind}", f"l={lemma}", f"lk={lemma}|{kind}", f"p={h.pos_}", f"t={h.tag_}",
         f"d={h.dep_}", f"ld={lemma}|{h.dep_}", f"lt={lemma}|{h.tag_}"]
    if h.head is not h:
        f += [f"hd={h.dep_}|{h.head.lemma_.lower()}", f"hp={h.dep_}|{h.head.pos_}"]
    for ch in h.children:
        f.append(f"cd={ch.dep_}")
        f.append(f"lcd={lemma}|{ch.dep_}")
        if ch.dep_ in ("prep", "prt", "aux", "neg", "advmod", "agent", "mark"):
            f.append(f"cw={ch.dep_}|{ch.lower_}")
            f.append(f"lcw={lemma}|{ch.lower_}")
    if c.content is not None:
        cs, ce = c.content
        first = doc[cs].lower_
        f.append(f"cf={first}" if first in ("that", "if", "whether", "to", "how", "what", "why", "when", "“", '"')
                 else "cf=other")
        f.append(f"lcf={lemma}|{f[-1][3:]}")
        f.append(f"clen={_bucket(ce - cs)}")
        f.append(f"order={'before' if c.head < cs else 'after' if c.head >= ce else 'in'}")
    root = None
    if c.source is None:
        f += ["src=none", f"lsrc={lemma}|none"]
    else:
        a, b = c.source  # the source's root: its first token whose head is outside it, else its first token
        heads = _columns(doc)[3]
        root = doc[next((i for i in range(a, b) if not a <= heads[i] < b), a)]
        stype = "pron" if root.pos_ == "PRON" else root.pos_.lower()
        f += [f"src={stype}", f"lsrc={lemma}|{stype}", f"srcent={root.ent_type_ or 'none'}",
              f"srclen={_bucket(c.source[1] - c.source[0])}"]
        if root.pos_ in ("PRON", "DET"):
            f.append(f"srcw={root.lower_}")
    inq = _in_quote(doc, h, quotes) is not None
    f.append(f"inq={inq}")
    f.append(f"lq={lemma}|{inq}")
    sq = _sent_bounds(doc)[0][h.i] in sent_quoted
    f.append(f"sq={sq}|{kind}")
    f.append(f"prev={doc[h.i - 1].lower_ if h.i > 0 else '<s>'}")
    f.append(f"next={doc[h.i + 1].lower_ if h.i + 1 < len(doc) else '</s>'}")
    f.append(f"lex={lemma in lex['verb_set'] or lemma in lex['noun_set']}|{fam}")
    f.append(f"fam_p={fam}|{h.pos_}")
    if tagged is not None:
        span = tagged.get(c.head)
        f.append(f"tg={span is not None}|{fam}")
        f.append(f"tgk={span is not None}|{kind}")
        if span is not None:
            f.append(f"tgx={span == c.cue}|{fam}")
    probs = doc.user_data.get("rashomon_cue_probs")
    if probs is not None:  # the span encoder's belief that the cue is one, binned
        p = max((probs.get(i, 0.0) for i in range(c.cue[0], c.cue[1])), default=0.0)
        b = "0" if p < 0.05 else "1" if p < 0.2 else "2" if p < 0.4 else "3" if p < 0.6 else "4" if p < 0.8 else "5"
        f += [f"tgp={b}", f"tgpf={b}|{fam}", f"tgpk={b}|{kind}"]
    if EXTRA_FEATURES:
        f += _more_features(doc, c, lemma, kind, fam, sq, lex, tagged, root)
    return f


def _more_features(doc: Doc, c: _Cand, lemma: str, kind: str, fam: str, sq: bool, lex: dict,
                   tagged: dict | None, root: Token | None) -> list[str]:
    """Sixth-pass features (``EXTRA_FEATURES``): lemma x source class (entity type, pronoun, POS),
    lemma x quoted sentence / content length / cue-content order, lexicon class x construction,
    lemma suffixes (for rare lemmas), paragraph/sentence position, tagger x construction x
    sourcelessness, second neighbours. ``root``: the source's head token (None without source)."""
    h = doc[c.head]
    sc = "none" if root is None else "pron" if root.pos_ == "PRON" else (root.ent_type_ or root.pos_)
    f = [f"lsc={lemma}|{sc}", f"vc={lex['verb_class'].get(lemma, 'none')}|{kind}|{fam}",
         f"suf3={lemma[-3:]}|{fam}", f"suf4={lemma[-4:]}|{fam}|{kind}", f"lsq={lemma}|{sq}"]
    start = _sent_bounds(doc)[0][h.i]
    f.append(f"pfirst={start == 0 or chr(10) in doc[start - 1].text_with_ws}|{fam}")
    f.append(f"sfirst={h.i - start <= 3}|{fam}")
    if c.content is not None:
        f.append(f"lclen={lemma}|{_bucket(c.content[1] - c.content[0])}")
        f.append(f"lord={lemma}|{'before' if c.head < c.content[0] else 'after'}")
    if tagged is not None:
        f.append(f"tgks={c.head in tagged}|{fam}|{kind}|{sc == 'none'}")
    f.append(f"prev2={doc[h.i - 2].lower_ if h.i > 1 else '<s>'}")
    f.append(f"next2={doc[h.i + 2].lower_ if h.i + 2 < len(doc) else '</s>'}")
    return f


def _sigmoid_score(model: dict, feats: list[str]) -> float:
    w = model["weights"]
    z = model["bias"] + sum(map(w.get, feats, itertools.repeat(0.0, len(feats))))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _score(lex: dict, key: str, lemma: str, in_lexicon: bool) -> float:
    """Fallback P(cue) without a model: learned PolNeAR counts, lexicon prior otherwise."""
    learned = lex.get("learned")
    prior = 0.5 if in_lexicon else 0.0
    if not learned:
        return prior
    alpha = learned["alpha"]
    for k in (key, lemma):
        if k in learned["counts"]:
            pos, tot = learned["counts"][k]
            return (pos + alpha * prior) / (tot + alpha)
    return prior


def _vetoed(doc: Doc, c: _Cand, lex: dict) -> bool:
    """Constructions that are not attributions (``not_cues`` in cues.json).

    Self-naming ("a group calling itself X"), release of material ("released
    footage of ..."), physical evidence ("showing signs of torture"), an
    intention with no holder, a bare demonstrative as source ("This
    contradicts ...": PolNeAR annotates few of these), and an event evoking
    another ("The case recalls the explosion of ...").
    """
    no = lex["not_cues"]
    h = doc[c.head]
    lemma = h.lemma_.lower()
    kids = list(h.children)
    objs = [k for k in kids if k.dep_ in ("dobj", "nsubjpass")]
    if c.key.startswith("noun|"):
        return lemma in no["material_nouns"]
    if lemma in no["naming_verbs"] and any(k.lower_ in no["reflexives"] for k in objs):
        return True
    if lemma in no["commissioning_verbs"] and any(k.dep_ == "dobj" and is_incident_noun(k) for k in objs):
        return True  # "whether the gang ordered the attack": an act commissioned
    if lemma in no["release_verbs"] and any(k.lemma_.lower() in no["material_nouns"] and
                                            not any(g.dep_ in ("relcl", "acl") and g.lemma_.lower() in lex["verb_set"]
                                                    for g in k.children) for k in objs):
        return True
    if (c.source is None or h.tag_ == "VBG" and not any(k.dep_ == "aux" for k in kids)) and \
            lemma in no["evidence_verbs"] and any(k.lemma_.lower() in no["evidence_objects"] for k in objs):
        return True  # "..., showing signs of ...": appearance, not a stance (PolNeAR: "are showing signs of irritation")
    if c.source is None and lemma in no["intention_verbs"]:
        return True
    if c.source is not None and lemma in no["evocation_verbs"] and \
            _source_head(doc, c.source).lemma_.lower() in no["event_sources"]:
        return True  # "The case recalls the explosion of 2014": an event evokes another, nobody speaks
    if lemma in ("ask", "request", "speak", "talk") and _asks_anonymity(doc, c, no["anonymity_words"]):
        return True  # "a source who asked not to be named"
    if c.source is not None and c.source[1] - c.source[0] == 1:
        tok = doc[c.source[0]]
        if tok.lower_ in no["demonstratives"] and tok.head.dep_ != "relcl" and tok.tag_ != "WDT":
            return True
    return False


def _source_head(doc: Doc, source: tuple[int, int]) -> Token:
    """The syntactic head of a source's token range."""
    return doc[source[0]:source[1]].root


def _asks_anonymity(doc: Doc, c: _Cand, words: list[str]) -> bool:
    """The content is a request not to be named ("not to be named", "on condition of anonymity")."""
    content = doc[c.content[0]:c.content[1]] if c.content else None
    if content is None or len(content) > 8:
        return False
    low = [t.lower_ for t in content]
    return any(w in low for w in words) and ("not" in low or "anonymity" in low)


def _candidates(doc: Doc, lex: dict, quotes, text: str) -> list[_Cand]:
    cands = (_verb_candidates(doc, lex, quotes, text) + _phrase_candidates(doc, lex)
             + _noun_candidates(doc, lex) + _colon_candidates(doc, text))
    if DASH_CUES:
        cands += _dash_candidates(doc, text, lex)
    if ADJ_CANDIDATES:
        cands += _adj_candidates(doc)
    if TAGGER_CANDIDATES and (_model() or {}).get("tagger"):
        cands += _tagger_candidates(doc, quotes, text, cands)
    return [c for c in cands if not _in_a_name(doc, c.cue)]


def _in_a_name(doc: Doc, cue: tuple[int, int]) -> bool:
    """"Sayed Hussain Hashimi, ..., told": a cue that is a word of a name (the tagger read "Sayed" as "said")."""
    return all(_name_read_as_verb(doc[i]) is not None for i in range(*cue))


def _name_read_as_verb(t: Token):
    """The name (a multi-word entity) whose capitalised word ``t`` the tagger took for a word of its own
    ("Sayed" of "Sayed Hussain Hashimi" read as "said"), else None."""
    if not t.ent_type_ or not t.text[:1].isupper():
        return None
    doc = t.doc
    ent = next((e for e in doc.ents if e.start <= t.i < e.end), None)
    if ent is None or len(ent) < 2 or ent.label_ not in ("PERSON", "ORG", "GPE"):
        return None
    return ent if t.dep_ == "compound" or t.i == ent.start and doc[t.i + 1].dep_ == "compound" else None


def _score_all(doc: Doc, cands: list[_Cand], quotes, lex: dict, text: str) -> None:
    model = _model()
    if model is None:
        for c in cands:
            lemma = c.key.split("|")[0]
            c.score = 1.0 if c.key.startswith("phrase|") else _score(lex, c.key, lemma, lemma in lex["verb_set"])
        return
    sent_quoted = set()
    if quotes:
        for sent in doc.sents:
            a, b = sent.start_char, sent.end_char
            if any(qs < b and a < qe for qs, qe in quotes):
                sent_quoted.add(sent.start)
    tagged = None
    if TAGGER_FEATURES and model.get("tagger"):
        tagged = {i: (s, e) for s, e in tagged_cues(doc) for i in range(s, e)}
    for c in cands:
        c.feats = _features(doc, c, quotes, lex, sent_quoted, tagged)
        # (a layout cue is a rule: its score is fixed; its features still go to the training rows)
        c.score = DASH_SCORE if c.key.startswith("mark|") else _sigmoid_score(model, c.feats)
    if TOLL_CUES and lex.get("toll_cues"):
        for c in cands:
            if _toll_verb(doc[c.head], lex["toll_cues"]):
                c.score = max(c.score, TOLL_SCORE)


TOLL_CUES = True  # "put the death toll at 12", "gave a higher toll": a figure someone gives is attributed
TOLL_SCORE = 0.9


def _toll_verb(v: Token, toll: dict) -> bool:
    """A verb giving a casualty figure: a toll noun as object, and "at"/"to" the figure or a giving verb."""
    if v.pos_ != "VERB" or v.lemma_.lower() not in toll["verbs"]:
        return False
    if v.lemma_.lower() in toll["counting"]:  # "monitors have recorded hundreds of attacks", "documented 40 cases"
        return any(c.dep_ == "dobj" and _figure_word(c, toll) for c in v.children)
    if _toll_comparative(v, toll) is not None:  # "put the toll higher"
        return True
    objs = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in toll["nouns"]]
    if not objs:
        return False
    if v.lemma_.lower() in toll["giving"] or any(c.dep_ == "prep" and c.lower_ in ("at", "to") for c in v.children):
        return True
    # "put the number of people kidnapped at at least 15": the parse hangs "at <figure>" on the participle
    return TOLL_AT_IN_OBJECT and any(t.dep_ == "prep" and t.lower_ in ("at", "to") and t.i > objs[0].i
                                     and any(_figure_word(g, toll) for g in t.children if g.dep_ == "pobj")
                                     for t in objs[0].subtree)


TOLL_AT_IN_OBJECT = True


def _figure_word(tok: Token, toll: dict) -> bool:
    """A number, an amount word ("hundreds") or a noun counted by a number."""
    return tok.pos_ == "NUM" or tok.lemma_.lower() in toll["amounts"] or any(
        c.dep_ == "nummod" for c in tok.children)


def _toll_comparative(v: Token, toll: dict) -> Token | None:
    """"The agency put the toll higher": a comparative after a toll verb that governs the toll noun."""
    if v.lemma_.lower() not in toll["verbs"] or v.lemma_.lower() in toll["counting"]:
        return None
    objs = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in toll["nouns"] and c.i > v.i]
    for c in v.children:
        if c.i > v.i and c.tag_ in ("JJR", "RBR") and c.dep_ in ("advmod", "acomp", "oprd", "ccomp", "xcomp") \
                and (any(g.lemma_.lower() in toll["nouns"] and g.i < c.i for g in c.children)
                     or objs and objs[0].right_edge.i + 1 == c.i):  # ("put [the toll] [higher]")
            return c
    return None


def _toll_comparative_range(v: Token, comp: Token) -> tuple[int, int]:
    toll = [g for g in comp.children if g.i < comp.i] + [c for c in v.children if c.dep_ == "dobj" and c.i < comp.i]
    return min(g.left_edge.i for g in toll), comp.right_edge.i + 1


# --------------------------------------------------------------------------- assembly


def _char(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    return doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1])


def _extend_to_quotes(cs: int, ce: int, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    for qs, qe in quotes:
        if qs < ce and cs < qe:
            cs, ce = min(cs, qs), max(ce, qe)
    return cs, ce


def _mode(text: str, quotes: list[tuple[int, int]], cs: int, ce: int,
          skip: tuple[tuple[int, int] | None, ...] = ()) -> str:
    """direct: all words of the content are quoted (the cue/source in between aside)."""
    inside = [q for q in quotes if q[0] < ce and cs < q[1]]
    if not inside:
        return "indirect"
    quoted = [False] * (ce - cs)
    for rng in list(inside) + [r for r in skip if r]:
        for k in range(max(cs, rng[0]), min(ce, rng[1])):
            quoted[k - cs] = True
    unquoted = "".join(ch for k, ch in enumerate(text[cs:ce]) if not quoted[k])
    return "direct" if not any(ch.isalnum() for ch in unquoted) else "mixed"


_CLOSING = "\"\u201d'\u00bb"


def _continue_quote(doc: Doc, cue, content, quotes, cue_chars, text: str, src=None, decide=None) -> tuple[int, int]:
    """Extend a content ending with a quotation over quotations that continue it.

    After the sentence holding the cue, a quotation that starts right away (or
    in the next paragraph when the previous quoted paragraph was left open)
    continues the content, unless a cue of its own follows it. With ``decide``
    (learned ``Q`` steps): a quotation resumed in the cue's own sentence
    ('"A," he said, "B."') and a new quoted paragraph after a closed quotation.
    """
    cs, ce = content
    after = max(ce, cue[1], src[1] if src else 0)
    if not any(qe == ce for _, qe in quotes):
        return (cs, ce)
    if decide is not None and ce <= cue[0]:
        nxt = next(((qs, qe) for qs, qe in quotes if after <= qs < after + 150), None)
        if nxt is not None and not any(ch in ".!?\n" for ch in text[after:nxt[0]]) and \
                not any(after <= a < nxt[0] for a, _ in cue_chars if a != cue[0]):
            glue = text[after:nxt[0]].strip()
            if decide("Q", ["Q", "Q|same", f"Q|same|{glue if glue in (',', ':', '') else 'words'}"], nxt[0], nxt[1]):
                ce = after = nxt[1]
    pos = max(ce, cue[1])
    m = next((k for k in range(pos, min(len(text), pos + 200)) if text[k] in ".!?\n"), None)
    if m is None or text[m] == "\n" and pos != ce:
        return (cs, ce)
    if QUOTE_AFTER_ABBREVIATION and text[m] == ".":
        # '"...," said Sen. Lindsey Graham, R-S.C. "I get that."': the first full stop may be an
        # abbreviation's; the sentence ends at the last one before the next quotation
        nxt = next((qs for qs, _ in quotes if after <= qs < after + 300), None)
        if nxt is not None and "\n" not in text[pos:nxt] and text[pos:nxt].rstrip()[-1:] in (".", "!", "?") \
                and not any(pos <= a < nxt for a, _ in cue_chars if a != cue[0]):
            m = len(text[:nxt].rstrip()) - 1
    pos = m + 1 if text[m] != "\n" else m
    while True:
        gap_end = pos
        while gap_end < len(text) and text[gap_end] in " \t\n\u00a0":
            gap_end += 1
        nxt = next(((qs, qe) for qs, qe in quotes if qs == gap_end), None)
        if nxt is None:
            return (cs, ce)
        tail = nxt[1]
        while tail < len(text) and text[tail] not in "\n.!?":
            tail += 1
        if any(nxt[1] <= a < tail for a, _ in cue_chars):
            return (cs, ce)
        if "\n" in text[pos:gap_end] and (text[ce - 1] in _CLOSING or "\n" not in text[ce:gap_end]):
            closed = text[ce - 1] in _CLOSING
            feats = ["Q", "Q|para", f"Q|para|{int(closed)}|{int(cue[0] >= ce)}"]
            if decide is None or not decide("Q", feats, nxt[0], nxt[1]):
                return (cs, ce)
        ce = nxt[1]
        pos = nxt[1]


def _tagger_bounds(doc: Doc, cands: list[_Cand]) -> None:
    """A candidate whose head lies in a tagged cue takes the tagger's cue span (its content trimmed to fit)."""
    tag_at = {i: (s, e) for s, e in tagged_cues(doc) for i in range(s, e)}
    for c in cands:
        span = tag_at.get(c.head)
        if span is None or c.key.startswith(_MARK_KEYS) or span == c.cue:
            continue
        s, e = span
        if c.content is not None:
            cs, ce = c.content
            if cs >= s and cs < e:
                c.content = (e, ce) if e < ce else None
            elif cs < s < ce <= e:
                c.content = (cs, s)
        c.cue = span


def extract_attributions(doc: Doc, turns_nested: bool = False) -> list[Statement]:
    """Attributed statements of a parsed document (outermost attributions only; with ``turns_nested``, as news
    output wants, also those told inside a transcript's turns: "REPORTER: Police say ..." - PolNeAR's
    transcripts keep the turn only, measured on the held-out halves of train)."""
    out = [st for st, _ in _extract(doc, turns_nested=turns_nested)]
    if FINAL_CLAUSE:
        out = _final_clauses(doc, out)
    if CLAIM_SAYING:
        _claim_saying(doc, out)
    if CONJ_SOURCE:
        _conj_sources(doc, out)
    for st in out:
        if st.source is None:
            _clause_final_source(doc, st)
        if st.source is None and CUE_SUBJECT_SOURCE:
            _cue_subject_source(doc, st)
    if PARTICIPLE_SOURCE:
        _participle_sources(doc, out)
    if QUOTED_AS_SAYING:
        out = [_quoted_as_saying(doc, st) for st in out if not _cites_a_source(doc, st)]
    text = doc_text(doc)
    # "• Ransom demanded: $2 million"; "Correction: An earlier version of this report said ...": nobody's statement
    return [st for st in out if not in_fact_label(text, st.cue.start) and not (
        st.source is not None and correction_line(text, st.cue.start) is not None
        and names_an_earlier_version(st.source.text))]


QUOTED_AS_SAYING = True  # "X quoted Y as saying Z": Y said Z; "..., citing police" names a source, says nothing

_SPEAKER_PRONOUNS = frozenset({"i", "we", "he", "she", "you", "it", "they"})


_OPENING_QUOTES = ('"', "\u201c")
_CLOSING_QUOTES = ('"', "\u201d")


def quotes_around_cue(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """'"A," Reyes said at a news conference. "B."': one quotation before the cue and one after it, read as one
    content span that holds the cue and its source (as PolNeAR annotates it), become two statements of the same
    speaker and cue, one per quotation (as a news reader counts them)."""
    text = doc_text(doc)
    out: list[Statement] = []
    for st in statements:
        src = st.source
        inner = src is not None and st.content.start < min(src.start, st.cue.start) \
            and max(src.end, st.cue.end) < st.content.end
        if not inner or text[st.content.start] not in _OPENING_QUOTES:
            out.append(st)
            continue
        frame_start, frame_end = min(src.start, st.cue.start), max(src.end, st.cue.end)
        first_end = max(text.rfind(q, st.content.start + 1, frame_start) for q in _CLOSING_QUOTES) + 1
        second = [i for i in (text.find(q, frame_end, st.content.end) for q in _OPENING_QUOTES) if i >= 0]
        if first_end <= st.content.start + 1 or not second:
            out.append(st)
            continue
        first = Span.of(text, st.content.start, first_end)
        rest = Span.of(text, min(second), st.content.end)
        out.append(replace(st, content=first, mode="direct", events=list(st.events), chain=list(st.chain)))
        out.append(replace(st, content=rest, mode="direct", events=list(st.events), chain=list(st.chain)))
    return out


def quote_told_before(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """'"They just walked in and started shooting." / That was how a barman described the moment ...': a cue
    whose sentence points back ("That was how X described ...", "This is how ...") at a paragraph that is only a
    quotation takes that quotation as its content (direct)."""
    text = doc_text(doc)
    out: list[Statement] = []
    for st in statements:
        cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
        quote = _quotation_paragraph_before(text, cue.sent.start_char) if cue is not None else None
        if quote is None or cue.sent[0].lower_ not in ("that", "this") \
                or not any(c.dep_ == "advmod" and c.lower_ == "how" and c.i < cue.root.i for c in cue.root.children):
            out.append(st)
            continue
        out.append(replace(st, content=Span.of(text, *quote), mode="direct", events=list(st.events), chain=list(st.chain)))
    return out


def _quotation_paragraph_before(text: str, start: int) -> tuple[int, int] | None:
    """The characters of the paragraph right before ``start`` when it is one quotation, else None."""
    before = text[:start].rstrip()
    if not before.endswith(_CLOSING_QUOTES) or "\n" not in text[len(before):start]:
        return None
    para = before.rfind("\n") + 1
    while para < len(before) and before[para].isspace():
        para += 1
    if before[para:para + 1] not in _OPENING_QUOTES or any(q in before[para + 1:-1] for q in set(_CLOSING_QUOTES)):
        return None
    return para, len(before)


def nested_beliefs(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """"The minister said investigators suspected a separatist group": a belief of a third party told inside a
    statement, as a statement of its own (the outermost-only extraction drops it; PolNeAR scoring keeps that
    choice, news output wants both). Only verbs of ``nested_belief_verbs`` with a noun subject, of
    ``nested_inquiry_verbs`` with a "whether" clause ("prosecutors are investigating whether X ordered it"), which
    are also taken wherever they stand ("Police are investigating whether the gang ordered it"), and negated
    ``nested_hedge_verbs`` ("said police did not rule out the involvement of X"). An inquiry or a hedge whose
    subject is a pronoun ("The prosecutor's office said it was investigating whether ...") is the speaker's own; an
    admission or a denial (``nested_speech_verbs``) may be a third person's ("he has admitted the killing, police
    said")."""
    lex = _lexicon()
    inquiry = frozenset(lex["nested_inquiry_verbs"]) | frozenset(lex["nested_hedge_verbs"]) \
        | frozenset(lex["inquiry_particles"]) | frozenset(lex["theory_verbs"])
    verbs = frozenset(lex["nested_belief_verbs"]) | frozenset(lex["nested_speech_verbs"]) | inquiry
    cues = [(st.cue.start, st.cue.end) for st in statements]
    seen: set[int] = set()
    out: list[Statement] = []
    for outer in statements:
        span = doc.char_span(outer.content.start, outer.content.end, alignment_mode="expand")
        for v in span if span is not None else ():
            if v.i not in seen and (st := _third_party_report(doc, v, span, verbs, inquiry, cues, seen, outer)) is not None:
                out.append(st)
    for v in doc:
        if v.i not in seen and v.lemma_.lower() in inquiry \
                and (st := _third_party_report(doc, v, doc[:], verbs, inquiry, cues, seen)) is not None:
            out.append(st)
    return out


def _hedged(v: Token) -> bool:
    """"did not rule out", "would not exclude": a negated hedge verb (``nested_hedge_verbs``; "rule" with "out")."""
    return v.lemma_.lower() in _lexicon()["nested_hedge_verbs"] and any(c.dep_ == "neg" for c in v.children) \
        and (v.lemma_.lower() != "rule" or any(c.dep_ == "prt" and c.lower_ == "out" for c in v.children))


def _inquired(v: Token) -> tuple[Token | None, Token]:
    """What an inquiry verb asks and the cue's last word: "investigating whether X" (``nested_inquiry_verbs``),
    "looking into whether X" (``inquiry_particles``), "working on the theory that X" (``theory_verbs`` and
    ``theory_nouns``), "did not rule out X" (negated ``nested_hedge_verbs``); (None, v) for anything else."""
    lex = _lexicon()
    lem = v.lemma_.lower()
    asks = lambda c: any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children)  # noqa: E731
    if lem in lex["nested_inquiry_verbs"]:
        return next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i and asks(c)), None), v
    if lem in lex["inquiry_particles"]:
        for p in (c for c in v.children if c.dep_ == "prep" and c.lower_ in lex["inquiry_particles"][lem]):
            clause = next((c for c in p.children if c.dep_ in ("pcomp", "pobj") and asks(c)), None)
            if clause is not None:
                return clause, p
    if lem in lex["theory_verbs"]:
        for p in (c for c in v.children if c.dep_ == "prep" and c.lower_ == "on"):
            for n in (c for c in p.children if c.dep_ == "pobj" and c.lemma_.lower() in lex["theory_nouns"]):
                clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
                if clause is not None:
                    return clause, n
    if _hedged(v):
        obj = next((c for c in v.children if c.dep_ in ("ccomp", "dobj") and c.i > v.i), None)
        return obj, max((c for c in v.children if c.dep_ == "prt"), key=lambda c: c.i, default=v)
    return None, v


def _third_party_report(doc: Doc, v: Token, span, verbs: frozenset[str], inquiry: frozenset[str],
                        cues: list[tuple[int, int]], seen: set[int], outer: Statement | None = None) -> Statement | None:
    """The statement verb ``v`` tells inside ``span`` (its noun subject, its clause or object), or None; a verb
    that takes a content is added to ``seen``. Inside ``outer``, an inquiry or hedge with a pronoun subject
    takes ``outer``'s source."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    hedge = _hedged(v)
    own = outer is not None and outer.source is not None and subj is not None and v.lemma_.lower() in inquiry \
        and subj.lower_ in ("it", "they", "he", "she")
    third = outer is not None and subj is not None and subj.lower_ in ("he", "she") \
        and v.lemma_.lower() in _lexicon()["nested_speech_verbs"]  # "he has admitted the killing, police said"
    if v.pos_ != "VERB" or v.lemma_.lower() not in verbs or subj is None \
            or (subj.pos_ == "PRON" or subj.lower_ in _SPEAKER_PRONOUNS) and not own and not third \
            or any(a <= v.idx < b for a, b in cues) \
            or v.dep_ not in ("ccomp", "conj", "ROOT") or any(c.dep_ == "neg" for c in v.children) and not hedge:
        return None
    obj, last = _inquired(v)
    if obj is None and v.lemma_.lower() not in inquiry:
        deps = ("ccomp", "dobj", "xcomp") if v.lemma_.lower() in _lexicon()["nested_speech_verbs"] else ("ccomp", "dobj")
        obj = next((c for c in v.children if c.dep_ in deps and c.i > v.i), None)  # ("admitted driving the car")
    if obj is None:
        return None  # ("investigating whether X ordered it"; not "investigating the attack")
    seen.add(v.i)
    lo, hi = obj.left_edge.i, obj.right_edge.i + 1
    comma = next((t.i for t in doc[obj.i:hi] if t.text == ","), None)  # "..., which they said ...": an aside
    hi = comma if obj.dep_ == "dobj" and comma is not None else hi
    verb_conj = next((c for c in obj.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > obj.i), None)
    if verb_conj is not None and verb_conj.lemma_.lower() in verbs:
        hi = min(hi, verb_conj.left_edge.i)  # ("admitted driving the car but denied firing": the denial apart)
    while hi > lo + 1 and (doc[hi - 1].dep_ == "cc" or doc[hi - 1].is_punct and not doc[hi - 1].is_quote):
        hi -= 1  # ("admitted driving the car but denied ...": the "but" is the next verb's)
    if not (span.start <= subj.left_edge.i and hi <= span.end):
        return None
    text = doc_text(doc)
    first = min((c for c in v.children if c.dep_ in ("aux", "neg") and c.i < v.i), key=lambda c: c.i, default=v) \
        if hedge else v  # the cue "did not rule out"
    source = outer.source if own else \
        Span.of(text, subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text))
    return Statement(cue=Span.of(text, first.idx, last.idx + len(last.text)),
                     content=Span.of(text, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)),
                     source=source, mode="indirect")


def conjoined_reports(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """"A local official said 47 bodies had been buried, and on Wednesday a humanitarian worker told AFP that
    more than 60 people had been killed": a second speech verb joined by "and" inside a statement's content, with a
    subject and a clause of its own, is a second statement; the first content ends before it ("said A and that its
    wreckage proved B" is one saying of two clauses). News output only."""
    speech = frozenset(_lexicon()["verbs"]["speech"])
    text = doc_text(doc)
    out = list(statements)
    for st in statements:
        span = doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
        if span is None:
            continue
        for v in span:
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            said = next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i), None)
            cc = next((c for c in v.head.children if c.dep_ == "cc" and c.lower_ == "and" and c.i < v.i), None)
            if v.dep_ != "conj" or v.pos_ != "VERB" or v.lemma_.lower() not in speech or subj is None \
                    or subj.pos_ == "PRON" or said is None or cc is None or not span.start < cc.i < subj.left_edge.i \
                    or any(c.dep_ == "mark" for c in v.children) \
                    or any(a <= v.idx < b for a, b in ((o.cue.start, o.cue.end) for o in out)):
                continue
            end = cc.i - (1 if doc[cc.i - 1].text == "," else 0)
            if end <= span.start:
                continue
            st.content = Span.of(text, st.content.start, doc[end - 1].idx + len(doc[end - 1].text))
            lo = next((c for c in said.children if c.dep_ == "mark" and c.lower_ == "that"), said.left_edge)
            lo = lo.i + 1 if lo.dep_ == "mark" else said.left_edge.i
            hi = min(said.right_edge.i + 1, span.end)
            while hi > lo and doc[hi - 1].is_punct:
                hi -= 1
            out.append(Statement(cue=Span.of(text, v.idx, v.idx + len(v.text)),
                                 content=Span.of(text, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)),
                                 source=Span.of(text, subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)),
                                 mode="indirect"))
            break
    return out


def named_by(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """"The street vendor killed in the blast was identified by relatives as X", "a man identified by the Defense
    Department as a regional operator": who gave a person's identity (the agent of ``naming_verbs``) says the
    "as" phrase (cue "identified by"); it replaces a reading of the same verb with another source or content.
    News output only."""
    verbs = frozenset(_lexicon()["naming_verbs"])
    text = doc_text(doc)
    out = list(statements)
    for v in doc:
        by, who = _agent_of(v)
        if v.lemma_.lower() not in verbs or v.tag_ != "VBN" or who is None:
            continue
        as_ = next((c for t in (v, who) for c in t.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > who.i), None)
        named = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
        if named is None:
            continue
        hi = named.right_edge
        while hi.i > named.i and (hi.is_punct or hi.dep_ == "cc"):
            hi = doc[hi.i - 1]
        out = [st for st in out if not st.cue.start <= v.idx < st.cue.end]
        out.append(Statement(cue=Span.of(text, v.idx, by.idx + len(by.text)),
                             content=Span.of(text, named.left_edge.idx, hi.idx + len(hi.text)),
                             source=Span.of(text, who.left_edge.idx, who.idx + len(who.text)), mode="indirect"))
    return out


def _agent_of(v: Token) -> tuple[Token | None, Token | None]:
    """The passive "by" of a verb and its object ("identified by relatives", "claimed by X"), or Nones."""
    by = next((c for c in v.children if c.dep_ == "agent"), None)
    return by, next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def labels_in_clause(v: Token) -> bool:
    """A labelling verb in a "what" or relative clause ("condemned what it called X", "whom it described as X")."""
    return v.lemma_.lower() in _lexicon()["labelling_verbs"] and v.pos_ == "VERB" and (
        v.dep_ == "relcl" or any(c.dep_ == "dobj" and c.lower_ == "what" for c in v.children))


def claimed_by(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """"killing 31 people in an attack claimed by X": the agent of a claiming participle on an incident noun claims
    the incident (cue "claimed by", content the incident's noun phrase), unless a statement already has that cue.
    News output only."""
    verbs = frozenset(_lexicon()["claiming_verbs"])
    text = doc_text(doc)
    out = list(statements)
    for v in doc:
        if v.lemma_.lower() not in verbs or v.tag_ != "VBN" or v.dep_ not in ("acl", "relcl") \
                or not is_incident_noun(v.head) or any(st.cue.start <= v.idx < st.cue.end for st in out):
            continue
        by, who = _agent_of(v)
        if who is None or who.pos_ not in ("PROPN", "NOUN"):
            continue
        hi = next((t for t in who.subtree if t.i > who.i and (t.is_punct or t.dep_ in ("relcl", "acl", "appos"))),
                  None)
        hi = doc[hi.i - 1] if hi is not None else who.right_edge
        out.append(Statement(cue=Span.of(text, v.idx, by.idx + len(by.text)),
                             content=Span.of(text, v.head.left_edge.idx, v.head.idx + len(v.head.text)),
                             source=Span.of(text, who.left_edge.idx, hi.idx + len(hi.text)), mode="indirect"))
    return out


def what_it_called(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """'condemned what it called "a cowardly attack"', 'a commander whom it described as X', 'four militants it
    described as "involved in the crime"': the subject of a labelling verb in a "what" or relative clause says the
    label (its complement, or the object of "as"), as a statement of its own. News output only."""
    text = doc_text(doc)
    quotes = _doc_quotes(doc, text)
    out = list(statements)
    for v in doc:
        if not labels_in_clause(v) or any(st.cue.start <= v.idx < st.cue.end for st in out):
            continue
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        label = next((c for c in v.children if c.dep_ in ("oprd", "xcomp", "attr")), None)
        if label is None:
            label = next((o for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children
                          if o.dep_ in ("pobj", "pcomp", "amod", "acomp")), None)
        if subj is None or label is None:
            continue
        lo, hi = label.left_edge.idx, label.right_edge.idx + len(label.right_edge.text)
        lo, hi = _extend_to_quotes(lo, hi, quotes)
        mode = "direct" if any(qs <= lo and hi <= qe for qs, qe in quotes) else "indirect"
        out.append(Statement(cue=Span.of(text, v.idx, v.idx + len(v.text)), content=Span.of(text, lo, hi),
                             source=Span.of(text, subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)),
                             mode=mode))
    return sorted(out, key=lambda st: st.cue.start)


_COLON_PARAGRAPH = re.compile(r":[ \t]*\n[ \t]*\n?[ \t]*(?=[\"\u201c])")


def colon_quote_paragraphs(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """'The release read in part:' / 'X said in the statement:' and then a paragraph that is one quotation: the
    quotation is what the speech verb before the colon introduces (its content, replacing one read inside the colon's
    sentence; a new statement when none was read). News output only."""
    text = doc_text(doc)
    verbs = _lexicon()["verb_set"]
    quotes = {qs: qe for qs, qe in _doc_quotes(doc, text)}
    out = list(statements)
    for m in _COLON_PARAGRAPH.finditer(text):
        colon, qs = m.start(), m.end()
        qe = quotes.get(qs)
        at = doc.char_span(colon, colon + 1, alignment_mode="expand")
        if qe is None or at is None or "\n" not in text[colon:qs]:
            continue
        sent = at[0].sent
        v = next((t for t in reversed(list(sent)) if t.idx < colon and t.pos_ in ("VERB", "AUX")
                  and t.lemma_.lower() in verbs), None)
        if v is None:
            continue
        content = Span.of(text, qs, qe)
        told = next((st for st in out if st.cue.start <= v.idx < st.cue.end), None)
        if told is not None:
            if told.content.end <= colon + 1:
                told.content, told.mode = content, "direct"  # ("said in the statement:" read as the content)
            continue
        rng = _trim(doc, _subject(v))
        if rng is None and v.dep_ == "acl" and v.head.i < v.i and v.head.pos_ in ("NOUN", "PROPN"):
            rng = (v.head.left_edge.i, v.head.i + 1)  # "The press release, issued on Sunday, read in part:"
        if rng is None:
            continue
        source = Span.of(text, doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text))
        out.append(Statement(cue=Span.of(text, v.idx, v.idx + len(v.text)), content=content, source=source,
                             mode="direct"))
    return out


_CITING = re.compile(r"\b(?:citing|quoting)\b", re.IGNORECASE)


def cited_sources(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """"The broadcaster KNR, citing a nurse at the hospital, reported that six people had been treated", "...,
    the agency reported, quoting a medical source": the cited source says what is reported (cue "citing" /
    "quoting", the reporter as its relay); the attribution "KNR citing a nurse" gives way to it. A report whose
    content runs on over a final ", citing X" ends before it. News output only: PolNeAR annotates the
    reporter's cue alone."""
    text = doc_text(doc)
    out = list(statements)
    for m in _CITING.finditer(text):  # (the word first: no Token object for every word of the text)
        toks = doc.char_span(m.start(), m.end())
        if toks is None or len(toks) != 1 or toks[0].lemma_.lower() not in ("cite", "quote") or toks[0].tag_ != "VBG":
            continue
        tok = toks[0]
        cited = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if cited is None or any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
            continue  # ("quoting X as saying ...": X is the source of what follows, as for "quoted")
        sent = tok.sent
        reports = [st for st in out if sent.start_char <= st.cue.start < sent.end_char
                   and not st.cue.start <= tok.idx < st.cue.end and _reports_through(doc, st, tok, cited)]
        if not reports:
            continue
        rep = min(reports, key=lambda st: abs(st.cue.start - tok.idx))
        if rep.content.start < tok.idx < rep.content.end:  # "put the toll at seven, citing a gendarmerie source"
            end = doc[tok.i - 1].idx if doc[tok.i - 1].text == "," else tok.idx
            rep.content = Span.of(text, rep.content.start, rep.content.start + len(text[rep.content.start:end].rstrip()))
        last = cited.right_edge
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.i == last.i + 1 and c.lower_ in _CITED_PLACE_PREPS), None)
        if prep is not None:  # "quoting a medical source at the hospital": the parser hangs the place on the verb
            last = prep.right_edge
        src = Span.of(text, cited.left_edge.idx, last.idx + len(last.text))
        out = [st for st in out if not st.cue.start <= tok.idx < st.cue.end]
        out.append(Statement(cue=Span.of(text, tok.idx, tok.idx + len(tok.text)), content=rep.content, source=src,
                             mode=rep.mode, chain=[rep.source] if rep.source is not None else []))
    return out


def _reports_through(doc: Doc, st: Statement, tok: Token, cited: Token) -> bool:
    """Whether ``st`` is the report a "citing X" participle names the source of: its content after the participle
    (the participle between source and cue), or, for a participle after the cue ("..., the paper reported,
    citing X", "put the toll at seven, citing X"), a content that does not hold the cited source, or holds the
    participle as its tail."""
    if st.content.start > tok.idx:
        return not st.content.start <= cited.idx < st.content.end
    if not (CITED_AFTER and st.cue.start < tok.idx):
        return False
    if not st.content.start <= tok.idx < st.content.end:
        return True
    return tok.i > 0 and doc[tok.i - 1].text == "," and cited.right_edge.idx + len(cited.right_edge.text) >= \
        st.content.end - 1


CITED_AFTER = True
_CITED_PLACE_PREPS = frozenset({"at", "in", "from", "of", "with", "inside", "within"})


def _quoted_as_saying(doc: Doc, st: Statement) -> Statement:
    """"The ISNA news agency quoted the provincial governor as saying that ...": the quoted person is the
    source, "quoted ... as saying" the cue, what follows "saying" the content."""
    v = _cue_verb(doc, st)
    if v is None or v.lemma_.lower() != "quote":
        return st
    quoted = next((c for c in v.children if c.dep_ == "dobj"), None)
    saying = next((g for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                   if g.dep_ == "pcomp" and g.lemma_.lower() in ("say", "tell", "state")), None)
    if quoted is None or saying is None:
        return st
    said = [t for t in saying.subtree if t.i > saying.i]
    while said and (said[-1].is_punct or said[-1].is_space):
        said.pop()
    if not said:
        return st
    text = doc_text(doc)
    return replace(st, source=Span.of(text, quoted.left_edge.idx, quoted.right_edge.idx + len(quoted.right_edge.text)),
                   cue=Span.of(text, v.idx, saying.idx + len(saying.text)),
                   content=Span.of(text, said[0].idx, said[-1].idx + len(said[-1].text)),
                   chain=([st.source] if st.source is not None else []) + list(st.chain))  # the agency relays it


def _cites_a_source(doc: Doc, st: Statement) -> bool:
    """"..., local media reported, citing police": "citing" with a bare noun phrase names where a report came
    from; it is no statement of its own."""
    v = _cue_verb(doc, st)
    if v is None or v.lemma_.lower() != "cite" or v.dep_ != "advcl":
        return False
    content = doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
    if content is None or any(t.pos_ in ("VERB", "AUX") for t in content):
        return False
    root = content.root  # a source ("citing police", "citing a military official"), not a reason ("citing indications of ...")
    return root.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") or root.lemma_.lower() in _CITED_SOURCES


_CITED_SOURCES = frozenset({"police", "official", "source", "witness", "resident", "ministry", "media", "agency",
                            "spokesman", "spokeswoman", "spokesperson", "authority", "officer", "army", "military",
                            "government", "hospital", "doctor", "medic", "report", "statement", "monitor"})


CUE_SUBJECT_SOURCE = True  # a multiword cue left without a source takes its verb's subject


def _cue_subject_source(doc: Doc, st: Statement) -> None:
    """"The Russian defence ministry said in a statement that ...": when the parser hangs the content on the
    statement noun, the cue ("said in a statement") is read from the noun and no source is found; the
    subject of the cue's speech verb is the source."""
    cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    if cue is None or len(cue) < 2:
        return
    verbs = _lexicon()["verb_set"]
    verb = next((t for t in cue if t.pos_ == "VERB" and t.lemma_.lower() in verbs), None)
    rng = _trim(doc, _subject(verb)) if verb is not None else None  # the verb's source, as for any verb cue
    if rng is None or st.content.start <= doc[rng[0]].idx < st.content.end:
        return
    st.source = Span.of(doc_text(doc), doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text))


PARTICIPLE_SOURCE = True  # "..., the prosecutor said, adding that ...": "adding" is the prosecutor's


def _participle_sources(doc: Doc, statements: list[Statement]) -> None:
    """A speech participle with no source hung on another statement's cue verb ("X said ..., adding that ...")
    has that statement's source."""
    by_verb = {v.i: st for st in statements if st.source is not None and (v := _cue_verb(doc, st)) is not None}
    for st in statements:
        v = _cue_verb(doc, st) if st.source is None else None
        if v is not None and v.tag_ == "VBG" and v.dep_ in ("advcl", "xcomp") and v.head.i in by_verb:
            st.source = by_verb[v.head.i].source


CONJ_SOURCE = True  # "X denied that its forces had fired and called the report ...": "called" is X's


def _cue_verb(doc: Doc, st: Statement) -> Token | None:
    span = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    return None if span is None else next((t for t in span if t.pos_ == "VERB"), None)


def _conj_sources(doc: Doc, statements: list[Statement]) -> None:
    """A cue verb conjoined to the last verb of another attribution's content, right after that content
    and with no subject of its own, is the outer source's second statement, not the inner subject's
    ("The ministry denied that its forces had opened fire and called the report a lie")."""
    text = doc_text(doc)
    for st in statements:
        v = _cue_verb(doc, st)
        if v is None or v.dep_ != "conj" or any(c.dep_ in _SUBJ for c in v.children):
            continue
        h = said = v.head
        while said.dep_ == "xcomp" and said.head.i != said.i:
            said = said.head  # ("admitted driving the car but denied ...": the parser may hang it on "driving")
        subj = next((c for c in said.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        if subj is not None and said.lemma_.lower() in _lexicon()["nested_speech_verbs"] \
                and not any(c.dep_ == "mark" for c in said.children):
            # "One of them has admitted driving the car but denied firing, police said": the second verb is the
            # admitting person's, not the reporter's
            st.source = Span.of(text, subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text))
            continue
        for o in statements:
            if o is st or o.source is None or not (o.content.start <= h.idx < o.content.end <= v.idx):
                continue
            if st.source is not None and not (o.content.start <= st.source.start < o.content.end):
                continue
            ov = _cue_verb(doc, o)
            if ov is None or ov.i not in {a.i for a in h.ancestors}:
                continue
            st.source = Span.of(text, o.source.start, o.source.end)
            break


CLAIM_SAYING = True  # "X claimed responsibility ..., saying Z": the claim's content runs on over Z


def _claim_saying(doc: Doc, statements: list[Statement]) -> None:
    """"The group claimed responsibility in a statement, saying its fighters had ...", "Two doctors gave a
    higher toll, saying 11 had died": what a claim of an attack or a figure says is in the ", saying"
    clause of the same source; the claim's content is extended over it (the "saying" statement stays)."""
    lex = _lexicon()
    objs, toll = set(lex.get("claim_objects", ())), lex.get("toll_cues")
    if not objs and not toll:
        return
    text = doc_text(doc)
    for st in statements:
        v = _cue_verb(doc, st)
        if v is None or not (v.lemma_.lower() == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() in objs
                                                                   for c in v.children)
                             or toll and _toll_verb(v, toll)):
            continue
        for w in v.rights:
            if w.dep_ != "advcl" or w.tag_ != "VBG" or w.lemma_.lower() not in lex["verb_set"] \
                    or doc[w.i - 1].text != ",":
                continue
            other = next((o for o in statements if o is not st and o.cue.start <= w.idx < o.cue.end), None)
            if other is None or other.content.end <= st.content.end or other.content.start < st.content.start:
                continue
            st.content = Span.of(text, st.content.start, other.content.end)
            st.mode = _mode(text, _doc_quotes(doc, text), st.content.start, st.content.end, skip=(
                (other.cue.start, other.cue.end),))
            break


CITING_TRAILS = True
FINAL_CLAUSE = True  # "<clause>, police and medics said (on Monday).": the source after the last comma
_FINAL_RIGHT = {"prep", "npadvmod", "advmod", "agent", "punct", "dobj", "dative"}
_FINAL_STOP = {",", ";", "\u2014", "\u2013", "--"}


def _final_source(doc: Doc, end: int, lo: int) -> tuple[int, int, int] | None:
    """(first, last + 1, comma) of the noun phrase between the last comma before token ``end`` and it;
    a full stop only after an abbreviation ("Brig. Gen. X") is crossed."""
    k = end - 1
    while k >= lo and doc[k].text not in _FINAL_STOP:
        t = doc[k]
        if t.text in (".", "!", "?") and not (k > 0 and doc[k - 1].is_title and len(doc[k - 1]) <= 5):
            return None
        if t.text == ":" or end - k > 16:
            return None
        k -= 1
    if k < lo:
        return None
    a, b = k + 1, end
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    if a >= b:
        return None
    return a, b, k


def _np_like(doc: Doc, a: int, b: int) -> bool:
    words = doc[a:b]
    if not 0 < len(words) <= 14 or words[0].lower_ in _NOT_SOURCE_START or words[0].pos_ in ("ADP", "SCONJ", "VERB"):
        return False
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in words):
        return False
    for t in words:  # a finite verb only inside a relative clause of the phrase ("a resident who gave ...")
        if t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") \
                and not any(x.dep_ in ("relcl", "acl") and a <= x.i < b for x in (t, *t.ancestors)):
            return False
    return True


def _doc_quotes(doc: Doc, text: str) -> list[tuple[int, int]]:
    """``find_quotes`` of the document, computed once per Doc."""
    quotes = doc.user_data.get("rashomon_quotes")
    if quotes is None:
        quotes = doc.user_data["rashomon_quotes"] = find_quotes(text)
    return quotes


def _final_clauses(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """"Seven people were hurt, police and medics said.", "..., a district administrator, Tom Langa, told a
    local radio station.", '"...," army spokesman Brig. Gen. X said in a statement.': a speech verb that
    ends its sentence (after its adjuncts or listener) with a noun phrase between it and the last comma
    has that phrase as source and the text before the comma as content. The parse often gets both wrong
    (coordinated subjects, subjects hung on the clause, a lower-cased text with no candidate at all)."""
    lex = _lexicon()
    verbs = lex.get("final_clause_verbs")
    if not verbs:
        return statements
    text = doc_text(doc)
    quotes = None
    out = list(statements)
    hashes = [doc.vocab.strings.add(w) for w in verbs]
    verb_set = frozenset(verbs)
    arr = doc.to_array([LEMMA, POS])
    hits = numpy.nonzero((arr[:, 1] == int(parts_of_speech.VERB)) & numpy.isin(arr[:, 0], hashes))[0]
    starts, ends = _sent_bounds(doc)
    for i in hits.tolist():
        if i < 3:
            continue
        v = doc[i]
        sent_start, sent_end = starts[i], ends[i]  # (v.sent's bounds, read once)
        rights = [c for c in v.rights]
        # "..., the prosecutor, Yves Dupas, said, adding that ...": a speech participle after it is a statement
        # of its own, not part of the reporting clause
        trailing = [c for c in rights if c.dep_ == "advcl" and c.tag_ == "VBG" and (
            c.lemma_.lower() in verb_set or CITING_TRAILS and c.lemma_.lower() in ("cite", "quote")
            and doc[c.i - 1].text == ",")]  # ("..., the paper reported, citing a nurse": the report's source)
        rights = [c for c in rights if c not in trailing]
        if any(c.dep_ not in _FINAL_RIGHT or c.dep_ in ("dobj", "dative") and v.lemma_.lower() not in ("tell", "inform")
               for c in rights):
            continue
        last = max([v.i] + [c.right_edge.i for c in rights if c.dep_ != "punct"])
        if any(not (t.is_punct or t.is_space) for t in doc[last + 1: min([sent_end] + [c.left_edge.i for c in trailing])]):
            continue
        if any(t.dep_ in ("ccomp", "mark") or t.is_quote for t in doc[v.i + 1: last + 1]):
            continue
        start = v.i  # the cue: the verb and its auxiliaries/adverbs right before it ("have said", "later told")
        while start > 0 and doc[start - 1].head.i == v.i and doc[start - 1].dep_ in ("aux", "neg", "advmod"):
            start -= 1
        lo = max(0, sent_start - 40)
        found = _final_source(doc, start, lo)
        if found and found[0] == found[1]:
            found = None
        appos = found is None and start > 0 and doc[start - 1].text == ","
        if appos:
            found = _final_source(doc, start - 1, lo)  # "..., a district administrator, Tom Langa, told ..."
        if found is None:
            continue
        a, b, k = found
        if not _np_like(doc, a, b):
            continue
        if appos:  # "a district administrator, Tom Langa," / "Tom Bush, the former governor,"
            more = _final_source(doc, k, lo)
            if more and more[1] - more[0] <= 8 and _np_like(doc, more[0], more[1]):
                a, k = more[0], more[2]
        cstart = _sent_bounds(doc)[0][k]
        body = [t for t in doc[cstart:k] if not (t.is_punct or t.is_space)]
        if len(body) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in body):
            continue
        if quotes is None:
            quotes = _doc_quotes(doc, text)
        if _in_quote(doc, v, quotes) is not None:
            continue
        cb = _trim(doc, (cstart, k))
        if cb is None:
            continue
        cs, ce = _extend_to_quotes(*_char(doc, cb), quotes)
        if ce > doc[a].idx:
            continue
        src = _char(doc, (a, b))
        cue = _char(doc, (start, v.i + 1))
        own = next((st for st in out if st.cue.start <= v.idx < st.cue.end), None)
        if own is not None:
            if own.source is not None and own.source.start < src[1] and src[0] < own.source.end:
                if own.content.start < own.cue.end:
                    continue  # the parse found the source and the content
                src = (own.source.start, own.source.end)  # only the listener or an adjunct as content
            cue = (own.cue.start, own.cue.end)
            if own.content.start <= cs < own.content.end:  # keep the parse's content unless it runs into the source
                cs, ce = own.content.start, (own.content.end if not src[0] < own.content.end <= cue[0] else ce)
            out.remove(own)
        elif any(st.content.start <= cue[0] < st.content.end for st in out):
            continue  # inside another attribution's content
        new = Statement(cue=Span.of(text, *cue), content=Span.of(text, cs, ce), source=Span.of(text, *src),
                        mode=_mode(text, quotes, cs, ce))
        for st in out:  # contents that ran on into the new source end before its comma
            if st.content.start < doc[k].idx < st.content.end <= cue[0]:
                end = doc[k].idx
                while end > st.content.start and text[end - 1].isspace():
                    end -= 1
                if end > st.content.start:
                    st.content = Span.of(text, st.content.start, end)
        out.append(new)
    out.sort(key=lambda st: (st.cue.start, st.content.start))
    return out


_NOT_SOURCE_START = {"and", "but", "or", "which", "who", "that", "when", "while", "as", "if", "because"}


def _clause_final_source(doc: Doc, st: Statement) -> None:
    """"Two of the dead were women, a police officer at the scene said.": the parser often hangs the
    source of a sentence-final cue on the content (as an apposition or conjunct). A cue with no
    source that ends its sentence takes the noun phrase between the last comma and itself."""
    cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    if cue is None:
        return
    sent = cue[0].sent
    if any(not (t.is_punct or t.is_space) for t in doc[cue[-1].i + 1: sent.end]):
        return
    k = cue[0].i - 1
    while k > sent.start and doc[k].text not in (",", "\u2014", "\u2013"):
        k -= 1
    words = doc[k + 1: cue[0].i]
    if k <= sent.start or not 0 < len(words) <= 12 or words[0].lower_ in _NOT_SOURCE_START:
        return
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in words) \
            or any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in words):
        return
    if not (st.content.start <= words[0].idx < st.content.end) or st.content.start >= doc[k].idx:
        return
    text = doc_text(doc)
    st.source = Span.of(text, words[0].idx, words[-1].idx + len(words[-1].text))
    end = doc[k].idx
    while end > st.content.start and text[end - 1].isspace():
        end -= 1
    st.content = Span.of(text, st.content.start, end)


def _split_siblings(doc: Doc, resolved: list, nests, text: str, verbs: frozenset = frozenset()) -> list:
    """'X said the system was corrupt, noting that ...': a cue verb trailing another attribution's content
    whose source is that attribution's own (outside the content) is a sibling the parse hung inside the
    content, not a nested attribution: the outer content ends before it and both are kept. With
    ``verbs``, a lexicon verb there (", noting that ...", "... and claimed that ...", no subject of its
    own) takes the outer source when the parse gave it another one."""
    out = list(resolved)
    for k, o in enumerate(out):
        for j, r in enumerate(out):
            if j == k or o[2] is None or not nests(o, r):
                continue
            h = doc[r[3].head]
            if h.pos_ != "VERB" or h.dep_ not in ("conj", "advcl"):
                continue
            same = r[2] is not None and r[2][0] < o[2][1] and o[2][0] < r[2][1]
            if not same:
                if not verbs or h.lemma_.lower() not in verbs or any(c.dep_ in _SUBJ for c in h.children) \
                        or not (h.dep_ == "conj" or h.tag_ == "VBG" and h.i > 0 and doc[h.i - 1].text == ","):
                    continue
            if o[1][0] <= o[2][0] < o[1][1]:
                continue  # the source is inside the content
            lo = h.left_edge
            if lo.i > 0 and lo.is_space:
                lo = doc[lo.i + 1]
            start = lo.idx
            if not o[1][0] < start < o[1][1] or h.right_edge.idx + len(h.right_edge) < o[1][1] - 2:
                continue
            end = start
            while end > o[1][0] and (text[end - 1].isspace() or text[end - 1] in ",;:-\u2014\u2013"):
                end -= 1
            for w in ("and", "but"):
                if text[o[1][0]:end].endswith(" " + w):
                    end -= len(w) + 1
            while end > o[1][0] and (text[end - 1].isspace() or text[end - 1] in ",;:-\u2014\u2013"):
                end -= 1
            if end > o[1][0]:
                o = out[k] = (o[0], (o[1][0], end), o[2], o[3])
                if not same:
                    out[j] = (r[0], r[1], o[2], r[3])
    return out


def _untangle_mutual(resolved: list, nests, text: str) -> tuple[list, set]:
    """'X said Y, according to Z': each content was walked over the other cue, so each attribution nests
    the other and the outermost-only rule would drop both. The later cue is the outer one: the earlier
    content ends before it (and its comma). Returns the attributions and, with ``MUTUAL_NEST == "both"``,
    the cues of the inner ones to keep anyway."""
    out = list(resolved)
    inner: set = set()
    if not MUTUAL_NEST:
        return out, inner
    for k in range(len(out)):
        for j in range(len(out)):
            a, b = out[k], out[j]
            if j == k or not (a[0][0] < b[0][0] and nests(a, b) and nests(b, a)):
                continue
            cut = min(b[0][0], b[2][0]) if b[2] else b[0][0]  # before the later cue, or its source before it
            end = cut
            while end > a[1][0] and (text[end - 1].isspace() or text[end - 1] in ",;:-\u2014\u2013"):
                end -= 1
            if end <= a[1][0] or not (a[1][0] < cut <= a[1][1]):
                continue
            out[k] = (a[0], (a[1][0], end), a[2], a[3])
            if MUTUAL_NEST == "both":
                inner.add(a[0])
    return out, inner


def _extract(doc: Doc, threshold: float | None = None, prune: bool = True,
             decide_for=None, turns_nested: bool = False) -> list[tuple[Statement, _Cand]]:
    """Statements with the candidate each came from (key, features, score: for training/analysis).

    ``decide_for(candidate) -> decide``: the content-boundary decisions per candidate
    (training: the gold answers); default: the learned table ``content_bounds.json``.
    """
    lex = _lexicon()
    if threshold is None:
        model = _model()
        threshold = model["threshold"] if model else (lex.get("learned") or {}).get("threshold", 0.5)
    text = doc_text(doc)
    quotes = _doc_quotes(doc, text)
    cands = _candidates(doc, lex, quotes, text)
    _score_all(doc, cands, quotes, lex, text)
    cands = [c for c in cands if c.score >= (max(threshold, TAGGER_THRESHOLD) if c.key.startswith("tag|") else threshold)
             and not (prune and _vetoed(doc, c, lex))]
    if turns_nested and QA_ANSWERS:
        cands = _qa_answers(doc, text, cands)
    bounds = lex.get("boundaries")
    if bounds is not None:
        decide = _boundary_decider(bounds)
        for c in cands:
            if not c.key.startswith(("noun|", "phrase|", "tag|", "adj|") + _MARK_KEYS):
                _walk_cue(doc, c, decide)
            elif NOUN_BOUNDS and c.key.startswith("noun|"):
                _walk_noun_cue(doc, c, decide)
    # (the span encoder's cues, which come with probabilities, lend no bounds: taking them cost 3 points
    # of held-out exact cue F1, its BIO edges being less exact than the learned walk)
    if TAGGER_BOUNDS and (_model() or {}).get("tagger") and "rashomon_cue_probs" not in doc.user_data:
        _tagger_bounds(doc, cands)
    content_bounds = _content_bounds(lex)
    if decide_for is None and content_bounds is not None and CONTENT_BOUNDS:
        table_decide = _content_decider(content_bounds)
        decide_for = lambda _c: table_decide  # noqa: E731
    if decide_for is not None:
        for c in cands:
            if not c.key.startswith(_MARK_KEYS):
                _walk_content(doc, c, decide_for(c))

    # a content clause stops before a conjoined cue verb ("... momentum and said that ...") only
    # without the learned steps: with them, of 175 such cuts on train 174 were wrong (the gold
    # content runs on over "and said ...")
    heads = {c.head: c for c in cands} if decide_for is None else {}
    for c in cands:
        for h, other in heads.items():
            if other is c or c.content is None or not (c.content[0] <= h < c.content[1]):
                continue
            tok = doc[h]
            if tok.dep_ == "conj" and tok.i > c.content[0] and _in_quote(doc, tok, quotes) is None:
                c.content = (c.content[0], min(c.content[1], tok.left_edge.i if tok.left_edge.i > c.content[0] else tok.i))

    # char ranges; extend content over the quotations it touches
    resolved = []
    for c in cands:
        content = _trim(doc, c.content)
        if content is None:
            continue
        cue = _char(doc, c.cue)
        cs, ce = _char(doc, content)
        if cs <= cue[0] < ce:
            # content must not swallow its own cue unless the cue is parenthetical
            pass
        if not c.key.startswith("mark|"):  # a layout cue's content is its line or quotation
            cs, ce = _extend_to_quotes(cs, ce, quotes)
        src = _trim(doc, c.source)
        while src and src[1] - src[0] > 1 and _CLOCK.match(doc[src[0]].text):
            src = _trim(doc, (src[0] + 1, src[1]))  # a live blog's "09:40 — Residents said": no part of the source
        while src and src[1] - src[0] > 1 and doc[src[1] - 1].lower_ in ("there", "here") and doc[src[1] - 1].dep_ == "advmod":
            src = _trim(doc, (src[0], src[1] - 1))  # "the embassy there"
        if SOURCE_DAY_CUT and src and src[1] - src[0] > 2 and doc[src[1] - 1].lower_ in _DAYS:
            p = doc[src[1] - 1].head  # "Prosecutors in Ecuador on Wednesday (charged ...)": the day is the verb's
            if p.dep_ == "prep" and p.lower_ in ("on", "late", "early") and src[0] < p.i and p.left_edge.i == p.i:
                src = _trim(doc, (src[0], p.i))
        while src and src[1] - src[0] > 1 and doc[src[0]].lower_ in lex["source_not_first"] \
                and doc[src[0]].dep_ == "advmod":
            src = (src[0] + 1, src[1])  # "Even Republicans say ...": PolNeAR leaves the focus adverb out
        src_chars = _char(doc, src) if src else None
        resolved.append((cue, (cs, ce), src_chars, c))

    # direct quotes continued in the following sentences
    cue_chars = [r[0] for r in resolved]
    for k, (cue, content, src, c) in enumerate(resolved):
        decide = decide_for(c) if decide_for is not None and QUOTE_STEPS else None
        content = _continue_quote(doc, cue, content, quotes, cue_chars, text, src, decide)
        resolved[k] = (cue, content, src, c)

    # outermost only: drop a candidate whose cue lies inside another's content
    quoted = {r[0]: any(qs < r[0][0] and r[0][1] <= qe for qs, qe in quotes) for r in resolved} \
        if quotes else {}

    def nests(o, r) -> bool:
        return (o is not r and o[1][0] <= r[0][0] and r[0][1] <= o[1][1] and o[3].score >= NEST_MIN_SCORE
                and not (TAGGER_NO_NESTING and o[3].key.startswith("tag|"))
                # a speaker's turn in a transcript holds whole reports ("REPORTER: Police say ..."): it keeps them
                and not (turns_nested and o[3].key == "mark|turn")
                and not (o[1][0] <= r[1][0] and r[1][1] <= o[1][1] and o[0] == r[0])
                # a cue inside a quotation does not remove the quoting cue outside it ('"... he has
                # said ...," Cruz said. "..."': both contents cover the other cue)
                and not (quoted.get(o[0]) and not quoted.get(r[0])))

    if prune:
        resolved = _split_siblings(doc, resolved, nests, text, lex["verb_set"])
        resolved, inner = _untangle_mutual(resolved, nests, text)
    else:
        inner = set()
    kept = [r for r in resolved if not (prune and r[0] not in inner and any(nests(o, r) for o in resolved))]
    # one attribution per cue
    seen: set = set()
    statements = []
    if prune and DEDUPE_BY_SCORE:
        best: dict = {}
        for r in kept:
            if r[0] not in best or r[3].score > best[r[0]][3].score:
                best[r[0]] = r
        kept = list(best.values())
    if prune and DEDUPE_CONTENT:  # "asking people to consider, '...'": two cues of one chain, one content:
        first_for: dict = {}  # the first cue (the governing verb) keeps it
        for r in kept:
            if r[1] not in first_for or r[0] < first_for[r[1]][0]:
                first_for[r[1]] = r
        kept = [r for r in kept if first_for[r[1]] is r]
    for cue, content, src, c in sorted(kept, key=lambda r: (r[0], r[1], -r[3].score)):
        if prune and cue in seen:
            continue
        if prune and SOURCE_OUTSIDE_CONTENT and src and content[0] <= src[0] and src[1] <= content[1] \
                and not content[0] <= cue[0] < content[1]:
            continue  # '... asking people to consider, "Who benefits?"': a word of the content is no source
        seen.add(cue)
        statements.append((Statement(
            cue=Span.of(text, *cue),
            content=Span.of(text, *content),
            source=Span.of(text, *src) if src else None,
            mode=_mode(text, quotes, *content, skip=(cue, src)),
        ), c))
    return statements
