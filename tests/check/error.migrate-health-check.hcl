job "web" {
  group "app" {
    migrate {
      health_check = "manual"
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
