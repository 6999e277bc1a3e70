// cc_dedup_bench: times the dedup library (MinHash + LSH, exact Jaccard confirmation) on
// synthetic Chinese texts generated in memory, with planted near-duplicates, and
// measures the recall of the planted pairs whose exact Jaccard is at or above the
// threshold.
//
//   cc_dedup_bench [--texts 100000] [--planted 2000] [--threshold 0.8] [--seed 1] [--threads 0]
//
// Texts: 8–14 "sentences" of 10–24 characters drawn from 3,000 common CJK code points,
// joined by ，and 。, each text also carrying 2 of 200 shared boilerplate sentences (as
// real cases share request phrasing). Planted pairs copy a text and then reorder its
// sentences, change its punctuation, replace one clause, or reorder and replace a clause.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "coverage/dedup.h"
#include "coverage/text_normalize.h"

namespace {

using Sentence = std::u32string;

std::string utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80)
      out += static_cast<char>(c);
    else if (c < 0x800)
      out += static_cast<char>(0xC0 | (c >> 6)), out += static_cast<char>(0x80 | (c & 0x3F));
    else
      out += static_cast<char>(0xE0 | (c >> 12)), out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
          out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

Sentence random_sentence(std::mt19937_64& rng, int min_len, int max_len) {
  Sentence s;
  int len = min_len + static_cast<int>(rng() % (max_len - min_len + 1));
  for (int i = 0; i < len; ++i) s.push_back(static_cast<char32_t>(0x4E00 + rng() % 3000));
  return s;
}

std::string join(const std::vector<Sentence>& sentences, bool alt_punct) {
  std::u32string out;
  for (size_t i = 0; i < sentences.size(); ++i) {
    out += sentences[i];
    out += alt_punct ? (i % 2 ? U"; " : U",") : (i % 3 == 2 ? U"。" : U"，");
  }
  return utf8(out);
}

long arg(int argc, char** argv, const char* name, long fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], name) == 0) return std::atol(argv[i + 1]);
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t n = static_cast<size_t>(arg(argc, argv, "--texts", 100000));
  const size_t planted = static_cast<size_t>(arg(argc, argv, "--planted", 2000));
  const uint64_t seed = static_cast<uint64_t>(arg(argc, argv, "--seed", 1));
  const unsigned threads = static_cast<unsigned>(arg(argc, argv, "--threads", 0));
  double threshold = 0.8;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--threshold") == 0) threshold = std::atof(argv[i + 1]);
  if (planted * 2 > n) {
    std::fprintf(stderr, "--planted must be at most half of --texts\n");
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  std::mt19937_64 rng(seed);
  std::vector<Sentence> boilerplate;
  for (int i = 0; i < 200; ++i) boilerplate.push_back(random_sentence(rng, 12, 20));
  const size_t originals = n - planted;
  std::vector<std::vector<Sentence>> parts(originals);
  std::vector<std::string> texts;
  texts.reserve(n);
  for (size_t i = 0; i < originals; ++i) {
    int count = 8 + static_cast<int>(rng() % 7);
    for (int k = 0; k < count; ++k) parts[i].push_back(random_sentence(rng, 10, 24));
    parts[i].insert(parts[i].begin() + rng() % parts[i].size(), boilerplate[rng() % 200]);
    parts[i].push_back(boilerplate[rng() % 200]);
    texts.push_back(join(parts[i], false));
  }
  std::vector<std::pair<size_t, size_t>> pairs;  // (original, copy)
  for (size_t p = 0; p < planted; ++p) {
    size_t src = rng() % originals;
    std::vector<Sentence> s = parts[src];
    int kind = static_cast<int>(p % 4);
    if (kind == 0 || kind == 3) std::shuffle(s.begin(), s.end(), rng);
    if (kind == 2 || kind == 3) {  // one clause: half of one sentence rewritten
      Sentence& victim = s[rng() % s.size()];
      for (size_t c = victim.size() / 2; c < victim.size(); ++c)
        victim[c] = static_cast<char32_t>(0x4E00 + rng() % 3000);
    }
    pairs.emplace_back(src, texts.size());
    texts.push_back(join(s, kind == 1));
  }
  auto t1 = std::chrono::steady_clock::now();

  std::vector<std::string_view> views(texts.begin(), texts.end());
  auto docs = cc::coverage::make_dedup_docs(views, 3, threads);
  auto t2 = std::chrono::steady_clock::now();
  cc::coverage::DedupOptions o;
  o.threshold = threshold;
  o.threads = threads;
  cc::coverage::DedupStats stats;
  auto found = cc::coverage::find_similar(docs, o, &stats);
  auto t3 = std::chrono::steady_clock::now();

  std::unordered_set<uint64_t> hit;
  for (const auto& f : found) hit.insert(uint64_t(f.a) << 32 | f.b);
  size_t eligible = 0, recalled = 0;
  for (auto [a, b] : pairs) {
    double j = cc::coverage::jaccard(docs[a].shingles, docs[b].shingles);
    if (j + 1e-12 < threshold) continue;
    ++eligible;
    recalled += hit.count(uint64_t(std::min(a, b)) << 32 | std::max(a, b)) > 0;
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  std::printf("texts %zu (planted copies %zu), threshold %.2f, LSH %d bands x %d rows\n", n, planted, threshold,
              stats.bands, stats.rows);
  std::printf("generate %.0f ms; normalise + shingle %.0f ms; minhash + lsh + confirm %.0f ms; dedup total %.0f ms\n",
              ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t1, t3));
  std::printf("candidates %zu, pairs reported %zu\n", stats.candidates, found.size());
  std::printf("planted pairs with Jaccard >= %.2f: %zu, found %zu, recall %.4f\n", threshold, eligible, recalled,
              eligible ? static_cast<double>(recalled) / eligible : 1.0);
  std::printf("peak RSS %.1f MB\n", ru.ru_maxrss / 1024.0);
  return 0;
}
