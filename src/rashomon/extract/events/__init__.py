"""Incidents: triggers, types, dates, places, figures; background incidents kept apart.

1. Triggers come from a lexicon of lemmas and phrases (``data/events/triggers.json``).
   Generic plurals ("a history of attacks"), hypotheticals ("a possible attack")
   and questions are not incidents.
2. Each trigger gets the date and place written in its own sentence, when they are its own: not a
   date that opens a period ("since 2019") or modifies another noun ("the Christmas lights"), of a
   clause told apart from it, or a court's date; not the dateline's city (``_owns_date``).
3. Triggers are grouped into incidents: an anaphoric mention ("the assault",
   "this attack") joins the most salient compatible incident; a trigger with its
   own date or place that differs from every incident, or a type of another
   family, starts a new one.
4. Incidents dated well before the main incident, or told in the past perfect,
   are background.
5. Figures and role fillers attach to the incident of their sentence, else to
   the incident last referred to.

Modules, in the order of the flow (each imports only from those before it): ``lexicon`` (shared word lists),
``records`` (``Trigger``, ``_Incident``), ``lead`` (headline and lead bounds), ``clauses`` (clause helpers),
``triggers`` (step 1), ``dates`` and ``location`` (step 2), ``incidents`` (steps 3 and 4), ``agents``
(perpetrators), ``attach`` (step 5); ``extract_events`` here runs them in turn.
"""

from __future__ import annotations

from spacy.tokens import Doc

from rashomon.models import Argument, Event, Figure, Place, Span, Timex
from rashomon.nlp.model import doc_text

from .agents import _accused_people, _agent_mentions, _attackers_group, _launcher, _state_agent, arrested_suspects
from .attach import _attach, _single_victim, incident_at
from .dates import (_agent_of_other_act, _clock_only, _date_from_context, _date_from_lead, _date_hours_after,
                    _dates_the_saying_of_it, _dates_the_toll, _day_of_governing_clause, _days_apart, _hours_lapse,
                    _in_after_clause, _iso, _on_a_message, _said_on, _sentence_date, _tied, _time_relation_object,
                    _told_as_earlier, closes_own_phrase, when_clause_verb)
from .incidents import _anaphora_in_background_passages, _mark_background, _ranked_types, group_incidents
from .lead import _headline_end, _second_headline_clause, _without_other_family_headline_clauses, headline_clause
from .location import (_dateline_town, _lead_town, _own_place, _place_from_context, _refine_main_place,
                       _sentence_places, _timeline_heading_town, lead_settlements, town_told_before)
from .triggers import (_during_unrest, _found_in_state, _negated_act, _yearly_count, find_triggers, is_incident_noun,
                       is_trigger_word, is_verbal_attack, names_claimed_act)

__all__ = ["closes_own_phrase", "extract_events", "find_triggers", "group_incidents", "incident_at", "is_incident_noun",
           "is_trigger_word", "is_verbal_attack", "lead_settlements", "names_claimed_act", "when_clause_verb"]


def extract_events(doc: Doc, timexes: list[Timex], places: list[Place], figures: list[Figure],
                   arguments: list[Argument] | None = None, dct: str | None = None,
                   all_timexes: list[Timex] | None = None) -> list[Event]:
    """Incidents of the document with their dates, places, figures and role fillers. ``timexes`` are the ones an
    incident may take; ``all_timexes`` (default: the same) also holds the dates of statements, which an incident
    told "hours after" a statement's occasion ("pleaded not guilty on Monday, hours after ...") is measured from."""
    text = doc_text(doc)
    headline_end = _headline_end(text)
    triggers = find_triggers(doc, timexes)
    triggers = [t for t in triggers if not _negated_act(doc[t.end - 1]) and not _yearly_count(doc, t, triggers, timexes)
                and not ((t.weak or doc[t.end - 1].head.lemma_.lower() == "leave") and _found_in_state(doc[t.end - 1]))
                and not _during_unrest(doc[t.end - 1])]
    for trig in triggers:
        trig.earlier = _told_as_earlier(doc[trig.end - 1])
        tok = doc[trig.end - 1]
        # a participle on a noun ("pulled from burned stalls on Tuesday") names a state, and the attackers
        # told again as the subject of another act ("Two days later, the gunmen released the driver") do
        # something else: the date is that clause's
        trig.date = None if tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBD") or _agent_of_other_act(tok, trig) \
            else _sentence_date(doc, trig.sent_index, timexes, trig.start, trig.end)
        if trig.date is not None and _dates_the_toll(doc, trig.date.span):
            trig.date = None  # "the death toll from the strike rose to 17 on Wednesday": the count's day
        if trig.date is not None and (_said_on(doc, trig.date.span, trig) or _clock_only(doc, trig.date)
                                      or _on_a_message(doc, trig.date.span, trig)
                                      or trig.anaphoric and (not _tied(doc, trig.date.span, trig)
                                                             or _time_relation_object(tok, trig.date.span)
                                                             or _dates_the_saying_of_it(doc, trig.date.span, trig))):
            # "the attack was claimed in a statement on Friday", "..., police said on Monday": the date
            # may be the statement's, so it neither splits the incident nor overrides its date
            trig.clock_date = _clock_only(doc, trig.date)
            trig.date, trig.loose_date = None, trig.date
        if trig.earlier:  # "marked 20 years since the siege on Tuesday": the day is not the siege's
            sent = doc[trig.start].sent
            own = next((t for t in ([trig.date] if trig.date is not None else []) + [
                t for t in timexes if sent.start_char <= t.span.start < sent.end_char and t is not trig.date
                and t.type in ("DATE", "TIME") and _iso(t.value)] if _in_after_clause(doc, t, tok)), None)
            # ... but "came a year after Iran fired missiles at X in June 2025" tells the earlier one's
            lapse = _hours_lapse(tok)
            governing = _day_of_governing_clause(doc, tok, all_timexes or timexes) if lapse else None
            trig.hours_earlier = lapse and (own is None or governing is None or _days_apart(own, governing) <= 1)
            # ("The trial opened on Monday, hours after the house was burned": about the day of the clause it is
            # measured from; "described the scene yesterday, hours after gunfire tore through a party late
            # Saturday": its own day, the same days; "The statement came hours after a drone struck a car on Wednesday":
            # the clause it is measured from has no day of its own)
            trig.date, trig.loose_date = own if own is not None or not trig.hours_earlier else governing, None
        if not trig.anaphoric or trig.legal:  # "this attack" refers back; places around it tell other things
            trig.place, trig.far_place = _sentence_places(doc, places, trig.start, trig.end)
            if trig.place is None or not trig.place.city:
                trig.place = town_told_before(doc, places, trig.start, trig.end) or trig.place
        else:  # ... except its own ("The blast in Kirkuk killed five people")
            trig.place = _own_place(doc, doc[trig.end - 1], places)
        trig.in_headline = doc[trig.start].idx < headline_end
        if trig.in_headline:
            # a headline names the story's incident more coarsely ("... in Zabul" / "in the city of
            # Qalat"): its place must not keep the lead's account of it apart, nor its date ("Armed men
            # kidnap ranchers, hijack trucks a day later")
            trig.place, trig.headline_place, trig.far_place = None, trig.place, None
            if trig.date is not None and headline_clause(text, headline_end, trig.date.span.start) \
                    != headline_clause(text, headline_end, doc[trig.start].idx):
                trig.date = None  # "Gang kidnaps clinic staff ..., hijacks fuel truck a day later": the other clause's
            if trig.date is not None:
                trig.date, trig.loose_date = None, trig.date
    # "Church torched in X, gendarmes shot at in second attack": the headline's later clause announces another
    # incident, which the body tells; it does not join (or type) the first one
    triggers = [t for t in triggers if not (t.in_headline and _second_headline_clause(text, headline_end, doc[t.start].idx))]
    triggers = _without_other_family_headline_clauses(doc, triggers, text, headline_end)
    incidents = group_incidents(doc, triggers, lead_settlements(doc, places), _iso(dct))
    if not incidents:
        return []
    for inc in incidents:
        inc.place = inc.place or next((t.headline_place for t in inc.triggers if t.headline_place), None)
    _date_from_context(doc, incidents, timexes)
    _date_from_lead(doc, incidents, timexes, _iso(dct))
    _date_hours_after(doc, incidents)
    _refine_main_place(doc, incidents, places, headline_end)
    _timeline_heading_town(doc, incidents, places)
    _place_from_context(doc, incidents, places)
    _dateline_town(doc, incidents, places)
    _lead_town(doc, incidents, places)
    _mark_background(doc, incidents, _iso(dct))
    _anaphora_in_background_passages(doc, incidents)
    events: list[Event] = []
    for inc in incidents:
        # the incident is told by its first trigger that is no offence someone is charged with
        first = next((t for t in inc.triggers if not t.legal), inc.triggers[0])
        sent = doc[first.start].sent
        specific = _ranked_types(inc, doc, figures)
        events.append(Event(
            type=specific[0], types=specific, background=inc.background,
            trigger=Span.of(text, doc[first.start].idx, doc[first.end - 1].idx + len(doc[first.end - 1].text)),
            sentence=Span.of(text, sent.start_char, sent.end_char),
            date=inc.date, place=inc.place,
            mentions=[Span.of(text, doc[t.start].idx, doc[t.end - 1].idx + len(doc[t.end - 1].text))
                      for t in inc.triggers if t is not first],
        ))
    _attach(doc, events, incidents, figures, (arguments or []) + _accused_people(doc))
    for ev in events:
        for arg in arrested_suspects(doc, ev):
            if not any(a.span.start < arg.span.end and arg.span.start < a.span.end for a in ev.arguments
                       if a.role.startswith("perpetrator")):
                ev.arguments.append(arg)
    for ev, inc in zip(events, incidents):
        for agent in _agent_mentions(doc, inc):
            # "A suicide bomber blew himself up ...", "Three men set fire to ...", "about 20 gunmen opened
            # fire": who did it, each time a trigger tells them (a counted mention says most)
            if not any(a.role.startswith("perpetrator") and a.span.start < agent.span.end and agent.span.start < a.span.end
                       for a in ev.arguments):
                ev.arguments.append(agent)
        for org in _attackers_group(doc, ev):  # (inside an attacker mention: "Members of the X gang")
            if not any(a.span.start < org.span.end and org.span.start < a.span.end
                       and a.role != "perpetrator_individual" for a in ev.arguments):
                ev.arguments.append(org)
        if not any(a.role == "perpetrator_org" for a in ev.arguments) and (
                state := _launcher(doc, inc) or _state_agent(doc, inc)):
            # "Moscow unleashed a round of aerial bombardment", "a Russian missile hit ...": who fired it
            ev.arguments.append(state)
        if not any(f.kind == "killed" for f in ev.figures) and (fig := _single_victim(doc, inc)) is not None:
            ev.figures.append(fig)
    return events
