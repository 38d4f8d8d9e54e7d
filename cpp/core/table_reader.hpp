// Reads a table of numbers from CSV or TSV text, such as the logits and labels a reader's own
// model produced, a piece at a time so that a page can read a large file in slices and keep
// drawing in between. The format:
//
// - The separator is a tab if the first line has one, else a comma, else a semicolon if the
//   first line has one (a comma otherwise: one column).
// - The first line is a header, the columns' names, when any of its cells is text (neither
//   empty nor a number); otherwise it is data row 1.
// - Every other line is a data row: one number of the pages' grammar (core/decimal_number.hpp)
//   per column, as many as the first line has cells. A cell may be enclosed in double quotes,
//   as R and spreadsheets write names; spaces around a cell are ignored; lines end in \n or
//   \r\n.
// - Blank lines may only end the file; at most kMaxTableRows rows, kMaxTableCells cells and
//   kMaxTableColumns columns.
//
// Every problem is reported with the line (and column) a person can find in the file, e.g.
// `line 7, column 3: expected a number such as 0.25 or -1.5e3, got "abc"`.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/delimited_text.hpp"
#include "core/limits.hpp"  // kMaxTableRows, kMaxTableCells, kMaxTableColumns

namespace lossplay {

struct Table {
  std::vector<std::string> header;  // the columns' names; empty when line 1 is data
  std::size_t columns = 0;
  std::size_t rows = 0;
  std::vector<double> values;  // rows × columns, row-major
  std::size_t first_line = 0;  // the file's line of data row 1 (1 or 2); 0 without rows
};

struct TableReading {
  bool ok = false;
  std::string error;  // set when !ok
  Table table;        // set when ok
};

class TableReader {
 public:
  // Reads the next piece of the text; a line, a cell or a UTF-8 character may run on into the
  // next piece. Returns whether the text so far is acceptable. After the first problem, later
  // pieces are ignored.
  bool read(std::string_view piece);
  // The text has ended: the table, or its first problem. The reader is spent afterwards.
  [[nodiscard]] TableReading finish();

 private:
  void read_line(std::string_view line);
  void read_first_line(std::string_view line);
  void read_row(std::span<const std::string_view> cells);
  void fail(std::string message);

  LineSplitter lines_;
  std::size_t line_ = 0;        // the number of the line being read, from 1
  std::size_t blank_line_ = 0;  // the first of the blank lines just read; 0 if the last was not
  char separator_ = '\0';       // set by the first line
  std::string error_;
  Table table_;
  std::vector<std::string_view> cells_;  // the cells of the line being read
};

// The whole text at once (what reading it in one piece gives).
[[nodiscard]] TableReading read_table(std::string_view text);

}  // namespace lossplay
