// The stanza diffs that jobs, groups and tasks share (constraints, affinities, spreads,
// networks, services), and the group and task diffs the job diff is made of.
#pragma once

#include <vector>

#include "runtime/plan/flat.hpp"

namespace hjob::runtime::diffing {

void diff_constraints(std::vector<ObjectDiff>& out, const std::vector<ir::Constraint>* b, const std::vector<ir::Constraint>* a);
void diff_affinities(std::vector<ObjectDiff>& out, const std::vector<ir::Affinity>* b, const std::vector<ir::Affinity>* a);
void diff_spreads(std::vector<ObjectDiff>& out, const std::vector<ir::Spread>* b, const std::vector<ir::Spread>* a);
void diff_networks(std::vector<ObjectDiff>& out, const std::vector<ir::Network>* b, const std::vector<ir::Network>* a);
void diff_services(std::vector<ObjectDiff>& out, const std::vector<ir::Service>* b, const std::vector<ir::Service>* a);
ObjectDiff diff_restart(const ir::RestartPolicy* b, const ir::RestartPolicy* a);
ObjectDiff diff_consul(const ir::Consul* b, const ir::Consul* a);

GroupDiff diff_group(const ir::Group* b, const ir::Group* a);
TaskDiff diff_task(const ir::Task* b, const ir::Task* a);

/// Pointer to the optional's value, or nullptr; `present` false also gives nullptr.
template <class T>
const T* opt(const std::optional<T>* o) {
    return o && o->has_value() ? &**o : nullptr;
}
/// `&(p->*m)` or nullptr when p is null.
template <class T, class M>
const M* member(const T* p, M T::*m) {
    return p ? &(p->*m) : nullptr;
}

}  // namespace hjob::runtime::diffing
