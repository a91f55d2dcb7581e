// A canonical input/output field and the other names files use for it.
#pragma once

#include <string>
#include <vector>

namespace kunde::model {

struct FieldSpec {
  std::string name;
  std::vector<std::string> aliases;
  bool required = false;
};

}  // namespace kunde::model
