#pragma once
// FoldStream: the normalisation of FoldTable applied to a stream of code points exactly as
// it would be to the whole text at once. NFKC composes a base with the combining marks
// after it (e + U+0301 → é, Hangul jamo → syllables), so a decomposed copy is folded the
// same as a precomposed one. The stream is cut before every code point that never
// interacts with what precedes it (ICU's "boundary before": nearly every character of real
// text); what lies between two cuts is one sequence, folded as a whole — through the table
// when it is a single code point, the common case, through ICU otherwise. A sequence is
// cut after 32 code points (Unicode's stream-safe limit is 30 non-starters), so memory
// stays bounded on hostile input.
//
// Each folded code point comes out with the place (`Where`, any copyable value) of the
// first code point of its sequence.
#include <cstddef>

#include "leak/fold_table.h"

namespace cc::leak {

template <class Where>
class FoldStream {
 public:
  FoldStream() : table_(FoldTable::instance()) {}

  // True when `c` starts a new sequence: flush() may then be called before append(c) to
  // have everything before `c` emitted.
  bool starts_sequence(char32_t c) const { return n_ == kMax || !table_.joins_previous(c); }

  // Adds `c` at `where` to the current sequence (starting one when there is none).
  // Callers first flush() when starts_sequence(c).
  void append(char32_t c, const Where& where) {
    if (n_ == 0) where_ = where;
    seq_[n_++] = c;
  }

  // Adds `c`, emitting the sequence before it first when `c` starts a new one.
  template <class Emit>
  void push(char32_t c, const Where& where, Emit&& emit) {
    if (starts_sequence(c)) flush(emit);
    append(c, where);
  }

  // Emits the folded form of the current sequence as emit(char32_t, const Where&) and
  // empties it.
  template <class Emit>
  void flush(Emit&& emit) {
    if (n_ == 0) return;
    const Where at = where_;
    if (n_ == 1) table_.fold(seq_[0], [&](char32_t x) { emit(x, at); });
    else table_.fold_sequence(seq_, n_, [&](char32_t x) { emit(x, at); });
    n_ = 0;
  }

  bool empty() const { return n_ == 0; }

 private:
  static constexpr size_t kMax = 32;
  const FoldTable& table_;
  char32_t seq_[kMax];
  size_t n_ = 0;
  Where where_{};
};

}  // namespace cc::leak
