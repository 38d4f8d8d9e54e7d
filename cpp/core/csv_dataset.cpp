// CSV parsing for the training race's own-data option.
#include "core/csv_dataset.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "core/argument_checks.hpp"

namespace lossplay {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

std::vector<std::string_view> split_cells(std::string_view line) {
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  while (true) {
    const auto comma = line.find(',', start);
    cells.push_back(trim(line.substr(start, comma - start)));
    if (comma == std::string_view::npos) {
      break;
    }
    start = comma + 1;
  }
  return cells;
}

// A finite number written in full (strtod must consume the whole cell).
bool parse_number(std::string_view cell, double& value) {
  if (cell.empty() || cell.size() > 64) {
    return false;
  }
  const std::string text(cell);
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(value) &&
         std::fabs(value) <= kMaxEntryMagnitude;
}

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

}  // namespace

CsvDataset parse_csv_dataset(std::string_view text) {
  if (text.size() > kMaxCsvBytes) {
    return failure("The file is too large: " + std::to_string(text.size() / 1024) +
                   " KB, and the limit is " + std::to_string(kMaxCsvBytes / 1024) + " KB.");
  }
  struct Row {
    std::size_t line;
    std::vector<std::string_view> cells;
  };
  std::vector<Row> rows;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto newline = text.find('\n', start);
    const auto line = trim(text.substr(start, newline - start));
    ++line_number;
    if (!line.empty()) {
      rows.push_back({line_number, split_cells(line)});
    }
    if (newline == std::string_view::npos) {
      break;
    }
    start = newline + 1;
    if (rows.size() > kMaxCsvRows + 1) {
      return failure("The file has more than " + std::to_string(kMaxCsvRows) + " rows.");
    }
  }
  if (rows.empty()) {
    return failure("The file is empty.");
  }

  // A first line with a non-numeric feature cell is a header.
  double ignored = 0.0;
  const auto& first = rows.front().cells;
  const bool header =
      first.size() >= 2 && std::any_of(first.begin(), first.end() - 1, [&](std::string_view cell) {
        return !parse_number(cell, ignored);
      });
  if (header) {
    rows.erase(rows.begin());
  }
  if (rows.size() < kMinCsvRows) {
    return failure("The file needs at least " + std::to_string(kMinCsvRows) +
                   " data rows; it has " + std::to_string(rows.size()) + ".");
  }
  if (rows.size() > kMaxCsvRows) {
    return failure("The file has more than " + std::to_string(kMaxCsvRows) + " rows.");
  }
  const std::size_t columns = rows.front().cells.size();
  if (columns < 2) {
    return failure("Line " + std::to_string(rows.front().line) +
                   " has one column; the file needs feature columns and a label column.");
  }

  CsvDataset out;
  out.data.features = columns - 1;
  out.data.x.reserve(rows.size() * (columns - 1));
  std::vector<std::string_view> labels;
  labels.reserve(rows.size());
  for (const Row& row : rows) {
    const auto where = "Line " + std::to_string(row.line);
    if (row.cells.size() != columns) {
      return failure(where + " has " + std::to_string(row.cells.size()) +
                     " columns; the lines before it have " + std::to_string(columns) + ".");
    }
    for (std::size_t c = 0; c + 1 < columns; ++c) {
      double value = 0.0;
      if (!parse_number(row.cells[c], value)) {
        return failure(where + ", column " + std::to_string(c + 1) + ": " +
                       (row.cells[c].empty() ? std::string("the cell is empty")
                                             : quoted(row.cells[c]) + " is not a number") +
                       ".");
      }
      out.data.x.push_back(value);
    }
    if (row.cells.back().empty()) {
      return failure(where + " has no label in its last column.");
    }
    labels.push_back(row.cells.back());
  }

  // Classes in order: numerically when every label is a number, else alphabetically.
  const bool numeric = std::all_of(labels.begin(), labels.end(), [&](std::string_view label) {
    return parse_number(label, ignored);
  });
  auto less = [numeric](std::string_view a, std::string_view b) {
    if (!numeric) {
      return a < b;
    }
    double x = 0.0;
    double y = 0.0;
    parse_number(a, x);
    parse_number(b, y);
    return x < y || (x == y && a < b);
  };
  std::map<std::string_view, int, decltype(less)> classes(less);
  for (const auto label : labels) {
    classes.emplace(label, 0);
  }
  if (classes.size() < 2) {
    return failure("Every row has the same label; the race needs two classes.");
  }
  if (classes.size() > kMaxCsvClasses) {
    return failure("The last column has " + std::to_string(classes.size()) +
                   " different labels; the race handles at most " + std::to_string(kMaxCsvClasses) +
                   " classes.");
  }
  int index = 0;
  for (auto& [label, value] : classes) {
    value = index++;
    out.class_names.emplace_back(label);
  }
  for (const auto label : labels) {
    out.data.y.push_back(classes.at(label));
  }
  out.data.classes = classes.size();
  out.ok = true;
  return out;
}

}  // namespace lossplay
