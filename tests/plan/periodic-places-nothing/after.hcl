job "report" {
  datacenters = ["dc1"]
  type        = "batch"

  periodic {
    crons            = ["0 3 * * *"]
    prohibit_overlap = true
  }

  group "work" {
    count = 3

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
