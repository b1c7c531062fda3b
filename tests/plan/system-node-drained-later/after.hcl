job "node-exporter" {
  datacenters = ["dc1"]
  type        = "system"

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
