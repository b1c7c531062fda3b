job "web" {
  parameterized {
    payload = "required"
  }
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
