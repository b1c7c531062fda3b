job "web" {
  group "app" {
    network {
      port "" {}
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
