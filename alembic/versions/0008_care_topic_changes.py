"""care: index topics by when they changed, for the check every received batch makes

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 23:10:00
"""
from __future__ import annotations

from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f('ix_care_topics_updated_at'), 'care_topics', ['updated_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_care_topics_updated_at'), table_name='care_topics')
