"""Hand-written test policies for the layout step, with what a reader expects from each.

Written (text, expected sections, title and facts) before the extractor first read them; the
sentences are our own. ``GRONSKOG`` is laid out as a PDF by ``policy_pdf.build_pdf`` and holds
every trap of issue 9: running header and "Sida n (m)" footer, numbered headings (one with a
year, one directly above a list), forced line-end hyphens ("Kommun-⏎styrelsen", "Kultur-⏎och
fritids-⏎nämnden"), a sentence cut by a page break, a ruled responsibility table and a page in
two columns.
"""

from __future__ import annotations

from typing import Any

GRONSKOG: dict[str, Any] = {
    "title": "Policy för internationellt samarbete i Grönskogs kommun",
    "cover": [
        "Policy för internationellt samarbete i Grönskogs kommun",
        "Antagen av kommunfullmäktige 2024-05-20, § 41",
        "Dnr KS 2024/88",
    ],
    "running_header": "Grönskogs kommun | Policy för internationellt samarbete",
    "footer": "Sida {n} ({total})",
    "pages": [
        [
            {"kind": "heading", "level": 1, "text": "1. Bakgrund"},
            {"kind": "paragraph", "text": (
                "Grönskogs kommun har länge samarbetat med kommuner i Norden och runt Östersjön. "
                "Samarbetet har gett nya kunskaper till skolor, äldreomsorg och näringsliv.")},
            {"kind": "heading", "level": 1, "text": "2. Mål"},
            {"kind": "heading", "level": 2, "text": "2.1 Agenda 2030"},
            {"kind": "paragraph", "text": (
                "Kommunens internationella arbete ska bidra till att de globala målen för "
                "hållbar utveckling nås även på lokal nivå.")},
            {"kind": "heading", "level": 2, "text": "2.2 Prioriterade områden"},
            {"kind": "list", "lead": "", "items": [
                "Utbildning: fler elever ska delta i utbyten med skolor i andra länder.",
                "Miljö: kommunen ska lära av andra städers arbete med cirkulär ekonomi.",
            ]},
            {"kind": "heading", "level": 1, "text": "3. Ansvar"},
            {"kind": "paragraph", "text": (
                "Kommunstyrelsen leder det internationella arbetet och samordnar kommunens "
                "kontakter med vänorterna.")},
            {"kind": "paragraph",
             "text": "Kommun-\nstyrelsen beslutar om medlemskap i europeiska nätverk."},
            {"kind": "paragraph", "text": (
                "Inom föreningslivet har Kultur-\noch fritids-\nnämnden ansvar för utbyten "
                "och beslutar om bidrag till ungdomars resor.")},
            {"kind": "paragraph", "text": "Beslut om samarbetsavtal med", "continues": True},
        ],
        [
            {"kind": "paragraph", "text": (
                "nya vänorter fattas av kommunfullmäktige efter förslag från kommunstyrelsen.")},
            {"kind": "paragraph", "text": "Ansvarsfördelningen framgår av tabellen."},
            {"kind": "table", "header": ["Organ", "Ansvar"], "rows": [
                ["Utbildningsnämnden", "Ansvarar för elevutbyten och lärarutbyten."],
                ["Miljönämnden", "Samordnar kommunens klimatsamarbeten med andra länder."],
                ["Kommundirektören", "Företräder kommunen i nätverket för nordiska kommuner."],
            ]},
        ],
        [
            {"kind": "heading", "level": 1, "text": "4. Uppföljning"},
            {"kind": "columns", "left": [
                {"kind": "paragraph", "text": (
                    "Varje nämnd redovisar sitt internationella arbete till kommunstyrelsen "
                    "en gång per år.")},
                {"kind": "paragraph", "text": (
                    "Redovisningen ska beskriva genomförda resor och vilken nytta de har gett "
                    "verksamheten.")},
            ], "right": [
                {"kind": "paragraph", "text": (
                    "Kommunstyrelsen följer upp policyn varje år och rapporterar resultatet "
                    "till kommunfullmäktige.")},
                {"kind": "paragraph", "text": (
                    "Policyn ska revideras en gång varje mandatperiod.")},
            ]},
        ],
    ],
}

GRONSKOG_TITLE = "Policy för internationellt samarbete i Grönskogs kommun"
GRONSKOG_SECTIONS = ["Bakgrund", "Agenda 2030", "Prioriterade områden", "Ansvar", "Uppföljning"]
GRONSKOG_SPLIT_SENTENCE = (
    "Beslut om samarbetsavtal med nya vänorter fattas av kommunfullmäktige efter förslag från "
    "kommunstyrelsen.")
# Keys as in tests/unit/ingest/test_facts.py: R | actor | action | object[:45] and so on.
GRONSKOG_FACTS = [
    # Added after the first run: a commitment under the "Agenda 2030" heading is a strategy, as
    # in the Lövsta blind policy (tests/data/blind/).
    "G | strategy |  | Kommunens internationella arbete ska bidra ti",
    "G | priority | Utbildning | Utbildning: fler elever ska delta i utbyten m",
    "G | priority | Miljö | Miljö: kommunen ska lära av andra städers arb",
    "R | Kommunstyrelsen | leads | det internationella arbetet",
    "R | Kommunstyrelsen | coordinates | kommunens kontakter med vänorterna",
    "R | Kommunstyrelsen | decides | medlemskap i europeiska nätverk",
    "R | Kultur- och fritidsnämnden | responsible | utbyten",
    "R | Kultur- och fritidsnämnden | decides | bidrag till ungdomars resor",
    "R | Kommunfullmäktige | decides | samarbetsavtal med nya vänorter",
    "R | Utbildningsnämnden | responsible | elevutbyten och lärarutbyten",
    "R | Miljönämnden | coordinates | kommunens klimatsamarbeten med andra länder",
    "R | Kommundirektören | represents | kommunen i nätverket för nordiska kommuner",
    "R | Nämnderna | reports | sitt internationella arbete till kommunstyrel",
    "O | report | annually | Nämnderna | Varje nämnd redovisar sitt internationella ar",
    "R | Kommunstyrelsen | monitors | policyn varje år",
    "R | Kommunstyrelsen | reports | resultatet till kommunfullmäktige",
    "O | revise | mandate_period |  | Policyn ska revideras en gång varje mandatper",
]

# A Word document: heading styles (English and Swedish names), a manually numbered heading,
# a list, a table, and a page header/footer that is not body text.
VASTERBY_DOCX: dict[str, Any] = {
    "header": "Västerby kommun | Strategi för internationellt arbete",
    "footer": "Sida 1",
    "blocks": [
        ("Title", "Strategi för internationellt arbete i Västerby kommun"),
        ("Normal", "Antagen av kommunfullmäktige 2023-02-13, § 12"),
        ("Heading 1", "1. Syfte"),
        ("Normal", "Strategin ska ge kommunens internationella arbete en gemensam inriktning."),
        ("Heading 1", "2. Ansvar"),
        ("Heading 2", "2.1 Politiska organ"),
        ("Normal", "Kommunstyrelsen samordnar det internationella arbetet i kommunen."),
        ("table", [["Organ", "Ansvar"],
                   ["Socialnämnden", "Beslutar om deltagande i europeiska projekt."],
                   ["Kommunfullmäktige", "Antar strategin."]]),
        ("Rubrik 2", "2.2 Förvaltningar"),
        ("Normal", "Förvaltningscheferna ansvarar för att"),
        ("List Bullet", "utse en kontaktperson för internationella frågor,"),
        ("List Bullet", "sprida erfarenheter från utbyten inom förvaltningen."),
        ("Heading 1", "3. Uppföljning"),
        ("Normal", "Strategin ska revideras vart fjärde år."),
    ],
}
VASTERBY_TITLE = "Strategi för internationellt arbete i Västerby kommun"
VASTERBY_SECTIONS = ["Syfte", "Politiska organ", "Förvaltningar", "Uppföljning"]
VASTERBY_FACTS = [
    "R | Kommunstyrelsen | coordinates | det internationella arbetet i kommunen",
    "R | Socialnämnden | decides | deltagande i europeiska projekt",
    "R | Kommunfullmäktige | adopts | strategin",
    "R | Förvaltningschefen | responsible | utse en kontaktperson för internationella frå",
    "R | Förvaltningschefen | responsible | sprida erfarenheter från utbyten inom förvalt",
    "O | revise | every_4_years |  | Strategin ska revideras vart fjärde år",
]
