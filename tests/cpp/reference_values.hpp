// High-precision reference values (mpmath, see tests/reference/) and the comparison used
// against them.
#pragma once

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace lossplay::test {

struct BinaryReference {
  double z, y;
  const char *p, *ce, *mse, *dce_dz, *dmse_dz, *ratio;
};

struct MulticlassReference {
  std::vector<double> logits;
  int class_index;  // −1 when target is a probability vector
  std::vector<double> target;
  std::vector<const char *> probs;
  const char *ce;
  const char *mse;
  std::vector<const char *> dce_dlogits, dmse_dlogits;
};

struct SoftTargetReference {
  double t, p;
  const char *bce, *mse, *logit;
};

struct SoftKlReference {
  double t, z;
  const char *entropy, *kl, *bce;
};

struct SoftAtPReference {
  double t, p;
  const char *bce, *mse, *entropy, *kl, *dmse_dz;
};

// One example of scoreExamples: a binary model when logits has one entry (label y), else a
// softmax (label a class, or −1 with the probability row in `row`).
struct ModelScoreReference {
  std::vector<double> logits;
  double label;
  std::vector<double> row;
  double temperature;
  const char *probability, *confidence, *ce, *brier, *ce_gradient, *brier_gradient;
};

// A temperature fit: n examples of `classes` logits, labels one per row (class or y) or, with
// probability_rows, a probability row each.
struct TemperatureFitReference {
  std::vector<double> logits;
  int classes;
  std::vector<double> labels;
  bool probability_rows;
  const char *temperature, *before, *after;
};

#include "../reference/reference_values.inc"

// Relative error bound for results that are a few correctly rounded operations deep.
inline constexpr double kRelativeTolerance = 4e-15;
// Below the normal range only the absolute error is meaningful (subnormals and underflow
// to 0 of values that are not representable anyway).
inline constexpr double kAbsoluteTolerance = 1e-307;

// strtod rounds the 20-digit decimal to the nearest double, so the comparison is against
// the true value to within half an ulp.
inline bool close_to_reference(double actual, const char *reference,
                               double relative = kRelativeTolerance) {
  const double expected = std::strtod(reference, nullptr);
  if (std::isinf(expected)) {
    return actual == expected;
  }
  return std::fabs(actual - expected) <= relative * std::fabs(expected) + kAbsoluteTolerance;
}

#define CHECK_REFERENCE(actual, reference)                              \
  do {                                                                  \
    INFO(#actual " = " << (actual) << ", reference " << (reference));   \
    CHECK(::lossplay::test::close_to_reference((actual), (reference))); \
  } while (false)

}  // namespace lossplay::test
