job "web" {
  group "app" {
    update {
      auto_promote = true
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
