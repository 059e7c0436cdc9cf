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
from bot.core import InvalidQuestionError, RateLimited
from register.errors import ConflictError, NotFound, PermissionDenied, ValidationFailed

log = logging.getLogger("policyguide.api")


class Expired(Exception):
    """An answer reference that the memory no longer holds."""


def _json(status: int, body: ErrorOut, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, headers=headers)


def _language(request: Request) -> str:
    """The asker's language: the route's ``language`` parameter, else Accept-Language, else
    Swedish."""
    asked = request.query_params.get("language") or request.headers.get("accept-language", "")
    return "en" if asked.strip().lower().startswith("en") else "sv"


def install(app: FastAPI) -> None:
    @app.exception_handler(Unauthorized)
    async def unauthorized(_: Request, __: Exception) -> JSONResponse:
        return _json(401, ErrorOut(code="unauthorized", message="A valid API key is needed: "
                                   "'Authorization: Bearer <key>' or 'X-API-Key'.", language="en"),
                     {"WWW-Authenticate": "Bearer"})

    @app.exception_handler(InvalidQuestionError)
    async def invalid(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, InvalidQuestionError)
        language = getattr(exc, "language", None) or _language(request)
        return _json(400, ErrorOut(code="invalid_question", message=exc.text(language),
                                   language=language))

    @app.exception_handler(RateLimited)
    async def limited(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RateLimited)
        seconds = exc.retry_after_whole_s
        return _json(429, ErrorOut(code="rate_limited", retry_after_s=seconds,
                                   message=f"Too many questions; try again in {seconds} s."),
                     {"Retry-After": str(seconds)})

    @app.exception_handler(PermissionDenied)
    async def forbidden(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, PermissionDenied)
        language = _language(request)
        return _json(403, ErrorOut(code="forbidden", message=exc.text(language),
                                   language=language))

    @app.exception_handler(ValidationFailed)
    async def not_saved(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ValidationFailed)
        language = _language(request)
        fields = [{"field": e.field, "message": e.text(language, labelled=False)}
                  for e in exc.errors]
        return _json(422, ErrorOut(code="validation_failed", message=exc.text(language),
                                   language=language, fields=fields))

    @app.exception_handler(RequestValidationError)
    async def bad_body(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        fields = [{"field": ".".join(str(p) for p in e.get("loc", ()) if p != "body"),
                   "message": str(e.get("msg", ""))} for e in exc.errors()]
        return _json(422, ErrorOut(code="bad_request", language="en", fields=fields,
                                   message="The request body does not match the API: "
                                   + "; ".join(f"{f['field']}: {f['message']}" for f in fields)))

    @app.exception_handler(Expired)
    async def expired(request: Request, __: Exception) -> JSONResponse:
        language = _language(request)
        return _json(404, ErrorOut(code="expired", language=language, message=(
            "This answer is too old to act on; ask again." if language == "en"
            else "Svaret är för gammalt för att användas; fråga igen.")))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, NotFound)
        language = _language(request)
        return _json(404, ErrorOut(code="not_found", message=exc.text(language),
                                   language=language))

    @app.exception_handler(ConflictError)
    async def conflict(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ConflictError)
        language = _language(request)
        return _json(409, ErrorOut(code="conflict", message=exc.text(language),
                                   language=language))

    @app.exception_handler(Exception)
    async def failure(request: Request, _: Exception) -> JSONResponse:
        error_id = uuid.uuid4().hex[:8]
        language = _language(request)
        log.exception("API %s %s failed [error_id=%s]", request.method, request.url.path,
                      error_id)
        # uvicorn closes the connection after an unhandled error: say so, or a keep-alive
        # client's next request on it is reset
        message = (f"Something went wrong; error id {error_id}." if language == "en"
                   else f"Något gick fel; fel-id {error_id}.")
        return _json(500, ErrorOut(code="internal", error_id=error_id, language=language,
                                   message=message), {"Connection": "close"})
