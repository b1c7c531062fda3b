job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      template {
        data        = "a"
        destination = "local/app.conf"
      }
      template {
        data        = "b"
        destination = "local/app.conf"
      }
    }
  }
}
