"""Requests next to a topic, not on it, are out of scope.

"resume objective for a call center job" or "how to pass a bpo walk-in interview"
share every content word with the careers answers, which say what roles and paths a
call center or a BPO offers; they ask for help with one person's job application,
which the assistant does not give. When the topic chosen is of a kind listed in
`markers` and the message has one of that kind's markers, the message becomes
`out_of_scope`, whose reply says what the assistant covers. Any message with a
marker of the chosen topic's kind carries a `near_domain` entity, so the dialogue
does not take it for a follow-up on that topic either, unless the message asks the
topic's own question (`on_topic`: "applying to a BPO soon: what roles do they offer?")
and no help with the application. A question with a word of
another field (`elsewhere`: "legal process outsourcing", "a 3pl warehouse", "payroll
tax law", "a call option") is out of scope whatever its topic, unless it names a BPO
or a call center; so is a request for advice on another kind of outsourcing, a
product, a CV or a supplier of another service (`advice_elsewhere`: "zendesk or
freshdesk, which one?", "recommend a catering firm"), and a question about one told like
a form answer ("our aircall app keeps dropping calls, how to fix"). A business of
another field named as the visitor's own is no other field (`businesses`: "we are a law
firm of 180, which model?"); "BPO" on a tube of acne gel is (`other_sense`). A knowledge
question that names no subject, no aspect and no word of the domain (`anchors`) is out
of scope ("what time does the community center open").
"""

from __future__ import annotations

import functools
import re
from typing import Any, Dict, List, Match, Optional, Pattern, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.base import (
    QUESTION_SHAPE,
    StatelessComponent,
    is_knowledge_question,
    last_sentence_start,
    names_a_subject,
    overrule_intent,
    selected_topic,
    word_pattern,
)
from bot.nlp.choice_question import fits_a_size
from bot.nlp.question_over_answer import CAPABILITY_ASKED
from bot.nlp.topic_cues import NAME_ASKED, SAVINGS_ASKED, only_what_it_is

# a request for help with one's own application: "help me write", "tips to pass"
_HELP_WITH_IT = re.compile(
    r"\b(write|writing|check|review|improve|fix|prepare|pass|passing|tips?|draft|format|"
    r"template|sample|example of)\b",
    re.IGNORECASE,
)

# a question after a statement: "... keeps dropping calls, how to fix"
_ASKS_AFTER = re.compile(
    # ("when is the deadline ...", not "when it gets busy ...", "when can we start")
    r"[,.;!-]\s*(how|what|why|which|when (?=is|are|do|does|should|must|will)|can|could|any)\b",
    re.IGNORECASE,
)

# words before or after a business that make it the visitor's own
_OWN_BEFORE = re.compile(
    r"\b(for|we'?re|we are|we r|i'?m|i am|as|run|running|own|owning|operate|operating|manage|"
    r"i have|we have|we do|fits?|suits?)"
    # ("for a 50-person marketing agency", not "for a low-cost translation agency")
    r"\s+(an?\s+|the\s+)?(\d[\w-]*\s+|\w+\s+){0,2}$"
    # "we're a mid-sized law firm" (not "for a low-cost translation agency")
    r"|\b(?:we'?re|we are|we r|i'?m|i am)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$"
    # "i'm office manager at a law firm of 65"
    # ("a deck for the management of a 200 person manufacturer": the business presented to)
    r"|\b(?:work(?:s|ing)?|manager|director|owner|administrator|assistant|receptionist|partner|"
    r"ceo|coo|cfo|bursar|secretary|management|board|boss|"
    # "I look after all the computers at a law firm"
    r"look(?:s|ing)? after (?:all\s+)?(?:the\s+|our\s+)?[\w-]+)\s+(?:at|for|of)\s+"
    r"(?:an?\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "which one should a cleaning company go for": the business that chooses (not "would a
# catering firm run our canteen")
_CHOOSER_BEFORE = re.compile(r"\b(?:should|would|could)\s+(?:an?|my|our)\s+(?:\w+\s+)?$", re.I)
_CHOOSES_AFTER = re.compile(
    r"^(?:\s+(?:of|with)\s+\S+(?:\s+\w+)?)?\s+(?:go for|go with|choose|pick|opt for|use|get)\b",
    re.IGNORECASE,
)
_OWN_AFTER = re.compile(r"^\W*(owners?|here|startup|start-up|like (ours|mine))\b", re.IGNORECASE)
# work of the visitor's handed over: "the invoices and the vat return are the real
# headache, can they take those on too?" (the vat return is a task, not a tax question)
_HANDS_OVER = re.compile(
    r"\b(?:can|could|would|will|do)\s+(?:they|you|u|a bpo|the bpo|a call cent\w+)\s+"
    r"(?:\w+\s+){0,2}?(?:take|do|handle|cover|manage|sort)\s+(?:those|them|that|it|this|these)\b"
    r"(?:\s+on)?\s+(?:too|as well|also)\b",
    re.IGNORECASE,
)
# the visitor's own trouble with a boss at work, wherever the visitor works
_TROUBLE_AT_WORK = re.compile(
    r"\bmy (?:team ?lead(?:er)?|tl|supervisor|boss|manager|co-?workers?|colleagues?)\b[^.?!]{0,40}?"
    r"\b(?:is|keeps?|was|has been)\s+(?:\w+\s+)?(?:rude|shouting|yelling|screaming|mean|bullying"
    r"|harass\w*|unfair|picking on)\b",
    re.IGNORECASE,
)
# one word said over and over: "bpo bpo bpo bpo"
_ONE_WORD_REPEATED = re.compile(r"^\W*(\w+)(?:\W+\1\b){2,}\W*$", re.IGNORECASE)
# something of the visitor's that does not work: "my quickbooks payroll isnt syncing help"
# tells of a product's trouble, no task to hand over
_BROKEN = re.compile(
    r"\b(?:is|are|was|were|does|do)\s*(?:n'?t|not)\s+(?:\w+\s+)?(?:sync\w*|work\w*|load\w*|"
    r"connect\w*|updat\w*|open\w*|print\w*|calculat\w*)\b"
    r"|\b(?:won'?t|wont|can'?t|cant|doesn'?t|doesnt|isn'?t|isnt|aren'?t|arent)\s+"
    r"(?:sync\w*|work\w*|load\w*|connect\w*|updat\w*|open\w*|print\w*|calculat\w*)\b"
    r"|\bkeeps?\s+(?:crash\w*|freez\w*|dropp\w*|failing|logging me out)\b"
    r"|\berror (?:message|code)s?\b|\bbroken\b|\bcrash(?:es|ed|ing)\b",
    re.IGNORECASE,
)
# ... with help asked for it ("... isnt syncing help", "how do i fix it")
_HELP_ASKED = re.compile(
    r"\b(?:help|fix\w*|how (?:do|can|to|should) (?:i|we)\b.*|what (?:do|should|can) (?:i|we) do"
    r"|any (?:ideas|tips|advice)|pls|please|plz)\W*$",
    re.IGNORECASE,
)
# ... unless the work is to be handed over ("doing payroll ourselves isnt working, need
# someone to take it over")
_HANDED_OVER = re.compile(
    r"\b(?:outsourc\w*|someone|somebody|some people|a team|take (?:it|this|that|them) over"
    r"|take over|hand (?:it |this |that |them )?over|do it for us)\b",
    re.IGNORECASE,
)
# what one of the two stands for or means, wherever it was seen
_WHAT_IT_STANDS_FOR = re.compile(
    r"\bstands? for\b|\bwhat (?:does|do) (?:it|that|bpo|b\.p\.o\.?|cc|the term|the word|the "
    r"acronym|the abbreviation)\s+(?:even\s+)?(?:mean|stand)",
    re.IGNORECASE,
)
# the front or back office named: "in a glass factory which part would be the back office"
_OFFICES = re.compile(r"\b(?:front|back)[- ]?offices?\b", re.IGNORECASE)
# the name the other senses share ("a dermatology clinic group" asks of no gel)
_BPO = re.compile(r"\bb\.?p\.?o", re.IGNORECASE)
_SHARED_WORDS = re.compile(r"gels?|dermatolog\w*", re.IGNORECASE)
_OWN_WORDS = re.compile(r"\b(?:we|we'?re|us|our|ours|i'?m|my)\b", re.IGNORECASE)
_COUNTED = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozen)\s*$", re.I)
_OURS_BEFORE = re.compile(r"\b(our|my)\s+(\w+\s+){0,2}$", re.IGNORECASE)
# "recruitment agency, want your recommendation", "security guard company with 300
# staff, ...": what the visitor's company is, said first
# ("textile factory looking for advice on who to hand work to")
_FIRST_SAID = re.compile(
    r"^\W*(?:(?:hi|hiya|hey|heya|hello|howdy|yo|morning|afternoon|evening|"
    r"good (?:morning|afternoon|evening))(?:\s+there)?\b\W*)?(?:an?\s+|the\s+)?"
    # (not "recommend a catering company with halal options", "need catering")
    r"(?:(?!(?:recommend|suggest|need|want|find|hire|get|any|some|looking|a|an|the)\b)"
    r"[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_BUSINESS_NOUN = r"(?:company|companies|firm|business|agency|practice|shop|group|service|services)"
_ENDS_IN_A_BUSINESS = re.compile(rf"\b{_BUSINESS_NOUN}$", re.IGNORECASE)
_SAID_OF_ITSELF = re.compile(
    rf"^\s*{_BUSINESS_NOUN}?\s*"
    # "law firm partner here, ...": the visitor's place in it
    r"(?:(?:managing |senior |office |practice )?(?:partner|manager|director|founder|co-?founder|"
    r"ceo|boss|head|administrator|admin)\s*)?"
    r"(?:[,.;:!(-]|\b(?:with|of|here|owners?|looking|seeking|needs?|"
    r"wants?|trying|considering|planning|thinking)\b)",
    re.IGNORECASE,
)
# the sentence that asks for the recommendation, in the domain's words ("... canteen got
# renovated ... Which outsourcing model would you pick for us?"): what it asks is what counts
_ASKS_FOR_A_MODEL = re.compile(
    r"\b(?:outsourc\w*|models?|bpos?|call[- ]?cent(?:er|re)s?)\b", re.IGNORECASE
)
# ... a choice of model asked all the same ("which one suits us at 20 per hour?")
_A_MODEL_CHOSEN = re.compile(
    r"\b(?:which|what)\s+(?:one|model|option|kind|type|setup)\b|"
    # (not "recommend a crm for a 10 person agency": a product recommended)
    r"\b(?:recommend|suggest)\w*\b(?!\s+(?:me\s+|us\s+)?(?:an?\s+|some\s+|any\s+)?(?:good\s+|cheap\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:crms?|software|apps?|tools?|platforms?|dialers?|headsets?|voip|"
    r"phone systems?|ticketing systems?|names?|books?|podcasts?|courses?|novels?|movies?|"
    r"films?)\b)|"
    r"\bsuits?\b|\bfits?\b|\bright for\b|\bbest for\b",
    re.IGNORECASE,
)
_A_BUSINESS_AFTER = re.compile(rf"^\s*{_BUSINESS_NOUN}\b", re.IGNORECASE)
# "which wine should i pick", "what laptop should we buy": a choice of some other thing
_OTHER_THING_CHOSEN = re.compile(
    r"\b(?:which|what)\s+(?!(?:one|ones|option|options|model|models|type|kind|sort|way|route|"
    r"path|approach|setup|set-up|solution|service|services|provider|providers|partner|vendor|"
    r"company|firm|agency|agencies|outsourcer|contractor|cent(?:er|re)s?|bpos?|call|"
    r"outsourc\w*|should|would|do|does|is|are|can|could)\b)[a-z]+"
    r"(?:\s+[a-z]+)?\s+(?:should|shall|do|would|can|could)\s+(?:i|we)\s+(?:pick|choose|get|"
    r"buy|select|use|go (?:with|for))\b",
    re.IGNORECASE,
)


# a question from its first words ("do i need to charge vat ...", "is it legal to ..."; not
# "do our tax returns", "how about payroll and the taxes": the work told)
_ASKED_FROM_THE_START = re.compile(
    r"^\W*(?:(?:do|does|did|can|could|should|would|will|am|is|are)\s+(?:i|we|you|u|they|it|"
    r"there)\b|(?:how|what|whats|what's|when|where|which|who|why)\b(?!\s+(?:about|abt)\b)"
    r"[^?]*\?\s*$)",
    re.IGNORECASE,
)
# a greeting or thanks, then a question of its own ("hello there, how do i make lasagna",
# "thanks for that! one more thing, how is freelance income taxed ...")
_SMALL_TALK_FIRST = re.compile(
    r"^\W*(?:(?:hi+|hey+|hello|hiya|heya|yo|morning|good (?:morning|afternoon|evening)|"
    r"thanks?(?: (?:a lot|so much|for (?:that|this|the \w+)))?|thank (?:you|u)(?: (?:so much|"
    r"for (?:that|this)))?|thx|ty|cheers|great|cool|nice)(?: there| again| all)?\W+)+"
    r"(?:(?:one more thing|one last thing|also|another question|quick (?:one|question))\W+)?",
    re.IGNORECASE,
)
# ... not small talk with the assistant, a request for its help or more of the same ("hi
# there, how are you doing?", "hi, can you help me?", "thanks! what else should i know")
_ASKS_THE_ASSISTANT = re.compile(
    r"\b(?:you|u|ya|your|ur|yourself|help|assist\w*|questions?|recommend\w*|advi[cs]e|"
    r"suggest\w*|else|more|start|begin|going|up)\b",
    re.IGNORECASE,
)


# ... followed by what it does with one of the two
_USES_ONE = re.compile(
    r"\s+(?:\w+\s+)?(?:use|uses|using|outsource|outsources|hire|hires|work with|rely on)\s+"
    r"(?:an?\s+|the\s+)?(?:bpos?|call[- ]?cent|contact[- ]?cent|business process|process outsourc|"
    r"outsourc)",
    re.IGNORECASE,
)


def question_after_small_talk(text: Text) -> Optional[int]:
    """Where the question starts after a greeting or thanks, if one of four words or more
    follows it."""
    found = _SMALL_TALK_FIRST.match(text)
    if not found or found.end() >= len(text):
        return None
    rest = text[found.end() :]
    if len(rest.split()) < 4 or not QUESTION_SHAPE.search(rest):
        return None
    return found.end()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class NearDomainGuard(StatelessComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # topic kind -> words that ask for something next to it (set in config.yml)
        return {
            "markers": {},
            # words of other fields (other kinds of outsourcing, law and tax, products,
            # "call" and "center" in other senses): out of scope whatever the topic,
            # unless the message names a BPO or a call center (set in config.yml)
            "elsewhere": [],
            # the readings they overrule: questions, never the form's answers or commands
            # (and an unsure "out of scope", made sure: "my asterisk server drops calls")
            "overruled": ["definition", "difference", "benefits", "trends", "services",
                          "careers", "choosing", "follow_up", "help", "nlu_fallback",
                          "out_of_scope"],
            # words that make a request for advice out of scope too ("zendesk or freshdesk,
            # which one?"), unless it names a BPO or a call center (set in config.yml)
            "advice_elsewhere": [],
            # ... and those that words of `always_elsewhere` overrule too (not the form's
            # answers, nor a request for the recommendation)
            "also_always": ["greet", "goodbye", "thank", "affirm", "deny", "bot_challenge"],
            # a piece of writing or an errand for the visitor: out of scope whatever it was
            # read as, but for the form's answers and a request (set in config.yml)
            "chores": [],
            "advice": "request_recommendation",
            # ("help help help" stays a request for help)
            "help": "help",
            "answer": "inform",
            # topic kind -> words that ask the topic's own question, which a marker beside
            # them does not make a request for help ("I'm applying to a BPO: what kinds of
            # roles do they offer?"), unless help with it is asked too
            "on_topic": {
                "careers": ["(what|which) (kinds? of |sorts? of |types? of )?"
                            "(roles|jobs|positions)",
                            "career (growth|paths?|progression|options|opportunities|ladder)",
                            "(roles|jobs|positions) (are there|do they (have|offer))",
                            # "an interview there next week: what could I grow into later?"
                            "grow into", "get promoted", "promotions?", "move up",
                            "work (my|your) way up", "where (could|can|would) (it|that) lead"],
            },
            # words that make a subject's name mean something else (benzoyl peroxide, "BPO"
            # on a tube of acne gel): out of scope even though it names one
            "other_sense": ["acne", "benzoyl", "peroxide", "pimples?", "zits?", "dermatolog\\w*",
                            "gel", "face wash",
                            # other things called BPO
                            "broker price( opinions?| things?)?", "bank payment obligations?",
                            "blanket purchase orders?"],
            # of those words, the businesses a visitor may run ("we're a law firm"): named
            # as their own, they are no other field (set in config.yml)
            "businesses": [],
            # of those, words a story about the visitor's company may name before it asks
            # the domain's own question ("... canteen got renovated ... Which outsourcing
            # model would you pick for us?")
            "story": [],
            # of those, the industries the answer on industries names, asked about with that
            # aspect (set in config.yml)
            "industries_named": [],
            "industries": "industries",
            # words of this domain that a knowledge question without a subject or an
            # aspect still has ("why do companies outsource at all", "both talk to
            # customers, right?"); one with none of them is out of scope
            # ("is stress tolerance important there?": the words of the previous answer)
            "anchors": ["outsou?r?c\\w*", "offices?", "both", "them", "they", "there(?=\\W*$)",
                        "work(?:ing)? (?:for|at|in) one",
                        "which one", "skills?", "roles?", "promot\\w*",
                        # "what factors should a business weigh when deciding between these
                        # two options?"
                        "(?:these|those|the) two", "two options", "(?:decid|choos)\\w* between",
                        "(?:pick|choose) (?:the right )?one",
                        # "ok so how would a company pick", "what should a business look at
                        # when choosing", "... when picking one over the other"
                        "(?:pick|choos|decid)\\w*(?=\\W*$)", "one over the other",
                        "customers?", "clients?", "phones?", "calls?", "agents?", "cheap\\w*",
                        "costs?", "sav(e|es|ing|ings)", "money", "offshor\\w*", "abroad",
                        "overseas", "automat\\w*", "robots?", "chatbots?", "bots?", "ai",
                        "jobs?", "careers?", "hiring", "staff", "employees?", "workers?",
                        "operators?", "tasks?", "process(es)?", "functions?",
                        # "whats good about giving one outside firm our accounting": work
                        # handed to another company, in everyday words
                        "(?:outside|external|third[- ]party) (?:firms?|compan(?:y|ies)|teams?|"
                        "providers?|partners?|agenc(?:y|ies)|specialists?)", "in[- ]house",
                        # "whats better for a small shop": the size that decides the choice
                        "(small|smaller|big|bigger|large|larger|medium|mid-?sized?) (company|"
                        "companies|business|businesses|biz|firms?|shops?|startups?)"],
            # out of scope even where a subject is named ("how much does a call center
            # cost per hour?": no source gives prices) (set in config.yml)
            "always_elsewhere": [],
            "never_an_answer": [],
            # a follow-up about pay, whatever the topic before (set in config.yml)
            "pay": [],
            "follow_up": "follow_up",
            "intent": "out_of_scope",
            "confidence": 0.9,
        }  # fmt: skip

    @staticmethod
    def _words(groups: List[Any]) -> Optional[Pattern]:
        """Any of a list of words, or of lists of words."""
        words = [w for g in groups for w in (g if isinstance(g, list) else [g])]
        return word_pattern(words) if words else None

    @functools.cached_property
    def elsewhere(self) -> Optional[Pattern]:
        return self._words(self.config["elsewhere"])

    @functools.cached_property
    def advice_elsewhere(self) -> Optional[Pattern]:
        return self._words(self.config["advice_elsewhere"])

    @functools.cached_property
    def story(self) -> Optional[Pattern]:
        return self._words(self.config["story"])

    @functools.cached_property
    def industries_named(self) -> Optional[Pattern]:
        return self._words(self.config["industries_named"])

    @functools.cached_property
    def businesses(self) -> Optional[Pattern]:
        return self._words(self.config["businesses"])

    def own_business(self, text: Text, match: Match) -> bool:
        """A business of another field that is the visitor's own ("we are a law firm of
        180", "for a catering company", "cleaning company owner")."""
        return bool(
            self.businesses
            and self.businesses.fullmatch(match.group(0))
            and (
                _OWN_BEFORE.search(text[: match.start()])
                or _OWN_AFTER.search(text[match.end() :])
                or (
                    _CHOOSER_BEFORE.search(text[: match.start()])
                    and _CHOOSES_AFTER.match(text[match.end() :])
                )
                or (
                    _OURS_BEFORE.search(text[: match.start()])
                    # "our cleaning service", "my cleaning company is growing fast"
                    and (
                        _A_BUSINESS_AFTER.search(text[match.end() :])
                        or _ENDS_IN_A_BUSINESS.search(match.group(0))
                    )
                )
                or (
                    _FIRST_SAID.match(text[: match.start()])
                    and _SAID_OF_ITSELF.match(text[match.end() :])
                )
            )
        )

    def is_elsewhere(self, message: Message) -> bool:
        intent = (message.get(INTENT) or {}).get("name")
        text = message.get(TEXT) or ""
        always = bool(self.always_elsewhere and self.always_elsewhere.search(text))
        if (
            _HANDS_OVER.search(text)
            and any(
                e.get("entity") == "outsourced_function" and not e.get("role")
                for e in message.get(ENTITIES) or []
            )
            and not always
        ):
            return False
        if always and intent in self.config["also_always"]:
            return True  # "thanks, now write me a poem"
        if (
            intent == self.config["answer"]
            and self.never_an_answer
            and self.never_an_answer.search(text)
        ):
            return True  # "best payroll software for a small business with ten people"
        if (
            self.chores
            and self.chores.search(text)
            and intent not in (self.config["advice"], self.config["answer"])
        ):
            return True  # "write a job ad for our bpo", "can u call me a taxi"
        if (
            not always
            and _WHAT_IT_STANDS_FOR.search(text)
            and (names_a_subject(message) or _BPO.search(text))
            # ("what does bpo mean in real estate": another sense of it)
            and not (self.other_sense and self.other_sense_named(text))
        ):
            return False  # "keep seeing B.P.O. in the job ads, what does it stand for"
        if intent in self.config["overruled"] or (
            intent in self.config["also_always"] and question_after_small_talk(text)
        ):
            if always:
                return True
            words = self.elsewhere
        elif intent == self.config["advice"]:
            if _TROUBLE_AT_WORK.search(text):
                return True  # "my team lead at the bpo keeps shouting at me what do i do"
            if always and not names_a_subject(message) and not _A_MODEL_CHOSEN.search(text):
                return True  # "what should go on a vendor scorecard for our outsourcing partners"
            words = self.advice_elsewhere
        elif intent == self.config["answer"] and _ASKED_FROM_THE_START.match(text):
            # "do i need to charge vat on services i sell to a client abroad": a question
            # from its first word, of another field whatever it names
            words = self.elsewhere
        elif intent == self.config["answer"] and (
            QUESTION_SHAPE.search(text)
            or _ASKS_AFTER.search(text)
            or (_BROKEN.search(text) and _HELP_ASKED.search(text) and not _HANDED_OVER.search(text))
        ):
            if always:
                return True  # "should our outsourcing contract have a termination clause ..."
            # "our aircall app keeps dropping calls, how to fix?" tells of calls, and asks
            # about a product
            words = self.advice_elsewhere
        else:
            return False
        # "is bpo 5% gel ok for acne": a BPO of another kind; asked as advice, unless for
        # the visitor's own company ("we make hair gel, which model suits us?")
        if (intent != self.config["advice"] or not _OWN_WORDS.search(text)) and (
            self.other_sense and self.other_sense_named(text)
        ):
            return True
        matches = list(words.finditer(text)) if words else []
        if self.industries_named:
            industries_asked = any(
                e.get("entity") == "aspect"
                and e.get("value") == self.config["industries"]
                # (asked in other words than the industry's own: "outsource manufacturing of
                # our phone cases" names no question about industries)
                and not any(
                    m.start() < e.get("end", 0) and e.get("start", 0) < m.end() for m in matches
                )
                for e in message.get(ENTITIES) or []
            )
            # ... or an industry that uses one of the two: "do manufacturers use process
            # outsourcing or is it only a tech company thing" (the industries, not its trade)
            matches = [
                m
                for m in matches
                if not (
                    self.industries_named.fullmatch(m.group(0))
                    and (industries_asked or _USES_ONE.match(text[m.end() :]))
                )
            ]
        stripped = text.strip()
        asking = stripped[last_sentence_start(stripped) :]
        if intent == self.config["advice"] and asking != stripped and self.story:
            if _ASKS_FOR_A_MODEL.search(asking):
                # a supplier named in the story before it ("the canteen got renovated"),
                # not another kind of outsourcing ("we need legal process outsourcing.")
                start = len(text.rstrip()) - len(asking)
                matches = [
                    m for m in matches if m.start() >= start or not self.story.fullmatch(m.group(0))
                ]
        # "we are cleaning company ..., the hiring of new cleaners": the visitor's own trade
        # ("we are a small law firm, 8 lawyers": the lawyers counted are the firm's own too;
        # not "we are a law firm, which lawyer should we hire for a divorce")
        own = {m.group(0).split()[0].lower()[:5] for m in matches if self.own_business(text, m)}
        return bool(
            words
            and any(
                not self.own_business(text, m)
                and m.group(0).lower()[:5] not in own
                and not (
                    any(m.group(0).lower().startswith(stem) for stem in own)
                    and _COUNTED.search(text[: m.start()])
                )
                for m in matches
            )
            and not names_a_subject(message)
            # "in a glass factory which part would be the back office"
            and not _OFFICES.search(text)
        )

    def other_sense_named(self, text: Text) -> bool:
        """A word of another sense of "BPO"; a word as often of a business of the visitor's
        own ("gel", "dermatology") only beside the name they share."""
        words = [m.group(0) for m in self.other_sense.finditer(text)]
        return any(not _SHARED_WORDS.fullmatch(w) for w in words) or bool(
            words and _BPO.search(text)
        )

    @functools.cached_property
    def other_sense(self) -> Optional[Pattern]:
        return self._words(self.config["other_sense"])

    @functools.cached_property
    def patterns(self) -> Dict[Text, Pattern]:
        return {kind: self._words(words) for kind, words in self.config["markers"].items()}

    def marker(self, message: Message) -> Optional[Match]:
        kind = selected_topic(message).split("/")[0]
        pattern = self.patterns.get(kind)
        text = message.get(TEXT) or ""
        if kind in self.on_topic and self.on_topic[kind].search(text):
            if not _HELP_WITH_IT.search(text):
                return None  # "applying to a bpo soon: what roles and growth do they offer?"
        return pattern.search(text) if pattern else None

    @functools.cached_property
    def pay(self) -> Optional[Pattern]:
        return self._words(self.config["pay"])

    @functools.cached_property
    def never_an_answer(self) -> Optional[Pattern]:
        return self._words(self.config["never_an_answer"])

    @functools.cached_property
    def always_elsewhere(self) -> Optional[Pattern]:
        return self._words(self.config["always_elsewhere"])

    @functools.cached_property
    def chores(self) -> Optional[Pattern]:
        return self._words(self.config["chores"])

    @functools.cached_property
    def on_topic(self) -> Dict[Text, Pattern]:
        return {kind: word_pattern(words) for kind, words in self.config["on_topic"].items()}

    @functools.cached_property
    def anchors(self) -> Pattern:
        return word_pattern(self.config["anchors"])

    def is_unanchored(self, message: Message) -> bool:
        """A knowledge question with nothing of this assistant's domain in it: no subject,
        no aspect, none of the anchor words ("what does the center do in basketball")."""
        return (
            is_knowledge_question(message)
            # ("actually our budget is pretty tight, does that change anything?" tells of
            # the visitor's budget; a size read in "what is normal? ours is small" is no
            # anchor)
            and not any(
                e.get("entity") in ("subject", "aspect")
                or (e.get("entity") == "budget" and not e.get("role"))
                for e in message.get(ENTITIES) or []
            )
            and not self.anchors.search(message.get(TEXT) or "")
            # "what is backoffice": what one of the two, or an office, is
            and not only_what_it_is(message.get(TEXT) or "")
            # "whats it called when another firm runs our accounting": the name of work of
            # the domain described; "could one outside firm do our wages": what it can do
            and not message.get(NAME_ASKED)
            and not message.get(CAPABILITY_ASKED)
            # "why do businesses pay other companies to do their work": the savings
            and not message.get(SAVINGS_ASKED)
            # "is that overkill for a mid sized company": which one goes with a size
            and not fits_a_size(message.get(TEXT) or "")
        )

    def small_talk_then_unanchored(self, message: Message) -> bool:
        """A greeting or thanks, then a question with nothing of this assistant's domain
        in it, nor a request for its help ("hello there, how do i make lasagna")."""
        if (message.get(INTENT) or {}).get("name") not in self.config["also_always"]:
            return False
        text = message.get(TEXT) or ""
        start = question_after_small_talk(text)
        if start is None:
            return False
        rest = text[start:]
        return not (
            _ASKS_THE_ASSISTANT.search(rest)
            or self.anchors.search(rest)
            or any(
                e.get("entity") in ("subject", "aspect", "outsourced_function", "company_size")
                and e.get("end", len(text)) > start
                for e in message.get(ENTITIES) or []
            )
        )

    def chooses_another_thing(self, message: Message) -> bool:
        """A request for advice on choosing something that is not a model of outsourcing,
        with nothing of this assistant's domain ("which wine should i pick")."""
        text = message.get(TEXT) or ""
        chosen = _OTHER_THING_CHOSEN.search(text)
        if not chosen or (message.get(INTENT) or {}).get("name") != self.config["advice"]:
            return False
        # the rest of the message: "... for our clinic" tells of the visitor's company
        rest = text[: chosen.start()] + " " + text[chosen.end() :]
        return not (
            _OWN_WORDS.search(rest)
            or self.anchors.search(rest)
            or any(
                e.get("entity") in ("subject", "aspect", "outsourced_function")
                and e.get("role") != "guess"
                for e in message.get(ENTITIES) or []
            )
        )

    @staticmethod
    def mark(message: Message, value: Text, start: int, end: int) -> None:
        entity = {
            "entity": "near_domain",
            "value": value,
            "start": start,
            "end": end,
            "extractor": "NearDomainGuard",
        }
        message.set(ENTITIES, [*(message.get(ENTITIES) or []), entity], add_to_output=True)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            if (
                _ONE_WORD_REPEATED.match(message.get(TEXT) or "")
                and intent in self.config["overruled"]
                and intent != self.config["help"]
            ):
                # "bpo bpo bpo bpo" read as a question: none (not "no no no", "help help")
                overrule_intent(message, self.config["intent"], self.config["confidence"])
                continue
            if self.is_elsewhere(message):
                overrule_intent(message, self.config["intent"], self.config["confidence"])
                # of another field, even asked of the previous answer ("does that include
                # kpo?")
                self.mark(message, "elsewhere", 0, len(message.get(TEXT) or ""))
                continue
            if (
                self.is_unanchored(message)
                or self.chooses_another_thing(message)
                or self.small_talk_then_unanchored(message)
            ):
                overrule_intent(message, self.config["intent"], self.config["confidence"])
                continue
            marker = self.marker(message)
            follow_up = (message.get(INTENT) or {}).get("name") == self.config["follow_up"]
            pay = self.pay.search(message.get(TEXT) or "") if follow_up and self.pay else None
            if pay:  # "which pays more?" after the jobs: pay is no topic of the sources
                overrule_intent(message, self.config["intent"], self.config["confidence"])
                marker = pay
            if not marker:
                continue
            value = "careers" if pay else selected_topic(message).split("/")[0]
            self.mark(message, value, marker.start(), marker.end())
            # (or a follow-up that names the one it asks of: "is it ok to apply to two bpos
            # at the same time" stands on its own)
            if is_knowledge_question(message) or (follow_up and names_a_subject(message)):
                overrule_intent(message, self.config["intent"], self.config["confidence"])
        return messages
