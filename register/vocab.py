"""The register's closed vocabularies, with Swedish and English labels and the words that name them.

Kinds, forms, statuses and target groups are stored as stable English codes so that reports,
exports and the Slack bot agree; people see the Swedish (or English) label. The word tables are
what the one-line parser and the CLI options accept, so a coordinator may write `studiebesök`
or `study visit` and get the same code.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    EXCHANGE = "exchange"
    PROJECT = "project"
    STUDY_VISIT = "study_visit"
    INCOMING_VISIT = "incoming_visit"
    NETWORK = "network"
    TWIN_TOWN = "twin_town"
    OTHER = "other"


class Form(StrEnum):
    """Form of collaboration, as Swedish municipalities classify their international work."""

    TWIN_TOWN = "twin_town"
    MUNICIPAL_PARTNERSHIP = "municipal_partnership"
    EU_PROJECT = "eu_project"
    OTHER = "other"


class Status(StrEnum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    DORMANT = "dormant"
    CANCELLED = "cancelled"


class TargetGroup(StrEnum):
    PUPILS = "pupils"
    YOUTH = "youth"
    STAFF = "staff"
    POLITICIANS = "politicians"
    ASSOCIATIONS = "associations"
    BUSINESSES = "businesses"
    RESIDENTS = "residents"
    OTHER = "other"


# Keyed by enum class, then member: StrEnum members of different classes with the same value
# (Kind.OTHER, Form.OTHER) are equal as dict keys, so one flat dict would mix their labels.
LABELS: dict[type[StrEnum], dict[StrEnum, tuple[str, str]]] = {
    Kind: {
        Kind.EXCHANGE: ("Utbyte", "Exchange"),
        Kind.PROJECT: ("Projekt", "Project"),
        Kind.STUDY_VISIT: ("Studiebesök", "Study visit"),
        Kind.INCOMING_VISIT: ("Besök till oss", "Incoming visit"),
        Kind.NETWORK: ("Nätverksmedlemskap", "Network membership"),
        Kind.TWIN_TOWN: ("Vänortsaktivitet", "Twin-town activity"),
        Kind.OTHER: ("Övrigt", "Other"),
    },
    Form: {
        Form.TWIN_TOWN: ("Vänort", "Twin town"),
        Form.MUNICIPAL_PARTNERSHIP: ("Kommunalt partnerskap (ICLD)",
                                     "Municipal partnership (ICLD)"),
        Form.EU_PROJECT: ("EU-projekt", "EU project"),
        Form.OTHER: ("Annan samverkan", "Other collaboration"),
    },
    Status: {
        Status.PLANNED: ("Planerad", "Planned"),
        Status.ONGOING: ("Pågående", "Ongoing"),
        Status.COMPLETED: ("Genomförd", "Completed"),
        Status.DORMANT: ("Vilande", "Dormant"),
        Status.CANCELLED: ("Inställd", "Cancelled"),
    },
    TargetGroup: {
        TargetGroup.PUPILS: ("Elever", "Pupils"),
        TargetGroup.YOUTH: ("Ungdomar", "Youth"),
        TargetGroup.STAFF: ("Personal", "Staff"),
        TargetGroup.POLITICIANS: ("Politiker", "Politicians"),
        TargetGroup.ASSOCIATIONS: ("Föreningar", "Associations"),
        TargetGroup.BUSINESSES: ("Företag", "Businesses"),
        TargetGroup.RESIDENTS: ("Invånare", "Residents"),
        TargetGroup.OTHER: ("Övriga", "Others"),
    },
}

KIND_WORDS: dict[str, Kind] = {
    **dict.fromkeys(["utbyte", "elevutbyte", "personalutbyte", "ungdomsutbyte", "exchange",
                     "pupil exchange", "staff exchange", "youth exchange"], Kind.EXCHANGE),
    **dict.fromkeys(["projekt", "eu-projekt", "project", "eu project"], Kind.PROJECT),
    **dict.fromkeys(["studiebesök", "studieresa", "study visit", "study trip"], Kind.STUDY_VISIT),
    **dict.fromkeys(["besök till oss", "inkommande besök", "mottagande av besök", "besök från",
                     "incoming visit", "visit from", "hosting"], Kind.INCOMING_VISIT),
    **dict.fromkeys(["nätverk", "nätverksmedlemskap", "medlemskap", "network", "membership",
                     "network membership"], Kind.NETWORK),
    **dict.fromkeys(["vänort", "vänortsbesök", "vänortsutbyte", "vänortsaktivitet", "twin",
                     "twin town", "twin-town activity", "twinning", "sister city"],
                    Kind.TWIN_TOWN),
    **dict.fromkeys(["annat", "övrigt", "other"], Kind.OTHER),
}

FORM_WORDS: dict[str, Form] = {
    **dict.fromkeys(["vänort", "twin town", "twinning", "sister city"], Form.TWIN_TOWN),
    **dict.fromkeys(["kommunalt partnerskap", "partnerskap", "icld", "municipal partnership"],
                    Form.MUNICIPAL_PARTNERSHIP),
    **dict.fromkeys(["eu-projekt", "eu projekt", "eu project"], Form.EU_PROJECT),
    **dict.fromkeys(["annan samverkan", "annan", "annat", "övrigt", "other collaboration",
                     "other"], Form.OTHER),
}

STATUS_WORDS: dict[str, Status] = {
    **dict.fromkeys(["planerad", "planerat", "planned"], Status.PLANNED),
    **dict.fromkeys(["pågående", "pågår", "ongoing", "active"], Status.ONGOING),
    **dict.fromkeys(["genomförd", "genomfört", "avslutad", "avslutat", "klar", "completed",
                     "done", "finished"], Status.COMPLETED),
    **dict.fromkeys(["vilande", "dormant", "inactive"], Status.DORMANT),
    **dict.fromkeys(["inställd", "inställt", "avbruten", "cancelled", "canceled"],
                    Status.CANCELLED),
}

TARGET_WORDS: dict[str, TargetGroup] = {
    **dict.fromkeys(["elever", "elev", "skolelever", "pupils", "pupil", "students", "student"],
                    TargetGroup.PUPILS),
    **dict.fromkeys(["ungdomar", "unga", "youth", "young people"], TargetGroup.YOUTH),
    **dict.fromkeys(["personal", "anställda", "medarbetare", "lärare", "tjänstepersoner", "staff",
                     "employees", "teachers", "officials"], TargetGroup.STAFF),
    **dict.fromkeys(["politiker", "förtroendevalda", "politicians", "councillors",
                     "elected representatives"], TargetGroup.POLITICIANS),
    **dict.fromkeys(["föreningar", "föreningsmedlemmar", "associations", "ngos"],
                    TargetGroup.ASSOCIATIONS),
    **dict.fromkeys(["företag", "företagare", "businesses", "companies"], TargetGroup.BUSINESSES),
    **dict.fromkeys(["invånare", "medborgare", "residents", "citizens"], TargetGroup.RESIDENTS),
    **dict.fromkeys(["deltagare", "personer", "participants", "people"], TargetGroup.OTHER),
}


@dataclass(frozen=True)
class Programme:
    """A funding programme: who pays, and the collaboration form it implies."""

    name: str
    source: str
    form: Form
    aliases: tuple[str, ...] = ()


PROGRAMMES: tuple[Programme, ...] = (
    Programme("Erasmus+", "EU", Form.EU_PROJECT, ("erasmus", "erasmus plus")),
    Programme("Interreg", "EU", Form.EU_PROJECT, ("interreg europe", "interreg baltic sea")),
    Programme("ICLD", "ICLD (Sida)", Form.MUNICIPAL_PARTNERSHIP,
              ("kommunalt partnerskap", "municipal partnership")),
    Programme("Nordplus", "Nordiska ministerrådet", Form.OTHER, ()),
    Programme("Kreativa Europa", "EU", Form.EU_PROJECT, ("creative europe",)),
    Programme("Horisont Europa", "EU", Form.EU_PROJECT, ("horizon europe", "horisont 2020")),
    Programme("CERV", "EU", Form.EU_PROJECT, ("medborgare, jämlikhet, rättigheter och värden",)),
    Programme("LIFE", "EU", Form.EU_PROJECT, ()),
    Programme("Europeiska solidaritetskåren", "EU", Form.EU_PROJECT,
              ("european solidarity corps", "esc")),
    Programme("Atlas partnerskap", "UHR", Form.OTHER, ("atlas", "atlas partnership")),
    Programme("Nordisk kulturfond", "Nordisk kulturfond", Form.OTHER, ("nordic culture fund",)),
    Programme("Svenska institutet", "Svenska institutet", Form.OTHER, ("swedish institute", "si")),
)

PROGRAMME_WORDS: dict[str, Programme] = {
    word: p for p in PROGRAMMES for word in (p.name.casefold(), *p.aliases)}


def label(code: StrEnum | None, language: str = "sv") -> str:
    """The human label of a code; empty for None, so renderers need no special case."""
    if code is None:
        return ""
    sv, en = LABELS[type(code)][code]
    return sv if language == "sv" else en
