"""The FastAPI application: the policy and register routers behind API-key authentication.

``create_app`` takes its parts (``Commands``, ``ActivityDesk``, the keys) and builds nothing
itself, so tests give it the same objects the Slack bot runs on. OpenAPI docs are at ``/docs``;
``/v1/health`` answers without a key, for load balancers and container healthchecks.
"""

from __future__ import annotations

from fastapi import Depends, FastAPI

from bot.activity_desk import ActivityDesk
from bot.api import errors, routes_policy, routes_register, routes_reminders
from bot.api.auth import ApiKeys
from bot.api.schemas import HealthOut
from bot.core import Commands
from bot.reminders.service import Reminders
from register.reminder_log import ReminderLog


def create_app(commands: Commands, desk: ActivityDesk, keys: ApiKeys,
               reminders: tuple[Reminders, ReminderLog] | None = None) -> FastAPI:
    app = FastAPI(title="Policyguide core API", version="1",
                  description="Cited answers from municipal international policies, the facts "
                              "they set (who decides, goals, follow-up) and the register of "
                              "international activities they demand.")
    errors.install(app)

    @app.get("/v1/health", response_model=HealthOut, tags=["operations"])
    def health() -> HealthOut:
        known = commands.municipalities()
        return HealthOut(status="ok", documents=len(commands.service.documents),
                         municipalities=len(known))

    secured = [Depends(keys)]
    app.include_router(routes_policy.router(commands), dependencies=secured)
    app.include_router(routes_register.router(desk), dependencies=secured)
    if reminders is not None:
        app.include_router(routes_reminders.router(*reminders), dependencies=secured)
    return app
