"""The number of people a phrase names: "about 30 people", "3k staff",
"one hundred and twenty", "between 40 and 60", "a couple of dozen".

Number words become digits with text2num's `alpha2digit`; what is left is finding
the number that counts people (not money) and reading "under"/"over" and ranges.
"""

from __future__ import annotations

import re
from typing import List, Optional

from text_to_num import alpha2digit

_VAGUE = (  # quantities people give without a number
    (r"\b(a|one) dozen\b", "12"),
    (r"\b(a couple of|two|couple) dozen\b", "24"),
    (r"\b(a few|several) dozen\b", "36"),
    (r"\bdozens\b", "36"),
    # (of people only, or at the end of the answer: "tens of thousands of calls" counts calls)
    (
        r"\b(tens|dozens) of thousands\b(?=\s+of\s+(?:staff|people|employees|workers|us)\b|\W*$)",
        "20000",
    ),
    (
        r"\bhundreds of thousands\b(?=\s+of\s+(?:staff|people|employees|workers|us)\b|\W*$)",
        "200000",
    ),
    (r"\bhalf a hundred\b", "50"),
    (r"\bhalf a thousand\b", "500"),
    (r"\b(a couple of|couple of|a couple) hundreds?\b", "200"),
    (r"\b(a few|several) hundreds?\b", "300"),
    (r"\bhundreds\b", "300"),
    (r"\b(a couple of|couple of|a couple) thousands?\b", "2000"),
    (r"\b(a few|several) thousands?\b", "3000"),
    (r"\bthousands\b", "3000"),
    # "we have 1000s of employees", "100s of staff"
    (r"(?<![\d.,])1000s\b", "3000"),
    (r"(?<![\d.,])100s\b", "300"),
)
_NUMBER = re.compile(  # not a digit inside a word ("b2b", "covid19")
    r"(?P<money>[$€£¥]\s*)?(?<![a-z0-9.])"
    r"(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
    r"(?P<scale>k\b|thousand\b|hundred\b|million\b|m\b)?(?:ish\b)?(?![a-z])"
    r"(?P<plus>\s*\+)?"
)
_SCALE = {"k": 1_000, "thousand": 1_000, "hundred": 100, "million": 1_000_000, "m": 1_000_000}
_PEOPLE = re.compile(
    r"^[\s-]*(\+\s*)?(-?ish\s+)?(full[- ]time\s+|odd\s+)?"
    r"(people|persons?|staff|employees?|ppl|folks?|workers?|heads?|headcount|fte|agents?"
    r"|members?|colleagues|of us|strong|person|man|men|souls|emps?|team)\b"
)
# what a company counts besides people
_THINGS = (
    r"(?:supermarkets|restaurants|hotels|clinics|properties|vans|trucks|cars|vehicles|buses|"
    r"bikes|beds|rooms|apartments|units|outlets|franchises|warehouses|factories|plants|"
    r"airports|showrooms|schools|campuses|pharmacies|salons|gyms|studios|practices|"
    r"generations|decades|brands|apps|games|venues|sites|depots|hospitals|dealerships|cafes|"
    r"bars|shops|stores|branches|locations|offices|"
    # "a ferry line to four islands", "coworking spaces in 3 cities", "9000 customers"
    r"islands|cities|towns|countries|states|regions|provinces|markets|routes|ships|vessels|"
    r"boats|ferries|planes|aircraft|spaces|desks|products|items|orders|tickets|calls|emails|"
    r"customers|clients|patients|users|subscribers|guests|passengers|visitors|"
    r"followers|students|pupils|learners|"
    # "about 600 hives", "30 hectares", "12 care homes"
    r"hives|cows|cattle|sheep|pigs|horses|dogs|animals|chickens|hens|acres|hectares|tonnes|"
    r"tons|trees|vines|tables|screens|lanes|machines|lorries|trains|trams|taxis|"
    r"containers|pallets|parcels|packages|jars|bottles|litres|liters|homes|houses|flats|"
    r"stalls|kiosks|farms|fields|pitches|courts|cinemas|theatres|museums|libraries|"
    # "3 digits but barely, 104", "2 busloads, like 110", "3 floors"
    r"digits|busloads|bus loads|floors|storeys)"
)
_NOT_PEOPLE_AFTER = re.compile(
    # "a chain of 12 supermarkets", "three generations", "40 delivery vans"
    rf"^\s*(?:(?!(?:across|in|at|over|on|between|from|of|and)\b)[a-z]+\s+)?{_THINGS}\b"
    # ("20%" ends in no word boundary)
    r"|^\s*%"
    # the first of two amounts of money: "2 or 3k a month"
    r"|^\s*(?:-|–|to|or)\s*\d[\d,.]*\s*(?:k|grand|thousand)?\s*(?:a month|per month|/mo|"
    r"a year|per year|a week|per week|dollars|euros?|pounds|bucks|usd|eur|gbp)\b"
    r"|^\s*(dollars|euros?|pounds|usd|eur|gbp|bucks|grand|a month|per month|/mo|percent|per ?cent"
    r"|a year|per year|per annum|annually|yearly|a week|per week|a quarter|per quarter"
    r"|secs?|seconds?|mins?|minutes?|rings?|percent"
    r"|countries|country|offices?|locations?|sites?|branches|stores?|shops?|cities"
    # ("95 year round" are people)
    r"|years|year(?![\s-]*round\b)"
    r"|months?|weeks?|days?|hours?|clients?|customers?|calls?|products?|languages?|markets?)\b"
)
_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:-|–|to|and)\s*(\d+(?:\.\d+)?)")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|to|and)\s*")
_BELOW = re.compile(r"\b(under|less than|fewer than|below|up to|not even|max|at most)\b")
_ABOVE = re.compile(r"\b(over|more than|above|at least|north of|upwards of)\b")


# "we're", "we are", and texted "we r 2000"
_WE_ARE = r"we'?re|we are|we r"
# a year, not people: "minimum wage philippines 2024", "founded in 2012"; a number of
# that shape is a head count only said alone, with a word for people or after a word of
# counting ("about 2000", "we're 2000", "a company of 1999")
_YEAR = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")
_COUNTING_BEFORE = re.compile(
    rf"\b(about|around|roughly|approx\w*|nearly|almost|some|over|under|than|least|are|{_WE_ARE}"
    r"|were|have|of|maybe|like|just|only|total|headcount|size)\W*$|~\s*$"
)


# hours, not people: "available 24/7", "24x7 support", "a 9-to-5 team"
_OPENING_HOURS = re.compile(r"\b24\s*[/x×-]\s*(7|365)\b|\b9\s*-?\s*(to|-)\s*-?\s*5\b")


# just before a number the visitor takes back
_WITHDRAWN = re.compile(
    r"(?:\bnot|\bi (?:wrote|said|typed|put|entered|gave you)|\binstead of|\brather than"
    r"|\b(?:ignore|forget|scrap|disregard) (?:the|that|about the))"
    r"\s+(?:like\s+|about\s+|between\s+)?$",
    re.IGNORECASE,
)
# just after it: "600 was last year, we're down to 200", "we were 600 last year, now 200"
_WITHDRAWN_AFTER = re.compile(
    r"^\s*(?:(?:people|staff|employees|of us)\s+)?(?:(?:was|were|is)\s+(?:just\s+)?)?"
    r"(?:last year|a year ago|years ago|previously|a typo|wrong|out of date|an old number)\b"
    r"|^\s*(?:(?:people|staff|employees|of us)\s+)?(?:was|were)\s+before\b",
    re.IGNORECASE,
)


# a number said instead of an earlier one: "we are 40 people, sorry 400"
_CORRECTED = re.compile(
    r"(?:\bsorry|\bi mean|\bi meant|\boops|\bactually|\bcorrection|\bmake (?:that|it)|\btypo"
    rf"|\bno)\W*(?:(?:it'?s|{_WE_ARE}|like|about|around)\s+)?$",
    re.IGNORECASE,
)


# a message that corrects a number given before: "wait, 15 is just the yard. with the shop
# and the café its 52" (its last number is the count)
_CORRECTION_FIRST = re.compile(
    r"^\W*(?:wait|hold on|hang on|actually|sorry|oops|correction|no|nope)\b", re.IGNORECASE
)
# ... said as the count: "its 52", "we're 52", "that makes 52", "the one I manage has 30"
_RESTATED = re.compile(
    rf"(?:\b(?:it'?s|its|{_WE_ARE}|that'?s|makes?|really)"
    # ... of the whole, not of a part ("the shop floor has 20")
    r"|\b(?:we|i|(?:the|my|our) (?:company|business|firm|group|branch|site|shop|office|one)"
    r"(?: (?:i|we) (?:manage|run|own|work (?:at|for|in)))?)\s+(?:just\s+)?"
    r"(?:has|have|employs?|got|'ve got|have got))\s+"
    r"(?:(?:about|around|roughly|like|more like)\s+)?$"
)
# the whole told after a part: "30 was just our support team, the whole company is about 400"
_WHOLE_IS = re.compile(
    r"\b(?:the|my|our) (?:whole|entire) (?:company|business|firm|group|organi[sz]ation)"
    r"\s+(?:is|'s|has)\s+(?:(?:actually|really|more like|about|around|roughly|like)\s+)*$"
)
# the whole count among parts: "15 in the yard, 52 in total", "altogether about 52"
_TOTAL_BEFORE = re.compile(
    r"\b(?:in total|total(?: of)?|altogether|all together|overall|all in|in all)\W*"
    r"(?:(?:about|around|roughly|some|maybe|like|it'?s|we'?re)\s+)?$"
)
_TOTAL_AFTER = re.compile(
    r"^\s*(?:(?:people|staff|employees|workers|of us)\s+)?"
    r"(?:in total|total|altogether|all together|all in|in all)\b"
)
# a count that was, then the count now: "we were 80 before the restructure, now only 30
# left", "we started with 5 in 2015 and now we're about 65"
_PAST_BEFORE = re.compile(
    r"\b(?:we were|there were|was|we had|used to (?:be|have)|started (?:out )?(?:with|as)|"
    r"began with)"
    r"\s+(?:(?:only|just|about|around|roughly|like)\s+)?$"
)
_NOW_BEFORE = re.compile(
    rf"\b(?:now|nowadays|these days|today|currently|at the moment|more like|{_WE_ARE}|it'?s|its"
    r"|we have|we'?ve got)\s+(?:(?:only|just|about|around|roughly|like|more like|almost|nearly"
    r"|some|close to)\s+)*$"
)
# ... a number now that counts something else: "2 companies now", "10 more joining", "only
# 10 are in the office"
_NOT_THE_COUNT_AFTER = re.compile(
    r"^\s*(?:more|extra|new|additional|companies|firms|offices|sites|locations|branches|shops"
    r"|stores|teams|are (?:in|at|on)|work (?:in|at|from|remotely)|of (?:us|them|those))\b",
    re.IGNORECASE,
)
# the part the visitor decides for, beside the whole: "the whole group is 5k but our
# branch is 80"
_OUR_PART = re.compile(
    r"\b(?:our|my|this|the) (?:branch|site|office|division|subsidiary|location|department|"
    r"unit|entity|part|bit|plant|store|shop)(?: (?:here|alone|itself))?(?: (?:i|we) "
    r"(?:manage|run|work (?:at|for|in)))?\s+(?:is|has|have|employs|'s)\s+(?:only\s+|just\s+)?"
    r"(?:(?:about|around|roughly|like|some|maybe)\s+)?$"
)
_MONEY_NEAR = re.compile(r"\b(?:spend\w*|budget\w*|cost\w*|pay\w*|afford\w*)\b")


# texting shorthand, not a number: "bpo vs call center 4 us"
_FOR = re.compile(
    r"\b(bpos?|cc|cent(?:er|re)s?|which(?: one)?|recommend\w*|advice|best|better)\s+4"
    r"(?=\s+(?:us|u|me|my|our|ur)\b)"
)


# ... "2" for "to" before a verb ("wat skills do u need 2 start"), "1" for "one" of the
# two ("is 1 part of the other")
_TO = re.compile(
    r"\b(need|needs|want|wants|have|has|had|going|got|how|able|like|love|take|takes|try|"
    r"trying|used|ready|allowed|easy|hard|time|way|best)\s+2\s+"
    r"(?=(?:start|know|be|do|go|work|get|become|apply|join|outsource|choose|pick|use|make|"
    r"find|grow|move|learn|talk|see|ask|hire|handle|help|take|call|answer|switch|begin|"
    r"understand|compare|decide|pay|save|cut|run|keep|look)\b)"
)
_ONE_OF_TWO = re.compile(
    r"(?<![\d.,$€£])\b1\s+(?=(?:part of|of (?:the|them|those|these|em)\b|or the other|"
    r"is (?:part|better|cheaper|bigger|more|a kind|a type)\b))"
    # "which 1 should i go with", "the other 1"
    r"|(?<=\bwhich )1\b(?![\d.,])|(?<=\bthat )1\b(?![\d.,])|(?<=\bthis )1\b(?![\d.,])"
    r"|(?<=\bother )1\b(?![\d.,])|(?<=\beither )1\b(?![\d.,])"
)


_DECADE = re.compile(r"\b((?:the|early|late|mid|since|in)\s+)['\u2019]?(?:19|20)?\d0['\u2019]?s\b")


# a desk is a person at it ("one office, 16 desks"), except those let to others
# ("a coworking space with 300 desks")
_DESKS = re.compile(r"\b(?:desks|workstations)\b")
_DESKS_LET = re.compile(
    r"cowork|\brent(?:s|ed|ing)?\b|\blet\b|hot[- ]?desk|\bflexi\b|\bflex desks?\b|\bsell\b|"
    r"\bmake\b|furniture"
)
# ... and not where the people are counted too ("10 desks in the office but 25 people")
_PEOPLE_NAMED = re.compile(r"\b(?:people|staff|employees|ppl|workers|persons|heads|fte)\b")


def _digits(text: str) -> str:
    text = _OPENING_HOURS.sub(" ", _FOR.sub(r"\1 for", text.lower()))
    if not _DESKS_LET.search(text) and not _PEOPLE_NAMED.search(text):
        text = _DESKS.sub("staff", text)
    text = _ONE_OF_TWO.sub("one ", _TO.sub(r"\1 to ", text))
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # "thirty-ish", "twenty-five"
    # a decade is no count: "my dad started the business back in the 90s"
    text = _DECADE.sub(r"\1", text)
    for pattern, digits in _VAGUE:
        text = re.sub(pattern, digits, text)
    # "10 000+ staff": thousands set apart by a space
    text = re.sub(
        # (only before people or the end: not "a team of 60 100% remote", "15 100 calls")
        r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)"
        r"(?=\s*\+?\s*(?:people|staff|employees|workers|heads|ppl|fte|agents|in total|total|"
        r"of us|[.,!?)]|$))",
        lambda m: re.sub(r"\s", "", m.group(0)),
        text,
    )
    # "2 thousand", "2 hundred": text2num reads the scale word alone ("2 1000")
    text = re.sub(
        r"(?<![\d.,])(\d+(?:\.\d+)?)\s+(thousand|hundred)\b",
        lambda m: f"{float(m.group(1)) * _SCALE[m.group(2)]:g}",
        text,
    )
    said_in_words = not re.search(r"\d", text)
    try:
        text = alpha2digit(text, "en")
    except Exception:  # text2num refuses some oddities; digits already present still count
        pass
    # "7 dozen"
    text = re.sub(r"(?<![\d.,])(\d+)\s+dozens?\b", lambda m: str(int(m.group(1)) * 12), text)
    if said_in_words:  # "one fifty", "two twenty": hundreds said the short way
        text = re.sub(
            r"(?<![\d.,])([1-9])\s+([1-9][0-9])(?![\d.,%])",
            # (not "nine ten people": a range)
            lambda m: m.group(0)
            if int(m.group(2)) == int(m.group(1)) + 1
            else str(int(m.group(1)) * 100 + int(m.group(2))),
            text,
        )
    # "2.000 employees": thousands set apart by a dot, before people, a range or the end
    text = re.sub(
        r"(?<![\d.,])(\d{1,3})\.(\d{3})(?![\d.,])(?=\s*\+?\s*(?:people|staff|employees|workers|"
        r"heads|ppl|fte|agents|in total|total|worldwide|globally|of us|(?:-|–|to|and)\s*\d|"
        r"[.,!?)]|$))",
        r"\1\2",
        text,
    )
    return _by_name(text)


# the visitor counted by name: "me plus 4", "me and 3 others", "only me and my sister"
_ME_PLUS = re.compile(r"\bme\s*(?:\+|plus|and)\s*(?:my\s+)?(\d+)\b(?:\s*(?:others?|more))?")
_RELATIVE = (
    r"(?:wife|husband|partner|business partner|sister|brother|mum|mom|dad|mother|father|son|"
    r"daughter|cousin|friend|colleague|co-?founder|assistant)"
)
_ME_AND_ONE = re.compile(rf"\bme and (?:my|one) {_RELATIVE}\b|\bmy {_RELATIVE} and (?:i|me)\b")
_JUST_ME = re.compile(r"\b(?:just|only)\s+me\b(?!\s*(?:and|plus|\+))")


# "me, my son and 2 lads", "me and my wife plus 3 staff"
_ME_KIN_PLUS = re.compile(
    rf"\bme,?\s+(?:and\s+)?(?:my|the)\s+{_RELATIVE}\s*(?:,|and|\+|plus)\s*(\d+|one|two|three)\b"
)
_SMALL_WORDS = {"one": 1, "two": 2, "three": 3}  # alpha2digit leaves these as words


def _kin_plus(match: re.Match) -> str:
    rest = match.string[match.end() :]
    if _NOT_PEOPLE_AFTER.match(rest) or re.match(r"\s*(?:kids|children|sons|daughters)\b", rest):
        return match.group(0)  # "me and my son, 3 vans", "me and my wife, 30 years in the trade"
    return f"{(_SMALL_WORDS.get(match.group(1)) or int(match.group(1))) + 2} people"


def _by_name(text: str) -> str:
    text = _ME_KIN_PLUS.sub(_kin_plus, text)
    text = _ME_PLUS.sub(lambda m: f"{int(m.group(1)) + 1} people", text)
    text = _ME_AND_ONE.sub("2 people", text)
    return _JUST_ME.sub("1 people", text)


# a number that names a thing, not people: "in size 9", "screen 2", "order #4411"; a
# decimal to the penny ("a deck in 8.25")
_LABEL_BEFORE = re.compile(
    r"\b(?:(?:in|shoe|shoes|dress|ring|bike|frame|uk|us|eu) sizes?|screen|room|table|aisle|gate|"
    r"platform|flight|order|ref|item|page|chapter|step|no\.|number|pitch|berth|unit|bay)"
    r"\s*#?\s*$|#\s*$"
)
_PENNIES = re.compile(r"^\d+\.\d\d$")
# what is paid, said before the amount: "we pay them 900 now", "less than what we pay the
# temp agency now, thats already 2k" (in thousands past a comma; not "it costs a lot, we're
# 200", "our costs are high, 120")
_PAID = r"\b(?:pay|paying|paid|spend|spending|spent|costs?|costing|price|bill|fees?)\b"
_NOT_OF_PEOPLE = r"(?!\b(?:we|we'?re|were|us|there are|staff|people|team|employees|of us)\b)"
_PAID_BEFORE = re.compile(rf"{_PAID}(?:{_NOT_OF_PEOPLE}[^.!?,;]){{0,40}}$")
# ... or a count is what is told ("headcount on the last pay run was 38")
_COUNT_SAID_BEFORE = re.compile(r"\b(?:headcount|head count|staff count|employees)\b[^.!?,;]*$")
# ... unless who is paid follows: "we pay 30 nurses", "the cost of hiring 20 more agents"
_WHO_IS_PAID = re.compile(
    r"^\s+(?:more\s+|new\s+|extra\s+|full[- ]time\s+|part[- ]time\s+)?"
    r"(?!(?:dollars|euros|pounds|bucks|rupees|pesos|quid|hours|days|weeks|months|years|minutes|"
    r"calls|grand|thousands|hundreds|units|items|orders|tickets|invoices|hrs|mins|per|a|an)\b)"
    r"[a-z]{3,}s\b"
)
_PAID_IN_THOUSANDS_BEFORE = re.compile(rf"{_PAID}(?:{_NOT_OF_PEOPLE}[^.!?]){{0,40}}$")


def _candidates(text: str) -> List[tuple]:
    """(value, counts people) for each number that is not an amount of money."""
    found = []
    for match in _NUMBER.finditer(text):
        rest = text[match.end() :]
        if match.group("money") or _NOT_PEOPLE_AFTER.match(rest):
            continue
        if not _PEOPLE.match(rest) and (
            _LABEL_BEFORE.search(text[max(0, match.start() - 20) : match.start()])
            or (
                not _WHO_IS_PAID.match(rest)
                and not _COUNT_SAID_BEFORE.search(text[: match.start()])
                and (
                    _PAID_BEFORE.search(text[max(0, match.start() - 60) : match.start()])
                    or (
                        match.group("scale")
                        and _PAID_IN_THOUSANDS_BEFORE.search(
                            text[max(0, match.start() - 60) : match.start()]
                        )
                    )
                )
            )
            or (_PENNIES.match(match.group("value")) and not match.group("scale"))
        ):
            continue
        if _is_year(text, match, rest):
            continue
        value = float(match.group("value").replace(",", ""))
        if match.group("scale"):
            value *= _SCALE[match.group("scale")]
        if match.group("plus"):
            value += 1
        found.append((value, bool(_PEOPLE.match(rest)), match.start(), match.end()))
    return found


def _is_year(text: str, match: re.Match, rest: str) -> bool:
    if not _YEAR.match(match.group("value")) or match.group("scale") or match.group("plus"):
        return False
    alone = not re.search(r"[a-z]", text[: match.start()] + rest)
    return not (
        alone
        or _PEOPLE.match(rest)
        or _COUNTING_BEFORE.search(text[: match.start()])
        # a count said instead of another: "i meant 2000 not 200", "sorry, 2010"
        or _CORRECTED.search(text[: match.start()])
    )


# "two shops with 9 staff each", "six branches of 60 staff": the people of every one
_PEOPLE_WORD = r"(?:people|persons|staff|employees|ppl|workers|agents|members of staff)"
_EACH = re.compile(
    rf"(\d+|two)\s+(?:[a-z]+\s+)?{_THINGS}\b[^.?!]{{0,30}}?"
    r"(?:\b(?:about|around|roughly|approx\w*|some)\s+|~\s*|\b)(\d+)(?:ish)?\s+"
    # "9 sales staff each", not "100 rooms each" ("3 stores with 40ish staff each")
    rf"(?:(?:full|part)[- ]time\s+)?(?:(?:[a-z]+\s+)?{_PEOPLE_WORD}\s+|(?!{_THINGS}\b)[a-z]+\s+)?"
    r"(?:each|apiece|in each|at each|on each|"
    r"per (?:shop|store|site|location|branch|office|clinic|hotel|restaurant|gym|salon|studio|"
    r"van|truck|lorry|car|bus|shift|team|crew|floor|ward|room|"
    r"cafe|bar|pharmacy|practice|outlet|venue|depot|dealership|school|warehouse|factory|"
    r"plant|hospital))\b"
    # "10 teams of 30", "2 shifts of 40 people", "we're 4 teams of around 30"
    rf"|(\d+|two)\s+(?:[a-z]+\s+)?(?:{_THINGS}|teams|shifts|crews|squads)\s+of\s+"
    r"(?:about|around|roughly|approx\w*|some|~)?"
    rf"\s*(\d+)(?:ish)?(?:\s+(?:[a-z]+\s+)?{_PEOPLE_WORD}\b|\s*(?:each\s*)?(?=[,.;!?]|$)"
    # "3 shifts of about 25 at the plant", "3 teams of 25 on our floor"
    r"|\s+(?=(?:at|in|on)\s+[a-z]+|(?:plus|and)\s+(?:(?:the|our|a|some)\s+[a-z]+s|\d+)\b))"
    # "3 floors, each has about 40 desks", "4 shops and each one has 8 staff"
    rf"|(\d+|two)\s+(?:[a-z]+\s+)?{_THINGS}\b\W+(?:and\s+)?each(?: one)? (?:has|have|with|of)\s+"
    rf"(?:about|around|roughly|approx\w*|some|~)?\s*(\d+)(?:ish)?\s+(?:[a-z]+\s+)?{_PEOPLE_WORD}\b"
)


_COUNTED_THINGS = re.compile(rf"(?<![a-z0-9.])(?:\d+|two)\s+(?:[a-z]+\s+)?{_THINGS}\b")


def counts_things(text: str) -> bool:
    """ "4 hotels", "a chain of 12 supermarkets": a number of things, not of people."""
    return bool(_COUNTED_THINGS.search(_digits(text)))


# "6 branches x 20 people", "2 teams x 25 sales reps + 5 in the office": a product, and
# the people beside it
_TIMES = re.compile(
    # (not "3 x 8h shifts": hours)
    r"(?<![\d.])(\d+)\s*(?:[a-z-]+\s+){0,2}?(?:x|×|\*|times)\s*(\d+)\b(?![.%])"
    r"(?!\s*(?:h|hrs?|hours?|shifts?|days?|am|pm|weeks?|months?)\b)"
    r"(?:(?:\s+[a-z-]+){0,3}\s*(?:\+|plus)\s*(\d+)(?![\d.%]))?"
)


# more people beside those counted: "3 shifts of 40 in production and 15 in the office"
_AND_MORE_PEOPLE = re.compile(
    r"^[^.?!\d]{0,40}?\b(?:and|plus)\s+(?:about\s+|around\s+|another\s+|roughly\s+)?(\d+)"
    rf"(?=\s+(?:more\s+|other\s+)?(?:[a-z]+\s+)?(?:{_PEOPLE_WORD}|in|at|on|back)\b)"
)
# a group of people said with where or what they are: "40 in the office", "60 drivers"
# (not the whole: "100 employees and 20 in support", "60 in total and 20 on the phones";
# nor things or times: "3 teams and 40 people", "12 hours")
_NOT_A_PART = (
    r"(?!(?:people|persons|staff|employees|ppl|workers|folks|heads|members|colleagues|"
    r"total|hours|days|weeks|months|years|minutes|teams|shifts|crews|squads|groups|"
    # ... nor those who are no staff ("8 employees plus about 60 volunteers")
    r"volunteers|freelancers|contractors|interns|temps|trainees|"
    # ... nor a word that only looks like a plural ("20 plus 60")
    rf"plus|this|his|was|has|is|yes|less|unless|across|besides|{_THINGS})\b)"
)
_A_GROUP = re.compile(
    rf"^\s+(?:in|at|on|back|out)\s+(?:the\s+|our\s+)?{_NOT_A_PART}[a-z]+"
    rf"|^\s+(?:{_NOT_A_PART}[a-z]+\s+)?{_NOT_A_PART}[a-z]{{3,}}s\b"
)
# ... the second of them not a part of the first ("20 of them take calls")
_OF_THEM_AFTER = re.compile(r"^\s+(?:of (?:them|whom|those|us|these)|out of)\b")
# ... joined to the next group (not "between 40 and 60", "40 to 60", "we were 40, now 60")
_GROUPS_JOINED = re.compile(r"\b(?:and|plus)\b|\+|&")
_NOT_A_SUM = re.compile(
    r"\b(?:or|to|now|then|was|were|used to|before|last|next|soon|maybe|not|actually|sorry|"
    r"mean|meant|between|from|out of|of (?:them|whom|those)|including|incl|like|closer|"
    r"which|whom|who)\b|-|–"
)


def _sum_of_groups(digits: str, candidates: List[tuple]) -> Optional[float]:
    """ "40 in the office and 60 drivers", "150 consultants in the field and 200 back at hq":
    groups of people, each said with where or what they are, joined by "and"."""
    if len(candidates) < 2:
        return None
    for (*_, end), (_, _, start, _) in zip(candidates, candidates[1:], strict=False):
        between = digits[end:start]
        if not (_A_GROUP.match(between) and _GROUPS_JOINED.search(between)):
            return None
        if _NOT_A_SUM.search(between) or _NOT_PEOPLE_AFTER.match(between):
            return None
    if _NOT_A_SUM.search(digits[: candidates[0][2]]):
        return None
    if any(_OF_THEM_AFTER.match(digits[end:]) for *_, end in candidates):
        return None
    return sum(value for value, *_ in candidates)


def headcount(text: str) -> Optional[float]:
    """The head count the text names, or None."""
    digits = _digits(text)
    times = _TIMES.search(digits)
    if times and not _NOT_PEOPLE_AFTER.match(digits[times.end(2) :]):
        units, people, beside = times.groups()
        return float(units) * float(people) + float(beside or 0)
    each = _EACH.search(digits)
    if each:
        units, people = [g for g in each.groups() if g is not None]
        more = _AND_MORE_PEOPLE.match(digits[each.end() :])
        beside = float(more.group(1)) if more else 0.0
        return (2.0 if units == "two" else float(units)) * float(people) + beside
    candidates = _candidates(digits)
    if not candidates:
        return None
    summed = _sum_of_groups(digits, candidates)
    if summed is not None:
        return summed
    # "i wrote 260, it's 26 actually", "230, not 2,300": the number taken back is not it
    withdrawn = [
        _WITHDRAWN.search(digits[max(0, c[2] - 24) : c[2]])
        or _WITHDRAWN_AFTER.match(digits[c[3] :])
        for c in candidates
    ]
    # "i said 60-80 but ...": the whole range taken back
    for i in range(1, len(candidates)):
        if withdrawn[i - 1] and _RANGE_JOIN.fullmatch(
            digits[candidates[i - 1][3] : candidates[i][2]]
        ):
            withdrawn[i] = withdrawn[i - 1]
    kept = [c for c, taken_back in zip(candidates, withdrawn, strict=True) if not taken_back]
    candidates = kept or candidates
    corrected = [c for c in candidates[1:] if _CORRECTED.search(digits[max(0, c[2] - 24) : c[2]])]
    corrected += [
        c
        for c in candidates[1:]
        if (
            _TOTAL_BEFORE.search(digits[max(0, c[2] - 24) : c[2]])
            or _TOTAL_AFTER.match(digits[c[3] :])
        )
        and not _MONEY_NEAR.search(digits[max(0, c[2] - 24) : c[2]])
        or (c is candidates[-1] and _WHOLE_IS.search(digits[max(0, c[2] - 40) : c[2]]))
        or (
            c is candidates[-1]
            and _CORRECTION_FIRST.match(digits)
            and _RESTATED.search(digits[max(0, c[2] - 40) : c[2]])
            and re.match(
                r"\W*(?:(?:people|staff|employees|of us|in total|now)\W*)*$", digits[c[3] :]
            )
        )
    ]
    corrected += [c for c in candidates[1:] if _OUR_PART.search(digits[max(0, c[2] - 40) : c[2]])]
    if _PAST_BEFORE.search(digits[max(0, candidates[0][2] - 24) : candidates[0][2]]):
        corrected += [
            c
            for c in candidates[1:]
            if _NOW_BEFORE.search(digits[max(0, c[2] - 24) : c[2]])
            and not _NOT_THE_COUNT_AFTER.match(digits[c[3] :])
        ]
    people = [c for c in candidates if c[1]]
    value, _, start, end = (
        max(corrected, key=lambda c: c[2]) if corrected else (people or candidates)[0]
    )
    window = digits[max(0, start - 16) : end + 16]
    both = _RANGE.search(window)
    if both:
        low, high = float(both.group(1)), float(both.group(2))
        if low < high and (low == value or high == value):
            value = (low + high) / 2
    before = digits[max(0, start - 14) : start]
    if _BELOW.search(before):
        value -= 1
    elif _ABOVE.search(before):
        value += 1
    return value if value > 0 else None


def size_class(people: float, medium_from: int, large_from: int) -> str:
    if people < medium_from:
        return "small"
    if people < large_from:
        return "medium"
    return "large"
