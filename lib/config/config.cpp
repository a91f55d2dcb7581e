// Config loading with toml++.
#include "config/config.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <utility>
#include <toml++/toml.h>

#include "error.hpp"

namespace kunde {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string xdg(const char* var, const char* fallback) {
  std::string base = env(var);
  if (base.empty()) base = env("HOME") + "/" + fallback;
  return base;
}

std::string node_text(const toml::node& n) {
  if (auto s = n.as_string()) return s->get();
  if (auto t = n.as_table()) {
    // An inline table, as an element of an array of tables: {name = Champions, r = 4-5}.
    std::string out;
    for (const auto& [k, v] : *t) out += fmt::format("{}{} = {}", out.empty() ? "" : ", ", k.str(), node_text(v));
    return "{" + out + "}";
  }
  if (auto i = n.as_integer()) return std::to_string(i->get());
  if (auto f = n.as_floating_point()) return fmt::format("{}", f->get());
  if (auto b = n.as_boolean()) return b->get() ? "true" : "false";
  if (auto a = n.as_array()) {
    std::string out;
    for (const auto& e : *a) out += (out.empty() ? "" : ",") + node_text(e);
    return out;
  }
  std::ostringstream s;
  if (auto d = n.as_date()) s << d->get();
  return s.str();
}

void flatten(const toml::table& t, const std::string& prefix, std::map<std::string, std::string>& out) {
  for (const auto& [k, v] : t) {
    std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    if (auto sub = v.as_table()) {
      flatten(*sub, key, out);
    } else {
      out[key] = node_text(v);
    }
  }
}

ImportMapping mapping_from(const toml::table& t, const std::string& origin) {
  ImportMapping m;
  m.origin = origin;
  if (auto v = t["encoding"].value<std::string>()) m.encoding = *v;
  if (auto v = t["sep"].value<std::string>()) m.sep = *v;
  if (auto v = t["date_format"].value<std::string>()) m.date_format = *v;
  if (auto v = t["decimal_comma"].value<bool>()) m.decimal_comma = *v;
  if (auto v = t["discount_unit"].value<std::string>()) m.discount_unit = *v;
  if (auto f = t["fields"].as_table()) {
    for (const auto& [k, v] : *f) {
      auto s = v.value<std::string>();
      if (!s) throw Error(fmt::format("{}: fields.{} must be a column name in quotes", origin, k.str()), "");
      m.fields[std::string(k.str())] = *s;
    }
  }
  // Constants and defaults: any scalar, kept as the text an import would read.
  if (auto f = t["set"].as_table()) {
    for (const auto& [k, v] : *f) {
      if (v.is_table() || v.is_array()) {
        throw Error(fmt::format("{}: set.{} must be one value", origin, k.str()), "e.g. kind = \"company\"");
      }
      m.set[std::string(k.str())] = node_text(v);
    }
  }
  if (auto n = t["null"]; n) {
    if (auto one = n.value<std::string>()) {
      m.nulls.push_back(*one);
    } else if (auto list = n.as_array()) {
      for (const auto& e : *list) {
        auto s = e.value<std::string>();
        if (!s) throw Error(fmt::format("{}: null must list texts in quotes", origin), "e.g. null = [\"NULL\", \"\\\\N\"]");
        m.nulls.push_back(*s);
      }
    } else {
      throw Error(fmt::format("{}: null must list texts in quotes", origin), "e.g. null = [\"NULL\", \"\\\\N\"]");
    }
  }
  return m;
}

toml::table parse_file(const std::string& path) {
  try {
    return toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw Error(fmt::format("{}:{}: {}", path, e.source().begin.line, e.description()),
                "fix the TOML syntax; see kunde-config(5)");
  }
}

const std::map<std::string, std::string>& defaults() {
  static const std::map<std::string, std::string> d = {
      {"db", "$XDG_DATA_HOME/kunde/kunde.db"},
      {"region", ""},
      {"currency", ""},
      {"money_decimals", "2"},
      {"clv.period", "week"},
      {"clv.horizon", "52w"},
      {"clv.discount_rate", "0.1"},
      {"churn.p_alive_threshold", "0.5"},
      {"churn.interval_factor", "3"},
      {"churn.churn_days", "365"},
  };
  return d;
}

}  // namespace

struct Config::Impl {
  std::string file;
  toml::table table;
  std::map<std::string, std::string> from_file;
  std::map<std::string, Setting> overrides;  // env and flags
};

Config::Config() : impl_(std::make_unique<Impl>()) {}
Config::~Config() = default;
Config::Config(Config&&) noexcept = default;
Config& Config::operator=(Config&&) noexcept = default;

std::string expand_home(const std::string& path) {
  if (path.size() >= 1 && path[0] == '~' && (path.size() == 1 || path[1] == '/')) return env("HOME") + path.substr(1);
  return path;
}

Config Config::load(const std::optional<std::string>& path, bool no_config) {
  Config c;
  std::string file;
  bool required = false;
  if (path) {
    file = *path, required = true;
  } else if (!env("KUNDE_CONFIG").empty()) {
    file = env("KUNDE_CONFIG"), required = true;
  } else {
    file = xdg("XDG_CONFIG_HOME", ".config") + "/kunde/config.toml";
  }
  file = expand_home(file);
  if (!no_config && !file.empty()) {
    // A default location in a folder this user may not enter (another user's HOME) holds no
    // config for them: only a file named on purpose must be readable.
    std::error_code ec;
    bool present = std::filesystem::exists(file, ec);
    if (ec && required) {
      throw Error(fmt::format("cannot read the config file {}: {}", file, ec.message()),
                  "check the file's permissions, or give another with --config");
    }
    if (present) {
      c.impl_->file = file;
      c.impl_->table = parse_file(file);
      flatten(c.impl_->table, "", c.impl_->from_file);
    } else if (required) {
      throw Error(fmt::format("no config file at {}", file), "give an existing file, or --no-config");
    }
  }
  if (!env("KUNDE_DB").empty()) c.impl_->overrides["db"] = Setting{"db", env("KUNDE_DB"), "env KUNDE_DB"};
  return c;
}

void Config::set_flag(const std::string& key, const std::string& value, const std::string& flag) {
  impl_->overrides[key] = Setting{key, value, "flag " + flag};
}

std::optional<std::string> Config::get(const std::string& key) const {
  if (auto it = impl_->overrides.find(key); it != impl_->overrides.end()) return it->second.value;
  if (auto it = impl_->from_file.find(key); it != impl_->from_file.end()) return it->second;
  if (auto it = defaults().find(key); it != defaults().end()) return it->second;
  return std::nullopt;
}

std::string Config::get_or(const std::string& key, const std::string& fallback) const {
  auto v = get(key);
  return v ? *v : fallback;
}

double Config::get_number(const std::string& key, double fallback) const {
  auto v = get(key);
  if (!v || v->empty()) return fallback;
  try {
    std::size_t used = 0;
    double d = std::stod(*v, &used);
    if (used == v->size()) return d;
  } catch (...) {
  }
  throw Error(fmt::format("config {} = '{}' is not a number", key, *v), "fix the value in " + impl_->file);
}

std::string Config::db_path() const {
  auto v = get("db");
  if (v && *v != defaults().at("db")) return expand_home(*v);
  return xdg("XDG_DATA_HOME", ".local/share") + "/kunde/kunde.db";
}

std::string Config::region() const {
  std::string r = get_or("region", "");
  for (char& ch : r) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return r;
}
std::string Config::currency() const { return get_or("currency", ""); }
int Config::money_decimals() const { return static_cast<int>(get_number("money_decimals", 2)); }

std::map<std::string, double> Config::numbers_under(const std::string& table) const {
  std::map<std::string, double> out;
  std::string prefix = table + ".";
  for (const auto& [k, v] : impl_->from_file) {
    if (k.rfind(prefix, 0) == 0 && k.find('.', prefix.size()) == std::string::npos) {
      out[k.substr(prefix.size())] = get_number(k, 0);
    }
  }
  return out;
}

std::vector<std::string> Config::strings(const std::string& key) const {
  std::vector<std::string> out;
  auto v = get(key);
  if (!v) return out;
  std::size_t start = 0;
  while (start <= v->size()) {
    auto comma = v->find(',', start);
    std::string item = v->substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

std::vector<std::map<std::string, std::string>> Config::table_array(const std::string& key) const {
  std::vector<std::map<std::string, std::string>> out;
  toml::node_view<const toml::node> node = std::as_const(impl_->table).at_path(key);
  if (!node) return out;
  const toml::array* array = node.as_array();
  if (!array || (!array->empty() && !array->is_array_of_tables())) {
    throw Error(fmt::format("{}: {} must be a list of tables", impl_->file, key),
                "write it as [[" + key + "]] tables or as a list of { ... } tables; see kunde-config(5)");
  }
  for (const auto& element : *array) {
    std::map<std::string, std::string> fields;
    for (const auto& [k, v] : *element.as_table()) fields[std::string(k.str())] = node_text(v);
    out.push_back(std::move(fields));
  }
  return out;
}

std::optional<ImportMapping> Config::import_mapping(const std::string& name) const {
  auto t = impl_->table["import"][name].as_table();
  if (!t) return std::nullopt;
  return mapping_from(*t, fmt::format("{} [import.{}]", impl_->file, name));
}

std::vector<Setting> Config::settings() const {
  std::map<std::string, Setting> all;
  for (const auto& [k, v] : defaults()) all[k] = Setting{k, v, "default"};
  for (const auto& [k, v] : impl_->from_file) all[k] = Setting{k, v, "file " + impl_->file};
  for (const auto& [k, s] : impl_->overrides) all[k] = s;
  all["db"].value = db_path();
  std::vector<Setting> out;
  for (auto& [k, s] : all) out.push_back(s);
  return out;
}

const std::string& Config::file() const { return impl_->file; }

ImportMapping load_mapping_file(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    throw Error(fmt::format("no mapping file at {}", path),
                "give a TOML file, or the name of an [import.NAME] table in the config");
  }
  return mapping_from(parse_file(path), path);
}

}  // namespace kunde
