// The model of the training race: logistic regression (no hidden layer) or a one-hidden-layer
// perceptron with tanh or ReLU units, ending in a sigmoid (two classes) or softmax (K classes),
// trained with cross-entropy or with squared error on those output probabilities.
//
// Parameters are one flat vector: [W1 (hidden × inputs), b1, W2 (outputs × hidden), b2], or
// [W (outputs × inputs), b] without a hidden layer. Outputs = 1 for two classes, else K.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "core/dataset.hpp"
#include "core/random.hpp"

namespace lossplay {

enum class Activation { tanh, relu };
enum class LossKind { cross_entropy, squared_error };

struct NetworkShape {
  std::size_t inputs = 0;
  std::size_t hidden = 0;  // 0: logistic regression
  std::size_t classes = 2;
  Activation activation = Activation::tanh;

  [[nodiscard]] std::size_t outputs() const { return classes == 2 ? 1 : classes; }
  [[nodiscard]] std::size_t parameter_count() const;
};

// Loss of one example with a hard label and its gradient w.r.t. the output(s), from the
// logits, by the same stable forms as binary_losses and multiclass_losses (no allocation).
// MSE is the binary (p − y)² for one output, and the mean over the K classes otherwise.
double output_loss(std::span<const double> logits, int label, LossKind kind,
                   std::span<double> gradient);

class Network {
 public:
  explicit Network(const NetworkShape& shape);

  [[nodiscard]] const NetworkShape& shape() const { return shape_; }
  [[nodiscard]] std::vector<double>& parameters() { return parameters_; }
  [[nodiscard]] const std::vector<double>& parameters() const { return parameters_; }

  // Weights ~ N(0, 1/fan_in) (tanh) or N(0, 2/fan_in) (ReLU), biases 0.
  void initialize(Random& random);

  // Mean loss over the rows of `batch` and its gradient (written to `gradient`, resized).
  double loss_and_gradient(const Dataset& data, std::span<const std::size_t> batch, LossKind kind,
                           std::vector<double>& gradient) const;

  struct Evaluation {
    double mean_loss;
    double accuracy;
  };
  // Mean loss and the fraction of rows classified correctly, in one pass over the rows.
  [[nodiscard]] Evaluation evaluate(const Dataset& data, LossKind kind) const;
  [[nodiscard]] double mean_loss(const Dataset& data, LossKind kind) const {
    return evaluate(data, kind).mean_loss;
  }
  [[nodiscard]] double accuracy(const Dataset& data) const {
    return evaluate(data, LossKind::cross_entropy).accuracy;
  }

  // Output logits for one input (length outputs()); hidden activations into `hidden`.
  void forward(const double* x, std::span<double> hidden, std::span<double> logits) const;

  // Hidden-layer activations (or the inputs themselves without a hidden layer) for a row.
  void features(const double* x, std::span<double> out) const;

 private:
  // Per-row work space, reused so that training allocates nothing per batch. (A Network is
  // not shared between threads; the race runs on one.)
  struct Scratch {
    std::vector<double> hidden, logits, output_gradient, hidden_gradient;
  };
  Scratch& scratch_for_call() const;

  NetworkShape shape_;
  std::vector<double> parameters_;
  mutable Scratch scratch_;
};

}  // namespace lossplay
