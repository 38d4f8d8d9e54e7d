// Deliberately unshifted softmax for the stability demonstration.
#include "core/naive_softmax.hpp"

#include <cmath>

namespace lossplay {

NaiveSoftmax naive_softmax(std::span<const double> logits) {
  NaiveSoftmax out{std::vector<double>(logits.size()), 0.0, std::vector<double>(logits.size())};
  for (std::size_t i = 0; i < logits.size(); ++i) {
    out.exponentials[i] = std::exp(logits[i]);
    out.sum += out.exponentials[i];
  }
  for (std::size_t i = 0; i < logits.size(); ++i) {
    out.probs[i] = out.exponentials[i] / out.sum;
  }
  return out;
}

}  // namespace lossplay
