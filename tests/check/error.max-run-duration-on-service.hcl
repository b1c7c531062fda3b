job "web" {
  group "app" {
    max_run_duration = "1h"
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
