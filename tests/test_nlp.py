"""The parse sees only body text, at the original offsets, one paragraph never running into another."""

from eventwire.nlp import load, nlp_text, parse
from eventwire.read.story import story_from_text

TEXT = """Ministers meet in Ankara
By Jane Example
Ministers shake hands [AFP photo]

The Turkish foreign minister met his Iraqi
counterpart in Ankara on Thursday

Officials said the two sides agreed to share data on the rivers.
"""


def test_token_offsets_are_original_offsets_and_removed_text_is_not_parsed():
    story = story_from_text("t", TEXT, title_from_first_line=True)
    (_, doc), = parse([story])
    assert len(doc.text) == len(TEXT)
    words = [t for t in doc if not t.is_space]
    for token in words:
        assert TEXT[token.idx : token.idx + len(token.text)] == token.text
    seen = {t.text for t in words}
    assert "Jane" not in seen and "AFP" not in seen and "Ankara" in seen
    assert [t.text for t in words][:2] == ["The", "Turkish"]


def test_a_sentence_never_crosses_a_paragraph_break():
    story = story_from_text("t", TEXT, title_from_first_line=True)
    (_, doc), = parse([story])
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    # the first paragraph has no full stop; the hard wrap inside it is joined, the break is kept
    assert sentences[0] == "The Turkish foreign minister met his Iraqi counterpart in Ankara on Thursday"
    assert sentences[1].startswith("Officials said")


def test_nlp_text_keeps_length_and_blanks_non_body():
    story = story_from_text("t", TEXT, title_from_first_line=True)
    prepared = nlp_text(story)
    assert len(prepared) == len(TEXT)
    assert "Ministers meet" not in prepared and "AFP" not in prepared
    assert "his Iraqi counterpart" in prepared  # the wrap became a space


def test_model_is_loaded_once():
    assert load() is load()
    assert "eventwire_paragraph_breaks" in load().pipe_names
