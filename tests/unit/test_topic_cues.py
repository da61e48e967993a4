"""One-sided comparisons answer for the first subject; a named aspect narrows a
general difference answer; anything else keeps the classifier's topic."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.topic_cues import NAME_ASKED, TopicCues, only_what_it_is

SUBJECT_WORDS = {
    "bpo": ("bpos", "bpo"),
    "call_center": ("call centers", "call centre", "call center"),
}


def message(text, key, aspects=(), intent=None):
    entities = []
    for value, words in SUBJECT_WORDS.items():
        for word in words:
            start = text.find(word)
            if start >= 0:
                entities.append(
                    {"entity": "subject", "value": value, "start": start, "end": start + len(word)}
                )
                break
    entities += [{"entity": "aspect", "value": a} for a in aspects]
    prediction = {"intent_response_key": key, "utter_action": f"utter_{key}", "confidence": 0.6}
    data = {
        "text": text,
        "entities": entities,
        "response_selector": {"default": {"response": prediction}},
    }
    if intent:
        data["intent"] = {"name": intent, "confidence": 0.6}
    return Message(data=data)


def topic_after(msg):
    (result,) = TopicCues({}).process([msg])
    response = result.get("response_selector")["default"]["response"]
    assert response["utter_action"] == f"utter_{response['intent_response_key']}"
    return response["intent_response_key"]


@pytest.mark.parametrize(
    "text, chosen, expected",
    [
        ("why are bpos better than call centers", "benefits/call_center", "benefits/bpo"),
        ("what does a call centre do better than a bpo", "benefits/bpo", "benefits/call_center"),
        ("what does a bpo have over a call center", "difference/relationship", "benefits/bpo"),
        # "has over" a number is no comparison
        ("a bpo has over 1000 staff, how is a call center different", "difference/overview",
         "difference/overview"),
        ("why use a call center instead of a bpo", "benefits/bpo", "benefits/call_center"),
        ("why use a call center instead of a bpo", "benefits/call_center", "benefits/call_center"),
        # both named without a comparison between them: the classifier's choice stands
        ("benefits of a bpo and a call center", "benefits/call_center", "benefits/call_center"),
        # not a kind of answer that exists per subject
        ("is a bpo better than a call center", "choosing/overview", "choosing/overview"),
        # the advantages of one, weighed against the other
        ("what advantages does a call centre offer compared with a bpo", "difference/services",
         "benefits/call_center"),
        ("advantages of bpo vs call center", "difference/services", "difference/services"),
        ("wat r the good points of a bpo compare to a call centre", "difference/services",
         "benefits/bpo"),
        ("ok and what is a call centre better at, compared to that", "difference/overview",
         "benefits/call_center"),
        ("so where does a bpo do better", "difference/overview", "benefits/bpo"),
        ("compared to a call centre, what does a bpo do better?", "difference/services",
         "benefits/bpo"),
        # the one not named, weighed against the one named
        ("what's great about them compared with a call centre", "benefits/call_center",
         "benefits/bpo"),
        ("the pros of them over a bpo?", "benefits/bpo", "benefits/call_center"),
        ("why use one over a bpo tho", "benefits/bpo", "benefits/call_center"),
        ("why would a company pick it over a call centre", "benefits/call_center",
         "benefits/bpo"),
    ],
)  # fmt: skip
def test_one_sided_comparisons_answer_for_the_first_subject(text, chosen, expected):
    assert topic_after(message(text, chosen)) == expected


def test_a_one_sided_comparison_read_as_nothing_known_is_the_benefits():
    msg = message("what does a call centre do better", "careers/call_center", intent="out_of_scope")
    assert topic_after(msg) == "benefits/call_center"
    assert msg.get("intent")["name"] == "benefits"


def test_a_named_aspect_narrows_the_general_difference():
    text = "difference in tools between bpo and call center"
    assert (
        topic_after(message(text, "difference/overview", ["technology"])) == "difference/technology"
    )
    # two aspects: no single narrower answer
    both = message(text, "difference/overview", ["technology", "channels"])
    assert topic_after(both) == "difference/overview"


def test_remote_work_asked_beside_a_job_is_how_the_work_is_done_now():
    text = "starting at a bpo next week, are people mostly remote these days"
    assert topic_after(message(text, "careers/bpo", ["remote"])) == "trends/remote_global"
    assert topic_after(message(text, "careers/bpo", ["careers"])) == "careers/bpo"
    # a remote job wanted is the jobs
    text = "are there remote bpo jobs for a student"
    assert topic_after(message(text, "careers/bpo", ["remote"])) == "careers/bpo"


def test_a_place_asked_is_no_question_about_ai_unless_ai_is_named_too():
    text = "must a bpo be offshore"
    assert topic_after(message(text, "trends/ai_automation", ["locations"])) == (
        "services/locations"
    )
    both = message("will ai push bpo work offshore", "trends/ai_automation", ["ai", "locations"])
    assert topic_after(both) == "trends/ai_automation"


def with_aspect(text, key, words, value="similarities"):
    found = message(text, key)
    start = text.index(words)
    aspect = {"entity": "aspect", "value": value, "start": start, "end": start + len(words)}
    found.set("entities", [*found.get("entities"), aspect])
    return found


@pytest.mark.parametrize("chosen", ["benefits/call_center", "definition/bpo", "services/bpo"])
def test_what_they_share_asked_of_one_side_is_the_similarities(chosen):
    text = "what does it have in common with a call center"
    assert topic_after(with_aspect(text, chosen, "in common")) == "difference/similarities"
    # ... not "similar" said of something else
    text = "what would they provide to a business similar to ours"
    assert topic_after(with_aspect(text, chosen, "similar")) == chosen


def test_both_subjects_named_with_the_services_get_how_their_services_differ():
    text = "which services do i get from a bpo that i don't get from a call center"
    assert topic_after(message(text, "services/bpo", ["services"])) == "difference/services"


def test_a_siblings_aspect_named_alone_moves_the_answer_to_it():
    text = "in which regions are bpo firms mostly based?"
    assert topic_after(message(text, "services/industries", ["locations"])) == "services/locations"
    text = "which sectors outsource to bpos abroad"
    chosen = "services/industries"
    assert topic_after(message(text, chosen, ["industries", "locations"])) == chosen


@pytest.mark.parametrize(
    "text, expected",
    [
        ("are bpo and call center the same thing", "difference/overview"),
        ("vendors use bpo and call centre interchangeably, are they one and the same",
         "difference/overview"),
        ("what do a bpo and a call center have in common", "difference/similarities"),
    ],
)  # fmt: skip
def test_asking_whether_they_are_the_same_is_asking_how_they_differ(text, expected):
    assert topic_after(message(text, "difference/similarities")) == expected
    # read as how their services differ, too
    if expected == "difference/overview":
        assert topic_after(message(text, "difference/services")) == expected


@pytest.mark.parametrize(
    "text, chosen, aspects, expected",
    [
        ("for our glossary, a definition of a call center as used in outsourcing",
         "difference/relationship", [], "definition/call_center"),
        ("what do you call a bpo in plain words", "services/bpo", [], "definition/bpo"),
        ("what are the main advantages a bpo provider offers", "definition/bpo",
         ["benefits", "services"], "benefits/bpo"),
        ("what is a bpo", "definition/bpo", [], "definition/bpo"),
        ("what does a call center do", "services/call_center", ["services"],
         "services/call_center"),
        # the question itself, at the end of a long message
        ("we run 3 gyms and a supplier says get a call centre. so what actually is a call "
         "centre?", "careers/call_center", [], "definition/call_center"),
        ("what means call center? here we don't use the word", "services/locations", ["locations"],
         "definition/call_center"),
        ("what is a bpo's main benefit", "benefits/bpo", ["benefits"], "benefits/bpo"),
        ("people at my work say call centre - what is one exactly?", "services/industries", [],
         "definition/call_center"),
        ("what even is a call centre, just people on phones all day?", "difference/channels", [],
         "definition/call_center"),
        # asked last, of the one named before
        ("my sister works in a bpo now, what exactly is that?", "careers/bpo", [],
         "definition/bpo"),
        ("how does a call centre run, like what is it", "careers/call_center", [],
         "definition/call_center"),
        ("my nan thinks a call centre is a radio station. what is it for real",
         "careers/call_center", [], "definition/call_center"),
        ("i got a job at a bpo, what is it like?", "careers/bpo", [], "careers/bpo"),
        # one of them, and nothing more said
        ("tell me about bpo companies", "choosing/overview", [], "definition/bpo"),
        ("tell me about call centers", "benefits/call_center", [], "definition/call_center"),
        ("tell me about call centers' benefits", "benefits/call_center", ["benefits"],
         "benefits/call_center"),
    ],
)  # fmt: skip
def test_definition_words_and_aspects_settle_a_subjects_topic(text, chosen, aspects, expected):
    assert topic_after(message(text, chosen, aspects)) == expected


@pytest.mark.parametrize(
    "text, chosen, aspects, expected",
    [
        # a one-sided "does better" question chosen as the general difference
        ("in what ways does a call center outperform a bpo?", "difference/relationship", (),
         "benefits/call_center"),
        ("how does a bpo differ from a call center", "difference/overview", (),
         "difference/overview"),
        # "what kind of company is that": the definition
        ("my cousin works at a bpo, what kind of company is that", "careers/bpo", ("careers",),
         "definition/bpo"),
        # an aspect over a definition goes to that aspect's answer
        ("what role do esims play for a bpo", "definition/bpo", ("remote",),
         "trends/remote_global"),
        # the benefits over the services of the same subject
        ("what do i gain by handing processes to a bpo", "services/bpo", ("benefits",),
         "benefits/bpo"),
        # both named, one subject's answer chosen: the aspect of the difference
        ("what systems does a bpo run vs a call center", "services/call_center",
         ("technology",), "difference/technology"),
        # a trend that names a tool stays a trend
        ("how will rpa change bpos and call centers", "trends/ai_automation", ("technology",),
         "trends/ai_automation"),
        # where the money saved comes from is no place
        ("where does all the money come from when a firm outsources", "services/locations", (),
         "benefits/outsourcing_savings"),
        ("where are most bpos based", "services/locations", (), "services/locations"),
        # not knowing what the one named is, texted; a name someone refers to
        ("my uncle is at a bpo and i still dont get wat it is", "careers/bpo", (),
         "definition/bpo"),
        ("my boss refers to 'the call center' all day, what is one exactly?",
         "services/industries", (), "definition/call_center"),
        ("is a bpo only an office full of laptops or what is it really", "benefits/bpo", (),
         "definition/bpo"),
    ],
)  # fmt: skip
def test_cues_that_settle_what_the_words_alone_do_not(text, chosen, aspects, expected):
    assert topic_after(message(text, chosen, aspects)) == expected


def with_task(text, key, task):
    msg = message(text, key)
    msg.set("entities", [*msg.get("entities"), {"entity": "outsourced_function", "value": task}])
    return msg


def test_what_one_can_do_with_a_task_named_is_its_services():
    text = "can a bpo take care of payroll or only phone calls"
    assert topic_after(with_task(text, "difference/channels", "payroll")) == "services/bpo"
    # a task named without asking what one can do keeps the topic chosen
    text = "why do bpos handle payroll better"
    assert topic_after(with_task(text, "benefits/bpo", "payroll")) == "benefits/bpo"
    # a channel named is the channels' question
    text = "does a call centre do live chat"
    msg = message(text, "difference/channels")
    chat = {"entity": "outsourced_function", "value": "customer_support", "start": 22, "end": 31}
    msg.set("entities", [*msg.get("entities"), chat])
    assert topic_after(msg) == "difference/channels"


@pytest.mark.parametrize(
    "text, chosen, aspects, expected",
    [
        ("ok but how are they different in a nutshell", "difference/services", (),
         "difference/overview"),
        ("what's the key difference between the two", "difference/structure", (),
         "difference/overview"),
        # one subject named, how it differs from the other asked
        ("so what's the difference to a bpo then?", "definition/bpo", (), "difference/overview"),
        ("diffs w call centres?", "definition/call_center", (), "difference/overview"),
        ("how is a call centre different from that", "definition/call_center", (),
         "difference/overview"),
        ("what is a call centre, in simple words", "definition/call_center", (),
         "definition/call_center"),
        ("how is a call center different from a contact center", "definition/call_center", (),
         "definition/call_center"),
        # an aspect named keeps its own answer
        ("what's the main difference in technology", "difference/technology", ("technology",),
         "difference/technology"),
        # a trade named in passing is no aspect of the difference
        ("we run 14 dental clinics. in a nutshell, what's the key difference between the two?",
         "difference/services", ("industries",), "difference/overview"),
        # a one-sided "does better" question is about the first one's benefits
        ("what does a call centre do better than a bpo", "difference/services", (),
         "benefits/call_center"),
        ("why are call centres good, what do they do better than a bpo", "benefits/bpo",
         ("services",), "benefits/call_center"),
    ],
)  # fmt: skip
def test_the_main_difference_asked_for_is_the_overview(text, chosen, aspects, expected):
    assert topic_after(message(text, chosen, aspects)) == expected


@pytest.mark.parametrize(
    "text, chosen, expected",
    [
        ("what is back office? i saw the word in an article about bpo", "careers/bpo",
         "definition/front_back_office"),
        ("which functions belong to the front office and which to the back office?",
         "difference/structure", "definition/front_back_office"),
        ("what counts as front office work at a hotel", "careers/bpo",
         "definition/front_back_office"),
        ("im new in biz, wats meant by back-office work", "careers/bpo",
         "definition/front_back_office"),
        ("my manager mixes up frontoffice and backoffice, pls define those terms",
         "difference/services", "definition/front_back_office"),
        ("our bookkeeper calls herself back office. is that all it is or what does the term "
         "include", "difference/services", "definition/front_back_office"),
        # which of the two is which: the structure
        ("so which of the two does back office", "definition/front_back_office",
         "difference/structure"),
        ("is a call centre the front office one", "definition/front_back_office",
         "difference/structure"),
        ("you keep saying back office, what is that exactly? and the front one?",
         "definition/bpo", "definition/front_back_office"),
        ("ok and this back office you mention, whats that", "definition/bpo",
         "definition/front_back_office"),
        # both named with a subject: which parts each one covers
        ("does a call center cover the front office or the back office too",
         "difference/structure", "difference/structure"),
        ("what back office work can a bpo do", "services/bpo", "services/bpo"),
        ("can a call centre handle back office too", "services/call_center",
         "difference/structure"),
        ("does it cover the front office as well or only back", "services/bpo",
         "difference/structure"),
        ("is that front office or back office?", "definition/front_back_office",
         "definition/front_back_office"),
        ("what means 'back office' in a firm, i saw it in a news story", "careers/bpo",
         "definition/front_back_office"),
        ("so which part does a bpo cover", "services/bpo", "difference/structure"),
        ("so which one does a bpo cover", "services/bpo", "difference/structure"),
        # in everyday words
        ("the side of a firm that deals with customers vs the work done behind the scenes, "
         "names?", "difference/services", "definition/front_back_office"),
        ("is customer-facing work different from the stuff in the background",
         "difference/overview", "definition/front_back_office"),
        ("does a call center talk to customers or work in the background", "services/call_center",
         "services/call_center"),
        ("i deal with customers now, are there jobs behind the scenes?", "careers/call_center",
         "careers/call_center"),
    ],
)  # fmt: skip
def test_what_the_front_and_back_office_are(text, chosen, expected):
    assert topic_after(message(text, chosen)) == expected


@pytest.mark.parametrize(
    "text, chosen, aspects, expected",
    [
        # a comparison's answer for a question about one subject: that subject's own
        ("we get lots of phone orders. what services would a call center provide?",
         "difference/services", ["services"], "services/call_center"),
        # the other subject's answer for a question about one: the one asked about
        ("whats good about using a call centre", "benefits/bpo", ["benefits"],
         "benefits/call_center"),
        # ... and trends named beside it win over its services
        ("what do esims have to do with scaling call center services?",
         "difference/services", ["remote", "services"], "trends/remote_global"),
        # ... with both kinds of its work named
        ("for my report i need what a call center does, both incoming and outgoing. what "
         "services does one provide?", "difference/services", ["services"],
         "services/call_center"),
        # a story, then what one does in general: its services, not how to choose
        ("we're a plumbing business and we miss calls. generally speaking, what sorts of "
         "tasks does a call center typically handle?", "choosing/overview", ["services"],
         "services/call_center"),
        # ... but the choice asked for the visitor's own business stays the choice
        ("we're a plumbing business and we miss calls. would a call center handle that for "
         "us?", "choosing/overview", ["services"], "choosing/overview"),
        # a word that compares keeps the comparison
        ("how do call center services differ", "difference/services", ["services"],
         "difference/services"),
        ("is a call center better than the other option", "benefits/bpo", ["benefits"],
         "benefits/bpo"),
        # both named: the classifier's choice stands
        ("future developments for bpos and call centers", "difference/services", ["trends"],
         "trends/overview"),
    ],
)  # fmt: skip
def test_a_question_about_one_subject_gets_its_own_answer(text, chosen, aspects, expected):
    assert topic_after(message(text, chosen, aspects)) == expected


def test_what_is_x_meaning_asks_for_the_definition():
    text = "sorry my english, what is call center meaning? in my country we dont have it"
    assert topic_after(message(text, "services/locations", ["locations"])) == (
        "definition/call_center"
    )


def test_the_two_halves_in_everyday_words_despite_a_relationship_named_in_passing():
    text = "whats the name for the part that talks to customers vs the part in the background"
    assert topic_after(message(text, "difference/services", ("relationship", "difference"))) == (
        "definition/front_back_office"
    )
    # ... not where another aspect is asked about
    text = "are there jobs in the part that talks to customers or the part in the background"
    assert topic_after(message(text, "difference/services", ("careers",))) == (
        "difference/services"
    )


def read(text, key, intent="out_of_scope", aspects=()):
    msg = message(text, key, aspects)
    msg.set("intent", {"name": intent, "confidence": 0.8})
    msg.set("intent_ranking", [{"name": intent, "confidence": 0.8}])
    topic = topic_after(msg)
    return msg.get("intent")["name"], topic


@pytest.mark.parametrize(
    "text, key, expected",
    [
        ("wat r bpos", "trends/ai_automation", "definition/bpo"),
        ('so what\'s a "call centre" then?', "services/call_center", "definition/call_center"),
        (
            "interview at a bpo next week and i have no idea what a bpo even is",
            "careers/bpo",
            "definition/bpo",
        ),
        ("what does the acronym bpo stand for", "definition/call_center", "definition/bpo"),
        ("what is backoffice", "trends/overview", "definition/front_back_office"),
        (
            "my manager keeps saying front office, what does that mean",
            "services/bpo",
            "definition/front_back_office",
        ),
        # not knowing what the one just named is
        (
            "the bank said we should 'go BPO' for our loan admin and honestly i dont really "
            "know what they mean",
            "services/bpo",
            "definition/bpo",
        ),
        (
            "everyone at head office talks about the back office and i have no clue what it is",
            "careers/bpo",
            "definition/front_back_office",
        ),
        # what that is, asked at the end with nothing named between
        (
            "my teacher keeps mentioning bpo in every class like it's obvious, what is it",
            "careers/bpo",
            "definition/bpo",
        ),
        (
            "my niece just started at a call centre, can you explain to me what that is",
            "careers/call_center",
            "definition/call_center",
        ),
        ("ok and a bpo is what then", "services/bpo", "definition/bpo"),
        (
            "my cousin just got hired at a call center and i dont actually know what one is",
            "services/call_center",
            "definition/call_center",
        ),
        # a story after the question, asking nothing more
        (
            "hey whats a call center, my uncle runs one",
            "careers/call_center",
            "definition/call_center",
        ),
        # the word asked of after the story that names it
        (
            "my landlord says his offices are 'full of bpo people'. what does that term "
            "actually mean?",
            "careers/bpo",
            "definition/bpo",
        ),
    ],
)
def test_a_question_asking_only_what_one_is_gets_its_definition(text, key, expected):
    assert read(text, key) == ("definition", expected)


@pytest.mark.parametrize(
    "text, key, intent",
    [
        ("what are call centres good at", "benefits/call_center", "benefits"),
        ("what is a bpo job like", "careers/bpo", "careers"),
        ("what is a good bpo to work for", "careers/bpo", "careers"),
        ("what's a call center agent's day like", "careers/call_center", "careers"),
        (
            "i dont know what a bpo is but which one suits our clinic",
            "definition/bpo",
            "request_recommendation",
        ),
        # not knowing what it is worth or what they do, and a story that asks more
        ("a bpo made us an offer and i have no idea what it is worth", "benefits/bpo", "benefits"),
        (
            "i applied to a call center and have no idea what they are looking for",
            "careers/call_center",
            "careers",
        ),
        (
            "whats a bpo, we want to outsource our payroll",
            "definition/bpo",
            "request_recommendation",
        ),
        # knowing what one is asks something else
        ("i know what a bpo is, but what does one cost", "benefits/bpo", "benefits"),
        # (another word asked of)
        (
            "my sister works at a call centre, what does the term escalation mean",
            "careers/call_center",
            "careers",
        ),
        (
            "we know what a call centre is, which suits us",
            "definition/call_center",
            "request_recommendation",
        ),
    ],
)
def test_other_questions_about_one_keep_their_reading(text, key, intent):
    assert read(text, key, intent) == (intent, key)


def test_the_two_set_against_each_other_and_how_they_differ_asked():
    text = "my teacher wants me to summarise bpo versus call centre, whats the main idea"
    assert read(text, "difference/services") == ("difference", "difference/overview")
    # an aspect named keeps the comparison of it
    assert read(text + " for the tools", "difference/technology", aspects=("technology",)) == (
        "difference",
        "difference/technology",
    )
    # a request for the recommendation is no question of how they differ
    assert read(text, "difference/services", "request_recommendation")[0] == (
        "request_recommendation"
    )


@pytest.mark.parametrize(
    "text, intent",
    [("bpo meaning pls, for my business class", "out_of_scope"), ("define call centre", "greet")],
)
def test_definition_words_read_as_no_knowledge_question_are_the_definition(text, intent):
    assert read(text, "services/bpo", intent)[0] == "definition"


@pytest.mark.parametrize("text", ["whats the meaning of life", "what does kpi stand for"])
def test_definition_words_with_neither_named_keep_their_reading(text):
    assert read(text, "definition/call_center")[0] == "out_of_scope"


def test_cc_alone_in_another_sense_is_no_definition_asked():
    msg = message("what does cc mean in email", "definition/call_center")
    msg.set("entities", [{"entity": "subject", "value": "call_center", "start": 10, "end": 12}])
    msg.set("intent", {"name": "out_of_scope", "confidence": 0.8})
    msg.set("intent_ranking", [{"name": "out_of_scope", "confidence": 0.8}])
    topic_after(msg)
    assert msg.get("intent")["name"] == "out_of_scope"


@pytest.mark.parametrize(
    "text", ["in what ways are the two alike?", "what do bpos and call centres share"]
)
def test_what_the_two_share_is_their_similarities(text):
    assert topic_after(message(text, "difference/overview")) == "difference/similarities"


def test_how_one_would_describe_it_read_as_the_reasons_is_its_definition():
    text = "how would you describe a bpo"
    assert read(text, "definition/bpo", "explain_recommendation") == (
        "definition",
        "definition/bpo",
    )


@pytest.mark.parametrize(
    "text, key, expected",
    [
        (
            "can you explain the term bpo in plain words? it keeps coming up in tenders",
            "careers/bpo",
            "definition/bpo",
        ),
        (
            "our consultant keeps saying we need a call centre. what is that exactly?",
            "services/call_center",
            "definition/call_center",
        ),
    ],
)
def test_the_term_explained_or_what_that_is_asked_after_naming_it(text, key, expected):
    assert read(text, key) == ("definition", expected)


def test_what_that_costs_after_naming_one_is_no_definition():
    text = "we're thinking of a call centre for bookings. what is that going to cost"
    assert read(text, "benefits/outsourcing_savings", "benefits")[1] == (
        "benefits/outsourcing_savings"
    )


@pytest.mark.parametrize(
    "text",
    [
        "a bpo quoted us 4000 dollars a month per agent, what is that?",
        "we got a brochure from a bpo about rpa, what is that?",
        "my boss says bpos are on the way out, what is that?",
        "bpo people keep mentioning rpa, what is that",
        "explain the term bpo attrition",
    ],
)
def test_another_term_beside_one_of_them_asks_no_definition_of_it(text):
    assert read(text, "services/bpo", "follow_up") == ("follow_up", "services/bpo")


def test_why_with_definition_words_still_asks_for_the_reasons():
    text = "why did you suggest a bpo for us? what does bpo mean?"
    assert read(text, "definition/bpo", "explain_recommendation")[0] == "explain_recommendation"


@pytest.mark.parametrize(
    "text",
    [
        "so is it basically a call center or not",
        "isn't that just a bpo then?",
        "is it the same thing as a call centre",
        "and how's that not a bpo",
    ],
)
def test_whether_one_is_the_other_is_how_they_differ(text):
    msg = message(text, "definition/call_center", intent="explain_recommendation")
    assert topic_after(msg) == "difference/overview"
    assert msg.get("intent")["name"] == "difference"


def test_whether_it_is_one_of_them_with_more_asked_keeps_its_topic():
    msg = message("is it a call center that does payroll?", "services/call_center")
    assert topic_after(msg) == "services/call_center"


def test_an_aspect_named_in_another_sentence_leaves_the_phrase_its_topic():
    text = "arent bpo and call center the same thing? my coworkers say the jobs are alike"
    msg = message(text, "difference/services")
    msg.set(
        "entities",
        [
            *msg.get("entities"),
            {"entity": "aspect", "value": "careers", "start": text.index("jobs"), "end": 0},
        ],
    )
    assert topic_after(msg) == "difference/overview"


def test_what_something_means_for_someone_asks_no_definition():
    text = "is working from home normal at bpos now, and what does that mean for hiring"
    assert topic_after(message(text, "trends/remote_global", ["remote"])) == (
        "trends/remote_global"
    )


@pytest.mark.parametrize(
    "text, key, expected",
    [
        ("what careers does a bpo offer", "services/bpo", "careers/bpo"),
        ("which careers can a call centre give me", "services/call_center", "careers/call_center"),
        ("what jobs does a bpo do for companies", "services/bpo", "services/bpo"),
        (
            "we run a careers website with 30 staff, what services could a bpo take on for us?",
            "services/bpo",
            "services/bpo",
        ),
    ],
)
def test_careers_named_are_the_jobs_there_though_offered(text, key, expected):
    assert topic_after(message(text, key, aspects=("careers", "services"))) == expected


@pytest.mark.parametrize(
    "text, key, expected",
    [
        ("what jobs would a call centre do for a bakery", "careers/call_center",
         "services/call_center"),
        ("what jobs does a bpo have for graduates", "careers/bpo", "careers/bpo"),
    ],
)  # fmt: skip
def test_jobs_a_provider_does_are_its_work(text, key, expected):
    assert topic_after(message(text, key, aspects=("careers",))) == expected


def test_which_office_each_one_works_in_is_the_structure():
    text = "so does a call center only do front office while a bpo does both?"
    found = topic_after(message(text, "difference/services", aspects=("front_back_office",)))
    assert found == "difference/structure"


@pytest.mark.parametrize(
    "text, key, aspects, expected",
    [
        ("what's bpo better at", "trends/ai_automation", ("benefits",), "benefits/bpo"),
        ("and what is a call centre good at", "definition/call_center", (),
         "benefits/call_center"),
        ("so a bpo is basically the same thing??", "definition/bpo", ("difference",),
         "difference/overview"),
        ("is a contact center the same thing as a call center", "definition/call_center",
         ("difference",), "definition/call_center"),
        ("whats the upside vs just a call centre", "benefits/call_center", ("benefits",),
         "benefits/bpo"),
        ("what are bpo jobs better at", "careers/bpo", ("careers",), "careers/bpo"),
        ("is a contact centre basically the same as a call centre??", "definition/call_center",
         ("difference",), "definition/call_center"),
    ],
)  # fmt: skip
def test_what_one_is_good_at_and_whether_it_is_the_same(text, key, aspects, expected):
    assert topic_after(message(text, key, aspects=aspects)) == expected


def test_one_sides_advantages_asked_last_after_a_story_are_its_benefits():
    text = (
        "my partner thinks a bpo is just a fancy word for a cheap phone line. we run gyms. "
        "can u give me the real benefits of a bpo so i can argue my case"
    )
    msg = message(text, "difference/relationship", ["benefits"])
    assert topic_after(msg) == "benefits/bpo"
    # not where the question asks about another aspect too, or weighs the two
    text = "we run a bpo already. what are the benefits of ai for it?"
    msg = message(text, "trends/ai_automation")
    msg.set("entities", msg.get("entities") + [
        {"entity": "aspect", "value": "benefits", "start": text.find("benefits")},
        {"entity": "aspect", "value": "ai", "start": text.find("ai ")},
    ])  # fmt: skip
    assert topic_after(msg) == "trends/ai_automation"
    text = "we use a bpo. what are the benefits of it over doing it ourselves?"
    assert topic_after(message(text, "benefits/outsourcing_savings", ["benefits"])) == (
        "benefits/outsourcing_savings"
    )


@pytest.mark.parametrize(
    "text",
    [
        "my boss says bpo and call center like they're synonyms... so what really separates a "
        "bpo from a call center",
        "what sets a bpo and a call center apart",
    ],
)
def test_what_separates_them_is_how_they_differ_not_what_they_share(text):
    assert topic_after(message(text, "difference/similarities")) == "difference/overview"


def test_what_the_staff_of_one_get_is_no_question_of_its_advantages():
    text = "i just got hired at a bpo. what benefits do the staff get?"
    assert topic_after(message(text, "careers/bpo", ["benefits"])) == "careers/bpo"
    assert topic_after(message(text, "difference/relationship", ["benefits"])) != "benefits/bpo"


def test_which_ones_one_of_them_handles_is_what_it_does():
    text = "which ones does a call center handle?"
    assert topic_after(message(text, "services/call_center")) == "services/call_center"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("where do call centers beat bpos", "benefits/call_center"),
        ("how does a bpo outperform a call center?", "benefits/bpo"),
    ],
)
def test_where_one_beats_the_other_is_its_advantages(text, expected):
    assert topic_after(message(text, "services/locations", ["locations"])) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("can we hire a call centre just to take bookings for our salon",
         "services/call_center"),
        ("can we use a bpo for the payroll", "services/bpo"),
        # a job in one stays the jobs
        ("how do i get hired at a call center", "careers/call_center"),
        ("do call centers hire people to take orders", "careers/call_center"),
    ],
)  # fmt: skip
def test_a_firm_hired_for_its_work_is_what_it_does_not_a_job(text, expected):
    assert topic_after(message(text, expected.replace("services/", "careers/"))) == expected


def test_a_kind_of_firm_that_uses_one_asks_about_the_industries():
    text = "i run a dental practice, do clinics use bpo or is that just for big software firms"
    assert topic_after(message(text, "difference/technology")) == "services/industries"
    # a size is no sector: how to choose
    text = "can small shops use a call center or is it just for large companies"
    assert topic_after(message(text, "choosing/overview")) == "choosing/overview"


@pytest.mark.parametrize(
    "text, intent, expected_intent",
    [
        ("impact of chatbots on helpline operators", "inform", "trends"),
        ("voice assistants effect on call agents", "difference", "difference"),
        # an answer that tells of the AI's effect is no question of it
        (
            "our chatbot had little effect, so we need people for customer support",
            "inform",
            "inform",
        ),
        # another aspect beside the ai is not the ai's effect alone
        ("effect of chatbots on the careers at a call center", "careers", "careers"),
    ],
)
def test_the_impact_of_ai_on_them_is_the_ai_trend(text, intent, expected_intent):
    entities = [{"entity": "aspect", "value": "ai", "start": 0, "end": 5}]
    if "careers" in text:
        entities.append({"entity": "aspect", "value": "careers", "start": 20, "end": 27})
    msg = message(text, "difference/channels", intent=intent)
    msg.set("entities", entities)
    asked = "careers" not in text and "little effect" not in text
    expected = "trends/ai_automation" if asked else "difference/channels"
    assert topic_after(msg) == expected
    assert msg.get("intent")["name"] == expected_intent


def test_how_sending_work_out_saves_cash_is_the_savings_however_surely_read_as_an_answer():
    text = "our owner asks how we would actually save money by sending work to another firm"
    msg = message(text, "benefits/outsourcing_savings", intent="inform")
    msg.set("intent", {"name": "inform", "confidence": 0.88})
    assert topic_after(msg) == "benefits/outsourcing_savings"
    assert msg.get("intent")["name"] == "benefits"
    # an exact answer with its motive stays the answer
    text = (
        "customer support mostly, we want to understand how we can reduce costs by outsourcing it"
    )
    msg = message(text, "benefits/outsourcing_savings", intent="inform")
    msg.set("intent", {"name": "inform", "confidence": 0.99})
    msg.set("entities", [{"entity": "outsourced_function", "value": "customer_support",
                          "start": 0, "end": 16, "extractor": "SpacyEntityExtractor"}])  # fmt: skip
    topic_after(msg)
    assert msg.get("intent")["name"] == "inform"


def test_a_sector_that_uses_one_is_the_industries():
    text = "does manufacturing use bpo firms"
    msg = message(text, "services/bpo")
    msg.set(
        "entities",
        [
            {"entity": "aspect", "value": "industries", "start": 5, "end": 18},
            {"entity": "subject", "value": "bpo", "start": 23, "end": 26},
        ],
    )
    assert topic_after(msg) == "services/industries"
    # why a sector uses one is why
    text = "why do banks use bpos instead of doing it themselves"
    msg = message(text, "benefits/bpo")
    msg.set("entities", [*msg.get("entities"), {"entity": "aspect", "value": "industries",
                                                "start": 7, "end": 12}])  # fmt: skip
    assert topic_after(msg) == "benefits/bpo"
    # what one does for a sector named after it stays what it does
    text = "what does a bpo do for manufacturing"
    msg = message(text, "services/bpo")
    msg.set("entities", [*msg.get("entities"), {"entity": "aspect", "value": "industries",
                                                "start": 23, "end": 36}])  # fmt: skip
    assert topic_after(msg) == "services/bpo"


@pytest.mark.parametrize(
    "text, key, expected",
    [
        ("do bpo companies exist in kenya", "careers/bpo", "services/locations"),
        ("are there call center jobs in cebu", "careers/call_center", "careers/call_center"),
        (
            "are there any call center jobs based in cebu",
            "careers/call_center",
            "careers/call_center",
        ),
        (
            "What career opportunities exist in a BPO, and where can they lead?",
            "careers/bpo",
            "careers/bpo",
        ),
    ],
)
def test_where_they_exist_is_where_they_are_not_the_jobs(text, key, expected):
    assert topic_after(message(text, key, ["locations"])) == expected


def test_where_one_comes_out_ahead_is_its_advantages():
    text = "ok where does a call centre come out ahead tho"
    assert topic_after(message(text, "trends/overview", ["locations"])) == "benefits/call_center"


@pytest.mark.parametrize(
    "text, chosen, expected",
    [
        ("what are the disadvantages of a bpo", "benefits/bpo", "benefits/call_center"),
        ("call centre downsides?", "benefits/call_center", "benefits/bpo"),
        # both weighed, or the good points asked too: as chosen
        ("pros and cons of a bpo", "benefits/bpo", "benefits/bpo"),
        ("disadvantages of a bpo compared to a call center", "benefits/bpo", "benefits/bpo"),
        # the jobs' weak points are no question of the companies
        (
            "what are the disadvantages of a call center job?",
            "benefits/call_center",
            "benefits/call_center",
        ),
        ("disadvantages of bpo for employees", "benefits/bpo", "benefits/bpo"),
    ],
)
def test_one_sides_weak_points_are_what_the_other_does_better(text, chosen, expected):
    assert topic_after(message(text, chosen, ["benefits"])) == expected


def test_winning_business_is_no_question_of_advantages():
    text = "where do bpos win business from?"
    assert topic_after(message(text, "services/locations", ["locations"])) == "services/locations"


@pytest.mark.parametrize(
    "text, chosen, entities, expected",
    [
        ("whats it called when u hand parts of ur business like the bookkeeping over to "
         "another company", "difference/similarities",
         [{"entity": "outsourced_function", "value": "accounting"}], "definition/bpo"),
        ("what do u call the setup where agents sit at computers taking customers calls",
         "difference/similarities", [], "definition/call_center"),
        ("whats it called when another firm answers your phones for you", "benefits/bpo", [],
         "definition/call_center"),
        ("whats the term for the internal stuff customers never see", "difference/services",
         [], "definition/front_back_office"),
        ("is there a word for farming work out to a third party", "trends/overview", [],
         "definition/bpo"),
        ("a coop pays one outside firm to do their books and hiring. what is that kind of firm "
         "called", "difference/services", [{"entity": "outsourced_function", "value": "hr"}],
         "definition/bpo"),
        ("my nephew sits in a big room with a headset all day answering people, what is that "
         "kind of place", "difference/channels", [], "definition/call_center"),
        ("his outfit does the books, the wages, the hiring for us. what kind of company is that "
         "actually", "careers/bpo", [{"entity": "outsourced_function", "value": "payroll"}],
         "definition/bpo"),
        ("she answers phones for a bank, what exactly is that kind of place", "careers/call_center",
         [], "definition/call_center"),
        ("reception talks to the guests but the wages get done upstairs. what are those two "
         "sides called", "difference/services", [{"entity": "outsourced_function",
                                                   "value": "payroll"}],
         "definition/front_back_office"),
        ("moving our finance work to an external partner. could you explain what such an "
         "arrangement is?", "careers/bpo", [{"entity": "outsourced_function",
                                             "value": "accounting"}], "definition/bpo"),
        ("what kind of company is that?", "definition/bpo", [], "definition/bpo"),
        ("people with headsets at desks taking calls all day for other firms, what is that "
         "place exactly", "services/locations", [], "definition/call_center"),
        # a tool described: no name of either
        ("the automated menu when you phone a company, what is that thing", "trends/ai_automation",
         [{"entity": "aspect", "value": "ai"}], "trends/ai_automation"),
        # the name of a person, an advantage or offshoring: no definition
        ("what do they call the person who manages the agents", "careers/call_center", [],
         "careers/call_center"),
        ("what would you call the biggest advantage of having agents abroad", "benefits/bpo", [],
         "benefits/bpo"),
        ("what is it called when u outsource to another country", "services/locations", [],
         "services/locations"),
        ("whats it called when one person handles everything", "trends/overview", [],
         "trends/overview"),
        ("what do you call a company whose staff talk to customers on the phone for other firms",
         "difference/services", [], "definition/call_center"),
        # a subject named: the definition words take it; nothing described: no rule
        ("what do you call a bpo in spanish", "definition/bpo", [], "definition/bpo"),
        ("what do you call it", "benefits/bpo", [], "benefits/bpo"),
        ("whats the name of your company", "services/bpo", [], "services/bpo"),
    ],
)  # fmt: skip
def test_a_name_asked_for_what_is_described_gets_its_definition(text, chosen, entities, expected):
    msg = message(text, chosen, intent="difference")
    msg.set("entities", msg.get("entities") + entities)
    assert topic_after(msg) == expected


def test_a_name_asked_for_is_a_definition_question_and_no_follow_up():
    msg = message("whats it called when another firm answers your phones", "benefits/bpo",
                  intent="inform")  # fmt: skip
    (result,) = TopicCues({}).process([msg])
    assert result.get("intent")["name"] == "definition"
    assert result.get(NAME_ASKED)


@pytest.mark.parametrize(
    "text, chosen, aspects, expected",
    [
        ("will automation speed up the back office stuff at a bpo", "benefits/bpo", ("ai",),
         "trends/ai_automation"),
        ("what are the benefits of a bpo, do they use ai", "benefits/bpo", ("benefits", "ai"),
         "benefits/bpo"),
        ("can a call centre contain a bpo or only the other way round", "difference/services",
         ("relationship",), "difference/relationship"),
        ("what is a call center exactly and how does it work", "services/call_center", (),
         "definition/call_center"),
    ],
)  # fmt: skip
def test_an_aspect_named_narrows_the_topic(text, chosen, aspects, expected):
    assert topic_after(message(text, chosen, aspects)) == expected


def test_the_relationship_named_in_passing_gives_way_to_another_kind_of_difference():
    text = "how do the structures of a call centre and a bpo differ, which part of a company"
    chosen = "difference/services"
    assert topic_after(message(text, chosen, ("structure", "relationship"))) == (
        "difference/structure"
    )


@pytest.mark.parametrize(
    "text, chosen, aspects, expected",
    [
        ("so what's a call centre then, is it a place or a service", "services/call_center",
         ("services",), "definition/call_center"),
        # what a person meant is no definition asked
        ("my boss said a call centre is just tactical, what does he mean",
         "difference/strategic_vs_tactical", ("strategic",), "difference/strategic_vs_tactical"),
        ("what does call centre mean", "services/call_center", (), "definition/call_center"),
    ],
)  # fmt: skip
def test_what_kind_of_thing_one_is_asks_for_its_definition(text, chosen, aspects, expected):
    assert topic_after(message(text, chosen, aspects)) == expected


@pytest.mark.parametrize(
    "text, chosen, expected",
    [
        ("in one sentence, what sets a bpo apart", "definition/bpo", "difference/overview"),
        ("what distinguishes a call centre", "benefits/call_center", "difference/overview"),
        # an aspect's comparison read stays
        ("what sets a bpo apart in terms of tech", "difference/technology",
         "difference/technology"),
        ("what does a bpo do", "definition/bpo", "definition/bpo"),
        # set apart from something else
        ("what sets a call center apart from an in-house team", "benefits/call_center",
         "benefits/call_center"),
    ],
)  # fmt: skip
def test_what_sets_one_apart_is_how_they_differ(text, chosen, expected):
    assert topic_after(message(text, chosen)) == expected


@pytest.mark.parametrize(
    "text, chosen, expected",
    [
        ("im an agent in a call centre in manila and thinking of moving over to a bpo, what "
         "roles would there be for me there?", "careers/call_center", "careers/bpo"),
        ("i work at a bpo, would switching to a call center be a step down career wise",
         "careers/bpo", "careers/call_center"),
        ("what jobs are there in a call center", "careers/call_center", "careers/call_center"),
        ("im going to a bpo interview next week, what jobs are there in a call center",
         "careers/call_center", "careers/call_center"),
    ],
)  # fmt: skip
def test_the_jobs_asked_about_are_where_the_visitor_is_moving(text, chosen, expected):
    assert topic_after(message(text, chosen, aspects=["careers"])) == expected


def test_whether_one_includes_named_tasks_is_what_it_does():
    msg = message("does bpo include it support and logistics", "difference/relationship")
    msg.set(
        "entities",
        [
            *msg.get("entities"),
            {"entity": "outsourced_function", "value": "logistics", "start": 31, "end": 40},
        ],
    )
    assert topic_after(msg) == "services/bpo"


def test_what_one_is_good_at_is_no_question_of_jobs_for_the_person_named():
    text = "and a cc, whats it good at compared to that, our sales director keeps asking me"
    assert topic_after(message(text, "careers/call_center", aspects=["benefits"])) == (
        "benefits/call_center"
    )
    text = "what are the benefits of working at a call center"
    assert topic_after(message(text, "careers/call_center", ["benefits", "careers"])) == (
        "careers/call_center"
    )


@pytest.mark.parametrize(
    "text, chosen, expected",
    [
        # what the one named in the last question does, whatever the story named before
        ("we already outsource our hotline to a call center and are thinking of handing them "
         "payroll too, what else could a bpo take over", "difference/relationship",
         "services/bpo"),
        ("we're a furniture maker, 20 people, we need someone to take orders by phone and "
         "email, what exactly would a call center do for us", "difference/channels",
         "services/call_center"),
        # ... not what it does better than the other, or what the other cannot
        ("what does a bpo do better than a call center", "benefits/bpo", "benefits/bpo"),
        ("what can a bpo take over for a client that a call centre cant", "difference/services",
         "difference/services"),
        ("what does a bpo handle and what does a call center handle?", "difference/services",
         "difference/services"),
        # ... nor its advantages
        ("what can a bpo do to cut our costs?", "benefits/bpo", "benefits/bpo"),
    ],
)  # fmt: skip
def test_what_one_does_asked_last_is_its_services(text, chosen, expected):
    assert topic_after(message(text, chosen)) == expected


def test_the_one_trend_named_narrows_the_trends():
    text = "how will ai change that in the next few years"
    assert topic_after(message(text, "trends/overview", ["ai", "trends"])) == (
        "trends/ai_automation"
    )
    # every trend named: all of them
    both = message("how will ai and remote teams change it", "trends/overview", ["ai", "remote"])
    assert topic_after(both) == "trends/overview"
    others = message("any other trends apart from ai", "trends/overview", ["ai", "trends"])
    assert topic_after(others) == "trends/overview"


def test_the_industries_named_beat_a_reading_of_the_tools():
    text = "do shops even use bpos or is that more a bank and telecom thing"
    assert topic_after(message(text, "difference/technology", ["industries"])) == (
        "services/industries"
    )
    tools = message("do telecom bpos use other tech", "difference/technology",
                    ["industries", "technology"])  # fmt: skip
    assert topic_after(tools) == "difference/technology"


def test_ai_in_a_comparison_is_the_tools_compared():
    text = "chatbots and automation in a bpo vs a call centre, what is different"
    msg = message(text, "difference/overview", ["ai", "difference"])
    assert topic_after(msg) == "difference/technology"
    future = message("how will ai change bpos and call centres", "difference/overview", ["ai"])
    assert topic_after(future) == "trends/ai_automation"


@pytest.mark.parametrize(
    "text, chosen, expected",
    [
        ("setting aside call centres for a moment, what is good about a bpo",
         "benefits/call_center", "benefits/bpo"),
        ("forget call centers, what jobs are there at a bpo", "careers/call_center",
         "careers/bpo"),
        ("call center aside, what are the perks of a bpo", "benefits/call_center",
         "benefits/bpo"),
        # the one set aside is not the one chosen: the choice stands
        ("setting aside call centres, what is good about a bpo", "benefits/bpo", "benefits/bpo"),
        # only one named: nothing else to ask about
        ("apart from call centres, what else is there", "services/call_center",
         "services/call_center"),
    ],
)  # fmt: skip
def test_the_subject_set_aside_is_not_the_one_asked_about(text, chosen, expected):
    assert topic_after(message(text, chosen)) == expected


@pytest.mark.parametrize(
    "text, chosen, expected",
    [
        ("doing slides on tech outsourcing for class. what is the same between bpos and call "
         "centers?", "difference/technology", "difference/similarities"),
        ("what is the same between bpos and call centers?", "difference/channels",
         "difference/similarities"),
        # named before the question, it is no question of its own
        ("they seem the same between bpos and call centers. how do their tools differ?",
         "difference/technology", "difference/technology"),
    ],
)  # fmt: skip
def test_another_kind_of_difference_named_in_the_question(text, chosen, expected):
    msg = message(text, chosen)
    start = text.find("same between")
    shared = {"entity": "aspect", "value": "similarities", "start": start, "end": start + 12}
    msg.set("entities", msg.get("entities") + [shared])
    assert topic_after(msg) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("bpos in retail, is that common?", "services/industries"),
        ("can i work at a bpo in retail", "careers/bpo"),
        ("do bpo agents need experience in retail", "careers/bpo"),
        ("how far up can one grow in the bpo sector", "careers/bpo"),
    ],
)
def test_a_sector_named_without_the_jobs_is_the_industries(text, expected):
    msg = message(text, "careers/bpo", aspects=("industries",))
    assert topic_after(msg) == expected


def test_the_ways_customers_reach_one_are_its_channels():
    text = "which ways can customers reach a call center"
    assert topic_after(message(text, "benefits/call_center", ["channels"])) == (
        "difference/channels"
    )
    # what a channel brings is still the advantages
    emails = message("how would a call center help us with customer emails",
                     "benefits/call_center", ["channels"])  # fmt: skip
    assert topic_after(emails) == "benefits/call_center"
    # the advantages named too: still the advantages
    both = message("is reaching customers by chat an advantage of a call center",
                   "benefits/call_center", ["channels", "benefits"])  # fmt: skip
    assert topic_after(both) == "benefits/call_center"


def test_the_advantages_of_one_over_the_other_read_as_the_choice_are_its_advantages():
    text = "which good points has bpo compare to call centre"
    assert topic_after(message(text, "choosing/overview")) == "benefits/bpo"
    # better, without its advantages named, is the choice
    assert topic_after(message("is a bpo better than a call center", "choosing/overview")) == (
        "choosing/overview"
    )


def test_how_outsourcing_saves_money_read_unsurely_is_that_question():
    msg = message("how outsourcing make cost lower for a company?", "benefits/outsourcing_savings",
                  ["savings"], intent="out_of_scope")  # fmt: skip
    assert topic_after(msg) == "benefits/outsourcing_savings"
    assert msg.get("intent")["name"] == "benefits"
    # surely out of scope, or naming more: left alone
    sure = message("how does outsourcing cut my tax bill", "benefits/outsourcing_savings",
                   ["savings"], intent="out_of_scope")  # fmt: skip
    sure.set("intent", {"name": "out_of_scope", "confidence": 0.95})
    topic_after(sure)
    assert sure.get("intent")["name"] == "out_of_scope"


@pytest.mark.parametrize(
    "text, chosen, aspects, expected",
    [
        # the word asked of in other grammar, and what makes one
        ("in my language we dont have this word. what mean call center?", "services/bpo",
         ("definition",), "definition/call_center"),
        ("We would appreciate an explanation of what constitutes a call center.",
         "benefits/call_center", (), "definition/call_center"),
        ("can someone explain wat a bpo is in simple words", "careers/bpo", (),
         "definition/bpo"),
        # the two terms quoted, with no subject named
        ("our cfo split every department into 'front' and 'back' office. which work goes "
         "where?", "difference/structure", ("services",), "definition/front_back_office"),
        # a job seeker's roles and growth, read as what a bpo offers
        ("accountant here, thinking of switching to a bpo company. what kind of roles and "
         "growth do they offer?", "services/bpo", ("careers", "services"), "careers/bpo"),
        ("which roles does a bpo play for its clients", "services/bpo", ("services",),
         "services/bpo"),
        # a channel asked of one side: the channels, not all it does
        ("can a call center handle chat", "services/call_center", ("services", "channels"),
         "difference/channels"),
        ("could a bpo also answer our emails", "services/bpo", ("channels",),
         "difference/channels"),
        ("can a bpo handle emails and payroll", "services/bpo", ("channels",), "services/bpo"),
        ("can a bpo do email marketing for us?", "services/bpo", ("channels",), "services/bpo"),
        ("can a bpo manage our social media accounts?", "services/bpo", ("channels",),
         "services/bpo"),
        # a business's growth is no career
        ("We plan to expand next year. What growth opportunities does outsourcing to a call "
         "center give us?", "services/call_center", (), "services/call_center"),
        # the jobs a firm takes over, not jobs there
        ("im drowning in paperwork. what sort of jobs can those companies that do other "
         "companies back office actually take over?", "careers/bpo", ("careers",),
         "services/bpo"),
        ("what kind of jobs can i take over at a bpo", "careers/bpo", ("careers",),
         "careers/bpo"),
        ("we get most questions by instagram dm and email. does a call centre even handle "
         "that or is it voice only", "services/call_center", ("channels",),
         "difference/channels"),
        # which office one of them belongs to
        ("which one does a call centre belong to", "difference/relationship", (),
         "difference/structure"),
    ],
)  # fmt: skip
def test_cues_of_session_45(text, chosen, aspects, expected):
    assert topic_after(message(text, chosen, aspects)) == expected


def test_voice_only_asked_after_a_task_is_the_channels():
    text = (
        "we get most customer questions by instagram dm and email. does a call centre even "
        "handle that or is it voice only"
    )
    msg = message(text, "difference/channels", ("channels", "services", "channels"))
    start = text.index("customer questions")
    msg.set(
        "entities",
        msg.get("entities")
        + [{"entity": "outsourced_function", "value": "customer_support", "start": start,
            "end": start + len("customer questions")}],
    )  # fmt: skip
    assert topic_after(msg) == "difference/channels"


def test_savings_asked_after_a_story_whatever_the_classifier_leaned_to():
    text = (
        "small bakery chain owner here, 3 shops. everyone says outsourcing saves money but i "
        "dont get how. where do the savings actually come from?"
    )
    msg = message(text, "benefits/outsourcing_savings", ("locations", "savings"))
    msg.set("intent", {"name": "request_recommendation", "confidence": 0.5})
    topic_after(msg)
    assert msg.get("intent")["name"] == "benefits"
    # a sure request stays one
    sure = message(text, "benefits/outsourcing_savings", ("savings",))
    sure.set("intent", {"name": "request_recommendation", "confidence": 0.95})
    topic_after(sure)
    assert sure.get("intent")["name"] == "request_recommendation"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Could you clarify what Business Process Outsourcing actually refers to?",
            "definition/bpo",
        ),
        (
            "wat does business process outsourcing mean in simple words, english is not my first "
            "language",
            "definition/bpo",
        ),
        (
            "what precisely is a call center and how does it function on a day-to-day basis?",
            "definition/call_center",
        ),
        ("but what actually is a call centre as a business", "definition/call_center"),
        (
            "so what actually is a contact centre? like the people with headsets",
            "definition/call_center",
        ),
        # a bare request to explain one
        ("explain call center for my homework", "definition/call_center"),
        ("define bpo pls", "definition/bpo"),
        # named before, then asked what it is in plain words
        (
            "fella at the chamber said business process outsourcing. what is that in plain "
            "english",
            "definition/bpo",
        ),
        (
            "my nephew works at a call centre, what is that in simple words",
            "definition/call_center",
        ),
        # ... or said not to be known
        (
            "my accountant mentioned a bpo and i just smiled but i have no idea what that is "
            "could you explain it simply",
            "definition/bpo",
        ),
        ("we use a call center but i dont know what it is they do all day", None),
        # ... not when something else was named after it
        ("a bpo quoted us a per seat fee and honestly not sure what that is", None),
        ("my cousin works in a call centre doing chat support, not sure what that is really", None),
        # another sense, a question beyond what it is, or the two compared
        ("what does contact center mean in salesforce", None),
        ("what actually is a bpo good for", None),
        ("explain bpo vs call center", None),
    ],
)
def test_what_one_is_asked_in_more_ways(text, expected):
    assert only_what_it_is(text) == expected


def test_a_one_sided_advantage_as_opposed_to_the_other_is_its_benefits():
    msg = message(
        "What are the principal benefits of contracting a specialised call center, as opposed to"
        " a BPO? I would appreciate a structured answer.",
        "difference/structure",
        aspects=("benefits",),
    )
    msg.get("entities").append(
        {
            "entity": "subject",
            "value": "bpo",
            "start": msg.get("text").find("BPO"),
            "end": msg.get("text").find("BPO") + 3,
        }
    )
    assert topic_after(msg) == "benefits/call_center"


@pytest.mark.parametrize(
    "text, chosen, expected",
    [
        (
            "what jobs a call center do for the company, only answer questions?",
            "careers/call_center",
            "services/call_center",
        ),
        (
            "and on the other side, what does a call center use?",
            "definition/call_center",
            "difference/technology",
        ),
        (
            "what does a call center use for hiring",
            "definition/call_center",
            "definition/call_center",
        ),
    ],
)
def test_what_it_does_or_uses_is_not_its_jobs_or_what_it_is(text, chosen, expected):
    assert topic_after(message(text, chosen)) == expected


def test_what_one_does_for_the_visitors_trade_is_its_services_not_the_industries():
    text = "what things can outsourcing company do for us? we are tile factory in valencia"
    msg = message(text, "services/industries", aspects=("services",))
    msg.get("entities").append({"entity": "subject", "value": "bpo", "start": 20, "end": 39})
    assert topic_after(msg) == "services/bpo"
    msg = message(
        "which industries use bpo services",
        "services/industries",
        aspects=("services", "industries"),
    )
    assert topic_after(msg) == "services/industries"


@pytest.mark.parametrize(
    "text, word, expected",
    [
        (
            "what does RPA do for outsourcing firms that handle back office work",
            "RPA",
            "trends/ai_automation",
        ),
        ("how will chatbots change call centres", "chatbots", "trends/ai_automation"),
        # AI named, but not as what acts
        ("do call centres use chatbots or people", "chatbots", "difference/technology"),
    ],
)
def test_what_ai_does_to_them_is_the_ai_trend(text, word, expected):
    msg = message(text, "difference/technology")
    start = text.find(word)
    msg.get("entities").append(
        {"entity": "aspect", "value": "ai", "start": start, "end": start + len(word)}
    )
    assert topic_after(msg) == expected


def test_words_meaning_the_same_ask_whether_they_differ():
    text = "people at work use outsourcing company and contact center like they mean the same"
    assert topic_after(message(text, "difference/services")) == "difference/overview"


def test_whether_one_just_does_phone_calls_is_the_channels():
    text = "does a call centre just do phone calls? asking for my shop"
    assert topic_after(message(text, "services/call_center")) == "difference/channels"


@pytest.mark.parametrize(
    "text, aspects, expected",
    [
        # (a part named is no relation asked: "what goes on inside one")
        ("whats a call centre actually, like what goes on inside one", ("relationship",),
         "definition/call_center"),
        ("so a call centre is... what exactly? a team that is part of the company?",
         ("relationship",), "definition/call_center"),
        ("call center is tactical tool? what it mean", ("strategic", "definition"),
         "difference/strategic_vs_tactical"),
        ("what is a call center", ("definition",), "definition/call_center"),
    ],
)  # fmt: skip
def test_which_is_strategic_beats_what_one_is(text, aspects, expected):
    assert topic_after(message(text, "definition/call_center", aspects)) == expected


@pytest.mark.parametrize(
    "text, chosen, aspects, intent",
    [
        ("why do so many european firms send their admin work to india?", "services/locations",
         ["locations"], "out_of_scope"),
        ("explain why companies pay outside firms to do their paperwork", "benefits/bpo", [],
         "benefits"),
    ],
)  # fmt: skip
def test_why_work_is_handed_out_at_all_is_the_savings(text, chosen, aspects, intent):
    msg = message(text, chosen, aspects, intent=intent)
    assert topic_after(msg) == "benefits/outsourcing_savings"
    assert msg.get("intent")["name"] == "benefits"


def test_why_one_kind_of_firm_sends_work_to_a_bpo_is_not_the_savings():
    text = "why would a hospital give its billing to a bpo?"
    assert topic_after(message(text, "benefits/bpo", intent="benefits")) == "benefits/bpo"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("kindly explain me what is the bpo company, i see this word in job ads",
         "definition/bpo"),
        ("is a bpo like a staffing agency or not? what is it", "definition/bpo"),
        ("please tell me what is a bpo company", "definition/bpo"),
    ],
)  # fmt: skip
def test_a_definition_asked_after_explain_me_or_last_in_a_question_of_it(text, expected):
    assert topic_after(message(text, "careers/bpo", intent="careers")) == expected


def test_what_the_difference_between_them_is_asked_last_is_the_main_difference():
    text = "my team mixes up bpo and call center all the time. so whats the difference between them"
    assert topic_after(message(text, "difference/services")) == "difference/overview"


@pytest.mark.parametrize(
    "text, chosen, aspects, expected",
    [
        ("is a call centre part of that?", "definition/call_center", ["relationship"],
         "difference/relationship"),
        ("in a hurry - is a bpo a subset of a call center or separate?",
         "difference/strategic_vs_tactical", ["relationship"], "difference/relationship"),
        ("what about esims and bpos, read it somewhere", "difference/similarities", ["remote"],
         "trends/remote_global"),
        ("ok whats the downside then, where do call centres win instead",
         "careers/call_center", [], "benefits/call_center"),
    ],
)  # fmt: skip
def test_an_aspect_or_a_phrase_named_beats_the_classifiers_topic(text, chosen, aspects, expected):
    assert topic_after(message(text, chosen, aspects)) == expected


@pytest.mark.parametrize(
    "text, aspect, expected",
    [
        ("a podcast called a bpo a 'strategic partner'. what does that mean?", "strategic",
         "difference/strategic_vs_tactical"),
        ("someone said a call centre is just a tactical thing, what does that mean", "strategic",
         "difference/strategic_vs_tactical"),
    ],
)  # fmt: skip
def test_a_term_said_of_one_then_what_that_means_is_the_terms_answer(text, aspect, expected):
    key = "definition/bpo" if "bpo" in text else "definition/call_center"
    msg = message(text, key, aspects=(aspect,), intent="follow_up")
    assert topic_after(msg) == expected
    assert msg.get("intent")["name"] == expected.split("/")[0]


def test_what_one_of_them_means_is_its_definition():
    msg = message("a call center, what does that mean exactly", "definition/call_center")
    assert topic_after(msg) == "definition/call_center"


def test_what_one_is_better_at_read_as_how_to_choose_is_its_benefits():
    text = "so what are bpos really better at, compared to a call centre?"
    msg = message(text, "choosing/overview", intent="choosing")
    assert topic_after(msg) == "benefits/bpo"
    text = "is a bpo or a call centre better for a bakery"
    assert topic_after(message(text, "choosing/overview", intent="choosing")) == "choosing/overview"


@pytest.mark.parametrize(
    "text", ["so is a bpo front or back?", "are call centres more front or back office"]
)
def test_whether_one_is_front_or_back_is_the_structure(text):
    assert topic_after(message(text, "definition/bpo")) == "difference/structure"


@pytest.mark.parametrize(
    "text, chosen",
    [("and what does the bpo side use", "benefits/bpo"),
     ("so what do call centres actually use?", "services/call_center")],
)  # fmt: skip
def test_what_one_uses_is_the_technology(text, chosen):
    assert topic_after(message(text, chosen)) == "difference/technology"


def test_what_one_is_used_for_is_no_technology():
    assert topic_after(message("what do companies use a bpo for", "services/bpo")) == "services/bpo"


def test_what_one_uses_beside_another_aspect_keeps_that_aspect():
    text = "which channels do call centres work through, and what does a bpo use"
    msg = message(text, "difference/channels", aspects=("channels",))
    assert topic_after(msg) == "difference/channels"


@pytest.mark.parametrize(
    "text",
    [
        "would a bpo be better at handling our 200 daily calls than a call center?",
        "for my bakery, is a call centre best at taking orders or a bpo?",
    ],
)
def test_which_is_better_at_the_visitors_own_work_stays_the_choice(text):
    assert topic_after(message(text, "choosing/overview", intent="choosing")) == "choosing/overview"
