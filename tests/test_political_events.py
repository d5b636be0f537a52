"""What is a political event at all (issue #17): a political actor on one side, no disease, disaster
or animal as its doer or what it is done to, no notice to the public, and in sport no country as a
team. One test per rule, each on sentences written here (none from a dataset)."""

from __future__ import annotations


def types(code, text: str) -> list[str]:
    """The PLOVER types of the events coded from a text."""
    return [t for t, _, _ in code(text)]


def reasons(code_story, text: str) -> str:
    """What --explain says of the words that coded nothing."""
    return "\n".join(code_story(text).unmatched)


# ---------------------------------------------------------------------- a political actor
def test_an_event_needs_a_political_actor_on_one_side(code, code_story):
    assert code("Volkswagen signed a deal with a Chinese carmaker in Beijing on Monday.") == []
    assert code("Nurses told parents in Leeds to keep their children at home.") == []
    assert "no political actor" in reasons(code_story, "Nurses told parents in Leeds to keep their children at home.")
    # a government on one side is enough
    assert code("The Chinese government signed a deal with Volkswagen in Beijing on Monday.")


def test_protest_violence_and_coercion_are_political_whoever_takes_part(code):
    assert types(code, "Two shopkeepers were stabbed by a man in Kisumu on Monday.") == ["ASSAULT"]
    assert types(code, "A farmer was arrested in Nakuru on Monday.") == ["COERCE"]
    # civilians who protest are protesters: their demands are political too
    assert "REQUEST" in set(types(code, "Hundreds of nurses marched in Nakuru on Monday, demanding "
                                              "higher wages."))


def test_a_nation_or_an_ethnic_group_is_a_political_actor(code):
    assert "THREATEN" in set(types(code, "Ethnic Serbs in Kosovo have sworn to resist the new border "
                                               "crossings, officials in Pristina said."))


# ---------------------------------------------------------------------- diseases, disasters, animals
def test_a_disease_a_disaster_or_an_animal_is_no_doer(code, code_story):
    assert code("A measles epidemic in northern Ghana has killed more than 300 children since March.") == []
    assert code("The avian flu that has killed dozens of people in Vietnam reached Hanoi last week.") == []
    assert code("Four fishermen were killed by the typhoon when it struck the coast of Luzon.") == []
    assert code("Two villagers were killed by a rogue elephant near Arusha on Tuesday.") == []
    assert "no actor (a disease" in reasons(code_story, "A measles epidemic in northern Ghana has killed 300 children.")


def test_what_is_done_to_a_disease_or_an_animal_is_no_political_event(code):
    assert code("The health ministry of Peru is investigating an outbreak of dengue in Lima.") == []
    assert code("Thousands of chickens were slaughtered in Vietnam's Dong Thap province on Monday.") == []
    assert code("The Nigerian government launched a campaign to fight polio in Kano.") == []
    # an outbreak said of a government is still an accusation
    assert code("Zimbabwean officials accused Britain of spreading cholera in Harare.")


def test_killed_in_an_outbreak_is_no_violence(code):
    assert code("At least nine people were killed in Nairobi after an outbreak of cholera.") == []


def test_a_request_or_warning_to_the_public_is_a_notice(code, code_story):
    assert code("Health officials in Ohio urged residents to get a flu shot before the winter.") == []
    assert code("Passengers at Heathrow were told to expect long delays on Friday.") == []
    assert code("Anyone with information is asked to call the Kenyan police.") == []
    assert "notice to the public" in reasons(code_story, "Health officials in Ohio urged residents to get a flu shot.")
    # a request of a government is no notice
    assert code("The mayor of Lagos urged the federal government to release more funds.")


def test_a_charge_a_conviction_or_a_sentence_is_the_states_act_whoever_is_named(code):
    assert types(code, "A Texas man was sentenced to 35 years in prison in Dallas on Wednesday.") == ["ACCUSE"]
    assert types(code, "Since July the unit has charged 95 children in Cairns with 450 offences.") == ["ACCUSE"]


# ---------------------------------------------------------------------- sport and show business
def test_in_sport_a_country_is_a_team_but_an_authority_still_acts(code, code_story):
    text = "Spain attacked Italy's defence throughout the football match in the Euro championship final."
    assert code(text) == []
    assert "discarded: sports" in reasons(code_story, text)
    # two sports words do not make the authorities' arrest of players no event
    assert types(code, "Nigerian police arrested 12 players after a youth football tournament in "
                                  "Lagos.") == ["COERCE"]


def test_a_story_titled_for_sport_makes_its_places_teams(coder):
    from eventwire.model import Story

    text = "Real Madrid travelled to Japan on Monday to take part in the club cup."
    titled = Story.from_body(text, input="test", id="t", published="2024-03-01",
                             title="Ballon d'Or: Ronaldo beats Messi to best player award at football gala")
    (coded,) = coder.code([titled])
    assert coded.events == []
