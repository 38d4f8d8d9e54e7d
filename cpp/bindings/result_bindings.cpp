// embind registration of the result structs of the loss functions, in both wasm builds: each
// value_object names the JS fields of one struct, in the order JS sees them. Registration
// only: the structs live in the core and in result_types.hpp.
#include <emscripten/bind.h>

#include <string>

#include "bindings/model_api.hpp"
#include "bindings/result_object.hpp"
#include "bindings/result_types.hpp"
#include "core/calibration.hpp"
#include "core/clamped_losses.hpp"
#include "core/constant_fit.hpp"
#include "core/landscape.hpp"
#include "core/model_scores.hpp"
#include "core/multiclass_losses.hpp"
#include "core/naive_softmax.hpp"
#include "core/proper_scores.hpp"
#include "core/regression_losses.hpp"
#include "core/sigmoid_chain.hpp"
#include "core/soft_target_losses.hpp"
#include "core/temperature_fit.hpp"
#include "core/token_sequence.hpp"

namespace {

using namespace lossplay;      // NOLINT(google-build-using-namespace): registration only
using namespace lossplay::js;  // NOLINT(google-build-using-namespace)

double median_of(const ConstantFit& fit) { return fit.mae.midpoint(); }
double huber_of(const ConstantFit& fit) { return fit.huber.midpoint(); }
std::string open_min(const OpenMinLimit& /*limit*/) { return "min"; }

// The fields every likelihood point and fit share.
template <typename T>
JsResultObject<T>& point_fields(JsResultObject<T>&& object) {
  return object.value("totalNll", &T::total_nll)
      .value("meanNll", &T::mean_nll)
      .value("loss", &T::loss)
      .value("lossScale", &T::loss_scale)
      .value("offset", &T::offset)
      .value("mappedLoss", &T::mapped_loss)
      .template array<&T::densities>("densities")
      .template array<&T::nlls>("nlls");
}

template <typename T>
JsResultObject<T>& fit_fields(JsResultObject<T>&& object) {
  return object.value("best", &T::best)
      .value("low", &T::low)
      .value("high", &T::high)
      .value("attained", &T::attained)
      .value("leastMeanNll", &T::least_mean_nll);
}

// A reliability diagram's bins, as an Array of {low, high, count, meanConfidence, meanOutcome}.
JsArray bins_of(const Reliability& diagram) {
  JsArray out = JsArray::array();
  for (const ReliabilityBin& bin : diagram.bins) {
    out.call<void>("push", JsValue(bin));
  }
  return out;
}

// The results of the "your model" functions (model_api.hpp), in core_signatures.mjs's order.
void register_model_results() {
  JsResultObject<WorstShare>("WorstShare")
      .value("count", &WorstShare::count)
      .value("crossEntropy", &WorstShare::cross_entropy)
      .value("brier", &WorstShare::brier);
  JsResultObject<ExampleScores>("ExampleScores")
      .array<&ExampleScores::probability>("probability")
      .array<&ExampleScores::positive>("positive")
      .array<&ExampleScores::confidence>("confidence")
      .array<&ExampleScores::predicted>("predicted")
      .array<&ExampleScores::correct>("correct")
      .array<&ExampleScores::cross_entropy>("crossEntropy")
      .array<&ExampleScores::brier>("brier")
      .array<&ExampleScores::cross_entropy_gradient>("crossEntropyGradient")
      .array<&ExampleScores::brier_gradient>("brierGradient")
      .array<&ExampleScores::confidently_wrong>("confidentlyWrong")
      .value("meanCrossEntropy", &ExampleScores::mean_cross_entropy)
      .value("meanBrier", &ExampleScores::mean_brier)
      .value("accuracy", &ExampleScores::accuracy)
      .value("confidentlyWrongCount", &ExampleScores::confidently_wrong_count)
      .value("worstShare", &ExampleScores::worst_share);
  JsResultObject<ReliabilityBin>("ReliabilityBin")
      .value("low", &ReliabilityBin::low)
      .value("high", &ReliabilityBin::high)
      .value("count", &ReliabilityBin::count)
      .value("meanConfidence", &ReliabilityBin::mean_confidence)
      .value("meanOutcome", &ReliabilityBin::mean_outcome);
  JsResultObject<BrierSplit>("BrierSplit")
      .value("score", &BrierSplit::score)
      .value("calibration", &BrierSplit::calibration)
      .value("refinement", &BrierSplit::refinement)
      .value("withinBin", &BrierSplit::within_bin);
  JsResultObject<Reliability>("Reliability")
      .computed("bins", &bins_of)
      .value("ece", &Reliability::ece)
      .value("brier", &Reliability::brier);
  JsResultObject<TemperatureFitResult>("TemperatureFitResult")
      .value("temperature", &TemperatureFitResult::temperature)
      .value("meanCrossEntropyBefore", &TemperatureFitResult::mean_cross_entropy_before)
      .value("meanCrossEntropyAfter", &TemperatureFitResult::mean_cross_entropy_after)
      .value("atLimit", &TemperatureFitResult::at_limit);
  JsResultObject<Histogram>("Histogram")
      .array<&Histogram::edges>("edges")
      .array<&Histogram::counts>("counts")
      .value("below", &Histogram::below)
      .value("above", &Histogram::above);
  JsResultObject<ExpectedScores>("ExpectedScores")
      .value("logScore", &ExpectedScores::log_score)
      .value("brier", &ExpectedScores::brier)
      .value("absolute", &ExpectedScores::absolute);
  JsResultObject<ExpectedScoreCurves>("ExpectedScoreCurves")
      .array<&ExpectedScoreCurves::r>("r")
      .array<&ExpectedScoreCurves::log_score>("logScore")
      .array<&ExpectedScoreCurves::brier>("brier")
      .array<&ExpectedScoreCurves::absolute>("absolute");
}

template <typename T>
JsResultObject<T>& limit_fields(JsResultObject<T>&& object) {
  return object.value("min", &T::min).value("max", &T::max).value("integer", &T::integer);
}

}  // namespace

EMSCRIPTEN_BINDINGS(lossplay_results) {
  JsResultObject<BinaryPointResult>("BinaryPoint")
      .value("p", &BinaryPointResult::p)
      .value("ce", &BinaryPointResult::ce)
      .value("mse", &BinaryPointResult::mse)
      .value("dceDz", &BinaryPointResult::dce_dz)
      .value("dmseDz", &BinaryPointResult::dmse_dz)
      .value("ratio", &BinaryPointResult::ratio);
  JsResultObject<BinaryCurveResult>("BinaryCurve")
      .value("z", &BinaryCurveResult::z)
      .value("p", &BinaryCurveResult::p)
      .value("ce", &BinaryCurveResult::ce)
      .value("mse", &BinaryCurveResult::mse)
      .value("dceDz", &BinaryCurveResult::dce_dz)
      .value("dmseDz", &BinaryCurveResult::dmse_dz);
  JsResultObject<ClampedBinaryLosses>("ClampedBinaryPoint")
      .value("p", &ClampedBinaryLosses::p)
      .value("ce", &ClampedBinaryLosses::ce)
      .value("dceDz", &ClampedBinaryLosses::dce_dz)
      .value("clamped", &ClampedBinaryLosses::clamped);
  JsResultObject<SigmoidChain>("SigmoidChain")
      .value("p", &SigmoidChain::p)
      .value("dpDz", &SigmoidChain::dp_dz)
      .value("dceDp", &SigmoidChain::dce_dp)
      .value("dmseDp", &SigmoidChain::dmse_dp)
      .value("dceDz", &SigmoidChain::dce_dz)
      .value("dmseDz", &SigmoidChain::dmse_dz);
  JsResultObject<DescentCount>("DescentCount")
      .value("steps", &DescentCount::steps)
      .value("reached", &DescentCount::reached)
      .value("z", &DescentCount::z);
  JsResultObject<MulticlassLosses>("MulticlassPoint")
      .array<&MulticlassLosses::probs>("probs")
      .value("ce", &MulticlassLosses::ce)
      .value("mse", &MulticlassLosses::mse)
      .array<&MulticlassLosses::dce_dlogits>("dceDlogits")
      .array<&MulticlassLosses::dmse_dlogits>("dmseDlogits");
  JsResultObject<NaiveSoftmax>("NaiveSoftmax")
      .array<&NaiveSoftmax::exponentials>("exponentials")
      .value("sum", &NaiveSoftmax::sum)
      .array<&NaiveSoftmax::probs>("probs");
  JsResultObject<SoftTargetLosses>("SoftTargetPoint")
      .value("p", &SoftTargetLosses::p)
      .value("bce", &SoftTargetLosses::bce)
      .value("mse", &SoftTargetLosses::mse)
      .value("entropy", &SoftTargetLosses::entropy)
      .value("kl", &SoftTargetLosses::kl)
      .value("dbceDz", &SoftTargetLosses::dbce_dz)
      .value("dmseDz", &SoftTargetLosses::dmse_dz);
  JsResultObject<MinimizerInterval>("MinimizerInterval")
      .value("low", &MinimizerInterval::low)
      .value("high", &MinimizerInterval::high);
  JsResultObject<ConstantFit>("ConstantFit")
      .value("mean", &ConstantFit::mean)
      .computed("median", &median_of)
      .computed("huber", &huber_of)
      .value("maeMinimizers", &ConstantFit::mae)
      .value("huberMinimizers", &ConstantFit::huber);
  JsResultObject<ConstantCurveResult>("ConstantCurve")
      .array<&ConstantCurveResult::c>("c")
      .array<&ConstantCurveResult::mse>("mse")
      .array<&ConstantCurveResult::mae>("mae")
      .array<&ConstantCurveResult::huber>("huber");
  JsResultObject<RegressionLosses>("RegressionLosses")
      .value("mse", &RegressionLosses::mse)
      .value("mae", &RegressionLosses::mae)
      .value("huber", &RegressionLosses::huber)
      .array<&RegressionLosses::dmse>("dmse")
      .array<&RegressionLosses::dmae>("dmae")
      .array<&RegressionLosses::dhuber>("dhuber");
  JsResultObject<TokenSequenceLosses>("TokenSequencePoint")
      .array<&TokenSequenceLosses::losses>("losses")
      .value("meanLoss", &TokenSequenceLosses::mean_loss)
      .value("perplexity", &TokenSequenceLosses::perplexity)
      .array<&TokenSequenceLosses::probs>("probs")
      .array<&TokenSequenceLosses::dloss_dlogits>("dlossDlogits")
      .value("contribution", &TokenSequenceLosses::contribution)
      .value("meanLossWithout", &TokenSequenceLosses::mean_loss_without)
      .value("perplexityWithout", &TokenSequenceLosses::perplexity_without)
      .value("perplexityFactor", &TokenSequenceLosses::perplexity_factor);
  point_fields(JsResultObject<LikelihoodPointResult>("LikelihoodPoint"));
  point_fields(JsResultObject<BernoulliPointResult>("BernoulliPoint"))
      .value("p", &BernoulliPointResult::p);
  fit_fields(JsResultObject<LikelihoodFit>("LikelihoodFit"));
  fit_fields(JsResultObject<BernoulliFitResult>("BernoulliFit"))
      .value("ones", &BernoulliFitResult::ones)
      .value("zeros", &BernoulliFitResult::zeros)
      .value("n", &BernoulliFitResult::n)
      .value("shareOfOnes", &BernoulliFitResult::share_of_ones)
      .value("shareOfZeros", &BernoulliFitResult::share_of_zeros);
  JsResultObject<LikelihoodCurveResult>("LikelihoodCurve")
      .array<&LikelihoodCurveResult::location>("location")
      .array<&LikelihoodCurveResult::mean_nll>("meanNll")
      .array<&LikelihoodCurveResult::loss>("loss")
      .array<&LikelihoodCurveResult::mapped_loss>("mappedLoss");
  JsResultObject<DensityResult>("Density")
      .array<&DensityResult::x>("x")
      .array<&DensityResult::density>("density");
  JsResultObject<Hessian2>("Hessian")
      .value("hww", &Hessian2::hww)
      .value("hwb", &Hessian2::hwb)
      .value("hbb", &Hessian2::hbb);
  JsResultObject<DescentPath>("DescentPath")
      .array<&DescentPath::w>("w")
      .array<&DescentPath::b>("b")
      .array<&DescentPath::loss>("loss")
      .array<&DescentPath::grad_norm>("gradNorm")
      .value("steps", &DescentPath::steps)
      .value("stopped", &DescentPath::stopped);
  limit_fields(JsResultObject<NumberLimit>("NumberLimit"));
  limit_fields(JsResultObject<OpenMinLimit>("OpenMinLimit")).computed("open", &open_min);
  register_model_results();
}
