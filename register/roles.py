"""Who may change the register: configured coordinators write, everyone reads.

Actors are ``platform:user_id`` strings ("slack:U0123", "cli:anna"), so one list covers every
front end. An entry ``platform:*`` admits every user of that platform; it exists for the local
CLI, where whoever runs the command already owns the database file. A refusal names the actor
and the reason, so the person knows whom to ask.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

from register.errors import PermissionDenied
from register.messages import ACTIONS, Said, said

ACTOR = re.compile(r"^[a-z][a-z0-9_-]{0,29}:[^\s:][^\s]{0,199}$")
ENTRY = re.compile(r"^[a-z][a-z0-9_-]{0,29}:([^\s:][^\s]{0,199}|\*)$")


class Action(StrEnum):
    CREATE = "create"
    EDIT = "edit"
    CANCEL = "cancel"
    DELETE = "delete"
    IMPORT = "import"


def check_actor(actor: str) -> str:
    """The actor id, if it has the ``platform:user_id`` shape; raises PermissionDenied if not."""
    if not isinstance(actor, str) or not ACTOR.fullmatch(actor):
        raise PermissionDenied(said("bad_actor"))
    return actor


class AccessPolicy:
    """The coordinators list from settings, checked before every write."""

    def __init__(self, coordinators: Iterable[str]) -> None:
        entries = [c.strip() for c in coordinators]
        bad = [c for c in entries if not ENTRY.fullmatch(c)]
        if bad:
            raise ValueError(f"invalid coordinator entries {bad}: each must be "
                             "'platform:user_id' or 'platform:*'")
        self._users = {c for c in entries if not c.endswith(":*")}
        self._platforms = {c[:-2] for c in entries if c.endswith(":*")}

    def may_write(self, actor: str) -> bool:
        if not ACTOR.fullmatch(actor):
            return False
        return actor in self._users or actor.split(":", 1)[0] in self._platforms

    def require(self, actor: str, action: Action) -> str:
        """Return the actor if it may perform ``action``; else raise PermissionDenied."""
        check_actor(actor)
        if not self.may_write(actor):
            sv, en = ACTIONS[action.value]
            raise PermissionDenied(said("may_not_write", action=Said(sv, en)))
        return actor
