"""A register of a million cases: the case list pages by (received_on, id), and on PostgreSQL a
part of a name or a case number is found by trigram indexes instead of a scan of every case.

The trigram indexes need the pg_trgm extension (in PostgreSQL's contrib, trusted since 13: the
register's owner may create it). Where it cannot be created the search still works, by a scan;
the log says so for IT. They are not in the models (SQLite and MariaDB have no such index).

Revision ID: 0014
Revises: 0013
"""

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("desktop.register.migrations")

TRIGRAM_INDEXES = {"ix_cases_name_trgm": "subject_name_folded", "ix_cases_number_trgm": "number"}


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_received_on_id", ["received_on", "id"], unique=False)
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    try:
        with bind.begin_nested():
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        log.warning("pg_trgm could not be created: a search for part of a name scans every case")
        return
    for name, column in TRIGRAM_INDEXES.items():
        op.create_index(name, "cases", [column], postgresql_using="gin", postgresql_ops={column: "gin_trgm_ops"})


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in TRIGRAM_INDEXES:
            op.execute(sa.text(f"DROP INDEX IF EXISTS {name}"))
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_received_on_id")
