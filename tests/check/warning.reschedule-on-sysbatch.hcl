job "web" {
  type = "sysbatch"
  group "app" {
    reschedule {
      attempts = 1
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
