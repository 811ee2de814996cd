"""moderation: review queue, flags, watched words, guidelines, audit trail; content states

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 18:46:23.251593
"""
from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from alembic import op

DEFAULT_GUIDELINES = [
    ("Insults and harassment", "Attack ideas, not people: no insults, slurs, threats or harassment."),
    ("Spam and advertising", "No unsolicited advertising, link farming or the same message posted again and again."),
    ("Personal data", "Never post account or card numbers, national numbers, addresses or other people's details."),
    ("Off-topic", "Keep to the brand's products and services and to the thread's subject."),
    ("Illegal content", "Nothing that breaks the law, such as fraud schemes or stolen data."),
    ("Impersonation", "Do not pretend to be someone else, including the brand's staff."),
]

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('moderation_guidelines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=80), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_guidelines')),
    sa.UniqueConstraint('title', name=op.f('uq_moderation_guidelines_title'))
    )
    # A new community starts with a guideline list its admins can edit.
    guidelines = sa.table('moderation_guidelines', sa.column('title', sa.String), sa.column('description', sa.String),
                          sa.column('position', sa.Integer), sa.column('active', sa.Boolean),
                          sa.column('created_at', sa.DateTime(timezone=True)))
    created = datetime(2026, 12, 1, tzinfo=UTC)
    op.bulk_insert(guidelines, [
        {"title": title, "description": description, "position": i, "active": True, "created_at": created}
        for i, (title, description) in enumerate(DEFAULT_GUIDELINES)])
    op.create_table('moderation_originals',
    sa.Column('content_kind', sa.String(length=40), nullable=False),
    sa.Column('content_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('findings', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('content_kind', 'content_id', name=op.f('pk_moderation_originals'))
    )
    op.create_table('moderation_reviewables',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('content_kind', sa.String(length=40), nullable=False),
    sa.Column('content_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('pending', 'approved', 'rejected', 'ignored', name='reviewstatus', native_enum=False, length=20), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('claimed_by_id', sa.Integer(), nullable=True),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('guideline_id', sa.Integer(), nullable=True),
    sa.Column('resolved_by_id', sa.Integer(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('appeal_text', sa.Text(), nullable=True),
    sa.Column('appealed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['accounts.id'], name=op.f('fk_moderation_reviewables_author_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['claimed_by_id'], ['accounts.id'], name=op.f('fk_moderation_reviewables_claimed_by_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['guideline_id'], ['moderation_guidelines.id'], name=op.f('fk_moderation_reviewables_guideline_id_moderation_guidelines'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['resolved_by_id'], ['accounts.id'], name=op.f('fk_moderation_reviewables_resolved_by_id_accounts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_reviewables')),
    sa.UniqueConstraint('content_kind', 'content_id', name=op.f('uq_moderation_reviewables_content_kind_content_id'))
    )
    with op.batch_alter_table('moderation_reviewables', schema=None) as batch_op:
        batch_op.create_index('ix_moderation_reviewables_author_id', ['author_id'], unique=False)
        batch_op.create_index('ix_moderation_reviewables_queue', ['status', 'priority', 'score', 'id'], unique=False)

    op.create_table('moderation_screenings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('content_kind', sa.String(length=40), nullable=False),
    sa.Column('content_id', sa.Integer(), nullable=True),
    sa.Column('decision', sa.Enum('publish', 'publish_and_flag', 'hold', 'reject', name='decision', native_enum=False, length=20), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['accounts.id'], name=op.f('fk_moderation_screenings_author_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_screenings'))
    )
    with op.batch_alter_table('moderation_screenings', schema=None) as batch_op:
        batch_op.create_index('ix_moderation_screenings_author_id_created_at', ['author_id', 'created_at'], unique=False)
        batch_op.create_index('ix_moderation_screenings_text_hash_created_at', ['text_hash', 'created_at'], unique=False)

    op.create_table('moderation_standings',
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('published_count', sa.Integer(), nullable=False),
    sa.Column('rejected_count', sa.Integer(), nullable=False),
    sa.Column('warning_count', sa.Integer(), nullable=False),
    sa.Column('flags_agreed', sa.Integer(), nullable=False),
    sa.Column('flags_disagreed', sa.Integer(), nullable=False),
    sa.Column('last_rejected_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_moderation_standings_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('account_id', name=op.f('pk_moderation_standings'))
    )
    op.create_table('moderation_watched_words',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pattern', sa.String(length=200), nullable=False),
    sa.Column('is_regex', sa.Boolean(), nullable=False),
    sa.Column('action', sa.Enum('block', 'require_approval', 'flag', 'censor', 'replace', name='wordaction', native_enum=False, length=20), nullable=False),
    sa.Column('replacement', sa.String(length=200), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['accounts.id'], name=op.f('fk_moderation_watched_words_created_by_id_accounts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_watched_words')),
    sa.UniqueConstraint('pattern', name=op.f('uq_moderation_watched_words_pattern'))
    )
    op.create_table('moderation_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reviewable_id', sa.Integer(), nullable=True),
    sa.Column('content_kind', sa.String(length=40), nullable=True),
    sa.Column('content_id', sa.Integer(), nullable=True),
    sa.Column('subject_id', sa.Integer(), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('guideline_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['accounts.id'], name=op.f('fk_moderation_actions_actor_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['guideline_id'], ['moderation_guidelines.id'], name=op.f('fk_moderation_actions_guideline_id_moderation_guidelines'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reviewable_id'], ['moderation_reviewables.id'], name=op.f('fk_moderation_actions_reviewable_id_moderation_reviewables'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['subject_id'], ['accounts.id'], name=op.f('fk_moderation_actions_subject_id_accounts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_actions'))
    )
    with op.batch_alter_table('moderation_actions', schema=None) as batch_op:
        batch_op.create_index('ix_moderation_actions_action_id', ['action', 'id'], unique=False)
        batch_op.create_index('ix_moderation_actions_reviewable_id_id', ['reviewable_id', 'id'], unique=False)
        batch_op.create_index('ix_moderation_actions_subject_id_id', ['subject_id', 'id'], unique=False)

    op.create_table('moderation_flags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reviewable_id', sa.Integer(), nullable=False),
    sa.Column('content_kind', sa.String(length=40), nullable=False),
    sa.Column('content_id', sa.Integer(), nullable=False),
    sa.Column('flagger_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Enum('spam', 'insult', 'personal_data', 'off_topic', 'other', name='flagreason', native_enum=False, length=20), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('weight', sa.Float(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['flagger_id'], ['accounts.id'], name=op.f('fk_moderation_flags_flagger_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewable_id'], ['moderation_reviewables.id'], name=op.f('fk_moderation_flags_reviewable_id_moderation_reviewables'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_flags')),
    sa.UniqueConstraint('content_kind', 'content_id', 'flagger_id', name=op.f('uq_moderation_flags_content_kind_content_id_flagger_id'))
    )
    with op.batch_alter_table('moderation_flags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_moderation_flags_flagger_id'), ['flagger_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_moderation_flags_reviewable_id'), ['reviewable_id'], unique=False)

    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('suspended_until', sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table('forum_posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('state', sa.Enum('published', 'held', 'hidden', 'rejected', 'deleted', name='contentstate', native_enum=False, length=16), server_default='published', nullable=False))

    with op.batch_alter_table('forum_threads', schema=None) as batch_op:
        batch_op.add_column(sa.Column('state', sa.Enum('published', 'held', 'hidden', 'rejected', 'deleted', name='contentstate', native_enum=False, length=16), server_default='published', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('forum_threads', schema=None) as batch_op:
        batch_op.drop_column('state')

    with op.batch_alter_table('forum_posts', schema=None) as batch_op:
        batch_op.drop_column('state')

    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_column('suspended_until')

    with op.batch_alter_table('moderation_flags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_moderation_flags_reviewable_id'))
        batch_op.drop_index(batch_op.f('ix_moderation_flags_flagger_id'))

    op.drop_table('moderation_flags')
    with op.batch_alter_table('moderation_actions', schema=None) as batch_op:
        batch_op.drop_index('ix_moderation_actions_subject_id_id')
        batch_op.drop_index('ix_moderation_actions_reviewable_id_id')
        batch_op.drop_index('ix_moderation_actions_action_id')

    op.drop_table('moderation_actions')
    op.drop_table('moderation_watched_words')
    op.drop_table('moderation_standings')
    with op.batch_alter_table('moderation_screenings', schema=None) as batch_op:
        batch_op.drop_index('ix_moderation_screenings_text_hash_created_at')
        batch_op.drop_index('ix_moderation_screenings_author_id_created_at')

    op.drop_table('moderation_screenings')
    with op.batch_alter_table('moderation_reviewables', schema=None) as batch_op:
        batch_op.drop_index('ix_moderation_reviewables_queue')
        batch_op.drop_index('ix_moderation_reviewables_author_id')

    op.drop_table('moderation_reviewables')
    op.drop_table('moderation_originals')
    op.drop_table('moderation_guidelines')
