job "web" {
  group "app" {
    update {
      health_check = "manual_checks"
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
