"""The bodies of Swedish local and regional government: one table that every reader shares.

Facts name their actors from it (``knowledge.actors``), answers give a body's Swedish short form
and English name from it (``knowledge.lexicon``), so the extractor and the answer text cannot
disagree about what a body is called. Two kinds of entry:

* ``Body``: a body or office every municipality or region has under a fixed name
  (kommunfullmäktige, regionstyrelsen, kommunchefen, kommunalråd), with its English name.
* ``Head``: the unit nouns a policy builds its own names from ("Kommunikations*avdelningen*",
  "Vänorts*kommittén*", "ett internationellt *råd*"), with their four inflected forms, so an
  unseen "Demokratiberedningen" is an actor and a later bare "Beredningen" can refer back to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Body:
    pattern: str  # Swedish forms; an alternative written in capitals (KF, RS) matches only so
    name: str  # canonical; "" takes the matched words themselves ("Ledningsnivå")
    english: str
    head: str = ""  # the bare noun a later reference to it uses ("styrelsen", "presidiet")
    abbreviation: str = ""
    follows_organisation: bool = False  # bare "fullmäktige": the region's in a region's text

    @property
    def short(self) -> str:
        """How an answer writes it in Swedish: "kommunfullmäktige (KF)"."""
        if not self.name:
            return ""
        low = self.name if self.name[:2].isupper() else self.name[:1].lower() + self.name[1:]
        return f"{low} ({self.abbreviation})" if self.abbreviation else low


@dataclass(frozen=True)
class Head:
    singular: str  # indefinite: "nämnd"
    definite: str  # "nämnden"
    plural: str  # "nämnder"
    plural_definite: str  # "nämnderna"
    english: str
    acts_in_plural: bool = True  # "förvaltningarna ansvarar" names all of them; "råden" is advice


def _council_bodies(prefix: str, letter: str, org: str) -> list[Body]:
    """Assembly, executive board and their organs, alike in municipalities and regions."""
    p, P = prefix.lower(), prefix
    return [
        Body(rf"{p}fullmäktiges\s+ordförande|{letter}F:s\s+ordförande",
             f"{P}fullmäktiges ordförande", f"the chair of the {org} council",
             head="ordföranden"),
        Body(rf"{p}styrelsens\s+ordförande|{letter}S:s\s+ordförande",
             f"{P}styrelsens ordförande", f"the chair of the {org} executive board",
             head="ordföranden"),
        Body(rf"{p}fullmäktiges\s+presidium", f"{P}fullmäktiges presidium",
             f"the presidium of the {org} council", head="presidiet"),
        Body(rf"{p}styrelsens\s+presidium", f"{P}styrelsens presidium",
             f"the presidium of the {org} executive board", head="presidiet"),
        Body(rf"{p}styrelsens\s+arbetsutskott|{letter}SAU", f"{P}styrelsens arbetsutskott",
             f"the {org} executive board's working committee", head="utskottet"),
        Body(rf"{p}styrelsens\s+förvaltning(?:en)?", f"{P}styrelsens förvaltning",
             f"the {org} executive board's administration", head="förvaltningen"),
        Body(rf"{p}fullmäktige|{letter}F", f"{P}fullmäktige", f"the {org} council",
             head="fullmäktige", abbreviation=f"{letter}F"),
        Body(rf"{p}styrelse(?:n|ns)?|{letter}S", f"{P}styrelsen", f"the {org} executive board",
             head="styrelsen", abbreviation=f"{letter}S"),
    ]


# Earlier entries win where two match the same words.
BODY_TABLE: list[Body] = [
    *_council_bodies("Kommun", "K", "municipal"),
    *_council_bodies("Region", "R", "regional"),
    Body(r"landstingsfullmäktige", "Landstingsfullmäktige", "the county council assembly",
         head="fullmäktige"),
    Body(r"landstingsstyrelse(?:n|ns)?", "Landstingsstyrelsen",
         "the county council executive board", head="styrelsen"),
    Body(r"fullmäktiges\s+ordförande", "Kommunfullmäktiges ordförande",
         "the chair of the council", head="ordföranden", follows_organisation=True),
    Body(r"fullmäktiges\s+presidium|presidiet\s+i\s+fullmäktige", "Kommunfullmäktiges presidium",
         "the presidium of the council", head="presidiet", follows_organisation=True),
    Body(r"fullmäktige", "Kommunfullmäktige", "the council", head="fullmäktige",
         follows_organisation=True),
    Body(r"regional(?:a)?\s+utvecklingsnämnd(?:en)?", "Regionala utvecklingsnämnden",
         "the regional development committee", head="nämnden"),
    Body(r"stadsdelsnämnder(?:na)?|(?:varje|respektive|alla|samtliga)\s+stadsdelsnämnd(?:er)?",
         "Stadsdelsnämnderna", "the district committees"),
    Body(r"stadsdelsförvaltningar(?:na)?|(?:varje|respektive|alla|samtliga)\s+"
         r"stadsdelsförvaltning(?:ar)?", "Stadsdelsförvaltningarna",
         "the district administrations"),
    Body(r"stadsdelsnämnden", "Stadsdelsnämnden", "the district committee", head="nämnden"),
    Body(r"stadsdelsförvaltningen", "Stadsdelsförvaltningen", "the district administration",
         head="förvaltningen"),
    Body(r"(?:stads|kommun|region)ledningskontoret", "", "the executive office", head="kontoret"),
    Body(r"(?:stads|kommun|region)ledningsförvaltningen", "", "the executive administration",
         head="förvaltningen"),
    Body(r"finansborgarråd(?:et)?", "Finansborgarrådet", "the finance commissioner"),
    Body(r"borgarråd(?:et|en)?", "Borgarråd", "a city commissioner (borgarråd)"),
    Body(r"kommunalråd(?:et|en)?", "Kommunalråd", "a municipal commissioner (kommunalråd)"),
    Body(r"regionråd(?:et|en)?", "Regionråd", "a regional commissioner (regionråd)"),
    Body(r"oppositionsråd(?:et|en)?", "Oppositionsråd", "an opposition commissioner"),
    Body(r"kommunchef(?:en)?", "Kommunchefen", "the chief executive (kommunchef)", head="chefen"),
    Body(r"kommundirektör(?:en)?", "Kommundirektören", "the chief executive (kommundirektör)",
         head="direktören"),
    Body(r"regiondirektör(?:en)?", "Regiondirektören", "the regional chief executive",
         head="direktören"),
    Body(r"stadsdirektör(?:en)?", "Stadsdirektören", "the city chief executive",
         head="direktören"),
    Body(r"(?:varje|respektive)\s+förvaltningschef|förvaltningschef(?:en|erna)?",
         "Förvaltningschefen", "the head of department", head="chefen"),
    Body(r"rektor(?:n|erna)?", "Rektor", "the head teacher (rektor)"),
    Body(r"(?:en|den)?\s*internationell(?:a)?\s+samordnare(?:n)?", "Internationell samordnare",
         "the international coordinator", head="samordnaren"),
    Body(r"(?:den\s+)?berörda\s+nämnden", "Berörd nämnd",
         "the committee concerned"),
    Body(r"övriga\s+nämnder(?:na)?", "Övriga nämnder", "the other committees"),
    Body(r"(?:varje|respektive|alla|samtliga)\s+nämnd(?:er)?|(?:kommunens\s+)?nämnder(?:na)?",
         "Nämnderna", "the committees"),
    Body(r"(?:kommunens|stadens|regionens|de\s+kommunala)\s+bolag(?:en)?|bolagsstyrelserna",
         "Bolagen", "the municipal companies"),
    # A level of the organisation acting as agent: "ska behandlas på ledningsnivå".
    Body(r"(?:lednings|tjänstemanna|förvaltnings|nämnd|chefs|verksamhets)nivå(?:n)?|"
         r"politisk\s+nivå", "", "a level of the organisation"),
    Body(r"(?:en|ett)\s+(?:person|tjänsteman|tjänsteperson|handläggare)\s+med\s+ansvar",
         "Ansvarig tjänsteperson", "the official responsible"),
]

HEADS: list[Head] = [
    Head("nämnd", "nämnden", "nämnder", "nämnderna", "committee"),
    Head("styrelse", "styrelsen", "styrelser", "styrelserna", "board"),
    Head("förvaltning", "förvaltningen", "förvaltningar", "förvaltningarna", "administration"),
    Head("kontor", "kontoret", "kontor", "kontoren", "office"),
    Head("sektor", "sektorn", "sektorer", "sektorerna", "sector"),
    Head("enhet", "enheten", "enheter", "enheterna", "unit"),
    Head("avdelning", "avdelningen", "avdelningar", "avdelningarna", "department"),
    Head("utskott", "utskottet", "utskott", "utskotten", "committee"),
    Head("beredning", "beredningen", "beredningar", "beredningarna", "drafting committee"),
    Head("kommitté", "kommittén", "kommittéer", "kommittéerna", "committee"),
    Head("råd", "rådet", "råd", "råden", "council", acts_in_plural=False),
    Head("grupp", "gruppen", "grupper", "grupperna", "group"),
    Head("kansli", "kansliet", "kanslier", "kanslierna", "secretariat"),
    Head("sekretariat", "sekretariatet", "sekretariat", "sekretariaten", "secretariat"),
    Head("stab", "staben", "staber", "staberna", "staff unit"),
    Head("byrå", "byrån", "byråer", "byråerna", "agency"),
    Head("presidium", "presidiet", "presidier", "presidierna", "presidium"),
    Head("nätverk", "nätverket", "nätverk", "nätverken", "network", acts_in_plural=False),
    Head("bolag", "bolaget", "bolag", "bolagen", "company"),
    Head("samordnare", "samordnaren", "samordnare", "samordnarna", "coordinator"),
    Head("koordinator", "koordinatorn", "koordinatorer", "koordinatorerna", "coordinator"),
    Head("chef", "chefen", "chefer", "cheferna", "head"),
    Head("direktör", "direktören", "direktörer", "direktörerna", "director"),
    Head("ledare", "ledaren", "ledare", "ledarna", "leader"),  # "delegationsledaren"
    Head("ordförande", "ordföranden", "ordförande", "ordförandena", "chair",
         acts_in_plural=False),
]
HEAD_BY_FORM: dict[str, Head] = {
    form: h for h in HEADS for form in (h.singular, h.definite, h.plural, h.plural_definite)}

# Words built like a unit name that are not bodies: an area, a target group, an abstract
# "-enhet" noun from an adjective ("öppenheten"), society's sectors.
NOT_UNIT = re.compile(r"område|målgrupp|åldersgrupp|yrkesgrupp|befolkningsgrupp|samråd|förråd|"
                      r"[pgv]enhet|medlemsnätverk|kontaktnätverk|"
                      r"(?:offentliga|privata|ideella)\s+sektorn", re.I)

# A bare "Nämnden" or "Styrelsen" refers back only when the text named exactly one: policies
# name several in passing, and then the word means the committee in general.
UNIQUE_HEADS = {"nämnden", "styrelsen", "regionen", "landstinget"}
# ... and with nothing to refer to, a bare "nämnden" still names the committees in general.
GENERIC_FALLBACK = {"nämnden": "Nämnderna"}

# Organisations as a whole: a region, a county council, a company. They act (a region adopts,
# a company's board decides) but naming one says nothing about which of its bodies acts.
ORGANISATIONS: list[tuple[str, str, str]] = [
    (r"Region(?:\s+[A-ZÅÄÖ][\wåäö]+){1,2}(?:\s+län)?(?![\wåäö])", "regionen", "the region"),
    (r"(?:(?:Västra|Östra|Norra|Södra|Mellersta)\s+)?[A-ZÅÄÖ][a-zåäö]+regionen(?![\wåäö])",
     "regionen", "the region"),
    (r"Landstinget\s+[A-ZÅÄÖ][\wåäö]+", "landstinget", "the county council"),
    (r"(?:[A-ZÅÄÖ][\wåäö]+\s+){1,2}AB(?:\s+[A-ZÅÄÖ][\wåäö]+)?|AB\s+[A-ZÅÄÖ][\wåäö]+", "bolaget",
     "a municipal company"),
]

# Definite adjectives that classify a unit and so belong to its name ("Tekniska nämnden",
# "Den regionala utvecklingsnämnden"); in the indefinite ("ett internationellt råd") the same.
CLASSIFYING = r"[A-Za-zåäöÅÄÖ]{2,}(?:ala|ella|iska|ell|al|isk)"  # "Den internationell gruppen"
CLASSIFYING_INDEFINITE = r"[a-zåäö]{2,}(?:ell|al|isk)[ta]?"
ENGLISH_ADJECTIVES = {"internationell": "international", "regional": "regional",
                      "teknisk": "technical", "social": "social", "kommunal": "municipal",
                      "politisk": "political", "strategisk": "strategic", "lokal": "local",
                      "ansvarig": "responsible", "berörd": "concerned",
                      "närmaste": "immediate"}


def organisation_prefix(organisation: str) -> str:
    """"Region" for a region's text ("Region Skåne", "Västra Götalandsregionen"), else "Kommun"."""
    low = organisation.lower()
    if low.startswith("landsting") or low.endswith("landstinget"):
        return "Landstings"
    return "Region" if low.startswith("region ") or low.endswith("regionen") else "Kommun"


def english_for_unit(name: str) -> str:
    """English for a unit the table does not name: "Internationella rådet" → "the international
    council", "Vänortskommittén" → "committee"."""
    words = name.lower().split()
    forms = sorted(HEAD_BY_FORM, key=len, reverse=True)
    form = next((f for f in forms if words and words[-1].endswith(f)), None)
    if form is None:
        return ""
    english = ENGLISH_ADJECTIVES.get(words[0].rstrip("a")) if len(words) > 1 else None
    head = HEAD_BY_FORM[form].english
    return f"the {english} {head}" if english else head


def _top_level_alternatives(pattern: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in pattern:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def compile_body(pattern: str) -> re.Pattern[str]:
    """Names in any case, abbreviations (KF, RS, KSAU) only in capitals, whole words only."""
    parts = _top_level_alternatives(pattern)
    alternatives = [p if p[:2].isupper() else f"(?i:{p})" for p in parts]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])")
