// Forward pass, backpropagation and evaluation of the race's model.
#include "core/network.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/binary_losses.hpp"

namespace lossplay {
namespace {

// Σ a_i b_i with four independent partial sums: the additions no longer wait on each other,
// which roughly halves a dot product's latency (the summation order is fixed, so results stay
// reproducible).
double dot(const double* a, const double* b, std::size_t n) {
  double s0 = 0.0;
  double s1 = 0.0;
  double s2 = 0.0;
  double s3 = 0.0;
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < n; ++i) {
    s0 += a[i] * b[i];
  }
  return (s0 + s1) + (s2 + s3);
}

// out_j = f(b_j + W_j · input) for the fan_out rows of W (fan_out × fan_in, row-major).
template <typename Activate>
void dense_layer(const double* w, const double* b, const double* input, std::size_t fan_in,
                 std::size_t fan_out, double* out, Activate f) {
  for (std::size_t j = 0; j < fan_out; ++j) {
    out[j] = f(b[j] + dot(w + j * fan_in, input, fan_in));
  }
}

// A hidden layer: the activation is chosen once per layer, not once per unit.
void hidden_layer(Activation a, const double* w, const double* b, const double* input,
                  std::size_t fan_in, std::size_t fan_out, double* out) {
  switch (a) {
    case Activation::tanh:
      dense_layer(w, b, input, fan_in, fan_out, out, [](double v) { return std::tanh(v); });
      return;
    case Activation::relu:
      dense_layer(w, b, input, fan_in, fan_out, out, [](double v) { return std::max(v, 0.0); });
      return;
    case Activation::sigmoid:
      dense_layer(w, b, input, fan_in, fan_out, out, [](double v) { return sigmoid(v); });
      return;
  }
}

// Multiplies each g_i by the activation's derivative, written with its output h_i: tanh' =
// 1 − h², ReLU' = [h > 0], σ' = h(1 − h). (σ' is at most 1/4: each sigmoid layer shrinks the
// error signal it passes down.)
void multiply_by_slope(Activation a, const double* h, double* g, std::size_t n) {
  switch (a) {
    case Activation::tanh:
      for (std::size_t i = 0; i < n; ++i) {
        g[i] *= 1.0 - h[i] * h[i];
      }
      return;
    case Activation::relu:
      for (std::size_t i = 0; i < n; ++i) {
        g[i] *= h[i] > 0.0 ? 1.0 : 0.0;
      }
      return;
    case Activation::sigmoid:
      for (std::size_t i = 0; i < n; ++i) {
        g[i] *= h[i] * (1.0 - h[i]);
      }
      return;
  }
}

// Standard deviation of a layer's weights under `scheme`; `gain` is by_activation's numerator.
double weight_sd(WeightInit scheme, double gain, double scale, const LayerSlice& layer) {
  const auto fan_in = static_cast<double>(layer.fan_in);
  switch (scheme) {
    case WeightInit::by_activation:
      return std::sqrt(gain / fan_in);
    case WeightInit::normal:
      return scale;
    case WeightInit::xavier:
      return std::sqrt(2.0 / (fan_in + static_cast<double>(layer.fan_out)));
    case WeightInit::he:
      return std::sqrt(2.0 / fan_in);
  }
  return scale;
}

// ‖v‖₂ as m·‖v/m‖₂ with m = max |v_i|: squares of entries near 1e−200 would underflow to 0.
double frobenius_norm(std::span<const double> values) {
  double largest = 0.0;
  for (const double v : values) {
    if (std::isnan(v)) {
      return v;
    }
    largest = std::max(largest, std::fabs(v));
  }
  if (largest == 0.0 || std::isinf(largest)) {
    return largest;
  }
  double sum = 0.0;
  for (const double v : values) {
    const double r = v / largest;
    sum += r * r;
  }
  return largest * std::sqrt(sum);
}

}  // namespace

LayerSlice NetworkShape::layer(std::size_t index) const {
  const std::size_t fan_in = index == 0 ? inputs : hidden;
  const std::size_t fan_out = index == hidden_layers() ? outputs() : hidden;
  // The first hidden layer holds hidden·(inputs + 1) parameters, each later one
  // hidden·(hidden + 1).
  const std::size_t offset =
      index == 0 ? 0 : hidden * (inputs + 1) + (index - 1) * hidden * (hidden + 1);
  return {offset, fan_in, fan_out};
}

std::size_t NetworkShape::parameter_count() const {
  const LayerSlice last = layer(hidden_layers());
  return last.offset + last.weight_count() + last.fan_out;
}

std::vector<double> layer_weight_norms(const NetworkShape& shape, std::span<const double> values) {
  std::vector<double> norms(shape.layer_count());
  for (std::size_t l = 0; l < norms.size(); ++l) {
    const LayerSlice layer = shape.layer(l);
    norms[l] = frobenius_norm(values.subspan(layer.offset, layer.weight_count()));
  }
  return norms;
}

double output_loss(std::span<const double> logits, int label, LossKind kind,
                   std::span<double> gradient) {
  if (logits.size() == 1) {
    const BinaryLosses losses = binary_losses(logits[0], label == 1 ? 1.0 : 0.0);
    const bool ce = kind == LossKind::cross_entropy;
    gradient[0] = ce ? losses.dce_dz : losses.dmse_dz;
    return ce ? losses.ce : losses.mse;
  }
  // Softmax with a one-hot target: m = max, r = Σ_{i≠a} e^{z_i − m} as in multiclass_losses.
  const std::size_t k = logits.size();
  const auto dominant =
      static_cast<std::size_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
  const double m = logits[dominant];
  double rest = 0.0;
  for (std::size_t i = 0; i < k; ++i) {
    gradient[i] = std::exp(logits[i] - m);
    if (i != dominant) {
      rest += gradient[i];
    }
  }
  const double denominator = 1.0 + rest;
  for (std::size_t i = 0; i < k; ++i) {
    gradient[i] /= denominator;  // now s_i
  }
  const auto c = static_cast<std::size_t>(label);
  // s_c − 1 = −(1 − s_c), exact for the dominant class as r / (1 + r).
  const double s_c_minus_one = c == dominant ? -rest / denominator : gradient[c] - 1.0;
  if (kind == LossKind::cross_entropy) {
    const double loss = -((logits[c] - m) - std::log1p(rest));
    gradient[c] = s_c_minus_one;  // ∂CE/∂z = s − t
    return loss;
  }
  // MSE = (1/K) Σ (s_i − t_i)²; ∂/∂z_j = s_j (g_j − Σ_i g_i s_i), g = (2/K)(s − t).
  const double scale = 2.0 / static_cast<double>(k);
  double squared = 0.0;
  double g_dot_s = 0.0;
  for (std::size_t i = 0; i < k; ++i) {
    const double error = i == c ? s_c_minus_one : gradient[i];
    squared += error * error;
    g_dot_s += scale * error * gradient[i];
  }
  for (std::size_t j = 0; j < k; ++j) {
    const double error = j == c ? s_c_minus_one : gradient[j];
    gradient[j] = gradient[j] * (scale * error - g_dot_s);
  }
  return squared / static_cast<double>(k);
}

Network::Network(const NetworkShape& shape)
    : shape_(shape), layers_(shape.layer_count()), parameters_(shape.parameter_count(), 0.0) {
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    layers_[l] = shape.layer(l);
  }
}

void Network::initialize(Random& random, WeightInit scheme, double scale) {
  std::fill(parameters_.begin(), parameters_.end(), 0.0);
  const double gain = shape_.activation == Activation::relu ? 2.0 : 1.0;
  for (const LayerSlice& layer : layers_) {
    const double sd = weight_sd(scheme, gain, scale, layer);
    for (std::size_t i = 0; i < layer.weight_count(); ++i) {
      parameters_[layer.offset + i] = sd * random.normal();
    }
  }
}

void Network::forward(const double* x, std::span<double> hidden, std::span<double> logits) const {
  const double* layer_input = x;
  for (std::size_t l = 0; l + 1 < layers_.size(); ++l) {
    const LayerSlice& layer = layers_[l];
    const double* w = parameters_.data() + layer.offset;
    const double* b = w + layer.weight_count();
    double* a = hidden.data() + l * shape_.hidden;
    hidden_layer(shape_.activation, w, b, layer_input, layer.fan_in, layer.fan_out, a);
    layer_input = a;
  }
  const LayerSlice& output = layers_.back();
  const double* w = parameters_.data() + output.offset;
  dense_layer(w, w + output.weight_count(), layer_input, output.fan_in, output.fan_out,
              logits.data(), [](double v) { return v; });
}

void Network::features(const double* x, std::span<double> out) const {
  if (shape_.hidden == 0) {
    std::copy(x, x + shape_.inputs, out.begin());
    return;
  }
  Scratch& scratch = scratch_for_call();
  forward(x, scratch.hidden, scratch.logits);
  std::copy(scratch.hidden.end() - static_cast<std::ptrdiff_t>(shape_.hidden), scratch.hidden.end(),
            out.begin());
}

double Network::loss_and_gradient(const Dataset& data, std::span<const std::size_t> batch,
                                  LossKind kind, std::vector<double>& gradient) const {
  gradient.assign(parameters_.size(), 0.0);
  double total = 0.0;
  for (const std::size_t row : batch) {
    total += add_row_gradient(data, row, kind, gradient);
  }
  const double inverse = 1.0 / static_cast<double>(batch.size());
  for (double& g : gradient) {
    g *= inverse;
  }
  return total * inverse;
}

double Network::add_row_gradient(const Dataset& data, std::size_t row, LossKind kind,
                                 std::vector<double>& gradient) const {
  Scratch& scratch = scratch_for_call();
  const double* x = data.row(row);
  forward(x, scratch.hidden, scratch.logits);
  const double loss = output_loss(scratch.logits, data.y[row], kind, scratch.output_gradient);
  backpropagate(x, scratch, gradient);
  return loss;
}

void Network::backpropagate(const double* x, Scratch& scratch,
                            std::vector<double>& gradient) const {
  // delta: ∂loss/∂(pre-activations) of the layer at hand, from the output layer down.
  const double* delta = scratch.output_gradient.data();
  double* const buffers[2] = {scratch.hidden_gradient.data(), scratch.spare_gradient.data()};
  for (std::size_t l = layers_.size(); l-- > 0;) {
    const LayerSlice& layer = layers_[l];
    const double* input = l == 0 ? x : scratch.hidden.data() + (l - 1) * shape_.hidden;
    double* dw = gradient.data() + layer.offset;
    double* db = dw + layer.weight_count();
    for (std::size_t k = 0; k < layer.fan_out; ++k) {
      const double d = delta[k];  // read once: writes to dw might alias delta, as far as the
                                  // compiler can tell
      double* dw_row = dw + k * layer.fan_in;
      for (std::size_t j = 0; j < layer.fan_in; ++j) {
        dw_row[j] += d * input[j];
      }
      db[k] += d;
    }
    if (l == 0) {
      break;
    }
    // The layer below's delta: Wᵀ·delta, times the slope of its activation. It goes into the
    // buffer that `delta` does not point to.
    const double* w = parameters_.data() + layer.offset;
    double* below = buffers[l % 2];
    for (std::size_t j = 0; j < layer.fan_in; ++j) {
      double sum = 0.0;
      for (std::size_t k = 0; k < layer.fan_out; ++k) {
        sum += w[k * layer.fan_in + j] * delta[k];
      }
      below[j] = sum;
    }
    multiply_by_slope(shape_.activation, input, below, layer.fan_in);
    delta = below;
  }
}

std::vector<double> Network::layer_gradient_norms(const Dataset& data, LossKind kind) const {
  std::vector<std::size_t> rows(data.rows());
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  std::vector<double> gradient;
  loss_and_gradient(data, rows, kind, gradient);
  return layer_weight_norms(shape_, gradient);
}

Network::RowEvaluation Network::evaluate_row(const Dataset& data, std::size_t row,
                                             std::optional<LossKind> kind) const {
  Scratch& scratch = scratch_for_call();
  forward(data.row(row), scratch.hidden, scratch.logits);
  const auto& logits = scratch.logits;
  const bool one_output = logits.size() == 1;
  const int predicted =
      one_output
          ? (logits[0] >= 0.0 ? 1 : 0)
          : static_cast<int>(std::max_element(logits.begin(), logits.end()) - logits.begin());
  return {kind ? output_loss(logits, data.y[row], *kind, scratch.output_gradient) : 0.0,
          predicted == data.y[row], one_output ? sigmoid(logits[0]) : std::nan("")};
}

Network::Evaluation Network::evaluate_rows(const Dataset& data,
                                           std::optional<LossKind> kind) const {
  double total = 0.0;
  std::size_t correct = 0;
  for (std::size_t row = 0; row < data.rows(); ++row) {
    const RowEvaluation result = evaluate_row(data, row, kind);
    total += result.loss;
    correct += result.correct ? 1 : 0;
  }
  const auto rows = static_cast<double>(data.rows());
  return {kind ? total / rows : std::nan(""), static_cast<double>(correct) / rows};
}

Network::Scratch& Network::scratch_for_call() const {
  scratch_.hidden.resize(shape_.hidden_units());
  scratch_.logits.resize(shape_.outputs());
  scratch_.output_gradient.resize(shape_.outputs());
  scratch_.hidden_gradient.resize(shape_.hidden);
  scratch_.spare_gradient.resize(shape_.hidden);
  return scratch_;
}

}  // namespace lossplay
