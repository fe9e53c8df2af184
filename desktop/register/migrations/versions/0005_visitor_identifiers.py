"""Identifiers the visitor gives at the desk (their own e-mail, phone, customer number).

Kept with the case like the name: searched like the ones found in sources, never written to a
log or an audit event's details.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_identifiers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_identifiers_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_identifiers")),
    )
    with op.batch_alter_table("case_identifiers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_identifiers_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_identifiers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_identifiers_case_id"))
    op.drop_table("case_identifiers")
