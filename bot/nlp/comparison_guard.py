"""A comparison of two things that are not BPOs and call centers is out of scope.

"What's the difference between SaaS and PaaS?" shares its words with the
assistant's own "difference between a BPO and a call center", so the classifiers
answer it with that topic. When a message compares two things ("between X and Y",
"X vs Y") and neither side names a subject of this assistant (an entity from the
entity_ruler: `subject`, front/back office, inbound/outbound) nor points back
to the previous answer ("them", "the two"), it becomes `out_of_scope`, unless it
answers the form ("between 100 and 150").
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.base import CUSTOMER_TASKS, StatelessComponent, overrule_intent

_COMPARISON = re.compile(
    # (texted too: "diff btw crm n erp")
    r"\b(?:between|btwn|(?<=diff )btw|(?<=difference )btw|differen(?:ce|t|ces) of)\b(?P<a>.+?)"
    r"(?:\b(?:and|n)\b|&)(?P<b>.+)"
    r"|(?P<c>[\w .'-]+?)\s+(?:vs\.?|versus|compared to|compared with)\s+(?P<d>[\w .'-]+)"
    # "llc or sole proprietorship, which is better?", "which is better: leasing or buying"
    r"|^\W*(?P<e>[\w .'-]+?)\s+or\s+(?P<f>[\w .'-]+?)\s*[,?]+\s*which\b"
    # (not examples given: "which sorts of firms use them, like banks or shops?")
    r"|\bwhich\b[^?]*?[,:](?!\s*(?:like|such as|e\.?g|for example|for instance|including|say|"
    r"especially)\b)\s*(?P<g>[\w .'-]+?)\s+or\s+(?P<h>[\w .'-]+?)\W*$"
    # "wholesaler or distributor - what is the difference?", "support and resistance in
    # trading, whats the difference"
    r"|^\W*(?P<i>[\w .'-]+?)\s+or\s+(?P<j>[\w .'-]+?)\s*[-–:,?]+\s*(?:what|whats|what's|how)\b"
    r"[^?]*\bdiffer"
    # ("ok and thanks, how do they differ" compares nothing)
    r"|^\W*(?!(?:ok|okay|thanks|thank you|thx|so|yes|yeah|cool|great|right|alright|hmm)\b)"
    r"(?P<k>[\w .'-]+?)\s+and\s+(?P<l>[\w .'-]+?)\s*[-–:,?]+\s*(?:(?:what|whats|what's)"
    r"(?:\s+is)?\s+(?:the\s+)?(?:main\s+|real\s+)?differences?|how\s+(?:are|do)\s+(?:they|the two)"
    r"\s+(?:differ|different))\W*$"
    # "how does a b2b company differ from a b2c one", "what sets x apart from y"
    r"|\b(?:how|in what ways?)\s+(?:does|do|is|are)\s+(?P<m>[\w .'-]+?)\s+(?:differ|different)\s+"
    r"(?:from|to|than)\s+(?P<n>[\w .'-]+?)\W*$"
    # "is a contractor different from an employee or the same thing on paper"
    r"|\b(?:is|are)\s+(?P<s>[\w .'-]+?)\s+(?:really\s+)?different\s+(?:from|to|than)\s+"
    r"(?P<t>[\w .'-]+?)(?=\s+or\b|\W*$)"
    # "acd and ivr whats the difference": two short names, no comma (not "i read your answer
    # and i still dont get whats the difference")
    r"|^\W*(?!(?:i|we|you|u|they|it|so|ok|okay|and|but|thanks)\b)(?P<q>[\w.'-]+(?:\s+[\w.'-]+)?)"
    r"\s+and\s+(?!(?:i|we|you|u|they|it|so|honestly|still)\b)(?P<r>[\w.'-]+(?:\s+[\w.'-]+)?)\s+"
    r"(?:what|whats|what's)(?:\s+is)?\s+(?:the\s+)?(?:main\s+|real\s+)?(?:differences?|diff)\W*$"
    # "what separates a physical sim from an esim"
    r"|\bwhat\s+(?:really\s+|actually\s+)?(?:separates|distinguishes|differentiates)\s+"
    r"(?P<o>[\w .'-]+?)\s+from\s+(?P<p>[\w .'-]+?)\W*$",
    re.IGNORECASE,
)
# inbound and outbound calls, not marketing; outsourcing itself against keeping work in-house
_OWN_TERMS = re.compile(
    r"\b((inbound|outbound)(?!\s+(marketing|links?|seo|shipping|freight|logistics))|"
    r"front[- ]office|back[- ]office|strategic|tactical|outsourc\w*|in[- ]house|business process|"
    # "deciding between an outside team for customer lines and an outside firm running
    # operations": the two described
    r"(outside|external|third[- ]party) (firms?|compan(y|ies)|teams?|providers?|partners?|"
    r"agenc(y|ies)|specialists?))\b",
    re.IGNORECASE,
)
_DIFFERENCE = re.compile(r"\b(?:diff(?:eren(?:ce|ces|t)|s)?|distinctions?)\b", re.IGNORECASE)
_AS_DEPARTMENTS = re.compile(
    r"\b(?:departments?|depts?|teams?|roles?|job titles?)\b", re.IGNORECASE
)
# "between forty and sixty of us": a head count compared
_NUMBER_WORD = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|couple)\b",
    re.IGNORECASE,
)
# ... how the two differ, asked beside it
_THEIR_DIFFERENCE = re.compile(
    r"\b(?:than|differ\w*|unlike|whereas|compar\w*|versus|vs)\b", re.IGNORECASE
)
# (not "how difficult is it")
_ASKED_AFTER = re.compile(r"\W*(?:what|whats|what's|how)\b[^?]*\bdiff(?:er\w*|s)?\b", re.IGNORECASE)
_BACK_REFERENCE = re.compile(
    r"\b(them|they|those|these|the two|both|each other|it|that|this|one|other)\b", re.IGNORECASE
)

# "a b2c one": a kind named, the noun left out, pointing back to nothing said before
# (not "the bigger one", "the other one": the two of the previous answer)
_A_KIND_OF_ONE = re.compile(
    r"\s*an?\s+(?!(?:other|different|bigger|smaller|first|second|former|latter)\b)[\w-]+\s+one\s*",
    re.IGNORECASE,
)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ComparisonGuard(StatelessComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # what makes a side of the comparison this assistant's own
            "entities": ["subject"],
            "aspects": ["front_back_office"],
            # "between 100 and 150" answers the form's question about size
            "answer_entities": ["company_size", "outsourced_function", "budget"],
            "intent": "out_of_scope",
            "confidence": 0.9,
        }

    def compares_other_things(self, message: Message) -> bool:
        text = message.get(TEXT) or ""
        match = _COMPARISON.search(text)
        if not match:
            return False
        entities = message.get(ENTITIES) or []
        start, end = match.span()
        sides = [s for s in match.groups() if s]
        # "the difference between a help desk and a service desk" asks; it names no tasks
        # ("b2b vs b2c sales, how are they different": asked after it)
        # (but "phone support vs payroll, how do they differ when you outsource them?"
        # compares two tasks of the form)
        tasks_compared = [
            e
            for e in entities
            if e.get("entity") == "outsourced_function"
            and not e.get("role")
            and start <= e.get("start", -1) < end
        ]
        # ("bookkeeping vs accounting, what's the difference": one task named twice; but
        # "phone support vs email support, what's different for a bpo?" asks of our own)
        ours = _OWN_TERMS.search(text) or any(
            e.get("entity") in self.config["entities"] for e in entities
        )
        # ("payroll vs hr, whats the difference between the two departments": two tasks
        # compared as departments, with no word of outsourcing them)
        values = {str(e.get("value")) for e in tasks_compared}
        # ("hr vs payroll, whats the difference": two back-office tasks, with no word of
        # outsourcing; "customer service vs telemarketing" is work a call center does)
        as_departments = not ours and (
            _AS_DEPARTMENTS.search(text) or (values and not values & set(CUSTOMER_TASKS))
        )
        two_tasks = not as_departments and len(values if not ours else tasks_compared) > 1
        asks = (
            _DIFFERENCE.search(text[: match.start() + 12])
            or (
                (
                    _ASKED_AFTER.match(text[end:])
                    # ("customer success vs customer support difference": asked at its end)
                    or (not ours and _DIFFERENCE.search(text[match.start() + 12 :]))
                )
                and not two_tasks
            )
        )
        if any(
            re.search(r"(?<![a-z])\d", side.lower()) or _NUMBER_WORD.search(side) for side in sides
        ) or any(
            e.get("entity") in self.config["answer_entities"]
            and not e.get("role")  # a guess, or a task taken away, is no answer
            # (a difference asked is no answer, whatever the company told of before it:
            # "we're a 50 person saas firm ..., what's the difference between csat and nps?")
            and not asks
            # a size or budget word is no answer here: "an llc and a corporation", "sole
            # trader vs limited company"; a head count is
            and (
                e.get("entity") not in ("company_size", "budget")
                or e.get("extractor") == "FormAnswerClassifier"
            )
            for e in entities
        ):
            return False
        # (in the side's own sentence: "... a help desk and a service desk as defined in ITIL?
        # Our IT department uses both terms." points back to nothing before it)
        if any(
            _BACK_REFERENCE.search(re.split(r"[?!]", side)[0])
            and not _A_KIND_OF_ONE.fullmatch(side)
            for side in sides
        ):
            return False
        named = {e.get("value") for e in entities if e.get("entity") in self.config["entities"]}
        if len(named) > 1 and _THEIR_DIFFERENCE.search(text[:start] + text[end:]):
            # "do bpos rely on other tech than call centres? e.g. ivr versus rpa?" (not "i work
            # at a bpo, my friend at a call centre: zoom vs teams?")
            return False
        return not any(
            start <= e.get("start", -1) < end
            and (
                e.get("entity") in self.config["entities"]
                or (e.get("entity") == "aspect" and e.get("value") in self.config["aspects"])
            )
            for e in entities
        ) and not _OWN_TERMS.search(text[start:end])

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not self.compares_other_things(message):
                continue
            overrule_intent(message, self.config["intent"], self.config["confidence"])
        return messages
