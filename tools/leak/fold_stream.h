#pragma once
// FoldStream: the normalisation of FoldTable applied to a stream of code points exactly as
// it would be to the whole text at once. NFKC composes a base with the combining marks
// after it (e + U+0301 → é, Hangul jamo → syllables), so a decomposed copy is folded the
// same as a precomposed one. The stream is cut before every code point that never
// interacts with what precedes it (ICU's "boundary before": nearly every character of real
// text); what lies between two cuts is one sequence, folded as a whole — through the table
// when it is a single code point, the common case, through ICU otherwise. A code point that
// combines with nothing on either side (ICU: inert) is folded as soon as it comes. A sequence is
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

  // What the table says of `c` (FoldTable::Kind).
  FoldTable::Kind kind(char32_t c) const { return table_.kind(c); }

  // True when a code point of kind `k` starts a new sequence: flush() may then be called
  // before add() to have everything before it emitted.
  bool starts_sequence(FoldTable::Kind k) const { return k != FoldTable::Kind::Joins || n_ == kMax; }

  // Adds `c` of kind `k` at `where`: folded at once when it is inert and starts a sequence
  // (the usual case), else held in the current sequence. Callers first flush() when
  // starts_sequence(k).
  template <class Emit>
  [[gnu::always_inline]] void add(char32_t c, FoldTable::Kind k, const Where& where, Emit&& emit) {
    if (k == FoldTable::Kind::Inert && n_ == 0) return table_.fold(c, At<Emit>{emit, where});
    if (n_ == 0) where_ = where;
    seq_[n_++] = c;
  }

  // Adds `c`, emitting the sequence before it first when `c` starts a new one.
  template <class Emit>
  void push(char32_t c, const Where& where, Emit&& emit) {
    const FoldTable::Kind k = kind(c);
    if (starts_sequence(k)) flush(emit);
    add(c, k, where, emit);
  }

  // Emits the folded form of the current sequence as emit(char32_t, const Where&) and
  // empties it.
  template <class Emit>
  [[gnu::always_inline]] void flush(Emit&& emit) {
    if (n_ == 0) return;
    if (n_ == 1)
      table_.fold(seq_[0], At<Emit>{emit, where_});  // a letter that no mark followed
    else
      fold_held(emit);
    n_ = 0;
  }

  bool empty() const { return n_ == 0; }

 private:
  // emit(x, where) as emit(x): the place of every code point folded from one sequence.
  template <class Emit>
  struct At {
    Emit& emit;
    const Where& where;
    [[gnu::always_inline]] void operator()(char32_t x) const { emit(x, where); }
  };

  template <class Emit>
  void fold_held(Emit& emit) {
    table_.fold_sequence(seq_, n_, At<Emit>{emit, where_});
  }

  static constexpr size_t kMax = 32;
  const FoldTable& table_;
  char32_t seq_[kMax];
  size_t n_ = 0;
  Where where_{};
};

}  // namespace cc::leak
