"""The recommendation's questions turned down, with or without a question beside it.

"no need for a recommendation, just tell me what they have in common" or "skip the
questions, whats the main difference" during the form asks for the answer and for no
more questions; the form's rules would answer and ask the next question all the same.
When the words that turn the questions down stand beside a knowledge question (or a
follow-up) whose topic needs no side, or names its side, the message becomes `stop`
with an `answer_first` flag: the stop action answers that topic first
(actions/recommend.py). Turned down with nothing asked ("no need for a recommendation",
read as a request or an answer), it is a plain `stop`.

It runs after every other reading, so a question the near-domain guard set aside stays
out of scope, and one whose side is unknown ("no need for a recommendation, what are
the advantages?") stays the follow-up that asks which side. A message that also answers
the form's questions ("no need for the quiz, we're 30 people and need our phones
answered") or asks which one to choose is left as it was.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Dict, List, Optional, Pattern, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.base import (
    StatelessComponent,
    is_knowledge_question,
    names_a_subject,
    overrule_intent,
    selected_topic,
    word_pattern,
)
from bot.nlp.choice_question import ANSWER_FIRST

# ... and asks which one to choose after all ("i dont need a recommendation for a vendor,
# which type suits a 20 person dental clinic?")
_CHOICE_ASKED = re.compile(
    r"\b(?:which|suits?|fits?|recommend\w*|suggest\w*|should (?:we|i) (?:pick|choose|go|get|use))"
    r"\b",
    re.IGNORECASE,
)
# a question, wherever it starts ("in one sentence, whats the main difference")
_ASKS = re.compile(
    r"\?|\b(?:what|whats|what's|how|why|which|who|where|when|explain|tell me)\b", re.IGNORECASE
)
# the words that turn the questions down, then what is asked
_OBJECT = (
    r"(?:(?:a |the |any |your )?(?:recommendations?|quiz|form)|(?:the |your |these |any |more )"
    r"questions(?! (?:from|about|of|on)\b))"
)
DECLINING_WORDS = [
    f"no need for {_OBJECT}",
    f"(?:don'?t|do not|dont) (?:really )?(?:need|want) {_OBJECT}",
    f"not (?:looking for|after|interested in) {_OBJECT}",
    f"(?:skip|forget) {_OBJECT}",
]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class QuestionsDeclined(StatelessComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "declining_words": DECLINING_WORDS,
            # "not now thanks. whats the main difference" (a question must follow)
            "declining_openers": ["not now", "not right now", "maybe later", "no thanks",
                                  "nah thanks"],
            "answer_entities": ["company_size", "outsourced_function", "budget"],
            "follow_up": "follow_up",
            "follow_up_flag": "follow_up_shape",
            "near_domain": "near_domain",
            # read as a request, an answer or a no: turned down, nothing asked
            "declined_readings": ["request_recommendation", "inform", "deny"],
            "subjects": ["bpo", "call_center"],
            "intent": "stop",
        }  # fmt: skip

    @functools.cached_property
    def declining_words(self) -> Pattern:
        return word_pattern(self.config["declining_words"])

    @functools.cached_property
    def opener(self) -> Pattern:
        words = "|".join(self.config["declining_openers"])
        return re.compile(
            rf"^\W*(?:{words})\W*(?:thanks|thank you|thx|ty)?\W*[,.;:!-]+\s*(?=\S)", re.IGNORECASE
        )

    def declined(self, message: Message) -> Optional[int]:
        """Where what follows the words that turn the questions down starts, if any."""
        text = message.get(TEXT) or ""
        found = self.declining_words.search(text) or self.opener.search(text)
        return found.end() if found else None

    def only_declined(self, message: Message, after: int) -> bool:
        """Turned down in so many words ("no need for a recommendation"), asking nothing
        ("no thanks, that's all" turns down nothing but what was offered)."""
        text = message.get(TEXT) or ""
        return (
            (message.get(INTENT) or {}).get("name") in self.config["declined_readings"]
            and bool(self.declining_words.search(text))
            and not _ASKS.search(text[after:])
        )

    def answers_or_chooses(self, message: Message, after: int) -> bool:
        text = message.get(TEXT) or ""
        return bool(_CHOICE_ASKED.search(text[after:])) or any(
            e.get("entity") in self.config["answer_entities"] and not e.get("role")
            for e in message.get(ENTITIES) or []
        )

    def asks_a_known_topic(self, message: Message, after: int) -> bool:
        """A knowledge question (or a follow-up) after the words, not set aside as out of
        scope, whose topic needs no side or names it."""
        intent = (message.get(INTENT) or {}).get("name")
        asked = (
            is_knowledge_question(message)
            or intent == self.config["follow_up"]
            or (intent == "deny" and bool(_ASKS.search((message.get(TEXT) or "")[after:])))
        )
        if not asked or any(
            e.get("entity") == self.config["near_domain"] for e in message.get(ENTITIES) or []
        ):
            return False
        side = selected_topic(message).partition("/")[2]
        return side not in self.config["subjects"] or names_a_subject(message)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            after = self.declined(message)
            if after is None or self.answers_or_chooses(message, after):
                continue
            if self.asks_a_known_topic(message, after):
                overrule_intent(message, self.config["intent"], 1.0, replace=True)
                kept = [
                    e
                    for e in message.get(ENTITIES) or []
                    if e.get("entity") != self.config["follow_up_flag"]
                ]
                flag = {"entity": ANSWER_FIRST, "value": "true", "start": 0, "end": 0}
                message.set(ENTITIES, [*kept, flag], add_to_output=True)
            elif self.only_declined(message, after):
                overrule_intent(message, self.config["intent"], 1.0, replace=True)
        return messages
