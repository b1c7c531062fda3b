job "web" {
  type = "batch"
  periodic {
    cron = "@daily"
  }
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
