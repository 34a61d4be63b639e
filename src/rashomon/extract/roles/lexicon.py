"""Word lists and learned priors for role-filler extraction (data/roles/*.json)."""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import json

ROLES = ("perpetrator_individual", "perpetrator_org", "target", "victim", "weapon")
MUC_ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
ROLE_TO_MUC = dict(zip(ROLES, MUC_ROLES))


def _data(name: str):
    return importlib.resources.files("rashomon.data").joinpath("roles", name)


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    """Hand-written word lists (sets) and the responsibility cues."""
    raw = json.loads(_data("lexicon.json").read_text(encoding="utf-8"))
    out = {k: set(v) for k, v in raw.items() if isinstance(v, list)}
    out["responsibility"] = raw["responsibility"]
    return out


@functools.lru_cache(maxsize=1)
def priors() -> dict | None:
    """Learned from MUC-4 train gold (training/roles/build.py); None when absent."""
    res = _data("priors.json.gz")
    if not res.is_file():
        return None
    return json.loads(gzip.decompress(res.read_bytes()).decode("utf-8"))


def model_name() -> str:
    """The role model in use: ``model_encoder.json.gz`` (trained with the span encoder's role
    probabilities as features) when the encoder is on and that file is shipped, else ``model.json.gz``."""
    from rashomon.nlp import encoder

    if encoder.enabled() and _data("model_encoder.json.gz").is_file():
        return "model_encoder.json.gz"
    return "model.json.gz"


def model_weights() -> dict | None:
    """Weights of the linear candidate classifier (training/roles/train.py); None when absent."""
    return model_file(model_name())


@functools.lru_cache(maxsize=2)
def model_file(name: str) -> dict | None:
    """A role model file of ``data/roles`` (None when absent)."""
    res = _data(name)
    if not res.is_file():
        return None
    return json.loads(gzip.decompress(res.read_bytes()).decode("utf-8"))
