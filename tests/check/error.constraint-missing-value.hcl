job "web" {
  group "app" {
    constraint {
      attribute = "${attr.kernel.name}"
      operator  = "!="
    }
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
      }
    }
  }
}
