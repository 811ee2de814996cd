"""kernel: a version per table, raised by every transaction that writes it (hearth/versions.py)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 21:50:00
"""
from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'content_versions',
        sa.Column('name', sa.String(length=63), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_content_versions')),
    )


def downgrade() -> None:
    op.drop_table('content_versions')
