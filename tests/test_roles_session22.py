"""Role fillers (MUC-4 style), session 22: coordinated perpetrators and responsibility constructions
("hold X and Y responsible", "attributed the attack to X")."""

from __future__ import annotations

import pytest

from rashomon.extract.roles import extract_role_fillers
from rashomon.nlp.model import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _perps(nlp, text: str) -> dict[str, str]:
    """entity -> role of the perpetrators found in ``text``."""
    return {a.entity: a.role for a in extract_role_fillers(nlp(text), muc_style=True) if a.role.startswith("perpetrator")}


def test_conjunct_of_a_perpetrator_is_one_too(nlp):
    perps = _perps(nlp, "Urban guerrillas and two women armed with rifles attacked the police station in the town of "
                        "Santa Rosa last night, killing three policemen and burning two patrol cars.")
    assert perps.get("urban guerrillas") == "perpetrator_individual"
    assert perps.get("two women") == "perpetrator_individual"


def test_conjunct_subject_of_an_attack_verb(nlp):
    perps = _perps(nlp, "Gunmen and several soldiers attacked a bus on the highway to the capital yesterday, "
                        "killing five passengers.")
    assert "gunmen" in perps and perps.get("several soldiers") == "perpetrator_individual"


def test_hold_x_and_y_responsible_with_responsible_on_a_conjunct(nlp):
    perps = _perps(nlp, "Guerrillas bombed a power station in the north of the country on Sunday, killing three "
                        "workers. In a statement, the union said: we hold the mayor's government and the army high "
                        "command responsible for this new attack.")
    assert "government" in perps and any("high command" in e for e in perps)


def test_attribute_the_attack_to_x(nlp):
    perps = _perps(nlp, "A dynamite attack destroyed the offices of the electoral court in the capital last night and "
                        "wounded two guards. Authorities attributed the attack to drug traffickers.")
    assert perps.get("drug traffickers") == "perpetrator_individual"


def test_organisation_named_inside_the_perpetrator_phrase(nlp):
    perps = _perps(nlp, "Terrorists of the Zapata Liberation Front blew up a power station in the town of Santa Rosa "
                        "last night, killing three workers and burning two trucks.")
    assert perps.get("terrorists") == "perpetrator_individual"
    assert perps.get("zapata liberation front") == "perpetrator_org"


def test_organisation_acronym_after_the_perpetrator_phrase(nlp):
    perps = _perps(nlp, "Urban guerrillas of the People's Revolutionary Army (ERP) attacked the police station in the "
                        "town of Santa Rosa last night, killing three policemen and burning two patrol cars.")
    assert perps.get("erp") == "perpetrator_org"


def test_whoever_ordered_or_planned_the_attack(nlp):
    perps = _perps(nlp, "Five peasants were murdered last week in the village of San Pedro. A spokesman said that the "
                        "killing had been ordered by Jaime Ortega and Luis Rivas.")
    assert perps.get("jaime ortega") == "perpetrator_individual" and perps.get("luis rivas") == "perpetrator_individual"
    perps = _perps(nlp, "Gunmen attacked the police station in the town of Santa Rosa last night, killing three "
                        "policemen. Police said the attack had been planned by the Red Hand cartel.")
    assert perps.get("red hand cartel") == "perpetrator_org"


def test_commander_of_the_perpetrators(nlp):
    perps = _perps(nlp, "Guerrillas commanded by Ramon Diaz attacked the police station in the town of Santa Rosa last "
                        "night, killing three policemen and burning two patrol cars.")
    assert perps.get("ramon diaz") == "perpetrator_individual"


def test_people_accused_of_the_attack(nlp):
    perps = _perps(nlp, "A bomb exploded at the police station in the town of Santa Rosa last night, killing three "
                        "policemen. The archbishop called for the trial of the soldiers accused of murdering the three "
                        "policemen.")
    assert perps.get("soldiers") == "perpetrator_individual"
