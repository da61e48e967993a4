"""Reads a polite message for what it asks or answers.

Visitors who write as they would write an e-mail wrap the question in courtesies: "Good
morning, I hope you are well. In which parts of the world are most BPO companies
found? I would be grateful for a short overview. Many thanks." The classifiers weigh
every word, and the courtesies are the words of greetings and thanks: such a question
was read as a thank-you, a request or nothing known. Before spaCy, this component
takes the courtesies off the start and the end of a message that says something else
too (a greeting before a statement stays); a message of courtesies alone ("thanks!",
"hello, good morning") is left whole.
Like `DictationReader`, it rewrites only messages read, not the training examples.
"""

from __future__ import annotations

import re
from typing import Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from bot.nlp.base import QUESTION_SHAPE, TextRewriter

# a greeting: "Dear team", "Good morning", "Hi there"
_GREETING = (
    r"(?:hi|hello|hey|hiya|greetings|good (?:morning|afternoon|evening|day))"
    r"(?: there| all| team| everyone| folks)?"
    r"|dear (?:team|all|sir|madam|sir or madam|support|colleagues|friends|\w+ team)"
)
# ... before a comma
_GREETING_BEFORE = re.compile(rf"^\s*(?:{_GREETING})\s*[,!:;-]\s*(?=\S)", re.IGNORECASE)
# a sentence of courtesy alone
_COURTESY = re.compile(
    r"^\s*(?:"
    rf"{_GREETING}"
    r"|i hope (?:you are|you're|this (?:message )?finds you|all is) (?:well|doing well|good)"
    r"(?: today)?|hope (?:you are|you're) (?:well|doing well|good)(?: today)?"
    r"|(?:thank you|thanks)(?: (?:so|very) much| kindly| a lot| again| in advance)?"
    r"(?: for (?:your|the|any|this|that|settling|clarifying|explaining|helping)\b[^.!?]{0,60})?"
    r"|many thanks(?: in advance)?|much appreciated|(?:kind |best |warm )?regards"
    r"|i (?:would|'d) be (?:very |most )?grateful for (?:a |an |any |your )?[^.!?]{0,40}"
    r"|sorry for (?:the|this|my) (?:very |rather )?(?:basic|simple|silly|naive|long) question"
    r"|(?:very |that'?s |that is |that was |this is |this was )?(?:very |really |super )?"
    r"(?:clear|helpful|useful|great|interesting|perfect)"
    r"|(?:ok(?:ay)?|great|perfect|got it|understood|noted|i see)"
    r")\s*[.!]*\s*$",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
_FEW_WORDS = 5


def courteous(sentence: Text) -> bool:
    """A sentence of courtesies only: "Thanks, that was clear.", "Good morning."."""
    pieces = [p for p in re.split(r"[,;]", sentence.strip().rstrip(".!")) if p.strip()]
    return bool(pieces) and all(_COURTESY.match(p) for p in pieces)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class PleasantryTrimmer(TextRewriter):
    @staticmethod
    def rewritten(text: Text) -> Text:
        """The message without the courtesies around what it says."""
        # (a greeting before a story stays: "hi, we run care homes and ..." reads as the
        # start of a conversation about the visitor's business)
        # (nor before a few words: "hi, is anybody here?" greets)
        greeted = _GREETING_BEFORE.match(text)
        after = text[greeted.end() :] if greeted else ""
        asks = bool(greeted) and bool(QUESTION_SHAPE.search(after))
        rest = after if asks and len(after.split()) >= _FEW_WORDS else text
        sentences = [m.group(0) for m in _SENTENCE.finditer(rest) if m.group(0).strip()]
        while len(sentences) > 1 and courteous(sentences[0]):
            sentences.pop(0)
        while len(sentences) > 1 and courteous(sentences[-1]):
            sentences.pop()
        said = "".join(sentences).strip()
        if not said or courteous(said):
            return text  # courtesies alone
        return said
