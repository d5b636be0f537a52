"""The TABARI/PETRARCH dictionary readers: each format on small texts written here, bad lines named
with file and line, the shipped Phoenix files and PETRARCH2's validation dictionaries, and
``eventwire lexicon check``."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date

import pytest
from support import SHARED, need_shared

from eventwire.dictionaries import (
    NounPhrase,
    PrepositionalPhrase,
    Term,
    TermKind,
    read_actors,
    read_agents,
    read_dictionaries,
    read_discards,
    read_file,
    read_issues,
    read_verbs,
    reader_for,
)
from eventwire.lexicons import LexiconError

PHOENIX = SHARED / "reference" / "petrarch2" / "dictionaries"
VALIDATE = SHARED / "datasets" / "petrarch-unit-tests" / "dictionaries"

ACTORS = """\
# actors of a made-up region
<!-- a block comment
     over two lines -->
ELDORIA_  [ELD]
+ELDORIAN_
+REPUBLIC OF ELDORIA   # a synonym with blanks, not underscores

MARA_VOSS_  ; CountryInfo.txt
+PRESIDENT_VOSS
\t[ELDELI 950101-990630]
\t[ELDGOV 990701-20120315]
\t[ELDOPP >20120316]
\t[ELDREB <941231]
\t[ELDELI]

ORDER_OF_THE_LAMP_\t[NGOREL 000101-101231] [---]
"""


def test_actors_names_synonyms_and_comments():
    found = read_actors(ACTORS, "made.actors.txt")
    assert found.problems == ()
    eldoria, voss, order = found.actors
    assert eldoria.name == ("ELDORIA",)
    assert eldoria.synonyms == (("ELDORIAN",), ("REPUBLIC", "OF", "ELDORIA"))
    assert (eldoria.default_code, eldoria.roles, eldoria.file, eldoria.line) == ("ELD", (), "made.actors.txt", 4)
    assert voss.names == (("MARA", "VOSS"), ("PRESIDENT", "VOSS"))
    assert (order.name, order.default_code) == (("ORDER", "OF", "THE", "LAMP"), "---")


def test_a_names_blanks_are_where_other_words_may_come_between():
    """The format: words joined by '_' are consecutive, words apart by a blank may have others
    between them in the text."""
    eldoria, voss, _ = read_actors(ACTORS, "made.actors.txt").actors
    assert eldoria.open_joints == (frozenset(), frozenset(), frozenset({0, 1}))
    assert voss.open_joints == (frozenset(), frozenset())
    (agent,) = read_agents("STATE SECURITY_COURT [~JUD]\n", "made.agents.txt").agents
    assert agent.open_joints == frozenset({0})


def test_actor_roles_have_dates_and_open_ends():
    voss = read_actors(ACTORS, "made.actors.txt").actors[1]
    assert [(r.actor_code, r.start, r.end, r.line) for r in voss.roles] == [
        ("ELDELI", date(1995, 1, 1), date(1999, 6, 30), 10),  # YYMMDD: 95 is 1995
        ("ELDGOV", date(1999, 7, 1), date(2012, 3, 15), 11),  # YYMMDD and YYYYMMDD mixed
        ("ELDOPP", date(2012, 3, 16), None, 12),
        ("ELDREB", None, date(1994, 12, 31), 13),
    ]
    assert voss.default_code == "ELDELI"  # [ELDELI] alone on a role line
    assert voss.code_on(date(1999, 6, 30)) == "ELDELI"  # both ends included
    assert voss.code_on(date(2005, 5, 5)) == "ELDGOV"
    assert voss.code_on(date(2020, 1, 1)) == "ELDOPP"
    assert voss.code_on(date(1990, 1, 1)) == "ELDREB"


def test_roles_written_on_the_primary_line():
    order = read_actors(ACTORS, "made.actors.txt").actors[2]
    (role,) = order.roles
    assert (role.actor_code, role.start, role.end) == ("NGOREL", date(2000, 1, 1), date(2010, 12, 31))
    assert order.code_on(date(2011, 1, 1)) == "---"


def test_bad_actor_lines_are_named_and_the_reading_goes_on():
    text = ("\t[ELD]\n"                                 # 1 a role before any actor
            "ELDORIA_ [ELD]\n"
            "+ELDORIAN_ [ELD]\n"                        # 3 a synonym with a code
            "\t[ELDGOV 20121204]\n"                     # 4 a single date
            "\t[ELDGOV 990931-001231]\n"                # 5 no 31 September
            "\t[ELDGOV 120101-110101]\n"                # 6 ends before it starts
            "\t[ELDGOV >2012]\n"                        # 7 not a date
            "\t[ELDREB]\n"                              # 8 a second default
            "+TAIOAN]_\n"                               # 9 a stray bracket
            "CORPORATION_ [MNC] Consumer Services\n"    # 10 text after the code: the record is left out
            "\t[MNCGOV 100101-110101]\n"                # part of the record left out
            "IVO_JOSIPOVIC_\n"                          # 12 no code at all: a lost '+'?
            "JOSIPOVIC_\n"
            "\t[ELDGOV >20120219]\n"
            "LOST_CHARACTER_ +COTE_D\ufffdIVOIRE\n")   # 15
    found = read_actors(text, "bad.actors.txt")
    assert [p.line for p in found.problems] == [1, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15]
    assert all(p.file == "bad.actors.txt" for p in found.problems)
    assert str(found.problems[2]) == ("bad.actors.txt:4: a date restriction '20121204' needs '<' (before), "
                                      "'>' (after) or a range 'date-date'")
    assert "left out" in found.problems[8].message and "missing its '+'" in found.problems[9].message
    assert [a.name for a in found.actors] == [("ELDORIA",), ("IVO", "JOSIPOVIC"), ("JOSIPOVIC",)]
    assert found.actors[0].roles == () and found.actors[0].default_code == "ELD"


AGENTS = """\
!PERSON! = MAN, MEN, WOMAN
POLICE {} [~COP]   # no plural
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
FARMER [~AGR]
CONGRESS [~LEG]
DEPUTY [~GOV]
LIBERATION_FRONT_  [~REB]
HUMAN_RIGHTS_BODY [  NGO~]
CONGRESS!PERSON! [~LEG]
"""


def test_agents_codes_plurals_and_substitutions():
    found = read_agents(AGENTS, "made.agents.txt")
    assert found.problems == ()
    table = [(a.words, a.plural, a.agent_code, a.before_actor, a.line) for a in found.agents]
    assert table == [
        (("POLICE",), None, "COP", False, 2),
        (("ATTORNEY", "GENERAL"), ("ATTORNEYS", "GENERAL"), "GOVATG", False, 3),
        (("FARMER",), ("FARMERS",), "AGR", False, 4),
        (("CONGRESS",), ("CONGRESSES",), "LEG", False, 5),
        (("DEPUTY",), ("DEPUTIES",), "GOV", False, 6),
        (("LIBERATION", "FRONT"), None, "REB", False, 7),
        (("HUMAN", "RIGHTS", "BODY"), ("HUMAN", "RIGHTS", "BODIES"), "NGO", True, 8),
        (("CONGRESSMAN",), None, "LEG", False, 9),
        (("CONGRESSMEN",), None, "LEG", False, 9),
        (("CONGRESSWOMAN",), None, "LEG", False, 9),
    ]
    assert found.agents[0].combined_with("USA") == "USACOP"
    assert found.agents[6].combined_with("USA") == "NGOUSA"


def test_bad_agent_lines():
    text = "ISLAMIC_EXTREMIST\nDEPARMENT_OF_ENVIRONMENT [~ENV}\nCOUNCIL [GOV]\n!MINIST!_OF_WAR [~GOV]\nOK [~GOV]\n"
    found = read_agents(text, "bad.agents.txt")
    assert [(p.line, p.message) for p in found.problems] == [
        (1, "no [~CODE]: every agent needs one"),
        (2, "the code's '[' is not closed with ']': [~ENV}"),
        (3, "an agent code is a code with '~' before it (goes after the actor's) or after it: [GOV]"),
        (4, "the substitution marker !MINIST! is not defined above (!MINIST! = WORD, WORD, ...)"),
    ]
    assert [a.words for a in found.agents] == [("OK",)]


VERBS = """\
####### SYNONYM SETS #######
&WEAPON
+ROCKET
+MORTAR_SHELL
+AMMUNITION_       # no plural

&AUXVERB_
+WILL
+WOULD

&FIGHT_OF_WORDS
+WAR_OF_WORDS
+&WEAPON

####### VERB PATTERNS #######
---  ACCELERATE   [---]  ---
ACCELERATE
SPEED {SPEEDING SPEEDS SPED }   # OY 14 Mar 2006
+CORDON_OFF {+CORDONED_OFF , +CORDONS_OFF}
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}
ASK     [020]
+ANGERED_BY {}
- * (FOR {FINANCIAL AID})                     [0231]   # ASK
- &WEAPON * (TO BORDER) (WITH +)              [154]    # RUSH
- $ * ^ {&WEAPON ATTACK}                      [190]
- % &AUXVERB *                                [042:043]
- * (IN &FIGHT_OF_WORDS)                      [:111]
- SO IN_AND_*_OUT_AGAIN                       [074]
- * (TO)                                      [042]

---  OFFEND   [:110]---  ---
OFFEND

######## TRANSFORMATIONS ##########
~ a (b . ATTACK) SAY = a b 112
"""


def test_synsets_with_plurals_labels_and_nesting():
    found = read_verbs(VERBS, "made.verbs.txt")
    assert found.problems == ()
    weapon, auxverb, fight = found.synsets
    assert [(m.words, m.plural, m.line) for m in weapon.members] == [
        (("ROCKET",), ("ROCKETS",), 3), (("MORTAR", "SHELL"), ("MORTAR", "SHELLS"), 4), (("AMMUNITION",), None, 5)]
    assert auxverb.name == "AUXVERB" and [m.plural for m in auxverb.members] == [None, None]  # a label ending in '_'
    assert fight.name == "FIGHT_OF_WORDS" and fight.members[1].nested and fight.members[1].words == ("WEAPON",)


def test_a_verb_family_its_verbs_and_their_forms():
    accelerate, offend = read_verbs(VERBS, "made.verbs.txt").verbs
    assert (accelerate.primary, accelerate.event_code.text, accelerate.line) == ("ACCELERATE", "---", 16)
    assert accelerate.event_code.forward is None and accelerate.event_code.reverse is None
    verbs = {v.written.words: v for v in accelerate.verbs}
    assert verbs[("ACCELERATE",)].irregular_forms is None  # regular
    assert [f.words for f in verbs[("SPEED",)].irregular_forms] == [("SPEEDING",), ("SPEEDS",), ("SPED",)]
    cordon = verbs[("CORDON", "OFF")]
    assert (cordon.written.verb, [f.words for f in cordon.irregular_forms]) == (
        "CORDON", [("CORDONED", "OFF"), ("CORDONS", "OFF")])
    tap = verbs[("WIRE", "TAP")]
    assert (tap.written.verb_index, tap.irregular_forms[0].verb) == (1, "TAPPED")
    assert verbs[("ASK",)].event_code.text == "020"
    assert verbs[("ANGERED", "BY")].irregular_forms == ()  # {}: no other forms
    assert offend.event_code.forward is None and offend.event_code.reverse == "110"  # '[:110]---  ---' read


def word(text: str, joined: bool = False) -> Term:
    return Term(TermKind.WORD, text, joined)


def test_patterns_with_every_marker():
    accelerate = read_verbs(VERBS, "made.verbs.txt").verbs[0]
    aid, border, attack, compound, fight, joined, bare = accelerate.patterns
    assert aid.before == () and aid.after == (
        PrepositionalPhrase(word("FOR"), (NounPhrase((word("FINANCIAL"), word("AID"))),)),)
    assert (aid.event_code.text, aid.comment, aid.line) == ("0231", "ASK", 23)
    assert border.before == (Term(TermKind.SYNSET, "WEAPON"),)
    assert [p.preposition.text for p in border.prepositions] == ["TO", "WITH"]
    assert border.prepositions[1].object == (Term(TermKind.TARGET, "+"),)
    assert attack.before == (Term(TermKind.SOURCE, "$"),)
    assert attack.after == (Term(TermKind.SKIP, "^"), NounPhrase((Term(TermKind.SYNSET, "WEAPON"), word("ATTACK"))))
    assert attack.markers == (TermKind.SOURCE, TermKind.SKIP) and attack.synsets == ("WEAPON",)
    assert compound.before == (Term(TermKind.COMPOUND, "%"), Term(TermKind.SYNSET, "AUXVERB"))
    assert (compound.event_code.forward, compound.event_code.reverse) == ("042", "043")
    assert fight.synsets == ("FIGHT_OF_WORDS",) and fight.event_code.forward is None
    assert joined.before == (word("SO"), word("IN"), word("AND", joined=True)) and joined.verb_joined
    assert joined.after == (word("OUT", joined=True), word("AGAIN", joined=True))
    assert bare.after == (PrepositionalPhrase(word("TO"), ()),)


def test_transformations():
    (say,) = read_verbs(VERBS, "made.verbs.txt").transformations
    inner = (say.inner_source, say.inner_target, say.inner_verb)
    assert (say.speaker, inner, say.verb) == ("a", ("b", ".", "ATTACK"), "SAY")
    assert (say.source, say.target, say.result, say.line) == ("a", "b", "112", 35)


def test_bad_verb_lines():
    text = ("- * AID [070]\n"                          # 1 a pattern before any family
            "+STRAY\n"                                 # 2 a '+' line before any family
            "&WEAPON\n+ROCKET\n"
            "ROCKETS\n"                                # 5 a verb line inside a synset
            "--- ATTACK [190] [191] ---\n"             # 6 two codes: the first is used
            "ATTACK\n"
            "- *SCEPTICAL [012]\n"                     # 8 the '*' glued to a word
            "- * VENTURE (WITH VISIT)   VISIT) [042]\n"  # 9 an unbalanced ')'
            "- * (IN &WEATHER) [145]\n"                # 10 an undefined synset
            "- * DIPLOMATIC [###]\n"                   # 11 '#' starts a comment, even in brackets
            "- * ATTACK\n"                             # 12 no code
            "- * AID * [070]\n"                        # 13 two verbs
            "- * {} [070]\n"                           # 14 an empty phrase
            "- * (FOR {AID) [070]\n"                   # 15 a bracket not closed
            "+CORDON_+OFF\n"                           # 16 two '+'
            "~ a b SAY\n"                              # 17 not a transformation
            "- * AID [070]\n")
    found = read_verbs(text, "bad.verbs.txt")
    assert [p.line for p in found.problems] == [1, 2, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]
    (attack,) = found.verbs
    assert attack.event_code.text == "190" and len(attack.patterns) == 1 and attack.patterns[0].line == 18
    assert str(found.problems[6]) == "bad.verbs.txt:10: the synset &WEATHER is not defined above this pattern"


DISCARDS = """\
# Story-level discards are indicated with a '+'.
BASEBALL
+ASIAN WINTER GAMES   # sls 14 Mar 2008 ;SLS 14 MAR 2008
AFL GRAND FINAL_
+World Golf Championships
"""


def test_discards_at_both_levels():
    found = read_discards(DISCARDS, "made.discards.txt")
    assert found.problems == ()
    assert [(d.words, d.whole_story, d.stem, d.line) for d in found.discards] == [
        (("BASEBALL",), False, True, 2),
        (("ASIAN", "WINTER", "GAMES"), True, True, 3),
        (("AFL", "GRAND", "FINAL"), False, False, 4),
        (("WORLD", "GOLF", "CHAMPIONSHIPS"), True, True, 5),
    ]
    bad = read_discards("NASGUL [###]\n+\nFINE\n", "bad.discards.txt")
    assert [p.line for p in bad.problems] == [1, 2] and [d.words for d in bad.discards] == [("FINE",)]


ISSUES = """\
<ISSUE CATEGORY="ID_ATROCITY" TYPE="ALL">
n:massacre [ID_ATROCITY]
ethnic v:purge [ID_ATROCITY]
al+zarqawi network [NAMED_TERROR_GROUP]
~Saturday Night massacre
~~Armenian genocide  # not coding historical cases
</ISSUE>
literacy [LITERACY]
"""


def test_issues_with_expansions_and_ignore_phrases():
    found = read_issues(ISSUES, "made.IssueCoding.txt")
    assert found.problems == ()
    massacre, purge, zarqawi, saturday, armenian, literacy = found.issues
    assert (massacre.variants, massacre.issue_code, massacre.category) == (
        (("MASSACRE",), ("MASSACRES",)), "ID_ATROCITY", "ID_ATROCITY")
    assert purge.variants == (("ETHNIC", "PURGE"), ("ETHNIC", "PURGES"), ("ETHNIC", "PURGED"), ("ETHNIC", "PURGING"))
    assert zarqawi.variants == (("AL", "ZARQAWI", "NETWORK"), ("AL-ZARQAWI", "NETWORK"))
    assert (saturday.ignore, saturday.issue_code, saturday.written) == ("~", None, "Saturday Night massacre")
    assert (armenian.ignore, armenian.variants) == ("~~", (("ARMENIAN", "GENOCIDE"),))
    assert (literacy.category, literacy.line) == (None, 8)


def test_bad_issue_lines():
    text = ("</ISSUE>\n"                             # 1 closes nothing
            '<ISSUE CATEGORY="EU">\n'
            "eurozone\n"                             # 3 no code
            "~eu+ gene\n"                            # 4 '+' joins nothing
            "v:block m:site [CENSORSHIP]\n"          # 5 an unknown expansion
            "aqim [TERROR] [TERROR]\n"               # 6 two codes
            "press [MEDIA]intimidation [MEDIA]\n"    # 7 two lines run together
            "~media [MEDIA]\n"                       # 8 an ignore phrase with a code
            "eu [EUROPEAN_UNION]\n")                 # the category is never closed (opened on line 2)
    found = read_issues(text, "bad.Issues.txt")
    assert [p.line for p in found.problems] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert "never closed" in found.problems[1].message
    assert [(i.written, i.category) for i in found.issues] == [("eu", "EU")]


def test_an_unclosed_block_comment_is_said():
    found = read_discards("BASEBALL\n<!-- never closed\nCRICKET\n", "open.discards.txt")
    assert [(p.line, "never closed" in p.message) for p in found.problems] == [(2, True)]


def write_folder(folder, files: dict[str, str]):
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


GOOD_FOLDER = {"Made.actors.txt": ACTORS, "Made.agents.txt": AGENTS, "CAMEO.made.txt": VERBS,
               "Made.discards.txt": DISCARDS, "Made.IssueCoding.txt": ISSUES, "LICENSE": "MIT\n"}


def test_a_folder_is_read_by_file_names(tmp_path):
    found = read_dictionaries(write_folder(tmp_path / "dicts", GOOD_FOLDER))
    assert found.problems == ()
    counts = found.counts()
    assert {k: counts[k] for k in ("files", "actors", "roles", "agents", "verb families", "verbs", "patterns",
                                   "synsets", "transformations", "discards", "issues")} == {
        "files": 5, "actors": 3, "roles": 5, "agents": 10, "verb families": 2, "verbs": 7, "patterns": 7,
        "synsets": 3, "transformations": 1, "discards": 4, "issues": 6}
    assert [reader_for(n) for n in ("x.verbs.txt", "CAMEO.2.0.txt", "notes.txt")] == [read_verbs, read_verbs, None]


def test_strict_reading_raises_at_the_first_problem(tmp_path):
    folder = write_folder(tmp_path / "dicts", {"bad.agents.txt": "FINE [~GOV]\nISLAMIC_EXTREMIST\nNO CODE\n"})
    with pytest.raises(LexiconError, match=r"bad\.agents\.txt:2: no \[~CODE\].*\(2 problems in all\)"):
        read_dictionaries(folder, strict=True)
    with pytest.raises(LexiconError, match=r"bad\.agents\.txt:2: "):
        read_file(folder / "bad.agents.txt", strict=True)
    assert len(read_dictionaries(folder).problems) == 2


def test_a_text_file_of_no_known_name_is_said(tmp_path):
    folder = write_folder(tmp_path / "dicts", {"x.discards.txt": "BASEBALL\n", "notes.txt": "hello\n"})
    (problem,) = read_dictionaries(folder).problems
    assert problem.line is None and str(problem).startswith(f"{folder / 'notes.txt'}: not read")
    with pytest.raises(LexiconError, match="no dictionary files"):
        read_dictionaries(write_folder(tmp_path / "empty", {"notes.txt": "hello\n"}))
    with pytest.raises(LexiconError, match="folder not found"):
        read_dictionaries(tmp_path / "nowhere")


def test_the_package_imports_no_parser():
    script = ("import sys, eventwire.dictionaries; "
              "assert not {'spacy', 'eventwire.code'} & set(sys.modules), sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", script], check=True)


# --- the shipped Phoenix dictionaries and PETRARCH2's own validation set -------------------------

# the lines of the shipped files that are malformed in the source, by kind (see the messages)
PHOENIX_PROBLEMS = {
    "Phoenix.Countries.actors.txt": [
        2039, 11234, 11939, 11940, 14190, 15346, 18007, 18010, 22508, 22519, 31715, 34471, 39267, 39462, 39463,
        39464, 39465, 39478, 39487, 39488, 39489, 39490, 39498, 39543, 39544, 39545, 39546, 39547, 39548, 39549,
        39550, 39576, 43613, 43615, 45722, 45723, 45724, 45845, 47824, 50802, 50839, 50956, 50961, 50962, 50963,
        50964, 50965, 51076, 51183, 51384],
    "Phoenix.International.actors.txt": [22, 40, 90, 266, 495, 3694, 3696, 3726, 6605],
    "CAMEO.2.0.txt": [1735, 2374, 7606, 8443, 8444],
    "Phoenix.agents.txt": [544, 1927],
    "Phoenix.IssueCoding.txt": [141, 142, 143, 144, 145, 146, 147, 155, 481, 1040, 1162, 1183, 1198, 1219, 1220,
                                1221, 2250, 2521, 2889, 3053],
}


@pytest.fixture(scope="module")
def phoenix():
    need_shared(PHOENIX)
    started = time.perf_counter()
    found = read_dictionaries(PHOENIX)
    return found, time.perf_counter() - started


def test_phoenix_counts_are_the_documented_ones(phoenix):
    found, seconds = phoenix
    counts = found.counts()
    assert counts["verb families"] == 397
    assert counts["patterns"] + len(PHOENIX_PROBLEMS["CAMEO.2.0.txt"]) == 4668  # every pattern line, read or said
    assert 1700 < counts["verbs"] < 1900 and counts["synsets"] == 40 and counts["transformations"] == 8
    countries = [a for a in found.actors if a.file.endswith("Phoenix.Countries.actors.txt")]
    assert 18000 < len(countries) < 18500
    assert counts["agents"] > 3000 and counts["discards"] > 500 and counts["issues"] > 3000
    assert seconds < 10


def test_phoenix_problems_are_exactly_the_known_malformed_lines(phoenix):
    found, _ = phoenix
    by_file: dict[str, list[int]] = {}
    for problem in found.problems:
        by_file.setdefault(problem.file.rsplit("/", 1)[-1], []).append(problem.line)
    assert by_file == PHOENIX_PROBLEMS


def test_phoenix_reads_the_entries_it_is_known_for(phoenix):
    found, _ = phoenix
    afghanistan = next(a for a in found.actors if a.name == ("AFGHANISTAN",))
    assert afghanistan.default_code == "AFG" and ("KABUL",) in afghanistan.synonyms
    police = next(a for a in found.agents if a.words == ("POLICE",))
    assert (police.agent_code, police.plural) == ("COP", None)
    ask = next(f for f in found.verbs if f.primary == "ASK")
    assert {v.written.words for v in ask.verbs} >= {("ASK",), ("ASK", "FOR"), ("REQUEST",)}
    weapon = next(s for s in found.synsets if s.name == "WEAPON")
    assert ("AK-47",) in {m.words for m in weapon.members}


def test_petrarch_validation_dictionaries():
    found = read_dictionaries(need_shared(VALIDATE))
    actors = {a.name: a for a in found.actors}
    assert actors[("ARNOR",)].default_code == "ARN"
    assert actors[("GONDOR",)].synonyms == (("MINAS", "TIRITH"), ("ANORIEN",))
    gollum = actors[("GOLLUM",)]
    assert [(r.actor_code, r.start, r.end) for r in gollum.roles] == [
        ("HOB", None, date(1995, 6, 1)), ("HOBGOV", date(1995, 6, 1), date(1999, 8, 15)),
        ("HOBREB", date(1999, 8, 16), None)]
    assert actors[("SAM", "GAMGEE")].code_on(date(2010, 1, 10)) == "ORCHOB"  # the first role that covers wins
    assert [(p.file.rsplit("/", 1)[-1], p.line) for p in found.problems] == [
        ("PETR.Validate.verbs.txt", 447),  # '--- DELAY [120] [031:031] ---': two codes
        ("PETR.Validate.verbs.txt", 992),  # '- * DIPLXMATIC [###]': '#' opens a comment
    ]


# --- eventwire lexicon check ----------------------------------------------------------------------


def test_lexicon_check_on_a_good_folder(tmp_path, cli):
    folder = write_folder(tmp_path / "dicts", GOOD_FOLDER)
    result = cli("lexicon", "check", str(folder))
    assert result.code == 0, result.out
    (summary,) = result.out.splitlines()
    assert summary.startswith(f"{folder}: 5 files, 3 actors") and "397" not in summary
    assert "2 verb families, 7 verbs, 7 patterns, 3 synsets" in summary and summary.endswith("0 problems")


def test_lexicon_check_on_a_bad_folder(tmp_path, cli):
    folder = write_folder(tmp_path / "dicts", {"bad.agents.txt": "FINE [~GOV]\nISLAMIC_EXTREMIST\n",
                                               "bad.discards.txt": "BASEBALL\nNASGUL [###]\n"})
    result = cli("lexicon", "check", str(folder))
    assert result.code == 1
    *problems, summary = result.out.splitlines()
    assert problems == [f"{folder / 'bad.agents.txt'}:2: no [~CODE]: every agent needs one",
                        f"{folder / 'bad.discards.txt'}:2: a discard is a phrase alone: no [code] "
                        "(TABARI's [###] is not needed here)"]
    assert summary.endswith("2 problems")


def test_lexicon_check_usage_errors(tmp_path, cli):
    result = cli("lexicon", "check", str(tmp_path / "nowhere"))
    assert result.code == 2 and "dictionary folder not found" in result.err
    with pytest.raises(SystemExit) as exited:
        cli("lexicon")
    assert exited.value.code == 2
