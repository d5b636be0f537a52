"""Coding with TABARI/PETRARCH dictionaries: the shipped Phoenix set and a user's own (small
dictionaries written for these tests), compiled once into the cache."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from support import SHARED, dictionary_folder, need_shared

from eventwire.coder import Coder
from eventwire.dictionaries.compiled import compiled_dictionaries

ACTORS = """\
ZORBLAND [ZRB]
HELMAND [AFG]
BRAVO_VANTARI
    [ZRBGOV 100101-121231]
    [ZRBOPP >130101]
"""
VERBS = """\
&ARMS
+WEAPON
+RIFLE

--- FURNISH [---] ---
FURNISH
- * &ARMS [072]
- * (WITH &ARMS) [072]

--- DISDAIN [120] ---
DISDAIN
"""


@pytest.fixture
def own_dictionaries(tmp_path, monkeypatch):
    return dictionary_folder(tmp_path, monkeypatch, {"test.actors.txt": ACTORS, "test.verbs.txt": VERBS})


@pytest.fixture
def own_coder(own_dictionaries, coder):
    return Coder(dictionaries=[own_dictionaries], default_dictionaries=False, nlp=coder.nlp,
                 place_index=coder.place_index)


def codes(story):
    return [(e.plover.type, e.cameo.code, e.source and e.source.code, e.target and e.target.code)
            for e in story.events]


def test_a_dated_role_gives_the_code_held_on_the_storys_day(own_coder):
    text = "Bravo Vantari disdained Zorbland's neighbours on Monday."
    assert codes(own_coder.code_text(text, published="2011-05-02"))[0][2] == "ZRBGOV"
    assert codes(own_coder.code_text(text, published="2015-05-02"))[0][2] == "ZRBOPP"
    # before its first role no code applies: the name alone is no actor
    assert all(c[2] is None for c in codes(own_coder.code_text(text, published="2009-06-01")))


def test_a_town_of_a_users_dictionary_lends_its_country_and_is_its_actor_as_petrarch_reads_it(own_coder):
    (event,) = own_coder.code_text("Police in Helmand arrested three men on Monday.", published="2020-01-01").events
    assert event.source.code == "AFGCOP"
    (event,) = own_coder.code_text("Helmand disdained the talks on Monday.", published="2020-01-01").events
    assert event.source.code == "AFG"  # the shipped Phoenix towns are where things happen, not who


def test_a_user_dictionary_codes_by_its_patterns_and_by_its_verbs_alone(own_coder):
    armed = own_coder.code_text("Zorbland furnished rifles to the rebels on Monday.", published="2020-01-01")
    assert [c[1] for c in codes(armed)] == ["072"]
    assert "test.verbs.txt" in armed.events[0].mentions[0].explain
    # no pattern fits, and the family codes nothing alone
    assert not own_coder.code_text("Zorbland furnished food to the rebels.", published="2020-01-01").events
    disdain = own_coder.code_text("Zorbland disdained the Ugandan delegation.", published="2020-01-01")
    assert [c[:2] for c in codes(disdain)] == [("REJECT", "120")]  # the family's code, from a user's dictionary


def test_the_lexicons_win_where_both_know_a_name(own_dictionaries, coder, tmp_path):
    (own_dictionaries / "test.actors.txt").write_text(ACTORS + "UGANDA [KEN]\n")  # wrong on purpose
    own = Coder(dictionaries=[own_dictionaries], default_dictionaries=False, nlp=coder.nlp,
                place_index=coder.place_index)
    (event,) = own.code_text("Zorbland disdained Uganda on Monday.", published="2020-01-01").events
    assert event.target.code == "UGA"


def test_the_compiled_form_is_cached_under_the_files_contents(own_dictionaries, coder, tmp_path):
    def tokenize(texts):
        return [t.split() for t in texts]

    first = compiled_dictionaries([own_dictionaries], tokenize, "t")
    cached = list((tmp_path / "cache").glob("dictionaries-*.pickle"))
    assert len(cached) == 1
    assert compiled_dictionaries([own_dictionaries], tokenize, "t") == first
    (own_dictionaries / "test.actors.txt").write_text(ACTORS + "NEWLAND [NWL]\n")
    again = compiled_dictionaries([own_dictionaries], tokenize, "t")
    assert len(list((tmp_path / "cache").glob("dictionaries-*.pickle"))) == 2
    assert len(again.actors) == len(first.actors) + 1


def test_dictionary_options_on_the_command_line(own_dictionaries, tmp_path, cli):
    story = tmp_path / "story.txt"
    story.write_text("Title\n2 May 2011\n\nBravo Vantari disdained the Ugandan delegation on Monday.\n")
    result = cli("extract", str(story), "--dictionary", str(own_dictionaries), "--no-default-dictionaries",
                 "--explain")
    assert result.code == 0, result.err
    (event,) = result.json()["stories"][0]["events"]
    assert event["source"]["code"] == "ZRBGOV"
    assert "test.actors.txt:3 Bravo Vantari" in event["mentions"][0]["explain"]
    missing = cli("extract", str(story), "--dictionary", str(tmp_path / "nope"))
    assert missing.code == 2 and "dictionary folder not found" in missing.err


def test_a_users_own_code_is_stored_and_exported_with_no_plover_type(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "own"
    folder.mkdir()
    (folder / "own.actors.txt").write_text("ZORBLAND [ZRB]\nQUELLIA [QLL]\n")
    (folder / "own.verbs.txt").write_text("--- GLORP [901] ---\nGLORP\n")
    story = tmp_path / "story.txt"
    story.write_text("Title\n2 May 2011\n\nZorbland glorped Quellia on Monday.\n")
    db = f"sqlite:///{tmp_path / 'own.db'}"
    assert cli("ingest", str(story), "--dictionary", str(folder), "--db", db).code == 0
    out = tmp_path / "events.csv"
    assert cli("export", "--db", db, "--format", "csv", "--layout", "native", str(out)).code == 0
    header, row = out.read_text().splitlines()[:2]
    values = dict(zip(header.split(","), row.split(","), strict=False))
    assert (values["cameo.code"], values["plover.type"], values["source.code"]) == ("901", "", "ZRB")


def test_the_phoenix_dictionaries_ship_with_their_licence():
    folder = resources.files("eventwire") / "dictionaries" / "phoenix"
    names = {p.name for p in folder.iterdir()}
    assert {"CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.agents.txt", "LICENSE"} <= names
    assert "MIT" in (folder / "LICENSE").read_text()


def test_phoenix_actors_are_known_by_default(coder):
    (event,) = coder.code_text("Yasuo Fukuda met Kenyan police commanders.", published="2008-01-15").events
    assert event.source.code == "JPNGOV"  # Phoenix: prime minister from 1 November 2007


def test_lexicon_conflicts_lists_what_the_lexicons_overrule(cli):
    result = cli("lexicon", "conflicts")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[-1].startswith("conflicts: ") and "verbs" in lines[-1]
    assert any(line.startswith("verb 'agree': the lexicons say AGREE") for line in lines)


def test_eval_petrarch_codes_the_unit_tests_with_their_own_dictionaries(cli, tmp_path):
    folder = need_shared(SHARED / "datasets" / "petrarch-unit-tests")
    details = tmp_path / "details.json"
    result = cli("eval", "petrarch", str(folder), "--details", str(details))
    assert result.code == 0, result.err
    report = result.json()
    assert report["records"] == 284 and report["pass_rate"] >= 0.90  # 0.9049 measured
    assert set(report["by_category"]) >= {"DEMO", "SYNSET", "COMPOUND", "AGENT", "DATE"}
    rows = json.loads(details.read_text())
    assert any(r["ok"] for r in rows) and all({"expected", "coded"} <= set(r) for r in rows)


def test_eval_petrarch_codes_the_sentence_petrarch_parsed(tmp_path):
    """PETRARCH codes a record's <Parse>: where its words are not the <Text>'s, they are the sentence."""
    from eventwire.evaluate.petrarch import load_records

    rows = [{"id": "unit-test:A-1", "text": "The Zorbland government hauled tools.", "events": []},
            {"id": "unit-test:A-2", "text": "Zorbland's ties (ZU) grew.", "events": []}]
    (tmp_path / "unit-tests.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "PETR.UnitTest.records.xml").write_text("""<Sentences>
<Sentence date="19950101" id="A-1"><Text>The Zorbland government hauled tools.</Text>
<Parse>(ROOT (S (NP (DT The) (NNP Zorbland) (NNS Congresses)) (VP (VBD hauled) (NP (NNS tools))) (. .)))</Parse>
</Sentence>
<Sentence date = "19950101" id ="A-2"><Text>Zorbland's ties (ZU) grew.</Text>
<Parse>(ROOT (S (NP (NNP Zorbland) (POS 's) (NNS ties) (-LRB- -LRB-) (NNP ZU) (-RRB- -RRB-))
  (VP (VBD grew)) (. .)))</Parse>
</Sentence>
</Sentences>""")
    assert [r["text"] for r in load_records(tmp_path)] == ["The Zorbland Congresses hauled tools.",
                                                           "Zorbland's ties (ZU) grew."]
