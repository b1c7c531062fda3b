job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      volume_mount {
        volume      = "data"
        destination = "/data"
      }
    }
  }
}
