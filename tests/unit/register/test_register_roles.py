"""Only configured coordinators write; a refusal says who, why and what to do."""

from __future__ import annotations

import pytest

from register.errors import PermissionDenied
from register.roles import AccessPolicy, Action


def test_coordinators_and_platform_wildcards() -> None:
    policy = AccessPolicy(["slack:U0123", "cli:*"])
    assert policy.may_write("slack:U0123") and policy.may_write("cli:anna")
    assert not policy.may_write("slack:U9999") and not policy.may_write("teams:U0123")
    assert policy.require("cli:anna", Action.EDIT) == "cli:anna"


def test_refusal_explains() -> None:
    policy = AccessPolicy(["slack:U0123"])
    with pytest.raises(PermissionDenied) as caught:
        policy.require("slack:U9", Action.CANCEL)
    message = str(caught.value)
    assert "You may not cancel activities" in message and "coordinators" in message
    assert "Anyone may read" in message and "U9" not in message  # no raw ids
    swedish = caught.value.text("sv")
    assert swedish.startswith("Du får inte ställa in aktiviteter") and "U9" not in swedish


@pytest.mark.parametrize("actor", ["anna", "slack:", ":U1", "slack:U 1", "SLACK:U1", ""])
def test_malformed_actors_are_refused(actor: str) -> None:
    with pytest.raises(PermissionDenied, match="platform:user_id"):
        AccessPolicy(["*:*", "slack:*"][1:]).require(actor, Action.CREATE)


def test_bad_configuration_is_an_error() -> None:
    with pytest.raises(ValueError, match="invalid coordinator entries"):
        AccessPolicy(["anna", "slack:U1"])
    assert not AccessPolicy([]).may_write("cli:anna")
