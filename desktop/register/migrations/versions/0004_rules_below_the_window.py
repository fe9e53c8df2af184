"""Sign-in protection, the approver of each delivery, the policy kept in the register, and the
per-case salt of the row digests the audit chain carries.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("last_failed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("approved_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_deliveries_approved_by_id_staff"), "staff", ["approved_by_id"], ["id"]
        )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("digest_salt", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("closing_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("subject_name_folded", sa.String(length=200), nullable=True))
        batch_op.create_index(batch_op.f("ix_cases_subject_name_folded"), ["subject_name_folded"], unique=False)
    # Names as a search compares them (Öberg = oberg), for the cases already in the register.
    from desktop.core.text import fold

    cases = sa.table("cases", sa.column("id", sa.Integer), sa.column("subject_name", sa.String),
                     sa.column("subject_name_folded", sa.String))  # fmt: skip
    connection = op.get_bind()
    for case_id, name in connection.execute(sa.select(cases.c.id, cases.c.subject_name)).all():
        connection.execute(cases.update().where(cases.c.id == case_id).values(subject_name_folded=fold(name)))
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.add_column(sa.Column("keyed", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("baselined", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "policy_settings",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("set_by_id", sa.Integer(), nullable=True),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["set_by_id"], ["staff.id"], name=op.f("fk_policy_settings_set_by_id_staff")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_policy_settings")),
    )


def downgrade() -> None:
    op.drop_table("policy_settings")
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.drop_column("baselined")
        batch_op.drop_column("keyed")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_subject_name_folded"))
        batch_op.drop_column("subject_name_folded")
        batch_op.drop_column("closing_note")
        batch_op.drop_column("digest_salt")
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_deliveries_approved_by_id_staff"), type_="foreignkey")
        batch_op.drop_column("approved_by_id")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_column("locked_until")
        batch_op.drop_column("last_failed_at")
        batch_op.drop_column("failed_sign_ins")
