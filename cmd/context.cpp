// Command context.
#include "context.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "error.hpp"

namespace kunde::cmd {

Context::~Context() = default;

void Context::load_config() {
  config_ = Config::load(global.config, global.no_config);
  if (global.db) config_.set_flag("db", *global.db, "--db");
}

crm::Session& Context::session() {
  if (!session_) session_ = std::make_unique<crm::Session>(config_, command_line);
  return *session_;
}

io::OutputFormat Context::format(io::OutputFormat fallback) const {
  if (global.format) return io::parse_output_format(*global.format);
  if (global.output) {
    auto f = io::format_for_path(*global.output);
    if (f != io::OutputFormat::table) return f;
  }
  return fallback;
}

std::ostream& Context::out() {
  if (!output_) output_ = global.output ? io::file_output(*global.output) : io::standard_output();
  return output_->stream();
}

void Context::finish_output() {
  if (output_) output_->finish();
  for (const auto& n : notes_) err_ << n << '\n';
  notes_.clear();
  // Warnings are no summary: --quiet keeps them.
  if (session_) {
    for (const auto& w : session_->take_warnings()) err_ << "kunde: warning: " << w << '\n';
  }
}

io::WriterOptions Context::writer_options(bool safe_csv) const {
  io::WriterOptions o;
  o.safe_csv = safe_csv || global.safe_csv;
  bool tty = !global.output && isatty(STDOUT_FILENO);
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  if (global.color == "always") {
    o.color = true;
  } else if (global.color == "auto") {
    o.color = tty && !(no_color && *no_color) && !(term && std::string(term) == "dumb");
  }
  if (tty) {
    winsize ws{};
    if (const char* cols = std::getenv("COLUMNS"); cols && std::atoi(cols) > 0) {
      o.width = static_cast<std::size_t>(std::atoi(cols));
    } else if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
      o.width = ws.ws_col;
    }
  }
  return o;
}

void Context::note(const std::string& message) {
  if (!global.quiet) notes_.push_back(message);
}

void Context::notice(const std::string& message) { notes_.push_back(message); }

}  // namespace kunde::cmd
