#include "irt/rank_corr.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "irt/csv_table.h"
#include "irt/normal_quantile.h"
#include "irt/irt_messages.h"
#include "scoring/run_setup.h"
#include "scoring/output/text_format.h"

namespace cc::irt {
namespace {

std::vector<double> mid_ranks(const std::vector<double>& v) {
  std::vector<size_t> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
  std::vector<double> rank(v.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    for (size_t k = i; k <= j; ++k) rank[order[k]] = (i + j) / 2.0 + 1;
    i = j + 1;
  }
  return rank;
}

Correlation with_interval(double r, double variance, double z) {
  Correlation c{r, NAN, NAN};
  if (!std::isfinite(r) || !(variance > 0)) return c;
  if (std::fabs(r) >= 1) {
    c.low = c.high = r;
    return c;
  }
  const double f = std::atanh(r), sd = std::sqrt(variance);
  c.low = std::tanh(f - z * sd);
  c.high = std::tanh(f + z * sd);
  return c;
}

// One leaderboard: model → score.
Result<std::map<std::string, double>> read_board(const std::string& open_path, const std::string& shown,
                                                 const std::string& metric_arg, Lang lang) {
  CC_TRY_ASSIGN(CsvTable t, read_csv_file(open_path, shown, lang));
  if (t.header.size() < 2) return Error(shown + ":1: " + irt_message(lang, "board/columns"), Error::Kind::Input);
  const size_t model_col = t.column("model").value_or(0);
  std::optional<size_t> metric_col;
  if (!metric_arg.empty()) {
    metric_col = t.column(metric_arg);
    if (!metric_col)
      return Error(shown + ":1: " + irt_message(lang, "board/metric", {{"metric", metric_arg}}), Error::Kind::Usage);
  } else {
    metric_col = t.column("cacs_at_k_pct");
    if (!metric_col) metric_col = model_col == 0 ? 1 : 0;
  }
  const auto slice = t.column("slice");
  std::map<std::string, double> board;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    if (slice && row[*slice] != "overall") continue;
    const std::string& model = row[model_col];
    if (board.count(model)) {
      if (slice) continue;  // --k-sweep rows after the main one
      return Error(
          shown + ":" + std::to_string(t.lines[r]) + ": " + irt_message(lang, "board/twice", {{"model", model}}),
          Error::Kind::Input);
    }
    auto v = parse_double(row[*metric_col]);
    if (!v)
      return Error(
          shown + ":" + std::to_string(t.lines[r]) + ": " +
              irt_message(lang, "board/number", {{"value", row[*metric_col]}, {"column", t.header[*metric_col]}}),
          Error::Kind::Input);
    board[model] = *v;
  }
  return board;
}

}  // namespace

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  if (x.size() < 2) return NAN;
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n, my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : NAN;
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
  return pearson(mid_ranks(x), mid_ranks(y));
}

double kendall_tau_b(const std::vector<double>& x, const std::vector<double>& y) {
  long concordant = 0, discordant = 0, ties_x = 0, ties_y = 0;
  for (size_t i = 0; i < x.size(); ++i)
    for (size_t j = i + 1; j < x.size(); ++j) {
      const double dx = x[i] - x[j], dy = y[i] - y[j];
      if (dx == 0 && dy == 0) continue;
      if (dx == 0)
        ++ties_x;
      else if (dy == 0)
        ++ties_y;
      else if ((dx > 0) == (dy > 0))
        ++concordant;
      else
        ++discordant;
    }
  const double n1 = static_cast<double>(concordant + discordant + ties_x),
               n2 = static_cast<double>(concordant + discordant + ties_y);
  return n1 > 0 && n2 > 0 ? (concordant - discordant) / std::sqrt(n1 * n2) : NAN;
}

RankCorrelation rank_correlation(const std::vector<double>& x, const std::vector<double>& y, double level) {
  RankCorrelation out;
  out.n = x.size();
  const double z = normal_quantile_two_sided(level), n = static_cast<double>(x.size());
  out.spearman = with_interval(spearman(x, y), n > 3 ? 1.06 / (n - 3) : 0, z);
  out.kendall = with_interval(kendall_tau_b(x, y), n > 4 ? 0.437 / (n - 4) : 0, z);
  return out;
}

Result<RankCorrReport> run_rank_corr(const RankCorrOptions& o) {
  if (o.ci_level <= 0 || o.ci_level >= 100)
    return Error(irt_message(o.lang, "usage/ci"), Error::Kind::Usage);
  CC_TRY_ASSIGN(auto a, read_board(scoring::resolve_path(o.start_dir, o.a), o.a, o.metric, o.lang));
  CC_TRY_ASSIGN(auto b, read_board(scoring::resolve_path(o.start_dir, o.b), o.b, o.metric, o.lang));
  RankCorrReport report;
  std::vector<std::string> unmatched;
  for (const auto& [model, score] : a) {
    auto it = b.find(model);
    if (it == b.end()) {
      unmatched.push_back(model);
      continue;
    }
    report.models.push_back(model);
    report.a_scores.push_back(score);
    report.b_scores.push_back(it->second);
  }
  for (const auto& [model, score] : b)
    if (!a.count(model)) unmatched.push_back(model);
  if (!unmatched.empty()) {
    std::string names;
    for (size_t i = 0; i < unmatched.size() && i < 8; ++i) names += (i ? ", " : "") + unmatched[i];
    if (unmatched.size() > 8) names += ", …";
    report.notes.push_back(
        irt_message(o.lang, "rank-corr/unmatched", {{"count", std::to_string(unmatched.size())}, {"names", names}}));
  }
  if (report.models.size() < 3)
    return Error(irt_message(o.lang, "rank-corr/too-few", {{"count", std::to_string(report.models.size())}}),
                 Error::Kind::Input);
  report.result = rank_correlation(report.a_scores, report.b_scores, o.ci_level);
  auto line = [&](const char* name, const Correlation& c) {
    std::string s = std::string(name) + " " + format_fixed(c.value, 3);
    if (std::isfinite(c.low)) s += " [" + format_fixed(c.low, 3) + ", " + format_fixed(c.high, 3) + "]";
    return s + "\n";
  };
  report.text = "models " + std::to_string(report.result.n) + " (intervals " + scoring::format_number(o.ci_level) +
                "%, Fisher z)\n" + line("spearman_rho", report.result.spearman) +
                line("kendall_tau_b", report.result.kendall);
  return report;
}

}  // namespace cc::irt
