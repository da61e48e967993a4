"""What the public endpoint accepts, before anything reaches Rasa."""

import pytest

from bot.channels import message_policy as policy

COMMANDS = policy.commands_from_domain(
    ['/inform{"budget": "tight"}', "/request_recommendation", "What is a BPO?"],
    ["restart"],
    {"budget": ["tight", "moderate", "flexible"], "outsourced_function": ["hr", "sales"]},
)


@pytest.mark.parametrize(
    "text",
    [
        "/request_recommendation",
        "/restart",
        '/inform{"budget": "flexible"}',
        '/inform{"outsourced_function": ["hr", "sales"]}',
    ],
)
def test_button_commands_pass_unchanged(text):
    assert policy.as_user_text(text, COMMANDS) == text


@pytest.mark.parametrize(
    "text,as_text",
    [
        ('/inform{"budget": "infinite"}', 'inform{"budget": "infinite"}'),
        ('/inform{"company_size": "small"}', 'inform{"company_size": "small"}'),
        ("/out_of_scope", "out_of_scope"),
        ('/inform{"budget": ["tight", 3]}', 'inform{"budget": ["tight", 3]}'),
        ("/inform{not json}", "inform{not json}"),
        ("//greet", "greet"),
    ],
)
def test_other_commands_are_read_as_plain_text(text, as_text):
    assert policy.as_user_text(text, COMMANDS) == as_text


@pytest.mark.parametrize("raw", [b"", b"[]", b'"text"', b"3", b"null", b"\xff\xfe", b"{bad json"])
def test_bodies_that_are_not_json_objects_are_refused(raw):
    with pytest.raises(policy.InvalidRequest):
        policy.request_body(raw)


@pytest.mark.parametrize(
    "sender",
    [
        None,
        3,
        ["a"],
        {"id": "a"},
        "",
        "   ",
        "x" * 129,
        "tab\tin it",
        "new\nline",
        "nul\x00",
        "escape\x1b[31m",
        "\u202eright-to-left override",
        "zero\u200bwidth",
        "\ud800",
    ],
)
def test_sender_must_be_a_short_printable_string(sender):
    with pytest.raises(policy.InvalidRequest):
        policy.sender_id_from({"sender": sender})


@pytest.mark.parametrize(
    "sender",
    [
        "6F9619FF-8B86-D011-B42D-00C04FC964FF",
        "user-42",
        "crm:12345",
        "jane.doe@example.com",
        "Zoë Müller",
        "x" * 128,
    ],
)
def test_any_printable_sender_id_is_kept_as_sent(sender):
    assert policy.sender_id_from({"sender": sender}) == sender


def test_message_must_be_a_string():
    with pytest.raises(policy.InvalidRequest):
        policy.message_text({"message": {"text": "hi"}})
    assert policy.message_text({"message": "  hi  "}) == "hi"
    assert policy.message_text({}) == ""


def test_empty_and_oversized_messages_get_a_reply_instead_of_nlu():
    assert policy.reply_for_unprocessable("") == policy.EMPTY_MESSAGE_REPLY
    assert "too long" in policy.reply_for_unprocessable("x" * 1001)
    assert "1,001" in policy.reply_for_unprocessable("x" * 1001)
    assert policy.reply_for_unprocessable("x" * 1000) is None
