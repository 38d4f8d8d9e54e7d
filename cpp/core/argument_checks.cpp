// Argument validation messages: each names the argument, the rule and the offending value.
#include "core/argument_checks.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>

namespace lossplay {
namespace {

ArgumentError range_error(std::string_view name, std::string_view rule, double value) {
  std::string message(name);
  message.append(" must be ").append(rule).append(", got ").append(format_number(value));
  return {ErrorKind::range, std::move(message)};
}

// A range bound as a person writes it: 1e6 and 1e150 rather than their digits.
std::string format_bound(double value) {
  if (value <= -1e6) {
    return "-" + format_bound(-value);  // "-1e6", as its positive twin
  }
  if (value >= 1e6) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0e", value);  // "1e+06"
    if (buffer[0] == '1' && std::strtod(buffer, nullptr) == value) {
      return "1e" + std::to_string(std::atoi(buffer + 2));
    }
  }
  return format_number(value);
}

}  // namespace

std::string format_number(double value) {
  if (std::isnan(value)) {
    return "NaN";
  }
  if (std::isinf(value)) {
    return value > 0 ? "Infinity" : "-Infinity";
  }
  if (std::trunc(value) == value && std::fabs(value) < 1e16) {
    return std::to_string(static_cast<long long>(value));  // "4000000", not "4e+06"
  }
  char buffer[32];
  // %.17g round-trips every double; %.6g first keeps ordinary values readable.
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  if (std::strtod(buffer, nullptr) != value) {
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
  }
  return buffer;
}

ArgumentCheck check_finite(std::string_view name, double value) {
  if (!std::isfinite(value)) {
    return range_error(name, "a finite number", value);
  }
  return std::nullopt;
}

ArgumentCheck check_label(std::string_view name, double value) {
  if (!(value >= 0.0 && value <= 1.0)) {  // also rejects NaN
    return range_error(name, "a number in [0, 1]", value);
  }
  return std::nullopt;
}

ArgumentCheck check_open_probability(std::string_view name, double value) {
  if (!(value > 0.0 && value < 1.0)) {
    return range_error(name, "a number in (0, 1), endpoints excluded", value);
  }
  return std::nullopt;
}

std::string format_power_of_ten(double value) {
  const double exponent = std::floor(std::log10(value));
  return format_number(value / std::pow(10.0, exponent)) + "e" + format_number(exponent);
}

ArgumentCheck check_integer_in(std::string_view name, double value, double min, double max) {
  if (!(value >= min && value <= max && std::trunc(value) == value)) {
    return range_error(
        name, "an integer in [" + format_number(min) + ", " + format_number(max) + "]", value);
  }
  return std::nullopt;
}

ArgumentCheck check_limit(const NumberLimit& limit, double value) {
  return check_limit(limit.label, limit, value);
}

ArgumentCheck check_limit(std::string_view name, const NumberLimit& limit, double value) {
  const bool above_min = limit.min_open ? value > limit.min : value >= limit.min;
  if (above_min && value <= limit.max && (!limit.integer || std::trunc(value) == value)) {
    return std::nullopt;  // NaN fails every comparison above
  }
  std::string rule = limit.integer ? "an integer in " : "a number in ";
  rule.append(limit.min_open ? "(" : "[")
      .append(format_bound(limit.min))
      .append(", ")
      .append(format_bound(limit.max))
      .append("]");
  return range_error(name, rule, value);
}

ArgumentError choice_error(std::string_view name, std::span<const std::string_view> choices,
                           std::string_view value) {
  std::string message(name);
  message.append(" must be ");
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) {
      message.append(i + 1 == choices.size() ? " or " : ", ");
    }
    message.append("\"").append(choices[i]).append("\"");
  }
  message.append(", got \"").append(value).append("\"");
  return {ErrorKind::range, std::move(message)};
}

ArgumentCheck check_entries(std::string_view name, std::span<const double> values,
                            std::size_t min_length) {
  if (values.size() < min_length || values.size() > kMaxArrayLength) {
    std::string message(name);
    message.append(" must have between ")
        .append(std::to_string(min_length))
        .append(" and ")
        .append(std::to_string(kMaxArrayLength))
        .append(" entries, got ")
        .append(std::to_string(values.size()));
    return ArgumentError{ErrorKind::range, std::move(message)};
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!(std::fabs(values[i]) <= kMaxEntryMagnitude)) {
      const std::string entry = std::string(name) + "[" + std::to_string(i) + "]";
      return range_error(entry, "a finite number in [-1e150, 1e150]", values[i]);
    }
  }
  return std::nullopt;
}

ArgumentCheck check_probability_vector(std::string_view name, std::span<const double> values,
                                       std::size_t k) {
  if (values.size() != k) {
    std::string message(name);
    message.append(" must have one probability per class (")
        .append(std::to_string(k))
        .append("), got ")
        .append(std::to_string(values.size()));
    return ArgumentError{ErrorKind::range, std::move(message)};
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (auto failure = check_label(std::string(name) + "[" + std::to_string(i) + "]", values[i])) {
      return failure;
    }
  }
  const double sum = std::accumulate(values.begin(), values.end(), 0.0);
  if (!(std::fabs(sum - 1.0) <= kProbabilitySumTolerance)) {
    std::string message(name);
    message.append(" must sum to 1 (within 1e-6), got a sum of ").append(format_number(sum));
    return ArgumentError{ErrorKind::range, std::move(message)};
  }
  return std::nullopt;
}

namespace {

ArgumentCheck check_below(const char* lo_name, const char* hi_name, double lo, double hi) {
  if (lo < hi) {
    return std::nullopt;
  }
  return ArgumentError{ErrorKind::range, std::string(lo_name) + " must be below " + hi_name +
                                             ", got " + format_number(lo) + " and " +
                                             format_number(hi)};
}

ArgumentCheck with_example(ArgumentCheck check, const char* example) {
  if (check) {
    check->message.append(". Use a value such as ").append(example);
  }
  return check;
}

}  // namespace

ArgumentCheck check_interval(const char* lo_name, const char* hi_name, double lo, double hi,
                             const NumberLimit& bound) {
  return first_failure(check_limit(lo_name, bound, lo), check_limit(hi_name, bound, hi),
                       check_below(lo_name, hi_name, lo, hi));
}

ArgumentCheck check_side(const char* lo_name, const char* hi_name, double lo, double hi,
                         const NumberLimit& bound) {
  return first_failure(with_example(check_limit(lo_name, bound, lo), "-10"),
                       with_example(check_limit(hi_name, bound, hi), "10"),
                       check_below(lo_name, hi_name, lo, hi));
}

}  // namespace lossplay
