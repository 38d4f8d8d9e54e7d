"""50-digit reference values of the "your model" lab's bundled examples.

Reads web/panels/your-model/examples/{breast_cancer,digits}_logits.csv with Python's csv
module, takes each logit as the double a reader of the file gets (float(text), correctly
rounded, then exact in mpmath) and computes with mpmath at mp.dps = 50 from the textbook
formulas, independently of the C++ core and of tests/reference/model_scores_reference.mjs:
  K = 1: p = 1/(1 + e^-z), CE = -[y ln p + (1 - y) ln(1 - p)], Brier (p - y)^2,
         gradient norms |p - y| and |2 (p - y) p (1 - p)|
  K >= 2: p_k = e^{z_k} / sum_j e^{z_j}, CE = -ln p_c, Brier sum_k (p_k - y_k)^2,
         gradient norms ||p - y||_2 and ||g||_2, g_j = 2 p_j [(p_j - y_j) - sum_k (p_k - y_k) p_k]
  reliability: K = 1 confidence sigma(z) against outcome y; K >= 2 the top probability against
         whether the argmax (lowest index on ties) is the label. The confidences binned are the
         doubles nearest the exact ones (the core is given doubles); equal width: bin k holds
         k/B <= c < (k + 1)/B with the edges the doubles k/B, the last bin closed; equal mass:
         sorted by confidence (ties by row), B consecutive groups, the n mod B groups of
         ceil(n/B) first, then those of floor(n/B); empty bins left out.
         ece = sum_b (n_b/n) |o_b - c_b|, calibration = sum_b (n_b/n) (c_b - o_b)^2,
         refinement = sum_b (n_b/n) o_b (1 - o_b) (means over the bin, exact)
  temperature: mpmath's findroot (Illinois, bracketed by [1e-3, 1e3]) of
         d/ds mean CE(s z) = 0, s = 1/T
  worst 1 %: the m = ceil(n/100) largest CE (ties by row), their share of the summed gradient
         norms of CE and of Brier.
Run `python3 tests/reference/make_model_examples_reference.py` (from anywhere) to rewrite
model_examples_reference.json, which tests/js/model_examples_reference.test.mjs reads.
"""

import csv
import json
import math
from pathlib import Path

import mpmath as mp

mp.mp.dps = 50

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "web" / "panels" / "your-model" / "examples"
FILES = ["breast_cancer_logits.csv", "digits_logits.csv"]
BINS = 10


def read(name):
    with open(EXAMPLES / name, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    classes = len(header) - 1
    logits = [[mp.mpf(float(cell)) for cell in row[:classes]] for row in body]
    labels = [int(row[classes]) if classes > 1 else mp.mpf(float(row[classes])) for row in body]
    return classes, logits, labels


def sigmoid(z):
    return 1 / (1 + mp.exp(-z))


def softmax(z):
    exps = [mp.exp(v) for v in z]
    total = mp.fsum(exps)
    return [e / total for e in exps]


def binary(z, y):
    p = sigmoid(z)
    q = sigmoid(-z)  # 1 - p, to 50 digits however near 1 p is
    ce = -((y * mp.log(p) if y != 0 else 0) + ((1 - y) * mp.log(q) if y != 1 else 0))
    predicted = 1 if z > 0 else 0
    return {
        "confidence": p,
        "outcome": y,
        "correct": y if predicted == 1 else 1 - y,
        "ce": ce,
        "brier": (p - y) ** 2,
        "ceGradient": abs(p - y),
        "brierGradient": abs(2 * (p - y) * p * q),
    }


def multiclass(z, c):
    p = softmax(z)
    y = [1 if k == c else 0 for k in range(len(z))]
    residual = [pk - yk for pk, yk in zip(p, y)]
    projected = mp.fsum(r * pk for r, pk in zip(residual, p))
    g = [2 * pj * (rj - projected) for pj, rj in zip(p, residual)]
    predicted = max(range(len(z)), key=lambda k: (z[k], -k))  # lowest index on ties
    correct = 1 if predicted == c else 0
    return {
        "confidence": p[predicted],
        "outcome": correct,
        "correct": correct,
        "ce": -mp.log(p[c]),
        "brier": mp.fsum(r * r for r in residual),
        "ceGradient": mp.sqrt(mp.fsum(r * r for r in residual)),
        "brierGradient": mp.sqrt(mp.fsum(gj * gj for gj in g)),
    }


def mean(values):
    return mp.fsum(values) / len(values)


def equal_width_bin(c, bins):
    """k with edge_k <= c < edge_{k+1}, edge_k the double k/B, the last bin closed."""
    edges = [mp.mpf(k / bins) for k in range(bins + 1)]  # Python's k / bins: IEEE division
    for k in range(bins - 1):
        if c < edges[k + 1]:
            return k
    return bins - 1


def groups(confidence, bins, equal_mass):
    n = len(confidence)
    if equal_mass:
        order = sorted(range(n), key=lambda i: (confidence[i], i))
        base, bigger = divmod(n, bins)
        out, start = [], 0
        for b in range(bins):
            size = base + (1 if b < bigger else 0)
            out.append(order[start : start + size])
            start += size
    else:
        out = [[] for _ in range(bins)]
        for i, c in enumerate(confidence):
            out[equal_width_bin(c, bins)].append(i)
    return [rows for rows in out if rows]


def reliability(examples, equal_mass):
    # The doubles nearest the exact confidences, exactly (what the core is given).
    confidence = [mp.mpf(float(e["confidence"])) for e in examples]
    outcome = [e["outcome"] for e in examples]
    n = len(examples)
    ece = calibration = refinement = mp.mpf(0)
    for rows in groups(confidence, BINS, equal_mass):
        weight = mp.mpf(len(rows)) / n
        c = mean([confidence[i] for i in rows])
        o = mean([outcome[i] for i in rows])
        ece += weight * abs(o - c)
        calibration += weight * (c - o) ** 2
        refinement += weight * o * (1 - o)
    return {"ece": ece, "calibration": calibration, "refinement": refinement}


def score(classes, logits, labels, s=1):
    if classes == 1:
        return [binary(s * z[0], y) for z, y in zip(logits, labels)]
    return [multiclass([s * v for v in z], c) for z, c in zip(logits, labels)]


def slope(classes, logits, labels, s):
    """d/ds mean CE(s z).

    K = 1: mean (sigma(s z) - y) z; K >= 2: mean (sum_k p_k(s z) z_k - z_c).
    """
    if classes == 1:
        return mean([(sigmoid(s * z[0]) - y) * z[0] for z, y in zip(logits, labels)])
    terms = []
    for z, c in zip(logits, labels):
        p = softmax([s * v for v in z])
        terms.append(mp.fsum(pk * zk for pk, zk in zip(p, z)) - z[c])
    return mean(terms)


def temperature(classes, logits, labels):
    # A bracketing solver on the whole range: the slope rises through one zero (convexity).
    bracket = (mp.mpf("1e-3"), mp.mpf("1e3"))
    s = mp.findroot(
        lambda s: slope(classes, logits, labels, s), bracket, solver="illinois", maxsteps=400
    )
    assert mp.mpf("1e-3") < s < mp.mpf("1e3"), s
    assert abs(slope(classes, logits, labels, s)) < mp.mpf("1e-40")
    return s


def worst_share(examples):
    n = len(examples)
    m = math.ceil(n / 100)
    worst = sorted(range(n), key=lambda i: (-examples[i]["ce"], i))[:m]

    def share(key):
        total = mp.fsum(e[key] for e in examples)
        return mp.fsum(examples[i][key] for i in worst) / total if total != 0 else mp.mpf(0)

    return {"count": m, "crossEntropy": share("ceGradient"), "brier": share("brierGradient")}


def digits(value):
    if isinstance(value, int):
        return value
    return mp.nstr(value, 20, min_fixed=-1, max_fixed=-1) if value != 0 else "0"


def summarise(name):
    classes, logits, labels = read(name)
    examples = score(classes, logits, labels)
    s = temperature(classes, logits, labels)
    return {
        "n": len(labels),
        "classes": classes,
        "meanCrossEntropy": mean([e["ce"] for e in examples]),
        "meanBrier": mean([e["brier"] for e in examples]),
        "accuracy": mean([e["correct"] for e in examples]),
        "equalWidth": reliability(examples, equal_mass=False),
        "equalMass": reliability(examples, equal_mass=True),
        "temperature": 1 / s,
        "meanCrossEntropyAfter": mean([e["ce"] for e in score(classes, logits, labels, s)]),
        "worst": worst_share(examples),
    }


def plain(value):
    if isinstance(value, dict):
        return {key: plain(v) for key, v in value.items()}
    return digits(value)


def main():
    table = {
        "source": f"mpmath {mp.__version__}, mp.dps = 50 "
        "(tests/reference/make_model_examples_reference.py)",
        "bins": BINS,
        "files": {name: plain(summarise(name)) for name in FILES},
    }
    out = Path(__file__).with_name("model_examples_reference.json")
    out.write_text(json.dumps(table, indent=2, ensure_ascii=False) + "\n")
    for name, values in table["files"].items():
        print(name)
        for key, value in values.items():
            print(f"  {key}: {value}")


if __name__ == "__main__":
    main()
