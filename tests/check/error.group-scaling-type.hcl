job "web" {
  group "app" {
    scaling {
      type = "vertical_cpu"
      min  = 1
      max  = 3
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
