"""A number of people anywhere in an answer decides the company size."""

import pytest

from bot.nlp.headcount import headcount, size_class


def size(text):
    people = headcount(text)
    return None if people is None else size_class(people, 50, 250)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("about 30 people", "small"),
        ("30", "small"),
        ("we have 49 employees", "small"),
        ("under 50 employees", "small"),
        ("50 people", "medium"),
        ("more than 49 staff", "medium"),
        ("around two hundred employees", "medium"),
        ("249", "medium"),
        ("250", "large"),
        ("over 250 employees", "large"),
        ("1,200 staff", "large"),
        ("5k employees", "large"),
        ("3k staff", "large"),
        ("5,000+", "large"),
        ("national supermarket chain, tens of thousands of staff", "large"),
        ("multinational, tens of thousands", "large"),
        ("we have 1000s of employees", "large"),
        ("100s of staff across the stores", "large"),
        ("correction, 30 was just our support team, the whole company is about 400", "large"),
        ("30 was just our support team, the whole company is about 400", "large"),
        ("we're small, 12 of us, but handle tens of thousands of calls a month", "small"),
        ("twenty people", "small"),
        ("a team of 12", "small"),
        ("a dozen people", "small"),
        ("a couple of dozen", "small"),
        ("no idea exactly, a few dozen", "small"),
        ("several dozen people", "small"),
        ("one hundred and twenty", "medium"),
        ("a hundred and ten", "medium"),
        ("between 40 and 60 people", "medium"),
        ("40-60", "medium"),
        ("thirty-ish", "small"),
        ("a few hundred", "large"),
        ("about a thousand employees", "large"),
        ("two hundred and fifty people", "large"),
        ("we are a 12-person dental practice", "small"),
        ("we have 3 offices and 200 staff", "medium"),
        ("budget is 5k a month, 30 staff", "small"),
        ("seven", "small"),
        ("enterprise, 12 000 staff", "large"),
        ("a team of 60 100% remote", "medium"),
        ("1 200 employees", "large"),
        ("a multinational in 20 countries with 4000 staff", "large"),
        # the people of every site
        ("12 small shops with 5 staff each", "medium"),
        ("two shops with 9 staff each", "small"),
        ("3 clinics, about 20 people in each", "medium"),
        ("9 hotels of 40 staff", "large"),
        ("a chain of 12 stores with 300 staff", "large"),  # 300 in all
        ("we have 3 offices and 45 employees", "small"),
    ],
)
def test_company_size_from_numbers(text, expected):
    assert size(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "no idea",
        "",
        "lots",
        "0 people",
        "$5000 budget",
        "payroll",
        "offices in 20 countries",
        "the budget is around two million a year",
        "40k annually",
        # shares, not people
        "they cut our grant by 20%",
        "costs rose 30 percent",
        "revenue is down 15 per cent",
        "4 or 5k a month",
        "1-2 grand per month",
        # things the company counts, not people
        "we operate a chain of 12 supermarkets",
        "family owned for three generations",
        # a number that labels a thing, or a price to the penny
        "answering the 'is this shoe in size 9' messages",
        "people asking about the coat they left in screen 2",
        "chasing order #4411",
        "dms asking if we have a deck in 8.25",
    ],
)
def test_no_head_count_no_size(text):
    assert size(text) is None


@pytest.mark.parametrize("text", ["b2b vs b2c", "covid19 rules", "a 4g router"])
def test_digits_inside_words_are_no_head_count(text):
    assert size(text) is None


def test_the_people_of_every_site_and_only_they_are_multiplied():
    assert headcount("two shops with 9 staff each") == 18
    assert headcount("3 clinics with 12 nursing staff each") == 36
    assert headcount("5 salons, around 8 stylists per salon") == 40
    assert headcount("4 hotels with 100 rooms each, 60 staff") == 60
    assert headcount("4 gyms, about 11 staff per gym") == 44
    assert headcount("3 shops, 8 members of staff at each") == 24
    # "2 thousand": the scale word belongs to the number
    assert headcount("around 2 thousand") == 2000
    assert headcount("about 1.5 thousand people") == 1500
    assert headcount("about 2 hundred") == 200
    # teams or shifts of people
    assert headcount("6 teams of 25 people") == 150
    assert headcount("3 shifts of 20 staff") == 60
    assert headcount("we run 4 hotels with 100 rooms each and 60 staff") == 60
    assert headcount("we're 120 across branches") == 120


def test_things_counted_are_told_from_people():
    from bot.nlp.headcount import counts_things

    assert counts_things("4 hotels")
    assert counts_things("a chain of twelve supermarkets")
    assert not counts_things("40 people in 3 teams")
    assert not counts_things("we are a hotel group")


def test_ish_and_ppl():
    assert size("300ish people") == "large"
    assert size("45 ppl") == "small"


def test_people_all_year_round_are_counted_not_years():
    assert size("roughly 95 year round, more in summer") == "medium"
    assert size("30 year-round staff") == "small"
    assert headcount("we've been open 12 years") is None
    assert headcount("we've been trading 30 years round here") is None


@pytest.mark.parametrize(
    "text", ["is it available 24/7 then?", "24x7 support", "open 24-7", "a 9-to-5 team"]
)
def test_opening_hours_are_no_head_count(text):
    assert headcount(text) is None


@pytest.mark.parametrize(
    "text, people",
    [
        ("only me and my sister", 2),
        ("me plus four", 5),
        ("me and 3 others", 4),
        ("just me", 1),
        ("my wife and i", 2),
        ("me and my 2 partners", 3),
        ("me and my team of 12", 12),
        ("its me my son and two lads", 4),
        ("me and my wife plus 3 staff", 5),
    ],
)
def test_the_visitor_counted_by_name(text, people):
    assert headcount(text) == people


@pytest.mark.parametrize(
    "text", ["minimum wage philippines 2024", "founded in 2012", "bpo trends 2030?"]
)
def test_a_year_is_no_head_count(text):
    assert headcount(text) is None


@pytest.mark.parametrize(
    "text, people",
    [("2000", 2000), ("about 2000", 2000), ("we're 2000", 2000), ("2024 employees", 2024)],
)
def test_a_number_shaped_like_a_year_counts_as_people_when_said_so(text, people):
    assert headcount(text) == people


@pytest.mark.parametrize(
    "text, people",
    [
        ("hang on i wrote 310, it's 31 actually", 31),
        ("we are 75, not 750", 75),
        ("i said 20 but we are 200", 200),
        ("45 instead of 450", 45),
        # a number said instead of an earlier one
        ("we are 40 people, sorry 400", 400),
        ("40, i mean 400", 400),
        ("we are 40, no 45", 45),
        ("actually ignore the 450, most are freelancers, proper employees is like 120", 120),
        ("forget the 40, its 400", 400),
        (
            "sorry i said 60-80 but thats just the office, its more like 600 with the installers",
            600,
        ),
        ("oh hold on, 600 was last year, we've cut down to about 200 now", 200),
        ("we were 600 last year, now 200", 200),
        ("i said between 60 and 80 earlier but it's more like 600", 600),
        # no number taken back: the first stands
        ("we have 200 employees, closer to 20 of them answer phones", 200),
        ("we have 40 staff and more like 5 managers", 40),
        ("we're 20 now and 50 next year", 20),
        ("we have 30 staff and now 2 offices", 30),
        ("we are 150 employees and right now 3 people handle the phones", 150),
        ("we have 60 staff but we cut down to 1 receptionist", 60),
        ("our team of 12 is old school, 3 of them near retirement", 12),
    ],
)
def test_a_number_taken_back_is_not_the_head_count(text, people):
    assert headcount(text) == people


@pytest.mark.parametrize(
    "text", ["hi there we keep bees, about 600 hives", "30 hectares under glass", "12 care homes"]
)
def test_hives_fields_and_homes_are_no_head_count(text):
    from bot.nlp.headcount import counts_things

    assert counts_things(text)
    assert headcount(text) is None


def test_members_coaches_and_seats_are_people():
    assert size("football academy, 15 coaches, need help with payroll") == "small"
    assert size("our in-house contact centre has 120 seats") == "medium"
    assert size("we have 48 members of staff") == "small"
    assert size("we are 45 members only") == "small"


@pytest.mark.parametrize(
    "text, people",
    [
        ("wait, 15 is just the yard. with the tack shop and the café its 52", 52),
        ("15 in the yard, 52 in total", 52),
        ("sorry, correction: 300 is the whole group, the branch I manage has 30", 30),
        ("no, 400 is the parent company, we have 45", 45),
        ("we have 20 staff and 300 customers", 20),
        ("sorry, we're 80 staff, the shop floor has 20", 80),
        ("correction: 300 people, the night shift has 40", 300),
        ("10 in the office and 40 drivers, 50 altogether", 50),
        # a number to come is no correction
        ("sorry, we are 20 and in 2 years maybe 60", 20),
        ("no, we're 80 people. it's 5 who answer the phones", 80),
        ("we're 200 staff and can spend 5000 in total", 200),
        ("me and my son, 3 vans", 2),
        # the part the visitor decides for
        ("the whole group is 4k but our branch is 90, i only decide for it", 90),
        ("we are 300 but our office has 30", 30),
        ("our site is 60, the group is 3000", 60),
    ],
)
def test_the_count_corrected_or_totalled_is_the_head_count(text, people):
    assert headcount(text) == people


def test_a_size_named_for_the_team_is_a_head_count():
    assert size("team size 40") == "small" and size("company size: 200") == "medium"
    assert size("Company in size 200 employees") == "medium"
    assert size("our unit 40 people") == "small"


@pytest.mark.parametrize(
    "text",
    [
        "wat skills do u need 2 start",
        "how long does it take 2 get promoted",
        "is 1 part of the other",
        "which 1 of them is cheaper",
    ],
)
def test_texted_to_and_one_of_the_two_are_no_head_count(text):
    assert headcount(text) is None


@pytest.mark.parametrize(
    "text, people",
    [
        ("we r 2 ppl", 2),
        ("just 2", 2),
        ("1 person, me", 1),
        ("we need 2 outsource, we r 2 ppl", 2),
        ("only 2 work here", 2),
        ("we are 2 do we need a bpo", 2),
        ("me and 2 help out part time", 3),
    ],
)
def test_a_count_of_one_or_two_people_still_counts(text, people):
    assert headcount(text) == people


@pytest.mark.parametrize(
    "text, people",
    [
        ("oops, i meant 2000 not 200", 2000),
        ("sorry 2010, not 210", 2010),
    ],
)
def test_a_count_shaped_like_a_year_said_instead_of_another_counts(text, people):
    assert headcount(text) == people


def test_a_year_is_still_no_head_count():
    assert headcount("we were founded in 2010") is None
    assert headcount("founded 2019 not 2020, small team") is None
    assert headcount("since 2015, 30 people") == 30


@pytest.mark.parametrize(
    "text, people",
    [
        ("my dad started our plumbing business back in the 90s", None),
        ("in the 1990s it was a family firm", None),
        ("back in the 80s it was just my dad, now we are 45 people", 45),
        ("since the early 2000s we've had about 40 people", 40),
    ],
)
def test_a_decade_is_no_head_count(text, people):
    assert headcount(text) == people


@pytest.mark.parametrize(
    "text, count",
    [
        ("we're 4 teams of around 30", 120),
        ("3 stores with 40ish staff each", 120),
        ("2 shifts of 40", 80),
        ("10 teams of 30 people", 300),
    ],
)
def test_teams_of_a_size_without_the_word_people_are_counted_together(text, count):
    assert headcount(text) == count


@pytest.mark.parametrize(
    "text", ["which 1 should i go with", "the other 1 pls", "that 1 sounds right"]
)
def test_one_meaning_one_of_the_two_is_no_head_count(text):
    assert headcount(text) is None


@pytest.mark.parametrize(
    "text, people",
    [
        ("we were 90 before the cuts, now only 25 left", 25),
        ("we were 35 but after we bought a rival we're around 120", 120),
        ("we started with 4 in 2012 and now we're about 70", 70),
        ("we were about 40 but after the merger it's more like 450", 450),
        # a number added to the count is no count of its own
        ("we were 30 people, and we're hiring 10 more", 30),
        ("we were 40, we have 10 more joining next month", 40),
        ("we were 70, now only 10 are in the office, the rest work from home", 70),
        ("we were 30 before the merger, it's 2 companies now with about 110 people", 110),
    ],
)
def test_the_count_now_wins_over_the_count_before(text, people):
    assert headcount(text) == people


@pytest.mark.parametrize(
    "text, people",
    [
        # a product of units and the people in each, and the people beside them
        ("5 shops x 9 staff", 45),
        ("3 crews × 20 + 4 in the office", 64),
        # dozens counted, hundreds said the short way, thousands set apart by a dot
        ("nine dozen or so", 108),
        ("one sixty", 160),
        ("around 1.200 employees", 1200),
        ("a bit under half a hundred", 49),
        # the count now after the count once had
        ("we had 120 once, now only 40", 40),
        # what is counted besides people, hours, a range said in words
        ("2 busloads of us, like 95", 95),
        ("3 x 8h shifts, 30 agents in all", 30),
        ("like nine ten people", 10),
        ("1.000-1.400 employees", 1200),
    ],
)
def test_head_counts_told_the_long_way(text, people):
    assert headcount(text) == people


@pytest.mark.parametrize(
    "text, people",
    [
        ("we pay our cleaner 400 a visit", None),
        ("no more than we spend on the agency now, which is like 3k", None),
        ("what we pay the freelancer now is about 900", None),
        ("costs are what matter, we're 140", 140),
        ("the bill is too high, 60 of us", 60),
        ("we pay 45 people every month", 45),
        ("we pay our 30 drivers", 30),
        ("the cost of hiring 20 more agents", 20),
        ("our headcount on the last payroll run was 41", 41),
    ],
)
def test_an_amount_paid_is_no_head_count(text, people):
    assert headcount(text) == people


@pytest.mark.parametrize(
    "text, people",
    [
        ("just the one office, 22 desks", 22),
        ("35 desks and they're all taken", 35),
        ("2 floors, each has roughly 60 desks", 120),
        ("a coworking place, we rent out 300 desks", None),
        ("we have 10 desks in the office but 25 people", 25),
        ("30 desks and flexible hours", 30),
    ],
)
def test_desks_of_the_company_are_its_people(text, people):
    assert headcount(text) == people


@pytest.mark.parametrize(
    "text, people",
    [
        ("30 at the depot and 45 drivers", 75),
        ("we're 40 in the office and 12 in the warehouse", 52),
        ("20 nurses in the clinic plus 35 carers on the road", 55),
        ("2 shifts of about 30 at the bakery", 60),
        ("4 crews of 12 and 10 in the office", 58),
        ("6 trucks, 2 per truck, plus 8 at the yard", 20),
        ("three sites with 70 staff on each", 210),
        # no sum: a range, a change, a part of the whole
        ("between 40 and 60 people", 50),
        ("we were 300 last year and now 200 in total", 200),
        ("we have 90 staff and more like 10 managers", 90),
        ("we have 100 employees and 20 in support", 100),
        ("we're 60 in total and 20 on the phones", 60),
        ("we have 3 teams and 40 people", 40),
        ("we have 40 in the office and 20 of them take calls", 40),
        ("12 employees plus some 80 volunteers", 12),
        ("about 30 plus 45 interns in summer", 30),
    ],
)
def test_groups_of_people_are_added_up(text, people):
    assert headcount(text) == people
