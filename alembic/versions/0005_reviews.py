"""reviews: catalogue, reviews with history and votes, brand responses, verified customers, invitations, stats

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 19:45:01.570079
"""
from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('review_categories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('dimensions', sa.JSON(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_categories')),
    sa.UniqueConstraint('slug', name=op.f('uq_review_categories_slug'))
    )
    op.create_table('review_products',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['review_categories.id'], name=op.f('fk_review_products_category_id_review_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_products')),
    sa.UniqueConstraint('slug', name=op.f('uq_review_products_slug'))
    )
    with op.batch_alter_table('review_products', schema=None) as batch_op:
        batch_op.create_index('ix_review_products_category_id', ['category_id'], unique=False)

    op.create_table('review_invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('reward', sa.String(length=200), nullable=True),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_review_invitations_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['invited_by_id'], ['accounts.id'], name=op.f('fk_review_invitations_invited_by_id_accounts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['product_id'], ['review_products.id'], name=op.f('fk_review_invitations_product_id_review_products'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_invitations')),
    sa.UniqueConstraint('product_id', 'account_id', name=op.f('uq_review_invitations_product_id_account_id'))
    )
    with op.batch_alter_table('review_invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_invitations_account_id'), ['account_id'], unique=False)

    op.create_table('review_product_stats',
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('review_count', sa.Integer(), nullable=False),
    sa.Column('rating_sum', sa.Integer(), nullable=False),
    sa.Column('distribution', sa.JSON(), nullable=False),
    sa.Column('recommend_yes', sa.Integer(), nullable=False),
    sa.Column('recommend_no', sa.Integer(), nullable=False),
    sa.Column('dimensions', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['review_products.id'], name=op.f('fk_review_product_stats_product_id_review_products'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('product_id', name=op.f('pk_review_product_stats'))
    )
    op.create_table('review_verified_customers',
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_review_verified_customers_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['product_id'], ['review_products.id'], name=op.f('fk_review_verified_customers_product_id_review_products'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('product_id', 'account_id', name=op.f('pk_review_verified_customers'))
    )
    with op.batch_alter_table('review_verified_customers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_verified_customers_account_id'), ['account_id'], unique=False)

    op.create_table('reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('recommend', sa.Boolean(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('state', sa.Enum('published', 'held', 'hidden', 'rejected', 'deleted', name='contentstate', native_enum=False, length=16), nullable=False),
    sa.Column('verified', sa.Boolean(), nullable=False),
    sa.Column('staff', sa.Boolean(), nullable=False),
    sa.Column('incentivized', sa.Boolean(), nullable=False),
    sa.Column('helpful_count', sa.Integer(), nullable=False),
    sa.Column('unhelpful_count', sa.Integer(), nullable=False),
    sa.Column('helpful_score', sa.Float(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['accounts.id'], name=op.f('fk_reviews_author_id_accounts')),
    sa.ForeignKeyConstraint(['product_id'], ['review_products.id'], name=op.f('fk_reviews_product_id_review_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviews')),
    sa.UniqueConstraint('product_id', 'author_id', name=op.f('uq_reviews_product_id_author_id'))
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index('ix_reviews_author_id', ['author_id'], unique=False)
        batch_op.create_index('ix_reviews_product_helpful', ['product_id', 'state', 'helpful_score', 'id'], unique=False)
        batch_op.create_index('ix_reviews_product_newest', ['product_id', 'state', 'created_at', 'id'], unique=False)
        batch_op.create_index('ix_reviews_product_rating', ['product_id', 'state', 'rating', 'id'], unique=False)

    op.create_table('review_ratings',
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('dimension', sa.String(length=40), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], name=op.f('fk_review_ratings_review_id_reviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('review_id', 'dimension', name=op.f('pk_review_ratings'))
    )
    op.create_table('review_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['accounts.id'], name=op.f('fk_review_responses_author_id_accounts')),
    sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], name=op.f('fk_review_responses_review_id_reviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_responses')),
    sa.UniqueConstraint('review_id', name=op.f('uq_review_responses_review_id'))
    )
    op.create_table('review_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('ratings', sa.JSON(), nullable=False),
    sa.Column('recommend', sa.Boolean(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('replaced_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], name=op.f('fk_review_revisions_review_id_reviews'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_revisions'))
    )
    with op.batch_alter_table('review_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_revisions_review_id'), ['review_id'], unique=False)

    op.create_table('review_votes',
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('voter_id', sa.Integer(), nullable=False),
    sa.Column('helpful', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['reviews.id'], name=op.f('fk_review_votes_review_id_reviews'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['voter_id'], ['accounts.id'], name=op.f('fk_review_votes_voter_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('review_id', 'voter_id', name=op.f('pk_review_votes'))
    )
    with op.batch_alter_table('review_votes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_votes_voter_id'), ['voter_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('review_votes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_votes_voter_id'))

    op.drop_table('review_votes')
    with op.batch_alter_table('review_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_revisions_review_id'))

    op.drop_table('review_revisions')
    op.drop_table('review_responses')
    op.drop_table('review_ratings')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index('ix_reviews_product_rating')
        batch_op.drop_index('ix_reviews_product_newest')
        batch_op.drop_index('ix_reviews_product_helpful')
        batch_op.drop_index('ix_reviews_author_id')

    op.drop_table('reviews')
    with op.batch_alter_table('review_verified_customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_verified_customers_account_id'))

    op.drop_table('review_verified_customers')
    op.drop_table('review_product_stats')
    with op.batch_alter_table('review_invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_invitations_account_id'))

    op.drop_table('review_invitations')
    with op.batch_alter_table('review_products', schema=None) as batch_op:
        batch_op.drop_index('ix_review_products_category_id')

    op.drop_table('review_products')
    op.drop_table('review_categories')
