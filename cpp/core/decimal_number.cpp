// The number grammar of the pages and CSV files, and a correctly rounded conversion.
#include "core/decimal_number.hpp"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace lossplay {
namespace {

constexpr std::string_view kTypographicMinus = "\u2212";

// 10^0 … 10^22, each exactly representable in a double.
constexpr std::array<double, 23> kExactPowersOfTen{1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr std::uint64_t kExactIntegers = std::uint64_t{1} << 53;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t skip_digits(std::string_view text, std::size_t at) {
  while (at < text.size() && is_digit(text[at])) {
    ++at;
  }
  return at;
}

// Where the parts of a number of the grammar lie in its text.
struct DecimalParts {
  bool negative = false;
  std::string_view integer, fraction;  // digits before and after the point
  bool negative_exponent = false;
  std::string_view exponent;  // the digits after e/E and its sign; empty when absent
};

// Reads a sign (+, - or −) at `at`: where the text goes on after it.
std::size_t skip_sign(std::string_view text, std::size_t at, bool& negative) {
  const std::string_view rest = text.substr(at);
  if (rest.starts_with(kTypographicMinus)) {
    negative = true;
    return at + kTypographicMinus.size();
  }
  if (rest.starts_with('+') || rest.starts_with('-')) {
    negative = rest.front() == '-';
    return at + 1;
  }
  return at;
}

bool split_decimal(std::string_view text, DecimalParts& parts) {
  std::size_t at = skip_sign(text, 0, parts.negative);
  const std::size_t integer_end = skip_digits(text, at);
  parts.integer = text.substr(at, integer_end - at);
  at = integer_end;
  if (at < text.size() && text[at] == '.') {
    const std::size_t fraction_end = skip_digits(text, at + 1);
    parts.fraction = text.substr(at + 1, fraction_end - at - 1);
    at = fraction_end;
  }
  if (parts.integer.empty() && parts.fraction.empty()) {
    return false;  // no digits: "", "+", ".", "e5"
  }
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    const std::size_t digits_begin = skip_sign(text, at + 1, parts.negative_exponent);
    const std::size_t exponent_end = skip_digits(text, digits_begin);
    if (exponent_end == digits_begin) {
      return false;  // "1e", "1e+"
    }
    parts.exponent = text.substr(digits_begin, exponent_end - digits_begin);
    at = exponent_end;
  }
  return at == text.size();
}

// Clinger's fast path: a significand of at most 2^53 and a power of ten of at most 10^22 are
// both exact, so one multiplication or division rounds correctly. False when it does not apply.
bool convert_exactly(const DecimalParts& parts, double& value) {
  std::uint64_t significand = 0;
  std::size_t digits = 0;
  for (const std::string_view part : {parts.integer, parts.fraction}) {
    for (const char c : part) {
      if (significand == 0 && c == '0') {
        continue;  // leading zeros carry no digits
      }
      if (++digits > 16) {
        return false;
      }
      significand = 10 * significand + static_cast<std::uint64_t>(c - '0');
    }
  }
  if (significand > kExactIntegers || parts.exponent.size() > 3 || parts.fraction.size() > 64) {
    return false;
  }
  int written = 0;
  for (const char c : parts.exponent) {
    written = 10 * written + (c - '0');
  }
  const int power =
      (parts.negative_exponent ? -written : written) - static_cast<int>(parts.fraction.size());
  if (power < -22 || power > 22) {
    return false;
  }
  const auto magnitude = static_cast<double>(significand);
  value = power >= 0 ? magnitude * kExactPowersOfTen[static_cast<std::size_t>(power)]
                     : magnitude / kExactPowersOfTen[static_cast<std::size_t>(-power)];
  return true;
}

}  // namespace

DecimalStatus parse_decimal(std::string_view text, double& value) {
  DecimalParts parts;
  if (!split_decimal(text, parts)) {
    return DecimalStatus::not_a_number;
  }
  if (!convert_exactly(parts, value)) {
    // strtod rounds correctly too; the text is plain decimal by now, so it reads it all.
    std::string plain(parts.integer);
    plain.append(".").append(parts.fraction);
    if (!parts.exponent.empty()) {
      plain.append(parts.negative_exponent ? "e-" : "e").append(parts.exponent);
    }
    value = std::strtod(plain.c_str(), nullptr);
  }
  value = parts.negative ? -value : value;
  return DecimalStatus::number;
}

}  // namespace lossplay
