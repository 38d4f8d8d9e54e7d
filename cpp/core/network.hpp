// The model of the training race: logistic regression (no hidden layer) or a perceptron with
// 1–10 hidden layers of the same width, of tanh, ReLU or sigmoid units, ending in a sigmoid
// (two classes) or softmax (K classes), trained with cross-entropy or with squared error on
// those output probabilities.
//
// Parameters are one flat vector, layer after layer from the input: [W1 (hidden × inputs), b1,
// W2 (hidden × hidden), b2, …, W_out (outputs × hidden), b_out], or [W (outputs × inputs), b]
// without a hidden layer. Outputs = 1 for two classes, else K.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "core/dataset.hpp"
#include "core/random.hpp"

namespace lossplay {

enum class Activation { tanh, relu, sigmoid };
enum class LossKind { cross_entropy, squared_error };

// How initialize() draws each weight matrix (fan_in inputs, fan_out outputs); biases are 0.
enum class WeightInit {
  by_activation,  // N(0, 1/fan_in) for tanh and sigmoid, N(0, 2/fan_in) for ReLU
  normal,         // N(0, s²): a standard normal scaled by s, whatever the layer's size
  xavier,         // Glorot normal: N(0, 2/(fan_in + fan_out))
  he,             // N(0, 2/fan_in)
};

// Where one layer's weights and biases sit in the parameter vector: W (fan_out × fan_in,
// row-major) at `offset`, then its fan_out biases.
struct LayerSlice {
  std::size_t offset;
  std::size_t fan_in;
  std::size_t fan_out;

  [[nodiscard]] std::size_t weight_count() const { return fan_in * fan_out; }
};

struct NetworkShape {
  std::size_t inputs = 0;
  std::size_t hidden = 0;  // units in every hidden layer; 0: logistic regression
  std::size_t classes = 2;
  Activation activation = Activation::tanh;
  std::size_t depth = 1;  // hidden layers when hidden > 0

  [[nodiscard]] std::size_t outputs() const { return classes == 2 ? 1 : classes; }
  [[nodiscard]] std::size_t hidden_layers() const { return hidden == 0 ? 0 : depth; }
  // Weight matrices: the hidden layers and the output layer.
  [[nodiscard]] std::size_t layer_count() const { return hidden_layers() + 1; }
  // Every hidden unit of every layer (the length forward() writes its activations to).
  [[nodiscard]] std::size_t hidden_units() const { return hidden_layers() * hidden; }
  // Layer `index`, 0 at the input … layer_count() − 1 the output layer.
  [[nodiscard]] LayerSlice layer(std::size_t index) const;
  [[nodiscard]] std::size_t parameter_count() const;
};

// Loss of one example with a hard label and its gradient w.r.t. the output(s), from the
// logits, by the same stable forms as binary_losses and multiclass_losses (no allocation).
// MSE is the binary (p − y)² for one output, and the mean over the K classes otherwise.
double output_loss(std::span<const double> logits, int label, LossKind kind,
                   std::span<double> gradient);

// The Frobenius norm of each layer's weight block of a parameter-shaped vector (a gradient),
// layer 1 first and the output layer last; biases are left out. Scaled by the block's largest
// entry, so that a vanishing gradient's norm does not underflow to 0 when squared.
[[nodiscard]] std::vector<double> layer_weight_norms(const NetworkShape& shape,
                                                     std::span<const double> values);

class Network {
 public:
  explicit Network(const NetworkShape& shape);

  [[nodiscard]] const NetworkShape& shape() const { return shape_; }
  [[nodiscard]] std::vector<double>& parameters() { return parameters_; }
  [[nodiscard]] const std::vector<double>& parameters() const { return parameters_; }

  // Every weight drawn by `scheme` (`scale` is the s of WeightInit::normal), layer by layer
  // from the input; biases 0.
  void initialize(Random& random, WeightInit scheme = WeightInit::by_activation,
                  double scale = 1.0);

  // Mean loss over the rows of `batch` and its gradient (written to `gradient`, resized).
  double loss_and_gradient(const Dataset& data, std::span<const std::size_t> batch, LossKind kind,
                           std::vector<double>& gradient) const;

  // Adds one row's gradient (unscaled) to `gradient`, of parameter size; returns its loss. A
  // sum over rows taken in pieces, in the same order, is the same sum to the bit as
  // loss_and_gradient's: the race trains part of an epoch per call with it.
  double add_row_gradient(const Dataset& data, std::size_t row, LossKind kind,
                          std::vector<double>& gradient) const;

  // One row's prediction: its loss (when `kind` is given), whether it is classified correctly,
  // and its class-1 probability (one output; NaN otherwise).
  struct RowEvaluation {
    double loss;
    bool correct;
    double probability;
  };
  [[nodiscard]] RowEvaluation evaluate_row(const Dataset& data, std::size_t row,
                                           std::optional<LossKind> kind) const;

  // layer_weight_norms of the gradient of the mean loss over every row of `data`.
  [[nodiscard]] std::vector<double> layer_gradient_norms(const Dataset& data, LossKind kind) const;

  struct Evaluation {
    double mean_loss;
    double accuracy;
  };
  // Mean loss and the fraction of rows classified correctly, in one pass over the rows.
  [[nodiscard]] Evaluation evaluate(const Dataset& data, LossKind kind) const {
    return evaluate_rows(data, kind);
  }
  [[nodiscard]] double mean_loss(const Dataset& data, LossKind kind) const {
    return evaluate(data, kind).mean_loss;
  }
  // The fraction classified correctly, without computing a loss (the race asks for it on the
  // test rows every epoch).
  [[nodiscard]] double accuracy(const Dataset& data) const {
    return evaluate_rows(data, std::nullopt).accuracy;
  }

  // Output logits for one input (length outputs()); the activations of every hidden layer into
  // `hidden` (length shape().hidden_units(), layer 1 first).
  void forward(const double* x, std::span<double> hidden, std::span<double> logits) const;

  // The last hidden layer's activations (or the inputs themselves without a hidden layer) for
  // a row: what the output layer sees.
  void features(const double* x, std::span<double> out) const;

 private:
  // Per-row work space, reused so that training allocates nothing per batch. (A Network is
  // not shared between threads; the race runs on one.)
  struct Scratch {
    std::vector<double> hidden, logits, output_gradient;
    // Two buffers for the error signal of a hidden layer, used in turn going down the layers.
    std::vector<double> hidden_gradient, spare_gradient;
  };
  Scratch& scratch_for_call() const;
  // evaluate(), with mean_loss NaN when no loss is asked for.
  Evaluation evaluate_rows(const Dataset& data, std::optional<LossKind> kind) const;
  // Adds one row's gradient to `gradient`, from the forward pass and the output gradient in
  // `scratch`.
  void backpropagate(const double* x, Scratch& scratch, std::vector<double>& gradient) const;

  NetworkShape shape_;
  std::vector<LayerSlice> layers_;  // shape_.layer(l) for every l, looked up once per row
  std::vector<double> parameters_;
  mutable Scratch scratch_;
};

}  // namespace lossplay
