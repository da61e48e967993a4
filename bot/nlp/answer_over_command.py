"""A message that answers the form is an answer, not a command to stop, nor out of
scope.

"answering pt questions on the phone" shares "questions" with "stop asking me
questions", and the intent classifier may call it `stop`, which would end the
form on the visitor's answer. When a conversation command (stop, restart,
goodbye, a person) is chosen for a message that carries an exact form answer (a term of
the entity_ruler, or a head count) and none of the command's own words, the
message is taken as the answer it is (`inform`). So is a message read as out of
scope that states the visitor's own head count ("oops, we're 50 employees") or
corrects one ("wrong number before, 80"), or adds an exact task to those given
("can you add IT support to the list"), and
one that NLU hesitated to call a knowledge question or an answer, that asks
nothing, names no subject and describes a task ("handling the calls where
customers place orders"), or corrects the tasks ("apologies, I was wrong: we only
want the reception work outsourced"). Not knowing the answer, read as stop, no or a
request ("I could not say at this stage", "not decided, my boss will tell me"), is
an answer too (the budget's "not sure"), unless it asks for advice.

The other way round, a withdrawal read as an answer ("actually never mind, just
curious") is the command to stop, when it states no answer and asks nothing.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Dict, List, Pattern, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.base import (
    GUESS,
    HELD_BACK,
    QUESTION_SHAPE,
    StatelessComponent,
    give_back_held_tasks,
    is_knowledge_question,
    names_a_subject,
    overrule_intent,
    state,
    word_pattern,
)
from bot.nlp.form_answers import REMOVED, STATED_ANSWER
from bot.nlp.headcount import headcount
from bot.nlp.topic_cues import DEFINITION_ASKED, SAVINGS_ASKED

# a question ("can spend whatever it takes" is no question: its subject is left out)
_ASKS = re.compile(
    r"\?|^\W*(?:what|whats|what's|how|why|which|who|where|when|is|are|does|do|tell|explain)\b",
    re.IGNORECASE,
)


# a correction of the tasks given, asking nothing: "apologies, I was wrong: we only want
# the reception work outsourced"
_CORRECTION = re.compile(
    r"\b(?:i was wrong|apologies|my mistake|misspoke|correction|scratch that|i meant)\b"
    r".*\b(?:only|just|instead|rather|not)\b"
    # "oh wait were actually 400 i was only counting one office"
    r"|^\W*(?:(?:oh|ah|hmm+|um+)\W+)?(?:wait|hold on|hang on|oops|sorry)\b.{0,30}?"
    r"\b(?:actually|really|more like|in fact)\b",
    re.IGNORECASE,
)
# the one wanted for the work: "someone to handle customer calls when im busy"
_SOMEONE_TO = re.compile(
    r"^\W*(?:(?:we|i)\s+(?:just\s+)?(?:need|want|would like|'d like)\s+)?(?:just\s+)?"
    r"(?:someone|somebody|some people|people|a team|a person|an agency|a company|a firm)\s+"
    r"(?:to|who (?:can|could|will|would))\s+\w+",
    re.IGNORECASE,
)
# what the visitor wants done: "it's the player support tickets we want off our plate"
_WANTED = re.compile(
    r"\b(?:want|wanted|need|needed|rather|instead|only|just|it'?s (?:the|our|really|more)|"
    r"what we|off (?:our|my) (?:plate|hands|desk)s?)\b",
    re.IGNORECASE,
)
# ... not the visitor's own job, nor someone who does the work now
_NOT_WANTED_DONE = re.compile(
    r"\b(?:my job|jobs?|careers?|looking for (?:a |new )?(?:work|job|role|one)|apply\w*|cv|"
    r"resume|let me (?:get|ask|check|fetch)|(?:my|our) (?:colleague|boss|manager|team) handles)\b",
    re.IGNORECASE,
)
_WH = re.compile(
    r"(?:^|[,.;:!?]\s*)(?:what|how|why|which|who|where|when|(?:do|does|is|are|can|could|would|"
    r"will|should)\s+(?:you|u|they|it|i|we|that|this|there|a|an|the)\b)\b",
    re.IGNORECASE,
)

# a clause after the first that asks ("..., is outsourcing our processes normal in our
# industry", "... for them. what even is that kind of company"): not "..., do the books"
# ("moderate, could stretch a bit", "customer support, where people ring about orders",
# "payroll, hr etc. would be good" answer)
_CLAUSE_ASKS = re.compile(
    r"(?<!etc)(?<!e\.g)(?<!i\.e)[,.;:!]\s*(?:(?:so|and|but|then)\s+)?"
    r"(?:(?:whats|what's|(?:what|how|why|which|who|where|when)\s+(?:even\s+|actually\s+|"
    r"exactly\s+)?(?:is|are|do|does|did|can|could|would|should))\b|"
    r"(?:is|are|can|could|would|will|do|does)\s+(?:it|that|this|there|they|these|those|we|i|"
    r"you|u|outsourc\w*|an?|the)\b)",
    re.IGNORECASE,
)


_ANY_WH = re.compile(r"\b(?:what'?s?|wats?|which|how|why|who|where|when)\b", re.IGNORECASE)
_OFFICE_WORK = re.compile(
    r"\b(?:front|back)[- ]?office (?:stuff|work|tasks|things|jobs|bits|side)\b", re.IGNORECASE
)


# not knowing asked of the assistant, of pay or of how it works ("i don't know what you can
# do", "not sure what is reasonable pay for agents"): no budget
_OF_US_OR_PAY = re.compile(
    r"\b(?:you|u|ur|your|bot|assistant|pay|paid|salar\w*|wages?|earn\w*|how do(?:es)?)\b",
    re.IGNORECASE,
)


# a question back that asks nothing of the two ("does it matter?", "why do you ask?")
_WHY_ASKED = re.compile(
    r"^\W*(?:(?:hmm+|um+|ok|okay|erm)\W+)?(?:does (?:it|that|this|size) (?:really )?matter|"
    r"why(?: do (?:you|u) (?:ask|need|want)(?: (?:that|this|it|to know))?| does (?:it|that) "
    r"matter)?|(?:is|does) (?:that|it|this) (?:important|relevant|needed|necessary|count)|"
    r"what(?:'s| is)? (?:that )?for|how come|do (?:you|u) (?:really )?need (?:that|this|to know)"
    # "hmm is that a trick question? 150 or so", "good question?"
    r"|(?:is (?:that|this|it) )?an? (?:trick|weird|strange|odd|hard|tough) question|good question)"
    r"\W*\?$",
    re.IGNORECASE,
)


# an answer of a few words, then why it is asked: "tight, why? ..."
_WHY_AFTER_AN_ANSWER = re.compile(
    r"^\W*(?P<answer>(?:[\w'-]+\W+){0,3}?[\w'-]+)\s*[,.;:!-]+\s*(?:but\s+|and\s+)?"
    r"(?:why|how come|y)"
    r"(?:\s+(?:do|would) (?:you|u) (?:ask|need|want)(?: (?:that|this|it|to know))?)?\s*\?",
    re.IGNORECASE,
)
_ABOUT_THE_BOT = re.compile(
    r"\b(?:you|u|ur|your|bot|robot|human|real|person|ai|machine|chatbot|assistant)\b",
    re.IGNORECASE,
)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class AnswerOverCommand(StatelessComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "commands": ["stop", "restart", "goodbye", "human_handoff"],
            # ("big enough that i don't know everyone's name" is a size)
            "command_words": ["stop", "quit", "cancel",
                              "(?<!big )(?<!large )(?<!small )(?<!huge )enough", "end", "exit",
                              "leave",
                              "never ?mind", "forget it", "start over", "restart", "reset",
                              "bye", "goodbye", "no more (?:questions|asking)", "i'?m done",
                              "done with (?:this|that|it)", "another time", "not now"],
            # "i want someone else to do the books" is a task, not a request for a person
            "handoff": "human_handoff",
            "handoff_words": ["human", "person", "real", "live", "operator", "representative",
                              "consultant", "advis[eo]r", "expert", "colleague", "your team",
                              "(?:talk|speak|chat) (?:to|with)", "transfer", "escalate",
                              "put me through", "pass me", "call me", "reach", "book a call",
                              "contact(?! cent)", "(?:get|be|keep) in touch with (?:me|us)",
                              "phone me", "ring me", "get back to me",
                              "(?:an?|the|your|real|human|live) agent(?! to)"],
            "answer_entities": ["company_size", "outsourced_function", "budget"],
            # "I could not say at this stage" does not know the answer; it does not refuse it
            # ("I'd rather not say") nor say no
            "unsure": ["could(?:n'?t| not) (?:say|tell)", "can'?t (?:say|tell)", "not decided",
                       "undecided",
                       "cannot (?:say|tell)", "hard to (?:say|tell)", "too early to (?:say|tell)",
                       "not sure", "no idea", "(?:not a|no) clue", "(?:do not|don'?t) know",
                       "dunno"],
            "unsure_readings": ["stop", "deny", "request_recommendation"],
            # ... and a farewell read in "not sure, we'll see", that takes no leave
            "farewell": "goodbye",
            "leave_words": ["see (?:you|ya|u)", "bye", "later", "talk soon", "come back",
                            "have a (?:good|nice|great)", "take care", "cheers", "think about it",
                            "get back"],
            # the budget's value for not knowing it
            "unsure_value": "unsure",
            # "I don't know what's realistic for this", read as a request for help or out of
            # scope: not knowing what to spend (not "i don't know what you can do")
            "unsure_of_amount": ["(?:what|how much)(?:'?s| is| would be| to)? (?:realistic|"
                                 "normal|typical|reasonable|usual|enough|sensible)",
                                 "how much (?:to|we should|i should|we'?d|it'?d|it would) "
                                 "(?:spend|budget|set aside|put aside|cost)",
                                 "what (?:to|we should|i should) (?:spend|budget)",
                                 "what (?:these|such|those) (?:things|services) cost",
                                 # "no idea honestly what that would cost"
                                 "what (?:it|that|this|they)(?:'d|'ll| would| will| might| could)? "
                                 "cost",
                                 # "no idea honestly, what do these usually cost?"
                                 "what (?:do|does|would|will|might) (?:these|those|they|it|that|"
                                 "this|such services|these services)(?: usually| normally| "
                                 "typically| generally| roughly)? cost"],
            "unsure_of_amount_readings": ["help", "out_of_scope", "nlu_fallback", "follow_up"],
            # ... nor asks for advice ("not sure, what do you recommend?", "we want to
            # outsource something, not sure what model")
            "advice_words": ["recomm\\w*", "suggest\\w*", "advi[cs]e", "which", "choose",
                             "pick", "help", "should", "models?", "options?", "outsourc\\w*",
                             "bpos?", "call cent\\w*",
                             # not "what's normal for this kind of thing"
                             "(?:what|which) (?:kind|type)"],
            # read as out of scope, yet stating the visitor's own head count
            "unclear": ["out_of_scope", "nlu_fallback"],
            # questions about the assistant a statement of the budget or a task may be read
            # as ("every budget line is being cut this year"), unless it speaks of the bot
            "about_the_assistant": ["bot_challenge"],
            "own_company": ["we", "we'?re", "were", "us", "our", "i have", "i employ"],
            # read as out of scope, yet adding a task to those given
            "adding": ["add", "adding", "also", "as well", "too", "plus", "include",
                       "including", "on top", "on the list", "to the list"],
            # ... or correcting one given before ("wrong number before, 80")
            "correcting": ["wrong", "mistake", "typo", "misread", "misspoke", "mixed up",
                           "i (wrote|said|typed|put|meant|entered)", "actually", "correction",
                           "oops", "sorry", "scratch that", "hang on", "hold on", "wait",
                           "on second thought",
                           # "make that 270 employees, i forgot the kitchen staff"
                           "make (?:that|it)", "(?:i|we) forgot", "forgot to (?:count|include)"],
            "intent": "inform",
            "follow_up": "follow_up",
            # "answering the holidaymakers who call because they're stuck at a lock" reads
            # like "why that one?" (its "because"); without a word that asks why, a task
            # read surely is the answer
            "explanation": "explain_recommendation",
            "why_words": ["why", "y", "how come", "how so", "reasons?", "reasoning",
                          "rationale", "logic", "justif\\w*", "elaborat\\w*", "explain\\w*",
                          "based on", "made you", "makes you", "what made"],
            # "actually never mind, just curious", read as an answer or a doubtful stop: a stop
            "withdrawal": "stop",
            "withdrawal_readings": ["inform", "stop"],
            # (not "only looking for something basic": the curious and the browsing end it)
            "withdrawal_words": ["never ?mind", "nvm", "forget (?:it|that|this|about (?:it|that))",
                                 "(?:(?:just|only) (?:curious|browsing|looking(?: around)?)|"
                                 "was (?:just )?curious)"
                                 "(?=\\W*(?:tbh|really|thanks|thank you|thx|ty|lol|haha)?\\W*$)"],
            "sure_from": 0.6,
            # a knowledge question below this confidence, with `inform` at least this
            # likely, that asks nothing and names a task, is an answer
            "torn_below": 0.6,
            "answer_from": 0.3,
            # ... and a task it guessed this surely is the answer
            "guessed_task_from": 0.4,
            # ... or a task held back from a knowledge question, read this surely
            "held_task_from": 0.9,
        }  # fmt: skip

    @functools.cached_property
    def command_words(self) -> Pattern:
        return word_pattern(self.config["command_words"])

    def answers_the_form(self, message: Message) -> bool:
        intent = (message.get(INTENT) or {}).get("name")
        text = message.get(TEXT) or ""
        if intent not in (*self.config["commands"], self.config["intent"]) and (
            self.answers_after_a_question(message)
        ):
            return True
        if (
            intent in self.config["unsure_of_amount_readings"]
            and self.unsure_of_amount(text)
            # ("no idea what that would cost, is it per agent?" asks of the savings)
            and not (intent == self.config["follow_up"] and "?" in text)
        ):
            return True
        if intent in self.config["about_the_assistant"]:
            return bool(message.get(STATED_ANSWER)) and not _ABOUT_THE_BOT.search(text)
        if intent in self.config["unclear"]:
            return (
                self.states_headcount(message)
                or self.adds_a_task(message)
                or self.replaces_a_task(message)
                or self.not_sure_of_the_budget(message)
                or self.states_a_budget(message)
            )
        if (
            intent == self.config["follow_up"]
            or (
                is_knowledge_question(message)
                and _OFFICE_WORK.search(text)
                and not QUESTION_SHAPE.search(text)
                and not _ANY_WH.search(text)
            )
        ) and self.states_an_exact_answer(message):
            # (or "front office stuff, customer calls", read as what the front office is)
            return True
        if is_knowledge_question(message) or intent == self.config["follow_up"]:
            return self.describes_a_task(message)
        if intent not in self.config["commands"] and self.answers_before_a_why(message):
            return True
        if intent == self.config["explanation"] and not self.why_words.search(text):
            return self.states_an_answer_surely(message)
        if intent in self.config["unsure_readings"] and self.unsure.search(text):
            return self.unsure_only(text)
        if (
            intent == self.config["farewell"]
            and self.unsure.search(text)
            and not self.leave_words.search(text)
        ):
            return self.unsure_only(text)  # "im not sure well see"
        if intent not in self.config["commands"]:
            return False
        words = self.handoff_words if intent == self.config["handoff"] else self.command_words
        if words.search(text):
            return False
        return any(
            e.get("entity") in self.config["answer_entities"]
            and not e.get("role")  # a guess or a task taken away is no answer
            # an exact term of the entity_ruler, a reading the model is sure of, or a
            # head count
            and (self.read_surely(e) or re.search(r"\d", text))
            for e in message.get(ENTITIES) or []
        )

    def unsure_of_amount(self, text: Text) -> bool:
        """Not knowing what to spend ("no idea what's realistic for this"), asking
        nothing of the assistant."""
        return (
            bool(self.unsure.search(text))
            and bool(self.amount_words.search(text))
            and not _OF_US_OR_PAY.search(text)
            and not self.advice_words.search(text)
        )

    def read_surely(self, entity: Dict) -> bool:
        """An exact term of the entity_ruler, or a reading the form-answer model is sure of."""
        return (
            entity.get("extractor") != "FormAnswerClassifier"
            or entity.get("confidence", 0) >= self.config["sure_from"]
        )

    def describes_a_task(self, message: Message) -> bool:
        """ "handling the calls where customers place orders", "a phone line where
        people can order pizza", "we'd like to keep it cheap": no question, no subject,
        and a task or a budget, which the form-answer model reads surely or NLU
        hesitated to call an answer (read as a knowledge question or a follow-up)."""
        if (
            QUESTION_SHAPE.search(message.get(TEXT) or "")
            or names_a_subject(message)
            # "... the lecturer used frontoffice and backoffice, can u explain these two words"
            or message.get(DEFINITION_ASKED)
            or message.get(SAVINGS_ASKED)
        ):
            return False
        ranking = {r["name"]: r["confidence"] for r in message.get(INTENT_RANKING_KEY) or []}
        torn = (message.get(INTENT) or {}).get("confidence", 1.0) < self.config[
            "torn_below"
        ] and ranking.get(self.config["intent"], 0.0) >= self.config["answer_from"]
        answers = [
            e
            for e in message.get(ENTITIES) or []
            if e.get("entity") in self.config["answer_entities"] and not e.get("role")
        ]
        # "Apologies, I was wrong: we only want the reception work outsourced": a correction
        corrects = bool(_CORRECTION.search(message.get(TEXT) or "")) and not _WH.search(
            message.get(TEXT) or ""
        )
        if bool(answers) and (torn or corrects or bool(message.get(STATED_ANSWER))):
            return True
        if (
            is_knowledge_question(message)
            and _SOMEONE_TO.match(message.get(TEXT) or "")
            # ("someone to handle our payroll, what would that be called": a name asked)
            and not _WH.search(message.get(TEXT) or "")
            and any(
                e.get("entity") == "outsourced_function" and self.read_surely(e) for e in answers
            )
        ):
            return True  # "someone to handle customer calls when im busy": who is wanted
        if torn and not answers and self.takes_a_guessed_task(message):
            return True
        # "brides messaging and calling at all hours asking if the florist confirmed": the
        # customers' questions, told as the work; a task the model is sure of, held back
        # (not "... another offers to run invoicing. how do the services compare")
        return (
            is_knowledge_question(message)
            and not _WH.search(message.get(TEXT) or "")
            and not _CLAUSE_ASKS.search(message.get(TEXT) or "")
            and any(
                e.get("entity") == "outsourced_function"
                and e.get("confidence", 0.0) >= self.config["held_task_from"]
                for e in message.get(HELD_BACK) or []
            )
        )

    def takes_a_guessed_task(self, message: Message) -> bool:
        """ "parents calling the school office", torn between a definition and an answer:
        the task the form-answer model guessed, if it guessed it well enough, is the
        answer (its guess role dropped)."""
        guessed = [
            e
            for e in message.get(ENTITIES) or []
            if e.get("entity") == "outsourced_function"
            and e.get("role") == GUESS
            and e.get("confidence", 0.0) >= self.config["guessed_task_from"]
        ]
        if not guessed:
            return False
        state(message, guessed)
        return True

    def answers_after_a_question(self, message: Message) -> bool:
        """ "why do you need that? fine, 95 audiologists": a question back, then the answer
        after it (a head count, or an exact term of the entity_ruler), asking nothing more,
        naming no subject, and not read as a knowledge question."""
        text = message.get(TEXT) or ""
        cut = text.rfind("?")
        tail = text[cut + 1 :]
        if cut < 0 or not tail.strip() or _ASKS.search(tail) or names_a_subject(message):
            return False
        if not _WHY_ASKED.match(text[: cut + 1]) and (
            is_knowledge_question(message)
            or (message.get(INTENT) or {}).get("name") in (self.config["follow_up"], "help")
        ):
            return False  # a question about them, whatever the facts after it
        if _WH.search(tail) or re.search(r"\b(?:also|and) (?:can|could|do|does)\b", tail, re.I):
            return False  # "how does this work? and can they do payroll"
        return any(
            e.get("entity") in self.config["answer_entities"]
            and not e.get("role")
            and (
                e.get("start", 0) > cut
                if e.get("extractor") != "FormAnswerClassifier"
                else e.get("entity") == "company_size" and headcount(tail) is not None
            )
            for e in message.get(ENTITIES) or []
        )

    def answers_before_a_why(self, message: Message) -> bool:
        """ "tight, why? we already overspent this quarter": an exact answer, then why it is
        asked, naming no subject."""
        text = message.get(TEXT) or ""
        why = _WHY_AFTER_AN_ANSWER.match(text)
        return (
            bool(why)
            and not names_a_subject(message)
            and any(
                e.get("entity") in self.config["answer_entities"]
                and not e.get("role")
                and e.get("extractor") != "FormAnswerClassifier"
                and e.get("end", len(text)) <= why.end("answer")
                for e in message.get(ENTITIES) or []
            )
        )

    def states_an_answer_surely(self, message: Message) -> bool:
        """A task or a budget read surely (or an exact term), in a message that asks
        nothing and names no subject ("we rely on donations so not much")."""
        if QUESTION_SHAPE.search(message.get(TEXT) or "") or names_a_subject(message):
            return False
        return any(
            e.get("entity") in ("outsourced_function", "budget")
            and not e.get("role")
            and self.read_surely(e)
            for e in message.get(ENTITIES) or []
        )

    def states_an_exact_answer(self, message: Message) -> bool:
        """ "can spend whatever it takes if it works" read as a follow-up: an exact term
        of the entity_ruler or a head count, with no subject and no aspect to follow up
        on, asking nothing."""
        entities, text = message.get(ENTITIES) or [], message.get(TEXT) or ""
        return (
            not _ASKS.search(text)
            and not _CLAUSE_ASKS.search(text)
            and not any(
                e.get("entity") == "subject"
                or (
                    e.get("entity") == "aspect"
                    # ("front office stuff, customer calls": the work, by its side)
                    and not (e.get("value") == "front_back_office" and _OFFICE_WORK.search(text))
                )
                for e in entities
            )
            and any(
                e.get("entity") in self.config["answer_entities"]
                and not e.get("role")
                and (
                    e.get("extractor") != "FormAnswerClassifier"
                    # "Nine brothers and lay staff.": a head count
                    or (e.get("entity") == "company_size" and headcount(text) is not None)
                )
                for e in entities
            )
        )

    def states_headcount(self, message: Message) -> bool:
        """ "hold on, I added zeros there, we're 50 employees", "wrong number before, 80":
        the visitor's own head count, or a corrected one, whatever else the message says."""
        text = message.get(TEXT) or ""
        return (
            bool(self.own_company.search(text) or self.correcting.search(text))
            and any(
                e.get("entity") == "company_size"
                and e.get("extractor") == "FormAnswerClassifier"
                and not e.get("role")
                for e in message.get(ENTITIES) or []
            )
            and bool(re.search(r"\d", text))
        )

    def unsure_only(self, text: Text) -> bool:
        """Not knowing ("hard to say"), with no command and no request for advice."""
        return bool(self.unsure.search(text)) and not (
            self.command_words.search(text) or self.advice_words.search(text)
        )

    def states_a_budget(self, message: Message) -> bool:
        """ "central government just cut our funding again", read as out of scope: a budget
        the form-answer model reads surely in a statement about no subject."""
        return bool(message.get(STATED_ANSWER)) and any(
            e.get("entity") == "budget" and not e.get("role") for e in message.get(ENTITIES) or []
        )

    def not_sure_of_the_budget(self, message: Message) -> bool:
        """ "Hard to say at this stage.", read as out of scope: the budget's "not sure",
        which the form-answer model reads, asking nothing of the assistant."""
        text = message.get(TEXT) or ""
        unsure = [
            e
            for e in message.get(ENTITIES) or []
            if e.get("entity") == "budget" and e.get("value") == self.config["unsure_value"]
        ]
        if not unsure or QUESTION_SHAPE.search(text) or not self.unsure_only(text):
            return False
        state(message, unsure)
        return True

    def replaces_a_task(self, message: Message) -> bool:
        """ "wait, i'd rather have them ring visitors after the show. no hiring", "hang on,
        the it is fine, it's the player support tickets we want off our plate": a
        correction that states a task surely, or takes one away and states another,
        asking nothing and naming no subject."""
        text = message.get(TEXT) or ""
        if QUESTION_SHAPE.search(text) or _WH.search(text) or names_a_subject(message):
            return False
        if _NOT_WANTED_DONE.search(text):
            return False  # "actually, customer service is my job", "... let me get her"
        tasks = [e for e in message.get(ENTITIES) or [] if e.get("entity") == "outsourced_function"]
        stated = [e for e in tasks if not e.get("role") and self.read_surely(e)]
        removed = any(e.get("role") == REMOVED for e in tasks)
        wanted = bool(self.correcting.search(text)) and bool(_WANTED.search(text))
        return bool(stated) and (removed or wanted)

    def adds_a_task(self, message: Message) -> bool:
        """ "before that, can you add IT support for our own staff to the list": an
        exact task term, added to the tasks given."""
        return bool(self.adding.search(message.get(TEXT) or "")) and any(
            e.get("entity") == "outsourced_function"
            and e.get("extractor") != "FormAnswerClassifier"
            and not e.get("role")
            for e in message.get(ENTITIES) or []
        )

    @functools.cached_property
    def why_words(self) -> Pattern:
        return word_pattern(self.config["why_words"])

    @functools.cached_property
    def advice_words(self) -> Pattern:
        return word_pattern(self.config["advice_words"])

    @functools.cached_property
    def amount_words(self) -> Pattern:
        return word_pattern(self.config["unsure_of_amount"])

    @functools.cached_property
    def unsure(self) -> Pattern:
        return word_pattern(self.config["unsure"])

    @functools.cached_property
    def leave_words(self) -> Pattern:
        return word_pattern(self.config["leave_words"])

    @functools.cached_property
    def handoff_words(self) -> Pattern:
        return word_pattern(self.config["handoff_words"])

    @functools.cached_property
    def adding(self) -> Pattern:
        return word_pattern(self.config["adding"])

    @functools.cached_property
    def own_company(self) -> Pattern:
        return word_pattern(self.config["own_company"])

    @functools.cached_property
    def correcting(self) -> Pattern:
        return word_pattern(self.config["correcting"])

    def withdraws(self, message: Message) -> bool:
        """ "actually never mind, just curious": words of withdrawal, read as an answer,
        with no answer, subject or aspect in it, asking nothing."""
        text = message.get(TEXT) or ""
        return (
            (message.get(INTENT) or {}).get("name") in self.config["withdrawal_readings"]
            and bool(self.withdrawal_words.search(text))
            and not QUESTION_SHAPE.search(text)
            and not re.search(r"\d", text)
            and not any(
                e.get("entity") in ("subject", "aspect")
                or (e.get("entity") in self.config["answer_entities"] and not e.get("role"))
                for e in message.get(ENTITIES) or []
            )
        )

    @functools.cached_property
    def withdrawal_words(self) -> Pattern:
        return word_pattern(self.config["withdrawal_words"])

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if self.withdraws(message):
                # the words say it, whatever NLU's doubt
                overrule_intent(message, self.config["withdrawal"], 1.0, replace=True)
                continue
            if not self.answers_the_form(message):
                continue
            asked = is_knowledge_question(message)
            confidence = message.get(INTENT)["confidence"]
            overrule_intent(message, self.config["intent"], confidence, replace=True)
            if asked:
                # the tasks held back while it read as a question are the answer's
                # ("everything back office: accounts, hr, it")
                give_back_held_tasks(message)
        return messages
