// Storage: the group's `volume` requests and the task's `volume_mount` (digest §2.20).
#include "blocks.hpp"

namespace hjob::schema::blocks {

constexpr Attribute mount_options_attrs[] = {
    attr("fs_type", string, "File system type of a CSI volume."),
    attr("mount_flags", string_list, "Mount flags of a CSI volume."),
};
constexpr Block mount_options = block("mount_options", "Mount options of a CSI volume.", mount_options_attrs);

constexpr Attribute volume_attrs[] = {
    attr("type", string, "Kind of volume.").one_of("host|csi"),
    attr("source", string, "Name of the host volume or ID of the CSI volume.").req(),
    attr("read_only", boolean, "Mount read-only.").def("false"),
    attr("sticky", boolean, "Keep the allocation on the same volume.").def("false"),
    attr("per_alloc", boolean, "Append [<alloc index>] to the source.").def("false"),
    attr("access_mode", string, "CSI or host volume access mode.")
        .one_of("single-node-reader-only|single-node-writer|single-node-single-writer|single-node-multi-writer|"
                "multi-node-reader-only|multi-node-single-writer|multi-node-multi-writer"),
    attr("attachment_mode", string, "CSI attachment mode.").one_of("file-system|block-device"),
};
constexpr const Block* volume_blocks[] = {&mount_options};
constexpr Block volume =
    block("volume", "A host or CSI volume the group needs.", volume_attrs, volume_blocks).labelled("name").many();

constexpr Attribute volume_mount_attrs[] = {
    attr("volume", string, "Label of a volume of the group.").req(),
    attr("destination", string, "Mount point inside the task.").req(),
    attr("read_only", boolean, "Mount read-only.").def("false"),
    attr("propagation_mode", string, "Mount propagation.").def("private").one_of("private|host-to-task|bidirectional"),
    attr("selinux_label", string, "SELinux relabelling of the mount.").one_of("|z|Z"),
};
constexpr Block volume_mount = block("volume_mount", "Mount a group volume in the task.", volume_mount_attrs).many();

}  // namespace hjob::schema::blocks
