"""retention: cases for 1-2 star reviews, contact attempts, history, root causes, round-robin turns

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 19:53:27.155982
"""
from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from alembic import op

DEFAULT_ROOT_CAUSES = ["Fees and pricing", "Service quality", "App or website", "Waiting time", "Product features",
                       "Fraud or security", "Other"]

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('retention_root_causes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retention_root_causes')),
    sa.UniqueConstraint('name', name=op.f('uq_retention_root_causes_name'))
    )
    # A new community starts with root causes its admins can rename, reorder or retire.
    root_causes = sa.table('retention_root_causes', sa.column('name', sa.String), sa.column('position', sa.Integer),
                           sa.column('active', sa.Boolean), sa.column('created_at', sa.DateTime(timezone=True)))
    created = datetime(2026, 12, 1, tzinfo=UTC)
    op.bulk_insert(root_causes, [{"name": name, "position": i, "active": True, "created_at": created}
                                 for i, name in enumerate(DEFAULT_ROOT_CAUSES)])
    op.create_table('retention_agent_turns',
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('turn', sa.Integer(), nullable=False),
    sa.Column('last_assigned_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['accounts.id'], name=op.f('fk_retention_agent_turns_agent_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agent_id', name=op.f('pk_retention_agent_turns'))
    )
    op.create_table('retention_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('rating_before', sa.Integer(), nullable=False),
    sa.Column('rating_after', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('open', 'closed', name='casestatus', native_enum=False, length=20), nullable=False),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('assigned_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('first_contact_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('escalated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('review_removed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('outcome', sa.Enum('retained', 'churned', 'unreachable', 'not_a_customer', name='outcome', native_enum=False, length=20), nullable=True),
    sa.Column('root_cause_id', sa.Integer(), nullable=True),
    sa.Column('closing_note', sa.Text(), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assignee_id'], ['accounts.id'], name=op.f('fk_retention_cases_assignee_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['closed_by_id'], ['accounts.id'], name=op.f('fk_retention_cases_closed_by_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['accounts.id'], name=op.f('fk_retention_cases_customer_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['product_id'], ['review_products.id'], name=op.f('fk_retention_cases_product_id_review_products'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], name=op.f('fk_retention_cases_review_id_reviews'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['root_cause_id'], ['retention_root_causes.id'], name=op.f('fk_retention_cases_root_cause_id_retention_root_causes'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retention_cases')),
    sa.UniqueConstraint('review_id', name=op.f('uq_retention_cases_review_id'))
    )
    with op.batch_alter_table('retention_cases', schema=None) as batch_op:
        batch_op.create_index('ix_retention_cases_assignee_id_status', ['assignee_id', 'status'], unique=False)
        batch_op.create_index('ix_retention_cases_closed_at', ['closed_at'], unique=False)
        batch_op.create_index('ix_retention_cases_customer_id', ['customer_id'], unique=False)
        batch_op.create_index('ix_retention_cases_product_id_status', ['product_id', 'status'], unique=False)
        batch_op.create_index('ix_retention_cases_status_due_at', ['status', 'due_at', 'id'], unique=False)

    op.create_table('retention_case_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['accounts.id'], name=op.f('fk_retention_case_entries_actor_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['case_id'], ['retention_cases.id'], name=op.f('fk_retention_case_entries_case_id_retention_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retention_case_entries'))
    )
    with op.batch_alter_table('retention_case_entries', schema=None) as batch_op:
        batch_op.create_index('ix_retention_case_entries_case_id_id', ['case_id', 'id'], unique=False)

    op.create_table('retention_contact_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.Enum('phone', 'email', 'message', name='channel', native_enum=False, length=20), nullable=False),
    sa.Column('result', sa.Enum('reached', 'no_answer', 'left_message', 'wrong_number', name='contactresult', native_enum=False, length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['accounts.id'], name=op.f('fk_retention_contact_attempts_agent_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['case_id'], ['retention_cases.id'], name=op.f('fk_retention_contact_attempts_case_id_retention_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retention_contact_attempts'))
    )
    with op.batch_alter_table('retention_contact_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_retention_contact_attempts_case_id_id', ['case_id', 'id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('retention_contact_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_retention_contact_attempts_case_id_id')

    op.drop_table('retention_contact_attempts')
    with op.batch_alter_table('retention_case_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_retention_case_entries_case_id_id')

    op.drop_table('retention_case_entries')
    with op.batch_alter_table('retention_cases', schema=None) as batch_op:
        batch_op.drop_index('ix_retention_cases_status_due_at')
        batch_op.drop_index('ix_retention_cases_product_id_status')
        batch_op.drop_index('ix_retention_cases_customer_id')
        batch_op.drop_index('ix_retention_cases_closed_at')
        batch_op.drop_index('ix_retention_cases_assignee_id_status')

    op.drop_table('retention_cases')
    op.drop_table('retention_agent_turns')
    op.drop_table('retention_root_causes')
