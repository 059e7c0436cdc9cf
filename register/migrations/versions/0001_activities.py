"""Activities and their audit trail.

Revision ID: 0001
Revises:
Create Date: 2026-01-12

The allowed codes are written out here, not imported from ``register.vocab``: a migration must
keep describing the schema of its day even after the vocabulary moves on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

KINDS = ("exchange", "project", "study_visit", "incoming_visit", "network", "twin_town", "other")
FORMS = ("twin_town", "municipal_partnership", "eu_project", "other")
STATUSES = ("planned", "ongoing", "completed", "dormant", "cancelled")
TARGETS = ("pupils", "youth", "staff", "politicians", "associations", "businesses", "residents",
           "other")


def _one_of(column: str, values: tuple[str, ...], nullable: bool = False) -> sa.CheckConstraint:
    allowed = ", ".join(f"'{v}'" for v in values)
    condition = f"{column} IN ({allowed})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return sa.CheckConstraint(condition, name=op.f(f"ck_activities_{column}"))


def _timestamp() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "activities",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("external_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("municipality", sa.String(100), nullable=False),
        sa.Column("committee", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("form", sa.String(30), nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("partner_organisation", sa.String(200)),
        sa.Column("partner_city", sa.String(100)),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date()),
        sa.Column("participants", sa.Integer()),
        sa.Column("target_group", sa.String(30)),
        sa.Column("purpose", sa.Text()),
        sa.Column("activities", sa.Text()),
        sa.Column("lessons_learned", sa.Text()),
        sa.Column("use_of_results", sa.Text()),
        sa.Column("funding_source", sa.String(200)),
        sa.Column("programme", sa.String(100)),
        sa.Column("funding_amount_hundredths", sa.BigInteger()),
        sa.Column("currency", sa.String(3)),
        sa.Column("cost_split", sa.Text()),
        sa.Column("goals", sa.JSON(), nullable=False),
        sa.Column("decision_body", sa.String(200)),
        sa.Column("decision_date", sa.Date()),
        sa.Column("decision_ref", sa.String(100)),
        sa.Column("contact_person", sa.String(200)),
        sa.Column("logged_by", sa.String(250), nullable=False),
        sa.Column("channel", sa.String(200), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("created_at", _timestamp(), nullable=False),
        sa.Column("updated_at", _timestamp(), nullable=False),
        sa.Column("deleted_at", _timestamp()),
        sa.Column("deleted_by", sa.String(250)),
        _one_of("kind", KINDS),
        _one_of("form", FORMS),
        _one_of("status", STATUSES),
        _one_of("target_group", TARGETS, nullable=True),
        sa.CheckConstraint("participants IS NULL OR participants >= 0",
                           name=op.f("ck_activities_participants")),
        sa.CheckConstraint("end_date IS NULL OR end_date >= start_date",
                           name=op.f("ck_activities_dates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
        sa.UniqueConstraint("external_id", name=op.f("uq_activities_external_id")),
    )
    for column in ("municipality", "committee", "status", "country", "start_date"):
        op.create_index(op.f(f"ix_activities_{column}"), "activities", [column])

    op.create_table(
        "activity_audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("at", _timestamp(), nullable=False),
        sa.Column("actor", sa.String(250), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text()),
        sa.ForeignKeyConstraint(["activity_id"], ["activities.id"],
                                name=op.f("fk_activity_audit_activity_id_activities")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_audit")),
    )
    op.create_index(op.f("ix_activity_audit_activity_id"), "activity_audit", ["activity_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_activity_audit_activity_id"), table_name="activity_audit")
    op.drop_table("activity_audit")
    for column in ("municipality", "committee", "status", "country", "start_date"):
        op.drop_index(op.f(f"ix_activities_{column}"), table_name="activities")
    op.drop_table("activities")
