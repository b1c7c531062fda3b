// Bump allocator for the syntax tree: nodes are trivially destructible and die together with
// the tree, so a parse costs a handful of large allocations instead of one per node.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace hjob {

class Arena {
public:
    explicit Arena(std::size_t first_block = 64 * 1024) : next_block_(first_block) {}
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;

    void* allocate(std::size_t size, std::size_t align) {
        std::size_t pad = (align - reinterpret_cast<std::uintptr_t>(cur_) % align) % align;
        if (cur_ == nullptr || pad + size > static_cast<std::size_t>(end_ - cur_)) {
            grow(size + align);
            pad = (align - reinterpret_cast<std::uintptr_t>(cur_) % align) % align;
        }
        void* p = cur_ + pad;
        cur_ += pad + size;
        return p;
    }

    template <class T, class... Args>
    T* make(Args&&... args) {
        static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
        return new (allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
    }

    /// Copies `items` into the arena.
    template <class T>
    std::span<T> copy(std::span<const T> items) {
        static_assert(std::is_trivially_copyable_v<T>);
        if (items.empty()) return {};
        auto* p = static_cast<T*>(allocate(sizeof(T) * items.size(), alignof(T)));
        std::memcpy(static_cast<void*>(p), items.data(), sizeof(T) * items.size());
        return {p, items.size()};
    }

    std::string_view copy(std::string_view s) {
        if (s.empty()) return {};
        auto* p = static_cast<char*>(allocate(s.size(), 1));
        std::memcpy(p, s.data(), s.size());
        return {p, s.size()};
    }

    /// Bytes obtained from the system so far (for the allocation benchmark).
    std::size_t bytes_reserved() const { return reserved_; }

private:
    void grow(std::size_t at_least) {
        const std::size_t size = std::max(next_block_, at_least);
        blocks_.emplace_back(new std::byte[size]);
        cur_ = blocks_.back().get();
        end_ = cur_ + size;
        reserved_ += size;
        next_block_ = std::min<std::size_t>(next_block_ * 2, 16u << 20);
    }

    std::vector<std::unique_ptr<std::byte[]>> blocks_;
    std::byte* cur_ = nullptr;
    std::byte* end_ = nullptr;
    std::size_t next_block_;
    std::size_t reserved_ = 0;
};

}  // namespace hjob
