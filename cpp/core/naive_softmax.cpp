// Deliberately unshifted softmax for the stability demonstration.
#include "core/naive_softmax.hpp"

#include <cmath>

namespace lossplay {

std::vector<double> naive_softmax(std::span<const double> logits) {
  std::vector<double> out(logits.size());
  double sum = 0.0;
  for (std::size_t i = 0; i < logits.size(); ++i) {
    out[i] = std::exp(logits[i]);
    sum += out[i];
  }
  for (double& value : out) {
    value /= sum;
  }
  return out;
}

}  // namespace lossplay
