"""High-precision reference values for the Catch2 and node:test suites.

Computed with mpmath at 60 significant digits, independently of the C++ core: the formulas
here are the textbook definitions (log of a probability, 1 - sigma, mean of squares), not
the stable forms the core uses, which is the point. Run `python3 make_reference_values.py`
to regenerate `reference_values.json`; both test suites read that file.
"""

import json
from pathlib import Path

import mpmath as mp

mp.mp.dps = 60


def sigmoid(z):
    return 1 / (1 + mp.exp(-z))


def binary(z, y):
    # 400 digits so that 1 - p is still exact where p rounds to 1 - 1e-305 (z = 700).
    with mp.workdps(400):
        return {k: (+v if isinstance(v, mp.mpf) else v) for k, v in _binary(z, y).items()}


def _binary(z, y):
    z, y = mp.mpf(z), mp.mpf(y)
    p = sigmoid(z)
    q = 1 - p  # the textbook form, safe at this precision (never in double precision)
    ce = -(y * mp.log(p) + (1 - y) * mp.log(q)) if 0 < y < 1 else (-mp.log(p) if y == 1 else -mp.log(q))
    return {
        "z": float(z),
        "y": float(y),
        "p": p,
        "ce": ce,
        "mse": (p - y) ** 2,
        "dceDz": p - y,
        "dmseDz": 2 * (p - y) * p * q,
        "ratio": 1 / (2 * p * q),
    }


def multiclass(logits, target):
    zs = [mp.mpf(v) for v in logits]
    k = len(zs)
    exps = [mp.exp(v) for v in zs]
    total = mp.fsum(exps)
    probs = [e / total for e in exps]
    if isinstance(target, int):
        t = [mp.mpf(1 if i == target else 0) for i in range(k)]
    else:
        t = [mp.mpf(v) for v in target]
    ce = -mp.fsum(ti * mp.log(si) for ti, si in zip(t, probs) if ti != 0)
    mse = mp.fsum((si - ti) ** 2 for si, ti in zip(probs, t)) / k
    # Derivatives by mpmath's own numerical differentiation, not by the analytic formula.
    def mse_of(j):
        def f(x):
            shifted = list(zs)
            shifted[j] = x
            ex = [mp.exp(v) for v in shifted]
            tot = mp.fsum(ex)
            return mp.fsum((e / tot - ti) ** 2 for e, ti in zip(ex, t)) / k
        return f
    dmse = [mp.diff(mse_of(j), zs[j]) for j in range(k)]
    return {
        "logits": logits,
        "target": target,
        "probs": probs,
        "ce": ce,
        "mse": mse,
        "dceDlogits": [si - ti for si, ti in zip(probs, t)],
        "dmseDlogits": dmse,
    }


def as_plain(value):
    if isinstance(value, mp.mpf):
        return mp.nstr(value, 20, min_fixed=-1, max_fixed=-1) if value != 0 else "0"
    if isinstance(value, list):
        return [as_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: as_plain(v) for k, v in value.items()}
    return value


BINARY_CASES = [
    (z, y)
    for y in (1, 0)
    for z in (-745, -700, -40, -8, -5, -2, -0.5, 0, 0.5, 2, 5, 8, 40, 700)
] + [(z, y) for y in (0.6, 0.9) for z in (-30, -3, 0, 0.4, 2.2, 30)]

MULTICLASS_CASES = [
    ([2.0, 0.5, -1.0], 0),  # seed 001's three-class example
    ([2.5, -1.0, 0.3], 0),  # seed 002's logits with their first target
    ([1000.0, 0.0, -1000.0], 0),
    ([1000.0, 0.0, -1000.0], 2),
    ([-3.0, 1.0, 0.25, 4.0], [0.1, 0.2, 0.3, 0.4]),
    ([0.0, 0.0], [0.5, 0.5]),
    ([40.0, -40.0], 0),
]

# Seed 000's soft-target table: probabilities p and targets t, BCE computed on p directly.
SOFT_TARGET_CASES = [(0.9, p) for p in (0.25, 0.5, 0.75)] + [(0.6, p) for p in (0.5, 0.6, 0.7)]


def soft_target(t, p):
    t, p = mp.mpf(t), mp.mpf(p)
    return {
        "t": float(t),
        "p": float(p),
        "bce": -(t * mp.log(p) + (1 - t) * mp.log(1 - p)),
        "mse": (p - t) ** 2,
        "logit": mp.log(p / (1 - p)),
    }


# (t, z): soft-target BCE split into entropy and KL; the last cases sit a hair away from the
# minimum z = logit(t), where BCE − H(t) would cancel almost completely in double precision.
SOFT_KL_CASES = [(0.6, 0.0), (0.9, -1.0), (0.9, 3.0), (0.25, -8.0), (0.6, 30.0)]


def soft_kl(t, z, offset=0.0):
    t = mp.mpf(t)
    z_t = mp.log(t / (1 - t))
    # Rounded to the double the tests pass in, so the reference is for exactly that input.
    z_value = mp.mpf(float(z_t + mp.mpf(offset))) if offset else mp.mpf(z)
    p = 1 / (1 + mp.exp(-z_value))
    entropy = -(t * mp.log(t) + (1 - t) * mp.log(1 - t))
    kl = t * mp.log(t / p) + (1 - t) * mp.log((1 - t) / (1 - p))
    return {"t": float(t), "z": float(z_value), "entropy": entropy, "kl": kl, "bce": entropy + kl}


# (t, p): the soft-target losses at a probability p given directly (softTargetPointAtP).
# p = t exactly; a hair either side of t, where KL ≈ (p − t)²/(2p(1 − p)) and the two log terms
# cancel to second order; hard targets; p in both tails; t = 2p, where the near form ends.
SOFT_AT_P_CASES = [
    (0.3, 0.3),
    (0.9, 0.25),
    (0.6, 0.7),
    (0.3, 0.3 + 1e-9),
    (0.9, 0.9 - 3e-12),
    (0.5, 0.5 + 2.0**-40),
    (0.999999, 0.9999995),
    (1e-12, 2e-12),
    (0.0, 0.25),
    (1.0, 0.25),
    (1.0, 1 - 2.0**-40),
    (0.0, 1e-300),
    (1.0, 1e-300),
    (0.7, 1e-300),
    (0.7, 1 - 2.0**-50),
]


def soft_at_p(t, p):
    # 700 digits so that 1 − p is still exact for p = 1e−300.
    with mp.workdps(700):
        return {k: (+v if isinstance(v, mp.mpf) else v) for k, v in _soft_at_p(t, p).items()}


def _soft_at_p(t, p):
    t, p = mp.mpf(t), mp.mpf(p)  # the doubles exactly
    xlogx = lambda x: x * mp.log(x) if x != 0 else mp.mpf(0)
    entropy = -(xlogx(t) + xlogx(1 - t))
    kl = (t * mp.log(t / p) if t != 0 else 0) + ((1 - t) * mp.log((1 - t) / (1 - p)) if t != 1 else 0)
    return {
        "t": float(t),
        "p": float(p),
        "bce": -(t * mp.log(p) + (1 - t) * mp.log(1 - p)),
        "mse": (p - t) ** 2,
        "entropy": entropy,
        "kl": mp.mpf(kl),
        "dmseDz": 2 * (p - t) * p * (1 - p),
    }


# (logits of one example, label, temperature) for scoreExamples. One logit is a binary model
# (p = sigmoid(z / T), label y the probability of class 1); K logits a softmax (label a class
# index or a probability row). Both tails, a soft label, ties, a temperature either side of 1.
MODEL_SCORE_CASES = [
    ([-30.0], 1.0, 1.0),
    ([40.0], 0.0, 2.0),
    ([2.5], 0.3, 0.5),
    ([-0.75], 0.0, 1.0),
    ([2.0, 0.5, -1.0], 0, 1.0),
    ([2.0, 0.5, -1.0], 2, 0.25),
    ([30.0, 0.0, -5.0, 1.0], 0, 1.0),
    ([30.0, 0.0, -5.0, 1.0], 3, 1.5),
    ([1.0, 1.0, -2.0], 1, 1.0),
    ([-3.0, 1.0, 0.25, 4.0], [0.1, 0.2, 0.3, 0.4], 0.8),
]


def _model_probs(logits, temperature):
    x = [mp.mpf(v) / mp.mpf(temperature) for v in logits]
    if len(x) == 1:
        p = sigmoid(x[0])
        return x, [1 - p, p]  # the binary model as two classes: [1 - p, p]
    exps = [mp.exp(v) for v in x]
    total = mp.fsum(exps)
    return x, [e / total for e in exps]


def _model_target(logits, label):
    if len(logits) == 1:
        y = mp.mpf(label)
        return [1 - y, y]
    if isinstance(label, int):
        return [mp.mpf(1 if k == label else 0) for k in range(len(logits))]
    return [mp.mpf(v) for v in label]


def _model_losses(logits, label, temperature):
    """CE and Brier of one example by the textbook formulas (Brier of a binary model: (p - y)^2)."""
    _, probs = _model_probs(logits, temperature)
    t = _model_target(logits, label)
    ce = -mp.fsum(tk * mp.log(pk) for tk, pk in zip(t, probs) if tk != 0)
    brier = mp.fsum((pk - tk) ** 2 for pk, tk in zip(probs, t))
    return ce, (brier / 2 if len(logits) == 1 else brier)


def model_score(logits, label, temperature):
    # 100 digits: for [30, 0, -5, 1] at T = 1 the Brier gradient is near 1e-26 and must come out
    # of mpmath's numerical differentiation with its digits intact.
    with mp.workdps(100):
        return {k: (+v if isinstance(v, mp.mpf) else v) for k, v in _model_score(logits, label, temperature).items()}


def _model_score(logits, label, temperature):
    _, probs = _model_probs(logits, temperature)
    t = _model_target(logits, label)
    ce, brier = _model_losses(logits, label, temperature)

    # Gradients with respect to the scaled logits x = z / T, by mpmath's own numerical
    # differentiation of the textbook losses (not the analytic p - y): shifting x_j by h is
    # shifting z_j by h*T.
    def along(j, which):
        def f(h):
            shifted = list(logits)
            shifted[j] = mp.mpf(logits[j]) + h * mp.mpf(temperature)
            return _model_losses(shifted, label, temperature)[which]
        return f

    grad_norm = lambda which: mp.sqrt(mp.fsum(mp.diff(along(j, which), 0) ** 2 for j in range(len(logits))))
    return {
        "logits": logits,
        "label": label,
        "temperature": temperature,
        "probability": mp.fsum(tk * pk for tk, pk in zip(t, probs)),
        "confidence": max(probs),
        "crossEntropy": ce,
        "brier": brier,
        "crossEntropyGradient": grad_norm(0),
        "brierGradient": grad_norm(1),
    }


# (logits, classes, labels) whose mean CE(s z) has its minimum inside s in [1e-3, 1e3]: an
# overconfident binary model, an underconfident one, a three-class model and soft labels.
TEMPERATURE_FIT_CASES = [
    ([4.0, -3.0, 6.0, 2.0, -5.0, 3.0, -1.0, 5.0], 1, [1, 0, 0, 1, 1, 1, 0, 1]),
    ([0.3, -0.2, 0.5, -0.4, 0.1, 0.25], 1, [1, 0, 1, 0, 0, 1]),
    ([3.0, 0.0, -2.0, -1.0, 4.0, 0.5, 2.0, 2.5, -3.0, 0.0, 1.0, 5.0], 3, [0, 1, 0, 2]),
    ([1.0, 2.0, -1.0, 0.5, 0.0, 3.0], 3, [[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]),
]


def _mean_ce_scaled(logits, classes, labels, s):
    rows = [logits[i * classes:(i + 1) * classes] for i in range(len(labels))]
    total = mp.fsum(_model_losses([mp.mpf(v) * s for v in row], label, 1)[0] for row, label in zip(rows, labels))
    return total / len(labels)


def temperature_fit(logits, classes, labels):
    f = lambda s: _mean_ce_scaled(logits, classes, labels, s)
    # The minimum of the convex mean CE(s z) is where its derivative in s is 0: mpmath's
    # numerical derivative of the textbook form, taken at twice the digits so that it is good to
    # well past the 50-digit tolerance asked of the root.
    def slope(v):
        with mp.workdps(2 * mp.mp.dps):
            return +mp.diff(f, v)

    # A bracket first, from a sign change of the slope on a grid of s = 10^(k/4), then a
    # bracketing solver (an open one from s = 1 can leave the range and meet ln 0).
    grid = [mp.mpf(10) ** (mp.mpf(k) / 4) for k in range(-12, 13)]
    a, b = next((a, b) for a, b in zip(grid, grid[1:]) if slope(a) < 0 < slope(b))
    s = mp.findroot(slope, (a, b), solver="anderson", tol=mp.mpf(10) ** -50)
    return {
        "logits": logits,
        "classes": classes,
        "labels": labels,
        "temperature": 1 / s,
        "meanCrossEntropyBefore": f(mp.mpf(1)),
        "meanCrossEntropyAfter": f(s),
    }


def main():
    data = {
        "source": "mpmath %s, mp.dps = %d (tests/reference/make_reference_values.py)"
        % (mp.__version__, mp.mp.dps),
        "binary": [binary(z, y) for z, y in BINARY_CASES],
        "multiclass": [multiclass(l, t) for l, t in MULTICLASS_CASES],
        "softTargets": [soft_target(t, p) for t, p in SOFT_TARGET_CASES],
        "softKl": [soft_kl(t, z) for t, z in SOFT_KL_CASES]
        + [soft_kl(0.6, None, 1e-6), soft_kl(0.9, None, -3e-7)],
        "softAtP": [soft_at_p(t, p) for t, p in SOFT_AT_P_CASES],
        "modelScores": [model_score(l, y, t) for l, y, t in MODEL_SCORE_CASES],
        "temperatureFits": [temperature_fit(l, k, y) for l, k, y in TEMPERATURE_FIT_CASES],
    }
    plain = as_plain(data)
    out = Path(__file__).with_name("reference_values.json")
    out.write_text(json.dumps(plain, indent=1) + "\n")
    print("wrote", out)
    inc = Path(__file__).with_name("reference_values.inc")
    inc.write_text(as_cpp(plain))
    print("wrote", inc)


def cpp_str_list(values):
    return "{" + ", ".join('"%s"' % v for v in values) + "}"


def cpp_num_list(values):
    return "{" + ", ".join(repr(float(v)) for v in values) + "}"


def as_cpp(plain):
    """The same values as C++ initialisers; high-precision values stay strings (strtod
    rounds them correctly, and some lie below the double range)."""
    lines = [
        "// Generated by tests/reference/make_reference_values.py from " + plain["source"],
        "// Do not edit by hand.",
        "// clang-format off",
        "inline const std::vector<BinaryReference> kBinaryReferences = {",
    ]
    for b in plain["binary"]:
        lines.append('  {%r, %r, "%s", "%s", "%s", "%s", "%s", "%s"},' % (
            b["z"], b["y"], b["p"], b["ce"], b["mse"], b["dceDz"], b["dmseDz"], b["ratio"]))
    lines.append("};")
    lines.append("inline const std::vector<MulticlassReference> kMulticlassReferences = {")
    for m in plain["multiclass"]:
        index = m["target"] if isinstance(m["target"], int) else -1
        vector = [] if isinstance(m["target"], int) else m["target"]
        lines.append('  {%s, %d, %s, %s, "%s", "%s", %s, %s},' % (
            cpp_num_list(m["logits"]), index, cpp_num_list(vector), cpp_str_list(m["probs"]),
            m["ce"], m["mse"], cpp_str_list(m["dceDlogits"]), cpp_str_list(m["dmseDlogits"])))
    lines.append("};")
    lines.append("inline const std::vector<SoftTargetReference> kSoftTargetReferences = {")
    for t in plain["softTargets"]:
        lines.append('  {%r, %r, "%s", "%s", "%s"},' % (t["t"], t["p"], t["bce"], t["mse"], t["logit"]))
    lines.append("};")
    lines.append("inline const std::vector<SoftKlReference> kSoftKlReferences = {")
    for k in plain["softKl"]:
        lines.append('  {%r, %r, "%s", "%s", "%s"},' % (k["t"], k["z"], k["entropy"], k["kl"], k["bce"]))
    lines.append("};")
    lines.append("inline const std::vector<SoftAtPReference> kSoftAtPReferences = {")
    for a in plain["softAtP"]:
        lines.append('  {%r, %r, "%s", "%s", "%s", "%s", "%s"},' % (
            a["t"], a["p"], a["bce"], a["mse"], a["entropy"], a["kl"], a["dmseDz"]))
    lines.append("};")
    lines.append("inline const std::vector<ModelScoreReference> kModelScoreReferences = {")
    for m in plain["modelScores"]:
        label = m["label"]
        index = -1 if isinstance(label, list) else label
        row = label if isinstance(label, list) else []
        lines.append('  {%s, %r, %s, %r, "%s", "%s", "%s", "%s", "%s", "%s"},' % (
            cpp_num_list(m["logits"]), float(index), cpp_num_list(row), m["temperature"],
            m["probability"], m["confidence"], m["crossEntropy"], m["brier"],
            m["crossEntropyGradient"], m["brierGradient"]))
    lines.append("};")
    lines.append("inline const std::vector<TemperatureFitReference> kTemperatureFitReferences = {")
    for f in plain["temperatureFits"]:
        labels = [v for row in f["labels"] for v in row] if isinstance(f["labels"][0], list) else f["labels"]
        lines.append('  {%s, %d, %s, %s, "%s", "%s", "%s"},' % (
            cpp_num_list(f["logits"]), f["classes"], cpp_num_list(labels),
            "true" if isinstance(f["labels"][0], list) else "false",
            f["temperature"], f["meanCrossEntropyBefore"], f["meanCrossEntropyAfter"]))
    lines.append("};")
    lines.append("// clang-format on")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
