#include "irt/em_fit.h"

// Bock–Aitkin EM. E-step: each respondent's posterior over the quadrature nodes given the
// current items. M-step: each item's parameters maximise its expected complete-data
// log-likelihood Σ_q r_iq·log P_i(θ_q) + (n_iq − r_iq)·log(1 − P_i(θ_q)) plus the log
// prior, where r_iq and n_iq are the expected met and judged trials at node q. Items are
// independent given the posteriors, so the M-step runs on all cores; so does the E-step
// over respondents. Parameters are optimised on the scales mirt uses internally (log a,
// d, logit g), by Fisher scoring with step halving.

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

#include "core/parallel.h"
#include "irt/ability.h"
#include "irt/item_fit.h"
#include "irt/irt_messages.h"

namespace cc::irt {
namespace {

constexpr int kExpansionCycles = 20;

using Vec3 = std::array<double, 3>;
using Mat3 = std::array<Vec3, 3>;

// Internal scale of one item: log a, d, logit g.
struct Phi {
  Vec3 v{0, 0, -3};
  ItemParams natural(bool guessing) const { return {std::exp(v[0]), v[1], guessing ? logistic(v[2]) : 0.0}; }
};

// The objective of one item's M-step at φ, with its gradient and Fisher information.
struct Local {
  double value = 0;
  Vec3 grad{};
  Mat3 info{};
};

Local evaluate(const Phi& phi, const double* r, const double* n, const Quadrature& quad, const ItemPriors& pr,
               bool guessing, bool slope_prior) {
  Local out;
  const double a = std::exp(phi.v[0]), d = phi.v[1], g = guessing ? logistic(phi.v[2]) : 0.0;
  for (size_t q = 0; q < quad.nodes.size(); ++q) {
    if (n[q] <= 0) continue;
    const double th = quad.nodes[q];
    const double z = a * th + d;
    const double s = logistic(z);
    const double P = std::clamp(g + (1 - g) * s, 1e-12, 1 - 1e-12);
    const double ds = (1 - g) * s * (1 - s);
    const Vec3 dP{ds * a * th, ds, guessing ? (1 - s) * g * (1 - g) : 0.0};
    if (guessing) {
      out.value += r[q] * std::log(P) + (n[q] - r[q]) * std::log1p(-P);
    } else {  // log σ(z) = −softplus(−z), log(1 − σ(z)) = log σ(z) − z: one log instead of two
      const double log_p = -(std::max(-z, 0.0) + std::log1p(std::exp(-std::fabs(z))));
      out.value += r[q] * log_p + (n[q] - r[q]) * (log_p - z);
    }
    const double w = (r[q] - n[q] * P) / (P * (1 - P)), f = n[q] / (P * (1 - P));
    for (int x = 0; x < 3; ++x) {
      out.grad[x] += w * dP[x];
      for (int y = 0; y < 3; ++y) out.info[x][y] += f * dP[x] * dP[y];
    }
  }
  if (slope_prior) {
    const double z = phi.v[0] - pr.log_a_mean, v = pr.log_a_sd * pr.log_a_sd;
    out.value += -z * z / (2 * v);  // the prior's density on log a, where the slope is estimated
    out.grad[0] += -z / v;
    out.info[0][0] += 1 / v;
  }
  if (pr.d_sd > 0) {
    const double v = pr.d_sd * pr.d_sd;
    out.value -= d * d / (2 * v);
    out.grad[1] -= d / v;
    out.info[1][1] += 1 / v;
  }
  if (guessing) {
    out.value += (pr.g_alpha - 1) * std::log(g) + (pr.g_beta - 1) * std::log1p(-g);
    out.grad[2] += (pr.g_alpha - 1) * (1 - g) - (pr.g_beta - 1) * g;
    out.info[2][2] += std::max(1e-6, (pr.g_alpha + pr.g_beta - 2) * g * (1 - g));
  }
  return out;
}

// The log prior density of one item at φ (up to constants), as `evaluate` adds it.
double log_prior(const Phi& phi, const ItemPriors& pr, bool guessing, bool slope_prior) {
  double v = 0;
  if (slope_prior) {
    const double z = phi.v[0] - pr.log_a_mean;
    v -= z * z / (2 * pr.log_a_sd * pr.log_a_sd);
  }
  if (pr.d_sd > 0) v -= phi.v[1] * phi.v[1] / (2 * pr.d_sd * pr.d_sd);
  if (guessing) {
    const double g = logistic(phi.v[2]);
    v += (pr.g_alpha - 1) * std::log(g) + (pr.g_beta - 1) * std::log1p(-g);
  }
  return v;
}

// Solves A·x = b for the k × k leading block by Gaussian elimination with pivoting;
// false when A is singular.
bool solve(Mat3 A, Vec3 b, int k, const int* idx, Vec3& x) {
  double m[3][4];
  for (int i = 0; i < k; ++i) {
    for (int j = 0; j < k; ++j) m[i][j] = A[idx[i]][idx[j]];
    m[i][k] = b[idx[i]];
  }
  for (int c = 0; c < k; ++c) {
    int piv = c;
    for (int i = c + 1; i < k; ++i)
      if (std::fabs(m[i][c]) > std::fabs(m[piv][c])) piv = i;
    if (std::fabs(m[piv][c]) < 1e-300) return false;
    for (int j = 0; j <= k; ++j) std::swap(m[c][j], m[piv][j]);
    for (int i = 0; i < k; ++i) {
      if (i == c) continue;
      const double f = m[i][c] / m[c][c];
      for (int j = c; j <= k; ++j) m[i][j] -= f * m[c][j];
    }
  }
  x = {0, 0, 0};
  for (int i = 0; i < k; ++i) x[idx[i]] = m[i][k] / m[i][i];
  return true;
}

// The inverse of the k × k block (for standard errors); false when singular or not
// positive definite.
bool invert(const Mat3& A, int k, const int* idx, Mat3& inv) {
  inv = {};
  for (int c = 0; c < k; ++c) {
    Vec3 e{}, x{};
    e[idx[c]] = 1;
    if (!solve(A, e, k, idx, x)) return false;
    for (int r = 0; r < k; ++r) inv[idx[r]][idx[c]] = x[idx[r]];
  }
  for (int c = 0; c < k; ++c)
    if (!(inv[idx[c]][idx[c]] > 0)) return false;
  return true;
}

// Fisher scoring on the free parameters `idx` of one item, with step halving.
void maximise(Phi& phi, const double* r, const double* n, const Quadrature& quad, const ItemPriors& pr, bool guessing,
              bool slope_prior, int k, const int* idx) {
  Local cur = evaluate(phi, r, n, quad, pr, guessing, slope_prior);
  for (int it = 0; it < 8; ++it) {  // a partial M-step is enough for EM (a generalised EM)
    Vec3 step{};
    if (!solve(cur.info, cur.grad, k, idx, step)) return;
    double biggest = 0;
    for (int x = 0; x < k; ++x) {
      step[idx[x]] = std::clamp(step[idx[x]], -1.0, 1.0);
      biggest = std::max(biggest, std::fabs(step[idx[x]]));
    }
    bool moved = false;
    for (int half = 0; half < 10; ++half) {
      Phi next = phi;
      for (int x = 0; x < k; ++x) next.v[idx[x]] += step[idx[x]];
      Local cand = evaluate(next, r, n, quad, pr, guessing, slope_prior);
      if (cand.value > cur.value) {  // strictly better: the M-step (and so EM) never cycles
        moved = cand.value - cur.value > 1e-13 * std::fabs(cur.value);
        phi = next;
        cur = cand;
        break;
      }
      for (auto& s : step) s /= 2;
    }
    if (!moved || biggest < 1e-9) return;
  }
}

}  // namespace

double test_information(const std::vector<ItemParams>& items, const std::vector<uint8_t>& trials, double theta) {
  double total = 0;
  for (size_t i = 0; i < items.size(); ++i) total += trials[i] * information(items[i], theta);
  return total;
}

Result<FitResult> fit_items(const ResponseMatrix& data, const FitOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  const size_t N = data.respondent_count(), I = data.item_count();
  if (N < 2) return Error(irt_message(o.lang, "fit/respondents", {{"count", std::to_string(N)}}), Error::Kind::Usage);
  if (I == 0) return Error(irt_message(o.lang, "fit/no-items"), Error::Kind::Usage);
  if (o.quadrature_points < 5 || o.quadrature_points > 201)
    return Error(irt_message(o.lang, "usage/quadrature"), Error::Kind::Usage);
  const bool guessing = o.model == ItemModel::ThreePL;
  const bool common_slope = o.model == ItemModel::OnePL;
  FitResult fit;
  fit.model = o.model;
  fit.quadrature = gauss_hermite(o.quadrature_points);
  const Quadrature& quad = fit.quadrature;
  const size_t Q = quad.nodes.size();

  // Start: a = 1, d from each item's share of met trials, g at its prior mean.
  std::vector<Phi> phi(I);
  fit.items.resize(I);
  size_t observed_items = 0;
  for (size_t i = 0; i < I; ++i) {
    double met = 0, trials = 0;
    int people = 0;
    for (size_t j = 0; j < N; ++j) {
      met += data.met_at(j, i);
      trials += data.trials_at(j, i);
      people += data.trials_at(j, i) > 0;
    }
    fit.items[i].respondents = people;
    fit.items[i].mean_score = trials > 0 ? met / trials : 0;
    observed_items += people > 0;
    const double p = (met + 0.5) / (trials + 1);
    phi[i].v = {0, 1.7 * std::log(p / (1 - p)), std::log(o.priors.g_alpha / o.priors.g_beta)};
  }
  if (observed_items == 0) return Error(irt_message(o.lang, "fit/no-items"), Error::Kind::Usage);

  std::vector<double> lp(I * Q), lq(I * Q), post(N * Q), r(I * Q), n(I * Q), marginal(N);
  // Item-major copies of the data, so the M-step's sums over respondents read memory in order.
  std::vector<uint8_t> met_t(N * I), trials_t(N * I);
  for (size_t j = 0; j < N; ++j)
    for (size_t i = 0; i < I; ++i) {
      met_t[i * N + j] = data.met[j * I + i];
      trials_t[i * N + j] = data.trials[j * I + i];
    }
  const size_t resp_chunks = (N + 7) / 8, item_chunks = (I + 63) / 64;
  auto e_step = [&] {
    parallel_for(item_chunks, o.threads, [&](size_t c) {
      for (size_t i = c * 64; i < std::min(I, (c + 1) * 64); ++i) {
        const ItemParams p = phi[i].natural(guessing);
        for (size_t q = 0; q < Q; ++q) {
          const double P = probability(p, quad.nodes[q]);
          lp[i * Q + q] = std::log(P);
          lq[i * Q + q] = std::log1p(-P);
        }
      }
    });
    parallel_for(resp_chunks, o.threads, [&](size_t c) {
      std::vector<double> ll(Q);
      for (size_t j = c * 8; j < std::min(N, (c + 1) * 8); ++j) {
        std::fill(ll.begin(), ll.end(), 0.0);
        const uint8_t* met = &data.met[j * I];
        const uint8_t* trials = &data.trials[j * I];
        double* __restrict acc = ll.data();
        for (size_t i = 0; i < I; ++i) {
          const int t = trials[i];
          if (!t) continue;
          if (t == 1) {  // a criterion: add the row of its outcome
            const double* __restrict row = met[i] ? &lp[i * Q] : &lq[i * Q];
            for (size_t q = 0; q < Q; ++q) acc[q] += row[q];
            continue;
          }
          const double m = met[i], f = t - met[i];
          const double* __restrict a = &lp[i * Q];
          const double* __restrict b = &lq[i * Q];
          for (size_t q = 0; q < Q; ++q) acc[q] += m * a[q] + f * b[q];
        }
        double top = -1e300;
        for (size_t q = 0; q < Q; ++q) top = std::max(top, ll[q]);
        double sum = 0;
        double* pj = &post[j * Q];
        for (size_t q = 0; q < Q; ++q) sum += pj[q] = quad.weights[q] * std::exp(ll[q] - top);
        for (size_t q = 0; q < Q; ++q) pj[q] /= sum;
        marginal[j] = top + std::log(sum);
      }
    });
    double total = 0;
    for (double v : marginal) total += v;
    return total;
  };
  auto accumulate = [&] {
    parallel_for(item_chunks, o.threads, [&](size_t c) {
      for (size_t i = c * 64; i < std::min(I, (c + 1) * 64); ++i) {
        double* __restrict ri = &r[i * Q];
        double* __restrict ni = &n[i * Q];
        std::fill(ri, ri + Q, 0.0);
        std::fill(ni, ni + Q, 0.0);
        const uint8_t* met = &met_t[i * N];
        const uint8_t* trials = &trials_t[i * N];
        for (size_t j = 0; j < N; ++j) {
          const int t = trials[j];
          if (!t) continue;
          const double* __restrict pj = &post[j * Q];
          if (t == 1) {  // a criterion: every respondent adds to n, those who met it to r
            for (size_t q = 0; q < Q; ++q) ni[q] += pj[q];
            if (met[j])
              for (size_t q = 0; q < Q; ++q) ri[q] += pj[q];
            continue;
          }
          const double m = met[j];
          for (size_t q = 0; q < Q; ++q) {
            ri[q] += m * pj[q];
            ni[q] += t * pj[q];
          }
        }
      }
    });
  };

  static constexpr int kIdx2[] = {0, 1}, kIdx3[] = {0, 1, 2}, kIdxD[] = {1};
  for (fit.iterations = 1; fit.iterations <= o.max_iterations; ++fit.iterations) {
    e_step();
    accumulate();
    std::vector<Phi> before = phi;
    parallel_for(item_chunks, o.threads, [&](size_t c) {
      for (size_t i = c * 64; i < std::min(I, (c + 1) * 64); ++i) {
        if (common_slope)
          maximise(phi[i], &r[i * Q], &n[i * Q], quad, o.priors, false, false, 1, kIdxD);
        else if (guessing)
          maximise(phi[i], &r[i * Q], &n[i * Q], quad, o.priors, true, true, 3, kIdx3);
        else
          maximise(phi[i], &r[i * Q], &n[i * Q], quad, o.priors, false, true, 2, kIdx2);
      }
    });
    if (common_slope) {
      // One Fisher step on the shared log-slope, its prior counted once.
      double grad = 0, info = 0;
      ItemPriors flat = o.priors;
      flat.d_sd = 0;
      for (size_t i = 0; i < I; ++i) {
        Local l = evaluate(phi[i], &r[i * Q], &n[i * Q], quad, flat, false, false);
        grad += l.grad[0];
        info += l.info[0][0];
      }
      const double z = phi[0].v[0] - o.priors.log_a_mean, v = o.priors.log_a_sd * o.priors.log_a_sd;
      grad += -z / v;
      info += 1 / v;
      const double step = std::clamp(grad / info, -0.5, 0.5);
      for (auto& p : phi) p.v[0] += step;
    }
    // Parameter expansion (PX-EM, Liu, Rubin & Wu 1998): the latent mean and SD are
    // estimated from the posteriors as if free, then folded back into the items so θ
    // stays N(0, 1): a·(μ + σ·θ) + d = (a·σ)·θ + (d + a·μ). The maximum is the same; EM
    // without it creeps along the scale direction when posteriors are sharp (thousands
    // of items), one part in the test information per cycle.
    {
      double m1 = 0, m2 = 0;
      for (size_t j = 0; j < N; ++j)
        for (size_t q = 0; q < Q; ++q) {
          m1 += post[j * Q + q] * quad.nodes[q];
          m2 += post[j * Q + q] * quad.nodes[q] * quad.nodes[q];
        }
      m1 /= N;
      m2 /= N;
      const double sd = std::sqrt(std::max(1e-6, m2 - m1 * m1));
      // The expansion runs in the first cycles only, where the scale moves: with partial
      // M-steps PX-EM is not monotone, and later on it can keep a flat 3PL item cycling.
      if (fit.iterations <= kExpansionCycles && (std::fabs(m1) > o.tolerance || std::fabs(sd - 1) > o.tolerance))
        for (auto& p : phi) {
          const double a = std::exp(p.v[0]);
          p.v[1] += a * m1;
          p.v[0] += std::log(sd);
        }
    }
    double change = 0;
    for (size_t i = 0; i < I; ++i) {
      const ItemParams x = before[i].natural(guessing), y = phi[i].natural(guessing);
      change = std::max({change, std::fabs(x.a - y.a), std::fabs(x.d - y.d), std::fabs(x.g - y.g)});
    }
    fit.last_change = change;
    if (change < o.tolerance) {
      fit.converged = true;
      break;
    }
  }
  fit.iterations = std::min(fit.iterations, o.max_iterations);

  // At the final parameters: the marginal log-likelihood and the posteriors.
  fit.log_likelihood = e_step();
  accumulate();
  fit.log_posterior = fit.log_likelihood;
  std::vector<ItemParams> params(I);
  for (size_t i = 0; i < I; ++i) {
    params[i] = fit.items[i].params = phi[i].natural(guessing);
    fit.log_posterior += log_prior(phi[i], o.priors, guessing, !common_slope || i == 0);
  }

  // Standard errors on the natural scale (a, d, g) from each item's observed information
  // by Louis' formula — the expected complete-data information less the posterior
  // variance of each respondent's score — taken item by item (cross-item terms are
  // left out, as in mirt's per-item approximations). When the correction leaves a
  // matrix that is not positive definite the complete-data information is used.
  const double nan = std::nan("");
  parallel_for(item_chunks, o.threads, [&](size_t c) {
    for (size_t i = c * 64; i < std::min(I, (c + 1) * 64); ++i) {
      const ItemParams p = params[i];
      Mat3 complete{}, louis{};
      for (size_t j = 0; j < N; ++j) {
        const int t = data.trials_at(j, i);
        if (!t) continue;
        const double m = data.met_at(j, i);
        const double* pj = &post[j * Q];
        Vec3 mean{};
        Mat3 second{};
        for (size_t q = 0; q < Q; ++q) {
          if (pj[q] < 1e-12) continue;
          const double th = quad.nodes[q];
          const double s = logistic(p.a * th + p.d);
          const double P = std::clamp(p.g + (1 - p.g) * s, 1e-12, 1 - 1e-12);
          const double ds = (1 - p.g) * s * (1 - s);
          const Vec3 dP{ds * th, ds, 1 - s};
          const double w = (m - t * P) / (P * (1 - P)), f = t / (P * (1 - P));
          for (int x = 0; x < 3; ++x) {
            mean[x] += pj[q] * w * dP[x];
            for (int y = 0; y < 3; ++y) {
              complete[x][y] += pj[q] * f * dP[x] * dP[y];
              second[x][y] += pj[q] * w * w * dP[x] * dP[y];
            }
          }
        }
        for (int x = 0; x < 3; ++x)
          for (int y = 0; y < 3; ++y) louis[x][y] -= second[x][y] - mean[x] * mean[y];
      }
      // Prior curvature on the natural scale.
      Mat3 prior{};
      if (!common_slope) {
        const double la = std::log(p.a) - o.priors.log_a_mean, v = o.priors.log_a_sd * o.priors.log_a_sd;
        prior[0][0] = std::max(0.0, (1 - la) / (v * p.a * p.a));  // −∂²/∂a² of −(log a − μ)²/2v
      }
      if (o.priors.d_sd > 0) prior[1][1] = 1 / (o.priors.d_sd * o.priors.d_sd);
      if (guessing)
        prior[2][2] =
            std::max(0.0, (o.priors.g_alpha - 1) / (p.g * p.g) + (o.priors.g_beta - 1) / ((1 - p.g) * (1 - p.g)));
      for (int x = 0; x < 3; ++x)
        for (int y = 0; y < 3; ++y) {
          complete[x][y] += prior[x][y];
          louis[x][y] += complete[x][y];
        }
      const int* idx = common_slope ? kIdxD : guessing ? kIdx3 : kIdx2;
      const int k = common_slope ? 1 : guessing ? 3 : 2;
      Mat3 cov{};
      bool ok = invert(louis, k, idx, cov) || invert(complete, k, idx, cov);
      ItemEstimate& e = fit.items[i];
      e.se_a = e.se_d = e.se_b = e.se_g = nan;
      if (!ok) continue;
      e.se_d = std::sqrt(cov[1][1]);
      if (!common_slope) {
        e.se_a = std::sqrt(cov[0][0]);
        // b = −d/a: gradient (d/a², −1/a) in (a, d).
        const double ga = p.d / (p.a * p.a), gd = -1 / p.a;
        e.se_b = std::sqrt(std::max(0.0, ga * ga * cov[0][0] + 2 * ga * gd * cov[0][1] + gd * gd * cov[1][1]));
      } else {
        e.se_b = e.se_d / p.a;
      }
      if (guessing) e.se_g = std::sqrt(cov[2][2]);
    }
  });

  // Abilities, item fit, the test information curve.
  fit.abilities.resize(N);
  parallel_for(N, o.threads, [&](size_t j) {
    Ability ab = map_ability(params, {&data.met[j * I], I}, {&data.trials[j * I], I});
    fit.abilities[j] = {ab.theta, ab.se, ab.trials};
  });
  compute_item_fit(data, fit, common_slope ? 1 : guessing ? 3 : 2, o.threads);
  for (int g = -16; g <= 16; ++g) {
    const double th = g / 4.0;
    fit.information.emplace_back(th, test_information(params, data.max_trials, th));
  }
  fit.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return fit;
}

}  // namespace cc::irt
