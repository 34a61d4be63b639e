"""The optional span encoder: windows, decoding, adapter merging, and its cues on real sentences."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from rashomon.nlp import encoder as E  # noqa: E402


def test_windows_cover_every_piece_with_overlap():
    assert E.windows(10) == [(0, 10)]
    spans = E.windows(1000)
    assert spans[0] == (0, E.WINDOW - 2) and spans[-1][1] == 1000
    covered = set()
    for s, e in spans:
        assert e - s <= E.WINDOW - 2
        covered.update(range(s, e))
    assert covered == set(range(1000))
    assert all(b[0] < a[1] for a, b in zip(spans, spans[1:]))  # consecutive windows overlap


def test_decode_labels_words_not_pieces():
    # pieces: "deni" "##ed" "it" "said" ; words 0 0 1 2 ; offsets of "denied it said"
    offsets = [(0, 4), (4, 6), (7, 9), (10, 14)]
    word_ids = [0, 0, 1, 2]
    probs = torch.tensor([[0.1, 0.8, 0.1],   # B on the first piece of "denied"
                          [0.9, 0.05, 0.05],  # the second piece's own label is ignored
                          [0.9, 0.05, 0.05],
                          [0.2, 0.1, 0.7]])   # an I after O opens a span
    spans = E.decode(probs, offsets, word_ids)
    assert [(s, e) for s, e, _ in spans] == [(0, 6), (10, 14)]
    assert spans[0][2] == pytest.approx(0.9)


def test_merged_adapters_equal_the_adapted_network():
    pytest.importorskip("peft")
    try:
        adapted = E.build(4)
    except E.EncoderNotInstalled:
        pytest.skip("base encoder not installed")
    with torch.no_grad():
        for name, p in adapted.named_parameters():
            if "lora_B" in name:
                p.normal_(0, 0.02)  # a trained adapter is not zero
    adapted.eval()
    state = {n: t for n, t in adapted.state_dict().items() if "lora_" in n or n.startswith("heads.")}
    plain = E.build(0)
    plain.load_state_dict(E.merge_adapters(state, plain.state_dict(), 4), strict=False)
    plain.eval()
    ids = torch.randint(1000, 20000, (2, 24))
    mask = torch.ones_like(ids)
    with torch.no_grad():
        a, b = adapted(ids, mask)["cue"], plain(ids, mask)["cue"]
    assert torch.allclose(a, b, atol=1e-4)


def test_pack_stores_changes_small_and_unpacks_to_the_same_network():
    try:
        base = E.build(0)
    except E.EncoderNotInstalled:
        pytest.skip("base encoder not installed")
    plain = base.state_dict()
    tuned = {n: t.clone() for n, t in plain.items()}
    gen = torch.Generator().manual_seed(0)
    layer = "enc.encoder.layer.0.attention.self.query.weight"
    tuned[layer] += 0.01 * torch.randn(tuned[layer].shape, generator=gen)
    emb = "enc.embeddings.word_embeddings.weight"
    tuned[emb][5] += 0.05  # one word piece moved by training, the others untouched
    packed = E.pack(tuned, plain)
    assert packed[f"q:{layer}"].dtype.name == "int8"
    assert not packed[f"q:{emb}"][6:].any() and packed[f"q:{emb}"][5].any()
    assert "f:heads.cue.weight" in packed  # heads have no pretrained base: stored as values
    fresh = E.build(0).state_dict()  # (new random heads: they must come from the pack)
    state = E.unpack(packed, fresh)
    for name in (layer, emb, "heads.cue.weight"):
        assert torch.allclose(state[name], tuned[name], atol=2e-3), name


@pytest.fixture(scope="module")
def shipped():
    try:
        return E.load()
    except E.EncoderNotInstalled as exc:
        pytest.skip(str(exc))


def test_shipped_encoder_tags_speech_and_denial_cues(shipped):
    text = ("The interior minister said on Tuesday that the convoy had been ambushed near the border. "
            "A spokesman for the rebels denied any involvement. "
            "Residents fear the fighting will spread, according to aid workers.")
    spans = E.tag_texts([text], *shipped)[0]
    cues = {text[s:e] for s, e, _ in spans["cue"]}
    assert any(c.startswith("said") for c in cues)
    assert any(c.startswith("denied") for c in cues)
    assert "according to" in cues
    sources = {text[s:e] for s, e, _ in spans["source"]}
    assert any("minister" in s for s in sources)


def test_encoder_cues_feed_the_attribution_extractor(shipped):
    from rashomon.extract.attribution import extract_attributions
    from rashomon.nlp.model import load_nlp

    text = "Police chief Amina Yusuf told reporters the attackers had fled on motorbikes."
    E.set_enabled(True)
    try:
        doc = load_nlp()(text)
        statements = extract_attributions(doc)
    finally:
        E.set_enabled(None)
    assert doc.user_data["rashomon_tagged_cues"]  # the encoder's cues, as token ranges
    st = next(s for s in statements if text[s.cue.start:s.cue.end].startswith("told"))
    assert "attackers had fled" in text[st.content.start:st.content.end]
    assert "Amina Yusuf" in text[st.source.start:st.source.end]
