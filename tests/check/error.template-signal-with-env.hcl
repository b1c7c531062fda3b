job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      template {
        data          = "X=1"
        destination   = "local/app.env"
        env           = true
        change_mode   = "signal"
        change_signal = "SIGHUP"
      }
    }
  }
}
