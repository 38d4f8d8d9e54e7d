// The checks of a model's logits and labels (declared in model_data.hpp). The loops test each
// entry with a plain comparison and build a message only for the first one that fails: ten
// million entries must not cost ten million strings.
#include "core/model_data.hpp"

#include <array>
#include <cmath>
#include <string>

#include "core/limits.hpp"

namespace lossplay {
namespace {

constexpr std::array<std::string_view, 2> kLabelKindNames{"class", "probability"};

ArgumentError range_error(std::string message) {
  return ArgumentError{ErrorKind::range, std::move(message)};
}

// "1 row", "12 rows".
std::string counted(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

ArgumentCheck check_shape(const ModelData& data) {
  const std::size_t k = data.classes;
  const std::size_t entries = data.logits.size();
  if (check_limit(kModelEntries, static_cast<double>(entries))) {
    return range_error("logits must have between 1 and " + format_power_of_ten(kModelEntries.max) +
                       " entries (rows × classes), got " + std::to_string(entries));
  }
  if (entries % k != 0) {
    return range_error("logits must have rows × classes entries: " + std::to_string(entries) +
                       " is not a multiple of " + counted(k, "class", "classes"));
  }
  const std::size_t rows = entries / k;
  if (check_limit(kModelRows, static_cast<double>(rows))) {
    return range_error("logits must have at most " + format_number(kModelRows.max) + " rows, got " +
                       std::to_string(rows));
  }
  if (data.label_kind == LabelKind::probability && k == 1) {
    return range_error(
        "labelKind \"probability\" needs classes of 2 or more: with one logit column give each "
        "label as the probability of class 1, with labelKind \"class\"");
  }
  const bool rows_of_probabilities = data.label_kind == LabelKind::probability;
  const std::size_t expected = rows_of_probabilities ? rows * k : rows;
  if (data.labels.size() != expected) {
    const std::string shape =
        rows_of_probabilities
            ? "a probability per class for each row of logits (" + counted(rows, "row", "rows") +
                  " × " + counted(k, "class", "classes") + " = " + std::to_string(expected) +
                  " entries)"
            : "one entry per row of logits (" + counted(rows, "row", "rows") + ")";
    return range_error("labels must have " + shape + ", got " + std::to_string(data.labels.size()));
  }
  return std::nullopt;
}

ArgumentCheck check_logit_entries(const ModelData& data) {
  for (std::size_t i = 0; i < data.logits.size(); ++i) {
    if (!(std::fabs(data.logits[i]) <= kModelLogit.max)) {  // also NaN
      return with_accepted_example(
          check_limit(row_entry_name("logits", i, data.classes), kModelLogit, data.logits[i]),
          "2.5");
    }
  }
  return std::nullopt;
}

ArgumentCheck label_error(std::string name, std::string_view rule, std::string_view example,
                          double value) {
  return range_error(std::move(name) + " must be " + std::string(rule) + ", e.g. " +
                     std::string(example) + "; got " + format_number(value));
}

ArgumentCheck check_class_labels(const ModelData& data) {
  const double last = static_cast<double>(data.classes) - 1.0;
  for (std::size_t i = 0; i < data.labels.size(); ++i) {
    const double y = data.labels[i];
    if (data.classes == 1 && !(y >= 0.0 && y <= 1.0)) {
      return label_error(row_entry_name("labels", i, 1), "0 or 1 or a probability in [0, 1]", "1",
                         y);
    }
    if (data.classes > 1 && !(y >= 0.0 && y <= last && std::trunc(y) == y)) {
      return label_error(row_entry_name("labels", i, 1),
                         "a class, an integer in [0, " + format_number(last) + "]", "0", y);
    }
  }
  return std::nullopt;
}

ArgumentCheck check_probability_rows(const ModelData& data) {
  const std::size_t k = data.classes;
  for (std::size_t row = 0; row < data.rows(); ++row) {
    double sum = 0.0;
    for (std::size_t j = 0; j < k; ++j) {
      const double y = data.labels[row * k + j];
      if (!(y >= 0.0 && y <= 1.0)) {
        return label_error(row_entry_name("labels", row * k + j, k), "a probability in [0, 1]",
                           "0.25", y);
      }
      sum += y;
    }
    if (!(std::fabs(sum - 1.0) <= kLabelSumTolerance)) {
      return range_error("the labels of row " + std::to_string(row + 1) + " (labels[" +
                         std::to_string(row * k) + "] to labels[" +
                         std::to_string(row * k + k - 1) +
                         "]) must sum to 1 within 1e-9, e.g. 1 for one class and 0 for the "
                         "others; got a sum of " +
                         format_number(sum));
    }
  }
  return std::nullopt;
}

}  // namespace

std::span<const std::string_view> label_kind_names() { return kLabelKindNames; }

std::string row_entry_name(std::string_view array, std::size_t index, std::size_t columns) {
  std::string name = std::string(array) + "[" + std::to_string(index) + "] (row " +
                     std::to_string(index / columns + 1);
  if (columns > 1) {
    name += ", column " + std::to_string(index % columns + 1);
  }
  return name + ")";
}

ArgumentCheck with_accepted_example(ArgumentCheck check, std::string_view example) {
  if (check) {
    const auto at = check->message.rfind(", got ");
    if (at != std::string::npos) {
      check->message.replace(at, 6, ", e.g. " + std::string(example) + "; got ");
    }
  }
  return check;
}

ArgumentCheck check_model_classes(double classes) {
  return with_accepted_example(check_limit("classes", kModelClasses, classes), "3");
}

ArgumentCheck check_model_data(const ModelData& data) {
  // One after the other, not first_failure: each check assumes the ones before it passed.
  if (auto failure = check_shape(data)) {
    return failure;
  }
  if (auto failure = check_logit_entries(data)) {
    return failure;
  }
  return data.label_kind == LabelKind::probability ? check_probability_rows(data)
                                                   : check_class_labels(data);
}

ArgumentCheck check_model_temperature(double temperature) {
  return with_accepted_example(check_limit("temperature", kModelTemperature, temperature), "1.5");
}

}  // namespace lossplay
