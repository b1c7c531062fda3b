job "report" {
  datacenters = ["dc1"]
  type        = "batch"

  group "work" {
    count = 4

    task "report" {
      driver = "exec"

      config {
        command = "/usr/local/bin/report"
      }

      resources {
        cpu    = 500
        memory = 256
      }
    }
  }
}
