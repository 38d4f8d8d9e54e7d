// The table reader as JS sees it: RawTableReader, which core_api.mjs wraps as TableReader
// (core.createTableReader()), so that a page can read a large CSV or TSV file of numbers a
// slice at a time and keep drawing in between. Like the loss functions, errors are returned
// as JS Error objects. Registered by table_bindings.cpp, in both builds.
#pragma once

#include "bindings/js_types.hpp"
#include "core/table_reader.hpp"

namespace lossplay::js {

class RawTableReader {
 public:
  // null, or the Error of the first problem in the text so far: a RangeError naming the line
  // (and column), a TypeError when the piece is not a string.
  JsResult read(const JsValue& piece);
  // {header, columns, rows, values, firstLine} of the whole text read (values a Float64Array,
  // row-major), or the RangeError of its first problem. The reader is spent afterwards.
  JsResult finish();

 private:
  TableReader reader_;
};

}  // namespace lossplay::js
