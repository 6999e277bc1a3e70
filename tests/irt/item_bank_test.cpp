// Item banks: what irt fit writes reads back to the same parameters, cases and ability
// range, for criterion and 3PL banks alike.
#include <catch2/catch.hpp>

#include "irt/em_fit.h"
#include "irt/item_bank.h"
#include "irt/simulate.h"
#include "test_support.h"

using namespace cc::irt;

TEST_CASE("items.csv and respondents.csv read back to the fitted bank", "[irt]") {
  SimulationSpec spec;
  spec.respondents = 20;
  spec.cases = 4;
  const Simulation sim = simulate_2pl(spec);
  for (ItemModel model : {ItemModel::TwoPL, ItemModel::ThreePL}) {
    FitOptions o;
    o.model = model;
    o.quadrature_points = 21;
    auto fit = fit_items(sim.matrix, o);
    REQUIRE(fit.ok());
    cc::test::TempDir dir;
    dir.write("items.csv", items_csv(*fit, sim.matrix));
    dir.write("respondents.csv", respondents_csv(*fit, sim.matrix));
    auto bank = read_item_bank(dir.path() + "/items.csv", "items.csv", cc::Lang::En);
    REQUIRE(bank.ok());
    const ItemBank expected = bank_from_fit(*fit, sim.matrix);
    CHECK(bank->guessing == (model == ItemModel::ThreePL));
    CHECK(bank->unit == ItemUnit::Criterion);
    REQUIRE(bank->params.size() == expected.params.size());
    for (size_t i = 0; i < expected.params.size(); ++i) {
      CHECK(bank->params[i].a == expected.params[i].a);
      CHECK(bank->params[i].d == expected.params[i].d);
      CHECK(bank->params[i].g == expected.params[i].g);
    }
    CHECK(bank->cases == expected.cases);
    CHECK(bank->ability_range_known);
    CHECK(bank->ability_min == expected.ability_min);
    CHECK(bank->ability_max == expected.ability_max);
  }
}
