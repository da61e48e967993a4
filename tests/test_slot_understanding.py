"""The form's answers as visitors phrase them (tests/realistic/slot_phrasings.yml,
held out of training), read by the trained NLU pipeline in process."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bench import realistic

# slot: (floor this suite guards, the target of 0.95)
FLOORS = {"company_size": 0.95, "budget": 0.83, "outsourced_functions": 0.83}


@pytest.fixture(scope="module")
def accuracy(trained_model):
    from rasa.core.agent import Agent

    logging.getLogger("rasa").setLevel(logging.WARNING)
    agent = Agent.load(str(trained_model))
    loop = asyncio.new_event_loop()
    try:
        result = realistic.slot_accuracy(lambda t: loop.run_until_complete(agent.parse_message(t)))
    finally:
        loop.close()
    print("\nslot understanding: " + ", ".join(f"{k} {v:.3f}" for k, v in result[0].items()))
    return result


@pytest.mark.parametrize("slot", sorted(FLOORS))
def test_slot_understanding(accuracy, slot):
    values, misses = accuracy
    assert values[slot] >= FLOORS[slot], "\n".join(m for m in misses if slot[:6] in m)
