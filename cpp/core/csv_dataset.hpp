// Reads a labelled data set from CSV text: numeric feature columns, the label in the last
// column (numbers or words, at most kMaxCsvClasses distinct), an optional header line (a first
// line none of whose feature cells is a number). Feature cells follow the pages' one number
// grammar (core/decimal_number.hpp) and lie within ±kMaxEntryMagnitude. Every problem is
// reported with the line and column a person can find in the file.
//
// The text can be read whole (parse_csv_dataset) or in pieces (CsvDatasetReader), so that a
// page can read a large file a slice at a time and keep drawing in between.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/argument_checks.hpp"
#include "core/dataset.hpp"
#include "core/delimited_text.hpp"
#include "core/limits.hpp"  // kMaxCsvBytes, kMaxCsvRows, kMinCsvRows, kMaxCsvClasses

namespace lossplay {

struct CsvDataset {
  bool ok = false;
  std::string error;                     // set when !ok
  Dataset data;                          // set when ok
  std::vector<std::string> class_names;  // the label text of class 0, 1, …
};

class CsvDatasetReader {
 public:
  // Reads the next piece of the text; a line may run on into the next piece. Returns whether
  // the text so far is acceptable. After the first problem, later pieces are ignored.
  bool read(std::string_view piece);
  // The text has ended: the data set, or its first problem. The reader is spent afterwards.
  [[nodiscard]] CsvDataset finish();

 private:
  void read_line(std::string_view line);
  void read_row(std::span<const std::string_view> cells);
  void fail(std::string message);

  LineSplitter lines_;  // the lines of the text, and the start of one the next piece goes on
  std::size_t bytes_ = 0;
  std::size_t line_ = 0;  // the number of the line being read, from 1
  bool seen_first_line_ = false;
  std::size_t columns_ = 0;  // of the first data row; 0 before it
  std::string error_;
  Dataset data_;  // y holds label_ids_ values until finish() puts the classes in order
  std::map<std::string, int, std::less<>> label_ids_;  // each distinct label → its index
  std::vector<std::string_view> cells_;                // the cells of the line being read
};

[[nodiscard]] CsvDataset parse_csv_dataset(std::string_view text);

// A data set handed in as arrays, as the reader produces it: features ≥ 1, classes in
// [2, kMaxCsvClasses], rows = y.size() in [kMinCsvRows, kMaxCsvRows], x holding rows × features
// entries within ±kMaxEntryMagnitude, each y an integer in [0, classes − 1]. `name` prefixes
// the messages ("data.dataset").
[[nodiscard]] ArgumentCheck check_dataset_arrays(std::string_view name, double features,
                                                 double classes, std::span<const double> x,
                                                 std::span<const double> y);

}  // namespace lossplay
