// The one number grammar (the same cases as web/shared/number_input.js's NUMBER_PATTERN) and
// its conversion, checked against glibc's strtod, which rounds correctly.
#include "core/decimal_number.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

using lossplay::DecimalStatus;
using lossplay::parse_decimal;

namespace {

bool accepted(const std::string& text) {
  double value = 0.0;
  return parse_decimal(text, value) == DecimalStatus::number;
}

}  // namespace

TEST_CASE("the grammar: sign, digits, optional fraction and exponent, nothing else", "[decimal]") {
  for (const char* text : {"0", "-0", "+7", "1.5", "-2.", ".5", "-.5", "1e3", "1E-3", "2.5e+10",
                           "007", "1e200", "1e999", "\u22122.5", "1e\u22123"}) {
    INFO(text);
    CHECK(accepted(text));
  }
  for (const char* text : {"",      "+",   "-",         ".",     "e5",     "1e",    "1e+",  "0x10",
                           "0X1p3", "inf", "-Infinity", "nan",   "NaN",    "1_000", "1,5",  "--1",
                           "1.2.3", " 1",  "1 ",        "1e5.5", "\u2212", "1f",    "0b101"}) {
    INFO("“" << text << "”");
    CHECK_FALSE(accepted(text));
  }
}

TEST_CASE("values: the typographic minus, signed zero, overflow to infinity", "[decimal]") {
  double value = 0.0;
  REQUIRE(parse_decimal("\u22122.5", value) == DecimalStatus::number);
  CHECK(value == -2.5);
  REQUIRE(parse_decimal("2.5E\u22123", value) == DecimalStatus::number);
  CHECK(value == 0.0025);
  REQUIRE(parse_decimal("-0", value) == DecimalStatus::number);
  CHECK(std::signbit(value));
  REQUIRE(parse_decimal("1e999", value) == DecimalStatus::number);
  CHECK(std::isinf(value));
  REQUIRE(parse_decimal("0.1", value) == DecimalStatus::number);
  CHECK(value == 0.1);  // the double nearest 1/10, as the compiler rounds the literal
  REQUIRE(parse_decimal("9007199254740993", value) == DecimalStatus::number);
  CHECK(value == 9007199254740992.0);  // 2^53 + 1 is a tie, rounded to the even 2^53
}

TEST_CASE("every value rounds as strtod rounds, on and off the fast path", "[decimal]") {
  std::mt19937_64 random(20240614);
  std::uniform_int_distribution<int> digit(0, 9);
  std::uniform_int_distribution<int> length(1, 22);
  std::uniform_int_distribution<int> exponent(-340, 310);
  for (int trial = 0; trial < 200'000; ++trial) {
    std::string text = trial % 2 == 0 ? "-" : "";
    const int integer_digits = length(random) % 12;
    for (int i = 0; i < integer_digits; ++i) text += static_cast<char>('0' + digit(random));
    text += '.';
    for (int i = length(random); i > 0; --i) text += static_cast<char>('0' + digit(random));
    if (trial % 3 != 0)
      text += "e" + std::to_string(trial % 5 == 0 ? exponent(random) % 25 : exponent(random));
    double value = 0.0;
    REQUIRE(parse_decimal(text, value) == DecimalStatus::number);
    const double expected = std::strtod(text.c_str(), nullptr);
    INFO(text);
    REQUIRE(std::memcmp(&value, &expected, sizeof value) == 0);
  }
}
