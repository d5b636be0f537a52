"""Which sense of a word a political event needs (issue #17): the arguments of the high-frequency
verbs say whether they ask, agree, meet, visit, protect, fight or strike at all. One test per rule, on
sentences written here (none from a dataset)."""

from __future__ import annotations


def types(code, text: str) -> list[str]:
    """The PLOVER types of the events coded from a text."""
    return [t for t, _, _ in code(text)]


def test_asking_a_question_or_for_anonymity_is_no_request(code):
    assert code("A senior Kenyan police officer, who asked not to be named, said the attack was planned.") == []
    assert code("The Ghanaian minister asked.") == []
    assert code("Asked how long the talks would last, the Turkish minister smiled.") == []
    assert ("REQUEST", "IRQGOV", "TUR") in code("The Iraqi minister asked Turkey to release more water.")


def test_agreeing_or_insisting_that_something_is_so_is_no_event(code):
    assert code("The Queensland police chief agrees offences by children are a major problem.") == []
    assert code("The Egyptian lawyer insisted that his client had no role in the attacks.") == []
    assert types(code, "Russia and Turkey agreed that Russian investigators would travel to Ankara.")
    assert types(code, "The Security Council agreed to a six-month extension of the mission in Lebanon.")


def test_offering_accepting_or_approving_needs_an_act(code):
    assert code("The Kenyan ministry offers its staff access to a fitness centre.") == []
    assert code("The Indian health ministry is accepting new patients at its Delhi clinic.") == []
    assert types(code, "Libya offered to hand over the two suspects to Britain.") == ["AGREE"]
    assert types(code, "Iraqi lawmakers approved a new government on Thursday.") == ["AGREE"]


def test_a_visit_to_a_hospital_or_a_restaurant_is_no_visit(code):
    assert code("The Ugandan president visited the hospital in Kampala on Monday.") == []
    assert code("Two days later the British minister was flown to a hospital in London.") == []
    assert types(code, "The Ugandan president visited Kenya on Monday.") == ["CONSULT"]


def test_meeting_standards_talking_about_and_being_met_by_are_no_meetings(code):
    assert code("Hong Kong's government said its farms do not meet such standards.") == []
    assert code("The Canadian minister talked about the new tariffs in Ottawa.") == []
    assert code("Mexican soldiers were met by gunmen in Acapulco.") == []


def test_protecting_interests_or_health_is_no_military_protection(code):
    assert code("The Canadian government wants to protect the health and safety of Canadians.") == []
    assert types(code, "UN peacekeepers protected the refugees in Bangui.") == ["AID"]


def test_metaphors_of_violence_are_no_violence(code):
    assert code("Pakistani firefighters fought the blaze in Karachi for hours.") == []
    assert code("The Egyptian government will fight the court ruling in Cairo.") == []
    assert code("Trump's announcement effectively killed the trade deal with Japan.") == []
    assert ("ACCUSE", "USAGOV", "USAGOV") in code("The governor of South Carolina attacked the president's proposal to "
                                                "ban Muslim immigrants.")
    assert code("The Brazilian team beat Spain in the final in Madrid.") == []


def test_a_strike_has_no_object_and_no_natural_doer(code):
    assert types(code, "Belgian dock workers struck on Monday over pay.") == ["PROTEST"]
    assert ("FIGHT", "FRAUAF", None) in code("The terrorists struck in coordinated attacks at the stadium in Paris.")
    assert code("A Ford truck struck an elderly woman in Edmonton on Monday.") == []
    assert code("Two strong earthquakes have struck north-western Iran.") == []


def test_what_one_is_not_authorised_to_do_is_no_act(code):
    assert code("The Nigerian officials are not authorized to discuss the talks with reporters.") == []


def test_showing_a_skill_or_capturing_a_medal_is_no_protest_or_capture(code):
    assert code("Canadian soldiers have demonstrated incredible skill this year.") == []
    assert code("The Kenyan police runner captured four medals in Doha.") == []


def test_shares_that_rally_are_no_protest(code):
    assert code("Shares in Tokyo rallied on Monday after the Japanese central bank cut rates.") == []
