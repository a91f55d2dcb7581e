// The one way a command writes its output: a Document rendered in the format asked for.
//   table   terminal lines: fields aligned, alerts red, tables through io's table writer,
//           detail tables indented under their row, charts as bars of block characters
//   csv/tsv the primary table; without one the top-level fields as one row, else the first table
//   json    a document that is just its primary table is the array of its rows; anything else
//           is one object (keyed fields, tables as arrays, keyed sections as objects, charts)
//   ndjson  the primary table's rows, one object a line; without one, the json object on one line
//   md      GitHub-flavoured Markdown; charts as their data tables
//   html    one self-contained page: inline CSS and SVG charts, no scripts, no external assets
#pragma once

#include <ostream>
#include <string>

#include "io/writer.hpp"
#include "report/document.hpp"

namespace kunde::report {

// Throws kunde::Error before writing anything when a chart's data does not fit its shape,
// and (json, ndjson) when two members of one JSON object would have the same name.
void render(const Document& doc, io::OutputFormat format, std::ostream& out, const io::WriterOptions& options);

std::string render_to_string(const Document& doc, io::OutputFormat format, const io::WriterOptions& options = {});

// One chart as an <svg> element (for pages that embed charts themselves, and tests).
std::string svg_chart(const Chart& chart);

}  // namespace kunde::report
