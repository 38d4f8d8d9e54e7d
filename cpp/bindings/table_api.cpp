// RawTableReader (declared in table_api.hpp).
#include "bindings/table_api.hpp"

#include <emscripten/val.h>

#include <string>
#include <utility>

namespace lossplay::js {

using emscripten::val;

namespace {

JsResult range_error(std::string message) {
  return to_js_error(ArgumentError{ErrorKind::range, std::move(message)});
}

}  // namespace

JsResult RawTableReader::read(const JsValue& piece) {
  if (!piece.isString()) {
    return to_js_error(ArgumentError{
        ErrorKind::type, "piece must be a string, got " + piece.typeOf().as<std::string>()});
  }
  // embind hands the JS string over as UTF-8; a piece that ends inside a line is kept by the
  // reader until the next one ends it.
  if (!reader_.read(piece.as<std::string>())) {
    return range_error(reader_.finish().error);
  }
  return val::null();
}

JsResult RawTableReader::finish() {
  auto reading = reader_.finish();
  if (!reading.ok) {
    return range_error(std::move(reading.error));
  }
  return val(std::move(reading.table));  // the Table registration in table_bindings.cpp
}

}  // namespace lossplay::js
