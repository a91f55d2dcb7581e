// kunde: parse the command line, run the chosen command, turn errors into messages and
// exit codes.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <csignal>
#include <iostream>
#include <optional>

#include "commands.hpp"
#include "context.hpp"
#include "crm/maintenance.hpp"
#include "crm/rule_error.hpp"
#include "error.hpp"
#include "text/gate.hpp"

namespace {

using kunde::cmd::Context;
using namespace kunde::cmd;

// The command line as history shows it, quoted where a shell would need it; a server URL
// (--db, --to, --compare) without its password.
std::string command_line(int argc, char** argv) {
  std::string out;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (auto eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
      a = a.substr(0, eq + 1) + kunde::crm::shown_location(a.substr(eq + 1));
    } else {
      a = kunde::crm::shown_location(a);
    }
    bool plain = !a.empty() && a.find_first_of(" \t\n'\"$`\\;&|<>*?()") == std::string::npos;
    if (!out.empty()) out += ' ';
    if (plain) {
      out += a;
    } else {
      out += '\'';
      for (char c : a) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
      out += '\'';
    }
  }
  return out;
}

// The command groups, by the commands each registers: the whole command tree in one place.
struct CommandGroup {
  std::initializer_list<const char*> commands;
  void (*register_group)(CLI::App&, Context&);
};
const CommandGroup kCommandGroups[] = {
    {{"init"}, register_init},
    {{"customer"}, register_customer},
    {{"product"}, register_product},
    {{"order"}, register_order},
    {{"contact"}, register_contact},
    {{"segment"}, register_segment},
    {{"report"}, register_report},
    {{"history", "undo"}, register_history},
    {{"backup", "db", "doctor", "sql"}, register_maintenance},
    {{"config"}, register_config},
};

// The first word that is no global option or its value: the command.
std::string_view command_word(int argc, char** argv) {
  static constexpr std::string_view kWithValue[] = {"--db", "--config", "-f", "--format", "-o", "--output", "--color"};
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a.empty() || a[0] != '-') return a;
    if (std::find(std::begin(kWithValue), std::end(kWithValue), a) != std::end(kWithValue)) ++i;
  }
  return {};
}

const CommandGroup* group_of(std::string_view word) {
  for (const auto& g : kCommandGroups) {
    for (const char* c : g.commands)
      if (word == c) return &g;
  }
  return nullptr;
}

// The text gate (text/gate.hpp) for the command line: every value given to a command that
// was parsed, named by its option. The command line itself goes into history.
void check_arguments(CLI::App& app) {
  for (const CLI::Option* opt : app.get_options()) {
    for (const auto& value : opt->results()) {
      if (auto fault = kunde::text::text_fault(value)) {
        throw kunde::UsageError(fmt::format("{} {}", opt->get_name(), *fault),
                                "give text in UTF-8; check the encoding of the terminal or script");
      }
    }
  }
  for (CLI::App* sub : app.get_subcommands()) check_arguments(*sub);
}

void print_error(const std::string& message, const std::string& hint) {
  std::cerr << "kunde: error: " << message << '\n';
  if (!hint.empty()) std::cerr << "hint: " << hint << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kunde::cmd;
  // Failed writes are reported, not signalled: a closed pipe (EPIPE) ends a command quietly,
  // a file grown past `ulimit -f` (EFBIG) with a message, instead of killing the process.
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGXFSZ, SIG_IGN);
  std::ios::sync_with_stdio(false);
  Context ctx(std::cerr);
  ctx.command_line = command_line(argc, argv);

  CLI::App app{"kunde: customers, orders, contacts and what they are worth, in one SQLite file or a PostgreSQL database", "kunde"};
  app.set_version_flag("--version", std::string("kunde ") + KUNDE_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.option_defaults()->always_capture_default(false);
  auto& g = ctx.global;
  app.add_option("--db", g.db, "Database: a SQLite file or a postgresql:// URL (env KUNDE_DB, config db; default $XDG_DATA_HOME/kunde/kunde.db)");
  app.add_option("--config", g.config, "Config file (env KUNDE_CONFIG; default $XDG_CONFIG_HOME/kunde/config.toml)");
  app.add_flag("--no-config", g.no_config, "Read no config file");
  app.add_option("-f,--format", g.format, "Output format: table, csv, tsv, json, ndjson (reports also md, html)")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "ndjson", "jsonl", "md", "markdown", "html"}));
  app.add_option("-o,--output", g.output, "Write output to FILE; the format follows its extension unless -f is given");
  app.add_flag("-q,--quiet", g.quiet, "No summary lines on standard error");
  app.add_flag("--safe-csv", g.safe_csv,
               "In CSV and TSV, put ' before text a spreadsheet would run as a formula (= + - @, their full-width forms)");
  app.add_option("--color", g.color, "Colour in tables: auto, always, never (NO_COLOR is honoured)")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  // Only the group of the command given is registered: building every command's options
  // took a third of a screen pop. Help and unknown words get them all.
  const CommandGroup* chosen = group_of(command_word(argc, argv));
  for (const auto& group : kCommandGroups) {
    if (!chosen || chosen == &group) group.register_group(app, ctx);
  }

  // The commands parsed so far, and the word after them that names no command, if any.
  struct Parsed {
    CLI::App* deepest;
    std::string where;
    std::optional<std::string> unknown;
  };
  auto parsed = [&app] {
    std::vector<CLI::App*> chain{&app};
    while (!chain.back()->get_subcommands().empty()) chain.push_back(chain.back()->get_subcommands().front());
    Parsed p{chain.back(), "kunde", std::nullopt};
    for (std::size_t i = 1; i < chain.size(); ++i) p.where += " " + chain[i]->get_name();
    for (auto it = chain.rbegin(); it != chain.rend() && !p.unknown; ++it) {
      auto extras = (*it)->remaining();
      if (!extras.empty() && extras.front().rfind("-", 0) != 0 && !p.deepest->get_subcommands({}).empty()) {
        p.unknown = extras.front();
      }
    }
    return p;
  };
  try {
    app.parse(argc, argv);
    check_arguments(app);
  } catch (const CLI::CallForHelp& e) {
    // `kunde bogus --help` would otherwise print the top-level help and succeed.
    if (auto p = parsed(); p.unknown) {
      print_error(fmt::format("unknown command '{}'", *p.unknown), fmt::format("see '{} --help'", p.where));
      return kExitUsage;
    }
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // CLI11 says "A subcommand is required" both for a misspelt command and for none at all;
    // name the word, or list the commands to choose from.
    auto p = parsed();
    CLI::App* deepest = p.deepest;
    const std::string& where = p.where;
    if (p.unknown) {
      print_error(fmt::format("unknown command '{}'", *p.unknown), fmt::format("see '{} --help'", where));
      return kExitUsage;
    }
    if (std::string(e.what()).find("subcommand is required") != std::string::npos) {
      std::vector<std::string> names;
      for (auto* sub : deepest->get_subcommands({})) names.push_back(sub->get_name());
      print_error(fmt::format("'{}' needs a command: {}", where, fmt::join(names, ", ")),
                  fmt::format("see '{} --help'", where));
      return kExitUsage;
    }
    print_error(e.what(), "see 'kunde --help' or the command's --help");
    return kExitUsage;
  } catch (const kunde::UsageError& e) {
    print_error(e.what(), e.hint());
    return kExitUsage;
  }
  try {
    ctx.load_config();
    if (!ctx.action) {
      print_error("no command given", "see 'kunde --help'");
      return kExitUsage;
    }
    int rc = ctx.action();
    ctx.finish_output();
    return rc;
  } catch (const kunde::io::OutputError& e) {
    // `kunde ... | head` is no failure; a full disk is.
    if (e.closed_pipe()) return kExitOk;
    print_error(e.what(), e.hint());
    return kExitError;
  } catch (const kunde::crm::RuleError& e) {
    // The rule with a caret under the mistake, between the message and the hint.
    std::cerr << "kunde: error: " << e.what() << '\n' << e.excerpt() << '\n';
    if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << '\n';
    return kExitUsage;
  } catch (const kunde::UsageError& e) {
    print_error(e.what(), e.hint());
    return kExitUsage;
  } catch (const kunde::Error& e) {
    print_error(e.what(), e.hint());
    return kExitError;
  } catch (const std::bad_alloc&) {
    print_error("out of memory", "nothing was changed; try a smaller input");
    return kExitError;
  } catch (const std::exception& e) {
    print_error(e.what(), "this is a bug in kunde; nothing was changed");
    return kExitError;
  }
}
