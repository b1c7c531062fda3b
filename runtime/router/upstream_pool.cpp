// The pool of kept-alive upstream connections (upstream_pool.hpp).
#include "upstream_pool.hpp"

namespace hjob::runtime::router {

std::optional<beast::tcp_stream> UpstreamPool::take(const std::string& key) {
    std::lock_guard lock(mu_);
    auto it = idle_.find(key);
    if (it == idle_.end() || it->second.empty()) return std::nullopt;
    beast::tcp_stream s = std::move(it->second.back());
    it->second.pop_back();
    return s;
}

void UpstreamPool::give(const std::string& key, beast::tcp_stream s) {
    std::lock_guard lock(mu_);
    auto& v = idle_[key];
    if (v.size() < limit_) v.push_back(std::move(s));
}

std::size_t UpstreamPool::idle() const {
    std::lock_guard lock(mu_);
    std::size_t n = 0;
    for (const auto& [_, v] : idle_) n += v.size();
    return n;
}

void UpstreamPool::clear() {
    std::lock_guard lock(mu_);
    idle_.clear();
}

}  // namespace hjob::runtime::router
