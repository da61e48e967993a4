"""The real servers on free ports: a whole recommendation over the REST channel."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

from bot.channels.message_policy import EMPTY_MESSAGE_REPLY, MAX_MESSAGE_CHARS
from bot.rest_client import post_json


def tracker_slot(assistant, sender: str, slot: str) -> Any:
    """The slot's current value as stored in the SQLite tracker store."""
    value = None
    for type_name, event in assistant.events(sender):
        if type_name == "restart":
            value = None
        elif type_name == "slot" and event["name"] == slot:
            value = event["value"]
    return value


def buttons(replies: List[Dict[str, Any]]) -> List[str]:
    return [b["title"] for r in replies for b in r.get("buttons", [])]


def test_knowledge_question_gets_its_answer_and_quick_replies(conversation):
    replies = conversation.replies("what is a bpo?")
    text = " ".join(r.get("text", "") for r in replies)
    assert "Business Process Outsourcing" in text
    assert buttons(replies)


def test_full_recommendation_in_natural_language_ends_with_a_call_center(assistant, conversation):
    assert "How many people" in conversation.say("Which one would you recommend for my company?")
    assert "Which tasks" in conversation.say("we're about 20 people")
    assert "budget" in conversation.say("mostly customer support and some sales")
    final = conversation.say("money is tight")
    assert "My recommendation: a call center" in final
    assert "small company (under 50 people)" in final
    assert "customer support and sales" in final
    assert tracker_slot(assistant, conversation.sender, "recommended_model") == "call_center"
    assert "I suggested a call center" in conversation.say("why that one?")


def test_back_office_work_gets_a_bpo_and_the_slot_is_stored(assistant, conversation):
    conversation.say("I'd like a recommendation for my company")
    conversation.say("around 300 employees")
    conversation.say("payroll and bookkeeping")
    final = conversation.say("our budget is flexible")
    assert "My recommendation: a BPO" in final
    assert "payroll and accounting" in final
    assert tracker_slot(assistant, conversation.sender, "recommended_model") == "bpo"


def test_invalid_answer_is_asked_again_with_an_example(conversation):
    conversation.say("recommend a model for us")
    reply = conversation.say("no clue honestly")
    assert "about 30 people" in reply
    assert "Which tasks" in conversation.say("50 people")


def test_question_in_the_middle_of_the_form_is_answered_and_the_form_resumes(conversation):
    conversation.say("which is best for my company?")
    reply = conversation.say("wait, what is a call center exactly?")
    assert "call center" in reply.lower()
    assert "How many people" in reply


def test_cancel_leaves_the_form(conversation):
    conversation.say("recommend one for me")
    assert "stopped the questions" in conversation.say("cancel")
    assert "Business Process Outsourcing" in conversation.say("what is a bpo?")


def test_start_over_forgets_the_answers(assistant, conversation):
    conversation.say("recommend one for me")
    conversation.say("we have 40 employees")
    assert "start over" in conversation.say("start over").lower()
    assert tracker_slot(assistant, conversation.sender, "company_size") is None


def test_another_language_gets_the_out_of_scope_answer_and_does_not_end_the_form(conversation):
    assert "outside what I know" in conversation.say("Wo finde ich den nächsten Bahnhof?")
    conversation.say("recommend one for me")
    reply = conversation.say("Où est la gare la plus proche ?")
    assert "stopped the questions" not in reply
    assert "about 30 people" in reply  # the size question again, with an example
    assert "Which tasks" in conversation.say("50 people")


def test_gibberish_gets_a_polite_fallback(conversation):
    reply = conversation.say("asdkjh qwpoeiu zxmcnb")
    assert "Sorry" in reply


def test_empty_and_oversized_messages_are_answered_without_nlu(assistant, conversation):
    assert conversation.say("   ") == EMPTY_MESSAGE_REPLY
    assert "too long" in conversation.say("x" * (MAX_MESSAGE_CHARS + 1))


def test_malformed_requests_get_a_clear_400(assistant):
    for body in ([], "text", 3, None, {"message": "hi"}, {"sender": "new\nline", "message": "hi"}):
        status, reply = post_json(assistant.webhook, body)
        assert status == 400, body
        assert "error" in reply


def test_asking_for_a_person_gets_a_way_to_reach_one(conversation):
    reply = conversation.replies("can I talk to a human?")
    assert "automated assistant" in reply[0]["text"]
    assert buttons(reply), "never a dead end"


def test_a_retried_message_id_gets_the_stored_replies_not_a_second_turn(assistant, conversation):
    body = {"sender": conversation.sender, "message": "what is a bpo?", "message_id": "m-1"}
    status, first = post_json(assistant.webhook, body)
    assert status == 200 and "Business Process Outsourcing" in first[0]["text"]
    status, again = post_json(assistant.webhook, body)
    assert status == 200 and again == first
    stored = [kind for kind, _ in assistant.events(conversation.sender)]
    assert stored.count("user") == 1
    status, _ = post_json(assistant.webhook, {**body, "message_id": "bad id!"})
    assert status == 400


def test_a_message_sent_again_while_it_is_answered_is_one_turn(assistant, conversation):
    """A reload mid-reply resends the pending question with its id before the first
    attempt has finished: both get the same replies, and one turn is stored."""
    from concurrent.futures import ThreadPoolExecutor

    body = {"sender": conversation.sender, "message": "what does a bpo do?", "message_id": "m-2"}
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda _: post_json(assistant.webhook, body), range(3)))
    assert all(status == 200 for status, _ in results), results
    assert results[0][1] == results[1][1] == results[2][1]
    stored = [kind for kind, _ in assistant.events(conversation.sender)]
    assert stored.count("user") == 1


def test_widget_files_are_compressed_revalidated_and_preflights_cached(assistant):
    import gzip
    import urllib.request

    url = f"{assistant.base_url}/widget.js"
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as reply:
        body, etag = reply.read(), reply.headers["ETag"]
        assert reply.headers["Content-Encoding"] == "gzip"
    assert b"function" in gzip.decompress(body) and len(body) < 10_000
    request = urllib.request.Request(url, headers={"If-None-Match": etag})
    try:
        urllib.request.urlopen(request, timeout=10)
        raise AssertionError("expected 304 Not Modified")
    except urllib.error.HTTPError as error:
        assert error.code == 304
    origin = f"http://127.0.0.1:{assistant.embed_port}"
    preflight = urllib.request.Request(
        assistant.webhook,
        method="OPTIONS",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    with urllib.request.urlopen(preflight, timeout=10) as reply:
        assert reply.headers["Access-Control-Max-Age"] == "600"


def test_asking_which_suits_us_with_facts_starts_the_form_with_them(conversation):
    replies = conversation.say(
        "Medium-sized manufacturer here, about 230 people, and cost is not our main "
        "concern. Which is right for us?"
    )
    assert "a medium-sized company (50 to 249 people), a flexible budget" in replies
    assert "Which tasks" in replies
    final = conversation.say("sales calls and customer surveys")
    assert "My recommendation: a call center" in final
    assert "outsourcing sales and surveys" in final  # each task read on its own, no more


def test_a_general_rule_of_thumb_question_gets_the_answer_not_the_form(conversation):
    reply = conversation.say("is a bpo better for big companies and a call center for small ones?")
    assert "How many people" not in reply
    assert "size of your business" in reply


def test_a_misspelt_request_starts_the_form_and_a_task_kept_in_house_is_dropped(conversation):
    assert "How many people" in conversation.say("recomend pls")
    assert "Which tasks" in conversation.say("45 people")
    assert "budget" in conversation.say("customer support and payroll")
    reply = conversation.say("our accountant will keep doing payroll after all, so leave that out")
    assert "Sorry" not in reply
    assert "Updated: outsourcing customer support." in reply
    assert "outsourcing customer support" in conversation.say("tight")


def test_a_head_count_corrected_in_passing_updates_the_size(assistant, conversation):
    conversation.say("which would you pick for us")
    conversation.say("5000 employees")
    reply = conversation.say("hold on, I added zeros there, we're 50 employees")
    assert "Updated: a medium-sized company (50 to 249 people)" in reply
    assert tracker_slot(assistant, conversation.sender, "company_size") == "medium"


def test_a_task_asked_about_after_the_recommendation_changes_it(assistant, conversation):
    conversation.say("which would you pick for us")
    conversation.say("about 20 people")
    conversation.say("dealing with customer complaints")
    assert "My recommendation: a call center" in conversation.say("moderate")
    reply = conversation.say("and could they also handle our stock and shipping?")
    assert "My recommendation: a BPO" in reply
    assert "customer support and logistics" in reply
    assert tracker_slot(assistant, conversation.sender, "recommended_model") == "bpo"


def test_a_long_question_with_business_context_gets_its_answer(conversation):
    reply = conversation.say(
        "we run an online pharmacy and get swamped with calls about orders; what exactly "
        "would a call centre handle for us?"
    )
    assert "How many people" not in reply
    assert "Inbound" in reply  # the call center's services: inbound and outbound contacts


def test_a_task_described_like_a_question_topic_is_the_answer_while_the_form_asks(
    assistant, conversation
):
    conversation.say("help me pick one please")
    conversation.say("we are 60 staff")
    reply = conversation.say("a number customers dial when they want to order flowers")
    assert "budget" in reply  # the form goes on: no knowledge answer in between
    assert tracker_slot(assistant, conversation.sender, "outsourced_functions") == ["order_taking"]


def test_keeping_it_cheap_is_a_budget_not_it_support(assistant, conversation):
    conversation.say("help me pick one please")
    conversation.say("12 people")
    conversation.say("answering our customers' emails")
    reply = conversation.say("we need to keep it cheap")
    assert "My recommendation: a call center" in reply
    assert "IT support" not in reply
    assert tracker_slot(assistant, conversation.sender, "outsourced_functions") == [
        "customer_support"
    ]


def test_money_words_said_of_the_budget_do_not_change_the_tasks(assistant, conversation):
    conversation.say("help me pick one please")
    conversation.say("30 employees")
    conversation.say("phoning people to sell our gym memberships")
    reply = conversation.say("we get paid by our clients monthly")
    assert "Updated" not in reply
    assert tracker_slot(assistant, conversation.sender, "outsourced_functions") == ["sales"]


def test_a_bare_choice_after_facts_starts_the_form_with_them(assistant, conversation):
    reply = conversation.say(
        "hello. we're a 20-person travel agency and need people on the phones for "
        "bookings. call centre or bpo?"
    )
    assert "Noted: a small company (under 50 people), outsourcing order taking." in reply
    assert "budget" in reply  # size and task taken from the opening: the budget is next
    assert tracker_slot(assistant, conversation.sender, "company_size") == "small"


def test_advice_on_a_software_product_is_out_of_scope(conversation):
    reply = conversation.say("hubspot or salesforce for a five person team, which do you suggest")
    assert "How many people" not in reply
    assert "outside what I know" in reply


def test_yes_to_the_offer_of_questions_starts_them(conversation):
    reply = conversation.say("how do companies pick between a bpo and a call center")
    assert "I can ask you a few quick questions" in reply
    assert "How many people" in conversation.say("yes")


def test_a_size_word_for_the_budget_leaves_the_size_alone(assistant, conversation):
    conversation.say("which one fits us")
    conversation.say("30 people")
    conversation.say("payroll")
    reply = conversation.say("medium")
    assert "Updated" not in reply
    assert "with a moderate budget" in reply
    assert tracker_slot(assistant, conversation.sender, "company_size") == "small"


def test_a_number_said_instead_of_an_earlier_one_is_the_size(assistant, conversation):
    conversation.say("recommend one for me")
    conversation.say("we are 40 people, sorry 400")
    assert tracker_slot(assistant, conversation.sender, "company_size") == "large"


def test_a_company_named_first_then_a_request_starts_the_questions(conversation):
    """A business that is also a supplier of another service ("staffing agency") said
    first is the visitor's own, not a question about hiring one."""
    reply = conversation.say("staffing agency, we'd like your recommendation")
    assert "How many people" in reply


def test_why_after_the_main_difference_says_what_each_one_does(conversation):
    first = conversation.say("whats the difference between bpo and call center")
    second = conversation.say("why?")
    assert second and second != first
    assert "Sorry" not in second


def test_tasks_taken_back_in_the_same_answer_are_not_kept(assistant, conversation):
    conversation.say("which one fits us")
    conversation.say("30 people")
    conversation.say("payroll and hr, wait no, just answering customer calls")
    functions = tracker_slot(assistant, conversation.sender, "outsourced_functions")
    assert functions == ["customer_support"]


def test_does_that_include_is_asked_of_the_previous_answer(conversation):
    first = conversation.say("what are the advantages of a call center")
    second = conversation.say("does that include being there for customers on sundays?")
    assert second == first  # that answer again, not "outside what I know"


def test_a_shop_named_first_is_no_task(assistant, conversation):
    reply = conversation.say("flower shop owner, which model fits us?")
    assert "How many people" in reply
    assert tracker_slot(assistant, conversation.sender, "outsourced_functions") is None


def test_it_is_not_that_task_takes_it_away(assistant, conversation):
    conversation.say("which one fits us")
    conversation.say("30 people")
    conversation.say("payroll")
    conversation.say("correction, it's not payroll, it's calling customers who owe us money")
    functions = tracker_slot(assistant, conversation.sender, "outsourced_functions")
    assert functions == ["collections"]


def test_a_story_then_an_opinion_asked_starts_the_questions(assistant, conversation):
    reply = conversation.say(
        "we resell fibre internet up north, 20 of us, and honestly it's chaos. what would you "
        "go with?"
    )
    assert "Which tasks" in reply
    assert tracker_slot(assistant, conversation.sender, "company_size") == "small"


def test_things_counted_are_no_head_count(assistant, conversation):
    conversation.say("which one fits us")
    reply = conversation.say("4 hotels")
    assert "how big your company is" in reply
    assert tracker_slot(assistant, conversation.sender, "company_size") is None
    conversation.say("9 hotels of 40 staff")
    assert tracker_slot(assistant, conversation.sender, "company_size") == "large"


def test_what_the_company_does_is_no_task(assistant, conversation):
    reply = conversation.say("we roast coffee and supply it to cafes, which would you pick?")
    assert "How many people" in reply
    assert tracker_slot(assistant, conversation.sender, "outsourced_functions") is None


def test_tell_me_about_one_of_them_is_its_definition(conversation):
    reply = conversation.say("tell me about bpo companies")
    assert "stands for business process outsourcing" in reply.lower()
    assert "How many people" not in reply


def test_scrap_metal_is_no_cancellation(assistant, conversation):
    conversation.say("which model suits our recycling yard?")
    conversation.say("about 340 staff")
    conversation.say(
        "planning the rounds for the skip lorries and where each load of scrap metal goes"
    )
    assert tracker_slot(assistant, conversation.sender, "outsourced_functions") == ["logistics"]


def test_a_budget_only_the_model_reads_beside_a_sure_task_is_asked_for(assistant, conversation):
    conversation.say("which model suits our recycling yard?")
    conversation.say("about 340 staff")
    reply = conversation.say(
        "planning the rounds for the skip lorries and where each load of scrap metal and glass "
        "goes"
    )
    assert "your budget" in reply
    assert tracker_slot(assistant, conversation.sender, "outsourced_functions") == ["logistics"]
    assert tracker_slot(assistant, conversation.sender, "budget") is None


def test_not_knowing_what_is_realistic_is_a_moderate_budget(assistant, conversation):
    conversation.say("which one would you recommend for our language school?")
    conversation.say("68 teachers and office people")
    conversation.say("the enrolment paperwork and the certificates")
    reply = conversation.say("I don't know what's realistic for this")
    assert "My recommendation: a BPO" in reply
    assert tracker_slot(assistant, conversation.sender, "budget") == "moderate"


def test_a_story_then_an_indirect_ask_starts_the_questions(assistant, conversation):
    reply = conversation.say(
        "small vineyard, the cellar door bookings and wine club emails swamp us every summer. "
        "where would you even begin?"
    )
    assert "your budget" in reply
    assert tracker_slot(assistant, conversation.sender, "company_size") == "small"


def test_a_story_then_what_they_do_gets_the_answer_not_the_questions(conversation):
    reply = conversation.say(
        "our ferry company has 60 crew; what sort of work would a call centre take on for us?"
    )
    assert "Inbound" in reply
    assert "How many people" not in reply and "Which tasks" not in reply


def test_a_story_then_what_it_is_gets_the_definition(conversation):
    reply = conversation.say(
        "we're a 20 person translation agency and our PM suggested outsourcing. what exactly "
        "is a bpo?"
    )
    assert "stands for business process outsourcing" in reply.lower()
    assert "Which tasks" not in reply


@pytest.mark.parametrize(
    "size, tasks",
    [
        ("just me and a part-timer", "keeping our books, i hate it"),
        # the work told as a mess
        ("30 people", "honestly our books are a total mess"),
    ],
)
def test_the_books_are_accounting(assistant, conversation, size, tasks):
    conversation.say("can you help me choose")
    conversation.say(size)
    conversation.say(tasks)
    assert tracker_slot(assistant, conversation.sender, "outsourced_functions") == ["accounting"]


def test_people_per_studio_make_the_size(assistant, conversation):
    reply = conversation.say(
        "we run 5 dance studios, about 10 staff per studio, and need people to answer the "
        "phones. bpo or call center?"
    )
    assert "your budget for outsourcing" in reply
    assert tracker_slot(assistant, conversation.sender, "company_size") == "medium"
    functions = tracker_slot(assistant, conversation.sender, "outsourced_functions")
    assert functions == ["customer_support"]


def test_the_branch_the_visitor_decides_for_is_the_size(assistant, conversation):
    conversation.say("which one would you pick for us")
    conversation.say("the group has 3000 people but our office is 60, i only decide for the office")
    assert tracker_slot(assistant, conversation.sender, "company_size") == "medium"


def test_a_verdict_asked_after_the_business_is_told_starts_the_questions(assistant, conversation):
    reply = conversation.say(
        "we own two hotels and the front desk can't keep up with booking calls. would a call "
        "centre help?"
    )
    assert "How many people" in reply or "your budget" in reply
    assert tracker_slot(assistant, conversation.sender, "outsourced_functions")


def test_a_budget_that_depends_on_the_price_is_moderate_and_ends_the_questions(
    assistant, conversation
):
    conversation.say("can you recommend something for us")
    conversation.say("me plus 6")
    conversation.say("running the payroll for our staff")
    reply = conversation.say("depends how much it is")
    assert "moderate budget" in reply
    assert "My recommendation" in reply
    assert tracker_slot(assistant, conversation.sender, "budget") == "moderate"


def test_a_task_a_relative_takes_over_is_dropped_after_the_recommendation(assistant, conversation):
    conversation.say("which one suits our furniture shop? we're 60 people")
    conversation.say("the payroll")
    conversation.say("tight")
    reply = conversation.say(
        "hmm actually my sister is taking over payroll. what we need is people answering "
        "customer calls about deliveries"
    )
    assert "My recommendation: a call center" in reply
    functions = tracker_slot(assistant, conversation.sender, "outsourced_functions")
    assert functions == ["customer_support"]


def test_thin_margins_are_a_tight_budget(assistant, conversation):
    conversation.say("which one fits us? we're 25 people")
    conversation.say("answering customer calls")
    reply = conversation.say("our margins are slim in this business")
    assert "My recommendation: a call center" in reply
    assert tracker_slot(assistant, conversation.sender, "budget") == "tight"


def test_a_budget_corrected_after_the_recommendation_updates_it(assistant, conversation):
    conversation.say("which one fits us? we're 25 people")
    conversation.say("answering customer calls")
    conversation.say("flexible")
    reply = conversation.say("no wait budget is like really small")
    assert "Updated: a tight budget" in reply
    assert tracker_slot(assistant, conversation.sender, "budget") == "tight"
    assert tracker_slot(assistant, conversation.sender, "company_size") == "small"


def test_staff_named_by_their_work_are_counted_not_outsourced(assistant, conversation):
    conversation.say("help me pick one")
    reply = conversation.say("9 of us plus a couple of delivery drivers")
    assert "Which tasks" in reply
    assert tracker_slot(assistant, conversation.sender, "company_size") == "small"
    assert not tracker_slot(assistant, conversation.sender, "outsourced_functions")


def test_a_budget_in_a_word_of_quantity_ends_the_questions(assistant, conversation):
    conversation.say("which one fits us? we're 25 people")
    conversation.say("answering customer calls")
    reply = conversation.say("we live off grants so not much")
    assert "My recommendation: a call center" in reply
    assert tracker_slot(assistant, conversation.sender, "budget") == "tight"


def test_a_task_wished_for_after_the_recommendation_changes_it(assistant, conversation):
    conversation.say("which one fits us? we're 25 people")
    conversation.say("customer satisfaction surveys by phone")
    conversation.say("tight")
    reply = conversation.say("oh and we'd want them doing our wages as well as those calls")
    assert "My recommendation: a BPO" in reply
    functions = tracker_slot(assistant, conversation.sender, "outsourced_functions")
    assert sorted(functions) == ["payroll", "surveys"]


def test_which_one_with_nothing_before_says_what_it_depends_on_and_asks(conversation):
    reply = conversation.say("which one?")
    assert "It depends on three things" in reply
    assert "How many people" in reply


def test_a_law_firm_with_calls_to_handle_starts_the_questions(assistant, conversation):
    reply = conversation.say(
        "i'm practice manager at a law firm of 40, reception can't keep up with clients phoning"
    )
    assert "your budget" in reply
    assert tracker_slot(assistant, conversation.sender, "company_size") == "small"


def test_follow_ups_that_compare_or_point_back(conversation):
    conversation.say("what do a bpo and a call center have in common")
    assert "The main difference" in conversation.say("so what's the main thing that separates them")
    conversation.say("what does a call center do")
    assert "My sources disagree" in conversation.say("do they take live chat or just calls")
    conversation.say("what services does a bpo offer")
    assert "no longer needs its own office" in conversation.say(
        "why would anyone outsource that rather than hiring staff"
    )


def test_a_firms_own_trade_is_no_task_unless_asked_for(assistant, conversation):
    conversation.say("recommend me one")
    conversation.say("we're an IT firm of 110 and the phones are a mess")
    functions = tracker_slot(assistant, conversation.sender, "outsourced_functions")
    assert "it_support" not in (functions or [])
    asking = type(conversation)(assistant)
    asking.say("recommend me one")
    reply = asking.say("we're an IT firm of 110 and need help with it support")
    assert "Noted: outsourcing IT support" in reply


def test_a_question_that_depends_on_the_side_asks_which_and_answers_it(conversation):
    replies = conversation.replies("what are the advantages")
    assert "Do you mean a BPO or a call center?" in replies[0]["text"]
    assert buttons(replies) == ["A BPO", "A call center"]
    assert "narrow specialisation" in conversation.say("the call centre one")


def test_a_bigger_group_told_after_the_recommendation_updates_the_size(assistant, conversation):
    conversation.say("which one fits us? we're 25 people")
    conversation.say("customer satisfaction surveys by phone")
    assert "My recommendation: a call center" in conversation.say("flexible")
    reply = conversation.say(
        "oh i forgot, we belong to a group of 900 staff and it'd cover them too"
    )
    assert "Updated" in reply and "My recommendation: a BPO" in reply
    assert tracker_slot(assistant, conversation.sender, "company_size") == "large"


def test_a_business_of_another_trade_that_chooses_gets_the_questions(conversation):
    # a cleaning company is a supplier of another service, unless it is the one choosing
    reply = conversation.say("which one should a cleaning company go for?")
    assert "How many people" in reply


def test_what_customers_call_about_is_no_task_of_its_own(assistant, conversation):
    reply = conversation.say(
        "we're a water utility, 1,500 staff. we need help with customer calls about leaks "
        "and bills, which model?"
    )
    assert "customer support" in reply and "accounting" not in reply
    assert tracker_slot(assistant, conversation.sender, "outsourced_functions") == [
        "customer_support"
    ]


def test_a_trade_asking_what_to_do_gets_the_questions(conversation):
    # ("small" is its size: the next question is the tasks)
    reply = conversation.say("hiya what should a small flower shop do")
    assert "a small company" in reply and "Which tasks would you like to outsource?" in reply


def test_a_piece_of_writing_or_a_worker_law_is_out_of_scope(conversation):
    for text in (
        "write a job ad for a team leader at our bpo",
        "are bpo agents legally entitled to paid breaks",
    ):
        assert "outside what I know" in conversation.say(text)


def test_the_same_as_the_other_after_a_definition_is_the_difference(conversation):
    conversation.say("what is a bpo")
    assert "main difference is scope and scale" in conversation.say(
        "so its not the same as a call centre?"
    )


def test_never_mind_during_the_questions_stops_them(conversation):
    conversation.say("should we get a bpo or a call center")
    assert "stopped the questions" in conversation.say("actually never mind, just curious")


def test_not_that_small_is_no_size_and_the_question_comes(assistant, conversation):
    reply = conversation.say("community radio station... well not that small anymore. bpo or cc?")
    assert "How many people" in reply
    assert tracker_slot(assistant, conversation.sender, "company_size") is None


def test_a_name_asked_for_what_is_described_gets_the_definition(conversation):
    reply = conversation.say(
        "what do u call the setup where a bunch of agents sit at computers taking customers calls"
    )
    assert "A **call center** is a service" in reply


def test_a_trade_told_first_with_its_head_count_in_brackets_is_the_visitors_own(conversation):
    reply = conversation.say(
        "small law firm (11 people). we just want someone to do our accounts and chase clients "
        "who haven't paid. budget's tight. what would you recommend?"
    )
    assert "outside what I know" not in reply
    assert "Noted: a small company" in reply and "debt collection" in reply


def test_what_callers_ring_torn_with_a_definition_is_the_answer(assistant, conversation):
    conversation.say("I'm the bursar at an independent school and would like a recommendation.")
    conversation.say("around 130 teachers and support staff")
    assert "your budget" in conversation.say("parents calling the school office")
    assert tracker_slot(assistant, conversation.sender, "outsourced_functions") == [
        "customer_support"
    ]


@pytest.mark.parametrize(
    "opening, size, tasks, correction",
    [
        ("we run a chain of florists, bpo or cc?", "30", "customer orders by phone",
         "we merged with another practice last month, now we're 280 people"),
        # a head count corrected with no word of change
        ("construction firm, trying to decide between a bpo and a call centre", "about 120 of us",
         "ringing clients who haven't paid their invoices",
         "sorry, we're 1200 not 120, left off a zero"),
    ],
)  # fmt: skip
def test_a_new_head_count_after_the_recommendation_keeps_the_budget(
    assistant, conversation, opening, size, tasks, correction
):
    conversation.say(opening)
    conversation.say(size)
    conversation.say(tasks)
    assert "My recommendation: a call center" in conversation.say("moderate")
    reply = conversation.say(correction)
    assert "a large company" in reply and "tight" not in reply
    assert tracker_slot(assistant, conversation.sender, "budget") == "moderate"
    assert tracker_slot(assistant, conversation.sender, "recommended_model") == "bpo"


def test_what_an_outside_firm_can_do_is_answered_not_asked_about(conversation):
    reply = conversation.say("could one outside firm do our wages, our accounts and our IT?")
    assert "A BPO can take over whole processes" in reply and "How many people" not in reply


def test_the_questions_turned_down_with_a_question_answer_it_and_stop(assistant, conversation):
    conversation.say("should we use a bpo or a call center")
    reply = conversation.say("no need for a recommendation, just tell me what they have in common")
    assert "Both serve customers" in reply and "stopped the questions" in reply
    assert "How many people" not in reply
    assert tracker_slot(assistant, conversation.sender, "requested_slot") is None


def test_the_trade_advice_is_asked_for_and_staff_counted_are_no_tasks(assistant, conversation):
    reply = conversation.say("could u recommend something for our accountancy practice")
    assert "Noted" not in reply and "How many people" in reply
    reply = conversation.say("around 40 accountants plus 6 admin")
    assert "Noted" not in reply and "Which tasks" in reply
    assert tracker_slot(assistant, conversation.sender, "outsourced_functions") is None


def test_a_denied_budget_beside_the_one_meant_is_not_taken(assistant, conversation):
    conversation.say("we're a 30 person clinic and want someone to answer our phones, bpo or cc?")
    conversation.say("moderate")
    reply = conversation.say("sorry the budget is tight actually, not moderate")
    assert "a tight budget" in reply
    assert tracker_slot(assistant, conversation.sender, "budget") == "tight"


def test_a_trade_after_a_casual_greeting_is_the_visitors_own(conversation):
    reply = conversation.say("hiya, recruitment agency, which outsourcing option suits us?")
    assert "How many people" in reply and "outside what I know" not in reply


def test_a_description_then_a_question_is_answered_not_taken_as_tasks(conversation):
    reply = conversation.say(
        "a friend runs a company that other firms pay to do their admin and accounts for them. "
        "what do you call that kind of company"
    )
    assert "Business Process Outsourcing" in reply and "Noted" not in reply


def test_a_monthly_sum_for_the_budget_is_taken_as_the_budget(assistant, conversation):
    conversation.say("we roast coffee for cafes, bpo or call centre?")
    conversation.say("about 55")
    conversation.say("packing the orders and booking the courier pickups")
    assert "My recommendation: a BPO" in conversation.say("2 or 3k a month maybe")
    assert tracker_slot(assistant, conversation.sender, "budget") is not None


def test_the_same_question_for_the_other_one_gets_its_answer(assistant, conversation):
    from tests.conftest import Conversation

    conversation.say("what are the advantages of a call centre")
    reply = conversation.say("same question for a bpo?")
    assert reply == Conversation(assistant).say("what are the advantages of a bpo")


def test_whether_an_answer_always_holds_gets_that_answer_again(conversation):
    first = conversation.say("does a call center only handle phone calls")
    assert conversation.say("is that always true?") == first


def test_a_product_recommended_for_the_business_is_out_of_scope(conversation):
    reply = conversation.say("recommend a ticketing tool for our 8 person agency")
    assert "How many people" not in reply
    assert "outside what I know" in reply


def test_neither_big_nor_small_is_the_middle_of_whichever_is_asked(assistant, conversation):
    conversation.say("which one fits us")
    conversation.say("not big, not small")
    assert tracker_slot(assistant, conversation.sender, "company_size") == "medium"
    conversation.say("payroll")
    conversation.say("neither too big nor too small")
    assert tracker_slot(assistant, conversation.sender, "budget") == "moderate"
    assert tracker_slot(assistant, conversation.sender, "company_size") == "medium"


@pytest.mark.parametrize(
    "answer, budget",
    [
        ("we can barely afford the essentials", "tight"),
        ("money's a real headache for us", "tight"),
        ("happy to invest in the best", "flexible"),
        ("fine, though not lavish", "moderate"),
        ("big", "flexible"),
        ("a fair amount, neither tiny nor huge", "moderate"),
        ("we really can't spend on the best", "tight"),
        ("not a worry", "flexible"),
        ("we could stretch really far", "flexible"),
        ("a hefty spend would be fine", "flexible"),
        ("we're running this on a dime", "tight"),
    ],
)
def test_a_budget_in_the_visitors_words_is_understood(assistant, conversation, answer, budget):
    conversation.say("which one fits us")
    conversation.say("30 people")
    conversation.say("payroll")
    assert "My recommendation" in conversation.say(answer)
    assert tracker_slot(assistant, conversation.sender, "budget") == budget
    assert tracker_slot(assistant, conversation.sender, "company_size") == "small"


def test_staff_counted_by_their_work_are_no_task(assistant, conversation):
    conversation.say("which one fits us")
    reply = conversation.say("about 70 mechanics plus some support staff")
    assert "outsourcing" not in reply.split("Which tasks")[0]
    assert tracker_slot(assistant, conversation.sender, "company_size") == "medium"
    assert not tracker_slot(assistant, conversation.sender, "outsourced_functions")


def test_a_budget_said_beside_a_middle_size_is_kept(assistant, conversation):
    conversation.say("which one fits us")
    conversation.say("neither big nor small, and the money is tight")
    assert tracker_slot(assistant, conversation.sender, "company_size") == "medium"
    assert tracker_slot(assistant, conversation.sender, "budget") == "tight"
