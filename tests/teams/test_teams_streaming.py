"""A generated answer in Teams: the draft streams (typing + streaminfo) in personal chat and
the answer card ends the stream; in a channel only the card comes. The core API runs as its
own process with an LLM configured: the scripted OpenAI-compatible stand-in."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from conftest import BOT_ID, REPO, Teams, card_of, texts_of
from harness import bot_settings, start_core
from standins import Served, StandIn

sys.path.insert(0, str(REPO / "tests" / "integration" / "llm"))
from llm_standin import LlmStandIn, Reply  # noqa: E402

from bot.teams.server import build_server  # noqa: E402

QUESTION = "Vem beslutar om medlemskap i internationella nätverk i Eksjö?"
GOOD = ("Det är kommunstyrelsen som beslutar om medlemskap i internationella nätverk och "
        "organisationer [1].")


@pytest.fixture(scope="module")
def llm() -> Iterator[LlmStandIn]:
    standin = LlmStandIn().start()
    yield standin
    standin.stop()


@pytest.fixture(scope="module")
def generating_core(tmp_path_factory: pytest.TempPathFactory, llm: LlmStandIn) -> Iterator[str]:
    url, process = start_core(tmp_path_factory.mktemp("core-llm"),
                              POLICYGUIDE_EMBEDDING_PROVIDER="hashing",
                              POLICYGUIDE_LLM_PROVIDER="openai-compatible",
                              POLICYGUIDE_LLM_BASE_URL=llm.url, POLICYGUIDE_LLM_MODEL="scripted")
    yield url
    process.terminate()
    process.wait(30)


@pytest.fixture
def teams(generating_core: str, standin: StandIn) -> Iterator[Teams]:
    standin.reset()
    served = Served(build_server(bot_settings(generating_core, standin)))
    client = Teams(served.url, standin, generating_core)
    yield client
    client.http.close()
    served.close()


def stream_info(body: dict[str, object]) -> dict[str, object]:
    entities = body.get("entities") or []
    assert isinstance(entities, list)
    return next(e for e in entities if e.get("type") == "streaminfo")


def test_a_personal_question_streams_its_draft_and_the_card_ends_the_stream(
        teams: Teams, llm: LlmStandIn) -> None:
    llm.script(Reply(GOOD, delay_s=0.2))  # about 3 s of writing: several updates
    sent = teams.say(QUESTION)
    drafts, final = sent[:-1], sent[-1]
    assert len(drafts) >= 2 and all(d.body["type"] == "typing" for d in drafts)
    infos = [stream_info(d.body) for d in drafts]
    assert [i["streamSequence"] for i in infos] == list(range(1, len(drafts) + 1))
    assert all(i["streamType"] == "streaming" for i in infos)
    assert "Utkast" in str(drafts[0].body["text"])
    stream_id = infos[1]["streamId"]
    assert stream_id and all(i["streamId"] == stream_id for i in infos[1:])
    end = stream_info(final.body)
    assert end["streamType"] == "final" and end["streamId"] == stream_id
    card = card_of(final)
    assert any(GOOD in t for t in texts_of(card))
    assert any("Kommunstyrelsen beslutar om medlemskap" in t for t in texts_of(card))


def test_a_refused_draft_ends_in_the_extractive_card(teams: Teams, llm: LlmStandIn) -> None:
    llm.script(Reply("Kommunfullmäktige beslutar om medlemskap i nätverk [1].", delay_s=0.3))
    sent = teams.say(QUESTION)
    assert sent[0].body["type"] == "typing" and "Kommunfullmäktige" in str(sent[0].body["text"])
    shown = " ".join(texts_of(card_of(sent[-1])))
    assert stream_info(sent[-1].body)["streamType"] == "final"
    assert "Kommunstyrelsen" in shown and "Kommunfullmäktige beslutar om medlemskap" not in shown


def test_a_channel_gets_only_the_final_card(teams: Teams, llm: LlmStandIn) -> None:
    llm.script(GOOD)
    chain = "19:llm-kanal@thread.tacv2;messageid=1700000001"
    activity = teams.activity(
        text=f"<at>Policyguide</at> {QUESTION}", conversation=chain, conversation_type="channel",
        entities=[{"type": "mention", "text": "<at>Policyguide</at>",
                   "mentioned": {"id": BOT_ID, "name": "Policyguide"}}])
    assert teams.post(activity).status_code == 202
    [sent] = teams.standin.replies(chain)
    assert not [e for e in sent.body.get("entities") or [] if e.get("type") == "streaminfo"]
    assert any(GOOD in t for t in texts_of(card_of(sent)))
