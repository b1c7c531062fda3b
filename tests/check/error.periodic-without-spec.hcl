job "web" {
  type = "batch"
  periodic {
    prohibit_overlap = true
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
