// Configuration from TOML with precedence flag > environment > file > built-in default,
// remembering where each value came from (kunde config show --origin).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kunde {

struct Setting {
  std::string key;     // dotted, e.g. "costs.contact.phone"
  std::string value;   // as text
  std::string origin;  // "default", "file PATH", "env NAME", "flag --NAME"
};

// A named import mapping: the same keys as a mapping file.
struct ImportMapping {
  std::optional<std::string> encoding, sep, date_format, discount_unit;
  std::optional<bool> decimal_comma;
  std::map<std::string, std::string> fields;  // canonical field -> column in the file
  std::map<std::string, std::string> set;     // [set]: field (or attribute) -> value, as --set
  std::vector<std::string> nulls;             // null = ["NULL", "\\N"], as --null
  std::string origin;
};

class Config {
 public:
  // Reads the config file: `path` if given (an error if missing), else $KUNDE_CONFIG, else
  // $XDG_CONFIG_HOME/kunde/config.toml when it exists. `no_config` skips the file.
  static Config load(const std::optional<std::string>& path, bool no_config);
  Config();
  ~Config();
  Config(Config&&) noexcept;
  Config& operator=(Config&&) noexcept;

  // A flag given on the command line overrides everything.
  void set_flag(const std::string& key, const std::string& value, const std::string& flag);

  std::optional<std::string> get(const std::string& key) const;
  std::string get_or(const std::string& key, const std::string& fallback) const;
  double get_number(const std::string& key, double fallback) const;

  // The database path after precedence and ~ expansion.
  std::string db_path() const;
  std::string region() const;
  std::string currency() const;
  int money_decimals() const;

  // Keys under a table such as "costs.contact", with their numeric values.
  std::map<std::string, double> numbers_under(const std::string& table) const;
  std::vector<std::string> strings(const std::string& key) const;
  // The tables of the array of tables at `key` (`segments = [{...}, ...]` or `[[rfm.segments]]`
  // in the file), each as its keys with their values as text. Empty when the file has none;
  // throws kunde::Error when `key` holds something else.
  std::vector<std::map<std::string, std::string>> table_array(const std::string& key) const;
  std::optional<ImportMapping> import_mapping(const std::string& name) const;
  std::vector<Setting> settings() const;
  const std::string& file() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads a mapping file (kunde customer import --mapping FILE.toml).
ImportMapping load_mapping_file(const std::string& path);

std::string expand_home(const std::string& path);

}  // namespace kunde
