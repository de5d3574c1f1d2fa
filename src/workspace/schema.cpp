#include "workspace/schema.h"

namespace leaktrace {

std::string_view workspace_schema_sql() {
  return R"sql(
CREATE TABLE IF NOT EXISTS input_files (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  size INTEGER,
  modified_time INTEGER,
  sha256 TEXT,
  format TEXT NOT NULL,
  compression TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'partial',   -- 'partial' until the whole file was read
  lines INTEGER NOT NULL DEFAULT 0,
  posts_new INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  started_at INTEGER,
  finished_at INTEGER
);
CREATE INDEX IF NOT EXISTS input_files_by_sha256 ON input_files(sha256);
CREATE INDEX IF NOT EXISTS input_files_by_path ON input_files(path);

CREATE TABLE IF NOT EXISTS accounts (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  native_id TEXT NOT NULL,
  handle TEXT,
  display_name TEXT,
  created_at INTEGER,
  followers INTEGER,
  following INTEGER,
  posts INTEGER,
  verified INTEGER,
  default_profile INTEGER,
  description TEXT,
  observed_at INTEGER,          -- time of the post the values above were read from
  first_seen INTEGER,
  last_seen INTEGER,
  authored INTEGER NOT NULL DEFAULT 0,  -- 1 once a post by this account is stored
  UNIQUE (platform, native_id)
);

CREATE TABLE IF NOT EXISTS posts (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  native_id TEXT NOT NULL,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  created_at INTEGER,
  kind TEXT NOT NULL,           -- original, repost, quote, reply
  parent_native_id TEXT,        -- the post reposted, quoted or answered, same platform
  reply_to_native_id TEXT,
  conversation_id TEXT,
  channel TEXT,
  text TEXT,
  language TEXT,
  embedded INTEGER NOT NULL DEFAULT 0,  -- 1 when only seen inside another record
  file_id INTEGER REFERENCES input_files(id),
  line INTEGER,
  UNIQUE (platform, native_id)
);

CREATE TABLE IF NOT EXISTS urls (
  id INTEGER PRIMARY KEY,
  expanded TEXT NOT NULL,       -- unique: the writer interns URLs, no index is paid for on ingest
  canonical TEXT NOT NULL,
  host TEXT
);

CREATE TABLE IF NOT EXISTS post_urls (
  post_id INTEGER NOT NULL REFERENCES posts(id),
  url_id INTEGER NOT NULL REFERENCES urls(id),
  PRIMARY KEY (post_id, url_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS hashtags (
  id INTEGER PRIMARY KEY,
  tag TEXT NOT NULL UNIQUE       -- case-folded, without '#'
);

CREATE TABLE IF NOT EXISTS post_hashtags (
  post_id INTEGER NOT NULL REFERENCES posts(id),
  hashtag_id INTEGER NOT NULL REFERENCES hashtags(id),
  PRIMARY KEY (post_id, hashtag_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS post_mentions (
  post_id INTEGER NOT NULL REFERENCES posts(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  PRIMARY KEY (post_id, account_id)
) WITHOUT ROWID;

-- A post whose URL names another post, on any platform; resolved by joining on
-- posts(platform, native_id), so a citation whose target is ingested later resolves then.
CREATE TABLE IF NOT EXISTS citations (
  post_id INTEGER NOT NULL REFERENCES posts(id),
  cited_platform TEXT NOT NULL,
  cited_native_id TEXT NOT NULL,
  cited_channel TEXT,
  url_id INTEGER REFERENCES urls(id),
  PRIMARY KEY (post_id, cited_platform, cited_native_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS rejected (
  file_id INTEGER NOT NULL REFERENCES input_files(id),
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (file_id, line, reason)
) WITHOUT ROWID;

-- Stream notices: deletions, limit notices (collection gaps), warnings, errors inside a stream.
CREATE TABLE IF NOT EXISTS notices (
  file_id INTEGER NOT NULL REFERENCES input_files(id),
  line INTEGER NOT NULL,
  kind TEXT NOT NULL,
  time INTEGER,
  count INTEGER,
  detail TEXT,
  PRIMARY KEY (file_id, line, kind, detail)
) WITHOUT ROWID;

CREATE VIEW IF NOT EXISTS resolved_citations AS
  SELECT c.post_id AS citing_post_id, cited.id AS cited_post_id, c.cited_platform, c.cited_native_id, c.url_id
  FROM citations c JOIN posts cited ON cited.platform = c.cited_platform AND cited.native_id = c.cited_native_id;
)sql";
}

}  // namespace leaktrace
