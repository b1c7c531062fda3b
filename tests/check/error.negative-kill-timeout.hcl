job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      kill_timeout = "-5s"
    }
  }
}
