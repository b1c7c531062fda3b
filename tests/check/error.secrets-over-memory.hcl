job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      resources {
        memory  = 128
        secrets = 256
      }
    }
  }
}
