// embind registration of the table reader, in both builds: RawTableReader (wrapped as
// TableReader by core_api.mjs) and the Table its finish() returns. Registration only: see
// table_api.cpp.
#include <emscripten/bind.h>

#include <string_view>
#include <vector>

#include "bindings/result_object.hpp"
#include "bindings/table_api.hpp"

namespace {

using lossplay::Table;
using namespace lossplay::js;  // NOLINT(google-build-using-namespace): registration only

JsArray column_names(const Table& table) {
  const std::vector<std::string_view> names(table.header.begin(), table.header.end());
  return to_string_array(names);
}

}  // namespace

EMSCRIPTEN_BINDINGS(lossplay_table) {
  // {header, columns, rows, values, firstLine}, in the order core_signatures.mjs lists them.
  JsResultObject<Table>("Table")
      .computed("header", &column_names)
      .value("columns", &Table::columns)
      .value("rows", &Table::rows)
      .array<&Table::values>("values")
      .value("firstLine", &Table::first_line);
  emscripten::class_<RawTableReader>("RawTableReader")
      .constructor<>()
      .function("read", &RawTableReader::read)
      .function("finish", &RawTableReader::finish);
}
