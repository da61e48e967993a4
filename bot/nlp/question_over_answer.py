"""A question about a BPO or a call center is a question, even when it first tells
about the company.

"we're about 40 people, can a call center also answer our emails?" carries a head
count, and the intent classifier reads it as a form answer (`inform`), which
outside the form gets the out-of-scope reply. When a message read as `inform`, or
read as anything with little confidence, names a
subject and asks something (a question mark, or a clause that starts like a
question), it becomes the knowledge question it is: the topic the selector
chose, or, where the message names an aspect the chosen topic is not about
("emails": channels), that aspect's topic. So is a request for a recommendation
that asks what one of the two can do ("we're a 15 person dental office, can a call
centre book appointments for us?") or names an aspect of them that is no part of the
choice ("what developments should we expect in the BPO sector?"), or asks what one
of them brings ("what are the advantages of a BPO for a company like ours?"). A choice ("which is
right for us?", "would a call center suit us?") is left to ChoiceQuestion, which comes
next.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.base import (
    ASPECT_TOPICS,
    CUSTOMER_TASKS,
    QUESTION_SHAPE,
    SUBJECT_NAMES,
    WHAT_ONE_DOES,
    StatelessComponent,
    asks_how_they_relate,
    last_sentence_start,
    overrule_intent,
    select_topic,
    selected_topic,
    sentence_at,
)
from bot.nlp.own_business import OWN_WORD
from bot.nlp.topic_cues import DEFINITION_ASKED, JOBS_DONE

# (not a price: "we need to know what a bpo would cost us")
_NO_PRICE = (
    r"(?![^.?!]*\b(?:cost|costs|price|prices|pricing|charge|charges|fees?|rates?|quotes?|"
    r"how much)\b)"
)
# what the visitor would like to know: "id like to know the upsides", "we want to learn about"
_TO_KNOW = re.compile(
    rf"\b(?:i|we)(?:'?d| would)?\s+(?:like|want|wanna|need)\s+to\s+(?:know|learn|understand)\b"
    rf"{_NO_PRICE}",
    re.IGNORECASE,
)
# where a clause starts: "we're 40 people, can ...", "... and what ..."
_CLAUSE_START = r"(?:^|[,.;!:-]\s*|\band\s+|\bbut\s+|\bso\s+)"
_ASKS = re.compile(
    rf"\?|{_CLAUSE_START}(?:what|whats|what's|(?:wat|wats|wut)(?!\s+(?:abt|about|bout)\b)|how|why|which|where|who|can|could|does|do|"
    r"is|are|should|will|would|tell me|explain)\b"
    # "... and im trying to understand what services a call center actually offers" (not "a
    # call center to find out why customers cancel": the visitor's own wish)
    r"|\b(?:trying|want|wanted|wanna|need|like|wondering|curious)\s+(?:to\s+)?"
    r"(?:(?:understand|know|find out|figure out|work out|learn)\s+)?(?:what|how|why|where|who)\b"
    rf"{_NO_PRICE}",
    re.IGNORECASE,
)
# "can a call centre ...", "would a bpo handle ...": what one of them can do
_CAN_IT = re.compile(
    rf"{_CLAUSE_START}(?:can|could|would|will|does|do)\s+(?:an?\s+|the\s+)?"
    rf"(?:{SUBJECT_NAMES}|outsourc\w+)"
    # "what would a call centre actually do for us?"
    # ("what exactly would a call center do for us", "what else could a bpo take over")
    rf"|{_CLAUSE_START}{WHAT_ONE_DOES}|bring)\b"
    # "... need someone to take orders over the phone. is that something call centres do"
    rf"|\bis\s+(?:that|this|it)\s+(?:something|a thing|the (?:kind|sort) of (?:thing|work))\s+"
    rf"(?:that\s+)?(?:an?\s+|the\s+)?{SUBJECT_NAMES}\s+(?:\w+\s+)?(?:do|does|handle|handles|"
    r"offer|offers|cover|covers|take on|takes on)\b"
    # "... what a call centre would actually do for us" (not "what the call center would do
    # if i report my supervisor")
    rf"|\bwhat\s+(?:an?\s+|the\s+)?(?:{SUBJECT_NAMES})\s+(?:can|could|would|might|will)\s+"
    r"(?:\w+\s+)?(?:do|handle|offer|cover|provide|take on)"
    r"(?=\s+for\s+(?:us|me|our|my|a|an)\b|\s*(?:[?.!,]|$))"
    # "im wondering what tasks a call centre could do for me"
    r"|\bwhat\s+(?:tasks|things|work|jobs|services|else|kind of \w+|sort of \w+)\s+"
    rf"(?:an?\s+|the\s+)?(?:{SUBJECT_NAMES})\s+(?:can|could|would|might|will)\s+"
    r"(?:\w+\s+)?(?:do|handle|offer|cover|provide|take on)\b"
    # "... what services does a call center normally cover"
    r"|\bwhat\s+(?:tasks|things|work|jobs|services|else|kind of \w+|sort of \w+)\s+"
    rf"(?:does|do|can|could|would|will)\s+(?:an?\s+|the\s+)?(?:{SUBJECT_NAMES})\s+"
    r"(?:\w+\s+)?(?:do|handle|offer|cover|provide|take on)\b",
    re.IGNORECASE,
)

# ... said of the one named before it: "i know a bpo can answer calls, but what else can they
# do for a company like mine?" (not "our receptionists are swamped, what else can they do?")
_ADVICE_ASKED = re.compile(
    r"\b(?:recommend\w*|suggest\w*|advi[cs]e|which (?:one|model|option|is better)|should (?:we|i)|"
    r"what would (?:you|u))\b",
    re.IGNORECASE,
)
# set on a message that asks what an outside firm can do or brings: ChoiceQuestion leaves
# it a question ("can an outside firm do our bookkeeping ...?" tells of the visitor's own
# work)
CAPABILITY_ASKED = "capability_asked"

# "can an outside firm do our bookkeeping, hiring and keep our laptops running?"
_OUTSIDE_FIRM_DOES = re.compile(
    rf"{_CLAUSE_START}(?:can|could|would|will|do|does)\s+(?:one|an?|the|some)\s+(?:single\s+)?"
    r"(?:outside|external|third[- ]party|outsourcing|outsourced)\s+(?:firms?|compan(?:y|ies)|"
    r"providers?|partners?|agenc(?:y|ies)|business(?:es)?|teams?)\s+(?:\w+\s+){0,2}?"
    r"(?:do|handle|take (?:on|over|care of)|run|manage|cover|look after|sort)\b",
    re.IGNORECASE,
)
# "whats good about handing finance, hr and support to one outside provider": what handing
# work to an outside firm brings
_OUTSIDE_FIRM_GOOD = re.compile(
    rf"{_CLAUSE_START}what(?:'?s| is| are)?\s+(?:so\s+|actually\s+|really\s+)?"
    r"(?:good|great|the (?:advantages?|benefits?|upsides?|point|gain))\s+(?:about|of|in)\s+"
    r"(?:handing|giving|outsourcing|passing|sending|moving|letting)\b[^?.]*?\b"
    r"(?:outside|external|third[- ]party|outsourcing|specialist)\s+(?:firms?|compan(?:y|ies)|"
    r"providers?|partners?|agenc(?:y|ies)|teams?)\b",
    re.IGNORECASE,
)
_CAN_THEY = re.compile(
    rf"{_CLAUSE_START}what\s+else\s+(?:can|could|would|will|does|do)\s+(?:they|it)\s+"
    r"(?:\w+\s+)?(?:do|handle|offer|cover|provide|take on)\b",
    re.IGNORECASE,
)

# a question of its own, in its own clause: "..., what tools does each use?"
_WH_ASKED = re.compile(
    r"(?:^|[,.;!:—–-]\s*|\b(?:and|but|so)\s+)(?:what|whats|what's|which|how|why|where)\b"
    r"(?:[^.!?]*\?"
    # (asked last, with a question's verb, the question mark may be left off: "... what do
    # those two terms actually mean"; not "we're 45 people, where most are drivers")
    r"|\s+(?:do|does|did|is|are|was|were|would|could|can|should|will)\b[^.!?]*$)",
    re.IGNORECASE,
)

# something read or heard, checked: "i read bpos also do logistics ..., is that right?"
_CLAIM_CHECKED = re.compile(
    r"^\W*(?:i|we|someone|people|my \w+)\s+(?P<heard>read|heard|was told|were told|saw|learned|"
    r"learnt|said|says|keep hearing|keeps saying)\b.*\b(?:is|isn'?t)\s+(?:that|this|it)\s+"
    r"(?:really\s+)?(?:right|true|correct|accurate|so|the case|"
    r"(?P<meaning>the (?:proper |right |correct |real )?(?:meaning|definition)|what it means))\W*$",
    re.IGNORECASE,
)
# "could you explain what a call center actually is?" asks for the explanation of one of
# them, not of the recommendation
_EXPLAIN_WHAT = re.compile(r"\bexplain\s+(?:to\s+(?:me|us)\s+)?(?:what|how)\b", re.IGNORECASE)

# "wat does bpo mean, saw it in a job ad", "... apply at the call center in town. what
# even is a call center": what one of them is, asked in a sentence of its own
_WHAT_IS_IT = re.compile(
    r"(?:^|[.!?]\s+)\W*(?:(?:hi|hey|hello|so|ok|okay)\W+)?(?:what|wat|wht|whats|what's)\s+"
    r"(?:even\s+|exactly\s+|actually\s+)?(?:does|is|do)?\s*"
    rf"(?:an?\s+|the\s+)?(?:{SUBJECT_NAMES})\s*(?:even\s+|actually\s+|really\s+|exactly\s+)?"
    r"(?:mean|means|stand for|stands for)?\s*(?:[,.;!?]|$)",
    re.IGNORECASE,
)
# "... got an offer from a call center in cebu, what do these places actually do all day":
# what the one named before does, asked of it by a pointing word
_WHAT_THESE_DO = re.compile(
    r"(?:^|[,.;!?:]\s*|\b(?:and|but|so)\s+)(?:what|wat|wht)\s+(?:do|does)\s+"
    r"(?:these|those|such|they)\s*(?:places?|compan(?:y|ies)|firms?|outfits?|guys|"
    r"people|folks)?\s+(?:actually\s+|even\s+|really\s+|exactly\s+)?do"
    # ... and nothing else asked ("what do they do with my unpaid wages" asks something else)
    r"(?:\s+(?:all day|day to day|there|exactly|for (?:a living|businesses|companies)))?"
    r"\s*(?:[?.!,]|$)",
    re.IGNORECASE,
)
_YES_NO = re.compile(
    r"^\W*(?:(?:so|and|but|ok(?:ay)?)\W+)?(?:is|are|does|do|will)\b[^.!?]*"
    # (without its question mark, only asking whether something is the case: not "is mostly
    # email and live chat from customers")
    r"(?:\?|\b(?:a thing|common|normal|usual|the norm|possible|true|standard|"
    # ... or whether something is to come: "are robots going to take over the work of ..."
    r"going to|gonna|replac\w+|take over|taking over)\b[^.!?]*)\W*$",
    re.IGNORECASE,
)
# "I want to hear about the career paths in a bpo.": asked, though not as a question
_WANTS_TO_KNOW = re.compile(
    r"\b(?:i|we) (?:want|wanna|would like|'d like|need) to (?:know|hear|learn|understand)\b"
    r"|\btell (?:me|us)\b",
    re.IGNORECASE,
)
_WHICH_OF_THESE = re.compile(r"\b(?:which|what) of (?:these|those|them|the above)\b", re.I)
# ... with a question word first
_WH_FIRST = re.compile(
    r"\W*(?:(?:so|and|hi|hello|hey|ok|okay)\W+)?(?:in\s+|from\s+|for\s+)?"
    r"(?:which|what|where|how|who|why)\b",
    re.IGNORECASE,
)
_ONE_FIRM_OR_A_JOB = re.compile(
    r"\b(?:best|top|cheapest|good|reliable|biggest|largest|jobs?|hiring|hire me|apply\w*|cv|"
    r"resume|salar\w*|pay|interview\w*|vacanc\w*|work there|near me)\b",
    re.IGNORECASE,
)
# a first sentence that asks, with more said after it
_FIRST_QUESTION = re.compile(r"[^?]{3,120}\?+(?=\s+\S)")
# what the one named does, asked in the last sentence, after a story
_WHAT_IT_DOES_LAST = re.compile(
    rf"\W*{WHAT_ONE_DOES})\b[^.?!]*\??\W*$",
    re.IGNORECASE,
)
# "what are the ...", "which benefits ...", just before the aspect, in its sentence
# ... or "my boss asked me to list the benefits of going with a bpo ... what are they?"
_WH_BEFORE = re.compile(
    r"\b(?:what|which|how|list|name|sum up|summari[sz]e)\b[^.?!]{0,25}$", re.IGNORECASE
)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class QuestionOverAnswer(StatelessComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "answer_intent": "inform",
            "out_of_scope_intent": "out_of_scope",
            "recommendation_intent": "request_recommendation",
            "explanation_intent": "explain_recommendation",
            "subjects": ["bpo", "call_center"],
            # (and the two aspects that are topics of their own, named in a story: "... what
            # do those two terms actually mean")
            "aspect_topics": {
                **ASPECT_TOPICS,
                "front_back_office": "definition/front_back_office",
                "relationship": "difference/relationship",
            },
            # aspects a request for the recommendation does not ask about; named in one,
            # they are the question
            "asked_beside_a_choice": [
                "careers",
                "industries",
                "locations",
                "technology",
                "channels",
                "ai",
                "remote",
                "trends",
            ],
            # ... and those it does not ask about when it names only one of the two
            "asked_of_one_side": ["benefits", "services"],
            "confidence": 0.8,
            # any reading this unsure ("we run an online pharmacy and get swamped with
            # calls about orders; what exactly would a call centre handle for us?")
            "unsure_below": 0.55,
            "few_words": 6,
        }

    def topic(self, message: Message) -> Optional[Text]:
        """The knowledge topic of a question read as a form answer, or None."""
        intent = message.get(INTENT) or {}
        text = message.get(TEXT) or ""
        outside_firm = self.outside_firm_asked(message)
        if outside_firm:
            message.set(CAPABILITY_ASKED, True)
            return outside_firm
        # "... id like to know the genuine upsides of that model": an aspect of the one named,
        # asked after
        wants_to_know = bool(_TO_KNOW.search(text)) and any(
            e.get("entity") == "aspect" and e.get("value") in self.config["aspect_topics"]
            for e in message.get(ENTITIES) or []
        )
        # an unsure "out of scope" only when it asks what one of them does: "a good call
        # center company in manila, its phone number?" names one, and is still not ours
        unsure = intent.get("confidence", 1.0) < self.config["unsure_below"] and (
            intent.get("name") != self.config["out_of_scope_intent"]
            or bool(_CAN_IT.search(text))
            # "... id like to know the genuine upsides of that model": an aspect of the one
            # named, asked after
            or wants_to_know
        )
        entities = message.get(ENTITIES) or []
        subjects = [
            e.get("value")
            for e in entities
            if e.get("entity") == "subject" and e.get("value") in self.config["subjects"]
        ]
        # "we're a 15 person dental office, can a call centre book appointments for us?"
        # asks what one of them does, not which to choose
        said_of_it = _CAN_THEY.search(text)
        capability = (
            intent.get("name") == self.config["recommendation_intent"]
            and len(set(subjects)) == 1
            and bool(
                _CAN_IT.search(text)
                or (
                    said_of_it
                    and any(
                        e.get("entity") == "subject"
                        and e.get("start", len(text)) < said_of_it.start()
                        for e in entities
                    )
                )
            )
        )
        # "if we hired a BPO, where would it be based?" reads like "why would it be a
        # BPO?", and "what developments should we expect in the BPO sector?" like a
        # request, but they name what they ask about (a choice, "which is right for us
        # given AI?", is ChoiceQuestion's to take back)
        asked = {
            self.config["explanation_intent"]: self.config["aspect_topics"],
            self.config["recommendation_intent"]: self.config["asked_beside_a_choice"],
        }.get(intent.get("name"), ())
        # (in a sentence that asks about it: "... working out which lorry goes where. want
        # to hand some of that off, which kind of outsourcer fits us" asks for the choice)
        aspect_asked = any(
            e.get("entity") == "aspect"
            and e.get("value") in asked
            and self.asked_in_its_sentence(text, e.get("start", 0))
            for e in entities
        ) or (
            # "we use a bpo for payroll ... can a call center be part of a bpo, or is it
            # always something separate?"
            intent.get("name") == self.config["recommendation_intent"]
            and asks_how_they_relate(message)
        )
        if (
            intent.get("name") == self.config["out_of_scope_intent"]
            and len(set(subjects)) == 1
            and _WHAT_IS_IT.search(text)
        ):
            return f"definition/{subjects[0]}"
        if (
            intent.get("name") == self.config["out_of_scope_intent"]
            and len(set(subjects)) == 1
            and (found := _WHAT_THESE_DO.search(text))
            and any(
                e.get("entity") == "subject" and e.get("end", len(text)) <= found.start()
                for e in entities
            )
        ):
            return f"services/{subjects[0]}"
        if (
            intent.get("name") == self.config["out_of_scope_intent"]
            and len(set(subjects)) == 1
            and _WHAT_IT_DOES_LAST.match(text, last_sentence_start(text.rstrip()))
        ):
            # "I'm the founder of a SaaS startup. ... Which processes can a BPO take over?"
            return f"services/{subjects[0]}"
        if intent.get("name") == self.config["out_of_scope_intent"] and len(set(subjects)) == 1:
            asked_first = self.asked_first(text, entities, subjects[0])
            if asked_first:
                return asked_first
        if intent.get("name") == self.config["explanation_intent"] and _EXPLAIN_WHAT.search(text):
            aspect_asked = True
        if intent.get("name") == self.config["recommendation_intent"] and len(set(subjects)) == 1:
            # "what are the advantages of a BPO for a company like ours?" asks what one
            # side brings ("is a bpo our best bet for the benefits?" is still the choice)
            aspect_asked = aspect_asked or any(
                e.get("entity") == "aspect"
                and e.get("value") in self.config["asked_of_one_side"]
                and _WH_BEFORE.search(text[: e.get("start", 0)])
                for e in entities
            )
        # "i read call centres also do telemarketing and take orders, is that right?": a
        # claim about one of them checked, nobody's own business told
        checked = _CLAIM_CHECKED.search(text)
        checked = (
            checked
            if checked
            and len(set(subjects)) == 1
            and not OWN_WORD.search(text[checked.end("heard") :])
            else None
        )
        if checked and checked.group("meaning"):
            return f"definition/{subjects[0]}"  # "..., is that the proper meaning?"
        claim = bool(checked) and intent.get("name") in (
            self.config["recommendation_intent"],
            self.config["answer_intent"],
        )
        if intent.get("name") != self.config["answer_intent"] and not (
            unsure or capability or aspect_asked or claim
        ):
            return None
        if intent.get("name") == self.config["answer_intent"] and not subjects:
            return self.aspect_asked(message)
        aspects = [e.get("value") for e in entities if e.get("entity") == "aspect"]
        named = [a for a in aspects if a in self.config["aspect_topics"]]
        # "ai impact on cc": a few words naming one of them and an aspect, read unsurely,
        # ask about them without a question's shape
        in_a_few_words = (
            unsure
            and len(set(subjects)) == 1
            and bool(named)
            and len(text.split()) <= self.config["few_words"]
            # ("not a bpo, too expensive" answers something)
            and not re.search(r"\b(?:not|no|never|don'?t|isn'?t)\b", text, re.IGNORECASE)
        )
        if not subjects or not (
            _ASKS.search(text) or capability or in_a_few_words or (unsure and wants_to_know)
        ):
            return None
        chosen = selected_topic(message)
        kinds = {self.config["aspect_topics"].get(a, "").split("/")[0] for a in aspects}
        if (
            named
            and chosen.split("/")[0] not in kinds
            and not message.get(DEFINITION_ASKED)
            # ("what jobs a call center do for the company": the work it does, not careers)
            and not (chosen.startswith("services/") and JOBS_DONE.search(text))
        ):
            return self.config["aspect_topics"][named[0]].format(subject=subjects[0])
        if (
            capability
            and not named
            and chosen.split("/")[0] not in ("services", "definition", "careers")
        ):
            # "... need someone to take orders over the phone. is that something call
            # centres do": what it does, whatever else the classifier read
            return f"services/{subjects[0]}"
        return chosen or None

    def asked_first(
        self, text: Text, entities: List[Dict[Text, Any]], subject: Text
    ) -> Optional[Text]:
        """A question about the one subject asked in the first sentence, the reason for
        asking told after it: a capability with a task ("can a bpo do payroll? my restaurant
        has 30 staff n its a pain": what it does) or an aspect ("In which regions are BPO
        providers predominantly located? Our procurement policy requires ..."); not where
        one firm or a job is asked of ("where is the best bpo in manila? i need a job")."""
        first = _FIRST_QUESTION.match(text)
        if not first or _ONE_FIRM_OR_A_JOB.search(text):
            return None
        asked = [e for e in entities if e.get("end", len(text)) <= first.end()]
        if _CAN_IT.search(first.group(0)) and any(
            e.get("entity") == "outsourced_function" and not e.get("role") for e in asked
        ):
            return f"services/{subject}"
        aspects = {
            e.get("value")
            for e in asked
            if e.get("entity") == "aspect" and e.get("value") in self.config["aspect_topics"]
        }
        if _WH_FIRST.match(first.group(0)) and len(aspects) == 1:
            return self.config["aspect_topics"][aspects.pop()].format(subject=subject)
        return None

    def outside_firm_asked(self, message: Message) -> Optional[Text]:
        """ "could one outside firm do our wages, our accounts and fix our computers?": what
        an outside firm can do, for the tasks named (a BPO's services, with work of the back
        office; a call center's, with customer communication only), not which to choose;
        "whats good about handing finance and hr to one outside provider": what it brings
        (their benefits)."""
        text = message.get(TEXT) or ""
        found = _OUTSIDE_FIRM_DOES.search(text)
        kind = "services"
        if not found:
            found, kind = _OUTSIDE_FIRM_GOOD.search(text), "benefits"
        if not found or _ADVICE_ASKED.search(text, found.end()):
            return None  # ("... which model would you recommend?": the choice)
        entities = message.get(ENTITIES) or []
        if any(e.get("entity") == "subject" for e in entities):
            return None
        tasks = {
            e.get("value")
            for e in entities
            if e.get("entity") == "outsourced_function" and not e.get("role")
        }
        if not tasks:
            return None
        return f"{kind}/bpo" if tasks - set(CUSTOMER_TASKS) else f"{kind}/call_center"

    @staticmethod
    def asked_in_its_sentence(text: Text, at: int) -> bool:
        """A word at `at` is asked about: in the last sentence, in a sentence that asks, or
        pointed back to by the last one ("crm, ivr, rpa... which of these is for call
        centers")."""
        asking = last_sentence_start(text.rstrip())
        if at >= asking or _WHICH_OF_THESE.search(text[asking:]):
            return True
        sentence = sentence_at(text, at)
        return bool(QUESTION_SHAPE.search(sentence) or _WANTS_TO_KNOW.search(sentence))

    def aspect_asked(self, message: Message) -> Optional[Text]:
        """ "we're a mid-size retailer ... what tools and automation does each type of
        provider use?": a message read as a form answer that asks, in a clause of its own,
        about an aspect that needs no subject (technology, locations, trends ...), and
        states no task."""
        text = message.get(TEXT) or ""
        entities = message.get(ENTITIES) or []
        # (or "is multilingual support a thing now with global clients?", told of nobody's
        # company: a task word in it is no task)
        yes_no = bool(_YES_NO.match(text)) and not OWN_WORD.search(text)
        if not (_WH_ASKED.search(text) or yes_no) or (
            not yes_no
            and any(
                e.get("entity") == "outsourced_function" and not e.get("role") for e in entities
            )
        ):
            return None
        topics = [
            self.config["aspect_topics"][e.get("value")]
            for e in entities
            if e.get("entity") == "aspect"
            and "{subject}" not in self.config["aspect_topics"].get(e.get("value"), "{subject}")
        ]
        if not topics:
            return None
        chosen = selected_topic(message)
        return chosen if chosen in topics else topics[0]

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            topic = self.topic(message)
            if topic:
                select_topic(message, topic)
                overrule_intent(message, topic.split("/")[0], self.config["confidence"])
        return messages
