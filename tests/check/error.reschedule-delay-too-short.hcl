job "web" {
  group "app" {
    reschedule {
      delay = "1s"
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
