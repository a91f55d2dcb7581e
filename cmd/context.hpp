// What every command gets: configuration, the database (opened on first use, so --help and
// usage errors never touch a file), output settings and the streams to write to.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "config/config.hpp"
#include "io/output.hpp"
#include "io/writer.hpp"
#include "crm/session.hpp"

namespace CLI {
class App;
}

namespace kunde::cmd {

// Exit codes (DESIGN.md): 0 ok, 1 error, 2 usage error, 3 some input rows rejected.
constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitRejected = 3;

struct GlobalOptions {
  std::optional<std::string> db;
  std::optional<std::string> config;
  bool no_config = false;
  std::optional<std::string> format;
  std::optional<std::string> output;
  bool quiet = false;
  bool safe_csv = false;
  std::string color = "auto";
};

class Context {
 public:
  explicit Context(std::ostream& err) : err_(err) {}
  ~Context();

  GlobalOptions global;
  std::string command_line;                 // for history: "customer import x.csv"
  std::function<int()> action;              // chosen during parsing, run afterwards

  // Loads configuration once global options are known.
  void load_config();
  const Config& config() const { return config_; }
  std::string db_path() const { return config_.db_path(); }
  // The core, for this command (the store opens on first use).
  crm::Session& session();
  int money_decimals() { return session().money_decimals(); }

  // Output: the chosen format (a command may give its own default), the stream (stdout or
  // -o FILE) and writer options for the terminal.
  io::OutputFormat format(io::OutputFormat fallback = io::OutputFormat::table) const;
  std::ostream& out();
  // Writes out what is left of the output (and makes -o FILE appear); throws
  // io::OutputError when that fails.
  void finish_output();
  std::ostream& err() { return err_; }
  io::WriterOptions writer_options(bool safe_csv = false) const;
  // A one-line summary on stderr unless --quiet. Summaries wait until the output is complete
  // (finish_output), so "exported 3000 customers" is never said of a file that is not there.
  void note(const std::string& message);
  // A note --quiet keeps, as it keeps warnings: what a command left undone that the user
  // would not otherwise learn (the columns an import did not read).
  void notice(const std::string& message);
  bool quiet() const { return global.quiet; }

 private:
  std::ostream& err_;
  std::unique_ptr<io::Output> output_;
  std::vector<std::string> notes_;
  Config config_;
  std::unique_ptr<crm::Session> session_;
};

// "1 order", "3 orders": a count and its noun (regular plurals only).
template <class N>
std::string counted(N n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace kunde::cmd
