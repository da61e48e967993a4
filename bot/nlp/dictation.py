"""Reads a message dictated to a phone as if it had been typed.

Speech-to-text spells letters out ("b p o", "bee pee oh", "r p a"), splits words in two
("out sourcing", "in bound") and writes the punctuation said aloud ("... mean question
mark"). The classifiers know none of these forms: "what is a b p o question mark" reads
as nothing they know. Before spaCy (after AnswerTextStripper, which only touches the
training data), this component rewrites them in the message's text, so every later
component reads "what is a bpo?".
Only messages at inference are rewritten; the training examples are typed. The text the
visitor sent is what the conversation stores (Rasa keeps it in the event; the parse
data holds the rewritten one, with its entities' offsets: actions read that text).
"""

from __future__ import annotations

import functools
import re
from typing import Any, Dict, List, Pattern, Text, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from bot.nlp.base import TextRewriter

# letters said one by one: "b p o", "r. p. a.", "h-r"
_SPELT = re.compile(r"\b[a-z](?:(?:\.\s*|\s+|-)[a-z]\b){1,5}\.?", re.IGNORECASE)
# a new sentence after the punctuation said aloud ("... mean question mark i run a bakery"),
# or the end of the message
_SENTENCE_GOES_ON = (
    r"(?=\s*$|\s+(?:i|i'm|im|we|we're|my|our|so|also|what|how|why|which|who|where|when|can|"
    r"could|do|does|is|are|thanks|thank|please|pls)\b)"
)
# the punctuation said aloud; "period" not where a period of time is meant ("a trial
# period", "a 12 month period is fine", "is there a minimum period")
_SAID_PUNCTUATION: Tuple[Tuple[Pattern, Text], ...] = (
    (re.compile(rf"\s*\bquestion ?marks?\b{_SENTENCE_GOES_ON}", re.IGNORECASE), "?"),
    (re.compile(rf"\s*\bexclamation (?:mark|point)\b{_SENTENCE_GOES_ON}", re.IGNORECASE), "!"),
    (re.compile(rf"\s*\bfull stop\b{_SENTENCE_GOES_ON}", re.IGNORECASE), "."),
    (
        re.compile(
            r"(?<!\btrial)(?<!\bnotice)(?<!\bgrace)(?<!\bbusy)(?<!\bpeak)(?<!\btest)"
            r"(?<!\bprobation)(?<!\bwaiting)(?<!\bholiday)(?<!\breporting)(?<!\bbilling)"
            r"(?<!\bpayment)(?<!\bcontract)(?<!\bthe)(?<!\ba)(?<!\bthis)(?<!\bthat)(?<!\bper)"
            r"(?<!\beach)(?<!\bsame)(?<!\bshort)(?<!\blong)(?<!\bminimum)(?<!\bmaximum)"
            r"(?<!\binitial)(?<!\bfirst)(?<!\bfinal)(?<!\blast)(?<!\bwhole)(?<!\bentire)"
            r"(?<!\bany)(?<!\btime)(?<!\bsetup)(?<!\btraining)(?<!\btransition)(?<!\bday)"
            r"(?<!\bweek)(?<!\bmonth)(?<!\byear)(?<!\bdays)(?<!\bweeks)(?<!\bmonths)"
            r"(?<!\byears)(?<!\bquiet)(?<!\bslow)(?<!\bcooling)(?<!\block-in)(?<!\block in)"
            rf"\s+period\b{_SENTENCE_GOES_ON}",
            re.IGNORECASE,
        ),
        ".",
    ),
    (re.compile(r"\s+comma\b(?=\s+[a-z])", re.IGNORECASE), ","),
)
# single letters that are words of their own: a joined word does not start on one unless
# all the letters said make it ("a i" is AI; in "a i t" the article stays)
_LETTER_WORDS = ("a", "i")


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class DictationReader(TextRewriter):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # letters said one by one that make one of these words
            "acronyms": ["bpo", "rpa", "ai", "hr", "crm", "kpo", "lpo", "ivr", "kpi", "erp",
                         "cx", "faq", "voip", "sla"],
            # words that speech-to-text hears wrong or splits with a space (pattern -> word;
            # a hyphen is typed: "start-up" is read as it is)
            "words": {
                "bee pee (?:oh|o)(s?)": "bpo\\1",
                "(?:cole|coal|cold) (cent(?:er|re)s?)": "call \\1",
                "out sourc(e|es|ed|ing|er|ers)": "outsourc\\1",
                "off shor(e|ed|ing)": "offshor\\1",
                "near shor(e|ed|ing)": "nearshor\\1",
                "(in|out) bound": "\\1bound",
                "chat bot(s?)": "chatbot\\1",
                "health care": "healthcare",
                "e commerce": "ecommerce",
                "shoe string": "shoestring",
                # (not "start up a call centre")
                "(a|an|my|our|the|small|tech|new|young|ecommerce|commerce) start up(s?)":
                    "\\1 startup\\2",
                "^start up(s?)(?= here| owner| founder|,)": "startup\\1",
                "head count": "headcount",
                "tele marketing": "telemarketing",
                "work force": "workforce",
                "book keeping": "bookkeeping",
                "pay roll": "payroll",
            },
        }  # fmt: skip

    @functools.cached_property
    def words(self) -> List[Tuple[Pattern, Text]]:
        return [
            (re.compile(rf"\b{pattern}\b", re.IGNORECASE), word)
            for pattern, word in self.config["words"].items()
        ]

    def _joined(self, spelt: re.Match) -> Text:
        """ "b p o" -> "bpo", "a b p o s" -> "a bpos"; other letters stay as said."""
        letters = re.findall(r"[a-z]", spelt.group(0), flags=re.IGNORECASE)
        known = self.config["acronyms"]
        words, at = [], 0
        while at < len(letters):
            for size in range(len(letters) - at, 1, -1):
                if letters[at].lower() in _LETTER_WORDS and (at, size) != (0, len(letters)):
                    continue
                word = "".join(letters[at : at + size])
                if word.lower() in known or (
                    word[-1].lower() == "s" and word[:-1].lower() in known
                ):
                    words.append(word)
                    at += size
                    break
            else:
                words.append(letters[at])
                at += 1
        if len(words) == len(letters):
            return spelt.group(0)
        return " ".join(words)

    def rewritten(self, text: Text) -> Text:
        """The text as if typed."""
        read = _SPELT.sub(self._joined, text)
        for pattern, word in self.words:
            read = pattern.sub(word, read)
        for pattern, mark in _SAID_PUNCTUATION:
            read = pattern.sub(mark, read)
        return read
