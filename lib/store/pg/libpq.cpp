// Loading libpq at run time.
#include "store/pg/libpq.hpp"

#include <dlfcn.h>

#include <mutex>
#include <string>

#include "error.hpp"

namespace kunde::store::pg {
namespace {

template <typename F>
void bind(void* lib, F& slot, const char* name, std::string& missing) {
  void* p = dlsym(lib, name);
  if (!p) {
    missing = name;
    return;
  }
  slot = reinterpret_cast<F>(p);
}

Libpq load() {
  void* lib = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    throw Error("the PostgreSQL client library (libpq.so.5) is not installed",
                "install it (Debian: apt-get install libpq5) to use a postgresql:// database");
  }
  Libpq api{};
  std::string missing;
  bind(lib, api.connectdb, "PQconnectdb", missing);
  bind(lib, api.status, "PQstatus", missing);
  bind(lib, api.error_message, "PQerrorMessage", missing);
  bind(lib, api.finish, "PQfinish", missing);
  bind(lib, api.exec, "PQexec", missing);
  bind(lib, api.exec_params, "PQexecParams", missing);
  bind(lib, api.prepare, "PQprepare", missing);
  bind(lib, api.exec_prepared, "PQexecPrepared", missing);
  bind(lib, api.describe_prepared, "PQdescribePrepared", missing);
  bind(lib, api.result_status, "PQresultStatus", missing);
  bind(lib, api.result_error_field, "PQresultErrorField", missing);
  bind(lib, api.result_error_message, "PQresultErrorMessage", missing);
  bind(lib, api.clear, "PQclear", missing);
  bind(lib, api.ntuples, "PQntuples", missing);
  bind(lib, api.nfields, "PQnfields", missing);
  bind(lib, api.fname, "PQfname", missing);
  bind(lib, api.ftype, "PQftype", missing);
  bind(lib, api.getvalue, "PQgetvalue", missing);
  bind(lib, api.getlength, "PQgetlength", missing);
  bind(lib, api.getisnull, "PQgetisnull", missing);
  bind(lib, api.put_copy_data, "PQputCopyData", missing);
  bind(lib, api.put_copy_end, "PQputCopyEnd", missing);
  bind(lib, api.get_copy_data, "PQgetCopyData", missing);
  bind(lib, api.get_result, "PQgetResult", missing);
  bind(lib, api.freemem, "PQfreemem", missing);
  bind(lib, api.set_notice_processor, "PQsetNoticeProcessor", missing);
  bind(lib, api.transaction_status, "PQtransactionStatus", missing);
  bind(lib, api.server_version, "PQserverVersion", missing);
  if (!missing.empty()) {
    throw Error("the PostgreSQL client library (libpq.so.5) lacks " + missing, "install a newer libpq5");
  }
  // The library stays loaded for the life of the process.
  return api;
}

}  // namespace

const Libpq& libpq() {
  static std::once_flag once;
  static Libpq api;
  static std::string failure, hint;
  std::call_once(once, [] {
    try {
      api = load();
    } catch (const Error& e) {
      failure = e.what();
      hint = e.hint();
    }
  });
  if (!failure.empty()) throw Error(failure, hint);
  return api;
}

}  // namespace kunde::store::pg
