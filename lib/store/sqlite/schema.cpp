// Schema and migrations. Tables that history records have no ON DELETE actions: undo applies
// changesets table by table, and a cascade would delete rows the changeset still expects.
// Derived tables (statistics, search) cascade and are rebuilt from the base tables.
#include "store/sqlite/schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "error.hpp"
#include "store/sqlite/change.hpp"

namespace kunde::store::sqlite {
namespace {

// Version 2: the offers `report next` made to each customer (derived, like the scores), for
// the screen pop.
constexpr const char* kOffers = R"sql(
CREATE TABLE customer_offers (
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  rank        INTEGER NOT NULL,  -- 1 = the best
  as_of       TEXT NOT NULL,
  level       TEXT NOT NULL,     -- category or product
  item        TEXT NOT NULL,
  because     TEXT NOT NULL,     -- the antecedent, a JSON array of items
  confidence  REAL NOT NULL,
  lift        REAL NOT NULL,
  PRIMARY KEY (customer_id, rank)
) STRICT, WITHOUT ROWID;
)sql";

// Derived: each counted order (not cancelled, with lines) with its line sums, for the report
// streams, which read it in key order instead of summing every line of every order. Writes
// only list the customers whose orders changed; the next report brings their rows up to
// date (store/sqlite/order_facts).
constexpr const char* kOrderFacts = R"sql(
CREATE TABLE order_facts (
  customer_id      INTEGER NOT NULL,
  ordered_at       TEXT NOT NULL,
  order_id         INTEGER NOT NULL,
  channel          TEXT,
  lines            INTEGER NOT NULL,
  amount           INTEGER NOT NULL,  -- Σ amount (net)
  cost             INTEGER NOT NULL,  -- Σ cost over the lines whose cost is known
  amount_with_cost INTEGER NOT NULL,  -- Σ amount over the same lines
  returns          INTEGER NOT NULL,  -- Σ amount over negative lines
  PRIMARY KEY (customer_id, ordered_at, order_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE order_facts_pending (customer_id INTEGER PRIMARY KEY) STRICT;
)sql";

// Version 1.
constexpr const char* kSchema = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE customers (
  id                 INTEGER PRIMARY KEY,
  number             TEXT UNIQUE,
  name               TEXT NOT NULL DEFAULT '',
  kind               TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'company')),
  contact_person     TEXT,     -- whom to ask for at a company
  email              TEXT,
  email_key          TEXT,
  phone              TEXT,
  phone_e164         TEXT,
  street             TEXT,
  postal_code        TEXT,
  city               TEXT,
  country            TEXT,
  org_number         TEXT,
  created_at         TEXT,
  preferred_channel  TEXT,
  credit_limit       INTEGER,
  payment_terms_days INTEGER,
  wallet             INTEGER,
  notes              TEXT,
  attributes         TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX customers_email_key ON customers(email_key) WHERE email_key IS NOT NULL;
CREATE INDEX customers_phone_e164 ON customers(phone_e164) WHERE phone_e164 IS NOT NULL;

CREATE TABLE customer_tags (
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  tag         TEXT NOT NULL,
  PRIMARY KEY (customer_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_tags_tag ON customer_tags(tag);

-- Numbers of customers merged into another: orders and lookups by the old number still land.
CREATE TABLE customer_aliases (
  number      TEXT PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id)
) STRICT;
CREATE INDEX customer_aliases_customer ON customer_aliases(customer_id);

CREATE TABLE products (
  id         INTEGER PRIMARY KEY,
  sku        TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL DEFAULT '',
  category   TEXT,
  list_price INTEGER,
  unit_cost  INTEGER
) STRICT;

-- freight: what delivering the order cost us, in minor units: a cost of the order (it counts
-- in cost and margin, never in revenue), NULL when none is known. attributes: the file's other
-- order-level columns (shipping address, ...) as a JSON object. An order without lines (its
-- header imported, its lines to come) counts for nothing yet.
CREATE TABLE orders (
  id          INTEGER PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  ordered_at  TEXT NOT NULL,
  channel     TEXT,
  status      TEXT NOT NULL DEFAULT 'completed',
  freight     INTEGER,
  attributes  TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX orders_customer ON orders(customer_id, ordered_at);
-- No index on ordered_at, nor on order_lines(product_id): together they cost a quarter of an
-- order import, and the lists and sales figures they would serve scan 600,000 lines in tens
-- of milliseconds.

-- Line totals in minor units, each rounded once (lib/crm/pricing.hpp has the rule):
--   amount    the NET line total, after any discount: what revenue, balances, statistics and
--             every report sum
--   gross     the total before the discount (quantity × unit price), only when it differs
--             from amount; NULL means the same as amount, so coalesce(gross, amount) is the
--             gross and coalesce(gross, amount) - amount the discount taken off
--   discount  the rate the file or `order add` gave, as a fraction (0.05 for 5%); NULL when
--             none was given (a net total alone still shows as gross - amount)
--   cost      quantity × unit cost; NULL when the cost is not known: the line then counts in
--             revenue but not in margin (customer_order_stats.uncosted_revenue)
CREATE TABLE order_lines (
  order_id   INTEGER NOT NULL REFERENCES orders(id),
  line       INTEGER NOT NULL,
  product_id INTEGER REFERENCES products(id),
  quantity   REAL NOT NULL DEFAULT 1,
  unit_price INTEGER,
  amount     INTEGER NOT NULL,
  unit_cost  INTEGER,
  cost       INTEGER,
  gross      INTEGER,
  discount   REAL,
  PRIMARY KEY (order_id, line)
) STRICT, WITHOUT ROWID;

CREATE TABLE payments (
  id          INTEGER PRIMARY KEY,
  reference   TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  paid_at     TEXT NOT NULL,
  amount      INTEGER NOT NULL
) STRICT;
CREATE INDEX payments_customer ON payments(customer_id, paid_at);

CREATE TABLE contacts (
  id           INTEGER PRIMARY KEY,
  key          TEXT,
  customer_id  INTEGER NOT NULL REFERENCES customers(id),
  at           TEXT NOT NULL,
  channel      TEXT NOT NULL,
  direction    TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  subject      TEXT,
  notes        TEXT,
  outcome      TEXT,
  reason       TEXT,
  follow_up_at TEXT,
  promise      TEXT,
  owner        TEXT,
  done_at      TEXT,
  done_notes   TEXT
) STRICT;
-- Only keys files gave: a contact without one is known by its customer and content.
CREATE UNIQUE INDEX contacts_key ON contacts(key) WHERE key IS NOT NULL;
CREATE INDEX contacts_customer ON contacts(customer_id, at);
-- Open promises and follow-ups: what 'contact due' reads. Queries repeat this WHERE clause.
CREATE INDEX contacts_open ON contacts(follow_up_at)
  WHERE done_at IS NULL AND (follow_up_at IS NOT NULL OR promise IS NOT NULL);

-- Derived: per-customer order and payment statistics, refreshed for touched customers;
-- customers without orders or payments have no row. lib/crm/statistics.hpp defines each:
-- revenue is net of discounts; uncosted_revenue the part of it from lines without a cost;
-- cost the costs known (lines' cost of goods and orders' freight); margin = revenue -
-- uncosted_revenue - cost, the margin on the revenue whose cost is known.
CREATE TABLE customer_order_stats (
  customer_id      INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  first_order_at   TEXT,
  last_order_at    TEXT,
  orders           INTEGER NOT NULL DEFAULT 0,
  revenue          INTEGER NOT NULL DEFAULT 0,
  cost             INTEGER NOT NULL DEFAULT 0,
  margin           INTEGER NOT NULL DEFAULT 0,
  invoiced         INTEGER NOT NULL DEFAULT 0,
  paid             INTEGER NOT NULL DEFAULT 0,
  balance          INTEGER NOT NULL DEFAULT 0,
  avg_order_value  INTEGER NOT NULL DEFAULT 0,
  -- Date of the oldest invoice not fully paid (payments and credit notes settle the oldest
  -- first); overdue once it is older than the payment terms. Kept as a date, not a flag,
  -- so it never goes stale as days pass.
  oldest_unpaid_at TEXT,
  top_categories   TEXT,
  uncosted_revenue INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Derived: per-customer contact statistics, refreshed for touched customers.
CREATE TABLE customer_contact_stats (
  customer_id       INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  contacts          INTEGER NOT NULL DEFAULT 0,
  inbound           INTEGER NOT NULL DEFAULT 0,
  outbound          INTEGER NOT NULL DEFAULT 0,
  last_contact_at   TEXT,
  complaints        INTEGER NOT NULL DEFAULT 0,
  open_promises     INTEGER NOT NULL DEFAULT 0,
  open_follow_ups   INTEGER NOT NULL DEFAULT 0,
  next_follow_up_at TEXT,
  preferred_channel TEXT,
  by_channel        TEXT NOT NULL DEFAULT '{}'  -- {"phone": {"in": 3, "out": 1}, ...}
) STRICT;

-- Derived: the model scores of each customer, as the last `kunde report clv` / `report rfm`
-- computed them (as_of: the day they describe). Segments and lists read them; they are
-- recomputed, never undone, so history leaves them out.
CREATE TABLE customer_scores (
  customer_id          INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  as_of                TEXT,
  model                TEXT,     -- bgnbd, mbgnbd or pareto-nbd
  p_alive              REAL,
  expected_purchases   REAL,     -- over the horizon of the fit
  expected_order_value INTEGER,  -- minor units
  clv                  INTEGER,  -- minor units, margin, discounted
  rfm_r                INTEGER,
  rfm_f                INTEGER,
  rfm_m                INTEGER,
  rfm_segment          TEXT,
  churn_risk           TEXT      -- why the customer is at risk, or NULL
) STRICT;

-- Segments: named groups of customers. A dynamic segment's rule (normalised text) decides
-- its members at each refresh; a static one's members are added and removed by hand.
CREATE TABLE segments (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  kind       TEXT NOT NULL CHECK (kind IN ('dynamic', 'static')),
  rule       TEXT,
  created_at TEXT NOT NULL,
  CHECK ((kind = 'dynamic') = (rule IS NOT NULL))
) STRICT;

-- The members of static segments.
CREATE TABLE segment_members (
  segment_id  INTEGER NOT NULL REFERENCES segments(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  PRIMARY KEY (segment_id, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX segment_members_customer ON segment_members(customer_id);

-- Derived: the customers a dynamic segment's rule selected at its last refresh. Recomputed,
-- never undone, so history leaves it out (as it leaves out the two tables below).
CREATE TABLE segment_matches (
  segment_id  INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  PRIMARY KEY (segment_id, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX segment_matches_customer ON segment_matches(customer_id);

-- Each time a segment's members changed: a refresh, its creation, a change of its rule,
-- or members added or removed by hand (cause), with the counts after it.
CREATE TABLE segment_refreshes (
  id         INTEGER PRIMARY KEY,
  segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  cause      TEXT NOT NULL,
  members    INTEGER NOT NULL,
  entered    INTEGER NOT NULL,
  exited     INTEGER NOT NULL
) STRICT;
CREATE INDEX segment_refreshes_segment ON segment_refreshes(segment_id, at);

-- Who entered and who left a segment, by which refresh. Customer ids are kept without a
-- reference: removing a customer deletes their rows here too.
CREATE TABLE segment_history (
  refresh_id  INTEGER NOT NULL REFERENCES segment_refreshes(id) ON DELETE CASCADE,
  customer_id INTEGER NOT NULL,
  entered     INTEGER NOT NULL CHECK (entered IN (0, 1)),
  PRIMARY KEY (refresh_id, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX segment_history_customer ON segment_history(customer_id);

-- Derived: folded text for diacritics-insensitive search (attributes: the values of the
-- custom attributes); rowid is the customer id. Contact
-- text has an index of its own, one row per contact, so a contact import adds rows instead
-- of rewriting every customer's. No column sizes: nothing ranks by them.
CREATE VIRTUAL TABLE customer_search USING fts5(
  name, email, phone, city, notes, contact_person, attributes,
  tokenize = 'unicode61 remove_diacritics 2', columnsize = 0
);
CREATE VIRTUAL TABLE contact_search USING fts5(
  subject, notes,
  tokenize = 'unicode61 remove_diacritics 2', columnsize = 0
);
-- Search entries a bulk write leaves to be made, by key range (search_index.cpp).
CREATE TABLE search_pending (
  tbl TEXT NOT NULL CHECK (tbl IN ('customers', 'contacts')),
  lo  INTEGER NOT NULL,
  hi  INTEGER NOT NULL
) STRICT;

CREATE TABLE history (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  command   TEXT NOT NULL,
  summary   TEXT NOT NULL DEFAULT '',
  undoes    INTEGER REFERENCES history(id),
  undone_by INTEGER REFERENCES history(id),
  bytes     INTEGER NOT NULL DEFAULT 0
) STRICT;

-- A changeset in chunks, so recording and undoing a large import streams. A large write is
-- recorded as several segments (each a changeset of the rows changed since the previous
-- one), so the session never holds more than a bounded number of rows in memory; undo
-- applies the segments newest first.
CREATE TABLE history_changes (
  history_id INTEGER NOT NULL REFERENCES history(id) ON DELETE CASCADE,
  segment    INTEGER NOT NULL DEFAULT 0,
  seq        INTEGER NOT NULL,
  data       BLOB NOT NULL,
  PRIMARY KEY (history_id, segment, seq)
) STRICT;
-- Keys of the rows an erasure removed (the customer, their contacts), by range: kunde doctor
-- checks that the search indexes hold no word of them (erasure.hpp). meta holds
-- 'erasure_pending' (the entry of an erasure whose old pages may still be in the file or its
-- log) and 'customer_id_high' (the highest customer id given out: ids are never given twice).
CREATE TABLE erased_keys (
  history_id INTEGER NOT NULL REFERENCES history(id),
  tbl        TEXT NOT NULL CHECK (tbl IN ('customers', 'contacts')),
  lo         INTEGER NOT NULL,
  hi         INTEGER NOT NULL
) STRICT;

-- Rows a bulk write inserted, recorded by key range (inserted_rows.hpp).
CREATE TABLE history_inserts (
  history_id INTEGER NOT NULL REFERENCES history(id) ON DELETE CASCADE,
  tbl        TEXT NOT NULL,
  lo         INTEGER NOT NULL,
  hi         INTEGER NOT NULL,
  PRIMARY KEY (history_id, tbl, lo)
) STRICT, WITHOUT ROWID;
)sql";

// Version 4 indexes a customer's words written with an apostrophe joined as well
// (text::fold_for_search): the rebuild of the derived tables after every migration makes
// them, so the step itself has nothing to reshape.
constexpr const char* kSearchJoinsApostrophes = "DELETE FROM customer_search;";

// Index i holds the SQL that takes a database from version i+1 to i+2. Each migration
// reshapes tables in place; derived tables are rebuilt afterwards.
const std::vector<std::string>& migrations() {
  static const std::vector<std::string> list = {kOffers, kOrderFacts, kSearchJoinsApostrophes};
  return list;
}

}  // namespace

int schema_version() { return 1 + static_cast<int>(migrations().size()); }

void create_schema(Database& db, int money_decimals, const std::string& currency) {
  Transaction tx(db, Transaction::Kind::write);
  db.exec(kSchema);
  for (const auto& step : migrations()) db.exec(step);
  db.prepare("INSERT INTO meta(key, value) VALUES ('money_decimals', ?), ('currency', ?)")
      .bind(1, std::to_string(money_decimals))
      .bind(2, currency)
      .run();
  db.exec(fmt::format("PRAGMA user_version = {}", schema_version()));
  tx.commit();
}

void migrate(Database& db) { migrate(db, migrations()); }

void migrate(Database& db, const std::vector<std::string>& steps) {
  const int latest = 1 + static_cast<int>(steps.size());
  auto& st = db.prepare("PRAGMA user_version");
  st.step();
  int version = static_cast<int>(st.get_int(0));
  st.reset();
  if (version == latest) return;
  if (version == 0) {
    throw Error(fmt::format("{} is not a kunde database", db.path()),
                "create one with 'kunde init', or give the right --db PATH");
  }
  if (version > latest) {
    throw Error(fmt::format("{} was written by a newer kunde (schema {}, this one reads {})",
                            db.path(), version, latest),
                "upgrade kunde");
  }
  Transaction tx(db, Transaction::Kind::write);
  for (int v = version; v < latest; ++v) db.exec(steps[v - 1]);
  // Migrations may reshape derived tables; they are rebuilt from the base tables.
  install_touch_triggers(db);
  rebuild_derived(db);
  db.exec(fmt::format("PRAGMA user_version = {}", latest));
  tx.commit();
}

void install_touch_triggers(Database& db) {
  // Asked each time rather than remembered: a rollback takes temporary objects made in its
  // transaction with it.
  auto& installed = db.prepare("SELECT 1 FROM sqlite_temp_master WHERE type = 'trigger' AND name = 'touch_contact_del'");
  if (installed.first([](const Statement&) { return true; })) return;
  // Five lists, by what a change can affect: orders feed the order statistics, payments the
  // paid amount and balance in them; contacts feed the contact statistics and, by contact,
  // the contact search index; a customer row feeds the statistics (its rows must exist) and
  // the customer search index.
  db.exec(R"sql(
CREATE TEMP TABLE IF NOT EXISTS touched_orders (customer_id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS touched_payments (customer_id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS touched_contacts (customer_id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS touched_search (customer_id INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS touched_contact_search (contact_id INTEGER PRIMARY KEY);
CREATE TEMP TRIGGER IF NOT EXISTS touch_customer_ins AFTER INSERT ON main.customers BEGIN
  INSERT OR IGNORE INTO touched_orders VALUES (NEW.id);
  INSERT OR IGNORE INTO touched_contacts VALUES (NEW.id);
  INSERT OR IGNORE INTO touched_search VALUES (NEW.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_customer_upd AFTER UPDATE ON main.customers BEGIN
  INSERT OR IGNORE INTO touched_orders VALUES (NEW.id);
  INSERT OR IGNORE INTO touched_contacts VALUES (NEW.id);
  INSERT OR IGNORE INTO touched_search VALUES (NEW.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_customer_del AFTER DELETE ON main.customers BEGIN
  INSERT OR IGNORE INTO touched_orders VALUES (OLD.id);
  INSERT OR IGNORE INTO touched_contacts VALUES (OLD.id);
  INSERT OR IGNORE INTO touched_search VALUES (OLD.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_order_ins AFTER INSERT ON main.orders
  BEGIN INSERT OR IGNORE INTO touched_orders VALUES (NEW.customer_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_order_upd AFTER UPDATE ON main.orders
  BEGIN INSERT OR IGNORE INTO touched_orders VALUES (OLD.customer_id), (NEW.customer_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_order_del AFTER DELETE ON main.orders
  BEGIN INSERT OR IGNORE INTO touched_orders VALUES (OLD.customer_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_line_ins AFTER INSERT ON main.order_lines
  BEGIN INSERT OR IGNORE INTO touched_orders SELECT customer_id FROM main.orders WHERE id = NEW.order_id; END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_line_upd AFTER UPDATE ON main.order_lines
  BEGIN INSERT OR IGNORE INTO touched_orders SELECT customer_id FROM main.orders WHERE id IN (OLD.order_id, NEW.order_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_line_del AFTER DELETE ON main.order_lines
  BEGIN INSERT OR IGNORE INTO touched_orders SELECT customer_id FROM main.orders WHERE id = OLD.order_id; END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_payment_ins AFTER INSERT ON main.payments
  BEGIN INSERT OR IGNORE INTO touched_payments VALUES (NEW.customer_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_payment_upd AFTER UPDATE ON main.payments
  BEGIN INSERT OR IGNORE INTO touched_payments VALUES (OLD.customer_id), (NEW.customer_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_payment_del AFTER DELETE ON main.payments
  BEGIN INSERT OR IGNORE INTO touched_payments VALUES (OLD.customer_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_product_category AFTER UPDATE OF category ON main.products
  WHEN OLD.category IS NOT NEW.category
  BEGIN INSERT OR IGNORE INTO touched_orders SELECT DISTINCT o.customer_id FROM main.order_lines l
    JOIN main.orders o ON o.id = l.order_id WHERE l.product_id = NEW.id; END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_contact_ins AFTER INSERT ON main.contacts BEGIN
  INSERT OR IGNORE INTO touched_contacts VALUES (NEW.customer_id);
  INSERT OR IGNORE INTO touched_contact_search VALUES (NEW.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_contact_upd AFTER UPDATE ON main.contacts BEGIN
  INSERT OR IGNORE INTO touched_contacts VALUES (OLD.customer_id), (NEW.customer_id);
  INSERT OR IGNORE INTO touched_contact_search VALUES (OLD.id), (NEW.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touch_contact_del AFTER DELETE ON main.contacts BEGIN
  INSERT OR IGNORE INTO touched_contacts VALUES (OLD.customer_id);
  INSERT OR IGNORE INTO touched_contact_search VALUES (OLD.id); END;
)sql");
}

void drop_touch_triggers(Database& db) {
  std::vector<std::string> names;
  {
    Statement st(db, "SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'touch\\_%' ESCAPE '\\'");
    while (st.step()) names.push_back(st.get_text(0));
  }
  for (const auto& name : names) db.exec(fmt::format("DROP TRIGGER temp.\"{}\"", name));
}

}  // namespace kunde::store::sqlite
