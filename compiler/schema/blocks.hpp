// The stanza tables, declared once so that each family's file can refer to blocks defined in
// another (a `constraint` appears under job, group, task and device). Internal to schema/.
#pragma once

#include "schema.hpp"

namespace hjob::schema::blocks {

using enum ValueType;

// job.cpp
extern const Block file_root, job, variable, variable_validation, variables, locals, ui, ui_link, multiregion;
// periodic.cpp
extern const Block periodic, parameterized, dispatch_payload;
// group.cpp
extern const Block group, ephemeral_disk, consul, disconnect;
// task.cpp
extern const Block task, lifecycle, logs, meta, env, config, identity, action, csi_plugin, task_scaling, schedule;
// resources.cpp
extern const Block resources, device, numa, sidecar_resources;
// network.cpp
extern const Block network, port, reserved_ports, dns, cni, task_network;
// service.cpp
extern const Block service, check, check_restart, check_header, weights, service_identity, service_meta,
    canary_meta, tagged_addresses;
// connect.cpp
extern const Block connect, sidecar_service, sidecar_task, proxy, upstreams, expose, expose_path, gateway;
// update.cpp
extern const Block update, migrate, restart, reschedule;
// placement.cpp
extern const Block constraint, affinity, spread, spread_target;
// artifact.cpp
extern const Block artifact, artifact_options, artifact_headers, template_, change_script, template_wait;
// vault.cpp
extern const Block vault, secret;
// volume.cpp
extern const Block volume, mount_options, volume_mount;
// scaling.cpp
extern const Block scaling, scaling_policy;
// drivers.cpp
extern const Block exec_config, raw_exec_config, docker_config;

}  // namespace hjob::schema::blocks
