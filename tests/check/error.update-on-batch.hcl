job "web" {
  type = "batch"
  group "app" {
    update {
      max_parallel = 1
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
