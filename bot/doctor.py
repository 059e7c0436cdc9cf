"""`policyguide doctor`: each configured service, tried, and what is wrong in plain words.

Settings are already validated when this runs; here every part the settings name is reached
the way the product reaches it: the knowledge store (on disk or a Chroma server), the
embedding model (one embedding), the register database (a query, and its schema revision
against the newest), the LLM endpoint if one is configured (its model list), Slack if a token
is set (auth.test), and the API keys the core API needs. Nothing is changed: the database is
not migrated and nothing is ingested.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import httpx

from bot.settings import Settings


@dataclass(frozen=True)
class Finding:
    part: str
    ok: bool
    detail: str
    needed: bool = True  # False: a remark that does not make the check fail


def diagnose(settings: Settings) -> list[Finding]:
    checks: list[tuple[str, Callable[[Settings], Finding]]] = [
        ("knowledge store", _store), ("embedding model", _embedder),
        ("register database", _database), ("LLM", _llm), ("Slack", _slack),
        ("core API keys", _api_keys)]
    found = []
    for part, check in checks:
        try:
            found.append(check(settings))
        except Exception as exc:  # any failure is a finding, said plainly
            found.append(Finding(part, False, f"{type(exc).__name__}: {_first_line(exc)}"))
    return found


def _first_line(exc: Exception) -> str:
    """An exception's first line, without the driver's repeated class name."""
    lines = str(exc).strip().splitlines() or [""]
    return lines[0].split(") ", 1)[-1][:200] if lines[0].startswith("(") else lines[0][:200]


def _store(settings: Settings) -> Finding:
    from knowledge.store import make_client

    where = (f"the Chroma server at {settings.chroma_host}:{settings.chroma_port}"
             if settings.chroma_mode == "http" else f"{settings.chroma_path} on disk")
    try:
        client = make_client(settings.chroma_mode, settings.chroma_path, settings.chroma_host,
                             settings.chroma_port)
        client.heartbeat()
        names = [c.name for c in client.list_collections()
                 if c.name.startswith(settings.collection_prefix)]
    except Exception as exc:
        hint = (" Is `chroma run --host … --port …` running there?"
                if settings.chroma_mode == "http" else " Check that the folder is writable.")
        return Finding("knowledge store", False,
                       f"cannot open {where} ({type(exc).__name__}: {_first_line(exc)}).{hint}")
    if not names:
        return Finding("knowledge store", True, f"{where} is reachable but holds no policies "
                       "yet; they are ingested on first use (or run `policyguide ingest`).")
    return Finding("knowledge store", True, f"{where}: {len(names)} collections")


def _embedder(settings: Settings) -> Finding:
    from knowledge.embeddings import build_embeddings, embeddings_name

    model = build_embeddings(settings.embedding_provider, settings.embedding_model)
    vector = model.embed_query("Vem beslutar om vänortsavtal?")
    return Finding("embedding model", True,
                   f"{embeddings_name(model)} loads and embeds ({len(vector)} dimensions)")


def _database(settings: Settings) -> Finding:
    from alembic.script import ScriptDirectory
    from sqlalchemy import text

    from bot.wiring_register import database_url
    from register.db import alembic_config, current_revision, make_engine

    url = database_url(settings)
    engine = make_engine(url)
    shown = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        current = current_revision(engine)
    except Exception as exc:
        return Finding("register database", False,
                       f"cannot connect to {shown} ({type(exc).__name__}: {_first_line(exc)}). "
                       "Check POLICYGUIDE_DATABASE_URL, and that the server runs and admits "
                       "this user.")
    finally:
        engine.dispose()
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if current != head:
        return Finding("register database", True,
                       f"{shown} is reachable; its schema is at {current or 'nothing yet'}, the "
                       f"newest is {head}: it is migrated when the register is first opened "
                       "(or run `alembic upgrade head`).")
    return Finding("register database", True, f"{shown}, schema at the newest revision {head}")


def _llm(settings: Settings) -> Finding:
    if settings.llm_provider == "none":
        return Finding("LLM", True, "none configured: answers are extractive", needed=False)
    base = settings.llm_base_url.rstrip("/")
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else ""
    if settings.llm_provider == "ollama":
        url, headers = f"{base}/api/tags", {}
    elif settings.llm_provider == "azure-openai":
        url = f"{base}/openai/deployments/{settings.llm_model}?api-version=" \
              f"{settings.llm_api_version}"
        headers = {"api-key": key}
    else:
        url, headers = f"{base}/models", ({"Authorization": f"Bearer {key}"} if key else {})
    try:
        reply = httpx.get(url, headers=headers, timeout=min(settings.llm_timeout_s, 10))
    except httpx.HTTPError as exc:
        return Finding("LLM", False, f"cannot reach {base} ({type(exc).__name__}); answers "
                       "fall back to extractive until it answers.")
    if reply.status_code in (401, 403):
        return Finding("LLM", False, f"{base} refuses the key (HTTP {reply.status_code}); "
                       "check POLICYGUIDE_LLM_API_KEY.")
    if reply.status_code >= 400:
        return Finding("LLM", False, f"{base} answered HTTP {reply.status_code} to {url}; "
                       "check POLICYGUIDE_LLM_BASE_URL and _MODEL.")
    listed = reply.text
    if settings.llm_provider != "azure-openai" and settings.llm_model not in listed:
        return Finding("LLM", False, f"{base} is reachable but does not list the model "
                       f"{settings.llm_model!r}; check POLICYGUIDE_LLM_MODEL.")
    return Finding("LLM", True, f"{settings.llm_provider} at {base}, model "
                   f"{settings.llm_model}")


def _slack(settings: Settings) -> Finding:
    if settings.slack_bot_token is None:
        return Finding("Slack", True, "no bot token set (the Slack bot is not configured)",
                       needed=False)
    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError

    client = WebClient(token=settings.slack_bot_token.get_secret_value(),
                       base_url=settings.slack_api_url, timeout=10)
    try:
        who = client.auth_test()
    except SlackApiError as exc:
        return Finding("Slack", False, f"Slack refuses the bot token ({exc.response['error']}); "
                       "check POLICYGUIDE_SLACK_BOT_TOKEN.")
    except Exception as exc:
        return Finding("Slack", False, f"cannot reach {settings.slack_api_url} "
                       f"({type(exc).__name__}).")
    return Finding("Slack", True, f"the token works for {who.get('team', '?')} as "
                   f"{who.get('user', '?')}")


def _api_keys(settings: Settings) -> Finding:
    keys = [k for k in settings.api_keys if k.get_secret_value().strip()]
    if not keys:
        return Finding("core API keys", True, "none set: `policyguide serve` (and so the Teams "
                       "bot) will not start until POLICYGUIDE_API_KEYS is set", needed=False)
    return Finding("core API keys", True, f"{len(keys)} configured")
