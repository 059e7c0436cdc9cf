"""How the core's refusals become HTTP responses: one JSON shape (``ErrorOut``) for all of them.

A refusal says what happened in words a person can read and a ``code`` a program can branch
on; an unexpected failure is logged with an error id that the response carries, so a person can
quote it and the operator can find it. Nothing is silent and no stack trace leaves the server.
"""

from __future__ import annotations

import logging
import uuid

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from bot.api.auth import Unauthorized
from bot.api.schemas import ErrorOut
from bot.core import Commands, InvalidQuestionError, RateLimited
from register.errors import ConflictError, NotFound, PermissionDenied, ValidationFailed

log = logging.getLogger("policyguide.api")


class Expired(Exception):
    """An answer reference that the memory no longer holds."""


def _json(status: int, body: ErrorOut, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(Unauthorized)
    async def unauthorized(_: Request, __: Exception) -> JSONResponse:
        return _json(401, ErrorOut(code="unauthorized", message="A valid API key is needed: "
                                   "'Authorization: Bearer <key>' or 'X-API-Key'.", language="en"),
                     {"WWW-Authenticate": "Bearer"})

    @app.exception_handler(InvalidQuestionError)
    async def invalid(_: Request, exc: Exception) -> JSONResponse:
        message = str(exc)
        return _json(400, ErrorOut(code="invalid_question", message=message,
                                   language=Commands.language_of(message)))

    @app.exception_handler(RateLimited)
    async def limited(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RateLimited)
        seconds = exc.retry_after_whole_s
        return _json(429, ErrorOut(code="rate_limited", retry_after_s=seconds,
                                   message=f"Too many questions; try again in {seconds} s."),
                     {"Retry-After": str(seconds)})

    @app.exception_handler(PermissionDenied)
    async def forbidden(_: Request, exc: Exception) -> JSONResponse:
        return _json(403, ErrorOut(code="forbidden", message=str(exc), language="en"))

    @app.exception_handler(ValidationFailed)
    async def not_saved(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ValidationFailed)
        fields = [{"field": e.field, "message": e.message} for e in exc.errors]
        return _json(422, ErrorOut(code="validation_failed", message=str(exc), language="en",
                                   fields=fields))

    @app.exception_handler(RequestValidationError)
    async def bad_body(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        fields = [{"field": ".".join(str(p) for p in e.get("loc", ()) if p != "body"),
                   "message": str(e.get("msg", ""))} for e in exc.errors()]
        return _json(422, ErrorOut(code="bad_request", language="en", fields=fields,
                                   message="The request body does not match the API: "
                                   + "; ".join(f"{f['field']}: {f['message']}" for f in fields)))

    @app.exception_handler(Expired)
    async def expired(_: Request, __: Exception) -> JSONResponse:
        return _json(404, ErrorOut(code="expired", language="en",
                                   message="This answer is too old to act on; ask again."))

    @app.exception_handler(NotFound)
    async def not_found(_: Request, exc: Exception) -> JSONResponse:
        return _json(404, ErrorOut(code="not_found", message=str(exc), language="en"))

    @app.exception_handler(ConflictError)
    async def conflict(_: Request, exc: Exception) -> JSONResponse:
        return _json(409, ErrorOut(code="conflict", message=str(exc), language="en"))

    @app.exception_handler(Exception)
    async def failure(request: Request, _: Exception) -> JSONResponse:
        error_id = uuid.uuid4().hex[:8]
        log.exception("API %s %s failed [error_id=%s]", request.method, request.url.path,
                      error_id)
        # uvicorn closes the connection after an unhandled error: say so, or a keep-alive
        # client's next request on it is reset
        return _json(500, ErrorOut(code="internal", error_id=error_id, language="en",
                                   message=f"Something went wrong; error id {error_id}."),
                     {"Connection": "close"})
