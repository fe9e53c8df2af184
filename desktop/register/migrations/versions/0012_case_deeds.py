"""What was done in the connected systems for a case's requests: actions carried out, rows
kept under a hold and why, recipients told (Art. 19).

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_deeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("request", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("operation", sa.String(length=20), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("ground", sa.Text(), nullable=True),
        sa.Column("until", sa.String(length=200), nullable=True),
        sa.Column("how", sa.String(length=200), nullable=True),
        sa.Column("digest", sa.String(length=20), nullable=False),
        sa.Column("done_by_id", sa.Integer(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_deeds_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["done_by_id"], ["staff.id"], name=op.f("fk_case_deeds_done_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_deeds")),
    )
    with op.batch_alter_table("case_deeds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_deeds_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_deeds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_deeds_case_id"))
    op.drop_table("case_deeds")
