job "web" {
  group "app" {
    volume "data" {
      type = "host"
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
