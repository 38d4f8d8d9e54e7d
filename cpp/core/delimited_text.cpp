// Lines, cells and numbers of delimited text, for the CSV data set and table readers.
#include "core/delimited_text.hpp"

#include "core/decimal_number.hpp"

namespace lossplay {

std::string_view trim_blanks(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

void split_cells(std::string_view line, char separator, std::vector<std::string_view>& cells) {
  cells.clear();
  std::size_t start = 0;
  while (true) {
    const auto end = line.find(separator, start);
    cells.push_back(trim_blanks(line.substr(start, end - start)));
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
}

bool is_decimal_number(std::string_view cell) {
  double ignored = 0.0;
  return parse_decimal(cell, ignored) == DecimalStatus::number;
}

}  // namespace lossplay
