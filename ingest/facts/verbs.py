"""Swedish governance verbs mapped to canonical actions, in their active, infinitive and
passive forms. One table, so a new phrasing is one line here and every extractor learns it.
"""

from __future__ import annotations

import re

_PAST = r"(?:(?:har|hade)\s+)?"  # "har beslutat": a decision taken is still who decides
_GRANT = r"(?=\s+(?:[\wåäö]+\s+){0,2}(?:bidrag|stipendier|medel)\b)"  # what is given is the object
# "står för kostnaderna", "svarar för medlemsavgiften": to answer for a cost is to pay it.
_COST = (r"(?:(?:de|den|det|sina|sin|sitt|egna|alla|eventuella|[\wåäö]+(?:liga|iga|ade))\s+)"
         r"{0,2}[\wåäö]*(?:kostnad|avgift|utgift)[\wåäö]*")
# ... a cost as a noun phrase, not "att kostnaderna hålls nere"
_COST_OBJECT = re.compile(rf"{_COST}(?=$|,|\s+(?:för|till|i|inom|av|som|vid|under|och|samt|"
                          r"enligt|med)\b)", re.I)
# "ingår avtal med": to enter an agreement is to decide on it (signing is "tecknar"); not
# "ingår i förvaltningen", which says where a unit belongs.
_AGREEMENT = (r"(?!\s+i\b)(?=\s+(?:[\wåäö-]+\s+){0,2}[\wåäö-]*(?:avtal|överenskommelse|"
              r"partnerskap|kontrakt))")
# "lämnar en samlad rapport", "lämna en skriftlig reserapport": what is handed over
_HANDED = (r"\s+(?:en\s+)?(?:[\wåäö]+\s+)?[\wåäö]*"
           r"(?:rapport|redovisning|redogörelse|sammanställning)")
# action -> (present tense active, infinitive, passive)
_FORMS: dict[str, tuple[str, str, str]] = {
    "decides": (
        rf"(?:beslutar|{_PAST}beslut(?:ade|at)|beslöt)(?:\s+(?:även|också))?(?:\s+om)?|avgör|"
        rf"bestämmer(?:\s+om)?|godkänner|{_PAST}godkänt|godkände|beviljar|prioriterar|"
        rf"(?:har\s+)?fatta[rt]\s+beslut(?:et)?(?:\s+om)?|ingår{_AGREEMENT}",
        rf"besluta(?:\s+om)?|avgöra|bestämma|godkänna|bevilja|prioritera|ingå{_AGREEMENT}",
        r"beslutas|beslutats|beslutades|fattas|avgörs|godkänns|godkännas|godkänts|bestäms|"
        r"behandlas|hanteras|beviljas|tas(?=\s+(?:av|i)\s)|ingås|ingåtts|ingicks"),
    "adopts": (rf"antar|fastställer|antog|fastställde|{_PAST}(?:antagit|fastställt)",
               r"anta|fastställa",
               r"antas|fastställs|fastställas|antogs|antagits|fastställdes|fastställts|"
               r"(?:är|blev|var)\s+(?:antagen|antaget|antagna|fastställd|fastställt)"),
    "signs": (rf"tecknar|undertecknar|skriver\s+under|tecknade|undertecknade|"
              rf"{_PAST}(?:undertecknat|tecknat)", r"teckna|underteckna",
              r"tecknas|undertecknas|skrivs\s+under|tecknats|undertecknats|undertecknades"),
    "prepares": (r"bereder|tar\s+fram|utarbetar", r"bereda|ta\s+fram|utarbeta",
                 r"bereds|beredas|utarbetas"),
    "responsible": (
        r"ansvarar(?:\s+för)?|svarar\s+för|ser\s+till(?=\s+att\s)|"
        r"har\s+(?:det\s+)?(?:[\wåäö]+\s+){0,2}ansvar(?:et)?(?:\s+för)?|"
        r"är\s+(?:[\wåäö]+\s+)?(?:huvud|över)?ansvarig[a]?(?:\s+för|\s+att)?|"
        r"är\s+(?:[\wåäö]+\s+)?remissinstans|"
        r"ha[r]?\s+(?:i\s+|till\s+)?(?:uppdraget|uppdrag|uppgift(?:en)?)\s+att|"
        r"(?<=ska\s)ha|(?<=skall\s)ha",
        r"ansvara(?:\s+för)?|se\s+till\s+att",
        r"hålls|hållas|sköts|skötas"),
    "leads": (r"leder|driver|planerar", r"leda|driva|planera", r"leds|drivs|planeras"),
    "coordinates": (r"samordnar|håller\s+ihop", r"samordna|hålla\s+ihop",
                    r"samordnas"),
    "represents": (
        r"representerar|företräder|är\s+(?:kommunens\s+)?(?:främste?|högste?)\s+representant",
        r"representera|företräda", r"representeras|företräds"),
    "reports": (
        r"redovisar|rapporterar|sammanställer|gör\s+(?:[\wåäö]+\s+){0,3}sammanställning|"
        rf"lämnar{_HANDED}",
        rf"redovisa|rapportera|sammanställa|lämna{_HANDED}",
        r"redovisas|rapporteras|sammanställs"),
    "finances": (rf"finansierar|bekostar|(?:ger|delar\s+ut){_GRANT}|står\s+för(?=\s+{_COST})",
                 rf"finansiera|bekosta|(?:ge|dela\s+ut){_GRANT}|stå\s+för(?=\s+{_COST})",
                 r"finansieras|bekostas|bärs|betalas"),
    "supports": (r"stödjer|stöder|stöttar|bistår|ger\s+(?:[\wåäö]+\s+){0,2}stöd|hjälper",
                 r"stödja|stötta|bistå|ge\s+(?:[\wåäö]+\s+){0,2}stöd|hjälpa",
                 r"stöds|få\s+stöd|får\s+stöd"),
    "monitors": (r"bevakar|följer\s+upp|har\s+uppsikt(?:\s+över)?|övervakar",
                 r"bevaka|följa\s+upp|ha\s+uppsikt", r"bevakas|övervakas"),
    "appoints": (r"utser", r"utse", r"utses"),
}

# The noun a sentence names an action by instead of its verb ("Detsamma gäller beslut om …").
NOMINALS = {"beslut": "decides", "beredning": "prepares", "undertecknande": "signs",
            "tecknande": "signs", "ansvar": "responsible", "samordning": "coordinates",
            "redovisning": "reports", "finansiering": "finances", "uppföljning": "monitors"}

MODAL = r"(?:ska|skall|bör|kan|måste)"


def _group(index: int) -> str:
    return "|".join(f"(?P<{a}>{forms[index]})" for a, forms in _FORMS.items())


ACTIVE = re.compile(rf"(?:{_group(0)})\b", re.I)  # used with .match(text, pos)
INFINITIVE = re.compile(rf"\b(?:{_group(1)})\b", re.I)
PASSIVE = re.compile(rf"\b(?:{_group(2)})\b", re.I)
# Verbs that name an action only beside another one: "leder och följer samarbetena" (alone,
# "nämnderna följer policyn" is compliance, not monitoring).
COORDINATED = re.compile(r"(?P<monitors>följer)\b", re.I)
ANY_ACTIVE = re.compile(rf"\b(?:{'|'.join(f[0] for f in _FORMS.values())})\b", re.I)

# A finite verb the table has no action for ("och inhämtar synpunkter", "och deltar i …"):
# present tense in -ar/-er, or one of the short verbs, that is not a plural noun ("program och
# utlysningar", "nämnder och förvaltningar") and not a function word ("eller", "efter"). The
# table's own verbs that name an action only with a given complement ("lämnar en rapport",
# "ger stöd", "har ansvar", "tar fram") are not among them: met without it, as in "… och lämnar
# varje år en rapport", they are read as the reviewed facts read them, as part of the object.
_SHORT_FINITE = (r"får|går|blir|bär|drar|deltar|bidrar|medverkar|arbetar|verkar|ansöker|"
                 r"genomför|utför")
_NOUN_PLURAL = (r"[\wåäö]*(?:ningar|ingar|ioner|oner|uner|aner|iner|heter|teter|nader|äder|ader|"
                r"ier|éer|eer|arer|örer|ärer|orer|iker|ister|mmar|kter|rter|nder|fter|njer|ser|"
                r"gar|omar)|ansvar|svar|sommar|register|partner|minister|center|teater|vinter|"
                r"kalender|nummer|filter|eller|efter|under|över|mer|fler|ner|andra")
_TABLE_VERB = r"lämnar|ger|står|har|är|tar|ser|gör|ingår|delar|håller|skriver|fattar|svarar"
_FINITE_WORD = (rf"(?!(?:{_NOUN_PLURAL}|{_TABLE_VERB})\b)[a-zåäö]{{3,}}(?:ar|er)\b")
_FUNCTION_WORDS = (r"i|inom|på|för|från|till|med|av|om|under|vid|över|mellan|hos|genom|enligt|"
                   r"utanför|kring|mot|efter|före|inför|utan|bland|trots|åt|per|via|utifrån|"
                   r"gentemot|och|samt|eller|som|där|när|då|vilka|vilket|vilken|att|men|så|"
                   rf"eftersom|medan|innan|tills|{MODAL}|är|har|blir|var|hade|kommer|"
                   r"utomlands|hemma|lokalt|regionalt|nationellt|internationellt|globalt|"
                   r"gemensamt|tillsammans|själva?|också|även|dessutom")
# ... followed by what a verb takes: a word that begins its object (a verb taking a preposition
# is known only by its form: "informerar om", "deltar i").
_OTHER_FINITE = re.compile(
    rf"(?:(?P<sure>(?!{_TABLE_VERB}\b)[a-zåäö]+erar|{_SHORT_FINITE})\b|{_FINITE_WORD}"
    rf"(?=\s+(?!(?:{_FUNCTION_WORDS})\b)[\wåäö]))(?=\s+[\wåäö])")


def other_finite(text: str, pos: int) -> re.Match[str] | None:
    """The finite verb at ``pos`` when it is one the table does not name an action for."""
    return _OTHER_FINITE.match(text, pos)


def refine(action: str, obj: str) -> str:
    """What a general "svarar för" means by its object: a report is reported, a cost paid."""
    if action == "responsible" and re.match(r"(en\s+)?(årlig\s+)?(rapport|redovisning)", obj):
        return "reports"
    if action == "responsible" and _COST_OBJECT.match(obj):
        return "finances"
    return action


def action_of(match: re.Match[str]) -> str:
    """The canonical action of a match on one of the patterns above."""
    name = match.lastgroup or "responsible"
    phrase = match.group(0).lower()
    if name == "responsible" and "samordna" in phrase:
        return "coordinates"
    return name


_HANDED_START = re.compile(r"lämnar?\s+", re.I)


def handed_over(match: re.Match[str]) -> int | None:
    """Where the report begins in "lämnar en samlad rapport": a handing-over verb carries its
    product, which the chain may take as the object; None for any other verb."""
    start = _HANDED_START.match(match.group(0)) if match.lastgroup == "reports" else None
    return match.start() + start.end() if start else None
