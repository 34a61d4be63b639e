"""Direction (past/future) of the clause around a temporal expression."""

from __future__ import annotations

import re

from .lexicon import lexicon

_WORD = re.compile(r"[A-Za-z']+")
_SENT_END = re.compile(r"[.!?]['\"]?\s+(?=[A-Z\"'])|\n\s*\n")
_FUTURE_PHRASES = ("going to", "to be held", "is to", "are to", "set to", "due to", "plans to", "plan to")
# "<word> to <verb>" announces a future event ("set to resume", "is to meet", "plans to vote")
_FUTURE_BEFORE_TO = {"set", "due", "is", "are", "plans", "plan", "planned", "expected", "scheduled", "going",
                     "intends", "aims", "hopes", "wants", "slated", "poised", "forecast", "predicted", "projected",
                     "likely"}
# verbs whose object or complement lies ahead whatever their own tense (the lexical path has the
# same words as future cues in cues.json)
_FUTURE_LEMMAS = {"schedule", "plan", "reschedule"}
# verbs whose "to"-infinitive names something still to come when they are in the present
# ("the storm is expected to hit Saturday", "the two sides plan to meet Thursday")
_PROSPECT_LEMMAS = {"expect", "schedule", "set", "plan", "intend", "aim", "slate", "poise", "prepare", "hope",
                    "want", "seek", "vow", "promise", "pledge", "threaten", "due", "likely", "go", "forecast",
                    "predict", "project", "anticipate"}
_TO_VERB = re.compile(r"\s+to\s+(?!be\s+(?:a|the|an)\b)[a-z]+", re.I)


_MODAL_PARTICIPLE = re.compile(r"(?:\b(will|would|shall|could|may|might|must|should|can|to)|('ll))\s+(?:not\s+|also\s+|then\s+)?"
                               r"(?:be|have(?:\s+been)?|get)\s+$", re.I)


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
        if cls == "past":
            # a participle after a modal and "be/have": "will be debated", "could have ended"
            pm = _MODAL_PARTICIPLE.search(text[max(lo, m.start() - 30):m.start()])
            if pm:
                cls = "future" if (pm.group(1) or pm.group(2)).lower() in ("will", "shall", "'ll", "would") else None
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
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return _matrix_adverbial(tok, span)


def _matrix_adverbial(verb, span):
    """"said on Thursday it would cut jobs": an adverbial standing between a verb and the subject of
    the complement clause that follows it belongs to that verb (the parser often hangs it on the
    complement's verb). With "that" before it ("said that on Thursday it would") it stays inside."""
    if verb.dep_ != "ccomp" or verb.head.pos_ not in ("VERB", "AUX") or verb.head.i >= span.start:
        return verb
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subj or subj[0].i < span.end:
        return verb
    doc = span.doc
    inner = {t.i for t in verb.subtree}
    for t in doc[verb.head.i + 1:span.start]:
        # between the verb and the adverbial: its own object ("told reporters"), the preposition of
        # the adverbial, commas; not "that" or any other word of the complement clause
        if t.lower_ == "that" or (t.i in inner and not (t.dep_ in ("prep", "punct") and span.root in t.subtree)):
            return verb
    between = doc[span.end:subj[0].i]
    if any(t.dep_ == "mark" and t.lower_ != "that" for t in between) or any(t.pos_ in ("VERB", "AUX") for t in between):
        return verb
    return verb.head


def direction_from_doc(doc, start: int, end: int) -> str | None:
    """Tense of the verb governing the timex in a spaCy parse, or None."""
    tok = governing_verb(doc, start, end)
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    if tok.tag_ == "VB" and tok.dep_ in ("xcomp", "ccomp") and any(c.lower_ == "to" for c in tok.children):
        prospect = _prospect(tok.head)
        if prospect is not None:
            return prospect
        head = tok.head
        if tok.dep_ == "xcomp" and _lemmas(head) & _EFFORT_LEMMAS and (
                head.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in head.children)):
            return "past"  # "struggled to answer a question on Sunday", "had tried to reach him Monday"
    if tok.lemma_.lower() in _FUTURE_LEMMAS \
            and not (tok.tag_ == "VBN" and not any(c.lower_ in ("has", "have") for c in tok.children)
                     and not (any(c.dep_ == "auxpass" for c in tok.children) and _attached_to(doc, tok, start, end))) \
            and not (tok.tag_ == "VBD" and end <= tok.idx):
        # "has scheduled a news conference Thursday": the thing planned is ahead; but a time fronted
        # before a past "planned" dates the planning ("On Friday, the government planned to pay ...")
        return "future"
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ == "VBN" and _lemmas(tok) & _ARRANGED_LEMMAS \
            and any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"  # "the hearing is set for 9:30 a.m. Thursday", "the verdict is expected Friday"
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
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl") and not auxes and not _lemmas(tok) & _PROSPECT_LEMMAS \
            and not _deadline_prep(doc, start) and _attached_to(doc, tok, start, end):
        # a bare participle clause reports something done: "the program, announced in October",
        # "the shares bought on Monday", "rescued on Nov. 25 by fishermen" (TimeBank+AQUAINT: past or the
        # DCT's day 57 times of 60); not "set for April", not "extended to Nov. 20"
        return "past"
    if tok.tag_ == "VBG" and tok.dep_ == "advcl" and not auxes and tok.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ == "mark" for c in tok.children):
        # a participle adjunct takes the tense of the clause it hangs from: "joined the debate, announcing
        # on Wednesday he would meet ..." is past
        head = tok.head
        head_aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in ("will", "shall", "'ll", "wo", "would") for a in head_aux):
            return "future"
        if head.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("has", "have", "had") for a in head_aux):
            return "past"
    if tok.tag_ in ("VBZ", "VBP") and tok.lemma_ == "be":
        # "is to meet", "is scheduled for"
        for c in tok.children:
            if c.dep_ == "xcomp" or c.lower_ in ("scheduled", "expected", "due", "set"):
                return "future"
        if _be_predicate(doc, tok, start, end):
            return "future"
    return None


def _be_predicate(doc, be, start: int, end: int) -> bool:
    """The timex is what a present-tense "be" says of its subject ("the vote is on Sunday", "the deadline
    is Monday"): an event placed by "is" on a day lies ahead (one already past takes "was")."""
    if doc.text[end:end + 2] in ("'s", "\u2019s") or any(c.dep_ in ("aux", "auxpass") for c in be.children):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if root.head.i == be.i:
        return root.dep_ in ("attr", "npadvmod", "tmod", "acomp") and root.i > be.i
    return (root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i == be.i and root.head.i > be.i
            and root.head.lower_ in ("on", "in", "at", "for"))


def _deadline_prep(doc, start: int) -> bool:
    """The timex follows "to/through/until/till/by": the end of a term, which may lie ahead."""
    return re.search(r"(?<![\w-])(?:to|through|until|till|by|into)\s+(?:the\s+)?$", doc.text[max(0, start - 12):start],
                     re.I) is not None


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


# participles that, after a present passive "is/are", put the event ahead
_ARRANGED_LEMMAS = {"set", "schedule", "slate", "plan", "expect", "due", "timetable", "pencil", "book"}

# verbs of effort whose infinitive happened when they did ("struggled to answer a question on Sunday"),
# unlike verbs of decision or intent ("decided to admit them in March")
_EFFORT_LEMMAS = {"struggle", "try", "attempt", "fail", "manage", "begin", "start", "rush", "hurry", "seem", "appear",
                  "scramble", "strive", "happen"}


def _attached_to(doc, verb, start: int, end: int) -> bool:
    """The span is an adverbial of ``verb`` itself (not of a noun further down: "the boost needed for a
    strong performance Tuesday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if root.head.i == verb.i:
        return root.dep_ in ("npadvmod", "tmod", "obl", "advmod")
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i == verb.i


def will_future(doc, start: int, end: int) -> bool:
    """The verb governing the span has "will/shall/'ll" (not the "would" of reported speech)."""
    tok = governing_verb(doc, start, end)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span) and span.root.dep_ == "poss" and span.root.head.dep_ in ("nsubj", "nsubjpass"):
        return False  # "Saturday's clash will set the tone": the day's event is what the future is said of
    return tok is not None and tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall", "'ll", "wo") for c in tok.children)


def finite_adverbial(doc, start: int, end: int) -> bool:
    """The span is an adverbial of a finite verb with a past or future form ("proposed it in October", "will
    open in March"), not part of a noun phrase ("a cutback in its supply in September") or of an infinitive."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if root.dep_ in ("npadvmod", "tmod"):
        verb = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "prep":
        verb = root.head.head
    else:
        return False
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" or any(a.tag_ in ("VBD", "MD") or a.lower_ in ("has", "have", "had") for a in auxes)


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


def _infinitival_relative(doc, start: int, end: int) -> bool:
    """"an address to be delivered Wednesday", "talks to open Monday": what the infinitive names lies ahead of
    the clause's own time (so only a weak cue: not a parsed tense)."""
    tok = governing_verb(doc, start, end)
    return (tok is not None and tok.dep_ in ("relcl", "acl")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))


def direction(text: str, start: int, end: int, doc=None, upper_text: bool = False) -> str | None:
    if doc is not None:
        d = direction_from_doc(doc, start, end)
        if d is not None:
            return d
        if _infinitival_relative(doc, start, end):
            return "future"
    d = direction_from_text(text, start, end, upper_text)
    if d is None and doc is not None and _scheduled_present(doc, start, end):
        return "future"
    return d
