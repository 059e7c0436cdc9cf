"""The register's tables as typed SQLAlchemy 2.0 models.

Schema changes go through Alembic (``register/migrations``); these classes are the ORM's view of
the same tables, and a test compares them with a migrated database so the two cannot drift.
Column types are chosen to behave the same on SQLite and PostgreSQL: timestamps always come back
timezone-aware in UTC, and money is stored as whole hundredths so SQLite never rounds through a
float.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Enum,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from register.vocab import Form, Kind, Status, TargetGroup

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, whatever the backend keeps."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Hundredths(TypeDecorator[Decimal]):
    """A money amount kept exactly as an integer count of hundredths (öre, cent)."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Any:
        return None if value is None else int((value * 100).to_integral_value())

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else (Decimal(int(value)) / 100).quantize(Decimal("0.01"))


def _enum(cls: type[StrEnum], name: str) -> Enum:
    # The CHECK constraints that pin the values are written out in the migrations.
    return Enum(cls, name=name, native_enum=False, create_constraint=False, length=30,
                values_callable=lambda members: [m.value for m in members],
                validate_strings=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Activity(Base):
    """One international activity; never deleted, only marked deleted (``deleted_at``)."""

    __tablename__ = "activities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str] = mapped_column(String(36), unique=True)
    version: Mapped[int] = mapped_column(Integer)
    municipality: Mapped[str] = mapped_column(String(100), index=True)
    committee: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[Kind] = mapped_column(_enum(Kind, "activity_kind"))
    form: Mapped[Form] = mapped_column(_enum(Form, "activity_form"))
    status: Mapped[Status] = mapped_column(_enum(Status, "activity_status"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    partner_organisation: Mapped[str | None] = mapped_column(String(200))
    partner_city: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date, index=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    participants: Mapped[int | None] = mapped_column(Integer)
    target_group: Mapped[TargetGroup | None] = mapped_column(_enum(TargetGroup, "target_group"))
    purpose: Mapped[str | None] = mapped_column(Text)
    activities: Mapped[str | None] = mapped_column(Text)
    lessons_learned: Mapped[str | None] = mapped_column(Text)
    use_of_results: Mapped[str | None] = mapped_column(Text)
    funding_source: Mapped[str | None] = mapped_column(String(200))
    programme: Mapped[str | None] = mapped_column(String(100))
    funding_amount: Mapped[Decimal | None] = mapped_column("funding_amount_hundredths",
                                                           Hundredths)
    currency: Mapped[str | None] = mapped_column(String(3))
    cost_split: Mapped[str | None] = mapped_column(Text)
    goals: Mapped[list[str]] = mapped_column(JSON)
    decision_body: Mapped[str | None] = mapped_column(String(200))
    decision_date: Mapped[dt.date | None] = mapped_column(Date)
    decision_ref: Mapped[str | None] = mapped_column(String(100))
    contact_person: Mapped[str | None] = mapped_column(String(200))
    logged_by: Mapped[str] = mapped_column(String(250))
    channel: Mapped[str] = mapped_column(String(200))
    search_text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    deleted_by: Mapped[str | None] = mapped_column(String(250))

    __mapper_args__ = {"version_id_col": version}


class AuditEntry(Base):
    """Who changed what and when: ``changes`` maps each field to ``{"old": …, "new": …}``."""

    __tablename__ = "activity_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(250))
    action: Mapped[str] = mapped_column(String(20))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)


class ChatScope(Base):
    """The municipality a chat channel or user has chosen (the Slack bot's memory)."""

    __tablename__ = "chat_scopes"

    platform: Mapped[str] = mapped_column(String(30), primary_key=True)
    scope: Mapped[str] = mapped_column(String(200), primary_key=True)
    municipality: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class Feedback(Base):
    """A thumbs up or down on one answer, with what was asked and cited."""

    __tablename__ = "answer_feedback"
    __table_args__ = (CheckConstraint("verdict IN ('up', 'down')", name="verdict"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(30))
    user_id: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(200))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    citations: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    verdict: Mapped[str] = mapped_column(String(4))
    municipality: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)


class ReminderSend(Base):
    """One reminder delivered to one recipient: the unique key makes a second send, by any
    scheduler process, a no-op."""

    __tablename__ = "reminder_sends"

    item: Mapped[str] = mapped_column(String(200), primary_key=True)
    period: Mapped[str] = mapped_column(String(40), primary_key=True)
    recipient: Mapped[str] = mapped_column(String(250), primary_key=True)
    sent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ReminderState(Base):
    """A coordinator's answer to a reminder: done (on a date), or snoozed until a date."""

    __tablename__ = "reminder_states"
    __table_args__ = (CheckConstraint("status IN ('done', 'snoozed')", name="status"),)

    item: Mapped[str] = mapped_column(String(200), primary_key=True)
    period: Mapped[str] = mapped_column(String(40), primary_key=True)
    status: Mapped[str] = mapped_column(String(10))
    until: Mapped[dt.date | None] = mapped_column(Date)
    actor: Mapped[str] = mapped_column(String(250))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
