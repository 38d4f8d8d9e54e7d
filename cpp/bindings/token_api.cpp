// The next-token adapter (declared in token_api.hpp).
#include "bindings/token_api.hpp"

#include <emscripten/val.h>

#include <cstddef>
#include <vector>

#include "core/argument_checks.hpp"
#include "core/token_sequence.hpp"

namespace lossplay::js {

using emscripten::val;

JsResult token_sequence_point(const JsValue& logits_in, const JsValue& targets_in,
                              const JsValue& position_in) {
  std::vector<double> logits;
  std::vector<double> targets;
  double position = 0.0;
  if (auto failure = lossplay::first_failure(read_array("logits", logits_in, logits),
                                             read_array("targets", targets_in, targets),
                                             read_number("position", position_in, position))) {
    return to_js_error(*failure);
  }
  if (auto failure = lossplay::check_token_sequence_args(logits, targets, position)) {
    return to_js_error(*failure);
  }
  // Checked above: every target is a whole number in [0, V − 1].
  std::vector<std::size_t> indices(targets.size());
  for (std::size_t n = 0; n < targets.size(); ++n) {
    indices[n] = static_cast<std::size_t>(targets[n]);
  }
  return val(lossplay::token_sequence_losses(logits, indices, static_cast<std::size_t>(position)));
}

}  // namespace lossplay::js
