"""Clause helpers the stages share: the verb whose clause holds a token, and whether a token lies in an "after" clause
under a verb (what the verb tells came later than the token's act).
"""

from __future__ import annotations

from spacy.tokens import Token


def _clause_verb(tok: Token | None) -> Token | None:
    """The verb whose clause holds the token (the token itself when a verb; None past the sentence root)."""
    for _ in range(8):
        if tok is None or tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _after_clause_of(tok: Token, verb: Token) -> bool:
    """The token is in a clause opened by "after" under ``verb`` ("<verb> ... after a bomb killed two",
    "<verb> ... after gunmen stormed ..."): what ``verb`` tells came later than the token's act."""
    for anc in [tok, *tok.ancestors]:
        if anc.i == verb.i:
            return False
        if anc.head.i == verb.i:
            return anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in anc.children) \
                or anc.dep_ == "prep" and anc.lower_ == "after"
    return False
