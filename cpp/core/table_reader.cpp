// A table of numbers from CSV or TSV text, read in pieces (the format: table_reader.hpp).
#include "core/table_reader.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/decimal_number.hpp"

namespace lossplay {
namespace {

// What an editor saving "UTF-8 with BOM" (Excel's CSV) puts before the first line.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::size_t kShownCellBytes = 24;

// Tab, comma or semicolon, whichever the first line has, in that order of preference: a TSV
// whose names hold commas stays a TSV.
char separator_of(std::string_view first_line) {
  for (const char separator : {'\t', ',', ';'}) {
    if (first_line.find(separator) != std::string_view::npos) {
      return separator;
    }
  }
  return ',';  // one column
}

// A cell without the double quotes around it, if it has them (CSV's quoting: "1.5", "z 0").
std::string_view unquoted(std::string_view cell) {
  if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
    return trim_blanks(cell.substr(1, cell.size() - 2));
  }
  return cell;
}

// A column's name: the cell unquoted, a doubled quote inside it read as one.
std::string column_name(std::string_view cell) {
  const bool quoted = cell.size() >= 2 && cell.front() == '"' && cell.back() == '"';
  const std::string_view inside = unquoted(cell);
  std::string name;
  for (std::size_t at = 0; at < inside.size(); ++at) {
    name += inside[at];
    if (quoted && inside[at] == '"' && at + 1 < inside.size() && inside[at + 1] == '"') {
      ++at;
    }
  }
  return name;
}

// Text names a column: a cell that is neither empty nor a number. An empty cell is a missing
// number, not a name, so "1,,2" is a row with a hole rather than a header.
bool is_text(std::string_view cell) {
  const std::string_view inside = unquoted(cell);
  return !inside.empty() && !is_decimal_number(inside);
}

// "abc" in straight quotes, cut after 24 bytes (never inside a UTF-8 character) with "…".
std::string shown(std::string_view cell) {
  std::size_t cut = std::min(cell.size(), kShownCellBytes);
  while (cut < cell.size() && cut > 0 && (static_cast<unsigned char>(cell[cut]) & 0xC0U) == 0x80U) {
    --cut;  // a continuation byte: the character began before
  }
  std::string out = "\"";
  out.append(cell.substr(0, cut));
  out.append(cut < cell.size() ? "…\"" : "\"");
  return out;
}

// "1 cell", "3 cells".
std::string cells_count(std::size_t n) { return std::to_string(n) + (n == 1 ? " cell" : " cells"); }

// What is wrong with a data cell, or "" when it holds a number (then in `value`).
std::string number_problem(std::string_view cell, double& value) {
  const std::string_view inside = unquoted(cell);
  constexpr std::string_view kExpected = "expected a number such as 0.25 or -1.5e3, got ";
  if (inside.empty()) {
    return std::string(kExpected) + "an empty cell";
  }
  if (parse_decimal(inside, value) == DecimalStatus::not_a_number) {
    return std::string(kExpected) + shown(inside);
  }
  // The grammar reads any length of digits; a double ends near 1.8e308 (parse_decimal gives
  // ±∞ beyond), and the core computes with finite numbers only.
  if (!std::isfinite(value)) {
    return shown(inside) + " is beyond the largest number a double holds (about 1.8e308)";
  }
  return {};
}

TableReading failure(std::string message) {
  TableReading out;
  out.error = std::move(message);
  return out;
}

}  // namespace

bool TableReader::read(std::string_view piece) {
  if (!error_.empty()) {
    return false;
  }
  return lines_.read(piece, [this](std::string_view line) {
    read_line(line);
    return error_.empty();
  });
}

void TableReader::read_line(std::string_view line) {
  ++line_;
  if (line_ == 1 && line.starts_with(kByteOrderMark)) {
    line.remove_prefix(kByteOrderMark.size());
  }
  if (trim_blanks(line).empty()) {
    // Allowed only at the end, which is not known yet: remember where the blank lines began.
    blank_line_ = blank_line_ == 0 ? line_ : blank_line_;
    return;
  }
  if (blank_line_ != 0) {
    return fail("line " + std::to_string(blank_line_) +
                " is blank; blank lines may only come at the end of the file");
  }
  if (separator_ == '\0') {
    return read_first_line(line);
  }
  split_cells(line, separator_, cells_);
  read_row(cells_);
}

void TableReader::read_first_line(std::string_view line) {
  separator_ = separator_of(line);
  split_cells(line, separator_, cells_);
  if (cells_.size() > kMaxTableColumns) {
    return fail("line 1: " + cells_count(cells_.size()) + "; a table may have at most " +
                std::to_string(kMaxTableColumns) + " columns");
  }
  table_.columns = cells_.size();
  if (std::any_of(cells_.begin(), cells_.end(), is_text)) {
    for (const auto cell : cells_) {
      table_.header.push_back(column_name(cell));
    }
    return;
  }
  read_row(cells_);
}

void TableReader::read_row(std::span<const std::string_view> cells) {
  // Built only for a message: a million rows need none.
  const auto where = [this] { return "line " + std::to_string(line_); };
  if (table_.rows == kMaxTableRows) {
    return fail(where() + ": a table may have at most " + std::to_string(kMaxTableRows) +
                " data rows");
  }
  if ((table_.rows + 1) * table_.columns > kMaxTableCells) {
    return fail(where() + ": a table may have at most " + std::to_string(kMaxTableCells) +
                " cells (rows × columns)");
  }
  if (cells.size() != table_.columns) {
    return fail(where() + ": " + cells_count(cells.size()) + ", expected " +
                std::to_string(table_.columns) + " like line 1");
  }
  for (std::size_t c = 0; c < cells.size(); ++c) {
    double value = 0.0;
    if (auto problem = number_problem(cells[c], value); !problem.empty()) {
      return fail(where() + ", column " + std::to_string(c + 1) + ": " + problem);
    }
    table_.values.push_back(value);
  }
  table_.first_line = table_.rows == 0 ? line_ : table_.first_line;
  ++table_.rows;
}

void TableReader::fail(std::string message) { error_ = std::move(message); }

TableReading TableReader::finish() {
  if (error_.empty() && !lines_.rest().empty()) {
    read_line(lines_.rest());  // the last line, with no newline after it
  }
  if (!error_.empty()) {
    return failure(error_);
  }
  if (separator_ == '\0') {
    return failure(line_ == 0 ? "the file is empty" : "the file is empty: it has only blank lines");
  }
  TableReading out;
  out.ok = true;
  out.table = std::move(table_);
  return out;
}

TableReading read_table(std::string_view text) {
  TableReader reader;
  reader.read(text);
  return reader.finish();
}

}  // namespace lossplay
