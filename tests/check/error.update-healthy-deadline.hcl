job "web" {
  group "app" {
    update {
      healthy_deadline  = "15m"
      progress_deadline = "10m"
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
