// PostgreSQL connection, statements, cursors, COPY and transactions.
#include "store/pg/connection.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>
#include <cstring>

#include "store/pg/libpq.hpp"

namespace kunde::store::pg {
namespace {

void ignore_notice(void*, const char*) {}

// Statements the server can prepare once and run many times.
bool preparable(std::string_view sql) {
  std::size_t i = 0;
  while (i < sql.size() && (sql[i] == ' ' || sql[i] == '\n' || sql[i] == '(')) ++i;
  auto word = sql.substr(i, 6);
  for (const char* w : {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "VALUES"}) {
    if (word.substr(0, std::strlen(w)) == w) return true;
  }
  return false;
}

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// Whether `sql` names `table` as a word of its own.
bool names_table(std::string_view sql, std::string_view table) {
  for (auto p = sql.find(table); p != std::string_view::npos; p = sql.find(table, p + 1)) {
    bool before = p == 0 || !is_word_char(sql[p - 1]);
    bool after = p + table.size() >= sql.size() || !is_word_char(sql[p + table.size()]);
    if (before && after) return true;
  }
  return false;
}

constexpr std::int64_t kWriteLockKey = 0x6b756e6465;  // "kunde"

}  // namespace

std::string redact(const std::string& url) {
  std::string out = url;
  auto scheme = out.find("://");
  if (scheme != std::string::npos) {
    auto at = out.find('@', scheme + 3);
    auto slash = out.find('/', scheme + 3);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      auto colon = out.find(':', scheme + 3);
      if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
    }
  }
  for (auto p = out.find("password="); p != std::string::npos; p = out.find("password=")) {
    auto end = out.find('&', p);
    if (end == std::string::npos) {
      out.erase(p > 0 ? p - 1 : 0);  // with the '?' or '&' before it
    } else {
      out.erase(p, end + 1 - p);
    }
  }
  return out;
}

Result::Result(pg_result* r) : r_(r) {}
Result::~Result() {
  if (r_) libpq().clear(r_);
}
Result& Result::operator=(Result&& o) noexcept {
  if (this != &o) {
    if (r_) libpq().clear(r_);
    r_ = o.r_;
    o.r_ = nullptr;
  }
  return *this;
}
int Result::rows() const { return r_ ? libpq().ntuples(r_) : 0; }
int Result::columns() const { return r_ ? libpq().nfields(r_) : 0; }
Row Result::row(int i) const { return Row(*this, i); }
std::string Result::column_name(int c) const { return libpq().fname(r_, c); }
unsigned Result::column_type(int c) const { return libpq().ftype(r_, c); }

bool Row::is_null(int c) const { return libpq().getisnull(r_->r_, i_, c) != 0; }
std::string_view Row::text_view(int c) const {
  const auto& api = libpq();
  return {api.getvalue(r_->r_, i_, c), static_cast<std::size_t>(api.getlength(r_->r_, i_, c))};
}
std::optional<std::string> Row::opt_text(int c) const {
  if (is_null(c)) return std::nullopt;
  return text(c);
}
std::int64_t Row::int64(int c) const {
  auto t = text_view(c);
  std::int64_t v = 0;
  std::from_chars(t.data(), t.data() + t.size(), v);
  return v;
}
std::optional<std::int64_t> Row::opt_int(int c) const {
  if (is_null(c)) return std::nullopt;
  return int64(c);
}
double Row::number(int c) const {
  if (is_null(c)) return 0;
  return std::strtod(std::string(text_view(c)).c_str(), nullptr);
}
bool Row::boolean(int c) const {
  auto t = text_view(c);
  return !t.empty() && (t[0] == 't' || t[0] == '1');
}

Params& Params::add(std::int64_t v) {
  values_.emplace_back(std::to_string(v));
  return *this;
}
Params& Params::add(double v) {
  values_.emplace_back(fmt::format("{}", v));
  return *this;
}
Params& Params::add(bool v) {
  values_.emplace_back(v ? "true" : "false");
  return *this;
}
Params& Params::add(std::string_view v) {
  values_.emplace_back(std::string(v));
  return *this;
}
Params& Params::add(const std::optional<std::string>& v) {
  values_.push_back(v);
  return *this;
}
Params& Params::add(const std::optional<std::int64_t>& v) { return v ? add(*v) : add_null(); }
Params& Params::add(const std::optional<double>& v) { return v ? add(*v) : add_null(); }
Params& Params::add_null() {
  values_.emplace_back(std::nullopt);
  return *this;
}
std::vector<const char*> Params::pointers() const {
  std::vector<const char*> out;
  out.reserve(values_.size());
  for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
  return out;
}

std::string int_array(const std::vector<std::int64_t>& ids) {
  std::string out = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(ids[i]);
  }
  out += '}';
  return out;
}

std::string text_array(const std::vector<std::string>& texts) {
  std::string out = "{";
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (char ch : texts[i]) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += '"';
  }
  out += '}';
  return out;
}

void copy_field(std::string& out, std::string_view text, bool last) {
  for (char ch : text) {
    switch (ch) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += ch;
    }
  }
  out += last ? '\n' : '\t';
}
void copy_null(std::string& out, bool last) {
  out += "\\N";
  out += last ? '\n' : '\t';
}
void copy_field(std::string& out, std::int64_t v, bool last) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;
  out.append(buf, end);
  out += last ? '\n' : '\t';
}
void copy_field(std::string& out, const std::optional<std::string>& v, bool last) {
  if (v) {
    copy_field(out, std::string_view(*v), last);
  } else {
    copy_null(out, last);
  }
}
void copy_field(std::string& out, const std::optional<std::int64_t>& v, bool last) {
  if (v) {
    copy_field(out, *v, last);
  } else {
    copy_null(out, last);
  }
}
void copy_field(std::string& out, double v, bool last) {
  out += fmt::format("{}", v);
  out += last ? '\n' : '\t';
}

Connection::Connection(const std::string& url) : location_(redact(url)) {
  const auto& api = libpq();
  // Messages and data in UTF-8 whatever the client's locale; the role's settings stay.
  std::string conninfo = url;
  conninfo += url.find('?') == std::string::npos ? "?" : "&";
  conninfo += "client_encoding=UTF8&application_name=kunde";
  conn_ = api.connectdb(conninfo.c_str());
  if (!conn_ || api.status(conn_) != CONNECTION_OK) {
    std::string why = conn_ ? api.error_message(conn_) : "out of memory";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    if (conn_) api.finish(conn_);
    conn_ = nullptr;
    throw Error(fmt::format("cannot connect to {}: {}", location_, why),
                "check the URL (postgresql://user@host/dbname), that the server runs and that the role may log in");
  }
  api.set_notice_processor(conn_, ignore_notice, nullptr);
  run("SET datestyle = ISO; SET extra_float_digits = 1; SET standard_conforming_strings = on");
}

Connection::~Connection() {
  if (conn_) libpq().finish(conn_);
}

const DerivedRules& Connection::rules() const {
  if (!rules_) throw StoreError("the store was opened without its rules", "this is a bug in kunde");
  return *rules_;
}

Change& Connection::write() {
  if (!change_) throw StoreError("a change to the database outside a write command", "this is a bug in kunde");
  return *change_;
}

bool Connection::in_transaction() const { return libpq().transaction_status(conn_) != PQTRANS_IDLE; }

void Connection::fail(pg_result* r, std::string_view doing) const {
  const auto& api = libpq();
  std::string state, msg;
  if (r) {
    if (const char* s = api.result_error_field(r, PG_DIAG_SQLSTATE)) state = s;
    if (const char* m = api.result_error_field(r, PG_DIAG_MESSAGE_PRIMARY)) msg = m;
  }
  if (msg.empty()) {
    msg = api.error_message(conn_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  }
  if (r) api.clear(r);
  if (state == "40001" || state == "40P01") {
    throw RetryableError(fmt::format("the database {} was busy: {}", location_, msg), "run the command again");
  }
  if (state == "55P03") {
    throw StoreError(fmt::format("the database {} is busy: another kunde is writing to it", location_),
                     "wait for the other command to finish and try again");
  }
  if (state == "53100") {
    throw StoreError(fmt::format("the disk is full on the server of {}", location_), "free some space; nothing was changed");
  }
  if (state.rfind("42501", 0) == 0) {
    throw StoreError(fmt::format("cannot write to the database {}: {}", location_, msg),
                     "ask the database's owner for the privileges kunde needs");
  }
  if (state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0 || api.status(conn_) != CONNECTION_OK) {
    throw StoreError(fmt::format("lost the connection to {}: {}", location_, msg),
                     "check that the server runs; nothing of the unfinished command was kept");
  }
  throw SqlError(fmt::format("database error while {}: {}", doing, msg),
                 "this is a bug in kunde if it happens again; 'kunde doctor' checks the database", state, msg);
}

Result Connection::check(pg_result* r, std::string_view sql) {
  auto status = r ? libpq().result_status(r) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    fail(r, fmt::format("running \"{}\"", sql.substr(0, 60)));
  }
  return Result(r);
}

void Connection::flush_for(std::string_view sql) {
  if (!pending_) return;
  for (const auto& p : *pending_) {
    if (p.rows > 0 && names_table(sql, p.table)) {
      flush();
      return;
    }
  }
}

void Connection::flush() {
  if (!pending_) return;
  std::vector<PendingRows*> order;
  for (auto& p : *pending_)
    if (p.rows > 0) order.push_back(&p);
  std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->order < b->order; });
  for (auto* p : order) {
    std::string data = std::move(p->data);
    p->data.clear();
    p->rows = 0;
    copy_in(fmt::format("COPY {} {} FROM STDIN", p->table, p->columns), data);
  }
}

Result Connection::exec(std::string_view sql, const Params& params) {
  flush_for(sql);
  const auto& api = libpq();
  auto values = params.pointers();
  if (!preparable(sql)) {
    std::string text(sql);
    return check(api.exec_params(conn_, text.c_str(), params.size(), nullptr, values.data(), nullptr, nullptr, 0), sql);
  }
  auto it = prepared_.find(std::string(sql));
  if (it == prepared_.end()) {
    std::string name = fmt::format("k{}", prepared_.size() + 1);
    std::string text(sql);
    check(api.prepare(conn_, name.c_str(), text.c_str(), 0, nullptr), sql);
    it = prepared_.emplace(std::move(text), std::move(name)).first;
  }
  return check(api.exec_prepared(conn_, it->second.c_str(), params.size(), values.data(), nullptr, nullptr, 0), sql);
}

std::int64_t Connection::scalar(std::string_view sql, const Params& params) {
  Result r = exec(sql, params);
  return r.rows() > 0 ? r.row(0).int64(0) : 0;
}

void Connection::run(std::string_view sql) {
  flush_for(sql);
  std::string text(sql);
  check(libpq().exec(conn_, text.c_str()), sql);
}

void Connection::stream(std::string_view sql, const Params& params, const std::function<void(const Row&)>& each,
                        int batch) {
  flush_for(sql);
  std::optional<Transaction> tx;
  if (!in_transaction()) tx.emplace(*this, Transaction::Kind::read);
  std::string cursor = fmt::format("kc{}", ++cursors_);
  const auto& api = libpq();
  auto values = params.pointers();
  std::string declare = fmt::format("DECLARE {} NO SCROLL CURSOR FOR {}", cursor, sql);
  check(api.exec_params(conn_, declare.c_str(), params.size(), nullptr, values.data(), nullptr, nullptr, 0), sql);
  std::string fetch = fmt::format("FETCH FORWARD {} FROM {}", batch, cursor);
  try {
    for (;;) {
      Result r = check(api.exec(conn_, fetch.c_str()), sql);
      int n = r.rows();
      for (int i = 0; i < n; ++i) each(r.row(i));
      if (n < batch) break;
    }
  } catch (...) {
    if (!tx) {
      // The caller's transaction goes on: the cursor must not outlive the error.
      if (libpq().transaction_status(conn_) == PQTRANS_INTRANS) {
        pg_result* closed = api.exec(conn_, ("CLOSE " + cursor).c_str());
        if (closed) api.clear(closed);
      }
    }
    throw;
  }
  run("CLOSE " + cursor);
  if (tx) tx->commit();
}

void Connection::copy_in(std::string_view copy, std::string_view data) {
  const auto& api = libpq();
  std::string text(copy);
  pg_result* r = api.exec(conn_, text.c_str());
  if (!r || api.result_status(r) != PGRES_COPY_IN) fail(r, fmt::format("starting \"{}\"", copy.substr(0, 60)));
  api.clear(r);
  constexpr std::size_t kChunk = 1 << 20;
  bool ok = true;
  for (std::size_t at = 0; ok && at < data.size(); at += kChunk) {
    auto part = data.substr(at, kChunk);
    ok = api.put_copy_data(conn_, part.data(), static_cast<int>(part.size())) == 1;
  }
  api.put_copy_end(conn_, ok ? nullptr : "kunde could not send the rows");
  pg_result* last = nullptr;
  while (pg_result* next = api.get_result(conn_)) {
    if (last) api.clear(last);
    last = next;
  }
  check(last, copy);
}

void Connection::copy_out(std::string_view copy, const std::function<void(std::string_view)>& line) {
  flush_for(copy);
  const auto& api = libpq();
  std::string text(copy);
  pg_result* r = api.exec(conn_, text.c_str());
  if (!r || api.result_status(r) != PGRES_COPY_OUT) fail(r, fmt::format("starting \"{}\"", copy.substr(0, 60)));
  api.clear(r);
  char* buf = nullptr;
  int n = 0;
  std::exception_ptr error;
  while ((n = api.get_copy_data(conn_, &buf, 0)) > 0) {
    std::string_view l(buf, static_cast<std::size_t>(n));
    if (!l.empty() && l.back() == '\n') l.remove_suffix(1);
    if (!error) {
      try {
        line(l);
      } catch (...) {
        error = std::current_exception();  // the rest must still be read off the connection
      }
    }
    api.freemem(buf);
  }
  pg_result* last = nullptr;
  while (pg_result* next = api.get_result(conn_)) {
    if (last) api.clear(last);
    last = next;
  }
  check(last, copy);
  if (error) std::rethrow_exception(error);
}

Transaction::Transaction(Connection& db, Kind kind) : db_(db), nested_(db.in_transaction()) {
  if (nested_) {
    db_.run(fmt::format("SAVEPOINT s{}", db_.depth_ + 1));
    if (kind == Kind::write) {
      db_.exec(fmt::format("SELECT pg_advisory_xact_lock({})", kWriteLockKey));
    }
  } else if (kind == Kind::write) {
    db_.run(fmt::format("BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '{}s'",
                        kWriteLockTimeoutSeconds));
    try {
      db_.exec(fmt::format("SELECT pg_advisory_xact_lock({})", kWriteLockKey));
    } catch (...) {
      db_.run("ROLLBACK");
      throw;
    }
  } else {
    db_.run("BEGIN ISOLATION LEVEL REPEATABLE READ");
  }
  ++db_.depth_;
}

Transaction::~Transaction() {
  if (open_) {
    try {
      rollback();
    } catch (...) {
      // Rolling back during unwinding must not throw; the server rolls back on disconnect.
    }
  }
}

void Transaction::commit() {
  db_.flush();
  if (nested_) {
    db_.run(fmt::format("RELEASE SAVEPOINT s{}", db_.depth_));
  } else {
    db_.run("COMMIT");
  }
  open_ = false;
  --db_.depth_;
}

void Transaction::rollback() {
  if (!open_) return;
  open_ = false;
  --db_.depth_;
  if (db_.pending_) {
    for (auto& p : *db_.pending_) p.data.clear(), p.rows = 0;
  }
  if (nested_) {
    db_.run(fmt::format("ROLLBACK TO SAVEPOINT s{0}; RELEASE SAVEPOINT s{0}", db_.depth_ + 1));
  } else if (db_.in_transaction()) {
    db_.run("ROLLBACK");
  }
}

}  // namespace kunde::store::pg
