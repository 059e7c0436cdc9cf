"""The bot's own short messages (placeholders, refusals, confirmations) in Swedish and English.

Kept apart from ``render.py`` so wording can change without touching layout, and so every
refusal states what happened and what to do next: never a silent failure.
"""

from __future__ import annotations

from bot.slack.render import SlackMessage, escape, truncate


def _pick(language: str, sv: str, en: str) -> SlackMessage:
    return SlackMessage(text=en if language == "en" else sv)


def thinking(language: str) -> SlackMessage:
    return _pick(language, "🔎 Letar i policyerna …", "🔎 Searching the policies …")


def drafting(text: str, language: str) -> SlackMessage:
    """A generated answer while it is being written: marked as unchecked until the final."""
    note = ("✍️ _Utkast – kontrolleras mot källorna innan det visas färdigt_"
            if language == "sv" else "✍️ _Draft – checked against the sources before it is final_")
    body = escape(truncate(text, 2800))
    return SlackMessage(text=body, blocks=[
        {"type": "section", "text": {"type": "mrkdwn", "text": body}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": note}]}])


def rate_limited(seconds: int, language: str) -> SlackMessage:
    return _pick(language,
                 f"⏳ Du har ställt många frågor på kort tid. Försök igen om {seconds} sekunder.",
                 f"⏳ You have asked many questions in a short time. Try again in {seconds} "
                 "seconds.")


def invalid(message: str, language: str) -> SlackMessage:
    return _pick(language, f"⚠️ Jag kan inte svara på det här: {escape(message)}",
                 f"⚠️ I cannot answer this: {escape(message)}")


def not_done(message: str) -> SlackMessage:
    return SlackMessage(text=f"⚠️ Det gick inte: {escape(message)}")


def failure(correlation_id: str, language: str) -> SlackMessage:
    return _pick(language,
                 "😕 Något gick fel när jag skulle svara. Försök igen om en stund. Om felet "
                 f"kvarstår, ge fel-id `{correlation_id}` till den som sköter Policyguide.",
                 "😕 Something went wrong while answering. Please try again in a moment. If it "
                 f"persists, give error id `{correlation_id}` to whoever runs Policyguide.")


def expired(language: str) -> SlackMessage:
    return _pick(language, "Det här svaret är för gammalt för att användas längre. Ställ frågan "
                 "igen, så får du ett nytt.",
                 "This answer is too old to act on. Ask the question again for a fresh one.")


def feedback_thanks(verdict: str, language: str) -> SlackMessage:
    mark = "👍" if verdict == "up" else "👎"
    return _pick(language, f"{mark} Tack! Din återkoppling är sparad och granskas.",
                 f"{mark} Thank you! Your feedback is saved for review.")


def escalation(coordinator: str, asker: str, question: str, municipality: str | None) -> str:
    about = f" om {municipality}s internationella policy" if municipality else ""
    return (f"<@{coordinator}> – <@{asker}> vill ha hjälp av en människa med en fråga{about}: "
            f"«{escape(question)}»")


def escalated(coordinator: str, language: str) -> SlackMessage:
    return _pick(language, f"Jag har bett <@{coordinator}> att svara i tråden.",
                 f"I have asked <@{coordinator}> to answer in the thread.")


def no_coordinator(municipality: str | None, language: str) -> SlackMessage:
    name = municipality or ("kommunen" if language != "en" else "this municipality")
    return _pick(language,
                 f"Ingen internationell samordnare är angiven för {name}. Administratören anger "
                 "den i POLICYGUIDE_SLACK_COORDINATORS.",
                 f"No international coordinator is configured for {name}. The administrator sets "
                 "it in POLICYGUIDE_SLACK_COORDINATORS.")


def not_in_channel(language: str) -> SlackMessage:
    return _pick(language, "Jag kan inte skriva i den här kanalen. Bjud in mig först: "
                 "`/invite @Policyguide`.",
                 "I cannot post in this channel. Invite me first: `/invite @Policyguide`.")


def municipality_set(name: str, for_user: bool) -> SlackMessage:
    where = "dina frågor (i alla kanaler utan egen kommun)" if for_user else "den här kanalen"
    return SlackMessage(text=f"✅ Kommun för {where}: *{escape(name)}*. Frågor som nämner en "
                        "annan kommun fungerar fortfarande.")


def municipality_current(name: str | None, known: list[str]) -> SlackMessage:
    now = f"Nu gäller *{escape(name)}*." if name else "Ingen kommun är vald här."
    return SlackMessage(text=f"{now} Välj med `/policy kommun NAMN`. Kommuner: {', '.join(known)}.")


def building_report(year: int) -> SlackMessage:
    return SlackMessage(text=f"⏳ Sammanställer årsrapporten för {year} …")


def report_uploaded(year: int) -> SlackMessage:
    return SlackMessage(text=f"📄 Årsrapporten för {year} är uppladdad i kanalen.")


def year_needed() -> SlackMessage:
    return SlackMessage(text="Ange året med fyra siffror, till exempel `/aktivitet rapport 2026`.")
