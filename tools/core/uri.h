#pragma once
// URI references for file paths: the percent-encoding that turns a repository path
// (spaces, Chinese, '%' and all) into a valid RFC 3986 relative reference, as SARIF's
// artifactLocation.uri (format uri-reference) requires.
#include <string>
#include <string_view>

namespace cc {

// `path` ('/'-separated, UTF-8) as the path of an RFC 3986 relative reference: every
// byte other than an unreserved character (ALPHA DIGIT - . _ ~), a sub-delimiter
// (! $ & ' ( ) * + , ; =), '@' or the '/' separator becomes %XX (uppercase hex), so a
// multi-byte UTF-8 character becomes one %XX per byte, '%' becomes %25 and ':' becomes
// %3A (so no first segment can read as a scheme). Decoding the result gives `path` back.
std::string percent_encode_path(std::string_view path);

}  // namespace cc
