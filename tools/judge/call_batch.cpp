#include "judge/call_batch.h"

#include "judge/judge_messages.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <deque>
#include <iostream>
#include <queue>
#include <random>
#include <sstream>
#include <unordered_map>

#include "judge/chat_request.h"
#include "judge/http_client.h"
#include "judge/rate_limit.h"
#include "judge/retry_policy.h"

namespace cc::judge {
namespace {

using Seconds = std::chrono::duration<double>;

// The longest wait a Retry-After header may impose on one call; a server asking for more
// is treated as asking for this, so a run never sleeps for hours on one header.
constexpr double kMaxRetryAfterS = 600;

// A call waiting to be sent again, and when.
struct Retry {
  Clock::time_point at;
  size_t index;
  bool operator>(const Retry& o) const { return at > o.at; }
};

// The server's own error text from an error body, shortened; "" when it sent none.
std::string server_error_text(const std::string& body) {
  std::string text;
  nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (!j.is_discarded() && j.is_object()) {
    auto e = j.find("error");
    if (e != j.end() && e->is_object() && e->contains("message") && (*e)["message"].is_string())
      text = (*e)["message"].get<std::string>();
    else if (e != j.end() && e->is_string())
      text = e->get<std::string>();
    else if (j.contains("detail") && j["detail"].is_string())
      text = j["detail"].get<std::string>();
    else if (j.contains("message") && j["message"].is_string())
      text = j["message"].get<std::string>();
  }
  if (text.empty()) text = body;
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  if (text.size() > 300) text = text.substr(0, 300) + "…";
  return text;
}

// Why an attempt failed, in `lang`: the transfer's error, or the HTTP status with the
// server's own text (in its words) after it.
std::string describe_failure(const HttpResponse& r, Lang lang) {
  if (r.status == 0) return r.transport_error.empty() ? judge_message(lang, "call/no-response") : r.transport_error;
  std::string text = server_error_text(r.body);
  if (text.empty()) return judge_message(lang, "call/http", {{"status", std::to_string(r.status)}});
  return judge_message(lang, "call/http-said", {{"status", std::to_string(r.status)}, {"text", text}});
}

class BatchRunner {
 public:
  BatchRunner(const Endpoint& ep, const std::string& key, const CallBatch& batch, const BatchControl& control)
      : ep_(ep),
        key_(key),
        batch_(batch),
        control_(control),
        requests_(ep.requests_per_minute),
        tokens_(ep.tokens_per_minute),
        rng_(control.seed),
        client_(ep.max_concurrency) {}

  BatchResult run() {
    auto started = Clock::now();
    result_.outcomes.resize(batch_.count);
    result_.counters.total = batch_.count;
    look_up_cache();
    if (!control_.dry_run && result_.end == BatchEnd::Completed) send_the_rest();
    if (control_.progress && !control_.dry_run) control_.progress->finish(result_.counters);
    result_.seconds = Seconds(Clock::now() - started).count();
    return std::move(result_);
  }

 private:
  // Answers every call the cache holds; queues the others.
  void look_up_cache() {
    for (size_t i = 0; i < batch_.count; ++i) {
      CallSpec spec = batch_.spec(i);
      if (control_.cache) {
        auto hit = control_.cache->get(spec.key);
        if (!hit) {
          fail_batch(BatchEnd::CacheFailed, hit.error().message);
          return;
        }
        if (*hit) {
          nlohmann::json parsed = nlohmann::json::parse((*hit)->parsed, nullptr, false);
          // An answer stored by `judge batch import` holds only the server's body: it is
          // parsed on first use, and kept parsed; one that is not an answer is asked again.
          if (parsed.is_discarded() && !(*hit)->body.empty()) {
            if (auto answer = parse_chat_completion((*hit)->body, control_.lang)) {
              if (auto p = batch_.parse(i, *answer)) {
                parsed = std::move(*p);
                CachedAnswer updated = **hit;
                updated.parsed = parsed.dump();
                if (auto put = control_.dry_run ? Result<void>{} : control_.cache->put(spec.key, updated); !put) {
                  fail_batch(BatchEnd::CacheFailed, put.error().message);
                  return;
                }
              }
            }
          }
          if (!parsed.is_discarded()) {
            CallOutcome& o = result_.outcomes[i];
            o.state = CallOutcome::State::Answered;
            o.from_cache = true;
            o.parsed = std::move(parsed);
            o.usage = {(*hit)->prompt_tokens, (*hit)->completion_tokens};
            o.latency_ms = (*hit)->latency_ms;
            ++result_.counters.from_cache;
            continue;
          }
        }
      }
      ready_.push_back(i);
      ++result_.to_ask;
      result_.estimated_input_tokens_to_ask += spec.estimated_input_tokens;
      result_.estimated_output_tokens_to_ask += spec.estimated_output_tokens;
    }
  }

  void send_the_rest() {
    std::vector<HttpResponse> done;
    while (!ready_.empty() || !retries_.empty() || client_.in_flight() > 0) {
      auto now = Clock::now();
      if (control_.stop && control_.stop->load() && !stopping_) {
        stopping_ = true;
        stop_deadline_ = now + std::chrono::milliseconds(static_cast<long>(control_.stop_grace_s * 1000));
        result_.end = BatchEnd::Interrupted;
        result_.message = judge_message(control_.lang, "call/interrupted");
      }
      if (stopping_ && (client_.in_flight() == 0 || now >= stop_deadline_)) break;
      Clock::time_point wake = now + std::chrono::milliseconds(200);
      if (!stopping_) dispatch(now, wake);
      int wait_ms = static_cast<int>(
          std::clamp<long>(std::chrono::duration_cast<std::chrono::milliseconds>(wake - Clock::now()).count(), 0, 200));
      if (client_.in_flight() == 0 && wait_ms > 0) {
        // Nothing on the wire: sleep until the next retry, rate slot or breaker end.
        struct timespec ts {
          0, static_cast<long>(wait_ms) * 1000000L
        };
        nanosleep(&ts, nullptr);
      }
      done.clear();
      client_.poll(client_.in_flight() > 0 ? wait_ms : 0, done);
      for (HttpResponse& r : done) {
        handle(r);
        if (result_.end == BatchEnd::Refused || result_.end == BatchEnd::BreakerOpen ||
            result_.end == BatchEnd::CacheFailed) {
          client_.abort_all();
          mark_unasked();
          return;
        }
      }
      if (control_.progress) control_.progress->update(result_.counters);
    }
    client_.abort_all();
    mark_unasked();
  }

  // Sends as many calls as the limits allow now; lowers `wake` to when more may go.
  void dispatch(Clock::time_point now, Clock::time_point& wake) {
    if (now < paused_until_) {
      wake = std::min(wake, paused_until_);
      return;
    }
    while (client_.in_flight() < static_cast<size_t>(ep_.max_concurrency)) {
      size_t index;
      bool is_retry = false;
      if (!retries_.empty() && retries_.top().at <= now) {
        index = retries_.top().index;
        is_retry = true;
      } else if (!ready_.empty()) {
        index = ready_.front();
      } else {
        if (!retries_.empty()) wake = std::min(wake, retries_.top().at);
        return;
      }
      CallSpec spec = batch_.spec(index);
      double wait = std::max(requests_.wait_seconds(1, now), tokens_.wait_seconds(spec.estimated_tokens(), now));
      if (wait > 0) {
        wake = std::min(wake, now + std::chrono::microseconds(static_cast<long>(wait * 1e6)));
        return;
      }
      if (is_retry)
        retries_.pop();
      else
        ready_.pop_front();
      requests_.take(1, now);
      tokens_.take(spec.estimated_tokens(), now);
      sent_[index] = {spec.estimated_tokens(), spec.key};
      HttpRequest req{index, ep_.chat_url(), chat_request_body(*spec.endpoint, batch_.message(index)), key_,
                      ep_.timeout_s};
      CallOutcome& o = result_.outcomes[index];
      ++o.attempts;
      if (auto ok = client_.start(std::move(req), control_.lang); !ok) {
        o.state = CallOutcome::State::Failed;
        o.error = ok.error().message;
        ++result_.counters.failed;
      }
    }
  }

  void handle(HttpResponse& r) {
    size_t index = r.tag;
    CallOutcome& o = result_.outcomes[index];
    auto now = Clock::now();
    auto sent = sent_.find(index);
    if (sent == sent_.end()) return;  // cannot happen: every response answers a request sent
    int64_t estimate = sent->second.estimated_tokens;
    std::string cache_key = std::move(sent->second.key);
    sent_.erase(sent);
    Disposition d = classify_status(r.status);
    if (d == Disposition::Refuse) {
      result_.end = BatchEnd::Refused;
      result_.message = redact(judge_message(control_.lang, "call/refused",
                                             {{"name", ep_.name}, {"url", ep_.chat_url()}, {"why", describe_failure(r, control_.lang)}}),
                               key_);
      o.error = result_.message;
      return;
    }
    if (d == Disposition::Retry) {
      tokens_.adjust(static_cast<double>(estimate), now);  // nothing was generated
      // 429 says "slow down", not "broken": it is retried but does not open the breaker.
      attempt_failed(index, redact(describe_failure(r, control_.lang), key_), parse_retry_after(r.retry_after, std::time(nullptr)),
                     /*server_trouble=*/r.status != 429);
      return;
    }
    consecutive_failures_ = 0;
    auto answer = parse_chat_completion(r.body, control_.lang);
    if (!answer) {
      attempt_failed(index, redact(answer.error().message, key_), std::nullopt, false);
      return;
    }
    int64_t used = answer->usage.prompt_tokens + answer->usage.completion_tokens;
    if (used > 0) tokens_.adjust(static_cast<double>(estimate - used), now);
    result_.counters.prompt_tokens += answer->usage.prompt_tokens;
    result_.counters.completion_tokens += answer->usage.completion_tokens;
    result_.counters.cost += ep_.cost(answer->usage.prompt_tokens, answer->usage.completion_tokens);
    auto parsed = batch_.parse(index, *answer);
    if (!parsed) {
      attempt_failed(index, redact(parsed.error().message, key_), std::nullopt, false);
      return;
    }
    o.latency_ms = r.seconds * 1000;
    o.usage = answer->usage;
    if (control_.cache) {
      CachedAnswer c;
      c.body = std::move(r.body);
      c.parsed = parsed->dump();
      c.prompt_tokens = answer->usage.prompt_tokens;
      c.completion_tokens = answer->usage.completion_tokens;
      c.latency_ms = o.latency_ms;
      c.endpoint = ep_.name;
      c.model = ep_.model;
      c.created_unix = static_cast<int64_t>(std::time(nullptr));
      if (auto put = control_.cache->put(cache_key, c); !put) {
        fail_batch(BatchEnd::CacheFailed, put.error().message);
        return;
      }
    }
    o.parsed = std::move(*parsed);
    o.state = CallOutcome::State::Answered;
    o.error.clear();
    ++result_.counters.answered;
  }

  // An attempt that did not give an answer: schedule the next one, or give up.
  void attempt_failed(size_t index, std::string error, std::optional<double> retry_after, bool server_trouble) {
    CallOutcome& o = result_.outcomes[index];
    o.error = std::move(error);
    if (server_trouble && ++consecutive_failures_ >= ep_.breaker_failures) {
      if (breaker_tripped_) {
        fail_batch(BatchEnd::BreakerOpen, judge_message(control_.lang, "call/breaker",
                                                        {{"name", ep_.name},
                                                         {"n", std::to_string(ep_.breaker_failures)},
                                                         {"seconds", std::to_string(int(ep_.breaker_pause_s))},
                                                         {"last", o.error}}));
        return;
      }
      // Half-open: after the pause one more failure stops the run, one success closes it.
      breaker_tripped_ = true;
      consecutive_failures_ = ep_.breaker_failures - 1;
      paused_until_ = Clock::now() + std::chrono::milliseconds(static_cast<long>(ep_.breaker_pause_s * 1000));
    }
    if (o.attempts > ep_.max_retries) {
      o.state = CallOutcome::State::Failed;
      ++result_.counters.failed;
      return;
    }
    ++result_.counters.retries;
    double wait = backoff_seconds(o.attempts, rng_);
    if (retry_after) wait = std::max(wait, std::min(*retry_after, kMaxRetryAfterS));
    retries_.push({Clock::now() + std::chrono::microseconds(static_cast<long>(wait * 1e6)), index});
  }

  void fail_batch(BatchEnd end, std::string message) {
    result_.end = end;
    result_.message = redact(std::move(message), key_);
  }

  // Every call neither answered nor failed is left unasked, with why.
  void mark_unasked() {
    const Lang lang = control_.lang;
    std::string why = result_.message.empty() ? judge_message(lang, "call/not-asked")
                                              : judge_message(lang, "call/not-asked-because", {{"why", result_.message}});
    for (CallOutcome& o : result_.outcomes)
      if (o.state == CallOutcome::State::NotAsked)
        o.error = o.error.empty() ? why : judge_message(lang, "call/with-last", {{"why", why}, {"last", o.error}});
  }

  const Endpoint& ep_;
  const std::string& key_;
  const CallBatch& batch_;
  const BatchControl& control_;
  BatchResult result_;
  TokenBucket requests_, tokens_;
  std::mt19937_64 rng_;
  HttpClient client_;
  std::deque<size_t> ready_;
  std::priority_queue<Retry, std::vector<Retry>, std::greater<Retry>> retries_;
  // What each call on the wire was sent with: its token estimate and cache key.
  struct Sent {
    int64_t estimated_tokens;
    std::string key;
  };
  std::unordered_map<size_t, Sent> sent_;
  int consecutive_failures_ = 0;
  bool breaker_tripped_ = false;
  Clock::time_point paused_until_{};
  bool stopping_ = false;
  Clock::time_point stop_deadline_{};
};

}  // namespace

BatchResult run_batch(const Endpoint& endpoint, const std::string& api_key, const CallBatch& batch,
                      const BatchControl& control) {
  return BatchRunner(endpoint, api_key, batch, control).run();
}

std::string cost_text(double cost) {
  std::ostringstream text;
  text << cost;
  return text.str();
}

std::string dry_run_line(Lang lang, std::string_view what, const BatchResult& b, const Endpoint& endpoint) {
  int64_t in_tokens = b.estimated_input_tokens_to_ask, out_tokens = b.estimated_output_tokens_to_ask;
  return judge_message(lang, "dry-run/calls",
                       {{"what", std::string(what)},
                        {"ask", std::to_string(b.to_ask)},
                        {"total", std::to_string(b.counters.total)},
                        {"cached", std::to_string(b.counters.from_cache)},
                        {"input", std::to_string(in_tokens)},
                        {"output", std::to_string(out_tokens)},
                        {"cost", cost_text(endpoint.cost(in_tokens, out_tokens))}});
}

Progress run_progress(const RunSettings& settings, std::string label) {
  return Progress(
      settings.progress ? *settings.progress : std::cerr,
      settings.progress ? Progress::style_for(settings.progress_fd, settings.quiet) : Progress::Style::Quiet,
      std::move(label));
}

BatchControl batch_control(const RunSettings& settings, LlmCache* cache, Progress* progress, uint64_t seed) {
  BatchControl control;
  control.cache = cache;
  control.dry_run = settings.dry_run;
  control.stop = settings.stop;
  control.progress = progress;
  control.seed = seed;
  control.lang = settings.lang;
  return control;
}

}  // namespace cc::judge
