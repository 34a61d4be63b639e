"""The training loop shared by rashomon's small spaCy components (cue tagger, role span tagger).

``fit(nlp, examples, epochs, seed, component, init_n, score=None)``: initialise on the first ``init_n``
examples, then per epoch shuffle (a seeded ``random.Random``), update in minibatches of 8 with dropout
0.1, and print the loss (plus ``score(nlp)`` when given). Deterministic for a fixed seed, CPU only.
"""

from __future__ import annotations

import random
import time


def fit(nlp, examples: list, epochs: int, seed: int, component: str, init_n: int = 50, score=None, log=print):
    from spacy.util import minibatch

    optimizer = nlp.initialize(lambda: examples[:init_n])
    rng = random.Random(seed)
    order = list(range(len(examples)))
    for epoch in range(1, epochs + 1):
        t0 = time.time()
        rng.shuffle(order)
        losses: dict = {}
        for batch in minibatch([examples[i] for i in order], size=8):
            nlp.update(batch, drop=0.1, sgd=optimizer, losses=losses)
        msg = f"epoch {epoch} loss {losses.get(component, 0):.0f} {time.time() - t0:.0f}s"
        if score is not None:
            msg += " | " + score(nlp)
        log(msg, flush=True)
    return nlp
