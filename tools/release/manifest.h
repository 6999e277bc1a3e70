#pragma once
// Manifest: the SHA-256 of every file of a release, in the format `sha256sum` writes and
// checks ("<64 hex>  <name>\n", sorted by name), so anyone can verify a download with
// standard tools: `cd reports/v1.2.0 && sha256sum -c MANIFEST.sha256`.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cc {

inline constexpr const char* kManifestName = "MANIFEST.sha256";

// File name (within the release folder) → SHA-256 hex.
using Manifest = std::map<std::string, std::string>;

// The manifest of `files` (name → bytes).
Manifest manifest_of(const std::map<std::string, std::string>& files);
std::string manifest_text(const Manifest& m);
// nullopt when a line is not "<64 hex>  <name>".
std::optional<Manifest> parse_manifest(std::string_view text);

}  // namespace cc
