job "web" {
  group "app" {
    restart {
      attempts = 0
      mode     = "delay"
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
