job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      colour = "red"
      config {
        command = "/bin/server"
      }
    }
  }
}
