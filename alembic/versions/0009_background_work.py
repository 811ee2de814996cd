"""background work: lanes, deadlines, coalescing keys, leases, outcomes and handler times on the outbox;
worker heartbeats; indexes for pruning the outbox and the care inbox

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 18:00:00
"""
from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

PENDING = sa.text('processed_at IS NULL')
FAILED = sa.text("outcome = 'failed'")


def upgrade() -> None:
    with op.batch_alter_table('outbox_events', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_events_pending')
        batch_op.add_column(sa.Column('lane', sa.String(length=10), server_default='fast', nullable=False))
        batch_op.add_column(sa.Column('key', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('locked_by', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('outcome', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('duration_ms', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('deadline', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE outbox_events SET outcome = CASE WHEN failed THEN 'failed' ELSE 'processed' END "
               "WHERE processed_at IS NOT NULL")
    op.execute("UPDATE outbox_events SET deadline = available_at")  # events already waiting: due at once
    with op.batch_alter_table('outbox_events', schema=None) as batch_op:
        batch_op.drop_column('failed')
        batch_op.alter_column('deadline', existing_type=sa.DateTime(timezone=True), nullable=False)
        batch_op.create_index('ix_outbox_events_pending', ['lane', 'deadline', 'id'], unique=False,
                              postgresql_where=PENDING, sqlite_where=PENDING)
        batch_op.create_index('ix_outbox_events_coalesce', ['name', 'key'], unique=False,
                              postgresql_where=PENDING, sqlite_where=PENDING)
        batch_op.create_index('ix_outbox_events_processed_at', ['processed_at'], unique=False)
        batch_op.create_index('ix_outbox_events_failed', ['name'], unique=False,
                              postgresql_where=FAILED, sqlite_where=FAILED)

    op.create_table('outbox_workers',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('pid', sa.Integer(), nullable=False),
    sa.Column('lanes', sa.String(length=50), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('handled', sa.Integer(), nullable=False),
    sa.Column('current', sa.String(length=200), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_outbox_workers'))
    )
    op.create_index('ix_care_inbox_processed_at', 'care_inbox', ['processed_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_care_inbox_processed_at', table_name='care_inbox')
    op.drop_table('outbox_workers')
    with op.batch_alter_table('outbox_events', schema=None) as batch_op:
        for name in ('ix_outbox_events_failed', 'ix_outbox_events_processed_at', 'ix_outbox_events_coalesce',
                     'ix_outbox_events_pending'):
            batch_op.drop_index(name)
        batch_op.add_column(sa.Column('failed', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.execute("UPDATE outbox_events SET failed = (outcome = 'failed')")
    with op.batch_alter_table('outbox_events', schema=None) as batch_op:
        for name in ('deadline', 'duration_ms', 'outcome', 'locked_until', 'locked_by', 'key', 'lane'):
            batch_op.drop_column(name)
        batch_op.create_index('ix_outbox_events_pending', ['available_at', 'id'], unique=False,
                              postgresql_where=PENDING, sqlite_where=PENDING)
