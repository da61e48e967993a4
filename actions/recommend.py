"""Actions around the recommendation: starting a round, giving the recommendation,
explaining it, and taking an answer the visitor volunteers outside the form
(a correction after the recommendation, or facts that start one)."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answers import (
    FORM_SLOTS,
    PARSERS,
    adds_to_earlier,
    answers_in_message,
    entity_values,
    introduces_the_company,
    is_bare_number,
    merged_functions,
    removed_functions,
    slots_set_this_turn,
    value_before_this_turn,
    wants_work_done,
)
from actions.decision import (
    BUDGET_LABELS,
    CHOICE_WITH_ARTICLE,
    SIZE_LABELS,
    Recommendation,
    describe_functions,
    recommend,
    what_would_change,
)
from actions.validation import OPENING_CONFIDENCE, UNASKED_CONFIDENCE, describe_answer
from actions.which_side import ONE_SIDE_QUESTIONS

ADVANTAGES_QUESTION = ONE_SIDE_QUESTIONS["benefits"]
START_BUTTON = {"title": "Recommend one for me", "payload": "/request_recommendation"}
RECOMMENDATION_STATE = (*FORM_SLOTS, "recommended_model", "recommended_for")
ROUND_DEFAULTS = {"unclear_answers": 0, "choosing_functions": False, "function_picks": None}
# an answer nobody asked for starts the questions when it describes the company this well
FACTS_TO_START = 2


def answers_from_slots(tracker: Tracker) -> Optional[Dict[Text, Any]]:
    answers = {slot: PARSERS[slot](tracker.get_slot(slot)) for slot in FORM_SLOTS}
    return answers if all(answers.values()) else None


def decide(answers: Dict[Text, Any]) -> Recommendation:
    return recommend(answers["company_size"], answers["outsourced_functions"], answers["budget"])


def summary_of_answers(answers: Dict[Text, Any]) -> Text:
    return (
        f"{SIZE_LABELS[answers['company_size']]}, outsourcing "
        f"{describe_functions(answers['outsourced_functions'])}, with "
        f"{BUDGET_LABELS[answers['budget']]}"
    )


def bullet_list(lines: List[Text]) -> Text:
    return "\n".join(f"- {line}" for line in lines)


def follow_up_buttons(recommendation: Recommendation, why: bool) -> List[Dict[Text, Any]]:
    other = recommendation.other
    buttons = [{"title": "Why this one?", "payload": "/explain_recommendation"}] if why else []
    buttons.append(
        {
            "title": f"Advantages of {CHOICE_WITH_ARTICLE[other]}",
            "payload": ADVANTAGES_QUESTION[other],
        }
    )
    buttons.append({"title": "Start over", "payload": "/restart"})
    return buttons


def changes_since(before: Optional[Dict[Text, Any]], now: Dict[Text, Any]) -> List[Text]:
    if not before:
        return []
    return [
        describe_answer(slot, now[slot]) for slot in FORM_SLOTS if before.get(slot) != now[slot]
    ]


def recommendation_text(
    answers: Dict[Text, Any], before: Optional[Dict[Text, Any]], previous_choice: Optional[Text]
) -> Text:
    recommendation = decide(answers)
    changed = changes_since(before, answers)
    opening = ""
    if changed:
        verdict = (
            "That changes my recommendation."
            if previous_choice and previous_choice != recommendation.choice
            else "My recommendation stays the same."
        )
        opening = f"Updated: {', '.join(changed)}. {verdict}\n\n"
    return (
        f"{opening}**My recommendation: {recommendation.with_article}.**\n\n"
        f"You told me: {summary_of_answers(answers)}.\n\n"
        f"{bullet_list(recommendation.reasons)}"
    )


def recommendation_events(
    dispatcher: CollectingDispatcher, tracker: Tracker, answers: Dict[Text, Any]
) -> List[EventType]:
    before = tracker.get_slot("recommended_for")
    previous = tracker.get_slot("recommended_model")
    recommendation = decide(answers)
    dispatcher.utter_message(
        text=recommendation_text(answers, before, previous),
        buttons=follow_up_buttons(recommendation, why=True),
    )
    return [
        SlotSet("recommended_model", recommendation.choice),
        SlotSet("recommended_for", answers),
    ]


class ActionRecommendModel(Action):
    def name(self) -> Text:
        return "action_recommend_model"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        answers = answers_from_slots(tracker)
        if answers is None:
            tasks = PARSERS["outsourced_functions"](tracker.get_slot("outsourced_functions"))
            # no task picked when the tasks were asked: what each option takes on instead
            declined = tracker.get_slot("company_size") and not tasks
            missing = "utter_no_tasks_picked" if declined else "utter_missing_answers"
            dispatcher.utter_message(response=missing, buttons=[START_BUTTON])
            return []
        return recommendation_events(dispatcher, tracker, answers)


class ActionExplainRecommendation(Action):
    """Why this one, in terms of the answers that decided it, and what would change it."""

    def name(self) -> Text:
        return "action_explain_recommendation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        answers = answers_from_slots(tracker)
        if tracker.active_loop_name:
            dispatcher.utter_message(response="utter_explain_after_questions")
            return []
        if answers is None or tracker.get_slot("recommended_model") is None:
            from actions.follow_ups import ActionAnswerFollowUp, main_aspect, previous_topic

            previous = previous_topic(tracker)
            choosing = any(
                e.get("entity") == "aspect" and e.get("value") == "choosing"
                for e in tracker.latest_message.get("entities") or []
            )
            if choosing and not previous:
                # "is that overkill for a mid sized company?" before any recommendation:
                # which one goes with which company
                dispatcher.utter_message(response=HOW_TO_CHOOSE)
                return []
            named = any(
                e.get("entity") in ("subject", "aspect")
                for e in tracker.latest_message.get("entities") or []
            )
            # "and why is that better than a call centre?", "how come theyre so cheap" (the
            # savings): an aspect the follow-up reads
            if previous and (named or main_aspect(tracker, previous)):
                return await ActionAnswerFollowUp().run(dispatcher, tracker, domain)
            if previous:
                # "why is that?" after a knowledge answer: its reasons are in it, or in
                # the answer that gives them ("why?" after the main difference)
                from actions.follow_ups import WHY

                dispatcher.utter_message(response=f"utter_{WHY.get(previous, previous)}")
                return []
            asked = knowledge_asked(tracker)
            if asked:
                # "if i outsource to a call centre what exactly would they handle for me"
                # before any recommendation: what a call centre does
                dispatcher.utter_message(response=f"utter_{asked}")
                return []
            if not _ABOUT_A_CHOICE.search(tracker.latest_message.get("text") or ""):
                # "but why?" as the first thing said: why what? what to talk about
                dispatcher.utter_message(response="utter_ask_follow_up_topic")
                return []
            dispatcher.utter_message(
                response="utter_nothing_recommended_yet", buttons=[START_BUTTON]
            )
            return []
        what_if = corrected_answers(tracker, min_confidence=UNASKED_CONFIDENCE)
        if what_if is not None and what_if != answers:  # "what if we also did payroll?"
            return correction_events(dispatcher, tracker, what_if)
        recommendation = decide(answers)
        decisive = [describe_answer(slot, answers[slot]) for slot in recommendation.decided_by]
        changes = what_would_change(
            answers["company_size"], answers["outsourced_functions"], answers["budget"]
        )
        text = (
            f"I suggested {recommendation.with_article} because of what you told me: "
            f"{', '.join(decisive)}.\n\n{bullet_list(recommendation.reasons)}"
        )
        if changes:
            text += f"\n\nWhat would change it:\n{bullet_list(changes)}"
        dispatcher.utter_message(text=text, buttons=follow_up_buttons(recommendation, why=False))
        return []


_CORRECTING = re.compile(
    r"\b(actually|sorry|instead|correction|i meant|rather|my bad|my mistake|oops|whoops|"
    r"scratch that)\b",
    re.IGNORECASE,
)
# the visitor's own company, told of by name ("our gym chain has 70 employees"; not "we have
# 40 staff and need help planning the christmas party")
_OUR_COMPANY_TOLD = re.compile(
    r"^\W*(?:(?:hi|hey|hello)\b\W*)?(?:our\s+(?:[\w-]+\s+){0,3}?"
    r"(?:compan(?:y|ies)|business|firm|shop|store|practice|clinic|agency|salon|gym|chain|"
    r"restaurant|cafe|hotel|studio|factory|startup|office|garage|bakery|brewery|charity|group|"
    r"workshop|farm|franchise))\b",
    re.IGNORECASE,
)


def knowledge_asked(tracker: Tracker) -> Optional[Text]:
    """The knowledge topic of a message read as asking for the recommendation's reasons
    that names one of the two and what about it, and asks nothing of a choice; None
    otherwise."""
    from actions.follow_ups import TOPICS, classifier_guess

    message = tracker.latest_message
    entities = message.get("entities") or []
    subjects = {e.get("value") for e in entities if e.get("entity") == "subject"}
    aspects = {e.get("value") for e in entities if e.get("entity") == "aspect"}
    key = classifier_guess(message, 0.0)
    if (
        key not in TOPICS
        or len(subjects) != 1
        or not aspects
        or "choosing" in aspects
        or not key.endswith(f"/{next(iter(subjects))}")
        or _ASKS_OF_A_CHOICE.search(message.get("text") or "")
    ):
        return None
    return key


_CHOICE_WORDS = (
    r"re?com+end\w*|suggest\w*|advi[cs]\w*|choices?|chose|choos\w*|pick\w*|decid\w*|"
    r"this one|that one|the one|verdict"
)
# a choice asked of, or its reasons ("why would a call center suit us", "would you pick it")
_ASKS_OF_A_CHOICE = re.compile(
    rf"\b(?:{_CHOICE_WORDS}|why|how come|suit\w*|fits?|right for|better|best|should)\b",
    re.IGNORECASE,
)
# a why that asks about a choice ("why that one?"), not a bare "how so?"
_ABOUT_A_CHOICE = re.compile(
    rf"\b(?:{_CHOICE_WORDS}|bpos?|call[- ]?cent(?:er|re)s?|cc|models?|options?|answers?|"
    r"results?)\b",
    re.IGNORECASE,
)
# the visitor's own business, said of in the present ("we run a bakery with 300 staff", not
# "my husband has a gym", "my last company had 300 staff")
_OUR_OWN = re.compile(
    r"^\W*(?:(?:oh|ah|ok(?:ay)?|well|hmm+|so|right)\W+)*(?:we|we'?re|we have|our|i run|i own|"
    r"i manage)\b(?!.*\b(?:had|used|was|were|did)\b)",
    re.IGNORECASE,
)
# "need a team to handle our live chat" after the recommendation: work of the visitor's
# own, handed over (a correction of the tasks, as the opening "we ..." is)
_NEEDS_SOMEONE = re.compile(
    r"^\W*(?:(?:oh|ah|ok(?:ay)?|well|hmm+|so|and|also|plus)\W+)*(?:(?:we|i)\s+)?(?:also\s+)?"
    r"(?:need|want|looking for)\s+(?:an?\s+|some\s+)?(?:outside\s+|external\s+)?(?:team|"
    r"company|firm|some(?:one|body)|people|partner|service|agency)\b",
    re.IGNORECASE,
)
# advice asked afresh, or for another business (words of both patterns below)
_AFRESH = (
    r"re?com+end\w*|suggest\w*|advi[cs]e|another|again|start over|friends?|brother|sister|"
    r"cousin|also (?:run|own|have)"
)
# asking for advice afresh, or about another business: a new round, not a correction
_NEW_ROUND = re.compile(
    rf"\?|\b(?:{_AFRESH}|which|choose|pick|decide|what about|how about|other|second)\b",
    re.IGNORECASE,
)


class ActionStopQuestions(Action):
    """Stops the questions; a knowledge question asked while turning them down ("no need
    for a recommendation, just tell me what they have in common") is answered first."""

    def name(self) -> Text:
        return "action_stop_questions"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        asked = topic_asked_first(tracker)
        if asked:
            dispatcher.utter_message(response=f"utter_{asked}")
        if not asked or questions_stopped_now(tracker):
            dispatcher.utter_message(response="utter_stopped")
        return []


def questions_stopped_now(tracker: Tracker) -> bool:
    """The form was left on this turn (its loop ended after the visitor's message)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "active_loop" and event.get("name") is None:
            return True
    return False


class ActionResetRecommendation(Action):
    """Forget earlier answers before a new round, keeping the ones given this turn."""

    def name(self) -> Text:
        return "action_reset_recommendation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        text = tracker.latest_message.get("text") or ""
        if tracker.get_slot("recommended_model") and (
            adds_to_earlier(text)
            or _CORRECTING.search(text)
            or (
                (_OUR_OWN.match(text) or _NEEDS_SOMEONE.match(text)) and not _NEW_ROUND.search(text)
            )
        ):
            # "also we want help with the IT desk", "we run a bakery with 300 staff" after
            # the recommendation: a correction of the answers it stands on, not a new
            # round of questions
            answers = corrected_answers(tracker, min_confidence=0.0)
            if answers is not None:
                events = correction_events(dispatcher, tracker, answers)
                return [*events, FollowupAction("action_listen")]
        if (
            tracker.get_slot("recommended_model")
            and asks_a_verdict_on_it(text)
            and not answers_in_message(tracker, UNASKED_CONFIDENCE)
        ):
            # "is a call center overkill for us?" after the recommendation: its reasons,
            # not the questions again
            explained = await ActionExplainRecommendation().run(dispatcher, tracker, domain)
            return [*undo_answers(tracker), *explained, FollowupAction("action_listen")]
        from actions.follow_ups import (
            ActionAnswerFollowUp,
            answer_about_the_answer,
            asks_about_a_job,
            asks_about_the_answer,
            topic_answered_last,
        )

        # a question about the knowledge answer just given, not a request for the questions
        answer = None
        if asks_about_a_job(tracker):
            # "what would my first position be if i join one" after what a call center is
            answer = ActionAnswerFollowUp().run(dispatcher, tracker, domain)
        elif asks_about_the_answer(tracker):
            # "ok we're a dental clinic, would they also do our billing?" after what a bpo does
            answer = answer_about_the_answer(dispatcher, tracker, domain)
        if answer is not None:
            return [*undo_answers(tracker), *await answer, FollowupAction("action_listen")]
        asked_first = topic_asked_first(tracker)
        if asked_first:
            # "how will AI change call centres? and which one do we want": that answer, then
            # the questions
            dispatcher.utter_message(response=f"utter_{asked_first}")
            dispatcher.utter_message(response="utter_then_which_suits_you")
        elif _WHICH_IS_BETTER.search(text) and topic_answered_last(tracker) != HOW_TO_CHOOSE_TOPIC:
            # "so which is better for me?": what the choice depends on, then the questions
            # that make it (not again right after it)
            tell_how_to_choose(dispatcher, domain)
        return reset_events(tracker)


def topic_asked_first(tracker: Tracker) -> Optional[Text]:
    """The knowledge topic a request asked about before the choice, as NLU flagged it
    (bot/nlp/choice_question.py), if it did."""
    message = tracker.latest_message
    if not any(e.get("entity") == "answer_first" for e in message.get("entities") or []):
        return None
    selector = (message.get("response_selector") or {}).get("default") or {}
    return (selector.get("response") or {}).get("intent_response_key") or None


# a verdict asked of the recommendation given ("is a bpo overkill for us?", "would a call
# center really work for us?", "do we even need one?") ...
_VERDICT_ON_IT = re.compile(
    r"\b(?:overkill|too (?:much|big|expensive)|worth (?:it|the (?:cost|money|price|investment))|"
    r"enough|work (?:for|better|out)|"
    r"(?:right|better|best|good|smart|wise|cheaper) (?:for|fit|idea|choice|option|move)|"
    r"make sense|(?:do|would) (?:we|i) (?:even |really |actually )?need|instead)\b",
    re.IGNORECASE,
)
# ... not a fresh request ("now recommend one for my other shop", "start again")
_FRESH_REQUEST = re.compile(
    rf"\b(?:{_AFRESH}|other (?:company|business|shop|firm)|restart|new)\b", re.IGNORECASE
)


def asks_a_verdict_on_it(text: Text) -> bool:
    """A verdict asked of the recommendation given, not a fresh request."""
    return bool(_VERDICT_ON_IT.search(text)) and not _FRESH_REQUEST.search(text)


# a request put as a question of which one to pick ("so which is better for me", "bpo or
# call center, which should we go for?"), not "recommend me one"
_WHICH_IS_BETTER = re.compile(
    r"\bwhich\b[^.?!]*\b(?:better|best|go for|go with|pick|choose|suits?|fits?|right|need|use|"
    r"recommend\w*)\b"
    r"|\b(?:better|best|go for|go with|worth it|more suitable|right choice)\b[^.?!]*\b(?:for|to) "
    r"(?:me|us|my|our|a|an)\b"
    r"|\b(?:bpos?|call[- ]?cent(?:er|re)s?)\s+or\s+(?:an?\s+)?(?:bpos?|call[- ]?cent(?:er|re)s?)\b",
    re.IGNORECASE,
)
HOW_TO_CHOOSE_TOPIC = "choosing/overview"
HOW_TO_CHOOSE = f"utter_{HOW_TO_CHOOSE_TOPIC}"


# the visitor's own company in a question of how to choose: "how do we decide between a
# bpo and a call center", "which fits a company like ours"
_OUR_CHOICE = re.compile(
    r"\b(?:we|we'?re|our|ours|us|for me|i run|i own|i have an?|my (?:own )?(?:company|business|"
    r"firm|shop|team|startup|start-up|clinic|store|agency|practice|office|restaurant|salon))\b",
    re.IGNORECASE,
)
# ... unless asked for someone else or for a piece of writing ("our friend's company", "in
# our class we discussed", "we are writing an article")
_FOR_OTHERS = re.compile(
    r"\b(?:friend'?s?|class|classes|article|essay|assignment|homework|course|lecture|report|"
    r"thesis|presentation|briefing|to us|generally|in general)\b",
    re.IGNORECASE,
)


class ActionAnswerChoosing(Action):
    """How to choose between the two; asked of the visitor's own company, the questions
    that make the choice follow, starting from what the message told."""

    def name(self) -> Text:
        return "action_answer_choosing"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        text = tracker.latest_message.get("text") or ""
        if not _OUR_CHOICE.search(text) or _FOR_OTHERS.search(text):
            dispatcher.utter_message(response=HOW_TO_CHOOSE)
            return []
        tell_how_to_choose(dispatcher, domain)
        return start_form_events(tracker, answers_in_message(tracker, UNASKED_CONFIDENCE))


def tell_how_to_choose(dispatcher: CollectingDispatcher, domain: DomainDict) -> None:
    """The answer on how to choose, without its quick replies: the questions follow."""
    variants = (domain.get("responses") or {}).get(HOW_TO_CHOOSE) or []
    if variants and variants[0].get("text"):
        # marked as that answer, so that a follow-up leans on it (actions/follow_ups.py)
        dispatcher.utter_message(text=variants[0]["text"], utter_action=HOW_TO_CHOOSE)


def reset_events(tracker: Tracker) -> List[EventType]:
    just_given = slots_set_this_turn(tracker)
    events: List[EventType] = [
        SlotSet(slot, None)
        for slot in RECOMMENDATION_STATE
        if slot not in just_given and tracker.get_slot(slot) is not None
    ]
    return events + [SlotSet(slot, value) for slot, value in ROUND_DEFAULTS.items()]


def corrected_answers(tracker: Tracker, min_confidence: float) -> Optional[Dict[Text, Any]]:
    """The answers once the latest message's corrections are applied to those the
    recommendation was based on, or None when the message corrects nothing."""
    set_now = slots_set_this_turn(tracker)
    base = {
        slot: value_before_this_turn(tracker, slot) if slot in set_now else tracker.get_slot(slot)
        for slot in FORM_SLOTS
    }
    removed = removed_functions(tracker)
    if not entity_values(tracker, min_confidence) and not removed:
        return None
    given = answers_in_message(tracker, min_confidence)
    answers = {**base, **given}
    if given.get("outsourced_functions") or removed:
        text = tracker.latest_message.get("text") or ""
        new = given.get("outsourced_functions", [])
        answers["outsourced_functions"] = (
            merged_functions(new, base["outsourced_functions"], text, removed)
            or base["outsourced_functions"]
        )
    answers = {slot: PARSERS[slot](answers[slot]) for slot in FORM_SLOTS}
    return answers if all(answers.values()) else None


def correction_events(
    dispatcher: CollectingDispatcher, tracker: Tracker, answers: Dict[Text, Any]
) -> List[EventType]:
    slots = [SlotSet(slot, answers[slot]) for slot in FORM_SLOTS]
    return slots + recommendation_events(dispatcher, tracker, answers)


def added_task_events(
    dispatcher: CollectingDispatcher, tracker: Tracker, task: Text
) -> List[EventType]:
    """The recommendation again, with a task the visitor added after it."""
    answers = answers_from_slots(tracker)
    if answers is None:
        dispatcher.utter_message(response="utter_missing_answers", buttons=[START_BUTTON])
        return []
    text = tracker.latest_message.get("text") or ""
    answers["outsourced_functions"] = merged_functions(
        [task], answers["outsourced_functions"], text
    )
    return correction_events(dispatcher, tracker, answers)


def start_form_events(tracker: Tracker, answers: Dict[Text, Any]) -> List[EventType]:
    """A new round of questions that starts from the answers the message gave."""
    forget = [SlotSet(slot, None) for slot in RECOMMENDATION_STATE if slot not in answers]
    keep = [SlotSet(slot, value) for slot, value in answers.items()]
    rounds = [SlotSet(slot, value) for slot, value in ROUND_DEFAULTS.items()]
    return [*forget, *rounds, *keep, FollowupAction("recommendation_form")]


def undo_answers(tracker: Tracker) -> List[EventType]:
    """The form's answers set back to what they were before this message."""
    return [
        SlotSet(slot, value_before_this_turn(tracker, slot))
        for slot in slots_set_this_turn(tracker)
        if slot in FORM_SLOTS
    ]


class ActionTakeAnswer(Action):
    """An answer to the form's questions given while the form is not asking.

    After a recommendation it is a correction: the answer changes and the
    recommendation is given again, saying what changed. Before one, a message that
    describes the company (two answers or more, e.g. size and tasks), or that asks for
    tasks to be done ("we want somebody external to look after our laptops"), starts
    the questions with them. Anything else, a bare number above all, is not taken as an
    answer: the visitor hears what the assistant covers, and the slots keep the
    values they had."""

    def name(self) -> Text:
        return "action_take_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        text = tracker.latest_message.get("text") or ""
        undo = undo_answers(tracker)
        if is_bare_number(text):
            dispatcher.utter_message(response="utter_out_of_scope")
            return undo
        if tracker.get_slot("recommended_model") is None:
            from actions.follow_ups import (
                ActionAnswerFollowUp,
                answer_about_the_answer,
                asks_about_the_answer,
                asks_what_it_includes,
            )

            if asks_what_it_includes(tracker):
                # "does that include payroll for 200 staff" after what a bpo does
                return undo + await ActionAnswerFollowUp().run(dispatcher, tracker, domain)
            facts = answers_in_message(tracker, UNASKED_CONFIDENCE)
            if len(facts) >= FACTS_TO_START:  # "we're a 40-person shop, phones ringing all day"
                return start_form_events(tracker, facts)
            if asks_about_the_answer(tracker):
                # "we pay 4k a month rent for the support room, would that go away?"
                return undo + await answer_about_the_answer(dispatcher, tracker, domain)
            if facts and wants_work_done(text):
                # "we want somebody external to look after our staff laptops", "we need an
                # outsourcing partner but don't know what type, 25 person agency"
                return start_form_events(tracker, facts)
            if facts and introduces_the_company(text):
                # "Hi! We're a regional airline with 1,100 employees."
                return start_form_events(tracker, facts)
            told = answers_in_message(tracker, OPENING_CONFIDENCE)
            if (
                len(told) >= FACTS_TO_START
                and "company_size" in facts
                and _OUR_COMPANY_TOLD.search(text)
                and "?" not in text
            ):
                # "our gym chain has 70 employees and a big pile of members who just
                # stopped paying": the size surely, the work in words NLU is less sure of
                return start_form_events(tracker, told)
            from actions.follow_ups import is_elliptical, previous_topic

            # "typical clients by sector?", "the ai part specifically"
            asks_an_aspect = ("?" in text or (len(text.split()) <= 5 and not facts)) and any(
                e.get("entity") == "aspect" for e in tracker.latest_message.get("entities") or []
            )
            if previous_topic(tracker) and (is_elliptical(text, max_words=3) or asks_an_aspect):
                # "debt collection as well?", "typical clients by sector?" after a knowledge
                # answer: a question about it
                return undo + await ActionAnswerFollowUp().run(dispatcher, tracker, domain)
            dispatcher.utter_message(response="utter_out_of_scope")
            return undo
        answers = corrected_answers(tracker, min_confidence=0.0)
        if answers is None:
            dispatcher.utter_message(response="utter_out_of_scope")
            return undo
        return correction_events(dispatcher, tracker, answers)
