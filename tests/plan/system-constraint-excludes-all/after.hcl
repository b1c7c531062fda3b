job "node-exporter" {
  datacenters = ["dc1"]
  type        = "system"

  constraint {
    attribute = "${attr.cpu.arch}"
    value     = "arm64"
  }

  group "exporter" {
    task "exporter" {
      driver = "exec"

      config {
        command = "/usr/local/bin/node_exporter"
      }

      resources {
        cpu    = 100
        memory = 64
      }
    }
  }
}
