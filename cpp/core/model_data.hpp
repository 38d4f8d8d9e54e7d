// A model's own output as the "your model" functions take it: n examples, the logits K to a
// row, and a label per example; and the checks that such input is acceptable.
//
// Shapes. K = 1 is a binary model with one logit column, p = σ(z) the probability of class 1;
// K ≥ 2 is a softmax over K logit columns. `logits` holds n·K numbers, row-major.
// Labels come in two kinds:
//   class:       n labels. K = 1: y ∈ [0, 1], the probability of class 1 (0/1, or soft).
//                K ≥ 2: a class index in [0, K − 1].
//   probability: n·K labels, row-major, each row a probability vector (K ≥ 2 only).
// The checks' messages name the entry and its data row, counted from 1 the way a reader counts
// the rows of a file ("labels[11] (row 12) ..."), so a page can point at the line to fix.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "core/argument_checks.hpp"

namespace lossplay {

enum class LabelKind { class_index, probability };

// The JS names of the label kinds, in enum order: "class" and "probability".
[[nodiscard]] std::span<const std::string_view> label_kind_names();

struct ModelData {
  std::span<const double> logits;  // rows × classes, row-major
  std::size_t classes;             // K
  std::span<const double> labels;  // rows (class) or rows × classes (probability)
  LabelKind label_kind;

  [[nodiscard]] std::size_t rows() const { return logits.size() / classes; }
  [[nodiscard]] std::span<const double> row_logits(std::size_t row) const {
    return logits.subspan(row * classes, classes);
  }
  [[nodiscard]] std::span<const double> row_labels(std::size_t row) const {
    return labels.subspan(row * classes, classes);
  }
};

// `classes` an integer in kModelClasses (checked first, as a double, before it is a size).
[[nodiscard]] ArgumentCheck check_model_classes(double classes);

// The shape (a whole number of rows within kModelRows and kModelEntries, one label or one label
// row per example), every logit within kModelLogit and every label of its kind, in that order;
// the first failure is reported. Precondition: check_model_classes passed.
[[nodiscard]] ArgumentCheck check_model_data(const ModelData& data);

// T within kModelTemperature.
[[nodiscard]] ArgumentCheck check_model_temperature(double temperature);

// The pieces every model message is built from, shared with calibration.hpp's checks.
// "labels[11] (row 12)", or in a table of `columns` > 1 columns "labels[35] (row 12, column 3)":
// the index in the flat array and where that entry is in the reader's file, counted from 1.
[[nodiscard]] std::string row_entry_name(std::string_view array, std::size_t index,
                                         std::size_t columns);
// check_limit's "name must be <rule>, got <value>" with an accepted value before the one given:
// "name must be <rule>, e.g. <example>; got <value>".
[[nodiscard]] ArgumentCheck with_accepted_example(ArgumentCheck check, std::string_view example);

}  // namespace lossplay
