// Semantic versions and release manifests.
#include <catch2/catch.hpp>

#include "release/manifest.h"
#include "release/semver.h"

using namespace cc;

TEST_CASE("semver: parse and order", "[release][semver]") {
  auto v = parse_semver("v1.2.3-rc.1+build.5");
  REQUIRE(v);
  CHECK(v->major == 1);
  CHECK(v->minor == 2);
  CHECK(v->patch == 3);
  CHECK(v->tag() == "v1.2.3-rc.1+build.5");
  CHECK(parse_semver("1.2.0")->tag() == "v1.2.0");
  for (const char* bad : {"1.2", "1.2.3.4", "01.2.3", "1.2.x", "", "v", "1.2.3-", "1.2.3-01"})
    CHECK_FALSE(parse_semver(bad));
  // semver.org §11's example order.
  const char* order[] = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
                         "1.0.0-beta",  "1.0.0-beta.2",  "1.0.0-beta.11",
                         "1.0.0-rc.1",  "1.0.0",         "1.0.1",
                         "1.1.0",       "2.0.0"};
  for (size_t i = 0; i + 1 < std::size(order); ++i) {
    INFO(order[i] << " < " << order[i + 1]);
    CHECK(compare_semver(*parse_semver(order[i]), *parse_semver(order[i + 1])) < 0);
    CHECK(compare_semver(*parse_semver(order[i + 1]), *parse_semver(order[i])) > 0);
  }
  CHECK(compare_semver(*parse_semver("1.0.0+a"), *parse_semver("1.0.0+b")) == 0);
}

TEST_CASE("manifest: sha256sum format, sorted, parsed back", "[release][manifest]") {
  Manifest m = manifest_of({{"b.txt", "abc"}, {"a.txt", ""}});
  std::string text = manifest_text(m);
  CHECK(text ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a.txt\n"
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  b.txt\n");
  auto back = parse_manifest(text);
  REQUIRE(back);
  CHECK(*back == m);
  CHECK_FALSE(parse_manifest("nothex  a.txt\n"));
}
