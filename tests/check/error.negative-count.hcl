job "web" {
  group "app" {
    count = -1
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
