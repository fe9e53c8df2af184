"""What a delivered extract left outstanding (systems that failed or a manual check not yet
answered), so the visitor gets a supplementary extract with exactly those.

`cases.outstanding` holds the source ids still owed after the latest delivery (NULL: nothing);
each delivery row keeps what it left outstanding and whether it was a supplement.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outstanding", sa.Text(), nullable=True))
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outstanding", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("supplement", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_column("supplement")
        batch_op.drop_column("outstanding")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("outstanding")
