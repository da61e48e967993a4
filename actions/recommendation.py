"""The recommendation itself: a pure function of the three form answers.

A call center handles customer communication; a BPO takes over whole business
processes, front and back office, and can include a call center. So any
back-office process needs a BPO. Customer communication alone goes to a call
center when the company is small or medium or the budget is tight; a large
company with a budget to match gets a BPO, which scales and bundles functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, List, Sequence

CALL_CENTER = "call_center"
BPO = "bpo"

COMPANY_SIZES = ("small", "medium", "large")
BUDGETS = ("tight", "moderate", "flexible")
CUSTOMER_COMMUNICATION = (
    "customer_support",
    "sales",
    "surveys",
    "collections",
    "order_taking",
)
BACK_OFFICE = (
    "accounting",
    "payroll",
    "hr",
    "it_support",
    "logistics",
    "analytics",
    "administration",
)
FUNCTIONS = CUSTOMER_COMMUNICATION + BACK_OFFICE

MODEL_NAMES = {CALL_CENTER: "call center", BPO: "BPO"}
MODEL_WITH_ARTICLE = {CALL_CENTER: "a call center", BPO: "a BPO"}
SIZE_LABELS = {
    "small": "a small company (under 50 people)",
    "medium": "a medium-sized company (50 to 249 people)",
    "large": "a large company (250 people or more)",
}
FUNCTION_LABELS = {
    "customer_support": "customer support",
    "sales": "sales",
    "surveys": "surveys",
    "collections": "debt collection",
    "order_taking": "order taking",
    "accounting": "accounting",
    "payroll": "payroll",
    "hr": "HR",
    "it_support": "IT support",
    "logistics": "logistics",
    "analytics": "analytics",
    "administration": "administration",
}
BUDGET_LABELS = {
    "tight": "a tight budget",
    "moderate": "a moderate budget",
    "flexible": "a flexible budget",
}


@dataclass(frozen=True)
class Recommendation:
    model: str
    reasons: List[str]

    @property
    def model_name(self) -> str:
        return MODEL_NAMES[self.model]

    @property
    def model_with_article(self) -> str:
        return MODEL_WITH_ARTICLE[self.model]

    @property
    def other_model(self) -> str:
        return BPO if self.model == CALL_CENTER else CALL_CENTER


def join_words(words: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def describe_functions(functions: Iterable[str]) -> str:
    return join_words([FUNCTION_LABELS[f] for f in functions])


def recommend(company_size: str, functions: Sequence[str], budget: str) -> Recommendation:
    """Decide between a call center and a BPO, with the reasons in the user's terms."""
    if company_size not in COMPANY_SIZES:
        raise ValueError(f"unknown company size: {company_size!r}")
    if budget not in BUDGETS:
        raise ValueError(f"unknown budget: {budget!r}")
    unknown = [f for f in functions if f not in FUNCTIONS]
    if unknown or not functions:
        raise ValueError(f"unknown or missing functions: {functions!r}")

    back_office = [f for f in functions if f in BACK_OFFICE]
    communication = [f for f in functions if f in CUSTOMER_COMMUNICATION]

    if back_office:
        reasons = [
            f"You want to outsource {describe_functions(back_office)}: that is "
            "back-office work, which a call center does not do. A BPO takes over "
            "whole business processes, front and back office."
        ]
        if communication:
            reasons.append(
                f"Your {describe_functions(communication)} can be part of the same "
                "deal: a BPO can include a call center, so one contractor covers both."
            )
        if company_size == "large":
            reasons.append(
                f"As {SIZE_LABELS[company_size]}, you are the kind of organisation with "
                "complex operational needs that usually chooses a BPO."
            )
        if budget == "tight":
            reasons.append(
                "Your budget is tight: bundling several functions with one contractor "
                "cuts management and infrastructure costs, and BPO providers abroad "
                "often work at lower rates."
            )
        else:
            reasons.append(
                f"With {BUDGET_LABELS[budget]}, a BPO's scalability lets the service "
                "grow or shrink with your needs."
            )
        return Recommendation(BPO, reasons)

    reasons = [
        f"You want to outsource {describe_functions(communication)}: that is customer "
        "communication, exactly what a call center specialises in (fast replies, "
        "quality contact, phone plus chat, email and messengers)."
    ]
    if company_size in ("small", "medium"):
        reasons.append(
            f"As {SIZE_LABELS[company_size]}, a call center is the focused choice: "
            "small and medium companies that mainly need customer support rarely need "
            "a full BPO."
        )
    if budget == "tight":
        reasons.append(
            "Your budget is tight, and a call center is the more budget-friendly option "
            "for handling incoming and outgoing customer contacts."
        )
    if company_size == "large" and budget != "tight":
        reasons = [
            f"You want to outsource {describe_functions(communication)}, which a call "
            "center could handle on its own.",
            f"But as {SIZE_LABELS[company_size]} with {BUDGET_LABELS[budget]}, a BPO "
            "fits better: it scales easily, can include a call center for your "
            "customer contacts, and can take on back-office processes later with "
            "the same contractor.",
        ]
        return Recommendation(BPO, reasons)
    return Recommendation(CALL_CENTER, reasons)
