"""Help with one's own job application is out of scope; questions on careers are not."""

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.near_domain_guard import NearDomainGuard
from bot.processes import REPO_ROOT
from tests.unit.conftest import parsed_message

CONFIG = next(
    c
    for c in yaml.safe_load((REPO_ROOT / "config.yml").read_text())["pipeline"]
    if c["name"].endswith("NearDomainGuard")
)


def intent_after(text, key="careers/bpo"):
    message = Message(
        data={
            "text": text,
            "intent": {"name": key.split("/")[0], "confidence": 0.8},
            "intent_ranking": [{"name": key.split("/")[0], "confidence": 0.8}],
            "response_selector": {"default": {"response": {"intent_response_key": key}}},
            # each names a BPO or a call center, as the entity_ruler finds
            "entities": [{"entity": "subject", "value": key.split("/")[1]}],
        }
    )
    (result,) = NearDomainGuard({"markers": CONFIG["markers"]}).process([message])
    return result.get("intent")["name"]


@pytest.mark.parametrize(
    "text",
    [
        "can you look over my cv for a bpo role",
        "tips for my call centre job interview tomorrow",
        "which bpo is hiring right now in cebu",
        "any bpo jobs hiring near me",
        "how do i negotiate my salary offer at a call center",
        "im applying to a bpo, what roles should i write on my cv",
        "should i quit my call center job and go back to uni",
        "tips for passing the english assessment in bpo hiring",
        "how long does the bpo hiring process take",
    ],
)
def test_job_application_help_is_out_of_scope(text):
    assert intent_after(text) == "out_of_scope"


@pytest.mark.parametrize(
    "text",
    [
        "what career paths does a bpo offer",
        "can you grow into a manager at a call center",
        "what skills do call centre agents need",
        "thinking about applying to a bpo. what kinds of roles and career growth do they offer?",
        "is working at a bpo worth it? honest assessment please",
    ],
)
def test_questions_on_careers_stay_careers(text):
    assert intent_after(text) == "careers"


def test_other_topics_are_not_guarded():
    assert intent_after(
        "do call centers run phone interviews for surveys", "services/call_center"
    ) == ("services")


def reading(text, key, intent=None, subject=None):
    entities = [{"entity": "subject", "value": subject}] if subject else []
    message = parsed_message(text, intent or key.split("/")[0], entities=entities, topic=key)
    guard = NearDomainGuard({"markers": CONFIG["markers"], "elsewhere": CONFIG["elsewhere"]})
    (result,) = guard.process([message])
    return result.get("intent")["name"]


def read_naming_its_subject(text, key, *lists):
    """The intent the guard, with these word lists of config.yml, leaves to a question read
    as topic `key`, that names the topic's subject."""
    guard = NearDomainGuard({name: CONFIG[name] for name in lists})
    message = parsed_message(text, key.split("/")[0], topic=key)
    message.set(
        "entities", [{"entity": "subject", "value": key.split("/")[1], "start": 0, "end": 3}]
    )
    (result,) = guard.process([message])
    return result.get("intent")["name"]


@pytest.mark.parametrize(
    "text, key, intent",
    [
        ("what is legal process outsourcing and which law firms use it", "services/industries",
         None),
        ("whats a 3pl warehouse", "definition/call_center", None),
        ("are there us laws that restrict offshoring jobs", "careers/bpo", "follow_up"),
        ("which predictive dialer software is the cheapest", "difference/technology", None),
        ("what is a call option in stocks", "definition/call_center", None),
        ("is it worth outsourcing our canning to a contract brewery",
         "benefits/outsourcing_savings", None),
        ("our managed it provider keeps missing deadlines, what can we do", "careers/call_center",
         None),
        ("how do we recruit good support reps", "careers/call_center", None),
        ("where can i find customer service staff for my shop", "careers/bpo", None),
        ("how does outsourcing a clinical trial to a cro work", "benefits/outsourcing_savings",
         None),
        ("any tips on choosing a caterer for the office", "choosing/overview", None),
        ("should we nearshore or offshore our app developers", "choosing/overview", None),
        ("is outsourcing our web development to poland a good idea",
         "benefits/outsourcing_savings", None),
    ],
)  # fmt: skip
def test_words_of_other_fields_are_out_of_scope(text, key, intent):
    assert reading(text, key, intent) == "out_of_scope"


@pytest.mark.parametrize(
    "text, key, intent, subject",
    [
        # it names a subject of this assistant
        ("is an rpo a kind of bpo?", "definition/bpo", None, "bpo"),
        ("which dialers do call centers use", "difference/technology", None, "call_center"),
        # a form answer is never overruled
        ("payroll and the taxes", "services/bpo", "inform", None),
        ("what tech does a call center use", "difference/technology", None, "call_center"),
        ("how do call centers hire their agents", "careers/call_center", None, "call_center"),
        # an in-law is no law
        ("my father in law asks how outsourcing saves money", "benefits/outsourcing_savings",
         None, None),
    ],
)  # fmt: skip
def test_questions_on_the_subjects_and_answers_keep_their_reading(text, key, intent, subject):
    assert reading(text, key, intent, subject) == (intent or key.split("/")[0])


def advice_reading(text):
    message = parsed_message(text, "request_recommendation", topic="choosing/overview")
    keys = ("elsewhere", "advice_elsewhere", "businesses", "story")
    guard = NearDomainGuard({key: CONFIG[key] for key in keys})
    (result,) = guard.process([message])
    return result.get("intent")["name"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("hubspot or salesforce for a team of five, which do you suggest", "out_of_scope"),
        ("can you recommend a good upwork freelancer for our books", "out_of_scope"),
        ("please recommend how to improve my resume", "out_of_scope"),
        # the visitor's own company may be a manufacturer; its question is this one
        ("we're a furniture manufacturer with 200 staff, which model suits us", None),
        ("we need our tax paperwork done, which one would you pick", None),
        # a supplier of another service, unless it is the visitor's own business
        ("could you suggest a good catering firm for our canteen", "out_of_scope"),
        ("which seo agency would you recommend", "out_of_scope"),
        ("should we outsource our translation work to an agency?", "out_of_scope"),
        ("we are a law firm of 60 people, which would you recommend", None),
        # a word joined by a hyphen before the business is the visitor's own too
        ("we're a mid-sized law firm, which would you recommend", None),
        ("looking for a low-cost translation agency, who do you recommend?", "out_of_scope"),
        ("hi we are a small law firm, 8 lawyers, need help with the phones", None),
        ("i'm a freelance photographer, would outsourcing help? what do you suggest", None),
        ("i'm a freelancer, upwork or fiverr, which would you recommend", "out_of_scope"),
        ("we are a law firm of 60, can you recommend a zendesk alternative", "out_of_scope"),
        ("we are a law firm, which lawyer would you recommend for a divorce", "out_of_scope"),
        ("our school catering company would like a recommendation", None),
        ("is there a free tool to share one phone line between us, which one", "out_of_scope"),
        ("what do you recommend for a marketing agency", None),
        # a count joined to its noun by a hyphen is the visitor's own business too
        (
            "which do you recommend for a 50-person marketing agency that needs payroll and hr "
            "handled?",
            None,
        ),
        ("we're a 25 person law office, which would you recommend", None),
        ("cleaning company owner here, which one should i pick", None),
        ("law office manager here, what would you suggest for us", None),
        ("translation agency founder, which model fits", None),
        ("which one should a cleaning company go for?", None),
        ("what would a cleaning company of 40 go for?", None),
        ("should we hire a cleaning company or do it ourselves", "out_of_scope"),
        ("could a catering firm run our canteen, which would you recommend", "out_of_scope"),
        ("my cleaning company has grown to 60 cleaners and the phones are chaos, thoughts?", None),
        ("we're 20 people, which crm should we use", "out_of_scope"),
        ("should we use quickbooks or xero for our books", "out_of_scope"),
        ("which payroll software should a 50 person company use", "out_of_scope"),
        ("we're a 50 person factory, which accounting software is best", "out_of_scope"),
        ("hi we are a startup, what's a good interview question for a support rep", "out_of_scope"),
        ("hi, i have a small travel agency, which one would you recommend", None),
        ("we do event catering, which outsourcing would you recommend", None),
        ("i have a question, which seo agency would you recommend", "out_of_scope"),
        ("which outsourcing model do you think fits a recruitment agency", None),
        ("courier startup, 6 of us, need ppl to take orders by phone. what fits?", None),
        ("yo we r a bike courier company, which one should we go for", None),
        ("which courier would you recommend for our parcels", "out_of_scope"),
        # what the visitor's company is, said first
        ("staffing agency, we'd like a recommendation", None),
        (
            "small law firm (11 people). we want someone to do our accounts. what would you "
            "recommend?",
            None,
        ),
        ("textile factory looking for advice on who to hand work to", None),
        ("security guard company with 300 guards, what would you advise us", None),
        ("hiya, recruitment agency, can you help us decide between outsourcing options?", None),
        ("hi there, staffing agency here, which model fits", None),
        # the visitor's own trade, named again in the story
        (
            "we are cleaning company with 120 workers, the problem is the hiring of new cleaners. "
            "what is better for us?",
            None,
        ),
        ("recommend a contract manufacturer for our protein bars", "out_of_scope"),
        # a story that names another service, then the domain's own question
        (
            "I own a plastics factory. The canteen got renovated and the office staff fight "
            "their computers. Which outsourcing model would you pick for us?",
            None,
        ),
        ("we need catering for our canteen. which one would you pick?", "out_of_scope"),
        (
            "We need legal process outsourcing. Which outsourcing model would you pick?",
            "out_of_scope",
        ),
        ("recommend a catering company with halal options", "out_of_scope"),
        ("hi, need catering. which one would you pick?", "out_of_scope"),
        ("suggest a translation agency with good reviews", "out_of_scope"),
        # a BPO of another kind, asked as advice for nobody's company
        ("bpo gel for acne, which strength would you recommend", "out_of_scope"),
        ("benzoyl peroxide 5% gel or 10%, which would you recommend", "out_of_scope"),
        # a clinic's own trade, with no BPO of another kind named
        (
            "private clinic group here - 3 clinics, dermatology and physio. advice please on "
            "outsourcing",
            None,
        ),
    ],
)
def test_advice_on_products_other_outsourcing_or_a_cv_is_out_of_scope(text, expected):
    assert advice_reading(text) == (expected or "request_recommendation")


@pytest.mark.parametrize(
    "text, key, expected",
    [
        ("what time does the community center on the corner open", "difference/similarities",
         "out_of_scope"),
        ("who plays in the centre in netball", "services/call_center", "out_of_scope"),
        # the domain's own words, without a subject or an aspect
        ("why do firms outsource at all", "benefits/outsourcing_savings", "benefits"),
        ("they both talk to customers, what else is alike", "difference/similarities",
         "difference"),
        # words of the previous answer
        ("is patience really needed there?", "careers/call_center", "careers"),
        ("could i work at one as a designer", "careers/bpo", "careers"),
        ("is there a pool at the leisure centre", "difference/similarities", "out_of_scope"),
        ("what should a firm weigh when choosing between the two", "choosing/overview",
         "choosing"),
        ("then how do i pick one", "choosing/overview", "choosing"),
        ("ok so how would a company pick", "choosing/overview", "choosing"),
        ("what should a company look at when deciding", "choosing/overview", "choosing"),
        ("what matters when picking one over the other", "choosing/overview", "choosing"),
        # work handed to another company, in everyday words
        ("whats good about giving one outside firm our accounting and hr", "benefits/bpo",
         "benefits"),
        ("is it cheaper than keeping it in-house", "benefits/outsourcing_savings", "benefits"),
        ("is an outside chef better than our own", "benefits/bpo", "out_of_scope"),
    ],
)  # fmt: skip
def test_a_knowledge_question_with_nothing_of_the_domain_is_out_of_scope(text, key, expected):
    assert reading(text, key) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("which wine should i pick", "out_of_scope"),
        ("what laptop should we buy for the new hire", "out_of_scope"),
        ("which university should i choose", "out_of_scope"),
        ("which agency should we go with", "request_recommendation"),
        # a model of outsourcing, or the visitor's own company
        ("which one should we pick", "request_recommendation"),
        ("which provider should we go with", "request_recommendation"),
        ("which model should i choose for my bakery", "request_recommendation"),
        ("we run a courier firm, which setup should we pick", "request_recommendation"),
        ("which should we choose for the customer calls", "request_recommendation"),
    ],
)
def test_advice_on_choosing_another_thing_is_out_of_scope(text, expected):
    message = parsed_message(text, "request_recommendation", topic="choosing/overview")
    (result,) = NearDomainGuard({}).process([message])
    assert result.get("intent")["name"] == expected


def test_bpo_of_another_kind_is_out_of_scope():
    text = "does bpo 10% wash help with pimples"
    message = parsed_message(text, "definition", topic="definition/bpo")
    message.set("entities", [{"entity": "subject", "value": "bpo", "start": 5, "end": 8}])
    (result,) = NearDomainGuard({}).process([message])
    assert result.get("intent")["name"] == "out_of_scope"


def test_a_question_about_a_product_told_like_an_answer_is_out_of_scope():
    keys = ("elsewhere", "advice_elsewhere", "businesses")
    guard = NearDomainGuard({key: CONFIG[key] for key in keys})
    text = "our dialpad keeps dropping calls after a minute, how to fix"
    (result,) = guard.process([parsed_message(text, "inform", topic="services/call_center")])
    assert result.get("intent")["name"] == "out_of_scope"
    # an answer that names a product is still an answer
    text = "we use zendesk and need people to answer the tickets"
    (result,) = guard.process([parsed_message(text, "inform", topic="services/call_center")])
    assert result.get("intent")["name"] == "inform"


def test_a_product_that_does_not_work_is_out_of_scope_unless_the_work_is_handed_over():
    keys = ("elsewhere", "advice_elsewhere", "businesses")
    guard = NearDomainGuard({key: CONFIG[key] for key in keys})

    def read(text):
        message = parsed_message(text, "inform", topic="services/bpo")
        message.set("entities", [{"entity": "outsourced_function", "value": "payroll"}])
        (result,) = guard.process([message])
        return result.get("intent")["name"]

    assert read("my xero payroll isnt syncing, help") == "out_of_scope"
    assert read("payroll in xero wont calculate the overtime, how do i fix it") == "out_of_scope"
    # the trouble told in an answer, with no help asked for it
    assert read("payroll, we run it in quickbooks but it isnt working for us anymore") == "inform"
    assert read("quickbooks payroll isnt working for us, need someone to take it over") == (
        "inform"
    )
    assert read("we do payroll in xero and want to hand it over") == "inform"


def test_the_visitors_own_workplace_is_out_of_scope_even_asked_as_advice():
    guard = NearDomainGuard({"always_elsewhere": CONFIG["always_elsewhere"]})

    def read(text, start):
        message = parsed_message(text, "request_recommendation", topic="careers/bpo")
        entity = {"entity": "subject", "value": "bpo", "start": start, "end": start + 3}
        message.set("entities", [entity])
        (result,) = guard.process([message])
        return result.get("intent")["name"]

    text = "my supervisor at the bpo keeps yelling at me what should i do"
    assert read(text, text.index("bpo")) == "out_of_scope"
    text = "my team leader at my bpo account is mean to me, advice?"
    assert read(text, text.index("bpo")) == "out_of_scope"
    # a BPO named outside it is asked about
    text = "my boss at the office wants a bpo, which would you suggest"
    assert read(text, text.index("bpo")) == "request_recommendation"
    text = "my boss at the bpo wants to hand our back office work out, what should we do"
    assert read(text, text.index("bpo")) == "request_recommendation"


@pytest.mark.parametrize(
    "text, intent, subject",
    [
        ("my supervisor at work is rude to me every day, what do i do",
         "request_recommendation", None),
        ("recommend a good book on coaching for a new supervisor", "request_recommendation",
         None),
        ("how much severance do we owe staff if we close our call center site", "services",
         "call_center"),
        ("is a call center rep a contractor or an employee for irs purposes", "careers",
         "call_center"),
    ],
)  # fmt: skip
def test_own_workplace_reading_severance_and_tax_status_are_out_of_scope(text, intent, subject):
    guard = NearDomainGuard({"always_elsewhere": CONFIG["always_elsewhere"]})
    message = parsed_message(text, intent, topic=f"{intent}/{subject or 'bpo'}")
    if subject:
        start = text.index("call center")
        message.set("entities", [{"entity": "subject", "value": subject, "start": start,
                                  "end": start + 11}])  # fmt: skip
    (result,) = guard.process([message])
    assert result.get("intent")["name"] == "out_of_scope"


def test_severance_handled_as_part_of_the_payroll_is_no_question_of_law():
    guard = NearDomainGuard({"always_elsewhere": CONFIG["always_elsewhere"]})
    text = "can a bpo handle severance calculations as part of our payroll"
    message = parsed_message(text, "services", topic="services/bpo")
    message.set("entities", [{"entity": "subject", "value": "bpo", "start": 6, "end": 9}])
    (result,) = guard.process([message])
    assert result.get("intent")["name"] == "services"


def test_a_boss_who_asks_a_question_of_the_domain_is_no_workplace_trouble():
    guard = NearDomainGuard({"always_elsewhere": CONFIG["always_elsewhere"]})
    text = "my boss at work asked me to compare bpo and call centers"
    message = parsed_message(text, "difference", topic="difference/overview")
    (result,) = guard.process([message])
    assert result.get("intent")["name"] == "difference"


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("can you recommend a factory in bangladesh we could outsource making our hoodies to",
         "request_recommendation", "out_of_scope"),
        ("we make t shirts, 40 staff, which would you recommend for our customer calls",
         "request_recommendation", "request_recommendation"),
        # a caterer's own bills are its work, not a catering supplier
        ("oh and ringing customers who still owe on their catering invoices, can the same "
         "people do that?", "follow_up", "follow_up"),
        ("any tips on choosing a caterer for the office", "choosing", "out_of_scope"),
    ],
)  # fmt: skip
def test_the_making_of_goods_handed_out_is_another_kind_of_outsourcing(text, intent, expected):
    keys = ("elsewhere", "advice_elsewhere", "businesses", "story")
    guard = NearDomainGuard({key: CONFIG[key] for key in keys})
    (result,) = guard.process([parsed_message(text, intent, topic="choosing/overview")])
    assert result.get("intent")["name"] == expected


def test_a_price_per_hour_is_out_of_scope_even_of_a_call_center():
    guard = NearDomainGuard({"always_elsewhere": CONFIG["always_elsewhere"]})
    text = "what does a call center charge per hour in manila"
    message = parsed_message(text, "careers", topic="careers/call_center")
    message.set("entities", [{"entity": "subject", "value": "call_center", "start": 12, "end": 23}])
    (result,) = guard.process([message])
    assert result.get("intent")["name"] == "out_of_scope"


def test_a_follow_up_about_pay_is_out_of_scope_whatever_its_topic():
    guard = NearDomainGuard({"markers": CONFIG["markers"], "pay": CONFIG["pay"]})
    message = parsed_message("and which one pays better?", "follow_up", topic="services/locations")
    (result,) = guard.process([message])
    assert result.get("intent")["name"] == "out_of_scope"
    message = parsed_message("and the interviews?", "follow_up", topic="services/locations")
    (result,) = guard.process([message])
    assert result.get("intent")["name"] == "follow_up"


@pytest.mark.parametrize(
    "text, topic, expected",
    [
        ("how much do bpo workers get paid in the philippines", "services/locations", True),
        ("what does a bpo project manager earn a year", "careers/bpo", True),
        ("do call centre agents get bonuses", "careers/call_center", True),
        ("call centre pay uk", "definition/call_center", True),
        ("what is the starting salary at a call center", "careers/call_center", True),
        ("what do team leaders earn at a bpo", "careers/bpo", True),
        ("do bpo workers get overtime", "careers/bpo", True),
        # what outsourcing pays for, or pays back, is no one's pay
        ("does a call centre pay for itself", "benefits/call_center", False),
        ("how does outsourcing to a bpo save money", "benefits/outsourcing_savings", False),
        ("what careers does a bpo offer", "careers/bpo", False),
        ("will we pay more for a bpo?", "benefits/bpo", False),
        ("what do companies earn by outsourcing to a bpo?", "benefits/outsourcing_savings", False),
        # pay as the work to hand over
        (
            "and the monthly salaries for the pharmacists, can that go in too?",
            "services/bpo",
            False,
        ),
        ("working out the staff bonuses every quarter", "services/bpo", False),
    ],
)
def test_pay_of_any_job_is_out_of_scope_whatever_its_topic(text, topic, expected):
    guard = NearDomainGuard({"always_elsewhere": CONFIG["always_elsewhere"]})
    intent = "follow_up" if text.startswith(("and ", "working")) else topic.split("/")[0]
    message = parsed_message(text, intent, topic=topic)
    if "bpo" in text:  # the entity_ruler's subject, as in the pipeline
        start = text.index("bpo")
        subject = {"entity": "subject", "value": "bpo", "start": start, "end": start + 3}
        message.set("entities", [subject])
    (result,) = guard.process([message])
    assert (result.get("intent")["name"] == "out_of_scope") == expected


def test_work_handed_over_is_no_tax_question():
    def read(text, entities):
        message = parsed_message(text, "follow_up", entities=entities, topic="services/bpo")
        guard = NearDomainGuard({"markers": CONFIG["markers"], "elsewhere": CONFIG["elsewhere"]})
        (result,) = guard.process([message])
        return result.get("intent")["name"]

    invoices = [{"entity": "outsourced_function", "value": "accounting"}]
    text = "the invoices and the vat return are the real headache, can they take those on too?"
    assert read(text, invoices) == "follow_up"
    assert read("how does vat work for a bpo, can they take it on too?", []) == "out_of_scope"
    assert read("what are the vat rules for a call center?", invoices) == "out_of_scope"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("best help desk software for our bpo team?", "out_of_scope"),
        ("can you recommend a crm for our call center", "out_of_scope"),
        ("top dialers for a call centre", "out_of_scope"),
        ("cheapest voip provider for a call center", "out_of_scope"),
        ("decent headsets for call center agents under 40 dollars", "out_of_scope"),
        ("which laptop brand do bpo staff use", "out_of_scope"),
        ("gusto vs adp for running payroll at a small call centre", "out_of_scope"),
        ("how do i reset the sip settings on our call center phones", "out_of_scope"),
        ("can a bpo prepare me for the versant test", "out_of_scope"),
        ("sip trunk or pbx for a call centre, which is better", "out_of_scope"),
        # (naming them is no choice between them, nor needing them one to buy)
        ("do call centres use voip and pbx systems?", "difference"),
        ("do call centers need good phone systems to work?", "difference"),
        # the technology of the two is no product to buy
        ("what tools does a bpo use", "difference"),
        ("are chatbots good tools for bpos to cut costs?", "difference"),
        ("do call centers use good software to track calls?", "difference"),
        ("what software does a call center run on", "difference"),
    ],
)
def test_a_product_to_buy_is_out_of_scope_even_for_a_bpo(text, expected):
    guard = NearDomainGuard({"always_elsewhere": CONFIG["always_elsewhere"]})
    message = parsed_message(text, "difference", topic="difference/technology")
    subject = "bpo" if "bpo" in text else "call_center"
    message.set("entities", [{"entity": "subject", "value": subject, "start": 0, "end": 3}])
    (result,) = guard.process([message])
    assert result.get("intent")["name"] == expected


@pytest.mark.parametrize(
    "text, key",
    [
        (
            "got offered 20k php for a night shift bpo job, should i ask for more money?",
            "careers/bpo",
        ),
        (
            "negotiating a team lead offer at a bpo in cebu, they said 35k, what do i counter with",
            "services/bpo",
        ),
        (
            "do our agents need work permits to come work at our call center in toronto",
            "careers/call_center",
        ),
        ("write a poem about working in a call center", "careers/call_center"),
        ("write a linkedin post about why bpos are great", "benefits/bpo"),
        ("give me a haiku about bpo", "definition/bpo"),
        ("which call center software should i buy", "services/call_center"),
        ("what's a good headset for call center work", "benefits/call_center"),
        ("who is the ceo of the company behind this chat about bpos", "definition/bpo"),
        ("compose a short poem about a tired call centre agent", "careers/call_center"),
        # named companies, and which one to partner with: no source names any
        ("is accenture a bpo or a consulting firm", "difference/overview"),
        ("which is the best bpo company in cebu to partner with", "choosing/overview"),
        # tax on it, the hiring at one
        ("can i claim outsourced bookkeeping at a bpo as a business expense",
         "benefits/outsourcing_savings"),
        ("should our bpo contract have a 90 day termination clause", "services/bpo"),
        ("average handle time benchmark for a call centre this year?", "trends/overview"),
        ("difference between kpo and bpo", "difference/overview"),
        # a joke, the visitor's own staff outing, the employer's own registration
        ("tell us a riddle about bpo workers", "careers/bpo"),
        ("planning a staff night out for our call centre team, ideas?", "services/call_center"),
        ("any team-building games for a call center crew", "careers/call_center"),
        ("how do we register as an employer before a bpo runs our payroll", "services/bpo"),
        ("can you suggest some names for our new call centre", "services/call_center"),
        ("how hard is it to bring the work back in-house after a bpo contract", "services/bpo"),
        ("are bpo night shift agents owed overtime in texas", "careers/bpo"),
        ("do offshore bpo agents working for a us firm need a work visa", "careers/bpo"),
        ("what are the tax rules for a call center with staff in two states",
         "services/call_center"),
    ],
)  # fmt: skip
def test_own_job_offers_visas_and_poems_are_out_of_scope_whatever_the_topic(text, key):
    assert read_naming_its_subject(text, key, "always_elsewhere") == "out_of_scope"


@pytest.mark.parametrize(
    "text",
    [
        "is outstaffing the same thing as staff augmentation",
        "how does staff leasing work",
        "hiya! is a virtual assistant worth it for a solo founder drowning in emails?",
        "what does a fractional cfo do and what do they cost",
    ],
)
def test_other_kinds_of_staffing_are_other_outsourcing(text):
    guard = NearDomainGuard({"elsewhere": CONFIG["elsewhere"]})
    (result,) = guard.process([parsed_message(text, "difference", topic="difference/overview")])
    assert result.get("intent")["name"] == "out_of_scope"


def test_a_job_offered_is_no_negotiation():
    guard = NearDomainGuard({"always_elsewhere": CONFIG["always_elsewhere"]})
    text = "im 19 and just got offered an agent job at a call centre, is there a career path?"
    message = parsed_message(text, "careers", topic="careers/call_center")
    message.set("entities", [{"entity": "subject", "value": "call_center", "start": 0, "end": 3}])
    (result,) = guard.process([message])
    assert result.get("intent")["name"] == "careers"


@pytest.mark.parametrize(
    "text, key",
    [
        ("can i ask for more info on how a bpo works?", "definition/bpo"),
        ("do bpos handle visa processing?", "services/bpo"),
        (
            "how do call center agents negotiate with customers who want to cancel their package?",
            "services/call_center",
        ),
        ("give me a story of how a bpo helped a company", "benefits/bpo"),
        # law firms as customers, a rate of growth, anyone's data
        ("are bpos used by law firms", "services/industries"),
        ("what is the annual rate of growth for the bpo industry", "trends/overview"),
        ("where is your company data stored when you use a bpo", "services/bpo"),
        # the visitor's costs, not the assistant's prices
        ("will a call center lower our monthly costs", "benefits/call_center"),
        ("what are the costs for your business if you go with a bpo", "benefits/bpo"),
        # work listed, tools in use, a practice call of the job: no request of another field
        ("do call center agents answer phones, write emails to customers, or both?",
         "difference/channels"),
        ("do new call center agents practise with mock calls?", "careers/call_center"),
        ("how can we integrate an outsourced call center with our in-house team?",
         "difference/relationship"),
    ],
)  # fmt: skip
def test_questions_that_share_the_words_of_other_requests_keep_their_topic(text, key):
    assert read_naming_its_subject(text, key, "always_elsewhere", "chores") == key.split("/")[0]


@pytest.mark.parametrize(
    "text, key",
    [
        ("are call centre workers entitled to overtime pay in california", "careers/call_center"),
        ("how many breaks do call center staff legally get per shift", "careers/call_center"),
        ("write a job ad for an accountant at our bpo", "careers/bpo"),
        ("can u rewrite this complaint reply for our call center", "services/call_center"),
        ("translate this email into tagalog for our bpo agents", "definition/bpo"),
        ("translate thank you for calling into tagalog for a call centre", "careers/call_center"),
        ("do call center agents get night shift differential by law", "careers/call_center"),
        # the assistant's own office and prices: it has neither
        ("where is your office located, is it near a call centre", "services/locations"),
        ("what's the monthly price of your call centre service", "services/call_center"),
        ("what are ur rates for a bpo team", "services/bpo"),
        ("minimum wage for call center agents in ohio", "careers/call_center"),
        ("are bpo freelancers employees for tax purposes", "careers/bpo"),
        ("can you write the voicemail greeting for our new call center line", "services/bpo"),
        (
            "rewrite this to sound friendlier: our call center will ring u back",
            "careers/call_center",
        ),
        ("translate to tagalog: thank you for calling the bpo helpdesk", "definition/bpo"),
        # labour law and tax registration, a practice call, a quiz, a piece of writing asked
        # after the story
        ("our call center agents voted to unionise, what now", "careers/call_center"),
        ("could we legally stop our bpo staff striking", "careers/bpo"),
        ("is 13th month pay required for call center staff", "careers/call_center"),
        ("we run a call centre with reps in ghana, do we have to register for vat there",
         "services/call_center"),
        ("what tax incentives do bpo companies get", "definition/bpo"),
        ("can we do a mock call for my call centre interview", "services/call_center"),
        ("how do i connect our crm to the call center phones", "difference/technology"),
        ("our call centre quiz night: what's the capital of peru?", "benefits/call_center"),
        ("we're opening a bpo site, draft a job posting for a team lead", "careers/bpo"),
        ("when will the bpo call me back after the interview", "careers/bpo"),
        ("is vat charged on work we buy from a bpo abroad", "benefits/bpo"),
        ("how do we integrate zendesk with our call center phones", "difference/technology"),
        ("recommend me a podcast for the bus to the call centre", "careers/call_center"),
    ],
)  # fmt: skip
def test_what_the_law_owes_a_worker_and_a_piece_of_writing_are_out_of_scope(text, key):
    assert read_naming_its_subject(text, key, "always_elsewhere", "chores") == "out_of_scope"


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("can u call me a taxi", "human_handoff", "out_of_scope"),
        ("an excel formula for our payroll totals pls", "request_recommendation", "out_of_scope"),
        ("can u rewrite this complaint reply so it sounds nicer", "explain_recommendation",
         "out_of_scope"),
        ("thanks! now write me a poem", "thank", "out_of_scope"),
        # the form's answers and requests for the recommendation keep theirs
        ("we can pay about 20 per hour per agent", "inform", "inform"),
        ("we're 40 people, which one suits us if we pay 20 per hour per agent",
         "request_recommendation", "request_recommendation"),
        # ... not a question of another field read as either
        ("should our contract have a 90 day termination clause or is 30 enough", "inform",
         "out_of_scope"),
        ("should our outsourcing contract have a 90 day termination clause",
         "request_recommendation", "out_of_scope"),
        ("can i talk to a person", "human_handoff", "human_handoff"),
        ("why did you pick a call center for us?", "explain_recommendation",
         "explain_recommendation"),
        # prices are a person's to answer, and a recommendation's reasons stay its own
        ("i'd like to talk to a real person about hourly rates", "human_handoff",
         "human_handoff"),
        ("why did you recommend a call center, is it because they charge per call?",
         "explain_recommendation", "explain_recommendation"),
        # the assistant's own answer, asked again in other words
        ("could you reword that message about bpos", "follow_up", "follow_up"),
        ("can you write a short response explaining the difference between bpo and call center",
         "difference", "difference"),
        ("do call centres translate calls into english for customers", "services", "services"),
        # payroll work, not what the law owes a worker
        ("can a bpo handle our overtime pay calculations", "services", "services"),
    ],
)  # fmt: skip
def test_requests_elsewhere_are_out_of_scope_whatever_small_talk_they_look_like(
    text, intent, expected
):
    guard = NearDomainGuard(
        {"always_elsewhere": CONFIG["always_elsewhere"], "chores": CONFIG["chores"]}
    )
    (result,) = guard.process([parsed_message(text, intent)])
    assert result.get("intent")["name"] == expected


def test_a_budget_told_is_of_the_domain():
    text = "hmm, actually our budget is pretty tight, does that change anything?"
    guard = NearDomainGuard({})
    budget = [{"entity": "budget", "value": "tight"}]
    told = parsed_message(text, "definition", entities=budget, topic="definition/bpo")
    assert guard.process([told])[0].get("intent")["name"] == "definition"
    guessed = [{"entity": "budget", "value": "tight", "role": "guess"}]
    unsure = parsed_message(
        "when does the leisure centre open?", "definition", entities=guessed, topic="definition/bpo"
    )
    assert guard.process([unsure])[0].get("intent")["name"] == "out_of_scope"


@pytest.mark.parametrize(
    "text, aspects, expected",
    [
        # the industries the answer names, asked about with them
        ("what kinds of businesses hand their processes to an outside company? factories?",
         ["industries"], "services"),
        # ... not another kind of outsourcing, nor the industry asked about by its own name
        ("should we outsource our manufacturing to a factory in china", [], "out_of_scope"),
        ("should we outsource manufacturing of our phone cases to a factory in china",
         ["industries@22"], "out_of_scope"),
    ],
)  # fmt: skip
def test_industries_the_answer_names_are_no_other_field(text, aspects, expected):
    def aspect_at(name):
        value, _, start = name.partition("@")
        start = int(start or 0)
        return {"entity": "aspect", "value": value, "start": start, "end": start + 13}

    guard = NearDomainGuard(
        {name: CONFIG[name] for name in ("elsewhere", "industries_named", "businesses")}
    )
    message = parsed_message(
        text,
        "services",
        entities=[aspect_at(a) for a in aspects],
        topic="services/industries",
    )
    (result,) = guard.process([message])
    assert result.get("intent")["name"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("what should a law firm like ours go for", "request_recommendation"),
        ("what should a law firm like that charge", "out_of_scope"),
    ],
)
def test_a_business_of_another_field_like_the_visitors_own_is_theirs(text, expected):
    guard = NearDomainGuard(
        {name: CONFIG[name] for name in ("advice_elsewhere", "businesses", "elsewhere")}
    )
    message = parsed_message(text, "request_recommendation", topic="choosing/overview")
    (result,) = guard.process([message])
    assert result.get("intent")["name"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("do i need to charge vat on services i sell to a client in another eu country",
         "out_of_scope"),
        # told as the work, not asked: an answer
        ("doing our vat returns and the bookkeeping", "inform"),
    ],
)  # fmt: skip
def test_a_question_of_another_field_read_as_an_answer_is_out_of_scope(text, expected):
    guard = NearDomainGuard({name: CONFIG[name] for name in ("elsewhere", "advice_elsewhere")})
    (result,) = guard.process([parsed_message(text, "inform", topic="careers/call_center")])
    assert result.get("intent")["name"] == expected


@pytest.mark.parametrize(
    "text, intent",
    [
        ("keep seeing B.P.O. in the job ads round here, what does it stand for", "definition"),
        ("keep seeing B.P.O. in the job ads round here, are they any good", "out_of_scope"),
    ],
)
def test_what_it_stands_for_is_asked_wherever_it_was_seen(text, intent):
    # ("B.P.O." with its dots is no subject the entity_ruler finds)
    guard = NearDomainGuard({"elsewhere": CONFIG["elsewhere"]})
    (result,) = guard.process([parsed_message(text, "definition", topic="definition/bpo")])
    assert result.get("intent")["name"] == intent


@pytest.mark.parametrize(
    "text, key",
    [
        # work of the domain that shares a word with what no source covers
        ("can a bpo help us cut our business expenses?", "benefits/bpo"),
        ("can a bpo take over our hiring process?", "services/bpo"),
        ("can a bpo do our kpi reporting and payroll?", "services/bpo"),
    ],
)
def test_work_named_beside_words_of_other_fields_stays(text, key):
    assert read_naming_its_subject(text, key, "always_elsewhere") == key.split("/")[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("recommend a ticketing tool for a 12 person agency", "out_of_scope"),
        ("could you suggest some crm for a small shop", "out_of_scope"),
        ("can you suggest a name for our new office cat", "out_of_scope"),
        # a model asked for, whatever the business's tools
        ("we use a crm and have 40 staff, what would you recommend", "request_recommendation"),
        ("recommend one for a 12 person agency", "request_recommendation"),
    ],
)
def test_a_product_recommended_is_no_model_chosen(text, expected):
    keys = ("always_elsewhere", "advice_elsewhere")
    guard = NearDomainGuard({key: CONFIG[key] for key in keys})
    (result,) = guard.process([parsed_message(text, "request_recommendation", topic="")])
    assert result.get("intent")["name"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the business a deck is for is the visitor's own
        ("slides for the board of a 300-person factory. why do firms outsource at all",
         "benefits"),
        ("a deck for the management of a car manufacturer: why do firms outsource", "benefits"),
        # (not a supplier asked about)
        ("why do firms outsource to a contract manufacturer", "out_of_scope"),
    ],
)  # fmt: skip
def test_a_business_presented_to_is_the_visitors_own(text, expected):
    keys = ("markers", "elsewhere", "businesses")
    guard = NearDomainGuard({key: CONFIG[key] for key in keys})
    message = parsed_message(text, "benefits", topic="benefits/outsourcing_savings")
    (result,) = guard.process([message])
    assert result.get("intent")["name"] == expected


@pytest.mark.parametrize(
    "text, key",
    [
        ("tell me some fun facts about call centers", "definition/call_center"),
        ("give me names for the different kinds of bpo work", "services/bpo"),
    ],
)
def test_in_scope_asks_in_the_words_of_chores_keep_their_reading(text, key):
    assert read_naming_its_subject(text, key, "always_elsewhere") == key.split("/")[0]


@pytest.mark.parametrize(
    "text, topic, expected",
    [
        ("we're 50 people and moved our bookkeeping to an outside firm, when is the deadline "
         "for corporation tax in ireland", "choosing/overview", "out_of_scope"),
        # tax work handed over is an answer
        ("we'd hand over our tax returns and the bookkeeping", "services/bpo", "inform"),
        # ... and so is one that goes on with "when" and asks nothing
        ("about 40 staff, mostly on minimum wage, when it gets busy we need overflow calls "
         "handled", "services/call_center", "inform"),
    ],
)  # fmt: skip
def test_tax_law_asked_after_a_story_told_like_an_answer_is_out_of_scope(text, topic, expected):
    keys = ("elsewhere", "advice_elsewhere", "businesses", "always_elsewhere")
    guard = NearDomainGuard({key: CONFIG[key] for key in keys})
    (result,) = guard.process([parsed_message(text, "inform", topic=topic)])
    assert result.get("intent")["name"] == expected


def test_help_with_applying_asked_as_a_follow_up_that_names_the_one_is_out_of_scope():
    guard = NearDomainGuard({"markers": CONFIG["markers"]})

    def read(text, entities):
        message = parsed_message(text, "follow_up", topic="careers/bpo", entities=entities)
        (result,) = guard.process([message])
        return result.get("intent")["name"]

    bpos = [{"entity": "subject", "value": "bpo", "start": 20, "end": 24}]
    assert read("is it ok to apply to two bpos at the same time", bpos) == "out_of_scope"
    # naming none, it leans on the previous answer: the follow-up action answers it
    assert read("is it ok to apply to two of them at once?", []) == "follow_up"


@pytest.mark.parametrize(
    "text, key",
    [
        ("would a bpo take care of our tax deadlines and filings", "services/bpo"),
        ("can a bpo handle our payroll and keep up with the tax rules for us?", "services/bpo"),
    ],
)
def test_tax_work_handed_over_is_no_question_of_tax_law(text, key):
    assert read_naming_its_subject(text, key, "always_elsewhere") == key.split("/")[0]


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        # a tool of several words recommended, for a team of the form's tasks
        ("recommend help desk ticketing tool for our IT support team pls",
         "request_recommendation", "out_of_scope"),
        ("can you recommend the right outsourcing model for our help desk team",
         "request_recommendation", "request_recommendation"),
        # one's own CV checked, whatever it names
        ("can u check my cv for call center agent position", "services", "out_of_scope"),
        ("can a call centre check our customers' orders", "services", "services"),
    ],
)  # fmt: skip
def test_a_tool_or_a_cv_check_asked_is_out_of_scope(text, intent, expected):
    entities = [{"entity": "subject", "value": "call_center"}] if "call cent" in text else []
    message = parsed_message(text, intent, 0.95, entities, topic="services/call_center")
    keys = ("elsewhere", "advice_elsewhere", "always_elsewhere", "chores")
    (result,) = NearDomainGuard({key: CONFIG[key] for key in keys}).process([message])
    assert result.get("intent")["name"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an industry that uses one of the two: the industries
        ("do manufacturers use process outsourcing or is it only a tech company thing",
         "services"),
        # another kind of outsourcing for that industry stays out
        ("do manufacturers use contract manufacturing", "out_of_scope"),
    ],
)  # fmt: skip
def test_an_industry_using_outsourcing_is_the_industries_question(text, expected):
    names = ("markers", "elsewhere", "industries_named", "businesses")
    guard = NearDomainGuard({name: CONFIG[name] for name in names if name in CONFIG})
    message = parsed_message(text, "services", topic="services/industries")
    (result,) = guard.process([message])
    assert result.get("intent")["name"] == expected


def test_a_system_to_install_is_software_but_the_systems_they_use_are_asked():
    text = "is there a free helpdesk ticket system i can install on my own server"
    assert advice_reading(text) == "out_of_scope"
    text = "is there a difference in the systems they use?"
    assert reading(text, "difference/technology") == "difference"


@pytest.mark.parametrize("text", ["bpo bpo bpo bpo", "call, call, call!!"])
def test_one_word_said_over_and_over_is_no_question(text):
    assert reading(text, "benefits/bpo", "benefits", "bpo") == "out_of_scope"


@pytest.mark.parametrize("text, intent", [("no no no", "deny"), ("help help help", "help")])
def test_a_command_said_over_and_over_is_that_command(text, intent):
    assert reading(text, "benefits/bpo", intent) == intent


def test_a_word_said_twice_is_still_read():
    assert reading("bpo bpo?", "definition/bpo", "definition", "bpo") == "definition"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("cheapest payroll software for a shop with ten staff", "out_of_scope"),
        ("sql query that lists our agents by calls handled", "out_of_scope"),
        ("our payroll and the software licences for a team of ten", "inform"),
        ("hourly rate of about 12 dollars max", "inform"),
        ("answering calls, tracking aht and fcr", "inform"),
        ("around 40 staff, contract length flexible", "inform"),
    ],
)
def test_a_product_to_buy_read_as_an_answer_is_out_of_scope(text, expected):
    message = parsed_message(text, "inform", topic="difference/technology")
    (result,) = NearDomainGuard(CONFIG).process([message])
    assert result.get("intent")["name"] == expected
