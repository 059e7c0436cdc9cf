"""The Block Kit briefing: three parts, every fact's section, and Slack's limits kept."""

from __future__ import annotations

from typing import Any

import pytest

from bot.slack.render import MAX_BLOCKS, MAX_SECTION
from bot.slack.render_briefing import briefing_blocks, briefing_message, home_setup_view, home_view
from knowledge.facts import Briefing, Fact, FactKind


def fact(n: int, kind: FactKind, **values: Any) -> Fact:
    return Fact(id=f"f{n}", kind=kind, municipality="Eksjö", doc_id="eksjo", document="Policy",
                section=f"Avsnitt {n}", quote="q", start=n, end=n + 1, **values)


def briefing(goals: int = 2, duties: int = 2, obligations: int = 2, size: int = 40) -> Briefing:
    text = "ord " * (size // 4)
    return Briefing(
        "Eksjö", "Internationell policy för Eksjö kommun", "KF 2020-04-23",
        tuple(fact(i, "goal", goal_kind="overall", object=f"Mål {i} {text}")
              for i in range(goals)),
        tuple(fact(100 + i, "responsibility", actor="Kommunstyrelsen", action="decides",
                   object=f"Sak {i} {text}") for i in range(duties)),
        tuple(fact(200 + i, "obligation", actor="Kommunstyrelsen", when="annually",
                   object=f"Rapport {i}", recipient="KF", contents=("mål", "resultat"))
              for i in range(obligations)))


def all_text(blocks: list[dict[str, Any]]) -> str:
    out = []
    for b in blocks:
        if b["type"] in ("section", "header"):
            out.append(b["text"]["text"])
        elif b["type"] == "context":
            out.extend(e["text"] for e in b["elements"])
    return "\n".join(out)


def test_three_parts_each_fact_with_its_section_and_rhythm() -> None:
    blocks = briefing_blocks(briefing())
    text = all_text(blocks)
    assert blocks[0]["type"] == "header" and "Introduktion: Eksjö" in text
    for title in ("*Mål och syfte*", "*Vem beslutar och gör vad*",
                  "*Uppföljning och redovisning*"):
        assert title in text
    for n in (0, 1, 100, 101, 200, 201):
        assert f"avsnitt «Avsnitt {n}»" in text
    assert "*Övergripande mål*: Mål 0" in text
    assert "*Kommunstyrelsen (KS)* beslutar: Sak 1" in text
    assert "*Årligen* – " in text and "→ KF" in text and "Innehåll: mål; resultat" in text


def test_an_empty_part_says_so_instead_of_disappearing() -> None:
    text = all_text(briefing_blocks(briefing(obligations=0)))
    assert "*Uppföljning och redovisning*\nPolicyn anger inget här." in text


@pytest.mark.parametrize("goals, size", [(400, 40), (60, 3000), (1, 20_000)])
def test_slack_limits_hold_and_the_rest_is_counted(goals: int, size: int) -> None:
    blocks = briefing_blocks(briefing(goals=goals, duties=goals, size=size))
    assert len(blocks) <= MAX_BLOCKS
    for b in blocks:
        if b["type"] == "section":
            assert len(b["text"]["text"]) <= MAX_SECTION
        if b["type"] == "context":
            assert all(len(e["text"]) <= 2000 for e in b["elements"])
    text = all_text(blocks)
    shown = text.count("avsnitt «Avsnitt ")
    hidden = sum(int(part.split(" till")[0]) for part in text.split("… och ")[1:])
    assert shown + hidden == 2 * goals + 2  # every fact is shown or counted
    if goals > 1:
        assert "se `policyguide onboard`" in text


def test_english_briefing_and_user_text_is_escaped() -> None:
    b = briefing()
    b = Briefing(b.municipality, "<b>Policy</b> & co", b.adopted, b.goals, b.responsibilities,
                 b.obligations)
    message = briefing_message(b, "en")
    text = all_text(message.blocks or [])
    assert message.text == "Briefing: Eksjö" and "*Goals and purpose*" in text
    assert "&lt;b&gt;Policy&lt;/b&gt; &amp; co" in text and "section «Avsnitt 0»" in text


def test_home_views() -> None:
    view = home_view(briefing())
    assert view["type"] == "home" and "/policy kommun" in all_text(view["blocks"])
    setup = home_setup_view(["Ale", "Eksjö"])
    assert setup["type"] == "home" and "Ale, Eksjö" in all_text(setup["blocks"])
