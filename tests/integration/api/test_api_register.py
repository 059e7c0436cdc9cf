"""The register over real HTTP: the form, a draft from one line, saving, lists, the annual report.

What is stored is read back twice: through the API and directly through the ``RegisterService``
the server writes with (the same SQLite file), so a 201 that stored nothing, or a refusal that
stored something, cannot pass.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pytest
from api_harness import COORDINATOR, OUTSIDER, RunningApi, error

from bot.activity_desk import FORM_FIELDS
from register.schemas import REQUIRED

pytestmark = pytest.mark.integration

LINE = ("Utbyte med Alleröd kommun, Danmark, 21–23 september 2026, 6 lärare, "
        "Gymnasienämnden, Erasmus+")


def activity(**changes: str) -> dict[str, str]:
    """Form fields as a person types them, Swedish words where a form shows Swedish."""
    fields = {"municipality": "Eksjö", "title": "Språkläger i Lübeck",
              "committee": "Kultur- och fritidsnämnden", "kind": "utbyte", "form": "eu_project",
              "status": "planerad", "partner_city": "Lübeck", "country": "Tyskland",
              "start_date": "2026-08-10", "end_date": "2026-08-14", "participants": "18",
              "target_group": "youth", "programme": "Erasmus+"}
    fields.update(changes)
    return fields


def save(api: RunningApi, fields: dict[str, str], actor: str = COORDINATOR,
         **extra: Any) -> Any:
    return api.client.post("/v1/register/activities",
                           json={"actor": actor, "fields": fields, **extra})


@pytest.mark.parametrize(("language", "committee", "kind_label"), [
    ("sv", "Nämnd/förvaltning", "Utbyte"), ("en", "Committee", "Exchange")])
def test_the_form_lists_its_fields_in_order_with_labels_and_choices(
        api: RunningApi, language: str, committee: str, kind_label: str) -> None:
    reply = api.client.get("/v1/register/form", params={"language": language})
    assert reply.status_code == 200, reply.text
    fields = {f["name"]: f for f in reply.json()["fields"]}
    assert list(fields) == list(FORM_FIELDS)
    assert {n for n, f in fields.items() if f["required"]} == set(REQUIRED)
    assert committee in (fields["committee"]["label_sv"], fields["committee"]["label_en"])
    assert fields["committee"]["type"] == "choice"
    assert "Gymnasienämnden" in [c["value"] for c in fields["committee"]["choices"]]
    kinds = {c["value"]: c["label"] for c in fields["kind"]["choices"]}
    assert kinds["exchange"] == kind_label
    assert (fields["start_date"]["type"], fields["participants"]["type"],
            fields["purpose"]["type"], fields["title"]["type"]) == (
        "date", "number", "long_text", "text")


def test_the_form_refuses_an_unknown_language(api: RunningApi) -> None:
    error(api.client.get("/v1/register/form", params={"language": "de"}), 422, "bad_request")


def test_writers_are_the_configured_coordinators(api: RunningApi) -> None:
    yes = api.client.get(f"/v1/register/writers/{COORDINATOR}")
    assert yes.status_code == 200 and yes.json() == {"may_write": True, "message": None}
    no = api.client.get(f"/v1/register/writers/{OUTSIDER}")
    assert no.status_code == 200 and no.json()["may_write"] is False
    assert OUTSIDER not in no.json()["message"] and "samordnare" in no.json()["message"]
    english = api.client.get(f"/v1/register/writers/{OUTSIDER}", params={"language": "en"})
    assert "only register coordinators" in english.json()["message"]
    odd = api.client.get("/v1/register/writers/not-an-actor")
    assert odd.status_code == 200 and odd.json()["may_write"] is False


def test_a_swedish_line_becomes_a_draft(api: RunningApi, corpus_text: str) -> None:
    reply = api.client.post("/v1/register/drafts", json={
        "actor": COORDINATOR, "text": LINE, "municipality": "Eksjö"})
    assert reply.status_code == 200, reply.text
    draft = reply.json()
    values = draft["values"]
    assert values["municipality"] == "Eksjö" and values["committee"] == "Gymnasienämnden"
    assert (values["country"], values["start_date"], values["end_date"]) == (
        "Danmark", "2026-09-21", "2026-09-23")
    assert values["participants"] == "6" and values["programme"] == "Erasmus+"
    assert (values["kind"], values["form"], values["target_group"]) == (
        "exchange", "eu_project", "staff")
    assert values["title"] == "Utbyte med Alleröd kommun" and values["partner_city"] == "Alleröd"
    assert draft["missing"] == [] and draft["not_understood"] == []
    assert any("Erasmus+" in a for a in draft["assumptions"])
    assert draft["goals"], "the policy's goals such an exchange may serve"
    assert all(g["reference"] and g["citation"].startswith("Eksjö") for g in draft["goals"])
    assert all(g["text"] in corpus_text for g in draft["goals"])
    english = api.client.post("/v1/register/drafts", json={
        "text": LINE, "municipality": "Eksjö", "language": "en"})
    assert english.json()["values"]["country"] == "Denmark"


def test_an_empty_line_is_an_empty_draft_with_the_municipality(api: RunningApi) -> None:
    reply = api.client.post("/v1/register/drafts", json={"text": "", "municipality": "Ale"})
    assert reply.status_code == 200 and reply.json()["values"] == {"municipality": "Ale"}


def test_a_draft_for_a_non_coordinator_is_refused(api: RunningApi) -> None:
    refusal = error(api.client.post("/v1/register/drafts", json={"actor": OUTSIDER, "text": LINE}),
                    403, "forbidden")
    assert "bara registrets samordnare" in refusal["message"] and OUTSIDER not in refusal["message"]


def test_a_coordinator_saves_an_activity_that_reads_back_both_ways(api: RunningApi) -> None:
    reply = save(api, activity(), channel="teams:chat-7")
    assert reply.status_code == 201, reply.text
    saved = reply.json()
    assert saved["title"] == "Språkläger i Lübeck" and saved["country"] == "DE"
    assert saved["country_name"] == "Tyskland" and saved["status"] == "planned"
    assert saved["committee"] == "Kultur- och fritidsnämnden"
    listed = api.client.get("/v1/register/activities", params={"year": 2026, "language": "en"})
    assert listed.status_code == 200
    [found] = [a for a in listed.json()["activities"] if a["id"] == saved["id"]]
    assert found["country_name"] == "Germany" and found["status_label"] == "Planned"
    stored = api.register.get(saved["id"])
    assert (stored.title, stored.country, stored.participants, stored.municipality) == (
        "Språkläger i Lübeck", "DE", 18, "Eksjö")
    assert (stored.start_date, stored.end_date) == (dt.date(2026, 8, 10), dt.date(2026, 8, 14))
    assert stored.logged_by == COORDINATOR and stored.channel == "teams:chat-7"
    assert stored.programme == "Erasmus+"
    assert [a.id for a in api.register.search(text="Lübeck")] == [saved["id"]]


def test_a_drafted_line_with_a_ticked_goal_is_saved_with_the_goal(api: RunningApi) -> None:
    draft = api.client.post("/v1/register/drafts", json={
        "actor": COORDINATOR, "text": LINE, "municipality": "Eksjö"}).json()
    fields = draft["values"]
    goals = [draft["goals"][0]["reference"]]
    reply = save(api, fields, goals=goals)
    assert reply.status_code == 201, reply.text
    stored = api.register.get(reply.json()["id"])
    assert stored.country == "DK" and stored.committee == "Gymnasienämnden"
    assert list(stored.goals) == goals


def test_a_non_coordinator_is_refused_and_nothing_is_stored(api: RunningApi) -> None:
    before = api.register.search()
    refusal = error(save(api, activity(title="Otillåtet besök"), actor=OUTSIDER), 403,
                    "forbidden")
    assert "Du får inte registrera" in refusal["message"] and refusal["language"] == "sv"
    assert OUTSIDER not in refusal["message"] and "UGUEST" not in refusal["message"]
    assert api.register.search() == before and api.register.search(text="Otillåtet") == []


def test_an_end_before_the_start_is_a_422_on_that_field_and_nothing_is_stored(
        api: RunningApi) -> None:
    before = api.register.search()
    reply = save(api, activity(title="Baklängesresan", end_date="2026-08-01"))
    refusal = error(reply, 422, "validation_failed")
    assert [f["field"] for f in refusal["fields"]] == ["end_date"]
    assert "innan den börjar" in refusal["fields"][0]["message"]  # Swedish unless asked
    english = api.client.post("/v1/register/activities", params={"language": "en"}, json={
        "actor": COORDINATOR, "fields": activity(title="Baklängesresan", end_date="2026-08-01")})
    refused = error(english, 422, "validation_failed")
    assert refused["language"] == "en" and "before it starts" in refused["fields"][0]["message"]
    assert "The activity was not saved" in refused["message"]
    assert api.register.search() == before


def test_missing_required_fields_and_unreadable_values_are_each_listed(
        api: RunningApi) -> None:
    before = api.register.search()
    reply = save(api, {"title": "Något utan det mesta", "participants": "ett tjog"})
    refusal = error(reply, 422, "validation_failed")
    assert [f["field"] for f in refusal["fields"]] == ["participants"]
    incomplete = error(save(api, {"title": "Något utan det mesta"}), 422, "validation_failed")
    named = {f["field"] for f in incomplete["fields"]}
    assert set(REQUIRED) - {"title"} <= named
    assert all(f["message"] for f in incomplete["fields"])
    unknown = error(save(api, activity(committee="Rymdnämnden")), 422, "validation_failed")
    assert [f["field"] for f in unknown["fields"]] == ["committee"]
    assert api.register.search() == before


def test_a_completed_exchange_without_its_report_is_a_follow_up(api: RunningApi) -> None:
    reply = save(api, activity(title="Elevutbyte i Tartu", status="genomförd",
                               country="Estland", partner_city="Tartu",
                               start_date="2026-03-02", end_date="2026-03-06"))
    assert reply.status_code == 201, reply.text
    activity_id = reply.json()["id"]
    follow_ups = api.client.get("/v1/register/follow-ups", params={"municipality": "Eksjö"})
    assert follow_ups.status_code == 200
    [mine] = [f for f in follow_ups.json()["follow_ups"] if f["activity"]["id"] == activity_id]
    assert mine["activity"]["status"] == "completed" and "Lärdomar" in mine["missing"]
    english = api.client.get("/v1/register/follow-ups", params={"language": "en"})
    [again] = [f for f in english.json()["follow_ups"] if f["activity"]["id"] == activity_id]
    assert "Lessons learned" in again["missing"]
    planned = [f["activity"]["title"] for f in follow_ups.json()["follow_ups"]]
    assert "Språkläger i Lübeck" not in planned  # planned: nothing to report yet


def test_the_annual_report_as_markdown_and_docx(api: RunningApi) -> None:
    if not api.register.search(text="Lübeck"):
        assert save(api, activity()).status_code == 201
    markdown = api.client.get("/v1/register/reports/2026", params={"format": "markdown"})
    assert markdown.status_code == 200, markdown.text
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert "Språkläger i Lübeck" in markdown.text and "Kultur- och fritidsnämnden" in markdown.text
    assert int(markdown.headers["x-activities"]) == len(api.register.search(year=2026))
    assert 'filename="internationella-aktiviteter-2026.md"' in markdown.headers[
        "content-disposition"]
    docx = api.client.get("/v1/register/reports/2026", params={"format": "docx"})
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert docx.headers["content-type"].startswith("application/vnd.openxmlformats")
    with zipfile.ZipFile(io.BytesIO(docx.content)) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "Språkläger i Lübeck" in document
    empty = api.client.get("/v1/register/reports/2031", params={"format": "markdown"})
    assert empty.status_code == 200 and empty.headers["x-activities"] == "0"


def test_a_report_in_an_unknown_format_or_year_is_refused(api: RunningApi) -> None:
    error(api.client.get("/v1/register/reports/2026", params={"format": "pdf"}), 422,
          "bad_request")
    assert api.client.get("/v1/register/reports/3000").status_code == 404
    error(api.client.get("/v1/register/reports/next-year"), 422, "bad_request")
