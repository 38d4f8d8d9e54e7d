// Reads a labelled data set from CSV text: numeric feature columns, the label in the last
// column (numbers or words, at most kMaxCsvClasses distinct), an optional header line. Every
// problem is reported with the line and column a person can find in the file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/limits.hpp"  // kMaxCsvBytes, kMaxCsvRows, kMinCsvRows, kMaxCsvClasses

namespace lossplay {

struct CsvDataset {
  bool ok = false;
  std::string error;                     // set when !ok
  Dataset data;                          // set when ok
  std::vector<std::string> class_names;  // the label text of class 0, 1, …
};

[[nodiscard]] CsvDataset parse_csv_dataset(std::string_view text);

}  // namespace lossplay
