// The catalog's JSON form, shared by `hjob services --json`, the state columns and the
// router's /api pages: field names as Consul's health API spells them where one exists.
#pragma once

#include <nlohmann/json.hpp>

#include "catalog.hpp"

namespace hjob::runtime::catalog {

void to_json(nlohmann::json& j, const CheckStatus& c);
void from_json(const nlohmann::json& j, CheckStatus& c);
void to_json(nlohmann::json& j, const Instance& i);

}  // namespace hjob::runtime::catalog
