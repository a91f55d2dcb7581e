// JSON input through nlohmann's SAX interface: objects are handed on one at a time, so a
// large array is read in constant memory. Nested arrays of scalars (tags) join with ';'.
#include "io/json_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "error.hpp"

namespace kunde::io {
namespace {

using json = nlohmann::json;

// Pulls bytes from a ByteSource and counts the lines consumed, for FILE:LINE messages.
struct Feed {
  ByteSource* source;
  char buf[1 << 16];
  std::size_t pos = 0, len = 0;
  std::size_t line = 1;
  void refill() {
    pos = 0;
    len = source->read(buf, sizeof buf);
  }
};

struct FeedIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  Feed* feed = nullptr;

  bool at_end() const { return !feed || feed->len == 0; }
  reference operator*() const { return feed->buf[feed->pos]; }
  FeedIterator& operator++() {
    if (feed->buf[feed->pos] == '\n') ++feed->line;
    if (++feed->pos == feed->len) feed->refill();
    return *this;
  }
  bool operator==(const FeedIterator& o) const { return at_end() == o.at_end(); }
  bool operator!=(const FeedIterator& o) const { return !(*this == o); }
};

// Maps keys to header columns, growing the header when new keys turn up.
class KeyedRecords {
 public:
  explicit KeyedRecords(RecordSink& sink) : sink_(sink) {}
  void begin(std::size_t line) {
    record_ = Record{};
    record_.line = line;
    record_.fields.assign(header_.size(), {});
  }
  void set(const std::string& key, std::string value) {
    auto it = index_.find(key);
    if (it == index_.end()) {
      it = index_.emplace(key, header_.size()).first;
      header_.push_back(key);
      grown_ = true;
    }
    if (record_.fields.size() < header_.size()) record_.fields.resize(header_.size());
    record_.fields[it->second] = std::move(value);
  }
  void fail(std::string why) {
    if (record_.error.empty()) record_.error = std::move(why);
  }
  void end() {
    if (grown_ || !announced_) {
      sink_.on_header(header_);
      grown_ = false;
      announced_ = true;
    }
    record_.fields.resize(header_.size());
    sink_.on_record(record_);
  }
  bool announced() const { return announced_; }

 private:
  RecordSink& sink_;
  std::vector<std::string> header_;
  std::unordered_map<std::string, std::size_t> index_;
  Record record_;
  bool grown_ = false;
  bool announced_ = false;
};

std::string scalar_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return {};
  if (v.is_array()) {
    std::string out;
    for (const auto& e : v) {
      if (!out.empty()) out += ';';
      out += scalar_text(e);
    }
    return out;
  }
  return v.dump();
}

class Sax : public nlohmann::json_sax<json> {
 public:
  Sax(Feed& feed, KeyedRecords& records, const std::string& name)
      : feed_(feed), records_(records), name_(name) {}

  bool null() override { return value(json()); }
  bool boolean(bool v) override { return value(json(v)); }
  bool number_integer(number_integer_t v) override { return value(json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return value(json(v)); }
  bool number_float(number_float_t, const string_t& s) override { return value(json(s), true); }
  bool string(string_t& v) override { return value(json(std::move(v))); }
  bool binary(binary_t&) override { return true; }

  bool start_object(std::size_t) override {
    ++depth_;
    if (depth_ == 1 && !top_array_) {
      single_ = true;
      records_.begin(feed_.line);
      keys_.clear();
    } else if (depth_ == 2 && top_array_) {
      records_.begin(feed_.line);
      keys_.clear();
    } else if (depth_ > record_depth()) {
      records_.fail(fmt::format("field '{}' holds an object; only text, numbers and lists are read", key_));
    }
    return true;
  }
  bool end_object() override {
    if (depth_ == record_depth()) records_.end();
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    ++depth_;
    if (depth_ == 1) {
      top_array_ = true;
    } else if (depth_ == 2 && top_array_) {
      not_a_record();  // [[{...}]]: a list where a record belongs
    } else if (depth_ == record_depth() + 1) {
      list_.clear(), in_list_ = true;
    } else if (depth_ == record_depth() + 2 && in_list_) {
      records_.fail(fmt::format("field '{}' holds a list of lists; only text, numbers and lists of them are read", key_));
    }
    return true;
  }
  bool end_array() override {
    if (depth_ == record_depth() + 1 && in_list_) {
      in_list_ = false;
      records_.set(key_, list_);
    }
    --depth_;
    return true;
  }
  bool key(string_t& k) override {
    if (depth_ == record_depth()) {
      // nlohmann keeps the last of two equal keys; a record that says two things is refused.
      if (std::find(keys_.begin(), keys_.end(), k) != keys_.end()) {
        records_.fail(fmt::format("key '{}' appears twice", k));
      } else {
        keys_.push_back(k);
      }
      key_ = k;
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
    std::string what = ex.what();
    auto colon = what.rfind(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    throw Error(fmt::format("{}:{}: invalid JSON: {}", name_, feed_.line, what),
                "the file must hold an array of objects, or one object per line with -f ndjson");
  }

 private:
  int record_depth() const { return top_array_ ? 2 : 1; }
  [[noreturn]] void not_a_record() {
    throw Error(fmt::format("{}:{}: expected an object for each record", name_, feed_.line),
                "write the records as [{\"name\": ...}, ...]");
  }
  bool value(const json& v, bool raw_number = false) {
    if (depth_ == 0 || (depth_ == 1 && top_array_)) not_a_record();
    std::string text = raw_number ? v.get<std::string>() : scalar_text(v);
    if (in_list_ && depth_ == record_depth() + 1) {
      if (!list_.empty()) list_ += ';';
      list_ += text;
    } else if (depth_ == record_depth()) {
      records_.set(key_, std::move(text));
    }
    return true;
  }

  Feed& feed_;
  KeyedRecords& records_;
  const std::string& name_;
  int depth_ = 0;
  bool top_array_ = false;
  bool single_ = false;
  bool in_list_ = false;
  std::string key_;
  std::vector<std::string> keys_;  // of the record being read: few, so a list
  std::string list_;
};

}  // namespace

void read_json(ByteSource& source, RecordSink& sink) {
  auto feed = std::make_unique<Feed>();
  feed->source = &source;
  feed->refill();
  KeyedRecords records(sink);
  FeedIterator first{feed.get()}, last{nullptr};
  // Several top-level objects in a row (jq's output) are read one after the other; a list
  // of records is the whole document.
  int values = 0;
  bool list = false;
  while (true) {
    while (!first.at_end() && std::isspace(static_cast<unsigned char>(*first))) ++first;
    if (first.at_end()) break;
    if (values > 0 && (list || *first == '[')) {
      throw Error(fmt::format("{}:{}: more JSON after the list of records", source.name(), feed->line),
                  "write the records as one list [{\"name\": ...}, ...], or as one object after another");
    }
    list = *first == '[';
    ++values;
    Sax sax(*feed, records, source.name());
    json::sax_parse(first, last, &sax, nlohmann::json::input_format_t::json, false);
  }
  if (values == 0) {
    throw Error(fmt::format("{}: the file is empty", source.name()), "write the records as [{\"name\": ...}, ...]");
  }
  if (!records.announced()) sink.on_header({});
}

void read_ndjson(ByteSource& source, RecordSink& sink) {
  KeyedRecords records(sink);
  for_each_line(source, [&](std::string_view line, std::size_t number) {
    std::string_view text = line.substr(0, line.size() - 1);
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) return;
    records.begin(number);
    std::vector<std::string> keys;
    std::optional<std::string> twice;
    auto watch = [&](int depth, json::parse_event_t event, json& parsed) {
      if (depth == 1 && event == json::parse_event_t::key && !twice) {
        auto k = parsed.get<std::string>();
        if (std::find(keys.begin(), keys.end(), k) != keys.end()) twice = k;
        keys.push_back(std::move(k));
      }
      return true;
    };
    json obj = json::parse(text, watch, false);
    if (obj.is_discarded() || !obj.is_object()) {
      records.fail("not a JSON object");
    } else if (twice) {
      // The keys still name the file's columns, so the record is refused for what it is.
      for (auto& [k, v] : obj.items()) records.set(k, v.is_primitive() ? scalar_text(v) : std::string());
      records.fail(fmt::format("key '{}' appears twice", *twice));
    } else {
      for (auto& item : obj.items()) {
        const std::string& k = item.key();
        const json& v = item.value();
        auto has = [&v](bool (json::*is)() const noexcept) {
          return v.is_array() && std::any_of(v.begin(), v.end(), [is](const json& e) { return (e.*is)(); });
        };
        if (v.is_object() || has(&json::is_object)) {
          records.fail(fmt::format("field '{}' holds an object; only text, numbers and lists are read", k));
        } else if (has(&json::is_array)) {
          records.fail(fmt::format("field '{}' holds a list of lists; only text, numbers and lists of them are read", k));
        } else {
          records.set(k, scalar_text(v));
        }
      }
    }
    records.end();
  });
  if (!records.announced()) sink.on_header({});
}

}  // namespace kunde::io
