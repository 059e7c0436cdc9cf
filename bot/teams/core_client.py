"""The core API as the Teams adapter sees it: one async method per route, JSON in and out.

Any refusal comes back as ``CoreError`` with the API's ``code``, its readable message and, for
a form, the per-field errors, so the handlers can show exactly what the core said. A core that
cannot be reached is a ``CoreError`` too (code ``unavailable``), never a traceback in chat.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import httpx

JSON = dict[str, Any]


@dataclass
class CoreError(Exception):
    status: int
    code: str
    message: str
    fields: list[dict[str, str]] = field(default_factory=list)
    retry_after_s: int | None = None
    error_id: str | None = None

    def __str__(self) -> str:
        return f"{self.status} {self.code}: {self.message}"


def _refusal(reply: httpx.Response) -> CoreError:
    try:
        body = reply.json()
    except ValueError:
        body = {}
    return CoreError(reply.status_code, str(body.get("code", "error")),
                     str(body.get("message", reply.text[:200])),
                     list(body.get("fields", [])), body.get("retry_after_s"),
                     body.get("error_id"))


class CoreClient:
    def __init__(self, base_url: str, api_key: str, timeout_s: float = 30.0,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._http = httpx.AsyncClient(base_url=base_url.rstrip("/"), timeout=timeout_s,
                                       headers={"Authorization": f"Bearer {api_key}"},
                                       transport=transport)

    async def close(self) -> None:
        await self._http.aclose()

    async def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            reply = await self._http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise CoreError(503, "unavailable", f"the core API cannot be reached ({exc})") from exc
        if reply.status_code >= 400:
            raise _refusal(reply)
        return reply

    async def _json(self, method: str, path: str, **kwargs: Any) -> JSON:
        reply = await self._call(method, path, **kwargs)
        result: JSON = reply.json()
        return result

    # asking and facts -----------------------------------------------------------------------
    async def ask(self, context: JSON, text: str) -> JSON:
        return await self._json("POST", "/v1/ask", json={**context, "text": text})

    async def ask_stream(self, context: JSON, text: str) -> AsyncIterator[tuple[str, JSON]]:
        """/v1/ask/stream as (event, data) pairs: "draft" {text}…, then "answer" (or "error",
        raised here as CoreError). A refusal before the stream starts is a CoreError too."""
        try:
            async with self._http.stream("POST", "/v1/ask/stream",
                                         json={**context, "text": text}) as reply:
                if reply.status_code >= 400:
                    await reply.aread()
                    raise _refusal(reply)
                name = ""
                async for line in reply.aiter_lines():
                    if line.startswith("event: "):
                        name = line.removeprefix("event: ")
                    elif line.startswith("data: "):
                        data: JSON = json.loads(line.removeprefix("data: "))
                        if name == "error":
                            raise CoreError(500, str(data.get("code", "internal")),
                                            str(data.get("message", "")),
                                            error_id=data.get("error_id"))
                        yield name, data
        except httpx.HTTPError as exc:
            raise CoreError(503, "unavailable", f"the core API cannot be reached ({exc})") from exc

    async def who(self, context: JSON, topic: str, language: str | None) -> JSON:
        return await self._json("POST", "/v1/who",
                                json={**context, "topic": topic, "language": language})

    async def goals(self, context: JSON, area: str | None, language: str | None) -> JSON:
        return await self._json("POST", "/v1/goals",
                                json={**context, "area": area, "language": language})

    async def obligations(self, context: JSON, language: str) -> JSON:
        return await self._json("POST", "/v1/obligations", json={**context, "language": language})

    async def briefing(self, context: JSON) -> JSON:
        return await self._json("POST", "/v1/briefing", json=context)

    async def municipality(self, context: JSON) -> JSON:
        params = {k: context[k] for k in ("platform", "user", "conversation", "thread")
                  if context.get(k)}
        return await self._json("GET", "/v1/settings/municipality", params=params)

    async def set_municipality(self, context: JSON, name: str, scope: str) -> JSON:
        body = {"platform": context["platform"], "user": context["user"],
                "conversation": context["conversation"], "name": name, "scope": scope}
        return await self._json("PUT", "/v1/settings/municipality", json=body)

    async def feedback(self, ref: str, user: str, verdict: str) -> JSON:
        return await self._json("POST", "/v1/feedback",
                                json={"ref": ref, "user": user, "verdict": verdict})

    async def exchange(self, ref: str) -> JSON:
        return await self._json("GET", f"/v1/exchanges/{ref}")

    # the register ---------------------------------------------------------------------------
    async def form(self, language: str) -> JSON:
        return await self._json("GET", "/v1/register/form", params={"language": language})

    async def writer(self, actor: str) -> JSON:
        return await self._json("GET", f"/v1/register/writers/{actor}")

    async def draft(self, actor: str, text: str, municipality: str | None,
                    language: str) -> JSON:
        return await self._json("POST", "/v1/register/drafts",
                                json={"actor": actor, "text": text,
                                      "municipality": municipality, "language": language})

    async def create_activity(self, actor: str, fields: dict[str, str], goals: list[str],
                              channel: str, language: str) -> JSON:
        return await self._json("POST", "/v1/register/activities",
                                params={"language": language},
                                json={"actor": actor, "fields": fields, "goals": goals,
                                      "channel": channel})

    async def activities(self, year: int | None, municipality: str | None,
                         language: str) -> JSON:
        params: dict[str, Any] = {"language": language}
        if year is not None:
            params["year"] = year
        if municipality:
            params["municipality"] = municipality
        return await self._json("GET", "/v1/register/activities", params=params)

    async def follow_ups(self, municipality: str | None, language: str) -> JSON:
        params = {"language": language, **({"municipality": municipality} if municipality else {})}
        return await self._json("GET", "/v1/register/follow-ups", params=params)

    async def report(self, year: int, municipality: str | None,
                     fmt: str = "docx") -> tuple[bytes, str, int]:
        """The report's bytes, its file name and how many activities it holds."""
        params = {"format": fmt, **({"municipality": municipality} if municipality else {})}
        reply = await self._call("GET", f"/v1/register/reports/{year}", params=params)
        disposition = reply.headers.get("content-disposition", "")
        encoded = disposition.partition("filename*=UTF-8''")[2].split(";")[0].strip()
        plain = disposition.partition('filename="')[2].partition('"')[0]
        name = unquote(encoded) or plain or f"rapport-{year}.{fmt}"
        return reply.content, name, int(reply.headers.get("x-activities", "0"))

    # reminders ------------------------------------------------------------------------------
    async def reminders(self, municipality: str | None, within_days: int, today: str | None,
                        language: str) -> JSON:
        params: dict[str, Any] = {"within_days": within_days, "language": language}
        if municipality:
            params["municipality"] = municipality
        if today:
            params["today"] = today
        return await self._json("GET", "/v1/reminders", params=params)

    async def claim(self, item: str, period: str, recipient: str) -> bool:
        found = await self._json("POST", "/v1/reminders/claims",
                                 json={"item": item, "period": period, "recipient": recipient})
        return bool(found["claimed"])

    async def release(self, item: str, period: str, recipient: str) -> None:
        await self._call("POST", "/v1/reminders/releases",
                         json={"item": item, "period": period, "recipient": recipient})

    async def answer(self, item: str, period: str, status: str, actor: str,
                     until: str | None = None) -> None:
        body = {"item": item, "period": period, "status": status, "actor": actor,
                **({"until": until} if until else {})}
        await self._call("POST", "/v1/reminders/answers", json=body)
