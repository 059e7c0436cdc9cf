"""Every failure becomes a message the user can act on plus a log line with a correlation id.

Bolt's lazy runner only logs an exception's text, without traceback; a user would see a
"thinking" placeholder forever. ``guarded`` turns the expected refusals (rate limit, invalid
question) into replies and anything else into a friendly error whose id is also in the log, so
support can find the traceback. ``never_silent`` is the last line of defence around a listener.
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from slack_sdk.errors import SlackApiError

from bot.core import InvalidQuestionError, RateLimited
from bot.slack import texts
from bot.slack.render import SlackMessage
from bot.slack.render_activities import refused
from register.errors import PermissionDenied, RegisterError

log = logging.getLogger("policyguide.slack")
P = ParamSpec("P")
T = TypeVar("T")


def correlation_id() -> str:
    return uuid.uuid4().hex[:10]


def guarded(work: Callable[[], T], language: str, what: str) -> T | SlackMessage:
    """What ``work`` returns (a message, or None once it has replied another way, say with a
    modal), or the refusal/error message that stands in for it."""
    try:
        return work()
    except PermissionDenied as exc:
        log.info("slack %s: not allowed: %s", what, exc)
        return refused(exc.text(language))
    except RegisterError as exc:
        log.info("slack %s: register refused: %s", what, exc)
        return texts.not_done(exc.text(language))
    except RateLimited as exc:
        log.info("slack %s: rate limited for %.1f s", what, exc.retry_after_s)
        return texts.rate_limited(exc.retry_after_whole_s, language)
    except InvalidQuestionError as exc:
        log.info("slack %s: refused: %s", what, exc)
        return texts.invalid(exc.text(language), language)
    except Exception:
        cid = correlation_id()
        log.exception("slack %s failed [correlation_id=%s]", what, cid)
        return texts.failure(cid, language)


def deliver(send: Callable[[SlackMessage], object], message: SlackMessage,
            language: str) -> None:
    """Send ``message``; if Slack refuses it (say, invalid_blocks), send a short error instead."""
    try:
        send(message)
    except SlackApiError:
        cid = correlation_id()
        log.exception("slack refused a message [correlation_id=%s]", cid)
        send(texts.failure(cid, language))


def never_silent(listener: Callable[P, None]) -> Callable[P, None]:
    """Log any exception escaping a lazy listener with its traceback and a correlation id.

    ``functools.wraps`` keeps the signature visible to Bolt, which injects arguments by name.
    """

    @functools.wraps(listener)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            listener(*args, **kwargs)
        except Exception:
            cid = correlation_id()
            log.exception("slack listener %s failed [correlation_id=%s]",
                          listener.__name__, cid)

    return wrapper


def log_bolt_error(error: Exception, body: dict[str, Any]) -> None:
    """Bolt's global error handler: errors outside our listeners (middleware, acks)."""
    cid = correlation_id()
    log.error("slack request failed [correlation_id=%s] type=%s: %r", cid,
              body.get("type") or body.get("command"), error, exc_info=error)
