// The one grammar of a number written by a person, shared by every number field of the pages
// (web/shared/number_input.js, NUMBER_PATTERN) and every cell of a CSV file:
//
//   [sign] (digits [. [digits]] | . digits) [(e | E) [sign] digits]
//
// where a sign is +, - or the typographic minus − (U+2212) the pages print. Nothing else:
// no hexadecimal (0x10), no inf or nan, no digit separators, no surrounding text.
#pragma once

#include <string_view>

namespace lossplay {

enum class DecimalStatus {
  number,        // a number of the grammar; the value is set (±∞ where it overflows a double)
  not_a_number,  // text outside the grammar
};

// Reads `text` (already trimmed) to the correctly rounded double.
[[nodiscard]] DecimalStatus parse_decimal(std::string_view text, double& value);

}  // namespace lossplay
