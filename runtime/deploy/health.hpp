// Allocation health as a deployment judges it (Nomad's health_check): "checks" wants every
// task running and every registered service instance of the allocation passing, "task_states"
// only the tasks running, "manual" is never decided here. Where the instances come from is an
// interface, so that tests can fake the catalog.
#pragma once

#include <string>
#include <vector>

#include "runtime/catalog/catalog.hpp"
#include "runtime/model.hpp"

namespace hjob::runtime::deploy {

/// The catalog instances an allocation registered.
class HealthSource {
public:
    virtual ~HealthSource() = default;
    virtual std::vector<catalog::Instance> instances(const std::string& alloc_id) = 0;
};

/// The real one: the state's catalog.
class CatalogHealth : public HealthSource {
public:
    explicit CatalogHealth(state::Store& store) : catalog_(store) {}
    std::vector<catalog::Instance> instances(const std::string& alloc_id) override { return catalog_.by_alloc(alloc_id); }

private:
    catalog::Catalog catalog_;
};

/// Whether the allocation's tasks are as a healthy allocation's: main tasks and sidecars
/// running, prestart tasks that are not sidecars finished without failing.
bool tasks_healthy(const Allocation& a, const ir::Group& g);

/// Whether the allocation's services are registered (as many instances as the group and its
/// tasks declare services) and passing; services and checks with on_update = "ignore" do not
/// count, "ignore_warnings" lets warning pass.
bool checks_healthy(const ir::Group& g, const std::vector<catalog::Instance>& instances);

/// Whether a task failed or the allocation is failed or lost: unhealthy at once.
bool failed(const Allocation& a);

/// The health right now under `health_check` ("checks" or "task_states").
bool healthy_now(const Allocation& a, const ir::Group& g, const std::string& health_check, HealthSource& source);

}  // namespace hjob::runtime::deploy
