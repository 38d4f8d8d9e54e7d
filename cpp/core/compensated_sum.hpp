// A running sum that carries its own rounding error (Neumaier's variant of Kahan summation).
//
// The model functions add up to a million per-example terms. A plain running sum can lose
// about n·ε of its value; near the fitted temperature the slope of the mean cross-entropy is a
// sum of terms of both signs that nearly cancel, and there that loss would be all of it. The
// compensated sum is accurate to a few ε of the sum of the terms' sizes, whatever n is.
#pragma once

#include <cmath>

namespace lossplay {

class CompensatedSum {
 public:
  void add(double value) {
    const double total = sum_ + value;
    // The low-order part that the addition above rounded away, taken from the smaller operand.
    error_ += std::fabs(sum_) >= std::fabs(value) ? (sum_ - total) + value : (value - total) + sum_;
    sum_ = total;
  }

  [[nodiscard]] double value() const { return sum_ + error_; }

 private:
  double sum_ = 0.0;
  double error_ = 0.0;
};

}  // namespace lossplay
