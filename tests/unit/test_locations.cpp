// How messages, history and `config show` name a database: a server URL without its password.
#include <doctest/doctest.h>

#include "store/store.hpp"

using kunde::store::shown_location;

TEST_CASE("a server URL is shown without its password, a path as it is") {
  CHECK(shown_location("postgresql://ann:s3cret@db.example/kunde") == "postgresql://ann@db.example/kunde");
  CHECK(shown_location("postgres://ann:s3cret@db.example:5433/kunde?sslmode=require") ==
        "postgres://ann@db.example:5433/kunde?sslmode=require");
  CHECK(shown_location("postgresql://ann@/kunde?password=s3cret&host=/run/postgresql") ==
        "postgresql://ann@/kunde?host=/run/postgresql");
  CHECK(shown_location("postgresql://ann@/kunde?host=/run/postgresql&password=s3cret") ==
        "postgresql://ann@/kunde?host=/run/postgresql");
  CHECK(shown_location("postgresql:///kunde") == "postgresql:///kunde");
  CHECK(shown_location("kunde:pw@x.db") == "kunde:pw@x.db");  // a file name, whatever it holds
  CHECK(shown_location("/data/kunde.db") == "/data/kunde.db");
}
