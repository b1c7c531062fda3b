job "web" {
  type = "batch"
  group "app" {
    migrate {
      max_parallel = 2
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
