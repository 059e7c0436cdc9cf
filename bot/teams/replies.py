"""Building the activities the bot sends: text, a card, an @mention."""

from __future__ import annotations

from typing import Any

from microsoft_agents.activity import Activity, Attachment, ChannelAccount, EntityTypes, Mention


def message(value: str) -> Activity:
    return Activity(type="message", text=value, text_format="markdown")


def card(attachment: dict[str, Any], summary: str = "") -> Activity:
    """A card alone: Teams would show a ``text`` above it, so the notification preview goes in
    ``summary`` and the card carries its own ``fallbackText``."""
    content = {**attachment["content"], "fallbackText": summary} if summary \
        else attachment["content"]
    preview: dict[str, Any] = {"summary": summary} if summary else {}
    return Activity(type="message", **preview,
                    attachments=[Attachment(content_type=attachment["contentType"],
                                            content=content)])


def mention(name: str, user_id: str) -> tuple[str, Mention]:
    """The ``<at>`` text to put in a message and the entity that makes Teams notify ``name``."""
    tag = f"<at>{name}</at>"
    return tag, Mention(type=EntityTypes.MENTION, text=tag,
                        mentioned=ChannelAccount(id=user_id, name=name))


def with_mentions(value: str, mentions: list[Mention]) -> Activity:
    return Activity(type="message", text=value, entities=list(mentions))


def invoke_response(body: dict[str, Any] | None, status: int = 200) -> Activity:
    return Activity(type="invokeResponse", value={"status": status, "body": body})
