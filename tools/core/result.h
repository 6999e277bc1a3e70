#pragma once
// Result: the one way a library function fails — either a value or an Error saying what
// went wrong in words a user can act on. Libraries return it; only tools/cli turns an
// Error into an exit status. CC_TRY passes an Error up unchanged, as ccache's TRY does.
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace cc {

// What failed, and what to do about it. `kind` lets a caller tell failures apart where
// they lead to different outcomes (an endpoint refusing a request stops a run; a
// transient one is retried); most errors leave it at Kind::Failed.
struct Error {
  enum class Kind { Failed, Usage, Input, Refused, Interrupted };
  std::string message;
  Kind kind = Kind::Failed;

  Error() = default;
  Error(std::string m, Kind k = Kind::Failed) : message(std::move(m)), kind(k) {}
};

// Either a T or the Error that prevented it.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }
  // The value, or `fallback` when there is none (for callers to whom a failure only
  // means "use the default", such as a cache that cannot be read).
  T value_or(T fallback) const& { return ok() ? value() : std::move(fallback); }
  T value_or(T fallback) && { return ok() ? std::get<0>(std::move(v_)) : std::move(fallback); }

 private:
  std::variant<T, Error> v_;
};

// The outcome of an operation that yields nothing but may fail.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace cc

// CC_TRY(expr): evaluates a Result<void>; on error returns its Error from the enclosing
// function. CC_TRY_ASSIGN(var, expr): declares `var` from a Result<T>'s value, or returns
// its Error.
#define CC_TRY(expr)                                         \
  do {                                                       \
    auto cc_try_result_ = (expr);                            \
    if (!cc_try_result_.ok()) return cc_try_result_.error(); \
  } while (0)
#define CC_TRY_CONCAT_(a, b) a##b
#define CC_TRY_NAME_(a, b) CC_TRY_CONCAT_(a, b)
#define CC_TRY_ASSIGN(var, expr) CC_TRY_ASSIGN_IMPL_(var, expr, CC_TRY_NAME_(cc_try_, __LINE__))
#define CC_TRY_ASSIGN_IMPL_(var, expr, tmp) \
  auto tmp = (expr);                        \
  if (!tmp.ok()) return tmp.error();        \
  var = std::move(tmp).value()
