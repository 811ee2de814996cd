"""care: the care queue — items, their timeline and replies, tags, canned responses, response-time
goals and business hours, recipes, escalation procedures, crisis mode, agents, presence, saved views

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 01:21:15.939778
"""
from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('care_business_hours',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('week', sa.JSON(), nullable=False),
    sa.Column('holidays', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_business_hours'))
    )
    op.create_table('care_canned_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('texts', sa.JSON(), nullable=False),
    sa.Column('folder', sa.String(length=60), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_canned_responses')),
    sa.UniqueConstraint('code', name=op.f('uq_care_canned_responses_code'))
    )
    op.create_table('care_procedures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('steps', sa.JSON(), nullable=False),
    sa.Column('contacts', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_procedures')),
    sa.UniqueConstraint('name', name=op.f('uq_care_procedures_name'))
    )
    op.create_table('care_recipes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('trigger', sa.Enum('item_created', 'message_received', 'no_reply', 'sla_warning', name='recipetrigger', native_enum=False, length=20), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=True),
    sa.Column('conditions', sa.JSON(), nullable=False),
    sa.Column('actions', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('swept_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_recipes')),
    sa.UniqueConstraint('name', name=op.f('uq_care_recipes_name'))
    )
    op.create_table('care_sla_policies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=True),
    sa.Column('priority', sa.Integer(), nullable=True),
    sa.Column('first_response_minutes', sa.Integer(), nullable=False),
    sa.Column('next_response_minutes', sa.Integer(), nullable=True),
    sa.Column('resolution_minutes', sa.Integer(), nullable=True),
    sa.Column('business_hours', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_sla_policies')),
    sa.UniqueConstraint('name', name=op.f('uq_care_sla_policies_name'))
    )
    op.create_table('care_tag_folders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_tag_folders')),
    sa.UniqueConstraint('name', name=op.f('uq_care_tag_folders_name'))
    )
    op.create_table('care_agents',
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('available', sa.Boolean(), nullable=False),
    sa.Column('signature', sa.String(length=120), nullable=False),
    sa.Column('last_assigned_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_care_agents_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('account_id', name=op.f('pk_care_agents'))
    )
    op.create_table('care_crisis',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('message', sa.String(length=300), nullable=False),
    sa.Column('keywords', sa.JSON(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('started_by_id', sa.Integer(), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['started_by_id'], ['accounts.id'], name=op.f('fk_care_crisis_started_by_id_accounts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_crisis'))
    )
    op.create_table('care_items',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('source', sa.Enum('mention', 'question', 'review', 'flag', name='itemsource', native_enum=False, length=16), nullable=False),
    sa.Column('source_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('channel_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('new', 'open', 'pending_customer', 'escalated', 'resolved', 'ignored', name='itemstatus', native_enum=False), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('url', sa.String(length=1000), nullable=True),
    sa.Column('customer_handle', sa.String(length=200), nullable=True),
    sa.Column('customer_name', sa.String(length=200), nullable=True),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('customer_followers', sa.Integer(), nullable=True),
    sa.Column('sentiment', sa.Enum('positive', 'neutral', 'negative', name='sentiment', native_enum=False, length=16), nullable=True),
    sa.Column('pure_insult', sa.Boolean(), nullable=False),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('assigned_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('sla_policy_id', sa.Integer(), nullable=True),
    sa.Column('first_response_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('first_response_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('next_response_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolution_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('queue_due', sa.DateTime(timezone=True), nullable=True),
    sa.Column('paused_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('breached', sa.Boolean(), nullable=False),
    sa.Column('waiting_since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_message_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reopened', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assignee_id'], ['accounts.id'], name=op.f('fk_care_items_assignee_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['channel_id'], ['care_channels.id'], name=op.f('fk_care_items_channel_id_care_channels'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['customer_id'], ['accounts.id'], name=op.f('fk_care_items_customer_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['sla_policy_id'], ['care_sla_policies.id'], name=op.f('fk_care_items_sla_policy_id_care_sla_policies'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_items')),
    sa.UniqueConstraint('source', 'source_id', name='uq_care_items_source')
    )
    with op.batch_alter_table('care_items', schema=None) as batch_op:
        batch_op.create_index('ix_care_items_assignee_status', ['assignee_id', 'status'], unique=False)
        batch_op.create_index('ix_care_items_queue', ['queue_due', 'priority', 'id'], unique=False)
        batch_op.create_index('ix_care_items_assignee_queue', ['assignee_id', 'queue_due', 'priority', 'id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_care_items_channel'), ['channel'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_items_customer_handle'), ['customer_handle'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_items_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_care_items_language'), ['language'], unique=False)
        batch_op.create_index('ix_care_items_status_due', ['status', 'due_at'], unique=False)
        batch_op.create_index('ix_care_items_status_waiting', ['status', 'waiting_since'], unique=False)
        batch_op.create_index('ix_care_items_updated', ['updated_at'], unique=False)

    op.create_table('care_saved_views',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('filters', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['accounts.id'], name=op.f('fk_care_saved_views_agent_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_saved_views')),
    sa.UniqueConstraint('agent_id', 'name', name='uq_care_saved_views')
    )
    op.create_table('care_tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('folder_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['folder_id'], ['care_tag_folders.id'], name=op.f('fk_care_tags_folder_id_care_tag_folders'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_tags')),
    sa.UniqueConstraint('name', name=op.f('uq_care_tags_name'))
    )
    op.create_table('care_escalations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('procedure_id', sa.Integer(), nullable=True),
    sa.Column('started_by_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('steps_done', sa.JSON(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['care_items.id'], name=op.f('fk_care_escalations_item_id_care_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['procedure_id'], ['care_procedures.id'], name=op.f('fk_care_escalations_procedure_id_care_procedures'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['started_by_id'], ['accounts.id'], name=op.f('fk_care_escalations_started_by_id_accounts'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_escalations'))
    )
    with op.batch_alter_table('care_escalations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_escalations_item_id'), ['item_id'], unique=False)

    op.create_table('care_item_tags',
    sa.Column('item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['care_items.id'], name=op.f('fk_care_item_tags_item_id_care_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['care_tags.id'], name=op.f('fk_care_item_tags_tag_id_care_tags'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_id', 'tag_id', name=op.f('pk_care_item_tags'))
    )
    with op.batch_alter_table('care_item_tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_item_tags_tag_id'), ['tag_id'], unique=False)

    op.create_table('care_presence',
    sa.Column('item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['accounts.id'], name=op.f('fk_care_presence_agent_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['item_id'], ['care_items.id'], name=op.f('fk_care_presence_item_id_care_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_id', 'agent_id', name=op.f('pk_care_presence'))
    )
    with op.batch_alter_table('care_presence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_presence_seen_at'), ['seen_at'], unique=False)

    op.create_table('care_recipe_runs',
    sa.Column('recipe_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('ran_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['care_items.id'], name=op.f('fk_care_recipe_runs_item_id_care_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recipe_id'], ['care_recipes.id'], name=op.f('fk_care_recipe_runs_recipe_id_care_recipes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('recipe_id', 'item_id', 'key', name=op.f('pk_care_recipe_runs'))
    )
    op.create_table('care_replies',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('canned_code', sa.String(length=40), nullable=True),
    sa.Column('target', sa.String(length=16), nullable=False),
    sa.Column('in_reply_to', sa.String(length=200), nullable=True),
    sa.Column('state', sa.Enum('queued', 'sent', 'dry_run', 'failed', name='replystate', native_enum=False, length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=200), nullable=True),
    sa.Column('error', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['agent_id'], ['accounts.id'], name=op.f('fk_care_replies_agent_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['item_id'], ['care_items.id'], name=op.f('fk_care_replies_item_id_care_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_replies'))
    )
    with op.batch_alter_table('care_replies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_replies_item_id'), ['item_id'], unique=False)

    op.create_table('care_sla_breaches',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('goal', sa.String(length=16), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('breached_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['assignee_id'], ['accounts.id'], name=op.f('fk_care_sla_breaches_assignee_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['item_id'], ['care_items.id'], name=op.f('fk_care_sla_breaches_item_id_care_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_sla_breaches')),
    sa.UniqueConstraint('item_id', 'goal', 'due_at', name='uq_care_sla_breaches')
    )
    with op.batch_alter_table('care_sla_breaches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_sla_breaches_item_id'), ['item_id'], unique=False)

    op.create_table('care_entries',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.Enum('message', 'reply', 'note', 'status', 'assignment', 'tags', 'priority', 'sentiment', 'sla', 'recipe', 'escalation', 'send', name='entrykind', native_enum=False, length=16), nullable=False),
    sa.Column('ref', sa.String(length=80), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('mention_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('reply_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('author', sa.String(length=200), nullable=True),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['accounts.id'], name=op.f('fk_care_entries_actor_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['item_id'], ['care_items.id'], name=op.f('fk_care_entries_item_id_care_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mention_id'], ['care_mentions.id'], name=op.f('fk_care_entries_mention_id_care_mentions'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['reply_id'], ['care_replies.id'], name=op.f('fk_care_entries_reply_id_care_replies'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_entries')),
    sa.UniqueConstraint('item_id', 'ref', name='uq_care_entries_ref')
    )
    with op.batch_alter_table('care_entries', schema=None) as batch_op:
        batch_op.create_index('ix_care_entries_item', ['item_id', 'id'], unique=False)

    # Replies sent through a channel (care.replies): the token that may post as the brand.
    with op.batch_alter_table('care_channels', schema=None) as batch_op:
        batch_op.add_column(sa.Column('access_token_encrypted', sa.Text(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('care_channels', schema=None) as batch_op:
        batch_op.drop_column('access_token_encrypted')

    with op.batch_alter_table('care_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_care_entries_item')

    op.drop_table('care_entries')
    with op.batch_alter_table('care_sla_breaches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_sla_breaches_item_id'))

    op.drop_table('care_sla_breaches')
    with op.batch_alter_table('care_replies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_replies_item_id'))

    op.drop_table('care_replies')
    op.drop_table('care_recipe_runs')
    with op.batch_alter_table('care_presence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_presence_seen_at'))

    op.drop_table('care_presence')
    with op.batch_alter_table('care_item_tags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_item_tags_tag_id'))

    op.drop_table('care_item_tags')
    with op.batch_alter_table('care_escalations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_escalations_item_id'))

    op.drop_table('care_escalations')
    op.drop_table('care_tags')
    op.drop_table('care_saved_views')
    with op.batch_alter_table('care_items', schema=None) as batch_op:
        batch_op.drop_index('ix_care_items_updated')
        batch_op.drop_index('ix_care_items_status_waiting')
        batch_op.drop_index('ix_care_items_status_due')
        batch_op.drop_index(batch_op.f('ix_care_items_language'))
        batch_op.drop_index(batch_op.f('ix_care_items_customer_id'))
        batch_op.drop_index(batch_op.f('ix_care_items_customer_handle'))
        batch_op.drop_index(batch_op.f('ix_care_items_channel'))
        batch_op.drop_index('ix_care_items_assignee_status')
        batch_op.drop_index('ix_care_items_assignee_queue')
        batch_op.drop_index('ix_care_items_queue')

    op.drop_table('care_items')
    op.drop_table('care_crisis')
    op.drop_table('care_agents')
    op.drop_table('care_tag_folders')
    op.drop_table('care_sla_policies')
    op.drop_table('care_recipes')
    op.drop_table('care_procedures')
    op.drop_table('care_canned_responses')
    op.drop_table('care_business_hours')
