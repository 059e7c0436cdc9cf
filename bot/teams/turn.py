"""What one incoming activity means to Policyguide: who asks, where, in which language.

Teams puts ``<at>Policyguide</at>`` into a channel message's text and HTML entities into some
clients' text; both are removed before a command is read. The user is the Entra object id
(stable across chats), and the conversation is the channel or chat without the reply-chain
suffix, so a channel's municipality applies in every thread of it.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from typing import Any

from microsoft_agents.activity import Activity

from bot.command_words import is_english_word

MAX_CONVERSATION = 170  # the core stores "thread:<conversation>:<thread>" in 200 characters


def conversation_key(conversation_id: str) -> str:
    """The channel or chat without its reply-chain suffix; an id too long to store is hashed."""
    key = conversation_id.split(";", 1)[0]
    if len(key) <= MAX_CONVERSATION:
        return key
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()


_AT = re.compile(r"<at>(.*?)</at>", re.S)
_TAGS = re.compile(r"<[^>]{1,200}>")
_EN = re.compile(r"\b(the|who|what|which|how|does|do|is|are|must|should|can|when|decides?|"
                 r"our|policy|goals?|report|agreements?|with|for|of|to|and|has|have|we|"
                 r"about|any|there|twinned|signs?|municipality)\b", re.I)
# a Swedish word: a function word, or any word with å, ä or ö (counted once per word)
_SV = re.compile(r"\b(vem|vad|vilka?|hur|när|ska|får|måste|och|är|om|kommunen|har|med|för|"
                 r"till|av|det|den|vi|oss|nya?)\b|\b\w*[åäö]\w*\b", re.I)


def clean_text(activity: Activity) -> str:
    """The typed text without the bot's own @mention, tags or HTML entities."""
    value = activity.text or ""
    recipient = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        data = entity.model_dump() if hasattr(entity, "model_dump") else dict(entity)
        mentioned = data.get("mentioned") or {}
        if data.get("type") == "mention" and mentioned.get("id") == recipient and data.get("text"):
            value = value.replace(str(data["text"]), " ")
    value = _AT.sub(lambda m: m.group(1), value)
    return " ".join(html.unescape(_TAGS.sub(" ", value)).split())


def language_of(value: str, locale: str | None) -> str:
    """'en' or 'sv': the text's own words first, else the Teams client's locale."""
    first = value.split(" ", 1)[0] if value else ""
    if first and is_english_word(first):
        return "en"
    english, swedish = len(_EN.findall(value)), len(_SV.findall(value))
    if english != swedish:
        return "en" if english > swedish else "sv"
    return "en" if (locale or "").lower().startswith("en") else "sv"


@dataclass(frozen=True)
class Turn:
    user: str
    name: str
    conversation: str
    conversation_type: str
    locale: str | None
    aad_object_id: str | None = None
    thread: str | None = None

    @classmethod
    def of(cls, activity: Activity) -> Turn:
        sender = activity.from_property
        aad = getattr(sender, "aad_object_id", None) or None
        user = aad or (sender.id if sender else None) or "unknown"
        conversation = activity.conversation
        conv_id = (conversation.id if conversation else "") or ""
        kind = (getattr(conversation, "conversation_type", None) or "personal") if conversation \
            else "personal"
        # a channel's reply chain is "<channel>;messageid=<root>": follow-ups keep its context
        root = conv_id.partition(";messageid=")[2] or None
        return cls(user=user, name=(sender.name if sender and sender.name else ""),
                   conversation=conversation_key(conv_id), conversation_type=kind,
                   locale=activity.locale, aad_object_id=aad,
                   thread=root[:20] if root and kind == "channel" else None)

    @property
    def personal(self) -> bool:
        return self.conversation_type == "personal"

    @property
    def actor(self) -> str | None:
        """The register's name for the person: their Entra object id, which Teams vouches for.
        None without one: a register write is then refused, never made under another id."""
        return f"teams:{self.aad_object_id}" if self.aad_object_id else None

    def context(self) -> dict[str, Any]:
        """The ``ChatContext`` of the core API."""
        found: dict[str, Any] = {"platform": "teams", "user": self.user,
                                 "conversation": self.conversation}
        if self.thread:
            found["thread"] = self.thread
        return found
