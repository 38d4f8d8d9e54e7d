// Argument validation for the core's public functions.
//
// The loss functions themselves assume valid input (documented preconditions) so their inner
// loops stay branch-free; callers at a trust boundary (the WebAssembly bindings, a fuzzer)
// run these checks first. Each failed check says which argument broke which rule, so the
// message can be shown to a person unchanged.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/limits.hpp"

namespace lossplay {

// Whether the argument had the wrong kind of value (not a number, not an array) or a number
// outside its allowed range. Bindings map these to TypeError and RangeError.
enum class ErrorKind { type, range };

struct ArgumentError {
  ErrorKind kind;
  std::string message;
};

// Empty when the argument is acceptable.
using ArgumentCheck = std::optional<ArgumentError>;

// Formats a number the way a JavaScript reader expects ("NaN", "Infinity", "1.5").
[[nodiscard]] std::string format_number(double value);
// A large positive limit as a person writes it, mantissa and power of ten: "1.6e8", "1e8".
[[nodiscard]] std::string format_power_of_ten(double value);

[[nodiscard]] ArgumentCheck check_finite(std::string_view name, double value);
// y in [0, 1].
[[nodiscard]] ArgumentCheck check_label(std::string_view name, double value);
// p in (0, 1).
[[nodiscard]] ArgumentCheck check_open_probability(std::string_view name, double value);
// Integer in [min, max].
[[nodiscard]] ArgumentCheck check_integer_in(std::string_view name, double value, double min,
                                             double max);
// Within the limit (and whole if it says so); the message names the limit's label, or `name`.
[[nodiscard]] ArgumentCheck check_limit(const NumberLimit& limit, double value);
[[nodiscard]] ArgumentCheck check_limit(std::string_view name, const NumberLimit& limit,
                                        double value);
// The ends of an interval, a grid's or a window side's: each within `bound` (the message names
// it), and lo below hi.
[[nodiscard]] ArgumentCheck check_interval(const char* lo_name, const char* hi_name, double lo,
                                           double hi, const NumberLimit& bound);
// As check_interval, where a bound that fails suggests -10 and 10: the range alone does not say
// what is typical (a landscape window's side).
[[nodiscard]] ArgumentCheck check_side(const char* lo_name, const char* hi_name, double lo,
                                       double hi, const NumberLimit& bound);
// `name must be "a", "b" or "c", got "value"`, for a word that is not one of `choices`.
[[nodiscard]] ArgumentError choice_error(std::string_view name,
                                         std::span<const std::string_view> choices,
                                         std::string_view value);
// Non-empty, at most kMaxArrayLength entries, each finite with |x| <= kMaxEntryMagnitude.
[[nodiscard]] ArgumentCheck check_entries(std::string_view name, std::span<const double> values,
                                          std::size_t min_length = 1);
// Length k, entries in [0, 1], summing to 1 within kProbabilitySumTolerance.
[[nodiscard]] ArgumentCheck check_probability_vector(std::string_view name,
                                                     std::span<const double> values, std::size_t k);

// The first failing check of a list, so a function's checks read as one expression.
template <typename... Checks>
[[nodiscard]] ArgumentCheck first_failure(Checks&&... checks) {
  ArgumentCheck result;
  // Left-to-right fold: stop at the first failure.
  (void)((checks.has_value() ? (result = std::forward<Checks>(checks), true) : false) || ...);
  return result;
}

}  // namespace lossplay
