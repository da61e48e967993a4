"""A question about a subject, told with facts about the company first, is a question."""

import pytest

from bot.nlp.question_over_answer import CAPABILITY_ASKED, QuestionOverAnswer
from tests.unit.conftest import parsed_message


def reading(text, intent, chosen, subjects=(), aspects=(), confidence=0.86):
    entities = [{"entity": "subject", "value": s} for s in subjects]
    entities += [{"entity": "aspect", "value": a} for a in aspects]
    entities.append({"entity": "company_size", "value": "small"})
    message = parsed_message(text, intent, confidence, entities, chosen)
    (result,) = QuestionOverAnswer({}).process([message])
    topic = result.get("response_selector")["default"]["response"]["intent_response_key"]
    return result.get("intent")["name"], topic


@pytest.mark.parametrize(
    "text, chosen, subjects, aspects, expected",
    [
        # an aspect the chosen topic is not about decides
        ("we're about 40 people, can a call center also answer our emails?",
         "careers/call_center", ["call_center"], ["channels"], "difference/channels"),
        ("we're 12 people and what does a bpo actually do", "services/bpo", ["bpo"], [],
         "services/bpo"),
        ("mid-size shop here. what kind of work do call centres take on?",
         "choosing/overview", ["call_center"], ["services"], "services/call_center"),
        # asked in texting
        ("wats the future of call centres, we r a 50 seat team in cebu", "trends/overview",
         ["call_center"], [], "trends/overview"),
    ],
)  # fmt: skip
def test_a_question_told_with_facts_is_a_knowledge_question(
    text, chosen, subjects, aspects, expected
):
    assert reading(text, "inform", chosen, subjects, aspects) == (expected.split("/")[0], expected)


@pytest.mark.parametrize(
    "text, chosen, aspects, expected",
    [
        ("we're a mid-size retailer — what tools and automation does each type of provider use?",
         "difference/technology", ["technology", "ai"], "difference/technology"),
        ("we are 30 people, where are these providers usually based?", "careers/bpo",
         ["locations"], "services/locations"),
        # asked last, without its question mark; the two terms are a topic of their own
        ("we're a broker of 80 and our consultant splits everything into front office and "
         "back office, what do those two terms actually mean", "services/locations",
         ["front_back_office"], "definition/front_back_office"),
        # whether something is to come, without its question mark
        ("are robots and computer programs going to take over the work of the people "
         "answering phones", "careers/call_center", ["ai"], "trends/ai_automation"),
        # a yes-or-no question told of nobody's company: "support" in it is no task
        ("is multilingual support a thing now with global clients", "trends/remote_global",
         ["remote"], "trends/remote_global"),
    ],
)  # fmt: skip
def test_an_aspect_asked_after_facts_is_a_knowledge_question(text, chosen, aspects, expected):
    assert reading(text, "inform", chosen, aspects=aspects) == (expected.split("/")[0], expected)


def test_a_yes_or_no_question_about_our_own_task_stays_an_answer():
    text = "is multilingual support something we need for our global clients"
    entities = [
        {"entity": "aspect", "value": "remote"},
        {"entity": "outsourced_function", "value": "customer_support"},
    ]
    message = parsed_message(text, "inform", 0.9, entities, "trends/remote_global")
    (result,) = QuestionOverAnswer({}).process([message])
    assert result.get("intent")["name"] == "inform"


def test_a_few_words_naming_one_of_them_and_an_aspect_read_unsurely_are_that_question():
    assert reading("ai impact on cc", "inform", "trends/ai_automation", ["call_center"],
                   ["ai"], confidence=0.35) == ("trends", "trends/ai_automation")  # fmt: skip
    # read surely as an answer, it stays one
    assert reading("ai impact on cc", "inform", "trends/ai_automation", ["call_center"],
                   ["ai"], confidence=0.9)[0] == "inform"  # fmt: skip
    # and a longer message needs a question's shape
    text = "we want the ai bits of our call center handled by someone outside the firm"
    assert reading(text, "inform", "trends/ai_automation", ["call_center"], ["ai"],
                   confidence=0.35)[0] == "inform"  # fmt: skip


def test_an_aspect_of_one_side_asked_without_a_side_stays_an_answer():
    text = "we sell appliances. what's good about handing the customer contact to specialists?"
    assert reading(text, "inform", "difference/similarities", aspects=["benefits"])[0] == "inform"


@pytest.mark.parametrize(
    "text, subjects",
    [
        ("about 40 people", []),  # an answer
        ("we're 40 people and need a call center for our phones", ["call_center"]),  # no question
        ("about 40 people?", []),  # asks, but about no subject
    ],
)
def test_answers_stay_answers(text, subjects):
    assert reading(text, "inform", "services/call_center", subjects)[0] == "inform"


def test_an_unsure_reading_of_a_question_about_a_subject_becomes_that_question():
    text = "we get swamped with calls about orders; what exactly would a call centre handle?"
    unsure = reading(text, "follow_up", "services/call_center", ["call_center"], confidence=0.49)
    assert unsure[0] == "services"
    sure = reading(text, "follow_up", "services/call_center", ["call_center"], confidence=0.9)
    assert sure[0] == "follow_up"  # the follow-up action decides with the previous answer


@pytest.mark.parametrize(
    "text, subjects, expected",
    [
        # what one of them can do, asked with facts about the company
        ("we're a 15 person dental office, can a call centre book appointments for us?",
         ["call_center"], "services"),
        # ... or what else it can do, said of it
        ("i have a small wine shop and im wondering what tasks a call centre could do for "
         "me", ["call_center"], "services"),
        ("our bakery needs someone on the phones. what work does a call centre usually "
         "handle", ["call_center"], "services"),
        ("product launch coming up, im wondering what a call centre would actually do for "
         "us", ["call_center"], "services"),
        # a choice between the two stays a request for the recommendation
        ("we're 12 people and the phone never stops, bpo or call center?",
         ["bpo", "call_center"], "request_recommendation"),
        ("we're 12 people, what else can we do? a bpo maybe?", ["bpo"],
         "request_recommendation"),
    ],
)  # fmt: skip
def test_a_request_that_asks_what_one_of_them_can_do(text, subjects, expected):
    found = reading(text, "request_recommendation", "services/call_center", subjects)
    assert found[0] == expected


def test_a_question_that_names_an_aspect_is_no_request_to_explain_the_recommendation():
    text = "if we hired a bpo, where would it usually be based?"
    assert reading(text, "explain_recommendation", "benefits/bpo", ["bpo"], ["locations"]) == (
        "services",
        "services/locations",
    )
    text = "we're reviewing how residents reach us. could you explain what a call center is?"
    assert reading(text, "explain_recommendation", "definition/call_center", ["call_center"]) == (
        "definition",
        "definition/call_center",
    )
    # "why would a bpo be better for us?" names no aspect: it stays the explanation
    assert reading("why would a bpo be better for us?", "explain_recommendation",
                   "benefits/bpo", ["bpo"])[0] == "explain_recommendation"  # fmt: skip


def test_a_question_that_names_an_aspect_is_no_request_for_the_recommendation():
    text = "what changes should we expect for bpo firms and call centers in the next years?"
    assert reading(
        text, "request_recommendation", "services/bpo", ["bpo", "call_center"], ["trends"]
    ) == ("trends", "trends/overview")
    # the benefits are part of the choice
    text = "we want the most benefits for the money, is a bpo our best bet?"
    assert reading(text, "request_recommendation", "benefits/bpo", ["bpo"], ["benefits"])[0] == (
        "request_recommendation"
    )


def test_a_definition_asked_in_words_keeps_its_topic():
    from bot.nlp.topic_cues import DEFINITION_ASKED

    text = "sorry, basic question: what means call center? in my country nobody says it"
    message = parsed_message(
        text, "explain_recommendation", 0.77,
        [{"entity": "subject", "value": "call_center"}, {"entity": "aspect", "value": "locations"}],
        "definition/call_center",
    )  # fmt: skip
    message.set(DEFINITION_ASKED, True)
    (result,) = QuestionOverAnswer({}).process([message])
    topic = result.get("response_selector")["default"]["response"]["intent_response_key"]
    assert topic == "definition/call_center"


@pytest.mark.parametrize(
    "text, expected",
    [
        # what one side brings, asked with facts about the company
        ("we're a mid-size bakery. what are the benefits of a bpo for a company like ours?",
         "benefits"),
        # the choice, with the benefits as its reason
        ("is a bpo our best bet for the benefits we want?", "request_recommendation"),
    ],
)  # fmt: skip
def test_what_one_side_brings_is_asked_of_it(text, expected):
    start = text.index("benefits")
    entities = [
        {"entity": "subject", "value": "bpo"},
        {"entity": "aspect", "value": "benefits", "start": start, "end": start + 8},
    ]
    message = parsed_message(text, "request_recommendation", 0.9, entities, "benefits/bpo")
    (result,) = QuestionOverAnswer({}).process([message])
    assert result.get("intent")["name"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("wat does bpo mean, saw it in a job ad for a company in manila", "definition"),
        ("what is a bpo? i need a cv for one", "definition"),
        ("what is bpo salary in manila", "out_of_scope"),
        ("my mum says i should apply at the call center in town. what even is a bpo", "definition"),
    ],
)
def test_what_one_of_them_is_asked_first_is_a_definition(text, expected):
    assert reading(text, "out_of_scope", "careers/bpo", ["bpo"])[0] == expected


@pytest.mark.parametrize(
    "text, subject, expected",
    [
        # what else the one named before can do
        ("i own a few pharmacies. i know a bpo can answer calls for us but what else can "
         "they do for a company like mine?", "bpo", "services"),
        # "they" are the visitor's own people
        ("our 3 receptionists are swamped, what else can they do? would a call center help?",
         "call center", "request_recommendation"),
    ],
)  # fmt: skip
def test_what_else_they_can_do_is_asked_of_the_one_named_before(text, subject, expected):
    start = text.index(subject)
    value = subject.replace(" ", "_")
    entities = [{"entity": "subject", "value": value, "start": start, "end": start + 3}]
    message = parsed_message(text, "request_recommendation", 0.9, entities, f"services/{value}")
    (result,) = QuestionOverAnswer({}).process([message])
    assert result.get("intent")["name"] == expected


@pytest.mark.parametrize(
    "text, aspects",
    [
        ("is mostly email and live chat from customers", ["channels"]),
        ("are mostly calls and emails", ["channels"]),
        ("we're 45 people, where most are drivers", ["locations"]),
        ("moderate, but where they're based matters", ["locations"]),
    ],
)
def test_answers_shaped_a_little_like_questions_stay_answers(text, aspects):
    assert reading(text, "inform", "difference/channels", aspects=aspects)[0] == "inform"


def test_a_negative_answer_in_a_few_words_is_no_question():
    assert reading("not a bpo, too expensive", "inform", "benefits/outsourcing_savings",
                   ["bpo"], ["savings"], confidence=0.4)[0] == "inform"  # fmt: skip


def test_an_aspect_named_in_the_story_before_the_request_leaves_the_request():
    text = (
        "we run a haulage firm of 150. the office works out which lorry goes where. want to "
        "hand some of that off, which kind of outsourcer fits us"
    )
    at = text.index("where")
    entities = [
        {"entity": "subject", "value": "bpo", "start": text.index("outsourcer"), "end": len(text)},
        {"entity": "aspect", "value": "locations", "start": at, "end": at + 5},
    ]
    message = parsed_message(text, "request_recommendation", 0.99, entities, "services/locations")
    (result,) = QuestionOverAnswer({}).process([message])
    assert result.get("intent")["name"] == "request_recommendation"
    # asked in the request itself, it is the question
    text = "if we hired a BPO, where would it be based?"
    at = text.index("where")
    entities = [
        {"entity": "subject", "value": "bpo", "start": 13, "end": 16},
        {"entity": "aspect", "value": "locations", "start": at, "end": at + 5},
    ]
    message = parsed_message(text, "request_recommendation", 0.99, entities, "services/locations")
    (result,) = QuestionOverAnswer({}).process([message])
    assert result.get("intent")["name"] == "services"


@pytest.mark.parametrize(
    "text, word, chosen, expected",
    [
        # asked in a sentence of its own before the story
        ("which work positions exist in bpo company? i am from nairobi and search my way",
         "work positions", "services/locations", "careers/bpo"),
        # pointed back to by the last sentence
        ("crm, ivr, rpa... which of these is for bpo??", "crm", "difference/technology",
         "difference/technology"),
    ],
)  # fmt: skip
def test_an_aspect_asked_about_before_the_last_sentence_is_the_question(
    text, word, chosen, expected
):
    at = text.index(word)
    aspect = {"careers/bpo": "careers"}.get(expected, "technology")
    entities = [
        {
            "entity": "subject",
            "value": "bpo",
            "start": text.index("bpo"),
            "end": text.index("bpo") + 3,
        },
        {"entity": "aspect", "value": aspect, "start": at, "end": at + len(word)},
    ]
    message = parsed_message(text, "request_recommendation", 0.98, entities, chosen)
    (result,) = QuestionOverAnswer({}).process([message])
    topic = result.get("response_selector")["default"]["response"]["intent_response_key"]
    assert (result.get("intent")["name"], topic) == (expected.split("/")[0], expected)


def test_an_aspect_asked_in_a_sentence_that_wants_to_know_is_the_question():
    text = "I want to hear about the career paths in a bpo. which one would suit me?"
    at = text.index("career")
    entities = [
        {
            "entity": "subject",
            "value": "bpo",
            "start": text.index("bpo"),
            "end": text.index("bpo") + 3,
        },
        {"entity": "aspect", "value": "careers", "start": at, "end": at + 12},
    ]
    message = parsed_message(text, "request_recommendation", 0.98, entities, "careers/bpo")
    (result,) = QuestionOverAnswer({}).process([message])
    assert result.get("intent")["name"] == "careers"


@pytest.mark.parametrize(
    "text, intent, tasks, expected",
    [
        ("could one outside firm do our wages, our accounts and fix our computers, all of it?",
         "request_recommendation", ["payroll", "accounting", "it_support"], "services/bpo"),
        ("can an outside company handle our customer calls?", "inform", ["customer_support"],
         "services/call_center"),
        # no task, or no outside firm asked about: left alone
        ("can an outside firm help us?", "request_recommendation", [], None),
        ("we want an outside firm to do our payroll", "request_recommendation", ["payroll"],
         None),
        # the choice asked for after it
        ("could an outside firm handle our calls? which model would you recommend?",
         "request_recommendation", ["customer_support"], None),
        # what handing work to an outside firm brings
        ("volumes swing a lot. whats good about handing finance, hr and support to one "
         "outside provider", "inform", ["accounting", "hr", "customer_support"], "benefits/bpo"),
        ("what's the advantage of giving our phone lines to an outside team", "inform",
         ["customer_support"], "benefits/call_center"),
    ],
)  # fmt: skip
def test_what_an_outside_firm_can_do_is_a_question_on_the_services(text, intent, tasks, expected):
    entities = [{"entity": "outsourced_function", "value": t} for t in tasks]
    message = parsed_message(text, intent, 0.9, entities, "choosing/overview")
    (result,) = QuestionOverAnswer({}).process([message])
    topic = result.get("response_selector")["default"]["response"]["intent_response_key"]
    if expected is None:
        assert result.get("intent")["name"] == intent and not result.get(CAPABILITY_ASKED)
        return
    assert (result.get("intent")["name"], topic) == (expected.split("/")[0], expected)
    assert result.get(CAPABILITY_ASKED)


def test_is_that_something_one_does_asks_what_it_does():
    text = (
        "we sell furniture online and need someone to take orders over the phone. is that "
        "something call centres do"
    )
    intent, topic = reading(
        text, "request_recommendation", "difference/similarities", ["call_center"], confidence=1.0
    )
    assert (intent, topic) == ("services", "services/call_center")


def test_would_one_have_better_jobs_stays_a_question_of_jobs():
    text = "we're 40 people, and would a bpo have better jobs for someone who studied hr at uni?"
    intent, topic = reading(
        text, "request_recommendation", "careers/bpo", ["bpo"], ["careers"], confidence=1.0
    )
    assert topic == "careers/bpo"


@pytest.mark.parametrize(
    "text, intent, chosen, subject, expected",
    [
        # something read or heard about one of them, checked: that question
        ("i read call centres also do telemarketing and take orders, is that right?",
         "request_recommendation", "services/call_center", "call_center",
         ("services", "services/call_center")),
        ("i read bpos also do logistics and analytics, not just customer service. is that "
         "right?", "inform", "services/bpo", "bpo", ("services", "services/bpo")),
        # ... its meaning checked: what it is
        ("i read a call centre is a place where staff handle customer contacts following a "
         "set script, is that the proper meaning?", "services", "services/call_center",
         "call_center", ("definition", "definition/call_center")),
        # ... not with the visitor's own business told
        ("i heard we could hand our orders to a call centre, is that right for us?",
         "request_recommendation", "services/call_center", "call_center",
         ("request_recommendation", "services/call_center")),
    ],
)  # fmt: skip
def test_a_claim_about_one_of_them_checked_is_a_knowledge_question(
    text, intent, chosen, subject, expected
):
    assert reading(text, intent, chosen, [subject]) == expected


def test_a_question_the_visitor_wants_answered_is_a_question():
    # (a price wanted is no question the answers hold)
    text = "we need to know what a bpo would cost us, we are 30 people"
    assert reading(text, "inform", "benefits/bpo", ["bpo"])[0] == "inform"
    # "trying to understand what ...": asked, without a question's first word
    text = ("i run a small chain of gyms, 4 sites and about 30 staff, and im trying to "
            "understand what services a call center actually offers")  # fmt: skip
    assert reading(text, "inform", "services/call_center", ["call_center"], ["services"]) == (
        "services",
        "services/call_center",
    )


def asked_of_these(text, word, subject):
    start = text.index(word)
    entities = [{"entity": "subject", "value": subject, "start": start, "end": start + len(word)}]
    message = parsed_message(text, "out_of_scope", 0.97, entities, f"careers/{subject}")
    (result,) = QuestionOverAnswer({}).process([message])
    return result.get("response_selector")["default"]["response"]["intent_response_key"]


def test_what_these_places_do_is_asked_of_the_one_named_before():
    text = ("my aunt got an offer from a call center in cebu and the family wants to know, "
            "what do these places actually do all day")  # fmt: skip
    assert asked_of_these(text, "call center", "call_center") == "services/call_center"
    # the one named after the question is no one pointed back to
    text = "what do they do all day at the call center near us"
    assert asked_of_these(text, "call center", "call_center") == "careers/call_center"


def test_an_aspect_the_visitor_would_like_to_know_of_the_one_named_is_asked():
    text = (
        "my finance director keeps pitching a bpo to the board and before i push back id like "
        "to know the genuine upsides of that model"
    )
    assert reading(text, "out_of_scope", "choosing/overview", ["bpo"], ["benefits"], 0.49) == (
        "benefits",
        "benefits/bpo",
    )
    # sure it is out of scope: it stays so
    assert reading(text, "out_of_scope", "choosing/overview", ["bpo"], ["benefits"], 0.9)[0] == (
        "out_of_scope"
    )


@pytest.mark.parametrize(
    "text, chosen, subjects",
    [
        ("we are 50 people, budget is flexible, we'd like to know whether a call center suits "
         "us", "careers/call_center", ["call_center"]),
        ("customer calls mostly, we want a call center to learn how our customers think",
         "benefits/call_center", ["call_center"]),
        ("we need to know our call center can cope with peaks, we're about 80 staff",
         "benefits/call_center", ["call_center"]),
        ("we'd like to hear from a call centre about pricing, we're 30 staff",
         "benefits/call_center", ["call_center"]),
        ("a call center to find out why customers cancel their subscriptions",
         "benefits/call_center", ["call_center"]),
    ],
)  # fmt: skip
def test_a_wish_told_in_an_answer_is_no_question(text, chosen, subjects):
    assert reading(text, "inform", chosen, subjects)[0] == "inform"


def test_what_they_do_about_something_else_stays_out_of_scope():
    text = "i got fired from a call center last week, what do they do with my unpaid wages"
    assert asked_of_these(text, "call center", "call_center") == "careers/call_center"


def test_what_about_in_texting_is_left_to_the_follow_up():
    assert reading("wat abt cc", "inform", "definition/call_center", ["call_center"])[0] == (
        "inform"
    )


def test_the_benefits_listed_after_a_story_are_the_benefits():
    text = (
        "we're a 400 person manufacturer, accounting and payroll are a mess. my boss asked me "
        "to list the benefits of going with a bpo for his meeting. what are they?"
    )
    entities = [
        {"entity": "aspect", "value": "benefits", "start": text.index("benefits"), "end": 0},
        {"entity": "subject", "value": "bpo", "start": text.index("bpo"), "end": 0},
    ]
    message = parsed_message(text, "request_recommendation", 0.99, entities, "benefits/bpo")
    (result,) = QuestionOverAnswer({}).process([message])
    assert result.get("intent")["name"] == "benefits"


def test_what_one_does_asked_last_after_a_story_read_as_out_of_scope_is_its_services():
    text = (
        "I'm the founder of a SaaS startup. Investors keep telling me to offload non core "
        "work. Which processes can a BPO take over?"
    )
    assert reading(text, "out_of_scope", "services/bpo", ["bpo"], confidence=0.88) == (
        "services",
        "services/bpo",
    )
    # (asked before a story of something else, it is not)
    other = "Which processes can a BPO take over? Also, what's the capital of Peru?"
    assert reading(other, "out_of_scope", "services/bpo", ["bpo"], confidence=0.88)[0] == (
        "out_of_scope"
    )


def test_jobs_a_subject_does_for_a_company_are_its_services_not_careers():
    text = "what jobs a call center do for the company, only answer questions?"
    assert (
        reading(
            text,
            "explain_recommendation",
            "services/call_center",
            ["call_center"],
            ["careers"],
            0.37,
        )[1]
        == "services/call_center"
    )


@pytest.mark.parametrize(
    "text, subject, expected",
    [
        ("can a bpo do payroll? my restaurant has 30 staff n its a pain", "bpo", "services/bpo"),
        # a question with no task named stays out of scope
        ("can a bpo help? my restaurant has 30 staff n its a pain", "bpo", "definition/bpo"),
    ],
)
def test_what_one_can_do_asked_first_then_a_story_is_what_it_does(text, subject, expected):
    entities = [{"entity": "subject", "value": subject, "start": 6, "end": 9}]
    if "payroll" in text:
        start = text.index("payroll")
        entities.append(
            {"entity": "outsourced_function", "value": "payroll", "start": start, "end": start + 7}
        )
    message = parsed_message(text, "out_of_scope", 0.8, entities, "definition/bpo")
    (result,) = QuestionOverAnswer({}).process([message])
    assert result.get("response_selector")["default"]["response"]["intent_response_key"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In which regions are BPO providers predominantly located? Our procurement policy "
         "requires us to document the geographic footprint of potential vendors.",
         "services/locations"),
        # one firm, or a job, asked of: not ours
        ("where is the best bpo in manila? i need a job there asap", "careers/bpo"),
    ],
)  # fmt: skip
def test_an_aspect_asked_first_then_why_is_that_aspect(text, expected):
    start = text.lower().index("bpo")
    entities = [{"entity": "subject", "value": "bpo", "start": start, "end": start + 3}]
    word = "located" if "located" in text else "where"
    at = text.index(word)
    entities.append({"entity": "aspect", "value": "locations", "start": at, "end": at + len(word)})
    message = parsed_message(text, "out_of_scope", 0.6, entities, "careers/bpo")
    (result,) = QuestionOverAnswer({}).process([message])
    assert result.get("response_selector")["default"]["response"]["intent_response_key"] == expected
