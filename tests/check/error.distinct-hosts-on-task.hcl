job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
      constraint {
        operator = "distinct_hosts"
        value    = "true"
      }
    }
  }
}
