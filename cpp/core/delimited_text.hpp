// What the two readers of delimited text (core/csv_dataset.hpp, the race's labelled data set,
// and core/table_reader.hpp, a table of numbers) share: text that arrives in pieces cut into
// whole lines, a line cut into trimmed cells, and whether a cell is a number of the pages' one
// grammar (core/decimal_number.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lossplay {

// Cuts text handed over in pieces into lines. A page reads a large file a slice at a time, and
// a slice may end anywhere, inside a line, a cell or a UTF-8 character: the start of an
// unfinished line is kept until the piece that ends it arrives.
class LineSplitter {
 public:
  // Hands each line the piece completes to `on_line` (without its '\n'), in order, while
  // on_line returns true. Returns false when it stopped early; the rest of the piece is
  // dropped then, as the reader has given up.
  template <typename OnLine>
  bool read(std::string_view piece, OnLine&& on_line);

  // The start of a line no newline has ended yet: at the end of the text, its last line.
  [[nodiscard]] std::string_view rest() const { return pending_; }

 private:
  std::string pending_;
};

template <typename OnLine>
bool LineSplitter::read(std::string_view piece, OnLine&& on_line) {
  while (true) {
    const auto newline = piece.find('\n');
    if (newline == std::string_view::npos) {
      pending_.append(piece);
      return true;
    }
    bool go_on = false;
    if (pending_.empty()) {  // the usual case: the line lies within this piece, no copy
      go_on = on_line(piece.substr(0, newline));
    } else {
      pending_.append(piece.substr(0, newline));
      go_on = on_line(std::string_view(pending_));
      pending_.clear();
    }
    if (!go_on) {
      return false;
    }
    piece.remove_prefix(newline + 1);
  }
}

// `s` without the spaces, tabs and carriage returns (of CRLF line ends) around it.
[[nodiscard]] std::string_view trim_blanks(std::string_view s);

// The cells of `line` between each `separator`, each trimmed; `cells` is reused so that a
// million lines do not cost a million allocations.
void split_cells(std::string_view line, char separator, std::vector<std::string_view>& cells);

// Whether a (trimmed) cell is a number of the pages' grammar.
[[nodiscard]] bool is_decimal_number(std::string_view cell);

}  // namespace lossplay
