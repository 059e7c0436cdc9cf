"""Reminders: what was sent to whom (once per item, period and recipient), and answers to them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "reminder_sends",
        sa.Column("item", sa.String(200), nullable=False),
        sa.Column("period", sa.String(40), nullable=False),
        sa.Column("recipient", sa.String(250), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("item", "period", "recipient", name=op.f("pk_reminder_sends")),
    )
    op.create_table(
        "reminder_states",
        sa.Column("item", sa.String(200), nullable=False),
        sa.Column("period", sa.String(40), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("until", sa.Date()),
        sa.Column("actor", sa.String(250), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('done', 'snoozed')", name=op.f("ck_reminder_states_status")),
        sa.PrimaryKeyConstraint("item", "period", name=op.f("pk_reminder_states")),
    )


def downgrade() -> None:
    op.drop_table("reminder_states")
    op.drop_table("reminder_sends")
