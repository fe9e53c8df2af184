"""An answer by post goes to an address the case keeps (typed at registration or taken from a
system and confirmed); a power of attorney's scope is recorded; a representative is found by
their personnummer.

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("postal_address", sa.Text(), nullable=True))
    with op.batch_alter_table("representatives", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mandate_scope", sa.Text(), nullable=True))
        batch_op.create_index("ix_representatives_personnummer", ["personnummer"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("representatives", schema=None) as batch_op:
        batch_op.drop_index("ix_representatives_personnummer")
        batch_op.drop_column("mandate_scope")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("postal_address")
