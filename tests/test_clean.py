from eventwire.read.clean import clean

STORY = """Ministers meet in Ankara

By Jane Example
Friday 23/12/2016
2 min read
Ministers shake hands [AFP photo]

Turkish Foreign Minister met his Iraqi counterpart in Ankara on Thursday, officials said.

Share on Facebook | Twitter

The two ministers agreed to meet again
next month in Baghdad, according to a
statement.

Turkish Foreign Minister met his Iraqi counterpart in Ankara on Thursday, officials said.

Advertisement
"""


def test_title_date_and_removed_kinds():
    c = clean(STORY, title_from_first_line=True)
    assert c.title == "Ministers meet in Ankara"
    assert c.published == "2016-12-23"
    kinds = [(r.kind, r.text) for r in c.removed]
    assert kinds == [
        ("metadata", "By Jane Example"),
        ("metadata", "Friday 23/12/2016"),
        ("boilerplate", "2 min read"),
        ("caption", "Ministers shake hands [AFP photo]"),
        ("boilerplate", "Share on Facebook | Twitter"),
        ("repeat", "Turkish Foreign Minister met his Iraqi counterpart in Ankara on Thursday, officials said."),
        ("boilerplate", "Advertisement"),
    ]


def test_removed_offsets_index_the_original():
    c = clean(STORY, title_from_first_line=True)
    for r in c.removed:
        assert STORY[r.start : r.end] == r.text


def test_hard_wrapped_lines_form_one_paragraph():
    c = clean(STORY, title_from_first_line=True)
    paragraphs = [STORY[p.start : p.end] for p in c.paragraphs]
    assert paragraphs[0].startswith("Turkish Foreign Minister met")
    assert paragraphs[1] == "The two ministers agreed to meet again\nnext month in Baghdad, according to a\nstatement."
    assert len(paragraphs) == 2  # the repeat is not kept


def test_dateline_only_near_the_top():
    text = "Title\n\n" + "\n\n".join(f"Paragraph {i} says something about the talks." for i in range(10))
    text += "\n\n23 December 2016\n"
    c = clean(text, title_from_first_line=True)
    assert c.published is None
    assert c.paragraphs[-1].end == len(text) - 1  # the late date line stays as body


def test_known_title_repeated_as_first_line_is_set_aside():
    text = "Army and rebels clash\nTroops fought rebels near the border on Thursday."
    c = clean(text, title_from_first_line=False, known_title="Army and rebels clash")
    assert [r.kind for r in c.removed] == ["metadata"]
    assert text[c.paragraphs[0].start : c.paragraphs[0].end].startswith("Troops fought")


def test_body_sentence_with_brackets_is_not_a_caption():
    text = "Title\n\nThe fighters of the Islamic State [IS] attacked the town on Monday, police said."
    c = clean(text, title_from_first_line=True)
    assert c.removed == []
    assert len(c.paragraphs) == 1
