job "web" {
  group "app" {
    update {
      min_healthy_time = "10m"
      healthy_deadline = "5m"
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
