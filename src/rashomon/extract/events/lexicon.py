"""Word lists the stages share, each read once: the trigger lexicon (``data/events/triggers.json``), the date words
(``data/events/dates.json``), the speech verbs of the attribution cues, person and nationality nouns, and nouns for
what people say.
"""

from __future__ import annotations

import functools

from rashomon.data import load_json
from rashomon.extract.roles.lexicon import lexicon as roles_lexicon


@functools.lru_cache(maxsize=1)
def _triggers() -> dict:
    data = load_json("events/triggers.json")
    phrases: dict[str, list[tuple[list[str], str]]] = {}
    for phrase, etype in data["phrases"].items():
        words = phrase.split()
        phrases.setdefault(words[0], []).append((words, etype))
    for cands in phrases.values():
        cands.sort(key=lambda c: -len(c[0]))
    return {"lemmas": data["lemmas"], "phrases": phrases, "weak": set(data["weak_lemmas"]),
            "hypothetical": set(data["hypothetical"]), "outcome": set(data["outcome_lemmas"]),
            "not_heads": set(data["not_incident_heads"]), "agent_verbs": set(data["agent_verbs"]),
            "participle": set(data.get("participle_lemmas", [])),
            "police": {k: set(v) for k, v in data["law_enforcement"].items() if not k.startswith("_")},
            "figurative": {k: set(v) for k, v in data["figurative"].items() if not k.startswith("_")},
            "verbal": {k: set(v) for k, v in data["verbal"].items() if not k.startswith("_")},
            "naming": set(data["naming_verbs"]["lemmas"]),
            "agents": set(data["anaphoric_agents"]["lemmas"]), "aftermath": set(data["anaphoric_agents"]["aftermath_verbs"]),
            "remote_weapons": set(data["remote_weapons"]), "launch_verbs": set(data["launch_verbs"]),
            "aircraft": set(data["aircraft"]),
            "launching_parties": set(data["launching_parties"]),
            "other_incident_words": set(data["other_incident_words"]),
            "second_incident_words": frozenset(data["second_incident_words"]),
            "weapon_types": data["weapon_attack_types"]["types"],
            "unrest_nouns": frozenset(data["unrest_nouns"]["words"]),
            "vehicle_taking": {"lemmas": frozenset(data["vehicle_taking"]["lemmas"]),
                               "vehicles": frozenset(data["vehicle_taking"]["vehicles"]),
                               "off_with": frozenset(data["vehicle_taking"]["off_with_verbs"])},
            "explosive_words": set(data["explosive_words"]),
            "interception_verbs": set(data["interception_verbs"]),
            "pattern_modifiers": set(data["pattern_modifiers"]), "series_nouns": set(data["series_nouns"]),
            "people_taking": set(data["people_taking"]["lemmas"]),
            "ramming": {k: set(v) for k, v in data["ramming"].items() if not k.startswith("_")},
            "setting_fire": {k: set(v) for k, v in data["setting_fire"].items() if not k.startswith("_")},
            "firing_shots": {k: set(v) for k, v in data["firing_shots"].items() if not k.startswith("_")},
            "found_bodies": {k: set(v) for k, v in data["found_bodies"].items() if not k.startswith("_")},
            "to_death_verbs": {"verbs": frozenset(data["to_death_verbs"]["verbs"])},
            "other_incidents_told": frozenset(data["other_incidents_told"]["words"]),
            "verb_lemmas": {k: v for k, v in data["verb_lemmas"].items() if not k.startswith("_")},
            "joining": {k: v for k, v in data["joining_verb_lemmas"].items() if not k.startswith("_")},
            "effect": set(data["effect_lemmas"]["lemmas"]),
            "side_acts": set(data["side_acts"]["lemmas"]),
            "going_off": frozenset(data["going_off"]["subjects"]),
            "thrown": {"verbs": frozenset(data["thrown_weapons"]["verbs"]), "weapons": data["thrown_weapons"]["weapons"],
                       "incendiary": frozenset(data["thrown_weapons"]["incendiary"])},
            "mine_hits": {k: frozenset(v) for k, v in data["mine_hits"].items() if not k.startswith("_")},
            "mistagged": {k: v for k, v in data["mistagged_verbs"].items() if not k.startswith("_")},
            "neutralised": {"verbs": frozenset(data["neutralised_devices"]["verbs"]),
                            "devices": frozenset(data["neutralised_devices"]["device_nouns"]),
                            "safe": frozenset(data["neutralised_devices"]["safe_modifiers"]),
                            "squads": frozenset(data["neutralised_devices"]["squad_nouns"])},
            "legal": {k: set(v) for k, v in data["legal_terms"].items() if not k.startswith("_")}}


@functools.lru_cache(maxsize=1)
def _date_words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in load_json("events/dates.json").items() if not k.startswith("_")}


@functools.lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return frozenset(load_json("attribution/cues.json")["verbs"]["speech"])


@functools.lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    return frozenset(load_json("events/places.json")["nationality_nouns"]) | roles_lexicon()["human_nouns"]


@functools.lru_cache(maxsize=1)
def _word_nouns() -> frozenset[str]:
    """Nouns for what people say ("statement", "claim"): a demonym on them tells whose words, not where."""
    return frozenset(load_json("statements/links.json")["statement_nouns"]) | _triggers()["verbal"]["objects"]
