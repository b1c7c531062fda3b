job "web" {
  group "app" {
    constraint {
      attribute = "${meta.rack}"
      operator  = "is_set"
      value     = "r1"
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
