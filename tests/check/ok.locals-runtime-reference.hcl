locals {
  alloc = "${NOMAD_ALLOC_ID}"
  os    = "${attr.kernel.name}"
}

job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      env {
        ALLOC = local.alloc
        OS    = local.os
      }
    }
  }
}
