job "web" {
  constraint {
    attribute = "${meta.tags}"
    operator  = "is_set"
    is_set    = true
  }
  group "app" {
    count = 1
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
