// CSV parsing for the training race's own-data option.
#include "core/csv_dataset.hpp"

#include <algorithm>
#include <utility>

#include "core/decimal_number.hpp"
#include "core/delimited_text.hpp"

namespace lossplay {
namespace {

// The range of a feature value, for the message of a cell beyond it.
constexpr NumberLimit kCsvValue{"", "a value", -kMaxEntryMagnitude, kMaxEntryMagnitude};

std::string quoted(std::string_view cell) {
  std::string shown(cell.substr(0, 24));
  if (cell.size() > 24) {
    shown += "…";
  }
  return "“" + shown + "”";
}

CsvDataset failure(std::string message) {
  CsvDataset out;
  out.error = std::move(message);
  return out;
}

// What is wrong with a feature cell, or "" when it holds an acceptable number.
std::string cell_problem(std::string_view cell, double& value) {
  if (cell.empty()) {
    return "the cell is empty";
  }
  if (parse_decimal(cell, value) == DecimalStatus::not_a_number) {
    return quoted(cell) + " is not a number. Write decimal numbers such as -2, 0.5 or 1e-3";
  }
  if (auto beyond = check_limit(kCsvValue, value)) {
    return quoted(cell) + " is a number beyond the limit: " + beyond->message;
  }
  return {};
}

}  // namespace

bool CsvDatasetReader::read(std::string_view piece) {
  if (!error_.empty()) {
    return false;
  }
  bytes_ += piece.size();
  if (bytes_ > kMaxCsvBytes) {
    fail("The file is too large: the limit is " + std::to_string(kMaxCsvBytes / 1024) + " KB.");
    return false;
  }
  return lines_.read(piece, [this](std::string_view line) {
    read_line(line);
    return error_.empty();
  });
}

void CsvDatasetReader::read_line(std::string_view line) {
  ++line_;
  const auto content = trim_blanks(line);
  if (content.empty()) {
    return;
  }
  split_cells(content, ',', cells_);
  const bool first_line = !seen_first_line_;
  seen_first_line_ = true;
  // A header names the columns: none of its feature cells is a number.
  if (first_line && cells_.size() >= 2 &&
      std::none_of(cells_.begin(), cells_.end() - 1, is_decimal_number)) {
    return;
  }
  read_row(cells_);
}

void CsvDatasetReader::read_row(std::span<const std::string_view> cells) {
  const auto where = [this] { return "Line " + std::to_string(line_); };
  if (columns_ == 0) {
    if (cells.size() < 2) {
      return fail(where() + " has one column; the file needs feature columns and a label column.");
    }
    columns_ = cells.size();
    data_.features = columns_ - 1;
  }
  if (data_.rows() == kMaxCsvRows) {
    return fail("The file has more than " + std::to_string(kMaxCsvRows) + " rows.");
  }
  if (cells.size() != columns_) {
    return fail(where() + " has " + std::to_string(cells.size()) +
                " columns; the lines before it have " + std::to_string(columns_) + ".");
  }
  for (std::size_t c = 0; c + 1 < columns_; ++c) {
    double value = 0.0;
    if (auto problem = cell_problem(cells[c], value); !problem.empty()) {
      return fail(where() + ", column " + std::to_string(c + 1) + ": " + problem + ".");
    }
    data_.x.push_back(value);
  }
  const std::string_view label = cells.back();
  if (label.empty()) {
    return fail(where() + " has no label in its last column.");
  }
  auto found = label_ids_.find(label);
  if (found == label_ids_.end()) {
    found = label_ids_.emplace(std::string(label), static_cast<int>(label_ids_.size())).first;
  }
  data_.y.push_back(found->second);
}

void CsvDatasetReader::fail(std::string message) { error_ = std::move(message); }

CsvDataset CsvDatasetReader::finish() {
  if (error_.empty() && !lines_.rest().empty()) {
    read_line(lines_.rest());  // the last line, with no newline after it
  }
  if (!error_.empty()) {
    return failure(error_);
  }
  if (!seen_first_line_) {
    return failure("The file is empty.");
  }
  if (data_.rows() < kMinCsvRows) {
    return failure("The file needs at least " + std::to_string(kMinCsvRows) +
                   " data rows; it has " + std::to_string(data_.rows()) + ".");
  }
  if (label_ids_.size() < 2) {
    return failure("Every row has the same label; the race needs two classes.");
  }
  if (label_ids_.size() > kMaxCsvClasses) {
    return failure("The last column has " + std::to_string(label_ids_.size()) +
                   " different labels; the race handles at most " + std::to_string(kMaxCsvClasses) +
                   " classes.");
  }
  // Classes in order: numerically when every label is a number, else alphabetically.
  struct Label {
    std::string_view text;
    double value;
    int id;
  };
  std::vector<Label> labels;
  bool numeric = true;
  for (const auto& [text, id] : label_ids_) {
    double value = 0.0;
    numeric = numeric && parse_decimal(text, value) == DecimalStatus::number;
    labels.push_back({text, value, id});
  }
  if (numeric) {  // label_ids_ is already in text order
    std::stable_sort(labels.begin(), labels.end(),
                     [](const Label& a, const Label& b) { return a.value < b.value; });
  }
  CsvDataset out;
  std::vector<int> class_of(labels.size());
  for (std::size_t index = 0; index < labels.size(); ++index) {
    class_of[static_cast<std::size_t>(labels[index].id)] = static_cast<int>(index);
    out.class_names.emplace_back(labels[index].text);
  }
  for (int& id : data_.y) {
    id = class_of[static_cast<std::size_t>(id)];
  }
  data_.classes = labels.size();
  out.data = std::move(data_);
  out.ok = true;
  return out;
}

CsvDataset parse_csv_dataset(std::string_view text) {
  if (text.size() > kMaxCsvBytes) {
    return failure("The file is too large: " + std::to_string(text.size() / 1024) +
                   " KB, and the limit is " + std::to_string(kMaxCsvBytes / 1024) + " KB.");
  }
  CsvDatasetReader reader;
  reader.read(text);
  return reader.finish();
}

ArgumentCheck check_dataset_arrays(std::string_view name, double features, double classes,
                                   std::span<const double> x, std::span<const double> y) {
  const std::string prefix(name);
  if (auto failure = first_failure(
          check_integer_in(prefix + ".features", features, 1.0,
                           static_cast<double>(kMaxArrayLength)),
          check_integer_in(prefix + ".classes", classes, 2.0, static_cast<double>(kMaxCsvClasses)),
          check_integer_in("the number of rows, " + prefix + ".y.length",
                           static_cast<double>(y.size()), static_cast<double>(kMinCsvRows),
                           static_cast<double>(kMaxCsvRows)))) {
    return failure;
  }
  const double expected = static_cast<double>(y.size()) * features;
  if (static_cast<double>(x.size()) != expected) {
    return ArgumentError{ErrorKind::range,
                         prefix + ".x must hold rows × features = " + format_number(expected) +
                             " numbers, got " + std::to_string(x.size())};
  }
  if (auto failure = check_entries(prefix + ".x", x)) {
    return failure;
  }
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (auto failure =
            check_integer_in(prefix + ".y[" + std::to_string(i) + "]", y[i], 0.0, classes - 1.0)) {
      return failure;
    }
  }
  return std::nullopt;
}

}  // namespace lossplay
