#include "judge/http_client.h"

#include "judge/judge_messages.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>

#include "core/version.h"

namespace cc::judge {
namespace {

// A body larger than this is not an answer to a chat request; refusing it keeps a broken
// server from filling memory.
constexpr size_t kMaxBodyBytes = 64u << 20;

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool iequals_prefix(const char* data, size_t size, std::string_view prefix) {
  if (size < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(data[i])) != prefix[i]) return false;
  return true;
}

}  // namespace

struct HttpClient::Transfer {
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  HttpRequest request;
  HttpResponse response;
  bool too_large = false;
  Lang lang = Lang::En;  // of transport_error's own words
  std::chrono::steady_clock::time_point started;

  ~Transfer() {
    if (easy) curl_easy_cleanup(easy);
    if (headers) curl_slist_free_all(headers);
    // The key lived in a header line; overwrite our copy before the memory is reused.
    std::fill(request.bearer.begin(), request.bearer.end(), '\0');
  }

  static size_t on_body(char* data, size_t size, size_t n, void* self) {
    auto* t = static_cast<Transfer*>(self);
    size_t bytes = size * n;
    if (t->response.body.size() + bytes > kMaxBodyBytes) {
      t->too_large = true;
      return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
    }
    t->response.body.append(data, bytes);
    return bytes;
  }

  static size_t on_header(char* data, size_t size, size_t n, void* self) {
    auto* t = static_cast<Transfer*>(self);
    size_t bytes = size * n;
    // A new status line (after a 100 Continue or a redirect) starts a new header set.
    if (iequals_prefix(data, bytes, "http/")) t->response.retry_after.clear();
    if (iequals_prefix(data, bytes, "retry-after:")) {
      std::string v(data + 12, bytes - 12);
      while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' ')) v.pop_back();
      size_t first = v.find_first_not_of(' ');
      t->response.retry_after = first == std::string::npos ? "" : v.substr(first);
    }
    return bytes;
  }
};

HttpClient::HttpClient(int max_connections) {
  global_init();
  CURLM* m = curl_multi_init();
  curl_multi_setopt(m, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  curl_multi_setopt(m, CURLMOPT_MAXCONNECTS, static_cast<long>(std::max(4, max_connections * 2)));
  multi_ = m;
}

HttpClient::~HttpClient() {
  abort_all();
  if (multi_) curl_multi_cleanup(static_cast<CURLM*>(multi_));
}

Result<void> HttpClient::start(HttpRequest request, Lang lang) {
  auto t = std::make_unique<Transfer>();
  t->easy = curl_easy_init();
  if (!t->easy) return Error(judge_message(lang, "http/create"));
  t->request = std::move(request);
  t->lang = lang;
  t->response.tag = t->request.tag;
  CURL* e = t->easy;
  t->headers = curl_slist_append(t->headers, "Content-Type: application/json");
  t->headers = curl_slist_append(t->headers, "Accept: application/json");
  // Without this libcurl waits up to a second for "100 Continue" on large bodies, which
  // many inference servers never send.
  t->headers = curl_slist_append(t->headers, "Expect:");
  if (!t->request.bearer.empty()) {
    std::string auth = "Authorization: Bearer " + t->request.bearer;
    t->headers = curl_slist_append(t->headers, auth.c_str());
    std::fill(auth.begin(), auth.end(), '\0');
  }
  static const std::string agent = std::string("clinconsensus/") + kToolVersion;
  curl_easy_setopt(e, CURLOPT_URL, t->request.url.c_str());
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
  curl_easy_setopt(e, CURLOPT_POST, 1L);
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, t->request.body.data());
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(t->request.body.size()));
  curl_easy_setopt(e, CURLOPT_USERAGENT, agent.c_str());
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
  long timeout_ms = static_cast<long>(std::max(1.0, t->request.timeout_s * 1000));
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeout_ms, 30000L));
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Transfer::on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Transfer::on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
  curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
  t->started = std::chrono::steady_clock::now();
  if (curl_multi_add_handle(static_cast<CURLM*>(multi_), e) != CURLM_OK)
    return Error(judge_message(lang, "http/start"));
  transfers_.push_back(t.release());
  ++in_flight_;
  return {};
}

void HttpClient::poll(int timeout_ms, std::vector<HttpResponse>& done) {
  auto* m = static_cast<CURLM*>(multi_);
  int running = 0;
  curl_multi_perform(m, &running);
  if (in_flight_ > 0 && timeout_ms > 0) {
    curl_multi_poll(m, nullptr, 0, timeout_ms, nullptr);
    curl_multi_perform(m, &running);
  }
  int queued = 0;
  while (CURLMsg* msg = curl_multi_info_read(m, &queued)) {
    if (msg->msg != CURLMSG_DONE) continue;
    Transfer* t = nullptr;
    curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&t));
    CURLcode code = msg->data.result;
    curl_multi_remove_handle(m, msg->easy_handle);
    HttpResponse& r = t->response;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t->started).count();
    if (code == CURLE_OK) {
      curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &r.status);
    } else {
      r.status = 0;
      r.transport_error = t->too_large ? judge_message(t->lang, "http/too-large") : curl_easy_strerror(code);
      r.body.clear();
    }
    done.push_back(std::move(r));
    transfers_.erase(std::find(transfers_.begin(), transfers_.end(), t));
    delete t;
    --in_flight_;
  }
}

void HttpClient::abort_all() {
  auto* m = static_cast<CURLM*>(multi_);
  for (Transfer* t : transfers_) {
    curl_multi_remove_handle(m, t->easy);
    delete t;
  }
  transfers_.clear();
  in_flight_ = 0;
}

}  // namespace cc::judge
