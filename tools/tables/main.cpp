// kunde-tables OUTDIR ISO_3166_JSON: writes phone_plans.inc and country_names.inc into OUTDIR, leaving a
// file alone when its content is the same (so nothing is recompiled for nothing).
#include <cstdio>
#include <exception>
#include <fstream>
#include <sstream>
#include <string>

#include "tables.hpp"

namespace {

void write_if_changed(const std::string& path, const std::string& content) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream old;
  old << in.rdbuf();
  if (in && old.str() == content) return;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out.flush()) throw std::runtime_error("cannot write " + path);
}

}  // namespace

namespace kunde::tables {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace kunde::tables

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: kunde-tables OUTDIR ISO_3166_JSON\n");
    return 2;
  }
  try {
    std::string dir = argv[1];
    write_if_changed(dir + "/phone_plans.inc", kunde::tables::phone_plans_source());
    write_if_changed(dir + "/country_names.inc", kunde::tables::country_names_source(argv[2]));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kunde-tables: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
