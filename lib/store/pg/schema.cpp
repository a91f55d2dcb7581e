// Schema and migrations on PostgreSQL. Text columns compare and sort by byte (COLLATE "C"),
// as SQLite's do, whatever the database's locale. Money is bigint minor units, quantities
// double precision; dates and times stay ISO-8601 text as written (a date, or a date and
// time with or without an offset), so nothing is shifted to another zone and a copy is
// exact. Ids are given by kunde (the largest so far plus one, as SQLite gives rowids) so that
// both backends number rows alike. Foreign keys are deferrable: undo checks them at its end.
#include "store/pg/schema.hpp"

#include <fmt/format.h>

#include <string>

#include "error.hpp"
#include "store/store.hpp"
#include "text/utf8.hpp"

namespace kunde::store::pg {
namespace {

// Version 2: the offers `report next` made to each customer (derived, like the scores), for
// the screen pop. `because` is the rule's antecedent, a JSON array of items.
constexpr const char* kOffers = R"sql(
CREATE TABLE customer_offers (
  customer_id bigint NOT NULL REFERENCES customers(id) ON DELETE CASCADE DEFERRABLE,
  rank        bigint NOT NULL,  -- 1 = the best
  as_of       text COLLATE "C" NOT NULL,
  level       text COLLATE "C" NOT NULL,  -- category or product
  item        text COLLATE "C" NOT NULL,
  because     jsonb NOT NULL CHECK (jsonb_typeof(because) = 'array'),
  confidence  double precision NOT NULL,
  lift        double precision NOT NULL,
  PRIMARY KEY (customer_id, rank)
);
)sql";

// Version 1.
constexpr const char* kSchema = R"sql(
CREATE TABLE meta (
  key   text COLLATE "C" PRIMARY KEY,
  value text COLLATE "C" NOT NULL
);

CREATE TABLE customers (
  id                 bigint PRIMARY KEY,
  number             text COLLATE "C" UNIQUE,
  name               text COLLATE "C" NOT NULL DEFAULT '',
  kind               text COLLATE "C" NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'company')),
  contact_person     text COLLATE "C",
  email              text COLLATE "C",
  email_key          text COLLATE "C",
  phone              text COLLATE "C",
  phone_e164         text COLLATE "C",
  street             text COLLATE "C",
  postal_code        text COLLATE "C",
  city               text COLLATE "C",
  country            text COLLATE "C",
  org_number         text COLLATE "C",
  created_at         text COLLATE "C",
  preferred_channel  text COLLATE "C",
  credit_limit       bigint,
  payment_terms_days bigint,
  wallet             bigint,
  notes              text COLLATE "C",
  attributes         jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX customers_email_key ON customers(email_key) WHERE email_key IS NOT NULL;
CREATE INDEX customers_phone_e164 ON customers(phone_e164) WHERE phone_e164 IS NOT NULL;

CREATE TABLE customer_tags (
  customer_id bigint NOT NULL REFERENCES customers(id) DEFERRABLE,
  tag         text COLLATE "C" NOT NULL,
  PRIMARY KEY (customer_id, tag)
);
CREATE INDEX customer_tags_tag ON customer_tags(tag);

CREATE TABLE customer_aliases (
  number      text COLLATE "C" PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers(id) DEFERRABLE
);
CREATE INDEX customer_aliases_customer ON customer_aliases(customer_id);

CREATE TABLE products (
  id         bigint PRIMARY KEY,
  sku        text COLLATE "C" NOT NULL UNIQUE,
  name       text COLLATE "C" NOT NULL DEFAULT '',
  category   text COLLATE "C",
  list_price bigint,
  unit_cost  bigint
);

CREATE TABLE orders (
  id          bigint PRIMARY KEY,
  number      text COLLATE "C" NOT NULL UNIQUE,
  customer_id bigint NOT NULL REFERENCES customers(id) DEFERRABLE,
  ordered_at  text COLLATE "C" NOT NULL,
  channel     text COLLATE "C",
  status      text COLLATE "C" NOT NULL DEFAULT 'completed',
  freight     bigint,
  attributes  jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX orders_customer ON orders(customer_id, ordered_at);

CREATE TABLE order_lines (
  order_id   bigint NOT NULL REFERENCES orders(id) DEFERRABLE,
  line       bigint NOT NULL,
  product_id bigint REFERENCES products(id) DEFERRABLE,
  quantity   double precision NOT NULL DEFAULT 1,
  unit_price bigint,
  amount     bigint NOT NULL,
  unit_cost  bigint,
  cost       bigint,
  gross      bigint,
  discount   double precision,
  PRIMARY KEY (order_id, line)
);

CREATE TABLE payments (
  id          bigint PRIMARY KEY,
  reference   text COLLATE "C" NOT NULL UNIQUE,
  customer_id bigint NOT NULL REFERENCES customers(id) DEFERRABLE,
  paid_at     text COLLATE "C" NOT NULL,
  amount      bigint NOT NULL
);
CREATE INDEX payments_customer ON payments(customer_id, paid_at);

CREATE TABLE contacts (
  id           bigint PRIMARY KEY,
  key          text COLLATE "C",
  customer_id  bigint NOT NULL REFERENCES customers(id) DEFERRABLE,
  at           text COLLATE "C" NOT NULL,
  channel      text COLLATE "C" NOT NULL,
  direction    text COLLATE "C" NOT NULL CHECK (direction IN ('in', 'out')),
  subject      text COLLATE "C",
  notes        text COLLATE "C",
  outcome      text COLLATE "C",
  reason       text COLLATE "C",
  follow_up_at text COLLATE "C",
  promise      text COLLATE "C",
  owner        text COLLATE "C",
  done_at      text COLLATE "C",
  done_notes   text COLLATE "C"
);
CREATE UNIQUE INDEX contacts_key ON contacts(key) WHERE key IS NOT NULL;
CREATE INDEX contacts_customer ON contacts(customer_id, at);
CREATE INDEX contacts_open ON contacts(follow_up_at)
  WHERE done_at IS NULL AND (follow_up_at IS NOT NULL OR promise IS NOT NULL);

CREATE TABLE customer_order_stats (
  customer_id      bigint PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE DEFERRABLE,
  first_order_at   text COLLATE "C",
  last_order_at    text COLLATE "C",
  orders           bigint NOT NULL DEFAULT 0,
  revenue          bigint NOT NULL DEFAULT 0,
  cost             bigint NOT NULL DEFAULT 0,
  margin           bigint NOT NULL DEFAULT 0,
  invoiced         bigint NOT NULL DEFAULT 0,
  paid             bigint NOT NULL DEFAULT 0,
  balance          bigint NOT NULL DEFAULT 0,
  avg_order_value  bigint NOT NULL DEFAULT 0,
  oldest_unpaid_at text COLLATE "C",
  top_categories   text COLLATE "C",
  uncosted_revenue bigint NOT NULL DEFAULT 0
);

CREATE TABLE customer_contact_stats (
  customer_id       bigint PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE DEFERRABLE,
  contacts          bigint NOT NULL DEFAULT 0,
  inbound           bigint NOT NULL DEFAULT 0,
  outbound          bigint NOT NULL DEFAULT 0,
  last_contact_at   text COLLATE "C",
  complaints        bigint NOT NULL DEFAULT 0,
  open_promises     bigint NOT NULL DEFAULT 0,
  open_follow_ups   bigint NOT NULL DEFAULT 0,
  next_follow_up_at text COLLATE "C",
  preferred_channel text COLLATE "C",
  by_channel        json NOT NULL DEFAULT '{}'
);

CREATE TABLE customer_scores (
  customer_id          bigint PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE DEFERRABLE,
  as_of                text COLLATE "C",
  model                text COLLATE "C",
  p_alive              double precision,
  expected_purchases   double precision,
  expected_order_value bigint,
  clv                  bigint,
  rfm_r                bigint,
  rfm_f                bigint,
  rfm_m                bigint,
  rfm_segment          text COLLATE "C",
  churn_risk           text COLLATE "C"
);

-- Segments, as on SQLite (lib/store/sqlite/schema.cpp says what each table holds).
CREATE TABLE segments (
  id         bigint PRIMARY KEY,
  name       text COLLATE "C" NOT NULL UNIQUE,
  kind       text COLLATE "C" NOT NULL CHECK (kind IN ('dynamic', 'static')),
  rule       text COLLATE "C",
  created_at text COLLATE "C" NOT NULL,
  CHECK ((kind = 'dynamic') = (rule IS NOT NULL))
);
CREATE TABLE segment_members (
  segment_id  bigint NOT NULL REFERENCES segments(id) DEFERRABLE,
  customer_id bigint NOT NULL REFERENCES customers(id) DEFERRABLE,
  PRIMARY KEY (segment_id, customer_id)
);
CREATE INDEX segment_members_customer ON segment_members(customer_id);
CREATE TABLE segment_matches (
  segment_id  bigint NOT NULL REFERENCES segments(id) ON DELETE CASCADE DEFERRABLE,
  customer_id bigint NOT NULL REFERENCES customers(id) ON DELETE CASCADE DEFERRABLE,
  PRIMARY KEY (segment_id, customer_id)
);
CREATE INDEX segment_matches_customer ON segment_matches(customer_id);
CREATE TABLE segment_refreshes (
  id         bigint PRIMARY KEY,
  segment_id bigint NOT NULL REFERENCES segments(id) ON DELETE CASCADE DEFERRABLE,
  at         text COLLATE "C" NOT NULL,
  cause      text COLLATE "C" NOT NULL,
  members    bigint NOT NULL,
  entered    bigint NOT NULL,
  exited     bigint NOT NULL
);
CREATE INDEX segment_refreshes_segment ON segment_refreshes(segment_id, at);
CREATE TABLE segment_history (
  refresh_id  bigint NOT NULL REFERENCES segment_refreshes(id) ON DELETE CASCADE DEFERRABLE,
  customer_id bigint NOT NULL,
  entered     bigint NOT NULL CHECK (entered IN (0, 1)),
  PRIMARY KEY (refresh_id, customer_id)
);
CREATE INDEX segment_history_customer ON segment_history(customer_id);

-- Derived: the words of each customer's text and of each contact's, folded (lib/text) and
-- split as SQLite's unicode61 tokenizer splits them; a search matches word starts.
CREATE TABLE customer_search (
  customer_id bigint PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE DEFERRABLE,
  words       tsvector NOT NULL
);
CREATE INDEX customer_search_words ON customer_search USING gin (words);
CREATE TABLE contact_search (
  contact_id bigint PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE,
  words      tsvector NOT NULL
);
CREATE INDEX contact_search_words ON contact_search USING gin (words);
CREATE TABLE search_pending (
  tbl text COLLATE "C" NOT NULL CHECK (tbl IN ('customers', 'contacts')),
  lo  bigint NOT NULL,
  hi  bigint NOT NULL
);

CREATE TABLE history (
  id        bigint PRIMARY KEY,
  at        text COLLATE "C" NOT NULL,
  command   text COLLATE "C" NOT NULL,
  summary   text COLLATE "C" NOT NULL DEFAULT '',
  undoes    bigint REFERENCES history(id) DEFERRABLE,
  undone_by bigint REFERENCES history(id) DEFERRABLE,
  bytes     bigint NOT NULL DEFAULT 0
);

-- The rows a write changed, in order: an insert keeps the new row, a delete the old one, an
-- update the key and the old values of the columns it changed, and their new values. The
-- customers a row belongs to (before and after) let an erasure find what to scrub.
CREATE TABLE history_rows (
  history_id   bigint NOT NULL REFERENCES history(id) ON DELETE CASCADE,
  seq          bigint GENERATED ALWAYS AS IDENTITY,
  tbl          text COLLATE "C" NOT NULL,
  op           text COLLATE "C" NOT NULL CHECK (op IN ('I', 'U', 'D')),
  old          jsonb,
  new          jsonb,
  old_customer bigint,
  new_customer bigint,
  PRIMARY KEY (history_id, seq)
);
CREATE INDEX history_rows_old_customer ON history_rows(old_customer) WHERE old_customer IS NOT NULL;
CREATE INDEX history_rows_new_customer ON history_rows(new_customer) WHERE new_customer IS NOT NULL;
-- Rows a bulk write inserted, recorded by key range.
CREATE TABLE history_inserts (
  history_id bigint NOT NULL REFERENCES history(id) ON DELETE CASCADE,
  tbl        text COLLATE "C" NOT NULL,
  lo         bigint NOT NULL,
  hi         bigint NOT NULL,
  PRIMARY KEY (history_id, tbl, lo)
);

-- The old values of the key columns and of the columns that differ, and the new values of
-- those that differ (NULL when none does): what an update leaves in history_rows.
CREATE FUNCTION kunde_diff(o jsonb, n jsonb, keys text[], OUT old jsonb, OUT new jsonb)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT jsonb_object_agg(e.key, e.value) FILTER (WHERE e.key = ANY (keys) OR e.value IS DISTINCT FROM n -> e.key),
         jsonb_object_agg(e.key, n -> e.key) FILTER (WHERE e.value IS DISTINCT FROM n -> e.key)
  FROM jsonb_each(o) e
$$;
)sql";

// Version 3 indexes a customer's words written with an apostrophe joined as well
// (text::fold_for_search): every customer's words are made again by the next search.
constexpr const char* kSearchJoinsApostrophes = R"sql(
DELETE FROM customer_search;
DELETE FROM search_pending WHERE tbl = 'customers';
INSERT INTO search_pending(tbl, lo, hi) SELECT 'customers', min(id), max(id) FROM customers HAVING count(*) > 0;
)sql";

// Index i holds the SQL that takes a store from version i+1 to i+2.
const std::vector<std::string>& migrations() {
  static const std::vector<std::string> list = {kOffers, kSearchJoinsApostrophes};
  return list;
}

void encode(std::int32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool single_code_point(const std::string& s) {
  if (s.empty()) return false;
  auto c = static_cast<unsigned char>(s[0]);
  std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  return s.size() == len;
}

}  // namespace

std::string fold_function_sql() {
  // text::fold maps each code point on its own: asking it about every code point gives its
  // whole table. Several letters for one go through replace(), one through translate(), and
  // code points it drops sit at the end of translate()'s first list, where they map to none.
  std::string from, to, drop, expr = "t";
  for (std::int32_t cp = 1; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s;
    encode(cp, s);
    std::string f = text::fold(s);
    if (f == s) continue;
    if (f.empty()) {
      drop += s;
    } else if (single_code_point(f)) {
      from += s;
      to += f;
    } else {
      expr = fmt::format("replace({}, '{}', '{}')", expr, s, f);
    }
  }
  return fmt::format(
      "CREATE OR REPLACE FUNCTION kunde_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
      "AS $$ SELECT translate({}, '{}', '{}') $$",
      expr, from + drop, to);
}

int schema_version() { return 1 + static_cast<int>(migrations().size()); }

namespace {

// 0: no kunde store here (no meta table), else its version (-1 when unreadable).
int stored_version(Connection& db) {
  if (db.scalar("SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = 'meta' AND "
                "schemaname = ANY (current_schemas(false))") == 0) {
    return 0;
  }
  Result r = db.exec("SELECT value FROM meta WHERE key = 'schema_version'");
  if (r.rows() == 0) return -1;
  try {
    return std::stoi(r.row(0).text(0));
  } catch (...) {
    return -1;
  }
}

}  // namespace

void create_schema(Connection& db, int money_decimals, const std::string& currency) {
  Transaction tx(db, Transaction::Kind::write);
  if (stored_version(db) != 0) {
    throw StoreExists(db.location());
  }
  db.run(kSchema);
  for (const auto& step : migrations()) db.run(step);
  db.run(fold_function_sql());
  db.exec("INSERT INTO meta(key, value) VALUES ('money_decimals', $1), ('currency', $2), ('schema_version', $3)",
          Params(std::to_string(money_decimals), currency, std::to_string(schema_version())));
  tx.commit();
}

void migrate(Connection& db) {
  int version = stored_version(db);
  if (version == schema_version()) return;
  if (version == 0) {
    throw Error(fmt::format("no database at {}", db.location()),
                "run 'kunde init' to create one, or give --db PATH");
  }
  if (version < 0) {
    throw Error(fmt::format("{} is not a kunde database", db.location()),
                "give the URL of a database made by 'kunde init'");
  }
  if (version > schema_version()) {
    throw Error(fmt::format("{} was written by a newer kunde (schema {}, this one reads {})", db.location(), version,
                            schema_version()),
                "upgrade kunde");
  }
  Transaction tx(db, Transaction::Kind::write);
  version = stored_version(db);  // another kunde may have migrated it meanwhile
  for (int v = version; v < schema_version(); ++v) db.run(migrations()[v - 1]);
  db.exec("UPDATE meta SET value = $1 WHERE key = 'schema_version'", Params(std::to_string(schema_version())));
  tx.commit();
}

}  // namespace kunde::store::pg
