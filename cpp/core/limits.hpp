// Every numeric limit the core enforces at its boundary, in one place. The argument checks use
// these constants, and the bindings export them to JavaScript as `core.limits`, so a page reads
// its input ranges from here instead of copying them.
#pragma once

#include <array>
#include <cstddef>

namespace lossplay {

// An interval of accepted numbers: [min, max], or (min, max] when min_open is set.
struct NumberLimit {
  const char* key;    // the setting's name in the JS API, e.g. "learningRate"
  const char* label;  // its name in error messages, e.g. "learning rate"
  double min;
  double max;
  bool integer = false;
  bool min_open = false;
};

// --- Losses -------------------------------------------------------------------------------

// Largest magnitude accepted for array entries (logits, predictions, targets) and for delta.
// With |x| <= 1e150 every squared difference and every mean of them stays below the largest
// double, so valid input always gives finite losses and gradients.
inline constexpr double kMaxEntryMagnitude = 1e150;

// Longest array accepted; also the most points one curve call may sample.
inline constexpr std::size_t kMaxArrayLength = 4'000'000;

// Tolerance on sum(target) == 1 for probability-vector targets.
inline constexpr double kProbabilitySumTolerance = 1e-6;

// Points of binaryCurve (n) and of constantLossCurve (n), and the Huber/constant-fit delta.
inline constexpr NumberLimit kCurvePoints{"curvePoints", "n", 2.0,
                                          static_cast<double>(kMaxArrayLength), true};
inline constexpr NumberLimit kConstantCurvePoints{"constantCurvePoints", "n", 2.0, 100'000.0, true};
inline constexpr NumberLimit kDelta{"delta", "delta", 0.0, kMaxEntryMagnitude, false, true};
// The clamp ε of clampedBinaryPoint, clamping p into [ε, 1 − ε]. Below about 1.1e−16 (half an
// ulp of 1 is 2^−54 ≈ 5.6e−17) 1 − ε rounds to 1, the clamp no longer keeps p from 1 and
// ln(1 − p) is ln 0 = −∞; from 1e−16 on, 1 − ε < 1.
inline constexpr NumberLimit kClampEpsilon{"clampEpsilon", "epsilon", 1e-16, 0.5};

// --- Likelihood (core/likelihood.hpp) -----------------------------------------------------

// Data values and locations (μ, or the logit z). With |x|, |μ| ≤ 1e6 and a scale of at least
// 1e-3, one datum's NLL is below 1e19 and the total over kMaxLikelihoodData of them below 1e23:
// finite, with room to spare.
inline constexpr NumberLimit kLikelihoodValue{"value", "value", -1e6, 1e6};
inline constexpr NumberLimit kLikelihoodLocation{"location", "location", -1e6, 1e6};
inline constexpr NumberLimit kLikelihoodScale{"scale", "scale", 1e-3, 1e6};
inline constexpr NumberLimit kLikelihoodCurvePoints{"curvePoints", "n", 2.0, 100'000.0, true};
inline constexpr std::size_t kMaxLikelihoodData = 10'000;
// The most work of one likelihoodCurve call: points × data. 10^9 (100,000 points of 10,000 data)
// took 6.5 s of wasm; 10^8 keeps a call under a second.
inline constexpr double kLikelihoodCurveWork = 1e8;

// The likelihood limits as one table (exported in this order as core.limits.likelihood).
inline constexpr std::array kLikelihoodLimits{kLikelihoodValue, kLikelihoodLocation,
                                              kLikelihoodScale, kLikelihoodCurvePoints};

// Plain gradient descent on one logit (countDescentSteps): its learning rate and the most
// steps one call may take (10^7 steps that never reach the target took 0.2 s of wasm; a caller
// wanting more goes on from where a call stopped).
inline constexpr NumberLimit kDescentRate{"descentRate", "learningRate", 0.0, 100.0, false, true};
inline constexpr NumberLimit kDescentSteps{"descentSteps", "maxSteps", 1.0, 1e7, true};

// --- Loss landscape (core/landscape.hpp) --------------------------------------------------

// The data's x, and the window of (w, b) every map, Hessian and descent path stays in. The maps
// form e^±z, z = w·x + b, as e^±w·x · e^±b: with |x| ≤ 10 and |w|, |b| ≤ 50, |w·x| ≤ 500 and
// |z| ≤ 550, so every factor and product lies in [e^−550, e^550] ≈ [1e−239, 1e239]. Those are
// normal doubles (overflow starts at e^709.8, subnormals below e^−708.4): nothing overflows,
// nothing loses digits to underflow, and 1 + e^550 is still finite.
inline constexpr NumberLimit kLandscapeX{"x", "x", -10.0, 10.0};
inline constexpr NumberLimit kLandscapeW{"w", "w", -50.0, 50.0};
inline constexpr NumberLimit kLandscapeB{"b", "b", -50.0, 50.0};
// Points in one data set. A map's CE gathers the log1p(e^−|z|) of all points into one log1p of
// Π(1 + e^−|z_k|) − 1, a product of factors ≤ 2: at most 2^1000 for 1000 points, below the
// largest double (2^1024).
inline constexpr NumberLimit kLandscapePoints{"points", "the number of points", 1.0, 1000.0, true};
// Columns (nw) and rows (nb) of a map: 400 × 400 cells is the most one call computes.
inline constexpr NumberLimit kLandscapeGridSide{"gridSide", "nw", 2.0, 400.0, true};
// Heavy-ball descent (descentPath): the learning rate η, the momentum β (below 1: at β = 1 the
// velocity never decays; 0.999 is the largest offered, so the range stays a closed interval)
// and the steps of one call (10^4 steps of 1000 points is a few tenths of a second of wasm).
inline constexpr NumberLimit kLandscapeLearningRate{"learningRate", "learningRate", 0.0,
                                                    100.0,          false,          true};
inline constexpr NumberLimit kLandscapeMomentum{"momentum", "momentum", 0.0, 0.999};
inline constexpr NumberLimit kLandscapeSteps{"steps", "steps", 0.0, 10'000.0, true};

// The landscape limits as one table (exported in this order as core.limits.landscape).
inline constexpr std::array kLandscapeLimits{kLandscapeX,        kLandscapeW,
                                             kLandscapeB,        kLandscapePoints,
                                             kLandscapeGridSide, kLandscapeLearningRate,
                                             kLandscapeMomentum, kLandscapeSteps};

// --- Next-token prediction (tokenSequencePoint) ---------------------------------------------

// Positions in one sentence (at least 2, so a position's share can be compared with the rest)
// and words in the vocabulary.
inline constexpr NumberLimit kTokenPositions{"tokenPositions", "targets.length", 2.0, 4096.0, true};
inline constexpr NumberLimit kVocabularySize{"vocabularySize", "the vocabulary size", 2.0, 4096.0,
                                             true};
// One next-token logit. |z| ≤ 100 keeps each loss below 200 + ln V ≈ 208, so the perplexity
// exp(mean loss) stays far below the largest double (e^709.78).
inline constexpr NumberLimit kTokenLogit{"tokenLogit", "logit", -100.0, 100.0};

// --- A model's own scores (core/model_scores.hpp, calibration.hpp, temperature_fit.hpp) ---

// One logit of a model's output. With |z| <= 1e6 and a temperature of at least 1e-3 every
// scaled logit is at most 1e9 in size, so one example's cross-entropy stays below about 2e9 + ln K
// and the sum over a million examples below 1e16: finite, and still summed to full precision.
inline constexpr NumberLimit kModelLogit{"logit", "logit", -1e6, 1e6};
// Examples (rows) and logit columns: K = 1 is a binary model with one logit, K >= 2 a softmax.
inline constexpr NumberLimit kModelRows{"rows", "rows", 1.0, 1e6, true};
inline constexpr NumberLimit kModelClasses{"classes", "classes", 1.0, 1000.0, true};
// Entries of logits (rows × classes), and of labels given as probability rows: 10^7 doubles are
// 80 MB of wasm memory, and one pass over them about 0.1 s.
inline constexpr NumberLimit kModelEntries{"entries", "logits.length", 1.0, 1e7, true};
// The temperature T the logits are divided by; fitTemperature searches the same interval.
inline constexpr NumberLimit kModelTemperature{"temperature", "temperature", 1e-3, 1e3};
// Bins of a reliability diagram and of a histogram, and points of the expected-score curves.
inline constexpr NumberLimit kReliabilityBins{"reliabilityBins", "bins", 1.0, 100.0, true};
inline constexpr NumberLimit kHistogramBins{"histogramBins", "bins", 1.0, 200.0, true};
inline constexpr NumberLimit kScoreCurvePoints{"scoreCurvePoints", "n", 1.0, 100'000.0, true};
// A probability row of labels must sum to 1 within this: tight enough that a row that is a
// probability vector written with 15 or more digits passes and a typing slip does not.
inline constexpr double kLabelSumTolerance = 1e-9;
// An example is "confidently wrong" when its predicted class is not the label's and the model
// gives the predicted class at least this probability.
inline constexpr double kConfidentlyWrong = 0.9;
// worstShare adds up the gradients of the ceil(n / 100) worst examples, the worst 1 %.
inline constexpr std::size_t kWorstShareDivisor = 100;

// The model limits as one table (exported in this order as core.limits.model).
inline constexpr std::array kModelLimits{kModelLogit,    kModelRows,        kModelClasses,
                                         kModelEntries,  kModelTemperature, kReliabilityBins,
                                         kHistogramBins, kScoreCurvePoints};

// --- Data sets ----------------------------------------------------------------------------

inline constexpr std::size_t kMaxCsvBytes = std::size_t{4} * 1024 * 1024;
inline constexpr std::size_t kMaxCsvRows = 20'000;
inline constexpr std::size_t kMinCsvRows = 10;
inline constexpr std::size_t kMaxCsvClasses = 10;

// A table of numbers read by core/table_reader.hpp (a model's logits and labels, say). The cells
// hold a model's most logits (kModelEntries, 10^7), as many probability labels, and a label
// column of a million rows: 168 MB of doubles in wasm memory at most, and as much again for the
// copy JS receives; the 1001 columns hold 1000 classes' logits and a label.
inline constexpr std::size_t kMaxTableRows = 1'000'000;
inline constexpr std::size_t kMaxTableCells = 21'000'000;
inline constexpr std::size_t kMaxTableColumns = 1001;

// --- The training race --------------------------------------------------------------------

inline constexpr NumberLimit kRaceSize{"size", "size", 20.0, 5000.0, true};
inline constexpr NumberLimit kRaceNoise{"noise", "noise", 0.0, 2.0};
inline constexpr NumberLimit kRaceHidden{"hidden", "hidden units", 0.0, 64.0, true};
// Hidden layers, all `hidden` units wide. Ten sigmoid layers already shrink the first layer's
// gradient by orders of magnitude, which is what the deep network lab shows.
inline constexpr NumberLimit kRaceDepth{"depth", "depth", 1.0, 10.0, true};
// s of the "normal" weight initialisation, N(0, s²): from a whisper to weights that saturate.
inline constexpr NumberLimit kRaceWeightScale{"weightScale", "weight scale", 0.0,
                                              10.0,          false,          true};
// High enough to watch a run diverge.
inline constexpr NumberLimit kRaceLearningRate{
    "learningRate", "learning rate", 0.0, 1e6, false, true};
inline constexpr NumberLimit kRaceBatchSize{"batchSize", "batch size", 1.0, 4096.0, true};
// 2^53: every integer up to it is exact in a double (and in a JS number).
inline constexpr NumberLimit kRaceSeed{"seed", "seed", 0.0, 9007199254740992.0, true};
inline constexpr NumberLimit kRaceInitLogit{"initLogit", "the starting logit", -50.0, 50.0};
// Epochs one race.step(epochs) call may train.
inline constexpr NumberLimit kRaceStepEpochs{"stepEpochs", "epochs", 1.0, 10'000.0, true};
// Columns and rows of race.grid(...).
inline constexpr NumberLimit kRaceGridSide{"gridSide", "nx", 2.0, 400.0, true};
// The most work of one call, so that no valid call blocks for long. Training is counted in
// training rows × weights per epoch (a forward and a backward pass of every row through every
// weight, for both runs): 4,000 rows × 37,697 weights (5,000 points, ten hidden layers of 64)
// took 0.9 s of wasm per epoch at batch size 1. A race one of whose epochs is more is refused
// when it is created, and race.step(epochs) trains at most the epochs that fit (always one).
inline constexpr double kRaceEpochWork = 1.6e8;
// race.grid(...): cells × weights, one forward pass each (400 × 400 cells of the network above,
// 6 × 10^9, took 2.7 s).
inline constexpr double kRaceGridWork = 1e8;
// race.train(work): the rows × weights one piece of training may do (a page gives each piece a
// small share of a frame; any amount up to one heavy epoch is accepted).
inline constexpr NumberLimit kRaceTrainWork{"trainWork", "work", 1.0, kRaceEpochWork};

// The race's limits as one table (exported in this order).
inline constexpr std::array kRaceLimits{kRaceSize,       kRaceNoise,        kRaceHidden,
                                        kRaceDepth,      kRaceLearningRate, kRaceBatchSize,
                                        kRaceSeed,       kRaceInitLogit,    kRaceWeightScale,
                                        kRaceStepEpochs, kRaceGridSide,     kRaceTrainWork};

}  // namespace lossplay
