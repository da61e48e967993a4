"""The recommendation: a pure function of the three form answers, with the reasons
that decided it and what would change it.

A call center handles customer communication; a BPO takes over whole business
processes, front and back office, and can include a call center. So any
back-office process needs a BPO. Customer communication alone goes to a call
center when the company is small or medium or the budget is tight. The sources
leave one case open, a large company with a budget to match that needs only
customer contact: the reasons then say what each option offers it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, List, Sequence, Tuple

CALL_CENTER = "call_center"
BPO = "bpo"
CHOICES = (CALL_CENTER, BPO)

COMPANY_SIZES = ("small", "medium", "large")
BUDGETS = ("tight", "moderate", "flexible")
CUSTOMER_COMMUNICATION = ("customer_support", "sales", "surveys", "collections", "order_taking")
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

CHOICE_WITH_ARTICLE = {CALL_CENTER: "a call center", BPO: "a BPO"}
# head counts where a company stops being small, and medium (config.yml gives NLU the same)
MEDIUM_FROM, LARGE_FROM = 50, 250
SIZE_RANGES = {
    "small": f"under {MEDIUM_FROM} people",
    "medium": f"{MEDIUM_FROM} to {LARGE_FROM - 1} people",
    "large": f"{LARGE_FROM} people or more",
}
SIZE_LABELS = {
    "small": f"a small company ({SIZE_RANGES['small']})",
    "medium": f"a medium-sized company ({SIZE_RANGES['medium']})",
    "large": f"a large company ({SIZE_RANGES['large']})",
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
    choice: str
    reasons: List[str]  # only the answers that decided it, in the visitor's terms
    decided_by: Tuple[str, ...]  # the slots those answers fill

    @property
    def with_article(self) -> str:
        return CHOICE_WITH_ARTICLE[self.choice]

    @property
    def other(self) -> str:
        return BPO if self.choice == CALL_CENTER else CALL_CENTER


def join_words(words: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def describe_functions(functions: Iterable[str]) -> str:
    return join_words([FUNCTION_LABELS[f] for f in functions])


def _check(company_size: str, functions: Sequence[str], budget: str) -> None:
    if company_size not in COMPANY_SIZES:
        raise ValueError(f"unknown company size: {company_size!r}")
    if budget not in BUDGETS:
        raise ValueError(f"unknown budget: {budget!r}")
    if not functions or any(f not in FUNCTIONS for f in functions):
        raise ValueError(f"unknown or missing functions: {functions!r}")


def recommend(company_size: str, functions: Sequence[str], budget: str) -> Recommendation:
    """Decide between a call center and a BPO, with the reasons that decided it."""
    _check(company_size, functions, budget)
    back_office = [f for f in functions if f in BACK_OFFICE]
    communication = [f for f in functions if f in CUSTOMER_COMMUNICATION]

    if back_office:
        reasons = [
            f"You want to outsource {describe_functions(back_office)}: that is back-office "
            "work, which a call center does not do. A BPO takes over whole business "
            "processes, in the front office and the back office."
        ]
        if communication:
            reasons.append(
                f"Your {describe_functions(communication)} can be part of the same contract: "
                "a BPO can include a call center, so one contractor covers both."
            )
        return Recommendation(BPO, reasons, ("outsourced_functions",))

    tasks = (
        f"You want to outsource {describe_functions(communication)}: that is customer "
        "communication, exactly what a call center specialises in."
    )
    if company_size in ("small", "medium"):
        reasons = [
            tasks,
            f"You are {SIZE_LABELS[company_size]}: small and medium companies that mainly "
            "need customer support usually turn to a call center, the more focused and "
            "budget-friendly solution.",
        ]
        return Recommendation(CALL_CENTER, reasons, ("outsourced_functions", "company_size"))
    if budget == "tight":
        reasons = [
            tasks,
            "Your budget is tight: a call center is the more focused and budget-friendly "
            "way to handle incoming and outgoing customer contacts.",
        ]
        return Recommendation(CALL_CENTER, reasons, ("outsourced_functions", "budget"))
    reasons = [
        tasks
        + " A call center would handle that well, as a focused solution for customer contact.",
        f"You are {SIZE_LABELS[company_size]} with {BUDGET_LABELS[budget]}: large "
        "organisations usually choose a BPO. It scales the service up or down as your "
        "needs change, it can include a call center for your customer contacts, and the "
        "same contractor can take on back-office processes later.",
    ]
    return Recommendation(BPO, reasons, ("outsourced_functions", "company_size", "budget"))


def what_would_change(company_size: str, functions: Sequence[str], budget: str) -> List[str]:
    """The single changes of answer that would turn the recommendation around."""
    choice = recommend(company_size, functions, budget).choice
    other = CHOICE_WITH_ARTICLE[BPO if choice == CALL_CENTER else CALL_CENTER]
    changes: List[str] = []
    communication = [f for f in functions if f in CUSTOMER_COMMUNICATION]
    if choice == CALL_CENTER:
        changes.append(
            "If you also needed back-office work, such as accounting, payroll or HR, "
            f"I would recommend {other}."
        )
    elif communication and len(communication) < len(functions):
        if recommend(company_size, communication, budget).choice != choice:
            changes.append(
                f"If you only needed {describe_functions(communication)} and no back-office "
                f"work, I would recommend {other}."
            )
    elif (
        not communication and recommend(company_size, ["customer_support"], budget).choice != choice
    ):
        changes.append(
            "If you only needed customer communication, such as customer support or sales, "
            f"I would recommend {other}."
        )
    for size in COMPANY_SIZES:
        if size != company_size and recommend(size, functions, budget).choice != choice:
            changes.append(f"If you were {SIZE_LABELS[size]}, I would recommend {other}.")
            break
    for other_budget in BUDGETS:
        if (
            other_budget != budget
            and recommend(company_size, functions, other_budget).choice != choice
        ):
            changes.append(f"With {BUDGET_LABELS[other_budget]}, I would recommend {other}.")
            break
    return changes
