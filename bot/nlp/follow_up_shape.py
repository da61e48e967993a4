"""A question shaped like a follow-up is answered as one.

"what services?", "how do i build a career there?", "bpo?" are classified as
knowledge questions, but which answer they want depends on the previous one:
after the definition of a call center, "what services?" asks for a call
center's services, not a BPO's. NLU does not see the conversation, so this
component only recognises the shape, and the follow-up action
(actions/follow_ups.py) decides with the previous answer. A knowledge question
keeps its intent and topic, as /model/parse promises, and gets a
`follow_up_shape` entity that data/rules/knowledge.yml sends to that action;
another intent (a request for help, a "yes") becomes `follow_up`. The shapes:

- the chosen topic is about one subject (`.../bpo`, `.../call_center`), the
  message names no subject, and it is short, starts like a continuation
  ("and ...", "what about ...") or points back ("there", "it", "them");
- the chosen topic is about both, and the message points back without naming a
  subject ("what services do they offer?" after the definition of a call center);
- or the message is nothing but a subject ("bpo?", "and call centres?");
- or it was taken for a request for help ("what about structure?", "what can it do
  for me?") but asks about an aspect or points back, not about the assistant
  ("what can you do?");
- or it was taken for a command ("skills needed to start?", "how far up can i go from
  operator", "tell me more about the ai part") but asks about an aspect, and has none of
  the command's words;
- or it names one subject and sets the previous answer against it ("how is that
  different from what a call centre does", "is it broader at a bpo?"), or goes on with
  "and <subject>, ..." where another topic than that subject's own was read;
- or it was taken for out of scope, or NLU was unsure, but it asks the previous answer
  of a kind of business ("does that hold for tiny businesses as well"), why the one
  just named is good or what it is ("why is it good", "what even is one"), or whether
  they take on a task ("could they do the payroll for a 20 person salon").

The topic classifier's reading stays in the message for the action to use.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Dict, List, Pattern, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.base import (
    OUTSOURCING_WORD,
    QUESTION_SHAPE,
    SUBJECT_NAMES,
    StatelessComponent,
    is_knowledge_question,
    overrule_intent,
    selected_topic,
    word_pattern,
)
from bot.nlp.question_over_answer import CAPABILITY_ASKED
from bot.nlp.questions_declined import DECLINING_WORDS
from bot.nlp.topic_cues import NAME_ASKED

_CONTINUATION = re.compile(
    r"^\s*(and|n|nd|or|but|so|also|same|then|even|(?:ok(?:ay)?|k|kk),? and|what about|how about"
    r"|wbu|wby|what abt|how abt)\b"
    r"|\b(then|too|as well|instead)\s*\??\s*$",
    re.IGNORECASE,
)
_AND_OPENER = r"(?:and|n|nd|what about|how about|and what about)"
# "whats the bpo equivalent", "what's the call centre version of that"
_EQUIVALENT = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?)\W+)?(?:what'?s|whats|what is)\s+(?:the\s+|their\s+)?"
    rf"(?:{SUBJECT_NAMES}|cc)\s+(?:equivalent|counterpart|version)(?:\s+of\s+(?:that|this|it))?\W*$",
    re.IGNORECASE,
)
# "and a call centre, in the same simple words please": the other subject, said first
_AND_A_SUBJECT = re.compile(
    rf"^\W*{_AND_OPENER}\s+(?:an?\s+|the\s+)?" rf"(?:{SUBJECT_NAMES}|cc)\s*[,;:?!-]",
    re.IGNORECASE,
)
# a message that goes on from the previous one: "and call centres, what do they handle"
_AND_THEN = re.compile(rf"^\W*{_AND_OPENER}\b", re.I)
_AND_YES_OR_NO = re.compile(rf"^\W*{_AND_OPENER}\W+(?:no|not|nope|nah|yes|yeah|yep|yup)\b", re.I)
_POINTING_BACK = re.compile(
    # ("our accounting, hr and it support": IT, not "it")
    r"\b(there|they|them|it(?!\s+(?:support|help|helpdesk|desk|services?|stuff|side|team|"
    r"department|systems?|security|equipment)\b)|its|that one|those)\b"
    r"|\b(in|at|for|with) one\b(?! of)"
    # "sorry, back up, what is one actually"
    r"|\bwhat(?:'s|s| is) one(?=\W*(?:actually|exactly|again|really|then)?\W*$)"
    # "why would i use one, whats the upside"
    r"|\b(?:use|using|hire|hiring) one\b(?! of)"
    r"|\b(?:of|about|for|with) that\W*$",  # "what are the advantages of that"
    re.IGNORECASE,
)
_INTO_THAT = re.compile(
    r"\b(?:of|in|into|within)\s+(?:those|these|that|them)\b",
    re.IGNORECASE,
)
_THAT_COMPARED = re.compile(
    r"\b(?:is|does|was)\s+(?:that|this|it)\s+(?:differ\w*|compar\w*|different|diff)\b"
    # "how's that diff from cc services"
    r"|\bhow(?:'?s|\s+is|\s+does|\s+do)\s+(?:that|this|it|those)\s+(?:differ\w*|compar\w*|"
    r"different|diff)\b"
    # "is it broader at a bpo?", "is that easier in a call centre"
    rf"|^\W*(?:(?:and|but|so|ok(?:ay)?)\W+)?(?:is|are|would|will)\s+(?:it|that|this|they)\s+"
    r"(?:be\s+)?(?:broader|wider|narrower|bigger|larger|smaller|cheaper|pricier|better|worse|"
    r"easier|harder|tougher|faster|slower|more \w+|less \w+|the same|similar|different)\s+"
    rf"(?:at|in|for|with|inside)\s+(?:an?\s+|the\s+)?{SUBJECT_NAMES}\W*$"
    # "is the same true for call centers", "does that also apply to a bpo?"
    rf"|^\W*(?:(?:and|but|so|ok(?:ay)?)\W+)?(?:is|does|would|will)\s+(?:the same|that|this|it)\s+"
    r"(?:also\s+|still\s+)?(?:(?:hold|apply|go)(?:\s+true)?|(?:be\s+)?(?:true|the case))\s+"
    rf"(?:for|to|at|in|with)\s+(?:an?\s+|the\s+)?{SUBJECT_NAMES}"
    r"(?:\s+(?:too|as well|also|then|though|tho))?\W*$"
    # "compared to a bpo's services tho?": the previous answer set against the one named
    rf"|^\W*(?:(?:and|but|so|ok(?:ay)?)\W+)?(?:compared|comparing|relative|versus|vs\.?)"
    rf"(?:\s+(?:to|with))?\s+(?:an?\s+|the\s+)?{SUBJECT_NAMES}",
    re.IGNORECASE,
)
# "does that hold for tiny businesses as well", "is that true for a shop with 3 staff too":
# the previous answer, asked of someone else
_SAME_FOR_OTHERS = re.compile(
    r"^\W*(?:(?:and|but|so|ok(?:ay)?|hmm+)\W+)?(?:does|do|is|would|will|can)\s+(?:that|this|"
    r"it|the same|same)\s+(?:(?:still|also|really)\s+)?(?:(?:hold|apply|work|count|go)"
    r"(?:\s+true)?|(?:be\s+)?(?:true|the case|valid|the same))\s+(?:for|to|with|at|in|of)\s+"
    # ... of a kind or size of business (not "does that count for tax purposes too")
    r"(?:an?\s+|the\s+|my\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:compan(?:y|ies)|business(?:es)?|firms?|"
    r"shops?|startups?|stores?|practices?|clinics?|salons?|restaurants?|charit(?:y|ies)|"
    r"one-man band|sole traders?|ones|outfits?|teams?|sme'?s?)\b.*\b(?:too|as well|also|either)\b",
    re.IGNORECASE,
)
# "for small biz?" after how to choose: the previous answer, for a size of business
# ("and mid-size businesses?", "is that true for small firms too")
_FOR_A_SIZE_ALONE = re.compile(
    r"^\W*(?:(?:and|but|so|what about|how about)\s+(?:(?:for|4)\s+)?|(?:for|4)\s+|(?:is|does|would)"
    r"\s+(?:that|this|it)\s+(?:(?:also|still)\s+)?(?:true|apply|hold|work|the same|same)\s+"
    r"(?:for|4|to)\s+)(?:an?\s+|the\s+)?"
    r"(?:(?:small|smaller|big|bigger|large|larger|tiny|huge|medium|mid[- ]?sized?)\s+"
    r"(?:compan(?:y|ies)|business(?:es)?|biz|firms?|shops?|startups?|ones|teams?|corporations?|"
    r"organi[sz]ations?)|start-?ups?|sme'?s|multinationals?|corporations?)"
    r"(?:\s+(?:too|as well|also)|\W+(?:(?:is it|are they)\s+)?(?:still\s+)?worth it)?\W*$",
    re.IGNORECASE,
)
# "what has budget got to do with it", "how does size come into that"
_TO_DO_WITH_IT = re.compile(
    r"\b(?:what|how)\s+(?:has|have|does|do|is|are)\s+(?:[\w-]+\s+){1,3}(?:to\s+do\s+with|"
    r"come\s+into)\s+(?:it|that|this|them|those)\b",
    re.IGNORECASE,
)


# "front/back office wise?", "tech wise": an aspect of the answer just given
_ASPECT_WISE = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|what about|how about)\W+)?(?:[\w/-]+\s+){0,2}[\w/]+[- ]wise"
    r"(?:\s+(?:then|tho|though))?\W*$",
    re.IGNORECASE,
)


def marked_elsewhere(entities: List[Dict]) -> bool:
    """Marked by NearDomainGuard as a question of another field."""
    return any(e.get("entity") == "near_domain" for e in entities)


# why the one just named is good, or what it even is: "why is it good", "wait back up, what
# even is one"
_OF_IT = re.compile(
    r"(?:^|[,.;:!?]\s*)\W*(?:(?:and|but|so|ok(?:ay)?|k|wait|hmm+|um+|sorry|remind me|"
    r"tell me(?: again)?)\W+)*(?:"
    r"(?:why|how come)\s+(?:is|are|would|do|does)\s+(?:it|that|they|this|one)\s+(?:\w+\s+)?"
    r"(?:good|great|useful|better|worth it|helpful|popular|needed|important)"
    # "why good?"
    r"|why\s+(?:so\s+)?(?:good|great|useful|better|popular)"
    # "when does it make sense", "when is one worth it"
    r"|when\s+(?:does|would|is|do|will)\s+(?:it|one|that|this|they)\s+(?:really\s+|actually\s+)?"
    r"(?:make\s+sense|worth\s+it|a\s+good\s+(?:idea|fit|choice)|the\s+right\s+(?:choice|call)|"
    r"pay\s+off)"
    # "why do companies do it", "why would anyone use one"
    r"|why\s+(?:do|would|does|should)\s+(?:companies|businesses|firms|people|anyone|someone|"
    r"a company|a business)\s+(?:even\s+|ever\s+)?(?:do|use|want|choose|need|pick|go for)\s+"
    r"(?:it|that|this|one|them)(?:\s+at all)?"
    r"|(?:what|wat)(?:'s|s|\s+is|\s+(?:even|exactly|actually)\s+is)\s+(?:one|it)"
    r"(?:\s+(?:even|exactly|again|actually|then))*"
    # "remind me what one is exactly"
    r"|(?:what|wat)\s+(?:one|it)\s+(?:even\s+)?is(?:\s+(?:even|exactly|again|actually|then))*"
    r")\W*$",
    re.IGNORECASE,
)
# "could they do the payroll ...": whether the ones just named take on a task
_CAN_THEY_DO = re.compile(
    r"^\W*(?:(?:and|but|so|ok(?:ay)?)\W+)?(?:can|could|would|will|do)\s+(?:they|those|one)\s+"
    r"(?:also\s+)?(?:do|handle|take (?:on|over|care of)|manage|run|cover|look after)\b",
    re.IGNORECASE,
)
# "for small firms?", "in bigger companies?": the previous answer, asked of a kind of business
_FOR_A_KIND = re.compile(
    r"^\W*(?:(?:and|but|so|what about|how about)\s+)?(?:for|in|at|with)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){1,2}?(?:compan(?:y|ies)|business(?:es)?|firms?|shops?|startups?|ones|"
    r"sme'?s|organi[sz]ations?|teams?|outfits?|corporations?|corps?|enterprises?|"
    r"multinationals?|brands?)\W*$",
    re.IGNORECASE,
)
# "which one is a call center?" after the front and back office: which of those just named
_WHICH_OF_THOSE_IS = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?|then)\W+)?(?:which|wich)\s+(?:one|of (?:the two|them|those|these)|"
    rf"side|half|part)\s+(?:is|are|would be)\s+(?:an?\s+|the\s+)?(?:{SUBJECT_NAMES}|cc)"
    r"(?:\s+(?:then|again|tho|though))?\W*$",
    re.IGNORECASE,
)
# "vs cc?" after what a bpo is: the two compared
_VERSUS = re.compile(
    r"^\W*(?:(?:and|so|ok(?:ay)?)\W+)?(?:vs\.?|versus|compared (?:to|with)|against)\s+"
    r"(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+)?\W*$"
    # "vs what a bpo does?"
    r"|^\W*(?:(?:and|so|ok(?:ay)?)\W+)?(?:vs\.?|versus|compared (?:to|with))\s+what\s+"
    rf"(?:an?\s+|the\s+)?(?:{SUBJECT_NAMES}|cc)\s+(?:does|do|offers?|handles?|provides?)\W*$",
    re.IGNORECASE,
)
# "can you give me an example?": of the answer just given (not a request to the assistant)
_EXAMPLE_ASKED = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|so|hmm+)\W+)?(?:(?:can|could|would) (?:you|u)\s+(?:please\s+)?)?"
    r"(?:give|show)\s+(?:(?:me|us)\s+)?(?:an?\s+|some\s+|one\s+|a few\s+|any\s+)?"
    r"(?:real\s+|concrete\s+|specific\s+|practical\s+)?"
    r"examples?\W*(?:(?:please|pls|plz)\W*)?$",
    re.IGNORECASE,
)
# who the job seeker is, not whom to talk to: "how far can someone progress starting as an
# operator there"
_PEOPLE_WORDS = re.compile(r"^(?:someone|somebody|person|agent|rep)$", re.IGNORECASE)
_SMALL_TALK = re.compile(
    r"\b(?:bye|goodbye|see (?:you|ya)|cya|thanks?|thank you|thx|ty|cheers|hi|hello|hey|"
    r"good (?:morning|afternoon|evening|night)|take care)\b",
    re.IGNORECASE,
)
_THEIR = re.compile(r"\btheir\b", re.IGNORECASE)  # "what are their benefits"
_QUESTIONS_DECLINED = word_pattern(DECLINING_WORDS)
_IN_THIS_FIELD = re.compile(r"\b(?:this|that) (?:space|industry|sector|field|line of work)\b", re.I)
_FOR_OUR_COMPANY = re.compile(
    r"\b(?:we|we'?re|our|us|advice|advise|recommend\w*|suggest\w*|outsourc\w*)\b", re.I
)
_THAT_ONE = re.compile(r"\b(?:that|this|those|these) (?:job|role|work|one|part|bit)s?\b", re.I)
# a request to hear about something: "tell me more about the ai part"
_TELL_ME = re.compile(r"\b(?:tell me|explain|more (?:about|on))\b", re.IGNORECASE)
_ABOUT_THE_ASSISTANT = re.compile(
    r"\b(you|u|ya|your|yourself|this (bot|chat|assistant|thing)|i ask|can i ask)\b", re.IGNORECASE
)
# "you" as anyone ("the highest you can go"), not the assistant ("what can you do")
_ANYONE = re.compile(r"\byou (can|could|get|need|have to|will|would|earn|make|start)\b", re.I)
# "what can u grow into", "can you move up fast": a career, whoever "you" is
_GROWING = re.compile(
    r"\b(?:grow into|get promoted|move up|work (?:your|ur|yr) way up|climb the ladder)\b", re.I
)
_ASKS_THE_ASSISTANT = re.compile(r"\b(can|could|do|will|would|are) (you|u)\b", re.IGNORECASE)
# "what's ivr, you mentioned it": what the previous answer said, asked about
_YOU_SAID = re.compile(
    r"\b(?:you|u) (?:mentioned|said|wrote|talked about|spoke (?:of|about)|brought up|"
    r"were saying|refer(?:red)? to|called)\b",
    re.IGNORECASE,
)
_ASKS_FOR_OWN = re.compile(
    r"\b(?:can|could|may) (?:i|we)\b|\b(?:my|our)\b|\b(?:human|person|agent|someone|somebody)\b",
    re.IGNORECASE,
)
_YOU_SAID_FIRST = re.compile(
    r"^\W*(?:(?:and|but|so|ok|hmm+|wait)\W+)*(?:you|u) (?:said|mentioned|say)\b", re.IGNORECASE
)
# words that may stand around a bare subject: "and what about the call centres?"
_FILLER = re.compile(
    r"\b(and|n|nd|or|so|ok|okay|k|kk|what|how|about|the|a|an|for|at|in|with|then|one|ones|too|same|"
    r"question|side|also|please|pls|plz|now|outsourcing|about them|tell me|wbu|wby|abt|"
    # "how about business process outsourcing firms", "what about the bpo guys"
    r"firms?|compan(?:y|ies)|guys|folks|people|ppl|providers?|"
    # "and the call centre version?"
    r"equivalent|counterpart|version|"
    # "how about the bpo side of things", "call centres as well?"
    r"of things|as well|aswell|likewise|"
    # "vs a bpo?" after the definition of a call center: the two compared
    # "and of a firm that runs ...?" ("of things" first)
    r"vs|versus|compared (?:to|with)|of)\b"
    # "bpo's?": the plural typed with an apostrophe, left where the subject was taken out
    # (not the "'s" of "what's")
    r"|(?<!\w)['\u2019]s\b"
    r"|[^\w\s]",
    re.IGNORECASE,
)


_OUTSOURCING = re.compile(OUTSOURCING_WORD, re.IGNORECASE)


def names_outsourcing(message: Message) -> bool:
    return bool(_OUTSOURCING.search(message.get(TEXT) or ""))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class FollowUpShape(StatelessComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "intent": "follow_up",
            "flag": "follow_up_shape",
            "subjects": ["bpo", "call_center"],
            # a message this short that names no subject leans on the previous one
            "max_words": 4,
            # a follow-up reading at least this sure passes NLU's fallback threshold
            "sure_from": 0.6,
            # an out-of-scope reading below this is unsure ("and a call centre, in the same
            # simple words please, my dad runs a corner shop")
            "unsure_below": 0.7,
            # intents about the assistant that a short question on an aspect resembles
            # "what's the highest you can go?", "are they going to be replaced by robots"
            "help_intents": ["help", "bot_challenge"],
            # a request for the recommendation that asks about the jobs ("what skills do
            # u need to start out")
            "advice_intent": "request_recommendation",
            # an answer to the form that asks on, with an aspect
            "answer_intent": "inform",
            # small talk that a short question on an aspect resembles ("even whatsapp?")
            # ("n technology?" reads like "no")
            "small_talk_intents": ["greet", "goodbye", "thank", "affirm", "deny"],
            # commands that a question on an aspect may resemble ("skills needed to
            # start?", "could i work there as an accountant"), unless it has their words
            "command_intents": ["restart", "stop", "human_handoff"],
            "command_words": [
                "stop",
                "quit",
                "cancel",
                "restart",
                "start over",
                "again",
                "reset",
                "human",
                "person",
                "someone",
                "somebody",
                "agent",
                "representative",
                "rep",
                "talk",
                "speak",
                "contact",
                "call me",
                "real",
                "bye",
            ],
            # readings a question about the previous answer may get when it names others
            # ("does that hold for tiny businesses as well, like my 4 person salon")
            "unsure_intents": ["out_of_scope", "nlu_fallback"],
            # a bare subject taken for one of these is left to the form's rules
            "form_intents": ["request_recommendation", "inform", "out_of_scope"],
        }

    def is_follow_up(self, message: Message) -> bool:
        if message.get(NAME_ASKED) or message.get(CAPABILITY_ASKED):
            # "whats it called when another firm answers our phones", "could one outside
            # firm do our wages, our accounts, all of it?": "it" is in the message
            return False
        topic = selected_topic(message)
        intent = (message.get(INTENT) or {}).get("name")
        text = message.get(TEXT) or ""
        if (
            _YOU_SAID_FIRST.match(text)
            and (intent in self.config["unsure_intents"] or is_knowledge_question(message))
            # ("you said chat, can i chat with an agent", "you said it support, can you fix
            # my laptop": something else asked)
            and not _ASKS_THE_ASSISTANT.search(text)
            and not _ASKS_FOR_OWN.search(text)
            and not marked_elsewhere(message.get(ENTITIES) or [])
        ):
            return True  # "you said scalable, how": about the answer just given
        if _EXAMPLE_ASKED.match(text) and (
            intent in self.config["unsure_intents"] or intent in self.config["help_intents"]
        ):
            # examples of the answer just given ("can u give examples"); with none given,
            # the follow-up action lists what the visitor can ask, as help does
            return True
        if (
            _SAME_FOR_OTHERS.search(text) or _FOR_A_SIZE_ALONE.match(text)
        ) and intent in self.config["unsure_intents"]:
            return True  # (read as a knowledge question, it keeps its reading: the choice)
        if (
            _TO_DO_WITH_IT.search(text)
            and intent in self.config["unsure_intents"]
            and not marked_elsewhere(message.get(ENTITIES) or [])
        ):
            return True  # "what has budget got to do with it": with the answer just given
        if _OF_IT.search(text) and (
            intent in self.config["unsure_intents"] or intent in self.config["small_talk_intents"]
        ):
            return True  # "why is it good", "wait back up, what even is one", "sorry, what is it"
        if (
            intent in self.config["unsure_intents"]
            and _CAN_THEY_DO.search(text)
            and any(
                e.get("entity") == "outsourced_function" and not e.get("role")
                for e in message.get(ENTITIES) or []
            )
        ):
            return True  # "could they do the payroll for a 20 person salon": what they do
        subjects = [e for e in message.get(ENTITIES) or [] if e.get("entity") == "subject"]
        if subjects and (
            _VERSUS.match(text) or _EQUIVALENT.match(text) or _WHICH_OF_THOSE_IS.match(text)
        ):
            return True
        if subjects and intent not in self.config["form_intents"]:
            # nothing but a subject, whatever NLU took it for ("also for bpo please")
            rest = text
            for entity in sorted(subjects, key=lambda e: -e.get("start", 0)):
                rest = rest[: entity.get("start", 0)] + rest[entity.get("end", 0) :]
            # (the form-answer model's reading of a bare subject is no other entity: "n the
            # customer hotline ppl?" reads a little like customer support)
            others = [
                e
                for e in message.get(ENTITIES) or []
                if e not in subjects
                and not e.get("role")
                and e.get("extractor") != "FormAnswerClassifier"
                # ("vs a bpo?": the difference its "vs" names is the subjects compared)
                and (e.get("entity"), e.get("value")) != ("aspect", "difference")
            ]
            if not others and not _FILLER.sub(" ", rest).strip():
                return True
        if (
            intent in self.config["unsure_intents"]
            and (message.get(INTENT) or {}).get("confidence", 1.0) < self.config["unsure_below"]
            and _AND_A_SUBJECT.match(text)
            and not marked_elsewhere(message.get(ENTITIES) or [])
        ):
            # "and a call centre, in the same simple words please, my dad runs a corner shop":
            # the other subject first, then what the visitor says of it
            return True
        if intent in self.config["unsure_intents"] and self._asks_of_this_field(message):
            return True  # "what trends should i keep an eye on in this space"
        if (
            intent == self.config["answer_intent"]
            and _AND_THEN.match(text)
            and text.rstrip().endswith("?")
            and any(e.get("entity") == "aspect" for e in message.get(ENTITIES) or [])
            # ("and the social media messages?" adds a task named exactly)
            and not any(
                e.get("entity") == "outsourced_function"
                and not e.get("role")
                and e.get("extractor") != "FormAnswerClassifier"
                for e in message.get(ENTITIES) or []
            )
        ):
            return True  # "and outbound, like ringing people up to sell stuff?"
        if (
            intent == self.config["advice_intent"]
            and _QUESTIONS_DECLINED.search(text)
            and any(e.get("entity") == "aspect" for e in message.get(ENTITIES) or [])
        ):
            # "no need for a recommendation, just tell me what they have in common"
            # (bot/nlp/questions_declined.py stops the questions after its answer)
            return True
        if intent == self.config["advice_intent"] and self._asks_about_jobs(message):
            return True  # "what skills do u need to start out": "need" is no request
        if intent in self.config["help_intents"]:
            return self._asks_about_the_topic(message)
        if intent in self.config["command_intents"]:
            aspects = [e for e in message.get(ENTITIES) or [] if e.get("entity") == "aspect"]
            # ("how far can someone progress there": someone who works there)
            about_jobs = any(a.get("value") == "careers" for a in aspects)
            return (
                bool(aspects)
                and bool(
                    QUESTION_SHAPE.search(text)
                    or _POINTING_BACK.search(text)
                    or _TELL_ME.search(text)
                )
                and not any(
                    not (about_jobs and _PEOPLE_WORDS.match(word.group(0)))
                    for word in self.command_words.finditer(text)
                )
            )
        if intent in self.config["small_talk_intents"]:
            aspects = [e for e in message.get(ENTITIES) or [] if e.get("entity") == "aspect"]
            words = len(text.split())
            # "even whatsapp?", "will ai take their jobs": short, and asked or pointing back
            shaped = (
                (words <= self.config["max_words"] and "?" in text)
                # "n structre", "n vice versa": texted "and", no question mark (not "and no
                # chat")
                or (
                    words <= self.config["max_words"]
                    and _AND_THEN.match(text)
                    and not _AND_YES_OR_NO.match(text)
                )
                or (words <= self.config["max_words"] + 2 and _THEIR.search(text))
                # "is ai going to take that job"
                or (
                    words <= self.config["max_words"] + 4
                    and QUESTION_SHAPE.search(text)
                    and (_POINTING_BACK.search(text) or _THAT_ONE.search(text))
                )
            )
            return bool(aspects) and bool(shaped) and not _SMALL_TALK.search(text)
        if not topic or intent != topic.split("/")[0]:
            return False  # not answered as a knowledge question
        if _ASPECT_WISE.match(text):
            return True  # "front/back office wise?" after the difference: the structure
        if subjects:
            # "which of those does a bpo cover vs a call center?" after the front and back
            # office: the subjects, placed in the previous answer; "how is that different
            # from what a call centre does": the previous answer set against one
            return bool(
                _INTO_THAT.search(text)
                or _THAT_COMPARED.search(text)
                # "and call centres, what do they handle" after what a bpo offers, read as a
                # topic that is not that subject's own ("and what is a bpo exactly" is)
                or (
                    {e.get("value") for e in subjects} != {topic.split("/")[-1]}
                    and len({e.get("value") for e in subjects}) == 1
                    and _AND_THEN.match(text)
                )
            )
        if topic.split("/")[-1] not in self.config["subjects"]:
            # a topic about both needs no subject, but "they" may be the previous one's
            pointers = {m.group(0).lower() for m in _POINTING_BACK.finditer(text)}
            if pointers <= {"it", "its"} and names_outsourcing(message):
                return False  # "outsorce why is it cheaper??": "it" is the outsourcing
            return bool(pointers)
        return bool(
            len(text.split()) <= self.config["max_words"]
            or _CONTINUATION.search(text)
            or _POINTING_BACK.search(text)
        )

    @functools.cached_property
    def command_words(self) -> Pattern:
        return word_pattern(self.config["command_words"])

    @staticmethod
    def _asks_of_this_field(message: Message) -> bool:
        """ "what trends should i keep an eye on in this space": an aspect asked of "this
        field" (not one its words name, nor a question the near-domain guard put aside:
        "what's the typical salary in this industry")."""
        text = message.get(TEXT) or ""
        field = _IN_THIS_FIELD.search(text)
        entities = message.get(ENTITIES) or []
        return (
            bool(field)
            and bool(QUESTION_SHAPE.search(text))
            and not any(e.get("entity") == "near_domain" for e in entities)
            and any(
                e.get("entity") == "aspect"
                and not field.start() <= e.get("start", -1) < field.end()
                for e in entities
            )
        )

    @staticmethod
    def _asks_about_jobs(message: Message) -> bool:
        """A question about the jobs only, with no answer to the form in it."""
        entities = message.get(ENTITIES) or []
        aspects = {e.get("value") for e in entities if e.get("entity") == "aspect"}
        text = message.get(TEXT) or ""
        return (
            aspects == {"careers"}
            and bool(QUESTION_SHAPE.search(text))
            # ("tree surgeon company, we climb and fell trees. any advice on what to
            # outsource?": the visitor's company asks)
            and not _FOR_OUR_COMPANY.search(text)
            and not any(
                e.get("entity") in ("company_size", "outsourced_function", "budget")
                and not e.get("role")
                for e in entities
            )
        )

    @staticmethod
    def _asks_about_the_topic(message: Message) -> bool:
        text = message.get(TEXT) or ""
        aspects = [e for e in message.get(ENTITIES) or [] if e.get("entity") == "aspect"]
        if _YOU_SAID.search(text) and (aspects or _POINTING_BACK.search(text)):
            return True
        if _GROWING.search(text) and any(e.get("value") == "careers" for e in aspects):
            return True  # "what can u grow into": anyone who works there
        if _ABOUT_THE_ASSISTANT.search(text):
            # "you" in a request for help about an aspect is anyone ("the highest you
            # can go"); in "are you a robot?" it is the assistant
            return (
                bool(aspects)
                and (message.get(INTENT) or {}).get("name") == "help"
                and bool(_ANYONE.search(text))
                and not _ASKS_THE_ASSISTANT.search(text)
            )
        return bool(aspects or _POINTING_BACK.search(text))

    def unsure_follow_up(self, message: Message) -> bool:
        """A follow-up the classifier was unsure of, yet shaped like one: "what are their
        benefits" names an aspect and points back."""
        intent = message.get(INTENT) or {}
        if intent.get("name") != self.config["intent"]:
            return False
        if intent.get("confidence", 1.0) >= self.config["sure_from"]:
            return False
        text = message.get(TEXT) or ""
        entities = message.get(ENTITIES) or []
        if _FOR_A_KIND.match(text) and any(e.get("entity") == "company_size" for e in entities):
            return True
        if _TO_DO_WITH_IT.search(text) and not marked_elsewhere(entities):
            return True  # "what has budget got to do with it"
        named = any(e.get("entity") in ("aspect", "subject") for e in entities)
        shaped = _POINTING_BACK.search(text) or _THEIR.search(text) or _CONTINUATION.search(text)
        return bool(named and shaped and len(text.split()) <= self.config["max_words"] + 2)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if self.unsure_follow_up(message):
                overrule_intent(message, self.config["intent"], self.config["sure_from"])
                continue
            if not self.is_follow_up(message):
                continue
            intent = message.get(INTENT)
            if is_knowledge_question(message):
                # a knowledge question keeps its intent and topic (the contract of
                # /model/parse); the flag sends it to the follow-up action (data/rules)
                flag = {"entity": self.config["flag"], "value": "true", "start": 0, "end": 0}
                entities = [*(message.get(ENTITIES) or []), {**flag, "extractor": "FollowUpShape"}]
                message.set(ENTITIES, entities, add_to_output=True)
            else:
                confidence = intent["confidence"]
                if _EXAMPLE_ASKED.match(message.get(TEXT) or ""):
                    # (its words say it, however unsure the reading was)
                    confidence = max(confidence, self.config["sure_from"])
                overrule_intent(message, self.config["intent"], confidence, replace=True)
        return messages
