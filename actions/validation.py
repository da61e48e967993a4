"""The recommendation form's validation: answers understood by NLU become slot
values; an answer it cannot use gets an apology that is never the same twice in a
row and a question with a button for every value; a correction to an earlier
answer is taken and said back."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.answers import (
    FORM_SLOTS,
    GUESS,
    PARSERS,
    UNSURE,
    answers_in_message,
    entity_values,
    merged_functions,
    names_an_amount,
    parse_budget,
    parse_company_size,
    parse_functions,
    removed_functions,
    says_a_vague_amount,
    says_it_depends,
    says_unsure,
    strongest,
    tells_of_contact,
    unasked_values,
    value_before_this_turn,
)
from actions.decision import BUDGET_LABELS, SIZE_LABELS, describe_functions

# the task of answering people who get in touch
CONTACT_TASK = "customer_support"


def describe_answer(slot: Text, value: Any) -> Text:
    if slot == "company_size":
        return SIZE_LABELS[value]
    if slot == "budget":
        return BUDGET_LABELS[value]
    return f"outsourcing {describe_functions(parse_functions(value))}"


# asked about the budget, a size word means the matching budget ("medium" -> moderate)
BUDGET_FROM_SIZE_WORD = {"small": "tight", "medium": "moderate", "large": "flexible"}
# "That's all" (its button), "none", "nothing else": no task to add
_NOTHING_MORE = re.compile(
    r"^\W*(?:/affirm|/deny|that'?s (?:all|it)|thats (?:all|it)|none(?: of (?:them|these|those))?|"
    r"nothing(?: else| more)?|no more|done|finished)\W*$",
    re.IGNORECASE,
)
# an answer to a question the form did not ask counts only when NLU is this sure (a
# request for a recommendation, where the form asks nothing yet, is read as NLU reads it)
UNASKED_CONFIDENCE = 0.8
OPENING_CONFIDENCE = 0.35  # NLU's own threshold for a task read on its own


# words that make a size word about the company ("we're medium sized"), not the budget
_ABOUT_THE_COMPANY = re.compile(
    r"\d|\b(?:company|firm|business|team|people|staff|employees|headcount|org\w*|we|we'?re|"
    r"our|us|sized?)\b",
    re.IGNORECASE,
)


def size_word_for_budget(tracker: Tracker) -> bool:
    """Asked about the budget, "medium" or "small" alone is the budget, not a new size."""
    return tracker.get_slot("requested_slot") == "budget" and not _ABOUT_THE_COMPANY.search(
        tracker.latest_message.get("text") or ""
    )


def unclear_response(slot: Text, misses: int) -> Text:
    """The slot's own apology first, then a different one, alternating."""
    return f"utter_unclear_{slot}" if misses % 2 == 1 else "utter_unclear_again"


class ValidateRecommendationForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_recommendation_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        events = await super().run(dispatcher, tracker, domain)
        events += self._taken_away(tracker, events)
        valid = {
            e["name"]: e["value"]
            for e in events
            if e.get("event") == "slot" and e["name"] in FORM_SLOTS and e["value"] is not None
        }
        requested = tracker.get_slot("requested_slot")
        noted = [
            describe_answer(slot, value)
            for slot, value in valid.items()
            if slot != requested and value_before_this_turn(tracker, slot) != value
        ]
        if noted:
            changed = requested is not None and any(
                value_before_this_turn(tracker, s) is not None for s in valid if s != requested
            )
            prefix = "Updated" if changed else "Noted"
            dispatcher.utter_message(text=f"{prefix}: {', '.join(noted)}.")
        if valid and all(s == requested for s in valid):
            events.append(SlotSet("unclear_answers", 0))
        return events

    @staticmethod
    def _candidates(slot: Text, slot_value: Any, tracker: Tracker) -> List[Any]:
        """What the message says for the slot. The question the form asked takes any
        value NLU found, whatever the intent ("1200" alone reads as no intent); a
        question it did not ask takes only confident ones."""
        requested = tracker.get_slot("requested_slot")
        if requested != slot:
            confidence = OPENING_CONFIDENCE if requested is None else UNASKED_CONFIDENCE
            return unasked_values(tracker, confidence).get(slot, [])
        found = [slot_value, *entity_values(tracker).get(slot, [])]
        if any(PARSERS[slot](v) for v in found):
            return found
        # (a request said to the question answers only with what it states: "recommend
        # first please" guesses no size)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        guesses = (
            entity_values(tracker, role=GUESS).get(slot, [])
            if intent != "request_recommendation"
            else []
        )
        if ValidateRecommendationForm._answers_another_question(slot, tracker) and not (
            guesses and ValidateRecommendationForm._says_earlier_answers_again(slot, tracker)
        ):
            return found  # "sorry, not 35, we're 350": a correction, no guess at this one
        if slot == "company_size" and says_a_vague_amount(tracker.latest_message.get("text")):
            return found  # "many": no guess at the size
        return [*guesses, *found]

    @staticmethod
    def _taken_away(tracker: Tracker, events: List[EventType]) -> List[EventType]:
        """'Forget the analytics' alone: no slot mapping takes it, so subtract it here."""
        removed = removed_functions(tracker)
        if not removed or any(e.get("name") == "outsourced_functions" for e in events):
            return []
        current = parse_functions(tracker.get_slot("outsourced_functions"))
        remaining = [f for f in current if f not in removed]
        if not remaining or remaining == current:
            return []
        return [SlotSet("outsourced_functions", remaining)]

    @staticmethod
    def _answers_another_question(slot: Text, tracker: Tracker) -> bool:
        if slot != "outsourced_functions" and removed_functions(tracker):
            return True  # "leave the payroll out" while the budget is asked
        return any(other != slot for other in answers_in_message(tracker, UNASKED_CONFIDENCE))

    @staticmethod
    def _says_earlier_answers_again(slot: Text, tracker: Tracker) -> bool:
        """Every other answer in the message is the one given before ("paying my 7 people
        correctly every month" when the size was "a small team")."""
        return all(
            value == value_before_this_turn(tracker, other)
            for other, value in answers_in_message(tracker, UNASKED_CONFIDENCE).items()
            if other != slot
        )

    def _not_understood(
        self, slot: Text, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Dict[Text, Any]:
        """No usable value: apologise, unless the message answered another question."""
        requested = tracker.get_slot("requested_slot")
        if requested is None:
            return {slot: None}
        if requested != slot:
            return {slot: value_before_this_turn(tracker, slot)}
        if self._answers_another_question(slot, tracker):
            return {slot: None}  # a correction of an earlier answer; ask this one again
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "request_recommendation" and "?" in (tracker.latest_message.get("text") or ""):
            # "is it overkill for us to go bpo?" asked at a question: the answer comes with
            # the recommendation, once this question is answered
            dispatcher.utter_message(response="utter_explain_after_questions")
            return {slot: None}
        misses = int(tracker.get_slot("unclear_answers") or 0) + 1
        dispatcher.utter_message(response=unclear_response(slot, misses))
        result: Dict[Text, Any] = {slot: None, "unclear_answers": misses}
        if slot == "outsourced_functions":
            result["choosing_functions"] = True
        return result

    def validate_company_size(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        if size_word_for_budget(tracker):
            return {"company_size": value_before_this_turn(tracker, "company_size")}
        size = strongest(parse_company_size, self._candidates("company_size", slot_value, tracker))
        if size is None:
            return self._not_understood("company_size", dispatcher, tracker)
        return {"company_size": size}

    def validate_budget(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        candidates = self._candidates("budget", slot_value, tracker)
        if tracker.get_slot("requested_slot") == "budget":  # the weakest reading, so first
            # "small", "big" as words; a head count says nothing of money ("big" alone is
            # read by the form-answer model, as a count is: a word with no number, no company)
            word_alone = size_word_for_budget(tracker)
            size_words = [
                e.get("value")
                for e in tracker.latest_message.get("entities") or []
                if e.get("entity") == "company_size"
                and (e.get("extractor") != "FormAnswerClassifier" or word_alone)
                and not e.get("role")
            ]
            candidates = [
                BUDGET_FROM_SIZE_WORD[v] for v in size_words if v in BUDGET_FROM_SIZE_WORD
            ] + candidates
        text = tracker.latest_message.get("text") or ""
        if tracker.get_slot("requested_slot") == "budget" and says_it_depends(text):
            candidates = []  # "depends how much it costs tbh": not sure, whatever NLU read
        budget = strongest(parse_budget, candidates)
        if (
            budget is None
            and tracker.get_slot("requested_slot") == "budget"
            and (says_unsure(text) or names_an_amount(text))
            and not self._answers_another_question("budget", tracker)
        ):
            if not says_unsure(text):  # "about 10k per month": no measure of tight or generous
                dispatcher.utter_message(response="utter_budget_amount_assumed_moderate")
                return {"budget": "moderate"}
            budget = UNSURE  # "no idea what that sort of thing runs to": not sure
        if budget == UNSURE:
            if tracker.get_slot("requested_slot") != "budget":
                return self._not_understood("budget", dispatcher, tracker)
            dispatcher.utter_message(response="utter_budget_assumed_moderate")
            return {"budget": "moderate"}
        if budget is None:
            return self._not_understood("budget", dispatcher, tracker)
        return {"budget": budget}

    def validate_outsourced_functions(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> Dict[Text, Any]:
        text = tracker.latest_message.get("text") or ""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        candidates = self._candidates("outsourced_functions", slot_value, tracker)
        functions = parse_functions(candidates)
        picks = parse_functions(tracker.get_slot("function_picks"))
        if tracker.get_slot("choosing_functions"):
            if text.startswith("/inform") and functions:
                picks += [f for f in functions if f not in picks]
                dispatcher.utter_message(
                    response="utter_function_picked", function_picks_text=describe_functions(picks)
                )
                return {"outsourced_functions": None, "function_picks": picks}
            if picks and (functions or intent in ("affirm", "deny")):
                chosen = picks + [f for f in functions if f not in picks]
                return self._functions_chosen(chosen)
            if not functions and _NOTHING_MORE.match(text):
                # "That's all" with nothing picked: no more asking (the recommendation
                # action says why there is none)
                return {**self._functions_chosen([]), "outsourced_functions": None,
                        "requested_slot": None}  # fmt: skip
        if (
            not functions
            and tracker.get_slot("requested_slot") == "outsourced_functions"
            and not tracker.get_slot("choosing_functions")
            and tells_of_contact(text)
        ):
            # "families ringing the out of hours line": answering them, though no task named
            functions = [CONTACT_TASK]
        if not functions:
            return self._not_understood("outsourced_functions", dispatcher, tracker)
        before = value_before_this_turn(tracker, "outsourced_functions")
        merged = merged_functions(functions, before, text, removed_functions(tracker))
        return self._functions_chosen(merged)

    @staticmethod
    def _functions_chosen(functions: List[Text]) -> Dict[Text, Any]:
        return {
            "outsourced_functions": functions,
            "choosing_functions": False,
            "function_picks": None,
        }
