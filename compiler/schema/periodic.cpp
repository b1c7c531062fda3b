// `periodic`, `parameterized` (job level, batch and sysbatch only) and the task's
// `dispatch_payload` (digest §2.22, §2.23).
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr Attribute periodic_attrs[] = {
    attr("cron", string, "Cron expression of the launches (deprecated: use crons).").old(),
    attr("crons", string_list, "Cron expressions of the launches."),
    attr("prohibit_overlap", boolean, "Skip a launch while the previous one still runs.").def("false"),
    attr("time_zone", string, "IANA time zone the cron expressions are read in.").def("UTC"),
    attr("enabled", boolean, "Whether launches happen.").def("true"),
};
constexpr Block periodic = block("periodic", "Launch the job on a cron schedule.", periodic_attrs);

constexpr Attribute parameterized_attrs[] = {
    attr("payload", string, "Whether a dispatch payload is optional, required or forbidden.")
        .def("optional")
        .one_of("optional|required|forbidden"),
    attr("meta_required", string_list, "Meta keys every dispatch must set."),
    attr("meta_optional", string_list, "Meta keys a dispatch may set."),
};
constexpr Block parameterized =
    block("parameterized", "Make the job a template that `nomad job dispatch` instantiates.", parameterized_attrs);

constexpr Attribute dispatch_payload_attrs[] = {
    attr("file", string, "Path under local/ where the dispatch payload is written."),
};
constexpr Block dispatch_payload =
    block("dispatch_payload", "Write the dispatch payload into the task's directory.", dispatch_payload_attrs);

}  // namespace hjob::schema::blocks
