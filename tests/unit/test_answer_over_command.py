"""An answer to the form is not taken for a command to stop."""

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.answer_over_command import AnswerOverCommand
from bot.nlp.base import HELD_BACK
from bot.nlp.form_answers import STATED_ANSWER
from bot.nlp.topic_cues import DEFINITION_ASKED
from tests.unit.conftest import parsed_message


def intent_after(text, intent, entities, stated=False):
    """`stated`: the form-answer model flagged a sure statement of an answer."""
    message = Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": 0.6},
            "intent_ranking": [{"name": intent, "confidence": 0.6}],
            "entities": entities,
            **({STATED_ANSWER: True} if stated else {}),
        }
    )
    (result,) = AnswerOverCommand({}).process([message])
    return result.get("intent")["name"]


RULER = {"extractor": "SpacyEntityExtractor"}
MODEL = {"extractor": "FormAnswerClassifier", "confidence": 0.7}


@pytest.mark.parametrize(
    "text, intent, entity, expected",
    [
        ("answering pt questions on the phone", "stop", {"entity": "outsourced_function", **RULER},
         "inform"),
        ("about 40 of us, that's it", "goodbye", {"entity": "company_size", **MODEL}, "inform"),
        ("stop, we only need payroll", "stop", {"entity": "outsourced_function", **RULER}, "stop"),
        ("no more questions about our books", "stop", {"entity": "outsourced_function", **MODEL},
         "stop"),
        ("enough questions", "stop", None, "stop"),
        ("answering member questions", "stop", {"entity": "outsourced_function", **MODEL},
         "inform"),
        ("i'm done with this", "stop", {"entity": "outsourced_function", **MODEL}, "stop"),
        ("payroll", "affirm", {"entity": "outsourced_function", **RULER}, "affirm"),
        # a follow-up's reading of an exact answer, with nothing to follow up on
        ("can spend a lot if it works", "follow_up", {"entity": "budget", **RULER}, "inform"),
        ("and payroll?", "follow_up", {"entity": "outsourced_function", **RULER}, "follow_up"),
        # someone to do a task is no request for a person
        ("i want someone else to do the books", "human_handoff",
         {"entity": "outsourced_function", "confidence": 0.96, "extractor": "FormAnswerClassifier"},
         "inform"),
        ("can i talk to a person about payroll", "human_handoff",
         {"entity": "outsourced_function", **RULER}, "human_handoff"),
        ("get me a human", "human_handoff", None, "human_handoff"),
        ("can someone contact me about our payroll", "human_handoff",
         {"entity": "outsourced_function", **RULER}, "human_handoff"),
        # the words of a task, not of a person to talk to
        ("handling our contact center", "human_handoff",
         {"entity": "outsourced_function", **RULER}, "inform"),
        ("we need an agent to answer customer calls", "human_handoff",
         {"entity": "outsourced_function", **RULER}, "inform"),
        ("dunno, maybe another time", "stop", None, "stop"),
        # not knowing is an answer (the budget's "not sure"), not a refusal
        ("I could not say at this stage", "stop", None, "inform"),
        ("i really couldn't say", "deny", None, "inform"),
        ("no idea, let's stop here", "stop", None, "stop"),
        ("honestly not sure, we'll see how it goes", "goodbye", None, "inform"),
        ("not sure, bye", "goodbye", None, "goodbye"),
        ("not sure, see you", "goodbye", None, "goodbye"),
        ("i don't know, talk later", "goodbye", None, "goodbye"),
        # "enough" of a size is no command
        ("large enough that i don't know the exact headcount", "stop", None, "inform"),
        ("ok that's enough, no idea anyway", "stop", None, "stop"),
        ("I'd rather not say", "stop", None, "stop"),
        ("not decided, my boss will tell me", "request_recommendation", None, "inform"),
        ("not sure, what would you recommend?", "request_recommendation", None,
         "request_recommendation"),
        ("i need to outsource something but no idea what model", "request_recommendation", None,
         "request_recommendation"),
        ("i'm not sure what's normal for this kind of thing", "stop", None, "inform"),
        ("not sure what kind of partner we need", "request_recommendation", None,
         "request_recommendation"),
        # not knowing what to spend, read as a request for help or out of scope
        ("I don't know what's realistic for this", "help", None, "inform"),
        ("no idea what is realistic", "out_of_scope", None, "inform"),
        ("dunno how much to spend on it", "help", None, "inform"),
        ("not a clue tbh, what do such services normally cost?", "nlu_fallback", None, "inform"),
        ("i don't know what you can do", "help", None, "help"),
        ("no idea what is realistic, what do you suggest?", "help", None, "help"),
        ("i don't know what to ask", "help", None, "help"),
        ("not sure what is reasonable pay for agents in manila", "out_of_scope", None,
         "out_of_scope"),
        ("no idea what to expect, how does this work", "out_of_scope", None, "out_of_scope"),
        # ... or as a follow-up about the savings
        ("no idea tbh what that would cost", "follow_up", None, "inform"),
        ("not sure what it'll cost", "follow_up", None, "inform"),
        ("what would that cost", "follow_up", None, "follow_up"),
        ("no idea what that would cost, is it per agent?", "follow_up", None, "follow_up"),
    ],
)  # fmt: skip
def test_an_answer_is_not_a_command(text, intent, entity, expected):
    assert intent_after(text, intent, [entity] if entity else []) == expected


def torn(text, entities, top=0.55, inform=0.45):
    ranking = [{"name": "definition", "confidence": top}, {"name": "inform", "confidence": inform}]
    message = parsed_message(text, "definition", top, entities, "definition/call_center", ranking)
    (result,) = AnswerOverCommand({}).process([message])
    return result.get("intent")["name"]


TASK = {"entity": "outsourced_function", "value": "order_taking", **RULER}
SUBJECT = {"entity": "subject", "value": "call_center", **RULER}


@pytest.mark.parametrize(
    "text, entities, top, expected",
    [
        ("handling the calls where customers place orders", [TASK], 0.55, "inform"),
        ("what is order taking in a call center?", [TASK, SUBJECT], 0.55, "definition"),
        ("explain order taking", [TASK], 0.55, "definition"),
        ("handling the calls where customers place orders", [TASK], 0.9, "definition"),
        ("handling the calls where customers place orders", [], 0.55, "definition"),
        # a correction, however surely read as a question
        (
            "apologies, I was wrong: we only want the calls where customers place orders",
            [TASK],
            0.93,
            "inform",
        ),
        # ... not a question that says "actually"
        (
            "ppl keep saying 'back office work', what actually counts as back office",
            [TASK],
            0.93,
            "definition",
        ),
        # ... nor a correction that asks ("sorry, i meant: do they ...")
        (
            "sorry, i was wrong, do they only take the calls where customers place orders",
            [TASK],
            0.93,
            "definition",
        ),  # ... a correction that drops its subject still tells
        (
            "apologies, I was wrong. would only like the calls where customers place orders",
            [TASK],
            0.93,
            "inform",
        ),
        # a count corrected, read as a question of what the office is
        (
            "oh wait were actually 350 i only counted the head office",
            [
                {
                    "entity": "company_size",
                    "value": "large",
                    "extractor": "FormAnswerClassifier",
                    "confidence": 0.9,
                }
            ],
            0.66,
            "inform",
        ),
        ("oh wait, what is a bpo actually", [SUBJECT], 0.66, "definition"),
        # who is wanted for the work, read as a question of what one does
        ("someone to handle customer calls when we are closed", [TASK], 0.72, "inform"),
        ("someone to handle customer calls when we are closed", [], 0.72, "definition"),
    ],
)
def test_a_task_described_while_nlu_is_torn_is_an_answer(text, entities, top, expected):
    assert torn(text, entities, top) == expected


def test_a_definition_asked_while_nlu_is_torn_is_no_answer():
    """ "our tutor said frontoffice and backoffice, explain both terms": what the terms mean,
    though "admin" in the story reads as a task."""
    text = (
        "im doing business admin and our tutor said frontoffice and backoffice, explain both terms"
    )
    ranking = [{"name": "definition", "confidence": 0.52}, {"name": "inform", "confidence": 0.45}]
    task = {"entity": "outsourced_function", "value": "administration", **RULER}
    message = parsed_message(
        text, "definition", 0.52, [task], "definition/front_back_office", ranking
    )
    message.set(DEFINITION_ASKED, True)
    (result,) = AnswerOverCommand({}).process([message])
    assert result.get("intent")["name"] == "definition"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("hold on, I added zeros there, we're 50 employees", "inform"),
        ("hmm, make that 270 employees, i forgot the kitchen staff", "inform"),
        ("how do i hire 50 employees fast", "out_of_scope"),
        # a head count corrected, without a word of one's own company
        ("wrong figure earlier, 120", "inform"),
        ("oops i typed 900, it is 90", "inform"),
    ],
)
def test_an_own_head_count_read_as_out_of_scope_is_an_answer(text, expected):
    size = {"entity": "company_size", "value": "medium", "extractor": "FormAnswerClassifier"}
    assert intent_after(text, "out_of_scope", [size]) == expected


def test_a_task_the_model_is_sure_of_is_no_command():
    sure = {
        "entity": "outsourced_function",
        "extractor": "FormAnswerClassifier",
        "confidence": 0.99,
    }
    assert intent_after("answering pt questions on the phone", "stop", [sure]) == "inform"


def test_a_task_stated_surely_is_an_answer_whatever_the_intent():
    """FormAnswerClassifier marks a statement of a task it reads surely ("a phone line
    where people can order pizza", read as a services question)."""
    from bot.nlp.form_answers import STATED_ANSWER

    task = {"entity": "outsourced_function", "value": "order_taking", **MODEL}
    message = parsed_message(
        "a phone line where people can order pizza", "services", 0.92, [task],
        "services/call_center",
    )  # fmt: skip
    message.set(STATED_ANSWER, True)
    (result,) = AnswerOverCommand({}).process([message])
    assert result.get("intent")["name"] == "inform"
    unmarked = parsed_message(
        "a phone line where people can order pizza", "services", 0.92, [task],
        "services/call_center",
    )  # fmt: skip
    (result,) = AnswerOverCommand({}).process([unmarked])
    assert result.get("intent")["name"] == "services"


def test_a_budget_stated_surely_is_an_answer_even_read_as_a_follow_up():
    from bot.nlp.form_answers import STATED_ANSWER

    budget = {"entity": "budget", "value": "tight", **MODEL}
    message = parsed_message("we'd like to keep it cheap", "follow_up", 0.88, [budget])
    message.set(STATED_ANSWER, True)
    (result,) = AnswerOverCommand({}).process([message])
    assert result.get("intent")["name"] == "inform"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("oh and could you put payroll on the list as well", "inform"),
        ("what does payroll cost in poland", "out_of_scope"),  # no task added
    ],
)
def test_an_exact_task_added_read_as_out_of_scope_is_an_answer(text, expected):
    task = {"entity": "outsourced_function", "value": "payroll", **RULER}
    assert intent_after(text, "out_of_scope", [task]) == expected


@pytest.mark.parametrize(
    "text, entity, expected",
    [
        # "because" reads like "why that one?"; a task read surely, asking nothing, answers
        ("answering the holidaymakers who call because they're stuck at a lock",
         {"entity": "outsourced_function", "confidence": 0.99, "extractor": "FormAnswerClassifier"},
         "inform"),
        ("why payroll, because we said phones",
         {"entity": "outsourced_function", **RULER}, "explain_recommendation"),
        ("because of what we told you?",
         {"entity": "outsourced_function", **RULER}, "explain_recommendation"),
        ("answering people because they call",
         {"entity": "outsourced_function", "confidence": 0.4, "extractor": "FormAnswerClassifier"},
         "explain_recommendation"),
        # a budget read surely: "so" is no "why"
        ("we live on grants so not much",
         {"entity": "budget", "value": "tight", "confidence": 1.0,
          "extractor": "FormAnswerClassifier"},
         "inform"),
        ("why so much?",
         {"entity": "budget", "value": "flexible", "confidence": 1.0,
          "extractor": "FormAnswerClassifier"},
         "explain_recommendation"),
    ],
)  # fmt: skip
def test_a_task_read_surely_is_no_request_for_reasons(text, entity, expected):
    assert intent_after(text, "explain_recommendation", [entity]) == expected


@pytest.mark.parametrize(
    "text, intent, entity, expected",
    [
        # a question back, then the answer
        ("why do you need that? fine, 95 audiologists and assistants", "explain_recommendation",
         {"entity": "company_size", "value": "medium", **MODEL, "start": 0, "end": 58},
         "inform"),
        ("why do you need that? ok, tight", "out_of_scope",
         {"entity": "budget", "value": "tight", **RULER, "start": 27, "end": 32}, "inform"),
        ("hmm is that a trick question? 160 or so", "definition",
         {"entity": "company_size", "value": "medium", **MODEL, "start": 0, "end": 39},
         "inform"),
        # the answer first, then a question: the question
        ("we're 95 people, why do you need that?", "explain_recommendation",
         {"entity": "company_size", "value": "medium", **MODEL, "start": 0, "end": 38},
         "explain_recommendation"),
        # ... but an exact answer of a word or two, then "why?": the answer
        ("tight, why? we overspent last quarter", "explain_recommendation",
         {"entity": "budget", "value": "tight", **RULER, "start": 0, "end": 5}, "inform"),
        # ... or a question after it, or a subject named
        ("why? fine, 95 of us. what is a bpo?", "definition",
         {"entity": "company_size", "value": "medium", **MODEL, "start": 0, "end": 35},
         "definition"),
        # a question back that asks nothing of the two, read as a knowledge question
        ("does it matter? we're about 400", "benefits",
         {"entity": "company_size", "value": "large", **MODEL, "start": 0, "end": 31},
         "inform"),
        ("does it matter? what does a bpo cost", "benefits",
         {"entity": "company_size", "value": "large", **MODEL, "start": 0, "end": 36},
         "benefits"),
        ("how much does it cost? we're about 400", "follow_up",
         {"entity": "company_size", "value": "large", **MODEL, "start": 0, "end": 38},
         "follow_up"),
        # a command stays one
        ("why? 95 people. stop", "stop",
         {"entity": "company_size", "value": "medium", **MODEL, "start": 0, "end": 20}, "stop"),
    ],
)  # fmt: skip
def test_an_answer_after_a_question_back_is_an_answer(text, intent, entity, expected):
    assert intent_after(text, intent, [entity]) == expected


@pytest.mark.parametrize(
    "text, held, expected",
    [
        ("we're a telecom company, is outsourcing our processes normal in our industry",
         True, "services"),
        ("my aunt works at a firm that runs admin and payroll for others. what even is that",
         False, "follow_up"),
        ("admin and payroll for our 40 staff", False, "inform"),
        # answers whose later clause asks nothing
        ("admin, could add payroll later if it works", False, "inform"),
        ("admin and payroll, which take up most of our week", False, "inform"),
        ("admin, hr etc. would be good to hand over", False, "inform"),
    ],
)  # fmt: skip
def test_a_clause_that_asks_keeps_a_question_a_question(text, held, expected):
    from bot.nlp.base import HELD_BACK

    task = {"entity": "outsourced_function", "value": "administration", **RULER}
    intent = "services" if held else "follow_up"
    message = parsed_message(text, intent, 1.0, [] if held else [task], "services/industries")
    if held:
        message.set(HELD_BACK, [{**task, **MODEL, "confidence": 0.99}])
    (result,) = AnswerOverCommand({}).process([message])
    assert result.get("intent")["name"] == expected


def test_the_customers_questions_told_as_the_work_are_an_answer():
    """A knowledge question that names no subject and asks nothing, where the task model
    read a task surely (held back as the question's)."""
    from bot.nlp.base import HELD_BACK

    text = "brides messaging at all hours asking if the florist confirmed"
    held = {"entity": "outsourced_function", "value": "customer_support", **MODEL}
    for confidence, expected in ((0.99, "inform"), (0.7, "difference")):
        message = parsed_message(text, "difference", 1.0, [], "difference/services")
        message.set(HELD_BACK, [{**held, "confidence": confidence}])
        (result,) = AnswerOverCommand({}).process([message])
        assert result.get("intent")["name"] == expected
    # ... but not where a clause asks ("... how do the services they offer compare")
    asked = text + ". how do the services they offer compare"
    message = parsed_message(asked, "difference", 1.0, [], "difference/services")
    message.set(HELD_BACK, [{**held, "confidence": 0.99}])
    (result,) = AnswerOverCommand({}).process([message])
    assert result.get("intent")["name"] == "difference"


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        # a task taken away and another stated
        (
            "wait, rather have them phone the guests after their stay. no recruiting",
            [("hr", "removed", RULER), ("surveys", None, {**MODEL, "confidence": 0.97})],
            "inform",
        ),
        # a correction that states a task surely
        (
            "hang on, the books are fine, it's the customer emails we want gone",
            [("customer_support", None, RULER)],
            "inform",
        ),
        # a question after it is out of scope still
        (
            "wait, our accountant does payroll, what is the minimum wage",
            [("payroll", None, RULER)],
            "out_of_scope",
        ),
        # no correction: a task named in passing
        ("our payroll firm's helpline never answers", [("payroll", None, RULER)], "out_of_scope"),
        # a task read unsurely is no correction
        (
            "hang on, the thing with the vans",
            [("logistics", None, {**MODEL, "confidence": 0.4})],
            "out_of_scope",
        ),
    ],
)
def test_a_correction_of_the_tasks_read_as_out_of_scope_is_an_answer(text, entities, expected):
    tasks = [
        {"entity": "outsourced_function", "value": value, **({"role": role} if role else {}), **how}
        for value, role, how in entities
    ]
    assert intent_after(text, "out_of_scope", tasks) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Eleven sisters and two gardeners.", "inform"),
        ("what about 200 staff", "follow_up"),  # asks
    ],
)
def test_a_head_count_read_as_a_follow_up_is_an_answer(text, expected):
    size = {"entity": "company_size", "value": "small", **MODEL}
    assert intent_after(text, "follow_up", [size]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Too early to tell, honestly.", "inform"),
        ("can't say yet, which one would you pick?", "out_of_scope"),  # asks advice
    ],
)
def test_not_knowing_the_budget_read_as_out_of_scope_is_the_budgets_answer(text, expected):
    budget = {"entity": "budget", "value": "unsure", "role": "guess", **MODEL}
    message = parsed_message(text, "out_of_scope", 0.6, [budget])
    (result,) = AnswerOverCommand({}).process([message])
    assert result.get("intent")["name"] == expected
    if expected == "inform":
        assert "role" not in result.get("entities")[0]


@pytest.mark.parametrize(
    "text",
    [
        "actually, customer support is my job, I want a new one",
        "hang on, my colleague handles customer service, let me get her",
    ],
)
def test_a_job_or_an_aside_read_as_out_of_scope_is_no_correction(text):
    task = {"entity": "outsourced_function", "value": "customer_support", **RULER}
    assert intent_after(text, "out_of_scope", [task]) == "out_of_scope"


@pytest.mark.parametrize(
    "text, intent, entities, expected",
    [
        ("actually never mind, just curious", "inform", [], "stop"),
        ("im just curious tbh", "inform", [], "stop"),
        ("ok forget it", "deny", [], "deny"),  # not read as an answer: left alone
        ("ok forget it", "inform", [], "stop"),
        ("nvm", "inform", [], "stop"),
        # a wish is no withdrawal
        ("only looking for something basic", "inform", [], "inform"),
        # an answer, a question or a subject beside the words keeps the reading
        ("never mind, we're 40", "inform", [{"entity": "company_size", **MODEL}], "inform"),
        ("just curious about the costs", "inform", [{"entity": "aspect", **RULER}], "inform"),
        ("never mind that, what is a bpo?", "inform", [], "inform"),
        ("forget it, 30 people", "inform", [], "inform"),
        # a guess is no answer
        ("forget about it, just browsing", "inform",
         [{"entity": "company_size", "role": "guess", **MODEL}], "stop"),
        ("just curious", "thank", [], "thank"),
    ],
)  # fmt: skip
def test_a_withdrawal_read_as_an_answer_is_a_stop(text, intent, entities, expected):
    assert intent_after(text, intent, entities) == expected


def test_the_front_office_work_named_with_its_task_is_an_answer():
    text = "front office stuff, customer calls"
    entities = [
        {"entity": "aspect", "value": "front_back_office", "start": 0, "end": 12},
        {"entity": "outsourced_function", "value": "customer_support", "start": 20, "end": 34},
    ]
    topic = "definition/front_back_office"
    (result,) = AnswerOverCommand({}).process(
        [parsed_message(text, "definition", 1.0, entities, topic)]
    )
    assert result.get("intent")["name"] == "inform"
    for text in (
        "what counts as front office stuff",
        "im new in biz, wats meant by back-office work",
    ):
        (result,) = AnswerOverCommand({}).process(
            [parsed_message(text, "definition", 1.0, entities, topic)]
        )
        assert result.get("intent")["name"] == "definition"


def test_the_tasks_held_back_from_a_question_are_the_answers():
    text = "all the back office things: the books, recruiting"
    held = {"entity": "outsourced_function", "value": "hr", "start": 37, "end": 48,
            "extractor": "FormAnswerClassifier", "role": "guess"}  # fmt: skip
    entities = [
        {"entity": "aspect", "value": "front_back_office", "start": 8, "end": 19},
        {"entity": "outsourced_function", "value": "accounting", "start": 27, "end": 36},
        held,
    ]
    message = parsed_message(text, "definition", 1.0, entities, "definition/front_back_office")
    message.set(HELD_BACK, [held])
    (result,) = AnswerOverCommand({}).process([message])
    assert result.get("intent")["name"] == "inform"
    tasks = {e["value"]: e.get("role") for e in result.get("entities") if e["entity"] != "aspect"}
    assert tasks == {"accounting": None, "hr": None}


@pytest.mark.parametrize(
    "text, intent",
    [
        ("every spending line is being cut this year", "bot_challenge"),
        ("the regional government just cut our grant again", "out_of_scope"),
    ],
)
def test_a_budget_stated_surely_is_an_answer(text, intent):
    budget = [{"entity": "budget", "value": "tight", **RULER}]
    assert intent_after(text, intent, budget, stated=True) == "inform"
    # (nothing stated: the reading stays)
    assert intent_after(text, intent, budget) == intent


def test_a_budget_said_to_the_assistant_is_a_question_about_it():
    budget = [{"entity": "budget", "value": "tight", **RULER}]
    text = "are you a bot on a tight budget"
    assert intent_after(text, "bot_challenge", budget, stated=True) == "bot_challenge"


def test_an_answer_and_a_subject_before_why_ask_why_of_the_subject():
    entities = [
        {"entity": "budget", "value": "tight", **RULER, "start": 0, "end": 5},
        {"entity": "subject", "value": "bpo", **RULER, "start": 12, "end": 15},
    ]
    text = "tight for a bpo, why?"
    assert intent_after(text, "explain_recommendation", entities) == "explain_recommendation"
    assert intent_after(text, "explain_recommendation", entities[:1]) == "inform"


def test_someone_wanted_for_the_work_whose_name_is_asked_is_a_question():
    task = {"entity": "outsourced_function", "value": "payroll", **RULER, "start": 19, "end": 26}
    text = "someone to handle our payroll, what would that be called"
    assert torn(text, [task], 0.72) == "definition"
    assert torn("someone to handle our payroll", [task], 0.72) == "inform"
