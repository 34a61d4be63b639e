"""Is this word an incident? The trigger lemmas of ``data/events/triggers.json`` as two token tests that every
extraction stage may ask (figures, roles, events, attributions), kept below them all so that no stage reaches up
into another to ask.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from rashomon.data import load_json


@functools.lru_cache(maxsize=1)
def _lemmas() -> dict[str, str]:
    return load_json("events/triggers.json")["lemmas"]


def is_trigger_word(tok: Token) -> bool:
    """The token's lemma is an incident trigger ("attacked", "bombed"), whatever its context."""
    lemmas = _lemmas()
    return tok.lemma_.lower() in lemmas or tok.lower_ in lemmas


def is_incident_noun(tok: Token) -> bool:
    """A noun that names an incident ("the strike", "a truck bomb"), not someone ("gunmen")."""
    return tok.pos_ == "NOUN" and is_trigger_word(tok)
