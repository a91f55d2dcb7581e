// Shared pieces for the unit tests: temporary files, a collecting RecordSink, and a fresh
// in-memory database.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/records.hpp"
#include "store/database.hpp"
#include "store/schema.hpp"

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

// A fresh database in memory with the schema and the per-connection triggers.
inline std::unique_ptr<store::Database> memory_db() {
  auto db = std::make_unique<store::Database>(":memory:", store::OpenMode::create);
  store::create_schema(*db, 2, "");
  store::install_touch_triggers(*db);
  return db;
}

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
