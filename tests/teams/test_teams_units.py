"""The Teams adapter's small parts: texts, signed links, language, mention stripping, cards."""

from __future__ import annotations

import string

import pytest
from microsoft_agents.activity import Activity

from bot.teams import cards
from bot.teams.links import BadLink, ReportLinks
from bot.teams.texts import _TEXTS
from bot.teams.turn import MAX_CONVERSATION, Turn, clean_text, conversation_key, language_of


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(_TEXTS))
def test_both_languages_fill_in_the_same_values(key: str) -> None:
    sv, en = _TEXTS[key]
    assert sv.strip() and en.strip() and fields(sv) == fields(en)


def test_a_report_link_reads_back_and_refuses_tampering_and_age() -> None:
    links = ReportLinks(b"secret", ttl_s=600)
    token = links.token(2026, "Eksjö", now=1_000_000)
    assert links.read(token, now=1_000_100) == (2026, "Eksjö")
    with pytest.raises(BadLink):
        links.read(token, now=1_000_700)
    payload, _, signature = token.partition(".")
    with pytest.raises(BadLink):
        links.read(f"{payload}x.{signature}", now=1_000_100)
    with pytest.raises(BadLink):
        ReportLinks(b"other", ttl_s=600).read(token, now=1_000_100)


@pytest.mark.parametrize(("text", "locale", "expected"), [
    ("Vem beslutar om vänortsavtal?", "en-US", "sv"),
    ("Who decides on twinning agreements?", "sv-SE", "en"),
    ("goals", "sv-SE", "en"),
    ("Eksjö", "en-GB", "sv"),
    ("Is Eksjö twinned with Time?", "sv-SE", "en"),
    ("Vilka vänorter har Älmhult?", "en-US", "sv"),
    ("2026", "en-GB", "en"),
    ("", "sv-SE", "sv"),
])
def test_the_language_comes_from_the_words_then_the_client(text: str, locale: str,
                                                           expected: str) -> None:
    assert language_of(text, locale) == expected


def test_only_the_bots_own_mention_is_removed() -> None:
    activity = Activity.model_validate({
        "type": "message", "text": "<at>Policyguide</at> fråga <at>Karin</at> om&nbsp;detta",
        "recipient": {"id": "28:bot"}, "conversation": {"id": "19:x;messageid=5"},
        "from": {"id": "29:u", "aadObjectId": "oid-1", "name": "Anna"},
        "entities": [{"type": "mention", "text": "<at>Policyguide</at>",
                      "mentioned": {"id": "28:bot"}},
                     {"type": "mention", "text": "<at>Karin</at>", "mentioned": {"id": "29:k"}}]})
    assert clean_text(activity) == "fråga Karin om detta"
    turn = Turn.of(activity)
    assert (turn.user, turn.conversation, turn.actor) == ("oid-1", "19:x", "teams:oid-1")


def test_a_long_quote_is_cut_at_a_word_and_says_so() -> None:
    quote = "ord " * 1000
    answer = {"ref": "r", "language": "sv", "answer": "Svar", "notice": None,
              "citations": [{"municipality": "Ale", "document": "Policy", "section": "Mål",
                             "quote": quote}] * 9}
    body = cards.answer_card(answer)["content"]["body"]
    shown = [i for i in body if i.get("type") == "Container"]
    assert len(shown) == cards.MAX_CITATIONS
    first = shown[0]["items"]
    assert quote.startswith(first[0]["text"]) and len(first[0]["text"]) <= cards.MAX_QUOTE
    assert "förkortat" in first[1]["text"]
    assert any("+3" in i.get("text", "") for i in body)


def test_a_conversation_id_too_long_to_store_is_hashed_the_same_way_each_time() -> None:
    long_id = "a:" + "x" * 400
    assert conversation_key(long_id) == conversation_key(long_id + ";messageid=9")
    assert len(conversation_key(long_id)) <= MAX_CONVERSATION
    assert conversation_key("19:kanal@thread.tacv2;messageid=1") == "19:kanal@thread.tacv2"
