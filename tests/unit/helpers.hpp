// Shared pieces for the unit tests: temporary files, a collecting RecordSink, environment
// variables for one scope, and a store to test against (a crm::Session over an in-memory
// SQLite store). Only helpers.cpp includes the SQLite backend: the store contract suite
// includes this file too.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "crm/imports.hpp"
#include "io/records.hpp"

namespace kunde::store {
class Store;
}
namespace kunde::store::sqlite {
class Database;
class SqliteStore;
}  // namespace kunde::store::sqlite
namespace kunde::crm {
class Session;
}

namespace kunde::test {

// A directory removed again when the test ends.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "kunde-unit-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data()) ? tmpl : throw std::runtime_error("mkdtemp failed");
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // Writes `bytes` exactly as given to NAME in the directory and returns its path.
  std::string write(const std::string& name, const std::string& bytes) const {
    std::string p = path_ + "/" + name;
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    return p;
  }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Every header and record the reader pushes, in order.
struct CollectSink : io::RecordSink {
  std::vector<std::vector<std::string>> headers;
  std::vector<io::Record> records;
  void on_header(const std::vector<std::string>& h) override { headers.push_back(h); }
  void on_record(const io::Record& r) override { records.push_back(r); }
  const std::vector<std::string>& header() const { return headers.back(); }
};

inline std::vector<std::string> row(std::initializer_list<const char*> cells) {
  return {cells.begin(), cells.end()};
}

// A store as the commands see it: a crm::Session over a fresh in-memory SQLite store with
// the schema, the statistics rules and the per-connection triggers. Every command the
// fixture runs gets a session of its own over the same store, as on the command line, so
// history shows each command's name and no resolver answer outlives its command.
class StoreFixture {
 public:
  // `region`: the configured phone region ("" leaves it to the data).
  explicit StoreFixture(const std::string& region = "NO");
  ~StoreFixture();
  StoreFixture(const StoreFixture&) = delete;
  StoreFixture& operator=(const StoreFixture&) = delete;

  Config& config() { return config_; }
  // The fixture's own session (command "test").
  crm::Session& session() { return *session_; }
  // A new session over the same store for one command.
  std::unique_ptr<crm::Session> session(const std::string& command);
  store::Store& store();
  // The SQLite connection underneath, for the backend's own tests.
  store::sqlite::Database& db();

  // Imports `text` (written to a file named after the kind, with `extension`) as
  // `kunde KIND import` does: crm::run_import in a session whose command is "KIND import".
  // KIND is customer, product, order, payment or contact.
  crm::ImportCounts import(const std::string& kind, const std::string& text);
  crm::ImportCounts import(const std::string& kind, const std::string& text, crm::ImportRequest request,
                           const std::string& extension = "csv");

  // The first column of the first row of a query.
  std::int64_t scalar(const std::string& sql);
  std::int64_t count(const std::string& table) { return scalar("SELECT count(*) FROM " + table); }
  // Derived data equals a full recomputation, and the references hold.
  bool consistent();
  // The message undo of entry `id` fails with, or "(no error)".
  std::string undo_error(std::int64_t id);

  TempDir dir;

 private:
  Config config_;
  std::unique_ptr<store::sqlite::SqliteStore> store_;
  std::unique_ptr<crm::Session> session_;
};

// The first column of the first row of a query on any connection.
std::int64_t scalar(store::sqlite::Database& db, const std::string& sql);

// Sets an environment variable for one scope and restores the previous state afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_.c_str(), old_->c_str(), 1);
    } else {
      ::unsetenv(name_.c_str());
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> old_;
};

}  // namespace kunde::test
