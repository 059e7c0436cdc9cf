"""/aktivitet lista, uppföljning and rapport: read the register in a channel, upload the report."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from slack_harness import RunningBot
from slack_standin import Call

pytestmark = pytest.mark.integration


def logged(bot: RunningBot, title: str, municipality: str = "Eksjö", **extra: Any) -> int:
    data = {"municipality": municipality, "committee": "Barn- och utbildningsnämnden",
            "kind": "exchange", "form": "eu_project", "title": title, "country": "NO",
            "start_date": dt.date(2026, 3, 2), "end_date": dt.date(2026, 3, 6), **extra}
    return bot.register.create("cli:test", data, channel="test").id


def aktivitet(bot: RunningBot, text: str, channel: str) -> Call:
    since = bot.standin.mark()
    assert bot.slack.command(text, command="/aktivitet", channel=channel).status == 200
    return bot.standin.wait_for("response_url", since=since)


def set_municipality(bot: RunningBot, channel: str, name: str) -> None:
    since = bot.standin.mark()
    bot.slack.command(f"kommun {name}", channel=channel)
    bot.standin.wait_for("response_url", since=since)


def test_lista_shows_the_channels_municipality_for_the_year(bot: RunningBot) -> None:
    first = logged(bot, "Utbyte med Time kommun")
    logged(bot, "Vänortsbesök i Älmhult", municipality="Älmhult")
    set_municipality(bot, "C50", "Eksjö")
    reply = aktivitet(bot, "lista 2026", "C50")
    text = str(reply.blocks())
    assert reply.body["response_type"] == "ephemeral"
    assert f"`#{first}` *Utbyte med Time kommun*" in text and "2–6 mars 2026" in text
    assert "Älmhult" not in text and reply.body["text"] == "1 aktivitet 2026"
    assert "Inga aktiviteter 2025" in aktivitet(bot, "lista 2025", "C50").body["text"]
    assert "fyra siffror" in aktivitet(bot, "lista nästa år", "C50").body["text"]


def test_uppfoljning_lists_completed_activities_missing_their_report(bot: RunningBot) -> None:
    done = logged(bot, "Utbyte med Time kommun", status="completed")
    logged(bot, "Rapporterat utbyte", status="completed", purpose="Språk",
           activities="Lektioner", lessons_learned="Mycket", use_of_results="I undervisningen")
    reply = aktivitet(bot, "uppföljning", "C51")
    text = str(reply.blocks())
    assert f"`#{done}`" in text and "saknar: Syfte, Aktiviteter, Lärdomar" in text
    assert "Rapporterat utbyte" not in text


def test_rapport_uploads_markdown_and_docx_to_the_channel(bot: RunningBot) -> None:
    logged(bot, "Utbyte med Time kommun", status="completed")
    since = bot.standin.mark()
    ack = bot.slack.command("rapport 2026", command="/aktivitet", channel="C52")
    assert ack.status == 200 and "Sammanställer" in ack.body
    done = bot.standin.wait_for("files.completeUploadExternal", since=since)
    assert done.body["channel_id"] == "C52" and "2026" in done.body["initial_comment"]
    uploads = [c for c in bot.standin.calls[since:] if c.method == "upload"]
    assert len(uploads) == 2 and all(c.raw for c in uploads)
    markdown = next(c.raw for c in uploads if not c.raw.startswith(b"PK"))
    assert "Utbyte med Time kommun" in markdown.decode()
    assert any(c.raw.startswith(b"PK") for c in uploads)  # the DOCX (a zip)
    note = bot.standin.wait_for("response_url", since=since)
    assert "uppladdad" in note.body["text"]


def test_rapport_in_a_channel_without_the_bot_explains_the_invite(bot: RunningBot) -> None:
    bot.standin.errors["files.completeUploadExternal"] = "not_in_channel"
    reply = aktivitet(bot, "rapport 2026", "C53")
    assert "/invite @Policyguide" in reply.body["text"]
