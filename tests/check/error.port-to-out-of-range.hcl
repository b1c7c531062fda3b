job "web" {
  group "app" {
    network {
      port "http" {
        to = -5
      }
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
