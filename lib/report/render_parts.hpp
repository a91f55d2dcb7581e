// What the renderers share: who sees which block, walking rows, finding the primary table,
// the text people read for a field, and the renderer of each format.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "io/writer.hpp"
#include "report/document.hpp"

namespace kunde::report::detail {

inline bool for_people(Audience a) { return a != Audience::machines; }
inline bool for_machines(Audience a) { return a != Audience::people; }

// Calls `fn` for each stored row (with the Row, for its details), then each streamed row (nullptr).
void for_each_row(const Table& t, const std::function<void(const std::vector<Value>&, const Row*)>& fn);
bool has_details(const Table& t);

// The table marked primary that machines see, searched depth first; nullptr if none.
const Table* find_primary(const Section& s);
// The first table machines see, depth first; nullptr if none.
const Table* find_first_table(const Section& s);

// A datum as one line of text: lists joined with ", ", records as "key value, ...".
std::string datum_text(const Datum& d);
// What people read for a field: its display text, else its value's text.
std::string field_text(const Field& f);
bool field_shown(const Field& f);
// Whether anything in the section is shown to people.
bool has_people_content(const Section& s);

// A datum as JSON (decimals marked for io::dump_json).
nlohmann::ordered_json datum_json(const Datum& d);

// A JSON member name from a title: "Last orders" -> "last_orders"; `fallback` when empty.
std::string slug(std::string_view title, std::string_view fallback);
std::string xml_escape(std::string_view s);

void render_text(const Document& doc, std::ostream& out, const io::WriterOptions& options);
void render_text_chart(const Chart& chart, std::ostream& out, const io::WriterOptions& options);
void render_delimited(const Document& doc, char sep, std::ostream& out, const io::WriterOptions& options);
void render_json(const Document& doc, bool one_line, std::ostream& out, const io::WriterOptions& options);
void render_markdown(const Document& doc, std::ostream& out);
void render_html(const Document& doc, std::ostream& out);

}  // namespace kunde::report::detail
