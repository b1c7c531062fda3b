job "web" {
  type = "system"
  group "app" {
    count = 3
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
