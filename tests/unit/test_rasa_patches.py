"""bot/rasa_patches.py replaces a private method of Rasa: these fail when Rasa changes
it, so an upgrade re-reads the patch before it ships."""

from __future__ import annotations

import hashlib
import inspect
import json

import jsonschema
import pytest
import rasa
from rasa.core.actions.action import RemoteAction

from bot import rasa_patches

# What the patch was written against (Rasa 3.6.21): the replaced method and the schema.
VALIDATE_SOURCE_SHA256 = "f8cdb4be68123961"
SCHEMA_SHA256 = "fb650e99afd82f1c"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def test_rasa_is_a_version_the_patch_was_written_for():
    assert rasa.__version__.startswith(rasa_patches.PATCHED_RASA_VERSIONS), rasa.__version__


def test_the_replaced_method_and_the_schema_are_those_the_patch_copies():
    original = RemoteAction.__dict__["_validate_action_result"]
    if getattr(original, "__module__", "") == rasa_patches.__name__:
        pytest.skip("already patched in this process")
    assert sha(inspect.getsource(original)) == VALIDATE_SOURCE_SHA256
    schema = RemoteAction.action_response_format_spec()
    assert sha(json.dumps(schema, sort_keys=True)) == SCHEMA_SHA256


def test_the_compiled_validator_accepts_and_refuses_what_rasa_does():
    validate = rasa_patches.compiled_reply_validator()
    good = {"events": [{"event": "slot", "name": "budget", "value": "tight"}], "responses": []}
    assert validate(None, good) is True
    for bad in ({"events": [{"event": "no_such_event"}]}, {"responses": "text"}, []):
        with pytest.raises(jsonschema.ValidationError):
            RemoteAction("a", None)._validate_action_result(bad)
        with pytest.raises(jsonschema.ValidationError, match="Failed to validate"):
            validate(None, bad)


def test_apply_installs_it_only_on_the_versions_it_was_written_for(monkeypatch):
    monkeypatch.setattr(
        RemoteAction, "_validate_action_result", RemoteAction._validate_action_result
    )
    monkeypatch.setattr(rasa, "__version__", "9.0.0")
    original = RemoteAction.__dict__["_validate_action_result"]
    assert rasa_patches.apply() is False
    assert RemoteAction.__dict__["_validate_action_result"] is original
    monkeypatch.setattr(rasa, "__version__", "3.6.21")
    assert rasa_patches.apply() is True
    assert RemoteAction.__dict__["_validate_action_result"].__module__ == rasa_patches.__name__
