job "web" {
  group "app" {
    reschedule {
      delay_function = "linear"
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
