job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      template {
        data        = "x"
        destination = "local/app.conf"
        wait {
          min = "10s"
          max = "2s"
        }
      }
    }
  }
}
