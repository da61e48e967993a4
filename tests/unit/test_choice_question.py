"""Which suits *us* asks for the recommendation; which suits companies in general, for
the rule of thumb; other questions with "which" or "recommend" are left alone."""

import re

import pytest

from bot.nlp.choice_question import ChoiceQuestion
from tests.unit.conftest import parsed_message


def read(text, intent):
    message = parsed_message(text, intent, 0.7, topic="difference/overview")
    (result,) = ChoiceQuestion({}).process([message])
    topic = result.get("response_selector")["default"]["response"]["intent_response_key"]
    return result.get("intent")["name"], topic


@pytest.mark.parametrize(
    "text, intent",
    [
        ("bpo or call centre?", "difference"),
        ("bpo vs cc, which one", "difference"),
        ("which one fits us", "out_of_scope"),
        ("wich of the two would we need", "nlu_fallback"),
        ("which is best for a plumbing company", "out_of_scope"),
        ("recomend pls", "nlu_fallback"),
        ("looking for advice on outsourcing", "out_of_scope"),
        ("bpo vs call center - which fits?", "difference"),
        ("we're 230 people, cost is no concern. Which is right for us?", "inform"),
        ("we have 40 staff, would a call center suit us?", "services"),
        ("hey, need advice. we're a small bakery chain", "out_of_scope"),
        ("is a bpo the right fit for a clinic like ours", "definition"),
        # a bare choice after a greeting, with a word after it, or after facts
        ("hi there, call centre or bpo?", "difference"),
        ("bpo or cc quick", "difference"),
        ("we have 12 staff and the phones never stop. bpo or call center?", "choosing"),
        ("we're evaluating vendors and would value your guidance on outsourcing", "benefits"),
        ("bakery chain here, could use some guidance on outsourcing", "benefits"),
        ("what do you recommend for a physio practice", "out_of_scope"),
        ("dental lab looking into outsourcing, any advice", "services"),
        ("our board would like your opinion on a call center or a bpo", "explain_recommendation"),
        ("what should a small bike shop use", "out_of_scope"),
        ("which model fits a dental lab", "explain_recommendation"),
        ("which one for a phone repair chain", "choosing"),
        ("tight budget here, need help deciding. we have 20 staff", "inform"),
        (
            "print shop, we want to hand work off but dont know what kind of company to look for",
            "out_of_scope",
        ),
        ("trying to decide which kind of company to outsource to, any advice?", "choosing"),
        ("need help pickin which type of provider to use", "out_of_scope"),
        ("we're not sure what we need, can you help?", "help"),
        # help with outsourcing itself, or the decision the form helps with
        ("outsourcing advice pls", "benefits"),
        ("hey, question about outsourcing for our dental practice", "careers"),
        ("we need some help with outsourcing", "greet"),
        ("our board is deciding what to outsource next year.", "difference"),
        ("we must decide on an outsourcing partner", "choosing"),
        ("hey! my online shop needs some help", "greet"),
        ("bpo vs call centre for us, which one", "difference"),
        ("honestly not sure what we need, could you help", "help"),
        ("good morning, we are looking into outsourcing for our print shop.", "out_of_scope"),
        ("considering outsourcing, no idea what exactly", "follow_up"),
        # the bare choice for a business, in other words, or with facts after it
        ("bpo vs call center for a brewery?", "difference"),
        ("catering company, what would you advise us", "out_of_scope"),
        ("which would work for a pet food subscription business?", "follow_up"),
        (
            "we run two guesthouses and i'd love a recommendation on how to outsource",
            "explain_recommendation",
        ),
        (
            "we're a charity of 70, help with salaries needed, is bpo or cc better for us?",
            "services",
        ),
        ("hola, i have a florist shop in lyon, which service you recommend to me?", "out_of_scope"),
        ("bike shop, want to know what to outsource and to whom", "out_of_scope"),
        ("translation agency, we'd like your recommendation", "out_of_scope"),
        (
            "we run a gym with 20 staff, bpo or call centre for signing up new members?",
            "difference",
        ),
        ("is it smart for a company our size or is a call center better", "out_of_scope"),
        ("bpo ya call center? we install solar panels", "difference"),
        ("recomendation for a printing co", "out_of_scope"),
        ("good evening, hotel group here, looking for a suggestion bpo or callcenter", "greet"),
        # the company told of, then an opinion asked for
        (
            "we resell fibre internet in the north, support is swamping the team. what would "
            "you go with?",
            "inform",
        ),
        (
            "we sell garden furniture online, team of 16, need folks for calls. what do u think?",
            "inform",
        ),
        ("i sell vintage clothes online. what should i outsource to, which type?", "out_of_scope"),
        ("we grow apples up north and the season is mad. what would you go with?", "out_of_scope"),
        ("we run a chain of hair salons, what model", "out_of_scope"),
        ("textile factory looking for advice on who to hand work to", "out_of_scope"),
        ("our museum wants someone to phone visitors after their trip, which model?", "inform"),
        ("Which solution would you propose for a container shipping agent?", "follow_up"),
        (
            "our hotel group opened two properties. bpo or the call centre route, what do you "
            "think?",
            "difference",
        ),
        (
            "I work in the finance department of a hospital group and was asked to get a "
            "recommendation.",
            "inform",
        ),
        (
            "hello we are courier company in poland and want outside partner, what type is good?",
            "definition",
        ),
        # advice asked of nothing else, beside what the company is
        ("can you recommend one? we're a bank in Accra", "out_of_scope"),
        ("advise pls, we're a tax consultancy", "out_of_scope"),
        ("we're a mobile network reseller, help me pick", "inform"),
        ("we're a bakery, what kind?", "out_of_scope"),
        # the company told of, then the choice between the two in the last clause
        ("need ppl to ring our old gym members back, bpo or cc which one?", "difference"),
        ("our 3 shops get 200 calls a day. is this bpo thing or call center thing", "difference"),
        (
            "busy season is here and our office is drowning. for a shop like ours is it bpo or "
            "call center?",
            "difference",
        ),
        (
            "we have 3 bakeries and nobody answers the phone, would a bpo or a call centre help?",
            "choosing",
        ),
        ("we run a ski school and parents call all day. bpo or call centre for that?", "follow_up"),
        # the bare choice, then facts
        ("call center or bpo for a car dealership group, budget is flexible", "difference"),
        # a disagreement over which to get
        ("my cofounder says we need a call centre, i say bpo. can you settle it?",
         "difference"),
    ],
)  # fmt: skip
def test_which_suits_us_asks_for_the_recommendation(text, intent):
    assert read(text, intent)[0] == "request_recommendation"


@pytest.mark.parametrize(
    "text",
    [
        "is a bpo better for big companies and a call center for small ones?",
        "in general, which kinds of companies go for a call center?",
        "what size of company is it right for",
    ],
)
def test_which_suits_companies_in_general_gets_the_rule_of_thumb(text):
    assert read(text, "request_recommendation") == ("choosing", "choosing/overview")


@pytest.mark.parametrize(
    "text",
    [
        "just curious, how do firms choose between a bpo and a call centre? not for my company",
        "not asking about our business: how do companies pick between a call center and a bpo?",
    ],
)
def test_companies_in_general_said_to_be_no_own_case_get_the_rule_of_thumb(text):
    assert read(text, "request_recommendation") == ("choosing", "choosing/overview")


@pytest.mark.parametrize(
    "text",
    [
        "we're a dental lab, which model makes sense",
        "scaffolding firm with 3 crews, which provider should we use",
        "could you recommend something for a tile importer?",
        "hey, looking for a reco",
        "would a bpo be the right move for us?",
        "help me find the right setup for our phones and payroll",
    ],
)
def test_short_requests_of_the_visitors_company(text):
    assert read(text, "out_of_scope")[0] == "request_recommendation"


@pytest.mark.parametrize(
    "text",
    [
        "which service should i use to send newsletters?",
        "which one do i need to study for the typing test",
        "which one do we need more in manila, nurses or agents",
        "can you recommend something for a cold",
        "help me find the best option for a call center job in cebu",
        "we run a small gym, is it worth getting someone to clean it at night?",
    ],
)
def test_requests_for_other_things_are_no_request(text):
    assert read(text, "out_of_scope")[0] == "out_of_scope"


@pytest.mark.parametrize(
    "text",
    [
        "hmm so whats better for a small shop",
        "which is right for a big company then?",
        "which is better for a small biz?",
    ],
)
def test_which_suits_a_company_of_a_size_gets_the_rule_of_thumb(text):
    """A company by its size alone is no company of the visitor's."""
    assert read(text, "out_of_scope") == ("choosing", "choosing/overview")


@pytest.mark.parametrize(
    "text, intent",
    [
        ("bpo vs call center", "difference"),  # the difference, not a choice
        ("recommend me a good book for the holidays", "out_of_scope"),
        ("imax vs 4dx, which is better", "out_of_scope"),
        ("llc or gmbh, which is better for a small firm", "out_of_scope"),
        ("is a bpo bigger or is a call center better known", "difference"),
        ("which is the more strategic move, handing work to a bpo or a call centre", "difference"),
        ("which crm is best for a plumbing company", "out_of_scope"),
        ("which industries use bpo the most", "services"),
        ("which is better to work for, a bpo or a call center?", "careers"),
        ("what is the difference between a bpo and a call center", "difference"),
        ("strategic or tactical: where does a bpo fit", "difference"),
        ("any advice on which crm to buy", "out_of_scope"),
        ("i need advice on my marriage", "out_of_scope"),
        ("question about outsourcing costs", "benefits"),
        ("how does outsourcing help a company", "benefits"),
        ("we are deciding what to outsource, what does a bpo do?", "services"),
        # advice someone gave is no request for it
        ("our bookkeeper recommended a bpo to us. what is a bpo exactly?", "definition"),
        # which of two claims is true, not which option suits
        (
            "a blog says call centres only take calls, my boss says they do chat too. which is "
            "right?",
            "difference",
        ),
        ("my shop needs help with the tax forms, any idea?", "out_of_scope"),
        ("we are looking into outsourcing rules for our clinic", "out_of_scope"),
        # an opinion asked with nothing told of the company
        ("what is a bpo? which one?", "definition"),
        ("i am a student, what do you think about call centers?", "definition"),
        ("we're a bakery, can you recommend a good accountant?", "out_of_scope"),
        ("bpo or cc, what's the difference", "difference"),
        # an opinion asked after something else than the company
        ("my cat is sick, what should i do?", "out_of_scope"),
        ("my cat is sick, what should we do?", "out_of_scope"),
        # a choice between other things, or advice for a person
        ("minoxidil or finasteride, which would you recommend?", "out_of_scope"),
        ("which type is best for cold brew?", "out_of_scope"),
        ("which laptop would you recommend for a junior web developer?", "out_of_scope"),
        ("any advice for a first-time landlord?", "out_of_scope"),
        ("what do you advise for handing over to my sister?", "out_of_scope"),
        ("i want cheap phones for my kids, which model?", "out_of_scope"),
        ("our wedding is in june and we are lost, your thoughts?", "out_of_scope"),
        ("i heard bpos are cheaper, your take?", "benefits"),
        ("bpo or call center, cost difference", "difference"),
        ("we're a bank, is bpo or call center cheaper?", "benefits"),
        ("i'm a nursing student, should i apply at a bpo or call center?", "careers"),
        ("our hotel staff keep asking, how do bpo or call center jobs pay", "careers"),
        ("we are a clinic. what is the real difference - bpo or call center?", "difference"),
        (
            "my boss calls it a stopgap, my partner a long-term play. which label fits a call "
            "center and which fits a bpo",
            "difference",
        ),
        (
            "we run 3 dental clinics. in general, how should a company decide whether a bpo or "
            "a call center is right",
            "choosing",
        ),
    ],
)
def test_other_questions_keep_their_reading(text, intent):
    assert read(text, intent)[0] == intent


def test_an_unsure_reading_of_a_choice_asks_for_the_recommendation():
    message = parsed_message("what would u pick for a car dealership", "benefits", 0.4)
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "request_recommendation"


def test_a_subject_by_any_name_makes_a_bare_choice():
    text = "bpo or the phone people?"
    start = text.index("phone people")
    subjects = [
        {"entity": "subject", "value": "bpo", "start": 0, "end": 3},
        {"entity": "subject", "value": "call_center", "start": start, "end": start + 12},
    ]
    message = parsed_message(text, "difference", 0.9, subjects, topic="difference/overview")
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "request_recommendation"


def test_a_business_that_needs_help_names_no_task():
    task = {"entity": "outsourced_function", "value": "customer_support", "start": 0, "end": 9}
    message = parsed_message("our webshop needs help", "greet", 0.8, [task])
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "request_recommendation"
    assert not [e for e in result.get("entities") if e["entity"] == "outsourced_function"]


def test_usually_makes_a_business_named_after_for_a_business_in_general():
    from bot.nlp.choice_question import ChoiceQuestion
    from tests.unit.conftest import parsed_message

    text = "which is usually better for a small business, bpo or call centre"
    message = parsed_message(text, "request_recommendation")
    assert ChoiceQuestion({}).reading(message) == "choosing/overview"
    text = "which is better for a small business like ours, bpo or call centre"
    assert ChoiceQuestion({}).reading(parsed_message(text, "choosing")) == "request_recommendation"


def test_how_to_choose_read_as_nothing_known_gets_the_rule_of_thumb():
    message = parsed_message("so how should we choose for our bakery", "out_of_scope", 0.9)
    assert ChoiceQuestion({}).reading(message) == "choosing/overview"
    other = parsed_message("how do i choose a crm for my shop", "out_of_scope", 0.9)
    assert ChoiceQuestion({}).reading(other) == ""


@pytest.mark.parametrize(
    "text, intent",
    [
        ("so its basically bpo for big firms and call centre for small ones?", "follow_up"),
        ("what should a company think about when deciding", "out_of_scope"),
        ("what things matter when picking one over the other? cost?", "explain_recommendation"),
        ("what factors should we consider when choosing between them", "difference"),
    ],
)
def test_how_to_choose_asked_in_other_words_gets_the_rule_of_thumb(text, intent):
    assert ChoiceQuestion({}).reading(parsed_message(text, intent, 0.9)) == "choosing/overview"


@pytest.mark.parametrize(
    "text",
    [
        "what should a firm look at when choosing a crm",
        "what factors matter when picking a laptop",
    ],
)
def test_what_to_weigh_when_choosing_something_else_is_not_the_rule_of_thumb(text):
    assert ChoiceQuestion({}).reading(parsed_message(text, "out_of_scope", 0.9)) == ""


def test_the_reasons_of_a_recommendation_are_no_request_for_one():
    message = parsed_message("why did you recommend a bpo for us?", "explain_recommendation")
    assert ChoiceQuestion({}).reading(message) == ""


def test_the_two_named_in_other_words_make_a_choice_for_a_business():
    text = "what's best for a bakery café, an outsourcing firm or a phone centre?"
    subjects = [
        {"entity": "subject", "value": "bpo", "start": 31, "end": 50},
        {"entity": "subject", "value": "call_center", "start": 54, "end": 68},
    ]
    message = parsed_message(text, "definition", 0.8, subjects, topic="definition/call_center")
    assert ChoiceQuestion({}).reading(message) == "request_recommendation"
    # without them, a question about something else's best fit
    other = parsed_message("what's best for a bakery café, rye or spelt?", "definition", 0.8)
    assert ChoiceQuestion({}).reading(other) == ""


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("ok so how do i pick one", "difference", "choosing/overview"),
        ("Which should a Berlin-based SaaS company choose?", "choosing", "request_recommendation"),
        ("which should a small company choose, bpo or call center", "out_of_scope",
         "choosing/overview"),
    ],
)  # fmt: skip
def test_which_a_business_should_choose(text, intent, expected):
    assert ChoiceQuestion({}).reading(parsed_message(text, intent)) == expected


def test_a_task_held_back_from_a_question_is_stated_in_a_request():
    from bot.nlp.base import hold_back

    text = "we're a craft brewery and the taproom phone is too much. which one fits?"
    task = {"entity": "outsourced_function", "value": "customer_support", "start": 27,
            "end": 45, "role": "guess"}  # fmt: skip
    guess = {"entity": "budget", "value": "tight", "start": 0, "end": 10, "role": "guess"}
    message = parsed_message(text, "difference", 0.7, [task, guess], "difference/channels")
    hold_back(message, [task])
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "request_recommendation"
    roles = {e["value"]: e.get("role") for e in result.get("entities")}
    assert roles == {"customer_support": None, "tight": "guess"}


def test_a_task_set_aside_from_a_question_naming_the_subjects_is_stated_in_a_request():
    from bot.nlp.base import hold_back

    text = "need ppl to ring our old gym members and sell memberships, bpo or cc which one?"
    task = {"entity": "outsourced_function", "value": "sales", "start": 0, "end": 40}
    message = parsed_message(text, "difference", 0.7, [], "choosing/overview")
    hold_back(message, [task])  # set aside, not among the entities
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "request_recommendation"
    assert [(e["value"], e.get("role")) for e in result.get("entities")] == [("sales", None)]


@pytest.mark.parametrize(
    "text",
    [
        "i studied hr, is there something for me?",
        "my background is nursing, any chance for me?",
        "would a bpo hire me with a diploma in accounting",
        "if i start out answering customer calls on a headset, where can i go from there? can "
        "i end up running the floor one day?",
    ],
)
def test_a_visitor_looking_for_work_asks_about_the_jobs(text):
    task = {"entity": "outsourced_function", "value": "hr", "start": 10, "end": 12}
    message = parsed_message(text, "request_recommendation", 0.94, [task])
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "follow_up"
    assert [(e["entity"], e["value"]) for e in result.get("entities")] == [("aspect", "careers")]


@pytest.mark.parametrize(
    "text",
    [
        "i run a clinic, is there something for me?",
        "we need payroll help, anything for me?",
        "i have a small bakery, can i start with a call center or a bpo?",
        "my experience with call centers was awful, which would you recommend?",
        "would a bpo take me on as a client with only 3 people?",
    ],
)
def test_a_company_asking_for_itself_keeps_its_request(text):
    message = parsed_message(text, "request_recommendation", 0.94)
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "request_recommendation"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("yo we r a bike courier company, what should we go 4", "out_of_scope"),
        ("hi we run a diving centre on the island, which option is good", "out_of_scope"),
        ("we have a falconry centre with flying displays. what do u think we need", "nlu_fallback"),
        ("window cleaning business, me and the lads. which one", "follow_up"),
        ("christmas tree farm, need to get some work off our plate", "nlu_fallback"),
        ("we're a boat hire + sailing school in croatia, which option is for us", "nlu_fallback"),
        ("mushroom farm, 3 growing sheds, which of the two is for us", "out_of_scope"),
        ("window cleaning round, thinking of getting outside help", "out_of_scope"),
        (
            "We run an iron foundry making drain grates. I'd like your view on outsourcing.",
            "out_of_scope",
        ),
        (
            "We are a shipyard repairing ferries and fishing boats. Please recommend a model.",
            "out_of_scope",
        ),
        ("private clinic, about 300 employees, we want to hand over some work. advise?", "inform"),
        # a head count told, then the choice after a full stop; jobs done for customers are
        # no jobs sought
        ("sign shop, 12 people. bpo or call center to handle calls about their repair jobs?",
         "careers"),
    ],
)  # fmt: skip
def test_a_business_told_of_then_which_one_asks_for_the_recommendation(text, intent):
    assert read(text, intent)[0] == "request_recommendation"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("my cat is sick, what should we do?", "out_of_scope"),
        ("which one is cheaper", "difference"),
        ("which of the two is cheaper", "difference"),
        ("high school student here, which one is good", "out_of_scope"),
        ("hotel industry and call centres, thoughts?", "services"),
        ("looking into external support roles in cebu", "careers"),
        # a job sought, after a head count of the visitor's past
        ("5 years experience leading 20 people. call center or bpo to work for?", "careers"),
        (
            "been doing cleaning jobs, 20 people on my crew. bpo or call center to work at next?",
            "careers",
        ),
        ("what is your view on outsourcing", "out_of_scope"),
    ],
)
def test_which_one_without_a_business_is_no_request(text, intent):
    assert read(text, intent)[0] == intent


@pytest.mark.parametrize(
    "text, role",
    [
        ("we have a vineyard and winery, need help deciding", "guess"),
        ("small cafe, money is tight, which one fits us?", None),
    ],
)
def test_a_request_with_no_word_of_money_states_no_budget(text, role):
    budget = {"entity": "budget", "value": "flexible", "extractor": "FormAnswerClassifier"}
    message = parsed_message(text, "inform", 0.8, [budget])
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "request_recommendation"
    assert [e.get("role") for e in result.get("entities") if e["entity"] == "budget"] == [role]


@pytest.mark.parametrize(
    "text, intent",
    [
        ("for a small company, which one", "choosing"),
        ("customer service center or bpo, which one", "difference"),
        ("i'm a fresh grad, IT company or call center, which option is good for me", "careers"),
        ("my back yard is a mess, what should i do", "out_of_scope"),
        ("our book club is growing, what should we do", "out_of_scope"),
        ("i'm at a job centre, what should i do", "careers"),
    ],
)
def test_which_one_after_no_business_of_the_visitor_is_no_request(text, intent):
    assert read(text, intent)[0] != "request_recommendation"


@pytest.mark.parametrize(
    "text, intent",
    [
        # the visitor's business, and work it cannot keep up with or wants handed over
        ("online fashion store, 110 staff, returns are drowning us", "inform"),
        ("hair salons x3, bookings are chaos", "inform"),
        ("hotel group here, we want to hand over a chunk of head office work", "inform"),
        ("window cleaning round, getting too big for me to manage on my own", "out_of_scope"),
        ("dry cleaner with 2 shops, 5 in each. need some help figuring this out", "out_of_scope"),
        ("small music school. hate paperwork. what do i need", "out_of_scope"),
        # ... or alone
        ("hi i manage a small marina", "out_of_scope"),
        # choosing between the two
        ("sign company, trying to decide between a call centre and a bpo", "choosing"),
        ("bookshop owner here, call centre or bpo?", "difference"),
        ("we run escape rooms. should we get a call centre or something else?", "services"),
        ("coach tour operator, looking at outsourcing", "benefits"),
        # work told of with agents or offers in it is still the company's
        ("we have 5 sales agents and the phones are mad, bpo or call center?", "inform"),
        # a kind of business named first, then the choice
        ("travel agency with a few branches, bpo or call centre?", "difference"),
        ("nursery chain (childcare), bpo or call centre?", "choosing"),
        ("department store, looking at outsourcing, call centre or bpo", "difference"),
        ("mobile phone repair shop, trying to figure out bpo vs call centre", "difference"),
        ("We are a pet insurance company weighing up a BPO against a call centre.", "choosing"),
        ("events caterer here, thinking about outsourcing, which one", "services"),
        ("scaffolding firm, need to outsource some work, what type of company", "choosing"),
        ("golf club, wondering about a call centre or bpo", "benefits"),
        ("florist here 💐 call centre or bpo?", "difference"),
        ("locksmiths, trying to decide bpo vs call centre", "choosing"),
        ("small golf club, bpo or call centre?", "choosing"),
        (
            "chain of 20 gyms, around 25 staff in each. who should handle members phoning to "
            "cancel, a call centre or a bpo?",
            "difference",
        ),
        # the visitor's own choice, not yet made
        (
            "we make candles and i cant work out whether we need a bpo or a call centre",
            "difference",
        ),
        # advice on the visitor's own case, asked after its story
        (
            "we run a bike shop with 6 staff and the phone never stops. would it make sense to "
            "hand it off?",
            "out_of_scope",
        ),
        ("our clinic has 30 staff and the billing is behind. worth outsourcing it?", "benefits"),
        (
            "i run a removals firm, 12 of us, quotes pile up at weekends. outsource or not?",
            "out_of_scope",
        ),
        (
            "we're a care agency of 50, the rota and pay eat my week. keep in house or outsource?",
            "benefits",
        ),
        ("my garden centre has 20 staff and orders by phone get lost. what now?", "out_of_scope"),
        (
            "we are a dance school with 4 teachers and bookings are chaos, point me in the right "
            "direction",
            "out_of_scope",
        ),
        (
            "our brewery employs 25 and the invoices are weeks behind. should we get an outside "
            "partner for that?",
            "services",
        ),
        # work to be taken over, in everyday words
        ("searching for a firm to handle the invoicing for our two hotels", "inform"),
        ("i run a dog grooming salon and want to stop doing the bookings myself", "out_of_scope"),
        ("our vet practice can't staff the phones on weekends", "out_of_scope"),
        (
            "is there a company that could answer our customer line at night? we sell tyres online",
            "out_of_scope",
        ),
        ("we're a 12 person roofing firm and we miss calls on site, who handles that?", "inform"),
        ("we have 3 gyms and want member emails handled by someone else", "out_of_scope"),
        ("could somebody answer the phones for my barber shop on saturdays", "out_of_scope"),
        ("we run a small print shop and i'm tired of chasing unpaid invoices", "out_of_scope"),
        ("honestly i want to stop answering the support emails myself", "stop"),
        ("we need a company to take care of our payroll", "inform"),
        ("the invoicing is killing us, could we just outsource it?", "out_of_scope"),
    ],
)
def test_a_business_told_of_asks_for_the_recommendation(text, intent):
    assert read(text, intent)[0] == "request_recommendation"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("i run a bakery and need a new oven", "out_of_scope"),
        ("i need someone to fix my laptop", "out_of_scope"),
        ("need a team to handle our office cleaning", "out_of_scope"),
        ("can we outsource that legally in spain?", "out_of_scope"),
        ("i'm a student", "out_of_scope"),
        ("we have a dog", "out_of_scope"),
        ("our cafe is drowning in tax rules", "out_of_scope"),
        ("i'm trying to decide between working at a call center or a bpo", "careers"),
        (
            "we are trying to decide between a bpo and a call center. what are the differences?",
            "difference",
        ),
        ("call center here, bpo or call center?", "difference"),
        ("choosing between bpo and call center", "choosing"),
        ("hi, choosing between bpo and call center", "choosing"),
        ("i'm a call center agent", "out_of_scope"),
        ("i have an issue with my order", "out_of_scope"),
        ("we're a team of 60 now", "inform"),
        ("i'm torn between two offers, one from a bpo and one from a call center", "careers"),
        ("fresh grad here, bpo or call center?", "careers"),
        ("student here, bpo or call centre?", "careers"),
        ("printers keep jamming, what do you think", "out_of_scope"),
        ("builders are a nightmare, they never answer their phones", "out_of_scope"),
        ("ph here, bpo or call center which pays more", "careers"),
        ("plumbers: what does a bpo do?", "services"),
        ("hotel industry, bpo or call centre?", "services"),
        ("travel agency, what is the difference between a bpo and a call centre?", "difference"),
        ("job seeker here, which one", "careers"),
        ("dental practice, bpo or call centre for my thesis?", "difference"),
        ("i'm comparing a bpo and a call centre", "difference"),
        # companies in general, named first
        ("Insurance companies: bpo or call center?", "services"),
        ("Companies in Asia, bpo or call centre?", "services"),
        ("telecom companies, which one", "choosing"),
        ("I wonder how firms choose a bpo or call centre", "choosing"),
        ("Confused teacher here, what do you think?", "out_of_scope"),
        ("i cant tell if i need a bpo or a call center job to start my career", "careers"),
        # "worth it" and "make sense" of something else than handing work over
        ("is a call centre job worth it for a student?", "careers"),
        ("would it make sense to learn tagalog for a bpo job?", "careers"),
        ("why do firms outsource, is it worth it?", "benefits"),
    ],
)
def test_other_stories_keep_their_reading(text, intent):
    assert read(text, intent)[0] == intent


@pytest.mark.parametrize(
    "text",
    [
        "we make garden sheds, 40 staff, and the office is buried. what exactly is a bpo?",
        "Our hostel chain has 12 sites. What kinds of work would a call centre take on for us?",
        "what jobs can we give to a call centre? we run a chain of car washes",
        "i run a print shop; what would a bpo actually handle",
        "my landlord's agency says they use 'the phone people'. what kind of company is that?",
        "For a board paper at our housing trust, please give me a definition of business "
        "process outsourcing.",
        "Our town hall writes a paper on this. We want a plain definition of a BPO. Can you "
        "give one?",
    ],
)
def test_a_story_then_a_question_about_them_is_a_knowledge_question(text):
    # the topic classifier's choice (here difference/overview) answers it
    assert read(text, "request_recommendation")[0] == "difference"


@pytest.mark.parametrize(
    "text",
    [
        "we make garden sheds, 40 staff, and the office is buried. what would you do?",
        "our hostel chain has 12 sites. what kind of outside help would suit us?",
        "we run a print shop. what is a bpo and should we use one?",
        "i run a bakery, what are my options",
    ],
)
def test_a_story_then_what_to_do_stays_a_request(text):
    assert read(text, "request_recommendation")[0] == "request_recommendation"


@pytest.mark.parametrize(
    "text",
    [
        "i book gigs for a jazz trio, enquiries pile up in my dms every night. would it make "
        "sense to hand that off?",
        "ice cream van, just me and my dad. people ring for party bookings while we drive. "
        "worth paying someone to pick up?",
        "we're a 2 person tattoo studio, the appointment requests never stop 🙃 would it be "
        "silly to get someone to handle them?",
        "i'm a mobile dog groomer, can't answer calls mid-groom. do i need some kind of "
        "answering service or is that overkill?",
        "we're a small bike shop and the calls never stop, would an outside phone service be "
        "worth it for us?",
    ],
)
def test_a_small_outfits_story_then_whether_to_hand_it_over_asks_for_the_recommendation(text):
    assert read(text, "out_of_scope")[0] == "request_recommendation"


def test_a_question_said_to_be_for_no_decision_is_answered_not_a_request():
    text = "how are bpos better than call centres? not for a decision, just want to understand it"
    assert read(text, "request_recommendation")[0] == "difference"
    # merely curious, about a company of one's own, is still the request
    text = "just curious, which one would suit a bakery like mine"
    assert read(text, "request_recommendation")[0] == "request_recommendation"


def test_handing_over_work_the_two_do_not_take_on_is_no_request():
    text = "our church choir needs new robes, worth getting someone to make them?"
    assert read(text, "out_of_scope")[0] == "out_of_scope"


def test_a_definition_asked_read_as_a_request_is_the_definition():
    """TopicCues marks a question that asks what one of them is; a request read in it
    ("... for me please") asks for nothing else."""
    message = parsed_message(
        "define a bpo for me please, it's for my homework",
        "request_recommendation",
        0.9,
        topic="definition/bpo",
    )
    message.set("definition_asked", True)
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "definition"
    # ... and so does a last sentence that asks only that, after a need told before it
    for text, expected in [
        (
            "our phones ring off the hook in summer and my manager says we need a bpo. "
            "before we talk money, what is a bpo exactly?",
            "definition",
        ),
        (
            "our phones ring off the hook in summer and we need help. "
            "what is a bpo exactly, and would one suit us?",
            "request_recommendation",
        ),
        (
            "we need help with calls. what's best for us? what is a bpo exactly?",
            "request_recommendation",
        ),
    ]:
        message = parsed_message(text, "request_recommendation", 0.6, topic="definition/bpo")
        message.set("definition_asked", True)
        (result,) = ChoiceQuestion({}).process([message])
        assert result.get("intent")["name"] == expected, text
    # ... unless the visitor's own case is asked about too
    assert (
        read(
            "we run a bakery, define bpo for me and tell me if we need one",
            "request_recommendation",
        )[0]
        == "request_recommendation"
    )


def test_tasks_read_in_a_story_before_a_question_are_held_back():
    task = {
        "entity": "outsourced_function",
        "value": "administration",
        "extractor": "FormAnswerClassifier",
        "confidence": 0.9,
    }
    message = parsed_message(
        "the paperwork is killing us. what exactly is a bpo?",
        "request_recommendation",
        0.8,
        [task],
        topic="definition/bpo",
    )
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "definition"
    assert [e.get("role") for e in result.get("entities")] == ["guess"]
    assert result.get("held_back_tasks") == [task]


@pytest.mark.parametrize(
    "text, intent",
    [
        # an exclamation, not a question about what they are
        (
            "What a week. Our receptionist quit and the phones ring nonstop.",
            "request_recommendation",
        ),
        # what to hand over, for the visitor's own company
        ("we're a 12 person agency. what work could we outsource?", "request_recommendation"),
        (
            "what services would you outsource for a 6-person architecture studio?",
            "request_recommendation",
        ),
        (
            "we run two cafes. what kinds of services are there, and which is for us?",
            "request_recommendation",
        ),
        ("we're a 9 person firm, what would a bpo cost us?", "request_recommendation"),
        # a job seeker's "worth it", or something else bought or done
        ("I have 4 years in customer service, would it make sense to apply?", "out_of_scope"),
        ("got an offer from a bpo in cebu as a student. is it worth it?", "careers"),
        ("we run a bakery with 6 staff. is it worth getting a new oven?", "out_of_scope"),
        ("we run a cafe, should we hire an external company to paint the walls?", "out_of_scope"),
    ],
)
def test_what_to_do_or_someone_elses_question_keeps_its_reading(text, intent):
    assert read(text, intent)[0] == intent


@pytest.mark.parametrize(
    "text, intent, entities",
    [
        # the visitor introduces the business it speaks for, asking nothing
        ("i run a dog grooming van", "follow_up", []),
        ("hello, we're a family-owned ice cream parlour business", "inform", []),
        ("Good evening. I am the operations director of a regional bus company.", "inform", []),
        ("hey so we have a small wedding photography studio, me and 2 others", "out_of_scope", []),
        ("window fitting company here, 3 vans", "greet", []),
        ("we've got 2 garden centres and a cafe, around 70 staff", "inform", []),
        ("ok so my sister and i run a dog kennel", "nlu_fallback", []),
        ("we're a wedding venue based in kent, 20 staff", "inform", []),
        # ... or tells what it does, with its size or work it cannot keep up with
        (
            "we restore vintage motorbikes, 9 people",
            "out_of_scope",
            [{"entity": "company_size", "value": "small", "start": 0, "end": 39}],
        ),
        ("we repair hearing aids and the phones go mad after lunch", "nlu_fallback", []),
        # ... or looks at outsourcing for its business
        ("thinking about outsourcing for my pottery studio", "out_of_scope", []),
        # ... or names it bare, first, with its size
        ("tattoo studio, 3 artists plus me. just exploring the options", "out_of_scope", []),
        ("family bakery, about 12 staff", "inform", []),
        ("howzit, we run a glass recycling firm with 60 people", "out_of_scope", []),
    ],
)
def test_a_business_introduced_asks_for_the_recommendation(text, intent, entities):
    message = parsed_message(text, intent, 0.7, entities=entities, topic="difference/overview")
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "request_recommendation"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("i run a marathon every year", "out_of_scope"),
        ("we're a bakery and our oven broke", "inform"),
        ("i own a cafe and need a new espresso machine", "out_of_scope"),
        ("our company uses salesforce, is it any good?", "out_of_scope"),
        ("we sell shoes online", "inform"),
        ("im a nurse", "out_of_scope"),
        ("we are a hospital, explain the benefits of outsourcing", "benefits"),
        ("i manage a call center with 40 agents", "inform"),
        ("contact centre, 20 agents", "inform"),
        ("marketing agency. just looking into options", "out_of_scope"),
        # not the visitor's own business: "our resellers" are others
        ("we only need someone to take orders from our resellers", "inform"),
        # another intent said beside the business
        ("i run a flower shop and i'd like to talk to a person", "human_handoff"),
        ("we're a garage, thanks a lot", "thank"),
        ("i own a deli, are you a real person", "bot_challenge"),
        # knowledge asked without a question mark
        ("i run a deli, curious about the pros and cons of outsourcing", "benefits"),
        ("we're a framing shop, explain the difference", "out_of_scope"),
        # news of another kind, or the visitor as a customer or an employee
        ("our bistro just got sold", "inform"),
        ("our hotel room was filthy and nobody picked up the phone", "inform"),
        ("i have a gym membership", "nlu_fallback"),
        ("we have a school project on outsourcing", "nlu_fallback"),
        ("i run a podcast about small business", "nlu_fallback"),
        ("i'm a shift manager at a burger place, 19 years old", "out_of_scope"),
        ("i manage a pub and my head chef quit", "out_of_scope"),
        ("cafe owner here, love the site", "out_of_scope"),
        ("i own a climbing gym, our members love it", "inform"),
        ("we run a contact centre for insurers", "services"),
        ("i'm the owner of a contact centre, 80 seats", "nlu_fallback"),
        ("we bake pies, customers go crazy for them", "inform"),
        ("who should i pick as my accountant", "out_of_scope"),
        ("i own a car", "out_of_scope"),
        ("i own two horses", "out_of_scope"),
        ("i'm the ceo of my own life lol", "out_of_scope"),
        ("i run a facebook group for local businesses", "out_of_scope"),
        ("i'm a receptionist at a dental clinic", "out_of_scope"),
        ("i'm a driver for a delivery company", "out_of_scope"),
        ("we're a franchise so hard to count", "inform"),
        ("we provide customer support for other companies, 400 staff", "inform"),
    ],
)
def test_other_statements_about_a_business_keep_their_reading(text, intent):
    assert read(text, intent)[0] == intent


def test_a_business_story_read_unsurely_as_a_knowledge_question_asks_for_the_recommendation():
    text = "our mobile tyre fitting company is growing fast and i need to hand work over"
    message = parsed_message(text, "trends", 0.55, topic="trends/overview")
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "request_recommendation"
    # ... but not a reading the classifier is sure of
    message = parsed_message(text, "trends", 0.9, topic="trends/overview")
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "trends"


@pytest.mark.parametrize(
    "text", ["we are a start-up", "we're a large company that needs HR and logistics"]
)
def test_a_size_said_of_the_company_stays_an_answer(text):
    size = {"entity": "company_size", "value": "small", "start": 0, "end": 17}
    message = parsed_message(text, "inform", 0.9, entities=[size])
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "inform"


def test_the_visitors_business_needing_work_of_their_kind_asks_for_the_recommendation():
    text = "our pottery studio needs somebody to deal with the phone orders"
    task = {"entity": "outsourced_function", "value": "order_taking", "start": 39, "end": 63}
    message = parsed_message(text, "out_of_scope", 0.7, entities=[task])
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "request_recommendation"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("would a call center really work for a 25 person bakery?", "careers"),
        ("is a bpo overkill for a firm of 80", "definition"),
        ("could a bpo help a law office with 12 staff", "benefits"),
        ("would a call centre be enough if we just need someone on the phones? 30 of us", "inform"),
        ("is a call center good for a 15 person roofing company?", "benefits"),
        ("is a bpo cheaper than hiring for a company like ours", "benefits"),
        (
            "does it make sense for a 300 person retailer to hand over payroll and support?",
            "inform",
        ),
        ("should we hire a call centre for the webshop?", "services"),
        ("do we even need a bpo", "definition"),
        ("what should we do here, bpo? call centre?", "definition"),
        ("do we need a call center or just a bpo for the books", "difference"),
        ("call center vs bpo for a 45 person furniture maker?", "services"),
        ("would it be overkill for us to go with a bpo", "benefits"),
        ("is outsourcing even realistic for us", "benefits"),
        ("please just tell me which one to pick", "out_of_scope"),
        # asked last, after the business or its work told of
        (
            "we run 3 vet practices and the phones ring all day. would a call center help?",
            "services",
        ),
        ("we want someone to run our payroll and invoicing, is that a bpo", "definition"),
        (
            "if we gave away our order handling would that be more of a call center thing",
            "difference",
        ),
        ("and if its mainly customer emails, which one then", "out_of_scope"),
        ("a call center for our inbound sales makes sense?", "choosing"),
        # the work of the two's kind, as a job for one of them (not a job looked for)
        ("our 2 hotels get swamped with booking calls, is that a call centre job or a bpo job?",
         "careers"),
    ],
)  # fmt: skip
def test_a_verdict_on_one_for_the_visitors_business_asks_for_the_recommendation(text, intent):
    assert read(text, intent)[0] == "request_recommendation"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("how would a bpo help us save money", "benefits"),
        ("is a bpo good for small companies?", "choosing"),
        ("does it make sense to outsource support?", "benefits"),
        ("can a call center answer our emails too?", "difference"),
        ("should i get a bpo job after college", "careers"),
        ("how should we use a call center for surveys", "services"),
        ("is a bpo still worth it for us? what are its downsides", "benefits"),
        ("so if we hire a bpo do we get a call center with it?", "difference"),
        ("what should i do to get hired at a bpo", "careers"),
        ("tell me which one to use for my class essay", "out_of_scope"),
        ("we want the design of our trade show stand done outside, who does that?", "out_of_scope"),
        ("bpo vs call center for small companies, in general?", "choosing"),
        ("would a call centre help?", "benefits"),
        ("if i want to work nights then which one", "careers"),
        ("a bpo for the cleaning makes sense?", "out_of_scope"),
        ("thinking about outsourcing my homework lol", "out_of_scope"),
        ("thinking about outsourcing my speech writing", "out_of_scope"),
        ("i work at a call center, would a bpo help?", "careers"),
        ("my friend runs a shop with 5 staff, would a call center help?", "benefits"),
        ("our supplier handles payroll. what is that, is it a bpo?", "definition"),
    ],
)
def test_how_or_for_companies_in_general_is_no_verdict_asked(text, intent):
    assert read(text, intent)[0] == intent


def test_the_difference_asked_after_a_story_read_as_a_request_is_the_difference():
    text = "we're 120 people and already have a call center. whats the real difference with a bpo?"
    assert read(text, "request_recommendation")[0] == "difference"
    # ... unless what to do is asked too
    text = "we are 40 people. whats the difference and which should we pick?"
    assert read(text, "request_recommendation")[0] == "request_recommendation"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("looking for a company to take over the cleaning for our 3 restaurants", "out_of_scope"),
        ("i wanna stop doing the cooking myself, i run 2 cafes", "out_of_scope"),
        ("looking for a company to take over our web design", "out_of_scope"),
    ],
)
def test_other_work_to_be_taken_over_is_no_request(text, intent):
    assert read(text, intent)[0] == intent


def test_a_second_question_beside_a_verdict_is_answered():
    assert read("is bpo worth it for us, and why do companies use it", "benefits")[0] == (
        "benefits"
    )


@pytest.mark.parametrize(
    "text, intent, reading",
    [
        # the bare choice, then the view asked for
        ("so bpo or call centre, what do you reckon", "difference", "request_recommendation"),
        ("bpo or cc? your call", "definition", "request_recommendation"),
        ("bpo or call center, what do u think is the difference", "difference", "difference"),
        # work to hand over, no idea what
        (
            "our dental group wants to outsource some stuff but has no idea what to pick",
            "benefits",
            "request_recommendation",
        ),
        ("i want to outsource my essay but no clue how", "out_of_scope", "out_of_scope"),
        # the two asked one by one after the company's story
        (
            "we're a design studio of 70 and our invoicing is chaos. bpo? call centre?",
            "difference",
            "request_recommendation",
        ),
        ("bpo? call center?", "difference", "difference"),
        # which one goes with a size: the rule of thumb
        ("should a small business go with a call center?", "benefits", "choosing"),
        ("what does a big company get from a bpo?", "benefits", "benefits"),
        # ... of other things
        ("is it worth it for a small business to form an llc", "out_of_scope", "out_of_scope"),
        (
            "which one is cheaper for a small company, llc or sole trader",
            "out_of_scope",
            "out_of_scope",
        ),
        ("we want to outsource but don't know what a bpo is", "definition", "definition"),
        (
            "we want to outsource but not sure what regulations apply",
            "out_of_scope",
            "out_of_scope",
        ),
    ],
)
def test_choices_asked_in_few_words(text, intent, reading):
    assert read(text, intent)[0] == reading


def test_a_law_firm_is_a_business_not_a_question_of_law():
    text = "im the practice manager at a law firm of 30, reception cant keep up with the calls"
    assert read(text, "out_of_scope")[0] == "request_recommendation"
    assert read("what are the labour laws for call centres", "out_of_scope")[0] == "out_of_scope"


def test_a_size_asked_of_as_why_keeps_why_and_names_the_choice():
    message = parsed_message(
        "is that overkill for a mid sized company", "explain_recommendation", 0.8, topic=None
    )
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "explain_recommendation"
    assert {"entity": "aspect", "value": "choosing", "start": 0, "end": 0} in result.get("entities")


def test_how_the_two_relate_asked_last_is_no_choice():
    text = (
        "we already use a bpo in manila for payroll and accounting and now we need people to "
        "answer the phones as well. can a call center be part of a bpo, or is a call center "
        "always something separate?"
    )
    message = parsed_message(text, "difference", 0.9, topic="difference/relationship")
    start = text.index("part of")
    subjects = [
        {"entity": "subject", "value": value, "start": at, "end": at + len(words)}
        for value, words in (("bpo", "bpo"), ("call_center", "call center"))
        for at in [m.start() for m in re.finditer(words, text)]
    ]
    aspect = {"entity": "aspect", "value": "relationship", "start": start, "end": start + 7}
    tasks = [{"entity": "outsourced_function", "value": "payroll", "start": 34, "end": 41}]
    message.set("entities", [*subjects, *tasks, aspect])
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "difference"


@pytest.mark.parametrize(
    "text",
    [
        "we're part of a bigger hospital group, bpo or call center?",
        "which one keeps us within budget, a bpo or a call centre?",
        "we're a small firm, would a bpo or a call center work within our budget?",
    ],
)
def test_a_word_of_relation_that_relates_neither_to_the_other_leaves_the_choice(text):
    message = parsed_message(text, "request_recommendation", 0.9, topic="difference/relationship")
    entities = [
        {"entity": "subject", "value": value, "start": m.start(), "end": m.end()}
        for value, words in (("bpo", "bpo"), ("call_center", r"call cent\w+"))
        for m in re.finditer(words, text)
    ]
    word = re.search(r"part of|within", text)
    entities.append(
        {"entity": "aspect", "value": "relationship", "start": word.start(), "end": word.end()}
    )
    message.set("entities", entities)
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "request_recommendation"


@pytest.mark.parametrize(
    "text, intent, topic, flagged",
    [
        ("how will AI change call centres? and which one do we want", "trends",
         "trends/ai_automation", True),
        ("what are the pros of using a call centre? and would it suit us, we run 3 nurseries",
         "benefits", "benefits/call_center", True),
        ("what tech do call centres use? we're a taxi firm trying to work out which way to go",
         "difference", "difference/technology", True),
        # no choice of the visitor's own asked after it
        ("what is a bpo? we're a 20-person firm", "definition", "definition/bpo", False),
        ("what is a bpo? i work at one and want to know which roles suit me", "definition",
         "definition/bpo", False),
        ("where are bpos based? which countries are best for us", "services",
         "services/locations", False),
        ("what is a bpo? which one is better for small companies?", "definition",
         "definition/bpo", False),
        # someone else's company, or one in a piece of work
        ("what does a call center do? would it suit my client", "services",
         "services/call_center", False),
        ("what are the advantages of a bpo? would it suit my uncle's restaurant", "benefits",
         "benefits/bpo", False),
        ("what are the advantages of a bpo? would it suit the company i'm writing my thesis "
         "about", "benefits", "benefits/bpo", False),
        ("what does a call center do? our clients call a lot, would it suit us", "services",
         "services/call_center", True),
        ("what does a call center do? would it suit my son, he is 19?", "services",
         "services/call_center", False),
        ("what is a call center? it's a restaurant i run, which one do we need?", "definition",
         "definition/call_center", True),
    ],
)  # fmt: skip
def test_a_choice_asked_after_a_knowledge_question_starts_the_questions(
    text, intent, topic, flagged
):
    message = parsed_message(text, intent, 0.9, topic=topic)
    (result,) = ChoiceQuestion({}).process([message])
    names = [e.get("entity") for e in result.get("entities") or []]
    assert ("answer_first" in names) is flagged
    if flagged:
        assert result.get("intent")["name"] == "request_recommendation"
        # the topic asked first stays the selector's
        assert (
            result.get("response_selector")["default"]["response"]["intent_response_key"] == topic
        )


def test_which_one_each_is_for_after_a_list_is_no_choice_of_our_own():
    text = "crm, ivr, rpa... which of these is for call centers and which for bpo??"
    message = parsed_message(text, "difference", 0.9, topic="difference/technology")
    assert not ChoiceQuestion({}).choice_asked_after(message)


def test_a_question_before_a_choice_read_whole_as_the_choice_is_answered_first():
    text = "what is a bpo exactly? and which one do we need for our salon"
    message = parsed_message(text, "definition", 0.6, topic="definition/bpo")
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "request_recommendation"
    assert "answer_first" in [e.get("entity") for e in result.get("entities") or []]


@pytest.mark.parametrize(
    "text, intent",
    [
        ("hiya what should a little flower shop do", "out_of_scope"),
        ("help!! furniture rental business, dont know whether to go bpo or cc", "choosing"),
        ("Hello, could you advise what type of service would suit a funeral director?",
         "choosing"),
        ("what should a letting agency choose, call center or bpo?", "choosing"),
        ("hi, which service is right for a bike shop chain?", "out_of_scope"),
        ("should a yoga studio chain go for a call centre or a bpo", "difference"),
        ("could you suggest an option for our college?", "out_of_scope"),
        ("etsy shop owner, what outsourcing would we need?", "out_of_scope"),
        ("which model is right for a language school", "out_of_scope"),
        ("could you tell me whether to go with a bpo or a call centre", "choosing"),
    ],
)  # fmt: skip
def test_a_trade_asking_what_to_do_asks_for_the_recommendation(text, intent):
    assert read(text, intent)[0] == "request_recommendation"


@pytest.mark.parametrize(
    "text", ["which usually suits big companies", "so which one fits smaller firms best?"]
)
def test_which_one_suits_a_size_gets_the_rule_of_thumb(text):
    assert read(text, "services") == ("choosing", "choosing/overview")


@pytest.mark.parametrize(
    "text, intent",
    [("what should a call center agent do when a caller shouts", "careers"),
     ("so what should a company do?", "follow_up"),
     ("what should a company choose", "choosing"),
     ("should a small business go with a call centre or a bpo?", "choosing"),
     ("which service is best for a bpo to offer first", "out_of_scope"),
     ("is a bpo or a call center better for a future operations director?", "careers"),
     ("which suits big companies, an llc or a corporation?", "out_of_scope")],
)  # fmt: skip
def test_questions_of_other_things_are_no_choice(text, intent):
    assert read(text, intent)[0] == intent


@pytest.mark.parametrize(
    "text, intent",
    [
        ("what should decide it, size? budget?", "request_recommendation"),
        ("what sort of company picks that over a call centre", "benefits"),
        ("what kind of business would go for a bpo", "services"),
    ],
)
def test_what_decides_the_choice_gets_the_rule_of_thumb(text, intent):
    assert read(text, intent) == ("choosing", "choosing/overview")


def test_what_decides_it_for_us_asks_for_the_recommendation():
    assert read("what should decide it, for us?", "request_recommendation")[0] == (
        "request_recommendation"
    )


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("regional newspaper, which do you recommend", "out_of_scope", "request_recommendation"),
        ("trying to decide between outsourcing to a call center or a bpo, can u help", "choosing",
         "request_recommendation"),
        ("im torn between a bpo and a call centre", "difference", "request_recommendation"),
        ("trying to decide between working with a call center or a bpo for our support",
         "choosing", "request_recommendation"),
        ("car hire firm, call center or bpo?", "difference", "request_recommendation"),
        ("we're a small dental practice - bpo or a call centre", "difference",
         "request_recommendation"),
        ("hi, ops manager at a property management company here, trying to work out how we "
         "should outsource", "careers", "request_recommendation"),
        # a product, not a trade
        ("crm software, which do you recommend", "out_of_scope", "out_of_scope"),
        ("crm software, call center or bpo?", "difference", "difference"),
        # the difference, asked bare
        ("difference, call center or bpo?", "difference", "difference"),
        # how companies in general decide, and a long story: left alone
        ("how do companies decide between a bpo and a call center", "choosing", "choosing"),
        ("we looked at many vendors over the last two years and the budget is unclear, which "
         "do you recommend", "out_of_scope", "out_of_scope"),
    ],
)  # fmt: skip
def test_a_trade_or_an_own_decision_then_the_choice_asks_for_it(text, intent, expected):
    assert read(text, intent)[0] == expected


@pytest.mark.parametrize(
    "text, intent",
    [
        ("advice pls - we're a furniture retailer with stores in 6 cities", "inform"),
        ("which one? we run an ecommerce marketplace, 2,400 employees, customers and sellers "
         "call constantly", "inform"),
        ("what should a global shipping firm with 20k employees choose for customer service "
         "when the budget is a shoestring?", "choosing"),
    ],
)  # fmt: skip
def test_the_choice_asked_first_or_for_a_company_told_with_facts_is_the_request(text, intent):
    message = parsed_message(text, intent, 0.7, topic="choosing/overview")
    if "customer service" in text:
        start = text.index("customer service")
        message.set(
            "entities",
            [
                {
                    "entity": "outsourced_function",
                    "value": "customer_support",
                    "start": start,
                    "end": start + 16,
                }
            ],
        )
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "request_recommendation"


def test_a_company_in_general_with_one_fact_is_no_request():
    text = "what should a small company choose, generally?"
    (result,) = ChoiceQuestion({}).process([parsed_message(text, "choosing", 0.9)])
    assert result.get("intent")["name"] == "choosing"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("what should a call centre with 200 agents and a big budget use for its crm",
         "difference"),
        ("which one? i'm a team lead at a call center and my company wants to move us to a bpo",
         "careers"),
    ],
)  # fmt: skip
def test_a_side_choosing_its_tools_or_someone_working_there_is_no_request(text, intent):
    (result,) = ChoiceQuestion({}).process([parsed_message(text, intent, 0.9)])
    assert result.get("intent")["name"] == intent


@pytest.mark.parametrize(
    "text, verdict",
    [
        ("our 2 hotels get swamped with booking calls, is that a call centre job or a bpo job?",
         True),
        # one's own work asked about: a job, not the business's choice
        ("i take the calls at a vet clinic all day, is that a call centre job or a bpo job?",
         False),
        ("i do the invoices at my aunt's shop. is that a bpo job?", False),
    ],
)  # fmt: skip
def test_the_work_asked_as_a_job_of_one_is_a_verdict_only_for_a_business(text, verdict):
    from bot.nlp.choice_question import verdict_on_one

    assert verdict_on_one(text) == verdict


def test_a_disagreement_over_what_they_are_is_no_request():
    text = "my boss says bpo and call center are the same, can you settle it?"
    assert read(text, "difference")[0] == "difference"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("we want to end that contract with our bpo, how hard is it to bring the work back in "
         "house", "services"),
        ("i need you to settle this: is a call center a kind of bpo?", "definition"),
    ],
)  # fmt: skip
def test_settling_something_else_is_no_request(text, intent):
    assert read(text, intent)[0] == intent


def test_one_for_each_then_settle_it_is_the_choice():
    text = "my partner says a call centre, i say a bpo, can you settle it?"
    assert read(text, "difference")[0] == "request_recommendation"


@pytest.mark.parametrize(
    "text, intent",
    [
        # a trade named by itself, and "good for" or "which outsourcing"
        ("what do you recommend for a bank", "out_of_scope"),
        ("which model is good for a real estate agency?", "out_of_scope"),
        ("which outsourcing is right for a home care agency", "out_of_scope"),
        ("hi im a nurse manager at a home care agency, which outsourcing is right?",
         "nlu_fallback"),
        # nothing but not knowing which to pick
        ("help pls i dont know what to pick", "help"),
        ("i cant decide which one to choose", "choosing"),
        ("what kind of partner would you recommend?", "out_of_scope"),
        ("what sort of provider should we look for", "out_of_scope"),
    ],
)  # fmt: skip
def test_a_choice_for_a_trade_or_not_knowing_which_to_pick_is_the_request(text, intent):
    assert read(text, intent)[0] == "request_recommendation"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("what is the best bank for a startup", "out_of_scope"),
        ("i'm a fresh grad, which option is good for me, IT or call center", "careers"),
        ("i dont know what to pick for dinner", "out_of_scope"),
    ],
)
def test_a_bank_chosen_a_job_or_dinner_is_no_request(text, intent):
    assert read(text, intent)[0] != "request_recommendation"


@pytest.mark.parametrize(
    "text",
    [
        "what kind of outsourcing partner do we need",
        "could you recommend which type of company " "to outsource to",
    ],
)
def test_the_kind_of_partner_needed_asks_for_the_recommendation(text):
    assert read(text, "services")[0] == "request_recommendation"


@pytest.mark.parametrize(
    "text",
    [
        "what kind of company do i need to register for a food truck",
        "can you recommend what kind of company to start with 10k",
        "what sort of provider do i need for my website hosting",
    ],
)
def test_a_kind_of_company_for_something_else_is_no_request(text):
    assert read(text, "out_of_scope")[0] == "out_of_scope"


@pytest.mark.parametrize(
    "text",
    [
        "where does a call center have the advantage over a bpo? need it for my essay",
        "bpo or call centre, which is better for customers? its for a uni assignment",
    ],
)
def test_a_question_for_schoolwork_read_as_a_request_is_the_knowledge_question(text):
    message = parsed_message(text, "request_recommendation", 0.85, topic="benefits/call_center")
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == "benefits"


@pytest.mark.parametrize(
    "text, topic, intent",
    [
        ("short version of what a call centre is, in one sentence for my boss",
         "definition/call_center", "definition"),
        ("one line for my manager please", "difference/channels", "follow_up"),
        # a choice asked beside it is the choice
        ("in one line for my boss: which fits us, bpo or call center?", "difference/overview",
         "request_recommendation"),
    ],
)  # fmt: skip
def test_a_short_answer_to_pass_on_is_no_request(text, topic, intent):
    named = []
    if "call" in text:  # the ruler's subject
        named.append({"entity": "subject", "value": "call_center", "start": text.index("call")})
    message = parsed_message(text, "request_recommendation", 0.85, named, topic=topic)
    (result,) = ChoiceQuestion({}).process([message])
    assert result.get("intent")["name"] == intent


@pytest.mark.parametrize(
    "text",
    [
        "a guy at a meetup said a bpo always beats a call center. is that true?",
        "i heard call centres never handle live chat, right?",
        "my cousin claims bpos are just call centers with a new name, true?",
    ],
)
def test_a_claim_heard_and_checked_is_a_knowledge_question(text):
    assert read(text, "request_recommendation")[0] == "difference"


@pytest.mark.parametrize(
    "text",
    [
        "our accountant says we should go with a bpo, is that right?",
        "i heard you can recommend one. which fits us?",
    ],
)
def test_a_claim_about_the_visitors_own_company_stays_a_request(text):
    assert read(text, "request_recommendation")[0] == "request_recommendation"


@pytest.mark.parametrize(
    "text",
    [
        "we're 30 at a garden centre and people keep asking where their order is, is it a bpo "
        "or call center we need",
        "our shop has 12 staff and the phones ring all day. do we really need a call center or "
        "a bpo?",
        "should i get a call centre or a bpo, my salon's phone never stops",
    ],
)
def test_which_of_the_two_we_need_after_a_story_asks_for_the_recommendation(text):
    assert read(text, "services")[0] == "request_recommendation"


@pytest.mark.parametrize(
    "text", ["is it a bpo or a call center that handles payroll?", "do call centers need a crm?"]
)
def test_which_of_the_two_does_a_task_is_no_request(text):
    assert read(text, "services")[0] == "services"


@pytest.mark.parametrize(
    "text, intent",
    [("which fits small biz usually", "inform"), ("which suits large companies", "out_of_scope")],
)
def test_which_fits_businesses_of_a_size_with_no_article_gets_the_rule_of_thumb(text, intent):
    assert read(text, intent) == ("choosing", "choosing/overview")


@pytest.mark.parametrize(
    "text",
    [
        "i think a bpo fits my bakery, right?",
        "my accountant said i should use a bpo for my salon, is that right?",
    ],
)
def test_a_claim_about_the_visitors_own_case_stays_a_request(text):
    assert read(text, "request_recommendation")[0] == "request_recommendation"


def test_which_of_the_two_as_a_career_is_no_request():
    assert read("should i choose a bpo or a call center as a career", "careers")[0] == "careers"
