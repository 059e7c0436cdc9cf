"""The Teams adapter's one settings object (``POLICYGUIDE_TEAMS_*``), validated at start.

Production needs the Azure Bot registration's app id, its client secret and the tenant; the
OpenID metadata, token and connector hosts default to Microsoft's and are settings only so that
tests can point them at local stand-ins while keeping every check switched on.
"""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"
BOT_FRAMEWORK_METADATA = "https://login.botframework.com/v1/.well-known/openidconfiguration"
TOKEN_SCOPE = "https://api.botframework.com/.default"


class TeamsSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POLICYGUIDE_TEAMS_", env_file=".env",
                                      extra="ignore")

    app_id: str = Field(description="The Azure Bot's Microsoft App ID (the JWT audience).")
    app_password: SecretStr = Field(description="The app registration's client secret.")
    tenant_id: str = Field(description="The Microsoft Entra tenant (single-tenant bot).")
    api_url: str = Field("http://127.0.0.1:8080", description="The core API (policyguide serve).")
    api_key: SecretStr = Field(description="One of the core API's POLICYGUIDE_API_KEYS.")
    openid_metadata_url: str = BOT_FRAMEWORK_METADATA
    token_url: str | None = Field(
        None, description="Client-credentials endpoint; default the tenant's login endpoint.")
    issuers: list[str] = Field(
        default_factory=list,
        description="Extra accepted JWT issuers, signed by the same metadata's keys (rarely "
                    "needed: sovereign clouds).")
    channel_id: str = Field("msteams", description="The only channel the bot accepts.")
    service_hosts: list[str] = Field(
        default_factory=lambda: ["smba.trafficmanager.net", "*.botframework.com"],
        description="Hosts an activity's serviceUrl may name (replies go there).")
    check_service_hosts: bool = Field(
        True, description="Reply only to https connectors on service_hosts. Off only for a "
                          "local stand-in on plain http (tests).")
    service_url: str = Field(
        "https://smba.trafficmanager.net/teams/",
        description="The Bot Connector for proactive messages (reminders).")
    host: str = "127.0.0.1"
    port: int = 3978
    public_url: str | None = Field(
        None, description="The bot's public https base URL, for report links.")
    link_secret: SecretStr | None = Field(
        None, description="Signs report links; default derived from the app password.")
    link_ttl_s: int = Field(3600, ge=60, le=7 * 86400)
    coordinators: dict[str, str] = Field(
        default_factory=dict,
        description="Municipality (or '*') → 'Name|aadObjectId' of the international coordinator "
                    "whom 'Fråga en människa' @mentions.")
    max_question_chars: int = Field(2000, ge=10)
    api_timeout_s: float = Field(30.0, gt=0)

    @field_validator("app_id", "tenant_id")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value.strip()

    @model_validator(mode="after")
    def _coordinators_well_formed(self) -> TeamsSettings:
        for municipality, who in self.coordinators.items():
            name, _, object_id = who.partition("|")
            if not name.strip() or not object_id.strip():
                raise ValueError(f"coordinator for {municipality!r} must read 'Name|aadObjectId'")
        return self

    @property
    def token_endpoint(self) -> str:
        return self.token_url or (
            f"https://login.microsoftonline.com/{self.tenant_id}/oauth2/v2.0/token")

    @property
    def accepted_issuers(self) -> list[str]:
        """The Bot Framework's issuer, the only one Teams uses for channel → bot requests.

        Not the tenant's own Entra issuers: any app in the tenant can get such a token for our
        app id, so accepting them would let it forge activities."""
        return [BOT_FRAMEWORK_ISSUER, *self.issuers]

    def coordinator(self, municipality: str | None) -> tuple[str, str] | None:
        """(display name, aadObjectId) of the municipality's coordinator, if configured."""
        folded = {k.casefold(): v for k, v in self.coordinators.items()}
        found = folded.get((municipality or "").casefold()) or folded.get("*")
        if found is None:
            return None
        name, _, object_id = found.partition("|")
        return name.strip(), object_id.strip()
