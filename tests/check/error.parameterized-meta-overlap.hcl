job "web" {
  type = "batch"
  parameterized {
    meta_required = ["user"]
    meta_optional = ["user", "mail"]
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
