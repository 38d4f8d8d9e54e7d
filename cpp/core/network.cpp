// Forward pass, backpropagation and evaluation of the race's model.
#include "core/network.hpp"

#include <algorithm>
#include <cmath>

#include "core/binary_losses.hpp"

namespace lossplay {
namespace {

double activate(Activation a, double v) {
  return a == Activation::tanh ? std::tanh(v) : std::max(v, 0.0);
}

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

// Derivative from the activation's output h (tanh' = 1 − h², ReLU' = [h > 0]).
double activation_slope(Activation a, double h) {
  return a == Activation::tanh ? 1.0 - h * h : (h > 0.0 ? 1.0 : 0.0);
}

}  // namespace

std::size_t NetworkShape::parameter_count() const {
  const std::size_t out = outputs();
  return hidden == 0 ? out * inputs + out : hidden * inputs + hidden + out * hidden + out;
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
    : shape_(shape), parameters_(shape.parameter_count(), 0.0) {}

void Network::initialize(Random& random) {
  std::fill(parameters_.begin(), parameters_.end(), 0.0);
  const double gain = shape_.activation == Activation::relu ? 2.0 : 1.0;
  const std::size_t out = shape_.outputs();
  auto fill_weights = [&](std::size_t offset, std::size_t count, std::size_t fan_in) {
    const double sd = std::sqrt(gain / static_cast<double>(fan_in));
    for (std::size_t i = 0; i < count; ++i) {
      parameters_[offset + i] = sd * random.normal();
    }
  };
  if (shape_.hidden == 0) {
    fill_weights(0, out * shape_.inputs, shape_.inputs);
  } else {
    const std::size_t h = shape_.hidden;
    fill_weights(0, h * shape_.inputs, shape_.inputs);
    fill_weights(h * shape_.inputs + h, out * h, h);
  }
}

void Network::forward(const double* x, std::span<double> hidden, std::span<double> logits) const {
  const std::size_t d = shape_.inputs;
  const std::size_t out = shape_.outputs();
  const double* p = parameters_.data();
  const double* layer_input = x;
  std::size_t width = d;
  if (shape_.hidden > 0) {
    const std::size_t h = shape_.hidden;
    const double* w1 = p;
    const double* b1 = p + h * d;
    for (std::size_t j = 0; j < h; ++j) {
      hidden[j] = activate(shape_.activation, b1[j] + dot(w1 + j * d, x, d));
    }
    p += h * d + h;
    layer_input = hidden.data();
    width = h;
  }
  const double* w2 = p;
  const double* b2 = p + out * width;
  for (std::size_t k = 0; k < out; ++k) {
    logits[k] = b2[k] + dot(w2 + k * width, layer_input, width);
  }
}

void Network::features(const double* x, std::span<double> out) const {
  if (shape_.hidden == 0) {
    std::copy(x, x + shape_.inputs, out.begin());
    return;
  }
  std::vector<double> logits(shape_.outputs());
  forward(x, out, logits);
}

double Network::loss_and_gradient(const Dataset& data, std::span<const std::size_t> batch,
                                  LossKind kind, std::vector<double>& gradient) const {
  const std::size_t d = shape_.inputs;
  const std::size_t h = shape_.hidden;
  const std::size_t out = shape_.outputs();
  gradient.assign(parameters_.size(), 0.0);
  Scratch& scratch = scratch_for_call();
  std::vector<double>& hidden = scratch.hidden;
  std::vector<double>& logits = scratch.logits;
  std::vector<double>& g_out = scratch.output_gradient;
  std::vector<double>& g_hidden = scratch.hidden_gradient;
  const std::size_t width = h == 0 ? d : h;
  const std::size_t output_offset = h == 0 ? 0 : h * d + h;
  const double* w2 = parameters_.data() + output_offset;
  double total = 0.0;
  for (const std::size_t row : batch) {
    const double* x = data.row(row);
    forward(x, hidden, logits);
    total += output_loss(logits, data.y[row], kind, g_out);
    const double* layer_input = h == 0 ? x : hidden.data();
    double* dw2 = gradient.data() + output_offset;
    double* db2 = dw2 + out * width;
    for (std::size_t k = 0; k < out; ++k) {
      for (std::size_t j = 0; j < width; ++j) {
        dw2[k * width + j] += g_out[k] * layer_input[j];
      }
      db2[k] += g_out[k];
    }
    if (h == 0) {
      continue;
    }
    for (std::size_t j = 0; j < h; ++j) {
      double sum = 0.0;
      for (std::size_t k = 0; k < out; ++k) {
        sum += w2[k * h + j] * g_out[k];
      }
      g_hidden[j] = sum * activation_slope(shape_.activation, hidden[j]);
    }
    double* dw1 = gradient.data();
    double* db1 = dw1 + h * d;
    for (std::size_t j = 0; j < h; ++j) {
      for (std::size_t i = 0; i < d; ++i) {
        dw1[j * d + i] += g_hidden[j] * x[i];
      }
      db1[j] += g_hidden[j];
    }
  }
  const double inverse = 1.0 / static_cast<double>(batch.size());
  for (double& g : gradient) {
    g *= inverse;
  }
  return total * inverse;
}

Network::Evaluation Network::evaluate(const Dataset& data, LossKind kind) const {
  Scratch& scratch = scratch_for_call();
  double total = 0.0;
  std::size_t correct = 0;
  for (std::size_t row = 0; row < data.rows(); ++row) {
    forward(data.row(row), scratch.hidden, scratch.logits);
    const auto& logits = scratch.logits;
    const int predicted =
        logits.size() == 1
            ? (logits[0] >= 0.0 ? 1 : 0)
            : static_cast<int>(std::max_element(logits.begin(), logits.end()) - logits.begin());
    if (predicted == data.y[row]) {
      ++correct;
    }
    total += output_loss(logits, data.y[row], kind, scratch.output_gradient);
  }
  const auto rows = static_cast<double>(data.rows());
  return {total / rows, static_cast<double>(correct) / rows};
}

Network::Scratch& Network::scratch_for_call() const {
  scratch_.hidden.resize(shape_.hidden);
  scratch_.logits.resize(shape_.outputs());
  scratch_.output_gradient.resize(shape_.outputs());
  scratch_.hidden_gradient.resize(shape_.hidden);
  return scratch_;
}

}  // namespace lossplay
