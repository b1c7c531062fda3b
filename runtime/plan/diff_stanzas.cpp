// Diffs of the stanzas shared by jobs, groups and tasks: constraints and affinities (matched
// by their string form, so an edit shows as a deletion and an addition, as Nomad does),
// spreads (by attribute), networks (by position) with their ports (by label), restart and
// consul blocks.
#include "runtime/plan/diff_parts.hpp"

namespace hjob::runtime::diffing {

void diff_constraints(std::vector<ObjectDiff>& out, const std::vector<ir::Constraint>* b, const std::vector<ir::Constraint>* a) {
    diff_list(out, b, a, [](const ir::Constraint& c) { return c.attribute + " " + c.operand + " " + c.value; },
              [](const ir::Constraint* x, const ir::Constraint* y) {
                  auto flat = [](const ir::Constraint& c) {
                      return Flat{}.add("LTarget", c.attribute).add("Operand", c.operand).add("RTarget", c.value);
                  };
                  std::optional<Flat> fx, fy;
                  if (x) fx = flat(*x);
                  if (y) fy = flat(*y);
                  return make_object("Constraint", opt(&fx), opt(&fy));
              });
}

void diff_affinities(std::vector<ObjectDiff>& out, const std::vector<ir::Affinity>* b, const std::vector<ir::Affinity>* a) {
    diff_list(out, b, a,
              [](const ir::Affinity& c) { return c.attribute + " " + c.operand + " " + c.value + " " + std::to_string(c.weight); },
              [](const ir::Affinity* x, const ir::Affinity* y) {
                  auto flat = [](const ir::Affinity& c) {
                      return Flat{}.add("LTarget", c.attribute).add("Operand", c.operand).add("RTarget", c.value).add("Weight", c.weight);
                  };
                  std::optional<Flat> fx, fy;
                  if (x) fx = flat(*x);
                  if (y) fy = flat(*y);
                  return make_object("Affinity", opt(&fx), opt(&fy));
              });
}

void diff_spreads(std::vector<ObjectDiff>& out, const std::vector<ir::Spread>* b, const std::vector<ir::Spread>* a) {
    diff_list(out, b, a, [](const ir::Spread& s) { return s.attribute; }, [](const ir::Spread* x, const ir::Spread* y) {
        std::vector<ObjectDiff> targets;
        diff_list(targets, member(x, &ir::Spread::targets), member(y, &ir::Spread::targets),
                  [](const ir::SpreadTarget& t) { return t.value; },
                  [](const ir::SpreadTarget* p, const ir::SpreadTarget* q) {
                      std::optional<Flat> fp, fq;
                      if (p) fp = Flat{}.add("Percent", p->percent).add("Value", p->value);
                      if (q) fq = Flat{}.add("Percent", q->percent).add("Value", q->value);
                      return make_object("SpreadTarget", opt(&fp), opt(&fq));
                  });
        std::optional<Flat> fx, fy;
        if (x) fx = Flat{}.add("Attribute", x->attribute).add("Weight", x->weight);
        if (y) fy = Flat{}.add("Attribute", y->attribute).add("Weight", y->weight);
        return make_object("Spread", opt(&fx), opt(&fy), std::move(targets));
    });
}

namespace {

ObjectDiff diff_port(const char* name, const ir::Port* x, const ir::Port* y, bool is_static) {
    auto flat = [&](const ir::Port& p) {
        Flat f;
        f.add("HostNetwork", p.host_network).add("Label", p.label).add("To", p.to);
        if (is_static) f.add("Value", p.value);
        if (p.ignore_collision) f.add("IgnoreCollision", true);
        return f;
    };
    std::optional<Flat> fx, fy;
    if (x) fx = flat(*x);
    if (y) fy = flat(*y);
    return make_object(name, opt(&fx), opt(&fy));
}

ObjectDiff diff_network(const ir::Network* x, const ir::Network* y) {
    std::vector<ObjectDiff> kids;
    auto label = [](const ir::Port& p) { return p.label; };
    diff_list(kids, member(x, &ir::Network::reserved_ports), member(y, &ir::Network::reserved_ports), label,
              [](const ir::Port* p, const ir::Port* q) { return diff_port("Static Port", p, q, true); });
    diff_list(kids, member(x, &ir::Network::dynamic_ports), member(y, &ir::Network::dynamic_ports), label,
              [](const ir::Port* p, const ir::Port* q) { return diff_port("Dynamic Port", p, q, false); });
    const ir::DNS* dx = x ? opt(&x->dns) : nullptr;
    const ir::DNS* dy = y ? opt(&y->dns) : nullptr;
    if (dx || dy) {
        std::vector<ObjectDiff> sets;
        sets.push_back(diff_set("Options", member(dx, &ir::DNS::options), member(dy, &ir::DNS::options)));
        sets.push_back(diff_set("Searches", member(dx, &ir::DNS::searches), member(dy, &ir::DNS::searches)));
        sets.push_back(diff_set("Servers", member(dx, &ir::DNS::servers), member(dy, &ir::DNS::servers)));
        const Flat empty;
        kids.push_back(make_object("DNS", dx ? &empty : nullptr, dy ? &empty : nullptr, std::move(sets)));
    }
    const ir::StringMap* cx = x ? opt(&x->cni_args) : nullptr;
    const ir::StringMap* cy = y ? opt(&y->cni_args) : nullptr;
    if (cx || cy) {
        std::optional<Flat> fx, fy;
        if (cx) fx = Flat{}.map("Args", *cx);
        if (cy) fy = Flat{}.map("Args", *cy);
        kids.push_back(make_object("CNIConfig", opt(&fx), opt(&fy)));
    }
    auto flat = [](const ir::Network& n) {
        return Flat{}.add("CIDR", n.cidr).add("Device", n.device).add("Hostname", n.hostname).add("IP", n.ip)
            .add("MBits", n.mbits).add("Mode", n.mode);
    };
    std::optional<Flat> fx, fy;
    if (x) fx = flat(*x);
    if (y) fy = flat(*y);
    return make_object("Network", opt(&fx), opt(&fy), std::move(kids));
}

}  // namespace

void diff_networks(std::vector<ObjectDiff>& out, const std::vector<ir::Network>* b, const std::vector<ir::Network>* a) {
    const std::size_t nb = b ? b->size() : 0, na = a ? a->size() : 0;
    for (std::size_t i = 0; i < std::max(nb, na); ++i)
        keep(out, diff_network(i < nb ? &(*b)[i] : nullptr, i < na ? &(*a)[i] : nullptr));
}

ObjectDiff diff_restart(const ir::RestartPolicy* b, const ir::RestartPolicy* a) {
    auto flat = [](const ir::RestartPolicy& r) {
        return Flat{}.add("Attempts", r.attempts).dur("Delay", r.delay).dur("Interval", r.interval).add("Mode", r.mode)
            .add("RenderTemplates", r.render_templates);
    };
    std::optional<Flat> fb, fa;
    if (b) fb = flat(*b);
    if (a) fa = flat(*a);
    return make_object("RestartPolicy", opt(&fb), opt(&fa));
}

ObjectDiff diff_consul(const ir::Consul* b, const ir::Consul* a) {
    auto flat = [](const ir::Consul& c) {
        return Flat{}.add("Cluster", c.cluster).add("Namespace", c.namespace_).add("Partition", c.partition);
    };
    std::optional<Flat> fb, fa;
    if (b) fb = flat(*b);
    if (a) fa = flat(*a);
    return make_object("Consul", opt(&fb), opt(&fa));
}

}  // namespace hjob::runtime::diffing
