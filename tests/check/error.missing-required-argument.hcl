job "web" {
  group "app" {
    task "init" {
      driver = "exec"
      config {
        command = "/bin/setup"
      }
      lifecycle {
        sidecar = false
      }
    }
  }
}
