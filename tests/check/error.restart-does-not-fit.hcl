job "web" {
  group "app" {
    restart {
      attempts = 10
      delay    = "1m"
      interval = "5m"
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
