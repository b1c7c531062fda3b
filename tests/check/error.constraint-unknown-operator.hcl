job "web" {
  constraint {
    attribute = "${attr.kernel.name}"
    operator  = "like"
    value     = "linux"
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
