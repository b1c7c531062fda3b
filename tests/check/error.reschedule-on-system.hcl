job "web" {
  type = "system"
  group "app" {
    reschedule {
      attempts = 3
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
