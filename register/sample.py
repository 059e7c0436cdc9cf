"""Realistic, reproducible sample activities: for demos (`policyguide register demo-data`), the
report tests and anyone trying the register before their own data is in.

The partners, programmes and texts are of the kind Swedish municipalities actually record
(Erasmus+ pupil exchanges, ICLD partnerships, Interreg projects, Nordplus study visits, network
memberships); they are generated from a seed, so the same call always gives the same activities.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from register.vocab import Form, Kind, Status, TargetGroup


@dataclass(frozen=True)
class _Template:
    kind: Kind
    form: Form
    committee: str
    title: str
    target: TargetGroup
    programme: str | None
    source: str | None
    purpose: str
    activities: str
    lessons: str
    use: str
    goals: tuple[int, ...]  # indexes into GOALS


@dataclass(frozen=True)
class _Partner:
    organisation: str
    city: str
    country: str


PARTNERS = (
    _Partner("Time kommune", "Time", "NO"), _Partner("Saaremaa vald", "Kuressaare", "EE"),
    _Partner("Tartu Kunstikool", "Tartu", "EE"), _Partner("Gmina Kartuzy", "Kartuzy", "PL"),
    _Partner("Hansestadt Lüneburg", "Lüneburg", "DE"), _Partner("Ikaalisten kaupunki",
                                                                "Ikaalinen", "FI"),
    _Partner("Lycée Jean Moulin", "Lyon", "FR"), _Partner("Istituto Comprensivo Dante",
                                                          "Bologna", "IT"),
    _Partner("Kauno jaunimo centras", "Kaunas", "LT"), _Partner("Rīgas valstspilsētas pašvaldība",
                                                                "Riga", "LV"),
    _Partner("Kisumu County Government", "Kisumu", "KE"),
    _Partner("Buffalo City Metropolitan Municipality", "East London", "ZA"),
    _Partner("Guldborgsund Kommune", "Nykøbing Falster", "DK"),
)
NETWORKS = (_Partner("Eurocities", "Bryssel", "BE"),
            _Partner("Union of the Baltic Cities", "Gdańsk", "PL"))
GOALS = ("Barn och unga ska få internationella erfarenheter",
         "Medarbetarnas kompetens ska utvecklas genom omvärldsbevakning",
         "Internationell samverkan ska bidra till hållbar utveckling (Agenda 2030)",
         "Ett attraktivt och internationellt konkurrenskraftigt näringsliv",
         "Stärka demokrati och lokalt självstyre")

TEMPLATES = (
    _Template(Kind.EXCHANGE, Form.EU_PROJECT, "Barn- och utbildningsnämnden",
              "Elevutbyte med {org}", TargetGroup.PUPILS, "Erasmus+", "EU",
              "Ge eleverna språkträning och förståelse för en annan skolkultur.",
              "Lektioner i partnerskolan, gemensamt projekt om klimat, värdfamiljer.",
              "Eleverna växte i självförtroende; förberedelserna behöver börja tidigare.",
              "Erfarenheterna redovisas för nämnden och används i skolans värdegrundsarbete.",
              (0, 1)),
    _Template(Kind.STUDY_VISIT, Form.OTHER, "Socialnämnden", "Studiebesök hos {org}",
              TargetGroup.STAFF, "Nordplus", "Nordiska ministerrådet",
              "Lära av partnerns arbete med tidiga insatser för familjer.",
              "Besök på familjecentral och socialkontor, workshop om samverkan.",
              "Samlokalisering av mödravård och socialtjänst sänker trösklarna.",
              "Förslag om familjecentral i kommunen lämnas till nämnden.", (1,)),
    _Template(Kind.PROJECT, Form.EU_PROJECT, "Miljö- och byggnadsnämnden",
              "Interreg-projekt om klimatanpassning med {org}", TargetGroup.STAFF, "Interreg",
              "EU", "Ta fram gemensamma metoder för skyfallskartering.",
              "Tre partnermöten, pilotkartering i två bostadsområden.",
              "Gemensamma dataformat sparar mycket tid.",
              "Metoden används i den kommande översiktsplanen.", (2, 1)),
    _Template(Kind.TWIN_TOWN, Form.TWIN_TOWN, "Kommunstyrelsen", "Vänortsmöte med {org}",
              TargetGroup.POLITICIANS, None, None,
              "Följa upp vänortsavtalet och planera kommande års utbyten.",
              "Politikermöte, besök på skolor och äldreboende.",
              "Tydligare ansvar för uppföljningen behövs.",
              "En handlingsplan för vänortssamarbetet antas.", (4,)),
    _Template(Kind.EXCHANGE, Form.MUNICIPAL_PARTNERSHIP, "Kommunstyrelsen",
              "Kommunalt partnerskap med {org}", TargetGroup.STAFF, "ICLD", "ICLD (Sida)",
              "Stärka medborgardialog och avfallshantering i båda kommunerna.",
              "Ömsesidiga besök av tjänstepersoner och politiker, gemensam handlingsplan.",
              "Lokala förutsättningar skiljer sig mer än väntat; små steg fungerar.",
              "Arbetssättet för medborgardialog sprids till fler förvaltningar.", (2, 4)),
    _Template(Kind.INCOMING_VISIT, Form.OTHER, "Kultur- och fritidsnämnden",
              "Besök från {org}", TargetGroup.YOUTH, "Europeiska solidaritetskåren", "EU",
              "Ta emot ungdomsledare för utbyte om fritidsgårdarnas arbete.",
              "Studiebesök på fritidsgårdar, gemensam ungdomskonferens.",
              "Ungdomarna vill själva leda fler delar av programmet.",
              "Ungdomsrådet planerar ett motbesök.", (0,)),
    _Template(Kind.EXCHANGE, Form.OTHER, "Gymnasienämnden", "Yrkesutbyte med {org}",
              TargetGroup.PUPILS, "Atlas partnerskap", "UHR",
              "Ge yrkeselever arbetsplatsförlagt lärande utomlands.",
              "Tre veckors praktik på företag hos partnern.",
              "Handledarna behöver tydligare kursmål på engelska.",
              "Praktikmodellen erbjuds fler program.", (0, 3)),
)


def sample_activities(count: int = 36, *, year: int = 2026, municipality: str = "Eksjö",
                      seed: int = 4) -> list[dict[str, Any]]:
    """``count`` varied activities in ``year``, as input dicts for ``RegisterService.create``."""
    rng = random.Random(seed)
    activities = []
    for number in range(count):
        if number % 9 == 8:
            activities.append(_network(rng, year, municipality))
            continue
        template = TEMPLATES[number % len(TEMPLATES)]
        partner = rng.choice(PARTNERS)
        start = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(0, 350))
        end = start + dt.timedelta(days=rng.choice((0, 2, 4, 6, 13, 20)))
        status = _status(rng, template, start, end, dt.date(year, 9, 1))
        reported = status is Status.COMPLETED and rng.random() < 0.6
        amount = Decimal(rng.randrange(4, 60) * 5_000)
        activities.append({
            "municipality": municipality, "committee": template.committee,
            "kind": template.kind, "form": template.form, "status": status,
            "title": template.title.format(org=partner.organisation),
            "partner_organisation": partner.organisation, "partner_city": partner.city,
            "country": partner.country, "start_date": start, "end_date": end,
            "participants": rng.randrange(3, 40), "target_group": template.target,
            "purpose": template.purpose, "activities": template.activities,
            "lessons_learned": template.lessons if reported else None,
            "use_of_results": template.use if reported else None,
            "programme": template.programme, "funding_source": template.source or "Egen budget",
            "funding_amount": amount, "currency": "SEK",
            "cost_split": "Resor betalas av respektive part; värden står för lokala kostnader.",
            "goals": [GOALS[i] for i in template.goals],
            "contact_person": rng.choice(("Anna Lind", "Erik Berg", "Sara Nilsson",
                                          "Johan Ek")),
            **_decision(template, rng, start),
        })
    return activities


def _status(rng: random.Random, template: _Template, start: dt.date, end: dt.date,
            today: dt.date) -> Status:
    """As of ``today`` (1 September): past ones done (a few cancelled), future ones planned."""
    if template.kind is Kind.TWIN_TOWN and rng.random() < 0.3:
        return Status.DORMANT
    if end < today:
        return Status.CANCELLED if rng.random() < 0.1 else Status.COMPLETED
    return Status.ONGOING if start <= today else Status.PLANNED


def _network(rng: random.Random, year: int, municipality: str) -> dict[str, Any]:
    network = rng.choice(NETWORKS)
    return {"municipality": municipality, "committee": "Kommunstyrelsen", "kind": Kind.NETWORK,
            "form": Form.OTHER, "status": Status.ONGOING,
            "title": f"Medlemskap i {network.organisation}",
            "partner_organisation": network.organisation, "partner_city": network.city,
            "country": network.country, "start_date": dt.date(year, 1, 1),
            "end_date": dt.date(year, 12, 31), "funding_source": "Egen budget",
            "funding_amount": Decimal(rng.choice((12_000, 25_000, 40_000))), "currency": "SEK",
            "purpose": "Omvärldsbevakning och erfarenhetsutbyte med andra städer.",
            "goals": [GOALS[2]]}


def _decision(template: _Template, rng: random.Random, start: dt.date) -> dict[str, Any]:
    if template.form not in (Form.TWIN_TOWN, Form.MUNICIPAL_PARTNERSHIP) or rng.random() < 0.25:
        return {}  # some lack the decision, so the decision check has something to find
    decided = start - dt.timedelta(days=rng.randrange(30, 120))
    return {"decision_body": "Kommunfullmäktige" if template.form is Form.TWIN_TOWN
            else "Kommunstyrelsen", "decision_date": decided,
            "decision_ref": f"KS {decided.year}/{rng.randrange(10, 400)}"}
