job "web" {
  group "app" {
    task "server" {
      driver = "exec"
      config {
        command = "/bin/server"
        args    = ["--node", "${nodes.unique.name}"]
      }
    }
  }
}
