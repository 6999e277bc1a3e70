#pragma once
// HttpClient: many HTTP POSTs in flight from one thread, on libcurl's multi interface.
// Connections are kept alive and reused (HTTP/2 multiplexing where the server offers
// it), TLS peers and host names are verified, and nothing but http and https is spoken.
// The caller decides how many transfers run at once; the client only drives them.
#include <cstdint>
#include <string>
#include <vector>

#include "core/messages.h"
#include "core/result.h"

namespace cc::judge {

// One request to send.
struct HttpRequest {
  uint64_t tag = 0;  // the caller's id, handed back with the response
  std::string url;
  std::string body;        // JSON
  std::string bearer;      // API key for "Authorization: Bearer", "" for none; never logged
  double timeout_s = 120;  // the whole transfer
};

// What came back. `status` is 0 when no HTTP response arrived; `transport_error` then
// says why (connection refused, timeout, a body cut short, ...).
struct HttpResponse {
  uint64_t tag = 0;
  long status = 0;
  std::string body;
  std::string retry_after;      // the Retry-After header, "" when absent
  std::string transport_error;  // "" when the transfer completed
  double seconds = 0;           // from start to the last byte
};

class HttpClient {
 public:
  // `max_connections`: how many connections the pool keeps open for reuse.
  explicit HttpClient(int max_connections = 16);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Starts a transfer. Error (in `lang`) only when libcurl cannot create one (out of memory).
  Result<void> start(HttpRequest request, Lang lang);
  size_t in_flight() const { return in_flight_; }
  // Moves transfers along, waiting at most `timeout_ms` for network activity, and appends
  // every finished one to `done`.
  void poll(int timeout_ms, std::vector<HttpResponse>& done);
  // Ends every transfer in flight at once, without answers (a run that must stop now).
  void abort_all();

 private:
  struct Transfer;
  void* multi_ = nullptr;  // CURLM*
  std::vector<Transfer*> transfers_;
  size_t in_flight_ = 0;
};

}  // namespace cc::judge
