// TaskToken, the token file and the template read (task_token.hpp).
#include "task_token.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "api_json.hpp"
#include "api_route.hpp"
#include "stdlib/fn_time.hpp"

namespace hjob::secrets {

Result<TaskToken> TaskToken::issue(Secrets& secrets, const std::vector<std::string>& policies, UnixSeconds ttl,
                                   const std::string& display_name, UnixSeconds now) {
    TokenSpec spec;
    spec.policies = policies;
    spec.ttl = ttl;
    spec.renewable = true;
    spec.no_default_policy = true;
    spec.display_name = display_name;
    auto created = secrets.tokens().create(spec);
    if (!created) return Result<TaskToken>::fail(created.error);
    return Result<TaskToken>::ok(TaskToken(created->id, ttl, now));
}

TaskToken TaskToken::adopt(std::string id, UnixSeconds ttl, UnixSeconds remaining, UnixSeconds now) {
    TaskToken t(std::move(id), ttl, now);
    t.next_ = now + remaining / 2;
    return t;
}

Status TaskToken::renew(Secrets& secrets, UnixSeconds now) {
    const auto info = secrets.tokens().renew(id_, ttl_);
    if (!info) {
        next_ = now + std::max<UnixSeconds>(1, ttl_ / 4);
        return Status::fail(info.error);
    }
    next_ = now + std::max<UnixSeconds>(1, info->ttl_remaining / 2);
    return success();
}

void TaskToken::revoke(Secrets& secrets) { (void)secrets.tokens().revoke(id_); }

UnixSeconds task_token_ttl() {
    const char* text = std::getenv(task_token_ttl_env);
    if (!text || !*text) return default_task_token_ttl;
    std::string s = text, error;
    if (s.find_first_not_of("0123456789") == std::string::npos) s += "s";
    const auto ns = cty::fn::parse_duration(s, error);
    if (!ns || *ns < 1'000'000'000) return default_task_token_ttl;
    return *ns / 1'000'000'000;
}

Status write_token_file(const std::filesystem::path& file, const std::string& token) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return Status::fail("cannot write " + file.string() + ": " + std::strerror(errno));
    // An existing file keeps its mode on O_CREAT: make it 0600 before the token goes in.
    const bool ok = ::fchmod(fd, 0600) == 0 && ::write(fd, token.data(), token.size()) == static_cast<ssize_t>(token.size());
    const int err = errno;
    ::close(fd);
    if (!ok) return Status::fail("cannot write " + file.string() + ": " + std::strerror(err));
    return success();
}

std::optional<nlohmann::json> read_for_template(Secrets& secrets, const std::string& token, const std::string& path) {
    const auto r = route("GET", "/v1/" + path);
    if (!r || r->action != ApiAction::kv_read) return std::nullopt;
    if (!secrets.tokens().authorize(token, r->operation, r->policy_path).allowed) return std::nullopt;
    const auto s = secrets.kv().get(r->logical, r->version);
    if (!s) return std::nullopt;
    return api_json::kv_read(*s);
}

}  // namespace hjob::secrets
