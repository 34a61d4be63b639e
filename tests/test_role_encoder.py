"""The role encoder's probabilities as role-model features, and the shipped role heads on new text."""

from __future__ import annotations

import pytest

from rashomon.extract.roles.candidates import candidates, featurize, pool
from rashomon.extract.roles.encoded import add_features, token_matrix
from rashomon.extract.roles.lexicon import priors
from rashomon.nlp.model import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_word_probabilities_map_to_tokens_by_overlap(nlp):
    text = "gunmen shot the mayor of villa nueva yesterday."
    doc = nlp(text)
    s = text.index("mayor")
    words = {"Victim": [(s, s + 5, 0.9)], "PerpInd": [(0, 6, 0.6)]}
    P = token_matrix(doc, words)
    mayor = next(t.i for t in doc if t.text == "mayor")
    assert P[mayor].tolist() == pytest.approx([0.0, 0.0, 0.0, 0.9, 0.0])
    assert P[0].tolist() == pytest.approx([0.6, 0.0, 0.0, 0.0, 0.0])
    assert P[mayor + 1].sum() == 0  # "of": no word touched it


def test_candidates_get_the_binned_probability_of_their_best_occurrence(nlp):
    text = "the mayor was shot by gunmen. police said the mayor died later."
    doc = nlp(text)
    cands = candidates(doc)
    featurize(doc, cands, priors())
    keys = pool(cands)
    second = text.rindex("mayor")  # only the second mention is believed a victim
    add_features(doc, keys, {"Victim": [(second, second + 5, 0.97)]})
    mayor = next(k for k in keys if k.key == "mayor")
    assert "encH_Victim=7" in mayor.feats  # top bin (>= 0.95)
    assert "encH_PerpInd=0" in mayor.feats
    gunmen = next(k for k in keys if k.key == "gunmen")
    assert "encH_Victim=0" in gunmen.feats


def test_shipped_role_heads_find_victim_and_perpetrator_in_new_text():
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from rashomon.nlp import encoder as E

    try:
        E.load("roles")
    except E.EncoderNotInstalled as exc:
        pytest.skip(str(exc))
    text = ("urban guerrillas of the people's revolutionary front today machinegunned the car of judge "
            "ramiro castaneda in the outskirts of the capital. the judge was killed instantly.")
    words = E.head_word_probs([text], "roles")[0]

    def best(role, word):
        s = text.index(word)
        return max((p for a, b, p in words[role] if a <= s < b), default=0.0)

    assert best("Victim", "castaneda") > 0.5
    assert best("PerpOrg", "revolutionary") > 0.3 or best("PerpInd", "guerrillas") > 0.5
    assert best("Victim", "outskirts") < 0.3


def test_late_fusion_learns_to_trust_the_informative_score():
    import numpy as np

    from rashomon.extract.roles.encoded import _logit, fit_stack, stack

    rng = np.random.default_rng(0)
    n = 4000
    y = (rng.random((n, 5)) < 0.2).astype(float)
    informative = np.clip(0.15 + 0.7 * y + rng.normal(0, 0.1, y.shape), 0.01, 0.99)  # separates the classes
    noise = rng.uniform(0.01, 0.99, y.shape)  # says nothing
    w = fit_stack(noise, informative, y)
    for role, (a, b, _) in w.items():
        assert b > 2 and abs(a) < b / 10, (role, a, b)
    fused = stack(noise, informative, w)
    assert ((fused >= 0.5) == (y > 0)).mean() > 0.97
    assert np.allclose(_logit(np.array([0.5])), 0.0)
