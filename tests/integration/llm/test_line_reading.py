"""With an LLM configured, a line the rules cannot fully read is read by the model too; only
values the line states are kept (the model is the scripted stand-in over HTTP)."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator

import pytest
from llm_standin import LlmStandIn, Reply

from bot.line_reading import LineReader
from knowledge.generation.chat import ModelSettings, build_chat_model

KNOWN = ["Kommunstyrelsen", "Barn- och utbildningsnämnden", "Kultur- och fritidsnämnden"]
# "vänskapsbesök" is no kind word the rules know, and "Skopje" follows no kind
LINE = "vänskapsbesök Skopje, Nordmakedonien, 2026-10-12, kultur- och fritidsnämnden"


@pytest.fixture
def reader(llm: LlmStandIn) -> Iterator[LineReader]:
    model = build_chat_model(ModelSettings("openai-compatible", llm.url, "scripted", "k"))
    yield LineReader(model)


def test_grounded_values_from_the_model_fill_what_the_rules_left(
        reader: LineReader, llm: LlmStandIn) -> None:
    rules = LineReader().read(LINE, municipality="Eksjö", known_committees=KNOWN)
    assert rules.draft.kind is None  # and the partner is assumed to be "vänskapsbesök Skopje"
    llm.script(json.dumps({"kind": "twin_town", "partner_city": "Skopje", "country": "MK",
                           "start_date": "2026-10-12", "participants": 14,
                           "committee": "Kultur- och fritidsnämnden"}))
    read = reader.read(LINE, municipality="Eksjö", known_committees=KNOWN)
    d = read.draft
    assert (d.kind.value if d.kind else None, d.partner_city) == ("twin_town", "Skopje")
    assert d.country == "MK" and d.start_date == dt.date(2026, 10, 12)
    assert d.participants is None  # 14 is not in the line
    assert d.title == "Vänortssamarbete med Skopje" and d.form is not None  # inferred again
    assert any("tolkat av språkmodellen" in a for a in read.assumptions)
    prompt = llm.requests[0]["body"]["messages"][1]["content"]
    assert LINE in prompt and "Kultur- och fritidsnämnden" in prompt


def test_invented_names_and_unknown_codes_are_dropped(reader: LineReader,
                                                      llm: LlmStandIn,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.line_reading")
    llm.script(json.dumps({"partner_city": "Ohrid", "kind": "friendship_visit",
                           "committee": "Socialnämnden", "start_date": "2027-10-12"}))
    d = reader.read(LINE, municipality="Eksjö", known_committees=KNOWN).draft
    assert d.partner_city == "vänskapsbesök Skopje"  # the rules' assumption stands
    assert d.kind is None and d.start_date == dt.date(2026, 10, 12)
    assert d.committee == "Kultur- och fritidsnämnden"  # the rules' reading is never replaced
    assert "Ohrid" in caplog.text and "dropped" in caplog.text


@pytest.mark.parametrize("reply", [Reply("Jag kan inte läsa raden."), Reply(status=500),
                                   Reply('{"kind": "twin', cut_after=1)])
def test_a_failing_model_leaves_the_rules_draft(reader: LineReader, llm: LlmStandIn,
                                                reply: Reply) -> None:
    llm.script(reply)
    read = reader.read(LINE, municipality="Eksjö", known_committees=KNOWN)
    rules = LineReader().read(LINE, municipality="Eksjö", known_committees=KNOWN)
    assert read.draft == rules.draft and read.assumptions == rules.assumptions


def test_a_line_the_rules_read_whole_is_not_sent(reader: LineReader, llm: LlmStandIn) -> None:
    llm.script("{}")
    line = ("utbyte med Tartu, Estland, 3–7 maj 2026, 20 elever, barn- och "
            "utbildningsnämnden, Erasmus+")
    read = reader.read(line, municipality="Eksjö", known_committees=KNOWN)
    assert read.missing == [] and read.not_understood == [] and llm.requests == []
