"""forums: a version on each thread, moved by every change its page shows

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 21:30:00
"""
from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('forum_threads', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('forum_threads', schema=None) as batch_op:
        batch_op.drop_column('version')
