"""The CAMEO table (cameo.yaml): well formed, and faithful to the CAMEO→PLOVER mapping."""

from __future__ import annotations

import re

from support import SHARED, need_shared

from eventwire.code.triggers import build_trigger_lexicon
from eventwire.lexicons import Lexicons

# where eventwire follows the PLOVER manual or keeps FIGHT (see the head of cameo.yaml)
DELIBERATE = {"0813": "CONCEDE", "0814": "CONCEDE", "163": "SANCTION", "175": "COERCE",
              "190": "FIGHT", "193": "FIGHT", "194": "FIGHT", "195": "FIGHT", "196": "FIGHT"}


def test_every_code_is_well_formed():
    table = build_trigger_lexicon(Lexicons.packaged()).cameo
    assert len(table) > 150
    for code, entry in table.items():
        assert re.fullmatch(r"\d{3,4}", code)
        assert -10 <= entry.goldstein <= 10
        assert entry.quad_class == (1 if int(code[:2]) <= 5 else 2 if int(code[:2]) <= 8 else
                                    3 if int(code[:2]) <= 13 else 4)
    assert table["0232"].cameo().quad_class == 1 and table["0232"].plover_type == "REQUEST"
    assert table["1823"].goldstein < table["040"].goldstein


def test_every_trigger_sense_points_at_a_known_code():
    lexicon = build_trigger_lexicon(Lexicons.packaged())
    for table in (lexicon.verbs, lexicon.nouns):
        for senses in table.values():
            for sense in senses:
                assert sense.skip or sense.cameo in lexicon.cameo, sense.where


def test_types_agree_with_the_plover_projects_table():
    reference = need_shared(SHARED / "reference" / "CAMEO2PLOVER-2021.txt")
    theirs = {}
    for line in reference.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{3,4}):\s*([A-Z]+)", line)
        if match:
            theirs[match.group(1)] = match.group(2)
    ours = build_trigger_lexicon(Lexicons.packaged()).cameo
    compared = 0
    for code, entry in ours.items():
        if code in theirs:
            compared += 1
            assert entry.plover_type == DELIBERATE.get(code, theirs[code]), code
    assert compared > 150
