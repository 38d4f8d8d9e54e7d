// Next-token prediction as JS sees it: reads the JS arguments, runs the core's argument checks,
// calls the core and wraps the result as a plain object with Float64Arrays (or returns an
// Error). Registered by loss_bindings.cpp.
#pragma once

#include "bindings/js_types.hpp"

namespace lossplay::js {

// tokenSequencePoint(logits, targets, position): logits row-major, one row of V per position;
// targets the index of each position's true next word; position the one whose softmax and
// gradient are returned. { losses, meanLoss, perplexity, probs, dlossDlogits, contribution,
// meanLossWithout, perplexityWithout, perplexityFactor }.
JsResult token_sequence_point(const JsValue& logits, const JsValue& targets,
                              const JsValue& position);

}  // namespace lossplay::js
