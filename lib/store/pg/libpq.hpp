// The PostgreSQL client library, loaded when a PostgreSQL store is first opened: libpq and
// the two dozen libraries it needs (TLS, Kerberos, LDAP) would otherwise be loaded by every
// kunde command, also those that only ever open a SQLite file.
#pragma once

#include <libpq-fe.h>

namespace kunde::store::pg {

// The libpq functions kunde calls, by the names libpq gives them.
struct Libpq {
  decltype(&::PQconnectdb) connectdb;
  decltype(&::PQstatus) status;
  decltype(&::PQerrorMessage) error_message;
  decltype(&::PQfinish) finish;
  decltype(&::PQexec) exec;
  decltype(&::PQexecParams) exec_params;
  decltype(&::PQprepare) prepare;
  decltype(&::PQexecPrepared) exec_prepared;
  decltype(&::PQdescribePrepared) describe_prepared;
  decltype(&::PQresultStatus) result_status;
  decltype(&::PQresultErrorField) result_error_field;
  decltype(&::PQresultErrorMessage) result_error_message;
  decltype(&::PQclear) clear;
  decltype(&::PQntuples) ntuples;
  decltype(&::PQnfields) nfields;
  decltype(&::PQfname) fname;
  decltype(&::PQftype) ftype;
  decltype(&::PQgetvalue) getvalue;
  decltype(&::PQgetlength) getlength;
  decltype(&::PQgetisnull) getisnull;
  decltype(&::PQputCopyData) put_copy_data;
  decltype(&::PQputCopyEnd) put_copy_end;
  decltype(&::PQgetCopyData) get_copy_data;
  decltype(&::PQgetResult) get_result;
  decltype(&::PQfreemem) freemem;
  decltype(&::PQsetNoticeProcessor) set_notice_processor;
  decltype(&::PQtransactionStatus) transaction_status;
  decltype(&::PQserverVersion) server_version;
};

// Loads libpq on first use; throws kunde::Error when it is not installed.
const Libpq& libpq();

}  // namespace kunde::store::pg
