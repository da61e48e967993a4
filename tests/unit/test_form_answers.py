"""Tasks a message takes away ("forget the analytics", "payroll, not hr"), and where one
task ends and the next begins."""

import pytest

from bot.nlp.form_answers import (
    FormAnswerClassifier,
    clauses,
    hired_for,
    money_deciders,
    places_of_work,
    taken_away,
)


def found(text, *values):
    return [
        {"entity": "outsourced_function", "value": v, "start": text.index(word)}
        for v, word in values
    ]


@pytest.mark.parametrize(
    "text, values, removed",
    [
        ("i meant payroll, not hr", [("payroll", "payroll"), ("hr", "hr")], {"hr"}),
        ("payroll but not hr", [("payroll", "payroll"), ("hr", "hr")], {"hr"}),
        ("Correction please: not payroll. I meant the hiring", [("payroll", "payroll"),
                                                                ("hr", "hiring")], {"payroll"}),
        ("we dropped the analytics, keep payroll", [("analytics", "analytics"),
                                                    ("payroll", "payroll")], {"analytics"}),
        ("scrap the accounting, we only need sales", [("accounting", "accounting"),
                                                      ("sales", "sales")], {"accounting"}),
        ("payroll and hr", [("payroll", "payroll"), ("hr", "hr")], set()),
        ("not sure, maybe payroll", [("payroll", "payroll")], set()),
        ("our accountant will keep doing payroll, so leave that out", [("payroll", "payroll")],
         {"payroll"}),
        ("the it stuff stays in-house", [("it_support", "it stuff")], {"it_support"}),
        ("actually skip the payroll, our finance team keeps it",
         [("payroll", "payroll"), ("accounting", "finance")], {"payroll", "accounting"}),
        ("on second thought our IT guy stays. just the phones then",
         [("it_support", "IT"), ("customer_support", "phones")], {"it_support"}),
        ("we will keep the data analysis internal", [("analytics", "data analysis")],
         {"analytics"}),
        ("internal IT support please", [("it_support", "IT")], set()),
        ("actually the bookkeeping stays with our accountant", [("accounting", "bookkeeping")],
         {"accounting"}),
        ("payroll is done by our tax advisor already", [("payroll", "payroll")], {"payroll"}),
        ("our accountant insists on keeping that", [("accounting", "accountant")],
         {"accounting"}),
        ("payroll done by a bpo would be great", [("payroll", "payroll")], set()),
        ("no sorry not payroll, i meant the hiring", [("payroll", "payroll"), ("hr", "hiring")],
         {"payroll"}),
        ("payroll and hr, wait no, just the phones",
         [("payroll", "payroll"), ("hr", "hr"), ("customer_support", "phones")], {"payroll", "hr"}),
        ("payroll, actually hr too", [("payroll", "payroll"), ("hr", "hr")], set()),
        ("correction, it's not payroll, it's the phones",
         [("payroll", "payroll"), ("customer_support", "phones")], {"payroll"}),
        ("it's not just payroll, also the phones",
         [("payroll", "payroll"), ("customer_support", "phones")], set()),
        ("ignore the data entry, we need people chasing unpaid bills",
         [("administration", "data entry"), ("collections", "chasing")], {"administration"}),
        ("payroll, sorry i just remembered hr too", [("payroll", "payroll"), ("hr", "hr")],
         set()),
        ("calling the members who dropped out to sell them a new season",
         [("sales", "sell")], set()),
        ("someone to drop off the parcels", [("logistics", "parcels")], set()),
        ("booking drop-off slots for customers", [("order_taking", "booking")], set()),
        ("drop the payroll", [("payroll", "payroll")], {"payroll"}),
        # a clause that takes back the one before it
        ("the bookkeeping - actually no, scrap that, our accountant does it. just answering "
         "couples", [("accounting", "bookkeeping"), ("customer_support", "answering")],
         {"accounting"}),
        ("payroll, scratch that, the phones", [("payroll", "payroll"),
         ("customer_support", "phones")], {"payroll"}),
        ("our accountant will keep the payroll and the accounts", [("payroll", "payroll"),
         ("accounting", "accounts")], {"payroll", "accounting"}),
        ("someone to keep the books", [("accounting", "books")], set()),
        ("payroll and hr. no wait, also invoicing", [("payroll", "payroll"), ("hr", "hr"),
         ("accounting", "invoicing")], set()),
        ("payroll is a pain. actually no one here likes doing it", [("payroll", "payroll")],
         set()),
        ("customers ring us and they'll keep ringing till someone answers",
         [("customer_support", "ring")], set()),
        # "take X off" takes it away; "take X off our hands" hands it over
        ("actually take the wages off, my wife does them fine. just the bookings",
         [("payroll", "wages"), ("order_taking", "bookings")], {"payroll"}),
        ("take off the payroll", [("payroll", "payroll")], {"payroll"}),
        ("someone to take the calls off our hands", [("customer_support", "calls")], set()),
        ("could they take the phones off reception", [("customer_support", "phones")], set()),
        ("we want to take the hassle out of payroll", [("payroll", "payroll")], set()),
        ("our bookkeeper does that badly so we want to outsource accounting",
         [("accounting", "accounting")], set()),
        ("we wanna skip payroll", [("payroll", "payroll")], {"payroll"}),
        ("the bookkeeping, my accountant does it", [("accounting", "bookkeeping")], set()),
        ("the bookkeeping. my wife does that", [("accounting", "bookkeeping")], set()),
        ("my wife does the bookkeeping", [("accounting", "bookkeeping")], set()),
        # "the books our accountant does already" takes them away
        ("no sorry, the books our accountant does already", [("accounting", "books")],
         {"accounting"}),
        ("the payroll my sister already handles", [("payroll", "payroll")], {"payroll"}),
        # "scrap metal" is a trade's goods, not "scrap that"
        ("planning the rounds for the lorries and where each load of scrap metal goes",
         [("logistics", "rounds")], set()),
        ("scrap the payroll", [("payroll", "payroll")], {"payroll"}),
        ("we already handle about 2000 tickets a month and want to outsource customer support",
         [("customer_support", "customer support")], set()),
        ("looking for a firm that already does payroll for restaurants", [("payroll", "payroll")],
         set()),
        ("i want to cancel the payroll, just the phones", [("payroll", "payroll")], {"payroll"}),
        # customers who cancel take nothing away
        ("short phone surveys with subscribers who cancel", [("surveys", "surveys")], set()),
        ("members phoning to cancel", [("customer_support", "phoning")], set()),
        ("tenants ringing to pause or cancel their lease", [("customer_support", "ringing")],
         set()),
        # a visit that ended keeps no task
        ("calls to patients after their stay to ask how it went", [("surveys", "calls")], set()),
        ("payroll stays.", [("payroll", "payroll")], {"payroll"}),
        ("actually my brother is taking over the payroll. we need people on the phones",
         [("payroll", "payroll"), ("customer_support", "phones")], {"payroll"}),
        ("my partner will be doing the books", [("accounting", "books")], {"accounting"}),
        ("our own team handles support fine, we need help with bookkeeping",
         [("customer_support", "support"), ("accounting", "bookkeeping")], {"customer_support"}),
        ("our team handles support badly, we need help", [("customer_support", "support")],
         set()),
        ("we need to cancel the surveys, keep sales", [("surveys", "surveys")], {"surveys"}),
        # the work done in-house is no work kept there
        ("our in-house bookkeeping is a shambles", [("accounting", "bookkeeping")], set()),
        ("bookkeeping stays in-house, just the calls", [("accounting", "bookkeeping")],
         {"accounting"}),
        ("our in-house hr is fine, its the phones we need help with",
         [("hr", "hr"), ("customer_support", "phones")], {"hr"}),
        ("cancel the payroll, just the calls", [("payroll", "payroll")], {"payroll"}),
        ("on second thoughts leave HR out of it, we'll keep that in house", [("hr", "HR")],
         {"hr"}),
        ("leave the payroll out", [("payroll", "payroll")], {"payroll"}),
        # "which skip goes where" is a skip, not skipping
        ("planning the lorry routes and which skip goes where", [("logistics", "routes")],
         set()),
        # customers without something are who is served, not a task left out
        ("taking orders by phone for people without the app", [("order_taking", "orders")],
         set()),
        ("payroll and hr, without the accounting", [("accounting", "accounting")],
         {"accounting"}),
        ("customer emails and calls, maybe accounting too... nah leave bookkeeping, just the "
         "customer side", [("accounting", "bookkeeping, just")], {"accounting"}),
        ("we leave the phones to the front desk", [("customer_support", "phones")], set()),
        # the HR leave is no leaving out
        ("hr stuff mostly, no leave system and onboarding is a mess", [("hr", "hr")], set()),
        # what comes after "just" in the clause that takes away is kept
        ("scratch the it part just the customer service",
         [("it_support", "it part"), ("customer_support", "customer service")], {"it_support"}),
    ],
)  # fmt: skip
def test_tasks_taken_away(text, values, removed):
    assert taken_away(text, found(text, *values), "outsourced_function") == removed


@pytest.mark.parametrize(
    "text, parts",
    [
        ("sales calls and customer surveys", ["sales calls", "customer surveys"]),
        ("payroll, hr & our phones", ["payroll", "hr", "our phones"]),
        ("tech support for our employees", ["tech support for our employees"]),
        ("bookkeeping as well as payroll.", ["bookkeeping", "payroll"]),
        ("IT support n accounting pls", ["IT support", "accounting pls"]),
        ("what we really need is someone on the phones", ["someone on the phones"]),
        ("we are looking to outsource our after-hours calls", ["our after-hours calls"]),
        ("it's not payroll - we need sales calls", ["it's not payroll", "we need sales calls"]),
    ],
)
def test_a_message_is_read_one_task_at_a_time(text, parts):
    assert [text[a:b].strip() for a, b in clauses(text)] == parts


def test_a_long_message_is_read_for_a_budget_one_part_at_a_time():
    from bot.nlp.base import MONEY as _MONEY
    from bot.nlp.form_answers import sentences

    text = "dental clinic, 12 staff, we need someone to chase invoices and we are low on money."
    parts = [text[a:b].strip() for a, b in sentences(text)]
    assert parts[-1] == "we are low on money"
    # only a part with a word of money can state a budget
    assert [p for p in parts if _MONEY.search(p)] == ["we are low on money"]


@pytest.mark.parametrize(
    "text, intent, entity, counted, unstated",
    [
        # a request that only sounds like a size or a budget states neither
        ("corporate events company here, what would you recommend", "request_recommendation",
         "company_size", None, True),
        ("we are a city gas utility, please recommend a model", "request_recommendation",
         "budget", None, True),
        # a head count, a word of money, or an answer does
        ("we are 300 people, what would you recommend", "request_recommendation",
         "company_size", "large", False),
        ("money is no object, which one?", "request_recommendation", "budget", None, False),
        ("a global group", "inform", "company_size", None, False),
        ("hi, we are a big hospital group, what would you suggest", "request_recommendation",
         "company_size", None, False),
        # tasks are read as before
        ("someone to answer the phones, which one?", "request_recommendation",
         "outsourced_function", None, False),
    ],
)  # fmt: skip
def test_a_size_or_budget_only_the_model_reads_in_a_request_stays_a_guess(
    text, intent, entity, counted, unstated
):
    from types import SimpleNamespace

    from rasa.shared.nlu.training_data.message import Message

    from bot.nlp.base import word_pattern

    config = FormAnswerClassifier.get_default_config()
    component = SimpleNamespace(config=config, size_words=word_pattern(config["size_words"]))
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9}})
    assert FormAnswerClassifier.unstated(component, message, entity, counted) is unstated


@pytest.mark.parametrize(
    "text, own_product",
    [
        ("we make project planning software", True),
        ("and we develop booking apps for gyms", True),
        ("we're building a fintech platform", True),
        ("someone to build our payroll reports", False),
        ("we need people to answer the phones", False),
        ("we ship monthly snack boxes", True),
        ("we do sales and rentals", True),
        ("we do need help with payroll", False),
        ("we do the bookkeeping on paper", False),
        ("we're running the phones with two people", False),
        ("we run 3 vet clinics", True),
        ("we run our payroll in-house", False),
        ("we are online shop selling handmade soap", True),
        ("we're a small firm making signs", True),
        ("we need a company selling our stuff by phone", False),
        ("we're after a company offering phone answering", False),
        ("we are seeking a firm providing bookkeeping", False),
        ("hi we make ice cream for cafes", True),
        ("We operate a chain of pawn shops", True),
        ("we operate the phones ourselves", False),
    ],
)
def test_what_the_company_makes_is_no_task(text, own_product):
    from bot.nlp.form_answers import _OWN_PRODUCT

    assert bool(_OWN_PRODUCT.match(text)) is own_product


@pytest.mark.parametrize(
    "text, vague",
    [
        ("all the boring stuff", True),
        ("the usual stuff", True),
        ("everything really", True),
        ("the admin stuff", False),
        ("all the paperwork", False),
        ("need to get some work off our plate", True),
        ("take the phones off our hands", False),
        ("get the payroll work off our plate", False),
        ("the stuff on the list", True),
        ("everything in your examples", True),
        ("the payroll on the list", False),
    ],
)
def test_words_that_name_no_task(text, vague):
    from bot.nlp.form_answers import _VAGUE

    assert bool(_VAGUE.match(text)) is vague


def test_what_the_company_does_goes_on_after_and():
    from bot.nlp.form_answers import what_it_does

    text = "we roast coffee and supply it to cafes, and we need someone for payroll"
    assert [text[slice(*span)].strip() for span in what_it_does(text)] == [
        "we roast coffee",
        "supply it to cafes",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("we do repairs and maintenance contracts", ["we do repairs", "maintenance contracts"]),
        ("we sell bikes and accessories and need help with payroll",
         ["we sell bikes", "accessories"]),
        # a task after a comma, or with a word of its own, is no more of the product
        ("we make candles, bookkeeping and payroll please", ["we make candles"]),
        ("we make candles and payroll too", ["we make candles"]),
        ("we sell shoes and customer support", ["we sell shoes"]),
        ("hi we make ice cream for cafes and our own parlour. which one?",
         ["hi we make ice cream for cafes", "our own parlour"]),
        ("we sell furniture online, deliveries and returns", ["we sell furniture online"]),
        ("we make apps and our own support line", ["we make apps"]),
    ],
)  # fmt: skip
def test_more_of_what_the_company_sells_after_and(text, expected):
    from bot.nlp.form_answers import what_it_does

    assert [text[slice(*span)].strip() for span in what_it_does(text)] == expected


@pytest.mark.parametrize(
    "text, counted_people",
    [
        ("forgot the new hires", True),
        ("not counting the seasonal temps", True),
        ("including our part-timers", True),
        ("with the warehouse crew we're 61", True),
        (" with the harvest pickers on contract we're actually 300", True),
        ("with the drivers on contract to manage", False),
        ("onboarding the new hires", False),
        ("staff to answer phones", False),
    ],
)
def test_who_was_counted_is_no_task(text, counted_people):
    from bot.nlp.form_answers import _COUNTED_PEOPLE

    assert bool(_COUNTED_PEOPLE.match(text)) is counted_people


@pytest.mark.parametrize(
    "text, why_counted",
    [
        (" we hired in january", True),
        ("just took on 5 new people last month", True),
        ("we hired a lot, the payroll is a mess", False),
        ("we took on in-house payroll last year", False),
        ("hiring and onboarding", False),
    ],
)
def test_hires_told_with_a_head_count_say_why_it_changed(text, why_counted):
    from bot.nlp.form_answers import _HIRED_SINCE

    assert bool(_HIRED_SINCE.match(text)) is why_counted


@pytest.mark.parametrize(
    "stretch, counted",
    [
        (" oh and 3 in the warehouse", True),
        ("5 at head office", True),
        ("plus 2 on the road", True),
        (" 3 in the warehouse need someone to plan deliveries", False),
        ("planning the warehouse", False),
    ],
)
def test_people_counted_where_they_work_are_no_task(stretch, counted):
    from bot.nlp.form_answers import _PEOPLE_AT_A_PLACE

    assert bool(_PEOPLE_AT_A_PLACE.match(stretch)) is counted


@pytest.mark.parametrize(
    "stretch, explained",
    [
        (" The 300 was our number of customers", True),
        ("that 50 is the number of vans", True),
        (" 300 customers ring us every day", False),
    ],
)
def test_what_a_number_was_is_no_task(stretch, explained):
    from bot.nlp.form_answers import _NUMBER_EXPLAINED

    assert bool(_NUMBER_EXPLAINED.match(stretch)) is explained


@pytest.mark.parametrize(
    "stretch, people_only",
    [
        (" kitchen staff", True),
        ("8 paid staff ", True),
        (" around 1200 drivers ", True),
        (" need support staff", False),
        (" hiring new staff", False),
        (" staff to answer phones", False),
        # whoever does a job, named by it
        (" the greenkeepers", True),
        (" a receptionist", True),
        (" the phone orders", False),
        (" the callers", False),
        (" the invoices", False),
        (" chasing debtors", False),
        (" the debtors", False),
        (" calling clients", False),
        (" looking for a bookkeeper", False),
        (" could use a receptionist", False),
        (" answering patients", False),
    ],
)
def test_people_beside_a_head_count_are_no_task(stretch, people_only):
    from bot.nlp.form_answers import _BY_THEIR_JOB, _PEOPLE_ONLY

    assert bool(_PEOPLE_ONLY.match(stretch) or _BY_THEIR_JOB.match(stretch)) is people_only


@pytest.mark.parametrize(
    "text, own",
    [
        ("pharmacy chain, 600 staff, we need order taking", "pharmacy chain"),
        ("hospital billing dept here. we want our overdue bills chased",
         "hospital billing dept here"),
        ("Namaste, we are a mid-size IT services firm of 200 employees, help us choose",
         " we are a mid-size IT services firm of 200 employees"),
        ("a payroll company, 40 staff", None),  # may name the provider wanted
        ("a payroll company, which one would you suggest", "a payroll company"),
        ("help me choose, courier startup", " courier startup"),
        ("billing department and the phones", None),
        ("pottery shop, i need help choosing, bpo or cc?", "pottery shop"),
        ("yoga studio chain owner, which model fits us?", "yoga studio chain owner"),
        ("payroll bureau company here, which of the two suits us", "payroll bureau company here"),
        ("Hello. Our family-run sawmill workshop (about 90 staff) wants advice. Which one?",
         " Our family-run sawmill workshop "),
        ("recruitment agency with 75 staff, we'd like someone to phone placed candidates. "
         "which model suits?", "recruitment agency with 75 staff"),
        ("property management co, need advice on outsourcing", "property management co"),
        ("we have a pest survey company, 30 people", "we have a pest survey company"),
        ("i own a freight transport business, 40 drivers", "i own a freight transport business"),
        ("hello, we are a company of marine transport, 80 persons",
         " we are a company of marine transport"),
        ("marquee hire, 25 staff, need help with the phones", "marquee hire"),
        ("we need to hire, 20 staff", None),
        ("we have payroll for our salon, and the bookings", None),
        ("new hire onboarding, payroll", None),
        ("Payroll bureau of about 90 people. We want our clients rung",
         "Payroll bureau of about 90 people"),
        ("we're an IT reseller, 14 people, and we need overdue invoices chased",
         "we're an IT reseller"),
        ("payroll for a company of 90 people, and the hiring", None),
    ],
)  # fmt: skip
def test_what_the_company_is_is_no_task(text, own):
    from bot.nlp.form_answers import own_business

    span = own_business(text)
    assert (text[slice(*span)] if span else None) == own


def test_stretches_read_unsurely_give_way_to_the_whole_message():
    component = FormAnswerClassifier.__new__(FormAnswerClassifier)
    component.config = FormAnswerClassifier.get_default_config()
    text = "calling gyms and hotels to sell them our bikes"
    gyms = (0, 13, {"customer_support": 0.4, "": 0.5})
    hotels = (17, 46, {"sales": 0.99, "": 0.01})
    assert component.supported([gyms, hotels], [("sales", 0.99)], text) == [hotels]
    # an unsure whole message decides nothing
    assert component.supported([gyms, hotels], [("sales", 0.8)], text) == [gyms, hotels]
    # a task of its own after the sure one stays ("payroll and a phone line for parents")
    text = "payroll and a phone line for parents"
    payroll = (0, 8, {"payroll": 0.99, "": 0.01})
    line = (12, 36, {"order_taking": 0.45, "": 0.4})
    assert component.supported([payroll, line], [("payroll", 0.99)], text) == [payroll, line]
    # two places joined by "and", neither read surely: the whole message's one task
    text = "phoning bars and pubs to get them to stock our beer"
    bars = (0, 12, {"customer_support": 0.51, "": 0.4})
    pubs = (17, 51, {"logistics": 0.52, "": 0.4})
    assert component.supported([bars, pubs], [("sales", 0.99)], text) == []


def test_a_short_stretch_read_unsurely_after_a_sure_one_gives_way_too():
    component = FormAnswerClassifier.__new__(FormAnswerClassifier)
    component.config = FormAnswerClassifier.get_default_config()
    text = "packing parcels and sending them out"
    parcels = (0, 15, {"logistics": 0.93, "": 0.05})
    sending = (19, 36, {"sales": 0.4, "": 0.31, "logistics": 0.19})
    assert component.supported([parcels, sending], [("logistics", 0.99)], text) == [parcels]
    # a sure second task stays
    sending = (19, 36, {"sales": 0.9, "": 0.1})
    kept = component.supported([parcels, sending], [("logistics", 0.99)], text)
    assert kept == [parcels, sending]


def test_a_task_only_the_whole_message_reads_is_a_guess():
    component = FormAnswerClassifier.__new__(FormAnswerClassifier)
    component.config = FormAnswerClassifier.get_default_config()
    # "craft brewery, 42 people, we want to outsource something": hr for the people
    read = [(14, 25, {"": 1.0, "hr": 0.0}), (26, 55, {"": 0.98, "hr": 0.01})]
    assert component.unsupported(read, "hr")
    assert not component.unsupported([(0, 20, {"hr": 0.3, "": 0.7})], "hr")
    assert not component.unsupported(None, "hr")  # no model of the stretches
    assert not component.unsupported([], "hr")  # every stretch said what the company is


@pytest.mark.parametrize(
    "text, stated",
    [
        ("we could hire staff locally or use a provider overseas", False),
        ("we could either outsource it or hire someone", False),
        ("we need someone to hire our staff", True),
        ("someone who could take our calls or emails in the evening", True),
        ("we might need help with payroll or hr", True),
    ],
)
def test_options_weighed_state_no_task(text, stated):
    from rasa.shared.nlu.training_data.message import Message

    component = FormAnswerClassifier.__new__(FormAnswerClassifier)
    component.config = FormAnswerClassifier.get_default_config()
    read = [(0, len(text), {"hr": 0.9, "": 0.1})]
    assert component.states_an_answer(Message(data={"text": text}), {}, read) is stated


@pytest.mark.parametrize(
    "stretch, kind",
    [
        ("repair shop", True),
        ("HVAC contractor", True),
        ("property management co", True),
        ("recruitment agency with 75 staff", True),
        ("car dealership group", True),
        ("independent car dealer", True),
        ("calling our dealers", False),
        ("fixing the office network", False),
        ("paying our contractors", False),
        ("chasing the shop owners", False),
        ("stock for the bakery", False),
        ("payroll for the company", False),
        ("need a payroll company", False),
    ],
)
def test_a_stretch_naming_a_kind_of_business_holds_no_task(stretch, kind):
    from bot.nlp.form_answers import names_a_kind_of_business

    assert names_a_kind_of_business(stretch) is kind


@pytest.mark.parametrize(
    "text, rest",
    [
        ("sorry, i meant just answering the musicians who call",
         "answering the musicians who call"),
        ("oh and also sending the invoices out each month", "sending the invoices out each month"),
        ("mainly ringing the pubs that owe us money", "ringing the pubs that owe us money"),
        ("no payroll needed", None),  # a "no" is part of what is said
        ("answering the phones", None),
        ("well being programme for our staff", None),  # "well" and "wait" are no fillers
        ("sorry wait staff scheduling", "wait staff scheduling"),
    ],
)  # fmt: skip
def test_words_before_a_task_are_no_part_of_it(text, rest):
    from bot.nlp.form_answers import _LEADING_FILLER

    filler = _LEADING_FILLER.match(text)
    assert (text[filler.end() :] if filler else None) == rest


@pytest.mark.parametrize(
    "text, removed",
    [
        ("we need sum1 to ring the customers who owe us for skip hire", set()),
        ("skip the payroll, only the phones", {"payroll"}),
        ("just ring visitors after the show. no hiring", {"hr"}),
        ("no just hiring", set()),
        ("no hiring too", set()),
        ("actually no hiring, our manager does that", {"hr"}),
        ("actually no hiring too", set()),
        ("no more hiring headaches", set()),
        ("skip-hire firm, we need hiring help", set()),
        ("we have no hiring budget but need payroll", set()),
    ],
)
def test_skip_and_no_take_a_task_away_but_not_a_trade(text, removed):
    values = (
        [("payroll", "payroll")]
        if "payroll" in text
        else [("hr", "hiring")]
        if "hiring" in text
        else [("collections", "ring")]
    )
    assert taken_away(text, found(text, *values), "outsourced_function") == removed


def _reading_by_words(component, monkeypatch, readings):
    """The task model stubbed: each stretch of text read as `readings` says."""
    import numpy as np
    from rasa.shared.nlu.training_data.message import Message
    from scipy.sparse import csr_matrix

    from bot.nlp import form_answers

    labels = np.array(["", "customer_support", "accounting"])
    component.task_models = {"outsourced_function": (labels, np.zeros((2, 3)), np.zeros(3))}
    monkeypatch.setattr(form_answers, "token_features", lambda message: csr_matrix((1, 2)))

    def read(message, entity, tokens, start, end):
        return readings[message.get("text")[start:end].strip()]

    monkeypatch.setattr(component, "_read", read)
    return lambda text: [
        (text[a:b].strip(), likeliest)
        for a, b, p in component.tasks(Message(data={"text": text}), "outsourced_function")
        if (likeliest := max(p, key=p.get))
    ]


def test_a_task_is_read_before_the_circumstances_that_drown_it(monkeypatch):
    component = FormAnswerClassifier.__new__(FormAnswerClassifier)
    component.config = FormAnswerClassifier.get_default_config()
    none = {"": 0.98, "customer_support": 0.01, "accounting": 0.01}
    support = {"": 0.2, "customer_support": 0.7, "accounting": 0.1}
    books = {"": 0.1, "customer_support": 0.1, "accounting": 0.8}
    tasks = _reading_by_words(
        component,
        monkeypatch,
        {
            "answering members who message us when their door code doesnt work": none,
            "answering members who message us": support,
            "the meeting room got double booked": books,
            "doing our books": books,
            "the wifi is down": books,
            "our firm would like a recommendation": none,
            "tourists ringing us when the bike lock wont open": none,
            "tourists ringing us": support,
            "its the customers who ring when their box didnt show up": none,
            "its the customers who ring": {"": 0.05, "customer_support": 0.9, "accounting": 0.05},
        },
    )
    text = (
        "answering members who message us when their door code doesnt work or the meeting "
        "room got double booked"
    )
    # what goes on after "or" is more of the circumstances, no task
    assert tasks(text) == [
        ("answering members who message us when their door code doesnt work", "customer_support")
    ]
    # a task of its own goes on after "and"
    text = "answering members who message us when their door code doesnt work and doing our books"
    assert [t for _, t in tasks(text)] == ["customer_support", "accounting"]
    text = (
        "answering members who message us when their door code doesnt work or the wifi is "
        "down and doing our books"
    )
    assert [t for _, t in tasks(text)] == ["customer_support", "accounting"]
    # "would like" is a want, no circumstance
    assert tasks("our firm would like a recommendation") == []
    # a task not told as an activity is read before its circumstances only when surely
    assert tasks("tourists ringing us when the bike lock wont open") == []
    text = "its the customers who ring when their box didnt show up"
    assert tasks(text) == [(text, "customer_support")]


def test_a_task_read_surely_is_stated_though_guessed_elsewhere_first():
    """ "Charter airline, 900 employees. We want a partner to handle passenger calls": the
    business name reads a little like the same task; the sure reading states it."""
    from rasa.shared.nlu.training_data.message import Message

    component = FormAnswerClassifier.__new__(FormAnswerClassifier)
    component.config = FormAnswerClassifier.get_default_config()
    text = "Charter airline, 900 employees. We want a partner to handle passenger calls"
    message = Message(data={"text": text, "intent": {"name": "request_recommendation"}})
    airline = (0, 15, {"customer_support": 0.47, "": 0.48})
    calls = (31, len(text), {"customer_support": 0.93, "": 0.07})
    read = component.read_tasks(message, "outsourced_function", [], [airline, calls])
    assert [(e["value"], e.get("role")) for e in read] == [("customer_support", None)]


@pytest.mark.parametrize(
    "text, decider",
    [
        ("we had loads but scratch that, finance just slashed it, its tight now", "finance"),
        ("the finance team approved a decent amount", "finance team approved"),
        ("hr won't approve much", "hr won't approve"),
        ("finance said we need help with payroll", None),
        ("Flexible - no, sorry, finance just told me it's very tight this year.", "finance"),
        ("our finance is a mess", None),
        ("payroll has doubled since we hired, we want to outsource it", None),
        ("accounting approved, payroll too", None),
        (
            "scratch what i said about budget, the board just cut it, it's tight now",
            "board just cut it",
        ),
        ("the owners slashed it", "owners slashed it"),
        ("our partners want the payroll done", None),
        ("we got funding to outsource our customer support", None),
        ("head office approved it support for the branches", "head office approved"),
        ("the budget is actually flexible, we got investment last month", "we got investment"),
        ("we raised a seed round so money is fine", "we raised a seed round"),
        ("correction: budget is actually tight, finance said no", "finance said no"),
        ("finance said no so its tight", "finance said"),
        ("finance said no to hiring so we need payroll done", None),
        ("our sales team refused, so we need sales calls outsourced", None),
        ("correction: budget's tight, finance just told me", "finance just told me"),
        ("the accounts team told me, we need them done", None),
        (
            "we need to be careful, finance has asked us to keep everything lean this year",
            "finance has asked us",
        ),
        ("finance asked us to find someone for the books", None),
        # how trade goes, told with the budget
        ("sales are down and head office wants it cheap", "sales are down"),
        ("our bookings dropped 20% this year", "bookings dropped"),
        ("orders are way up, we can afford help", "orders are way up"),
        ("we need sales and bookings handled", None),
        ("sales calls and order taking", None),
        ("it should be cheaper than hiring", "cheaper than hiring"),
        ("less than recruiting our own staff", "less than recruiting"),
        ("hiring and payroll", None),
        ("sales growth", None),
        ("orders up to 500 a day", None),
        ("handling sales up and down the country", None),
        ("sales flat out busy on the phones", None),
        ("our takings have been slow all winter", "takings have been slow"),
    ],
)
def test_a_department_deciding_the_money_is_no_task(text, decider):
    spans = money_deciders(text)
    assert (text[slice(*spans[0])].strip().startswith(decider) if spans else None) == (
        True if decider else None
    )


def test_an_exact_term_is_its_stretchs_task_where_the_model_reads_another_unsurely():
    """ "making sense of our sales numbers": the entity_ruler's "sales numbers" is the
    analytics; the model's unsure "sales" is no second task. A sure reading stays beside
    the term ("the analysis of our delivery times" is analytics beside "delivery")."""
    from rasa.shared.nlu.training_data.message import Message

    component = FormAnswerClassifier.__new__(FormAnswerClassifier)
    component.config = FormAnswerClassifier.get_default_config()
    text = "making sense of our sales numbers"
    message = Message(data={"text": text, "intent": {"name": "inform"}})
    term = {"entity": "outsourced_function", "value": "analytics", "start": 20, "end": 33}
    unsure = (0, len(text), {"sales": 0.6, "analytics": 0.3, "": 0.1})
    read = component.read_tasks(message, "outsourced_function", [dict(term)], [unsure])
    assert [e["value"] for e in read] == ["analytics"]
    sure = (0, len(text), {"sales": 0.85, "analytics": 0.1, "": 0.05})
    read = component.read_tasks(message, "outsourced_function", [dict(term)], [sure])
    assert [e["value"] for e in read] == ["analytics", "sales"]


def test_it_the_pronoun_is_no_it_support():
    from rasa.shared.nlu.training_data.message import Message

    component = FormAnswerClassifier.__new__(FormAnswerClassifier)
    component.config = FormAnswerClassifier.get_default_config()
    text = "It concerns the citizens' enquiries only. And fixing the laptops"
    message = Message(data={"text": text, "intent": {"name": "inform"}})
    pronoun = (0, 39, {"it_support": 0.5, "": 0.49})
    laptops = (41, len(text), {"it_support": 0.95, "": 0.05})
    read = component.read_tasks(message, "outsourced_function", [], [pronoun, laptops])
    assert [(e["value"], e["start"]) for e in read] == [("it_support", 41)]


@pytest.mark.parametrize(
    "stretch, value",
    [
        ("the online shop orders need boxing up and sending out", "logistics"),
        ("packing and posting the orders", "logistics"),
        ("taking the phone orders", "order_taking"),
        ("sending out order confirmations", "order_taking"),
        ("the orders for delivery that come in by phone", "order_taking"),
        ("delivering the parcels", "order_taking"),  # no orders named: the model decides
        ("handling the whatsapp orders for the cakes we deliver", "order_taking"),
        ("processing wholesale orders that come in by post", "order_taking"),
    ],
)
def test_orders_packed_and_sent_out_are_logistics(stretch, value):
    from bot.nlp.form_answers import orders_sent_out

    read = orders_sent_out(stretch, {"order_taking": 0.9, "logistics": 0.05, "": 0.05})
    assert max(read, key=read.get) == value


@pytest.mark.parametrize(
    "stretch, tech",
    [
        ("bookkeeping, payroll and it-support", True),
        ("payroll, and it for our 3 offices", True),
        ("our it provider", True),
        ("i.t. support", True),
        ("It concerns the citizens' enquiries only", False),
        ("tell them when the locksmith arrives", False),
    ],
)
def test_it_support_is_told_with_what_it_looks_after(stretch, tech):
    from bot.nlp.form_answers import _TECH_WORDS

    assert bool(_TECH_WORDS.search(stretch)) is tech


@pytest.mark.parametrize(
    "text, term, when",
    [
        ("calling customers after delivery to ask if they're happy", "delivery", True),
        ("a quick call once the installation is done", "installation", True),
        ("after sales support", "sales", True),
        ("deliveries and the invoices", "deliveries", False),
        ("sales calls after lunch", "sales", False),
        ("we'd want them to look after hiring too", "hiring", False),
    ],
)
def test_a_term_after_after_says_when_not_what(text, term, when):
    from bot.nlp.form_answers import tells_when

    start = text.index(term)
    assert tells_when(text, {"start": start, "end": start + len(term)}) is when


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("9 of us plus a couple of delivery lads", ["delivery"]),
        ("around 60 incl 4 admin staff", ["admin"]),
        ("we're 30 with our own payroll girls", ["own payroll"]),
        ("we are 40 and need support staff", []),
        ("we need 10 sales people", []),
        ("a couple of warehouse lads", []),  # no head count: nobody counted
        ("around 40 teachers plus 8 admin", ["admin"]),
        ("we're 25 and need 2 admin", []),
        ("40 teachers + 8 admin", ["admin"]),
        ("30 people, want to outsource payroll and customer service staff", []),
    ],
)
def test_the_people_counted_named_by_their_work_are_no_task(text, kinds):
    from bot.nlp.form_answers import counted_by_their_work, staff_of_a_kind

    spans = staff_of_a_kind(text) + counted_by_their_work(text)
    assert [text[a:b] for a, b in spans] == kinds


@pytest.mark.parametrize(
    "text, budget",
    [
        ("we live off grants so not much", "tight"),
        ("honestly very little", "tight"),
        ("hardly anything to spend honestly", "tight"),
        ("we've got next to nothing to spend on it", "tight"),
        ("there's not much for this", "tight"),
        ("honestly not much at all", "tight"),
        ("budget wise we don't have a lot", None),
        ("cash wise we havent got loads", None),
        ("some, but not much", "tight"),
        ("ample i guess", "flexible"),
        ("we have plenty of calls", None),
        ("just got funded so plenty", "flexible"),
        ("budget is healthy", "flexible"),
        ("budget? we have loads", "flexible"),
        ("lots", None),  # (people, when the size is asked)
        ("we have loads", None),
        ("we get plenty of calls", None),
        ("customers ring a lot", None),
        ("we don't ring them much", None),
        ("just 8 of us so not a lot", None),  # (people, when the size is asked)
        ("our call volume is very little", None),
        ("there's plenty", None),
        ("no real cap", "flexible"),
        ("no cap tbh", None),  # slang for "for real"
        ("typical", None),
        ("normal customer service", None),
        ("we're a normal company", None),
    ],
)
def test_a_budget_said_in_a_word_of_quantity_at_the_end(text, budget):
    from bot.nlp.form_answers import amount_in_a_word

    assert amount_in_a_word(text) == budget


@pytest.mark.parametrize(
    "stretch, rest",
    [
        ("we'd want them doing our wages", "doing our wages"),
        ("i'd also like someone to answer the phones", "answer the phones"),
        ("sorry, i meant just the invoices", "the invoices"),
    ],
)
def test_a_wish_before_a_task_is_no_part_of_it(stretch, rest):
    from bot.nlp.form_answers import _LEADING_FILLER, _WISH

    after = _LEADING_FILLER.match(stretch)
    lead = after.end() if after else 0
    wish = _WISH.match(stretch, lead)
    assert stretch[wish.end() if wish else lead :] == rest


def test_the_own_trade_asked_for_as_work_is_the_task():
    from bot.nlp.form_answers import own_business

    # the firm's own trade, with a bare head count, is what the company is ...
    text = "we're an IT firm of 110 and need help with it support"
    assert own_business(text) == (0, 24)
    # ... its tasks are read beside it (tests/test_rest_conversation.py)


@pytest.mark.parametrize(
    "clause, wanting",
    [
        ("patients ring constantly with questions", True),
        ("the phones ring all day", True),
        ("reception can't cope with the calls", True),
        ("we sell garden furniture", False),
    ],
)
def test_work_that_never_stops_is_asked_for(clause, wanting):
    from bot.nlp.form_answers import _WANTING

    assert bool(_WANTING.search(clause)) == wanting


@pytest.mark.parametrize(
    "text, money",
    [
        ("not a lot, maybe a few hundred quid a month", True),
        ("we can spend a bit", True),
        ("we merged last month, we're 260 staff now", False),
    ],
)
def test_words_of_money(text, money):
    from bot.nlp.base import names_money

    assert names_money(text) == money


@pytest.mark.parametrize(
    "text, negated",
    [
        ("we're not that small anymore", True),
        ("we arent small", True),
        ("not a big corporation", True),
        ("we are a decent small team", False),
        ("independent small bookshop", False),
    ],
)
def test_a_size_word_negated(text, negated):
    from bot.nlp.form_answers import _NEGATED_SIZE

    assert bool(_NEGATED_SIZE.search(text)) == negated


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("could u recommend something for our accountancy practice", ["accountancy "]),
        ("which fits a firm like ours? advice for my small dental clinic.", ["small dental "]),
        # no trade named, or work for it
        ("we need someone to do payroll for our company", []),
        ("payroll for our accounting firm, and the phones", ["accounting "]),
    ],
)
def test_the_trade_of_the_business_advice_is_asked_for_is_no_task(text, kinds):
    from bot.nlp.form_answers import for_our_firm

    assert [text[a:b] for a, b in for_our_firm(text)] == kinds


@pytest.mark.parametrize(
    "text, denied",
    [
        ("we are not looking to outsource ", True),
        ("we don't want to outsource ", True),
        ("football club, not sure about outsourcing ", False),
        ("football club looking at outsourcing ", False),
    ],
)
def test_work_handed_over_denied_only_beside_the_verb(text, denied):
    from bot.nlp.form_answers import _DENIED

    assert bool(_DENIED.search(text.rsplit(" ", 2)[0] + " ")) == denied


@pytest.mark.parametrize(
    "text, place",
    [
        ("around 25 people in the warehouse and office combined, so not big",
         "people in the warehouse and office"),
        ("300 staff across 4 warehouses and the head office", "staff across 4 warehouses and the "
         "head office"),
        ("we need someone for the warehouse and deliveries", None),
        ("30 people at our logistics depot", None),
        ("120 people, we want to outsource warehouse management", None),
    ],
)  # fmt: skip
def test_where_the_people_counted_work_is_no_task(text, place):
    spans = places_of_work(text)
    assert (text[slice(*spans[0])] if spans else None) == place


@pytest.mark.parametrize(
    "text, alone",
    [
        ("lots", True),
        ("a lot tbh", True),
        ("plenty", True),
        ("quite a bit", True),
        ("quite a lot really", True),
        ("a whole lot", True),
        # the money called no worry, nothing named
        ("not a concern", True),
        ("its not really an issue for us", True),
        ("not a concern, we need payroll", False),
        ("lots of calls", False),
        ("not a lot", False),
        ("a lot of us", False),
    ],
)
def test_a_word_of_quantity_alone_is_a_budget_only_where_it_is_asked(text, alone):
    # (read as a guess, which only the question about the budget takes)
    from bot.nlp.form_answers import quantity_alone

    assert quantity_alone(text) == alone


@pytest.mark.parametrize(
    "text, denied",
    [
        ("not too pricey, not too cheap", True),
        ("not too expensive but not too cheap either", True),
        ("neither lavish nor stingy", True),
        ("its not cheap but not crazy", True),
        ("not too expensive", False),
        ("not too big, not too small", False),  # (the size)
        ("neither strict nor loose", True),
        ("not rich, not poor", True),
        # one end in words of size, the other of money
        ("neither stingy nor huge", True),
        ("not cheap but not massive", True),
        ("not small, not much money though", False),  # (the company, then the money)
        # the high end in words of quantity
        ("not tight but not loads either", True),
        ("not loads", False),
    ],
)
def test_both_ends_of_the_budget_denied_is_moderate(text, denied):
    from bot.nlp.form_answers import both_ends_denied

    assert both_ends_denied(text) == denied


@pytest.mark.parametrize(
    "text, named",
    [
        ("recruitment for our warehouse jobs", ["warehouse"]),
        ("hiring delivery drivers and running the warehouse", ["delivery"]),
        ("hiring support staff and payroll", ["support"]),
        ("recruiting call centre agents", ["call centre"]),
        # the hiring itself, no people of a kind
        ("hiring and payroll", []),
        ("the warehouse and our recruitment", []),
    ],
)
def test_the_work_that_names_the_people_hired_is_no_task(text, named):
    assert [text[start:end] for start, end in hired_for(text)] == named


@pytest.mark.parametrize(
    "stretch, how_only",
    [
        (", by phone", True),
        (" by phone and email", True),
        (" mostly over the phone", True),
        (" by phone and chasing debts", False),
        (" answering the phone", False),
    ],
)
def test_a_stretch_that_only_says_by_which_channel_is_no_task(stretch, how_only):
    from bot.nlp.form_answers import _BY_A_CHANNEL

    assert bool(_BY_A_CHANNEL.match(stretch)) is how_only


@pytest.mark.parametrize(
    "stretch, when_only",
    [
        (", mostly the night shift", True),
        (" evenings and weekends", False),  # (two times: left to the model)
        (" at weekends", True),
        (" after hours", True),
        (" the night shift rota", False),
        (" night deliveries", False),
    ],
)
def test_a_stretch_that_only_says_when_is_no_task(stretch, when_only):
    from bot.nlp.form_answers import _WHEN_ONLY

    assert bool(_WHEN_ONLY.match(stretch)) is when_only


@pytest.mark.parametrize(
    "text, customers_only",
    [
        ("calling customers to remind them about overdue bills and get them to pay", True),
        ("chasing tenants until they pay up", True),
        ("making sure members pay their fees", True),
        ("we want the staff get paid and customers pay on time", False),
        ("paying our drivers and chasing customers who owe us", False),
        ("payroll, and getting clients to pay", False),
        ("we have 40 cleaners, can they pay our cleaners every week", False),
        ("can they pay everyone on time each month", False),
    ],
)
def test_customers_paying_is_no_payroll(text, customers_only):
    from bot.nlp.form_answers import only_customers_pay

    assert only_customers_pay(text) == customers_only


@pytest.mark.parametrize(
    "text, hours_only",
    [
        ("customers asking our opening hrs and prices", True),
        ("picking up the phone after hrs", True),
        ("hr and the phones after hrs", False),
        ("hiring, and calls out of hrs", False),
        ("hrs stuff and payroll", False),
    ],
)
def test_hours_texted_short_are_no_hr(text, hours_only):
    from bot.nlp.form_answers import only_hours_short

    assert only_hours_short(text) == hours_only


@pytest.mark.parametrize(
    "text, stretch, named, expected",
    [
        # both named, the stretch only one of them: the choice, no task
        ("bpo or the phone people, what do you think", " the phone people",
         [("bpo", "bpo"), ("phone people", "call_center")], True),
        # one named: "the phone people" may be the work wanted
        ("the phone people", "the phone people", [("phone people", "call_center")], False),
        # more than the name in the stretch
        ("bpo or call center, we need the phone people", " we need the phone people",
         [("bpo", "bpo"), ("call center", "call_center"), ("phone people", "call_center")],
         False),
    ],
)  # fmt: skip
def test_a_stretch_that_only_names_one_of_the_two_named_is_no_task(text, stretch, named, expected):
    from bot.nlp.form_answers import names_the_two_only

    subjects = [(text.rindex(w), text.rindex(w) + len(w), v) for w, v in named]
    start = text.index(stretch)
    assert names_the_two_only(text, start, start + len(stretch), subjects) == expected


@pytest.mark.parametrize(
    "text, unit",
    [
        ("furniture importer, we have a sales office in lyon, which one fits?", "sales office"),
        ("we've got our own support team already", "support team"),
    ],
)
def test_a_unit_the_company_has_is_no_task(text, unit):
    from bot.nlp.form_answers import units_of_its_own

    start = text.index(unit)
    assert [(s, e) for s, e in units_of_its_own(text) if s <= start < e]


def test_a_unit_the_company_lacks_may_be_the_task():
    from bot.nlp.form_answers import units_of_its_own

    assert units_of_its_own("we don't have an it department, so it support") == []


def test_the_trade_asked_for_is_read_around():
    from bot.nlp.form_answers import for_our_firm

    text = "which is better for a flower delivery business, bpo or call center?"
    (start, end), *_ = for_our_firm(text)
    assert text[start:end].strip() == "flower delivery"
