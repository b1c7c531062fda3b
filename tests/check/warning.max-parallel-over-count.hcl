job "web" {
  group "app" {
    count = 2
    update {
      max_parallel = 5
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
