"""Misspelt domain words are read as the words; real words, names and other forms of
a word are left alone. Words as they are texted ("wat", "r", "4 a") are matched as the words."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
import srsly

from bot.nlp.spelling import DomainSpelling, edit, inflected


@pytest.mark.parametrize(
    "word,target,kind",
    [
        ("slaes", "sales", "swap"),
        ("payrol", "payroll", "double"),
        ("bookeeping", "bookkeeping", "double"),
        ("outsorcing", "outsourcing", "insert"),
        ("outscourcing", "outsourcing", "delete"),
        ("technolgy", "technology", "insert"),
        ("servises", "services", "replace"),
        ("outsourcing", "outsourcing", None),
        ("diffrnce", "difference", None),  # two letters dropped
    ],
)
def test_the_one_edit_between_a_slip_and_the_word(word, target, kind):
    assert edit(word, target) == kind


@pytest.mark.parametrize(
    "word,target",
    [("freelancers", "freelancer"), ("repayments", "payments"), ("salesy", "sales"),
     ("organiser", "organizer")],
)  # fmt: skip
def test_another_form_of_a_word_is_no_slip(word, target):
    assert inflected(word, target)


@pytest.fixture(scope="module")
def spelling() -> DomainSpelling:
    component = DomainSpelling(spacy.blank("en"), "domain_spelling", 5, 7)
    component.targets = {
        "outsourcing", "bookkeeping", "support", "payroll", "center", "centre", "careers",
        "difference", "freelancer", "tasks", "circa", "budget", "budgets", "dunning",
        "industries",
    }  # fmt: skip
    component.known = {"enter", "carers", "organiser", "during", "sport"}
    return component


@pytest.mark.parametrize(
    "word,expected",
    [
        ("outsorcing", "outsourcing"),
        ("bookeeping", "bookkeeping"),
        ("suport", None),  # "sport" is one edit away too
        ("payrol", "payroll"),
        ("diffrence", "difference"),
        ("budgett", "budget"),  # a doubled letter, not "budgets" with a letter replaced
        ("enter", None),  # an English word
        ("carers", None),  # rare, but a word
        ("freelancers", None),  # the plural
        ("taskus", None),  # a short name: only a swap or a doubled letter counts there
        ("cerca", None),  # nor a letter replaced
        ("centr", None),  # short: a letter added is no slip there
        ("durning", None),  # "during" is as near as "dunning"
        ("bpo", None),  # too short
        ("industrys", "industries"),  # the plural spelt as said
        ("companys", None),  # "companies" is no pattern word here
    ],
)
def test_a_misspelt_word_of_the_patterns_is_corrected(spelling, word, expected):
    assert spelling.correction(word) == expected


def test_the_correction_goes_into_norm_and_the_typed_text_stays(spelling):
    doc = spelling(spelling.nlp("what is business process outsorcing"))
    assert [t.norm_ for t in doc][-1] == "outsourcing"
    assert doc.text == "what is business process outsorcing"
    assert [t.norm_ for t in doc][:2] == ["what", "is"]


@pytest.fixture(scope="module")
def texting() -> spacy.language.Language:
    """The texting ruler of bot/nlp/config.cfg, over a blank pipeline."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(srsly.read_json(Path(__file__).parents[2] / "bot/nlp/texting_patterns.json"))
    return nlp


@pytest.mark.parametrize(
    "text, words",
    [
        ("wat r they called n how do they work", ["what", "are", "they", "called", "and"]),
        ("y wld i use one", ["why", "would", "i", "use", "one"]),
        ("same 4 call centre?", ["same", "for", "call", "centre"]),
        ("wat can they do 4 a biz", ["what", "can", "they", "do", "for", "a", "business"]),
        # a number of people stays a number
        ("we are 4 people", ["we", "are", "4", "people"]),
    ],
)
def test_words_as_they_are_texted_are_matched_as_the_words(texting, text, words):
    doc = texting(text)
    assert [t.norm_ for t in doc][: len(words)] == words
    assert doc.text == text


def test_the_texting_ruler_runs_after_the_spelling_and_before_the_rulers():
    # domain_spelling sets every NORM: the texted words' NORM must come after it
    config = spacy.util.load_config(Path(__file__).parents[2] / "bot/nlp/config.cfg")
    pipeline = config["nlp"]["pipeline"]
    assert pipeline.index("domain_spelling") < pipeline.index("texting")
    assert pipeline.index("texting") < pipeline.index("entity_ruler")


@pytest.mark.parametrize(
    "word,expected",
    [
        ("cntr", "center"),  # "center" and "centre" are one word, spelt two ways
        ("bdgt", "budget"),
        ("spprt", "support"),
        ("pyrll", "payroll"),
        ("xyz", None),  # no pattern word has those consonants
        ("bk", None),  # too short
        ("bdg", None),  # three letters: an abbreviation as often ("gst", "plc")
    ],
)
def test_a_word_texted_without_its_vowels_is_the_pattern_word(spelling, word, expected):
    assert spelling.correction(word) == expected


def test_consonants_of_two_different_words_are_no_guess(spelling):
    spelling.targets = spelling.targets | {"counter"}
    try:
        assert spelling.correction("cntr") is None  # "center" or "counter"
    finally:
        spelling.targets = spelling.targets - {"counter"}
