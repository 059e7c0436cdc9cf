"""Invented municipal web pages, as saved from a browser, with what a reader counts as content.

Written by hand for the tests (no real page is copied): the same article in three kinds of
markup that municipal sites use: semantic HTML5 (header/nav/main/aside/footer), "div soup" where
only class names tell menus from text, and a CMS layout with the article toolbar, related links
and a feedback form inside the content column. ``CONTENT`` lists every line a reader needs;
``CHROME`` lists site furniture that must not reach the stored text.
"""

from __future__ import annotations

ARTICLE_TITLE = "Internationellt arbete"
INTRO = (
    "Ekby kommun samarbetar med kommuner och regioner i andra länder för att utveckla "
    "välfärden och stärka det lokala näringslivet."
)
H_RESPONSIBILITY = "Ansvar och organisation"
P_RESPONSIBILITY = (
    "Kommunfullmäktige beslutar om nya vänortsavtal. Kommunstyrelsen ansvarar för att "
    "samordna det internationella arbetet och följer upp det varje år."
)
H_GOALS = "Mål för det internationella arbetet"
GOAL_LEAD = "Arbetet ska bidra till att:"
GOALS = (
    "fler unga får erfarenhet av utbyten i Europa",
    "kommunens verksamheter söker EU-medel för sin utveckling",
    "erfarenheter från utbyten sprids i hela organisationen",
)
H_TWINS = "Våra vänorter"
TABLE = (("Vänort", "Land", "Sedan"), ("Norrvik", "Norge", "1952"), ("Saaren", "Finland", "1968"))
P_REPORT = "Varje nämnd redovisar sina internationella kontakter i verksamhetsberättelsen."

CONTENT = (
    ARTICLE_TITLE, INTRO, H_RESPONSIBILITY, P_RESPONSIBILITY, H_GOALS, GOAL_LEAD, *GOALS,
    H_TWINS, *(" | ".join(row) for row in TABLE), P_REPORT,
)  # fmt: skip
HEADINGS = (ARTICLE_TITLE, H_RESPONSIBILITY, H_GOALS, H_TWINS)

CHROME = (
    "Vi använder kakor",
    "Godkänn alla kakor",
    "Hoppa till innehållet",
    "Lyssna",
    "Dela",
    "Skriv ut",
    "Startsida",
    "Kommun och politik",
    "Bygga och bo",
    "Omsorg och hjälp",
    "Näringsliv och arbete",
    "Kommunhuset, Storgatan 1",
    "0123-45 67 89",
    "Öppettider",
    "Måndag–fredag 08.00–16.00",
    "Senast uppdaterad",
    "Hittade du det du sökte?",
    "Tack för din återkoppling",
    "Relaterade sidor",
    "Följ oss på Facebook",
)


def _article_body() -> str:
    goals = "".join(f"<li>{goal}</li>" for goal in GOALS)
    head, *rows = TABLE
    table = "<tr>" + "".join(f"<th>{c}</th>" for c in head) + "</tr>" + "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"""
<p class="lead">{INTRO}</p>
<h2>{H_RESPONSIBILITY}</h2>
<p>{P_RESPONSIBILITY}</p>
<h2>{H_GOALS}</h2>
<p>{GOAL_LEAD}</p>
<ul>{goals}</ul>
<h2>{H_TWINS}</h2>
<table>{table}</table>
<p>{P_REPORT}</p>"""


_MENU = """
<li><a href="/kommun-och-politik">Kommun och politik</a></li>
<li><a href="/bygga-och-bo">Bygga och bo</a></li>
<li><a href="/omsorg-och-hjalp">Omsorg och hjälp</a></li>
<li><a href="/naringsliv-och-arbete">Näringsliv och arbete</a></li>"""

_FOOTER = """
<h2>Ekby kommun</h2>
<p>Kommunhuset, Storgatan 1<br>123 45 Ekby</p>
<p>Telefon: 0123-45 67 89</p>
<h3>Öppettider</h3>
<p>Måndag–fredag 08.00–16.00</p>
<p><a href="https://facebook.example">Följ oss på Facebook</a></p>"""

_FEEDBACK = """
<form class="feedback"><fieldset><legend>Hittade du det du sökte?</legend>
<button>Ja</button><button>Nej</button></fieldset>
<p class="thanks" hidden>Tack för din återkoppling</p></form>"""

SEMANTIC = f"""<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>{ARTICLE_TITLE} - Ekby kommun</title></head>
<body>
<div class="cookie-banner" role="dialog"><p>Vi använder kakor för att webbplatsen ska fungera.</p>
<button>Godkänn alla kakor</button></div>
<a class="skip" href="#main">Hoppa till innehållet</a>
<header><a href="/">Ekby kommun</a><nav><ul>{_MENU}</ul></nav></header>
<nav aria-label="Brödsmulor"><ol><li><a href="/">Startsida</a></li>
<li><a href="/kommun-och-politik">Kommun och politik</a></li><li>{ARTICLE_TITLE}</li></ol></nav>
<div class="layout">
<aside class="sidebar"><nav><ul>{_MENU}</ul></nav></aside>
<main id="main"><article>
<h1>{ARTICLE_TITLE}</h1>
<div class="tools"><button>Lyssna</button> <a href="#">Dela</a> <a href="#">Skriv ut</a></div>
{_article_body()}
</article>
<p class="updated">Senast uppdaterad 3 februari 2024</p>
{_FEEDBACK}
</main></div>
<footer>{_FOOTER}</footer>
</body></html>"""

DIV_SOUP = f"""<html><head><meta charset="utf-8"><title>{ARTICLE_TITLE}</title></head><body>
<div id="cookieConsent"><span>Vi använder kakor för att förbättra din upplevelse.</span>
<a href="#" class="btn">Godkänn alla kakor</a></div>
<div class="top"><a href="#content">Hoppa till innehållet</a>
<div class="logo"><a href="/">Ekby kommun</a></div>
<div class="menu"><ul>{_MENU}</ul></div></div>
<div class="breadcrumbs"><a href="/">Startsida</a> / <a href="/kommun-och-politik">Kommun och
politik</a> / <span>{ARTICLE_TITLE}</span></div>
<div class="wrapper">
<div class="left-menu"><ul>{_MENU}</ul></div>
<div class="content" id="content">
<div class="page-tools"><a href="#">Lyssna</a> <a href="#">Dela</a> <a href="#">Skriv ut</a></div>
<h1>{ARTICLE_TITLE}</h1>
{_article_body()}
<div class="page-date">Senast uppdaterad: 2024-02-03</div>
</div></div>
<div class="bottom">{_FOOTER}</div>
</body></html>"""

CMS = f"""<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">
<title>{ARTICLE_TITLE}</title></head><body>
<div class="sv-layout" id="svid10_1">
<div class="sv-cookie"><p>Vi använder kakor. Läs mer om kakor.</p>
<button>Godkänn alla kakor</button><button>Endast nödvändiga</button></div>
<div class="sv-layout header"><a href="#main">Hoppa till innehållet</a>
<ul class="sv-menu">{_MENU}</ul></div>
<div class="sv-layout"><div class="sv-column-3"><ul class="sv-menu">{_MENU}</ul></div>
<div class="sv-column-9" id="main"><div class="sv-text-portlet">
<ul class="crumbs"><li><a href="/">Startsida</a></li>
<li><a href="/kommun-och-politik">Kommun och politik</a></li></ul>
<h1>{ARTICLE_TITLE}</h1>
<div class="sv-listen"><a href="#">Lyssna</a></div>
<div class="sv-share"><a href="#">Dela</a> <a href="#">Skriv ut</a></div>
{_article_body()}
</div>
<div class="related"><h2>Relaterade sidor</h2><ul>{_MENU}</ul></div>
<div class="sv-text-portlet"><p>Senast uppdaterad 2024-02-03</p></div>
{_FEEDBACK}
</div></div>
<div class="sv-layout footer">{_FOOTER}</div>
</div></body></html>"""

PAGES = {"semantic": SEMANTIC, "div-soup": DIV_SOUP, "cms": CMS}
