"""Teams' streaming protocol for a generated answer in personal chat.

While the configured LLM writes, the draft goes out as ``typing`` activities that carry the
text so far and a ``streaminfo`` entity (``streaming``, numbered; the first one's id names the
stream); the answer card then ends the stream as the ``final`` message, which replaces the
draft in the chat. Teams accepts about one update a second and streams only in personal chat;
elsewhere, and without an LLM, nothing but the final card is sent.
"""

from __future__ import annotations

import time

from microsoft_agents.activity import Activity, StreamInfo
from microsoft_agents.hosting.core import TurnContext

from bot.teams.sending import send
from bot.teams.texts import text


class DraftStream:
    def __init__(self, context: TurnContext, language: str, every_s: float = 1.0) -> None:
        self._context, self._language, self._every_s = context, language, every_s
        self._sequence, self._last, self.stream_id = 0, 0.0, ""

    async def draft(self, written: str) -> None:
        """Show the text so far, at most once every ``every_s`` seconds."""
        now = time.monotonic()
        if self._sequence and now - self._last < self._every_s:
            return
        self._sequence += 1
        self._last = now
        info = StreamInfo(stream_type="streaming", stream_sequence=self._sequence,
                          stream_id=self.stream_id)
        activity = Activity(type="typing", entities=[info],
                            text=f"{written}\n\n{text('draft_note', self._language)}")
        if self.stream_id:
            activity.id = self.stream_id
        reply = await send(self._context, activity)
        if not self.stream_id and reply is not None and getattr(reply, "id", None):
            self.stream_id = str(reply.id)

    def final(self, activity: Activity) -> Activity:
        """``activity`` (the answer card) as the message that ends the stream, if one began."""
        if self.stream_id:
            activity.entities = [*(activity.entities or []),
                                 StreamInfo(stream_type="final", stream_id=self.stream_id)]
            activity.id = self.stream_id
        return activity
