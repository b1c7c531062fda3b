job "web" {
  group "app" {
    network {
      port "http" {
        static = 70000
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
