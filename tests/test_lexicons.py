"""User lexicons extend the packaged ones; a broken file is named, with its line."""

GOOD = ("Title of a good story\n\nSponsored by Example Bank\n\nThe foreign minister of Kenya met the "
        "Ugandan president in Kampala on Monday to discuss trade, officials said.\n")


def test_user_lexicon_adds_a_boilerplate_pattern(tmp_path, cli):
    story = tmp_path / "story.txt"
    story.write_text(GOOD)
    before = cli("extract", str(story)).json()["stories"][0]
    assert before["removed"] == []
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    (lexicon / "cleaning.yaml").write_text("boilerplate:\n  - 'sponsored by .*'\n")
    after = cli("extract", str(story), "--lexicon", str(lexicon)).json()["stories"][0]
    assert [(r["kind"], r["text"]) for r in after["removed"]] == [("boilerplate", "Sponsored by Example Bank")]


def test_broken_yaml_is_named_with_its_line(tmp_path, cli):
    story = tmp_path / "story.txt"
    story.write_text(GOOD)
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    (lexicon / "cleaning.yaml").write_text("boilerplate:\n  - 'fine'\n  - [unclosed\n caption: x\n")
    result = cli("extract", str(story), "--lexicon", str(lexicon))
    assert result.code == 2
    (line,) = result.err_lines
    assert f"{lexicon / 'cleaning.yaml'} line " in line


def test_bad_regex_and_wrong_shape_are_named(tmp_path, cli):
    story = tmp_path / "story.txt"
    story.write_text(GOOD)
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    (lexicon / "cleaning.yaml").write_text("boilerplate:\n  - '(unbalanced'\n")
    result = cli("extract", str(story), "--lexicon", str(lexicon))
    assert result.code == 2 and "not a valid regex" in result.err and "(unbalanced" in result.err
    (lexicon / "cleaning.yaml").write_text("boilerplate: just a string\n")
    result = cli("extract", str(story), "--lexicon", str(lexicon))
    assert result.code == 2 and "expected a list" in result.err


def test_missing_lexicon_folder(tmp_path, cli):
    story = tmp_path / "story.txt"
    story.write_text(GOOD)
    result = cli("extract", str(story), "--lexicon", str(tmp_path / "nope"))
    assert result.code == 2 and "lexicon folder not found" in result.err


def test_user_verb_lexicon_adds_a_trigger(tmp_path, cli):
    story = tmp_path / "story.txt"
    story.write_text("Title\n\nThe Kenyan government excoriated Uganda over the border closure on Monday.\n")
    assert cli("extract", str(story)).json()["stories"][0]["events"] == []
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    (lexicon / "verbs.yaml").write_text("verbs:\n  excoriate: [{cameo: \"111\"}]\n")
    (event,) = cli("extract", str(story), "--lexicon", str(lexicon)).json()["stories"][0]["events"]
    assert event["plover"]["type"] == "ACCUSE"
    assert (event["source"]["code"], event["target"]["code"]) == ("KENGOV", "UGA")


def test_user_actor_lexicon_adds_a_named_actor(tmp_path, cli):
    story = tmp_path / "story.txt"
    story.write_text("Title\n\nThe Zorblat Front attacked an army base in Mali on Sunday.\n")
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    (lexicon / "actors.yaml").write_text("actors:\n  - {name: Zorblat Front, country: MLI, sector: REB, aliases: []}\n")
    (event,) = cli("extract", str(story), "--lexicon", str(lexicon)).json()["stories"][0]["events"]
    assert event["source"]["code"] == "MLIREB"


def test_bad_verb_entries_are_named(tmp_path, cli):
    story = tmp_path / "story.txt"
    story.write_text(GOOD)
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    (lexicon / "verbs.yaml").write_text("verbs:\n  lambaste: [{cameo: \"999\"}]\n")
    result = cli("extract", str(story), "--lexicon", str(lexicon))
    assert result.code == 2 and "lambaste" in result.err and "999" in result.err
    (lexicon / "verbs.yaml").write_text("verbs:\n  lambaste: [{cameo: \"111\", colour: red}]\n")
    result = cli("extract", str(story), "--lexicon", str(lexicon))
    assert result.code == 2 and "unknown key" in result.err and "colour" in result.err
    (lexicon / "verbs.yaml").write_text("verbs:\n  lambaste: [{cameo: \"111\"}]\n  lambaste: [{cameo: \"112\"}]\n")
    result = cli("extract", str(story), "--lexicon", str(lexicon))
    assert result.code == 2 and "line 3" in result.err and "twice" in result.err
    # YAML reads a bare on or off as a truth value: such a word is named, not read as "true"
    (lexicon / "verbs.yaml").write_text("verbs:\n  pounce: [{prep: [on], cameo: \"190\"}]\n")
    result = cli("extract", str(story), "--lexicon", str(lexicon))
    assert result.code == 2 and "pounce" in result.err and "quote it" in result.err


def test_the_rules_hold_no_english_words_of_their_own():
    """Words the rules match against the text live in lexicon files: a literal word compared with
    a token's text or lemma in the code is a word list nobody can extend."""
    import re

    from support import ROOT

    compared = re.compile(r"""(lower_|lemma_|\.text|lemma\([\w.]+\))\s*(?:\.lower\(\))?\s*(?:not\s+)?(?:in|==|!=)"""
                          r"""\s*(?:[({\[][^)}\]]*?)?["'][^"']*[A-Za-z]""")
    found = []
    for path in sorted((ROOT / "src" / "eventwire" / "code").glob("*.py")):
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if compared.search(line.split("#")[0]):
                found.append(f"{path.name}:{n}: {line.strip()}")
    assert not found, "\n".join(found)


def test_a_word_list_the_packaged_file_does_not_declare_is_named_with_its_line(tmp_path, cli):
    story = tmp_path / "story.txt"
    story.write_text(GOOD)
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    (lexicon / "grammar.yaml").write_text("# mine\nstance_nouns: protest\nstance_noun: outcry\n")
    result = cli("extract", str(story), "--lexicon", str(lexicon))
    assert result.code == 2
    assert f"{lexicon / 'grammar.yaml'} line 3: unknown word list 'stance_noun'" in result.err


def test_a_user_word_list_extends_the_packaged_one(tmp_path, cli):
    # a user's word joins the packaged ones ("in outcry against X" as "in protest against X")
    story = tmp_path / "story.txt"
    story.write_text("Title\n\nKenyan students marched in outcry against Uganda on Monday.\n")
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    (lexicon / "grammar.yaml").write_text("stance_nouns: outcry\n")
    from eventwire.lexicons import Lexicons

    words = Lexicons([lexicon]).word_lists("grammar")
    assert {"outcry", "protest", "defiance"} <= words.stance_nouns
    assert cli("extract", str(story), "--lexicon", str(lexicon)).code == 0
