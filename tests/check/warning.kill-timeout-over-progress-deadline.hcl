job "web" {
  group "app" {
    update {
      healthy_deadline  = "20s"
      progress_deadline = "30s"
      min_healthy_time  = "5s"
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      kill_timeout = "45s"
    }
  }
}
