job "web" {
  type = "system"
  group "app" {
    volume "data" {
      type      = "host"
      source    = "data"
      per_alloc = true
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
