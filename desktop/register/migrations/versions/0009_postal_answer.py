"""A request registered without an ID document at the desk, answered by post to the address in
the population register: its identity check has no document expiry.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("identity_verifications", schema=None) as batch_op:
        batch_op.alter_column("document_expiry", existing_type=sa.Date(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("identity_verifications", schema=None) as batch_op:
        batch_op.alter_column("document_expiry", existing_type=sa.Date(), nullable=False)
