"""Small readings of the dependency parse shared by several extraction and resolution steps."""

from __future__ import annotations

from spacy.tokens import Token

RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})


def relative_antecedent(pron: Token) -> Token | None:
    """The noun a relative pronoun stands for: "the Armed Front (AF), which said ..." -> "Front".

    The parser hangs the clause on a noun; a non-restrictive "which" names a thing, so when the parse puts it on
    other words ("three masked men reading a statement in the name of X, which said ...") the noun just before
    the comma (and a bracketed acronym) is taken instead. None when the pronoun opens no relative clause."""
    if pron.lower_ not in RELATIVE_PRONOUNS or pron.head.dep_ != "relcl":
        return None
    doc, ante = pron.doc, pron.head.head
    if pron.lower_ == "which":
        k = pron.i - 1
        while k > 0 and (doc[k].is_punct or doc[k].is_bracket or doc[k - 1].is_bracket and k + 1 < len(doc)
                         and doc[k + 1].is_bracket):
            k -= 1  # ", which", "(AF), which"
        if doc[k].pos_ in ("NOUN", "PROPN"):
            ante = doc[k]
    while ante.dep_ == "appos" and ante.head.pos_ in ("NOUN", "PROPN") or ante.pos_ == "PUNCT":
        ante = ante.head
    return ante if ante.pos_ in ("NOUN", "PROPN") else None
