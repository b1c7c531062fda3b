job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      resources {
        cpu = 0
      }
    }
  }
}
