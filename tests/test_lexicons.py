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
    story.write_text("Title\n\nThe Kenyan government lambasted Uganda over the border closure on Monday.\n")
    assert cli("extract", str(story)).json()["stories"][0]["events"] == []
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    (lexicon / "verbs.yaml").write_text("verbs:\n  lambaste: [{cameo: \"111\"}]\n")
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
