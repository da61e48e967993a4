"""The visitor's own business, told of: what it is, who speaks for it, what it needs.

"travel agency here", "we run 3 dental clinics", "me and my brother, food truck", "our
bakery needs someone to take the phone orders": signs that a message tells of the
visitor's own company and the work it wants handed over, not of a job there, a school
essay or another field's law. `bot.nlp.choice_question` reads a request for the
recommendation from them.
"""

from __future__ import annotations

import re
from typing import Text

# work of the kind the two take on, named in a request ("who does that" of a trade show
# booth's design asks for another supplier)
WORK_OF_THE_TWO = re.compile(
    r"\b(?:phones?|calls?|lines?|customers?|clients?|support|help ?desk|e-?mails?|chats?|dms|"
    r"messages|enquir(?:y|ies)|inquir(?:y|ies)|orders?|bookings?|leads|sales|payroll|salar(?:y|ies)|"
    r"invoic\w*|books|bookkeeping|accounts|accounting|hr|admin\w*|paperwork|it support|"
    r"computers|laptops|logistics|"
    r"shipping|warehouse|reports?|data)\b",
    re.IGNORECASE,
)


# "hotel group here, ...", "bakery owner here": who writes
BUSINESS_HERE = re.compile(
    r"^\W*(?:(?:hi|hey|hello|hiya)\b\W*)?(?:(?!(?:bpos?|call|cent\w+|what\w*|which|explain|"
    r"difference|tell|question|student|grad\w*|job|seeker|applicant|agent|fresher|newbie|"
    r"noob|beginner)\b)[\w'&-]+\s+){1,3}(?:owner|manager|here)\b",
    re.IGNORECASE,
)


# work of the kind the two take on, told in the visitor's story ("our church choir needs new
# robes, worth getting someone to make them?" is no such work)
WORK_OF_OURS = re.compile(
    r"\b(?:calls?|calling|phones?|phoning|ring\w*|enquir\w*|inquir\w*|e-?mails?|messages?|dms|"
    r"whatsapp|chats?|bookings?|orders?|reservations?|appointments?|admin\w*|paperwork|invoic\w*|"
    r"payroll|wages|books|bookkeeping|accounts?|accounting|finance|hr|recruit\w*|hiring|"
    # (IT, not the pronoun)
    r"(?-i:IT)|it (?:support|help|desk|stuff|side)|claims|requests|telemarketing|telesales|"
    r"voicemails?|call-?backs?|dispatch\w*|follow-?ups?|transcription|leads?|onboarding|"
    r"helpdesk|help desk|tech\w*|support|customers?|clients?|patients?|guests?|tickets?|"
    r"complaints?|sales|rotas?|schedul\w*|reports?|reporting|data|billing|payments?|"
    r"debts?|collections?|logistics|deliver\w*|shipping|returns|queries|questions|quotes?|"
    r"estimates?|"
    r"first contact|front desk|reception|back office|operations|processes)\b",
    re.IGNORECASE,
)


# the visitor telling what the company is or does
OWN_STORY = re.compile(
    r"\b(?:we|we'?re|were|our|i|i'?m|my)\b\s+(?:\w+\s+){0,3}?(?:are|is|run|own|sell|make|"
    r"ship|rent|resell|have|operate|manage|work|started|opened|employ|provide|offer|do|"
    r"supply|build|teach|look after|deliver|roast|grow|a|an)\b"
    # "window cleaning business, me and the lads. which one": a kind of business first
    # (not "call center", "bpo company", "customer service centre": one of the two; not
    # "for a small company": companies of a size)
    r"|^\W*(?:(?:hi|hey|hello|hiya|good (?:morning|afternoon|evening))\b\W*)?"
    r"(?!(?:for|which|what|a|an|the|any|kind|type|sort)\b)"
    r"(?:(?!(?:bpos?|call|contact|outsourc\w*|customer|service|support|answering|"
    r"telemarketing|phone|supply|high)\b)[\w'-]+\s+){0,3}"
    r"(?:business|company|firm|farm|shop|practice|agency|centre|center|clinic|studio|"
    r"school|hotel|restaurant|garage|salon|gym|bakery|brewery|winery|pharmacy|chain)\b"
    # (not "school project on bpo vs call centres", "hotel industry and call centres")
    r"(?!\s+(?:project|student|assignment|homework|essay|thesis|course|industry|sector)s?\b)"
    # "food truck, just me and my brother", "me + 2 staff"
    r"|\b(?:just|only) me and\b|\bme (?:and|\+|&) (?:my|\d+|two|three|four|five)\b"
    # "our museum wants someone to phone visitors" (not "i want cheap phones")
    r"|\b(?:our|my)\s+\w+(?:\s+\w+)?\s+(?:wants?|needs?)\b",
    re.IGNORECASE,
)


# what a business is called ("marina", "bakery", "hair salons")
_BUSINESS_NOUN = (
    r"(?:compan(?:y|ies)|business(?:es)?|firms?|shops?|stores?|startups?|agenc(?:y|ies)|clinics?|"
    r"practices?|brands?|studios?|chains?|franchises?|factor(?:y|ies)|dealerships?|resellers?|"
    r"consultanc(?:y|ies)|banks?|hospitals?|schools?|restaurants?|hotels?|charit(?:y|ies)|ngos?|"
    r"labs?|gyms?|salons?|garages?|baker(?:y|ies)|brewer(?:y|ies)|winer(?:y|ies)|cafes?|cafés?|"
    r"farms?|museums?|workshops?|marinas?|venues?|groups?|(?<!call )cent(?:re|er)s?|kennels?|"
    r"nurser(?:y|ies)|pharmac(?:y|ies)|operators?|suppliers?|manufacturers?|wholesalers?|"
    r"retailers?|distributors?|contractors?|clubs?|bureaus?)"
)


# trades named by who does them ("florist here", "locksmiths, trying to decide ..."): a
# business only where nothing is said of them ("printers keep jamming" is no printing firm)
_TRADE = (
    r"(?:florists?|plumbers?|locksmiths?|electricians?|builders?|roofers?|joiners?|carpenters?|"
    r"decorators?|landscapers?|cleaners?|dentists?|vets?|opticians?|physios?|solicitors?|"
    r"architects?|surveyors?|jewell?ers?|butchers?|fishmongers?|greengrocers?|tailors?|"
    r"barbers?|hairdressers?|caterers?|printers?|hauliers?|removals|scaffolders?|glaziers?|"
    r"undertakers?|funeral directors?|breeders?|growers?|roasters?|distillers?|insurers?|"
    r"letting agents?|estate agents?)"
    r"(?:\s+(?:here|owners?|firm|business|company|in\s+[\w-]+|with\b.*|of\b.*))?\s*$"
)


# the first words of a message that name a business and nothing else ("travel agency with a
# few branches, ...", "nursery chain (childcare), ...", "department store. ...")
_FIRST_WORDS = re.compile(r"^\W*(?:(?:hi|hey|hello|hiya)\b\W*)?([^,.;:!?()\n-]+)")


_NOT_A_NAME = re.compile(
    r"^\W*(?:what|which|how|why|who|where|when|is|are|do|does|can|could|would|should|will|"
    r"i|we|my|our|for|in|at|to|if|and|but|so|the|any|help|need|want|looking|question|student|"
    r"job)\b|\b(?:bpos?|call|outsourc\w*|jobs?|careers?|students?|course|project|industry|"
    r"sector)\b",
    re.IGNORECASE,
)


# ... not a kind in general ("retail companies", "big companies", "retailers"), unless
# counted ("hair salons x3", "chain of 20 gyms")
_GENERAL_KIND = re.compile(
    r"^(?!.*(?:\d|\bx\s*\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|few|several)\b))"
    r".*\b(?:companies|businesses|firms|organi[sz]ations|retailers|shops|stores|brands|"
    r"agencies|startups|clinics|practices|hotels|restaurants|banks|hospitals|schools|"
    r"manufacturers|wholesalers|suppliers|operators|charities)\b",
    re.IGNORECASE,
)


def business_first(text: Text) -> bool:
    """The message opens with the name of a kind of business, up to its first comma or
    full stop ("skip hire company. ...", "chain of 20 gyms, ...")."""
    first = _FIRST_WORDS.match(text)
    if not first or len(first.group(1).split()) > 7 or _NOT_A_NAME.search(first.group(1)):
        return False
    if _GENERAL_KIND.search(first.group(1)):
        return False  # "insurance companies, bpo or call center?": companies in general
    return names_a_business(first.group(1))


def names_a_business(words: Text) -> bool:
    """A kind of business named in these few words ("skip hire company", "small golf club",
    "locksmiths")."""
    return bool(
        re.search(rf"\b{_BUSINESS_NOUN}\b", words, re.IGNORECASE)
        or re.search(rf"\b{_TRADE}", words.strip(), re.IGNORECASE)
    )


# the visitor's business, and work it cannot keep up with or wants handed over ("online
# fashion store, 110 staff, returns are drowning us", "hair salons x3, bookings are
# chaos", "hotel group here, we want to hand over a chunk of head office work")
OWN_NEED = re.compile(
    r"\b(?:hand(?:ing)? (?:over|off|out)|hand(?:ing)? (?:stuff|work|things|it|them) (?:over|off)|"
    r"drown\w*|swamp\w*|overwhelm\w*|chaos|"
    r"(?:a|total|complete) (?:mess|nightmare)|struggl\w*|can'?t (?:keep up|cope|answer|manage)|"
    r"(?:too|getting) (?:much|big) (?:for (?:me|us)|to (?:handle|manage))|on (?:my|our) own|"
    r"miss(?:ing)? (?:calls|the phone)|need a hand|want (?:somebody|help|to hand)|"
    # "phones + facebook messages are killing me", "phones go mad every morning"
    r"(?:phones?|calls?|e-?mails?|messages|inbox|admin|paperwork|bookings|enquiries|lines?)"
    r"[^.!?]{0,30}\b(?:killing (?:me|us)|go(?:es|ing)? (?:mad|crazy|nuts))|never stops? ringing|"
    r"eats? (?:up )?(?:all )?(?:of )?(?:my|our) (?:time|days?|weeks?)|"
    # "im looking at outsourcing for my solar panel install business"
    r"(?:looking|thinking) (?:at|into|about) outsourc\w*"
    # "need some help figuring this out" (not "need help with our taxes")
    r"|need (?:some )?help(?: (?:figuring|working|sorting) (?:this|it|things) out)?(?=\W*$)"
    r"|keep(?:s)? losing (?:sales|customers|leads|calls)"
    r"|can'?t (?:staff|cover|man) (?:the )?(?:phones?|lines?|calls?)"
    r"|spends? (?:all day|hours|half the day) (?:on the phones?|answering))\b",
    re.IGNORECASE,
)


# a task stated beside the business ("small music school. hate paperwork")
WANTS_DONE = re.compile(
    r"\b(?:hate (?:the\s+|doing\s+)?\w+|need (?:someone|people)|want someone)\b", re.IGNORECASE
)


# "looking for a company to take over payroll", "i wanna stop doing admin myself": work
# handed over, a need only when it is work of the two (not the cleaning or web design)
# (not "... off our hands": said in corrections too)
HANDING_OVER = re.compile(
    r"\b(?:looking|searching) for (?:an? |some )?(?:outside |external )?(?:company|firm|provider|"
    r"partner|service|some(?:one|body)|people|team|agency)\b[^.!?]{0,40}?\bto (?:take over|"
    r"handle|do|run|manage|answer|look after|take care of|deal with)\b"
    r"|\bstop (?:doing|answering|handling|chasing|running|taking) (?:[\w-]+ ){0,3}?"
    r"(?:myself|ourselves|in-?house)\b"
    # "i'm sick of doing the books", "fed up with answering the phones"
    r"|\b(?:sick|tired) of (?:doing|answering|chasing|running)\b|\bfed up with\b"
    # "need a team to handle our live chat", "our bookkeeping is a mess, can we hand it off"
    r"|\b(?:need|want|looking for)\s+(?:an?\s+|some\s+)?(?:outside\s+|external\s+)?(?:team|"
    r"company|firm|provider|partner|service|agency|some(?:one|body)|people)\s+(?:to|who can|"
    r"that can)\s+(?:take over|handle|do|run|manage|answer|look after|take care of|deal with|"
    r"cover|pick up)\b"
    r"|\b(?:can|could|should)\s+(?:we|i)\s+(?:just\s+)?(?:hand|farm|pass|give|outsource)\s+"
    r"(?:it|this|that|them|these|those)(?:\s+(?:off|over|out|away))?\b",
    re.IGNORECASE,
)


# jobs that are work done for customers, not work sought ("calls about their print jobs")
_WORK_ORDERS = "".join(f"(?<!{trade} )" for trade in ("print", "printing", "repair"))
# ... not a job there, a study or the visitor as a customer
NOT_A_BUSINESS_NEED = re.compile(
    rf"\b(?:agents?|applying|appl(?:y|ied)|interviews?|{_WORK_ORDERS}jobs?|careers?|hired|"
    r"hiring me|students?|grads?|graduat\w*|thesis|assignment|homework|offers?|pays?|salar\w*|"
    # "for my deck: ...", "need list for essay": a piece of work about them
    r"(?:for (?:my |a |an |the )?|my )(?:deck|slides?|presentation|essay|paper|report|class|"
    r"lecture|course ?work|exam|dissertation)|"
    r"my order|i'?m a customer|as a customer|"
    # "5 years experience leading 20 people. call center or bpo to work for?"
    r"(?:years?|yrs) (?:of )?experience|experience (?:in|as|leading)|"
    r"to (?:work|move) (?:for|at|in|into)(?! (?:us|our|my)\b))\b",
    re.IGNORECASE,
)


# ... of someone looking for work ("I got an offer from a BPO in Manila. Is it worth it?")
LOOKING_FOR_WORK = re.compile(
    r"\b(?:job ?seekers?|jobs?|careers?|appl(?:y|ying|ied)|interviews?|hired|students?|grads?|"
    r"graduat\w*|thesis|(?:an? |job )?offers? (?:from|at)|offered me|(?:my|of) experience|"
    r"years? (?:in|at|of)\b|"
    # "I'm starting at a call center next week ...": a new agent
    r"(?:i'?m|i am) starting (?:at|with|in)\b|my (?:first day|shift)\b)",
    re.IGNORECASE,
)


# the law around outsourcing, not a need ("looking into outsourcing rules for our clinic")
# (not "a law firm of 65": a business)
LAW = re.compile(
    r"\b(?:laws?(?!\s+(?:firms?|practices?|offices?|chambers))|legal\w*|regulat\w*|tax\w*|"
    r"rules|wages?|visas?)\b",
    re.IGNORECASE,
)


_GREETED = (
    r"^\W*(?:(?:hi|hey|hello|hiya|heya|howzit|yo|hola|ola|g'?day|greetings|"
    r"good (?:morning|afternoon|evening))(?: there)?\b\W*)?"
    r"(?:(?:so|well|ok|okay|right|um+|hmm+)\b\W*)*"
)


# what a visitor may run that is no business of the kind ("i run a blog about outsourcing",
# "i have a gym membership", "we run a contact centre": one of the two)
_NOT_RUN_AS_A_BUSINESS = (
    r"(?!(?:[\w'&-]+\s+)?(?:blog|vlog|youtube|channel|podcast|website|site|newsletter|page|"
    r"account|forum|community|course|class|marathon|race|risk|question|team|call|bpo|contact|"
    r"customer|membership|appointment|apartment|flat|project|book|reading|support|facebook|"
    r"instagram|whatsapp|online|local|car|boat|horse|house)s?\b)"
)


# ... or the visitor introduces the business it speaks for ("hi i manage a small marina",
# "i run a kennel and cattery", "we're a firewood delivery business", "I am the managing
# director of a clock repair workshop", "me and my brother run a garage")
_SPEAKERS = (
    r"(?:(?:i|we)(?:\s+(?:also|now|currently))?|me and my \w+|my \w+ and i|our family|my family)"
)


_INTRODUCTION = re.compile(
    _GREETED + r"(?:" + _SPEAKERS + r"\s+(?:run|runs|operate|operates|manage|founded|started)\s+"
    r"(?:an?|our|my|two|three|four|five|\d+)\s+"
    # "i own a violin repair shop" (not "i own a car")
     + r"|" + _SPEAKERS + r"\s+(?:own|owns|co-?own)\s+(?:an?|our|my|two|three|four|five|\d+)\s+"
    rf"(?=(?:[\w'&-]+\s+){{0,4}}{_BUSINESS_NOUN}\b)"
    # (not "i'm a receptionist at a dental clinic")
    rf"|(?:i|we)(?:'?m|'?re|\s+am|\s+are)\s+(?:an?|one of (?:the|two))\s+"
    rf"(?=(?:(?!(?:at|for|in|with|of)\b)[\w'&-]+\s+){{0,4}}{_BUSINESS_NOUN}\b)"
    # "we have a drone survey company", "we've got 3 archery ranges and a shop"
    r"|(?:i|we)(?:\s+have|'?ve got|\s+have got)\s+(?:an?|two|three|four|five|\d+)\s+"
    rf"(?=(?:[\w'&-]+\s+){{0,4}}{_BUSINESS_NOUN}\s*(?:$|[,.;:!]))"
    r"|(?:i'?m|im|i am)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:owner|"
    r"director|founder|co-?founder|ceo|md|proprietor)\s+(?:of|at)\s+(?:an?|our|my|the)\s+"
    rf"(?=(?:[\w'&-]+\s+){{0,4}}{_BUSINESS_NOUN}\b)"
    r")" + _NOT_RUN_AS_A_BUSINESS,
    re.IGNORECASE,
)


# ... and the rest of the message only says how big it is, what it does or where it is
# ("..., me and 3 others", "..., we look after fish tanks in offices", "... in leeds"); a
# story of something else ("i manage a restaurant and my chef quit") is no introduction
_PARTS = re.compile(r"\s*(?:[,.;:!]+|\s-+\s|\band\s+(?=(?:i|we|my|our|me)\b))\s*", re.IGNORECASE)


_SIZE_SAID = re.compile(
    r"\b(?:\d[\d,.k+]*|one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|"
    r"thousand|few|couple)\b|\b(?:small|tiny|big|large|little)\s+(?:team|crew|outfit|business)\b"
    r"|\bme (?:and|&|\+) \w+|\bof us\b|\bjust me\b",
    re.IGNORECASE,
)


_WHERE_IT_IS = re.compile(
    r"^(?:(?:we'?re|we are|based|located)\s+)?(?:in|near|from|across|out of|around)\s+[\w' -]+$",
    re.IGNORECASE,
)


_TELLING_MORE = re.compile(
    r"^(?:we|i)\s+(?:also\s+|mainly\s+|mostly\s+)?(?:do|make|build|sell|run|offer|provide|"
    r"supply|look after|serve|work|cover|grow|fix|repair|install|host|teach|deliver|"
    r"specialise|specialize)\b"
    r"|^(?:mostly|mainly|mostly doing|specialising|specializing|making|building|selling|"
    r"supplying|doing)\b",
    re.IGNORECASE,
)


NEEDS = re.compile(r"\b(?:needs?|needed|wants?|looking for|would like|'d like)\b", re.I)


# ... or a story of another kind ("... my chef quit", "... our members love it")
STORY_OF_ANOTHER_KIND = re.compile(
    r"\b(?:needs?|needed|wants?|looking for|broke|broken|problems?|issues?|trouble|quit|"
    r"stolen|robbed|flooded|closing|closed|clos(?:e|ing) down|selling|sold|bored|browsing|"
    r"love|loves|loved|great|review|acquired|bankrupt)\b"
    # ... or one of the two itself ("we provide customer support for other companies")
    r"|\b(?:support|service|calls?|call handling|outsourcing|back office)\s+for\s+other\s+"
    r"(?:companies|businesses|firms|brands)\b",
    re.IGNORECASE,
)


# "... for my solar panel install business"
# (not "our resellers", "our suppliers": others)
OUR_BUSINESS = re.compile(
    r"\b(?:my|our)\s+(?:[\w'&-]+\s+){0,3}(?:business|company|firm|shop|store|startup|agency|"
    r"clinic|practice|studio|workshop|salon|restaurant|hotel|farm|bakery|gym|garage|chain)\b",
    re.IGNORECASE,
)


# words that ask something, beside a question mark
ASKING = re.compile(
    r"\b(?:what\w*|which|how|why|where|when|who|tell me|explain|describe|list|show me|send me|"
    r"give me|curious|reading up|want to know|wondering|advantages?|benefits?|pros|cons|"
    r"differ\w*|defin\w*|meaning|history|"
    r"(?:can|could|would|will|do|does|should) (?:you|i|we|they|it|a|an|the)|is there|are there)\b",
    re.IGNORECASE,
)


# ... or tells what its business does or is ("we dig boreholes for farms", "im a tree
# surgeon"), with its size or work it cannot keep up with ("..., we're a crew of 7")
TELLS_WHAT_IT_DOES = re.compile(
    _GREETED + r"(?:(?:we|i)\s+(?:\w+\s+)?(?:grow|make|build|teach|roast|breed|brew|bake|print|"
    r"repair|install|clean|host|design|import|export|sell|fix|hire|train|trade|produce|"
    r"distribute|cater|transport|publish|develop|dig|maintain|look after|deliver|supply|rent|"
    r"ship|organi[sz]e|provide|offer|restore|refurbish|renovate|recycle|service|inspect|"
    r"treat|operate|own|run)(?:s|es)?\b"
    r"|(?:i'?m|im|i am|we'?re|we are)\s+an?\s+"
    r"(?!(?:team|group|bunch|couple|family|class|club|book|student|nurse|volunteer)s?\b)[\w-]+)"
    + _NOT_RUN_AS_A_BUSINESS,
    re.IGNORECASE,
)


# ("i'm the owner of a contact centre" is no "bakery owner here")
_SPEAKER_FIRST = re.compile(r"^\W*(?:i|i'?m|im|we|we'?re)\b", re.IGNORECASE)


# someone who works for a business, not one who speaks for it
EMPLOYEE = re.compile(
    r"\b(?:manager|assistant|employee|agent|clerk|intern|student|nurse|teacher|cashier|"
    r"waiter|waitress|worker|receptionist|chef|cook|driver|developer|years? old)\b",
    re.IGNORECASE,
)


# "small salon, 5 stylists incl me": a business named bare, said first, with its size
_BUSINESS_NAMED = re.compile(
    _GREETED + r"(?:(?:an?|the|our|my)\s+)?"
    r"(?:(?!(?:bpos?|call|contact|support|service|customer|job|data|fitness|shopping|student|"
    r"my|our|your|their|his|her)\b)[\w'&-]+\s+){0,3}" + _BUSINESS_NOUN + r"(?=\s*[,;:.!]|\s-+\s)",
    re.IGNORECASE,
)


# ... its head count: "5 stylists incl me", "me and two mechanics", "about 12 staff" (not "2
# parcels", "200 members", "3 recruiters called me today")
_WORKERS = (
    r"(?:people|ppl|persons|staff|employees|workers|guys|folks|colleagues|crew|team members|devs|"
    r"heads|hands|ftes?|"
    r"(?!(?:orders|others|numbers|members|customers|users|followers|subscribers|viewers|"
    r"buyers|passengers|players|tickets|dollars|hours|years|layers|containers|letters|"
    r"papers|stickers|burgers|flowers|lockers|printers|computers|trainers? sessions)\b)"
    r"[a-z]+(?:ists|ians|ors|ers|ants|ics|ses|chefs|techs|agents|reps|cooks|drivers))"
)


_HEADCOUNT = re.compile(
    r"^(?:(?:about|around|approx\.?|roughly|like|some|nearly|almost|over|under|~)\s+)?"
    r"(?:\d[\d,.k+]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|"
    r"dozen|a couple of|a few|twenty|thirty|forty|fifty|a hundred|hundred)\s+"
    rf"(?:\w+\s+)?{_WORKERS}(?:\s+(?:incl(?:uding|\.)?|plus|and|\+|with|counting)\s+me)?\W*$"
    r"|^(?:just me|me (?:and|&|\+|plus) (?:\w+\s+)?\w+|"
    r"(?:\d+|a few|two|three|four|five) of us)\W*$",
    re.IGNORECASE,
)


# "just looking into options tbh": no question, the options are what the visitor weighs
_EXPLORING = re.compile(
    r"^(?:(?:just|only|currently|now|so)\s+)?(?:looking|exploring|checking|researching)\s+"
    r"(?:(?:into|at|out|up on)\s+)?(?:the\s+|my\s+|our\s+|some\s+)?(?:options|outsourcing)\b"
    r"(?:\s+(?:tbh|to be honest|for now|atm|really))?\W*$",
    re.IGNORECASE,
)


_TURN = re.compile(r"\b(?:so|but|because|though|hard|sure|idk|dunno|count)\b", re.IGNORECASE)


# "we are a start-up", "we're a large company": a size, said as an answer
SIZE_ALONE = re.compile(
    r"^\W*(?:we(?:'re| are)|i'?m|im|i am)\s+an?\s+(?:(?:very|really|fairly|pretty|quite)\s+)?"
    r"(?:small|large|big|tiny|huge|medium|mid-?sized?|start-?up|startup|growing|global|"
    r"multinational|sme|enterprise|corporate)\b",
    re.IGNORECASE,
)


def introduces_itself(text: Text) -> bool:
    """The message introduces the visitor's business and says no more than how big it
    is, what it does or where it is."""
    speaker_first = bool(_SPEAKER_FIRST.match(text))
    start = _INTRODUCTION.match(text) or (None if speaker_first else BUSINESS_HERE.match(text))
    named = None if start or speaker_first else _BUSINESS_NAMED.match(text)
    start = start or named
    if not start or ASKING.search(text) or STORY_OF_ANOTHER_KIND.search(text):
        return False
    if speaker_first and EMPLOYEE.search(text):
        return False
    parts = [p for p in _PARTS.split(text[start.end() :]) if p.strip()]
    if named:
        # a business named bare says its head count and no more ("small salon, 5 stylists
        # incl me. just looking into options"; not "pizza shop, 2 large pepperoni pls",
        # "big company, 5000 employees. i work there as a cashier", "gym, 3 times a week")
        return any(_HEADCOUNT.match(part) for part in parts) and all(
            _HEADCOUNT.match(part) or _EXPLORING.match(part) or _WHERE_IT_IS.match(part)
            for part in parts
        )
    return all(
        # the rest of the business's name ("... kennel and cattery"; not "... franchise so
        # hard to count")
        (i == 0 and len(part.split()) <= 8 and not _TURN.search(part))
        or _SIZE_SAID.search(part)
        or _WHERE_IT_IS.match(part)
        or _TELLING_MORE.match(part)
        or _INTRODUCTION.match(part)  # "I am the managing director of .... We are five people."
        or TELLS_WHAT_IT_DOES.match(part)
        or _EXPLORING.match(part)
        for i, part in enumerate(parts)
    )


# ... in words of a business ("my cat is sick, what should i do?" tells of none)
BUSINESS_SIGN = re.compile(
    r"\b(?:compan(?:y|ies)|business\w*|(?:firm|shop|store|startup|start-up|agency|clinic|"
    r"practice|brand|studio|chain|franchise|factory|dealership|reseller|consultancy|bank|"
    r"insurer|hospital|school|restaurant|hotel|charity|ngo|lab|gym|salon|garage|bakery|"
    r"brewery|winery|cafe|farm|office|customer|client|patient|guest|museum|workshop|"
    r"shipyard|boatyard|foundr(?:y|ie)|marina|venue|"
    # "a falconry centre" (not a job centre)
    r"(?<!job )cent(?:re|er))s?|"
    r"staff|employees|team|crew|people|ppl|orders?|calls?|phones?|sales|invoices?|payroll|"
    # "we get booking enquiries from weddings all day"
    r"bookings?|enquir(?:y|ies)|inquir(?:y|ies)|quotes?|appointments?|reservations?|"
    r"support|run|own|operate|sell|ship|rent|resell|employ|supply|deliver|"
    r"provide|offer|manufactur\w*)\b"
    # "we grow apples", "our vans deliver": what a company does ("we" alone is no sign:
    # "my cat is sick, what should we do?")
    r"|\b(?:we|we'?re|our)\s+(?:\w+\s+)?(?:grow|make|build|teach|roast|breed|brew|bake|"
    r"print|repair|install|clean|host|design|import|export|sell|run|manage|fix|hire|train|"
    r"trade|produce|distribute|cater|transport|publish|develop)(?:s|es)?\b",
    re.IGNORECASE,
)


OWN_WORD = re.compile(r"\b(?:we|we'?re|us|our|ours|i|i'?m|my)\b", re.IGNORECASE)


# the visitor as someone looking for work there ("i studied hr, is there something for
# me?", "would they hire me with a nursing diploma"): the jobs, not the form ...
JOB_SEEKER = re.compile(
    r"\b(?:i studied|i study|i'?m studying|i graduated|fresh grad\w*|"
    r"my (?:degree|diploma|studies|background|course|cv|resume)|"
    r"(?:a|my) (?:degree|diploma|certificate|background) in|someone like me|people like me|"
    r"(?:hire|accept|employ) me|(?:something|anything|a place|a chance|a job|a role) for me|"
    r"(?:can|could|would) i (?:work|apply|join|start|get (?:a job|hired|in))|"
    r"am i (?:qualified|eligible|fit|suited)|"
    # "my team lead at the bpo keeps shouting at me": one's own workplace
    r"my (?:team ?lead|tl|supervisor|boss|manager|co-?workers?|colleagues?) (?:at|in) (?:the|my)\s|"
    # "if i start out answering customer calls on a headset, where can i go from there?"
    r"where (?:can|could|would|will) i (?:go|get|end up) from there|"
    r"(?:can|could|would|will) i (?:end up (?:working|running|managing|leading|as|in a|on)|"
    r"move up|get promoted|work my way up|progress))\b",
    re.IGNORECASE,
)


# ... unless the visitor speaks for a company ("i run a clinic, is there something for me?")
SPEAKS_FOR_A_COMPANY = re.compile(
    r"\b(?:we|we'?re|us|our|i run|i own|i manage|i have an?|staff|employees|clients?|"
    r"my (?:company|business|firm|shop|store|team|clinic|practice|agency|startup))\b",
    re.IGNORECASE,
)
