"""Chat state for the bots: each channel's chosen municipality, and answer feedback.

Revision ID: 0002
Revises: 0001
Create Date: 2026-01-19
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "chat_scopes",
        sa.Column("platform", sa.String(30), nullable=False),
        sa.Column("scope", sa.String(200), nullable=False),
        sa.Column("municipality", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("platform", "scope", name=op.f("pk_chat_scopes")),
    )
    op.create_table(
        "answer_feedback",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(30), nullable=False),
        sa.Column("user_id", sa.String(200), nullable=False),
        sa.Column("channel", sa.String(200), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("citations", sa.JSON(), nullable=False),
        sa.Column("verdict", sa.String(4), nullable=False),
        sa.Column("municipality", sa.String(100)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("verdict IN ('up', 'down')", name=op.f("ck_answer_feedback_verdict")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer_feedback")),
    )
    op.create_index(op.f("ix_answer_feedback_created_at"), "answer_feedback", ["created_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_answer_feedback_created_at"), table_name="answer_feedback")
    op.drop_table("answer_feedback")
    op.drop_table("chat_scopes")
