"""The one change to Rasa's internals, where Rasa 3.6 offers no extension point.

Rasa checks every reply of the action server against its JSON schema with
`jsonschema.validate`, which checks the schema itself first, each time: ~15 ms per
custom action call, more than a whole turn of this assistant takes. Here the schema
is checked once and the compiled validator reused; what is accepted or refused is
the same. Applied only on the Rasa versions it was written against (others keep
Rasa's own check); tests/unit/test_rasa_patches.py fails when the replaced method
or the schema changes, so an upgrade has to look at this again.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Dict

import jsonschema
import rasa
from rasa.core.actions.action import RemoteAction

logger = logging.getLogger(__name__)

PATCHED_RASA_VERSIONS = ("3.6.",)


def compiled_reply_validator() -> Callable[[RemoteAction, Dict[str, Any]], bool]:
    """`RemoteAction._validate_action_result` with the schema checked only once."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def validate(_action: RemoteAction, result: Dict[str, Any]) -> bool:
        try:
            validator.validate(result)
        except jsonschema.ValidationError as error:
            error.message += (
                ". Failed to validate Action server response from API, make sure your "
                "response from the Action endpoint is valid."
            )
            raise
        return True

    return validate


def apply() -> bool:
    """Install the patch; False (Rasa's own check stays) on another Rasa version."""
    if not rasa.__version__.startswith(PATCHED_RASA_VERSIONS):
        logger.warning(
            "Rasa %s: action replies validated by Rasa itself (slower); bot/rasa_patches.py "
            "was written for %s",
            rasa.__version__,
            ", ".join(PATCHED_RASA_VERSIONS),
        )
        return False
    RemoteAction._validate_action_result = compiled_reply_validator()
    return True
