"""What staff record for manual sources (a checklist item answered by a person).

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "manual_outcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=40), nullable=False),
        sa.Column("found", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_manual_outcomes_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["staff.id"], name=op.f("fk_manual_outcomes_recorded_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manual_outcomes")),
    )
    with op.batch_alter_table("manual_outcomes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_manual_outcomes_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("manual_outcomes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_manual_outcomes_case_id"))

    op.drop_table("manual_outcomes")
