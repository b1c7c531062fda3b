job "web" {
  group "app" {
    reschedule {
      attempts  = 3
      interval  = "10s"
      unlimited = false
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
