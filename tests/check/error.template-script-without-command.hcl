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
        change_mode = "script"
      }
    }
  }
}
