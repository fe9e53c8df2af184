"""Gather runs with their per-source outcomes, and deliveries of extracts.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("delivered_at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("language", sa.String(length=20), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_deliveries_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_deliveries_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
    )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deliveries_case_id"), ["case_id"], unique=False)

    op.create_table(
        "gather_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("started_by_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_gather_runs_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["started_by_id"], ["staff.id"], name=op.f("fk_gather_runs_started_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gather_runs")),
    )
    with op.batch_alter_table("gather_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gather_runs_case_id"), ["case_id"], unique=False)

    op.create_table(
        "gather_source_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=40), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["gather_runs.id"],
            name=op.f("fk_gather_source_results_run_id_gather_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gather_source_results")),
    )
    with op.batch_alter_table("gather_source_results", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gather_source_results_run_id"), ["run_id"], unique=False)


def downgrade() -> None:
    op.drop_table("gather_source_results")
    op.drop_table("gather_runs")
    op.drop_table("deliveries")
