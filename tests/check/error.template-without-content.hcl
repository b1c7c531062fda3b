job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      template {
        destination = "local/app.conf"
      }
    }
  }
}
