"""Every sentence the Teams bot says of its own, in Swedish and English.

One table, so a wording change touches nothing else and no message exists in one language only
(a test checks that both columns hold the same keys). Raw ids never appear: refusals name
people by the words the core used and tell what to do next.
"""

from __future__ import annotations

from typing import Final

_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "draft_note": ("✍️ Utkast – kontrolleras mot källorna innan det visas färdigt.",
                   "✍️ Draft – checked against the sources before it is final."),
    "empty": ("Skriv en fråga om kommunens internationella policy, till exempel «Vem beslutar om "
              "nya vänortsavtal?», eller «hjälp» för kommandona.",
              "Write a question about the municipality's international policy, for example "
              "\"Who decides on new twinning agreements?\", or \"help\" for the commands."),
    "too_long": ("Meddelandet är för långt ({n} tecken). Ställ en fråga på högst {limit} tecken; "
                 "inget har sparats.",
                 "The message is too long ({n} characters). Ask a question of at most {limit} "
                 "characters; nothing was saved."),
    "rate_limited": ("⏳ Du har ställt många frågor på kort tid. Försök igen om {s} sekunder.",
                     "⏳ You have asked many questions in a short time. Try again in {s} "
                     "seconds."),
    "invalid": ("⚠️ Jag kan inte svara på det här: {message}",
                "⚠️ I cannot answer this: {message}"),
    "failure": ("😕 Något gick fel. Försök igen om en stund. Om felet kvarstår, ge fel-id {id} "
                "till den som sköter Policyguide.",
                "😕 Something went wrong. Please try again in a moment. If it persists, give "
                "error id {id} to whoever runs Policyguide."),
    "unavailable": ("😕 Policyguide når inte sin kunskapsbas just nu. Försök igen om en stund "
                    "(fel-id {id}).",
                    "😕 Policyguide cannot reach its knowledge base right now. Try again in a "
                    "moment (error id {id})."),
    "expired": ("Det här svaret är för gammalt för att användas längre. Ställ frågan igen.",
                "This answer is too old to act on. Ask the question again."),
    "thanks": ("{mark} Tack! Din återkoppling är sparad och granskas.",
               "{mark} Thank you! Your feedback is saved for review."),
    "escalation": ("{coordinator} – {asker} vill ha hjälp av en människa med en fråga{about}: "
                   "«{question}»",
                   "{coordinator} – {asker} would like a person to help with a question{about}: "
                   "\"{question}\""),
    "escalated": ("🙋 Jag har bett {name} att svara dig här i chatten.",
                  "🙋 I have asked {name} to answer you here in the chat."),
    "escalated_already": ("{name} har redan fått frågan.",
                          "{name} has already been asked."),
    "escalation_failed": ("Jag nådde inte {name}. Kontakta hen direkt; appen behöver vara "
                          "installerad för hen för att jag ska kunna skriva.",
                          "I could not reach {name}. Contact them directly; the app must be "
                          "installed for them for me to write."),
    "unknown_action": ("Den knappen fungerar inte här. Skriv «hjälp» för kommandona.",
                       "That button does not work here. Write \"help\" for the commands."),
    "reminder_title": ("⏰ {m}: det här kräver policyn", "⏰ {m}: the policy demands this"),
    "reminder_done": ("✅ Klar", "✅ Done"),
    "reminder_snooze": ("⏰ Påminn om {days} dagar", "⏰ Remind me in {days} days"),
    "reminder_marked_done": ("✅ Markerad som klar. Den kommer inte tillbaka för den här "
                             "perioden.", "✅ Marked done. It will not come back for this period."),
    "reminder_snoozed": ("⏰ Jag påminner igen efter {until}.", "⏰ I will remind you again after "
                         "{until}."),
    "reminder_missing": ("Saknas: {fields}", "Missing: {fields}"),
    "reminder_forbidden": ("🔒 Bara den som fick påminnelsen, eller en samordnare för "
                           "registret, kan svara på den.",
                           "🔒 Only the person the reminder was sent to, or a register "
                           "coordinator, can answer it."),
    "reminder_draft": ("📄 Utkastet", "📄 The draft"),
    "digest_title": ("Det policyerna kräver härnäst ({today})",
                     "What the policies demand next ({today})"),
    "due_next": ("Härnäst enligt policyn", "Next, as the policy demands"),
    "about": (" om {m}s internationella policy", " about {m}'s international policy"),
    "no_coordinator": ("Ingen internationell samordnare är angiven för {m}. Administratören anger "
                       "den i POLICYGUIDE_TEAMS_COORDINATORS.",
                       "No international coordinator is configured for {m}. The administrator "
                       "sets it in POLICYGUIDE_TEAMS_COORDINATORS."),
    "this_municipality": ("kommunen", "this municipality"),
    "municipality_set_conversation": (
        "✅ Kommun för den här konversationen: {m}. Frågor som nämner en annan kommun fungerar "
        "fortfarande.",
        "✅ Municipality for this conversation: {m}. Questions naming another municipality "
        "still work."),
    "municipality_set_user": (
        "✅ Kommun för dina frågor (i alla konversationer utan egen kommun): {m}.",
        "✅ Municipality for your questions (in every conversation without its own): {m}."),
    "municipality_current": ("{now} Välj med «kommun NAMN». Kommuner: {known}.",
                             "{now} Choose with \"municipality NAME\". Municipalities: {known}."),
    "municipality_now": ("Nu gäller {m}.", "{m} applies now."),
    "municipality_none": ("Ingen kommun är vald här.", "No municipality is chosen here."),
    "help": ("Fråga fritt, eller skriv:\n\n"
             "- **vem** ämne – vem beslutar, undertecknar eller ansvarar\n"
             "- **mål** [område] – policyns mål\n"
             "- **uppföljning** – vad som ska följas upp och redovisas\n"
             "- **introduktion** – introduktion för nya tjänstepersoner\n"
             "- **kommun** [namn] – välj kommun (i personlig chatt: din egen)\n"
             "- **aktivitet** en rad – logga en internationell aktivitet (samordnare)\n"
             "- **aktivitet lista** [år], **aktivitet uppföljning**, **rapport** år",
             "Ask freely, or write:\n\n"
             "- **who** topic – who decides, signs or answers for it\n"
             "- **goals** [area] – the policy's goals\n"
             "- **follow-up** – what must be followed up and reported\n"
             "- **onboarding** – a briefing for new officials\n"
             "- **municipality** [name] – choose the municipality (in personal chat: your own)\n"
             "- **activity** one line – log an international activity (coordinators)\n"
             "- **activity list** [year], **activity followups**, **report** year"),
    "welcome": ("👋 Hej! Jag är Policyguide. Jag svarar på frågor om kommunens internationella "
                "policy och citerar alltid dokumentet ordagrant.",
                "👋 Hello! I am Policyguide. I answer questions about the municipality's "
                "international policy and always quote the document verbatim."),
    "welcome_choose": ("Välj kommun med «kommun NAMN». Kommuner: {known}.",
                       "Choose the municipality with \"municipality NAME\". Municipalities: "
                       "{known}."),
    "not_writer": ("🔒 Bara internationella samordnare kan logga aktiviteter. Be administratören "
                   "lägga till dig om du ska göra det.",
                   "🔒 Only international coordinators can log activities. Ask the "
                   "administrator to add you if you should."),
    "open_form": ("📝 Öppna formuläret", "📝 Open the form"),
    "form_intro": ("Kontrollera uppgifterna och spara aktiviteten i registret.",
                   "Check the details and save the activity to the register."),
    "form_title": ("Ny internationell aktivitet", "New international activity"),
    "form_goals": ("Policymål som aktiviteten bidrar till", "Policy goals the activity serves"),
    "form_save": ("Spara", "Save"),
    "form_fix": ("Rätta fälten nedan; inget har sparats.",
                 "Fix the fields below; nothing was saved."),
    "form_missing": ("Saknas: {fields}", "Missing: {fields}"),
    "form_not_understood": ("Förstod inte: {parts}", "Not understood: {parts}"),
    "form_assumed": ("Antaget: {parts}", "Assumed: {parts}"),
    "saved": ("✅ Sparad i registret: {title} ({period}, {committee}).",
              "✅ Saved to the register: {title} ({period}, {committee})."),
    "list_title": ("Aktiviteter {scope}", "Activities {scope}"),
    "list_empty": ("Inga aktiviteter i registret ({scope}).",
                   "No activities in the register ({scope})."),
    "all_years": ("alla år", "all years"),
    "follow_title": ("Aktiviteter som väntar på en rapport", "Activities waiting for a report"),
    "follow_none": ("✅ Alla genomförda aktiviteter har en fullständig rapport.",
                    "✅ Every completed activity has a complete report."),
    "follow_missing": ("saknas: {fields}", "missing: {fields}"),
    "year_needed": ("Ange året med fyra siffror, till exempel «rapport 2026».",
                    "Give the year in four digits, for example \"report 2026\"."),
    "report_ready": ("📄 Årsrapporten för {year} ({n} aktiviteter).",
                     "📄 The annual report for {year} ({n} activities)."),
    "report_link": ("Ladda ned (länken gäller {minutes} minuter)",
                    "Download (the link is valid for {minutes} minutes)"),
    "report_personal": ("Årsrapporten skickas bara i personlig chatt. Skriv «rapport {year}» "
                        "till mig där.",
                        "The annual report is sent in personal chat only. Write \"report "
                        "{year}\" to me there."),
    "report_declined": ("Okej, ingen fil skickades.", "All right, no file was sent."),
    "no_link": ("Årsrapporten kan inte länkas: POLICYGUIDE_TEAMS_PUBLIC_URL är inte satt.",
                "The report cannot be linked: POLICYGUIDE_TEAMS_PUBLIC_URL is not set."),
    "up": ("👍 Bra svar", "👍 Helpful"),
    "down": ("👎 Inte bra", "👎 Not helpful"),
    "human": ("🙋 Fråga en människa", "🙋 Ask a person"),
    "section": ("avsnitt", "section"),
    "more_sources": ("+{n} fler källor visas inte", "+{n} more sources not shown"),
    "cut": ("[…] Citatet är förkortat; hela stycket finns i dokumentet.",
            "[…] The quote is shortened; the full passage is in the document."),
    "briefing_title": ("Introduktion: {m}", "Briefing: {m}"),
    "briefing_none": ("Policyn anger inget här.", "The policy states nothing here."),
    "briefing_more": ("… och {n} till", "… and {n} more"),
}


def text(key: str, language: str, **values: object) -> str:
    """The sentence ``key`` in ``language`` ('en', else Swedish), filled with ``values``."""
    sv, en = _TEXTS[key]
    return (en if language == "en" else sv).format(**values)


def keys() -> frozenset[str]:
    return frozenset(_TEXTS)
