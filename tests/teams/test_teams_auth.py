"""Only the channel may talk to the bot: every activity's JWT is checked before anything runs."""

from __future__ import annotations

from conftest import Teams
from cryptography.hazmat.primitives.asymmetric import rsa
from standins import TENANT, WEBCHAT_KEY_ID


def question(teams: Teams) -> dict[str, object]:
    return teams.activity(text="Vem undertecknar ett nytt vänortsavtal?")


def assert_refused(teams: Teams, token: str | None) -> None:
    activity = question(teams)
    reply = teams.post(activity, token=token)
    assert reply.status_code == 401
    assert teams.standin.sent == []


def test_a_missing_token_is_refused_and_nothing_is_sent(teams: Teams) -> None:
    assert_refused(teams, None)


def test_a_token_signed_by_another_key_is_refused(teams: Teams) -> None:
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    assert_refused(teams, teams.standin.channel_token(teams.standin.base_url, key=stranger))


def test_a_token_for_another_bot_is_refused(teams: Teams) -> None:
    assert_refused(teams, teams.standin.channel_token(teams.standin.base_url,
                                                      audience="another-app"))


def test_a_token_from_an_unknown_issuer_is_refused(teams: Teams) -> None:
    assert_refused(teams, teams.standin.channel_token(teams.standin.base_url,
                                                      issuer="https://evil.example"))


def test_an_expired_token_is_refused(teams: Teams) -> None:
    assert_refused(teams, teams.standin.channel_token(teams.standin.base_url, expires_in=-900))


def test_a_token_for_another_connector_is_refused(teams: Teams) -> None:
    assert_refused(teams, teams.standin.channel_token("https://smba.example/other"))


def test_garbage_is_refused(teams: Teams) -> None:
    assert_refused(teams, "not-a-jwt")


def test_a_valid_token_is_answered_with_the_bots_own_connector_token(teams: Teams) -> None:
    sent = teams.say("Vem undertecknar ett nytt vänortsavtal?")
    assert len(sent) == 1
    assert sent[0].authorization == "Bearer connector-token"
    assert any(r.get("client_id") for r in teams.standin.token_requests)


def test_a_web_chat_token_cannot_speak_for_a_teams_user(teams: Teams) -> None:
    """Web Chat lets its client choose the user id: its keys do not vouch for Teams."""
    activity = teams.activity(text="aktivitet lista")
    activity["channelId"] = "webchat"
    token = teams.standin.channel_token(activity["serviceUrl"], kid=WEBCHAT_KEY_ID)
    assert teams.post(activity, token=token).status_code == 401
    activity["channelId"] = "msteams"  # a Teams activity signed with the Web Chat key
    assert teams.post(activity, token=token).status_code == 401
    assert teams.standin.sent == []


def test_another_channel_with_a_teams_key_is_refused(teams: Teams) -> None:
    activity = teams.activity(text="Vilka mål har Ale?")
    activity["channelId"] = "directline"
    assert teams.post(activity).status_code == 401
    assert teams.standin.sent == []


def test_another_tenant_is_refused(teams: Teams) -> None:
    activity = teams.activity(text="Vilka mål har Ale?")
    activity["conversation"]["tenantId"] = "99999999-0000-0000-0000-000000000000"
    assert teams.post(activity).status_code == 401
    assert teams.standin.sent == []


def test_a_token_without_a_connector_claim_is_refused(teams: Teams) -> None:
    assert_refused(teams, teams.standin.channel_token(None))


def test_a_token_from_the_tenants_own_issuer_is_refused(teams: Teams) -> None:
    """Any app in the tenant can get such a token for the bot's app id."""
    assert_refused(teams, teams.standin.channel_token(
        teams.standin.base_url, issuer=f"https://sts.windows.net/{TENANT}/"))
