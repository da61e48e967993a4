"""The recommendation form's answers understood from meaning, not from a phrase list.

Logistic regressions over the pipeline's sparse sentence features, trained on the
entity annotations of the NLU examples (data/nlu/form_answers.yml): one yes/no
model per outsourced function (an answer may name several), one model each for
the budget and the company size (with "none of them" as a class). A number of
people anywhere in the message decides the company size. Entities the
entity_ruler found (exact terms) are kept; the models add what it missed.
Only messages that are not knowledge questions are trained on, and a knowledge
question (intent and topic agree) gets no guesses, only a head count.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from pathlib import Path
from typing import Any, Dict, List, Optional, Pattern, Text, Type

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.featurizers.featurizer import Featurizer
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    INTENT,
    INTENT_RESPONSE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, vstack

from bot.nlp.base import (
    GUESS,
    QUESTION_SHAPE,
    TrainedComponent,
    flagged,
    hold_back,
    is_knowledge_question,
    last_sentence_start,
    names_a_subject,
    names_money,
    word_pattern,
)
from bot.nlp.choice_question import BARE_CHOICE
from bot.nlp.headcount import counts_things, headcount, size_class
from bot.nlp.sparse_classifiers import feature_matrix, sentence_features, token_features

logger = logging.getLogger(__name__)

NONE = ""  # the class "this message says nothing about it"
REMOVED = "removed"  # the role of a value the visitor takes away
# set on a message that states a task or a budget surely, whatever its intent
# (AnswerOverCommand makes it an answer)
STATED_ANSWER = "stated_answer"
# a clause that takes a task away: "forget the analytics", "we'll keep IT in-house"
# a dash between spaces ends a clause and a task: "it's not the bookkeeping - we need ..."
_DASH = r"\s[-–—]\s"
_CLAUSE = re.compile(rf"[,.;!?]|\bbut\b|{_DASH}")
# people close to the business who keep a task ("my wife does them", "my sister is taking
# over payroll")
_KEEPERS = r"wife|husband|partner|son|daughter|mum|mom|dad|brother|sister|accountant|bookkeeper"
_TAKING_AWAY = re.compile(
    # ("who dropped out", "drop off the parcels", "drop-off slots" take nothing away)
    r"\b(forget|ignore|disregard|drop(?:ped)?(?![\s-]+(?:out|off|in|by)s?\b)|remove|"
    # ("orders by phone for people without the app": who the customers are)
    r"(?<!\bpeople )(?<!\bcustomers )(?<!\bthose )(?<!\banyone )(?<!\busers )(?<!\bclients )"
    r"(?<!\bmembers )(?<!\bpatients )(?<!\bcallers )(?<!\bfolks )(?<!\bguests )without|"
    r"no longer|don'?t need|do not need|"
    r"not need|except|scratch(?![\s-]+cards?)|"
    # ("scrap metal", "the scrap", "scrap lorries": a trade's goods, nothing taken away)
    r"(?<!\bthe )(?<!\bof )(?<!\bour )(?<!\bsell )(?<!\bbuy )"
    r"scrap(?![\s-]+(?:metal|yard|iron|steel|cars?|paper|merchants?|dealers?|heaps?|lorr\w*|"
    r"trucks?|vans?|value|gold|copper|wood|tyres?)\b)|"
    # ("our in-house filing is a mess": the work in trouble, not kept)
    r"ditch|removed?|minus|leave out|in[- ]house(?![^,.;!?]*\b(?:mess|nightmare|disaster|chaos|"
    r"shambles|struggl\w*|drowning|behind|overwhelm\w*|problems?|too much|can'?t keep up)\b)|"
    # ("subscribers who cancel", "members phoning to cancel", "calling to pause or cancel":
    # what customers do)
    r"(?<!\bwho )(?<!\bthat )(?<!\bthey )(?<!ing to )(?<!\bhow to )(?<!\bwho want to )"
    r"(?<!\bwho wants to )(?<!\bor )cancel|"
    r"ourselves|"
    r"(?:is|are)n'?t needed|(?:is|are) not needed|not needed any\s?more|"
    r"not the|not our|keep doing|keeps? (?:on )?doing|leave (?:that|it|this|them|those) out|"
    # "leave HR out of it", "leave the payroll out"
    r"leave (?:the |our )?[\w-]+(?: [\w-]+)? out\b|"
    # "nah leave accounting, just the customer side"
    # (not "no leave system": the HR leave)
    r"(?<=\bnah )leave|(?<=\bnope )leave|"
    r"(?:do|does|handle|handles) (?:that|it|this|them) ourselves|stays? (?:in[- ]house|with us)|"
    # "the bookkeeping stays with our accountant", "payroll is done by our tax advisor"
    r"stays? with (?:our|my|the)|already (?:done|handled|covered|taken care of)|"
    r"(?:is|are|gets?) (?:already |now )?(?:done|handled|covered|taken care of|sorted)"
    r"(?: out)? by (?:our|my|the)(?!\s+(?:bpo|call|outsourc))|"
    r"(?:stays?|remains?) internal|internally|skipping|keep(?:s|ing)? (?:it|that|this|them)|"
    # "skip the payroll" (not "skip hire": a trade; not "which skip goes where")
    r"(?<!\bwhich )(?<!\bthe )(?<!\ba )(?<!\beach )(?<!\bevery )(?<!\bour )(?<!\bthat )"
    r"(?<!\bwhat )"
    r"skip(?![\s-]+(?:hire|bins?|lorr\w*|trucks?|wagons?|compan\w*|firms?|business\w*|"
    r"deliver\w*|collect\w*))|"
    # ("feedback from guests after their stay": a visit, not a task kept)
    r"(?<!\btheir )(?<!\bthe )(?<!\ba )(?<!\bhis )(?<!\bher )(?<!\byour )(?<!\bshort )"
    r"(?<!\blong )(?<!\bhotel )(?:stays?|remains?)(?=\s*(?:[.,;!?]|$))|"
    # "the filing is sorted now, what we really need is ..."
    r"(?:is|are|'s) (?:now |all )?(?:sorted|taken care of)(?: now)?(?=\s*(?:[.,;!?]|$))|"
    r"keep\w*\b.{0,40}\binternal)\b"
    # "... ask how they liked it. no hiring", "actually no bookkeeping, ...": a clause of "no"
    # and a task alone
    r"|^[\s,.;:!?]*(?:(?:actually|oh|ah|wait|ok|okay|and|so|hmm)\W+)*no\s+(?!(?:just|only|its|it'?s|the|too|also|mainly|more|sorry|wait|i)\b)"
    r"[\w-]+(?:\s+(?!(?:too|also|as|please|pls)\b)[\w-]+)?[\s.!]*$"
    # "i meant payroll, not hr", "no sorry not bookkeeping, i meant ..."
    r"|^[\s,.;:!?]*(?:(?:but|no|nope|sorry|oops|oh|ah|wait|actually|please|pls|correction)\W+)*"
    r"not\b"
    # "correction, it's not accounting, it's the calls ..." (not "it's not just the calls")
    r"|\b(?:it'?s|it is|its|that'?s|that is) not\b(?!\s+(?:just|only|simply)\b)"
    # "take the wages off" (not "take the calls off our hands": a task handed over)
    r"|\btake\s+(?:(?:the|our|my|that|those)\s+)?[\w-]+(?:\s+[\w-]+)?\s+off\b"
    r"(?=\s*(?:[,.;!?]|$))|\btake\s+off\s+(?:the|our|my)\b"
    # "our own team handles support fine, we need help with bookkeeping"
    r"|\b(?:our|my)\s+(?:own\s+|in-?house\s+|internal\s+)?(?:team|staff|people|guys|folks|"
    r"office|department)\s+(?:already\s+)?(?:handles?|does|do|covers?|manages?|runs?|"
    r"takes care of)\b(?=[^,.;!?]*\b(?:fine|well|ok|okay|already|great|no problem)\b)"
    # "my sister is taking over payroll", "our office manager will handle the invoices"
    rf"|\b(?:my|our)\s+(?:{_KEEPERS}|cousin|office manager|colleague)\s+"
    r"(?:is|will be|'s|will)\s+(?:now\s+)?"
    r"(?:taking over|take over|doing|do|handling|handle|covering|cover|managing|manage)\b"
    # "my wife does them", "my accountant sorts that"
    rf"|\b(?:{_KEEPERS})\s+(?:does|do|handles?|sorts?|covers?|manages?)\s+(?:them|it|that|those|this)"
    r"(?:\s+(?:fine|well|already|ok|okay|anyway|for us))*(?=\s*(?:[,.;!?]|$))"
    # "the books our accountant does already", "my sister already handles that"
    r"|\b(?:does|do|handles?|covers?|sorts?|manages?)(?:\s+(?:it|that|them|those|this))?"
    r"\s+already(?=\s*(?:[,.;!?]|$))"
    r"|(?<!\bthat )(?<!\bwho )(?<!\bwhich )\balready\s+(?:does|do|handles?|covers?|sorts?|"
    r"manages?)(?:\s+(?:it|that|them|those|this)\b|(?=\s*(?:[,.;!?]|$)))"
    # "our accountant will keep the payroll" (not "someone to keep the books")
    r"|\b(?:we|i|accountants?|bookkeepers?|team|they|he|she|staff|office)"
    r"(?:\s+will|'ll|\s+can|\s+would|\s+are going to)\s+keep\b"
    r"(?!\s+(?:up|on|\w+ing|customers|clients|them|you))",
    re.IGNORECASE,
)
# a clause that takes back the one before it: "the bookkeeping - actually no, scrap that"
_RETRACTS = re.compile(
    r"^\W*(?:(?:oh|ah|hmm+|um+|sorry)\W+)*(?:actually,?\s+no\b(?!\s+(?:one|body|longer|matter|"
    r"way|doubt))|no,?\s+wait|wait,?\s+no|(?:scrap|scratch|forget|ignore|strike|cancel)\s+"
    r"(?:that|this)\b|not that(?: one)?(?=\s*(?:[,.;!-]|$)))"
    # ("payroll and hr. no wait, also invoicing" adds)
    r"(?!.*\b(?:also|too|as well)\b)",
    re.IGNORECASE,
)


# words that ask for work to be done: a stretch that likelier names no task is read as
# one only with them ("we want outsource only the calls to customers who not paid")
_WANTING = re.compile(
    r"\b(want\w*|need\w*|looking for|would like|like to|someone|somebody|people|persons?|"
    r"team|staff|agents?|folks|outsou?rc\w*|help\w*|handl\w*|take care|manag\w*|deal\w* "
    r"with|do(?:ing)? (?:our|the)|run(?:ning)? (?:our|the)|look\w* after|"
    # work that is too much for the company ("the taproom phone plus the insta DMs are too
    # much") asks for it to be done as plainly
    r"too much|too many|killing us|drowning|swamp\w*|overwhelm\w*|can'?t keep up|"
    r"bur(?:y|ies|ied|ying)|a (?:disaster|nightmare|mess)|chaos|piling up|never stops?|"
    r"non-?stop|constantly|all day|all the time|can'?t cope|cannot cope|struggl\w*)\b",
    re.IGNORECASE,
)

# where the circumstances of a task begin ("answering members who message us | when their
# door code doesn't work"): words of many questions that drown the task before them
_CIRCUMSTANCES = re.compile(
    # (not "would like", "i'd like": a want)
    r"\b(?:when|whenever|if|because|cause|cos|since|(?<!would )(?<!'d )(?<!\bi )(?<!we )"
    r"(?<!they )(?<!you )like|such as|e\.?g\.?|for example|"
    r"in case|so that)\b",
    re.IGNORECASE,
)

# a stretch that only says how the work is done: "chasing tenants behind on rent, by phone"
_BY_A_CHANNEL = re.compile(
    r"\W*(?:and\s+)?(?:(?:mostly|mainly|all|only|usually)\s+)?(?:by|over|via|through|on)\s+"
    r"(?:the\s+)?(?:phone|telephone|e-?mail|chat|whatsapp|text|sms)s?"
    r"(?:\s*(?:and|or|&|/)\s*(?:phone|telephone|e-?mail|chat|whatsapp|text|sms)s?)?\W*$",
    re.IGNORECASE,
)

# ... or only when: "taking the bookings when customers phone for a cab, mostly the night shift"
_WHEN_ONLY = re.compile(
    r"\W*(?:and\s+)?(?:(?:mostly|mainly|especially|usually|often|only|just)\s+)?"
    r"(?:(?:at|on|during|over|in)\s+)?(?:the\s+)?(?:night|evening|weekend|late|early|overnight|"
    r"holiday|peak|busy|after[- ]hours?|out[- ]of[- ]hours?)"
    r"(?:\s+(?:shifts?|hours?|times?|periods?|seasons?|rush))?s?\W*$",
    re.IGNORECASE,
)

# ... a task told as an activity ("answering ...", "ringing ..."), not who does what
# ("tourists ringing us when the bike lock won't open")
_ACTIVITY = re.compile(r"\W*[a-z]+ing\b", re.IGNORECASE)
# the work handed over named after it ("looking at outsourcing the fan phone line"), unless
# denied ("not looking to outsource the warehouse")
_WORK_HANDED = re.compile(
    r"\b(?:outsourc\w*|hand(?:ing)?\s+over|farm(?:ing)?\s+out)\s+"
    # (not "an outsourcing approach for our retail chain": no work named)
    r"(?=(?:the|our|my|their|all|some|part of)\s+(?!(?:approach|model|option|route|setup|"
    r"solution|strategy|partner|provider|company|firm|advice|question|decision|plan)\b))",
    re.IGNORECASE,
)
_DENIED = re.compile(
    r"(?:\b(?:not|never|dont|wont)|n't)\s+(?:(?:looking|going|planning|wanting|trying|want|plan|"
    r"intend\w*|about)\s+)?(?:to\s+)?\W*$",
    re.IGNORECASE,
)

# a word of doing ("which one for a mobile phone repair chain" names things, does nothing)
_DOING = re.compile(
    r"\W*\b(?!(?:thing|nothing|something|anything|everything|morning|evening|during|king|ring|"
    r"spring|string|ceiling|building|wedding|ping|sibling|pudding|clothing|ming)\b)"
    r"([a-z]+ing)\b",
    re.IGNORECASE,
)
# people and nothing done, beside a head count: "around 1200 drivers and | kitchen staff",
# "8 paid staff"
_PEOPLE_ONLY = re.compile(
    r"^\W*(?:(?:and|plus|with|about|around|roughly|some|approx\w*|~|\d[\d,.]*k?|a couple of|"
    r"couple of|a few|a handful of)\W+)*"
    r"(?:(?!(?:need\w*|want\w*|hir\w*|recruit\w*|find\w*|train\w*|pay\w*|manag\w*|"
    r"schedul\w*|rota\w*|replac\w*|more|new|support|service|sales|phones?|calls?|it|billing|"
    r"admin\w*|accounts?|finance|hr|helpdesk|help|outsourc\w*)\b)[\w-]+\s+){0,2}"
    r"(?:staff|people|employees|workers|crew|crews|drivers|team|guys|folks|"
    r"colleagues|assistants|volunteers|nurses|carers|techs|technicians|engineers|lads|girls|"
    r"boys|ladies|bods)"
    r"(?:\s+(?:each|in total|total|too|as well|incl\w*(?:\s+me)?))?\W*$",
    re.IGNORECASE,
)
# ... or named by their job: "plus the greenkeepers", "and a receptionist" (not "calling
# clients", "chasing the debtors", "looking for a bookkeeper")
_BY_THEIR_JOB = re.compile(
    r"^\W*(?:(?:and|plus|also|with)\s+)?(?:the|our|my|a|an|some|\d[\d,.]*|two|three|four|five)"
    r"\s+(?:(?!\w+ing\b|\w+ed\b)[a-z-]+\s+)?"
    r"(?!(?:orders?|others?|customers?|computers?|printers?|servers?|routers?|scanners?|"
    r"monitors?|containers?|trailers?|tractors?|letters?|papers?|numbers?|users?|members?|"
    r"callers?|buyers?|suppliers?|answers?|transfers?|offers?|debtors?|creditors?|payers?|"
    r"borrowers?|donors?|subscribers?|shoppers?|diners?|bookers?|holders?|sellers?|vendors?|"
    r"visitors?|renters?|reviewers?|registers?|filters?|covers?|centers?|quarters?|"
    r"headquarters|matters?|waters?|posters?|flyers?|stickers?|folders?|timers?|meters?)\b)"
    r"[a-z-]+(?:keepers?|ers?|ors?|ists?|ians?|m[ae]n|wom[ae]n)"
    r"(?:\s+(?:each|in total|total|too|as well))?\W*$",
    re.IGNORECASE,
)
# ... or where they work: "oh and 3 in the warehouse", "5 at head office"
_PEOPLE_AT_A_PLACE = re.compile(
    r"^\W*(?:(?:oh|and|plus|also|another|about|around)\W+)*\d[\d,.]*k?\s+(?:more\s+)?"
    r"(?:in|at|on|out on|working in|based (?:in|at))\s+(?:the\s+|our\s+)?[\w'-]+(?:\s+[\w'-]+)?"
    r"\W*$",
    re.IGNORECASE,
)
# "(it's actually 58 staff now,) we hired in january": why the count changed (not "we took on
# in-house payroll")
_HIRED_SINCE = re.compile(
    r"^\W*(?:(?:and|but|so|since|as)\W+)?(?:we(?:'ve| have)?\s+)?(?:just\s+|recently\s+)?"
    r"(?:hired|took on|taken on|brought on|onboarded)"
    r"(?:\s+(?:some|a few|a couple|more|new|\d+)(?:\s+(?:more|new))?"
    r"(?:\s+(?:people|staff|folks))?)?"
    r"(?:\s+(?:in\s+(?:jan\w*|feb\w*|march|april|may|june|july|aug\w*|sep\w*|oct\w*|nov\w*|"
    r"dec\w*|spring|summer|autumn|fall|winter|\d{4}|the\s+(?:spring|summer|autumn|fall|winter))|"
    r"last|this|over|since|during|recently|lately)\b.*)?\W*$",
    re.IGNORECASE,
)
# ... or what a number given before was: "the 300 was our number of customers"
_NUMBER_EXPLAINED = re.compile(
    r"^\W*(?:(?:sorry|oops|correction|actually|and|but|so)\W+)*(?:the\s+|that\s+)?\d[\d,.]*k?"
    r"\s+(?:was|is|were|are)\s+(?:just\s+|only\s+|actually\s+)?(?:our|the|my)\s+"
    r"(?:number|count|total|figure|amount)\s+of\b",
    re.IGNORECASE,
)
# customers' questions and wishes told as the work: "people phoning to ask about ...",
# "folks wanting to know ..."
_ASKING = re.compile(
    r"\b(?:ask(?:s|ed|ing)?|wondering|want(?:s|ing)? to know|enquir\w*|inquir\w*|questions|"
    # "learners wanting to book lessons or move their mock test" (not "we want to ...")
    r"wanting to)\b",
    re.IGNORECASE,
)
# ... and what goes on with the circumstances (or the asking) after "or", or in words that
# tell no task of its own
_GOES_ON = re.compile(
    r"^\s*(?:or\b(?!\s+\w+ing\b)|(?:and|&)\s+(?:how|what|where|why|they|it|its|their|his|her)\b)",
    re.IGNORECASE,
)

# IT support is told with the things it looks after: a stretch read as it without one of
# these words read "it" the pronoun ("It concerns the citizens' enquiries only", "telling
# them when the locksmith arrives")
_TECH_WORDS = re.compile(
    r"\bIT\b|(?i:\bi\.t\b)"
    r"|(?i:^\W*(?:the\s+|our\s+)?it\W*$"
    r"|(?:^|\b(?:and|&|our|the|plus|also|with))\s+it\W*(?:too|as well|also|for\b.*)?\W*$"
    r"|\bit[\s-]+(?:support|suport|stuff|side|maintenance|infrastructure|issues|problems|work|"
    r"team|dept|department|help|guys?|services|admin|systems?|needs|helpdesk|provider|person|"
    r"bloke|contractor|company|management|outsourcing|things)\b"
    r"|\b(?:tech\w*|comput\w*|laptops?|pcs?|desktops?|networks?|networking|wi-?fi|wireless|"
    r"servers?|software|hardware|printers?|printing|passwords?|log-?ins?|logging in|log in|"
    r"e-?mails?|systems?|apps?|websites?|web\w*|tills?|devices?|tablets?|broadband|internet|"
    r"online|cyber\w*|backups?|back up|cloud|microsoft|office ?365|outlook|windows|macs?|"
    r"ipads?|screens?|monitors?|keyboards?|mouse|help ?desk|crash\w*|virus\w*|malware|hack\w*|"
    r"updates?|upgrades?|install\w*|firewalls?|routers?|cables?|data|databases?|digital|"
    r"scanners?|cctv|card machines?|pos|epos|voip|zoom|vpn|locked out of|access|glitch\w*|"
    r"bugs?|patch\w*|antivirus|licen[cs]\w*|set ?up|setting up|fix\w*|repair\w*|machines?|"
    r"gadgets?|smartboards?|projectors?|headsets?|cameras?|tv|electronics|sat ?nav|gps|"
    r"tracking|hosting|domains?|ssl|security|spreadsheets?|excel|sysadmin\w*|infrastructure)\b)"
)
# orders packed and sent out, not taken: "the online shop orders need boxing up and sending
# out" is logistics ("orders" alone reads as taking them)
_ORDERS = re.compile(r"\borders?\b", re.IGNORECASE)
_SENT_OUT = re.compile(
    r"\b(?:pack(?:s|ed|ing)?|box(?:es|ed|ing)?(?:\s+up)?|post(?:s|ed|ing)?(?:\s+out)?|"
    r"ship(?:s|ped|ping)?|dispatch\w*|send(?:s|ing)?\s+(?:out|off)|sent\s+(?:out|off)|"
    r"wrap(?:s|ped|ping)?|fulfil\w*|deliver(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
_ORDERS_TAKEN = re.compile(
    r"\b(?:tak\w*|took|plac\w*|book\w*|phon\w*|call\w*|ring\w*|rang|enquir\w*|input\w*|"
    r"enter\w*|confirm\w*|emails?|messages?|updates?|invoic\w*|receipts?|questions?|"
    r"ask\w*|chas\w*|track\w*|complain\w*|where|handl\w*|manag\w*|process\w*|deal\w*|"
    r"sort\w*|by post|(?:we|i|they)\s+(?:\w+\s+)?(?:deliver|ship|post|send|pack)\w*)\b",
    re.IGNORECASE,
)


def orders_sent_out(stretch: Text, probabilities: Dict[Text, float]) -> Dict[Text, float]:
    """The task model's reading of a stretch, with taking orders read as logistics where
    the orders are packed and sent out, not taken."""
    taking, sending = "order_taking", "logistics"
    if (
        taking not in probabilities
        or sending not in probabilities
        or not (_ORDERS.search(stretch) and _SENT_OUT.search(stretch))
        or _ORDERS_TAKEN.search(stretch)
    ):
        return probabilities
    return {
        **probabilities,
        taking: 0.0,
        sending: probabilities[sending] + probabilities[taking],
    }


_AND_MORE = re.compile(r"^\s*(?:and|&)\s+(?!\w+ing\b)", re.IGNORECASE)
# what customers get in touch about: "customer calls about leaks and bills" names what they
# call about, not the billing done for the company
_CONTACTS_ABOUT = re.compile(
    r"\b(?:calls?|questions?|queries|enquiries|inquiries|complaints|emails?|messages?|chats?|"
    r"tickets?|ringing|phoning|calling|ring|phone|call)\s+(?:in\s+|us\s+)?(?:about|regarding|"
    r"concerning)\b",
    re.IGNORECASE,
)
# ... of which these, named after "and", are more ("payroll" is not)
_CALLED_ABOUT = ("accounting", "collections", "logistics", "order_taking")

# where one task ends and the next begins: "payroll, hr and our phones"; a lead-in ends
# too ("what we really need is someone answering enquiries")
_TASK_BOUNDARY = re.compile(
    # ("n": "and" as it is texted)
    r"[,;/&+.!?()]|\b(?:and|n|plus|as well as|also|or|but|then)\b"
    r"|\b(?:what|all) (?:we|i) (?:\w+ )?(?:need|want|are after|'re after|am after) is\b"
    # "we are looking to outsource our phone enquiries"; "it's not X - we need Y"
    r"|\b(?:(?:we|i)(?:'re| are| am|'d| would)?\s+)?(?:looking|planning|hoping|going|trying|"
    r"want(?:ing)?|need(?:ing)?|like|keen|considering|thinking (?:of|about))(?:\s+to)?\s+"
    rf"outsourc(?:e|ing)\b|{_DASH}",
    re.IGNORECASE,
)
# ... and, in a message read (not in training, where the model learnt the stretches
# above), a question or a budget run on after the task with no punctuation: "we need
# someone to answer customer phone calls on a really small budget what should we do"
_RUN_ON = re.compile(
    r"\b(?:what|which|who) (?:should|would|do|can|could|shall) (?:we|i|you)\b"
    r"|\b(?:on|with) an? (?:\w+ ){0,2}budget\b",
    re.IGNORECASE,
)


# a word negated: "not that small anymore", "we aren't small"
_NEGATION = (
    r"(?:\bnot|n't|\b(?:aren|isn|wasn|weren)t|\bno longer)\s+"
    r"(?:(?:that|so|too|very|really|exactly|particularly|all that|an?)\s+)?"
)
_NEGATED = re.compile(_NEGATION + "$", re.IGNORECASE)
# ... or denied in a list: "tight, not moderate or flexible"
_DENIED_IN_A_LIST = re.compile(r"\bnot\s+[\w-]+\s+(?:or|nor)\s+$")
# a piece of text with a word in it (two letters or more)
_A_WORD = re.compile(r"[a-z]{2}", re.IGNORECASE)
_NEGATED_SIZE = re.compile(
    _NEGATION + r"(?:small|smaller|tiny|little|big|bigger|large|huge|massive|medium|mid-?sized?)\b",
    re.IGNORECASE,
)

# words that name no task: "all the boring stuff", "the usual stuff", "everything really"
_VAGUE = re.compile(
    r"^\W*(?:(?:all|the|of|our|my|that|this|those|these|kind|sort|type|usual|boring|normal|"
    r"typical|general|basic|other|random|everyday|daily|various|bits|and|some|whatever|"
    r"everything|anything|stuff|things|tasks|work|jobs|really|just|i guess|lol|etc)\b\W*)+$"
    # "need to get some work off our plate"
    r"|^\W*(?:(?:need|needs|want|wants|to|get|take|have|move|some|of|the|this|that|all|"
    r"more|a|bit|lot|would|like|help|just|i|we)\s+){0,5}"
    r"(?:work|load|stuff|tasks|jobs|things|bits)\s+off\s+(?:our|my|the)\s+"
    r"(?:plates?|hands|desks?|backs?|shoulders)\W*$"
    # "the stuff on the list", "everything in your examples"
    r"|^\W*(?:(?:the|all|everything|anything|most|some|of|stuff|things|tasks|ones|bits|jobs)"
    r"\s+)+(?:on|in|from)\s+(?:the|your|that|this)\s+(?:list|examples?|menu)\W*$",
    re.IGNORECASE,
)
# how much money, in a word at the end of a short answer: "we rely on donations so not
# much", "series b just closed so plenty" (not "plenty of calls", "we don't ring much")
_AMOUNT_LEAD = (
    r"(?:^\W*(?:(?:honestly|tbh|well|um+|hmm+)\W+)?"
    # "we have very little to spend on this"
    r"(?:(?:we|i)(?:'ve| have)(?: got)?\s+|there'?s\s+|there is\s+)?"
    r"|\b(?:so|but)\s+|\bbudget\W+(?:is\s+)?)"
)
_AMOUNT_TAIL = (
    r"(?:\s+(?:tbh|really|honestly|i guess|lol|to be honest|to spend|for this|on (?:this|it|that)|"
    r"at all))"
    r"{0,3}\W*$"
)
_AMOUNT_IN_A_WORD = {
    "tight": re.compile(
        _AMOUNT_LEAD + r"(?:not (?:much|a lot|a ton)|very little|hardly any(?:thing)?|"
        r"next to nothing|barely any(?:thing)?|nothing much|peanuts|pennies)" + _AMOUNT_TAIL,
        re.IGNORECASE,
    ),
    "flexible": re.compile(
        _AMOUNT_LEAD
        # (not "no cap", slang for "for real")
        + r"(?:healthy|generous|ample|no (?:real |hard |fixed |set )(?:cap|ceiling)s?)"
        + _AMOUNT_TAIL,
        re.IGNORECASE,
    ),
}
# ... words of quantity that count people as well ("lots" when the size is asked): only
# after "so" or "but", or beside a word of money
_PLENTY = re.compile(
    r"(?:\b(?:so|but)\s+|^(?=.*\b(?:budget|money|cash|funds?|funding)\b)(?:.*\b(?:is|'s|have|got)\s+))"
    r"(?:plenty|loads|heaps|tons|lots|a lot)" + _AMOUNT_TAIL,
    re.IGNORECASE,
)


# both ends denied: "not too cheap, not too pricey", "neither lavish nor stingy"
_ENDS = (
    # (not "big" or "small", which the size is said in too)
    r"(?:cheap|pricey|expensive|much|little|high|low|tight|generous|lavish|stingy|costly|"
    r"premium|basic|mean|flush|crazy|loose|strict|frugal|extravagant|rich|poor|wealthy|broke)"
)


def _both_denied(first: Text, second: Text) -> Pattern:
    """ "not too <first>, not too <second>", "neither <first> nor <second>"."""
    return re.compile(
        rf"\bnot (?:too |that |so |very |overly )?{first}\W+(?:(?:and|but|or|,)\W+)*(?:also\s+)?"
        rf"not (?:too |that |so |very |overly )?{second}\b"
        rf"|\bneither (?:too )?{first} nor (?:too )?{second}\b",
        re.IGNORECASE,
    )


# ... the high end in words of size too ("neither tight nor huge"; not "not small, not much
# money": the company, then the money)
# (or in words of quantity: "not tight but not loads either")
_BOTH_ENDS_DENIED = _both_denied(
    _ENDS, rf"(?:{_ENDS}|huge|big|massive|loads|lots|plenty|a lot|a fortune)"
)


_MIDDLE = "moderate"

# ... in words of size ("not huge, not tiny", "neither big nor small"): the middle of whichever
# the form asks, so a guess for both
_SIZE_ENDS = r"(?:big|small|huge|tiny|large|massive)"
_BOTH_SIZE_ENDS_DENIED = _both_denied(_SIZE_ENDS, _SIZE_ENDS)
_MIDDLE_SIZE = "medium"
# ... unless the money is named, or called fair
_MONEY_SAID = re.compile(
    r"\b(?:budget|money|cash|funds?|funding|spend\w*|afford\w*|reasonable|fair|prices?|costs?)\b",
    re.IGNORECASE,
)


def both_ends_denied(text: Text) -> bool:
    return bool(_BOTH_ENDS_DENIED.search(text))


# ... said alone ("lots", "a lot"): the budget only where the form asks it, so a guess
_QUANTITY_ALONE = re.compile(
    r"^\W*(?:plenty|loads|heaps|tons|lots|(?:quite a|a whole|a) lot|a ton|quite a bit"
    # ... or the money called no worry, with nothing named ("not a concern really")
    r"|(?:it'?s\s+|its\s+)?(?:not|never|no)\s+(?:really\s+)?(?:an?\s+)?(?:big\s+|real\s+)?"
    r"(?:concern|issue|worry|constraint))"
    r"(?:\s+(?:tbh|really|honestly|i guess|lol|for us|at all))?\W*$",
    re.IGNORECASE,
)


def quantity_alone(text: Text) -> bool:
    """ "lots", "a lot tbh": a word of quantity and nothing else."""
    return bool(_QUANTITY_ALONE.match(text))


_NEGATED_AMOUNT = re.compile(r"\b(?:not|no|never|hardly|barely)\b|n't\b|\bdont\b|\bhavent\b", re.I)


_COUNTS_PEOPLE = re.compile(
    r"\b(?:people|staff|employees|ppl|of us|team|workers|heads|members|volume|calls|customers)\b",
    re.IGNORECASE,
)


# the visitor's own people counted: "we're 2200 not 220"
_OWN_COUNT = re.compile(
    r"\b(?:we'?re|we are|we r|there'?s|there are|we have|we'll be)\b", re.IGNORECASE
)


_OTHER_END = {"tight": "flexible", "flexible": "tight"}


def amount_in_a_word(text: Text) -> Optional[Text]:
    """The budget a short answer ends on in a word of quantity, if it does (not an answer
    that counts people: "just 8 of us so not a lot")."""
    if len(text.split()) > 10 or headcount(text) is not None or _COUNTS_PEOPLE.search(text):
        return None
    plenty = _PLENTY.search(text)
    if plenty:
        # ("budget wise we don't have a lot": the model's reading)
        return None if _NEGATED_AMOUNT.search(text[: plenty.end()]) else "flexible"
    return next((v for v, p in _AMOUNT_IN_A_WORD.items() if p.search(text)), None)


# a short word for the kind of the task told before: "..., satisfaction type stuff"
_THAT_KIND = re.compile(
    r"^\W*(?:[\w-]+\s+){1,2}(?:type|kind|sort)(?:\s+of)?\s+(?:stuff|things?)\W*$", re.IGNORECASE
)
# a verb that tells work to be done, first in a short task
_TOLD_AS_WORK = re.compile(
    r"(?:[a-z]+ing|handle|answer|take|do|run|manage|chase|sort|look|pick|deal|cover)$",
    re.IGNORECASE,
)
# words before a task that are no part of it ("sorry, i meant just answering the musicians
# who call"): the task spans the model learnt from leave them out
_LEADING_FILLER = re.compile(
    r"^\W*(?:(?:sorry|oops|ok|okay|oh|ah|so|and|also|plus|but|actually|"
    r"hang on|i mean|i meant|mainly|mostly|just|only|basically|honestly|to be honest|tbh|"
    r"really)\b\W*)+",
    re.IGNORECASE,
)
# ... and a wish, before a short task ("we'd want them | doing our accounts", "want someone
# to | take over our bookkeeping"): a longer one is read with it
_WISH = re.compile(
    r"\W*(?:(?:we'?d|we would|i'?d|i would|we|i)\s+)?(?:also\s+)?(?:want|like|need)\s+"
    r"(?:them|someone|somebody|you|a company|a provider)\s+(?:to\s+)?(?:also\s+)?",
    re.IGNORECASE,
)
_SHORT_TASK_WORDS = 6
# what a company does for its own customers ("we make project management software")
_PRODUCT_VERBS = (
    r"(?:make|makes|making|build|builds|building|develop|develops|developing|design|designs|"
    r"designing|produce|produces|producing|manufacture|manufactures|manufacturing|create|"
    r"creates|creating|write|writes|writing|host|hosts|hosting|install|installs|installing|"
    r"import|imports|importing|export|exports|exporting|distribute|distributes|distributing|"
    r"wholesale|wholesales|grow|grows|growing|brew|brews|"
    r"brewing|sell|sells|selling|resell\w*|ship|ships|rent|rents|renting|roast\w*|"
    r"supply|supplies|supplying|teach|teaches|teaching|repair|repairs|repairing|serve|serves|"
    r"serving|provide|provides|providing|offer|offers|offering|"
    # "we do sales and rentals" (not "we do need help with payroll")
    r"do(?!\s+(?:need|want|have|require|outsource|our|the|all|it|this|that|everything)\b)|"
    r"(?:run|runs|running|operate|operates|operating)"
    r"(?!\s+(?:out|low|short|the|our|all|it|this|that)\b))\b"
    r"(?!.*\b(?:for (?:us|ourselves)|in[- ]house|ourselves)\b)"
)
# a stretch that says what the visitor's company makes (no task to hand over) ...
_OWN_PRODUCT = re.compile(
    # ("hi we make ice cream for cafes")
    r"^\W*(?:(?:hi|hello|hey|hiya|yo|morning|good (?:morning|afternoon|evening))\W+)?"
    r"(?:(?:and|so|but)\s+)?(?:we|i)(?:'re| are| am)?\s+(?:(?:also|mainly|mostly)\s+)?"
    # "we are online shop selling handmade soap", "we're a small firm making signs"
    # (not "we're after a company offering phone answering": the provider wanted)
    r"(?:(?<=re )(?:an?\s+)?(?!(?:after|seeking|hiring|looking|considering|choosing|needing|"
    r"wanting|using|for|with)\b)(?:[\w-]+\s+){0,2}?(?:shop|webshop|store|company|firm|business|"
    r"brand|startup|studio|workshop|bakery|brewery|farm)\s+(?:that\s+|which\s+)?)?"
    + _PRODUCT_VERBS,
    re.IGNORECASE,
)
# ... and the stretch after it that goes on ("we roast coffee and supply it to cafes")
_MORE_OF_THE_PRODUCT = re.compile(r"^\W*(?:and\s+)?(?:also\s+)?" + _PRODUCT_VERBS, re.IGNORECASE)


# a first stretch that says what the visitor's company is ("pharmacy chain, 600 staff");
# not "a payroll company", which may name the provider wanted
_GREETING = re.compile(
    r"^\W*(?:hi+|hey|hello|hiya|greetings|namaste|good (?:morning|afternoon|evening|day))?\W*$",
    re.IGNORECASE,
)
# kinds of business that name the visitor's own company when said alone
_OWN_KINDS = (
    r"chain|clinic|store|restaurant|hotel|brand|startup|start-up|school|charity|co-?op|"
    r"cooperative|factory|workshop|bakery|brewery|winery|farm|salon|gym|pharmacy"
)
# "... of 200 employees", "... with 75 staff"
_HEAD_COUNT_TAIL = (
    r"(?:\s+(?:of|with)\s+(?:about\s+|around\s+|~)?[\d,.k+]+(?:\s+(?:\w+\s+)?"
    r"(?:employees|staff|people|ppl))?)"
)
_AFTER = re.compile(
    # (not "look after hiring": the task)
    r"\b(?:(?<!look )(?<!looks )(?<!looking )(?<!looked )(?<!go )(?<!run )after|once|following|"
    r"upon)\s+(?:the\s+|their\s+|each\s+|every\s+|a\s+)?$",
    re.IGNORECASE,
)


def tells_when(text: Text, entity: Dict) -> bool:
    """A term after "after", "once" ... says when, not what ("calling customers after
    delivery to ask if they're happy" hands over no delivery)."""
    return bool(_AFTER.search(text[: entity.get("start", 0)]))


_WE_ARE = r"(?:we(?:'re| are)|i (?:run|own|manage))"
# (not "we have payroll for our salon": a task)
_WE_HAVE = r"(?:we(?:'re| are| have|'ve got)|i (?:run|own|manage|have))"
_OWN_BUSINESS = re.compile(
    rf"^\W*(?:{_WE_ARE}\s+)?(?:an?\s+|our\s+|my\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}(?:{_OWN_KINDS}|district|council|municipality|hospital|university|"
    r"college|dealership|franchise)(?:\s+(?:here|owners?))?\W*$"
    # "hospital billing dept here", "we are a mid-size IT services firm of 200 employees"
    r"|^\W*(?:[\w-]+\s+){0,3}(?:dept|department|office|team|desk|unit|agency|company|firm|"
    r"business|provider|practice|studio|consultancy)\s+here\W*$"
    # "we are a company of horse transport"
    rf"|^\W*{_WE_ARE}\s+an?\s+(?:company|firm|business)\s+"
    r"(?:of|for|in)\s+(?:[\w-]+\s+){0,2}[\w-]+\W*$"
    # "scaffolding hire", "bouncy castle hire here" (not "need to hire", "new hire")
    r"|^\W*(?:(?!(?:to|need|needs|want|wants|we|i|will|can|must|staff|people|new|someone|"
    r"somebody|agents?|more|help)\b)[\w-]+\s+){1,2}hire(?:\s+(?:company|business|firm|shop|"
    r"here))?\W*$"
    # "payroll bureau of about 90 people" (not "payroll for a company of 90 people")
    r"|^\W*(?:(?!(?:for|to|with|need|needs|want|wants|and|our|the|a|an)\b)[\w-]+\s+){1,3}"
    rf"(?:bureau|reseller|wholesaler|distributor|consultancy|agency){_HEAD_COUNT_TAIL}\W*$"
    rf"|^\W*{_WE_HAVE}\s+(?:an?\s+)(?:[\w-]+\s+){{0,4}}"
    r"(?:firm|company|business|agency|provider|group|practice|studio|consultancy|"
    r"shop|manufacturer|operator|organi[sz]ation|bureau|reseller|wholesaler|distributor)"
    # "we're an it consultancy that grew from 5 to 60 people in three years"
    r"(?:\s+(?:that|which|who)\s+(?:grew|started|began|was|opened|moved)\b.*)?"
    rf"{_HEAD_COUNT_TAIL}?\W*$",
    re.IGNORECASE,
)

# a firm named by its trade ("a payroll company") may be the provider wanted, unless a
# request for advice follows it
# the nouns that name a business by its trade ("repair shop", "payroll company")
_FIRM_NOUNS = (
    r"agency|company|firm|business|consultancy|practice|studio|provider|operator|shop|"
    r"dealers?|dealership|franchise|"
    rf"{_OWN_KINDS}|salon|garage|contractors?|co|corp|inc|ltd|llc"
)
_A_FIRM = re.compile(
    r"^\W*(?:an?\s+|our\s+|my\s+)?(?:[\w-]+\s+){1,3}"
    rf"(?:{_FIRM_NOUNS}|network|foundation|library|museum|ngo)"
    # "recruitment agency with 75 staff, ... which model suits?"
    rf"{_HEAD_COUNT_TAIL}?"
    r"(?:\s+(?:owners?|here))?\W*$",
    re.IGNORECASE,
)
# a stretch that only names a kind of business ("repair shop", "hvac contractor",
# "property management co"): not "fixing the office network", "paying our contractors",
# "payroll for the company", "need a payroll company"
_A_KIND_OF_BUSINESS = re.compile(
    r"^\W*(?:we'?re\s+|we are\s+)?(?:an?\s+|our\s+|my\s+)?(?P<kind>(?:[\w-]+\s+){1,3})"
    # "car dealership group"
    rf"(?:{_FIRM_NOUNS})(?:\s+(?:group|chain))?{_HEAD_COUNT_TAIL}?\W*$",
    re.IGNORECASE,
)
_NO_KIND = re.compile(
    r"\w+ing|for|at|of|from|to|the|with|need|needs|want|wants|our|my|someone|somebody",
    re.IGNORECASE,
)


def names_a_kind_of_business(stretch: Text) -> bool:
    """The stretch only names a kind of business ("repair shop", "hvac contractor",
    "property management co"): no task for the model to read there."""
    match = _A_KIND_OF_BUSINESS.match(stretch)
    return bool(match) and not any(_NO_KIND.fullmatch(w) for w in match.group("kind").split())


_ASKS_ADVICE = re.compile(
    r"\b(?:re?c+om+[ae]?n?d\w*|advi[cs]e|suggest\w*|which (?:one|model|option)|"
    r"what (?:fits|suits|should)|help (?:me |us )?(?:choos|decid|pick)\w*)",
    re.IGNORECASE,
)

# a stretch, beside a head count, that says who was counted ("we're 52 now, forgot the new
# hires"): people, not a task
_COUNTED_PEOPLE = re.compile(
    r"^\W*(?:(?:i|we)\s+)?(?:forgot|forgetting|not counting|counting|counted|including|incl|"
    r"included|plus|with|excluding)\s+(?:the\s+|our\s+|all\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:hires|starters|joiners|recruits|people|staff|employees|workers|temps|interns|"
    r"seasonals?|part[- ]timers|crews?|teams?|guys|folks|drivers|pickers|packers)"
    # "with the harvest pickers on contract we're 300"
    r"(?:\s+(?:on|in|at|from|under|over)\s+(?:(?:the|our|a)\s+)?[\w-]+)?"
    r"\W*(?:too|as well|now|included)?"
    # "with the warehouse crew we're 61"
    r"(?:\W*(?:we'?re|we are|it'?s|that'?s|that makes|makes it|in total|total)\b.*)?\W*$",
    re.IGNORECASE,
)

# a task's word naming the people counted beside a head count: "12 of us plus a couple of
# warehouse lads", "40 incl 5 admin staff" (not "we need 10 support staff")
_HIRING = r"(?:need\w*|want\w*|hir\w*|recruit\w*|find\w*|get|more|new|extra|outsourc\w*)\b"
_STAFF_OF_A_KIND = re.compile(
    r"\b(?:plus|incl\w*|including|with|and)\s+(?:a\s+couple\s+of\s+|a\s+few\s+|some\s+|"
    r"\d+\s+|two\s+|three\s+|four\s+|five\s+|the\s+|our\s+)?"
    rf"(?P<kind>(?:(?!{_HIRING})[\w-]+\s+)?(?!{_HIRING})[\w-]+)\s+"
    r"(?:lads|staff|guys|people|crew|workers|employees|folks|girls|boys|ladies|bods|drivers)\b",
    re.IGNORECASE,
)


# ... or by their work alone after a number of them: "around 40 teachers plus 8 admin"
_COUNT_OF_A_KIND = re.compile(
    r"(?:\b(?:plus|incl\w*|including|with|and)|\+)\s+(?:\d+|two|three|four|five|six|seven|eight|"
    rf"nine|ten|a couple|a few)\s+(?P<kind>(?!{_HIRING})[\w-]+)(?=\W*$|\s*[,;.)])",
    re.IGNORECASE,
)


def staff_of_a_kind(text: Text, found: Pattern = _STAFF_OF_A_KIND) -> List[tuple]:
    """Where a head count's people are named by their work: no task asked for."""
    if headcount(text) is None:
        return []
    return [
        m.span("kind")
        for m in found.finditer(text)
        # ("we want to outsource payroll and customer service staff": work asked for)
        if not _ASKED_FOR.search(text[last_sentence_start(text[: m.start()]) : m.start()])
    ]


# "recruitment for our warehouse jobs", "hiring delivery drivers": the people hired are
# named by their work, and that work is no task handed over (the hiring is)
_HIRED_FOR = re.compile(
    r"\b(?:recruit\w*|hiring|hire|finding|onboarding)\s+(?:for\s+)?(?:(?:our|the|new|more)\s+)*"
    r"(?P<kind>(?:[\w-]+\s+)?[\w-]+)\s+(?:jobs|roles|positions|vacancies|openings|staff|workers|"
    r"drivers|agents)\b",
    re.IGNORECASE,
)


def hired_for(text: Text) -> List[tuple]:
    """The work that names the people hired."""
    return [m.span("kind") for m in _HIRED_FOR.finditer(text)]


def counted_by_their_work(text: Text) -> List[tuple]:
    """ "around 40 teachers plus 8 admin": the people counted by their work alone."""
    return staff_of_a_kind(text, _COUNT_OF_A_KIND)


_ASKED_FOR = re.compile(
    r"\b(?:outsourc\w*|hand\w* (?:over|off)|take over|need\w*|want\w*|looking for|hir\w*|"
    r"like|replace)\b",
    re.IGNORECASE,
)


# ways of getting work done weighed, not a task asked for: "we could hire staff locally or
# use a provider overseas" (not "someone who could take our calls or emails")
_WAYS = r"(?:hire|keep|use|go|outsource|hand|do|build|get|employ|train|set up|bring)"
_WEIGHING = re.compile(
    rf"\b(?:could|might)\s+(?:either\s+)?{_WAYS}\b[^.?!]*\bor\s+(?:we\s+)?(?:could\s+)?{_WAYS}\b",
    re.IGNORECASE,
)

_SENTENCE_BOUNDARY = re.compile(r"[,;.!?]|\b(?:and|but)\b", re.IGNORECASE)


def _between(boundary: Pattern, text: Text) -> List[tuple]:
    """(start, end) of the non-blank stretches of text between matches of `boundary`."""
    spans, start = [], 0
    for match in boundary.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def sentences(text: Text) -> List[tuple]:
    """(start, end) of the parts of a message between commas, full stops, "and", "but"."""
    return _between(_SENTENCE_BOUNDARY, text)


def clauses(text: Text) -> List[tuple]:
    """(start, end) of the stretches of text between task boundaries."""
    return _between(_TASK_BOUNDARY, text)


def clauses_read(text: Text) -> List[tuple]:
    """The stretches of a message read, run-on questions and budgets set apart too."""
    return [
        (start + a, start + b)
        for start, end in clauses(text)
        for a, b in _between(_RUN_ON, text[start:end])
    ]


def span_features(message: Message, rows: csr_matrix, start: int, end: int) -> csr_matrix:
    """The summed token features of the tokens inside [start, end): one row."""
    inside = [
        i
        for i, token in enumerate(message.get(TOKENS_NAMES[TEXT]) or [])
        if start <= token.start and token.end <= end
    ]
    if not inside or rows.shape[0] == 0:
        return csr_matrix((1, rows.shape[1]))
    return csr_matrix(rows[inside].sum(axis=0))


def softmax(scores: np.ndarray) -> np.ndarray:
    probabilities = np.exp(scores - scores.max())
    return probabilities / probabilities.sum()


def likeliest_task(probabilities: Dict[Text, float]) -> tuple:
    """(value, probability) of the likeliest task of a stretch, "no task" aside."""
    return max(((v, p) for v, p in probabilities.items() if v != NONE), key=lambda i: i[1])


# "payroll and hr, no wait ..., only customer support": what came before is taken back
_TAKEN_BACK = re.compile(
    r"\b(?:no wait|wait no|wait|actually|sorry|i mean|i meant|scratch that|correction|no no)\b"
    r"[^.?!]*?\b(?:only|just)\b(?!\s+(?:realis|realiz|remember|notic|saw|thought|want|need|"
    r"check|found|heard|spoke|talked|asked))",
    re.IGNORECASE,
)


_ONLY_KEPT = re.compile(r"\b(?:just|only)\b", re.IGNORECASE)


def taken_away(text: Text, entities: List[Dict], entity: Text) -> set:
    """Values of `entity` whose words stand in a clause that takes them away, or before
    a correction that names the only ones wanted."""
    removed, start = set(), 0
    taken_back = _TAKEN_BACK.search(text)
    if taken_back:
        named = [e for e in entities if e[ENTITY_ATTRIBUTE_TYPE] == entity]
        before = {
            str(e[ENTITY_ATTRIBUTE_VALUE]) for e in named if e.get("start", -1) < taken_back.start()
        }
        after = {
            str(e[ENTITY_ATTRIBUTE_VALUE])
            for e in named
            if e.get("start", -1) >= taken_back.start()
        }
        removed |= before - after
    previous = (0, 0)
    for end in [m.start() for m in _CLAUSE.finditer(text)] + [len(text)]:
        clause = text[start:end]
        away = _TAKING_AWAY.search(clause)
        # ("scratch the it part just the customer support": what comes after "just" stays)
        kept = _ONLY_KEPT.search(clause, away.end()) if away else None
        taken = [(start, start + kept.start() if kept else end)] if away else []
        if _RETRACTS.match(text[start:]):
            taken.append(previous)
        for first, last in taken:
            removed |= {
                str(e[ENTITY_ATTRIBUTE_VALUE])
                for e in entities
                if e[ENTITY_ATTRIBUTE_TYPE] == entity
                and not _whole_message(text, e)
                and first <= e.get("start", -1) < last
            }
        if clause.strip(" \t\n,.;:!?-"):
            previous = (start, end)
        start = end
    return removed


# "coworking space owner, what fits us": who writes, then the question
_WHO_WRITES = re.compile(
    r"^\W*(?:(?:hi|hey|hello|hiya)\b\W*)?(?:an?\s+)?(?:[\w'&-]+\s+){1,3}(?:owners?|here)\W*$",
    re.IGNORECASE,
)
# "could u recommend something for our accountancy practice": the business the advice is
# for, named by its trade (not "payroll for our company": no trade named)
_FOR_OUR_FIRM = re.compile(
    # ("what's better for a pizza delivery business, bpo or call centre??")
    r"\b(?:for|at|in|of)\s+(?:our|my|an?)\s+(?P<kind>(?:(?!(?:and|or|but|to|the|own|new|whole|"
    r"entire)\b)[\w'&-]+\s+){1,3})"
    rf"(?:{_FIRM_NOUNS}|{_OWN_KINDS})(?:\s+(?:group|chain))?\b(?=\W*$|\s*[,.;:!?])",
    re.IGNORECASE,
)


# a unit of the company's own: "we have a sales office in dubai", "with our own support team"
_UNIT_OF_ITS_OWN = re.compile(
    r"(?<!not )(?<!n't )(?<!dont )\b(?:we have|we've got|we got|there'?s|has|have)\s+"
    r"(?:an?\s+|our\s+|its\s+|their\s+)?"
    r"(?:own\s+|small\s+|little\s+|big\s+|local\s+)?(?:sales|support|customer service|it|hr|"
    r"accounts?|accounting|finance|marketing|logistics|admin)\s+"
    r"(?:office|offices|team|teams|department|dept|branch|hub)\b",
    re.IGNORECASE,
)


def units_of_its_own(text: Text) -> List[tuple]:
    """(start, end) of each unit the company says it has."""
    return [m.span() for m in _UNIT_OF_ITS_OWN.finditer(text)]


def for_our_firm(text: Text) -> List[tuple]:
    """(start, end) of the trade of the visitor's business the advice is asked for."""
    return [m.span("kind") for m in _FOR_OUR_FIRM.finditer(text)]


def own_business(text: Text) -> Optional[tuple]:
    """(start, end) of a stretch, after any greeting, that says what the visitor's
    company is ("pharmacy chain, 600 staff, ...", "we are a mid-size IT services firm of
    200 employees, help us choose"), when more follows."""
    said = [(a, b) for a, b in clauses(text) if not _GREETING.match(text[a:b])]
    if len(said) < 2:
        return None
    if (
        _A_FIRM.match(text[slice(*said[0])]) or _WHO_WRITES.match(text[slice(*said[0])])
    ) and _ASKS_ADVICE.search(text[said[0][1] :]):
        return said[0]  # "staffing agency, we'd like your recommendation"
    # "help me choose, logistics startup": what the company is, said second
    return next((span for span in said if _OWN_BUSINESS.match(text[slice(*span)])), None)


# "... and maintenance contracts", "... and accessories": more of what was named, joined by
# "and", with no verb, person or want of its own
_AND = re.compile(r"^\s*(?:and|&)\s*$", re.IGNORECASE)
_MORE_THINGS = re.compile(
    r"^\W*(?!.*\b(?:need|needs|want|wants|help|someone|somebody|outsourc\w*|our|my|we|i|us|"
    r"the|is|are|was|were|handl\w*|do|doing|take|taking|too|also|support|service|accounting|"
    r"bookkeeping|payroll|hr|it|sales|calls?|phones?|emails?|collections?|logistics|admin\w*|"
    r"analytics|surveys?|orders?|billing|invoic\w*|recruit\w*|hiring)\b)[a-z-]+(?:\s+[a-z-]+){0,2}"
    r"\W*$"
    # "... for cafes, hotels and our own parlour"
    r"|^\W*(?:and\s+)?(?:to\s+|for\s+)?our own (?!(?:support|phones?|lines?|calls?|staff|"
    r"team|books|accounts|payroll|it)\b)[a-z-]+(?:\s+[a-z-]+)?\W*$",
    re.IGNORECASE,
)


def what_it_does(text: Text) -> List[tuple]:
    """The stretches that say what the visitor's company does for its own customers ("we
    roast coffee", "and supply it to cafes", "we do repairs and maintenance contracts"): no
    task to hand over."""
    found, product, before = [], False, 0
    for start, end in clauses(text):
        stretch = text[start:end]
        more = product and (
            _MORE_OF_THE_PRODUCT.match(stretch)
            or (_AND.match(text[before:start]) and _MORE_THINGS.match(stretch))
        )
        product = bool(_OWN_PRODUCT.match(stretch) or more)
        if product:
            found.append((start, end))
        before = end
    return found


# a department that decides the money ("finance just slashed it", "the it dept approved"):
# who decided, not a task to hand over
_DEPARTMENT = (
    r"\b(?:finance|accounts|accounting|hr|it|sales|marketing|payroll|procurement|purchasing|"
    # "the board just cut it", "the owners slashed it"
    r"board|owners?|directors?|management|bosse?s?|partners|investors|shareholders|trustees|"
    r"council|head office)"
    r"(?:\s+(?:team|dept|department|people|guys|director|manager|boss|lot|side|office))?\s+"
    r"(?:(?:just|has|have|already|then|recently|finally|now)\s+)*"
)
_REFUSED = r"(?:said no|refused|won'?t (?:pay|approve|sign|budge))"
_TRADE = (
    r"\b(?:sales|bookings|orders|revenues?|turnover|takings|fees|donations|income|profits?|"
    r"margins?|trade|footfall)(?:\s+(?:figures|numbers))?\s+"
)
_TRADE_WENT = (
    # told with a verb: "sales are down", "bookings have been slow" (not "orders up to 500 a
    # day", "sales growth")
    rf"{_TRADE}(?:(?:have|has|'ve|'s)\s+been\s+|(?:are|is|were|was|'s)\s+)"
    r"(?:(?:really|way|well|badly|sharply|just|all|also)\s+)*"
    r"(?:(?:down|up)\b(?!\s+(?:to\b|and\s+(?:down|up)\b))|falling|fallen|slump\w*|collapsing|halved|doubled|"
    r"tripled|growing|grown|rising|risen|soaring|plummeting|drying up|dried up|slow\w*|flat\b"
    r"(?!\s+out)|booming|tanking|tanked)"
    # ... or in the past: "our bookings dropped 20%"
    rf"|{_TRADE}(?:(?:really|sharply|just)\s+)?(?:dropped|fell|slumped|collapsed|halved|doubled|"
    r"tripled|grew|rose|soared|plummeted|dried up|slowed|tanked)\b"
)
_DECIDES_MONEY = re.compile(
    rf"{_DEPARTMENT}(?:slashed|cut|approved|signed off|reduced|capped|froze|frozen|halved|"
    rf"allocated|budgeted|okayed|ok'?d|rejected|vetoed|{_REFUSED})"
    r"\b(?=\s+(?:it|that|the|our|my|us|me|this|them|a|an|much|more|anything|"
    r"\w+ (?:budget|money|spend)))"
    # ... and what they cut ("cut it" names no IT)
    r"(?:\s+(?:it|that|this|them)\b(?!\s+(?:support|services?|team|department|dept|help|"
    r"stuff|work|systems?|side)))?"
    # "finance just told me it's very tight this year": told of the money
    # ("finance has asked us to keep everything lean this year")
    rf"|{_DEPARTMENT}(?:(?:told|tells) (?:me|us)|said|says|decided|confirmed|"
    r"(?:asked|asks|wants?|needs?|expects?) (?:me|us|everyone)|insist\w*)\b"
    r"(?=[^.!?]{0,60}\b(?:tight|budget|money|spend\w*|afford|flexible|cheap|costs?|cash|funds?|"
    r"cuts?|generous|low|limited|lean|frugal|careful|overheads?)\b)"
    # "budget is actually tight, finance said no": a refusal that ends the clause, in a
    # message about the money (money_deciders)
    # (or "budget's tight, finance just told me": who told it, at the clause's end)
    rf"|(?P<refusal>{_DEPARTMENT}(?:{_REFUSED}|(?:told|tells) (?:me|us)|said so|says so|"
    r"confirmed(?: it)?))\b(?=\s*(?:[,.;!?]|$|\b(?:so|and|but)\b))"
    # "we got investment last month": news of the money, no task
    r"|\b(?:(?:we|i|they)\s+(?:just\s+|have\s+|'ve\s+|recently\s+)*)?"
    r"(?:got|received|raised|secured|won|lost|closed)\s+(?:some\s+|new\s+|more\s+|a\s+|"
    r"our\s+|the\s+)?(?:(?:big|new|seed|series \w)\s+)?(?:investment|funding|grants?|loans?|"
    r"investors?|round)(?:\s+(?:last|this|in)\s+\w+)?(?=\s*(?:[,.;!?]|$|\b(?:and|so|but)\b))"
    # "our sales fell this year", "bookings are way down": how trade goes, no task
    rf"|{_TRADE_WENT}"
    # "it should be cheaper than hiring": the money weighed against staff of one's own
    r"|\b(?:cheaper|less|more expensive|costlier|pricier|better value)\s+than\s+(?:\w+\s+){0,2}"
    r"(?:hir|recruit|employ)\w*(?:\s+(?:our own|own|in-house|inhouse|internally|more|new|extra|"
    r"someone|somebody|staff|people|a person|an employee|employees))*",
    re.IGNORECASE,
)


# "around 25 people in the warehouse and office combined": where the people counted work,
# no task to hand over
_PLACE = (
    r"(?:warehouses?|offices?|depots?|stores?|shops?|sites?|branch(?:es)?|factor(?:y|ies)|"
    r"plants?|kitchens?|workshops?|yards?)"
)
# (a word before the place that names work is a task: "30 people at our logistics depot")
_NOT_A_TASK = (
    r"(?!(?:logistics|payroll|accounts?|accounting|finance|hr|it|sales|support|admin\w*|"
    r"customer|call|billing|collections?|dispatch|shipping|delivery|fulfil+ment)\b)"
)
_WHERE_THEY_WORK = re.compile(
    r"\b(?:\d[\d,.]*k?|people|staff|employees|workers|of us|heads|folks|drivers|in total)\s+"
    r"(?:(?:working|based|spread)\s+)?(?:in|at|across|between|on)\s+(?:the\s+|our\s+|two\s+|"
    rf"three\s+|\d+\s+)?(?:{_NOT_A_TASK}[\w-]+\s+)?{_PLACE}(?:\s*(?:,|and|&|\+)\s*(?:the\s+)?"
    rf"(?:{_NOT_A_TASK}[\w-]+\s+)?{_PLACE})*",
    re.IGNORECASE,
)


def places_of_work(text: Text) -> List[tuple]:
    """The stretches that tell where the people counted work."""
    return [m.span() for m in _WHERE_THEY_WORK.finditer(text)]


def money_deciders(text: Text) -> List[tuple]:
    """The stretches that name who decided the budget, or news of the money ("we got
    investment last month"): no task there."""
    return [
        (len(text[: m.start()].rstrip(" \t")), m.end())
        for m in _DECIDES_MONEY.finditer(text)
        if not m.group("refusal") or names_money(text)
    ]


def _whole_message(text: Text, entity: Dict) -> bool:
    """A model's reading of the whole message (not of one of its tasks)."""
    return (
        entity.get("extractor") == FormAnswerClassifier.__name__
        and entity.get("start") == 0
        and entity.get("end") == len(text)
    )


# customers who pay what they owe ("get them to pay", "pay up", "pay their bills") ...
_DEBTORS_PAY = re.compile(
    r"\b(?:them|they|customers?|clients?|people|members|tenants|patients|debtors|payers)\s+"
    r"(?:to\s+|will\s+|would\s+|finally\s+)?pay\b(?!\s+(?:our|the|my|all|every\w*|them)\b)"
    r"|\bpay\s+(?:up|back|what they owe|their (?:bills?|invoices?|debts?|rent|fees?|dues))\b",
    re.IGNORECASE,
)
# ... unlike the staff paid
_STAFF_PAID = re.compile(
    r"\b(?:payroll|wages?|salar(?:y|ies)|pay ?slips?|pay ?runs?|pay ?cheques?|paychecks?|"
    r"overtime)\b|\bpay(?:ing)?\s+(?:our|the|my|all the)\s+(?:\w+\s+)?(?:staff|team|employees|"
    r"workers|people|nurses|drivers|crew|lads)\b"
    r"|\b(?:staff|team|employees|workers|crew)\s+(?:get|gets|getting|are|is|being)\s+paid\b",
    re.IGNORECASE,
)


def only_customers_pay(text: Text) -> bool:
    """ "get them to pay": customers pay what they owe, and no staff are paid."""
    return bool(_DEBTORS_PAY.search(text)) and not _STAFF_PAID.search(text)


_JOINING = re.compile(r"^(?:\W|\b(?:or|and|vs|versus|the|an?|maybe|either)\b)*$", re.IGNORECASE)


def names_the_two_only(text: Text, start: int, end: int, subjects: List[tuple]) -> bool:
    """In a message that names both of the two, a stretch that names one of them and
    nothing else ("outsourcing company | or the phone people?")."""
    inside = sorted((s, e, v) for s, e, v in subjects if start <= s and e <= end)
    if not inside or len({v for *_, v in subjects}) < 2:
        return False
    rest, at = [], start
    for s, e, _ in inside:
        rest.append(text[at:s])
        at = max(at, e)
    rest.append(text[at:end])
    return all(_JOINING.match(part) for part in rest)


# hours texted short ("people asking opening hrs", "calls after hrs") ...
_HOURS = re.compile(
    r"\b(?:opening|business|office|working|trading|open|after|out of|extended|late|night|"
    r"weekend|store|shop|operating|support|peak|off|24)\s*hrs\b",
    re.IGNORECASE,
)
# ... unlike the people's own matters named
_PEOPLE_MATTERS = re.compile(
    r"\b(?:hr|h\.r\.?|human resources?|hir(?:e|es|ing)|recruit\w*|onboard\w*|personnel|"
    r"leave requests?|sick leave|contracts?)\b",
    re.IGNORECASE,
)


def only_hours_short(text: Text) -> bool:
    """ "opening hrs": hours, and no HR work named."""
    return bool(_HOURS.search(text)) and not _PEOPLE_MATTERS.search(_HOURS.sub(" ", text))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class FormAnswerClassifier(TrainedComponent, EntityExtractorMixin):
    FILE = "form_answers.npz"

    @classmethod
    def required_components(cls) -> List[Type]:
        return [Featurizer]

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[Text]:
        here = Path(__file__).parent
        code = b"".join((here / name).read_bytes() for name in ("form_answers.py", "headcount.py"))
        return hashlib.sha256(code).hexdigest()

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "several_values": ["outsourced_function"],
            "one_value": ["budget", "company_size"],
            "size_entity": "company_size",
            "budget_entity": "budget",
            # the budget value "not sure": no statement to find in one sentence
            "unsure": "unsure",
            "medium_from": 50,
            "large_from": 250,
            "threshold": 0.5,
            # the likeliest task of a stretch of text counts from this probability, even
            # where "no task" is likelier ("we only need someone to chase customers who
            # haven't paid": the words around a task are those of many non-answers)
            "task_threshold": 0.35,
            # a knowledge question that states a task read this surely is read as an
            # answer (AnswerOverCommand makes it one)
            "stated_task_from": 0.5,
            "stated_budget_from": 0.8,
            # a budget only the model reads, beside a task read this surely, is a guess
            "sure_task_from": 0.9,
            # the whole message's tasks, read this surely, beat stretches all read less
            # surely than `fragment_below` (see `supported`)
            "whole_from": 0.95,
            "fragment_below": 0.6,
            "fragment_words": 3,
            # words a task needs before its circumstances to be read alone
            "head_words": 3,
            # ... and this sure of it when it is not told as an activity ("answering ...")
            "sure_head_from": 0.8,
            "answer_intent": "inform",
            # words a size rests on, in a message that is no answer (see `unstated`)
            "size_words": [
                "big",
                "bigger",
                "large",
                "huge",
                "giant",
                "massive",
                "major",
                "small",
                "smaller",
                "tiny",
                "little",
                "micro",
                "mid\\w*",
                "medium",
                "couple",
                "few",
                "handful",
                "dozens?",
                "hundreds",
                "thousands",
                "global",
                "national",
                "nationwide",
                "international",
                "multinational",
                "enterprise",
                "corporation",
                "group",
                "chain",
                "family",
                "solo",
                "alone",
                "myself",
                "just (me|us)",
                "startup",
                "start-up",
                "sme",
                "smb",
                "growing",
                "employees",
                "staff",
                "people",
                "ppl",
                "headcount",
            ],
            # aspects a task's description names in passing ("by phone", "where people
            # can order"); any other aspect makes the statement a question about it
            "incidental_aspects": ["channels", "locations"],
            # a term of the entity_ruler is dropped where the model reading its stretch
            # of text is this sure of another task and gives the term this little
            "overrule_from": 0.8,
            "overrule_below": 0.05,
            # ... and IT's own term stands alone where the model gives it this much, reading
            # another task likelier ("need help with it support")
            "kept_term_from": 0.25,
            # a task read beside an exact term of another in its stretch, from this sure
            "beside_a_term_from": 0.8,
            # below the threshold, the likeliest value is still given as a guess (role
            # "guess"), which only the question the form is asking takes
            "guess_from": 0.15,
            # examples whose intent carries this metadata flag teach the tasks only
            "tasks_only_flagged": "form_answer_only",
            # ... and examples flagged so teach none of the form's models
            "intents_only_flagged": "intent_only",
            # the task read only with one of the things it looks after (`_TECH_WORDS`)
            "tech_task": "it_support",
            "C": 10.0,
            "max_iter": 100,
        }

    def __init__(
        self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource
    ) -> None:
        super().__init__(config, model_storage, resource)
        # per entity: (labels, weights features x labels, intercepts, several values?)
        self.models: Dict[Text, tuple] = {}
        # per entity with several values: (labels, weights, intercepts) of the model that
        # reads one task at a time, from the words between task boundaries
        self.task_models: Dict[Text, tuple] = {}

    @property
    def entity_types(self) -> List[Text]:
        return [*self.config["several_values"], *self.config["one_value"]]

    def train(self, training_data: TrainingData) -> Resource:
        from sklearn.linear_model import LogisticRegression

        # (knowledge questions, and the near-domain questions flagged to teach the intents
        # only, say nothing of the form's answers)
        examples = [
            e
            for e in training_data.intent_examples
            if e.get(TEXT)
            and not e.get(INTENT_RESPONSE_KEY)
            and not flagged(e, self.config["intents_only_flagged"])
        ]
        features = feature_matrix(examples)
        values = [
            {
                (x[ENTITY_ATTRIBUTE_TYPE], str(x[ENTITY_ATTRIBUTE_VALUE]))
                for x in e.get(ENTITIES) or []
            }
            for e in examples
        ]

        # the examples flagged for the tasks teach the models of the tasks only (the
        # budget's and the size's "none of them" would grow by hundreds of task answers)
        for_all = [
            i for i, e in enumerate(examples) if not flagged(e, self.config["tasks_only_flagged"])
        ]

        def fit(labels: List[Text], rows: Optional[List[int]] = None) -> LogisticRegression:
            # unweighted, so that a probability of 0.5 means as likely as not
            model = LogisticRegression(C=self.config["C"], max_iter=self.config["max_iter"])
            if rows is None:
                return model.fit(features, labels)
            return model.fit(features[rows], [labels[i] for i in rows])

        for entity in self.entity_types:
            known = sorted({v for found in values for t, v in found if t == entity})
            if not known:
                continue
            if entity in self.config["several_values"]:
                columns, intercepts = [], []
                for value in known:
                    model = fit([str((entity, value) in found) for found in values])
                    columns.append(model.coef_[0])
                    intercepts.append(model.intercept_[0])
                self.models[entity] = (
                    np.array(known),
                    np.array(columns).T,
                    np.array(intercepts),
                    True,
                )
            else:
                labels = [
                    next((v for t, v in sorted(found) if t == entity), NONE) for found in values
                ]
                model = fit(labels, for_all)
                classes = np.array([str(c) for c in model.classes_])
                self.models[entity] = (classes, model.coef_.T, model.intercept_, False)
        for entity in self.config["several_values"]:
            rows, labels = self._task_examples(examples, entity)
            if len(set(labels)) > 1:
                model = LogisticRegression(C=self.config["C"], max_iter=self.config["max_iter"])
                model.fit(rows, labels)
                classes = np.array([str(c) for c in model.classes_])
                self.task_models[entity] = (classes, model.coef_.T, model.intercept_)
        self.persist()
        return self._resource

    @staticmethod
    def _task_examples(examples: List[Message], entity: Text) -> tuple:
        """One row per annotated task (its label) and per stretch of text between task
        boundaries that holds none (no task)."""
        rows, labels = [], []
        for example in examples:
            tokens, text = token_features(example), example.get(TEXT)
            spans = [
                (x["start"], x["end"], str(x[ENTITY_ATTRIBUTE_VALUE]))
                for x in example.get(ENTITIES) or []
                if x[ENTITY_ATTRIBUTE_TYPE] == entity and "start" in x
            ]
            for start, end, value in spans:
                rows.append(span_features(example, tokens, start, end))
                labels.append(value)
            for start, end in clauses(text):
                if not any(start < b and a < end for a, b, _ in spans):
                    rows.append(span_features(example, tokens, start, end))
                    labels.append(NONE)
        return vstack(rows, format="csr"), labels

    def persist(self) -> None:
        arrays = {}
        for entity, (labels, weights, intercept, several) in self.models.items():
            arrays.update(
                {
                    f"{entity}.labels": labels,
                    f"{entity}.weights": np.ascontiguousarray(weights),
                    f"{entity}.intercept": intercept,
                    f"{entity}.several": np.array(several),
                }
            )
        for entity, (labels, weights, intercept) in self.task_models.items():
            arrays.update(
                {
                    f"tasks.{entity}.labels": labels,
                    f"tasks.{entity}.weights": np.ascontiguousarray(weights),
                    f"tasks.{entity}.intercept": intercept,
                }
            )
        with self._model_storage.write_to(self._resource) as directory:
            np.savez(directory / self.FILE, **arrays)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> FormAnswerClassifier:
        component = cls(config, model_storage, resource)
        try:
            with model_storage.read_from(resource) as directory:
                with np.load(directory / cls.FILE, allow_pickle=False) as arrays:
                    for entity in component.entity_types:
                        if f"{entity}.labels" in arrays:
                            component.models[entity] = tuple(
                                arrays[f"{entity}.{part}"]
                                for part in ("labels", "weights", "intercept", "several")
                            )
                        if f"tasks.{entity}.labels" in arrays:
                            component.task_models[entity] = tuple(
                                arrays[f"tasks.{entity}.{part}"]
                                for part in ("labels", "weights", "intercept")
                            )
        except (ValueError, FileNotFoundError):
            logger.debug("FormAnswerClassifier has no trained weights; it predicts nothing.")
        return component

    def predict(self, message: Message) -> tuple:
        """(entity -> [(value, confidence)] that the models find in the message,
        entity -> (value, confidence) of the likeliest value where they find none);
        head counts are `counted_size`'s."""
        values, columns, _ = sentence_features(message)
        found: Dict[Text, List[tuple]] = {}
        guesses: Dict[Text, tuple] = {}
        for entity, (labels, weights, intercept, several) in self.models.items():
            scores = values @ weights[columns] + intercept
            if several:
                probabilities = 1 / (1 + np.exp(-scores))
            else:
                probabilities = softmax(scores)
            ranked = [
                (str(labels[i]), float(probabilities[i]))
                for i in np.argsort(-probabilities)
                if labels[i] != NONE
            ]
            if several:
                found[entity] = [(v, p) for v, p in ranked if p >= self.config["threshold"]]
            elif (
                probabilities.max() >= self.config["threshold"]
                and ranked[0][1] == probabilities.max()
            ):
                found[entity] = ranked[:1]
            if not found.get(entity) and ranked and ranked[0][1] >= self.config["guess_from"]:
                guesses[entity] = ranked[0]
        return found, guesses

    def tasks(
        self,
        message: Message,
        entity: Text,
        own: Optional[tuple] = None,
        aside: List[tuple] = (),
    ) -> List[tuple]:
        """(start, end, value -> probability) of each stretch of text between task
        boundaries, as the model that reads one task at a time sees it; `own` is the
        stretch that says what the company is (`own_business`), `aside` the words that
        say what it is or who was counted inside a stretch (read around)."""
        if entity not in self.task_models:
            return []
        labels, weights, intercept = self.task_models[entity]
        tokens, read = token_features(message), []
        if tokens.shape[1] != weights.shape[0]:
            return []
        text = message.get(TEXT)
        stretches = clauses_read(text)
        counted = headcount(text) is not None
        products = what_it_does(text)
        subjects = [
            (e.get("start", 0), e.get("end", 0), e.get("value"))
            for e in message.get(ENTITIES) or []
            if e.get("entity") == "subject"
        ]
        circumstances, about, before = False, False, 0
        for start, end in stretches:
            if counted and (
                _COUNTED_PEOPLE.match(text[start:end])
                or _PEOPLE_ONLY.match(text[start:end])
                or _BY_THEIR_JOB.match(text[start:end])
                or _PEOPLE_AT_A_PLACE.match(text[start:end])
                or _NUMBER_EXPLAINED.match(text[start:end])
                or _HIRED_SINCE.match(text[start:end])
            ):
                continue  # "we're 52 now, forgot the new hires": who was counted
            if (start, end) in products:
                continue  # "we make project management software": what the company does
            if _VAGUE.match(text[start:end]):
                continue  # "all the boring stuff", "the usual stuff": no task named
            if read and (_BY_A_CHANNEL.match(text[start:end]) or _WHEN_ONLY.match(text[start:end])):
                continue  # "..., by phone", "..., mostly the night shift": how or when
            if read and _THAT_KIND.match(text[start:end]):
                continue  # "phone surveys of our customers, satisfaction type stuff": the same
            if names_the_two_only(text, start, end, subjects):
                continue  # "..., outsourcing company or the phone people?": the two named
            if (start, end) == own or names_a_kind_of_business(text[start:end]):
                continue  # "pharmacy chain, 600 staff, ...", "repair shop": what the company is
            filler = _LEADING_FILLER.match(text[start:end])
            lead = start + (filler.end() if filler else 0)
            wish = _WISH.match(text, lead, end)
            if wish and len(text[wish.end() : end].split()) <= _SHORT_TASK_WORDS:
                lead = wish.end()
            # ... where what is left is long enough to be a task told ("only phone" is not)
            rest = text[lead:end].split() if lead > start else []
            told = len(rest) > self.config["fragment_words"] or (
                len(rest) == self.config["fragment_words"] and _TOLD_AS_WORK.match(rest[0])
            )  # "(we'd want them) doing our accounts"
            inner = lead if told else start
            probabilities = whole = self._read_around(message, entity, tokens, inner, end, aside)
            head = _CIRCUMSTANCES.search(text, inner, end)
            if (
                head
                and max(probabilities, key=probabilities.get) == NONE
                and len(text[inner : head.start()].split()) >= self.config["head_words"]
            ):
                # the task before its circumstances, where they drown it: told as an
                # activity, or read surely ("it's the customers who ring | when ...")
                told = self._read(message, entity, tokens, inner, head.start())
                _, confidence = likeliest_task(told)
                if confidence > told.get(NONE, 0.0) and (
                    _ACTIVITY.match(text, inner) or confidence >= self.config["sure_head_from"]
                ):
                    probabilities = told
            handed = _WORK_HANDED.search(text, inner, end)
            if (
                handed
                and max(probabilities, key=probabilities.get) == NONE
                and len(text[handed.end() : end].split()) >= 2
                and not _DENIED.search(text[inner : handed.start()])
            ):
                # "football club looking at outsourcing the fan phone line": the work named
                # after the handing over, where the club drowns it
                after = self._read_around(message, entity, tokens, handed.end(), end, aside)
                if likeliest_task(after)[1] > after.get(NONE, 0.0):
                    probabilities = after
            if (
                circumstances
                and (
                    _GOES_ON.match(text[before:end])
                    # "... questions about their membership plan and problems with the rooms":
                    # more of what they ask, read unsurely as a task of its own
                    or (
                        _AND_MORE.match(text[before:end])
                        and likeliest_task(probabilities)[1] < self.config["fragment_below"]
                    )
                    or (
                        about
                        and _AND_MORE.match(text[before:end])
                        and len(text[start:end].split()) <= self.config["fragment_words"]
                        and likeliest_task(probabilities)[0] in _CALLED_ABOUT
                    )
                )
            ):
                before = end
                continue  # "... when their door code doesn't work or the room got double booked"
            # "... to ask about adopting a dog or how the home check works": more of what
            # they ask, read with the asking
            about = bool(_CONTACTS_ABOUT.search(text, inner, end))
            circumstances = (
                (bool(head) and probabilities is not whole)
                or bool(_ASKING.search(text, inner, end))
                or about
            )
            read.append((start, end, orders_sent_out(text[start:end], probabilities)))
            before = end
        return read

    def _read_around(
        self,
        message: Message,
        entity: Text,
        tokens: csr_matrix,
        start: int,
        end: int,
        aside: List[tuple],
    ) -> Dict[Text, float]:
        """The reading of text[start:end] without the words set aside in it ("8 admin"
        counted, "our accountancy practice" for which advice is asked): the likeliest
        task of the pieces around them, or no task where nothing else is said."""
        inside = sorted((max(s, start), min(t, end)) for s, t in aside if s < end and start < t)
        if not inside:
            return self._read(message, entity, tokens, start, end)
        text, pieces, at = message.get(TEXT), [], start
        for s, t in inside:
            if _A_WORD.search(text[at:s]):
                pieces.append((at, s))
            at = max(at, t)
        if _A_WORD.search(text[at:end]):
            pieces.append((at, end))
        readings = [self._read(message, entity, tokens, a, b) for a, b in pieces]
        if not readings:
            labels = self.task_models[entity][0]
            return {str(label): float(str(label) == NONE) for label in labels}
        return max(readings, key=lambda p: likeliest_task(p)[1])

    def _read(
        self, message: Message, entity: Text, tokens: csr_matrix, start: int, end: int
    ) -> Dict[Text, float]:
        """value -> probability of the task model's reading of text[start:end]."""
        labels, weights, intercept = self.task_models[entity]
        scores = np.asarray(span_features(message, tokens, start, end) @ weights)[0]
        probabilities = softmax(scores + intercept)
        return dict(zip(map(str, labels), map(float, probabilities), strict=True))

    def read_tasks(
        self,
        message: Message,
        entity: Text,
        entities: List[Dict],
        read: List[tuple],
        add: bool = True,
    ) -> List[Dict]:
        """The tasks read one at a time (`read`, from `tasks`), added to the
        entity_ruler's exact terms (unless `add` is false). A term the model finds out
        of place in its stretch ("sales" in "turning our sales numbers into reports",
        "delivery" in "phoning customers after each delivery to ask how satisfied they
        were") is dropped."""
        threshold, sure, unlikely = (
            self.config[k] for k in ("task_threshold", "overrule_from", "overrule_below")
        )
        found: List[Dict] = []
        for start, end, probabilities in read:
            clause = message.get(TEXT)[start:end]
            value, confidence = likeliest_task(probabilities)
            if confidence < threshold:
                continue
            if value == self.config["tech_task"] and not _TECH_WORDS.search(clause):
                continue  # "it" the pronoun
            if (
                (
                    probabilities.get(NONE, 0.0) > confidence
                    # "which one for a mobile phone repair chain": things named, nothing
                    # done to them, read unsurely
                    or (confidence < sure and not _DOING.search(clause))
                )
                and (message.get(INTENT) or {}).get("name") != self.config["answer_intent"]
                and not _WANTING.search(clause)
            ):
                # "shoe store chain, need a recommendation": likelier no task, nothing
                # asked for, and no answer; only the question about the tasks takes it
                found.append({**self._entity(message, entity, value, confidence, start, end),
                              "role": GUESS})  # fmt: skip
                continue
            if confidence >= sure and not _TAKING_AWAY.search(clause):
                entities = [
                    e
                    for e in entities
                    if e[ENTITY_ATTRIBUTE_TYPE] != entity
                    or not start <= e.get("start", -1) < end
                    or probabilities.get(str(e[ENTITY_ATTRIBUTE_VALUE]), 1.0) >= unlikely
                ]
            if any(
                e[ENTITY_ATTRIBUTE_TYPE] == entity
                and not e.get("role")
                and start <= e.get("start", -1) < end
                # (only IT's own term, which the model misreads beside "it" the pronoun)
                and str(e[ENTITY_ATTRIBUTE_VALUE]) == self.config["tech_task"] != value
                and probabilities.get(str(e[ENTITY_ATTRIBUTE_VALUE]), 0.0)
                >= self.config["kept_term_from"]
                for e in entities
            ):
                # "need help with it support": the exact term the model also finds likely
                # is the stretch's task, not a second one beside it
                continue
            terms = {
                str(e[ENTITY_ATTRIBUTE_VALUE])
                for e in entities
                if e[ENTITY_ATTRIBUTE_TYPE] == entity
                and not e.get("role")
                and start <= e.get("start", -1) < end
            }
            if terms and value not in terms and confidence < self.config["beside_a_term_from"]:
                # "making sense of our sales numbers", "supply chain stuff": the exact
                # term is the stretch's task; an unsure other reading of it is no second one
                continue
            found.append(self._entity(message, entity, value, confidence, start, end))
        if not add:
            return entities
        values = {
            str(e[ENTITY_ATTRIBUTE_VALUE]) for e in entities if e[ENTITY_ATTRIBUTE_TYPE] == entity
        }
        # a stretch read surely before a guess at the same task elsewhere ("Charter
        # airline, ... we want a partner to handle passenger calls")
        for e in sorted(found, key=lambda e: e.get("role") == GUESS):
            if e.get("role") == GUESS and any(
                x[ENTITY_ATTRIBUTE_TYPE] == entity and not x.get("role") for x in entities
            ):
                continue  # a guess only where nothing else was read
            if e[ENTITY_ATTRIBUTE_VALUE] not in values:
                values.add(e[ENTITY_ATTRIBUTE_VALUE])
                entities.append(e)
        return entities

    def supported(self, read: List[tuple], found: List[tuple], text: Text) -> List[tuple]:
        """The stretches read, less a short one read unsurely (below `fragment_below`) as
        a task the whole message, read surely, does not name, next to a stretch read
        surely as one it does: in "calling gyms and hotels to sell them our bikes" the
        "and" joins two kinds of customer of one task (sales), and "calling gyms" alone
        reads a little like support; "sending them out" after "packing parcels" goes on
        with the same task. None when all are read so, unlike the whole."""
        sure = self.config["fragment_below"]
        whole = {v for v, p in found if p >= self.config["threshold"]}
        if max((p for _, p in found), default=0.0) < self.config["whole_from"]:
            return read
        if all(likeliest_task(p)[1] < sure and likeliest_task(p)[0] not in whole for *_, p in read):
            return []  # "phoning bars and pubs to get them to stock our beer": one task

        def sure_of_the_whole(neighbour: Optional[tuple]) -> bool:
            if neighbour is None:
                return False
            value, confidence = likeliest_task(neighbour[2])
            return confidence >= sure and value in whole

        kept = []
        for start, end, probabilities in read:
            value, confidence = likeliest_task(probabilities)
            fragment = (
                confidence < sure
                and value not in whole
                and len(text[start:end].split()) <= self.config["fragment_words"]
                # ("..., some of them are 6 months behind and keep promising": anywhere)
                and any(sure_of_the_whole(other) for other in read if other[:2] != (start, end))
            )
            if not fragment:
                kept.append((start, end, probabilities))
        return kept

    def states_an_answer(
        self, message: Message, predicted: Dict[Text, List[tuple]], read: List[tuple]
    ) -> bool:
        """A statement, about no subject, of a task or a budget the model reads surely
        (the whole message's reading `predicted`, the tasks `read` one at a time): "a
        phone line where people can order pizza", "we'd like to keep it cheap" are
        answers, whatever the intent."""
        text = message.get(TEXT) or ""
        if QUESTION_SHAPE.search(text) or names_a_subject(message):
            return False
        if any(  # "industries that use outsourced customer support" asks about industries
            e.get("entity") == "aspect" and e.get("value") not in self.config["incidental_aspects"]
            for e in message.get(ENTITIES) or []
        ):
            return False
        if any(p >= self.config["stated_budget_from"] for _, p in predicted.get("budget", [])):
            return True
        if _WEIGHING.search(text):
            return False
        return any(
            likeliest_task(probabilities)[1] >= self.config["stated_task_from"]
            for _, _, probabilities in read
        )

    def budget_in_a_sentence(self, message: Message) -> Optional[tuple]:
        """(value, confidence) of a budget one sentence of a longer message states surely
        ("we're a bike rental place, 14 ppl, ... budget tiny. what do u recommend"): read
        whole, the other sentences drown it."""
        entity = self.config["budget_entity"]
        if entity not in self.models:
            return None
        tokens, text = token_features(message), message.get(TEXT) or ""
        best = None
        for start, end in sentences(text):
            if not names_money(text[start:end]):
                continue  # "mostly tourists in summer": no budget without a word of money
            for label, p in self._budget_on(message, tokens, start, end).items():
                if (
                    label not in (NONE, self.config["unsure"])
                    and p >= self.config["stated_budget_from"]
                ):
                    if best is None or p > best[1]:
                        best = (label, p)
        return best

    def counted_size(self, message: Message) -> Optional[Text]:
        """The size class of a head count anywhere in the message, if there is one."""
        people = headcount(message.get(TEXT) or "")
        if people is None:
            return None
        return size_class(people, self.config["medium_from"], self.config["large_from"])

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not message.get(TEXT):
                continue
            predicted, guesses = self.predict(message)
            budget_entity = self.config["budget_entity"]
            if not predicted.get(budget_entity) and len(sentences(message.get(TEXT))) > 1:
                stated = self.budget_in_a_sentence(message)
                if stated:
                    predicted[budget_entity] = [stated]
                    guesses.pop(budget_entity, None)
            in_a_word = amount_in_a_word(message.get(TEXT))
            # (the words beat the model's reading of the other end: "hardly anything to spend
            # honestly" reads a little like the flexible budgets that speak of spending; "some,
            # but not much" keeps a moderate reading)
            read_as = {value for value, _ in predicted.get(budget_entity) or []}
            in_words = bool(in_a_word) and read_as <= {_OTHER_END[in_a_word]}
            # "not too cheap, not too expensive": neither end's word is the budget
            middle = not in_words and (
                both_ends_denied(message.get(TEXT)) and not _COUNTS_PEOPLE.search(message.get(TEXT))
            )
            if in_words:
                predicted[budget_entity] = [(in_a_word, 1.0)]
                guesses.pop(budget_entity, None)
            elif middle:
                predicted[budget_entity] = [(_MIDDLE, 1.0)]
                guesses.pop(budget_entity, None)
            elif quantity_alone(message.get(TEXT)) and read_as != {"flexible"}:
                predicted.pop(budget_entity, None)
                guesses[budget_entity] = ("flexible", 1.0)
            size_entity, counted = self.config["size_entity"], self.counted_size(message)
            if not counted and _NEGATED_SIZE.search(message.get(TEXT)):
                # "we're not that small": bigger, but how big it does not say
                predicted.pop(size_entity, None)
                guesses.pop(size_entity, None)
            if not counted and counts_things(message.get(TEXT)):
                # "4 hotels": how big that is, nobody can say from it; the question again
                predicted.pop(size_entity, None)
                guesses.pop(size_entity, None)
            if _VAGUE.match(message.get(TEXT)):
                for entity in self.config["several_values"]:  # "the stuff on the list"
                    predicted.pop(entity, None)
                    guesses.pop(entity, None)
            # (after the readings of a size denied: this one denies both ends)
            both_sizes = _BOTH_SIZE_ENDS_DENIED.search(message.get(TEXT))
            size_middle = not (counted or in_words or middle) and bool(both_sizes)
            span = both_sizes.span() if both_sizes else (0, 0)
            # a budget said beside it ("... and money is tight"): that budget, left as read
            budget_beside = any(
                e[ENTITY_ATTRIBUTE_TYPE] == budget_entity
                and not span[0] <= e.get("start", -1) < span[1]
                for e in message.get(ENTITIES) or []
            )
            if size_middle and budget_beside:
                # "neither big nor small, and the money is tight": the size, then the budget
                predicted[size_entity] = [(_MIDDLE_SIZE, 1.0)]
                guesses.pop(size_entity, None)
            elif size_middle and (_MONEY_SAID.search(message.get(TEXT)) or read_as == {_MIDDLE}):
                # "reasonable, not huge not tiny": said of the money, the budget itself
                predicted[budget_entity] = [(_MIDDLE, 1.0)]
                guesses.pop(budget_entity, None)
            elif size_middle:
                for entity, value in ((budget_entity, _MIDDLE), (size_entity, _MIDDLE_SIZE)):
                    predicted.pop(entity, None)
                    guesses[entity] = (value, 1.0)
            entities = [
                e
                for e in message.get(ENTITIES) or []
                if self._usable(e)
                # "well not that small anymore": no size said
                and not (
                    e[ENTITY_ATTRIBUTE_TYPE] == size_entity
                    and _NEGATED.search(message.get(TEXT)[: e.get("start", 0)])
                )
            ]
            # "tight actually, not moderate": the budget said, not the one denied
            denied = [
                e
                for e in entities
                if e[ENTITY_ATTRIBUTE_TYPE] == budget_entity
                and (
                    _NEGATED.search(message.get(TEXT)[: e.get("start", 0)])
                    # "tight, not moderate or flexible"
                    or _DENIED_IN_A_LIST.search(message.get(TEXT)[: e.get("start", 0)])
                )
            ]
            if any(e[ENTITY_ATTRIBUTE_TYPE] == budget_entity and e not in denied for e in entities):
                entities = [e for e in entities if e not in denied]
            if middle:
                entities = [e for e in entities if e[ENTITY_ATTRIBUTE_TYPE] != budget_entity]
            if size_middle:  # ("neither too big nor too small": no "small" of the ruler's)
                entities = [
                    e
                    for e in entities
                    if e[ENTITY_ATTRIBUTE_TYPE] not in (budget_entity, size_entity)
                    or not span[0] <= e.get("start", -1) < span[1]
                ]
            own = own_business(message.get(TEXT))
            # "IT services" in "we are an IT services firm of 200", "sales" in "we do sales
            # and rentals": no task
            said_of_itself = (
                ([own] if own else [])
                + what_it_does(message.get(TEXT))
                + staff_of_a_kind(message.get(TEXT))
                + hired_for(message.get(TEXT))
                + units_of_its_own(message.get(TEXT))
            )
            # ... and, read around inside a stretch, the trade advice is asked for and the
            # staff counted by their work alone
            aside = for_our_firm(message.get(TEXT)) + counted_by_their_work(message.get(TEXT))
            said_of_itself += aside
            text = message.get(TEXT)
            read = {entity: self.tasks(message, entity, own, aside) for entity in self.task_models}
            # ... unless that work is asked for too ("we're an IT firm of 110 and need help
            # with it support"), in a stretch that does not say it
            asked_too = {
                likeliest_task(probabilities)[0]
                for found in read.values()
                for start, end, probabilities in found
                if not any(s < end and start < t for s, t in said_of_itself)
                and likeliest_task(probabilities)[1] >= max(probabilities.get(NONE, 0.0), 0.4)
            }
            entities = [
                e
                for e in entities
                if e[ENTITY_ATTRIBUTE_TYPE] not in self.config["several_values"]
                or not (
                    (
                        any(
                            s <= e.get("start", -1) < t
                            # (the model's reading of a whole stretch, that holds the staff
                            # counted: "about 55 lawyers plus support staff, so 90ish")
                            or (
                                e.get("extractor") == self.__class__.__name__
                                and e.get("start", -1) < t
                                and s < e.get("end", -1)
                            )
                            for s, t in said_of_itself
                        )
                        and str(e[ENTITY_ATTRIBUTE_VALUE]) not in asked_too
                    )
                    or (e.get("extractor") != self.__class__.__name__ and tells_when(text, e))
                )
            ]
            tasks = read.get(self.config["several_values"][0], [])
            if self.states_an_answer(message, predicted, tasks):
                message.set(STATED_ANSWER, True)
            elif is_knowledge_question(message) and not BARE_CHOICE.search(text):
                # a head count, and the ruler's terms where they are in place (a bare
                # choice, "... our warehouse needs running. bpo or call centre?", is read
                # whole: ChoiceQuestion makes it the request for the form it is)
                predicted, guesses = {}, {}
                for entity in self.task_models:
                    # what the model reads stays a guess: only the form's question about
                    # the tasks takes it ("someone to phone leads and sell them home
                    # battery systems" reads a little like a question on technology)
                    ruled = {str(e[ENTITY_ATTRIBUTE_VALUE]) for e in entities}
                    entities = self.read_tasks(message, entity, entities, read[entity], add=False)
                    held = [
                        e
                        for e in self.read_tasks(message, entity, [], read[entity])
                        if str(e[ENTITY_ATTRIBUTE_VALUE]) not in ruled and not e.get("role")
                    ]
                    hold_back(message, held)
                    if names_a_subject(message):
                        continue  # "do call centers only handle phone calls?": a question
                    entities += [{**e, "role": GUESS} for e in held]
            if counted:
                predicted[size_entity] = [(counted, 1.0)]
                guesses.pop(size_entity, None)
            ruled = {(e[ENTITY_ATTRIBUTE_TYPE], str(e[ENTITY_ATTRIBUTE_VALUE])) for e in entities}
            for entity, found in predicted.items():
                if entity == size_entity and counted:
                    # a head count beats a word: "a small team of 300" is large
                    entities = [e for e in entities if e[ENTITY_ATTRIBUTE_TYPE] != entity]
                    ruled = {r for r in ruled if r[0] != entity}
                elif entity not in self.config["several_values"] and any(
                    t == entity for t, _ in ruled
                ):
                    continue  # an exact term already answered it
                whole_wins = False
                if entity in self.task_models:
                    stretches = self.supported(read[entity], found, message.get(TEXT))
                    entities = self.read_tasks(message, entity, entities, stretches)
                    if any(e[ENTITY_ATTRIBUTE_TYPE] == entity for e in entities):
                        continue  # the whole message's reading only where no task was read
                    # "phoning bars and pubs to get them to stock our beer": one task
                    whole_wins = bool(read[entity]) and not stretches
                unstated = self.unstated(message, entity, counted)
                for value, confidence in found:
                    if (entity, value) not in ruled:
                        read_as = self._entity(message, entity, value, confidence)
                        guessed = (
                            unstated
                            or (not whole_wins and self.unsupported(read.get(entity), value))
                            or self.budget_beside_a_task(message, entity, value, tasks)
                            or self.budget_beside_a_count(message, entity, counted)
                        )
                        entities.append({**read_as, "role": GUESS} if guessed else read_as)
            for entity in self.config["several_values"]:
                removed = taken_away(message.get(TEXT), entities, entity)
                kept = []
                for e in entities:
                    if (
                        e[ENTITY_ATTRIBUTE_TYPE] == entity
                        and str(e[ENTITY_ATTRIBUTE_VALUE]) in removed
                    ):
                        if _whole_message(message.get(TEXT), e):
                            continue
                        e["role"] = REMOVED  # no slot mapping takes it; the form subtracts it
                    kept.append(e)
                entities = kept
            deciders = money_deciders(message.get(TEXT))
            places = places_of_work(message.get(TEXT))
            entities = [
                e
                for e in entities
                if e[ENTITY_ATTRIBUTE_TYPE] not in self.config["several_values"]
                # (only a task read inside the decision: "management approved the idea of
                # someone chasing late payers" keeps its task)
                or not any(
                    s <= e.get("start", -1) and e.get("end", len(message.get(TEXT))) <= t
                    for s, t in deciders
                )
                # (a stretch the model read that ends in the place: "around 25 people in the
                # warehouse")
                and not any(s < e.get("end", -1) <= t for s, t in places)
            ]
            # words the model reads as a task that name none: "... remind them about overdue
            # bills and get them to pay" (the customers pay, nobody's wages are asked for),
            # "people asking opening hrs" (hours, not HR)
            for names_none, value in ((only_customers_pay, "payroll"), (only_hours_short, "hr")):
                if names_none(text):
                    entities = [
                        e
                        for e in entities
                        if not (
                            e.get("extractor") == self.__class__.__name__
                            and str(e[ENTITY_ATTRIBUTE_VALUE]) == value
                        )
                    ]
            for entity, (value, confidence) in guesses.items():
                if not any(e[ENTITY_ATTRIBUTE_TYPE] == entity for e in entities):
                    guess = self._entity(message, entity, value, confidence)
                    entities.append({**guess, "role": GUESS})
            message.set(ENTITIES, entities, add_to_output=True)
        return messages

    def unsupported(self, read: Optional[List[tuple]], value: Text) -> bool:
        """A task the whole message reads that no stretch of it reads even as a guess
        ("craft brewery, 42 people, we want to outsource something" reads a little like
        hr, for the people): only the question about the tasks takes it."""
        return bool(read) and not any(
            probabilities.get(value, 0.0) >= self.config["guess_from"] for *_, probabilities in read
        )

    def unstated(self, message: Message, entity: Text, counted: Optional[Text]) -> bool:
        """A size or budget that only the model reads in a message that is no answer (a
        request, a question): "corporate training company here, what would you
        recommend" says nothing of the head count, "a municipal water utility, please
        recommend" nothing of the budget. It stays a guess, which only the form's
        question takes; a head count, a word of size ("a big hospital group", "a couple
        of friends") or a word of money or of how much ("so not much") states one."""
        if entity not in self.config["one_value"]:
            return False
        if (message.get(INTENT) or {}).get("name") == self.config["answer_intent"]:
            return False
        if entity == self.config["size_entity"]:
            return not counted and not self.size_words.search(message.get(TEXT) or "")
        text = message.get(TEXT) or ""
        return (
            entity == self.config["budget_entity"]
            and not names_money(text)
            and not amount_in_a_word(text)  # "we rely on donations so not much"
        )

    def budget_beside_a_count(
        self, message: Message, entity: Text, counted: Optional[Text]
    ) -> bool:
        """A budget only the model reads, beside a head count of the visitor's own
        people, in a message that names no money: "sorry, we merged last month, we're 260
        staff now" or "we're 2200 not 220, missed a zero" reads a little like a tight
        budget. It stays a guess (not "2 or 3k a month maybe", a sum)."""
        text = message.get(TEXT) or ""
        return (
            entity == self.config["budget_entity"]
            and counted is not None
            and bool(_COUNTS_PEOPLE.search(text) or _OWN_COUNT.search(text))
            and not names_money(text)
        )

    def budget_beside_a_task(
        self, message: Message, entity: Text, value: Text, tasks: List[tuple]
    ) -> bool:
        """A budget only the model reads, in an answer that tells a task surely, names no
        money and has no stretch besides the tasks that reads as that budget alone:
        "planning the rounds for the skip lorries and where each load goes" reads a
        little like "whatever it takes" (not so "the payroll, and we can splash out").
        It stays a guess."""
        sure = self.config["sure_task_from"]
        if entity != self.config["budget_entity"] or names_money(message.get(TEXT) or ""):
            return False
        if not any(likeliest_task(p)[1] >= sure for *_, p in tasks):
            return False
        tokens = token_features(message)
        return not any(
            self._budget_on(message, tokens, start, end).get(value, 0.0)
            >= self.config["stated_budget_from"]
            for start, end, p in tasks
            if likeliest_task(p)[1] < sure
        )

    def _budget_on(
        self, message: Message, tokens: csr_matrix, start: int, end: int
    ) -> Dict[Text, float]:
        """value -> probability of the budget model's reading of text[start:end]."""
        labels, weights, intercept, _ = self.models[self.config["budget_entity"]]
        if tokens.shape[1] != weights.shape[0]:
            return {}
        scores = np.asarray(span_features(message, tokens, start, end) @ weights)[0]
        return dict(zip(map(str, labels), map(float, softmax(scores + intercept)), strict=True))

    @functools.cached_property
    def size_words(self) -> Pattern:
        return word_pattern(self.config["size_words"])

    def _usable(self, entity: Dict) -> bool:
        """Not a form entity, or one with a value the models know ('small', not '30 people')."""
        model = self.models.get(entity.get(ENTITY_ATTRIBUTE_TYPE))
        return model is None or str(entity.get(ENTITY_ATTRIBUTE_VALUE)) in set(model[0]) - {NONE}

    def _entity(
        self,
        message: Message,
        entity: Text,
        value: Text,
        confidence: float,
        start: int = 0,
        end: Optional[int] = None,
    ) -> Dict:
        return {
            "entity": entity,
            "value": value,
            "start": start,
            "end": len(message.get(TEXT)) if end is None else end,
            "confidence": confidence,
            "extractor": self.__class__.__name__,
        }


_SIZE_WORDS = word_pattern(FormAnswerClassifier.get_default_config()["size_words"])


def states_a_size(text: Text) -> bool:
    """A head count or a word of size ("a big hospital group"): what a request must say
    for the size the model reads in it to count ("need a team to handle our customer
    emails" says none)."""
    return headcount(text) is not None or bool(_SIZE_WORDS.search(text))
