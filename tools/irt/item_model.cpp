#include "irt/item_model.h"

namespace cc::irt {

std::string_view model_name(ItemModel m) {
  switch (m) {
    case ItemModel::OnePL: return "1pl";
    case ItemModel::TwoPL: return "2pl";
    case ItemModel::ThreePL: return "3pl";
  }
  return "2pl";
}

std::optional<ItemModel> model_from_name(std::string_view name) {
  if (name == "1pl") return ItemModel::OnePL;
  if (name == "2pl") return ItemModel::TwoPL;
  if (name == "3pl") return ItemModel::ThreePL;
  return std::nullopt;
}

}  // namespace cc::irt
