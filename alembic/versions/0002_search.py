"""search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 10:00:00

The SQL search backend's table plus its full-text index, which models cannot describe
(hearth.search.models.include_object hides it from the drift check). Triggers keep the
index in step with the table, so any DELETE (a cleanup, a test's teardown) leaves no
ghost entries that a reused row id would match. A later SQLite batch migration that
recreates search_documents drops these triggers with the old table: recreate them there.
"""
from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# PostgreSQL: one text search configuration per language, each removing accents before
# stemming, so "bloquee" finds "bloquée" and ts_headline still marks the accented word.
PG_CONFIGS = {"english": "english_stem", "dutch": "dutch_stem", "french": "french_stem",
              "german": "german_stem", "simple": "simple"}

# SQLite: kind is indexed too, so the usual search (one kind, no other filter) is answered
# by the full-text index alone, without visiting search_documents for every match.
SQLITE_UP = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(title, body, kind, content='search_documents',
       content_rowid='id', tokenize="unicode61 remove_diacritics 2")""",
    """CREATE TRIGGER search_documents_fts_insert AFTER INSERT ON search_documents BEGIN
         INSERT INTO search_fts(rowid, title, body, kind) VALUES (new.id, new.title, new.body, new.kind);
       END""",
    # FTS5 external content must be told the old values to forget them.
    """CREATE TRIGGER search_documents_fts_delete AFTER DELETE ON search_documents BEGIN
         INSERT INTO search_fts(search_fts, rowid, title, body, kind)
         VALUES ('delete', old.id, old.title, old.body, old.kind);
       END""",
    """CREATE TRIGGER search_documents_fts_update AFTER UPDATE OF title, body, kind ON search_documents BEGIN
         INSERT INTO search_fts(search_fts, rowid, title, body, kind)
         VALUES ('delete', old.id, old.title, old.body, old.kind);
         INSERT INTO search_fts(rowid, title, body, kind) VALUES (new.id, new.title, new.body, new.kind);
       END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS search_documents_fts_update",
    "DROP TRIGGER IF EXISTS search_documents_fts_delete",
    "DROP TRIGGER IF EXISTS search_documents_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]

PG_UP = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    *(sql for name, stem in PG_CONFIGS.items() for sql in (
        f"CREATE TEXT SEARCH CONFIGURATION hearth_{name} (COPY = pg_catalog.{name})",
        f"ALTER TEXT SEARCH CONFIGURATION hearth_{name} ALTER MAPPING FOR hword, hword_part, word"
        f" WITH unaccent, {stem}",
    )),
    """CREATE FUNCTION hearth_search_config(language text) RETURNS regconfig
       LANGUAGE sql STABLE AS $$
         SELECT CASE language WHEN 'en' THEN 'hearth_english'::regconfig
                              WHEN 'nl' THEN 'hearth_dutch'::regconfig
                              WHEN 'fr' THEN 'hearth_french'::regconfig
                              WHEN 'de' THEN 'hearth_german'::regconfig
                              ELSE 'hearth_simple'::regconfig END
       $$""",
    "ALTER TABLE search_documents ADD COLUMN tsv tsvector",
    # The title alone as well: matching "as you type" against tsv's weight-A lexemes would
    # make PostgreSQL read every candidate's whole tsvector to check the weights.
    "ALTER TABLE search_documents ADD COLUMN title_tsv tsvector",
    # The default parser skips whatever looks like an HTML tag or entity, but the text is
    # plain: hide "<" and "&" from it as control characters (hearth.search.sql does the same).
    """CREATE FUNCTION search_documents_tsv() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.title_tsv := to_tsvector(hearth_search_config(NEW.language),
                                      translate(NEW.title, '<&', E'\\x04\\x05'));
         NEW.tsv := setweight(NEW.title_tsv, 'A')
                 || setweight(to_tsvector(hearth_search_config(NEW.language),
                                          translate(NEW.body, '<&', E'\\x04\\x05')), 'B');
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER search_documents_tsv BEFORE INSERT OR UPDATE OF title, body, language
       ON search_documents FOR EACH ROW EXECUTE FUNCTION search_documents_tsv()""",
    "CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (tsv)",
    "CREATE INDEX ix_search_documents_title_tsv ON search_documents USING gin (title_tsv)",
]
# The unaccent extension stays: it may have been there before, and others may use it.
PG_DOWN = [
    "DROP INDEX IF EXISTS ix_search_documents_title_tsv",
    "DROP INDEX IF EXISTS ix_search_documents_tsv",
    "DROP TRIGGER IF EXISTS search_documents_tsv ON search_documents",
    "DROP FUNCTION IF EXISTS search_documents_tsv()",
    "ALTER TABLE search_documents DROP COLUMN IF EXISTS title_tsv",
    "ALTER TABLE search_documents DROP COLUMN IF EXISTS tsv",
    "DROP FUNCTION IF EXISTS hearth_search_config(text)",
    *(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS hearth_{name}" for name in PG_CONFIGS),
]


def _run(statements: dict[str, list[str]]) -> None:
    for sql in statements.get(op.get_bind().dialect.name, []):
        op.execute(sql)


def upgrade() -> None:
    op.create_table('search_documents',
    # Short columns first: SQLite reads a row's columns in order, and the filters and sort
    # keys should not have to step over a long body (and its overflow pages) for every match.
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('ref_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('solved', sa.Boolean(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tags', sa.Text(), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_documents')),
    sa.UniqueConstraint('kind', 'ref_id', name=op.f('uq_search_documents_kind_ref_id'))
    )
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_documents_category_id'), ['category_id'], unique=False)

    _run({"sqlite": SQLITE_UP, "postgresql": PG_UP})


def downgrade() -> None:
    _run({"sqlite": SQLITE_DOWN, "postgresql": PG_DOWN})
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_documents_category_id'))

    op.drop_table('search_documents')
