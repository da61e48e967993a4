"""Knowledge questions shaped like follow-ups go to the follow-up action; questions
of their own stay knowledge questions."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.follow_up_shape import FollowUpShape


def message(text, topic, subjects=(), intent=None):
    entities = []
    for value, words in subjects:
        start = text.index(words)
        entities.append(
            {"entity": "subject", "value": value, "start": start, "end": start + len(words)}
        )
    name = intent or topic.split("/")[0]
    return Message(
        data={
            "text": text,
            "entities": entities,
            "intent": {"name": name, "confidence": 0.8},
            "intent_ranking": [
                {"name": name, "confidence": 0.8},
                {"name": "out_of_scope", "confidence": 0.2},
            ],
            "response_selector": {
                "default": {"response": {"intent_response_key": topic, "confidence": 0.7}}
            },
        }
    )


def intent_after(msg):
    (result,) = FollowUpShape({}).process([msg])
    return result.get("intent")["name"], [r["name"] for r in result.get("intent_ranking")]


def flagged(msg) -> bool:
    (result,) = FollowUpShape({}).process([msg])
    return any(e["entity"] == "follow_up_shape" for e in result.get("entities"))


@pytest.mark.parametrize(
    "text, topic, subjects",
    [
        ("what services", "services/bpo", ()),
        ("how do i build a career there", "careers/call_center", ()),
        ("could i make a career in one", "careers/call_center", ()),
        ("and the perks?", "benefits/bpo", ()),
        ("why would i use one, whats the upside", "benefits/bpo", ()),
        ("bpo?", "definition/bpo", [("bpo", "bpo")]),
        # the subject named with a word for the firms or the people in them
        (
            "how about business process outsourcing firms",
            "benefits/bpo",
            [("bpo", "business process outsourcing")],
        ),
        ("what about the bpo guys", "benefits/bpo", [("bpo", "bpo")]),
        ("and call center's?", "trends/ai_automation", [("call_center", "call center")]),
        (
            "and of a firm that runs whole back offices?",
            "definition/bpo",
            [("bpo", "firm that runs whole back offices")],
        ),
        (
            "and what about call centres?",
            "definition/call_center",
            [("call_center", "call centres")],
        ),
        ("compared to a bpo's services tho?", "services/bpo", [("bpo", "bpo")]),
    ],
)
def test_follow_up_shapes_keep_their_topic_and_are_flagged(text, topic, subjects):
    msg = message(text, topic, subjects)
    assert flagged(msg)
    # /model/parse still reports the knowledge intent and topic (the contract)
    assert msg.get("intent")["name"] == topic.split("/")[0]
    assert msg.get("response_selector")["default"]["response"]["intent_response_key"] == topic


@pytest.mark.parametrize(
    "text, topic, subjects",
    [
        ("what roles does a bpo hire for", "careers/bpo", [("bpo", "bpo")]),
        ("tech differences", "difference/technology", ()),  # about both: needs no subject
        ("what are the benefits of hiring a call center for a clinic", "benefits/call_center",
         [("call_center", "call center")]),
        ("what kind of company is a bpo", "definition/bpo", [("bpo", "bpo")]),
        ("should a small clinic use one of the big outsourcing firms for payroll",
         "benefits/bpo", ()),
        ("whats good about giving one outside firm our accounting, hr and it support",
         "benefits/bpo", ()),
        ("compared to other options, is a bpo good value", "benefits/bpo", [("bpo", "bpo")]),
        # (the "'s" of "what's" is a question of its own, not a plural)
        ("so what's a bpo?", "definition/bpo", [("bpo", "bpo")]),
    ],
)  # fmt: skip
def test_questions_of_their_own_stay_knowledge_questions(text, topic, subjects):
    msg = message(text, topic, subjects)
    assert not flagged(msg)
    assert msg.get("intent")["name"] == topic.split("/")[0]


def test_a_message_nlu_did_not_take_for_a_knowledge_question_is_left_alone():
    intent, _ = intent_after(message("what services", "services/bpo", intent="help"))
    assert intent == "help"


@pytest.mark.parametrize(
    "text, aspects, expected",
    [
        ("what about structure", ["structure"], "follow_up"),
        ("what can it do for me", ["services"], "follow_up"),
        ("what can you do for me", ["services"], "help"),
        ("what do you know about", [], "help"),
        ("menu", [], "help"),
        # what the previous answer said, asked about
        ("whats a dialer, you mentioned it earlier", ["technology"], "follow_up"),
        ("you talked about nearshoring, what is that", ["remote"], "follow_up"),
    ],
)
def test_a_question_on_an_aspect_is_not_a_request_for_help(text, aspects, expected):
    msg = message(text, "services/bpo", intent="help")
    msg.set("entities", [{"entity": "aspect", "value": a} for a in aspects])
    intent, _ = intent_after(msg)
    assert intent == expected


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("also for bpo please", "affirm", "follow_up"),
        ("kk and bpo", "affirm", "follow_up"),
        ("how about the bpo side of things", "benefits", "follow_up"),
        ("bpo as well?", "benefits", "follow_up"),
        ("and the outsourcing one, bpo", "difference", "follow_up"),
        ("whats the bpo equivalent", "benefits", "follow_up"),
        ("bpo", "request_recommendation", "request_recommendation"),
    ],
)
def test_a_bare_subject_is_a_follow_up_whatever_nlu_took_it_for(text, intent, expected):
    msg = message(text, "definition/bpo", [("bpo", "bpo")], intent=intent)
    assert intent_after(msg)[0] == expected


def test_the_other_subject_compared_is_a_follow_up():
    for text, name in (("vs a bpo?", "bpo"), ("compared to bpos?", "bpos")):
        msg = message(text, "definition/bpo", [("bpo", name)])
        difference = {"entity": "aspect", "value": "difference", "start": 0, "end": 2}
        msg.set("entities", [*msg.get("entities"), difference])
        assert flagged(msg)
    # ... not a question of its own about the difference
    msg = message("what's the difference to a bpo?", "difference/overview", [("bpo", "bpo")])
    assert not flagged(msg)


@pytest.mark.parametrize(
    "text, name",
    [("which one is a bpo?", "bpo"), ("so which of those is the call centre", "call centre")],
)
def test_which_of_those_just_named_is_one_of_them_is_a_follow_up(text, name):
    assert flagged(
        message(text, "definition/bpo", [("bpo" if "bpo" in name else "call_center", name)])
    )


def test_the_form_answer_models_reading_of_a_bare_subject_is_no_other_entity():
    msg = message("and the bpo?", "definition/bpo", [("bpo", "bpo")], intent="definition")
    model = {"entity": "outsourced_function", "value": "customer_support", "start": 0, "end": 12}
    msg.set("entities", [*msg.get("entities"), {**model, "extractor": "FormAnswerClassifier"}])
    assert flagged(msg)


@pytest.mark.parametrize(
    "text, intent, aspects, expected",
    [
        ("what's the highest you can go?", "help", ["careers"], "follow_up"),
        ("are they going to be replaced by robots", "bot_challenge", ["ai"], "follow_up"),
        ("are you a robot?", "bot_challenge", ["ai"], "bot_challenge"),
        ("what can you do for me", "help", ["services"], "help"),
        # a command's reading, without the command's words
        ("skills needed to start?", "restart", ["careers"], "follow_up"),
        ("could i work there as an accountant", "human_handoff", ["careers"], "follow_up"),
        ("tell me more about the ai part", "stop", ["ai"], "follow_up"),
        ("how high can i climb from operator", "human_handoff", ["careers"], "follow_up"),
        ("stop telling me about ai", "stop", ["ai"], "stop"),
        ("can i talk to someone about careers?", "human_handoff", ["careers"], "human_handoff"),
        ("start over?", "restart", [], "restart"),
        # small talk's reading of a question that points back
        ("will robots replace their agents", "goodbye", ["ai"], "follow_up"),
        ("bye, their careers were interesting", "goodbye", ["careers"], "goodbye"),
        ("is automation going to replace that role", "goodbye", ["ai"], "follow_up"),
        ("thanks, that ai part was interesting", "thank", ["ai"], "thank"),
    ],
)
def test_you_and_they_in_a_question_on_an_aspect(text, intent, aspects, expected):
    msg = message(text, "careers/bpo", intent=intent)
    msg.set("entities", [{"entity": "aspect", "value": a} for a in aspects])
    assert intent_after(msg)[0] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("which of those does a bpo cover vs a call center", True),
        ("so which one does a call centre cover, and a bpo?", False),
        ("what does a bpo cover compared with a call center", False),
    ],
)
def test_subjects_placed_in_the_previous_answer_are_a_follow_up(text, expected):
    msg = message(text, "difference/services", [("bpo", "bpo"), ("call_center", "call cent")])
    assert flagged(msg) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ok and how does that compare with a call center", True),
        ("is this different at a call center?", True),
        ("how does a call center compare", False),
        ("and is it tougher in a call centre?", True),
        ("and call centers, what do those take on", True),
        ("is it cheaper at a call center or a bpo", False),
    ],
)
def test_the_previous_answer_set_against_a_subject_is_a_follow_up(text, expected):
    msg = message(text, "difference/overview", [("call_center", "call cent")])
    assert flagged(msg) is expected
    # ... read as that subject's own answer, it is that answer
    own = message("and what is a call center exactly", "definition/call_center",
                  [("call_center", "call cent")])  # fmt: skip
    assert flagged(own) is False


@pytest.mark.parametrize(
    "text, intent, task, expected",
    [
        # the previous answer, asked of someone else
        ("does that still hold for a one-man band as well", "out_of_scope", False, "follow_up"),
        ("is this true for small charities too?", "nlu_fallback", False, "follow_up"),
        # whether the ones just named take on a task
        ("could they also handle the wages for my 12 staff", "out_of_scope", True, "follow_up"),
        ("could they sort my tax return", "out_of_scope", False, "out_of_scope"),
        ("does that mean anything to you", "out_of_scope", False, "out_of_scope"),
        # why the one just named is good, or what it even is
        ("hmm why are they so popular", "out_of_scope", False, "follow_up"),
        ("sorry, what exactly is it", "nlu_fallback", False, "follow_up"),
        ("what is it like outside today", "out_of_scope", False, "out_of_scope"),
    ],
)
def test_a_question_about_the_previous_answer_read_as_out_of_scope_is_a_follow_up(
    text, intent, task, expected
):
    msg = message(text, "definition/bpo", intent=intent)
    if task:
        msg.set("entities", [{"entity": "outsourced_function", "value": "payroll"}])
    assert intent_after(msg)[0] == expected


def test_you_said_first_is_about_the_answer_just_given():
    for text, topic, intent, follow_up in [
        ("you said scalable, how", "benefits/bpo", "out_of_scope", True),
        ("u mentioned omnichannel, what is it", "definition/bpo", "definition", True),
        ("you said recommend, so recommend one", "benefits/bpo", "request_recommendation", False),
        # something else asked
        ("you said chat, can i chat with an agent", "benefits/bpo", "out_of_scope", False),
        ("you said it support, can you fix my laptop", "benefits/bpo", "out_of_scope", False),
    ]:
        msg = message(text, topic, intent=intent)
        assert FollowUpShape({}).is_follow_up(msg) is follow_up, text


@pytest.mark.parametrize("text", ["for small firms?", "and for large enterprises?"])
def test_a_kind_of_business_alone_read_unsurely_is_a_follow_up(text):
    msg = message(text, "definition/bpo", intent="follow_up")
    msg.set("intent", {"name": "follow_up", "confidence": 0.5})
    msg.set("entities", [{"entity": "company_size", "value": "small"}])
    assert intent_after(msg)[0] == "follow_up"
    (result,) = FollowUpShape({}).process([msg])
    assert result.get("intent")["confidence"] >= 0.55  # above the fallback's threshold


@pytest.mark.parametrize(
    "text, intent, topic, entities",
    [
        ("why good?", "out_of_scope", "benefits/bpo", []),
        ("vs cc?", "out_of_scope", "definition/call_center", [("subject", "call_center")]),
        # "n" for "and" reads like "no"; "sorry" like a greeting
        ("n technology?", "deny", "difference/technology", [("aspect", "technology")]),
        # ... with no question mark
        ("n structre", "deny", "difference/structure", [("aspect", "structure")]),
        ("n vice versa", "deny", "trends/ai_automation", [("aspect", "relationship")]),
        ("sorry back up, what even is it", "greet", "definition/call_center",
         [("aspect", "definition")]),
        ("remind me what one is exactly", "out_of_scope", "definition/call_center", []),
        # "someone" is the job seeker, not a person to talk to
        ("how far can someone progress starting as an operator there", "human_handoff",
         "careers/call_center", [("aspect", "careers")]),
    ],
)  # fmt: skip
def test_short_and_personal_follow_ups_whatever_nlu_took_them_for(text, intent, topic, entities):
    msg = message(text, topic, intent=intent)
    msg.set("entities", [{"entity": e, "value": v, "start": 0, "end": 0} for e, v in entities])
    assert intent_after(msg)[0] == "follow_up"


def test_a_person_to_talk_to_is_no_follow_up():
    msg = message(
        "can i talk to someone about careers there", "careers/bpo", intent="human_handoff"
    )
    msg.set("entities", [{"entity": "aspect", "value": "careers", "start": 0, "end": 0}])
    assert intent_after(msg)[0] == "human_handoff"


@pytest.mark.parametrize("text, intent", [("no", "deny"), ("yes please", "affirm")])
def test_a_bare_yes_or_no_is_no_follow_up(text, intent):
    assert intent_after(message(text, "definition/bpo", intent=intent))[0] == intent


@pytest.mark.parametrize(
    "text, intent, entities, expected",
    [
        # a question on the jobs is no request for the recommendation ("need")
        ("what skills do u need to start out", "request_recommendation",
         [{"entity": "aspect", "value": "careers"}], "follow_up"),
        ("what skills do u need, we're 40 people", "request_recommendation",
         [{"entity": "aspect", "value": "careers"}, {"entity": "company_size", "value": "small"}],
         "request_recommendation"),
        ("which one do we need?", "request_recommendation", [], "request_recommendation"),
        # an answer that asks on about an aspect
        ("and outbound, like ringing people up to sell stuff?", "inform",
         [{"entity": "aspect", "value": "services"},
          {"entity": "outsourced_function", "value": "sales",
           "extractor": "FormAnswerClassifier"}], "follow_up"),
        # a task named exactly is added to the answer
        ("and the social media messages?", "inform",
         [{"entity": "aspect", "value": "channels"},
          {"entity": "outsourced_function", "value": "customer_support",
           "extractor": "SpacyEntityExtractor"}], "inform"),
        ("and outbound sales", "inform",
         [{"entity": "aspect", "value": "services"},
          {"entity": "outsourced_function", "value": "sales"}], "inform"),
        ("and payroll?", "inform", [{"entity": "outsourced_function", "value": "payroll"}],
         "inform"),
    ],
)  # fmt: skip
def test_questions_read_as_a_request_or_an_answer(text, intent, entities, expected):
    msg = message(text, "careers/call_center", intent=intent)
    msg.set("entities", entities)
    assert intent_after(msg)[0] == expected


def test_a_company_asking_what_to_outsource_is_no_question_on_the_jobs():
    text = "tree surgeon company, we climb and fell trees. any advice on what to outsource to?"
    msg = message(text, "choosing/overview", intent="request_recommendation")
    msg.set("entities", [{"entity": "aspect", "value": "careers"}])
    assert intent_after(msg)[0] == "request_recommendation"


@pytest.mark.parametrize(
    "text, intent, aspects, expected",
    [
        ("what trends should i keep an eye on in this space", "out_of_scope", ["trends"],
         "follow_up"),
        ("what's the weather like in this space", "out_of_scope", [], "out_of_scope"),
        ("what's the typical salary in this industry", "out_of_scope", ["careers", "near_domain"],
         "out_of_scope"),
        ("sorry, back up, what is one actually", "definition", ["definition"], None),
    ],
)  # fmt: skip
def test_questions_that_point_at_the_field_or_at_one_of_the_two(text, intent, aspects, expected):
    msg = message(text, "definition/bpo" if intent == "definition" else "trends/overview",
                  intent=intent)  # fmt: skip
    msg.set(
        "entities",
        [
            {"entity": "near_domain" if a == "near_domain" else "aspect", "value": a}
            for a in aspects
        ],
    )
    if expected is None:
        assert flagged(msg)  # a knowledge question keeps its intent, flagged as a follow-up
        return
    assert intent_after(msg)[0] == expected


@pytest.mark.parametrize(
    "text, aspects, expected",
    [
        ("actually no need for a recommendation, just tell me what they have in common",
         ["similarities"], "follow_up"),
        ("i don't need a recommendation, what are the costs like", ["savings"], "follow_up"),
        ("no need for a recommendation", [], "request_recommendation"),
        ("i need a recommendation on the costs", ["savings"], "request_recommendation"),
    ],
)  # fmt: skip
def test_a_recommendation_declined_with_a_question_is_the_question(text, aspects, expected):
    msg = message(text, "difference/similarities", intent="request_recommendation")
    msg.set("entities", [{"entity": "aspect", "value": a} for a in aspects])
    assert intent_after(msg)[0] == expected


@pytest.mark.parametrize(
    "text, flagged_as_follow_up",
    [
        ("sorry, back up, what is one actually", True),
        ("what is one thing to watch out for when outsourcing", False),
    ],
)
def test_what_is_one_points_back_only_alone(text, flagged_as_follow_up):
    from bot.nlp.follow_up_shape import _POINTING_BACK

    assert bool(_POINTING_BACK.search(text)) == flagged_as_follow_up


def test_the_other_sides_equivalent_is_a_follow_up():
    for text in ("whats the bpo equivalent", "and what's the bpo version?"):
        assert flagged(message(text, "careers/bpo", [("bpo", "bpo")]))


def test_the_other_subject_first_then_a_story_is_a_follow_up_when_nlu_is_unsure():
    text = "and a call centre, in the same simple words please, my dad runs a corner shop"
    msg = message(text, "difference/overview", [("call_center", "call centre")], "out_of_scope")
    msg.set("intent", {"name": "out_of_scope", "confidence": 0.58})
    assert intent_after(msg)[0] == "follow_up"
    msg = message(text, "difference/overview", [("call_center", "call centre")], "out_of_scope")
    msg.set("intent", {"name": "out_of_scope", "confidence": 0.95})
    assert intent_after(msg)[0] == "out_of_scope"


def test_what_one_is_alone_is_no_follow_up():
    assert not flagged(message("whats a call center", "definition/call_center",
                               [("call_center", "call center")]))  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "for small biz?",
        "and mid-size businesses?",
        "is that true for small firms too",
        "for startups?",
        "what about for small companies, still worth it?",
    ],
)
def test_a_size_of_business_alone_read_unsurely_is_a_follow_up(text):
    msg = message(text, "definition/call_center", (), "nlu_fallback")
    assert intent_after(msg)[0] == "follow_up"


@pytest.mark.parametrize("intent, confidence", [("follow_up", 0.55), ("out_of_scope", 0.9)])
def test_what_a_word_has_to_do_with_the_answer_is_a_sure_follow_up(intent, confidence):
    msg = message("what has budget got to do with it", "choosing/overview", (), intent)
    msg.set("intent", {"name": intent, "confidence": confidence})
    (result,) = FollowUpShape({}).process([msg])
    assert result.get("intent")["name"] == "follow_up"
    assert result.get("intent")["confidence"] >= FollowUpShape.get_default_config()["sure_from"]


@pytest.mark.parametrize("intent", ["nlu_fallback", "out_of_scope"])
def test_an_example_asked_for_is_one_of_the_answer_just_given(intent):
    msg = message("can you give me an example?", "services/bpo", intent=intent)
    msg.set("intent", {"name": intent, "confidence": 0.3})
    (result,) = FollowUpShape({}).process([msg])
    assert result.get("intent")["name"] == "follow_up"
    assert result.get("intent")["confidence"] >= 0.6  # past NLU's fallback threshold
    # an example of something else is no follow-up
    other = message("can you give me an example of a cover letter", "careers/bpo", intent=intent)
    assert intent_after(other)[0] == intent


@pytest.mark.parametrize(
    "text", ["can you give me some examples?", "could u give examples", "give a few examples pls"]
)
def test_an_example_asked_for_read_as_a_request_for_help_is_a_follow_up(text):
    # (with nothing answered before, the follow-up action lists what can be asked)
    msg = message(text, "services/bpo", intent="help")
    assert intent_after(msg)[0] == "follow_up"


def test_what_you_can_grow_into_is_asked_of_the_jobs_not_of_the_assistant():
    msg = message("what can u move up to", "trends/overview", intent="help")
    msg.set("entities", [{"entity": "aspect", "value": "careers", "start": 11, "end": 20}])
    assert intent_after(msg)[0] == "follow_up"
    msg = message("what can you do", "trends/overview", intent="help")
    assert intent_after(msg)[0] == "help"


def test_and_no_with_an_aspect_is_no_follow_up():
    msg = message("and no chat", "difference/channels", intent="deny")
    msg.set("entities", [{"entity": "aspect", "value": "channels", "start": 7, "end": 11}])
    assert intent_after(msg)[0] == "deny"


@pytest.mark.parametrize(
    "text, words",
    [
        ("is the same true for call centers", "call centers"),
        ("does that also apply to a bpo?", "bpo"),
    ],
)
def test_the_previous_answer_asked_of_the_other_subject_is_a_follow_up(text, words):
    value = "bpo" if words == "bpo" else "call_center"
    assert flagged(message(text, "difference/overview", [(value, words)]))


@pytest.mark.parametrize(
    "text, topic, subject",
    [
        ("how's that diff from a bpo's services", "trends/ai_automation", ("bpo", "bpo")),
        (
            "how does that compare to call centres",
            "definition/bpo",
            ("call_center", "call centres"),
        ),
        ("vs what a call center does?", "services/call_center", ("call_center", "call center")),
    ],
)
def test_the_previous_answer_set_against_one_named_is_a_follow_up(text, topic, subject):
    assert flagged(message(text, topic, [subject]))


@pytest.mark.parametrize("text", ["front/back office wise?", "and tech wise", "cost-wise then?"])
def test_an_aspect_said_with_wise_is_a_follow_up(text):
    assert flagged(message(text, "definition/front_back_office"))


@pytest.mark.parametrize("text", ["why do companies do it", "why would anyone use one at all"])
def test_why_others_do_it_taken_for_out_of_scope_is_a_follow_up(text):
    msg = message(text, "benefits/outsourcing_savings", intent="out_of_scope")
    assert intent_after(msg)[0] == "follow_up"


def test_when_it_makes_sense_taken_for_out_of_scope_is_a_follow_up():
    msg = message("ok but when is one worth it", "definition/bpo", intent="out_of_scope")
    assert intent_after(msg)[0] == "follow_up"
