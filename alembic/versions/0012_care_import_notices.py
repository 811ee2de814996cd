"""care: an import says what it left out though no line was skipped (a CSV's unknown columns)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 13:40:00
"""
from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('care_imports') as batch:
        batch.add_column(sa.Column('notices', sa.JSON(), server_default=sa.text("'[]'"), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('care_imports') as batch:
        batch.drop_column('notices')
