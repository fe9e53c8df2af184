"""The first register: staff, cases with their requests and identity checks, the audit chain.

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("case_number", sa.String(length=20), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("seq", name=op.f("uq_audit_events_seq")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_case_number"), ["case_number"], unique=False)

    audit_head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    # The chain starts from a known link so that no two desks ever race to create it.
    op.bulk_insert(audit_head, [{"id": 1, "seq": 0, "hash": "0" * 64}])
    op.create_table(
        "case_counters",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_case_counters")),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("roles", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_username")),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("extended_deadline", sa.Date(), nullable=True),
        sa.Column("extension_reason", sa.Text(), nullable=True),
        sa.Column("rejection_reason", sa.Text(), nullable=True),
        sa.Column("subject_name", sa.String(length=200), nullable=False),
        sa.Column("subject_personnummer", sa.String(length=20), nullable=False),
        sa.Column("language", sa.String(length=20), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff.id"], name=op.f("fk_cases_created_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("number", name=op.f("uq_cases_number")),
        sa.UniqueConstraint("year", "seq", name="uq_cases_year_seq"),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_deadline"), ["deadline"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_subject_name"), ["subject_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_subject_personnummer"), ["subject_personnummer"], unique=False)

    op.create_table(
        "identity_verifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("document_type", sa.String(length=40), nullable=False),
        sa.Column("document_country", sa.String(length=20), nullable=False),
        sa.Column("document_expiry", sa.Date(), nullable=False),
        sa.Column("document_last4", sa.String(length=20), nullable=False),
        sa.Column("document_description", sa.Text(), nullable=True),
        sa.Column("mrz_checked", sa.Boolean(), nullable=False),
        sa.Column("checked_by_id", sa.Integer(), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_identity_verifications_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["checked_by_id"],
            ["staff.id"],
            name=op.f("fk_identity_verifications_checked_by_id_staff"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_verifications")),
    )
    with op.batch_alter_table("identity_verifications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_identity_verifications_case_id"), ["case_id"], unique=False)

    op.create_table(
        "request_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("details", sa.Text(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_request_items_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_items")),
    )
    with op.batch_alter_table("request_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_request_items_case_id"), ["case_id"], unique=False)

    op.create_table(
        "representatives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("personnummer", sa.String(length=20), nullable=False),
        sa.Column("mandate_type", sa.String(length=40), nullable=False),
        sa.Column("mandate_dated", sa.Date(), nullable=True),
        sa.Column("mandate_signed_by", sa.String(length=200), nullable=False),
        sa.Column("verification_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_representatives_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["verification_id"],
            ["identity_verifications.id"],
            name=op.f("fk_representatives_verification_id_identity_verifications"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_representatives")),
    )
    with op.batch_alter_table("representatives", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_representatives_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_table("representatives")
    op.drop_table("request_items")
    op.drop_table("identity_verifications")
    op.drop_table("cases")
    op.drop_table("staff")
    op.drop_table("case_counters")
    op.drop_table("audit_head")
    op.drop_table("audit_events")
