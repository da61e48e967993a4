"""Words that settle a topic the classifier's bag of words cannot.

- In a one-sided comparison the first subject is the one asked about: "why are bpos
  better than call centers", "what does a call centre do better than a bpo" name both
  subjects with the same words; their order says whose benefits are wanted. When the
  topic chosen is one subject's answer of a kind listed in `kinds` and a comparison
  word stands between the two subjects, the answer becomes the first subject's.
- A general answer chosen for a question that names one aspect of it ("difference in
  tools between a bpo and a call center") becomes that aspect's answer (`narrower`);
  so does a sibling's answer chosen for a question that names only the other's aspect
  ("in which regions are bpo firms based?" is about locations, not industries).
- A question about one subject with no word that compares gets that subject's own
  answer: "what services would a call center typically provide?" not the comparison
  of services (`per_subject`), "whats good about using the phone people" not the
  other subject's benefits.
- "Are they the same thing?" shares "same" with "what do they have in common?", but
  asks whether they differ: words listed in `phrases` move a topic to another.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Dict, List, Optional, Pattern, Text, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_DEFAULT_INTENT,
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_PROPERTY_NAME,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.base import (
    ASKS_WHY,
    ASPECT_TOPICS,
    CUSTOMER_TASKS,
    OUTSOURCING_WORD,
    SUBJECT_NAMES,
    WHAT_ONE_DOES,
    StatelessComponent,
    last_sentence_start,
    names_a_subject,
    overrule_intent,
    word_pattern,
)

# what one of the two uses, asked with no other word: "and what does the bpo side use"
_WHAT_IT_USES = re.compile(
    rf"\bwhat (?:does|do) (?:an? |the |a typical )?(?:{SUBJECT_NAMES}|cc|they|each)"
    r"(?: side| ones?| firms?| companies)? (?:actually |typically |usually |normally )?use"
    r"(?: (?:then|now|instead|though|tho|exactly|day to day|every day))?\W*$",
    re.IGNORECASE,
)
# "what does that mean", said of a term just used
_TERM_POINTED_BACK = re.compile(
    r"\bwhat (?:does|do|would) (?:that|this|it|those)(?: \w+)? (?:even |actually |really )?mean\b"
    r"|\bmeaning of (?:that|this)\b",
    re.IGNORECASE,
)
# the terms that have an answer of their own (not the back office, which is said of a BPO
# in passing as often as asked about: "they said a bpo does back office work, what does
# that mean" asks what a BPO is)
_TERMS_OF_THEIR_OWN = {"strategic": "difference/strategic_vs_tactical"}

_COMPARING = re.compile(
    r"\b(better|than|over|instead|rather|preferable|beats?|outperforms?|and not|not|"
    r"compared? (?:with|to)|against|as opposed to|in contrast (?:with|to))\b",
    re.IGNORECASE,
)


# stronger than _COMPARING: says one side wins, not only that two are weighed
_BETTER = re.compile(
    r"\b(better|outperforms?|beats?|superior|preferable|edge over|advantage over|wins? over|"
    # "what does a bpo have over a call center" (not "has over 1000 staff")
    r"(?:have|has|got) over(?=\s+(?:an?\s+|the\s+)?(?:bpos?|call[- ]?cent\w*|cc|the other|"
    r"them)\b))\b",
    re.IGNORECASE,
)


# ... said of the one just named: "a bpo better at", "a call centre does better"
_BETTER_AT = re.compile(
    r"^\W*(?:(?:\w+\s+){0,2}?)(?:better|stronger|best) at\b|^\s+(?:do|does)\s+better\b",
    re.IGNORECASE,
)


# ... the other named first, as what it is compared with
_COMPARED_FIRST = re.compile(
    r"\b(?:compared (?:to|with)|versus|vs\.?|unlike|against|next to)\s+(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)


# the weak points of one: what the other does better is the answer the catalogue has
_BAD_POINTS = re.compile(
    r"\b(?:disadvantages?|downsides?|cons|drawbacks?|negatives?|weak(?:nesses| points| spots)|"
    r"pitfalls?|minuses)\b",
    re.IGNORECASE,
)
_WHY_FIRST = re.compile(r"^\W*(?:(?:so|and|but|ok)\W+)?(?:why|how come)\b", re.IGNORECASE)
# a sector that uses one: "(does manufacturing) use bpo services"
_SECTOR_USES = re.compile(
    r"^\s+(?:(?:companies|firms|businesses|places|sector|industry|people)\s+)?"
    r"(?:ever\s+|really\s+|actually\s+|also\s+|often\s+|usually\s+)?"
    r"(?:use|uses|using|need|needs|rely on|work with|hire)\s+(?:an?\s+|the\s+)?"
    r"(?:bpos?|call[- ]?cent(?:er|re)s?|contact cent(?:er|re)s?|outsourc\w*|business process)",
    re.IGNORECASE,
)
_OPPORTUNITIES = re.compile(r"\b(?:opportunit\w*|roles?|positions?|vacanc\w*|openings?)\b", re.I)
# "do bpo firms exist in africa": where they are
_EXIST_IN = re.compile(
    r"\b(?:exists?|existing|based|located|found|operate|operating)\s+(?:in|out of)\b", re.IGNORECASE
)
# "... or is that just for big tech firms": which kinds of firms use one
# (a sector, not a size: "or is it just for large companies" asks how to choose)
_OF_A_SECTOR = (
    r"(?!(?:(?:really|very|super|quite|fairly|pretty)\s+)?(?:big|large|small|huge|bigger|larger|smaller|older|newer|old|new|young|established"
    r"|medium|mid[- ]?sized?|enterprise|corporate)\b)[\w-]+\s+(?:[\w-]+\s+)?"
    r"(?:firms|companies|businesses|corporations|corporates|industries|sectors?|startups|places)\b"
)
_ONLY_FOR_SOME_FIRMS = re.compile(
    r"\b(?:or|and|but)\s+(?:is|are)\s+(?:that|it|this|they|those)\s+(?:just|only|mainly|mostly)\s+"
    r"(?:for|a thing for|used by|for the)\s+(?:big\s+|large\s+|small\s+|huge\s+)?"
    + _OF_A_SECTOR
    # "isnt bpo only for tech companies?"
    + r"|\b(?:is|isn'?t|isnt|are|aren'?t|arent)\s+(?:an?\s+|the\s+)?"
    r"(?:bpos?|call[- ]?cent(?:er|re)s?)\s+(?:just|only|mainly|mostly)\s+"
    r"(?:for|used by|a thing for)\s+(?:the\s+)?" + _OF_A_SECTOR,
    re.IGNORECASE,
)
# one of the two by any of its names
_SUBJECT_NAME = (
    r"(?:bpos?|business process outsourcing|call[- ]?cent(?:er|re)s?|contact cent(?:er|re)s?)"
)
# a firm taken on for a task: "can i hire a call center just to take orders"
_HIRED_AS_A_FIRM = re.compile(
    r"\b(?:i|we|you|u|companies|businesses)\s+(?:hire|engage|contract|pay|use)\s+"
    r"(?:an?\s+|the\s+|one\s+)?(?:outside\s+)?"
    rf"(?P<firm>{_SUBJECT_NAME})"
    r"\s+(?:just\s+|only\s+|simply\s+)?(?:to|for)\b",
    re.IGNORECASE,
)
_WORKING_THERE = re.compile(
    r"\b(?:jobs?|careers?|employees|staff|agents|workers|working|work there)\b", re.IGNORECASE
)
# what the people working there get: "what benefits do the staff get?"
_STAFF_GET = re.compile(
    r"\b(?:staff|employees|agents|workers|operators|i|we|you)\s+(?:get|have|receive)\b",
    re.IGNORECASE,
)
# the advantages of one, weighed against the other: "what advantages does a contact centre
# offer compared with a bpo?" (not "advantages of bpo vs call center")
_GOOD_POINTS = re.compile(
    r"\b(?:advantages?|benefits?|strengths?|strong points|plus(?:es| points?)|pros|upsides?|"
    r"good points|selling points|good about|great about|attractive)\b",
    re.IGNORECASE,
)
# "why use one over a bpo tho": why the one meant is chosen over the one named
_WHY_THE_ONE = re.compile(
    r"\bwhy (?:would (?:you|u|we|i|a company) )?(?:use|pick|choose|go (?:with|for)|hire) "
    r"(?:one|it|them)\b",
    re.IGNORECASE,
)
_ADVANTAGES_OVER = re.compile(
    rf"{_GOOD_POINTS.pattern}.*"
    # "what r the plus points of call centre compare to bpo"
    r"\b(?:compared? (?:with|to)|over|in comparison (?:with|to)|relative to|against|rather than|"
    r"instead of|as opposed to|in contrast (?:with|to))\b",
    re.IGNORECASE,
)
# ... of the one not named: "whats good about them compared to a bpo"
_WEIGHED_AGAINST = re.compile(
    r"\b(?:compared? (?:with|to)|in comparison (?:with|to)|relative to|against|than|over|vs\.?|"
    r"as opposed to|"
    r"versus)\s+(?:just\s+|simply\s+|only\s+)?(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)


# set on a message whose words ask what one of the two is ("... so what actually is a call
# centre?"): later components keep that topic, whatever aspect the context names
DEFINITION_ASKED = "definition_asked"
# ... and on one that asks the name of what it describes ("whats it called when ..."): its
# "it" points at the description, not at the previous answer
NAME_ASKED = "name_asked"
# set on a message asking where outsourcing's savings come from ("my cfo wants to know how we
# would save cash by sending work to another company"): a question, not the budget's answer
SAVINGS_ASKED = "savings_asked"

# "can a bpo also do our bookkeeping", "would a call centre handle order taking"
# "... back office, what is that exactly? and the front one?"
_FRONT = re.compile(r"(?<!up )\bfront(?:[- ]?office)?\b", re.IGNORECASE)
_BACK = re.compile(r"\bback['\"’”]?[- ]?office", re.IGNORECASE)  # (also "'back' office")
# the two halves in everyday words: "the part that talks to customers vs the part doing
# the accounts in the background"
_FACING = re.compile(
    r"\b(?:customer[- ]facing|front of (?:the )?house|(?:talks?|deals?|speaks?) (?:to|with) "
    r"(?:the )?(?:customers|clients)|(?:customers|clients) (?:see|deal with|talk to)|"
    r"visible (?:side|part|half))\b",
    re.IGNORECASE,
)
_BEHIND = re.compile(
    r"\b(?:behind the scenes|in the background|back of (?:the )?house|hidden (?:side|part|half)|"
    r"(?:customers|clients) never see)\b",
    re.IGNORECASE,
)
_WHAT_IS_OFFICE = re.compile(
    r"\bwhat(?:'s| is| are| does| do) (?:the |a )?(?:front|back)[- ]?offices?\b"
    r"(?:\s*(?:\?|mean\b|means\b|$))"
    # "what count as back office work in a company?"
    r"|\bwhat (?:counts?|is counted|qualifies) as (?:a |the )?(?:front|back)[- ]?office\b"
    # "you keep saying back office, what is that"
    r"|\b(?:front|back)[- ]?offices?\b[^?.!]{0,40}?\b(?:what(?:'?s| is| does)|wat(?:s| is))\s+"
    r"(?:that|it|this)(?:\s+(?:mean|even|exactly|then|again))*\W*$",
    re.IGNORECASE,
)

# what a name may be asked of
_A_KIND = r"(?:place|firm|company|business|outfit|setup|set-up|thing|arrangement)s?"
# a name asked for what is described: "what do u call the setup where agents sit at
# computers taking calls", "whats it called when u hand parts of ur business to another
# company", "whats the term for the internal stuff customers never see"
_NAME_ASKED = re.compile(
    r"\bwhat(?:'s|s| is| are)? (?:it|this|that|they|those|these|the (?:thing|setup|set-up|"
    r"arrangement|model|practice|places?|companies|firms|business(?:es)?))"
    r"(?: (?!called\b)\w+){0,3}?\s+called\b"
    r"|\bwhat (?:do|would|d'?) (?:you|u|ya|we|people|ppl|they) call\b"
    r"|\bwhat(?:'s|s| is) (?:the|a) (?:proper |right |correct |official |technical |fancy )?"
    r"(?:term|word|name) for\b|\bis there an? (?:term|word|name) for\b"
    # "... sits in a big room with a headset all day, what is that kind of place", "...
    # the books, the wages, the hiring. what kind of company is that actually"
    r"|\bwhat(?: (?:actually|exactly|really))?(?:'s|s| is| are) (?:(?:actually|exactly|really) )?"
    r"(?:that|this|those|these) "
    rf"(?:kind|sort|type)s? of {_A_KIND}(?: (?:actually|exactly|really|then))?(?=\W*$)"
    rf"|\bwhat (?:kind|sort|type) of {_A_KIND} (?:is|are) (?:that|this|it|those|these|they)"
    r"(?: (?:actually|exactly|really|then))?(?=\W*$)"
    # "... under a process outsourcing contract. Could you explain what such an arrangement is?"
    r"|\bwhat (?:such|this|that) (?:an? )?(?:arrangement|setup|set-up|model|thing) (?:is|means)\b",
    re.IGNORECASE,
)
# ... not of a person, a job or an advantage ("what do they call the person who manages the
# agents", "what would you call the biggest advantage"), nor of work sent abroad
_NOT_A_KIND_NAMED = re.compile(
    r"\W*(?:(?:the|a|an|that|this|those|these|someone|somebody)\s+)?(?:\w+\s+)?(?:person|people|guy|"
    r"girl|man|woman|manager|boss|job|role|title|position|advantage|benefit|disadvantage|"
    r"downside|upside|metric|kpi|number|measure|someone|somebody)s?\b",
    re.IGNORECASE,
)
_ABROAD = re.compile(
    r"\b(?:another country|other countries|abroad|overseas|offshor\w*|nearshor\w*)\b", re.I
)
# ... for the two halves of a company ("what are those two sides called in business")
_TWO_SIDES = re.compile(r"\b(?:two|both) (?:sides|halves|parts|ends)\b", re.IGNORECASE)
# ... for work handed to another company, or for people on the phones with customers
_HANDED_OVER = re.compile(
    r"\b(?:hand(?:s|ed|ing)? (?:\w+ ){0,6}?(?:over|off|out|to)|outsourc\w*|farm\w* out|"
    r"contract\w* out|another (?:company|firm|business)|"
    r"outside (?:company|firm|business)|third[- ]part(?:y|ies)|"
    r"external (?:company|firm|provider))\b",
    re.IGNORECASE,
)
_ON_THE_PHONES = re.compile(
    r"\b(?:calls?|phones?|phone lines?|headsets?|agents?|helplines?|hotlines?|dialling|ringing|"
    r"call(?:ing)? customers)\b",
    re.IGNORECASE,
)

# a question that asks only what one of the two is, whatever intent it was read as: "what r
# BPO's", "so what's a "BPO" then?", "starting at a call centre monday and no clue what a
# call centre even is" (not "what are call centers good at", "what is a bpo job")
_ONE_OF_THEM = (
    r"[\"'“”‘’]?(?:bpo|call[- ]?cent(?:er|re)|contact[- ]?cent(?:er|re)|"
    r"business process outsourcing)(?:'?s)?[\"'“”‘’]?"
)
# ... told after naming it: "my accountant keeps telling me to 'look into a BPO' ... i have no
# idea what he meant", "our consultant says 'back office' in every meeting like i should
# know what it is" (not "... no idea what it is worth")
_NOT_KNOWING_IT = (
    r"[^?]{0,160}?\b(?:no|zero|not (?:the )?(?:slightest|faintest|foggiest|a)|(?:don'?t|dont|"
    r"do not|didn'?t|didnt)(?:\s+(?:really|even|actually))?(?:\s+have)?(?:\s+an?)?|like i should)"
    r"\s+(?:idea|clue|know|understand|get)\s+(?:what|wat|wht|wut)\s+"
    r"(?:he|she|they|it|that|this|you|people|one)\s+"
    r"(?:meant|means|mean|is|are|was|were)\b(?=\s*(?:$|[.!?,;]|\s(?:by|exactly|actually|"
    r"really|even|about|lol)\b))"
)
# ... or asked of as a word: "a client keeps saying they 'moved everything to a bpo' ... what
# does that word even mean"
_THAT_WORD_MEANS = (
    # (no other word quoted between: "... calling it 'transformation', what does that word mean")
    r"[^?'\"‘’“”]{0,160}?\bwhat\s+(?:does|do)\s+(?:that|this|the)\s+(?:word|term|acronym|"
    r"abbreviation|name)\s+(?:(?:even|actually|really|exactly)\s+)?(?:mean|stand for|refer to)\b"
)
# ... named as a word someone says, or as a place someone works at ("keeps saying bpo", "works
# at a call center"; not "bpo guys keep mentioning rpa", "call center software like genesys")
_SAID_OR_WORKED = (
    r"\b(?:say\w*|said|mention\w*|heard|hear(?:ing)?|talk\w* about|word|term|work\w*|job|"
    r"started|hired|employed|joined|refer(?:s|red|ring)? to)\s+(?:(?:at|in|for|with|about|by)\s+)?"
    # ("refers to 'the call centre'")
    r"(?:[\"'“”‘’]?(?:an?\s+|the\s+|one\s+|some\s+))?"
)
# ... then asked of at the end, with nothing named between ("the lecturer keeps saying bpo like
# we all know it, what is that", "he works at a call center, could you explain to an old man
# what that is"; not "a bpo quoted us 4000 a month, what is that?", "an email from a call
# center about a refund, what is this?": what is named between is what is asked about)
_WHAT_THAT_IS = (
    r"(?:(?!\b(?:an?|the|our|my|their|his|her|this|these|those|its|is|are|was|were|will|"
    r"can|could|does|do|did|has|have|had|about|regarding|on|called|named)\b|\d)[^.?!]){0,50}?"
    r"[,.;:!?]+\s*(?:(?:so|ok|okay|but|and|um+)\W+)*"
    r"(?:(?:could|can|would|will)\s+(?:you|u|someone)\s+(?:please\s+|pls\s+|kindly\s+)?"
    r"(?:explain|tell(?:\s+me)?)(?:\s+to\s+[\w' ]{1,25}?)?\s+what\s+(?:that|it|this)\s+"
    r"(?:is|means)|what(?:'s|s|\s+is)\s+(?:that|it|this|one)(?:\s+one)?|what\s+(?:does|do)\s+"
    r"(?:that|it|this)\s+mean)"
    r"(?:\W{0,2}(?:exactly|actually|even|then|pls|please|lol|anyway|po|basically|really"
    # "... what is that in plain english"
    r"|in (?:plain|simple|normal|everyday) (?:english|words|terms|language)))*"
    r"\W*$"
)
_ONLY_WHAT_IT_IS = re.compile(
    # ("kindly explain me what is the bpo company, ...")
    r"(?:(?:^|[.!?:;,]\s*|\b(?:so|and|but)\s+|\b(?:explain|tell)\s+(?:to\s+)?(?:me|us)\s+)"
    r"\W*(?:(?:so|ok|okay|and|but|hi|hey|hello|um+|uh+|"
    r"sorry)\W+)*(?:what|wat|wht)(?:'s|s|\s+is|\s+are|\s+r|"
    # "what precisely is a call center"
    r"\s+(?:exactly|precisely|actually|really)\s+(?:is|are))\s+(?:an?\s+|the\s+)?"
    + _ONE_OF_THEM
    + r"(?:\s+(?:compan(?:y|ies)|firms?|providers?|business(?:es)?|industry|sector))?"
    r"(?:\s+(?:then|exactly|actually|really|again|anyway|even|mean|pls|please|plz|lol|"
    r"in (?:simple|plain|layman'?s?) (?:terms|words|english)|as an? (?:business|company|concept)|"
    # "... and how does it function on a day-to-day basis?"
    r"and how (?:does|do) (?:it|they|one) (?:work|function|operate)(?: (?:on a )?day[- ]to[- ]day"
    r"(?: basis)?| in practice)?))*\W*(?:$|[.!?]\s"
    # "ok so whats a bpo then, she says she moved to one last month": a story after it
    r"|,\s+(?:she|he|they|my|our|i|we|someone|everyone|people)\b"
    r"(?![^?]*\b(?:which|what|how|why|suit\w*|recommend\w*|should|advi[cs]e|choose|pick|fits?|"
    r"better|know|need|want)\b)[^?]*$)"
    # (not "what does contact center mean in salesforce")
    r"|\b(?:what|wat|wht) does (?:the (?:term|word|acronym|abbreviation|phrase) )?"
    + _ONE_OF_THEM
    + r"\s+(?:\w+\s+)?(?:mean|stand for|refer to|describe)\b"
    # (but "... mean in simple words")
    r"(?!\s+(?:in(?!\s+(?:simple|plain|easy|basic|layman'?s?)\s+(?:words|terms|english))|on|at|for)\s)"
    # "what mean call center?", "what is mean bpo": the word asked of, in other grammar
    # ... "an explanation of what constitutes a call center."
    r"|\b(?:what|wat|wht)\s+(?:(?:is\s+|does\s+)?means?|constitutes|defines)\s+(?:an?\s+|the\s+)?"
    + _ONE_OF_THEM
    + r"\W*$"
    # (not "I know what a BPO is, but which one suits our clinic?")
    r"|\b(?:(?:don'?t|dont|do not|doesn'?t|not|no|never|barely)\s+(?:\w+\s+){0,2}?"
    r"(?:know|understand|sure|idea|clue|get)|explain|describe|tell me|wondering|wonder|asking|"
    # "my cfo wants to know what a bpo is"
    r"(?:wants?|needs?|would like|'d like|asked) to (?:know|understand)|"
    r"learn|clarify|confused (?:about|on|by))\s+(?:what|wat|wht) (?:an?\s+|the\s+)?"
    + _ONE_OF_THEM
    + r"\s+(?:(?:actually|even|really|exactly)\s+)?(?:is|are|means?|stands? for|refers? to)\b"
    r"(?!\s+(?:good|for|like|best|better|used|responsible|paid|known|supposed|doing|called|"
    # (but "... what a bpo is in simple words")
    r"in(?!\s+(?:simple|plain|easy|basic|layman'?s?)\s+(?:words|terms|english|language)))\b)"
    # "Could you please explain the term Business Process Outsourcing in plain language?"
    r"|\b(?:explain|define|describe|clarify)\s+(?:to me\s+|for me\s+)?(?:the\s+)?(?:term|word|"
    r"acronym|phrase|concept|expression)(?:\s+of)?\s+"
    + _ONE_OF_THEM
    + r"(?=\s*(?:to me|for me|in (?:plain|simple|layman'?s?) \w+|please|pls)?\W*(?:$|[.!?]\s))"
    # "... says we should look into business process outsourcing for the member payments...
    # what is that actually" (not "a bpo quoted us 4000 a month per agent, what is that?", "an
    # email from a call center about a refund, what is this?")
    + r"|"
    + _ONE_OF_THEM
    + r"(?:\s+(?:for|of|in)\s+(?:the\s+|our\s+|my\s+)?\w+(?:\s+\w+)?)?\W+"
    r"what(?:'s| is| are) (?:that|those)(?:\s+(?:actually|exactly|even|really|then|"
    r"anyway))?\W*$"
    + r"|"
    + _ONE_OF_THEM
    + _NOT_KNOWING_IT
    + r"|"
    + _ONE_OF_THEM
    + _THAT_WORD_MEANS
    + r"|"
    + _SAID_OR_WORKED
    + _ONE_OF_THEM
    + _WHAT_THAT_IS
    # "explain call center for my homework", "define bpo pls"
    + r"|^\W*(?:(?:ok|okay|so|hi|hey|hello|pls|please|plz|can you|could you|can u)\W+)*"
    r"(?:explain|define|describe)\s+(?:what\s+)?(?:an?\s+|the\s+)?"
    + _ONE_OF_THEM
    + r"(?:\s+(?:is|are|means))?"
    r"(?:\s+(?:to me|for me|pls|please|plz|in (?:simple|plain) (?:words|terms)))*"
    r"(?:\s+for (?:my|a|our|the) (?:homework|assignment|class|project|essay|course|exam|report|"
    r"presentation|school|uni|studies|thesis))?(?:\W+(?:pls|please|plz|thx|thanks))?\W*$"
    # "right, and a call center is what exactly"
    + r"|(?:^|[,.;!]\s*|\b(?:and|so|but)\s+)(?:an?\s+|the\s+)?"
    + _ONE_OF_THEM
    + r"\s+(?:is|are|means)\s+what(?:\s+(?:exactly|then|again|actually|now|even))*\W*$"
    + r")",
    re.IGNORECASE,
)
# how things are done these days: "do agents work from home now", "are most staff remote
# these days"
_NOWADAYS = re.compile(
    r"\b(?:do|does|are|is)\s+(?:most\s+|the\s+|all\s+)?(?:agents|staff|people|employees|workers|"
    r"they|operators|teams)\b[^?.!]*\b(?:now|these days|nowadays|anymore|any more|mostly|still)\b",
    re.IGNORECASE,
)
# which of the two is the front or the back office ("which one is front office only",
# "is a bpo the back office one?")
_WHICH_ONE_IS_AN_OFFICE = re.compile(
    r"\bwhich (?:one|of (?:the two|them|those|these|both))\b[^?.]{0,30}\b(?:front|back)[- ]?office"
    # "so is a bpo front or back?"
    rf"|\b(?:is|are) (?:an? |the )?{SUBJECT_NAMES} (?:more |mostly |in the )?(?:front|back)"
    r"(?:[- ]?office)? or (?:the )?(?:front|back)\b"
    r"|\b(?:is|are) (?:an? |the )?(?:bpos?|call[- ]?cent(?:er|re)s?) (?:the |a |more )?"
    r"(?:front|back)[- ]?office\b(?! (?:work|tasks?|jobs?|functions?|processes|services|stuff))"
    # "so which part does a call center cover" (after what the front office is)
    rf"|\bwhich (?:part|side|half|bit)s? (?:of (?:it|the company|a company|the business) )?"
    rf"(?:does|do|would|can) (?:an? |the )?{SUBJECT_NAMES} (?:cover|do|handle|take|sit in|"
    r"belong to)\b"
    # "does a call center do back office work too", "does it cover front office too or just
    # back": where each one works (not "is that front office or back office?": what the two
    # terms mean)
    rf"|\b(?:does|do|can|could|would|will)\s+(?:it|they|that|one|(?:an?\s+|the\s+)?{SUBJECT_NAMES})"
    r"\s+(?:also\s+|only\s+|just\s+)?(?:cover|do|handle|include|take on|work in|deal with)\s+"
    r"(?:the\s+|any\s+)?(?:front|back)[- ]?office\b"
    # "so which one does a bpo cover" (after what the front and back office are)
    # ("which one does a call centre belong to")
    rf"|\bwhich one (?:does|do|would) (?:an? |the )?{SUBJECT_NAMES} (?:cover|belong to|fall under|"
    r"sit in|fit in(?:to)?)\W*$"
    # "which one does a call center cover and which does a bpo"
    rf"|\bwhich (?:one|part|side)s? (?:does|do) (?:an? |the )?{SUBJECT_NAMES} (?:cover|do|handle)\b"
    r"[^?.]{0,10}\band which\b"
    # "is it front office only like a call centre or back office too"
    r"|\b(?:is|are)\s+(?:it|they)\s+(?:just\s+|only\s+)?(?:front|back)[- ]?office\s+only\b"
    r"|\b(?:is|are)\s+(?:it|they)\s+[^?.]{0,40}\bor\s+(?:\w+\s+)?(?:front|back)[- ]?office\s+"
    r"(?:too|as well|also)\b",
    re.IGNORECASE,
)
# ... and what front and back office mean: "what do they mean by back office", "heard
# "back office support" in a meeting, what does it refer to"
_ONLY_WHAT_OFFICE_IS = re.compile(
    r"\b(?:what|wat)(?:'s|s| is| are| does| do)\s+(?:the\s+|a\s+|(?:they|you|people) mean by\s+|"
    r"(?:is\s+)?meant by\s+)?[\"'“‘]?(?:front|back)[- ]?offices?"
    r"(?:\s+(?:outsourcing|work|support|services?|functions?|tasks?|staff|jobs?))?[\"'”’]?"
    r"(?:\s+(?:mean|means|exactly|then|actually|really|refer to|"
    r"in (?:simple|plain|layman'?s?) (?:terms|words|english)))*\W*(?:$|[.!?]\s)"
    # "what means 'front office' in a company": the word order of other languages
    r"|\b(?:what|wat)\s+means?\s+(?:the\s+)?[\"'“‘]?(?:front|back)[- ]?offices?\b"
    r"|\b(?:front|back)[- ]?office\b[^?]{0,60}\bwhat (?:does|do) (?:it|that|this|they|the term|"
    r"that term|this term) (?:mean|refer to|stand for|cover|include|involve|consist of)\b"
    # "the lecturer used frontoffice and backoffice, can u explain these two words"
    r"|\b(?:front[- ]?offices?\b[^?.!]{0,20}\bback|back[- ]?offices?\b[^?.!]{0,20}\bfront)"
    r"[- ]?offices?\b[^?.!]{0,40}\b(?:explain|define|clarify)\s+"
    r"(?:these|those|the|both)\s+(?:two\s+|2\s+)?(?:words|terms|phrases|expressions)\b"
    r"|\b(?:front|back)[- ]?offices?\b" + _NOT_KNOWING_IT,
    re.IGNORECASE,
)
# intents that such a question overrules (not a request for the recommendation or its
# reasons: "... dental clinic, what is a bpo, which one suits us")
_NOT_A_QUESTION_OF_OURS = ("out_of_scope", "nlu_fallback", "follow_up", "inform", "greet", "help",
                           "affirm", "deny", "bot_challenge", "thank", "goodbye")  # fmt: skip
_BPO = re.compile(r"\b(?:bpo|business process)", re.IGNORECASE)
# "so is it basically a call center or not", "isn't that just a bpo then?": whether one is
# the other
_IS_IT_THE_OTHER = re.compile(
    r"^\W*(?:(?:so|ok(?:ay)?|and|but|wait|hmm+)\W+)*(?:is|isn'?t|isnt) (?:it|that|this|they|"
    r"one)\s+(?:basically|just|really|actually|essentially|simply|kind of|sort of|more or less)?"
    r"\s*(?:the same (?:thing )?as\s+)?(?:an?\s+|the\s+)?"
    rf"{SUBJECT_NAMES}(?:\s+(?:or not|then|too|as well|in the end))?\W*$"
    # "and how's that not a bpo"
    r"|^\W*(?:(?:so|ok(?:ay)?|and|but|wait)\W+)*how(?:'s|s| is| are) (?:that|it|this|they) not "
    rf"(?:an?\s+|the\s+)?{SUBJECT_NAMES}(?:\s+(?:then|too|as well))?\W*$",
    re.IGNORECASE,
)
# the two set against each other and a word that asks how they differ: "my boss asked me to
# explain bpo vs call center in tomorrows meeting, whats the gist"
_HOW_THEY_DIFFER = re.compile(
    r"\b(?:explain\w*|gist|summar\w*|nutshell|tl;?dr|overview|breakdown|rundown|differ\w*|"
    r"distinguish\w*|compar\w*|contrast\w*)\b",
    re.IGNORECASE,
)
_SET_AGAINST = re.compile(
    rf"\b{SUBJECT_NAMES}\s+(?:vs\.?|versus|v\.?|against|compared (?:to|with))\s+"
    rf"(?:an?\s+|the\s+)?{SUBJECT_NAMES}\b",
    re.IGNORECASE,
)

# "in one sentence, what sets a bpo apart": how it differs from the other, not what it is
_SETS_APART = re.compile(
    rf"(?:\b(?:sets?|makes?|marks?)\s+(?:an?\s+|the\s+)?{SUBJECT_NAMES}\s+(?:apart|different|"
    rf"distinct)\b|\bdistinguish(?:es)?\s+(?:an?\s+|the\s+)?{SUBJECT_NAMES}\b)"
    # (not "what sets a call center apart from an in-house team": something else compared)
    r"(?!\s+(?:from|than|compared (?:to|with))\s+(?!(?:an?\s+|the\s+)?"
    rf"{SUBJECT_NAMES}))",
    re.IGNORECASE,
)


def overrulable(message: Message) -> bool:
    """Read as none of the knowledge questions, nor as a request or its reasons (the
    reasons only where no reason is asked for: "why a bpo? what does that mean?" asks
    why)."""
    intent = (message.get(INTENT) or {}).get("name")
    if intent == "explain_recommendation":
        return not ASKS_WHY.search(message.get(TEXT) or "")
    return intent in _NOT_A_QUESTION_OF_OURS


# "... go with a bpo and i just nodded but honestly i have no idea what that is": the one
# named before, not known
_NO_IDEA_WHAT = re.compile(
    r"\b(?:no idea|no clue|(?:do ?n'?t|dont|do not) (?:really |even |actually )?(?:know|get)"
    r"|not sure|never (?:understood|knew|got))\s+what\s+(?:that|it|this|one|they)\s+"
    r"(?:is|are|means?|really is|actually is|even is)"
    # ... and nothing more of it (not "what it is worth", "what they are looking for", "what
    # it is they actually do all day")
    r"(?=\W*$|\s*[,.;:!?]|\s+(?:can|could|would|pls|please|plz|explain|tbh|honestly|lol|haha|so"
    r"|and|but|either|really|exactly|tho|though)\b)",
    re.IGNORECASE,
)
_NOTHING_NAMED_BETWEEN = re.compile(
    r"(?:(?!\b(?:an?|the|our|my|their|his|her|some|per|this|these|those|its)\b)[^,.;:!?]){0,60}",
    re.IGNORECASE,
)
_SUBJECT_NAMED = re.compile(rf"\b{_SUBJECT_NAME}\b", re.IGNORECASE)


def only_what_it_is(text: Text) -> Optional[Text]:
    """The definition topic a question asks for and nothing else, or None."""
    if _ONLY_WHAT_OFFICE_IS.search(text):
        return "definition/front_back_office"
    unknown = _NO_IDEA_WHAT.search(text)
    named = list(_SUBJECT_NAMED.finditer(text[: unknown.start()])) if unknown else []
    if (
        named
        and len({_BPO.search(m.group(0)) is not None for m in named}) == 1
        and not _SUBJECT_NAMED.search(text[unknown.end() :])
        # ... the last thing named ("a bpo quoted us a per seat fee and not sure what that is"
        # asks about the fee)
        and _NOTHING_NAMED_BETWEEN.fullmatch(text[named[-1].end() : unknown.start()])
    ):
        return f"definition/{'bpo' if _BPO.search(named[-1].group(0)) else 'call_center'}"
    subjects = {
        "bpo" if _BPO.search(m.group(0)) else "call_center" for m in _ONLY_WHAT_IT_IS.finditer(text)
    }
    return f"definition/{subjects.pop()}" if len(subjects) == 1 else None


# or "... sales calls too, or only support?": more than the one thing
_CAN_DO = re.compile(
    r"(^|[,.;?!]\s*|\b(and|but|so)\s+)(can|could|will|would|do|does)\b.{0,40}?\b"
    r"(do|handle|take (care of|over)|manage|cover|run|offer|provide|help with|sell|include)\b"
    r"|\bor (is it |are they |do they |does it )?(only|just)\b",
    re.IGNORECASE,
)
# a task named by its channel alone ("does a call centre do live chat"): the channels
_CHANNEL = re.compile(
    r"(live |web |online )?(chats?|e-?mails?|social media|whatsapp|sms|texts?|messages?|phones?"
    r"|calls?)",
    re.IGNORECASE,
)


# words that weigh the two against each other, or one against something else
_DIFFERING = re.compile(
    # (not "both incoming and outgoing": the kinds of work of one)
    r"\b(differ\w*|distinguish\w*|compar\w*|vs\.?|versus|than|unlike|other|same|"
    r"both(?!\s+(?:incoming|inbound|outgoing|outbound|front|back|calls|phone|voice)\b)"
    r"|apart|contrast\w*)\b",
    re.IGNORECASE,
)

# a question of one's own, or of a choice: "... does a call center handle for us", "which"
_OWN_OR_CHOICE = re.compile(
    r"\b(?:we|us|our|ours|i|me|my|which|should|better|best|right|suit\w*|fits?|recommend\w*|"
    r"worth|choose|pick)\b",
    re.IGNORECASE,
)

# what one of them does, asked last: "..., what exactly would a call center do for us" (not
# "... do better than a bpo": a comparison)
_WHAT_ONE_DOES = re.compile(
    rf"\b{WHAT_ONE_DOES})\b"
    r"(?![^.?!]*\b(?:better|worse|than|compared|versus|vs|differ\w*|unlike)\b)",
    re.IGNORECASE,
)

# the trends' answers, where a comparison's general answer was chosen
# one of the two by a name, "cc" too
_ONE_OF_THE_TWO = r"(?:bpos?|call[- ]?cent(?:er|re)s?|cc|business process outsourcing)"
_BETTER_AT_ASKED = re.compile(
    r"^\W*(?:(?:and|so|ok|but)\W+)*what(?:'?s| is| are| do| does)\s+(?:an?\s+|the\s+)?"
    rf"{_ONE_OF_THE_TWO}\s+"
    r"(?:(?!jobs|roles|careers|agents|staff|workers|employees)\w+\s+)?"
    r"(?:better|best|good|great|strong(?:er)?) at\W*$"
    # "ok where does a call centre come out ahead tho"
    # ("whats the catch, where do call centres win instead")
    r"|^\W*(?:[^,?.!]{1,30}[,?.!]\s*)?(?:(?:and|so|ok|but)\W+)*(?:where|when|how) "
    rf"(?:does|do|would) (?:an?\s+|the\s+)?{_ONE_OF_THE_TWO}\s+"
    r"(?:come out (?:ahead|on top)|win|shine|excel|have the edge)"
    # (not "where do bpos win business from?")
    r"(?:\W*$|\s+(?:tho|though|then|over|against|compared|instead)\b)"
    # "and the bpo, what does it do better?": the one named first
    r"|^\W*(?:(?:and|so|ok|but)\W+)*(?:the\s+|a\s+)?(?:bpos?|call[- ]?cent(?:er|re)s?|cc)\W+"
    r"what (?:does|do) (?:it|they) do better\W*$"
    # "where do call centres beat bpos": the one that beats the other
    r"|^\W*(?:(?:and|so|ok|but)\W+)*(?:where|when|how|in what ways?) (?:does|do|would|can) "
    rf"(?:an?\s+|the\s+)?{_ONE_OF_THE_TWO}\s+"
    r"(?:beat|outperform|outdo|do better than|have the edge over|win over)\s+"
    rf"(?:an?\s+|the\s+)?{_ONE_OF_THE_TWO}\W*$",
    re.IGNORECASE,
)
_BEATS = re.compile(r"\b(?:beat|outperform|outdo|better than|edge over|win over)\b", re.I)
# "... or is it voice only", "is it just phone calls"
_VOICE_ONLY = re.compile(
    r"\b(?:voice|phones?|calls?)[- ]only\b|\b(?:only|just|purely)\s+"
    # "does a call centre just do phone calls?"
    r"(?:(?:do|does|handle|handles|take|takes|answer|answers|make|makes)\s+)?(?:voice|phone calls|"
    r"the phone|phones)\b(?!\s+(?:agents?|staff|support|lines?|numbers?)\b)",
    re.IGNORECASE,
)
# "can a call center handle chat", "could a bpo also answer our emails": which channels
# each one works, not the list of services
_CHANNEL_CAPABILITY = re.compile(
    rf"\b(?:can|could|do|does|will|would)\s+(?:an?\s+|the\s+)?{SUBJECT_NAMES}\s+"
    r"(?:also\s+|even\s+|actually\s+)?(?:handle|do|take|answer|manage|cover|offer|support|"
    r"provide|deal with|reply to|respond to)\s+(?:our\s+|customer\s+|the\s+)?"
    r"(?:live\s+|web\s+|online\s+)?(?:chats?|e-?mails?|social media|messaging|whatsapp|sms|"
    r"texts?|text messages|dms)\b(?!\s*(?:and|,|&)\s*\w)"
    # (not "email marketing", "sms campaigns", "our social media accounts": work of its own)
    r"(?!\s+(?:marketing|campaigns?|accounts?|ads?|advertising|newsletters?|blasts?|lists?|"
    r"management|strategy|content|posts?|pages?|presence)\b)",
    re.IGNORECASE,
)
# another name for a call center
_ANOTHER_NAME = re.compile(r"\bcontact[- ]?cent(?:er|re)s?\b", re.IGNORECASE)
_CAREER_WORDS = re.compile(
    r"\b(?:what|which|any)\s+(?:kinds? of\s+|sorts? of\s+)?careers?\b"
    r"|\bcareers?\s+(?:at|in|with|there|offered|options|opportunities|paths?|prospects)\b"
    # "what kind of roles and growth do they offer" (not "what roles does a bpo play")
    r"|\b(?:roles?|positions?|jobs?)\s+(?:and|&|n)\s+(?:growth|promotions?|progression)\b"
    r"|\b(?:career growth|promotion|progression)\s+(?:opportunities|prospects|paths?)\b",
    re.IGNORECASE,
)
# one of the two by a name, "cc" too ("what jobs would a cc do")
_ONE_NAMED = r"(?:an? |the )?(?:bpo|call[- ]?cent(?:er|re)|contact[- ]?cent(?:er|re)|cc)s? "
JOBS_DONE = re.compile(
    r"\bwhat (?:jobs|tasks|kind of (?:jobs|work)) (?:would|does|do|can|could|will) "
    + _ONE_NAMED
    + r"(?:do|handle|take on|cover)\b"
    # "what jobs a call center do for the company, only answer questions?"
    r"|\bwhat (?:jobs|tasks) "
    + _ONE_NAMED
    + r"(?:do|does|handles?|takes? on|covers?) for (?:the|a|an|our|your|their) "
    r"(?:compan(?:y|ies)|business(?:es)?|clients?|firms?)\b"
    # "what sort of jobs can those companies that do other companies back office take over?"
    r"|\bwhat (?:sorts?|kinds?|types?) of (?:jobs|tasks|work) (?:would|does|do|can|could|will)\s+"
    r"(?!(?:i|me|you|u)\b)[^?.!]{0,80}?\btake over\b",
    re.IGNORECASE,
)
# "what does RPA do for ...", "how will chatbots change ...": AI the doer of the question
_ASKED_OF_A_DOER = re.compile(
    r"\b(?:what|how) (?:does|do|can|could|will|would|might|is|are) "
    r"(?:the |all (?:the|this) |this )?$",
    re.IGNORECASE,
)
_DOES_TO_THEM = re.compile(
    r"\s+(?:do|doing|mean|meaning|change|changing|help|helping|affect|affecting|impact|"
    r"impacting|replace|replacing)\b",
    re.IGNORECASE,
)
# "what does a call center use?" asked last, nothing said of what for
_TOOLS_USED = re.compile(
    r"\bwhat (?:(?:tools|software|systems|tech|technology) )?(?:does|do) "
    + _ONE_NAMED
    + r"(?:use|run on|rely on|work with)(?: (?:then|instead|there|themselves))?\W*$",
    re.IGNORECASE,
)
_STAFF_WORDS = re.compile(
    r"\b(?:staff|employees?|workers?|agents?|perks|hired|jobs?|salary|pay|"
    r"work(?:ing)? (?:at|for|in))\b",
    re.IGNORECASE,
)
_MOVING_TO = re.compile(
    r"\b(?:mov(?:e|es|ing)|switch(?:es|ing)?|jump(?:s|ing)?|transfer(?:s|ring)?)\s+"
    r"(?:over\s+|across\s+)?(?:to|into)\s+"
    rf"(?:an?\s+|the\s+)?(?P<to>{SUBJECT_NAMES})\b",
    re.IGNORECASE,
)
_WHAT_ASKED = re.compile(r"\b(?:what|wat|whats|what's)\b", re.IGNORECASE)
_TRENDS = {"trends": "trends/overview", "ai": "trends/ai_automation",
           "remote": "trends/remote_global"}  # fmt: skip


# "any other trends besides ai": not the one named
_BESIDES = re.compile(
    r"\b(?:besides|apart from|other than|except(?: for)?|aside from|beyond|on top of|"
    r"not (?:just|only))\b",
    re.IGNORECASE,
)

# a subject left out of the question: "setting aside call centres for a sec, ...",
# "forget call centers, ...", "call centres aside, ..."
_SET_ASIDE_BEFORE = re.compile(
    r"\b(?:(?:setting|leaving|putting|set|leave|put) aside|aside from|apart from|besides|"
    r"other than|forget(?:ting)?(?: about)?|ignor(?:e|ing)|not counting)\s+"
    r"(?:the\s+|an?\s+|all\s+)?$",
    re.IGNORECASE,
)
_SET_ASIDE_AFTER = re.compile(r"^\s+(?:aside|apart|to one side)\b", re.IGNORECASE)

# "... people with headsets answering customers all day, what is that thing exactly": the
# name of what the people described work in (not of a tool: "the automated menu when you
# phone, what is that thing")
_WHAT_THAT_IS = re.compile(
    rf"\bwhat(?:'s|s| is| are) (?:that|this|those|these) {_A_KIND}"
    r"(?: (?:actually|exactly|really|then))?\W*$",
    re.IGNORECASE,
)
_PEOPLE_AT_WORK = re.compile(
    r"\b(?:people|persons|agents|staff|workers|employees|operators|folks|ppl|guys|someone)\b",
    re.IGNORECASE,
)

# how customers get to one ("which ways can customers reach a call center"), not what a
# channel brings ("how would a call center help us with customer emails")
_REACHED = re.compile(
    r"\b(?:ways?|how)\b[^.?!]{0,30}\b(?:reach|contact|get (?:in touch with|hold of))\b"
    r"|\b(?:which|what) channels\b",
    re.IGNORECASE,
)

# a reading this unsure is no answer yet
_UNSURE_BELOW = 0.7
# what something does to them: "impact of voice assistants on phone operators"
_AI_WORDS = (
    r"(?:ai|a\.i\.|chatbots?|bots?|automation|rpa|voice assistants?|robots?|artificial "
    r"intelligence|machine learning)"
)
_IMPACT = re.compile(
    r"^\W*(?:(?:what(?:'s|s| is| are| will be)?|how big is|the)\s+)*(?:the\s+)?"
    rf"(?:impacts?|effects?|influence)\s+(?:of|will)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{_AI_WORDS}\b"
    rf"|^\W*(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{_AI_WORDS}(?:'s)?\s+(?:impacts?|effects?|influence)\s+"
    r"(?:on|for)\b",
    re.IGNORECASE,
)
# a question about outsourcing itself: "how outsourcing make cost lower", "why does
# outsourcing save money"
_OUTSOURCING_ASKED = re.compile(
    rf"^\W*(?:how|why|does|do|can|will|is|in what way)\b[^.!?]{{0,30}}{OUTSOURCING_WORD}", re.I
)
# "... everyone tells me outsourcing saves money but i dont get how. where do the savings
# actually come from?": asked after a story, whatever else it names
_SAVINGS_FROM = re.compile(
    r"\b(?:where|how)\s+(?:do|does|would|will|can)\s+(?:the\s+|all the\s+|those\s+|these\s+|"
    r"any\s+)?(?:cost\s+)?savings?\s+(?:actually\s+|really\s+|even\s+)?(?:come|comes)\s+from\b"
    # "how we would actually save cash by sending work to another company"
    r"|\bhow\s+(?:we|you|u|a company|companies|a business|businesses|i|they)\s+"
    r"(?:would|could|can|will|do|does|might)?\s*(?:actually\s+|really\s+)?"
    r"(?:save|saves|cut|cuts|lower|reduce)\s+(?:\w+\s+){0,2}?(?:cash|money|costs?|spending)\s+by\s+"
    r"(?:sending|giving|handing|passing|moving|outsourc\w*|farming)\b",
    re.IGNORECASE,
)
# "why do western companies give their work to companies in asia", "why businesses pay
# other companies to do their work": why work is handed out at all, however it was read
_WHY_WORK_HANDED_OUT = re.compile(
    r"\bwhy\s+(?:do\s+|would\s+|are\s+)?(?:so many\s+)?(?:\w+\s+){0,2}?(?:companies|businesses|"
    r"firms|organi[sz]ations|corporations)\s+(?:\w+\s+)?(?:give|send|hand|move|pass|farm|ship)"
    r"\s+(?:their|the|so much|all that)\s+(?:\w+\s+)?(?:work|jobs|tasks|processes)\b"
    r"|\bwhy\s+(?:do\s+|would\s+)?(?:\w+\s+){0,2}?(?:companies|businesses|firms|organi[sz]ations)"
    r"\s+pay\s+(?:other|outside|external|another)\s+(?:companies|firms|businesses|people|company)"
    r"\s+to\s+do\b",
    re.IGNORECASE,
)

# words that only ask what the two share
_NARROW_DIFFERENCES = (
    "difference/technology",
    "difference/channels",
    "difference/structure",
    "difference/strategic_vs_tactical",
)
_ONES_OWN_WORK = re.compile(
    r"\b(?:i|me|my|i'?m|im|work\w*|jobs?|careers?|hir\w+|apply\w*|roles?|salar\w*|pay|agents?|"
    r"staff|employees?|workers?|experience|skills?|qualif\w*|grow\w*|promot\w*|leaders?|"
    r"managers?|ladder|levels?)\b",
    re.IGNORECASE,
)
_SHARED = re.compile(r"in common|alike|similarit(?:y|ies)|same (?:goals?|aims?)", re.IGNORECASE)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class TopicCues(StatelessComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # the kinds of answer that exist once per subject: `<kind>/bpo`, `<kind>/call_center`
            "kinds": ["benefits"],
            # every kind of answer that has one per subject (`<kind>/bpo`, `<kind>/call_center`)
            "per_subject_kinds": ["definition", "benefits", "services", "careers"],
            # general answers that a one-sided "X does better than Y" question is not about
            "general_comparisons": ["difference/overview", "difference/relationship",
                                    "difference/services", "difference/structure"],
            # ... and answers that one asking for the advantages of one over the other is
            # not about ("which good points has bpo compare to call centre"; not "is a bpo
            # better than a call center": the choice)
            "advantages_compared": ["choosing/overview"],
            "subjects": ["bpo", "call_center"],
            # a comparison's answer -> the kind of answer each subject has of its own
            "per_subject": {"difference/services": "services"},
            # general topic -> aspect entity -> the narrower topic about that aspect
            "narrower": {
                "difference/overview": {
                    "technology": "difference/technology",
                    "channels": "difference/channels",
                    "structure": "difference/structure",
                    "similarities": "difference/similarities",
                    "strategic": "difference/strategic_vs_tactical",
                    "services": "difference/services",
                    "relationship": "difference/relationship",
                    **_TRENDS,
                },
                # "the main future developments for bpos and call centers", "how do their
                # operational structures differ", "what do a BPO and a call center share?"
                "difference/services": {
                    "technology": "difference/technology",
                    "channels": "difference/channels",
                    "structure": "difference/structure",
                    "similarities": "difference/similarities",
                    "strategic": "difference/strategic_vs_tactical",
                    "relationship": "difference/relationship",
                    **_TRENDS,
                },
                # "is a call centre a subset of a bpo", read like which one is strategic
                "difference/strategic_vs_tactical": {"relationship": "difference/relationship"},
                # "whats this about data esims and call centers": the trend named
                "difference/similarities": {"remote": "trends/remote_global"},
                # "how do you see the sector evolving?" reads like the rule of thumb
                "choosing/overview": {"trends": "trends/overview"},
                # "how will ai change that in the next few years": the one trend named
                # (both named: all of them)
                "trends/overview": {"ai": "trends/ai_automation",
                                    "remote": "trends/remote_global"},
                # "do bpo firms have to be overseas" is no question about AI (unless it
                # names AI too)
                "trends/ai_automation": {"locations": "services/locations",
                                         "ai": "trends/ai_automation"},
                # "do retailers use bpos or is that a bank and telecom thing": the
                # industries ("telecom" reads like technology), unless the tools are named
                "difference/technology": {"industries": "services/industries"},
                # siblings: "in which regions are bpo firms based?" is not about industries
                "services/industries": {"locations": "services/locations"},
                "services/locations": {"industries": "services/industries"},
                # "will automation speed up the back office stuff" is about AI, not the
                # advantages (unless it names them)
                "benefits/bpo": {"ai": "trends/ai_automation"},
                "benefits/call_center": {"ai": "trends/ai_automation"},
            },
            # a topic keeps itself where its own aspect is named too ("which industries
            # outsource to the philippines")
            "own_aspect": {"services/industries": "industries", "services/locations": "locations",
                           "difference/technology": "technology",
                           "benefits/bpo": "benefits", "benefits/call_center": "benefits"},
            # topic -> (words, the topic they move it to), where the message names no
            # aspect of its own
            "phrases": {
                # "how are they different in a nutshell?": the main difference
                **{
                    f"difference/{aspect}": [
                        ["main difference", "key difference", "biggest difference",
                         "core difference", "basic difference", "fundamental difference",
                         "real difference",
                         "in a nutshell", "in short", "in a few words", "in simple terms",
                         "how are (they|the two) different",
                         # "arent they the same thing??": whether they differ at all
                         "same thing", "one and the same", "mean the same",
                         # "... so what IS the difference between them": nothing narrower
                         "what(?:'?s| is) (?:really |actually |even )?the (?:difference|diff)"
                         "(?: between (?:them|the two|those two|these two|the 2|both))?"
                         "(?=\\W*$)"],
                        "difference/overview",
                    ]
                    for aspect in ("services", "structure", "technology", "channels")
                },
                # "whats the difference to a call center, in a nutshell?" after what a bpo
                # does: one subject named, how the two differ asked
                **{
                    f"definition/{subject}": [
                        ["((the |a |any )?(differences?|diffs?) (to|from|with|w|vs|versus|"
                         "compared to)|"
                         "differs? from|different (from|to|than)) (that|this|it|them|those|"
                         "(an? |the )?(bpos?|call[- ]?cent(er|re)s?))",
                         # "so a call center is basically the same thing??"
                         "(basically|just|really|pretty much) the same( thing)?",
                         "the same thing(?=\\W*$)"],
                        "difference/overview",
                    ]
                    for subject in ("bpo", "call_center")
                },
                # "in which ways are bpo and call centers the same": what they share
                "difference/overview": [
                    ["(what|which) ways? .{0,40}\\b(the same|alike|similar)",
                     "(how|where) are (they|the two|bpos? and call[- ]?cent(er|re)s?) "
                     "(alike|similar)",
                     "what do (they|the two|bpos? and call[- ]?cent(er|re)s?) "
                     "(have in common|share)"],
                    "difference/similarities",
                ],
                # "where do the savings come from when you outsource": not where they are
                "services/locations": [
                    ["where (do|does) (the |all the |those |these |any )?(cost )?(savings?|money) "
                     "(come|comes) from"],
                    "benefits/outsourcing_savings",
                ],
                "difference/similarities": [
                    [
                        # "so what really separates a bpo from a call center"
                        "what (\\w+ )?(separates|distinguishes)",
                        "(sets?|tells?) .{0,30} apart",
                        "same thing",
                        "same as",
                        "one and the same",
                        "interchangeabl\\w*",
                        "another name",
                        "fancier name",
                    ],
                    "difference/overview",
                ]
            },
            # "what do you call ...", "a definition of a call center": that subject's
            # definition, whatever other words the question carries
            "definition_words": [
                "what do you call", "what (is|are) .{0,60} called", "definitions?( of)?",
                "define", "stands? for", "meaning of",
                # (not "what does that mean for who they hire": what follows from it)
                # (nor "what does he mean": what a person meant)
                "what does (?!(?:he|she|they|you|u|my|your|his|her|their)\\b)"
                "(?!(?:our|the|this|that) (?:boss|vendor|manager|colleague|friend|guy|person|"
                "team|consultant|supplier|provider|client|customer|article)\\b).{0,12} "
                "mean(?! (?:for|to) )",
                "(bpos?|call[- ]?cent(er|re)s?) meaning",
                "what(?: is|'s|s) (?:an? |the )?\\w+(?: \\w+)? meaning",
                "what (the|this|that) (term|word|acronym|abbreviation|name) (actually )?means?",
                "what does (the|this|that) (term|word|acronym|abbreviation|name) (actually )?mean",
                # "... Before I answer him, what actually is a call center?": the question
                # itself, whatever context came before
                "what (actually |exactly |really |even )?(is|are|means) (an? |the )?(bpos?|"
                "call[- ]?cent(er|re)s?|business process outsourcing)"
                "( (actually|exactly|really|then|anyway|even|in the first place))?"
                "(?=\\s*([?.!,]|$))",
                # "how does a call center work, like what is it", "my cousin got a job at a
                # bpo, what even is that": asked last, of the one named before
                # (not "... mentioning rpa, what is that": the other term)
                "(?<=[,.;!?] )(like what (is|are) (it|they|one)|what "
                "(actually|exactly|really|even) (is|are) (it|that|they|those|one)"
                # ("... what is that actually and how do those places work")
                "|what (is|are) (it|that|they|those) (actually|exactly|really|for real))"
                "(?=\\W*$|\\s+and how (do|does) (it|they|one|that|th(ose|ese) \\w+) "
                "(work|operate))",
                # "what is a call centre and how does one work?"
                "what (actually |exactly |really |even )?(is|are) (an? |the )?(bpos?|"
                "call[- ]?cent(er|re)s?|business process outsourcing)"
                "( (exactly|actually|really|even))? and how (does|do) "
                "(one|it|they|that) (work|operate)",
                # "is a call center just a room of ppl with headsets or wat is it really"
                "(?<=\\bor )(what|wat) (is|are|r) (it|they|that|one) (really|actually|exactly)"
                "(?=\\W*$)",
                # "is a bpo the same sort of thing as a temp agency? what is it": asked last
                "(?<=\\? )what (is|are) (it|they)(?=\\W*$)",
                # "... the term contact centre at work - what is one exactly?"
                "what (is|are) (one|it|they) (exactly|actually|really)(?=\\s*([?.!,]|$))",
                # "is a bpo a kind of company or a service?", "how would you describe one?"
                # (not "is that the kind of thing a call center does?": what it does)
                "(is|are) (an? |the )?(\\w+ ){0,2}(an? )?(kind|type|sort) of (company|business|"
                "firm|service|thing|organi[sz]ation)"
                "(?!\\s+(an? |the )?(bpos?|call[- ]?cent(er|re)s?|contact[- ]?cent(er|re)s?|"
                "they|it)"
                "\\s+(\\w+\\s+)?(does|do|would|handles?|offers?|takes?))",
                "(explain|describe|tell me|asked me) what an? \\w+( \\w+)? is",
                # "tell me about bpo companies", "explain call centres pls": one of them, no
                # more said
                "^((ok|okay|so|and|hi|hey|hello)\\W+)*(tell me|tell us|explain|talk me "
                "through|i want to know|i'?d like to know)\\s+"
                "((a (bit|little)|more|something)\\s+)?"
                "(about\\s+)?(an? |the )?(bpos?|call[- ]?cent(er|re)s?|contact[- ]?cent(er|re)s?|"
                "business process outsourcing)(\\s+(companies|firms|providers?|"
                "business(es)?))?(\\W+(pls|please|plz))?(?=\\W*$)",
                "how would you (describe|explain|define) (one|it|them|an? )",
                # "so what's a call centre then, is it a place or a service"
                "(is|are) (it|they|that|this|one|an? \\w+( \\w+)?) (an? )?(place|company|"
                "business|service|thing|building|department|team) or (an? )?(place|company|"
                "business|service|thing|building|department|team)",
                "what (kind|sort|type) of (company|business|firm|place|thing|organi[sz]ation|"
                "outfit|service) (is|are) (that|it|this|they|an?)",
            ],
            # "what are the main advantages a bpo offers?": an aspect, in this order of
            # precedence, beats the definition of the subject it is asked about
            # ({subject}: the subject's own answer of that kind)
            # ("call center is tactical tool? what it mean": which is strategic)
            # ("is a call center part of that?")
            "over_definition": {"strategic": "difference/strategic_vs_tactical",
                                "relationship": "difference/relationship", **ASPECT_TOPICS},
            # "what do i gain by handing processes to a bpo": the benefits, not the services
            "front_back_topic": "definition/front_back_office",

            # "what does rpa do in a bpo": its part in the trends
            "over_services": ["benefits", "ai", "remote"],
        }  # fmt: skip

    @functools.cached_property
    def definition_words(self) -> Pattern:
        return word_pattern(self.config["definition_words"])

    @functools.cached_property
    def phrases(self) -> Dict[Text, Tuple[Pattern, Text]]:
        return {
            key: (word_pattern(words), topic)
            for key, (words, topic) in self.config["phrases"].items()
        }

    def favoured(self, message: Message) -> Optional[Text]:
        """The subject named first in a one-sided comparison of the two, if any."""
        text = message.get(TEXT) or ""
        named = sorted(
            (e for e in message.get(ENTITIES) or [] if e.get("entity") == "subject"),
            key=lambda e: e.get("start", 0),
        )
        for first, second in zip(named, named[1:], strict=False):
            if {first.get("value"), second.get("value")} == set(self.config["subjects"]):
                between = text[first.get("end", 0) : second.get("start", 0)]
                # "compared to a call centre, what does a bpo do better?": the second one
                compared_first = _COMPARED_FIRST.search(text[: first.get("start", 0)])
                if compared_first and _BETTER_AT.match(text[second.get("end", 0) :]):
                    return second["value"]
                return first["value"] if _COMPARING.search(between) else None
        values = {e.get("value") for e in named}
        if len(values) == 1 and values <= set(self.config["subjects"]):
            # "what are they better at than a call centre": the other one is asked about
            (only,) = values
            before = text[: named[0].get("start", 0)]
            if re.search(r"\bthan\s+(?:an?\s+|the\s+)?$", before) and _BETTER.search(before):
                return next(s for s in self.config["subjects"] if s != only)
            if _WEIGHED_AGAINST.search(before) and (
                _GOOD_POINTS.search(before) or _WHY_THE_ONE.search(before)
            ):
                return next(s for s in self.config["subjects"] if s != only)
            if _BETTER_AT.match(text[named[0].get("end", 0) :]):
                return only  # "and whats a bpo better at compared to that"
        return None

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            selection = (message.get(RESPONSE_SELECTOR_PROPERTY_NAME) or {}).get(
                RESPONSE_SELECTOR_DEFAULT_INTENT
            )
            if not selection:
                continue
            prediction = selection[RESPONSE_SELECTOR_PREDICTION_KEY]
            chosen = prediction.get(INTENT_RESPONSE_KEY) or ""
            key = self.one_subject(message, chosen) or chosen
            # (the jobs asked of one side last win over what the story before compared)
            careers = self.careers_asked_last(message, key)
            better = careers or (
                self.other_than_set_aside(message, key)
                or self.what_one_does_asked_last(message, key)
                or self.bad_points(message, key)
                or self.good_points_asked_last(message, key)
                or self.how_work_is_done_now(message, key)
                or self.set_apart(message, key)
                or self.which_is_front_or_back(message, key)
                or self.front_and_back(message, key)
                or self.definition(message, key)
                or self.one_sided(message, key)
                or self.better_at(message)
                or self.channel_capability(message, key)
                or self.good_points_not_jobs(message, key)
                or self.careers_named(message, key)
                or self.hired_as_a_firm(message, key)
                or self.only_for_some_firms(message, key)
                or self.sector_uses_one(message, key)
                or self.where_they_are(message, key)
                or self.tools_used(message, key)
                or self.jobs_done(message, key)
                or self.narrower(message, key)
                or self.shared_asked(message, key)
                or self.shared_over_one_kind(message, key)
                or self.industries_not_jobs(message, key)
                or self.services_for_one_trade(message, key)
                or self.tools_asked(message, key)
                or self.what_ai_does(message, key)
                or self.by_phrase(message, key)
                or (key if key != chosen else None)
            )
            asked = (
                self.asked_for_a_name(message)
                or self.asked_what_it_is(message)
                or self.savings_asked(message)
                or self.ai_impact_asked(message)
                or self.asked_how_they_differ(message, key)
                or self.asked_if_one_is_the_other(message)
            )
            if asked and not careers:
                better = asked if asked != chosen else None
            if better:
                prediction[INTENT_RESPONSE_KEY] = better
                prediction[RESPONSE_SELECTOR_UTTER_ACTION_KEY] = f"utter_{better}"
        return messages

    @staticmethod
    def what_ai_does(message: Message, key: Text) -> Optional[Text]:
        """ "what does RPA do for outsourcing firms that handle back office work": what
        AI or automation does to them, asked with AI as the doer."""
        if key.startswith("trends/"):
            return None
        text = message.get(TEXT) or ""
        for e in message.get(ENTITIES) or []:
            if e.get("entity") != "aspect" or e.get("value") != "ai":
                continue
            if _ASKED_OF_A_DOER.search(text[: e.get("start", 0)]) and _DOES_TO_THEM.match(
                text[e.get("end", 0) :]
            ):
                return "trends/ai_automation"
        return None

    @staticmethod
    def tools_asked(message: Message, key: Text) -> Optional[Text]:
        """ "and on the other side, what does a call center use?": its tools, not what it is."""
        if not key.startswith(("definition/", "services/")):
            return None
        return "difference/technology" if _TOOLS_USED.search(message.get(TEXT) or "") else None

    def services_for_one_trade(self, message: Message, key: Text) -> Optional[Text]:
        """ "what things can outsourcing company do for us? we are tile factory in valencia":
        what one subject does for the visitor's own trade, not which industries use it."""
        if key != "services/industries":
            return None
        entities = message.get(ENTITIES) or []
        subjects = {e.get("value") for e in entities if e.get("entity") == "subject"}
        aspects = {e.get("value") for e in entities if e.get("entity") == "aspect"}
        if (
            aspects != {"services"}
            or len(subjects) != 1
            or not subjects <= set(self.config["subjects"])
        ):
            return None
        return f"services/{subjects.pop()}"

    def other_than_set_aside(self, message: Message, key: Text) -> Optional[Text]:
        """ "setting aside call centres for a sec, what are the strong points of a bpo":
        the subject set aside is not the one asked about."""
        kind, _, subject = key.partition("/")
        text = message.get(TEXT) or ""
        named = [e for e in message.get(ENTITIES) or [] if e.get("entity") == "subject"]
        if subject not in self.config["subjects"]:
            return None
        aside = [
            e
            for e in named
            if e.get("value") == subject
            and (
                _SET_ASIDE_BEFORE.search(text[: e.get("start", 0)])
                or _SET_ASIDE_AFTER.match(text[e.get("end", 0) :])
            )
        ]
        others = [e for e in named if e.get("value") in self.config["subjects"] and e not in aside]
        if not aside or not others or {e.get("value") for e in others} & {subject}:
            return None
        other = others[0].get("value")
        return f"{kind}/{other}" if kind in self.config["per_subject_kinds"] else None

    @staticmethod
    def what_one_does_asked_last(message: Message, key: Text) -> Optional[Text]:
        """ "... we already outsource our hotline to a call center ..., what else could a bpo
        take over": what the one named in the last question does, whatever the story named
        before it."""
        text = message.get(TEXT) or ""
        asking = last_sentence_start(text.rstrip())
        found = _WHAT_ONE_DOES.search(text, asking)
        if not found or not key.startswith(("difference/", "services/")):
            return None
        subject = "bpo" if _BPO.search(found.group("subject")) else "call_center"
        # ("what can a bpo take over that a call centre cant": the two set against each
        # other in the question itself)
        if any(
            e.get("entity") == "subject"
            and e.get("value") != subject
            and e.get("start", 0) >= found.start()
            for e in message.get(ENTITIES) or []
        ):
            return None
        topic = f"services/{subject}"
        return topic if topic != key else None

    @staticmethod
    def asked_how_they_differ(message: Message, key: Text) -> Optional[Text]:
        """A question that sets the two against each other and asks how they differ, read as
        none of the knowledge questions: the comparison chosen where it names an aspect, or
        else the general one."""
        text = message.get(TEXT) or ""
        if not overrulable(message) or not (
            _SET_AGAINST.search(text) and _HOW_THEY_DIFFER.search(text)
        ):
            return None
        overrule_intent(message, "difference", 0.9)
        aspects = [e for e in message.get(ENTITIES) or [] if e.get("entity") == "aspect"]
        return key if key.startswith("difference/") and aspects else "difference/overview"

    @staticmethod
    def asked_if_one_is_the_other(message: Message) -> Optional[Text]:
        """ "so is it basically a call center or not": how the two differ."""
        if not _IS_IT_THE_OTHER.search(message.get(TEXT) or ""):
            return None
        if overrulable(message):
            overrule_intent(message, "difference", 0.9)
        return "difference/overview"

    def asked_for_a_name(self, message: Message) -> Optional[Text]:
        """A name asked for what the question describes, with neither subject named: the
        definition the description fits (the two halves of a company, work of the back
        office handed over, people on the phones, or work handed over)."""
        entities = message.get(ENTITIES) or []
        asked = _NAME_ASKED.search(message.get(TEXT) or "")
        if not asked and not any(
            e.get("entity") == "aspect" and e.get("value") in ("ai", "technology", "trends")
            for e in entities
        ):
            # ("... what is that thing exactly": of the people described at work)
            that = _WHAT_THAT_IS.search(message.get(TEXT) or "")
            asked = that if that and _PEOPLE_AT_WORK.search(that.string[: that.start()]) else None
        if not asked or names_a_subject(message):
            return None
        # what is described, before or after ("call" asks the name)
        text = asked.string[: asked.start()] + " " + asked.string[asked.end() :]
        if _NOT_A_KIND_NAMED.match(asked.string[asked.end() :]) or _ABROAD.search(text):
            # the name of a job, an advantage, or of work sent abroad (offshoring)
            return None
        tasks = {e.get("value") for e in entities if e.get("entity") == "outsourced_function"}
        phones = bool(_ON_THE_PHONES.search(text))
        if any(e.get("value") == "front_back_office" for e in entities) or (
            _BEHIND.search(text)
            or (_FACING.search(text) and not phones)
            or _TWO_SIDES.search(asked.string)
        ):
            topic = self.config["front_back_topic"]
        elif tasks - set(CUSTOMER_TASKS):
            topic = "definition/bpo"
        elif tasks or phones:
            topic = "definition/call_center"
        elif _HANDED_OVER.search(text):
            topic = "definition/bpo"
        else:
            return None
        message.set(DEFINITION_ASKED, True)
        message.set(NAME_ASKED, True)
        overrule_intent(message, "definition", 0.9)
        return topic

    @staticmethod
    def savings_asked(message: Message) -> Optional[Text]:
        """ "how outsourcing make cost lower for a company?", read unsurely as out of scope:
        how outsourcing saves money, where nothing else is named."""
        intent = message.get(INTENT) or {}
        text = message.get(TEXT) or ""
        named = {
            e.get("value")
            for e in message.get(ENTITIES) or []
            if e.get("entity") in ("aspect", "subject", "outsourced_function")
        }
        if (
            _WHY_WORK_HANDED_OUT.search(text)
            and not named - {"savings", "locations"}  # ("... to companies in asia")
            and intent.get("name") != "request_recommendation"
        ):
            message.set(SAVINGS_ASKED, True)
            overrule_intent(message, "benefits", 0.9)
            return "benefits/outsourcing_savings"
        # (after a story, the classifier may also lean, unsurely, to the recommendation)
        readings = ("out_of_scope", "nlu_fallback") + (
            ("request_recommendation", "inform") if _SAVINGS_FROM.search(text) else ()
        )
        if (
            intent.get("name") not in readings
            # (asked where the savings come from, however surely read as an answer; a sure
            # request stays one)
            or (
                intent.get("confidence", 1.0) >= _UNSURE_BELOW
                and not (
                    intent.get("name") == "inform"
                    and _SAVINGS_FROM.search(text)
                    # ("customer support mostly, we want to understand how we can reduce
                    # costs by outsourcing it": an answer, with its motive)
                    and not any(
                        e.get("entity") in ("company_size", "outsourced_function", "budget")
                        and e.get("extractor") != "FormAnswerClassifier"
                        for e in message.get(ENTITIES) or []
                    )
                )
            )
            or not (
                (named == {"savings"} and _OUTSOURCING_ASKED.search(text))
                or _SAVINGS_FROM.search(text)
            )
        ):
            return None
        message.set(SAVINGS_ASKED, True)
        overrule_intent(message, "benefits", 0.9)
        return "benefits/outsourcing_savings"

    @staticmethod
    def ai_impact_asked(message: Message) -> Optional[Text]:
        """ "impact of voice assistants on phone support operators": what AI does to them,
        however the words around it were read."""
        aspects = {
            e.get("value") for e in message.get(ENTITIES) or [] if e.get("entity") == "aspect"
        }
        if (
            "ai" not in aspects
            or aspects - {"ai", "trends"}
            or not _IMPACT.search(message.get(TEXT) or "")
        ):
            return None
        if overrulable(message):
            overrule_intent(message, "trends", 0.9)
        return "trends/ai_automation"

    @staticmethod
    def asked_what_it_is(message: Message) -> Optional[Text]:
        """The definition a question asks for and nothing else: its topic, and its intent
        where it was read as none of the knowledge questions (or as none at all)."""
        text = message.get(TEXT) or ""
        topic = only_what_it_is(text)
        subjects = {
            e.get("value") for e in message.get(ENTITIES) or [] if e.get("entity") == "subject"
        }
        if not topic or len(subjects) > 1:
            return None  # "what is a bpo and what is a call centre": the two compared
        message.set(DEFINITION_ASKED, True)
        if overrulable(message):
            overrule_intent(message, topic.split("/")[0], 0.9)
        return topic

    def one_subject(self, message: Message, key: Text) -> Optional[Text]:
        """A question about one subject, with no word that compares, gets that subject's
        own answer: "what services would a call center typically provide?" not the
        comparison's (`per_subject`), "whats good about using the phone people" not the
        other subject's benefits."""
        subjects = {
            e.get("value") for e in message.get(ENTITIES) or [] if e.get("entity") == "subject"
        }
        aspects = {
            e.get("value") for e in message.get(ENTITIES) or [] if e.get("entity") == "aspect"
        }
        if (
            len(subjects) != 1
            or _DIFFERING.search(message.get(TEXT) or "")
            or aspects & set(_TRENDS)
        ):
            return None  # trends named: `narrower` takes them
        (subject,) = subjects
        kind, _, of = key.partition("/")
        if subject not in self.config["subjects"]:
            return None
        if key in self.config["per_subject"]:
            return f"{self.config['per_subject'][key]}/{subject}"
        text = message.get(TEXT) or ""
        asked = text[last_sentence_start(text.rstrip()) :]
        if (
            key.startswith("choosing/")
            and "services" in aspects
            and not _OWN_OR_CHOICE.search(asked)
        ):
            # "we're a plumbing business ... generally speaking, what sorts of tasks does a
            # call center typically handle?": the story told, then what it does in general
            return f"services/{subject}"
        if of in self.config["subjects"] and of != subject:
            return f"{kind}/{subject}"
        return None

    def definition(self, message: Message, key: Text) -> Optional[Text]:
        entities = message.get(ENTITIES) or []
        subjects = {e.get("value") for e in entities if e.get("entity") == "subject"}
        text = message.get(TEXT) or ""
        # ("what does cc mean in email": "cc" alone names neither)
        named = any(
            e.get("entity") == "subject"
            and text[e.get("start", 0) : e.get("end", 0)].strip().lower() != "cc"
            for e in entities
        )
        kind, _, of = key.partition("/")
        if not subjects and kind == "definition" and of in self.config["subjects"]:
            subjects = {of}  # "whats that about esims": no subject, an aspect over it
        if len(subjects) != 1:
            return None
        subject = subjects.pop()
        if subject not in self.config["subjects"]:
            return None
        aspects = {e.get("value") for e in entities if e.get("entity") == "aspect"}
        if _TERM_POINTED_BACK.search(text) and aspects & set(_TERMS_OF_THEIR_OWN):
            # "i read that a call center is a 'tactical tool', what does that mean": the term
            # said of it, not what it is
            term = _TERMS_OF_THEIR_OWN[min(aspects & set(_TERMS_OF_THEIR_OWN))]
            if overrulable(message):
                overrule_intent(message, term.split("/")[0], 0.9)
            return term if term != key else None
        if self.definition_words.search(message.get(TEXT) or ""):
            message.set(DEFINITION_ASKED, True)
            if named and overrulable(message):
                # "call centre meaning pls" (not "whats the meaning of life")
                overrule_intent(message, "definition", 0.9)
            return f"definition/{subject}" if key != f"definition/{subject}" else None
        text = message.get(TEXT) or ""
        tasks = [e for e in entities if e.get("entity") == "outsourced_function"]
        # "does a call centre do live chat": a channel, not a task
        channel = any(
            _CHANNEL.fullmatch(text[e.get("start", 0) : e.get("end", 0)].strip()) for e in tasks
        )
        aspects = {e.get("value") for e in entities if e.get("entity") == "aspect"}
        if (
            tasks
            and not channel
            and aspects <= {"services", "channels"}
            and _CAN_DO.search(text)
            # ("... customer questions by dm and email. does a call centre even handle that or
            # is it voice only": the channels; "payroll or only phone calls" is what it does)
            and not (
                _VOICE_ONLY.search(text) and {e.get("value") for e in tasks} <= set(CUSTOMER_TASKS)
            )
        ):
            # "can a bpo do payroll and hr stuff or only calls": what it does
            return f"services/{subject}" if key != f"services/{subject}" else None
        if key == f"services/{subject}" and "services" not in aspects:
            kind = next((a for a in self.config["over_services"] if a in aspects), None)
            return ASPECT_TOPICS[kind].format(subject=subject) if kind else None
        if key != f"definition/{subject}":
            return None
        # (how they relate, unless what it is is asked: "whats a call centre actually, like
        # what goes on inside one", "so a bpo is... what exactly? someone who runs part of
        # your business?")
        asked = self.definition_words.search(text) or _WHAT_ASKED.search(text)
        kind = next(
            (
                a
                for a in self.config["over_definition"]
                if a in aspects and not (a == "relationship" and asked)
            ),
            None,
        )
        return self.config["over_definition"][kind].format(subject=subject) if kind else None

    @staticmethod
    def how_work_is_done_now(message: Message, key: Text) -> Optional[Text]:
        """ "i got a job offer at a call center, do agents work from home now": how the work is
        done these days, not the jobs (not "wfh bpo jobs for beginners?")."""
        text = message.get(TEXT) or ""
        remote = any(
            e.get("entity") == "aspect" and e.get("value") == "remote"
            for e in message.get(ENTITIES) or []
        )
        if key.startswith("careers/") and remote and _NOWADAYS.search(text):
            return "trends/remote_global"
        return None

    @staticmethod
    def set_apart(message: Message, key: Text) -> Optional[Text]:
        """ "what sets a bpo apart": how the two differ, where one side's answer was read."""
        if key.split("/")[-1] in ("bpo", "call_center") and _SETS_APART.search(
            message.get(TEXT) or ""
        ):
            return "difference/overview"
        return None

    @staticmethod
    def which_is_front_or_back(message: Message, key: Text) -> Optional[Text]:
        """ "which one is front office only": which of the two works where, the structure."""
        asked = _WHICH_ONE_IS_AN_OFFICE.search(message.get(TEXT) or "")
        return "difference/structure" if asked and key != "difference/structure" else None

    def front_and_back(self, message: Message, key: Text) -> Optional[Text]:
        """ "what is back office? i saw it in an article about bpo", "which functions belong
        to the front office and which to the back office?": those terms' own answer."""
        text = message.get(TEXT) or ""
        topic = self.config["front_back_topic"]
        entities = message.get(ENTITIES) or []
        # in everyday words, only where nothing else is asked about ("are there jobs
        # behind the scenes?" asks about the jobs)
        everyday = key.split("/")[0] in ("difference", "definition") and not any(
            e.get("entity") == "aspect"
            # ("the part of a company that ..." names the relationship in passing)
            and e.get("value")
            not in ("difference", "definition", "front_back_office", "relationship")
            for e in entities
        )
        asked = _WHAT_IS_OFFICE.search(text) or (
            (_FRONT.search(text) or (everyday and _FACING.search(text)))
            and (_BACK.search(text) or (everyday and _BEHIND.search(text)))
            and not any(e.get("entity") == "subject" for e in entities)
        )
        return topic if asked and key != topic else None

    @staticmethod
    def channel_capability(message: Message, key: Text) -> Optional[Text]:
        """ "can a call center handle chat", "does a call centre even handle that or is it
        voice only": the channels, not all it does."""
        text = message.get(TEXT) or ""
        if not key.startswith("services/") or not (
            _CHANNEL_CAPABILITY.search(text) or _VOICE_ONLY.search(text)
        ):
            return None
        tasks = {
            e.get("value")
            for e in message.get(ENTITIES) or []
            if e.get("entity") == "outsourced_function"
        }
        return "difference/channels" if tasks <= {"customer_support"} else None

    @staticmethod
    def better_at(message: Message) -> Optional[Text]:
        """ "what's bpo better at": the advantages of the one named."""
        found = _BETTER_AT_ASKED.match(message.get(TEXT) or "")
        if not found:
            return None
        named = sorted(
            (e for e in message.get(ENTITIES) or [] if e.get("entity") == "subject"),
            key=lambda e: e.get("start", 0),
        )
        subjects = {e.get("value") for e in named}
        if len(subjects) == 2 and _BEATS.search(found.group(0)):
            return f"benefits/{named[0].get('value')}"  # the one that beats the other
        return f"benefits/{subjects.pop()}" if len(subjects) == 1 else None

    def bad_points(self, message: Message, key: Text) -> Optional[Text]:
        """ "what are the disadvantages of a bpo": no answer lists them; what a call center
        does better is the true answer there is."""
        text = message.get(TEXT) or ""
        kind, _, subject = key.partition("/")
        subjects = {
            e.get("value") for e in message.get(ENTITIES) or [] if e.get("entity") == "subject"
        }
        if (
            kind != "benefits"
            or subject not in self.config["subjects"]
            or not _BAD_POINTS.search(text)
            or _GOOD_POINTS.search(text)
            or not subjects <= {subject}
            # ("what are the disadvantages of a call center job?": the jobs')
            or _WORKING_THERE.search(text)
            or any(
                e.get("entity") == "aspect" and e.get("value") == "careers"
                for e in message.get(ENTITIES) or []
            )
        ):
            return None
        return next(f"benefits/{s}" for s in self.config["subjects"] if s != subject)

    def good_points_asked_last(self, message: Message, key: Text) -> Optional[Text]:
        """ "my partner thinks a bpo is just a fancy word for a cheap phone line ... can u
        give me the real benefits of a bpo": the story before names other things; the
        question, last, asks for one side's advantages."""
        text = message.get(TEXT) or ""
        start = last_sentence_start(text.rstrip())
        asking = text[start:]
        subjects = {
            e.get("value") for e in message.get(ENTITIES) or [] if e.get("entity") == "subject"
        }
        if (
            start == 0
            or key.startswith(("benefits/", "careers/"))
            # ("i just got hired at a bpo. what benefits do the staff get?": the jobs)
            or _STAFF_GET.search(asking)
            or len(subjects) != 1
            or not subjects <= set(self.config["subjects"])
            or not _GOOD_POINTS.search(asking)
            or _COMPARING.search(asking)
            # ("we run a bpo. what are the benefits of ai for us?": the trends)
            or any(
                e.get("entity") == "aspect"
                and e.get("start", 0) >= start
                and e.get("value") != "benefits"
                for e in message.get(ENTITIES) or []
            )
        ):
            return None
        return f"benefits/{subjects.pop()}"

    @staticmethod
    def jobs_done(message: Message, key: Text) -> Optional[Text]:
        """ "what jobs would a call centre do for an online store": the work it does."""
        subject = key.partition("/")[2]
        if key.startswith("careers/") and JOBS_DONE.search(message.get(TEXT) or ""):
            return f"services/{subject}"
        return None

    @staticmethod
    def good_points_not_jobs(message: Message, key: Text) -> Optional[Text]:
        """ "and a cc, whats it good at compared to that, our sales director keeps asking
        me": read as the jobs for the person named, it asks what one side brings."""
        subject = key.partition("/")[2]
        aspects = {
            e.get("value") for e in message.get(ENTITIES) or [] if e.get("entity") == "aspect"
        }
        if (
            key.startswith("careers/")
            and "benefits" in aspects
            and "careers" not in aspects
            # ("what benefits do the staff get?": the jobs)
            and not _STAFF_WORDS.search(message.get(TEXT) or "")
        ):
            return f"benefits/{subject}" if subject in ("bpo", "call_center") else None
        return None

    @staticmethod
    def careers_named(message: Message, key: Text) -> Optional[Text]:
        """ "which careers does the call centre side offer": the jobs there, though "offer"
        reads like what it does ("what jobs does a bpo do" is what it does)."""
        subject = key.partition("/")[2]
        moving = _MOVING_TO.search(message.get(TEXT) or "")
        sides = {
            e.get("value") for e in message.get(ENTITIES) or [] if e.get("entity") == "subject"
        }
        # (from the one side to the other, both named)
        if key.startswith("careers/") and moving and len(sides) == 2:
            # "working as an agent in a call centre and thinking of moving over to a bpo,
            # what roles would there be for me": the jobs where the visitor is going
            return f"careers/{'bpo' if _BPO.search(moving.group('to')) else 'call_center'}"
        if key.startswith("services/") and subject in ("bpo", "call_center"):
            if _CAREER_WORDS.search(message.get(TEXT) or ""):
                return f"careers/{subject}"
        return None

    @staticmethod
    def hired_as_a_firm(message: Message, key: Text) -> Optional[Text]:
        """ "can i hire a call center just to take orders over the phone for my shop": the
        firm hired for its work, not a job in it."""
        text = message.get(TEXT) or ""
        hired = _HIRED_AS_A_FIRM.search(text)
        if not key.startswith("careers/") or not hired or _CAREER_WORDS.search(text):
            return None
        return f"services/{'bpo' if _BPO.search(hired.group('firm')) else 'call_center'}"

    @staticmethod
    def careers_asked_last(message: Message, key: Text) -> Optional[Text]:
        """ "... my teacher said bpos hire accountants too, not just phone people. what kind
        of careers does a bpo offer?": the jobs of the one asked of last, whatever the
        story compared before."""
        text = message.get(TEXT) or ""
        last = last_sentence_start(text.rstrip())
        asked_of = {
            e.get("value")
            for e in message.get(ENTITIES) or []
            if e.get("entity") == "subject" and e.get("start", -1) >= last
        }
        if (
            last > 0
            and key.startswith(("difference/", "services/", "careers/"))
            and len(asked_of) == 1
            and _CAREER_WORDS.search(text, last)
        ):
            return f"careers/{asked_of.pop()}"
        return None

    def narrower(self, message: Message, key: Text) -> Optional[Text]:
        by_aspect = self.config["narrower"].get(key) or {}
        subjects = {
            e.get("value") for e in message.get(ENTITIES) or [] if e.get("entity") == "subject"
        }
        if subjects >= set(self.config["subjects"]) and key.partition("/")[2] in subjects:
            # "what systems does a bpo run vs a call center": both named, yet one subject's
            # answer chosen; an aspect of the difference settles it
            by_aspect = self.config["narrower"]["difference/overview"]
        aspects = [
            e.get("value") for e in message.get(ENTITIES) or [] if e.get("entity") == "aspect"
        ]
        if self.config["own_aspect"].get(key) in aspects:
            return None
        if key == "trends/overview" and _BESIDES.search(message.get(TEXT) or ""):
            return None  # "any other trends besides ai": the others
        if key.startswith("difference/") and "difference" in aspects and "trends" not in aspects:
            # "robots and software in a call center vs a bpo, what is different?": the tools
            # compared, AI among them (not where AI is taking them)
            by_aspect = {**by_aspect, "ai": "difference/technology"}
        if (
            key.startswith("benefits/")
            and "channels" in aspects
            and _REACHED.search(message.get(TEXT) or "")
        ):
            return "difference/channels"  # "which ways can customers reach a call center"
        found = {by_aspect[a] for a in aspects if a in by_aspect}
        if len(found) > 1:
            # "which part of the company each one covers" names the relationship in passing
            found.discard(by_aspect.get("relationship"))
        return found.pop() if len(found) == 1 else None

    @staticmethod
    def shared_asked(message: Message, key: Text) -> Optional[Text]:
        """ "what does it have in common with a call center" reads like one side's answer:
        what the two share is asked, in words that say nothing else ("similar to ours",
        "shared services" do)."""
        if key.partition("/")[0] not in ("definition", "services", "benefits"):
            return None
        text = message.get(TEXT) or ""
        return next(
            (
                "difference/similarities"
                for e in message.get(ENTITIES) or []
                if e.get("entity") == "aspect"
                and e.get("value") == "similarities"
                and _SHARED.fullmatch(text[e.get("start", 0) : e.get("end", 0)])
            ),
            None,
        )

    @staticmethod
    def shared_over_one_kind(message: Message, key: Text) -> Optional[Text]:
        """ "... which things are the same between bpo and call centre?": one kind of
        difference read from the words around, while the question asks only what they
        share. (Only what they share: "how they are put together" read over the tools cost
        more than it mended.)"""
        if key not in _NARROW_DIFFERENCES:
            return None
        text = message.get(TEXT) or ""
        last = last_sentence_start(text.rstrip())
        aspects = [
            e
            for e in message.get(ENTITIES) or []
            if e.get("entity") == "aspect" and e.get("value") not in ("difference", None)
        ]
        if {e.get("value") for e in aspects} == {"similarities"} and any(
            e.get("start", 0) >= last for e in aspects
        ):
            return "difference/similarities"
        return None

    @staticmethod
    def industries_not_jobs(message: Message, key: Text) -> Optional[Text]:
        """ "bpo in healthcare a thing?": a sector named, and nothing of the jobs (not "can i
        work at a healthcare bpo")."""
        if not key.startswith("careers/") or _ONES_OWN_WORK.search(message.get(TEXT) or ""):
            return None
        named = {e.get("value") for e in message.get(ENTITIES) or [] if e.get("entity") == "aspect"}
        return "services/industries" if named == {"industries"} else None

    @staticmethod
    def sector_uses_one(message: Message, key: Text) -> Optional[Text]:
        """ "does manufacturing use bpo services": a sector that uses one, the industries
        (not what the one named does)."""
        text = message.get(TEXT) or ""
        if key == "services/industries" or not names_a_subject(message) or _WHY_FIRST.match(text):
            return None  # ("why do banks use bpos": why they do)
        return next(
            (
                "services/industries"
                for e in message.get(ENTITIES) or []
                if e.get("entity") == "aspect"
                and e.get("value") == "industries"
                and _SECTOR_USES.match(text[e.get("end", 0) :])
            ),
            None,
        )

    @staticmethod
    def tools_used(message: Message, key: Text) -> Optional[Text]:
        """ "and what does the bpo side use", "what do call centres use": their tools."""
        if key == "difference/technology" or not _WHAT_IT_USES.search(message.get(TEXT) or ""):
            return None
        if any(e.get("entity") == "aspect" for e in message.get(ENTITIES) or []):
            return None  # "which channels does a call centre use, and what does a bpo use"
        return "difference/technology"

    @staticmethod
    def where_they_are(message: Message, key: Text) -> Optional[Text]:
        """ "do bpo firms exist in africa": where they are, not the jobs there."""
        if key == "services/locations" or not key.startswith(("careers/", "definition/")):
            return None
        text = message.get(TEXT) or ""
        located = any(
            e.get("entity") == "aspect" and e.get("value") == "locations"
            for e in message.get(ENTITIES) or []
        )
        # ("what career opportunities exist in a BPO, and where can they lead?": the jobs)
        if not located or _WORKING_THERE.search(text) or _OPPORTUNITIES.search(text):
            return None
        return "services/locations" if _EXIST_IN.search(text) else None

    @staticmethod
    def only_for_some_firms(message: Message, key: Text) -> Optional[Text]:
        """ "do medical places use bpo or is that just for big tech firms": which
        industries use one (the tech named is a sector, not the technology)."""
        if key == "services/industries" or not _ONLY_FOR_SOME_FIRMS.search(message.get(TEXT) or ""):
            return None
        return "services/industries" if names_a_subject(message) else None

    def by_phrase(self, message: Message, key: Text) -> Optional[Text]:
        if key not in self.config["phrases"]:
            return None
        if key.startswith("definition/") and _ANOTHER_NAME.search(message.get(TEXT) or ""):
            return None  # "is a contact centre the same as a call centre": what one is
        pattern, topic = self.phrases[key]
        text = message.get(TEXT) or ""
        found = pattern.search(text)
        if not found:
            return None
        # the sentence that says it ("arent they the same thing? everyone at my job uses
        # the words alike" names the job in passing)
        start = last_sentence_start(text[: found.start()])
        after = re.search(r"[.!?](?:\s|$)", text[found.end() :])
        end = found.end() + after.end() if after else len(text)
        if any(
            e.get("entity") == "aspect"
            and start <= e.get("start", start) < end
            # ("I run 14 dental clinics ..., in a nutshell, what is the key difference?"
            # names a trade in passing)
            and e.get("value") not in ("difference", "definition", "industries", "locations")
            for e in message.get(ENTITIES) or []
        ):
            return None  # "the main difference in technology" names its own
        return topic

    def one_sided(self, message: Message, key: Text) -> Optional[Text]:
        kind, _, subject = key.partition("/")
        text = message.get(TEXT) or ""
        if overrulable(message) and (_BETTER.search(text) or _GOOD_POINTS.search(text)):
            # "what does a cc do better", read as none of the knowledge questions
            favoured = self.favoured(message)
            if favoured:
                overrule_intent(message, self.config["kinds"][0], 0.9)
                return f"{self.config['kinds'][0]}/{favoured}"
        if (
            key in self.config["general_comparisons"]
            and (_BETTER.search(text) or _ADVANTAGES_OVER.search(text))
        ) or (key in self.config["advantages_compared"] and _ADVANTAGES_OVER.search(text)):
            # "in what ways does a call center outperform a bpo?": its benefits
            favoured = self.favoured(message)
            return f"{self.config['kinds'][0]}/{favoured}" if favoured else None
        if kind == "choosing":
            # "what are call centers actually better at compared to a bpo": what the one
            # named first is good at, not how to choose
            named = sorted(
                (e for e in message.get(ENTITIES) or [] if e.get("entity") == "subject"),
                key=lambda e: e.get("start", 0),
            )
            if (
                named
                and _BETTER_AT.match(text[named[0].get("end", 0) :])
                # ("would a bpo be better at handling our calls than a call center?", "is a
                # call centre best at orders or a bpo?": the choice)
                and not re.search(r"\b(?:we|us|our|ours|i|me|my|or)\b", text, re.IGNORECASE)
            ):
                return f"{self.config['kinds'][0]}/{named[0].get('value')}"
        if kind not in self.config["kinds"] or subject not in self.config["subjects"]:
            return None
        favoured = self.favoured(message)
        return f"{kind}/{favoured}" if favoured and favoured != subject else None
