job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      logs {
        max_files = 0
      }
    }
  }
}
