"""forums and notifications

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 08:22:50.712481
"""
from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('forum_categories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('thread_count', sa.Integer(), nullable=False),
    sa.Column('post_count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forum_categories')),
    sa.UniqueConstraint('slug', name=op.f('uq_forum_categories_slug'))
    )
    op.create_table('forum_tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forum_tags')),
    sa.UniqueConstraint('name', name=op.f('uq_forum_tags_name'))
    )
    op.create_table('forum_threads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('question', 'discussion', name='threadkind', native_enum=False, length=16), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('accepted_post_id', sa.Integer(), nullable=True),
    sa.Column('answer_count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_activity_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['accounts.id'], name=op.f('fk_forum_threads_author_id_accounts')),
    sa.ForeignKeyConstraint(['category_id'], ['forum_categories.id'], name=op.f('fk_forum_threads_category_id_forum_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forum_threads'))
    )
    with op.batch_alter_table('forum_threads', schema=None) as batch_op:
        batch_op.create_index('ix_forum_threads_activity', ['last_activity_at', 'id'], unique=False)
        batch_op.create_index('ix_forum_threads_author_id', ['author_id'], unique=False)
        batch_op.create_index('ix_forum_threads_category_activity', ['category_id', 'last_activity_at', 'id'], unique=False)
        batch_op.create_index('ix_forum_threads_unanswered', ['kind', 'answer_count', 'created_at'], unique=False)

    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=300), nullable=False),
    sa.Column('dedupe_key', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_notifications_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['actor_id'], ['accounts.id'], name=op.f('fk_notifications_actor_id_accounts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications')),
    sa.UniqueConstraint('account_id', 'dedupe_key', name=op.f('uq_notifications_account_id_dedupe_key'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index('ix_notifications_account_id_id', ['account_id', 'id'], unique=False)

    op.create_table('forum_follows',
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_forum_follows_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['forum_threads.id'], name=op.f('fk_forum_follows_thread_id_forum_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('thread_id', 'account_id', name=op.f('pk_forum_follows'))
    )
    with op.batch_alter_table('forum_follows', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_follows_account_id'), ['account_id'], unique=False)

    op.create_table('forum_posts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('is_opening', sa.Boolean(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['accounts.id'], name=op.f('fk_forum_posts_author_id_accounts')),
    sa.ForeignKeyConstraint(['thread_id'], ['forum_threads.id'], name=op.f('fk_forum_posts_thread_id_forum_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forum_posts'))
    )
    with op.batch_alter_table('forum_posts', schema=None) as batch_op:
        batch_op.create_index('ix_forum_posts_author_id', ['author_id'], unique=False)
        batch_op.create_index('ix_forum_posts_thread_id_id', ['thread_id', 'id'], unique=False)

    op.create_table('forum_thread_tags',
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tag_id'], ['forum_tags.id'], name=op.f('fk_forum_thread_tags_tag_id_forum_tags'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['forum_threads.id'], name=op.f('fk_forum_thread_tags_thread_id_forum_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('thread_id', 'tag_id', name=op.f('pk_forum_thread_tags'))
    )
    with op.batch_alter_table('forum_thread_tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_thread_tags_tag_id'), ['tag_id'], unique=False)

    op.create_table('forum_post_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('editor_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['editor_id'], ['accounts.id'], name=op.f('fk_forum_post_revisions_editor_id_accounts')),
    sa.ForeignKeyConstraint(['post_id'], ['forum_posts.id'], name=op.f('fk_forum_post_revisions_post_id_forum_posts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forum_post_revisions'))
    )
    with op.batch_alter_table('forum_post_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_post_revisions_post_id'), ['post_id'], unique=False)

    op.create_table('forum_post_votes',
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('voter_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['post_id'], ['forum_posts.id'], name=op.f('fk_forum_post_votes_post_id_forum_posts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['voter_id'], ['accounts.id'], name=op.f('fk_forum_post_votes_voter_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('post_id', 'voter_id', name=op.f('pk_forum_post_votes'))
    )
    with op.batch_alter_table('forum_post_votes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_post_votes_voter_id'), ['voter_id'], unique=False)

    # Threads and posts point at each other: the accepted-answer link comes once both exist.
    with op.batch_alter_table('forum_threads', schema=None) as batch_op:
        batch_op.create_foreign_key(op.f('fk_forum_threads_accepted_post_id_forum_posts'), 'forum_posts',
                                    ['accepted_post_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unread_notifications', sa.Integer(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_column('unread_notifications')

    with op.batch_alter_table('forum_threads', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('fk_forum_threads_accepted_post_id_forum_posts'), type_='foreignkey')

    with op.batch_alter_table('forum_post_votes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forum_post_votes_voter_id'))

    op.drop_table('forum_post_votes')
    with op.batch_alter_table('forum_post_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forum_post_revisions_post_id'))

    op.drop_table('forum_post_revisions')
    with op.batch_alter_table('forum_thread_tags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forum_thread_tags_tag_id'))

    op.drop_table('forum_thread_tags')
    with op.batch_alter_table('forum_posts', schema=None) as batch_op:
        batch_op.drop_index('ix_forum_posts_thread_id_id')
        batch_op.drop_index('ix_forum_posts_author_id')

    op.drop_table('forum_posts')
    with op.batch_alter_table('forum_follows', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forum_follows_account_id'))

    op.drop_table('forum_follows')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index('ix_notifications_account_id_id')

    op.drop_table('notifications')
    with op.batch_alter_table('forum_threads', schema=None) as batch_op:
        batch_op.drop_index('ix_forum_threads_unanswered')
        batch_op.drop_index('ix_forum_threads_category_activity')
        batch_op.drop_index('ix_forum_threads_author_id')
        batch_op.drop_index('ix_forum_threads_activity')

    op.drop_table('forum_threads')
    op.drop_table('forum_tags')
    op.drop_table('forum_categories')
