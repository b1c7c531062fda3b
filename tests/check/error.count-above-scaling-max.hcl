job "web" {
  group "app" {
    count = 5
    scaling {
      min = 1
      max = 3
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
