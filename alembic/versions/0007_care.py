"""care: social listening — channels, inbox, mentions, conversations, topics, corrections, imports

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 21:06:38.721222
"""
from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('care_channels',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('x', 'facebook', 'feed', 'import', name='channelkind', native_enum=False, length=16), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('account', sa.String(length=500), nullable=False),
    sa.Column('news', sa.Boolean(), nullable=False),
    sa.Column('poll_minutes', sa.Integer(), nullable=False),
    sa.Column('secret_encrypted', sa.Text(), nullable=True),
    sa.Column('secret_hint', sa.String(length=12), nullable=True),
    sa.Column('verify_token_encrypted', sa.Text(), nullable=True),
    sa.Column('etag', sa.String(length=300), nullable=True),
    sa.Column('last_modified', sa.String(length=100), nullable=True),
    sa.Column('last_polled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('next_poll_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.String(length=500), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_channels')),
    sa.UniqueConstraint('name', name=op.f('uq_care_channels_name'))
    )
    op.create_table('care_sentiment_models',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('examples', sa.Integer(), nullable=False),
    sa.Column('trained_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_sentiment_models'))
    )
    op.create_table('care_topics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('query', sa.Text(), nullable=False),
    sa.Column('profiles', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_topics')),
    sa.UniqueConstraint('name', name=op.f('uq_care_topics_name'))
    )
    op.create_table('care_conversations',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('root_key', sa.String(length=200), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('mention_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['care_channels.id'], name=op.f('fk_care_conversations_channel_id_care_channels'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_conversations')),
    sa.UniqueConstraint('channel_id', 'root_key', name=op.f('uq_care_conversations_channel_id_root_key'))
    )
    with op.batch_alter_table('care_conversations', schema=None) as batch_op:
        batch_op.create_index('ix_care_conversations_channel_last', ['channel_id', 'last_at'], unique=False)

    op.create_table('care_imports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('format', sa.String(length=10), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('path', sa.String(length=500), nullable=False),
    sa.Column('status', sa.Enum('running', 'done', 'failed', name='importstatus', native_enum=False, length=16), nullable=False),
    sa.Column('total_lines', sa.Integer(), nullable=False),
    sa.Column('lines_read', sa.Integer(), nullable=False),
    sa.Column('queued', sa.Integer(), nullable=False),
    sa.Column('stored', sa.Integer(), nullable=False),
    sa.Column('duplicates', sa.Integer(), nullable=False),
    sa.Column('dropped', sa.Integer(), nullable=False),
    sa.Column('errors', sa.JSON(), nullable=False),
    sa.Column('error_count', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['channel_id'], ['care_channels.id'], name=op.f('fk_care_imports_channel_id_care_channels'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['accounts.id'], name=op.f('fk_care_imports_created_by_id_accounts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_imports'))
    )
    op.create_table('care_smart_deletes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('deleted', sa.Integer(), nullable=False),
    sa.Column('kept_handled', sa.Integer(), nullable=False),
    sa.Column('topics', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['accounts.id'], name=op.f('fk_care_smart_deletes_actor_id_accounts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_smart_deletes'))
    )
    op.create_table('care_conversation_keys',
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=200), nullable=False),
    sa.Column('conversation_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['care_channels.id'], name=op.f('fk_care_conversation_keys_channel_id_care_channels'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['conversation_id'], ['care_conversations.id'], name=op.f('fk_care_conversation_keys_conversation_id_care_conversations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('channel_id', 'external_id', name=op.f('pk_care_conversation_keys'))
    )
    with op.batch_alter_table('care_conversation_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_conversation_keys_conversation_id'), ['conversation_id'], unique=False)

    op.create_table('care_inbox',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['channel_id'], ['care_channels.id'], name=op.f('fk_care_inbox_channel_id_care_channels'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['import_id'], ['care_imports.id'], name=op.f('fk_care_inbox_import_id_care_imports'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_inbox'))
    )
    with op.batch_alter_table('care_inbox', schema=None) as batch_op:
        batch_op.create_index('ix_care_inbox_pending', ['id'], unique=False, postgresql_where=sa.text('processed_at IS NULL'), sqlite_where=sa.text('processed_at IS NULL'))

    op.create_table('care_mentions',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=200), nullable=False),
    sa.Column('conversation_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('parent_external_id', sa.String(length=200), nullable=True),
    sa.Column('author_handle', sa.String(length=100), nullable=False),
    sa.Column('author_name', sa.String(length=200), nullable=True),
    sa.Column('author_followers', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('url', sa.String(length=1000), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('sentiment', sa.Enum('positive', 'neutral', 'negative', name='sentiment', native_enum=False, length=16), nullable=False),
    sa.Column('sentiment_score', sa.Float(), nullable=False),
    sa.Column('sentiment_source', sa.String(length=10), nullable=False),
    sa.Column('insult', sa.Boolean(), nullable=False),
    sa.Column('pure_insult', sa.Boolean(), nullable=False),
    sa.Column('personal_data', sa.Boolean(), nullable=False),
    sa.Column('is_news', sa.Boolean(), nullable=False),
    sa.Column('edited', sa.Boolean(), nullable=False),
    sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['channel_id'], ['care_channels.id'], name=op.f('fk_care_mentions_channel_id_care_channels'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['conversation_id'], ['care_conversations.id'], name=op.f('fk_care_mentions_conversation_id_care_conversations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_mentions')),
    sa.UniqueConstraint('channel_id', 'external_id', name=op.f('uq_care_mentions_channel_id_external_id'))
    )
    with op.batch_alter_table('care_mentions', schema=None) as batch_op:
        batch_op.create_index('ix_care_mentions_channel_published', ['channel_id', 'published_at'], unique=False)
        batch_op.create_index('ix_care_mentions_conversation', ['conversation_id', 'published_at'], unique=False)
        batch_op.create_index('ix_care_mentions_published', ['published_at', 'id'], unique=False)

    op.create_table('care_mention_topics',
    sa.Column('mention_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['mention_id'], ['care_mentions.id'], name=op.f('fk_care_mention_topics_mention_id_care_mentions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['care_topics.id'], name=op.f('fk_care_mention_topics_topic_id_care_topics'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('mention_id', 'topic_id', name=op.f('pk_care_mention_topics'))
    )
    with op.batch_alter_table('care_mention_topics', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_mention_topics_topic_id'), ['topic_id'], unique=False)

    op.create_table('care_sentiment_corrections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mention_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.Enum('positive', 'neutral', 'negative', name='sentiment', native_enum=False, length=16), nullable=False),
    sa.Column('after', sa.Enum('positive', 'neutral', 'negative', name='sentiment', native_enum=False, length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['accounts.id'], name=op.f('fk_care_sentiment_corrections_agent_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['mention_id'], ['care_mentions.id'], name=op.f('fk_care_sentiment_corrections_mention_id_care_mentions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_sentiment_corrections'))
    )
    with op.batch_alter_table('care_sentiment_corrections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_sentiment_corrections_mention_id'), ['mention_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('care_sentiment_corrections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_sentiment_corrections_mention_id'))

    op.drop_table('care_sentiment_corrections')
    with op.batch_alter_table('care_mention_topics', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_mention_topics_topic_id'))

    op.drop_table('care_mention_topics')
    with op.batch_alter_table('care_mentions', schema=None) as batch_op:
        batch_op.drop_index('ix_care_mentions_published')
        batch_op.drop_index('ix_care_mentions_conversation')
        batch_op.drop_index('ix_care_mentions_channel_published')

    op.drop_table('care_mentions')
    with op.batch_alter_table('care_inbox', schema=None) as batch_op:
        batch_op.drop_index('ix_care_inbox_pending', postgresql_where=sa.text('processed_at IS NULL'), sqlite_where=sa.text('processed_at IS NULL'))

    op.drop_table('care_inbox')
    with op.batch_alter_table('care_conversation_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_conversation_keys_conversation_id'))

    op.drop_table('care_conversation_keys')
    op.drop_table('care_smart_deletes')
    op.drop_table('care_imports')
    with op.batch_alter_table('care_conversations', schema=None) as batch_op:
        batch_op.drop_index('ix_care_conversations_channel_last')

    op.drop_table('care_conversations')
    op.drop_table('care_topics')
    op.drop_table('care_sentiment_models')
    op.drop_table('care_channels')
