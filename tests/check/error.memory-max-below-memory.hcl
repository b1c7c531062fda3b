job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      resources {
        memory     = 512
        memory_max = 256
      }
    }
  }
}
