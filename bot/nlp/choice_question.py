"""Which of the two suits *me*, or which suits companies in general.

A visitor who asks which option suits their own company ("which is right for us?",
"bpo or call center, which one", "which is best for a plumbing company",
"recomend pls") wants the recommendation, however the classifiers read the rest of
the message (a head count and "cost is no concern" look like a form answer, a
comparison like the difference). A visitor who asks which kinds of companies go
for which ("is a bpo better for big companies and a call center for small ones?")
wants the rule of thumb, the `choosing/overview` answer, not the form's questions.
What tells of the visitor's own business is read in `bot.nlp.own_business`.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Dict, List, Pattern, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.base import (
    ASKS_WHY,
    GUESS,
    QUESTION_SHAPE,
    SUBJECT_NAMES,
    StatelessComponent,
    asks_how_they_relate,
    give_back_held_tasks,
    hold_back,
    is_knowledge_question,
    last_sentence_start,
    names_money,
    overrule_intent,
    select_topic,
    selected_topic,
    sentences_of,
    word_pattern,
)
from bot.nlp.own_business import (
    ASKING,
    BUSINESS_HERE,
    BUSINESS_SIGN,
    EMPLOYEE,
    HANDING_OVER,
    JOB_SEEKER,
    LAW,
    LOOKING_FOR_WORK,
    NEEDS,
    NOT_A_BUSINESS_NEED,
    OUR_BUSINESS,
    OWN_NEED,
    OWN_STORY,
    OWN_WORD,
    SIZE_ALONE,
    SPEAKS_FOR_A_COMPANY,
    STORY_OF_ANOTHER_KIND,
    TELLS_WHAT_IT_DOES,
    WANTS_DONE,
    WORK_OF_OURS,
    WORK_OF_THE_TWO,
    business_first,
    introduces_itself,
    names_a_business,
)
from bot.nlp.question_over_answer import CAPABILITY_ASKED
from bot.nlp.topic_cues import DEFINITION_ASKED, only_what_it_is

_SUBJECT = rf"(?:an? |the )?(?:{SUBJECT_NAMES}|cc)"
_COMPANIES_IN_GENERAL = (
    r"(?:(?:small|smaller|big|bigger|large|larger|medium|mid-?sized?|typical|new)\s+)?"
    r"(?:company|business|firm|organi[sz]ation|start-?up)\b"
)
_CHOICE = re.compile(
    # "which is right for us", "which one should we pick", "which fits"; not "which crm
    # is best": a question about some other product
    # ("which outsourcing is right?", "which model is good for a dental practice?")
    r"\bwh?ich(?: one| option| model| solution| setup| route| approach| outsourcing|"
    r" of (?:the two|them|these|those|the options))?\s+"
    r"(?:(?:suits?|fits?|makes? (?:more )?sense)\b"
    r"|(?:is|'s|would|will|should|do|does|works?|makes?|to)\b"
    r"(?:(?!\?).){0,40}?\b(?:right|best|bett?er|suits?|suited|fits?|ideal|go (?:with|for)|"
    r"(?:good|suitable) for (?!(?:me|myself|my career)\b)|"
    r"choose|pick|opt|should|works? (?:best|better|for|well)|makes? (?:more )?sense)\b)"
    # "which solution would you propose for a container shipping agent?"
    r"|\bwh?ich (?:option|model|solution|setup|route|approach) (?:would|do|could|can|will) "
    r"(?:you|u) (?:propose|recommend|suggest|advise)\b"
    # "wich one do we need" (not "which one do i need to study for", "... for my visa")
    r"|\bwh?ich(?: one| of the two| of them| of these)?\s+(?:do|would) (?:i|we) (?:really |even )?"
    r"need(?:\s+(?:then|now|pls|please|here|lol))?\s*[?!.]*\s*$"
    # "solar panel installers, 5 crews, which service should we use"
    # (not "i have two job offers, which company should i choose?")
    r"|\bwh?ich (?:kind of |type of |sort of )?(?:(?:service|provider)s? "
    r"(?:should|would|do|could|can) (?:we|i)|(?:company|partner)s? (?:should|would|do|could|can) "
    r"we) (?:use|pick|choose|go (?:with|for)|need|hire)\W*$"
    # "who should i pick, i sell beekeeping supplies online"
    r"|\bwho should (?:i|we) (?:pick|choose|go with|go for)(?=\s*(?:$|[,.!?;]|between\b|for "
    r"(?:us|me|my|our)\b))"
    # "what would suit my shop", "what should we go with"
    r"|\bwhat(?:s|'s)?\b(?:(?!\?).){0,30}?\b(?:suits?|fits?|(?:best|right|better) for|"
    r"would (?:you|u|ya) (?:recommend|suggest|pick|choose)|"
    r"should (?:i|we) (?:choose|pick|go|use|get|hire|opt))\b"
    # "what should a small boutique use": a business, and nothing else asked
    r"|\bwhat should (?:an?|my|our) (?:\w+ ){1,3}(?:use|choose|pick|go (?:with|for)|get)\W*$"
    # "would a call center suit us?", "is a bpo the right fit for a clinic like ours"
    rf"|\b(?:would|will|does|is|are)\s+(?:an?\s+|the\s+)?{SUBJECT_NAMES}\b"
    r"(?:(?!\?).){0,25}?\b(?:suit|suits|fit|fits|work|be right|make sense|idea|choice|option|"
    r"move|bet|enough)"
    r"\s+(?:for\s+)?(?:us|me|our|my|an?\s+\w+(?:\s+\w+)?\s+like\s+(?:us|ours|mine))\b"
    # "is it smart for a company our size or is a call center better"
    rf"|\bor\s+(?:is\s+|would\s+)?(?:an?\s+|the\s+)?(?:{SUBJECT_NAMES})\s+(?:be\s+)?"
    r"(?:better|smarter|the better (?:option|choice|bet))\b(?!\s+(?:known|paid|at)\b)"
    # "is bpo or cc better for us?"
    rf"|\b{_SUBJECT}\s+or\s+{_SUBJECT}\s+(?:is\s+|would be\s+)?(?:better|best|smarter|"
    r"the better (?:option|choice|bet)|more suitable|right)\b"
    # "should we get a call center or bpo?", "... a call centre or something else?"
    rf"|\bshould (?:i|we) (?:get|go with|go for|use|hire|choose|pick|opt for|have) "
    rf"(?:an? |the )?(?:{SUBJECT_NAMES}|cc)\s+or\s+(?:an? |the )?(?:{SUBJECT_NAMES}|cc|"
    r"something else|anything else|not)\b"
    # "should a language school go with a bpo or call center?": a trade's own choice (not
    # "should a small company use ...": companies in general, the rule of thumb)
    rf"|\bshould (?:(?:my|our) |an? (?!{_COMPANIES_IN_GENERAL}))(?:[\w-]+ ){{1,3}}?"
    r"(?:get|go with|go for|use|hire|choose|pick|opt for|have) "
    rf"(?:an? |the )?(?:{SUBJECT_NAMES}|cc)\s+or\s+(?:an? |the )?(?:{SUBJECT_NAMES}|cc)\b"
    # "marketplace seller here, what outsourcing do i need"
    r"|\bwhat (?:kind of |type of |sort of )?outsourcing (?:model |option )?"
    r"(?:do|would|should|could) (?:i|we) (?:need|use|get|go for|choose|pick)\b"
    # "can u tell me whether to pick a bpo or a call center"
    r"|\b(?:tell|advise|help) (?:me|us) (?:whether|if) (?:to|i should|we should) "
    r"(?:get|go with|go for|use|hire|choose|pick|opt for) "
    rf"(?:an? |the )?(?:{SUBJECT_NAMES}|cc)\s+or\s+(?:an? |the )?(?:{SUBJECT_NAMES}|cc)\b"
    # "my partner says a call centre, i say a bpo, can you settle it?": one for each (not
    # "... says they are the same, can you settle it?")
    rf"|\bsays?\b[^?]{{0,60}}?{_SUBJECT}\b[^?]{{0,40}}?\b(?:i|we)\s+(?:say|think|reckon|want)\b"
    rf"[^?]{{0,40}}?{_SUBJECT}\b[^?]{{0,60}}?\b(?:settle|break) (?:it|this|that|the (?:debate|"
    r"argument|tie|disagreement))\b"
    # "do you think a call center is enough for us?"
    rf"|\b{SUBJECT_NAMES}\s+(?:is|would be|will be)\s+(?:really\s+|actually\s+)?"
    r"(?:enough|right|suitable|the right (?:fit|choice|option)|a good (?:fit|choice|option))"
    r"\s+for\s+(?:us|me|our|my)\b",
    re.IGNORECASE,
)
# "what kind of partner would you recommend?", "what sort of provider should we look for":
# a kind of partner for the visitor, not kinds of companies in general
_A_PARTNER_ASKED = re.compile(
    r"\bwhat (?:kind|sort|type) of (?:partners?|providers?|compan(?:y|ies)|firms?|outsourcers?|"
    r"outsourcing(?: partners?| compan(?:y|ies)| firms?| providers?)?|setup|set-up|models?|"
    r"options?)"
    r" (?:would|do|could|can|should|will) (?:you|u|we) (?:recommend|suggest|advise|propose|"
    r"look for|pick|choose|go (?:for|with)|use|get|hire)\b"
    # "what kind of outsourcing partner do we need"
    r"|\bwhat (?:kind|sort|type) of (?:outsourcers?|outsourcing (?:partners?|providers?|"
    r"compan(?:y|ies)|firms?)) (?:do|would|will|should) (?:we|i) (?:need|want|be looking for)\b"
    # "could you recommend which type of company to outsource to"
    r"|\b(?:recommend|suggest|advise)\w* (?:me |us )?(?:which|what) (?:kind|sort|type) of "
    r"(?:partners?|providers?|compan(?:y|ies)|firms?|outsourc\w+(?: partners?| compan(?:y|ies)|"
    r" firms?| providers?)?) (?:to|we|i|for (?:us|me|my|our))\b[^?.!]{0,30}?\boutsourc",
    re.IGNORECASE,
)
# "recomend pls", "any advice on outsourcing?": about this choice, not "recommend a book"
_ADVICE = re.compile(
    r"\bre?c+om+[ae]?n?d\w*|\breco\b|\bsuggest\w*|\badvi[cs]e\b|\bguidance\b|\bguide (?:me|us)\b"
    r"|\bhelp (?:me |us )?(?:choos|decid|pick)\w*",
    re.IGNORECASE,
)
# "our accountant suggested a bpo": advice someone gave, not advice asked for ("what is
# recommended for us?" still asks)
_REPORTED = re.compile(r"(?:suggest|recommend|advis)ed$", re.IGNORECASE)
_ASKED_IN_PASSIVE = re.compile(r"\b(?:is|are|be|'s|was|were)\s+$", re.IGNORECASE)
# "one article says ..., another says ... which is right?": which claim is true
_WHICH_CLAIM = re.compile(
    r"\bwhich (?:one |of them |of those )?(?:is|'s) (?:right|correct|true|accurate)\W*$",
    re.IGNORECASE,
)


def named_plainly(message: Message) -> Text:
    """The text with each subject the entity_ruler found by its plain name ("bpo or the
    phone guys?" -> "bpo or the call center?")."""
    text = message.get(TEXT) or ""
    subjects = [
        e
        for e in message.get(ENTITIES) or []
        if e.get("entity") == "subject" and e.get("value") in _PLAIN_NAMES
    ]
    limit = len(text)
    for e in sorted(subjects, key=lambda e: -e.get("start", 0)):
        start, end = e.get("start", 0), e.get("end", 0)
        if end <= limit:  # overlapping spans: the later one only
            text, limit = text[:start] + _PLAIN_NAMES[e["value"]] + text[end:], start
    return text


_PLAIN_NAMES = {"bpo": "bpo", "call_center": "call center"}


# a question about what they are or do, in a question or the last sentence: "... What
# kinds of processes would a BPO take over for us?", "... how would you define a call
# center?", "... is that a type of company or a service, what is it?"
_WHAT_THEY_ARE = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|hi|hello|hey|then)\W+)*(?:"
    # (not "What a mess our support is": no verb, an exclamation)
    r"(?:(?:what|wat)(?:\s+(?:exactly|even|actually))?\s+(?:is|are)|whats|what's)"
    r"(?:\s+(?:exactly|even|actually))?"
    rf"\s+(?:an?|that|this|it|these|those|such|the term|{SUBJECT_NAMES})\b"
    r"|(?:what|which)\s+(?:kinds?|types?|sorts?)\s+of\s+(?:tasks|processes|work|jobs|services|"
    r"functions|things)\b"
    r"|(?:what|which)\s+(?:kinds?|types?|sorts?)\s+of\s+(?:company|companies|operation|business|"
    r"place|firm|outfit)\s+(?:is|are)\s+(?:that|this|it|they|those|an?|the)\b"
    r"|(?:what|which)\s+(?:tasks|processes|functions|services|jobs|work)\b"
    r"|(?:what|how)\s+(?:exactly\s+)?(?:would|could|does|do|can)\s+(?:an?|the|such|one|they|these|"
    r"those)\s+(?:[\w-]+\s+){0,3}?(?:handle|take|do|offer|cover|involve|mean|provide)\b"
    r"|(?:could|can|would)\s+(?:you|u)\s+(?:please\s+)?(?:explain|define|describe|"
    r"tell (?:me|us) what)"
    r"|explain|define|how would you define"
    r"|is (?:that|it|this) (?:a|the) (?:type|kind|sort) of"
    # "... we already use a call center. what's the actual difference between that and a bpo?"
    r"|(?:what(?:'s|s| is)?|whats)\s+(?:the\s+|is\s+the\s+)?(?:actual\s+|real\s+|main\s+|big\s+)?"
    r"difference\b"
    r")"
    r"|\bwhat does\b.*\b(?:mean|stand for)\b|\bdefinition of\b"
    r"|\bin (?:simple|plain) (?:words|terms|language|english)\b",
    re.IGNORECASE,
)
# ... with no word that asks what to do
_WHAT_TO_DO = re.compile(
    r"\b(?:should|do you (?:think|reckon|suggest|recommend)|(?:you|u) (?:suggest|recommend|advise)|"
    r"suits?|fits?|best|better|right (?:for|choice|move|one)|good for|options?|move|"
    r"recommend\w*|advi[cs]e|suggest\w*|choose|choosing|pick|go (?:with|for)|worth|"
    r"make sense|start|begin|help|need|which (?:is|one|would|should)|"
    r"would (?:you|u)(?! (?:please )?(?:define|explain|describe))|"
    # "what work could we outsource?", "what would a bpo cost for us?"
    # (not "which tasks can we hand to a bpo?": what one of the two takes on)
    r"(?:could|can|should|would) (?:we|i) (?:outsource|hand|give|pass|move|farm|send)"
    rf"(?![^.?!]*\b(?:to|with) {_SUBJECT}\b)|"
    r"costs?|price\w*|charge\w*|pay)\b",
    re.IGNORECASE,
)
_CLAUSE_ASKED = re.compile(
    r"[;:]\s*|,\s+(?:and\s+)?(?=(?:what|which|how|could|can|is)\b)", re.IGNORECASE
)


def asks_what_they_are(text: Text) -> bool:
    """A question about what they are or do, whatever story comes before it, and nothing
    asked about what to do."""
    sentences = sentences_of(text)
    asked = [s for s in sentences if s.endswith("?")] + [sentences[-1] if sentences else ""]
    asked = [clause for part in asked for clause in [part, *_CLAUSE_ASKED.split(part)[1:]]]
    if any(_WHAT_TO_DO.search(part) for part in asked):
        return False
    # ("... I require a short definition of a call centre. Could you provide one?")
    return any(_WHAT_THEY_ARE.search(part) for part in [*asked, *sentences])


def both_named(text: Text) -> bool:
    lowered = text.lower()
    return bool(re.search(r"\bbpos?\b", lowered) and re.search(r"\bcall[- ]?cent", lowered))


def asks_advice(text: Text) -> bool:
    """An advice word that asks for advice (not one that reports advice given)."""
    return any(
        not _REPORTED.search(m.group(0)) or _ASKED_IN_PASSIVE.search(text[: m.start()])
        for m in _ADVICE.finditer(text)
    )


# "outsourcing help", "hi, outsourcing question", "quick question about outsourcing for my
# restaurant group": help with outsourcing itself, nothing else asked
_HELP_WITH_OUTSOURCING = re.compile(
    r"^\W*(?:(?:hi|hey|hello|hiya)\b\W*)?(?:(?:i|we)\s+(?:need|want|have|would like)\s+"
    r"(?:some\s+|a\s+)?|(?:some|a|quick|need)\s+)?(?:help|advice|guidance|questions?|q)\s*"
    r"(?:with|on|about|re|regarding|for)?\s*(?:an?\s+|our\s+|my\s+)?outsourc\w*"
    r"(?:\s+(?:models?|options?|decisions?|questions?|plans?))?"
    r"(?:\s+for\s+(?:my|our)\s+\w+(?:\s+\w+)?)?\W*(?:pls|please|plz)?\W*$"
    # "we're a 70-person architecture firm, outsourcing question"
    r"|(?:^|[,.;:!-])\W*(?:(?:hi|hey|hello)\b\W*)?(?:an?\s+)?outsourc\w*\s+(?:help|advice|"
    r"guidance|questions?|decisions?)\W*(?:pls|please|plz)?\W*$",
    re.IGNORECASE,
)
# "hi! our webshop needs help": the visitor's business needs help, nothing else said
_OWN_NEEDS_HELP = re.compile(
    r"^\W*(?:(?:hi|hey|hello|hiya)\b\W*)?(?:our|my)\s+(?:\w+\s+){0,2}?(?:company|business|"
    r"firm|shop|webshop|e-?shop|online shop|store|startup|practice|clinic|brand|restaurant|"
    r"agency|office|team)\s+(?:really\s+)?(?:needs?|could use|wants?)\s+(?:some\s+)?help"
    r"(?:\s+(?:pls|please|plz))?\W*$",
    re.IGNORECASE,
)
# "i need to choose between bpo and call centre": the visitor's own choice
_OWN_CHOICE = re.compile(
    r"\b(?:i|we)\s+(?:need|have|want|must|got|are trying|'re trying|am trying)\s+to\s+"
    r"(?:choose|decide|pick)\s+between\b"
    # "sign company, trying to decide between a call centre and a bpo"
    # (not "choosing between bpo and call center": the rule of thumb)
    r"|(?:\b(?:i'?m|im|we'?re|i am|we are)\s+|[,.;:!-]\s*)(?:(?:trying|having)\s+to\s+"
    r"(?:choose|decide|pick)|deciding|choosing|torn)\s+between\b"
    # "i run a dental lab and cant figure out if i need a bpo or one of those call centre
    # things"
    r"|\b(?:can'?t|cannot|trying to|want to|need to|help me)\s+(?:figure out|work out|decide|"
    r"tell|know)\s+(?:if|whether|which)\s+(?:i|we)\s+(?:need|should (?:get|use|go (?:with|for))|"
    rf"want)\s+{_SUBJECT}\s+or\b"
    # "furniture rental business, dont know whether to go bpo or cc"
    r"|\b(?:do(?:n'?t|nt| not)\s+know|not sure|unsure)\s+(?:if|whether|which)\s+(?:to\s+"
    r"(?:go(?:\s+(?:with|for))?|get|use|pick|choose|opt for)|(?:i|we)\s+(?:need|should (?:get|use|"
    rf"go (?:with|for))|want))\s+{_SUBJECT}\s+or\b",
    re.IGNORECASE,
)
# "we are reviewing what to outsource", "i need to decide on an outsourcing model": the
# decision the form helps with (not when a question follows: that one is answered)
# "trying to decide between outsourcing to a call center or a bpo, can u help"
_OWN_DECISION_BETWEEN = re.compile(
    r"\b(?:trying to|try to|need to|have to|got to|gotta|want to|can'?t|cannot|struggling to|"
    r"help me|helping me|help us)\s+(?:decide|choose|pick)\s+between\b|\btorn between\b",
    re.IGNORECASE,
)
# ... not between jobs ("... between working at a call center or a bpo"), nor with another
# question after it ("... what are the differences?")
_NOT_OWN_DECISION = re.compile(
    r"\bwork(?:ing)? (?:at|in|for)\b|\b(?:jobs?|offers?|careers?|roles?|positions?)\b|"
    r"[.?!,]\s*(?:what|how|why|which|"
    r"where|who|when|is|are|do|does)\b",
    re.IGNORECASE,
)


# ... not a product ("crm software, which do you recommend")
_A_PRODUCT = re.compile(
    r"\b(?:software|crms?|erps?|apps?|tools?|platforms?|systems?|dialers?|headsets?|laptops?|"
    r"phones?|printers?)\b",
    re.IGNORECASE,
)


def trade_then_which(text: Text) -> bool:
    found = _TRADE_THEN_WHICH.match(text) or _TRADE_THEN_CHOICE.match(text)
    return bool(found) and not _A_PRODUCT.search(text)


def own_decision_between(text: Text) -> bool:
    """ "trying to decide between outsourcing to a call center or a bpo, can u help"."""
    found = _OWN_DECISION_BETWEEN.search(text)
    return bool(found) and not _NOT_OWN_DECISION.search(text, found.start())


# "regional newspaper, which do you recommend": a trade in a few words, then the choice
_TRADE_THEN_WHICH = re.compile(
    r"^\W*(?:an?\s+|the\s+)?(?:(?!(?:or|vs|versus|and)\b)[\w'&-]+\s+){0,3}"
    r"(?!(?:or|vs|versus|and)\b)[\w'&-]+\s*[,;:-]+\s*which(?:\s+one|\s+option|"
    r"\s+model)?\s+(?:do|would|should|will|can)\s+(?:you|u|ya)\s+(?:recommend|suggest|advise|"
    r"pick|choose|go with)\W*$",
    re.IGNORECASE,
)
# "car hire firm, call center or bpo?": a business named, then the bare choice
_A_SIDE = r"(?:an?\s+)?(?:call[- ]?cent(?:er|re)|cc|bpo)"
_TRADE_THEN_CHOICE = re.compile(
    r"^\W*(?:(?:we'?re|we are|i run|i own)\s+)?(?:an?\s+|our\s+|my\s+)?"
    # (not "what kind of company, call center or bpo?", "the biggest company, ...")
    r"(?!(?:what|which|how|why|who|is|are|does|do|the|biggest|largest|best|top|any)\b)"
    r"(?:[\w'&-]+\s+){0,3}(?:firm|company|business|shop|agency|practice|clinic|club|school|"
    r"charity|group|chain|hotel|restaurant|store|startup|operator|studio|salon|garage|brand|"
    r"insurer|retailer|manufacturer|consultancy|dealership)(?:\s+(?:here|owner))?\s*[,;:-]+\s*"
    + _A_SIDE
    + r"\s+or\s+"
    + _A_SIDE
    + r"\W*$",
    re.IGNORECASE,
)
_DECIDING = re.compile(
    r"\b(?:decid\w*|choos\w*|review\w*|figur\w* out|work\w* out|consider\w*|unsure|not sure|"
    r"know)\s+(?:on\s+|about\s+)?(?:what|which \w+)\s+to\s+outsource\b"
    # "recruitment agency, what should we outsource to"
    r"|\bwhat (?:should|could|can|do) (?:we|i) outsource(?:\s+(?:and\s+)?to(?:\s+whom?)?)?\W*$"
    # "ops manager at a property management company here, trying to work out how we should
    # outsource"
    r"|\b(?:decid\w*|figur\w* out|work\w* out|wondering|unsure|not sure)\s+how\s+(?:we|i)\s+"
    r"(?:should|could|would|ought to)\s+(?:best\s+)?outsourc\w*"
    r"|\b(?:decide|decision|choose)\s+(?:on\s+)?an?\s+outsourc\w*\s+(?:model|option|partner|"
    r"provider|setup|approach)\b"
    # "we want to hand something off but dont know what kind of company to look for",
    # "trying to decide which kind of company to outsource to", "need help pickin which
    # type of provider to use"
    r"|\b(?:(?:don'?t|do not|not sure|no idea)\s+(?:know\s+)?|(?:trying|need|want|have|"
    r"struggling)\s+to\s+(?:decide|choose|pick|figure out|work out)\s+|(?:need\s+)?help\s+"
    r"(?:me\s+|us\s+)?(?:decid\w*|choos\w*|pick\w*|figur\w* out|work\w* out)\s+)"
    r"(?:what|which)\s+(?:kind|sort|type)\s+of\s+(?:company|provider|partner|firm|outsourc\w*)"
    r"\s+to\s+(?:look for|use|choose|pick|hire|go for|go with|get|outsource to|work with)\b"
    # "christmas tree farm, need to get some work off our plate"
    r"|\b(?:get|take|have)\s+(?:some\s+)?(?:work|tasks|jobs|things|stuff)\s+off\s+(?:our|my)\s+"
    r"(?:plate|hands|desk)s?\b"
    # "window cleaning round, thinking of getting outside help"
    r"|\b(?:thinking (?:of|about)|considering|looking (?:at|into))\s+"
    r"(?:getting\s+|bringing in\s+|using\s+|hiring\s+)?(?:some\s+)?(?:outside|external)\s+"
    r"(?:help|partners?|providers?)\b"
    # "help me figure out the best setup for our customer service and admin"
    # (not "help me find the best option for a call center job")
    r"|\bhelp (?:me|us) (?:figure out|work out|find|choose|pick) (?:the )?(?:best|right) "
    r"(?:setup|set-up|option|model|solution|approach|way to outsource)\b"
    r"(?![^.?!]*\b(?:jobs?|interviews?|careers?|cv|resume|offers?|hired)\b)"
    # "im not sure what we need, can u help"
    r"|\b(?:not sure|unsure|don'?t know|no idea)\s+what\s+(?:we|i)\s+(?:need|should (?:get|do|"
    r"choose|pick|outsource))\b"
    # "help pls i dont know what to pick", "cant decide which one to choose": nothing else said
    r"|^\W*(?:(?:hi|hey|hello|help|pls|please|plz|so|ok|um+)\W+)*(?:(?:i|we)\s+)?(?:really\s+)?"
    r"(?:don'?t|dont|do not|can'?t|cant|cannot|not sure|unsure|no idea)\s+(?:(?:know|decide)\s+)?"
    r"(?:what|which(?: one)?)\s+to\s+(?:pick|choose|go with|go for|take)\W*(?:(?:help|pls|please|"
    r"plz)\W*)*$"
    # "hello, I am looking into outsourcing for our dental lab."
    # (not "thinking about outsourcing my essay lol")
    r"|^(?!.*\b(?:laws?|legal\w*|regulat\w*|tax\w*|rules|wages?|visas?|essays?|homework|"
    r"assignments?|thesis|dissertation|class|school|course|exams?|uni|university|college|"
    r"writing|novel|speech|wedding|chores|laundry|cooking|cleaning)\b)"
    r"\W*(?:(?:hi|hey|hello|hiya|good (?:morning|afternoon|evening|day))\b\W*)?(?:(?:i|we)"
    r"(?:'m| am|'re| are)?\s+)?(?:looking into|thinking about|thinking of|considering|exploring|"
    r"researching|planning)\s+(?:some\s+)?outsourc\w*(?:\s+[\w'-]+){0,6}"
    # "thinking about outsourcing, not sure what exactly"
    r"(?:\W+(?:but\s+)?(?:not sure|unsure|no idea|dunno|idk|don'?t know)\s+(?:what|which|how)"
    r"(?:\s+(?:exactly|yet|to outsource|to start))?)?\W*$"
    # "our gym chain wants to outsource something but no clue what to pick"
    r"|^(?!.*\b(?:laws?|legal\w*|tax\w*|regulat\w*|rules|wages?|visas?|gdpr|essays?|homework|"
    r"assignments?|thesis|dissertation|writing|chores|laundry|cooking|cleaning)\b)"
    r".*\b(?:want\w*|need\w*|plan\w*|hop\w*|look\w*|keen)\s+to\s+outsource\s+"
    r"(?:something|some\s+(?:stuff|work|things|bits)|stuff|a few things|a bit)?\W*(?:but\s+)?"
    r"(?:(?:have|has|got)\s+)?(?:no clue|no idea|not sure|unsure|dunno|idk|don'?t know|clueless)"
    r"\s+(?:what|which|where|how)\b"
    # (not "... don't know what a bpo is", "... no idea how it works": a question of its own)
    r"(?!\s+(?:an?\s+|the\s+)?(?:bpos?|call|contact|it|that|this|they|outsourcing)\b)"
    # "coach tour operator, looking at outsourcing", "energy supplier, looking at our options"
    r"|^(?!.*\b(?:laws?|legal\w*|regulat\w*|tax\w*|rules|wages?|visas?)\b).*[,.;:-]\s*"
    r"(?:(?:i'?m|we'?re|i am|we are)\s+)?(?:looking (?:at|into)|thinking about|considering|"
    r"exploring)\s+(?:some\s+)?(?:outsourc\w*|(?:our|the) options)(?:\s+[\w'-]+){0,6}\W*$",
    re.IGNORECASE,
)
# ... asked with no other question than for help: "..., any advice?" (not "... what does a
# bpo actually do - any ideas?")
_ADVICE_ASKED = re.compile(
    r"^(?![^?]*(?:^|[,.;:!-]\s*)(?:what|how|why|which|where|who)\s+(?:is|are|does|do|can|could|"
    r"would)\b)[^?]*[,.;:!-]\s*(?:any\s+(?:advice|tips|ideas|suggestions|thoughts|help)|(?:can|could)\s+"
    r"(?:you|u)\s+help(?:\s+(?:me|us))?|what\s+do\s+(?:you|u)\s+(?:recommend|suggest|advise|"
    r"think)|thoughts|ideas|help|advice)\s*\?+\s*$",
    re.IGNORECASE,
)
# "which model fits an IT consultancy": a choice for a business, however read
# "what should a little flower shop do": a business asks, as a whole, what to do
_WHAT_SHOULD_A_BUSINESS_DO = re.compile(
    # (not "what should a company do": any company's, the rule of thumb)
    r"\bwhat should (?:an? (?:\w+ ){1,3}?|my (?:\w+ ){0,3}?|our (?:\w+ ){0,3}?)(?:company|firm|"
    r"business|shop|store|practice|"
    r"clinic|agency|startup|restaurant|hotel|studio|salon|gym|garage|workshop|bakery|cafe|pub|"
    r"charity|school|nursery|chain|franchise|florist|dentist|vets?|farm) "
    # ("what should a real estate agency choose, call centre or bpo?")
    r"(?:do|choose|pick|go for|go with)"
    r"(?:\W+(?:an?\s+)?(?:call[- ]?cent(?:er|re)|contact cent(?:er|re)|bpo)\s+or\s+"
    r"(?:an?\s+)?(?:call[- ]?cent(?:er|re)|contact cent(?:er|re)|bpo))?\W*$",
    re.IGNORECASE,
)
_WHICH_FITS_A = re.compile(
    # ("hello, which service is right for a pizza franchise?")
    r"^\W*(?:(?:hi|hello|hey|hiya)\W+)?which (?:one|model|option|type|kind|of the two|service|setup"
    r"|solution)\s+(?:fits|suits|is (?:best|right) for|"
    # (not "which service is best for a bpo to offer first": a service of the two's own)
    r"works (?:best )?for|would (?:fit|suit)|for)\s+(?:an?|my|our)\s+"
    r"(?!(?:bpos?|call|contact|outsourc\w*)\b)\w+",
    re.IGNORECASE,
)
# "would a call centre even work for a 20 person startup?", "is a bpo overkill for a company
# of 60", "would a callcenter be enough if we only want sales calls?": a verdict on one of
# the two for the visitor's own business, or one told by its head count
_SIZED_BUSINESS = (
    r"\b(?:an?|my|our)\s+(?:[\w-]+\s+){0,3}?(?:(?:company|business|firm|shop|startup|"
    r"practi[cs]e|clinic|team|agency|store|office|organi[sz]ation|outfit)\s+(?:of|with)\s+"
    r"(?:about |around |only |just |roughly |~)?\d+"
    r"|\d+[- ]?(?:person|people|ppl|man|employee|staff|seat|member|strong)s?\b)"
)
_VERDICT_ON_ONE = re.compile(
    rf"\b(?:would|will|does|do|is|are|could|can|might)\s+(?:an?\s+|the\s+)?{SUBJECT_NAMES}\b"
    r"(?:(?!\?).){0,30}?\b(?:suits?|fits?|work|help|right|good|overkill|too (?:much|big)|enough|"
    r"sense|worth|idea|cheaper|smarter|viable|realistic)\b"
    r"(?:(?!\?).){0,35}?(?:\b(?P<own>us|me|mine|ours|if (?:we|i)|for (?:our|my))\b"
    rf"|\blike (?:mine|ours|us)\b|{_SIZED_BUSINESS})",
    re.IGNORECASE,
)
# "does it make sense for a 250 person saas company to hand over customer support ...?"
_VERDICT_ON_OUTSOURCING = re.compile(
    r"\b(?:does|would|will|is)\s+it\s+(?:really\s+)?(?:make sense|pay off|"
    r"be (?:smart|wise|worth it)|worth it|a good idea|smart|wise)\s+for\s+"
    r"(?:(?P<own>us|me|our|my)\b|"
    rf"{_SIZED_BUSINESS})(?:(?!\?).){{0,40}}?\bto\s+(?:outsource|hand|farm|give|pass|move)\b",
    re.IGNORECASE,
)
# "should we get a call center for our webshop?", "do we even need a bpo?"
_SHOULD_WE_GET_ONE = re.compile(
    r"\b(?:(?:should|shall|could)\s+(?P<own>we|i)\s+(?:really\s+|even\s+|just\s+)?"
    r"(?:get|use|go with|go for|hire|try|consider|choose|pick|opt for|sign with|need|outsource to)"
    r"|do\s+(?:we|i)\s+(?:really\s+|even\s+)?need)"
    rf"\s+(?:an?\s+|the\s+)?{SUBJECT_NAMES}\b(?!\s+(?:or|vs|versus)\b)",
    re.IGNORECASE,
)
# "bpo vs call center for a 30 person ecommerce shop??", "do i need a bpo or just a call
# center for customer service", "what should WE do? bpo? call center?"
_CHOICE_FOR_OURS = re.compile(
    rf"{_SUBJECT}\W*(?:vs\.?|versus|or)\W*{_SUBJECT}\W*(?:for|in)\s+(?:(?P<own>us|me)\b|"
    rf"{_SIZED_BUSINESS})"
    r"|\b(?:do|would|should)\s+(?:i|we)\s+(?:really\s+|even\s+)?(?:need|want)\s+"
    rf"{_SUBJECT}\s+or\s+(?:just\s+|only\s+|rather\s+|simply\s+)?{_SUBJECT}"
    rf"|\bwhat should (?:we|i) do\b(?=.*\b{SUBJECT_NAMES}\b)",
    re.IGNORECASE,
)
# "is it overkill for us to go bpo", "is outsourcing even realistic for us"
_WORTH_IT_FOR_US = re.compile(
    r"\b(?:is|would)\s+(?:it|outsourcing)\s+(?:be\s+)?(?:even\s+|really\s+)?(?:overkill|too much|"
    r"realistic|worth it|an option|a good idea|viable|smart)\s+for\s+(?P<own>us|me)\b"
    r"(?:\s+to\s+(?:go|get|use|hire|outsource|switch)\b|(?!\s+to\b))",
    re.IGNORECASE,
)
# "just tell me what to go with"
_TELL_US_WHICH = re.compile(
    r"\btell (?:me|us) (?:what|which(?: one)?) (?:to|i should|we should) (?:go with|go for|pick|"
    r"choose|use|get)\b",
    re.IGNORECASE,
)
_FOR_SOMEONE_ELSE = re.compile(
    r"\b(?:essay|article|class|course|lecture|report|presentation|friend'?s?|exam|quiz)\b",
    re.IGNORECASE,
)
# "is there some kind of service that would answer our support line 24/7?", "is there
# someone who can just take that over", "who handles this kind of thing", "how do i get
# customer service handled by somebody else": work of the visitor's handed to someone
_ASKS_FOR_A_TAKER = re.compile(
    # "can someone take the calls for my salon", "could somebody do our books"
    r"\b(?:can|could|would) (?:some(?:one|body)(?: else)?|an? (?:outside |external )?(?:company|"
    r"service|team|firm))\s+(?:just\s+)?(?:take|handle|answer|do|run|manage|cover|pick up)\b|"
    r"\bis there (?:some(?:one|body)|an?(?: kind of| sort of)?(?: \w+)? (?:company|service|firm|"
    r"provider|partner|agency|team)|some (?:kind|sort) of (?:\w+ )?(?:company|service|firm|"
    r"provider|partner))\b[^.!?]{0,40}?\b(?:take|handle|answer|do|run|manage|look after|cover|"
    r"deal with)\b"
    r"|\bwho (?:handles|does|takes care of|deals with) (?:this|that|it|stuff like this|"
    r"this kind of (?:thing|stuff|work))\b"
    r"|\b(?:handled|done|taken care of|answered) by (?:some(?:one|body) else|an? (?:outside|"
    r"external) (?:company|team|provider))\b"
    r"|\bwhat (?:kind|type|sort) of (?:provider|partner|company|service|outfit|firm)\b"
    r"[^.!?]{0,30}?\b(?:fits?|suits?|should|do (?:i|we) need|would (?:work|help))\b"
    r"|\b(?:pick|choose|find) the right (?:kind|type|sort) of "
    r"(?:partner|provider|company|service)\b",
    re.IGNORECASE,
)
# "is bpo worth it for us, and why do companies use it"
_AND_ASKS = re.compile(
    r"\b(?:and|but|also|plus)\s+(?:why|what|how|which|where|who)\b", re.IGNORECASE
)
_WH_WORD = re.compile(r"\b(?:how|what|why|which|where|when|who)\b", re.IGNORECASE)
# "..., would a call centre help?", "..., is that a bpo", "... would that be more of a bpo
# thing or": a verdict on one of the two, last, after the visitor's business or work told of
_VERDICT_LAST = re.compile(
    r"\b(?:would|will|could|can|might|does|is)\s+(?:an?\s+|the\s+|one of those\s+)?"
    rf"{SUBJECT_NAMES}\s+(?:even\s+|really\s+|actually\s+)?(?:help|work|fit|suit|do it|"
    r"be (?:enough|worth it|a good (?:idea|fit)|right|the (?:answer|solution)|overkill))"
    r"(?:\s+(?:here|then|with (?:that|this)))?\W*$"
    r"|\b(?:is|would)\s+(?:that|this|it)(?:\s+be)?\s+(?:more\s+)?(?:of\s+)?(?:an?\s+)?"
    rf"{SUBJECT_NAMES}(?:\s+(?:thing|job|kind of thing))?(?:\s+or\b[^.?!]*)?\W*$",
    re.IGNORECASE,
)
# "and if it's mostly phone orders then which one", "a bpo for data entry makes sense?": the
# choice, or a verdict on one, for work of the two's kind
_WHICH_FOR_THE_WORK = re.compile(
    r"\bif\b(?P<work>[^.?!]{3,80}?)\b(?:then\s+)?which(?: one| of the two)?(?:\s+then)?\W*$"
    rf"|^\W*(?:(?:is|would|does)\s+)?(?:an?\s+|the\s+)?{SUBJECT_NAMES}\s+for\s+"
    r"(?P<work2>[\w\s'-]{2,40}?)\s+(?:makes? sense|a good idea|good idea|worth it|overkill|"
    r"the (?:right|best) (?:call|choice|move))\W*$",
    re.IGNORECASE,
)
_I_SAID = re.compile(r"\b(?:i|i'?m|im|my|me)\b", re.IGNORECASE)
_WE_SAID = re.compile(r"\b(?:we|we'?re|our|us)\b", re.IGNORECASE)
# ("i work at a call center, would a bpo help?": an agent)
_WORKS_THERE = re.compile(
    rf"\bwork(?:s|ing)? (?:at|in|for) (?:an?|the) {SUBJECT_NAMES}", re.IGNORECASE
)


def verdict_on_one(text: Text) -> bool:
    """The visitor asks what to do about their own business: a yes-or-no verdict on one of
    the two ("how would a bpo help us save?" asks how, not whether; "me" is no one looking
    for work), the choice between them for it, or someone to take its work of the two's
    kind ("can someone take the calls for my salon")."""
    # a job there, a study or someone else's business
    not_ours = bool(NOT_A_BUSINESS_NEED.search(text) or _FOR_SOMEONE_ELSE.search(text))
    for_the_work = _WHICH_FOR_THE_WORK.search(text)
    if not not_ours and (
        _TELL_US_WHICH.search(text)
        or _CHOICE_FOR_OURS.search(text)
        or (
            _ASKS_FOR_A_TAKER.search(text)
            and WORK_OF_THE_TWO.search(text)
            and OWN_WORD.search(text)
        )
        or (
            for_the_work
            and WORK_OF_THE_TWO.search(for_the_work.group("work") or for_the_work.group("work2"))
        )
    ):
        return True
    last = _VERDICT_LAST.search(text)
    if last and not _WH_WORD.search(text[last_sentence_start(text[: last.start()]) : last.start()]):
        told = text[: last.start()]
        # ("... is that a call centre job or a bpo job?": work of the business's, asked last,
        # is no job looked for; not "i answer phones at a clinic, is that a call center job")
        job_asked = bool(NOT_A_BUSINESS_NEED.search(text[last.start() :]))
        not_ours = bool(
            NOT_A_BUSINESS_NEED.search(told)
            or _FOR_SOMEONE_ELSE.search(text)
            or (job_asked and (_I_SAID.search(told) or not _WE_SAID.search(told)))
        )
        if (
            OWN_WORD.search(told)
            and (BUSINESS_SIGN.search(told) or WORK_OF_THE_TWO.search(told))
            and not (not_ours or LOOKING_FOR_WORK.search(told) or _WORKS_THERE.search(told))
        ):
            return True
    verdicts = (_VERDICT_ON_ONE, _VERDICT_ON_OUTSOURCING, _SHOULD_WE_GET_ONE, _WORTH_IT_FOR_US)
    for match in (m for pattern in verdicts for m in pattern.finditer(text)):
        before = text[: match.start()]
        if _WH_WORD.search(before[last_sentence_start(before) :]):
            continue
        if match.group("own") and NOT_A_BUSINESS_NEED.search(text):
            continue
        # ("... is a call center still worth it for us? what are its upsides": the upsides)
        after = text[match.end() :]
        if any(_WH_WORD.match(s) for s in sentences_of(after)[1:]) or _AND_ASKS.search(after):
            continue
        return True
    return False


# "would welcome your view on a BPO versus a call centre": the choice, however read
_VIEW_ON_CHOICE = re.compile(
    rf"\byour (?:view|opinion|thoughts|take|input)\s+on\s+{_SUBJECT}\s+(?:or|vs\.?|versus)\s",
    re.IGNORECASE,
)
# "hey, need advice. we're a small bakery chain": advice on nothing named, so on this
_ADVICE_ALONE = re.compile(
    r"\b(?:need|want|looking for|after|get|some|any)\s+(?:some\s+)?advi[cs]e\b"
    r"(?!\s+(?:on|about|for|with|regarding|re)\b)"
    # "small budget here, need help deciding": the decision itself
    r"|\b(?:need|want|some|any)\s+help\s+(?:choos|decid|pick)\w*\b(?!\s+(?:on|about|between)\b)"
    # "dry cleaner with 2 shops, need some help figuring this out"
    r"|\b(?:need|want|some|any)\s+(?:some\s+)?help\s+(?:figur|work|sort)\w*\s+(?:this|it|things)"
    r"\s+out\b"
    # "recruitment agency, want your recommendation", "what would you advise us"
    r"|\b(?:need|want|like|get|have|give me|give us|looking for)\s+(?:your|a|an|some)\s+"
    r"(?:re?c+om+[ae]?n?dations?|recos?|suggestions?)\b(?!\s+(?:on|about|for|regarding|re)\b)"
    r"|\bwhat (?:would|do|can|could|will) (?:you|u) (?:advise|advice|recommend|suggest)"
    r"(?:\s+(?:us|me))?\W*$",
    re.IGNORECASE,
)
# a business by what it is: "a tiny escape room business", "a regional bus company"
_A_BUSINESS = (
    # a trade that is a business by its name alone: "what do you recommend for a bank"
    r"(?:an? (?:[\w-]+ ){0,3}?(?:bank|hospital|law firm|pharmacy|"
    r"dental practice|insurer|airline|university|charity)|"
    r"an? (?:[\w-]+ ){1,3}?(?:company|firm|business|shop|store|practice|clinic|agency|startup|"
    r"start-up|manufacturer|brand|team|group|chain|restaurant|hotel|studio|office|reseller|"
    r"retailer|wholesaler|distributor|charity|non-?profit|school|lab|operator|provider|"
    r"bakery|brewery|factory|producer|maker|consultancy|outfit|venture|organi[sz]ation|"
    r"co|corp|ltd|llc|inc|gmbh|franchise|co-?op|cooperative|utility|university|college|"
    r"hospital|salon|gym|garage|workshop|enterprise|department|dept|forwarder|dealership|"
    r"carrier|museum|airline|(?:shipping|freight|customs|cargo|travel) agent|"
    # "can you recommend something for a packaging supplier?"
    r"supplier|installer|contractor|vendor|exporter|importer|publisher|brokerage|insurer|lender|"
    # a trade named by its people: "what would suit a local dentist?"
    r"dentist|vets?|plumber|electrician|builder|florist|pharmacy|"
    r"surgery|farm|nursery|academy|letting agent|estate agent))"
)
_DOMAIN = re.compile(
    rf"\b(?:{SUBJECT_NAMES}|cc|outsourc\w*|options?|(?:for|4) (?:us|me|our|my)|to (?:us|me)"
    # "looking for advice on who to hand work to"
    r"|(?:who|whom) to hand (?:\w+ )?(?:off |over |out )?to"
    r"|hand(?:ing)? (?:off|over|out) (?:work|tasks|jobs|things|stuff)"
    # "what do you recommend for a physio practice": for the visitor's own business
    rf"|for {_A_BUSINESS})\b",
    re.IGNORECASE,
)
_SUBJECTS = re.compile(rf"\b{_SUBJECT}\b", re.IGNORECASE)
# which of the two the visitor needs, after any story: "..., is it call centre or bpo we
# need", "do we need a call center or a bpo", "should i get a bpo or a call centre"
_WHICH_WE_NEED = re.compile(
    rf"\b(?:is it|would it be)\s+{_SUBJECT}\s+or\s+{_SUBJECT}\s+(?:that\s+)?(?:we|i)\s+"
    r"(?:need|want|should|go)\b"
    rf"|\b(?:do|would|will) (?:we|i)(?: really| even| actually)? need\s+{_SUBJECT}\s+or\s+"
    rf"{_SUBJECT}\b"
    r"|\bshould (?:we|i) (?:get|go with|go for|use|hire|choose|pick|contact)\s+"
    rf"{_SUBJECT}\s+or\s+{_SUBJECT}\b",
    re.IGNORECASE,
)
_USUALLY = re.compile(
    r"\b(?:usually|generally|typically|normally|in general|as a rule)\b", re.IGNORECASE
)
# which of some things goes with each of the two: "which view fits a BPO and which fits a
# call centre"
_EACH_ITS_OWN = re.compile(
    rf"\bwhich\b[^.?!]{{0,40}}\b(?:fits?|suits?|describes?|applies to|goes with|belongs to|"
    rf"is for|matches)\s+{_SUBJECT}\b[^.?!]{{0,20}}\band which\b",
    re.IGNORECASE,
)
# "which is better for a small company, bpo or call centre": a kind of company by its
# size alone, not the visitor's own
_SIZE_OF_A_BUSINESS = re.compile(
    r"\b(?:for|fits?|suits?|should|would) (?:an? )?(?:very |really )?"
    r"(?:small|smaller|big|bigger|large|larger|"
    r"medium|mid-?sized?|medium-sized|tiny|growing)\s+(?:compan(?:y|ies)|business(?:es)?|biz|"
    r"firms?|shops?|startups?|organi[sz]ations?)\b(?!\s+(?:like|of|with|that)\b)",
    re.IGNORECASE,
)
# "so how do i choose for my printing shop": how to choose, the rule of thumb
_HOW_TO_CHOOSE = re.compile(
    r"^\W*(?:(?:so|ok(?:ay)?|and|but|then|hmm+)\W+)*(?:how (?:do|should|can|would|could) "
    r"(?:i|we|you|u|one|a company|a business) (?:choose|decide|pick)"
    # "what should a business look at when choosing", "what factors matter when picking one
    # over the other, size? budget?"
    r"|what (?:(?:factors|things|criteria)(?:\s+\w+){0,2}?\s+(?:matter|count|are important|"
    r"(?:should|do) (?:i|we|you|u|one|a company|a business) (?:consider|look at|weigh))|should "
    r"(?:i|we|you|u|one|a company|a business|companies|businesses) (?:look at|consider|"
    r"think about|weigh(?: up)?|keep in mind)) when (?:choosing|deciding|picking)"
    # "what sort of company picks that over a call centre"
    r"|what (?:sort|kind|type|size) of (?:company|companies|business(?:es)?|firms?|org\w*) "
    r"(?:(?:would|usually|typically|normally)\s+)?(?:picks?|chooses?|go(?:es)? (?:for|with)|opts? "
    rf"for|prefers?)\s+(?:that|it|this|one|them|{_SUBJECT})"
    rf"(?:\s+(?:over|instead of|rather than)\s+(?:{_SUBJECT}|the other(?: one)?))?)"
    r"(?:\s+(?:for|between (?:the two|them|these|those|both)|which|(?:the right )?one)\b"
    r"|\W*$|\W*[,;?]\W*(?:\w+\W+){0,4}$)",
    re.IGNORECASE,
)
# "what should decide it, size? budget?": what the choice depends on, however it was read
_WHAT_DECIDES = re.compile(
    r"^\W*(?:(?:so|ok(?:ay)?|and|but|then|hmm+)\W+)*what (?:(?:should|would|does|do|will) "
    r"(?:decide|determine|settle|drive)|decides|determines|settles) (?:it|that|this|"
    r"which(?: one)?|the (?:choice|decision))"
    # (not "what should decide it, for us?": the visitor's own case)
    r"(?:\W*$|\W*[,;?]\W*(?:(?!(?:us|our|we|me|my|i)\b)\w+\W+){0,4}$)",
    re.IGNORECASE,
)
_EITHER = re.compile(r"\b(?:or|vs|versus)\b", re.IGNORECASE)
# "so is it like call center for small companies and bpo for big ones?": the rule of thumb
_SIZE = r"(?:the\s+)?(?:small|smaller|big|bigger|large|larger|mid(?:-?sized?|size)?|tiny|huge)\b"
_ONE_FOR_EACH_SIZE = re.compile(
    rf"{_SUBJECT}\s+(?:is\s+)?(?:for|suits?|fits?)\s+{_SIZE}[^.?!]{{0,40}}?"
    rf"\b(?:and|while|but|,)\s+(?:an?\s+)?{_SUBJECT}\s+(?:is\s+)?(?:for|suits?|fits?)\s+{_SIZE}",
    re.IGNORECASE,
)
# "should a big company go with a bpo?", "so is it the better pick for smaller companies?":
# which one goes with a size, the rule of thumb
_FITS_A_SIZE = re.compile(
    rf"\bshould\s+(?:an?\s+)?{_SIZE}\s+(?:compan(?:y|ies)|business(?:es)?|firms?|orgs?)\s+"
    rf"(?:go with|go for|use|pick|choose|get|hire|opt for)\s+{_SUBJECT}\b"
    rf"|\b(?:is|would)\s+(?:it|that|this|an?\s+{SUBJECT_NAMES}|the\s+{SUBJECT_NAMES}|cc)\s+"
    r"(?:be\s+)?(?:the\s+|a\s+)?(?:better|right|best|smarter|good)\s+(?:pick|choice|option|bet|fit)"
    rf"\s+for\s+(?:an?\s+)?{_SIZE}\s*(?:compan(?:y|ies)|business(?:es)?|firms?|shops?|ones)\b"
    # "which one is cheaper for a small company"
    r"|\bwhich(?: one| of (?:the two|them))?\s+(?:is|would be|'s)\s+(?:cheaper|more affordable|"
    r"better value|less expensive)\s+for\s+(?:an?\s+)?"
    rf"{_SIZE}[\s-]*(?:sized?\s+)?(?:compan(?:y|ies)|business(?:es)?|firms?|shops?|teams?|ones)\b"
    # "which usually suits big companies", "which one fits smaller firms best"
    r"|^\W*(?:(?:and|so|ok|but)\W+)?which(?: one| of (?:the two|them))?\s+(?:\w+ly\s+)?"
    r"(?:suits|fits|works (?:best |better )?for|is (?:best|better|right|meant) for)\s+"
    rf"(?:an?\s+)?{_SIZE}[\s-]*(?:sized?\s+)?(?:compan(?:y|ies)|business(?:es)?|firms?|shops?|"
    r"teams?|ones)\b(?:\s+(?:best|better|most))?\W*$"
    # "is that overkill for a mid sized company"
    rf"|\b(?:is|would)\s+(?:it|that|this|an?\s+{SUBJECT_NAMES}|the\s+{SUBJECT_NAMES}|cc)\s+"
    r"(?:be\s+)?(?:overkill|too (?:much|big|expensive)|worth it|enough)\s+for\s+(?:an?\s+)?"
    rf"{_SIZE}[\s-]*(?:sized?\s+)?(?:compan(?:y|ies)|business(?:es)?|firms?|shops?|teams?|ones)\b",
    re.IGNORECASE,
)


def fits_a_size(text: Text) -> bool:
    """Which one goes with a size of company asked, of the two and nothing else ("is it
    worth it for a small business to form an llc", "which one is cheaper for a small
    company, llc or sole proprietorship" ask of other things)."""
    found = _FITS_A_SIZE.search(text)
    if not found or re.match(r"\s+to\s+\w", text[found.end() :]):
        return False
    return bool(_SUBJECTS.search(text)) or not _EITHER.search(text)


# "hey, deciding between the two": what the choice depends on (as "choosing between bpo
# and call center")
_BETWEEN_THE_TWO = re.compile(
    r"^\W*(?:(?:hi|hey|hello|so|ok|okay|well)\W+)*(?:(?:i'?m|we'?re|i am|we are|im)\s+)?"
    r"(?:deciding|choosing|torn|trying to (?:decide|choose|pick))\s+between\s+"
    r"(?:the two|the 2|them|both|these two|those two|the two of them)\W*$",
    re.IGNORECASE,
)
# "not asking for my own company, just curious: how do businesses pick ...": companies in
# general, though "my" is said
_NOT_OWN = re.compile(
    r"\bnot (?:asking |looking )?(?:for|about) (?:my|our) (?:own )?(?:company|business|firm|case)\b"
    # "... Not for a decision, I just want to understand it before a meeting."
    r"|\bnot for (?:a|any|our|my) (?:decision|purchase|project|company)\b"
    # "... need list for essay": for schoolwork
    # (not "for our university", "for a language school": organisations of their own)
    # (nor "for my yoga class business")
    r"|\bfor (?:my |an? |the )?(?:\w+ )?(?:essay|homework|assignment|thesis|dissertation|"
    r"coursework)\b",
    re.IGNORECASE,
)


# a short answer asked to pass on to someone: "one line for my boss", "a sentence for my
# director's email"
_TO_PASS_ON = re.compile(
    r"\b(?:(?:in )?(?:one|1|a single)[- ](?:line|sentence|liner)|in a sentence|short version|"
    r"tl;?dr|in a nutshell|one[- ]liner)\b[^?.!]{0,60}?\bfor (?:my|our|the) (?:boss|manager|"
    r"director|ceo|cfo|coo|supervisor|team ?lead|lecturer|teacher|professor|e-?mail|slides?|deck|"
    r"memo)\b",
    re.IGNORECASE,
)


# a claim heard somewhere, checked: "someone told me bpo is always the better choice.
# true?", "is it true call centers only take incoming calls?" (no choice of the visitor's
# own: "we were told we need a bpo, right?" names their company)
_CLAIM_CHECKED = re.compile(
    r"\b(?:is (?:it|that|this) (?:really |actually )?(?:true|right|correct|so|a myth)|"
    r"true or (?:false|not)|(?:fact|truth) or (?:myth|fiction)|myth or (?:fact|truth))\b"
    r"|\b(?:true|right|correct|accurate|legit)\s*\?+\W*$",
    re.IGNORECASE,
)
_HEARSAY = re.compile(
    r"\b(?:says?|said|told|tells|heard|hear|read|claims?|claimed|thinks?|thought|swears?|"
    r"apparently|supposedly|rumou?rs?|myths?|is it true)\b",
    re.IGNORECASE,
)
# ... of the visitor's own company or need: "i think i need a bpo, right?", "my accountant
# said i should use one for my salon, is that right?"
_OWN_CASE = re.compile(
    r"\b(?:we|we'?re|we'?ve|us|our|ours)\b|\bi (?:need|should|want|have to|must|run|own)\b"
    r"|\bfor me\b|\bmy (?:own )?(?:[\w-]+ )?(?:company|business|firm|shop|store|bakery|salon|"
    r"clinic|practice|restaurant|team|staff|startup|start-up|agency|office|cafe|hotel)\b",
    re.IGNORECASE,
)


def checks_a_claim(text: Text) -> bool:
    """The visitor checks what they heard of the two, not what suits their company."""
    return bool(
        _CLAIM_CHECKED.search(text) and _HEARSAY.search(text) and not _OWN_CASE.search(text)
    )


def not_own(text: Text) -> bool:
    """The visitor says the question is not about their own company ("just curious" is
    no such word: "just wondering, which setup suits a 60-person logistics firm?")."""
    return bool(_NOT_OWN.search(text))


_VERSUS = re.compile(r"\b(?:vs|versus)\b", re.IGNORECASE)
_OUTSOURCING = re.compile(r"\boutsourc\w*", re.IGNORECASE)
# "what fits a regional bus company", "advice for a software reseller": the visitor's own
# ... and "which should a berlin-based saas company choose?"
_FOR_A_BUSINESS = re.compile(
    rf"\b(?:for|fits?|suits?) (?:{_A_BUSINESS}|an? funeral (?:director|home|parlou?r)s?)\b"
    rf"|\b(?:should|would) {_A_BUSINESS} (?:choose|pick|use|go (?:with|for)|get|opt for)\b",
    re.IGNORECASE,
)
# "bpo or call center?", "hey, a call centre or a bpo for us?", "bpo or cc quick", "bpo vs
# cc, which one", also as the last sentence after facts; a bare "bpo vs call center" asks
# for the difference
_OPENER = (
    r"(?:(?:(?:hey|hi|hello|hiya)(?: there| all)?|good (?:morning|afternoon|evening)|ok|okay|"
    r"so|well|quick q\w*)\b\W*)*"
)
_FILLER = (
    r"(?:\W*\b(?:which(?: one)?|(?:for|4) (?:us|me)|for (?:my|our|an?) \w+(?: \w+){0,2}|"
    r"quick(?:ly)?|pls|please|plz|help|then|now|here)\b)*"
)
BARE_CHOICE = re.compile(
    rf"(?:^|[.!?]\s+)\W*{_OPENER}{_SUBJECT}\s+(?:(?:or|ya)\s+{_SUBJECT}{_FILLER}"
    rf"|(?:vs\.?|versus)\s+{_SUBJECT}"
    r"(?:\W*(?:which(?: one)?|(?:for|4) (?:us|me)|for (?:my|our|an?) \w+(?: \w+){0,2}))+)"
    # "bpo ya call center? we install solar panels": the choice, then who asks
    r"(?:\W*$|\W*[.!?]\s*(?:we|we'?re|i|i'?m|our|my)\b[^?]*$"
    # "ok so bpo or call center, what do u think"
    r"|\W*[,;]?\s*(?:(?:so|well)\s+)?(?:what do (?:you|u|ya) (?:think|reckon|say|suggest|recommend)"
    r"|which (?:one|is it)|thoughts|your (?:call|pick|take|verdict|opinion))\W*$"
    # "call center or bpo for a car dealership group, budget is flexible"
    # ("bpo or call center, cost difference" asks the difference)
    r"|\W*[,;]\s*(?:(?:our|the|my)\s+)?(?:budget|money|costs?(?!\s+(?:difference|comparison))|"
    r"size|we'?re \d|"
    r"\d+\s+(?:people|staff|employees|ppl))[^?]*$)",
    re.IGNORECASE,
)

# "what should a global shipping firm with 20k employees choose for customer service when
# the budget is a shoestring?": a company of the visitor's making, told with the form's facts
_WHAT_SHOULD_ONE_CHOOSE = re.compile(
    r"\b(?:what|which(?: one)?)\s+(?:should|would|could)\s+(?:an?|the|one)\s+"
    rf"(?!{SUBJECT_NAMES})[^?]{{0,100}}?\b(?:choose|pick|go (?:for|with)|opt for)\b",
    re.IGNORECASE,
)
_IS_ONE_AT = re.compile(
    rf"\b(?:i'?m|i am|im)\s+(?:an?\s+)?(?:[\w-]+\s+){{0,3}}(?:at|in|for)\s+(?:an?|the)\s+"
    rf"{SUBJECT_NAMES}",
    re.IGNORECASE,
)
# the fewest of the form's facts that make such a company a case to recommend for
_FACTS_OF_A_CASE = 2

# "which one? we run an ecommerce marketplace, 2,400 employees ...", "advice pls - we're a
# furniture retailer with stores in 6 cities": the choice asked first, then the company
_ASKED_THEN_STORY = re.compile(
    rf"^\W*{_OPENER}(?:which one|which (?:is|would be) (?:better|best|right)|"
    r"help (?:me |us )?(?:pick|choose|decide)|(?:need |some |any )?advi[cs]e(?: (?:pls|please|plz|"
    r"needed|wanted))?|(?:a )?re?c+om+[ae]?n?dation (?:pls|please|plz|needed|wanted)|"
    r"what (?:do|would) (?:you|u) (?:recommend|suggest))\s*[?!.:,;-]+\s*(?:(?:so|ok|well)\W+)?"
    r"(?:we|we'?re|we are|i|i'?m|i am|our|my)\b",
    re.IGNORECASE,
)

# "we're a car dealership with 35 staff, bpo or call center for following up sales leads
# by phone?": the choice, after what the company is
_OWN_THEN_CHOICE = re.compile(
    rf"(?:\b(?:we|we'?re|our|i'?m|i am|my)\b"
    # "bookshop owner here, call centre or bpo?"
    rf"|{BUSINESS_HERE.pattern}"
    # "print shop, 18 people. call centre or bpo to answer calls about their print jobs?"
    r"|\b\d+\s+(?:people|staff|employees|ppl|of us)\b)"
    rf"[^?]*[,;:.!]\s*{_SUBJECT}\s+(?:or|vs\.?|versus)\s+"
    rf"{_SUBJECT}(?:\s+(?:for|to)\s+[^?.!]*)?\W*$",
    re.IGNORECASE,
)


# where a last clause that asks begins ("..., so what would you do"), and how it may end
# ("... they swallow our evenings 😩 would it be daft to ...": an emoji ends a sentence too)
_ASK_START = (
    r"(?:^|[^\w\s'’\"]\s*|\b(?:so|and|but)\s+)\W*(?:(?:so|and|but|then|ok|okay|anyway)\W+)*"
)
_ASK_END = r"(?:\s+(?:pls|please|plz|then|here|now))?\W*$"
# "we resell fibre internet ..., support is swamping the team. what would you go with?":
# the visitor's company first, then a last clause that asks for an opinion on what to do
_OPINION_ASKED = re.compile(
    # "I'd like your view on outsourcing"
    _ASK_START
    + r"(?:(?:i|we)(?:'d| would) (?:like|love|welcome|appreciate)\s+|(?:give|tell) (?:me|us)\s+)?"
    r"(?:what do (?:you|u|ya) (?:think|reckon|suggest|recommend|advise)"
    r"|what would (?:you|u) (?:go (?:with|for)|do|pick|choose|suggest|recommend|advise)"
    r"|what(?:'s| is) your (?:take|view|opinion|advice|recommendation|suggestion|verdict)"
    # "... I'd like your view on outsourcing"
    r"|your (?:take|thoughts|opinion|view|verdict|advice)(?: on (?:outsourcing|this|that|it))?"
    r"|thoughts|any (?:ideas|thoughts|suggestions)"
    r"|which (?:one|option|type|kind|model|way|route|path|service|of (?:the two|them|these|those)|"
    r"(?:provider|partner|company)(?: type)?)"
    # "..., which option is good" (not "which one is best": asked of companies in general
    # as often as of the visitor's own; not "... for me": a job seeker's)
    r"(?:\s+(?:is|would be|'s)(?:\s+good)?(?:\s+(?:for|4)\s+us)?)?"
    r"|what (?:is|'s|would be) (?:better|best|right)(?: for (?:us|me|(?:our|my) \w+))?"
    r"|(?:can|could) (?:you|u) (?:recommend|suggest|advise)(?: (?:something|anything|one|us|me))?"
    r"|recommend (?:something|anything|one)"
    # "scaffolding firm, need to outsource some work, what type of company"
    r"|what (?:type|kind|sort)(?: of (?:outsourcing|service|company|provider|partner|firm|"
    r"outsourcer|help))?"
    r"|what (?:model|option|setup|solution|route)"
    # "... want outside partner, what type is good?"
    r"|what (?:type|kind|sort)(?: of \w+)? (?:is|would be|'s) (?:good|best|right|better)"
    r"(?: for (?:us|me))?"
    r"|what should (?:we|i) (?:do|go (?:for|4|with)|get|use|choose|pick)"
    # "we have a falconry centre. what do u think we need"
    r"|what do (?:you|u|ya) think (?:we|i) (?:need|should (?:do|get|use|go for))"
    # "small music school. hate paperwork. what do i need"
    r"|what do (?:we|i) need"
    r"|where (?:do|should) (?:we|i) (?:even )?(?:start|begin))" + _ASK_END,
    re.IGNORECASE,
)
# "..., would it make sense to hand that off?", "worth outsourcing the phones?", "outsource
# it or not?", "keep in house or outsource?", "what now?": advice on handing the visitor's
# own work over, asked after its story (not "would it make sense to apply?", "worth
# getting a website?": a job, or something else to buy)
_HANDING = (
    r"(?:outsourc\w*|hand(?:ing)? (?:\w+ )?(?:off|over|out)|farm(?:ing)? (?:\w+ )?out|"
    r"(?:get|getting|pay|paying|use|using|hire|hiring) (?:someone|somebody|some(?:one|body) else|"
    r"an? (?:outside|external|third[- ]party) \w+|outside help|a company|a service|an agency)"
    r"(?: to (?:handle|do|take|answer|run|manage|deal with|pick up|cover)\b[^.?!]{0,40})?)"
)
_OWN_CASE_ASKED = re.compile(
    _ASK_START + r"(?:"
    r"(?:would|does|will) (?:it|that|this) (?:make sense|be (?:worth it|sensible|smart|wise|"
    rf"daft|silly|overkill|a good idea))(?: to {_HANDING}[^.?!]{{0,40}})?"
    rf"|(?:is (?:it|that|this) )?worth (?:it|{_HANDING}[^.?!]{{0,40}})"
    r"|(?:outsource|hand (?:it|that|this|them) (?:off|over))(?: (?:it|that|this|them))? or (?:not|"
    r"keep (?:it|them) in[- ]?house|do it ourselves)"
    r"|keep (?:it |this |that |them )?in[- ]?house or (?:outsource|hand (?:it )?(?:off|over))"
    r"|what now|what(?:'s| is) the (?:smart|best|right|sensible) (?:move|step|thing to do)"
    r"|point (?:me|us) in the right direction"
    # "... Do I need some sort of answering service or is that overkill?", "would an outside
    # answering service be sensible for a body this small?"
    r"|(?:do|would|will) (?:i|we) (?:really |even |actually )?need (?:some (?:sort|kind) of |an? |"
    r"any |some )?(?:outside |external |outsourced )?(?:answering|phone|call|admin|back[- ]office|"
    r"support|outsourcing) (?:service|help|provider|partner|team|company|firm)s?"
    r"(?: or (?:is (?:that|it) )?(?:overkill|not|too much))?"
    r"|would (?:an? |some )?(?:outside|external|outsourced) (?:(?:answering|phone|call|admin|"
    r"support|back[- ]office) )?(?:service|provider|partner|"
    r"team|company|firm|help) be (?:sensible|worth it|smart|wise|a good idea|overkill|right)"
    r"(?: for [^.?!]{0,40})?"
    # "we run a bakery, define bpo for me and tell me if we need one"
    r"|(?:tell|let) (?:me|us)(?: know)? (?:if|whether) (?:we|i) (?:need|should (?:get|use|have)) "
    r"(?:one|it|them|that|either)"
    rf"|(?:should|do) (?:i|we) {_HANDING}"
    r"|(?:should|do) (?:i|we) (?:get|hire|use|look at) (?:an? )?(?:outside|external) "
    r"(?:team|partner|compan(?:y|ies)|firms?|help|support)"
    r"(?: (?:for|with) (?:that|this|it|them|those))?"
    r")" + _ASK_END,
    re.IGNORECASE,
)
# "can you recommend one? we're a bank in Accra", "advise pls, we're a tax consultancy",
# "we're a mobile network reseller, help me pick": advice on nothing else, beside what the
# company is
_BARE_ADVICE = re.compile(
    r"\b(?:re?c+om+[ae]?n?d|advi[cs]e|suggest)\w*(?=\s*(?:one|something|anything|a model|"
    r"an option|a setup|pls|please|plz|me|us)?\s*(?:[,.!?;]|$))"
    r"|\bhelp (?:me|us) (?:pick|choose|decide)(?=\s*(?:pls|please|plz)?\s*(?:[,.!?;]|$))",
    re.IGNORECASE,
)


# "we're a pet insurer weighing up a bpo against a call centre", "repair shop, trying to
# figure out bpo vs call centre": the visitor's own choice between the two
_WEIGHING = re.compile(
    r"\b(?:weigh\w*(?:\s+up)?|figur\w*\s+out|work\w*\s+out|decid\w*|choos\w*)"
    r"\s+(?:(?:if|whether|which)\s+)?(?:(?:we|i)\s+(?:want|need|should (?:get|use|go with))\s+)?"
    rf"{_SUBJECT}\s+(?:or|vs\.?|versus|against|and|with)\s+{_SUBJECT}\b",
    re.IGNORECASE,
)
# ... weighed by the visitor ("we're a pet insurer weighing up ..."; not "i wonder how
# firms choose a bpo or call centre")
_WEIGHING_OWN = re.compile(
    r"\b(?:we|we'?re|we are|i'?m|i am|im)\b(?:(?!\b(?:how|firms|companies|businesses|a company|"
    r"one)\b).){0,60}?\b(?:weigh|figur|work|decid|choos)",
    re.IGNORECASE,
)


# "need ppl to call our lapsed gym members ..., bpo or cc which one?", "... for a winery
# like ours is it bpo or call centre?", "... would a bpo or a call center help?": the
# choice between the two, in the last clause, after the visitor's company told of
_CHOICE_CLAUSE = re.compile(
    # ("is this bpo thing or call center thing")
    rf"(?:^|[.!?;:,]\s*|\s-+\s)([^.!?;:,]*\b{_SUBJECT}(?:\s+(?:thing|one|option|route|model))?"
    rf"\s+(?:or|ya|vs\.?|versus)\s+{_SUBJECT}"
    r"[^.!?;:,]*)[\s.!?]*$",
    re.IGNORECASE,
)
# ... asking nothing else about them (what they are, how they differ, cost, jobs ...)
# "... our admin + paperwork is a total mess. bpo? call center?": the two asked one by one
_EACH_ASKED = re.compile(
    rf"(?:^|[.!;:,]\s*)((?:so\s+)?{_SUBJECT}\s*\?+\s*(?:or\s+)?{_SUBJECT})[\s.!?]*$",
    re.IGNORECASE,
)
_ASKS_ABOUT_THEM = re.compile(
    r"\b(?:differ\w*|between|same|similar\w*|alike|compar\w*|mean\w*|stands? for|defin\w*|"
    r"what(?:'s| is| are)|whats|explain|advantages?|benefits?|pros|cons|jobs?|careers?|"
    r"salar\w*|pay|work(?:ing)? (?:at|in|for)|industr\w*|countr\w*|locat\w*|where|future|"
    r"trends?|tech\w*|tools?|software|ai|automat\w*|structure\w*|channels?|services?|offer|"
    r"how|cost\w*|price\w*|cheap\w*|expensive|history|apply|join|interview\w*|hired?|"
    r"student|graduate|fresher)\b",
    re.IGNORECASE,
)


# which one, asked after a knowledge question: "and which one do we want", "and would it
# suit us", "trying to work out which way to go"
_CHOICE_AFTER = re.compile(
    r"\bwhich\b(?:\s+(?:one|option|model|of (?:them|the two|these|those)))?"
    # (a verb next, not a thing: "which roles suit me", "which countries are best")
    r"(?=\s+(?:do|does|would|should|will|is|fits?|suits?|helps?)\b)(?:\s+[\w']+){0,4}?\s+"
    r"(?:need|needs|want|pick|choose|go (?:for|with)|use|suits?|fits?|better|best|help|helps|"
    r"recommend|suggest)\b"
    r"|\bwould (?:it|one|that|either|an?\s+(?:bpo|call cent\w+))\s+(?:really\s+)?(?:suit|fit|"
    r"work for|help|be (?:right|good|better|worth it) for)\b"
    r"|\bwhich way to go\b|\bwhat (?:to|should (?:we|i)) (?:pick|choose|go for|go with)\b",
    re.IGNORECASE,
)
# ... for a business the visitor names ("which would help a magazine publisher")
_A_BUSINESS_TOLD = re.compile(
    r"\b(?:for|help|suit|need|with|would)\s+(?:an?|my|our)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:group|company|firm|business|publisher|chain|shop|store|practice|clinic|school|salons?|"
    r"startup|agency|restaurant|hotel|nurser(?:y|ies))\b",
    re.IGNORECASE,
)
# ... of someone else's company, or of one in a piece of work: "would it suit my client",
# "my uncle's restaurant", "the company i'm writing my thesis about", "our competitors"
_SOMEONE_ELSES = re.compile(
    r"\b(?:suits?|fits?|for|help|helps|need|needs)\s+(?:my|our)\s+(?:\w+\s+)?(?:clients?|customers?|"
    r"uncle|aunt|friends?|mom|mum|dad|father|son|daughter|husband|wife|kids?|"
    r"mother|brother|sister|cousin|parents|neighbou?r|competitors?|rivals?|class|course|"
    r"teacher|professor|lecturer)\b"
    r"|\b(?!(?:it|that|there|what|who|he|she|here|one)'s)\w+'s\s+(?:\w+\s+)?"
    r"(?:company|business|shop|restaurant|firm|store|startup|salon)\b"
    r"|\b(?:thesis|dissertation|case study|homework|assignment|(?:school|class|course|uni) "
    r"project|essay|presentation|coursework)\b",
    re.IGNORECASE,
)
# set on a request that asks a knowledge question first: its answer is given first
ANSWER_FIRST = "answer_first"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ChoiceQuestion(StatelessComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            # words that make the question about the visitor's own company
            # (a business named after "for", "fits", "suits": _FOR_A_BUSINESS)
            "own": ["we", "we'?re", "us", "our", "ours", "i", "i'?m", "me", "my", "mine",
                    # "travel agency here, need some guidance", "cleaning company owner"
                    "(?:company|firm|business|shop|store|practice|clinic|agency|startup|chain|"
                    "group|school|restaurant|hotel|manufacturer|brand) (?:here|owner)"],
            # words that make it about companies in general
            "general": ["in general", "generally", "usually", "typically", "normally",
                        "companies", "businesses", "firms", "organi[sz]ations", "kinds? of",
                        "types? of", "sizes? of", "big ones", "small ones", "rule of thumb",
                        # "what should decide which one a firm goes with"; a firm described
                        # ("a regional bus company") is the visitor's own
                        "(?<!for )(?:an?|any) (?:company|firm|business|organi[sz]ation)"
                        "(?! (?:like|of|with|that|our|my))"],
            # a question about working there is the careers answer's
            # ("which would work for a pet food business" asks what suits it)
            # ("i work in the finance department of a hospital group" is who asks)
            "careers": ["(?<!would )(?<!will )(?<!might )(?<!could )(?<!i )(?<!we )"
                        "work(?:ing)? (?:at|for|in)",
                        "jobs?", "careers?", "salary", "apply",
                        "employer", "students?", "graduates?", "freshers?"],
            # intents a choice question overrules; a knowledge intent only when the
            # question is about the visitor's own company or is the bare choice
            "overruled": ["out_of_scope", "nlu_fallback", "inform", "follow_up", "help",
                          "greet"],
            # intents that a story of the visitor's own business and need overrules
            "told_of_own": ["out_of_scope", "nlu_fallback", "inform", "greet", "follow_up"],
            "knowledge": ["definition", "difference", "benefits", "services", "choosing",
                          "trends"],
            "recommendation": "request_recommendation",
            # a visitor looking for work there asks about the jobs (see `job_seeker`)
            "job_seeker": "follow_up",
            # a short version of the answer before, to pass on
            "follow_up": "follow_up",
            "explanation": "explain_recommendation",
            # a reading this unsure is overruled too (NLU's fallback threshold comes later)
            "unsure_below": 0.55,
            # a knowledge question's reading this unsure of a story that asks nothing is
            # overruled by the business told of
            "told_below": 0.7,
            "general_topic": "choosing/overview",
            "confidence": 0.9,
        }  # fmt: skip

    @functools.cached_property
    def patterns(self) -> Dict[Text, Pattern]:
        return {k: word_pattern(self.config[k]) for k in ("own", "general", "careers")}

    @staticmethod
    def story_then_opinion(text: Text) -> bool:
        """The company told of, then what would the assistant do ("..., what do u think?")."""
        asked = _OPINION_ASKED.search(text)
        if asked and (
            business_first(text)
            or (
                BUSINESS_HERE.search(text)
                and (BUSINESS_SIGN.search(text) or _OUTSOURCING.search(text))
            )
        ):
            return not NOT_A_BUSINESS_NEED.search(text)  # "events caterer here, ... which one"
        if not BUSINESS_SIGN.search(text):
            return False
        if asked and OWN_STORY.search(text[: asked.start()]):
            return True
        own_case = _OWN_CASE_ASKED.search(text)
        if (
            own_case
            and OWN_STORY.search(text[: own_case.start()])
            and WORK_OF_OURS.search(text)
            and not (LOOKING_FOR_WORK.search(text) or JOB_SEEKER.search(text))
        ):
            return True
        return bool(_BARE_ADVICE.search(text) and OWN_STORY.search(text))

    @staticmethod
    def story_then_choice(text: Text) -> bool:
        """The company told of, then the choice between the two asked with nothing else
        ("..., bpo or call centre for that?")."""
        clause = _CHOICE_CLAUSE.search(text) or _EACH_ASKED.search(text)
        if not clause:
            return False
        # the sentence the choice ends ("what is the difference, bpo or call center?")
        before = text[: clause.start(1)]
        sentence = before[last_sentence_start(before) :] + clause.group(1)
        if _ASKS_ABOUT_THEM.search(sentence) or _USUALLY.search(sentence):
            # ("..., generally speaking, what should a business weigh up when deciding
            # whether a call centre or a BPO is the right fit": any business's choice)
            return False
        if business_first(text) or BUSINESS_HERE.search(text):
            # "florist here 💐 call centre or bpo?"
            return not NOT_A_BUSINESS_NEED.search(text)
        return bool(OWN_WORD.search(text) and BUSINESS_SIGN.search(text))

    @staticmethod
    def own_need(message: Message) -> bool:
        """The visitor's business told of, with work it wants handed over or cannot keep
        up with, or alone; nothing asked."""
        text = message.get(TEXT) or ""
        if "?" in text or not BUSINESS_SIGN.search(text) or LAW.search(text):
            return False
        if NOT_A_BUSINESS_NEED.search(text) or _SUBJECTS.search(text):
            return False
        if any(
            e.get("entity") == "budget"
            and not e.get("role")
            # (not a guess of the whole message: "hey so we're a hot air balloon ride company")
            and (e.get("confidence") or 1.0) >= 0.7
            for e in message.get(ENTITIES) or []
        ):
            return False  # "we're a small charity, so not much": the budget's answer
        if introduces_itself(text):
            return True
        sized = any(
            e.get("entity") == "company_size" and not e.get("role")
            for e in message.get(ENTITIES) or []
        )
        if (
            TELLS_WHAT_IT_DOES.match(text)
            and not ASKING.search(text)
            and not EMPLOYEE.search(text)
            and not STORY_OF_ANOTHER_KIND.search(text)
            and not SIZE_ALONE.match(text)
            and (sized or OWN_NEED.search(text) or WANTS_DONE.search(text))
        ):
            return True
        # (imported here: form_answers reads BARE_CHOICE from this module)
        from bot.nlp.form_answers import clauses, names_a_kind_of_business

        said = clauses(text)
        first = text[slice(*said[0])] if said else ""
        stated = any(
            e.get("entity") == "outsourced_function" and not e.get("role")
            for e in message.get(ENTITIES) or []
        )
        need = (
            OWN_NEED.search(text)
            or (HANDING_OVER.search(text) and WORK_OF_THE_TWO.search(text))
            or (stated and WANTS_DONE.search(text))
            # "our bakery needs someone to take the phone orders"
            or (
                stated
                and NEEDS.search(text)
                and WORK_OF_OURS.search(text)
                and OUR_BUSINESS.search(text)
                # (not a question the classifier is sure is of another field)
                and not (
                    (message.get(INTENT) or {}).get("name") == "out_of_scope"
                    and ASKING.search(text)
                )
            )
        )
        return bool(need) and bool(
            OWN_STORY.search(text)
            or OUR_BUSINESS.search(text)
            or BUSINESS_HERE.search(text)
            or names_a_kind_of_business(first)
            # "hair salons x3, ...", "dry cleaner with 2 shops, ..."
            or (len(first.split()) <= 5 and names_a_business(first))
        )

    def own_choice(self, text: Text) -> bool:
        """ "we need to choose between bpo and call centre", asking nothing else about them
        ("... what are the differences?") and not about a job there."""
        choice = _OWN_CHOICE.search(text)
        if not choice and (business_first(text) or _WEIGHING_OWN.search(text)):
            choice = _WEIGHING.search(text)  # "we're a pet insurer weighing up a bpo against ..."
        if not choice or self.patterns["careers"].search(text) or NOT_A_BUSINESS_NEED.search(text):
            return False
        if re.match(r"^\W*(?:hi|hey|hello|hiya)\W*(?:choos|decid|torn)", text, re.IGNORECASE):
            return False  # "hi, choosing between bpo and call center": the rule of thumb
        rest = text[: choice.start()] + text[choice.end() :]
        return "?" not in text or not _ASKS_ABOUT_THEM.search(rest)

    def reading(self, message: Message) -> Text:
        """The recommendation, the rule of thumb, or '' (neither)."""
        text = message.get(TEXT) or ""
        if asks_how_they_relate(message) or message.get(CAPABILITY_ASKED):
            # whatever the story before ("we already use a bpo for payroll ..."; "can an
            # outside firm do our bookkeeping ...?")
            return ""
        if (
            BARE_CHOICE.search(text)
            or BARE_CHOICE.search(named_plainly(message))
            or _VIEW_ON_CHOICE.search(text)
            or (
                _OWN_THEN_CHOICE.search(named_plainly(message))
                and not NOT_A_BUSINESS_NEED.search(text)
            )
            or _WHICH_FITS_A.search(text)
            or _WHAT_SHOULD_A_BUSINESS_DO.search(text)
            or verdict_on_one(text)
            or _HELP_WITH_OUTSOURCING.search(text)
            or _OWN_NEEDS_HELP.search(text)
            or self.own_choice(text)
            or (_DECIDING.search(text) and ("?" not in text or _ADVICE_ASKED.search(text)))
            or own_decision_between(text)
            or (
                _WHICH_WE_NEED.search(named_plainly(message))
                # ("should i choose a bpo or a call center as a career": the jobs)
                and not self.patterns["careers"].search(text)
                and not self.job_seeker(text)
            )
            or trade_then_which(text)
            or self.story_then_opinion(text)
            or self.story_then_choice(text)
            or (
                _ASKED_THEN_STORY.search(text)
                and BUSINESS_SIGN.search(text)
                # ("which one? i'm a team lead at a call center and ...": who works there)
                and not _WORKS_THERE.search(text)
                and not _IS_ONE_AT.search(text)
                and not NOT_A_BUSINESS_NEED.search(text)
                and not self.job_seeker(text)
            )
            # "i wanna stop answering customer complaints myself" (read as "stop", too)
            or (
                HANDING_OVER.search(text)
                and WORK_OF_THE_TWO.search(text)
                and OWN_WORD.search(text)
                and not NOT_A_BUSINESS_NEED.search(text)
            )
        ):
            return self.config["recommendation"]
        intent = (message.get(INTENT) or {}).get("name")
        # (a knowledge question's reading of a story that asks nothing: "hey! our escape
        # room chain is growing fast and i need to hand stuff over" read as the trends)
        told = intent in self.config["told_of_own"] or (
            intent in self.config["knowledge"]
            and (message.get(INTENT) or {}).get("confidence", 1.0) < self.config["told_below"]
            and not ASKING.search(text)
        )
        if told and self.own_need(message):
            return self.config["recommendation"]
        if _BETWEEN_THE_TWO.match(text) and intent in self.config["overruled"]:
            return self.config["general_topic"]
        if _ONE_FOR_EACH_SIZE.search(text) and (
            intent in self.config["overruled"] or intent in self.config["knowledge"]
        ):
            return self.config["general_topic"]
        # ("is that overkill for a mid sized company?" read as "why": the reasons of a
        # recommendation given, else the rule of thumb; actions/recommend.py)
        if fits_a_size(text) and (
            intent in self.config["overruled"] or intent in self.config["knowledge"]
        ):
            return self.config["general_topic"]
        if _WHAT_DECIDES.search(text):
            return self.config["general_topic"]
        if _HOW_TO_CHOOSE.search(text) and (
            intent in self.config["overruled"]
            or intent in self.config["knowledge"]
            # ("what factors matter when picking one over the other" reads like "why that one")
            or intent == self.config["explanation"]
        ):
            return self.config["general_topic"]
        # "which is usually better for a small business": a business in general
        usually = _USUALLY.search(text)
        # ... or for a company of some size, asked without a word of advice
        of_a_size = _SIZE_OF_A_BUSINESS.search(text) and not asks_advice(text)
        own = (self.patterns["own"].search(text) and not not_own(text)) or (
            _FOR_A_BUSINESS.search(text) and not (usually or of_a_size)
        )
        asked = text[last_sentence_start(text) :]
        if (
            own
            and _USUALLY.search(asked)
            and self.patterns["general"].search(_USUALLY.sub("", asked))
        ):
            # "we run 3 dental clinics. in general, how should a company decide ...": the
            # question asked of any business, after the visitor's own is told of
            own = None
        if _WHAT_SHOULD_ONE_CHOOSE.search(text) and self.facts_told(message) >= _FACTS_OF_A_CASE:
            return self.config["recommendation"]
        partner = _A_PARTNER_ASKED.search(text)
        own = own or partner
        if (self.patterns["general"].search(text) or of_a_size) and not own:
            # "whats better for a small shop" reads as nothing the classifier knows
            # ("llc or sole proprietorship, which is better for a small shop": other things)
            chosen = intent == self.config["recommendation"] or (
                of_a_size
                and intent in self.config["overruled"]
                and _CHOICE.search(text)
                and (_SUBJECTS.search(text) or not _EITHER.search(text))
            )
            return self.config["general_topic"] if chosen else ""
        if _WHICH_CLAIM.search(text) and not both_named(text):
            return ""
        if _VERSUS.search(text) and not _SUBJECTS.search(text):
            return ""  # "imax vs 4dx, which is better": a choice between other things
        advice = asks_advice(text) and (
            _DOMAIN.search(text) or len(text.split()) <= 3 or _ADVICE_ALONE.search(text)
        )
        if not (advice or partner or _CHOICE.search(text)) or self.patterns["careers"].search(text):
            return ""
        if _EACH_ITS_OWN.search(text):
            return ""  # "which view fits a BPO and which fits a call centre": no choice
        # a knowledge question only when it names the options or the visitor's company, or
        # asks for advice on nothing named ("architecture practice looking into
        # outsourcing, any advice")
        # ("an outsourcing company or a phone centre" names them in other words)
        named = own or _SUBJECTS.search(named_plainly(message)) or _ADVICE_ALONE.search(text)
        unsure = (message.get(INTENT) or {}).get("confidence", 1.0) < self.config["unsure_below"]
        if (
            intent in self.config["overruled"]
            or unsure
            or (named and intent in self.config["knowledge"])
            # "what fits a regional bus company" reads like "why that one?"; so does "we own a
            # few hotels and i'd love a recommendation on how to outsource", which asks no why
            or (
                intent == self.config["explanation"]
                and (_FOR_A_BUSINESS.search(text) or (own and advice and not ASKS_WHY.search(text)))
            )
            # "... a regional ferry operator and would appreciate a recommendation on
            # outsourcing", "is a call center enough for us?" read like a job; advice on
            # outsourcing, or a choice for us, is the company's
            or (
                intent == "careers"
                and ((advice and _OUTSOURCING.search(text)) or (own and _CHOICE.search(text)))
            )
        ):
            return self.config["recommendation"]
        return ""

    @staticmethod
    def facts_told(message: Message) -> int:
        """How many of the form's questions the message answers: a size, a task, a budget."""
        from bot.nlp.form_answers import states_a_size  # (form_answers imports this module)

        text = message.get(TEXT) or ""
        tasks = any(
            e.get("entity") == "outsourced_function" and not e.get("role")
            for e in message.get(ENTITIES) or []
        )
        return sum((bool(states_a_size(text)), tasks, bool(names_money(text))))

    @staticmethod
    def job_seeker(text: Text) -> bool:
        """The visitor asks for work there, not for a company's recommendation."""
        return bool(
            JOB_SEEKER.search(text)
            and not SPEAKS_FOR_A_COMPANY.search(text)
            # "can i start with a call center or a bpo?" is the choice
            and not (_CHOICE.search(text) or BARE_CHOICE.search(text) or _EITHER.search(text))
        )

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if (message.get(INTENT) or {}).get("name") == self.config[
                "recommendation"
            ] and self.job_seeker(message.get(TEXT) or ""):
                # the jobs, after whatever answer came before (a follow-up about them)
                overrule_intent(message, self.config["job_seeker"], self.config["confidence"])
                entities = [
                    e
                    for e in message.get(ENTITIES) or []
                    if e.get("entity") not in ("outsourced_function", "aspect")
                ]
                aspect = {"entity": "aspect", "value": "careers", "start": 0, "end": 0}
                message.set(ENTITIES, [*entities, aspect], add_to_output=True)
                continue
            reading = self.reading(message)
            text = message.get(TEXT) or ""
            if reading in ("", self.config["recommendation"]) and self.choice_asked_after(message):
                # the question's answer first (actions/recommend.py), then the questions
                reading = self.config["recommendation"]
                flag = {"entity": ANSWER_FIRST, "value": "true", "start": 0, "end": 0}
                message.set(ENTITIES, [*(message.get(ENTITIES) or []), flag], add_to_output=True)
            if (message.get(INTENT) or {}).get("name") == self.config[
                "explanation"
            ] and fits_a_size(text):
                # "is that overkill for a mid sized company?": the recommendation's reasons,
                # or before one which one goes with which company (actions/recommend.py)
                choosing = {"entity": "aspect", "value": "choosing", "start": 0, "end": 0}
                message.set(
                    ENTITIES, [*(message.get(ENTITIES) or []), choosing], add_to_output=True
                )
            if reading == self.config["recommendation"]:
                overrule_intent(message, reading, self.config["confidence"])
                give_back_held_tasks(message)
                # (imported here: form_answers reads BARE_CHOICE from this module)
                from bot.nlp.form_answers import states_a_size

                # read as an answer before, "we have a vineyard, need help deciding" stated
                # a budget, "need a team to handle our customer emails" a size; a request
                # with no word of money or of size states none
                unstated = {
                    entity
                    for entity, stated in (
                        ("budget", names_money(text)),
                        ("company_size", states_a_size(text)),
                    )
                    if not stated
                }
                message.set(
                    ENTITIES,
                    [
                        {**e, "role": GUESS}
                        if e.get("entity") in unstated
                        and e.get("extractor") == "FormAnswerClassifier"
                        and not e.get("role")
                        else e
                        for e in message.get(ENTITIES) or []
                    ],
                    add_to_output=True,
                )
                if _OWN_NEEDS_HELP.search(message.get(TEXT) or ""):
                    # "needs help" asks for advice; it names no task (customer support)
                    message.set(
                        ENTITIES,
                        [
                            e
                            for e in message.get(ENTITIES) or []
                            if e.get("entity") != "outsourced_function"
                        ],
                        add_to_output=True,
                    )
            elif reading:
                select_topic(message, reading)
                overrule_intent(message, reading.split("/")[0], self.config["confidence"])
            elif (message.get(INTENT) or {}).get("name") == self.config[
                "recommendation"
            ] and self.asks_nothing_of_its_own(message):
                if (
                    _TO_PASS_ON.search(text)
                    and len(text.split()) <= 10
                    and not any(
                        e.get("entity") in ("subject", "aspect")
                        for e in message.get(ENTITIES) or []
                    )
                ):
                    # "one line for my boss pls": the previous answer, to pass on
                    overrule_intent(message, self.config["follow_up"], self.config["confidence"])
                else:
                    self.take_as_knowledge_question(message)
        return messages

    def choice_asked_after(self, message: Message) -> bool:
        """ "what are the pros of using a call centre? and would it suit us, we run 3
        nurseries": a knowledge question, then, in a sentence of its own, which one suits
        the visitor's company."""
        said = sentences_of(message.get(TEXT) or "")
        if len(said) < 2 or not is_knowledge_question(message):
            return False
        if not QUESTION_SHAPE.search(said[0]):
            return False
        rest = " ".join(said[1:])
        if (
            self.patterns["careers"].search(rest)
            or not_own(rest)
            or _EACH_ITS_OWN.search(rest)
            or _SOMEONE_ELSES.search(rest)
        ):
            return False  # "... which roles suit me", "... would it suit my client"
        if not (OWN_WORD.search(rest) or _A_BUSINESS_TOLD.search(rest)):
            return False  # ("... which of these is for call centers and which for bpo??")
        if _CHOICE_AFTER.search(rest):
            return True
        later = Message(data={TEXT: rest, INTENT: message.get(INTENT)})
        return self.reading(later) == self.config["recommendation"]

    @staticmethod
    def asks_nothing_of_its_own(message: Message) -> bool:
        """A request read in a question about what they are or do, in a definition asked
        with nothing to do asked ("what does bpo stand for, and would one suit us?" asks
        what to do too), or in a question said to be for no decision."""
        text = message.get(TEXT) or ""
        stripped = text.strip()
        asked = stripped[last_sentence_start(stripped) :]
        return (
            asks_what_they_are(text)
            or (bool(message.get(DEFINITION_ASKED)) and not _WHAT_TO_DO.search(text))
            # "... my partner says we need a call center. before i look at prices, what is a
            # call centre exactly?": the last sentence asks only that, a need told before it
            or (
                bool(message.get(DEFINITION_ASKED))
                and asked != stripped
                and only_what_it_is(asked) is not None
                and all(m.group(0).lower() == "need" for m in _WHAT_TO_DO.finditer(text))
            )
            # "what are the advantages of a bpo? not for a decision, just to understand it"
            or not_own(text)
            # "bpo benefits in one line for my manager pls": an answer to pass on
            or (bool(_TO_PASS_ON.search(text)) and not _CHOICE.search(text))
            or checks_a_claim(text)
        )

    def take_as_knowledge_question(self, message: Message) -> None:
        """ "We're a car dealership group with 9 sites. What kinds of processes would a BPO
        take over for us?": the question asked, after the story; the tasks the model read
        are held back, as for any knowledge question (a request after it states them)."""
        topic = selected_topic(message)
        if not topic:
            return
        overrule_intent(message, topic.split("/")[0], self.config["confidence"])
        read = [
            e
            for e in message.get(ENTITIES) or []
            if e.get("entity") == "outsourced_function"
            and e.get("extractor") == "FormAnswerClassifier"
            and not e.get("role")
        ]
        hold_back(message, read)
        message.set(
            ENTITIES,
            [{**e, "role": GUESS} if e in read else e for e in message.get(ENTITIES) or []],
            add_to_output=True,
        )
