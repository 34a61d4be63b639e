"""Direction (past/future) of the clause around a temporal expression."""

from __future__ import annotations

import re

from .lexicon import lexicon

_WORD = re.compile(r"[A-Za-z']+")
_SENT_END = re.compile(r"[.!?]['\"]?\s+(?=[A-Z\"'])|\n\s*\n")
_FUTURE_PHRASES = ("going to", "to be held", "is to", "are to", "set to", "due to", "plans to", "plan to")
# "<word> to <verb>" announces a future event ("set to resume", "is to meet", "plans to vote")
_FUTURE_BEFORE_TO = {"set", "due", "is", "are", "plans", "plan", "planned", "expected", "scheduled", "going",
                     "intends", "aims", "hopes", "wants", "slated", "poised"}
# verbs whose object or complement lies ahead whatever their own tense (the lexical path has the
# same words as future cues in cues.json)
_FUTURE_LEMMAS = {"schedule", "plan", "reschedule"}
# verbs whose "to"-infinitive names something still to come when they are in the present
# ("the storm is expected to hit Saturday", "the two sides plan to meet Thursday")
_PROSPECT_LEMMAS = {"expect", "schedule", "set", "plan", "intend", "aim", "slate", "poise", "prepare", "hope",
                    "want", "seek", "vow", "promise", "pledge", "threaten", "due", "likely", "go"}
_TO_VERB = re.compile(r"\s+to\s+(?!be\s+(?:a|the|an)\b)[a-z]+", re.I)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = 0
    for m in _SENT_END.finditer(text, max(0, start - 400), start):
        lo = m.end()
    m = _SENT_END.search(text, end, min(len(text), end + 400))
    hi = m.start() + 1 if m else min(len(text), end + 400)
    return lo, hi


def _word_class(word: str, lex, upper_text: bool) -> str | None:
    w = word.lower()
    if w in ("next", "coming", "tomorrow", "upcoming"):
        return None  # usually part of a timex of their own
    if w in lex.future_markers:
        return "future"
    if w in lex.past_irregular:
        return "past"
    if (len(w) > 4 and w.endswith("ed") and w not in lex.past_ed_exceptions
            and (upper_text or not word[0].isupper())):
        return "past"
    return None


def direction_from_text(text: str, start: int, end: int, upper_text: bool = False) -> str | None:
    """Nearest tense marker in the same sentence (future markers win ties)."""
    lex = lexicon()
    lo, hi = sentence_bounds(text, start, end)
    best: tuple[int, str] | None = None
    for m in _WORD.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        cls = _word_class(m.group(), lex, upper_text)
        if m.group().lower() in _FUTURE_BEFORE_TO and _TO_VERB.match(text, m.end()):
            # "was due to expire" looks forward from a past point: no direction of its own
            prev = re.search(r"([A-Za-z']+)\s+$", text[max(lo, m.start() - 20):m.start()])
            past_aux = prev is not None and prev.group(1).lower() in ("was", "were", "been", "had")
            cls = None if past_aux else "future"
        if cls == "past" and re.search(r"\bto\s+$", text[max(lo, m.start() - 4):m.start()], re.I):
            cls = None  # "to hit", "to set": an infinitive, not a past form
        if cls is None:
            continue
        dist = start - m.end() if m.end() <= start else (m.start() - end) * 1.3
        if best is None or dist < best[0]:
            best = (dist, cls)
    if best is None:
        window = text[lo:hi].lower()
        if any(p in window for p in _FUTURE_PHRASES):
            return "future"
        return None
    return best[1]


def governing_verb(doc, start: int, end: int):
    """The verb (or auxiliary) the expression at ``[start, end)`` hangs from, climbing at most six
    heads; the last token reached when none is a verb; None when the span is not a token span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            break
        if tok.head is tok:
            break
        tok = tok.head
    return tok


def direction_from_doc(doc, start: int, end: int) -> str | None:
    """Tense of the verb governing the timex in a spaCy parse, or None."""
    tok = governing_verb(doc, start, end)
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    if tok.tag_ == "VB" and tok.dep_ in ("xcomp", "ccomp") and any(c.lower_ == "to" for c in tok.children):
        prospect = _prospect(tok.head)
        if prospect is not None:
            return prospect
    if tok.lemma_.lower() in _FUTURE_LEMMAS \
            and not (tok.tag_ == "VBN" and not any(c.lower_ in ("has", "have") for c in tok.children)):
        return "future"  # "has scheduled a news conference Thursday": the thing planned is ahead
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        lw = a.lower_
        if lw in ("will", "shall", "'ll", "wo"):
            return "future"
        if lw == "would":
            return "future"
        if lw in ("going",):
            return "future"
    for a in auxes:
        if a.tag_ == "VBD" or a.lower_ in ("has", "have", "had"):
            return "past"
    if tok.tag_ == "VBD":
        return "past"
    if tok.tag_ in ("VBZ", "VBP") and tok.lemma_ == "be":
        # "is to meet", "is scheduled for"
        for c in tok.children:
            if c.dep_ == "xcomp" or c.lower_ in ("scheduled", "expected", "due", "set"):
                return "future"
    return None


def _lemmas(tok) -> set[str]:
    """The parser's lemma and the plain stems of a verb form (the small model reads "hopes" as "hop")."""
    w = tok.lower_
    return {tok.lemma_.lower(), w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w,
            w[:-1] if w.endswith("ed") else w, w[:-2] if w.endswith("ed") else w}


def _prospect(head) -> str | None:
    """"is expected to <verb>", "are set to <verb>", "plans to <verb>": future when the governing
    verb of the infinitive is a present-tense verb of expectation or intent (a past one, "was expected
    to", says nothing about the DCT)."""
    if not _lemmas(head) & _PROSPECT_LEMMAS:
        return None
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "'ll", "wo", "would") for a in auxes):
        return "future"
    if head.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("had",) for a in auxes):
        return None
    if head.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"
    if head.tag_ in ("VBN", "JJ") and head.dep_ == "acl":
        return "future"  # "the talks, expected to resume Monday"
    if head.tag_ == "JJ" and head.dep_ == "acomp" and head.head.tag_ in ("VBZ", "VBP"):
        return "future"  # "is due to arrive Friday"
    return None


# present-tense verbs that report or describe a state, not a scheduled event
_STATIVE_LEMMAS = {"be", "say", "have", "do", "tell", "report", "show", "believe", "think", "know", "remain",
                   "want", "need", "seem", "appear", "mean", "include", "expect", "hope", "add", "note", "claim",
                   "deny", "accuse", "insist", "argue", "suggest", "indicate", "estimate", "contain", "own", "hold",
                   "follow", "continue", "stand", "keep", "like", "feel", "see", "look", "sound", "understand"}


def _scheduled_present(doc, start: int, end: int) -> bool:
    """A dynamic verb in the simple present governing the timex, as in news for a scheduled event
    ("the summit opens Tuesday", "the two leaders meet Monday"). A possessive timex names a day
    already reported ("Tuesday's vote")."""
    if doc.text[end:end + 2] in ("'s", "\u2019s"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    # the timex must modify the verb itself: "opens Tuesday", "meet on Monday" (not a noun deeper down)
    if tok.dep_ in ("npadvmod", "tmod", "obl"):
        tok = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        tok = tok.head.head
    else:
        return False
    return (tok.tag_ in ("VBZ", "VBP") and tok.pos_ == "VERB" and not _lemmas(tok) & _STATIVE_LEMMAS
            and not any(c.dep_ in ("aux", "auxpass") for c in tok.children))


def direction(text: str, start: int, end: int, doc=None, upper_text: bool = False) -> str | None:
    if doc is not None:
        d = direction_from_doc(doc, start, end)
        if d is not None:
            return d
    d = direction_from_text(text, start, end, upper_text)
    if d is None and doc is not None and _scheduled_present(doc, start, end):
        return "future"
    return d
