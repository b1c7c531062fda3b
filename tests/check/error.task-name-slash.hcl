job "web" {
  group "app" {
    task "web/server" {
      driver = "exec"
      config {
        command = "/bin/web/server"
      }
    }
  }
}
