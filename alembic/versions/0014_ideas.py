"""ideas: product areas, ideas with votes, comments, followers and status history, and the
themes of low-star reviews

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 04:43:01.329335
"""
from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('idea_areas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('brand', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idea_areas')),
    sa.UniqueConstraint('slug', name=op.f('uq_idea_areas_slug'))
    )
    op.create_table('idea_review_themes',
    sa.Column('theme', sa.String(length=40), nullable=False),
    sa.Column('label', sa.String(length=80), nullable=False),
    sa.Column('low_reviews', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('theme', name=op.f('pk_idea_review_themes'))
    )
    op.create_table('ideas',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('status', sa.Enum('open', 'under_review', 'planned', 'in_progress', 'completed', 'declined', 'merged', name='ideastatus', native_enum=False, length=16), nullable=False),
    sa.Column('state', sa.Enum('published', 'held', 'hidden', 'rejected', 'deleted', name='contentstate', native_enum=False, length=16), nullable=False),
    sa.Column('vote_count', sa.Integer(), nullable=False),
    sa.Column('comment_count', sa.Integer(), nullable=False),
    sa.Column('trending', sa.Float(), nullable=False),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('status_changed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='0', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_activity_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['idea_areas.id'], name=op.f('fk_ideas_area_id_idea_areas'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['author_id'], ['accounts.id'], name=op.f('fk_ideas_author_id_accounts')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['ideas.id'], name=op.f('fk_ideas_merged_into_id_ideas'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ideas'))
    )
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.create_index('ix_ideas_area_created', ['area_id', 'created_at', 'id'], unique=False)
        batch_op.create_index('ix_ideas_area_trending', ['area_id', 'trending', 'id'], unique=False)
        batch_op.create_index('ix_ideas_area_votes', ['area_id', 'vote_count', 'id'], unique=False)
        batch_op.create_index('ix_ideas_author_id', ['author_id'], unique=False)
        batch_op.create_index('ix_ideas_created', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_ideas_merged_into_id', ['merged_into_id'], unique=False)
        batch_op.create_index('ix_ideas_status_created', ['status', 'created_at', 'id'], unique=False)
        batch_op.create_index('ix_ideas_status_trending', ['status', 'trending', 'id'], unique=False)
        batch_op.create_index('ix_ideas_status_votes', ['status', 'vote_count', 'id'], unique=False)
        batch_op.create_index('ix_ideas_trending', ['trending', 'id'], unique=False)
        batch_op.create_index('ix_ideas_votes', ['vote_count', 'id'], unique=False)

    op.create_table('idea_comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('idea_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('state', sa.Enum('published', 'held', 'hidden', 'rejected', 'deleted', name='contentstate', native_enum=False, length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['accounts.id'], name=op.f('fk_idea_comments_author_id_accounts')),
    sa.ForeignKeyConstraint(['idea_id'], ['ideas.id'], name=op.f('fk_idea_comments_idea_id_ideas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idea_comments'))
    )
    with op.batch_alter_table('idea_comments', schema=None) as batch_op:
        batch_op.create_index('ix_idea_comments_author_id', ['author_id'], unique=False)
        batch_op.create_index('ix_idea_comments_idea_id_id', ['idea_id', 'id'], unique=False)

    op.create_table('idea_follows',
    sa.Column('idea_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_idea_follows_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['idea_id'], ['ideas.id'], name=op.f('fk_idea_follows_idea_id_ideas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('idea_id', 'account_id', name=op.f('pk_idea_follows'))
    )
    with op.batch_alter_table('idea_follows', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idea_follows_account_id'), ['account_id'], unique=False)

    op.create_table('idea_status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('idea_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('from_status', sa.Enum('open', 'under_review', 'planned', 'in_progress', 'completed', 'declined', 'merged', name='ideastatus', native_enum=False, length=16), nullable=False),
    sa.Column('to_status', sa.Enum('open', 'under_review', 'planned', 'in_progress', 'completed', 'declined', 'merged', name='ideastatus', native_enum=False, length=16), nullable=False),
    sa.Column('response', sa.Text(), nullable=False),
    sa.Column('response_html', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['accounts.id'], name=op.f('fk_idea_status_changes_actor_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['idea_id'], ['ideas.id'], name=op.f('fk_idea_status_changes_idea_id_ideas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idea_status_changes'))
    )
    with op.batch_alter_table('idea_status_changes', schema=None) as batch_op:
        batch_op.create_index('ix_idea_status_changes_idea_id_id', ['idea_id', 'id'], unique=False)

    op.create_table('idea_tags',
    sa.Column('idea_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.ForeignKeyConstraint(['idea_id'], ['ideas.id'], name=op.f('fk_idea_tags_idea_id_ideas'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('idea_id', 'name', name=op.f('pk_idea_tags'))
    )
    with op.batch_alter_table('idea_tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idea_tags_name'), ['name'], unique=False)

    op.create_table('idea_votes',
    sa.Column('idea_id', sa.Integer(), nullable=False),
    sa.Column('voter_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['idea_id'], ['ideas.id'], name=op.f('fk_idea_votes_idea_id_ideas'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['voter_id'], ['accounts.id'], name=op.f('fk_idea_votes_voter_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('idea_id', 'voter_id', name=op.f('pk_idea_votes'))
    )
    with op.batch_alter_table('idea_votes', schema=None) as batch_op:
        batch_op.create_index('ix_idea_votes_voter_id_idea_id', ['voter_id', 'idea_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('idea_votes', schema=None) as batch_op:
        batch_op.drop_index('ix_idea_votes_voter_id_idea_id')

    op.drop_table('idea_votes')
    with op.batch_alter_table('idea_tags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idea_tags_name'))

    op.drop_table('idea_tags')
    with op.batch_alter_table('idea_status_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_idea_status_changes_idea_id_id')

    op.drop_table('idea_status_changes')
    with op.batch_alter_table('idea_follows', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idea_follows_account_id'))

    op.drop_table('idea_follows')
    with op.batch_alter_table('idea_comments', schema=None) as batch_op:
        batch_op.drop_index('ix_idea_comments_idea_id_id')
        batch_op.drop_index('ix_idea_comments_author_id')

    op.drop_table('idea_comments')
    with op.batch_alter_table('ideas', schema=None) as batch_op:
        batch_op.drop_index('ix_ideas_votes')
        batch_op.drop_index('ix_ideas_trending')
        batch_op.drop_index('ix_ideas_status_votes')
        batch_op.drop_index('ix_ideas_status_trending')
        batch_op.drop_index('ix_ideas_status_created')
        batch_op.drop_index('ix_ideas_merged_into_id')
        batch_op.drop_index('ix_ideas_created')
        batch_op.drop_index('ix_ideas_author_id')
        batch_op.drop_index('ix_ideas_area_votes')
        batch_op.drop_index('ix_ideas_area_trending')
        batch_op.drop_index('ix_ideas_area_created')

    op.drop_table('ideas')
    op.drop_table('idea_review_themes')
    op.drop_table('idea_areas')
