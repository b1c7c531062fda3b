job "web" {
  periodic {
    crons = ["@daily"]
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
