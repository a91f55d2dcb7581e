// Edit distance between names, for "did you mean ...?" hints on misspelt names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kunde::text {

// Insertions, deletions, substitutions and swaps of neighbours (each counts one) that turn
// `a` into `b`, byte by byte, ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a likely misspelling (about
// one edit in three characters); the first of equally close ones.
std::optional<std::string> closest_name(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace kunde::text
