#include "core/yaml_cpp_reader.h"

#include <yaml-cpp/yaml.h>

#include "core/yaml_core_schema.h"

namespace cc::test {
namespace {

constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

// A scalar's value, as the loader resolves it: quoted and block scalars (yaml-cpp's
// non-specific tag "!") are strings, plain ones (tag "?") follow the core schema, and a
// core tag decides for itself.
nlohmann::json scalar_value(const YAML::Node& n) {
  const std::string& tag = n.Tag();
  const std::string& value = n.Scalar();
  if (tag == "!" || tag == "tag:yaml.org,2002:str") return value;
  if (tag == "tag:yaml.org,2002:null") return nullptr;
  return resolve_plain_scalar(value);
}

class Converter {
 public:
  explicit Converter(SecondRead& r) : r_(r) {}

  nlohmann::json convert(const YAML::Node& n, int depth) {
    if (++r_.nodes > kMaxNodes || depth > kMaxDepth) {
      r_.too_big = true;
      return nullptr;
    }
    switch (n.Type()) {
      case YAML::NodeType::Scalar: return scalar_value(n);
      case YAML::NodeType::Sequence: {
        r_.depth = std::max(r_.depth, depth + 1);
        nlohmann::json out = nlohmann::json::array();
        for (const auto& item : n) {
          out.push_back(convert(item, depth + 1));
          if (r_.too_big) break;
        }
        return out;
      }
      case YAML::NodeType::Map: {
        r_.depth = std::max(r_.depth, depth + 1);
        nlohmann::json out = nlohmann::json::object();
        for (const auto& kv : n) {
          std::string key;
          if (kv.first.IsNull()) {
            r_.null_key = true;
            key = kNullKey;
          } else if (kv.first.IsScalar()) {
            key = kv.first.Scalar();
          } else {
            r_.complex_key = true;
            continue;
          }
          if (out.contains(key)) {
            r_.duplicate_key = true;
            continue;
          }
          out[key] = convert(kv.second, depth + 1);
          if (r_.too_big) break;
        }
        return out;
      }
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined: break;
    }
    return nullptr;
  }

 private:
  SecondRead& r_;
};

}  // namespace

SecondRead read_with_yaml_cpp(const std::string& text) {
  SecondRead r;
  try {
    std::vector<YAML::Node> docs = YAML::LoadAll(text);
    r.documents = docs.size();
    if (!docs.empty()) r.root = Converter(r).convert(docs.front(), 0);
  } catch (const std::exception& e) {
    r.refused = true;
    r.why = e.what();
  }
  return r;
}

}  // namespace cc::test
